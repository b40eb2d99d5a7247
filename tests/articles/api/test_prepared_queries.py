"""Prepared queries: compiled once, run with fresh values, never stale."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from articles.models import ArticlePage
from articles.prepared import PreparedQuery
from tests.articles.api.conftest import article_content

pytestmark = pytest.mark.django_db

PLACEHOLDER = "\x00slug\x00"


def titles_by_slug() -> PreparedQuery:
    return PreparedQuery(
        lambda slug: ArticlePage.objects.filter(slug_de=slug).values("pk", "title_de"),
        placeholder=PLACEHOLDER,
    )


def test_runs_with_each_new_value_and_sees_new_data(make_article, django_assert_num_queries):
    query = titles_by_slug()
    assert query.rows("eins") == []
    first = make_article(content=article_content(slug="eins", title="Erster Titel"))
    second = make_article(content=article_content(slug="zwei", title="Zweiter Titel"))
    with django_assert_num_queries(2):
        assert query.rows("eins") == [{"pk": first.pk, "title_de": "Erster Titel"}]
        assert query.rows("zwei") == [{"pk": second.pk, "title_de": "Zweiter Titel"}]


def test_dates_get_the_databases_converters(make_article):
    page = make_article(content=article_content(slug="datum"))
    query = PreparedQuery(
        lambda slug: ArticlePage.objects.filter(slug_de=slug).values("first_published_at"),
        placeholder=PLACEHOLDER,
    )
    assert query.rows("datum") == [{"first_published_at": page.first_published_at}]


def test_a_placeholder_used_twice_gets_the_value_in_both_places(make_article):
    page = make_article(content=article_content(slug="gleich", title="gleich"))
    query = PreparedQuery(
        lambda slug: ArticlePage.objects.filter(slug_de=slug, title_de=slug).values("pk"),
        placeholder=PLACEHOLDER,
    )
    assert query.rows("gleich") == [{"pk": page.pk}]


def test_several_placeholders_each_get_their_value(make_article):
    first = make_article(content=article_content(slug="eins", title="Erster Titel"))
    make_article(content=article_content(slug="zwei", title="Zweiter Titel"))
    query = PreparedQuery(
        lambda slug, published: ArticlePage.objects.filter(
            slug_de=slug, first_published_at__lte=published
        ).values("pk"),
        placeholders=(PLACEHOLDER, datetime(1901, 2, 3, tzinfo=UTC)),
    )
    assert query.rows("eins", first.first_published_at) == [{"pk": first.pk}]
    assert query.rows("eins", first.first_published_at - timedelta(seconds=1)) == []


def test_a_placeholder_that_is_not_among_the_parameters_is_refused(db):
    query = PreparedQuery(
        lambda slug: ArticlePage.objects.filter(slug_de="fest").values("pk"),
        placeholder=PLACEHOLDER,
    )
    with pytest.raises(ValueError, match="is not among the parameters"):
        query.rows("x")
