"""When is a language version of an article complete? One rule, used by everything that asks.

A language version is **complete** when every text the article has in its primary language also
exists in that language: title, slug, intro, conclusion, each section's heading and body, each
FAQ's question and answer, and the hero image's alt text (when there is a hero image).
Keywords are not part of it: the SEO audit judges them, serving does not depend on them.

``language_completeness`` is a pure function over objects that carry ``<field>_<lang>``
attributes (a page, a revision's page object, or the API's plain rows), so the API, the
sitemap, the SEO audit, the importer and the admin all apply exactly this rule. The page stores
the result per language (``translation_complete_<lang>``, kept by ``ArticlePage.save``) so that
the one visibility selector can filter on it in SQL.

What the public gets of an incomplete version is the ``CMS_INCOMPLETE_LANGUAGES`` policy:
``hide`` (not public anywhere) or ``fallback`` (served with the default language's text where
its own is missing, flagged ``complete: false`` and ``noindex``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from html import unescape
from typing import Any, Literal

from django.conf import settings
from modeltranslation.utils import build_localized_fieldname

from seo.engine.messages import field_label

Policy = Literal["hide", "fallback"]
HIDE: Policy = "hide"
FALLBACK: Policy = "fallback"

# Page texts in the order editors see them; children follow by position.
PAGE_TEXTS = ("title", "slug", "intro", "conclusion")
SECTION_TEXTS = ("heading", "body")
FAQ_TEXTS = ("question", "answer")
HERO_IMAGE_ALT = "hero_image_alt"

_TAG = re.compile(r"<[^>]*>")


@dataclass(frozen=True, slots=True)
class MissingText:
    """A text the primary language has and this language lacks.

    ``field`` is the path the API uses in ``fallbacks`` ("sections[2].heading"); ``label`` is
    what people read ("Section 3 heading")."""

    field: str
    label: str

    @classmethod
    def at(cls, path: str) -> MissingText:
        return cls(path, field_label(path))


@dataclass(frozen=True, slots=True)
class Completeness:
    lang: str
    reference: str  # the article's primary language, which the texts are compared with
    missing: tuple[MissingText, ...] = ()
    complete: bool = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "complete", not self.missing)

    @property
    def labels(self) -> list[str]:
        return [item.label for item in self.missing]

    @property
    def fields(self) -> list[str]:
        return [item.field for item in self.missing]


def has_text(value: Any) -> bool:
    """Whether a stored value holds readable text ("<p></p>" and white space do not)."""
    if not value:
        return False
    text = str(value)
    if "<" in text:
        text = unescape(_TAG.sub(" ", text))
    return bool(text.strip())


def _text(obj: Any, name: str, lang: str) -> Any:
    return getattr(obj, build_localized_fieldname(name, lang), None)


def language_completeness(
    article: Any,
    *,
    sections: Sequence[Any],
    faqs: Sequence[Any],
    lang: str,
    reference: str,
    has_hero_image: bool,
) -> Completeness:
    """Compare ``lang``'s texts of ``article`` (and its ``sections``/``faqs``, in order) with
    those of ``reference``, the article's primary language."""
    missing: list[str] = []

    def compare(obj: Any, names: Iterable[str], prefix: str = "") -> None:
        for name in names:
            if has_text(_text(obj, name, reference)) and not has_text(_text(obj, name, lang)):
                missing.append(f"{prefix}{name}")

    compare(article, PAGE_TEXTS)
    if has_hero_image:
        compare(article, (HERO_IMAGE_ALT,))
    for index, section in enumerate(sections):
        compare(section, SECTION_TEXTS, f"sections[{index}].")
    for index, faq in enumerate(faqs):
        compare(faq, FAQ_TEXTS, f"faqs[{index}].")
    order = {path: position for position, path in enumerate(_display_order(missing))}
    return Completeness(
        lang=lang,
        reference=reference,
        missing=tuple(MissingText.at(path) for path in sorted(missing, key=order.__getitem__)),
    )


def _display_order(paths: list[str]) -> list[str]:
    # Reading order: page texts, sections, conclusion, FAQs, then the hero image's alt text.
    within = {"heading": 0, "body": 1, "question": 0, "answer": 1}

    def key(path: str) -> tuple[int, int, int]:
        if path.startswith(("sections[", "faqs[")):
            group = 2 if path.startswith("sections[") else 4
            index = int(path[path.index("[") + 1 : path.index("]")])
            return (group, index, within.get(path.rsplit(".", 1)[-1], 2))
        rank = {"title": 0, "slug": 0, "intro": 1, "conclusion": 3, HERO_IMAGE_ALT: 5}
        return (rank.get(path, 6), 0, 0 if path == "title" else 1)

    return sorted(paths, key=key)


def translated_languages(article: Any) -> list[str]:
    """Languages an article (a page or a row of its columns) exists in: title and slug set."""
    return [
        code
        for code in settings.MODELTRANSLATION_LANGUAGES
        if _text(article, "title", code) and _text(article, "slug", code)
    ]


def primary_language(article: Any) -> str:
    """The language the others are compared with: the default language when the article has
    it, else the first language it has (``ArticlePage.primary_language``)."""
    languages = translated_languages(article)
    if not languages or settings.LANGUAGE_CODE in languages:
        return settings.LANGUAGE_CODE
    return languages[0]


def completeness_by_language(page: Any) -> dict[str, Completeness]:
    """Every configured language's completeness of ``page`` (an ``ArticlePage``: the live row or
    a revision's object, whose children are in memory). The admin's per-language header and the
    importer ask this; the API reads the stored result instead."""
    sections, faqs = _children(page)
    reference = primary_language(page)
    return {
        code: language_completeness(
            page,
            sections=sections,
            faqs=faqs,
            lang=code,
            reference=reference,
            has_hero_image=page.hero_image_id is not None,
        )
        for code in settings.MODELTRANSLATION_LANGUAGES
    }


def _children(page: Any) -> tuple[list[Any], list[Any]]:
    """Sections and FAQs in order; none for an unsaved page whose children are not in memory
    (a new page is written before its children, see ``article_create``)."""
    pending = page.__dict__.get("_cluster_related_objects", {})
    result = []
    for relation in ("sections", "faqs"):
        if page.pk is None and relation not in pending:
            result.append([])
        else:
            result.append(list(getattr(page, relation).all()))
    return result[0], result[1]


def incomplete_policy() -> Policy:
    """``CMS_INCOMPLETE_LANGUAGES``: what the public gets of an incomplete language version."""
    return FALLBACK if getattr(settings, "CMS_INCOMPLETE_LANGUAGES", HIDE) == FALLBACK else HIDE


def completeness_column(lang: str) -> str:
    return build_localized_fieldname("translation_complete", lang)
