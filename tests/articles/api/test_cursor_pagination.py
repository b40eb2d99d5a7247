"""Keyset pagination (?cursor=) on the list endpoints and the cached count behind it."""

from __future__ import annotations

import base64
from datetime import UTC, datetime, timedelta

import pytest

from articles.api.counting import result_count
from articles.models import ArticlePage
from articles.selectors import article_list, keyword_usage
from tests.articles.api.conftest import article_content
from tests.shared_data import shared_data

pytestmark = pytest.mark.django_db


@shared_data
def seven_articles(build):
    """Seven German articles, two sharing a publication time (ties break by id), titles
    sorting differently from dates; three with an English version."""
    start = datetime(2024, 1, 1, 8, tzinfo=UTC)
    titles = ["Gurken", "Amsel", "Zwiebeln", "Beete", "Mulch", "Kompost", "Erbsen"]
    pages = []
    for number, title in enumerate(titles):
        page = build.article(
            content=article_content(slug=f"artikel-{number}", title=title, keywords=1),
            translations=(
                {"en": article_content(slug=f"article-{number}", title=f"{title} EN")}
                if number % 2
                else {}
            ),
        )
        published = start + timedelta(days=min(number, 5))  # numbers 5 and 6 tie
        ArticlePage.objects.filter(pk=page.pk).update(
            first_published_at=published, last_published_at=published
        )
        pages.append(page)
    return pages


def walk(client, url: str) -> tuple[list[dict], list[dict]]:
    """Follow ``next`` links from ``url``; (items, bodies)."""
    items, bodies = [], []
    while url:
        response = client.get(url)
        assert response.status_code == 200, response.content
        body = response.json()
        bodies.append(body)
        items += body["results"]
        url = body["next"]
    return items, bodies


def slugs_by_page_numbers(client, query: str) -> list[str]:
    items, _bodies = walk(client, f"/api/v1/articles/?{query}&page_size=100")
    return [item["slug"] for item in items]


@pytest.mark.parametrize(
    "ordering", ["", "&ordering=published", "&ordering=title", "&ordering=-title"]
)
def test_walking_with_cursors_gives_the_page_number_order(client, seven_articles, ordering):
    expected = slugs_by_page_numbers(client, f"lang=de{ordering}")
    items, bodies = walk(client, f"/api/v1/articles/?lang=de{ordering}&page_size=2&cursor=")
    assert [item["slug"] for item in items] == expected
    assert len(bodies) == 4
    assert all(body["count"] == 7 and body["page"] is None for body in bodies)
    assert all(body["previous"] is None for body in bodies)
    assert [body["next_cursor"] is None for body in bodies] == [False, False, False, True]
    assert bodies[0]["next"].endswith(f"&cursor={bodies[0]['next_cursor']}")


def test_null_publication_dates_keep_their_place(client, seven_articles):
    ArticlePage.objects.filter(pk__in=[seven_articles[2].pk, seven_articles[4].pk]).update(
        first_published_at=None
    )
    for ordering in ("-published", "published"):
        expected = slugs_by_page_numbers(client, f"lang=de&ordering={ordering}")
        items, _ = walk(
            client, f"/api/v1/articles/?lang=de&ordering={ordering}&page_size=1&cursor="
        )
        assert [item["slug"] for item in items] == expected


def test_a_cursor_is_a_position_not_a_page(client, seven_articles, make_article):
    first = client.get("/api/v1/articles/?lang=de&page_size=3&cursor=").json()
    make_article(content=article_content(slug="ganz-neu", title="Ganz neu"))  # newest of all
    second = client.get(f"/api/v1/articles/?lang=de&page_size=3&cursor={first['next_cursor']}")
    seen = [item["slug"] for item in first["results"] + second.json()["results"]]
    assert seen == slugs_by_page_numbers(client, "lang=de")[1:7]  # no repeat, no gap
    assert second.json()["count"] == 8


def test_page_number_responses_name_the_cursor_that_continues_them(client, seven_articles):
    page_one = client.get("/api/v1/articles/?lang=de&page_size=3").json()
    page_two = client.get("/api/v1/articles/?lang=de&page_size=3&page=2").json()
    continued = client.get(
        f"/api/v1/articles/?lang=de&page_size=3&cursor={page_one['next_cursor']}"
    ).json()
    assert continued["results"] == page_two["results"]
    last = client.get("/api/v1/articles/?lang=de&page_size=3&page=3").json()
    assert last["next_cursor"] is None


