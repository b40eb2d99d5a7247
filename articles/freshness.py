"""When each language version of an article last changed: the per-language ``updated_at``,
``dateModified`` and ``Last-Modified`` of the API.

``Page.last_published_at`` moves whenever any language is published, so editing the English
text made the German version look changed too. Instead every publish compares a fingerprint of
what each language shows (its own texts, with fallback as readers get them, plus what all
languages share: author, hero image, keywords and the hreflang alternates) with the one stored
at its last change, and moves the language's ``ArticleLanguageVersion.updated_at`` only where
the fingerprint differs. Articles not published since this was introduced read
``last_published_at`` until their next publish, which records every language once.

It runs on ``page_published`` (``ArticlesConfig.ready``), so the admin, the services, imports and
scheduled publishing are all covered. The record lives in its own table beside the page: a
revision neither carries nor restores it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django.db.models import OuterRef, Subquery
from django.utils import timezone, translation
from modeltranslation.utils import build_localized_fieldname

# What an article shows in a language besides its sections, FAQs and keywords.
PAGE_TEXT_FIELDS = (
    "title",
    "slug",
    "seo_title",
    "search_description",
    "intro",
    "conclusion",
    "hero_image_alt",
)
UPDATED_AT = "language_updated_at"


def language_fingerprint(page: Any, lang: str) -> str:
    """A hash of what ``page`` shows in ``lang`` (read with modeltranslation's fallback)."""
    parts: list[str] = [
        str(page.author_name or ""),
        str(getattr(page, "author_is_organization", False)),
        str(page.hero_image_id or ""),
    ]
    # The hreflang alternates every language shows: gaining a language or changing a slug
    # changes every language's page (and its Last-Modified), editing a text only its own.
    for code in page.translated_languages():
        parts += ["alternate", code, getattr(page, build_localized_fieldname("slug", code))]
    with translation.override(lang):
        parts += [str(getattr(page, name, "") or "") for name in PAGE_TEXT_FIELDS]
        for section in page.sections.all():
            parts += ["section", section.heading or "", section.body or ""]
        for faq in page.faqs.all():
            parts += ["faq", faq.question or "", faq.answer or ""]
        for link in page.keywords.all():
            parts += ["keyword", str(link.keyword_id), str(link.focus)]
    digest = hashlib.blake2b(digest_size=16)
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\x1f")
    return digest.hexdigest()


def record_language_changes(page: Any, *, now: datetime | None = None) -> list[str]:
    """Record ``now`` for every language of the (just published) ``page`` whose content
    differs from its last recorded version; returns those languages."""
    from articles.models import ArticleLanguageVersion

    now = now or timezone.now()
    stored = dict(
        ArticleLanguageVersion.objects.filter(page=page).values_list("lang", "fingerprint")
    )
    changed = []
    for code in page.translated_languages():
        fingerprint = language_fingerprint(page, code)
        if stored.get(code) == fingerprint:
            continue
        changed.append(code)
        ArticleLanguageVersion.objects.update_or_create(
            page=page, lang=code, defaults={"fingerprint": fingerprint, "updated_at": now}
        )
    return changed


def updated_at_annotations(languages: Iterable[str]) -> dict[str, Subquery]:
    """``language_updated_at_<lang>`` for each of ``languages``: subqueries for a page query
    (no query of their own)."""
    from articles.models import ArticleLanguageVersion

    return {
        build_localized_fieldname(UPDATED_AT, code): Subquery(
            ArticleLanguageVersion.objects.filter(page=OuterRef("pk"), lang=code).values(
                "updated_at"
            )[:1]
        )
        for code in languages
    }


def language_updated_at(row: Any, lang: str) -> datetime | None:
    """When ``lang`` last changed (a row annotated by ``updated_at_annotations``); the page's
    publishing time where no change was recorded yet."""
    return getattr(row, build_localized_fieldname(UPDATED_AT, lang), None) or getattr(
        row, "last_published_at", None
    )


def on_page_published(sender: Any, instance: Any, **kwargs: Any) -> None:
    record_language_changes(instance)
