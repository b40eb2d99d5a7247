"""Editors see and edit a keyword's terms per language from the article's Keywords panel, and
the SEO tab names a focus keyword without a term in a language."""

from __future__ import annotations

import pytest
from django.utils import translation

from articles.models import ArticlePage
from seo.audit import audit_page
from seo.messages import render_check
from seo.models import Keyword
from tests.admin_forms import read_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(make_article):
    from tests.factories import ArticleContentFactory

    return make_article(
        "de",
        keyword_count=2,
        translations={"en": ArticleContentFactory(lang_tag="en", keyword_count=2)},
    )


def edit(client, page, **changes):
    url = f"/admin/pages/{page.id}/edit/"
    fields = read_form(client.get(url).content.decode())
    fields.update(changes)
    return client.post(url, fields), fields


def focus_keyword(page) -> Keyword:
    return next(link.keyword for link in page.keywords.all() if link.focus)


def test_keyword_rows_show_the_keywords_terms_in_every_language(editor_client, article):
    fields = read_form(editor_client.get(f"/admin/pages/{article.id}/edit/").content.decode())

    for index, link in enumerate(article.keywords.all()):
        for code, term in link.keyword.terms_by_language().items():
            assert fields[f"keywords-{index}-term_{code}"] == term


def test_editing_a_term_in_the_article_changes_the_keyword_on_save(editor_client, article):
    keyword = focus_keyword(article)
    index = [link.keyword_id for link in article.keywords.all()].index(keyword.pk)

    response, _fields = edit(
        editor_client, article, **{f"keywords-{index}-term_nl": "goed slapen", "action-publish": ""}
    )

    assert response.status_code == 302
    keyword.refresh_from_db()
    assert keyword.term_nl == "goed slapen"


def test_preview_does_not_change_a_keyword(editor_client, article):
    keyword = focus_keyword(article)
    index = [link.keyword_id for link in article.keywords.all()].index(keyword.pk)
    url = f"/admin/pages/{article.id}/edit/"
    fields = read_form(editor_client.get(url).content.decode())
    fields[f"keywords-{index}-term_nl"] = "niet opslaan"

    assert editor_client.post(f"{url}preview/", fields).json()["is_valid"]
    keyword.refresh_from_db()
    assert keyword.term_nl in (None, "")


def test_a_term_another_keyword_has_is_refused(editor_client, article):
    first, second = [link.keyword for link in article.keywords.all()]

    response, _ = edit(editor_client, article, **{"keywords-1-term_de": first.term_de})

    assert response.status_code == 200  # the form again, with the error
    assert "Another keyword already has this term" in response.content.decode()
    second.refresh_from_db()
    assert second.term_de != first.term_de


def test_seo_tab_names_a_focus_keyword_without_a_term_in_the_language(article):
    keyword = focus_keyword(article)
    keyword.term_en = None
    keyword.save()
    page = ArticlePage.objects.get(pk=article.pk)

    report = audit_page(page, "en")

    texts = [check.message for check in report.checks]
    assert "The focus keyword has no English term: add it under Keywords." in texts
    assert not any("Mark one of the article's keywords" in text for text in texts)
    german = [render_check(check, "de") for check in report.checks]
    assert "Das Fokus-Keyword hat keinen Begriff auf Englisch" in " ".join(german)
    with translation.override("de"):
        assert audit_page(page, "de").score > report.score
