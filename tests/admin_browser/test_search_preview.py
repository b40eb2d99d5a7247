"""The SEO tab's search result preview on a desktop and on a phone, in headless Chromium: a
button pair switches every language's preview, the choice survives a reload, and the phone
shows the title and description cut at its narrower limits."""

from __future__ import annotations

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ec

from seo.audit import configured_thresholds
from seo.serp import serp_preview
from tests.admin_browser.test_translating import click, editor_ready
from tests.browser import BROWSER_TEST_MARKS, log_in, screenshot, wait

pytestmark = BROWSER_TEST_MARKS


def pressed(driver) -> dict[str, list[str]]:
    """Which device button is pressed, for every language's preview."""
    return driver.execute_script(
        "const out = {desktop: [], mobile: []};"
        "document.querySelectorAll('[data-seo-lang] [data-seo-device]').forEach((b) =>"
        " out[b.dataset.seoDevice].push(b.getAttribute('aria-pressed')));"
        "return out;"
    )


def shown_titles(section) -> list[str]:
    return [
        title.text
        for title in section.find_elements(By.CSS_SELECTOR, "[data-seo-serp-title]")
        if title.is_displayed()
    ]


def open_seo_tab(driver, live_server, page):
    driver.get(f"{live_server.url}/admin/pages/{page.pk}/edit/")
    editor_ready(driver)
    wait(driver).until(ec.element_to_be_clickable((By.ID, "tab-label-seo"))).click()
    return wait(driver).until(
        ec.visibility_of_element_located((By.CSS_SELECTOR, '[data-seo-lang="de"]'))
    )


def test_search_preview_switches_to_mobile_limits_and_remembers_it(
    live_server, browser, seed_article, english_speaking_editor
):
    # A title tag that fits a desktop result but not a phone's.
    seed_article.seo_title_de = "Gut schlafen: was wirklich hilft, wenn die Nacht zu kurz ist"
    seed_article.save_revision().publish()
    serp = serp_preview(seed_article.seo_document("de"), configured_thresholds())
    assert not serp.title.truncated and serp.mobile_title.truncated

    log_in(browser, live_server, english_speaking_editor)
    section = open_seo_tab(browser, live_server, seed_article)
    assert shown_titles(section) == [serp.title.visible]
    assert set(pressed(browser)["desktop"]) == {"true"}

    click(browser, section.find_element(By.CSS_SELECTOR, "[data-seo-device=mobile]"))
    wait(browser).until(lambda driver: set(pressed(driver)["mobile"]) == {"true"})
    assert set(pressed(browser)["desktop"]) == {"false"}
    assert shown_titles(section) == [serp.mobile_title.visible]
    notes = section.find_element(By.CSS_SELECTOR, ".seo-serp__notes").text
    assert f"of {serp.mobile_title.max_px:.0f} px" in notes
    assert f"cut after {serp.mobile_title.visible_chars} characters" in notes
    browser.execute_script(
        "document.querySelector('[data-seo-lang=de] .seo-serp-heading')"
        ".scrollIntoView({block: 'start'}); window.scrollBy(0, -120);"
    )
    screenshot(browser, "editors-search-preview-mobile", docs=True)

    # Remembered across a reload; "Analyse current content" keeps it too.
    section = open_seo_tab(browser, live_server, seed_article)
    assert set(pressed(browser)["mobile"]) == {"true"}
    assert shown_titles(section) == [serp.mobile_title.visible]
    click(browser, browser.find_element(By.CSS_SELECTOR, "[data-seo-refresh]"))
    wait(browser).until(
        lambda driver: (
            "form" in driver.find_element(By.ID, "seo-analysis-source").text
            or "Analysis of the content in the form" in driver.page_source
        )
    )
    section = browser.find_element(By.CSS_SELECTOR, '[data-seo-lang="de"]')
    wait(browser).until(lambda driver: set(pressed(driver)["mobile"]) == {"true"})
    assert shown_titles(section) == [serp.mobile_title.visible]

    click(browser, section.find_element(By.CSS_SELECTOR, "[data-seo-device=desktop]"))
    wait(browser).until(lambda driver: set(pressed(driver)["desktop"]) == {"true"})
    assert shown_titles(section) == [serp.title.visible]
