"""Exporting articles to the plain-text article format or JSON, one document per article and
language, named ``<slug>.<lang>.txt`` / ``.json`` after the article's slug in that language.

By default the latest revision is exported, i.e. what editors see in the admin, drafts included;
``live=True`` exports the published version and leaves unpublished articles out. The text format
holds no SEO title, search description, author or hero image alt text; JSON holds them too.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Q
from modeltranslation.utils import build_localized_fieldname

from articles.content import ArticleContent
from articles.models import ArticlePage
from articles.page_content import latest_version, page_content
from articles.services import article_languages
from articles.textconvert import content_to_parsed
from articles.textformat import ParsedArticle, render_article

TEXT = "text"
JSON = "json"
FORMATS = (TEXT, JSON)
EXTENSIONS = {TEXT: "txt", JSON: "json"}


@dataclass(frozen=True)
class ExportedArticle:
    page_id: int
    language: str
    live: bool
    content: ArticleContent

    @property
    def slug(self) -> str:
        return self.content.slug

    @property
    def parsed(self) -> ParsedArticle:
        return content_to_parsed(self.content, language=self.language)

    def file_name(self, export_format: str) -> str:
        return f"{self.slug}.{self.language}.{EXTENSIONS[export_format]}"

    def text(self) -> str:
        """The article in the text format (raises ``RenderError`` if it cannot be written)."""
        return render_article(self.parsed)

    def json_data(self) -> dict[str, Any]:
        content = self.content
        return {
            "id": self.page_id,
            "slug": content.slug,
            "live": self.live,
            **self.parsed.to_dict(),
            "seo_title": content.seo_title,
            "search_description": content.search_description,
            "author_name": content.author_name,
            "hero_image_alt": content.hero_image_alt,
        }

    def render(self, export_format: str) -> str:
        if export_format == JSON:
            return json.dumps(self.json_data(), ensure_ascii=False, indent=2) + "\n"
        return self.text()


def articles_to_export(slugs: Sequence[str] = (), *, language: str | None = None):
    """Articles in tree order; with ``slugs``, those whose slug (in ``language``, or in any
    language) is one of them."""
    queryset = ArticlePage.objects.order_by("path")
    if slugs:
        languages = [language] if language else list(settings.MODELTRANSLATION_LANGUAGES)
        condition = Q()
        for code in languages:
            condition |= Q(**{f"{build_localized_fieldname('slug', code)}__in": list(slugs)})
        queryset = queryset.filter(condition)
    return queryset


def missing_slugs(slugs: Sequence[str], pages: Sequence[ArticlePage], language: str | None):
    languages = [language] if language else list(settings.MODELTRANSLATION_LANGUAGES)
    found = {
        getattr(page, build_localized_fieldname("slug", code))
        for page in pages
        for code in languages
    }
    return [slug for slug in slugs if slug not in found]


def exported_articles(
    pages: Sequence[ArticlePage], *, language: str | None = None, live: bool = False
) -> Iterator[ExportedArticle]:
    """One ``ExportedArticle`` per article and language it exists in (or only ``language``)."""
    for page in pages:
        if live and not page.live:
            continue
        version = page if live else latest_version(page)
        for code in article_languages(version):
            if language is None or code == language:
                yield ExportedArticle(
                    page_id=page.pk,
                    language=code,
                    live=page.live,
                    content=page_content(version, code),
                )


def nothing_to_export_reason(
    pages: Sequence[ArticlePage], *, language: str | None = None, live: bool = False
) -> str:
    """Why ``exported_articles(pages, language=language, live=live)`` yields nothing: which
    filter left out which articles ("none of the 2 articles is translated into nl ...")."""
    if not pages:
        return "there are no articles"
    candidates = list(pages)
    if live:
        published = [page for page in candidates if page.live]
        if not published:
            return (
                f"{_none_is(len(candidates), 'article', 'published')} (--live exports published "
                "articles only; without it the latest drafts are exported)"
            )
        candidates = published
    languages = sorted(
        {
            code
            for page in candidates
            for code in article_languages(page if live else latest_version(page))
        }
    )
    noun = "published article" if live else "article"
    has = "it has" if len(candidates) == 1 else "they have"
    found = ", ".join(languages) if languages else "no language"
    return f"{_none_is(len(candidates), noun, f'translated into {language}')} ({has} {found})"


def _none_is(count: int, noun: str, state: str) -> str:
    """ "the one article is not published" / "none of the 3 articles is published"."""
    if count == 1:
        return f"the one {noun} is not {state}"
    return f"none of the {count} {noun}s is {state}"
