"""ORM queries compiled once and run many times with a fresh parameter ("prepared" queries).

Building and compiling a queryset - lookups, joins, the visibility subqueries, modeltranslation's
lookup rewriting - costs several times more than running it against an index. The hottest API
read (one article by slug) is still defined with the ORM, but compiled on first use in each
thread; later runs only swap the placeholder's value into the parameters, execute the SQL and
apply the same database converters Django would (e.g. SQLite's text dates become datetimes).
The SQL depends only on code and settings (languages), never on data, so it never goes stale.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import QuerySet


class PreparedQuery:
    """``build(placeholder)`` returns a ``.values()`` queryset in which ``placeholder`` is the
    value of exactly one parameter (pick one of the field's type that never occurs as data)."""

    def __init__(self, build: Callable[[Any], QuerySet], *, placeholder: Any) -> None:
        self._build = build
        self._placeholder = placeholder
        self._compiled = threading.local()  # Django's connections are per thread, so are these

    def _compile(self, using: str) -> tuple[Any, str, list[Any], int, list[str]]:
        cache: dict[str, tuple] = self._compiled.__dict__.setdefault("by_alias", {})
        if using not in cache:
            queryset = self._build(self._placeholder)
            query = queryset.query
            compiler = query.get_compiler(using)
            sql, params = compiler.as_sql()
            positions = [i for i, param in enumerate(params) if param == self._placeholder]
            if len(positions) != 1:
                raise ValueError(f"placeholder must occur once in the parameters, got {params!r}")
            # The column order of the SQL, as Django's own ValuesIterable reads it.
            if query.selected:
                names = list(query.selected)
            else:
                names = [*query.extra_select, *query.values_select, *query.annotation_select]
            cache[using] = (compiler, sql, list(params), positions[0], names)
        return cache[using]

    def rows(self, value: Any, *, using: str = DEFAULT_DB_ALIAS) -> list[dict[str, Any]]:
        compiler, sql, params, position, names = self._compile(using)
        params = [*params[:position], value, *params[position + 1 :]]
        with connections[using].cursor() as cursor:
            cursor.execute(sql, params)
            fetched = cursor.fetchall()
        return [dict(zip(names, row, strict=True)) for row in compiler.results_iter([fetched])]
