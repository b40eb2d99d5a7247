"""Background refresh of a page's stored SEO audit rows (Wagtail 8's django-tasks backend).

With the default immediate backend the refresh runs in the request that saved the page; with a
queue backend it runs in a worker, so saving (and autosaving) never waits for the engine.
"""

from __future__ import annotations

import logging

from django_tasks import task
from wagtail.models import Page

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
    """Queue a refresh when ``page`` is of a type the SEO app can analyse."""
    page_class = page.specific_class
    if page_class is not None and issubclass(page_class, SEOSubject):
        refresh_page_audit_task.enqueue(page.pk)
