"""The SEO tab's "Go to field" on a section, in headless Chromium: it opens the Content tab,
shows the message's language, opens the collapsed panels and puts the cursor in that section's
field, also when an earlier section has no text in that language (so the language version's
"second section" is the article's third)."""

from __future__ import annotations

import re

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ec

from seo.messages import field_label
from seo.page_analysis import analyse_language
from seo.templatetags.seo_messages import check_field
from tests.admin_browser.test_lazy_editors import translate_seed
from tests.admin_browser.test_translating import click, editor_ready, pick_only, selected_languages
from tests.browser import BROWSER_TEST_MARKS, log_in, screenshot, wait

pytestmark = BROWSER_TEST_MARKS


def focused_field(driver) -> dict:
    return driver.execute_script(
        "const el = document.activeElement;"
        "const field = el.closest('[data-field]');"
        "const input = field && field.querySelector('[name]');"
        "const box = el.getBoundingClientRect();"
        "return {name: input ? input.name : (el.name || ''),"
        " visible: el.offsetParent !== null,"
        " inView: box.bottom > 0 && box.top < window.innerHeight,"
        " tab: el.closest('[role=tabpanel]')?.id || ''};"
    )


def test_go_to_field_lands_on_the_section_the_message_names(
    live_server, browser, seed_article, seed_text, english_speaking_editor
):
    page = translate_seed(seed_article, seed_text, ["en"])
    # The first section is not in English: English serves the others, one position earlier.
    first = page.sections.first()
    first.heading_en, first.body_en = "", ""
    first.save()
    page.save_revision().publish()
    page.refresh_from_db()
    analysis = analyse_language(page, "en")
    check = next(check for check in analysis.report.checks if check.id == "section_length")
    path = check_field(check)
    match = re.match(r"sections\[(\d+)\](?:\.(\w+))?$", path)
    position = int(match[1])
    # The form's field: a path naming the whole section leads to its heading.
    expected = f"sections-{position}-{match[2] or 'heading'}_en"
    assert position >= 1, path  # an article position, not the English version's
    label = field_label(path, "en")

    log_in(browser, live_server, english_speaking_editor)
    browser.get(f"{live_server.url}/admin/pages/{page.pk}/edit/")
    editor_ready(browser)
    pick_only(browser, "de")
    # The editor collapsed the Sections panel and the section itself.
    for selector in (
        f"[name='sections-{position}-heading_de']",
        "#panel-child-content-sections-section",
    ):
        toggle = browser.execute_script(
            "const start = document.querySelector(arguments[0]);"
            "const content = start.closest('.w-panel__content') || start.querySelector("
            "'.w-panel__content');"
            "return document.querySelector("
            "'[data-panel-toggle][aria-controls=\"' + content.id + '\"]');",
            selector,
        )
        click(browser, toggle)
        assert toggle.get_attribute("aria-expanded") == "false"

    click(browser, browser.find_element(By.ID, "tab-label-seo"))
    row = wait(browser).until(
        ec.visibility_of_element_located(
            (By.CSS_SELECTOR, '[data-seo-lang="en"] [data-seo-check="section_length"]')
        )
    )
    assert label in row.text  # the message names the section as the form does
    link = row.find_element(By.CSS_SELECTOR, "[data-seo-field-link]")
    assert link.get_attribute("data-seo-field-link") == path
    click(browser, link)

    # Editors of the language shown just now start meanwhile; the field settles in view.
    wait(browser).until(
        lambda d: focused_field(d)["name"] == expected and focused_field(d)["inView"]
    )
    focused = focused_field(browser)
    assert focused["tab"] == "tab-content"
    assert focused["visible"] and focused["inView"], focused
    assert "en" in selected_languages(browser)
    screenshot(browser, "go-to-section-field")
