"""Live counters under the title tag and the meta description measure as the SEO engine does."""

from __future__ import annotations

from selenium.webdriver.common.by import By

from seo.engine.pixel_width import text_width_px
from tests.admin_browser.test_translating import open_editor, pick_only, type_into
from tests.browser import BROWSER_TEST_MARKS, log_in, screenshot

pytestmark = BROWSER_TEST_MARKS


def counter(driver, name: str) -> str:
    return driver.execute_script(
        "return document.querySelector(`[data-cms-counter='${arguments[0]}']`).textContent;",
        name,
    )


def test_counters_follow_typing_with_the_engines_pixel_widths(
    live_server, browser, seed_article, english_speaking_editor, without_autosave
):
    log_in(browser, live_server, english_speaking_editor)
    open_editor(browser, live_server, seed_article)
    pick_only(browser, "en")
    browser.find_element(By.CSS_SELECTOR, "#tab-label-promote").click()

    title = "Back pain from the gut: symptoms, causes and what helps"
    type_into(browser, "#id_seo_title_en", title)
    expected = f"{len(title)} characters · {round(text_width_px(title, 20.0))} of 600 px"
    assert counter(browser, "seo_title_en").startswith(expected)

    description = "Too short."
    type_into(browser, "#id_search_description_en", description)
    assert "shorter than recommended" in counter(browser, "search_description_en")
    type_into(browser, "#id_seo_title_en", " " + "very long words " * 4)
    assert "search engines cut it" in counter(browser, "seo_title_en")
    screenshot(browser, "editors-counters", docs=True)
