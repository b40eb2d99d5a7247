"""Keyset ("cursor") pagination, alongside page numbers, for the list endpoints.

``?cursor=`` (empty) starts at the first item; every list response carries ``next_cursor``, the
position after its last item (null on the last page), to pass back as ``?cursor=``. A deep page
then costs what the first one costs: the query starts right after the cursor's sort key (an
index range) instead of skipping ``OFFSET`` rows.

A cursor is opaque to clients: URL-safe base64 of a small JSON object naming the ordering and
the last item's sort values and id (``{"o": "-published", "k": ["2024-03-10T08:00:00+00:00",
42]}``), or, for results ranked by search relevance, the number of items already seen
(``{"o": "relevance", "n": 40}``; those results are computed whole anyway). A cursor is stable:
it names a position in the order, not a page, so items published meanwhile do not shift what
follows. Anything that does not decode to a cursor of the request's ordering is a 400.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

from django.db import connection
from django.db.models import Q, QuerySet

from articles.api.errors import invalid_parameters

RELEVANCE = "relevance"
# Longest cursor accepted: real ones are far shorter (a title of at most 255 characters).
MAX_CURSOR_LENGTH = 2048


@dataclass(frozen=True, slots=True)
class SortKey:
    """One ORDER BY term: the row's field (or annotation) name and its direction."""

    field: str
    descending: bool
    kind: str = "str"  # the values' type: "str", "int" or "datetime"

    @classmethod
    def parse(cls, term: str, *, datetimes: Sequence[str] = ()) -> SortKey:
        field = term.removeprefix("-")
        kind = "int" if field == "pk" else "datetime" if field in datetimes else "str"
        return cls(field, term.startswith("-"), kind)


@dataclass(frozen=True, slots=True)
class Cursor:
    """A decoded position: after the item whose sort values are ``values`` (keyset), or after
    ``offset`` items (relevance); neither: the start."""

    ordering: str
    values: tuple[Any, ...] | None = None
    offset: int = 0


def _bad_cursor(
    message: str = "Not a cursor of this list; start again with cursor= (empty).",
) -> Any:
    return invalid_parameters({"cursor": [message]})


def encode(payload: Mapping[str, Any]) -> str:
    raw = json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode(raw: str, *, ordering: str, keys: Sequence[SortKey]) -> Cursor:
    """The position ``raw`` names for a list in ``ordering`` (400 if it names none)."""
    raw = raw.strip()
    if not raw:
        return Cursor(ordering)
    if len(raw) > MAX_CURSOR_LENGTH or not raw.isascii():
        raise _bad_cursor()
    try:
        payload = json.loads(base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)))
    except (binascii.Error, ValueError):
        raise _bad_cursor() from None
    if not isinstance(payload, dict):
        raise _bad_cursor()
    if payload.get("o") != ordering:
        raise _bad_cursor(
            "This cursor belongs to another ordering; keep the parameters the cursor came with."
        )
    if ordering == RELEVANCE:
        offset = payload.get("n")
        if type(offset) is not int or not 0 <= offset < _MAX_INT:
            raise _bad_cursor()
        return Cursor(ordering, offset=offset)
    values = payload.get("k")
    if not isinstance(values, list) or len(values) != len(keys):
        raise _bad_cursor()
    parsed = [_parse_value(key, value) for key, value in zip(keys, values, strict=True)]
    return Cursor(ordering, values=tuple(parsed))


# Integers a database column (bigint) can compare with.
_MAX_INT = 2**63


def _parse_value(key: SortKey, value: Any) -> Any:
    """A sort value from a cursor, checked so that it can only fail here (400), never in SQL."""
    if value is None:
        return None
    if key.kind == "datetime":
        try:
            parsed = datetime.fromisoformat(value)
            if parsed.tzinfo is None:
                raise ValueError("naive")
            return parsed.astimezone(UTC)
        except (TypeError, ValueError, OverflowError):
            raise _bad_cursor() from None
    if key.kind == "int" and type(value) is int and -_MAX_INT <= value < _MAX_INT:
        return value
    if key.kind == "str" and isinstance(value, str) and "\x00" not in value:
        return value
    raise _bad_cursor()


