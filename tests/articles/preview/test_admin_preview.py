"""The preview panel renders the draft in the chosen language from the API's representation."""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import override_settings

from articles.api import representation
from articles.preview.rows import article_rows
from articles.preview.tokens import read_preview_token
from articles.selectors import article_detail
from tests.admin_forms import read_form
from tests.shared_data import shared_data

pytestmark = pytest.mark.django_db


@shared_data
def article(build):
    from tests.factories import ArticleContentFactory

    return build.article(
        "de",
        section_count=3,
        faq_count=2,
        keyword_count=2,
        translations={"en": ArticleContentFactory(lang_tag="en", section_count=3, faq_count=2)},
    )


def preview(client, page, mode: str, **changes):
    """Post the edit form (with ``changes``) to Wagtail's preview view, then load the preview."""
    url = f"/admin/pages/{page.id}/edit/preview/"
    fields = read_form(client.get(f"/admin/pages/{page.id}/edit/").content.decode())
    fields.update(changes)
    posted = client.post(url, fields)
    assert posted.status_code == 200 and posted.json()["is_valid"], posted.content[:2000]
    return client.get(url, {"mode": mode})


@pytest.mark.parametrize("lang", ["de", "en"])
def test_preview_shows_the_article_as_the_api_serves_it(editor_client, article, lang):
    response = preview(editor_client, article, lang)

    assert response.status_code == 200
    html = response.content.decode()
    served = representation.article_detail(
        article_detail(getattr(article, f"slug_{lang}"), lang=lang, hero_filter_spec="original"),
        lang,
        hero_filter_spec="original",
    )
    assert f'<html lang="{lang}">' in html
    assert f"<h1>{served['title']}</h1>" in html
    for section in served["sections"]:
        assert f'<section id="{section["anchor"]}">' in html
    for faq in served["faqs"]:
        assert f"<dt>{faq['question']}</dt>" in html
    assert "data-preview-serp" in html
    for alternate in served["seo"]["alternates"]:
        assert f'hreflang="{alternate["lang"]}" href="{alternate["url"]}"' in html
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert [json.loads(script)["@type"] for script in scripts] == [
        item["@type"] for item in served["seo"]["json_ld"]
    ]
    # Wagtail's user bar drives the checks panel (words, reading time, readability).
    assert "<wagtail-userbar" in html


def test_preview_shows_unsaved_changes(editor_client, article):
    response = preview(editor_client, article, "en", **{"title_en": "A title not saved yet"})

    assert "<h1>A title not saved yet</h1>" in response.content.decode()


def test_preview_in_a_language_the_article_lacks_says_so(editor_client, article):
    response = preview(editor_client, article, "fr")

    assert response.status_code == 200
    assert "data-preview-untranslated" in response.content.decode()


def test_index_preview_lists_its_published_articles(editor_client, article):
    index = article.get_parent().specific
    url = f"/admin/pages/{index.id}/edit/preview/"
    fields = read_form(editor_client.get(f"/admin/pages/{index.id}/edit/").content.decode())
    assert editor_client.post(url, fields).json()["is_valid"]

    response = editor_client.get(url, {"mode": "en"})

    assert response.status_code == 200
    assert article.title_en in response.content.decode()


def test_article_rows_of_a_saved_page_match_the_api_rows(article):
    for lang in ("de", "en"):
        from_api = article_detail(getattr(article, f"slug_{lang}"), lang=lang, hero_filter_spec="x")
        from_page = article_rows(article, lang, hero_filter_spec="x")
        assert representation.article_detail(
            from_page, lang, hero_filter_spec="x"
        ) == representation.article_detail(from_api, lang, hero_filter_spec="x")


@override_settings(FRONTEND_PREVIEW_URL="https://frontend.example/api/preview?site=main")
def test_with_a_frontend_preview_url_the_preview_frames_the_frontend_with_a_token(
    editor_client, article
):
    response = preview(editor_client, article, "en")

    html = response.content.decode()
    src = re.search(r'<iframe src="([^"]+)"', html)[1].replace("&amp;", "&")
    assert src.startswith("https://frontend.example/api/preview?site=main&token=")
    query = parse_qs(urlsplit(src).query)
    assert query["lang"] == ["en"]
    token = query["token"][0]
    scope = read_preview_token(token)
    assert (scope.page_id, scope.lang) == (article.pk, "en")
    assert scope.revision_id == article.get_latest_revision().pk
