"""Classifying the lines of an article text: what each line could be, before context decides.

Every non-blank line is stripped of surrounding whitespace and gets one ``LineKind``. Lines
without any letter or digit ("---", "***") are decoration and are dropped like blank lines.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum, StrEnum

from articles.textformat.decoding import split_lines
from articles.textformat.markers import (
    MARKER_SPACES,
    MARKERS,
    LanguageMarkers,
    heading_key,
    marker_label,
)

# A line ending in one of these (after closing quotes and brackets) is a sentence, not a heading.
SENTENCE_END = ".!?…:;,"
# Looked through at the end of a line: `He said "stop."` is a sentence, `Irritable bowel
# syndrome (IBS)` is a heading.
CLOSING_CHARACTERS = "\"'”“’‘»«›‹)]}"

_BULLETS = "-*•–"
_BULLET = re.compile(rf"^[{_BULLETS}](?:[ \t\u00a0\u202f]+(?P<content>.*))?$")
_WORD_CHARACTER = re.compile(r"\w")


class LineKind(Enum):
    TEXT = "text"
    HEADING = "heading"  # could be a section heading: no final punctuation, not too long
    BLOCK_HEADING = "block heading"  # a conclusion, FAQ or keyword heading from the table
    QUESTION = "question"
    ANSWER = "answer"
    BULLET = "bullet"


class Block(StrEnum):
    CONCLUSION = "conclusion"
    FAQ = "FAQ"
    KEYWORDS = "keyword"


@dataclass(frozen=True, slots=True)
class Line:
    number: int
    text: str  # the whole line, stripped
    kind: LineKind
    # What follows a Q/A marker or bullet; a block heading without trailing colon; else ``text``.
    content: str
    block: Block | None = None
    # Languages whose marker table contains this block heading or Q/A marker.
    languages: frozenset[str] = frozenset()


class MarkerIndex:
    """Lookup structures built once from a marker table (``MARKERS`` by default)."""

    def __init__(self, markers: Mapping[str, LanguageMarkers]) -> None:
        blocks: dict[str, tuple[Block, set[str]]] = {}
        questions: dict[str, set[str]] = {}
        answers: dict[str, set[str]] = {}
        for language, entry in markers.items():
            for block, headings in (
                (Block.CONCLUSION, entry.conclusion_headings),
                (Block.FAQ, entry.faq_headings),
                (Block.KEYWORDS, entry.keyword_headings),
            ):
                for heading in headings:
                    known_block, languages = blocks.setdefault(heading_key(heading), (block, set()))
                    if known_block is not block:
                        raise ValueError(
                            f"marker table: {heading!r} is both a {known_block} and a {block}"
                            " heading"
                        )
                    languages.add(language)
            for marker in entry.question_markers:
                questions.setdefault(marker_label(marker), set()).add(language)
            for marker in entry.answer_markers:
                answers.setdefault(marker_label(marker), set()).add(language)
        if clash := questions.keys() & answers.keys():
            raise ValueError(f"marker table: {sorted(clash)} are both question and answer markers")

        self.block_headings = {
            key: (block, frozenset(languages)) for key, (block, languages) in blocks.items()
        }
        self.question_labels = {label: frozenset(langs) for label, langs in questions.items()}
        self.answer_labels = {label: frozenset(langs) for label, langs in answers.items()}
        self._longest_heading = max((len(key) for key in self.block_headings), default=0)
        labels = sorted(questions.keys() | answers.keys(), key=len, reverse=True)
        spaces = re.escape(MARKER_SPACES)
        self._marker = re.compile(
            rf"^(?P<label>{'|'.join(map(re.escape, labels))})[{spaces}]*:(?P<content>.*)$",
            re.IGNORECASE,
        )

    def classify(self, number: int, text: str) -> Line | None:
        """The kind of one stripped, non-empty line; None for a decoration-only line."""
        if not text[0].isalnum() and not _WORD_CHARACTER.search(text):
            # A lone bullet is an empty keyword worth reporting; "---" or "* * *" is decoration.
            lone_bullet = len(text) == 1 and text in _BULLETS
            return Line(number, text, LineKind.BULLET, "") if lone_bullet else None
        if bullet := _BULLET.match(text):
            content = (bullet.group("content") or "").strip()
            return Line(number, text, LineKind.BULLET, content)
        if marker := self._marker.match(text):
            label = marker.group("label").casefold()
            content = marker.group("content").strip()
            if label in self.question_labels:
                languages = self.question_labels[label]
                return Line(number, text, LineKind.QUESTION, content, languages=languages)
            return Line(number, text, LineKind.ANSWER, content, languages=self.answer_labels[label])
        # Length first: comparing every long paragraph with the heading table would be waste.
        if len(text) <= self._longest_heading + 2:
            found = self.block_headings.get(heading_key(text))
            if found is not None:
                block, languages = found
                heading = text.rstrip(":").rstrip()
                return Line(number, text, LineKind.BLOCK_HEADING, heading, block, languages)
        kind = LineKind.HEADING if looks_like_heading(text) else LineKind.TEXT
        return Line(number, text, kind, text)


def looks_like_heading(text: str) -> bool:
    """True for a line that could be a heading: no sentence punctuation at its end (closing
    quotes and brackets are looked through)."""
    ending = text.rstrip(CLOSING_CHARACTERS)
    return bool(ending) and ending[-1] not in SENTENCE_END


DEFAULT_INDEX = MarkerIndex(MARKERS)


def classify_lines(text: str, index: MarkerIndex = DEFAULT_INDEX) -> list[Line]:
    """All non-blank, non-decoration lines of ``text``, numbered from 1 like the input."""
    lines = []
    for number, raw in enumerate(split_lines(text), start=1):
        stripped = raw.strip()
        if stripped:
            line = index.classify(number, stripped)
            if line is not None:
                lines.append(line)
    return lines
