"""Update Wagtail's reference index for many written pages at once, after they are committed.

Wagtail records each page's outgoing references (links, images, keywords...) in its reference
index, through ``update_reference_index_task``. Run for every imported file, the task reads the
page and each of its child relations back, one query each, before comparing with the stored
references. Inside ``reference_updates_batched()`` the pages written by this thread are only
noted; ``flush_reference_updates()`` (and the end of the outermost block) loads them together,
children prefetched, and updates their references with Wagtail's own
``ReferenceIndex.create_or_update_for_object``. The work is deferred, never dropped: what was
noted is indexed at the next flush or when the block ends, also when it ends with an error.

Outside a block, or in another thread, ``reference_update_later`` enqueues the task as before.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import transaction
from django.db.models import Model
from modelcluster.models import get_all_child_relations
from wagtail.models import ReferenceIndex
from wagtail.tasks import update_reference_index_task

_state = threading.local()


def _pending() -> dict[type[Model], set] | None:
    return getattr(_state, "pending", None)


def reference_update_later(obj: Model) -> None:
    """Update ``obj``'s references at the end of the current batch, or enqueue Wagtail's task
    for it right away outside one."""
    pending = _pending()
    if pending is None:
        update_reference_index_task.enqueue(obj._meta.app_label, obj._meta.model_name, str(obj.pk))
        return
    pending[type(obj)].add(obj.pk)


@contextmanager
def reference_updates_batched() -> Iterator[None]:
    """Within the block, this thread's noted objects are indexed together at its end."""
    if _pending() is not None:  # nested: the outermost block indexes
        yield
        return
    _state.pending = defaultdict(set)
    try:
        yield
    finally:
        try:
            flush_reference_updates()
        finally:
            del _state.pending


def flush_reference_updates() -> None:
    """Index what the current batch has noted so far (nothing outside a batch)."""
    pending = _pending()
    if not pending:
        return
    collected = dict(pending)
    pending.clear()
    for model, pks in collected.items():
        _index_now(model, pks)


def _index_now(model: type[Model], pks: set) -> None:
    if not ReferenceIndex.is_indexed(model):
        return
    relations = [relation.get_accessor_name() for relation in get_all_child_relations(model)]
    objects = model._default_manager.filter(pk__in=pks).prefetch_related(*relations)
    with transaction.atomic():
        for obj in objects.order_by("pk"):
            ReferenceIndex.create_or_update_for_object(obj)
