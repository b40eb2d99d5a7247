"""URLs of articles on the public frontend (the site the API feeds)."""

from __future__ import annotations

from django.conf import settings


def frontend_url(*, lang: str, slug: str) -> str:
    """``FRONTEND_URL_TEMPLATE`` filled in, e.g. ``https://example.com/de/blog/<slug>/``."""
    return settings.FRONTEND_URL_TEMPLATE.format(
        base=settings.FRONTEND_BASE_URL, lang=lang, slug=slug
    )
