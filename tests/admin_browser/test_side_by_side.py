"""Side-by-side translation: the source language read-only next to the target's inputs."""

from __future__ import annotations

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from articles.models import ArticlePage
from tests.admin_browser.test_translating import (
    editor_ready,
    open_editor,
    save_draft,
    selected_languages,
    type_into,
    type_rich_text,
)
from tests.browser import BROWSER_TEST_MARKS, log_in, screenshot

pytestmark = BROWSER_TEST_MARKS


def box(driver, selector: str) -> dict:
    return driver.execute_script(
        "const el = document.querySelector(arguments[0]).closest('.cms-side-source, "
        ".cms-side-target'); const r = el.getBoundingClientRect();"
        "return {left: r.left, top: r.top, width: r.width};",
        selector,
    )


def test_side_by_side_shows_the_source_read_only_next_to_the_target(
    live_server, browser, seed_article, english_speaking_editor
):
    log_in(browser, live_server, english_speaking_editor)
    open_editor(browser, live_server, seed_article)

    browser.find_element(By.CSS_SELECTOR, "[data-side-by-side]").click()
    Select(browser.find_element(By.CSS_SELECTOR, "[data-side-source]")).select_by_value("de")
    Select(browser.find_element(By.CSS_SELECTOR, "[data-side-target]")).select_by_value("en")

    assert sorted(selected_languages(browser)) == ["de", "en"]
    # Pairs sit on one row: German left, English right.
    for name in ("title", "intro", "sections-0-heading"):
        source = box(browser, f'[name="{name}_de"]')
        target = box(browser, f'[name="{name}_en"]')
        assert source["left"] < target["left"], name
        assert abs(source["top"] - target["top"]) < 5, name
    # The source cannot be typed into; the target can.
    assert browser.find_element(By.ID, "id_title_de").get_attribute("readonly") is not None
    type_into(browser, "#id_sections-0-heading_en", "Where the pain sits")
    type_rich_text(browser, "body_en", "Low.", within="#inline_child_sections-0-panel-section")
    type_into(browser, "#id_title_de", " (changed?)")
    browser.execute_script("window.scrollTo(0, 0);")
    screenshot(browser, "editors-side-by-side", docs=True)

    save_draft(browser)
    draft = ArticlePage.objects.get(pk=seed_article.pk).get_latest_revision_as_object()
    assert draft.title_de == seed_article.title_de  # read-only: unchanged, and still posted
    assert draft.sections.all()[0].heading_en == "Where the pain sits"
    # The mode survives the save; leaving it makes the German fields editable again.
    assert (
        browser.find_element(By.CSS_SELECTOR, "[data-side-by-side]").get_attribute("aria-pressed")
        == "true"
    )
    browser.find_element(By.CSS_SELECTOR, "[data-side-by-side]").click()
    editor_ready(browser)
    assert browser.find_element(By.ID, "id_title_de").get_attribute("readonly") is None
