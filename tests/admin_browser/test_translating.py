"""Translating in the page editor, in headless Chromium: the language picker shows every panel
with the selected languages' fields, validates what is added, remembers the selection per user
and shows the language of the first error. Screenshots for docs/editors.md go to docs/."""

from __future__ import annotations

import pytest
from selenium.common.exceptions import ElementClickInterceptedException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ec

from articles.models import ArticlePage
from tests.browser import BROWSER_TEST_MARKS, log_in, screenshot, wait

pytestmark = BROWSER_TEST_MARKS


def shown(driver, selector: str) -> bool:
    return driver.execute_script(
        "const el = document.querySelector(arguments[0]); return !!el && el.offsetParent !== null;",
        selector,
    )


def count_shown(driver, selector: str) -> int:
    return driver.execute_script(
        "return [...document.querySelectorAll(arguments[0])]"
        ".filter((el) => el.offsetParent !== null).length;",
        selector,
    )


def selected_languages(driver) -> list[str]:
    return driver.execute_script(
        "return [...document.querySelectorAll("
        "'[data-cms-language-picker] [data-lang][aria-pressed=true]')]"
        ".map((b) => b.dataset.lang);"
    )


def editor_ready(driver) -> None:
    """The picker has sorted the fields and Wagtail's tabs show their first panel."""
    wait(driver).until(
        lambda d: d.execute_script(
            "return !!window.cmsLanguagePicker"
            " && !!document.querySelector('[role=tabpanel]:not([hidden]) section.w-panel');"
        )
    )


def open_editor(driver, live_server, page) -> None:
    driver.get(f"{live_server.url}/admin/pages/{page.pk}/edit/")
    editor_ready(driver)


def pick_only(driver, lang: str) -> None:
    """Select ``lang`` and deselect every other language, as an editor clicks."""
    driver.find_element(By.CSS_SELECTOR, f"[data-cms-language-picker] [data-lang={lang}]").click()
    for other in selected_languages(driver):
        if other != lang:
            driver.find_element(
                By.CSS_SELECTOR, f"[data-cms-language-picker] [data-lang={other}]"
            ).click()
    assert selected_languages(driver) == [lang]


def type_into(driver, selector: str, text: str) -> None:
    element = driver.find_element(By.CSS_SELECTOR, selector)
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", element)
    try:
        element.click()
    except ElementClickInterceptedException:  # under the sticky footer: focus it instead
        driver.execute_script("arguments[0].focus();", element)
    element.send_keys(text)


def click(driver, element) -> None:
    """Click as a user would, past the sticky footer that may cover the element."""
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", element)
    driver.execute_script("arguments[0].click();", element)


def rich_text(contentpath: str, within: str = "") -> str:
    return f'{within} [data-contentpath="{contentpath}"] [contenteditable="true"]'.strip()


def type_rich_text(driver, contentpath: str, text: str, within: str = "") -> None:
    """Type into a Draftail editor and wait until it has written the text into its form input
    (it does so asynchronously; a save right after typing could post the old value)."""
    type_into(driver, rich_text(contentpath, within), text)
    field = f'{within} [data-contentpath="{contentpath}"]'.strip()
    wait(driver).until(
        lambda d: (
            text
            in d.execute_script(
                "return document.querySelector(arguments[0]).querySelector('input').value;", field
            )
        )
    )


def save_draft(driver) -> None:
    button = driver.find_element(By.CSS_SELECTOR, "button.action-save")
    click(driver, button)
    wait(driver).until(ec.staleness_of(button))
    editor_ready(driver)


