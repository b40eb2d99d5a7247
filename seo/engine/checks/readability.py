"""readability: the language's own formula over the running text."""

from __future__ import annotations

from ..context import AnalysisContext
from ..messages import rounded_for
from ..readability import FORMULAS, count_blocks, readability_score
from ..report import GOOD, OK, PROBLEM, CheckResult
from .base import msg, result


def readability(ctx: AnalysisContext) -> CheckResult:
    """The formula's score against the language's bands. Long sentences are judged by
    `sentence_length` since the style checks arrived; their figures stay in the details."""
    check = "readability"
    t = ctx.thresholds
    lang = ctx.lang
    long_words = t.long_sentence_words[lang]
    counts = count_blocks(((s.words, (len(s.words),)) for s in ctx.sentences), lang, long_words)
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
        return result(check, PROBLEM, msg("readability.no_text"), details)
    value = readability_score(counts, lang)
    details["score"] = round(value, 1)
    band = GOOD if value >= good_from else OK if value >= ok_from else PROBLEM
    if band is not GOOD:
        # The score is shown with as many decimals as it takes to agree with the comparison:
        # 49.5 is "below 50", never "50 is below 50".
        shown = rounded_for(value, good_from)
        return result(
            check,
            band,
            msg("readability.low", formula=name, score=shown, good_from=good_from),
            details,
        )
    return result(
        check,
        GOOD,
        msg(
            "readability.good",
            formula=name,
            score=rounded_for(value, good_from),
            average=round(counts.average_sentence_length, 1),
        ),
        details,
    )
