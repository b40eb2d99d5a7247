"""Result totals and page boundaries of paginated lists, computed once per content version.

A list's total only changes when content does, and every change bumps the content version
(``articles.cache``). So the total of a given query is counted once per version and kept in the
shared cache under the version's generation and a digest of the query's SQL; later pages of the
same list, and other clients paging through it, read it from there instead of scanning the
whole result again. ``tests/articles/api/test_cursor_pagination.py`` pins it to a plain
``queryset.count()``.

Page boundaries follow the same rule: where each page of a given size starts (the sort values of
the row before it), read in one pass over the sort keys only. A numbered page past the first is
then a keyset seek from its boundary (``articles.api.pagination.paginate``), which costs what
the first page costs, instead of an ``OFFSET`` that reads and discards every earlier row.
``tests/articles/api/test_deep_pages.py`` pins it to the plain ``OFFSET`` page, byte for byte.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db.models import QuerySet

from articles.api.cursors import SortKey
from articles.cache import figure_for_version, version_key

KEY_PREFIX = "articles:api:count"
BOUNDARIES_PREFIX = "articles:api:page-starts"


def result_count(queryset: QuerySet) -> int:
    """``queryset.count()``, from the cache while the content version is unchanged."""
    return figure_for_version(KEY_PREFIX, queryset, queryset.count, empty=0)


def page_boundary(queryset: QuerySet, keys: Sequence[SortKey], *, size: int, number: int) -> Any:
    """The sort values (``keys``' fields) of the last row before page ``number`` of ``size``
    rows of ``queryset`` (ordered by ``keys``), or None where it cannot be known (page 1, a
    page past the end, an unreadable content version: the caller reads that page by offset).

    All pages' boundaries are read in one pass over the sort keys and kept for the content
    version, like the total."""
    if number < 2:
        return None
    order = tuple((key.field, key.descending) for key in keys)
    try:
        key = version_key(BOUNDARIES_PREFIX, queryset, order, size)
    except EmptyResultSet:
        return None
    if key is None:
        return None
    boundaries = cache.get(key)
    if boundaries is None:
        rows = queryset.values_list(*(field for field, _descending in order))
        boundaries = [row for position, row in enumerate(rows, start=1) if position % size == 0]
        cache.set(key, boundaries)
    return boundaries[number - 2] if number - 2 < len(boundaries) else None
