"""How complete each language version of an article is, in the words the editor's language
picker shows ("4/6 sections, 1 FAQ answer missing").

Articles follow the project's one completeness rule (``articles.completeness``: every text the
primary language has); this module only counts its findings for the picker. Pages without
sections (the article index) are measured by their title, slug and intro.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.utils.translation import gettext, ngettext
from modeltranslation.utils import build_localized_fieldname

from articles.completeness import completeness_by_language, translated_languages

_CHILD = re.compile(r"^(sections|faqs)\[(\d+)\]\.(\w+)$")


@dataclass(frozen=True)
class LanguageStatus:
    lang: str
    translated: bool
    complete: bool
    summary: str


def _has(obj: Any, name: str, lang: str) -> bool:
    return bool(getattr(obj, build_localized_fieldname(name, lang), None))


def _page_text_labels() -> dict[str, str]:
    return {
        "title": gettext("title"),
        "slug": gettext("slug"),
        "intro": gettext("intro"),
        "conclusion": gettext("conclusion"),
        "hero_image_alt": gettext("hero image alt text"),
    }


def _summary(paths: list[str], sections_total: int, faqs_total: int) -> list[str]:
    labels = _page_text_labels()
    parts = [gettext("no %(field)s") % {"field": labels.get(p, p)} for p in paths if p in labels]
    missing: dict[str, dict[int, set[str]]] = {"sections": {}, "faqs": {}}
    for path in paths:
        match = _CHILD.match(path)
        if match:
            missing[match[1]].setdefault(int(match[2]), set()).add(match[3])
    if missing["sections"]:
        done = sections_total - len(missing["sections"])
        parts.append(
            gettext("%(done)d/%(total)d sections") % {"done": done, "total": sections_total}
        )
    whole_faqs = [i for i, names in missing["faqs"].items() if "question" in names]
    answers = [i for i, names in missing["faqs"].items() if names == {"answer"}]
    if whole_faqs:
        done = faqs_total - len(whole_faqs)
        parts.append(gettext("%(done)d/%(total)d FAQs") % {"done": done, "total": faqs_total})
    if answers:
        parts.append(
            ngettext("%(count)d FAQ answer missing", "%(count)d FAQ answers missing", len(answers))
            % {"count": len(answers)}
        )
    return parts


def language_statuses(page: Any) -> list[LanguageStatus]:
    """One status per configured language (``articles.completeness`` for articles)."""
    if not hasattr(page, "sections"):
        return _page_statuses(page)
    by_language = completeness_by_language(page)
    translated = set(translated_languages(page))
    reference = next(iter(by_language.values())).reference if by_language else ""
    sections = sum(
        1
        for s in page.sections.all()
        if _has(s, "heading", reference) or _has(s, "body", reference)
    )
    faqs = sum(
        1 for f in page.faqs.all() if _has(f, "question", reference) or _has(f, "answer", reference)
    )
    statuses = []
    for lang, completeness in by_language.items():
        started = any(_has(page, name, lang) for name in ("title", "slug", "intro"))
        if lang not in translated and not started:
            summary, complete = gettext("not translated"), False
        else:
            parts = _summary(completeness.fields, sections, faqs)
            complete = completeness.complete and lang in translated
            summary = ", ".join(parts) if parts else gettext("complete")
        statuses.append(
            LanguageStatus(
                lang=lang, translated=lang in translated, complete=complete, summary=summary
            )
        )
    return statuses


def _page_statuses(page: Any) -> list[LanguageStatus]:
    labels = _page_text_labels()
    statuses = []
    for lang in settings.MODELTRANSLATION_LANGUAGES:
        names = [
            n
            for n in ("title", "slug", "intro")
            if hasattr(page, build_localized_fieldname(n, lang))
        ]
        missing = [n for n in names if not _has(page, n, lang)]
        translated = _has(page, "title", lang) and _has(page, "slug", lang)
        if len(missing) == len(names):
            summary = gettext("not translated")
        elif missing:
            summary = ", ".join(gettext("no %(field)s") % {"field": labels[n]} for n in missing)
        else:
            summary = gettext("complete")
        statuses.append(
            LanguageStatus(lang=lang, translated=translated, complete=not missing, summary=summary)
        )
    return statuses
