"""Telling an article's language from its block headings and Q/A markers.

Every block heading and Q/A marker line votes for each language whose marker table contains it
("Conclusion" votes for en and fr, "A:" for de, en and nl). The language with the most votes
wins; no votes or a tie at the top means the language is unknown. Body text is not looked at:
the markers are unambiguous enough and cost nothing to check.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from articles.textformat.lines import Line, LineKind, classify_lines

_VOTING_KINDS = (LineKind.BLOCK_HEADING, LineKind.QUESTION, LineKind.ANSWER)


@dataclass(frozen=True)
class LanguageGuess:
    language: str | None
    # When ``language`` is None: the languages that tied at the top (empty: no evidence at all).
    candidates: tuple[str, ...] = ()


def guess_language(lines: Iterable[Line]) -> LanguageGuess:
    votes: Counter[str] = Counter()
    for line in lines:
        if line.kind in _VOTING_KINDS:
            votes.update(line.languages)
    if not votes:
        return LanguageGuess(None)
    top = max(votes.values())
    leaders = tuple(sorted(language for language, count in votes.items() if count == top))
    if len(leaders) == 1:
        return LanguageGuess(leaders[0])
    return LanguageGuess(None, leaders)


def detect_language(text: str) -> str | None:
    """The language of an article text ("de", "en", ...), or None when it cannot be told."""
    return guess_language(classify_lines(text)).language
