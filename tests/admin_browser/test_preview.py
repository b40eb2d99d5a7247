"""The preview panel renders the article in the chosen language, and Wagtail's checks panel
reads it (words, reading time, readability)."""

from __future__ import annotations

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from tests.admin_browser.test_translating import open_editor
from tests.browser import BROWSER_TEST_MARKS, log_in, screenshot, wait

pytestmark = BROWSER_TEST_MARKS


def test_preview_panel_shows_the_article_and_the_checks_panel_counts_its_words(
    live_server, browser, seed_article, english_speaking_editor
):
    log_in(browser, live_server, english_speaking_editor)
    open_editor(browser, live_server, seed_article)

    browser.find_element(By.CSS_SELECTOR, '[data-side-panel-toggle="preview"]').click()
    wait(browser).until(
        lambda d: (
            "Woran"
            in d.execute_script(
                "return document.getElementById('w-preview-iframe')"
                ".contentDocument?.body?.innerText || '';"
            )
        )
    )
    screenshot(browser, "editors-preview", docs=True)
    # Wagtail swaps in a fresh iframe on every refresh: take the current one.
    browser.switch_to.frame(browser.find_element(By.ID, "w-preview-iframe"))
    html = browser.page_source
    assert "TemplateDoesNotExist" not in html
    assert browser.find_element(By.TAG_NAME, "h1").text == seed_article.title_de
    sections = browser.find_elements(By.CSS_SELECTOR, "article section[id]")
    assert len(sections) == seed_article.sections.count()
    assert browser.find_element(By.CSS_SELECTOR, "[data-preview-serp]").is_displayed()
    browser.switch_to.default_content()

    # The mode menu picks the language.
    mode = Select(browser.find_element(By.CSS_SELECTOR, "select[name=mode], #id_preview_mode"))
    assert [option.get_attribute("value") for option in mode.options] == ["de", "en", "nl", "fr"]

    browser.find_element(By.CSS_SELECTOR, '[data-side-panel-toggle="checks"]').click()
    wait(browser).until(
        lambda d: (
            d.execute_script(
                "return document.querySelector('[data-content-word-count]').textContent.trim();"
            )
            not in ("", "-")
        )
    )
    words = browser.execute_script(
        "return document.querySelector('[data-content-word-count]').textContent.trim();"
    )
    assert int(words.replace(",", "").replace(".", "")) > 500
    screenshot(browser, "editors-checks", docs=True)
