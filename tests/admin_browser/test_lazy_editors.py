"""Rich text editors of languages not shown start only when shown, in headless Chromium, and a
save with them waiting stores exactly what a save with every editor started stores."""

from __future__ import annotations

import time

import pytest
from selenium.webdriver.common.by import By

from articles.models import ArticlePage
from tests.admin_browser.test_translating import open_editor, pick_only, save_draft
from tests.browser import BROWSER_TEST_MARKS, log_in, wait

pytestmark = BROWSER_TEST_MARKS

LANGUAGES = ("de", "en", "nl", "fr")
RICH_TEXT_FIELDS = ("intro", "conclusion")


def translate_seed(page: ArticlePage, seed_text: str, languages) -> ArticlePage:
    """The seed's German texts copied into ``languages``, published, as the editor-weight
    benchmark has them."""
    from articles.services import article_update_language
    from articles.textconvert import parsed_to_content
    from articles.textformat.parser import parse_article

    parsed = parse_article(seed_text, language="de").article
    for lang in languages:
        content = parsed_to_content(parsed, slug=f"{page.slug_de}-{lang}")
        page = article_update_language(page=page, lang=lang, content=content, publish=True)
    return ArticlePage.objects.get(pk=page.pk)


@pytest.fixture
def article_in_four_languages(seed_article, seed_text):
    return translate_seed(seed_article, seed_text, LANGUAGES[1:])


def started_editors(driver) -> dict[str, int]:
    """Per language: how many rich text inputs have a running Draftail editor."""
    return driver.execute_script(
        "const out = {};"
        "document.querySelectorAll('form [data-draftail-input]').forEach((input) => {"
        "  if (input.closest('template')) return;"
        "  const lang = input.name.split('_').pop();"
        "  const wrapper = input.closest('[data-field-input]') || input.parentElement;"
        "  if (wrapper.querySelector('.Draftail-Editor')) out[lang] = (out[lang] || 0) + 1;"
        "  else out[lang] = out[lang] || 0;"
        "});"
        "return out;"
    )


def rich_text(page: ArticlePage) -> dict[str, str]:
    latest = page.get_latest_revision_as_object()
    values = {
        f"{name}_{lang}": getattr(latest, f"{name}_{lang}")
        for name in RICH_TEXT_FIELDS
        for lang in LANGUAGES
    }
    for section in latest.sections.all():
        for lang in LANGUAGES:
            values[f"section {section.sort_order} body_{lang}"] = getattr(section, f"body_{lang}")
    return values


def test_editors_of_hidden_languages_start_when_shown_and_save_the_same(
    live_server, browser, article_in_four_languages, english_speaking_editor, without_autosave
):
    page = article_in_four_languages
    log_in(browser, live_server, english_speaking_editor)
    open_editor(browser, live_server, page)
    pick_only(browser, "de")
    open_editor(browser, live_server, page)

    wait(browser).until(lambda d: started_editors(d)["de"] > 0)
    counts = started_editors(browser)
    assert counts["de"] >= len(RICH_TEXT_FIELDS)
    assert counts["en"] == counts["nl"] == counts["fr"] == 0, counts
    total = counts["de"]

    # Showing English starts its editors, with the text they hold.
    browser.find_element(By.CSS_SELECTOR, "[data-cms-language-picker] [data-lang=en]").click()
    wait(browser).until(lambda d: started_editors(d)["en"] == total)
    intro_en = browser.execute_script(
        "return document.querySelector('[name=intro_en]')"
        ".closest('[data-field-input]').querySelector('[contenteditable=true]').innerText;"
    )
    assert intro_en.strip()
    assert started_editors(browser)["nl"] == 0
    # Starting an editor is no edit: Wagtail's unsaved-changes check (every 0.5 s, once it has
    # read the form's initial data: later on a loaded machine) stays calm.
    has_edits = (
        "return document.querySelector('[data-w-unsaved-has-edits-value]')"
        "?.getAttribute('data-w-unsaved-has-edits-value');"
    )
    wait(browser).until(lambda d: d.execute_script(has_edits) is not None)
    time.sleep(1.5)
    assert browser.execute_script(has_edits) == "false"

    # A save while NL and FR wait stores what a save with every editor started stores.
    before = rich_text(page)
    save_draft(browser)
    waiting_saved = rich_text(page)
    for lang in LANGUAGES:
        selector = f"[data-cms-language-picker] [data-lang={lang}][aria-pressed=false]"
        for button in browser.find_elements(By.CSS_SELECTOR, selector):
            button.click()
    wait(browser).until(lambda d: set(started_editors(d).values()) == {total})
    save_draft(browser)
    all_started_saved = rich_text(page)

    assert waiting_saved == all_started_saved
    assert waiting_saved == before
