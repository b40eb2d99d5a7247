"""Reads for articles. Language is always explicit: fallback never applies inside queries."""

from __future__ import annotations

from modeltranslation.utils import build_localized_fieldname

from articles.models import ArticlePage


def article_by_slug(slug: str, *, lang: str, live_only: bool = True) -> ArticlePage | None:
    """The article whose slug in ``lang`` is ``slug`` (``slug_<lang>`` is indexed)."""
    queryset = ArticlePage.objects.filter(**{build_localized_fieldname("slug", lang): slug})
    if live_only:
        queryset = queryset.live()
    return queryset.first()
