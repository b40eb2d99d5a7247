"""readability: the language's own formula, plus sentence length."""

from __future__ import annotations

from bisect import bisect_left
from itertools import pairwise, repeat

from ..context import AnalysisContext
from ..readability import FORMULAS, count_blocks, readability_score
from ..report import GOOD, OK, PROBLEM, CheckResult
from .base import result, worst


def _sentence_lengths(field, start: int, end: int) -> tuple[int, int, list[int]]:
    """(first word, end word, words per sentence) of the text between two offsets."""
    starts = field.sentence_starts
    word_starts = field.starts
    sentence_bounds = starts[bisect_left(starts, start) : bisect_left(starts, end)]
    word_bounds = list(map(bisect_left, repeat(word_starts), sentence_bounds))
    word_bounds.append(bisect_left(word_starts, end))
    return word_bounds[0], word_bounds[-1], [high - low for low, high in pairwise(word_bounds)]


def _prose_blocks(ctx: AnalysisContext):
    """(words, words per sentence) of the running text: paragraphs, list items and FAQ
    questions. Headings are not sentences and would skew the averages. A field without inner
    headings is one piece: every block starts a line, so its sentences are the blocks'."""
    for rich in ctx.prose_fields:
        field = rich.field
        blocks = rich.rich.blocks
        if not any(block.is_heading for block in blocks):
            if blocks:
                _first, _end, lengths = _sentence_lengths(field, 0, len(field.text))
                yield field.words, lengths
            continue
        for block in blocks:
            if block.is_heading:
                continue
            first, end, lengths = _sentence_lengths(field, block.start, block.end)
            yield field.words[first:end], lengths
    for index, question in enumerate(ctx.questions):
        if question:
            words = ctx.fields_by_path[f"faqs[{index}].question"].words
            yield words, (len(words),)


def readability(ctx: AnalysisContext) -> CheckResult:
    check = "readability"
    t = ctx.thresholds
    lang = ctx.lang
    long_words = t.long_sentence_words[lang]
    counts = count_blocks(_prose_blocks(ctx), lang, long_words)
    name, expression, _ = FORMULAS[lang]
    good_from, ok_from = t.readability_bands[lang]
    details = {
        "formula": name,
        "expression": expression,
        "score": None,
        "words": counts.words,
        "sentences": counts.sentences,
        "syllables": counts.syllables,
        "letters": counts.letters,
        "average_sentence_length": round(counts.average_sentence_length, 2),
        "syllables_per_word": round(counts.syllables_per_word, 3),
        "long_sentence_words": long_words,
        "long_sentences": counts.long_sentences,
        "long_sentence_share": round(counts.long_sentence_share, 3),
        "long_sentence_share_max": t.long_sentence_share_max,
        "band_good_from": good_from,
        "band_ok_from": ok_from,
    }
    if not counts.words:
        return result(
            check, PROBLEM, "Write the article text; there is nothing to read yet.", details
        )
    value = readability_score(counts, lang)
    details["score"] = round(value, 1)
    band = GOOD if value >= good_from else OK if value >= ok_from else PROBLEM
    too_many_long = counts.long_sentence_share > t.long_sentence_share_max
    status = worst(band, OK) if too_many_long else band
    messages = []
    if band is not GOOD:
        messages.append(
            f"{name} score {value:.0f} is below {good_from:g}: use shorter sentences "
            "and shorter, more common words."
        )
    if too_many_long:
        messages.append(
            f"{counts.long_sentence_share:.0%} of sentences have more than "
            f"{long_words} words (aim for at most {t.long_sentence_share_max:.0%}); "
            "split the longest ones."
        )
    if not messages:
        messages.append(
            f"{name} score {value:.0f}; average sentence "
            f"{counts.average_sentence_length:.1f} words."
        )
    return result(check, status, " ".join(messages), details)