def test_cursors_page_through_search_results_in_relevance_order(client, seven_articles):
    expected = slugs_by_page_numbers(client, "lang=de&search=Section")
    items, bodies = walk(client, "/api/v1/articles/?lang=de&search=Section&page_size=3&cursor=")
    assert [item["slug"] for item in items] == expected and len(expected) == 7
    assert bodies[-1]["next_cursor"] is None


def test_the_keyword_list_pages_with_cursors_too(client, seven_articles):
    expected, _ = walk(client, "/api/v1/keywords/?lang=de&page_size=100")
    items, bodies = walk(client, "/api/v1/keywords/?lang=de&page_size=2&cursor=")
    assert items == expected and len(items) == 7
    assert bodies[0]["count"] == 7


def _cursor(payload: str) -> str:
    return base64.urlsafe_b64encode(payload.encode()).decode().rstrip("=")


@pytest.mark.parametrize(
    "cursor",
    [
        "not-a-cursor!",
        "%FF%FE",
        _cursor("[1, 2]"),
        _cursor('{"o": "-published", "k": [1]}'),
        _cursor('{"o": "-published", "k": ["yesterday", 1]}'),
        _cursor('{"o": "-published", "k": ["2024-01-01T00:00:00", 1]}'),  # no offset
        _cursor('{"o": "-published", "k": ["2024-01-01T00:00:00+00:00", "1"]}'),
        _cursor('{"o": "-published", "k": ["2024-01-01T00:00:00+00:00", 99999999999999999999]}'),
        _cursor('{"o": "-published", "k": ["0001-01-01T00:00:00+01:00", 1]}'),
        _cursor('{"o": "title", "k": ["Amsel", 1]}'),  # another ordering's cursor
        _cursor('{"o": "relevance", "n": 3}'),
        "A" * 3000,
    ],
)
def test_a_malformed_cursor_is_a_400_naming_it(client, seven_articles, cursor):
    response = client.get(f"/api/v1/articles/?lang=de&cursor={cursor}")
    assert response.status_code == 400
    body = response.json()
    assert body["error"]["code"] == "invalid_parameter"
    assert "cursor" in body["error"]["details"]


def test_with_a_cursor_the_page_number_is_ignored(client, seven_articles):
    for path in ("/api/v1/articles/", "/api/v1/keywords/", "/api/v1/sitemap/"):
        with_page = client.get(f"{path}?lang=de&page_size=2&cursor=&page=2").json()
        without = client.get(f"{path}?lang=de&page_size=2&cursor=").json()
        assert with_page == without and with_page["page"] is None


def test_the_keyword_cursor_rejects_another_lists_cursor(client, seven_articles):
    article_cursor = client.get("/api/v1/articles/?lang=de&page_size=2").json()["next_cursor"]
    response = client.get(f"/api/v1/keywords/?lang=de&cursor={article_cursor}")
    assert response.status_code == 400


def test_the_cached_count_equals_a_plain_count_and_follows_publishing(
    seven_articles, make_article, django_assert_num_queries
):
    queryset = article_list("en")
    assert result_count(queryset) == queryset.count() == 3
    with django_assert_num_queries(0):
        assert result_count(queryset) == 3  # the same content version: from the cache
    make_article(
        content=article_content(slug="neu"), translations={"en": article_content(slug="new")}
    )
    assert result_count(queryset) == queryset.count() == 4
    usage = keyword_usage("de")
    assert result_count(usage) == usage.count() == 9  # 7 + the new article's two


def test_a_deep_cursor_page_costs_what_the_first_costs(
    client, seven_articles, django_assert_max_num_queries
):
    client.get("/api/v1/articles/?lang=de&page_size=2&cursor=")  # counts once per version
    cursor = client.get("/api/v1/articles/?lang=de&page_size=2&page=3").json()["next_cursor"]
    with django_assert_max_num_queries(1) as captured:
        body = client.get(f"/api/v1/articles/?lang=de&page_size=2&cursor={cursor}").json()
    assert len(body["results"]) == 1 and body["count"] == 7
    assert len(captured) == 1


def test_a_filter_that_matches_nothing_counts_zero(client, seven_articles):
    body = client.get("/api/v1/articles/?lang=de&search=%21%21&cursor=").json()
    assert body["count"] == 0 and body["results"] == [] and body["next_cursor"] is None
    body = client.get("/api/v1/articles/?lang=de&search=%21%21&ordering=title").json()
    assert body["count"] == 0 and body["results"] == []
