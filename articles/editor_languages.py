"""How complete each language version of an article is, in the words the editor's language
picker shows ("4/6 sections, 1 FAQ answer missing").

A small adapter of its own: when the translation-completeness rule
(``articles.completeness.completeness_by_language``) lands, ``language_statuses`` should read
from it instead; the picker only needs ``LanguageStatus``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.utils.translation import gettext, ngettext
from modeltranslation.utils import build_localized_fieldname


@dataclass(frozen=True)
class LanguageStatus:
    lang: str
    translated: bool
    complete: bool
    summary: str


def _has(obj: Any, name: str, lang: str) -> bool:
    return bool(getattr(obj, build_localized_fieldname(name, lang), None))


def _any_language(obj: Any, *names: str) -> bool:
    return any(
        _has(obj, name, code) for name in names for code in settings.MODELTRANSLATION_LANGUAGES
    )


def language_statuses(page: Any) -> list[LanguageStatus]:
    """One status per configured language, measured against everything the article holds in
    any language (a section with text in some language counts as one to translate)."""
    sections = (
        [s for s in page.sections.all() if _any_language(s, "heading", "body")]
        if hasattr(page, "sections")
        else []
    )
    faqs = (
        [f for f in page.faqs.all() if _any_language(f, "question", "answer")]
        if hasattr(page, "faqs")
        else []
    )
    statuses = []
    for lang in settings.MODELTRANSLATION_LANGUAGES:
        translated = _has(page, "title", lang) and _has(page, "slug", lang)
        parts: list[str] = []
        for name, label in (
            ("title", gettext("title")),
            ("slug", gettext("slug")),
            ("intro", gettext("intro")),
        ):
            if hasattr(page, build_localized_fieldname(name, lang)) and not _has(page, name, lang):
                parts.append(gettext("no %(field)s") % {"field": label})
        done_sections = sum(
            1 for s in sections if _has(s, "heading", lang) and _has(s, "body", lang)
        )
        if sections and done_sections < len(sections):
            parts.append(
                gettext("%(done)d/%(total)d sections")
                % {"done": done_sections, "total": len(sections)}
            )
        asked = [f for f in faqs if _has(f, "question", lang)]
        missing_answers = sum(1 for f in asked if not _has(f, "answer", lang))
        if faqs and len(asked) < len(faqs):
            parts.append(
                gettext("%(done)d/%(total)d FAQs") % {"done": len(asked), "total": len(faqs)}
            )
        if missing_answers:
            parts.append(
                ngettext(
                    "%(count)d FAQ answer missing", "%(count)d FAQ answers missing", missing_answers
                )
                % {"count": missing_answers}
            )
        if not translated and not any(
            _has(page, name, lang) for name in ("title", "slug", "intro")
        ):
            summary = gettext("not translated")
        else:
            summary = ", ".join(parts) if parts else gettext("complete")
        statuses.append(
            LanguageStatus(lang=lang, translated=translated, complete=not parts, summary=summary)
        )
    return statuses