def _value(row: Any, field: str) -> Any:
    return row[field] if isinstance(row, dict) else getattr(row, field)


def cursor_after(row: Any, *, ordering: str, keys: Sequence[SortKey]) -> str:
    """The cursor that continues after ``row``."""
    values = []
    for key in keys:
        value = _value(row, key.field)
        values.append(value.isoformat() if isinstance(value, datetime) else value)
    return encode({"o": ordering, "k": values})


def offset_cursor(offset: int) -> str:
    return encode({"o": RELEVANCE, "n": offset})


def _nulls_first(key: SortKey) -> bool:
    # How the database orders NULL in this direction (PostgreSQL: NULL is the largest value).
    return key.descending == connection.features.nulls_order_largest


def seek_condition(keys: Sequence[SortKey], values: Sequence[Any]) -> Q:
    """Rows that come after ``values`` in the order of ``keys`` (NULLs where the database puts
    them), with the first key's bound repeated on its own where it excludes NULLs
    (``first_published_at <= v AND (first_published_at < v OR ...)``): the planner starts an
    ordered index scan at that bound instead of walking the index from the top past every row
    before the cursor, which an OR alone makes it do."""
    condition = _strictly_after(keys, values)
    key, value = keys[0], values[0]
    if value is not None and _nulls_first(key):
        condition &= Q(**{f"{key.field}__{'lte' if key.descending else 'gte'}": value})
    return condition


def _strictly_after(keys: Sequence[SortKey], values: Sequence[Any]) -> Q:
    # The lexicographic "greater than" spelled out one key at a time.
    key, value = keys[0], values[0]
    rest = _strictly_after(keys[1:], values[1:]) if len(keys) > 1 else None
    is_null = Q(**{f"{key.field}__isnull": True})
    if value is None:
        same = is_null
        later = ~is_null if _nulls_first(key) else Q(pk__in=[])
    else:
        same = Q(**{key.field: value})
        later = Q(**{f"{key.field}__{'lt' if key.descending else 'gt'}": value})
        if not _nulls_first(key):
            later |= is_null
    return later | (same & rest) if rest is not None else later


@dataclass(frozen=True, slots=True)
class CursorPage:
    items: list[Any]
    next_cursor: str | None


class RowReader(Protocol):
    """Reads the first ``limit`` rows of ``queryset`` in the order of ``keys`` after the
    position ``after`` (sort values; None: from the start)."""

    def __call__(
        self,
        queryset: QuerySet,
        *,
        keys: Sequence[SortKey],
        after: Sequence[Any] | None,
        limit: int,
    ) -> list[Any]: ...


def rows_after(
    queryset: QuerySet, *, keys: Sequence[SortKey], after: Sequence[Any] | None, limit: int
) -> list[Any]:
    """The plain ``RowReader``: the ORM query, compiled on each call."""
    if after is not None:
        queryset = queryset.filter(seek_condition(keys, after))
    ordered = queryset.order_by(*(f"{'-' if key.descending else ''}{key.field}" for key in keys))
    return list(ordered[:limit])


def keyset_page(
    queryset: QuerySet,
    cursor: Cursor,
    *,
    keys: Sequence[SortKey],
    size: int,
    read: RowReader = rows_after,
) -> CursorPage:
    """``size`` rows of ``queryset`` (already ordered by ``keys``) after ``cursor``, in one
    query (one row more than asked for tells whether a next page exists)."""
    rows = read(queryset, keys=keys, after=cursor.values, limit=size + 1)
    items = rows[:size]
    following = (
        cursor_after(items[-1], ordering=cursor.ordering, keys=keys) if len(rows) > size else None
    )
    return CursorPage(items, following)


def list_page(results: list[Any], cursor: Cursor, *, size: int) -> CursorPage:
    """``size`` items of an already computed list after ``cursor`` (relevance order)."""
    start = cursor.offset
    items = results[start : start + size]
    following = offset_cursor(start + size) if start + size < len(results) else None
    return CursorPage(items, following)
