"""Keep stored SEO audit results in step with publishing, wherever it happens.

Publishing from the admin, from services and commands, and scheduled publishing all send
Wagtail's ``page_published``; unpublishing changes what the report shows as live.
"""

from __future__ import annotations

from typing import Any

from wagtail.signals import page_published, page_unpublished

from seo.tasks import schedule_page_audit_refresh


def refresh_seo_audit_on_publication_change(sender: Any, instance: Any, **kwargs: Any) -> None:
    schedule_page_audit_refresh(instance)


def register_signal_handlers() -> None:
    page_published.connect(
        refresh_seo_audit_on_publication_change, dispatch_uid="seo_audit_page_published"
    )
    page_unpublished.connect(
        refresh_seo_audit_on_publication_change, dispatch_uid="seo_audit_page_unpublished"
    )
