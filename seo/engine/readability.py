"""Readability formulas, one per language, and the counts they are computed from."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import chain

from .syllables import syllable_count
from .word_tables import WordTable

# Reading words of a sentence given as text: as `prose.reading_words`, a word joined to the
# next by one apostrophe is one word ("l'intestin").
_READING_WORD_RE = re.compile(r"\w++(?:[-\u2010\u2011'’]\w++)*+")


@dataclass(frozen=True, slots=True)
class ReadabilityCounts:
    words: int
    sentences: int
    syllables: int
    letters: int
    long_sentences: int

    @property
    def average_sentence_length(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def syllables_per_word(self) -> float:
        return self.syllables / self.words if self.words else 0.0

    @property
    def long_sentence_share(self) -> float:
        return self.long_sentences / self.sentences if self.sentences else 0.0


def flesch_en(c: ReadabilityCounts) -> float:
    return 206.835 - 1.015 * c.average_sentence_length - 84.6 * c.syllables_per_word


def amstad_de(c: ReadabilityCounts) -> float:
    return 180 - c.average_sentence_length - 58.5 * c.syllables_per_word


def flesch_douma_nl(c: ReadabilityCounts) -> float:
    return 206.835 - 0.93 * c.average_sentence_length - 77 * c.syllables_per_word


def kandel_moles_fr(c: ReadabilityCounts) -> float:
    return 207 - 1.015 * c.average_sentence_length - 73.6 * c.syllables_per_word


def fernandez_huerta_es(c: ReadabilityCounts) -> float:
    # 206.84 - 0.60 P - 1.02 F, P = syllables per 100 words, F = sentences per 100 words.
    syllables_per_100 = 100 * c.syllables_per_word
    sentences_per_100 = 100 * c.sentences / c.words if c.words else 0.0
    return 206.84 - 0.60 * syllables_per_100 - 1.02 * sentences_per_100


def gulpease_it(c: ReadabilityCounts) -> float:
    # Gulpease counts letters, not syllables: 89 + (300 * sentences - 10 * letters) / words.
    return 89 + (300 * c.sentences - 10 * c.letters) / c.words if c.words else 0.0


FORMULAS: dict[str, tuple[str, str, Callable[[ReadabilityCounts], float]]] = {
    "en": ("Flesch Reading Ease", "206.835 - 1.015 * ASL - 84.6 * ASW", flesch_en),
    "de": ("Flesch-Amstad", "180 - ASL - 58.5 * ASW", amstad_de),
    "nl": ("Flesch-Douma", "206.835 - 0.93 * ASL - 77 * ASW", flesch_douma_nl),
    "fr": ("Kandel-Moles", "207 - 1.015 * ASL - 73.6 * ASW", kandel_moles_fr),
    "es": ("Fernández-Huerta", "206.84 - 0.60 * P - 1.02 * F", fernandez_huerta_es),
    "it": ("Gulpease", "89 + (300 * sentences - 10 * letters) / words", gulpease_it),
}


# The syllables and letters of a word packed into one integer (syllables * _PACK + letters),
# so that an article's words are summed with one C-level pass of table look-ups instead of a
# Python loop per word (or two passes).
_PACK = 1 << 40  # more letters than any text has: the packed sums never overlap


def _packed_word_stats(word: str, lang: str) -> int:
    letters = sum(1 for ch in word if ch.isalpha())
    return syllable_count(word, lang) * _PACK + letters


_WORD_STATS = WordTable(_packed_word_stats)


def count_blocks(
    blocks: Iterable[tuple[Sequence[str], Sequence[int]]], lang: str, long_sentence_words: int
) -> ReadabilityCounts:
    """Count over blocks of text, each given as (its words, the word count of each sentence).

    Taking whole blocks keeps the per-sentence work to integer arithmetic, which matters when
    thousands of articles are audited.
    """
    pieces: list[Sequence[str]] = []
    lengths: list[int] = []
    for words, sentence_lengths in blocks:
        pieces.append(words)
        lengths.extend(sentence_lengths)
    all_words = list(chain.from_iterable(pieces))
    try:
        # Once the table knows an article's words (the usual case), no set of them is built.
        packed = sum(map(_WORD_STATS.current(lang).__getitem__, all_words))
    except KeyError:
        packed = sum(map(_WORD_STATS.holding(set(all_words), lang).__getitem__, all_words))
    syllables, letters = divmod(packed, _PACK)
    return ReadabilityCounts(
        words=len(all_words),
        sentences=len(lengths) - lengths.count(0),  # a sentence without words is none
        syllables=syllables,
        letters=letters,
        long_sentences=sum(map(long_sentence_words.__lt__, lengths)),
    )


def count_sentences(
    sentences: Iterable[Sequence[str]], lang: str, long_sentence_words: int
) -> ReadabilityCounts:
    """Count over sentences given as their word lists (empty sentences are skipped)."""
    return count_blocks(((s, (len(s),)) for s in sentences), lang, long_sentence_words)


def count_text(sentences: Iterable[str], lang: str, long_sentence_words: int) -> ReadabilityCounts:
    """Count words, sentences, syllables and letters over sentences given as text."""
    return count_sentences(
        (_READING_WORD_RE.findall(s) for s in sentences), lang, long_sentence_words
    )


def readability_score(counts: ReadabilityCounts, lang: str) -> float:
    return FORMULAS[lang][2](counts)
