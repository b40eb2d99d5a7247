"""Which language a request wants: ``?lang=`` wins, then ``Accept-Language``, then the default.

Plain functions over strings, so the response cache (which runs before any view) and the views
agree on the language without either touching the database.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from django.conf import settings

# Real browsers send well under 200 characters. Reading more buys nothing and lets a hostile
# 10 kB header cost CPU on every request; the tail after the limit is ignored.
ACCEPT_LANGUAGE_MAX_LENGTH = 1000
ACCEPT_LANGUAGE_MAX_RANGES = 32
LANG_PARAMETER_MAX_SHOWN = 40

_LANGUAGE_RANGE = re.compile(
    r"\s*(?P<tag>[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*|\*)\s*"
    r"(?:;\s*q\s*=\s*(?P<q>0(?:\.\d{0,3})?|1(?:\.0{0,3})?)\s*)?"
)

Source = Literal["query", "header", "default"]


@dataclass(frozen=True, slots=True)
class LanguageChoice:
    code: str
    source: Source

    @property
    def negotiated(self) -> bool:
        """True when the client did not name the language: the response varies by header."""
        return self.source != "query"


class UnsupportedLanguage(ValueError):
    def __init__(self, requested: str, supported: Sequence[str]) -> None:
        self.requested = requested[:LANG_PARAMETER_MAX_SHOWN]
        self.supported = list(supported)
        super().__init__(
            f"Unsupported language {self.requested!r}; use one of: {', '.join(self.supported)}"
        )


def parse_accept_language(header: str) -> list[tuple[str, float]]:
    """``"de-AT,de;q=0.9,en;q=0.5"`` -> ``[("de-at", 1.0), ("de", 0.9), ("en", 0.5)]``.

    Malformed ranges are skipped one by one instead of discarding the whole header; ranges with
    ``q=0`` ("not acceptable") are dropped. Highest preference first, ties in header order.
    """
    ranges: list[tuple[str, float]] = []
    for item in header[:ACCEPT_LANGUAGE_MAX_LENGTH].split(",")[:ACCEPT_LANGUAGE_MAX_RANGES]:
        match = _LANGUAGE_RANGE.fullmatch(item)
        if match is None:
            continue
        quality = float(match["q"]) if match["q"] else 1.0
        if quality > 0:
            ranges.append((match["tag"].lower(), quality))
    ranges.sort(key=lambda pair: pair[1], reverse=True)
    return ranges


def match_language(tag: str, supported: Sequence[str]) -> str | None:
    """``"de-at"`` matches ``"de"``; an exact match wins over a primary-subtag match."""
    tag = tag.strip().lower()
    if tag in supported:
        return tag
    primary = tag.split("-", 1)[0]
    return primary if primary in supported else None


def choose_language(
    *,
    query_lang: str | None,
    accept_language: str,
    supported: Sequence[str],
    default: str,
) -> LanguageChoice:
    """Raises ``UnsupportedLanguage`` only for an unknown ``?lang=``; a header never fails."""
    if query_lang is not None:
        code = match_language(query_lang, supported)
        if code is None:
            raise UnsupportedLanguage(query_lang, supported)
        return LanguageChoice(code, "query")
    for tag, _quality in parse_accept_language(accept_language):
        code = default if tag == "*" else match_language(tag, supported)
        if code is not None:
            return LanguageChoice(code, "header")
    return LanguageChoice(default, "default")


def language_for_request(query_lang: str | None, accept_language: str) -> LanguageChoice:
    return choose_language(
        query_lang=query_lang,
        accept_language=accept_language,
        supported=settings.MODELTRANSLATION_LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
