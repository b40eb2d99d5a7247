"""The SEO tab in a real browser: headless Chromium against the live test server.

Needs Debian's ``chromium`` and ``chromium-driver`` (``.ci/run`` installs them); skipped with the
reason when they are missing. Saves a screenshot to ``var/screenshots/seo-panel.png`` (``var/``
is git-ignored).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from django.conf import settings

from articles.models import ArticlePage
from seo.audit import audit_page
from tests.browser import WAIT_SECONDS

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "articles" / "valid"
SCREENSHOT = Path(settings.BASE_DIR) / "var" / "screenshots" / "seo-panel.png"
PASSWORD = "secret-password"

pytestmark = [
    pytest.mark.browser,
    # The live server runs in another thread, so the data must be committed; the serialized
    # rollback restores Wagtail's root page and groups for the tests that run after this one.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def score_in_page(driver, lang: str) -> str | None:
    """The panel's score for ``lang``, read in one step (the panel is replaced on refresh)."""
    return driver.execute_script(
        "return document.querySelector(`[data-seo-lang='${arguments[0]}']`)?.dataset.seoScore;",
        lang,
    )


def article_content(file_name: str, lang: str, *, seo_title: str, description: str):
    from articles.textconvert import article_slug, parsed_to_content
    from articles.textformat.parser import parse_file

    parsed = parse_file(FIXTURES / file_name, language=lang).article
    content = parsed_to_content(parsed, slug=article_slug(parsed.title, language=lang))
    return dataclasses.replace(content, seo_title=seo_title, search_description=description)


@pytest.fixture
def composting_article():
    """Our balcony composting fixture, German with its English translation, published."""
    from articles.services import (
        article_create,
        article_index_get_or_create,
        article_update_language,
    )

    index, _created = article_index_get_or_create(
        slug="blog", titles={"de": "Ratgeber", "en": "Guide"}
    )
    page = article_create(
        parent=index,
        lang="de",
        content=article_content(
            "de_balkon_kompost.txt",
            "de",
            seo_title="Balkon kompostieren ohne Geruch: Wurmkiste, Bokashi & Co.",
            description=(
                "Balkon kompostieren ohne Geruch: welche Behälter passen, was hineingehört und "
                "wie Sie Fruchtfliegen und zu nasse Erde vermeiden."
            ),
        ),
        publish=True,
    )
    return article_update_language(
        page=page,
        lang="en",
        content=article_content(
            "en_balcony_composting.txt",
            "en",
            seo_title="Composting on a balcony without smells or fruit flies",
            description=(
                "Composting on a balcony: which bin suits a small space, what goes in, and how "
                "to keep smells, fruit flies and soggy compost away all year."
            ),
        ),
        publish=True,
    )


@pytest.fixture
def english_speaking_editor():
    from wagtail.users.models import UserProfile

    from tests.factories import make_editor

    user = make_editor("browser-editor")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


def test_editor_sees_seo_checks_for_two_languages_and_refreshes_them(
    live_server, browser, composting_article, english_speaking_editor
):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    wait = WebDriverWait(browser, WAIT_SECONDS)
    browser.get(f"{live_server.url}/admin/login/")
    browser.find_element(By.NAME, "username").send_keys(english_speaking_editor.username)
    browser.find_element(By.NAME, "password").send_keys(PASSWORD)
    browser.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, ".w-dashboard")))

    browser.get(f"{live_server.url}/admin/pages/{composting_article.pk}/edit/")
    wait.until(ec.element_to_be_clickable((By.ID, "tab-label-seo"))).click()
    for lang in ("de", "en"):
        section = wait.until(
            ec.visibility_of_element_located((By.CSS_SELECTOR, f'[data-seo-lang="{lang}"]'))
        )
        report = audit_page(composting_article, lang)
        assert section.get_attribute("data-seo-score") == str(report.score)
        statuses = [
            row.get_attribute("data-seo-check-status")
            for row in section.find_elements(By.CSS_SELECTOR, "[data-seo-check]")
        ]
        assert len(statuses) == len(report.checks)
        assert sorted(statuses) == sorted(str(check.status) for check in report.checks)

    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    assert browser.save_screenshot(str(SCREENSHOT))
    assert SCREENSHOT.stat().st_size > 10_000

    # Change the English meta description in the form without saving, and ask for a fresh
    # analysis: the English score follows the form, the German one stays. (An autosave may
    # refresh the panel on its own at any time, so the test waits for the expected score.)
    draft = ArticlePage.objects.get(pk=composting_article.pk).get_latest_revision_as_object()
    draft.search_description_en = ""
    expected_en = str(audit_page(draft, "en").score)
    assert expected_en != str(audit_page(composting_article, "en").score)
    browser.execute_script("document.querySelector('[name=search_description_en]').value = '';")
    browser.find_element(By.CSS_SELECTOR, "[data-seo-refresh]").click()
    wait.until(lambda driver: score_in_page(driver, "en") == expected_en)
    source = browser.execute_script(
        "return document.getElementById('seo-analysis-source').textContent;"
    )
    assert "including any changes not saved yet" in source
    assert score_in_page(browser, "de") == str(audit_page(draft, "de").score)

    # The report and the dashboard panel read the stored results of the same article.
    browser.get(f"{live_server.url}/admin/reports/seo-audit/")
    wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "#listing-results table")))
    assert composting_article.title_de in browser.page_source
    browser.save_screenshot(str(SCREENSHOT.with_name("seo-report.png")))
    browser.get(f"{live_server.url}/admin/")
    wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "[data-seo-dashboard]")))
    browser.save_screenshot(str(SCREENSHOT.with_name("seo-dashboard.png")))
