"""Background refresh of a page's stored SEO audit rows (Wagtail 8's django-tasks backend).

With the default immediate backend the refresh runs in the request that saved the page; with a
queue backend it runs in a worker, so saving (and autosaving) never waits for the engine.
"""

from __future__ import annotations

import logging
from contextlib import AbstractContextManager

from django.db.models import Model
from django_tasks import task
from wagtail.models import Page

from cms.pending_writes import PendingWrites
from seo.audit_results import audit_results_refresh_page_id
from seo.protocol import SEOSubject

logger = logging.getLogger(__name__)


@task()
def refresh_page_audit_task(page_id: int) -> int:
    """Re-analyse one page's latest revision; returns how many language rows were stored."""
    try:
        return len(audit_results_refresh_page_id(page_id))
    except Exception:
        # Task backends record failures quietly; the log says which page could not be analysed.
        logger.exception("SEO audit of page %s failed", page_id)
        raise


def schedule_page_audit_refresh(page: Page) -> None:
    """Queue a refresh when ``page`` is of a type the SEO app can analyse; inside
    ``page_audit_refreshes_batched()`` only note it, for the batch's next flush."""
    page_class = page.specific_class
    analysable = page_class is not None and issubclass(page_class, SEOSubject)
    if analysable and not _refreshes.note(page):
        refresh_page_audit_task.enqueue(page.pk)


def _enqueue_refreshes(_model: type[Model], page_ids: set[int]) -> None:
    for page_id in sorted(page_ids):
        refresh_page_audit_task.enqueue(page_id)


# The end of a block queues what it noted even after an error: the pages it noted were
# published in their own, committed transactions.
_refreshes = PendingWrites(_enqueue_refreshes, flush_on_error=True)


def page_audit_refreshes_batched() -> AbstractContextManager[None]:
    """Within the block, this thread's refreshes are queued at ``flush_page_audit_refreshes``
    and when the block ends (also on an error), once per page.

    A bulk writer (the article import) publishes each page in its own transaction; the
    refresh then runs after the commit instead of inside it, where it would hold the
    transaction (and its locks) open for the engine's analysis.
    """
    return _refreshes.batched()


def flush_page_audit_refreshes() -> None:
    """Queue the refreshes noted so far (with the immediate backend they run now)."""
    _refreshes.flush()
