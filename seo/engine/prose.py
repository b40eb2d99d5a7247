"""The running text of an article as sentences: what the readability checks read.

Running text is the paragraphs and list items of the intro, the section bodies, the conclusion
and the FAQ answers, plus the FAQ questions (headings are not sentences). Words here are
*reading words*: a word joined to the next by one apostrophe is one word, as readers and the
readability formulas count them ("l'intestin", "qu'il", "don't", "children's"); the matcher
keeps them apart so that "l'" can be a stop word.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from .fields import FieldText
from .text import Block

_APOSTROPHES = ("'", "’")


class Sentence(NamedTuple):
    """One sentence: its field, character span in the field's plain text, its reading words
    and their start offsets, and the index of the rich-text block it is in (-1 for a plain
    field such as an FAQ question)."""

    path: str
    start: int
    end: int
    words: list[str]
    starts: list[int]
    block: int

    def to_span(self) -> dict[str, int | str]:
        return {"path": self.path, "start": self.start, "end": self.end}


def reading_words(field: FieldText) -> tuple[list[str], list[int]]:
    """(words, starts) of a field with words joined across a single apostrophe."""
    text, words, starts, ends = field.text, field.words, field.starts, field.ends
    if not any(mark in text for mark in _APOSTROPHES):
        return words, starts
    joined: list[str] = []
    joined_starts: list[int] = []
    previous_end = -2
    for word, start, end in zip(words, starts, ends, strict=True):
        if joined and start == previous_end + 1 and text[previous_end] in _APOSTROPHES:
            joined[-1] = joined[-1] + text[previous_end] + word
        else:
            joined.append(word)
            joined_starts.append(start)
        previous_end = end
    return joined, joined_starts


def _field_sentences(
    field: FieldText, blocks: Sequence[Block], *, skip_headings: bool
) -> Iterable[Sentence]:
    text = field.text
    words, starts = reading_words(field)
    bounds = field.sentence_starts
    block_starts = [block.start for block in blocks]
    for index, start in enumerate(bounds):
        end = bounds[index + 1] if index + 1 < len(bounds) else len(text)
        segment = text[start:end].rstrip()
        if not segment:
            continue
        block = bisect_left(block_starts, start + 1) - 1 if blocks else -1
        if skip_headings and block >= 0 and blocks[block].is_heading:
            continue
        first, last = bisect_left(starts, start), bisect_left(starts, start + len(segment))
        if first == last:
            continue  # punctuation only
        yield Sentence(
            field.path, start, start + len(segment), words[first:last], starts[first:last], block
        )


def prose_sentences(
    rich_fields: Iterable[tuple[FieldText, Sequence[Block]]],
    questions: Iterable[FieldText],
) -> list[Sentence]:
    """Sentences of the running text, rich-text fields first (in order), then FAQ questions."""
    sentences: list[Sentence] = []
    for field, blocks in rich_fields:
        if field.text:
            sentences.extend(_field_sentences(field, blocks, skip_headings=True))
    for question in questions:
        if question.text:
            words, starts = reading_words(question)
            if words:
                sentences.append(Sentence(question.path, 0, len(question.text), words, starts, -1))
    return sentences
