"""Page-number pagination with strict parameters: bad input is a 400, never a 500 or a guess.

Every page also names ``next_cursor``, where keyset pagination (``articles/api/cursors.py``)
continues after it; ``?cursor=`` responses use ``cursor_envelope``: no page number.
``paginated`` is the one way the list endpoints page: by cursor when one is given, by number
otherwise. A numbered page past the first of a database list is read by a keyset seek from
where it starts (``counting.page_boundary``, known once per content version): page 400 costs
what page 1 does, and holds exactly what ``OFFSET`` would give.

``page`` counts from 1; ``page_size`` defaults to 20 and is at most 100. A page past the last one
is a 404 naming the last page (an empty result set still has page 1). Links are relative
(path + query) and hold only the parameters the endpoint understands, in a fixed order, so a
cached response is the same whatever host, extra parameters or parameter order produced it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.db.models import QuerySet
from rest_framework import status

from articles.api.counting import page_boundary, result_count
from articles.api.cursors import (
    Cursor,
    CursorPage,
    RowReader,
    SortKey,
    cursor_after,
    keyset_page,
    list_page,
    offset_cursor,
    rows_after,
)
from articles.api.cursors import (
    decode as decode_cursor,
)
from articles.api.errors import ApiError, invalid_parameters

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
# Longer numbers are certainly past the last page; refusing them keeps int() and SQL OFFSET sane.
MAX_PAGE_DIGITS = 9


@dataclass(frozen=True, slots=True)
class PageRequest:
    number: int
    size: int


def _positive_int(raw: str) -> int | None:
    raw = raw.strip()
    if not raw or not raw.isascii() or not raw.isdigit() or len(raw) > MAX_PAGE_DIGITS:
        return None
    value = int(raw)
    return value if value >= 1 else None


def page_request(
    params: Mapping[str, str],
    *,
    default_size: int = DEFAULT_PAGE_SIZE,
    max_size: int = MAX_PAGE_SIZE,
) -> PageRequest:
    errors: dict[str, list[str]] = {}
    number = size = None
    raw_page = params.get("page")
    if raw_page is None:
        number = 1
    else:
        number = _positive_int(raw_page)
        if number is None:
            errors["page"] = [f"Must be a whole number from 1 to {10**MAX_PAGE_DIGITS - 1}."]
    raw_size = params.get("page_size")
    if raw_size is None:
        size = default_size
    else:
        size = _positive_int(raw_size)
        if size is None or size > max_size:
            size = None
            errors["page_size"] = [f"Must be a whole number from 1 to {max_size}."]
    if errors:
        raise invalid_parameters(errors)
    return PageRequest(number, size)


@dataclass(frozen=True, slots=True)
class ResultPage:
    items: list[Any]
    count: int
    number: int
    size: int
    num_pages: int


def paginate(
    results: Any,
    request: PageRequest,
    *,
    keys: Sequence[SortKey] = (),
    read: RowReader = rows_after,
) -> ResultPage:
    """Slice a sequence (a list, search matches), or a queryset: its total from
    ``result_count`` (counted once per content version, ``articles/api/counting.py``), then just
    the page's rows. A page past the end is known from the total before any row is read.

    A queryset ordered by ``keys`` is read past page 1 by a keyset seek from the page's
    boundary (``counting.page_boundary``); by ``OFFSET`` where no boundary is known (the plain
    path, which ``tests/articles/api/test_deep_pages.py`` pins the seek to). ``read`` reads
    the rows of page 1 and of a seek (``cursors.RowReader``)."""
    offset = (request.number - 1) * request.size
    count = result_count(results) if isinstance(results, QuerySet) else len(results)
    num_pages = max(1, math.ceil(count / request.size))
    if request.number > num_pages:
        raise ApiError(
            status_code=status.HTTP_404_NOT_FOUND,
            code="page_out_of_range",
            message=f"Page {request.number} does not exist; the last page is {num_pages}.",
            details={"page": request.number, "num_pages": num_pages},
        )
    seekable = bool(keys and count and isinstance(results, QuerySet))
    boundary = None
    if seekable:
        boundary = page_boundary(results, keys, size=request.size, number=request.number)
    if boundary is not None:
        items = read(results, keys=keys, after=tuple(boundary), limit=request.size)
    elif seekable and request.number == 1:
        items = read(results, keys=keys, after=None, limit=request.size)
    else:
        items = list(results[offset : offset + request.size]) if count else []
    return ResultPage(items, count, request.number, request.size, num_pages)


@dataclass(frozen=True, slots=True)
class Paged:
    """One page of a list endpoint: its items and the envelope's paging fields."""

    items: list[Any]
    paging: dict[str, Any]

    @property
    def headers(self) -> dict[str, str]:
        return link_header(self.paging["next"], self.paging["previous"])


