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

from django.db import transaction
from django.db.models import Model
from modelcluster.models import get_all_child_relations
from wagtail.models import ReferenceIndex
from wagtail.tasks import update_reference_index_task

from cms.pending_writes import PendingWrites


def reference_update_later(obj: Model) -> None:
    """Update ``obj``'s references at the end of the current batch, or enqueue Wagtail's task
    for it right away outside one."""
    if not _writes.note(obj):
        update_reference_index_task.enqueue(obj._meta.app_label, obj._meta.model_name, str(obj.pk))


def _index_now(model: type[Model], pks: set) -> None:
    if not ReferenceIndex.is_indexed(model):
        return
    relations = [relation.get_accessor_name() for relation in get_all_child_relations(model)]
    objects = model._default_manager.filter(pk__in=pks).prefetch_related(*relations)
    with transaction.atomic():
        for obj in objects.order_by("pk"):
            ReferenceIndex.create_or_update_for_object(obj)


# The pages are committed before a flush, so a block that fails still indexes what it noted.
_writes = PendingWrites(_index_now, flush_on_error=True)
# Within the block, this thread's noted objects are indexed together at its end.
reference_updates_batched = _writes.batched
flush_reference_updates = _writes.flush
