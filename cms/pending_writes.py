"""Objects noted per thread while a batch is open, and processed together when it flushes.

The shared mechanism of ``articles.search_batching`` (Wagtail's search index),
``articles.reference_batching`` (Wagtail's reference index) and ``seo.tasks`` (SEO audit
refreshes): inside ``batched()`` this thread's writes are only noted, by model; ``flush()``
(and the end of the outermost block) hands each model's primary keys to the processing at
once. Nested blocks leave the work to the outermost one. It lives in the project package
because both apps use it and ``seo`` does not import ``articles``.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.db.models import Model

Process = Callable[[type[Model], set], None]


class PendingWrites:
    """``process(model, pks)`` runs for the noted objects at each flush.

    ``flush_on_error``: whether a block that ends with an exception still processes what it
    noted (yes for work on committed rows; no where the block's writes roll back with it).
    """

    def __init__(self, process: Process, *, flush_on_error: bool) -> None:
        self._process = process
        self._flush_on_error = flush_on_error
        self._state = threading.local()

    @property
    def active(self) -> bool:
        """Whether this thread is inside a block."""
        return getattr(self._state, "pending", None) is not None

    def note(self, obj: Model) -> bool:
        """Note ``obj`` for the batch; False (nothing noted) outside a block."""
        pending = getattr(self._state, "pending", None)
        if pending is None:
            return False
        pending[type(obj)].add(obj.pk)
        return True

    @contextmanager
    def batched(self) -> Iterator[None]:
        if self.active:  # nested: the outermost block processes
            yield
            return
        self._state.pending = defaultdict(set)
        succeeded = False
        try:
            yield
            succeeded = True
        finally:
            try:
                if succeeded or self._flush_on_error:
                    self.flush()
            finally:
                del self._state.pending

    def flush(self) -> None:
        """Process what this thread's block has noted so far (nothing outside a block)."""
        pending = getattr(self._state, "pending", None)
        if not pending:
            return
        collected = dict(pending)
        pending.clear()
        for model, pks in collected.items():
            self._process(model, pks)
