"""Per-language tables of a value computed once per word, filled a document's words at a time."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

Value = TypeVar("Value")


class WordTable(Generic[Value]):
    """{language: {word: compute(word, language)}}, filled for the words a document asks about.

    A plain dict per language rather than an lru_cache: a document looks up all its distinct
    words at once, and its callers then map C-level look-ups over its words. A language's
    table restarts when it would grow beyond `limit` words.
    """

    def __init__(self, compute: Callable[[str, str], Value], limit: int = 1 << 18) -> None:
        self._compute = compute
        self._limit = limit
        self._tables: dict[str, dict[str, Value]] = {}

    def holding(self, words: set[str], lang: str) -> dict[str, Value]:
        """The language's table, holding every word of `words` (and others)."""
        table = self._tables.setdefault(lang, {})
        missing = words.difference(table)
        if len(table) + len(missing) > self._limit:
            table.clear()
            missing = words
        for word in missing:
            table[word] = self._compute(word, lang)
        return table

    def current(self, lang: str) -> dict[str, Value]:
        """The language's table as it is, which may lack words (for a look-up that falls back
        to `holding` on a KeyError, without building a set of the words first)."""
        return self._tables.get(lang, {})