def test_translating_the_seed_into_english_in_an_english_only_view(
    live_server, browser, seed_article, english_speaking_editor, without_autosave
):
    log_in(browser, live_server, english_speaking_editor)
    open_editor(browser, live_server, seed_article)
    sections = seed_article.sections.count()
    faqs = seed_article.faqs.count()

    pick_only(browser, "en")

    # Every panel is there, with the English fields only.
    for panel in ("sections", "questions_answers", "hero_image", "keywords"):
        assert shown(browser, f"#panel-child-content-{panel}-section"), panel
    assert count_shown(browser, '[data-contentpath="heading_en"]') == sections
    assert count_shown(browser, '[data-contentpath="question_en"]') == faqs
    assert count_shown(browser, '[data-contentpath="heading_de"]') == 0
    assert count_shown(browser, '[data-contentpath="title_de"]') == 0
    assert shown(browser, '[data-contentpath="hero_image"]')
    assert shown(browser, '[data-contentpath="hero_image_alt_en"]')

    type_into(browser, "#id_title_en", "What does back pain from the gut feel like?")
    browser.find_element(By.CSS_SELECTOR, "#tab-label-promote").click()
    browser.find_element(By.CSS_SELECTOR, "#id_slug_en").clear()
    type_into(browser, "#id_slug_en", "back-pain-from-the-gut")
    assert not shown(browser, "#id_slug_de")
    browser.find_element(By.CSS_SELECTOR, "#tab-label-content").click()
    type_rich_text(browser, "intro_en", "Back pain can come from the bowel. Here is how.")
    type_into(browser, "#id_sections-0-heading_en", "Where the pain sits")
    type_rich_text(
        browser, "body_en", "Low in the back.", within="#inline_child_sections-0-panel-section"
    )
    screenshot(browser, "editors-picker-english-only", docs=True)

    # Adding a section in the English-only view: the new section is shown, with English fields.
    add = browser.find_element(By.CSS_SELECTOR, "#id_sections-ADD")
    click(browser, add)
    wait(browser).until(
        lambda driver: count_shown(driver, '[data-contentpath="heading_en"]') == sections + 1
    )
    assert shown(browser, "#panel-child-content-sections-section")

    # Left empty, it is an error, shown in English, not a silently saved empty section.
    save_draft(browser)
    assert selected_languages(browser) == ["en"]
    errors = browser.execute_script(
        "return [...document.querySelectorAll('.error-message')]"
        ".filter((el) => el.offsetParent !== null).map((el) => el.textContent.trim());"
    )
    assert any("This section is empty" in error for error in errors), errors
    screenshot(browser, "editors-empty-section-error", docs=True)
    # Autosave may have stored the valid state before; the empty section was never saved.
    latest = ArticlePage.objects.get(pk=seed_article.pk).get_latest_revision_as_object()
    assert latest.sections.count() == sections

    # Delete the empty section; the translation saves, and the picker still shows English only.
    delete = browser.find_elements(By.CSS_SELECTOR, "[id^=id_sections-][id$=-DELETE-button]")[-1]
    click(browser, delete)
    save_draft(browser)
    draft = ArticlePage.objects.get(pk=seed_article.pk).get_latest_revision_as_object()
    assert draft.title_en == "What does back pain from the gut feel like?"
    assert draft.sections.all()[0].heading_en == "Where the pain sits"
    assert draft.sections.count() == sections
    assert selected_languages(browser) == ["en"]

    # Persisted per user: a fresh load of another article's editor opens on English too.
    browser.get(f"{live_server.url}/admin/pages/{seed_article.get_parent().pk}/edit/")
    editor_ready(browser)
    assert selected_languages(browser) == ["en"]
    assert not shown(browser, "#id_title_de") and shown(browser, "#id_title_en")


def test_go_to_the_first_error_shows_its_language(
    live_server, browser, seed_article, english_speaking_editor
):
    log_in(browser, live_server, english_speaking_editor)
    open_editor(browser, live_server, seed_article)
    pick_only(browser, "de")
    # An English title without an intro: the English intro is then required.
    browser.execute_script("document.getElementById('id_title_en').value = 'Only a title';")
    browser.execute_script("document.getElementById('id_slug_en').value = 'only-a-title';")

    save_draft(browser)

    assert set(selected_languages(browser)) == {"de", "en"}
    go = browser.find_element(By.XPATH, "//button[contains(., 'Go to the first error')]")
    go.click()
    wait(browser).until(
        lambda driver: driver.execute_script(
            "const error = [...document.querySelectorAll('.error-message')]"
            ".find((el) => el.offsetParent !== null);"
            "return !!error && !!error.closest('[data-contentpath=\"intro_en\"]');"
        )
    )
    screenshot(browser, "editors-first-error", docs=True)


@pytest.mark.parametrize("lang", ["en"])
def test_editing_a_keywords_english_term_from_the_article(
    live_server, browser, seed_article, english_speaking_editor, lang
):
    link = seed_article.keywords.all()[0]
    log_in(browser, live_server, english_speaking_editor)
    open_editor(browser, live_server, seed_article)
    pick_only(browser, lang)

    field = browser.find_element(By.CSS_SELECTOR, f"#id_keywords-0-term_{lang}")
    assert field.is_displayed()
    assert not browser.find_element(By.CSS_SELECTOR, "#id_keywords-0-term_de").is_displayed()
    type_into(browser, f"#id_keywords-0-term_{lang}", "back pain")
    screenshot(browser, "editors-keyword-terms", docs=True)
    save_draft(browser)

    link.keyword.refresh_from_db()
    assert link.keyword.term_en == "back pain"
