"""URLs of articles on the public frontend (the site the API feeds)."""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.utils.encoding import iri_to_uri


def frontend_url(*, lang: str, slug: str) -> str:
    """``FRONTEND_URL_TEMPLATE`` filled in, e.g. ``https://example.com/de/blog/<slug>/``.

    Always a URI: a Unicode slug (``über-straße``) is percent-encoded as UTF-8, as sitemaps,
    ``hreflang`` and canonical links require; the ``slug`` fields of the API stay Unicode.
    """
    return iri_to_uri(
        settings.FRONTEND_URL_TEMPLATE.format(base=settings.FRONTEND_BASE_URL, lang=lang, slug=slug)
    )


def frontend_path(url: str) -> str:
    """A frontend URL without scheme and host: ``/de/blog/<slug>/`` (plus any query and
    fragment), for frontends that link within whatever host serves them (preview deployments,
    local development) without rewriting absolute URLs."""
    parts = urlsplit(url)
    return urlunsplit(("", "", parts.path or "/", parts.query, parts.fragment))
