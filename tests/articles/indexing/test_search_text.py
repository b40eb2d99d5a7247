"""Per-language full-text search (articles/indexing/search_text.py) and its upkeep."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.db import connection

from articles.indexing.models import ArticleSearchText
from articles.indexing.search_text import (
    backfill_search_texts,
    lemmas,
    plain_text,
    text_search_config,
)
from articles.services import article_update_language
from tests.articles.api.conftest import article_content

# The pure parts: no database.


def test_plain_text_drops_tags_and_decodes_entities():
    assert plain_text("<p>Bio&shy;m&uuml;ll <b>und</b> Kompost</p>") == "Bio\xadmüll und Kompost"
    assert plain_text(None) == ""


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("de", "Gestern ging ich", "gehen"),
        ("en", "the mice slept", "mouse"),
        ("fr", "les yeux", "œil"),
        ("nl", "hij liep", "lopen"),
    ],
)
def test_lemmas_name_the_base_form_of_irregular_words(lang, text, expected):
    assert expected in lemmas(text, lang)


def test_each_language_searches_with_its_own_configuration():
    assert [text_search_config(code) for code in ("de", "nl", "fr", "en", "xx")] == [
        "german",
        "dutch",
        "french",
        "english",
        "simple",
    ]


# Upkeep: the same on every database.


@pytest.mark.django_db
def test_a_published_article_has_one_row_per_translated_language(digestion, other_article):
    rows = set(ArticleSearchText.objects.values_list("page_id", "lang"))
    assert rows == {
        (digestion.pk, "de"),
        (digestion.pk, "en"),
        (other_article.pk, "de"),
        (other_article.pk, "en"),
    }


@pytest.mark.django_db
def test_drafts_have_no_rows_and_unpublishing_removes_them(make_article, digestion):
    make_article(content=article_content(slug="entwurf", title="Entwurf"), publish=False)
    assert set(ArticleSearchText.objects.values_list("page_id", flat=True)) == {digestion.pk}
    digestion.unpublish()
    assert not ArticleSearchText.objects.exists()


@pytest.mark.django_db
def test_deleting_a_live_article_deletes_its_rows(digestion, other_article):
    from django.utils import translation

    with translation.override("de"):
        digestion.delete()
    assert set(ArticleSearchText.objects.values_list("page_id", flat=True)) == {other_article.pk}


@pytest.mark.django_db
def test_a_new_language_version_gets_its_row_when_published(make_article):
    page = make_article(content=article_content(slug="mulch", title="Mulchen"))
    article_update_language(
        page=page, lang="nl", content=article_content(slug="mulchen-nl", title="Mulchen")
    )
    assert set(ArticleSearchText.objects.values_list("lang", flat=True)) == {"de"}
    article_update_language(
        page=page,
        lang="nl",
        content=article_content(slug="mulchen-nl", title="Mulchen"),
        publish=True,
    )
    assert set(ArticleSearchText.objects.values_list("lang", flat=True)) == {"de", "nl"}


@pytest.mark.django_db
def test_migrate_builds_the_rows_of_live_articles_that_have_none(digestion, other_article):
    ArticleSearchText.objects.filter(page=digestion).delete()
    assert backfill_search_texts() == 1
    assert ArticleSearchText.objects.filter(page=digestion).count() == 2
    ArticleSearchText.objects.filter(page=other_article).delete()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:  # migrate's CREATE INDEX IF NOT EXISTS needs this
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    call_command("migrate", verbosity=0, stdout=io.StringIO())
    assert ArticleSearchText.objects.count() == 4
    assert backfill_search_texts() == 0
