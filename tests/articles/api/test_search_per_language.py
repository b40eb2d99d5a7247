"""Per-language full-text search through the list endpoint (articles/indexing/search_text.py).

PostgreSQL only: SQLite falls back to Wagtail search over every language's fields."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.db import connection
from wagtail.models import PageViewRestriction

from articles.indexing.models import ArticleSearchText
from articles.services import article_update_language
from tests.articles.api.conftest import article_content, needs_postgresql_search

pytestmark = [
    pytest.mark.django_db,
    needs_postgresql_search,
]


def found(get_json, lang: str, words: str) -> list[str]:
    response, body = get_json(f"/api/v1/articles/?lang={lang}&search={words}")
    assert response.status_code == 200, body
    return [item["slug"] for item in body["results"]]


def test_an_inflected_german_word_finds_the_german_article(get_json, digestion, other_article):
    assert found(get_json, "de", "belastet") == ["spaetes-essen"]


def test_an_english_word_finds_the_english_version(get_json, digestion, other_article):
    assert found(get_json, "en", "burden") == ["late-meals"]
    assert found(get_json, "en", "burdens") == ["late-meals"]


def test_a_word_of_another_languages_version_does_not_match(get_json, digestion):
    assert found(get_json, "en", "belastet") == []
    assert found(get_json, "en", "Verdauung") == []
    assert found(get_json, "de", "burden") == []


@pytest.mark.parametrize(
    ("lang", "words", "slug"),
    [
        ("de", "gehen", "spaetes-essen"),  # the text says "ging"
        ("en", "mouse", "late-meals"),  # the text says "mice"
    ],
)
def test_irregular_forms_match_through_their_lemma(get_json, digestion, lang, words, slug):
    assert found(get_json, lang, words) == [slug]


def test_every_word_must_match(get_json, digestion):
    assert found(get_json, "de", "Verdauung Mahlzeiten") == ["spaetes-essen"]
    assert found(get_json, "de", "Verdauung Kompost") == []


def test_a_title_match_ranks_above_a_body_match(get_json, make_article):
    make_article(
        content=article_content(
            slug="nebenbei", title="Gartenarbeit", intro="<p>Auch Kompost hilft.</p>"
        )
    )
    make_article(content=article_content(slug="hauptsache", title="Kompost richtig anlegen"))
    assert found(get_json, "de", "Kompost") == ["hauptsache", "nebenbei"]


def test_search_only_finds_what_the_public_may_see(get_json, digestion):
    PageViewRestriction.objects.create(page=digestion, restriction_type="password", password="x")
    assert found(get_json, "de", "belastet") == []


def test_a_republished_text_is_searched_not_the_old_one(get_json, digestion):
    article_update_language(
        page=digestion,
        lang="de",
        content=article_content(slug="spaetes-essen", title="Spätes Essen", intro="<p>Neu.</p>"),
        publish=True,
    )
    assert found(get_json, "de", "belastet") == []
    assert found(get_json, "de", "Neu") == ["spaetes-essen"]


def test_the_demo_articles_are_found_by_inflected_words(get_json):
    call_command("load_demo", stdout=io.StringIO())
    assert found(get_json, "de", "belastet") != []
    assert found(get_json, "en", "burden") != []


def test_each_language_has_a_partial_gin_index_on_its_documents(digestion):
    # Which plan wins depends on statistics; benchmarks/bench_scale.py shows the gain at scale.
    from articles.indexing.search_text import search_document_index

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s",
            [ArticleSearchText._meta.db_table],
        )
        definitions = dict(cursor.fetchall())
    for lang in ("de", "en", "nl", "fr"):
        definition = definitions[search_document_index(lang)]
        assert "USING gin (document)" in definition
        assert f"WHERE ((lang)::text = '{lang}'::text)" in definition


def test_search_costs_a_fixed_number_of_queries(
    client, digestion, other_article, django_assert_max_num_queries
):
    client.get("/api/v1/languages/")  # the content version is read once per process second
    # version, matches, which are visible, the page of rows, link targets
    with django_assert_max_num_queries(5):
        response = client.get("/api/v1/articles/?lang=de&search=Verdauung")
    assert [item["id"] for item in response.json()["results"]] == [digestion.pk]
