"""Slug changes never break links: every former slug of a published article, per language,
answers with a 301 to the article's current slug (``GET /api/v1/articles/<old>/?lang=L``).

Recording happens wherever a live article's row is saved - publishing from the admin, an
import, a scheduled or workflow publish, a revert - so it hooks the page's save (as Wagtail's
own redirects app hooks ``page_slug_changed``, which knows only the default language's slug):
before the save the published slugs are read back (one query), after it
``slug_redirects_update`` records what changed. Both run in the publish's transaction.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db.models import Q, Subquery
from django.db.models.signals import post_save, pre_save
from modeltranslation.utils import build_localized_fieldname
from wagtail.models import Page

from articles.redirects.models import SlugRedirect

PREVIOUS_SLUGS = "_slugs_before_save"


def _slug_columns() -> dict[str, str]:
    return {
        code: build_localized_fieldname("slug", code)
        for code in settings.MODELTRANSLATION_LANGUAGES
    }


def slug_redirects_update(*, page: Page, previous_slugs: dict[str, str | None]) -> None:
    """After ``page`` was saved live: a slug it uses now is no redirect any more (the article
    wins, this one or another that took the slug), and each language whose published slug
    changed gets a redirect from the old one."""
    current = {code: getattr(page, column) for code, column in _slug_columns().items()}
    in_use = Q()
    for code, slug in current.items():
        if slug:
            in_use |= Q(lang=code, old_slug=slug)
    if in_use:
        SlugRedirect.objects.filter(in_use).delete()
    for code, old_slug in previous_slugs.items():
        new_slug = current.get(code)
        if old_slug and new_slug and old_slug != new_slug:
            SlugRedirect.objects.update_or_create(
                lang=code, old_slug=old_slug, defaults={"page_id": page.pk}
            )


def slug_redirect_target(slug: str, *, lang: str) -> str | None:
    """The current ``lang`` slug of the visible article that had ``slug`` (one query)."""
    from articles.selectors import visible_articles

    redirected = SlugRedirect.objects.filter(lang=lang, old_slug=slug).values("page_id")
    column = build_localized_fieldname("slug", lang)
    return (
        visible_articles(lang)
        .filter(pk__in=Subquery(redirected))
        .values_list(column, flat=True)
        .first()
    )


def _remember_published_slugs(sender: Any, instance: Page, **kwargs: Any) -> None:
    """Before a live article's row is saved: its slugs as published until now (none for an
    article never published: its slugs were never public)."""
    columns = _slug_columns()
    update_fields = kwargs.get("update_fields")
    if instance.pk is None or not instance.live:
        return
    if update_fields is not None and not set(update_fields) & set(columns.values()):
        return
    row = (
        Page.objects.filter(pk=instance.pk, first_published_at__isnull=False)
        .values(*columns.values())
        .first()
    )
    if row is not None:
        setattr(instance, PREVIOUS_SLUGS, {code: row[column] for code, column in columns.items()})


def _record_slug_changes(sender: Any, instance: Page, **kwargs: Any) -> None:
    previous = instance.__dict__.pop(PREVIOUS_SLUGS, None)
    update_fields = kwargs.get("update_fields")
    if not instance.live:
        return
    if update_fields is not None and not set(update_fields) & set(_slug_columns().values()):
        return
    slug_redirects_update(page=instance, previous_slugs=previous or {})


def connect_signals() -> None:
    """Called once from ``ArticlesConfig.ready``."""
    from articles.models import ArticlePage

    pre_save.connect(
        _remember_published_slugs, sender=ArticlePage, dispatch_uid="articles.slug_redirects.pre"
    )
    post_save.connect(
        _record_slug_changes, sender=ArticlePage, dispatch_uid="articles.slug_redirects.post"
    )
