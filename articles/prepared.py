"""ORM queries compiled once and run many times with fresh parameters ("prepared" queries).

Building and compiling a queryset - lookups, joins, the visibility subqueries, modeltranslation's
lookup rewriting - costs several times more than running it against an index. The hottest API
reads (one article by slug, a page of the article list) are still defined with the ORM, but
compiled on first use in each thread; later runs only swap the placeholders' values into the
parameters, execute the SQL and apply the same database converters Django would (e.g. SQLite's
text dates become datetimes). The SQL depends only on code and settings (languages) and on the
query's shape (which the caller keys its prepared queries by), never on data, so it never goes
stale.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import QuerySet

_NO_PLACEHOLDER = object()


def _as_parameter(value: Any, using: str) -> Any:
    # What Django's fields pass to the driver for ``value``: SQLite stores datetimes as text.
    if isinstance(value, datetime):
        return connections[using].ops.adapt_datetimefield_value(value)
    return value


class PreparedQuery:
    """``build(*placeholders)`` returns a ``.values()`` queryset in which each placeholder is
    the value of one or more parameters (pick for each a value of the field's type that never
    occurs as data); ``rows(*values)`` runs it with ``values`` in their places.

    ``placeholder=`` is the one-parameter form: ``build(placeholder)``, ``rows(value)``."""

    def __init__(
        self,
        build: Callable[..., QuerySet],
        *,
        placeholder: Any = _NO_PLACEHOLDER,
        placeholders: Sequence[Any] = (),
    ) -> None:
        if placeholder is not _NO_PLACEHOLDER:
            placeholders = (placeholder,)
        self._build = build
        self._placeholders = tuple(placeholders)
        self._compiled = threading.local()  # Django's connections are per thread, so are these

    def _compile(self, using: str) -> tuple[Any, str, list[Any], list[list[int]], list[str]]:
        cache: dict[str, tuple] = self._compiled.__dict__.setdefault("by_alias", {})
        if using not in cache:
            queryset = self._build(*self._placeholders)
            query = queryset.query
            compiler = query.get_compiler(using)
            sql, params = compiler.as_sql()
            positions = []
            for placeholder in self._placeholders:
                as_parameter = _as_parameter(placeholder, using)
                found = [i for i, param in enumerate(params) if param == as_parameter]
                if not found:
                    raise ValueError(
                        f"placeholder {placeholder!r} is not among the parameters {params!r}"
                    )
                positions.append(found)
            # The column order of the SQL, as Django's own ValuesIterable reads it.
            if query.selected:
                names = list(query.selected)
            else:
                names = [*query.extra_select, *query.values_select, *query.annotation_select]
            cache[using] = (compiler, sql, list(params), positions, names)
        return cache[using]

    def rows(self, *values: Any, using: str = DEFAULT_DB_ALIAS) -> list[dict[str, Any]]:
        if len(values) != len(self._placeholders):
            raise TypeError(f"{len(self._placeholders)} values expected, got {len(values)}")
        compiler, sql, params, positions, names = self._compile(using)
        params = list(params)
        for value, found in zip(values, positions, strict=True):
            as_parameter = _as_parameter(value, using)
            for position in found:
                params[position] = as_parameter
        with connections[using].cursor() as cursor:
            cursor.execute(sql, params)
            fetched = cursor.fetchall()
        return [dict(zip(names, row, strict=True)) for row in compiler.results_iter([fetched])]
