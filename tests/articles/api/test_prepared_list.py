"""The plain article list's prepared queries (``articles/api/prepared_list.py``) give the
responses the plain ORM path gives, byte for byte: every ordering, page size, page number and
cursor, both visibility policies, and after content changes."""

from __future__ import annotations

import pytest
from django.test import override_settings

from articles.api import prepared_list, views
from articles.api.cursors import rows_after
from articles.api.filters import order_articles
from articles.api.prepared_list import rows_by_id
from articles.cache import query_digest
from articles.completeness import FALLBACK, HIDE
from articles.selectors import article_list
from tests.articles.api.conftest import all_pages, article_content, cursor_crawl, fresh_get

pytestmark = pytest.mark.django_db

LISTS = [
    ("/api/v1/articles/?lang=de", (1, 3)),
    ("/api/v1/articles/?lang=de&ordering=published", (3,)),
    ("/api/v1/articles/?lang=de&ordering=title", (2,)),
    ("/api/v1/articles/?lang=de&ordering=-title", (3,)),
    ("/api/v1/articles/?lang=en", (2,)),
    # Relevance: the page's rows by id, the candidates known as the plain list.
    ("/api/v1/articles/?lang=de&search=Section", (3,)),
]


def plain_rows_by_id(ids, *, lang):
    by_id = {row["pk"]: row for row in article_list(lang).filter(pk__in=ids)}
    return [by_id[pk] for pk in ids if pk in by_id]


def plain_path(monkeypatch):
    """Make the list view read every page with the plain ORM queries."""
    monkeypatch.setattr(views, "prepared_reader", lambda queryset, **kwargs: rows_after)
    monkeypatch.setattr(views, "rows_by_id", plain_rows_by_id)
    monkeypatch.setattr(views, "known_as_plain_list", lambda queryset, **kwargs: None)


def every_response(client) -> dict:
    responses = {}
    for url, sizes in LISTS:
        for size in sizes:
            sized = f"{url}&page_size={size}"
            responses[sized, "pages"] = all_pages(client, sized)
            responses[sized, "cursors"] = cursor_crawl(client, sized)
    return responses


@pytest.mark.parametrize("policy", [HIDE, FALLBACK])
def test_every_page_and_cursor_is_the_plain_paths_byte_for_byte(
    client, eight_articles, monkeypatch, policy
):
    # The fixture has publication ties, an undated article (NULL sort values in a seek) and
    # titles that sort differently from dates.
    with override_settings(CMS_INCOMPLETE_LANGUAGES=policy):
        prepared = every_response(client)
        plain_path(monkeypatch)
        plain = every_response(client)
    assert prepared.keys() == plain.keys()
    for key, bodies in prepared.items():
        assert len(bodies) > 1 or "lang=en" in key[0], key  # the articles are German only
        assert bodies == plain[key], key


def test_a_published_article_appears_at_once_in_the_prepared_pages(
    client, eight_articles, make_article, monkeypatch
):
    url = "/api/v1/articles/?lang=de&page_size=3&page=2"
    client.get(url)  # compiled before the change
    make_article(content=article_content(slug="ganz-neu", title="Ganz neu"))
    after = fresh_get(client, url)
    plain_path(monkeypatch)
    assert after == fresh_get(client, url)


def test_filtered_and_searched_lists_do_not_use_the_prepared_queries(
    client, eight_articles, monkeypatch
):
    used = []

    def spy(queryset, **kwargs):
        used.append(kwargs)
        return rows_after

    monkeypatch.setattr(views, "prepared_reader", spy)
    client.get("/api/v1/articles/?lang=de&keyword=anything")
    client.get("/api/v1/articles/?lang=de&updated_since=2024-01-01")
    client.get("/api/v1/articles/?lang=de&search=Gurken&ordering=title")
    client.get("/api/v1/articles/?lang=de&search=Gurken&keyword=anything")
    assert used == []
    client.get("/api/v1/articles/?lang=de&ordering=title")
    assert used == [{"lang": "de", "ordering": "title"}]


def test_the_prepared_total_shares_the_plain_lists_cache_key(db):
    for lang in ("de", "en"):
        plain = order_articles(article_list(lang), "-published", lang=lang)
        prepared = order_articles(article_list(lang), "-published", lang=lang)
        prepared_list.prepared_reader(prepared, lang=lang, ordering="-published")
        assert query_digest(prepared) == query_digest(plain)


def test_a_prepared_page_costs_no_more_queries_than_the_plain_one(
    client, eight_articles, monkeypatch, django_assert_max_num_queries
):
    url = "/api/v1/articles/?lang=de&page_size=2&page=3"
    client.get(url)  # total and boundaries: once per content version
    with django_assert_max_num_queries(2):  # the page, the hero images' none
        assert client.get(url).status_code == 200


def test_a_page_of_rows_by_id_is_the_plain_querys_in_the_ids_order(eight_articles):
    ids = [page.pk for page in reversed(eight_articles)] + [10**9]  # and an unknown id
    assert rows_by_id(ids, lang="de") == plain_rows_by_id(ids, lang="de")
    assert [row["pk"] for row in rows_by_id(ids, lang="de")] == ids[:-1]
    assert rows_by_id([], lang="de") == []
