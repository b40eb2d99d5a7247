"""The running text of an article as sentences: what the readability checks read.

Running text is the paragraphs and list items of the intro, the section bodies, the conclusion
and the FAQ answers, plus the FAQ questions (headings are not sentences). Words here are
*reading words*: a word joined to the next by one apostrophe is one word, as readers and the
readability formulas count them ("l'intestin", "qu'il", "don't", "children's"); the matcher
keeps them apart so that "l'" can be a stop word.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from functools import partial
from itertools import repeat
from typing import NamedTuple

from .fields import FieldText
from .text import Block

_APOSTROPHES = ("'", "’")


class Sentence(NamedTuple):
    """One sentence: its field, character span in the field's plain text (`end` may include
    the whitespace before the next sentence; `trimmed_end` drops it), its reading words and
    the index of the rich-text block it is in (-1 for a plain field such as an FAQ question).
    """

    path: str
    start: int
    end: int
    words: list[str]
    block: int

    def trimmed_end(self, text: str) -> int:
        """The end offset without trailing whitespace (`text`: the field's plain text)."""
        return self.start + len(text[self.start : self.end].rstrip())


# Built with tuple.__new__ (C level): an article has a hundred and more sentences.
_new_sentence = partial(tuple.__new__, Sentence)


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
) -> list[Sentence]:
    text, path = field.text, field.path
    words, starts = reading_words(field)
    bounds = field.sentence_starts
    # A sentence's words are those starting before the next sentence's start: one C-level
    # bisect per bound instead of two per sentence.
    firsts = list(map(bisect_left, repeat(starts), bounds))
    lasts = [*firsts[1:], len(starts)]
    ends = [*bounds[1:], len(text)]
    if blocks:
        block_starts = [block.start for block in blocks]
        block_of = [index - 1 for index in map(bisect_right, repeat(block_starts), bounds)]
        headings = {index for index, block in enumerate(blocks) if block.is_heading}
    else:
        block_of = [-1] * len(bounds)
        headings = set()
    sentences = []
    for start, end, first, last, block in zip(bounds, ends, firsts, lasts, block_of, strict=True):
        if first == last or (skip_headings and block in headings):
            continue  # no words (punctuation only), or a heading
        sentences.append(_new_sentence((path, start, end, words[first:last], block)))
    return sentences


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
            words, _starts = reading_words(question)
            if words:
                sentences.append(Sentence(question.path, 0, len(question.text), words, -1))
    return sentences
