"""Prepared queries: compiled once, run with fresh values, never stale."""

from __future__ import annotations

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


def test_a_placeholder_that_is_not_a_single_parameter_is_refused(db):
    query = PreparedQuery(
        lambda slug: ArticlePage.objects.filter(slug_de=slug, title_de=slug).values("pk"),
        placeholder=PLACEHOLDER,
    )
    with pytest.raises(ValueError, match="placeholder must occur once"):
        query.rows("x")
