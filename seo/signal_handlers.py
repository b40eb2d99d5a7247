"""Keep stored SEO audit results in step with publishing, wherever it happens.

Publishing from the admin, from services and commands, and scheduled publishing all send
Wagtail's ``page_published``; unpublishing changes what the report shows as live.
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished

from seo.tasks import schedule_page_audit_refresh


def refresh_seo_audit_on_publication_change(sender: Any, instance: Any, **kwargs: Any) -> None:
    schedule_page_audit_refresh(instance)


def refresh_seo_audit_on_view_restriction_change(
    sender: Any, instance: PageViewRestriction, **kwargs: Any
) -> None:
    # A restriction hides the page and everything below it from the public.
    for page in Page.objects.filter(path__startswith=instance.page.path).specific(defer=True):
        schedule_page_audit_refresh(page)


def register_signal_handlers() -> None:
    post_save.connect(
        refresh_seo_audit_on_view_restriction_change,
        sender=PageViewRestriction,
        dispatch_uid="seo_audit_view_restriction_saved",
    )
    post_delete.connect(
        refresh_seo_audit_on_view_restriction_change,
        sender=PageViewRestriction,
        dispatch_uid="seo_audit_view_restriction_deleted",
    )
    page_published.connect(
        refresh_seo_audit_on_publication_change, dispatch_uid="seo_audit_page_published"
    )
    page_unpublished.connect(
        refresh_seo_audit_on_publication_change, dispatch_uid="seo_audit_page_unpublished"
    )
