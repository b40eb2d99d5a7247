"""The article list's pages as prepared queries: the list's one optimisation, in one place.

An uncached page of ``/api/v1/articles/`` without filters (any language, ordering, page size,
page number or cursor) is the API's most frequent database read after an article. Compiling
its ORM query - visibility, the focus keyword subqueries, modeltranslation's rewriting, the
seek condition - cost more CPU than the rest of the request together. Here the query of each
shape (language, visibility policy, ordering, page size, whether and which sort values it seeks
after) is compiled once per thread (``articles/prepared.py``) and then run with the seek's
values; the total's and the page boundaries' cache key reuse the digest of the plain list's
query, so both paths share the counts in the cache.

Only the plain list is prepared: a keyword or ``updated_since`` filter goes the plain way
(``cursors.rows_after``). A search ranked by relevance reads its page's rows here too
(``rows_by_id``, one query per page size), and its candidates - the plain list - are known by
the plain list's digest. ``tests/articles/api/test_prepared_list.py`` pins every shape to the
plain path, response byte for response byte.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from functools import cache
from typing import Any

from django.db.models import QuerySet

from articles.api.cursors import RowReader, SortKey, seek_condition
from articles.api.filters import order_articles
from articles.api.pagination import MAX_PAGE_SIZE
from articles.cache import query_digest, remember_digest
from articles.completeness import incomplete_policy
from articles.prepared import PreparedQuery
from articles.selectors import article_list

# Placeholders for the seek's sort values: values of each kind that never occur as data.
_PLACEHOLDERS = {
    "datetime": datetime(1901, 2, 3, 4, 5, 6, 789_012, tzinfo=UTC),
    "int": -8_765_432,
    "str": "\x00sort value\x00",
}


@cache
def _page_query(
    lang: str,
    policy: str,
    ordering: str,
    keys: tuple[SortKey, ...],
    limit: int,
    nulls: tuple[bool, ...] | None,
) -> PreparedQuery:
    """The page query of one shape (built while ``policy`` is the visibility policy, which
    ``article_list`` reads). ``nulls`` says which seek values are None (they change the SQL:
    ``IS NULL`` instead of a comparison); None: no seek (the first page)."""
    placeholders = []
    if nulls is not None:
        placeholders = [
            _PLACEHOLDERS[key.kind] for key, null in zip(keys, nulls, strict=True) if not null
        ]

    def build(*values: Any) -> QuerySet:
        queryset = order_articles(article_list(lang), ordering, lang=lang)
        if nulls is not None:
            given = iter(values)
            after = [None if null else next(given) for null in nulls]
            queryset = queryset.filter(seek_condition(keys, after))
        return queryset[:limit]

    return PreparedQuery(build, placeholders=placeholders)


@cache
def _list_digest(lang: str, policy: str) -> str:
    # ``policy`` keys the cache: ``article_list`` reads it itself, as the page query's build does.
    return query_digest(article_list(lang))


def known_as_plain_list(queryset: QuerySet, *, lang: str) -> None:
    """Give ``queryset`` - the plain article list of ``lang`` (``selectors.article_list``,
    unfiltered, in any order) - the plain list's digest, so that its total, page boundaries and
    visible ids are found in the cache without compiling it."""
    remember_digest(queryset, _list_digest(lang, incomplete_policy()))


def prepared_reader(queryset: QuerySet, *, lang: str, ordering: str) -> RowReader:
    """The ``RowReader`` for ``queryset``, which must be the plain article list of ``lang``
    in ``ordering`` (see ``known_as_plain_list``, which this does too)."""
    policy = incomplete_policy()
    known_as_plain_list(queryset, lang=lang)

    def read(
        queryset: QuerySet, *, keys: Sequence[SortKey], after: Sequence[Any] | None, limit: int
    ) -> list[Any]:
        nulls = None if after is None else tuple(value is None for value in after)
        query = _page_query(lang, policy, ordering, tuple(keys), limit, nulls)
        values = () if after is None else [value for value in after if value is not None]
        return query.rows(*values)

    return read


# Placeholders for the ids of a page of search results (at most MAX_PAGE_SIZE of them).
_ID_PLACEHOLDERS = tuple(-8_700_000 - position for position in range(MAX_PAGE_SIZE))


@cache
def _rows_by_id_query(lang: str, policy: str, count: int) -> PreparedQuery:
    placeholders = _ID_PLACEHOLDERS[:count]
    return PreparedQuery(
        lambda *ids: article_list(lang).filter(pk__in=ids), placeholders=placeholders
    )


def rows_by_id(ids: Sequence[int], *, lang: str) -> list[dict[str, Any]]:
    """The plain list's rows of the visible articles among ``ids`` (a page of search results,
    at most ``MAX_PAGE_SIZE``), in ``ids``' order."""
    if not ids:
        return []
    unique = list(dict.fromkeys(ids))
    query = _rows_by_id_query(lang, incomplete_policy(), len(unique))
    by_id = {row["pk"]: row for row in query.rows(*unique)}
    return [by_id[pk] for pk in ids if pk in by_id]
