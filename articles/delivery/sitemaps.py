"""``/sitemap.xml``: every live article URL in every language, with hreflang alternates.

Up to ``SITEMAP_MAX_URLS`` URLs (default 50,000, Google's limit) it is one ``<urlset>``. Past
that it becomes a ``<sitemapindex>`` naming ``/sitemap-1.xml``, ``/sitemap-2.xml``, ... each
holding the URLs of a run of articles in publication order. A file holds at most
``SITEMAP_MAX_URLS // languages`` articles, so at most ``SITEMAP_MAX_URLS`` URLs (an article
has one URL per language it exists in), each with the reciprocal ``xhtml:link`` alternates of
all its languages and ``lastmod``.

Memory stays bounded: the articles are read in chunks from a server-side cursor (``iterator``)
and written out as they come, so one file costs its own bytes, never the whole site, and the
index reads one date per article. Files are numbered by position, so one published article
shifts the later files' contents by one; the index's ``lastmod`` tells crawlers which changed.

The 50 MB limit: an entry with four languages takes about 700 bytes, so 50,000 URLs stay near
35 MB; ``SITEMAP_MAX_URLS`` lowers the number for sites with very long URLs.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from datetime import datetime
from types import SimpleNamespace
from xml.sax.saxutils import escape, quoteattr

from django.conf import settings
from django.db.models import Count

from articles.api.representation import alternates
from articles.freshness import language_updated_at
from articles.selectors import (
    complete_in_q,
    sitemap_articles,
    translated_into_q,
    visible_articles,
)

CHUNK = 2000
URLSET_OPEN = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
    'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
)
URLSET_CLOSE = "</urlset>\n"
INDEX_OPEN = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
)
INDEX_CLOSE = "</sitemapindex>\n"


def articles_per_file() -> int:
    """Articles per sitemap file: every one of them may exist in every language."""
    return max(1, settings.SITEMAP_MAX_URLS // len(settings.MODELTRANSLATION_LANGUAGES))


def url_count() -> int:
    """URLs of the whole sitemap (one per visible article and complete language version, as
    ``sitemap_articles`` and ``alternates`` list them), in one query."""
    counts = visible_articles().aggregate(
        **{
            code: Count("pk", filter=translated_into_q(code) & complete_in_q(code))
            for code in settings.MODELTRANSLATION_LANGUAGES
        }
    )
    return sum(counts.values())


def file_count() -> int:
    """Files of the index (0: the sitemap fits in one urlset)."""
    if url_count() <= settings.SITEMAP_MAX_URLS:
        return 0
    return math.ceil(sitemap_articles().count() / articles_per_file())


def _lastmod(moment: datetime | None) -> str:
    return f"<lastmod>{moment.isoformat(timespec='seconds')}</lastmod>" if moment else ""


def url_entries(row: dict) -> Iterator[str]:
    """The ``<url>`` elements of one article: one per language, each with all alternates."""
    article = SimpleNamespace(**row)
    links = alternates(article)
    linked = "".join(
        f'<xhtml:link rel="alternate" hreflang={quoteattr(link["lang"])} '
        f"href={quoteattr(link['url'])}/>"
        for link in links
    )
    for link in links:
        if link["lang"] != "x-default":
            # Each language's own change time: editing English does not touch German's lastmod.
            lastmod = _lastmod(language_updated_at(article, link["lang"]))
            yield f"<url><loc>{escape(link['url'])}</loc>{lastmod}{linked}</url>\n"


def urlset(number: int | None = None) -> Iterator[str]:
    """The XML of the whole sitemap (``number`` None) or of file ``number`` (from 1)."""
    rows = sitemap_articles()
    if number is not None:
        size = articles_per_file()
        rows = rows[(number - 1) * size : number * size]
    yield URLSET_OPEN
    for row in rows.iterator(chunk_size=CHUNK):
        yield from url_entries(row)
    yield URLSET_CLOSE


def index(location: str, files: int) -> Iterator[str]:
    """The sitemap index: ``location.format(number)`` for each file, with its latest change."""
    size = articles_per_file()
    latest: list[datetime | None] = [None] * files
    dates = sitemap_articles().values_list("last_published_at", flat=True)
    for position, moment in enumerate(dates.iterator(chunk_size=CHUNK)):
        number = min(position // size, files - 1)
        if moment is not None and (latest[number] is None or moment > latest[number]):
            latest[number] = moment
    yield INDEX_OPEN
    for number in range(1, files + 1):
        yield (
            f"<sitemap><loc>{escape(location.format(number))}</loc>"
            f"{_lastmod(latest[number - 1])}</sitemap>\n"
        )
    yield INDEX_CLOSE
