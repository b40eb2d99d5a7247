"""The SEO tab for a German-speaking editor: messages in German, and a check's "go to field"
opens the field's tab with its language shown."""

from __future__ import annotations

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ec

from seo.audit import audit_page
from seo.messages import render_check
from tests.admin_browser.test_translating import editor_ready, pick_only, selected_languages
from tests.browser import BROWSER_TEST_MARKS, log_in, screenshot, wait

pytestmark = BROWSER_TEST_MARKS


def test_german_editor_reads_seo_messages_in_german_and_a_check_leads_to_its_field(
    live_server, browser, seed_article, german_speaking_editor
):
    log_in(browser, live_server, german_speaking_editor)
    browser.get(f"{live_server.url}/admin/pages/{seed_article.pk}/edit/")
    editor_ready(browser)
    pick_only(browser, "en")

    wait(browser).until(ec.element_to_be_clickable((By.ID, "tab-label-seo"))).click()
    section = wait(browser).until(
        ec.visibility_of_element_located((By.CSS_SELECTOR, '[data-seo-lang="de"]'))
    )
    report = audit_page(seed_article, "de")
    rows = section.find_elements(By.CSS_SELECTOR, "[data-seo-check]")
    assert len(rows) == len(report.checks)
    shown = " ".join(row.text for row in rows)
    for check in report.checks:
        german = render_check(check, "de")
        assert german in shown
    assert "prüfungen" in section.text.lower()  # the panel's own headings are German too
    screenshot(browser, "editors-seo-tab-german", docs=True)

    # A check about a German field: "Zum Feld" opens the tab and shows German again.
    link = section.find_element(By.CSS_SELECTOR, "[data-seo-field-link]")
    field = link.get_attribute("data-seo-field-link")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'});", link)
    browser.execute_script("arguments[0].click();", link)
    wait(browser).until(lambda driver: "de" in selected_languages(driver))
    focused = browser.execute_script(
        "const el = document.activeElement;"
        "return [el.name || el.closest('[data-contentpath]')?.dataset.contentpath || '',"
        " el.offsetParent !== null];"
    )
    assert focused[1], f"the field of {field} is not visible"
    assert focused[0].endswith("_de"), (field, focused)
