"""Reading one language of a model explicitly, with fallback per settings, and saying so.

modeltranslation's descriptors fall back silently and read whatever language is active. The API
must be explicit and honest instead: it reads ``<field>_<lang>`` columns, falls back in the
order ``MODELTRANSLATION_FALLBACK_LANGUAGES`` gives only with ``CMS_INCOMPLETE_LANGUAGES=fallback``
(with ``hide`` a language's own text or nothing is served), and records every field that fell
back so the response can report it.
"""

from __future__ import annotations

from typing import Any

from modeltranslation.utils import build_localized_fieldname, resolution_order

from articles.completeness import FALLBACK, incomplete_policy


class LocalizedReader:
    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.order = resolution_order(lang) if incomplete_policy() == FALLBACK else (lang,)
        self.fallbacks: list[dict[str, str]] = []

    def read(self, obj: Any, field_name: str) -> tuple[str, str | None]:
        """(value, language it came from); ("", None) when no language in the order has one."""
        for code in self.order:
            value = getattr(obj, build_localized_fieldname(field_name, code), None)
            if value:
                return value, code
        return "", None

    def own(self, obj: Any, field_name: str) -> str:
        """The value in the requested language only (title, slug: they define the language)."""
        return getattr(obj, build_localized_fieldname(field_name, self.lang), None) or ""

    def text(self, obj: Any, field_name: str, path: str) -> str:
        value, code = self.read(obj, field_name)
        self.note(path, code)
        return value

    def note(self, path: str, code: str | None) -> None:
        if code is not None and code != self.lang:
            self.fallbacks.append({"field": path, "lang": code})