def requested_cursor(
    params: Mapping[str, str], *, ordering: str, keys: Sequence[SortKey]
) -> Cursor | None:
    """The position the ``cursor`` parameter names, None without one (an ``ApiError`` for a
    malformed one). A cursor names the position: any page number beside it is ignored."""
    if "cursor" not in params:
        return None
    return decode_cursor(params["cursor"], ordering=ordering, keys=keys)


def paginated(
    results: Any,
    *,
    paging: PageRequest,
    cursor: Cursor | None,
    ordering: str,
    keys: Sequence[SortKey],
    path: str,
    params: Mapping[str, str],
    known: Iterable[str],
    read: RowReader = rows_after,
) -> Paged:
    """The page of ``results`` a request asks for: after ``cursor`` when one is given, else page
    ``paging.number``; with the envelope's fields and links.

    ``results`` is a queryset ordered by ``keys`` (keyset cursors), or a computed sequence (search
    relevance: cursors count the items already seen). ``read`` reads a queryset's rows
    (``cursors.RowReader``; the plain ORM query unless the caller has a prepared one)."""
    computed = not isinstance(results, QuerySet)
    if cursor is not None:
        if computed:
            chunk = list_page(results, cursor, size=paging.size)
            count = len(results)
        else:
            chunk = keyset_page(results, cursor, keys=keys, size=paging.size, read=read)
            count = result_count(results)
        next_url = cursor_link(chunk, path=path, params=params, known=known)
        return Paged(
            chunk.items, cursor_envelope(chunk, count=count, size=paging.size, next_url=next_url)
        )
    page = paginate(results, paging, keys=keys, read=read)
    next_url, previous_url = page_links(page, path=path, params=params, known=known)
    next_cursor = None
    if page.number < page.num_pages:
        next_cursor = (
            offset_cursor(page.number * page.size)
            if computed
            else cursor_after(page.items[-1], ordering=ordering, keys=keys)
        )
    return Paged(
        page.items,
        envelope(page, next_url=next_url, previous_url=previous_url, next_cursor=next_cursor),
    )


def page_links(
    page: ResultPage, *, path: str, params: Mapping[str, str], known: Iterable[str]
) -> tuple[str | None, str | None]:
    """(next, previous) as relative URLs."""
    kept: Sequence[tuple[str, str]] = sorted(
        (name, params[name]) for name in known if name in params and name != "page"
    )

    def link(number: int) -> str:
        query = [*kept, ("page", str(number))] if number > 1 else list(kept)
        return f"{path}?{urlencode(query)}" if query else path

    following = link(page.number + 1) if page.number < page.num_pages else None
    preceding = link(page.number - 1) if page.number > 1 else None
    return following, preceding


def envelope(
    page: ResultPage, *, next_url: str | None, previous_url: str | None, next_cursor: str | None
) -> dict:
    return {
        "count": page.count,
        "page": page.number,
        "page_size": page.size,
        "num_pages": page.num_pages,
        "next": next_url,
        "previous": previous_url,
        # The page numbers as such: a client building its own URLs (or its own routes) needs
        # no URL parsing.
        "next_page": page.number + 1 if page.number < page.num_pages else None,
        "previous_page": page.number - 1 if page.number > 1 else None,
        "next_cursor": next_cursor,
    }


def link_header(next_url: str | None, previous_url: str | None) -> dict[str, str]:
    """RFC 8288 ``Link`` header for the neighbouring pages (relative references, resolved
    against the request URL), as a headers dict for ``Response``; empty on a single page."""
    links = [
        f'<{url}>; rel="{rel}"'
        for url, rel in ((next_url, "next"), (previous_url, "prev"))
        if url is not None
    ]
    return {"Link": ", ".join(links)} if links else {}


def cursor_envelope(chunk: CursorPage, *, count: int, size: int, next_url: str | None) -> dict:
    """The envelope of a cursor page: no page number, no previous link (cursors go forward)."""
    return {
        "count": count,
        "page": None,
        "page_size": size,
        "num_pages": max(1, math.ceil(count / size)),
        "next": next_url,
        "previous": None,
        "next_page": None,
        "previous_page": None,
        "next_cursor": chunk.next_cursor,
    }


def cursor_link(
    chunk: CursorPage, *, path: str, params: Mapping[str, str], known: Iterable[str]
) -> str | None:
    """The relative URL of the next cursor page (the same parameters, the next cursor)."""
    if chunk.next_cursor is None:
        return None
    kept = sorted(
        (name, params[name]) for name in known if name in params and name not in {"page", "cursor"}
    )
    return f"{path}?{urlencode([*kept, ('cursor', chunk.next_cursor)])}"
