"""Invalidation of the API's server-side response cache: one content version for everything.

Cached responses are keyed by the current ``CacheState.generation``. Publishing, unpublishing,
moving or deleting a page (and changing what visibility or output depends on: view
restrictions, sites, keywords, images) bumps ``ContentVersion`` - a row in the database,
updated in the same transaction as the change - which orphans every cached response at once;
orphans expire on their own. A whole-API flush is cheap enough because such changes are rare
next to reads, and it cannot miss a dependency (a list, a keyword count, a breadcrumb, a
link's URL).

Every process rereads the version at most once a second (``RECHECK_SECONDS``), in one small
query; a cache hit in between needs no query and no round trip at all. The database, not the
shared cache, is the authority: a publish from a process that cannot reach Redis is still seen
everywhere within a second, and nothing depends on one best-effort cache write.

Scheduled changes need no bump: visibility compares ``go_live_at``/``expire_at`` with the
clock at read time (``articles.selectors.visible_pages``). The same query reads the next such
moment (``CacheState.next_change``); it is part of the generation, so responses cached before
an article expires are not served after it, and ``Cache-Control: max-age`` never reaches past
it (``articles.api.caching``).

``changed_at`` records when content last changed, so ``Last-Modified`` never claims an older
date than the content a response reflects (an unpublished article changes a list without
changing any date in it).
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db import DatabaseError, InterfaceError, connection, transaction
from django.db.models import F, QuerySet, Subquery
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from seo.models import Keyword

logger = logging.getLogger(__name__)

# The last state a process read, shared through the cache for processes that start while the
# database is unreachable (they can then still serve what is cached).
STATE_KEY = "articles:api:content-state"
RECHECK_SECONDS = 1.0


@dataclass(frozen=True, slots=True)
class CacheState:
    version: int
    changed_at: int  # seconds since the epoch
    next_change: float | None  # the next scheduled go-live or expiry, seconds since the epoch

    @property
    def generation(self) -> str:
        """The part of every cache key that changes with content and at scheduled changes."""
        return f"{self.version}.{int(self.next_change or 0)}"


def read_state() -> CacheState:
    """The content version and the next scheduled change, in one query (raises DatabaseError)."""
    from articles.models import ContentVersion

    now = timezone.now()

    def next_moment(field: str) -> Subquery:
        upcoming = Page.objects.filter(live=True, **{f"{field}__gt": now}).order_by(field)
        return Subquery(upcoming.values(field)[:1])

    row = (
        ContentVersion.objects.filter(pk=ContentVersion.SINGLETON_ID)
        .annotate(next_expiry=next_moment("expire_at"), next_go_live=next_moment("go_live_at"))
        .values_list("version", "changed_at", "next_expiry", "next_go_live")
        .first()
    )
    if row is None:
        _bump_version()
        return read_state()
    version, changed_at, *moments = row
    upcoming = [moment.timestamp() for moment in moments if moment is not None]
    return CacheState(version, int(changed_at.timestamp()), min(upcoming, default=None))


class _RememberedState:
    """The state as this process last read it, for at most ``RECHECK_SECONDS`` and never past
    its ``next_change``.

    A bump in this process is seen at once (``forget``); one in another process (an editor
    publishing through the admin) within ``RECHECK_SECONDS`` - next to clients' own
    ``max-age`` of minutes, nothing. While the database cannot be read, the last state stays in
    use (cached responses keep being served; nothing can be published meanwhile) and the read
    is retried once per interval.
    """

    def __init__(self) -> None:
        # (state, monotonic time until which it holds); replaced whole, read once per call.
        self.value: tuple[CacheState, float] | None = None
        self._warned_at = float("-inf")

    def get(self) -> CacheState | None:
        remembered = self.value
        now = time.monotonic()
        if remembered is not None and now < remembered[1]:
            return remembered[0]
        previous = remembered[0] if remembered is not None else None
        try:
            state = read_state()
        except (DatabaseError, InterfaceError):
            state = self._unreadable(previous)
            if state is not None:
                self.value = (state, now + RECHECK_SECONDS)
            return state
        if state != previous:
            cache.set(STATE_KEY, state, timeout=None)
        holds_for = RECHECK_SECONDS
        if state.next_change is not None:
            holds_for = min(holds_for, max(0.0, state.next_change - time.time()))
        self.value = (state, now + holds_for)
        return state

    def _unreadable(self, previous: CacheState | None) -> CacheState | None:
        if not connection.in_atomic_block:
            connection.close()  # reconnect on the next try (the fast path has no request cycle)
        now = time.monotonic()
        if now - self._warned_at >= 60:
            self._warned_at = now
            logger.warning(
                "Content version unreadable (database unavailable); serving cached responses "
                "of the last known version, retrying every %s s",
                RECHECK_SECONDS,
                exc_info=True,
            )
        return previous or cache.get(STATE_KEY)

    def forget(self) -> None:
        self.value = None


remembered_state = _RememberedState()


def current_state() -> CacheState | None:
    """The current state: all a cache hit needs (usually no query, see above). None while
    neither the database nor the last shared state can be read: nothing is served from cache."""
    return remembered_state.get()


def query_digest(queryset: QuerySet) -> str:
    """A digest of the SQL and parameters that decide which rows ``queryset`` holds: without
    its ordering and its selected columns (compiling the columns' subqueries would double the
    cost). Compiling costs a millisecond, so the digest is kept on the queryset object for its
    other figures. Raises ``EmptyResultSet`` for a query that can match nothing (``none()``)."""
    digest = getattr(queryset, "_unordered_sql_digest", None)
    if digest is None:
        sql, params = queryset.order_by().values("pk").query.sql_with_params()
        digest = hashlib.sha256(repr((sql, params)).encode()).hexdigest()[:32]
        queryset._unordered_sql_digest = digest
    return digest


def remember_digest(queryset: QuerySet, digest: str) -> None:
    """Give ``queryset`` the digest ``query_digest`` would compute for it, known beforehand
    (``articles/api/prepared_list.py``: the plain list's, compiled once per process)."""
    queryset._unordered_sql_digest = digest


def version_key(prefix: str, queryset: QuerySet, *parts: Any) -> str | None:
    """A cache key for a figure of ``queryset`` (its total, its page boundaries, its ids) that
    holds while content is unchanged: the current generation and a digest of the query's SQL
    without its ordering (and ``parts``, e.g. the ordering). None when the version cannot be
    read: nothing may then come from the cache. Raises ``EmptyResultSet`` for a query that
    can match nothing (``none()``)."""
    state = current_state()
    if state is None:
        return None
    digest = query_digest(queryset)
    if parts:
        digest = hashlib.sha256(repr((digest, *parts)).encode()).hexdigest()[:32]
    return f"{prefix}:{state.generation}:{digest}"


T = TypeVar("T")


def figure_for_version(
    prefix: str, queryset: QuerySet, compute: Callable[[], T], *parts: Any, empty: T
) -> T:
    """``compute()``, a figure of ``queryset`` (its total, its ids, ...), computed once per
    content version and kept in the shared cache under ``version_key(prefix, queryset,
    *parts)``; computed uncached while the version cannot be read; ``empty`` for a query that
    can match nothing."""
    try:
        key = version_key(prefix, queryset, *parts)
    except EmptyResultSet:
        return empty
    value = cache.get(key) if key is not None else None
    if value is None:
        value = compute()
        if key is not None:
            cache.set(key, value)
    return value


IDS_PREFIX = "articles:api:ids"


def ids_for_version(queryset: QuerySet) -> frozenset[int]:
    """The primary keys of ``queryset``, read once per content version (a set of ints: 10,000
    articles are about 50 kB in the cache)."""
    return figure_for_version(
        IDS_PREFIX,
        queryset,
        lambda: frozenset(queryset.order_by().values_list("pk", flat=True)),
        empty=frozenset(),
    )


def _bump_version() -> None:
    from articles.models import ContentVersion

    fields = {"version": F("version") + 1, "changed_at": timezone.now()}
    if ContentVersion.objects.filter(pk=ContentVersion.SINGLETON_ID).update(**fields):
        return
    # The row was deleted: recreate it from the clock.
    ContentVersion.objects.update_or_create(
        pk=ContentVersion.SINGLETON_ID,
        defaults={"version": time.time_ns() // 1000, "changed_at": timezone.now()},
    )


def invalidate_api_cache() -> None:
    """Bump the content version in the current transaction; forget the remembered state now
    and again when the transaction commits.

    The bump commits (or rolls back) with the change. Forgetting at once stops this process
    serving the old content; forgetting after the commit drops a state that a concurrent
    request of this process read before the commit.
    """
    _bump_version()
    remembered_state.forget()
    transaction.on_commit(remembered_state.forget)


def _on_content_change(sender: Any, **kwargs: Any) -> None:
    invalidate_api_cache()


def _on_delete(sender: Any, instance: Any, **kwargs: Any) -> None:
    from articles.models import SlugRedirect

    if isinstance(
        instance, Page | PageViewRestriction | Site | Keyword | SlugRedirect | get_image_model()
    ):
        invalidate_api_cache()


def connect_signals() -> None:
    """Called once from ``ArticlesConfig.ready``."""
    page_signals = {
        "page_published": page_published,
        "page_unpublished": page_unpublished,
        "post_page_move": post_page_move,
    }
    for name, signal in page_signals.items():
        signal.connect(_on_content_change, dispatch_uid=f"articles.cache.{name}")
    post_delete.connect(_on_delete, dispatch_uid="articles.cache.post_delete")
    from articles.models import SlugRedirect

    # A redirect edited in the admin: no cached response depends on one (only 200s are
    # cached, and a live article wins over a redirect), but a flush keeps that assumption
    # out of the cache's correctness.
    for model in (PageViewRestriction, Site, Keyword, SlugRedirect, get_image_model()):
        post_save.connect(
            _on_content_change, sender=model, dispatch_uid=f"articles.cache.save.{model.__name__}"
        )
