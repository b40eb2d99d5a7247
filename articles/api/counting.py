"""Result totals of paginated lists, counted once per content version.

A list's total only changes when content does, and every change bumps the content version
(``articles.cache``). So the total of a given query is counted once per version and kept in the
shared cache under the version's generation and a digest of the query's SQL; later pages of the
same list, and other clients paging through it, read it from there instead of scanning the
whole result again. ``tests/articles/api/test_cursor_pagination.py`` pins it to a plain
``queryset.count()``.
"""

from __future__ import annotations

import hashlib

from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db.models import QuerySet

from articles.cache import current_state

KEY_PREFIX = "articles:api:count"


def result_count(queryset: QuerySet) -> int:
    """``queryset.count()``, from the cache while the content version is unchanged."""
    state = current_state()
    if state is None:  # the version cannot be read: nothing may be served from cache
        return queryset.count()
    try:
        sql, params = queryset.order_by().query.sql_with_params()
    except EmptyResultSet:  # e.g. queryset.none() or pk__in=[]: nothing to count
        return 0
    digest = hashlib.sha256(repr((sql, params)).encode()).hexdigest()[:32]
    key = f"{KEY_PREFIX}:{state.generation}:{digest}"
    count = cache.get(key)
    if count is None:
        count = queryset.count()
        cache.set(key, count)
    return count
