"""Frontend URLs of what is not an article: the home page, the article index, other pages.

Articles use ``articles.frontend.frontend_url`` (``FRONTEND_URL_TEMPLATE``, default
``{base}/{lang}/blog/{slug}/``; validated at start-up in the API block of
``cms/settings/base.py``). Pages without a template get ``{base}/{lang}/`` plus their path below
the site root in that language.
"""

from __future__ import annotations

import re

from django.conf import settings
from django.utils.encoding import iri_to_uri

_REPEATED_SLASHES = re.compile(r"(?<!:)/{2,}")


def home_url(lang: str) -> str:
    return f"{settings.FRONTEND_BASE_URL}/{lang}/"


def article_index_url(lang: str) -> str:
    """The articles' parent in the template: ``{base}/{lang}/blog/{slug}/`` -> ``.../blog/``."""
    without_slug = settings.FRONTEND_URL_TEMPLATE.format(
        base=settings.FRONTEND_BASE_URL, lang=lang, slug=""
    )
    return _REPEATED_SLASHES.sub("/", without_slug)


def page_url(*, lang: str, url_path: str, site_root_path: str) -> str:
    """A non-article page: its ``url_path`` (in ``lang``) relative to the site root's."""
    relative = url_path[len(site_root_path) :] if url_path.startswith(site_root_path) else ""
    return iri_to_uri(home_url(lang) + relative.lstrip("/"))
