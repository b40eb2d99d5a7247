"""Where public changes are recorded: the same signals that bump the content version
(``articles.cache.connect_signals``), each narrowed to the articles it can affect.

Visibility (``articles.selectors.visible_pages``) depends on the page's own state (live,
schedule, slugs per language), its view restrictions and its ancestors' (a path prefix) and the
default site's root (a path prefix); so a publish or unpublish affects the page, a move or a
restriction the subtree, a site change every article.
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from articles.delivery.changes import record_public_changes, subtree_article_ids


def _on_publish_or_unpublish(sender: Any, instance: Page, **kwargs: Any) -> None:
    record_public_changes(page_ids=[instance.pk])


def _record_subtree(page_id: int) -> None:
    path = Page.objects.filter(pk=page_id).values_list("path", flat=True).first()
    if path is not None:
        record_public_changes(page_ids=subtree_article_ids(path))


def _on_move(sender: Any, instance: Page, **kwargs: Any) -> None:
    _record_subtree(instance.pk)


def _on_restriction_change(sender: Any, instance: PageViewRestriction, **kwargs: Any) -> None:
    _record_subtree(instance.page_id)


def _on_site_change(sender: Any, **kwargs: Any) -> None:
    record_public_changes()


def _on_delete(sender: Any, instance: Any, **kwargs: Any) -> None:
    if isinstance(instance, Page):
        record_public_changes(page_ids=[instance.pk], deleted=True)
    elif isinstance(instance, PageViewRestriction):
        _on_restriction_change(sender, instance)
    elif isinstance(instance, Site):
        _on_site_change(sender)


def connect_signals() -> None:
    """Called once from ``DeliveryConfig.ready``."""
    uid = "articles.delivery"
    page_published.connect(_on_publish_or_unpublish, dispatch_uid=f"{uid}.published")
    page_unpublished.connect(_on_publish_or_unpublish, dispatch_uid=f"{uid}.unpublished")
    post_page_move.connect(_on_move, dispatch_uid=f"{uid}.moved")
    post_save.connect(_on_restriction_change, sender=PageViewRestriction, dispatch_uid=f"{uid}.pvr")
    post_save.connect(_on_site_change, sender=Site, dispatch_uid=f"{uid}.site")
    post_delete.connect(_on_delete, dispatch_uid=f"{uid}.delete")
