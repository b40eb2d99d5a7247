"""Validators and dates per language: ``updated_at``, ``dateModified`` and ``Last-Modified`` are
the time the content in that language last changed (``articles/freshness.py``), not the
article's last publish in any language nor the last change anywhere on the site."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.utils.http import http_date

from articles.models import ArticleLanguageVersion
from articles.services import article_update_language
from tests.articles.api.conftest import article_content, republish
from tests.shared_data import shared_data
from tests.wsgi_client import call, production_app

pytestmark = pytest.mark.django_db

LONG_AGO = datetime(2024, 3, 1, 8, 0, tzinfo=UTC)
DE = "/api/v1/articles/boden/?lang=de"
EN = "/api/v1/articles/soil/?lang=en"


def age_every_language(page) -> None:
    """Pretend every language last changed long ago, so "moved" and "kept" are distinguishable."""
    assert ArticleLanguageVersion.objects.filter(page=page).update(updated_at=LONG_AGO)


@shared_data
def article(build):
    page = build.article(
        content=article_content(slug="boden", title="Boden im Jahreslauf"),
        translations={"en": article_content(slug="soil", title="Soil through the year")},
    )
    age_every_language(page)
    return page


def updated_at(get_json, url: str) -> tuple[str, str, str]:
    response, body = get_json(url)
    blog_posting = body["seo"]["json_ld"][0]
    assert blog_posting["@type"] == "BlogPosting"
    return body["updated_at"], blog_posting["dateModified"], response["Last-Modified"]


def test_editing_english_moves_only_the_english_dates(get_json, article):
    edited = article_content(
        slug="soil", title="Soil through the year", intro="<p>A rewritten intro.</p>"
    )
    article_update_language(page=article, lang="en", content=edited, publish=True)

    de_updated, de_modified, de_last_modified = updated_at(get_json, DE)
    en_updated, _en_modified, en_last_modified = updated_at(get_json, EN)
    assert de_updated == "2024-03-01T08:00:00Z"
    assert de_modified == "2024-03-01T08:00:00+00:00"
    assert de_last_modified == http_date(LONG_AGO.timestamp())
    assert en_updated > "2026"
    assert en_last_modified != de_last_modified


def test_publishing_unchanged_content_moves_nothing(get_json, article):
    article_update_language(
        page=article,
        lang="en",
        content=article_content(slug="soil", title="Soil through the year"),
        publish=True,
    )
    assert updated_at(get_json, EN)[0] == "2024-03-01T08:00:00Z"


def test_a_new_language_changes_the_alternates_of_every_language(get_json, article):
    article_update_language(
        page=article,
        lang="nl",
        content=article_content(slug="bodem", title="Bodem door het jaar"),
        publish=True,
    )
    assert updated_at(get_json, DE)[0] > "2026"  # its hreflang alternates changed


def test_publishing_an_old_revision_keeps_the_recorded_times(get_json, article):
    # An editor's draft made before the English edit still carries the old record; publishing
    # it must not make English look older (or newer) than its real change.
    stale_draft = article.get_latest_revision_as_object()
    edited = article_content(slug="soil", title="Soil through the year", intro="<p>New.</p>")
    article_update_language(page=article, lang="en", content=edited, publish=True)
    en_after_edit = updated_at(get_json, EN)[0]
    stale_draft.save_revision()  # holds the English text from before the edit...
    article.refresh_from_db()
    article.get_latest_revision().publish()  # ...so English changes back: a real change
    en_after_revert = updated_at(get_json, EN)[0]
    assert en_after_revert >= en_after_edit
    assert updated_at(get_json, DE)[0] == "2024-03-01T08:00:00Z"


def test_another_articles_publish_does_not_move_last_modified(get_json, article, make_article):
    before = updated_at(get_json, DE)[2]
    make_article(content=article_content(slug="anderer-artikel", title="Ein anderer Artikel"))
    response, _body = get_json(DE)
    assert response["Last-Modified"] == before


def test_the_wsgi_entry_point_sends_the_same_validator_as_django(get_json, article):
    application = production_app()
    miss = call(application, DE)
    hit = call(application, DE)
    assert miss.header("Last-Modified") == hit.header("Last-Modified")
    assert hit.header("Last-Modified") == http_date(LONG_AGO.timestamp())
    not_modified = call(
        application, DE, headers={"If-Modified-Since": http_date(LONG_AGO.timestamp())}
    )
    assert not_modified.status == 304


def test_list_items_carry_their_language_time(get_json, article):
    edited = article_content(slug="soil", title="Soil through the year", intro="<p>Changed.</p>")
    article_update_language(page=article, lang="en", content=edited, publish=True)
    _response, german = get_json("/api/v1/articles/?lang=de")
    _response, english = get_json("/api/v1/articles/?lang=en")
    assert german["results"][0]["updated_at"] == "2024-03-01T08:00:00Z"
    assert english["results"][0]["updated_at"] > "2026"


def test_an_admin_style_republish_of_one_language_keeps_the_other(get_json, article):
    republish(article, intro_de="<p>Der Boden ruht im Winter.</p>")
    assert updated_at(get_json, DE)[0] > "2026"
    assert updated_at(get_json, EN)[0] == "2024-03-01T08:00:00Z"


def test_fingerprint_ignores_untouched_languages():
    from types import SimpleNamespace

    from articles.freshness import language_fingerprint

    class Children(list):
        def all(self):
            return self

    page = SimpleNamespace(
        author_name="A",
        hero_image_id=None,
        sections=Children(),
        faqs=Children(),
        keywords=Children(),
        translated_languages=lambda: ["de"],
        slug_de="boden",
        title="Boden",
        slug="boden",
    )
    first = language_fingerprint(page, "de")
    page.title = "Boden im Winter"
    assert language_fingerprint(page, "de") != first
