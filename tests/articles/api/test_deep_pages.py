"""Numbered pages past the first are read by a keyset seek from where they start
(``articles.api.counting.page_boundary``), not by ``OFFSET``: pinned here to the plain ``OFFSET``
path, byte for byte, on every list endpoint, ordering and page."""

from __future__ import annotations

import pytest
from django.db import connection

from articles.api import pagination
from tests.articles.api.conftest import all_pages, article_content, fresh_get

pytestmark = pytest.mark.django_db


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
    # Newest first, ties by id: 6, 5, 4, 3, 2, 1, 0, with the undated 7 where the database
    # puts NULL in a descending order (PostgreSQL: first; SQLite: last).
    last_two = (
        ["artikel-1", "artikel-0"]
        if connection.features.nulls_order_largest
        else [
            "artikel-0",
            "artikel-7",
        ]
    )
    assert [item["slug"] for item in body["results"]] == last_two
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
