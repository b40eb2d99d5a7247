"""The editor's language picker panel and the rules that keep hidden languages honest."""

from __future__ import annotations

import json
import re

import pytest
from django.utils import translation

from articles.editor_languages import language_statuses
from tests.admin_forms import read_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(make_article):
    from tests.factories import ArticleContentFactory

    return make_article(
        "de",
        section_count=3,
        faq_count=2,
        translations={"en": ArticleContentFactory(lang_tag="en", section_count=2, faq_count=2)},
    )


def edit_url(page) -> str:
    return f"/admin/pages/{page.id}/edit/"


def test_picker_config_states_each_languages_completeness(editor_client, article):
    html = editor_client.get(edit_url(article)).content.decode()

    config = json.loads(
        re.search(r'id="cms-language-picker-config"[^>]*>(.*?)</script>', html, re.S)[1]
    )
    summaries = {language["code"]: language["summary"] for language in config["languages"]}
    assert summaries["de"] == "complete"
    assert summaries["en"] == "2/3 sections"
    assert summaries["fr"] == "not translated"
    assert config["storageKey"].endswith(f".{editor_client.session['_auth_user_id']}")
    # The package's own picker (which hid whole panels) is off.
    assert "language_toggles.js" not in html


def test_statuses_count_missing_faq_answers(article):
    draft = article.get_latest_revision_as_object()
    faq = draft.faqs.all()[0]
    faq.answer_en = ""

    with translation.override("en"):
        statuses = {status.lang: status for status in language_statuses(draft)}

    assert statuses["en"].summary == "2/3 sections, 1 FAQ answer missing"
    assert not statuses["en"].complete


def test_an_empty_added_section_is_an_error_not_saved(editor_client, article):
    fields = read_form(editor_client.get(edit_url(article)).content.decode())
    total = int(fields["sections-TOTAL_FORMS"])
    fields["sections-TOTAL_FORMS"] = str(total + 1)
    fields[f"sections-{total}-ORDER"] = str(total + 1)
    fields[f"sections-{total}-id"] = ""
    fields[f"sections-{total}-DELETE"] = ""

    response = editor_client.post(edit_url(article), fields)

    assert response.status_code == 200
    assert "This section is empty" in response.content.decode()
    assert article.get_latest_revision_as_object().sections.count() == 3


def test_a_section_with_a_heading_needs_its_text_in_that_language(editor_client, article):
    fields = read_form(editor_client.get(edit_url(article)).content.decode())
    fields["sections-2-heading_en"] = "A heading without text"

    response = editor_client.post(edit_url(article), fields)

    assert response.status_code == 200
    assert "Required because this language has the other text." in response.content.decode()
