"""The SEO panel's refresh: analysing the unsaved edit form, and who may ask for it."""

from __future__ import annotations

import pytest
from django.contrib.messages import ERROR, get_messages

from articles.models import ArticlePage
from seo.audit import audit_page
from tests.admin_forms import read_form
from tests.seo.admin.conftest import (
    analysis_url,
    description_with,
    edit_url,
    focus_term,
    panel_scores,
)

pytestmark = pytest.mark.django_db

TRANSLATED = ("de", "en")


def latest_draft(page) -> ArticlePage:
    return ArticlePage.objects.get(pk=page.pk).get_latest_revision_as_object()


@pytest.mark.parametrize("lang", TRANSLATED)
def test_refresh_analyses_the_unsaved_form_content(editor_client, bilingual_article, lang):
    fields = read_form(editor_client.get(edit_url(bilingual_article)).content.decode())
    new_description = description_with(focus_term(bilingual_article, lang))
    fields[f"search_description_{lang}"] = new_description
    revisions_before = bilingual_article.revisions.count()
    expected = latest_draft(bilingual_article)
    setattr(expected, f"search_description_{lang}", new_description)

    response = editor_client.post(analysis_url(bilingual_article), fields)

    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-controller="w-teleport"' in html
    assert f'data-w-teleport-target-value="#seo-{lang}-content"' in html
    assert "including any changes not saved yet" in html
    assert panel_scores(html)[lang] == audit_page(expected, lang).score
    assert panel_scores(html)[lang] != audit_page(bilingual_article, lang).score
    assert bilingual_article.revisions.count() == revisions_before, "nothing is saved"


def test_refresh_of_an_invalid_form_says_so_and_keeps_the_results(editor_client, bilingual_article):
    fields = read_form(editor_client.get(edit_url(bilingual_article)).content.decode())
    fields["keywords-1-focus"] = "on"  # a second focus keyword is rejected by the form

    response = editor_client.post(analysis_url(bilingual_article), fields)

    assert response.status_code == 200
    html = response.content.decode()
    assert "cannot be analysed" in html
    assert panel_scores(html) == {}


def test_get_analyses_the_latest_draft(editor_client, bilingual_article):
    draft = latest_draft(bilingual_article)

    response = editor_client.get(analysis_url(bilingual_article))

    assert response.status_code == 200
    scores = panel_scores(response.content.decode())
    assert {lang: scores[lang] for lang in TRANSLATED} == {
        lang: audit_page(draft, lang).score for lang in TRANSLATED
    }


@pytest.mark.parametrize("method", ["get", "post"])
def test_panel_request_of_a_user_who_may_not_edit_the_page_gets_403(
    admin_only_client, bilingual_article, method
):
    # The panel's swap controller sends X-Requested-With, like every Wagtail admin fetch.
    response = getattr(admin_only_client, method)(
        analysis_url(bilingual_article), headers={"x-requested-with": "XMLHttpRequest"}
    )

    assert response.status_code == 403


def test_browser_request_of_a_user_who_may_not_edit_the_page_is_turned_away(
    admin_only_client, bilingual_article
):
    response = admin_only_client.get(analysis_url(bilingual_article))

    # Wagtail's own "permission denied": back to the dashboard with an error message.
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert [message.level for message in get_messages(response.wsgi_request)] == [ERROR]


@pytest.mark.parametrize("method", ["get", "post"])
def test_anonymous_user_is_sent_to_the_login(client, bilingual_article, method):
    response = getattr(client, method)(analysis_url(bilingual_article))

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_page_without_seo_analysis_is_not_found(editor_client, article_index):
    response = editor_client.get(analysis_url(article_index))

    assert response.status_code == 404
