"""Reading the change feed: opaque cursors, pages of entries, compaction.

A cursor is the position (``ChangeEntry.id``) of the last entry a client has seen and the
compaction horizon when it was handed out: ``v1.<position>.<horizon>``. Clients treat it as
opaque (the API documents no meaning for its parts); it is stable across releases and restarts
(no secret or clock in it), and its exact pattern is in the OpenAPI schema, so whatever matches
the pattern is a cursor the feed accepts and anything else is refused as malformed.

Compaction (``compact_change_feed``) removes, among entries older than a cutoff, those that a
later entry for the same article and language supersedes (a client applying entries keyed by
article and language ends in the same state without them, so no cursor expires), and then the
old tombstones that remain: a cursor from before such a tombstone could miss a deletion, so the
feed's horizon moves past it and older cursors answer 400 (sync again from the beginning).
A client that started after a compaction has seen everything the horizon removed (nothing:
only what still mattered was left), so its cursors carry that horizon and stay valid while
it reads the older positions that remain.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.db.models import Exists, Max, OuterRef
from django.utils import timezone

from articles.delivery.changes import lock_feed
from articles.delivery.models import ChangeEntry, ChangeKind, FeedHorizon

# Up to 18 digits: always within a 64-bit id.
CURSOR_PATTERN = r"^v1\.(0|[1-9][0-9]{0,17})\.(0|[1-9][0-9]{0,17})$"
_CURSOR = re.compile(CURSOR_PATTERN)
MAX_CURSOR_LENGTH = 40


class InvalidCursor(ValueError):
    """Not a cursor this feed handed out."""


class ExpiredCursor(ValueError):
    """A cursor from before the compaction horizon."""

    def __init__(self, horizon: int) -> None:
        super().__init__(horizon)
        self.horizon = horizon


@dataclass(frozen=True)
class Cursor:
    position: int  # the last entry seen
    horizon: int  # the compaction horizon when the cursor was handed out


def encode_cursor(cursor: Cursor) -> str:
    return f"v1.{cursor.position}.{cursor.horizon}"


def decode_cursor(cursor: str) -> Cursor:
    match = _CURSOR.fullmatch(cursor) if len(cursor) <= MAX_CURSOR_LENGTH else None
    if match is None or not cursor.isascii():
        raise InvalidCursor(cursor)
    return Cursor(int(match.group(1)), int(match.group(2)))


@dataclass(frozen=True)
class FeedPage:
    entries: list[ChangeEntry]
    next_cursor: Cursor
    has_more: bool


def horizon() -> int:
    return (
        FeedHorizon.objects.filter(pk=FeedHorizon.SINGLETON_ID)
        .values_list("position", flat=True)
        .first()
        or 0
    )


def read_feed(*, after: Cursor | None, limit: int) -> FeedPage:
    """Up to ``limit`` entries after ``after`` (None: from the beginning), oldest first. Two
    queries.

    The entries are read before the horizon: a compaction committing in between then makes
    the cursor expire (the safe answer) rather than silently skipping a removed tombstone.
    """
    start = after.position if after is not None else 0
    rows = list(ChangeEntry.objects.filter(pk__gt=start).order_by("pk")[: limit + 1])
    current_horizon = horizon()
    if after is not None and after.position < current_horizon and after.horizon < current_horizon:
        raise ExpiredCursor(current_horizon)
    # A valid cursor (or none: from the beginning) has missed nothing compaction removed.
    seen_horizon = current_horizon if after is None else max(after.horizon, current_horizon)
    entries = rows[:limit]
    position = entries[-1].pk if entries else start
    return FeedPage(
        entries=entries,
        next_cursor=Cursor(position, seen_horizon),
        has_more=len(rows) > limit,
    )


@dataclass(frozen=True)
class Compaction:
    superseded: int
    tombstones: int
    horizon: int


@transaction.atomic
def compact_feed(*, before: datetime) -> Compaction:
    """Remove entries recorded before ``before`` that no client needs any more (see above)."""
    lock_feed()  # no entry is appended while the horizon moves
    old = ChangeEntry.objects.filter(recorded_at__lt=before)
    later = ChangeEntry.objects.filter(
        page_id=OuterRef("page_id"), lang=OuterRef("lang"), pk__gt=OuterRef("pk")
    )
    superseded, _ = old.filter(Exists(later)).delete()
    tombstones = old.filter(kind=ChangeKind.TOMBSTONE)
    last_removed = tombstones.aggregate(last=Max("pk"))["last"]
    removed, _ = tombstones.delete()
    state, _ = FeedHorizon.objects.get_or_create(pk=FeedHorizon.SINGLETON_ID)
    if last_removed is not None and last_removed > state.position:
        state.position = last_removed
    state.compacted_at = timezone.now()
    state.save()
    return Compaction(superseded=superseded, tombstones=removed, horizon=state.position)
