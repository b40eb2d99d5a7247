"""Index the objects of a bulk write once, together, instead of after every single save.

Wagtail's search (modelsearch) re-indexes an object after each save. Creating one published
article saves the page three times (tree insert, revision, publish) and each new keyword once;
on PostgreSQL each of those updates rebuilds the page's whole search document (~40 ms for a
seed-size article) and recomputes the average title length over the entire index. Inside
``search_updates_batched()`` the saves of this thread are only noted; when the outermost block
ends, each object is indexed once, one upsert per model.

The switch is per thread: outside a block, or in another thread, saves index immediately as
before. It works by wrapping modelsearch's own ``post_save`` receiver, once, the first time a
block is entered.

The same block batches the per-language search documents (``articles.indexing.search_text``),
rebuilt once per published or unpublished article when it ends.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from django.db.models import Model
from django.db.models.signals import post_save
from modelsearch import index
from modelsearch.signal_handlers import post_save_signal_handler

from articles.indexing.search_text import flush_search_texts, search_texts_batched
from cms.pending_writes import PendingWrites

logger = logging.getLogger(__name__)
_install_lock = threading.Lock()
_installed = False


def _batching_post_save(sender, instance, **kwargs) -> None:
    if kwargs.get("raw", False) or not _writes.note(instance):
        post_save_signal_handler(instance, **kwargs)


def _install() -> None:
    global _installed
    with _install_lock:
        if _installed:
            return
        for model in index.get_indexed_models():
            if post_save.disconnect(post_save_signal_handler, sender=model):
                post_save.connect(_batching_post_save, sender=model, weak=False)
        _installed = True


@contextmanager
def search_updates_batched() -> Iterator[None]:
    """Within the block, this thread's saves of indexed models are indexed once at its end."""
    _install()
    with _writes.batched(), search_texts_batched():
        yield


def flush_search_updates() -> None:
    """Index what the current batch has collected so far (nothing outside a batch).

    Long runs of separately committed writes (an import of many files) flush every so often,
    so the index follows the committed pages closely."""
    flush_search_texts()
    _writes.flush()


def index_later(objects: Iterable[Model]) -> None:
    """Index objects written without ``post_save`` (``bulk_create``, ``bulk_update``): at the end
    of the current batch, or right away outside one."""
    objects = list(objects)
    if _writes.active:
        for obj in objects:
            _writes.note(obj)
        return
    for model in {type(obj) for obj in objects}:
        _index_now(model, {obj.pk for obj in objects if type(obj) is model})


def _index_now(model: type[Model], pks: set) -> None:
    objects = [
        indexed
        for indexed in (
            obj.get_indexed_instance() for obj in model.get_indexed_objects().filter(pk__in=pks)
        )
        if indexed is not None
    ]
    if not objects:
        return
    for name, backend in index.get_search_backends_with_name(with_auto_update=True):
        try:
            backend.add_bulk(model, objects)
        except Exception:
            # As modelsearch does: a search service outage must not lose the editor's data,
            # but a database backend's error is part of the transaction and must surface.
            logger.exception("Indexing %d %s objects in '%s' failed", len(objects), model, name)
            if not backend.catch_indexing_errors:
                raise


# A block's saves roll back with it when it fails (a service's transaction), so only a block
# that succeeds indexes them.
_writes = PendingWrites(_index_now, flush_on_error=False)
