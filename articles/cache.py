"""Invalidation of the API's server-side response cache: one generation number for everything.

Cached responses are keyed by the current generation. Publishing, unpublishing, moving or
deleting a page (and changing what visibility or output depends on: view restrictions, sites,
keywords, images) bumps the generation, which orphans every cached response at once; orphans
expire on their own. A whole-API flush is cheap enough because such changes are rare next to
reads, and it cannot miss a dependency (a list, a keyword count, a breadcrumb, a link's URL).

``changed_at`` records when content last changed, so ``Last-Modified`` never claims an older
date than the content a response reflects (an unpublished article changes a list without
changing any date in it).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from seo.models import Keyword

GENERATION_KEY = "articles:api:generation"
CHANGED_AT_KEY = "articles:api:changed-at"


@dataclass(frozen=True, slots=True)
class CacheState:
    generation: int
    changed_at: int  # seconds since the epoch


class _RememberedGeneration:
    """The generation as this process last read it, for at most ``RECHECK_SECONDS``.

    A cache hit then needs no round trip to the shared cache at all. A bump in this process is
    seen at once; one in another process (an editor publishing through the admin) within
    ``RECHECK_SECONDS`` - next to clients' own ``max-age`` of minutes, nothing.
    """

    RECHECK_SECONDS = 1.0

    def __init__(self) -> None:
        self.value: tuple[int, float] | None = None  # (generation, monotonic time read)

    def get(self) -> int:
        remembered = self.value  # one read: another thread may replace it meanwhile
        now = time.monotonic()
        if remembered is not None and now - remembered[1] < self.RECHECK_SECONDS:
            return remembered[0]
        generation = cache.get(GENERATION_KEY)
        if generation is None:
            generation = _initialise().generation
        self.value = (generation, now)
        return generation

    def forget(self) -> None:
        self.value = None


remembered_generation = _RememberedGeneration()


def current_generation() -> int:
    """The current generation: all a cache hit needs (usually no round trip, see above)."""
    return remembered_generation.get()


def current_state() -> CacheState:
    """The current generation and change time (one cache round trip)."""
    values = cache.get_many([GENERATION_KEY, CHANGED_AT_KEY])
    generation, changed_at = values.get(GENERATION_KEY), values.get(CHANGED_AT_KEY)
    if generation is None or changed_at is None:
        return _initialise()
    return CacheState(generation, changed_at)


def _initialise() -> CacheState:
    # An evicted or flushed generation restarts from the clock, never from a number that older
    # cached responses may still carry; "changed now" is the only safe Last-Modified to assume.
    cache.add(GENERATION_KEY, time.time_ns() // 1000, timeout=None)
    cache.set(CHANGED_AT_KEY, int(time.time()), timeout=None)
    values = cache.get_many([GENERATION_KEY, CHANGED_AT_KEY])
    return CacheState(
        values.get(GENERATION_KEY) or time.time_ns() // 1000,
        values.get(CHANGED_AT_KEY) or int(time.time()),
    )


def bump_generation() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # the key is missing: any new value orphans what was cached before
        cache.add(GENERATION_KEY, time.time_ns() // 1000, timeout=None)
    cache.set(CHANGED_AT_KEY, int(time.time()), timeout=None)
    remembered_generation.forget()


def invalidate_api_cache() -> None:
    """Bump now, and again when the current transaction commits.

    The first bump stops serving the old content at once; the second covers responses that a
    concurrent request rendered from the not-yet-committed state and cached in between.
    """
    bump_generation()
    transaction.on_commit(bump_generation)


def _on_content_change(sender: Any, **kwargs: Any) -> None:
    invalidate_api_cache()


def _on_delete(sender: Any, instance: Any, **kwargs: Any) -> None:
    if isinstance(instance, Page | PageViewRestriction | Site | Keyword | get_image_model()):
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
    for model in (PageViewRestriction, Site, Keyword, get_image_model()):
        post_save.connect(
            _on_content_change, sender=model, dispatch_uid=f"articles.cache.save.{model.__name__}"
        )
