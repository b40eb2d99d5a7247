"""Numbered pages past the first are read by a keyset seek from where they start
(``articles.api.counting.page_boundary``), not by ``OFFSET``: pinned here to the plain ``OFFSET``
path, byte for byte, on every list endpoint, ordering and page."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.core.cache import cache

from articles.api import pagination
from articles.api.caching import recent_entries
from articles.cache import remembered_state
from articles.models import ArticlePage
from tests.articles.api.conftest import article_content
from tests.shared_data import shared_data

pytestmark = pytest.mark.django_db

TITLES = ["Gurken", "Amsel", "Zwiebeln", "Beete", "Mulch", "Kompost", "Erbsen", "Lauch"]


@shared_data
def eight_articles(build):
    """Eight German articles: two pairs sharing a publication time (ties break by id), one
    without a publication date, titles sorting differently from dates."""
    start = datetime(2024, 1, 1, 8, tzinfo=UTC)
    pages = []
    for number, title in enumerate(TITLES):
        page = build.article(
            content=article_content(slug=f"artikel-{number}", title=title, keywords=2)
        )
        published = start + timedelta(days=min(number, 5) - (number == 2))  # 1 and 2 tie too
        ArticlePage.objects.filter(pk=page.pk).update(
            first_published_at=None if number == 7 else published, last_published_at=published
        )
        pages.append(page)
    return pages


def fresh_get(client, url: str) -> bytes | None:
    """The response body computed now (no response, count or boundary from any cache); None
    for a page past the end."""
    cache.clear()
    recent_entries.clear()
    remembered_state.forget()
    response = client.get(url)
    if response.status_code == 404:
        return None
    assert response.status_code == 200, response.content[:300]
    return response.content


def all_pages(client, url: str) -> list[bytes]:
    pages = []
    while (body := fresh_get(client, f"{url}&page={len(pages) + 1}")) is not None:
        pages.append(body)
    return pages


def by_offset(monkeypatch):
    """Make ``paginate`` read every page by OFFSET (the plain path)."""
    monkeypatch.setattr(pagination, "page_boundary", lambda *args, **kwargs: None)


LISTS = [
    ("/api/v1/articles/?lang=de", (1, 3)),
    ("/api/v1/articles/?lang=de&ordering=published", (3,)),
    ("/api/v1/articles/?lang=de&ordering=title", (3,)),
    ("/api/v1/articles/?lang=de&ordering=-title", (2,)),
    ("/api/v1/articles/?lang=de&search=Section&ordering=published", (3,)),
    ("/api/v1/keywords/?lang=de", (1, 5)),
    ("/api/v1/sitemap/?lang=de", (3,)),
]


def test_every_numbered_page_is_the_offset_page_byte_for_byte(client, eight_articles, monkeypatch):
    # One fixture for every list (building articles is what costs); each list and page size
    # is compared on its own.
    sought = {
        (url, size): all_pages(client, f"{url}&page_size={size}")
        for url, sizes in LISTS
        for size in sizes
    }
    by_offset(monkeypatch)
    for (url, size), pages in sought.items():
        assert len(pages) > 2, (url, size)
        assert pages == all_pages(client, f"{url}&page_size={size}"), (url, size)


def test_a_deep_page_is_a_seek_from_its_boundary_not_an_offset(
    client, eight_articles, django_assert_max_num_queries
):
    client.get("/api/v1/articles/?lang=de&page_size=2&page=2")  # boundaries: once per version
    with django_assert_max_num_queries(2) as captured:
        body = client.get("/api/v1/articles/?lang=de&page_size=2&page=4").json()
    # newest first, the undated one before all: 7, 6, 5, 4, 3, 2, 1, 0 (ties by id)
    assert [item["slug"] for item in body["results"]] == ["artikel-1", "artikel-0"]
    assert not any("OFFSET" in query["sql"] for query in captured.captured_queries)


def test_boundaries_follow_publishing(client, eight_articles, make_article, monkeypatch):
    before = client.get("/api/v1/articles/?lang=de&page_size=3&page=2").json()
    make_article(content=article_content(slug="ganz-neu", title="Ganz neu"))  # newest of all
    after = client.get("/api/v1/articles/?lang=de&page_size=3&page=2").content
    by_offset(monkeypatch)
    assert after == fresh_get(client, "/api/v1/articles/?lang=de&page_size=3&page=2")
    assert (
        before["results"][0]
        != client.get("/api/v1/articles/?lang=de&page_size=3&page=2").json()["results"][0]
    )
