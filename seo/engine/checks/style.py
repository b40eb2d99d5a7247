"""The style checks editors know from Yoast: sentence length, passive voice, transition words
and consecutive sentences with the same beginning.

Each names the sentences concerned in `details["highlights"]` (field path, start and end
offsets into the field's plain text), so the admin can mark them. Word lists and rules are in
`seo.engine.style`; thresholds and their sources in docs/seo-checks.md.
"""

from __future__ import annotations

from ..context import AnalysisContext
from ..messages import rounded_for
from ..prose import Sentence
from ..report import GOOD, OK, PROBLEM, CheckResult
from ..style import passive_flags, sentence_beginning, style_profile, transition_flags
from .base import msg, result

# Sentences listed in details["highlights"] at most (the share is computed over all).
HIGHLIGHTS_SHOWN = 50


def _spans(ctx: AnalysisContext, sentences: list[Sentence]) -> list[dict]:
    texts = ctx.plain_texts
    return [
        {
            "field": s.path,
            "start": s.start,
            "end": s.trimmed_end(texts[s.path]),
            "words": len(s.words),
        }
        for s in sentences[:HIGHLIGHTS_SHOWN]
    ]


def _percent(share: float, limit: float) -> float:
    return rounded_for(100 * share, 100 * limit)


def _not_assessed(check: str, ctx: AnalysisContext, details: dict) -> CheckResult | None:
    if style_profile(ctx.lang) is None:
        details["assessed"] = False
        return result(check, GOOD, msg("style.not_assessed_language"), details, scored=False)
    return None


def _partition(ctx: AnalysisContext, measure) -> tuple[list[Sentence], list[Sentence]]:
    """(sentences the measure flags, the others), e.g. passive and active sentences."""
    flags = measure(ctx.sentences, ctx.plain_texts, ctx.lang, ctx.folded_sentences)
    flagged: list[Sentence] = []
    others: list[Sentence] = []
    for sentence, flag in zip(ctx.sentences, flags, strict=True):
        (flagged if flag else others).append(sentence)
    return flagged, others


def sentence_length(ctx: AnalysisContext) -> CheckResult:
    """Share of sentences longer than the language's limit (Yoast: 20 words for de, en, nl,
    fr; good up to 25 %, a problem above 30 %)."""
    check = "sentence_length"
    t = ctx.thresholds
    limit = t.long_sentence_words[ctx.lang]
    sentences = ctx.sentences
    long = [s for s in sentences if len(s.words) > limit]
    share = len(long) / len(sentences) if sentences else 0.0
    details = {
        "sentences": len(sentences),
        "long_sentences": len(long),
        "long_sentence_words": limit,
        "share": round(share, 3),
        "max_share": t.long_sentence_share_max,
        "problem_share": t.long_sentence_share_problem,
        "highlights": _spans(ctx, long),
    }
    if not sentences:
        return result(check, GOOD, msg("style.not_assessed_short", words=0), details, scored=False)
    params = {
        "percent": _percent(share, t.long_sentence_share_max),
        "max_words": limit,
        "max_percent": rounded_for(100 * t.long_sentence_share_max, 0),
    }
    if share <= t.long_sentence_share_max:
        return result(check, GOOD, msg("sentence_length.good", **params), details)
    status = PROBLEM if share > t.long_sentence_share_problem else OK
    return result(check, status, msg("sentence_length.too_many", **params), details)


def passive_voice(ctx: AnalysisContext) -> CheckResult:
    """Share of sentences with a passive clause (Yoast: good up to 10 %, a problem above 15 %)."""
    check = "passive_voice"
    t = ctx.thresholds
    details: dict = {
        "max_share": t.passive_share_max,
        "problem_share": t.passive_share_problem,
    }
    skipped = _not_assessed(check, ctx, details)
    if skipped is not None:
        return skipped
    sentences = ctx.sentences
    passive, _active = _partition(ctx, passive_flags)
    share = len(passive) / len(sentences) if sentences else 0.0
    details.update(
        sentences=len(sentences),
        passive_sentences=len(passive),
        share=round(share, 3),
        highlights=_spans(ctx, passive),
    )
    if not sentences:
        return result(check, GOOD, msg("style.not_assessed_short", words=0), details, scored=False)
    params = {
        "percent": _percent(share, t.passive_share_max),
        "max_percent": rounded_for(100 * t.passive_share_max, 0),
    }
    if share <= t.passive_share_max:
        return result(check, GOOD, msg("passive_voice.good", **params), details)
    status = PROBLEM if share > t.passive_share_problem else OK
    return result(check, status, msg("passive_voice.too_many", **params), details)


_EXAMPLES = {
    "en": ["however", "therefore", "for example"],
    "de": ["deshalb", "außerdem", "zum Beispiel"],
    "nl": ["daarom", "bovendien", "bijvoorbeeld"],
    "fr": ["cependant", "donc", "par exemple"],
}


def transition_words(ctx: AnalysisContext) -> CheckResult:
    """Share of sentences with a transition word or phrase (Yoast: good from 30 %, a problem
    under 20 %; judged from 200 words of text)."""
    check = "transition_words"
    t = ctx.thresholds
    details: dict = {
        "min_share": t.transition_share_min,
        "problem_share": t.transition_share_problem,
        "min_words": t.transition_min_words,
    }
    skipped = _not_assessed(check, ctx, details)
    if skipped is not None:
        return skipped
    sentences = ctx.sentences
    words = sum(len(s.words) for s in sentences)
    _with, without = _partition(ctx, transition_flags)
    share = (len(sentences) - len(without)) / len(sentences) if sentences else 0.0
    details.update(
        sentences=len(sentences),
        with_transitions=len(sentences) - len(without),
        share=round(share, 3),
        words=words,
    )
    if words < t.transition_min_words:
        return result(
            check, GOOD, msg("style.not_assessed_short", words=words), details, scored=False
        )
    percent = _percent(share, t.transition_share_min)
    if share >= t.transition_share_min:
        details["highlights"] = []
        return result(check, GOOD, msg("transition_words.good", percent=percent), details)
    # The sentences to work on: those without a transition word.
    details["highlights"] = _spans(ctx, without)
    status = PROBLEM if share < t.transition_share_problem else OK
    message = msg(
        "transition_words.too_few",
        percent=percent,
        min_percent=rounded_for(100 * t.transition_share_min, 0),
        examples=_EXAMPLES[ctx.lang],
    )
    return result(check, status, message, details)


def consecutive_sentences(ctx: AnalysisContext) -> CheckResult:
    """Runs of sentences in one field that begin with the same word (articles, demonstratives
    and numerals take the next word along). Yoast marks three in a row red; here three are
    "could be better" and from `consecutive_sentences_problem` (4) a problem."""
    check = "consecutive_sentences"
    t = ctx.thresholds
    runs: list[list[Sentence]] = []
    beginnings: list[str] = []
    previous_key: tuple[str, str] | None = None
    for sentence, folded in zip(ctx.sentences, ctx.folded_sentences, strict=True):
        beginning = sentence_beginning(sentence, ctx.lang, folded)
        key = (sentence.path, beginning)
        if beginning and key == previous_key:
            runs[-1].append(sentence)
        else:
            runs.append([sentence])
            beginnings.append(beginning)
        previous_key = key
    repeated_at = [i for i, run in enumerate(runs) if len(run) > t.consecutive_sentences_max]
    repeated = [runs[i] for i in repeated_at]
    longest = max(repeated, key=len, default=[])
    details = {
        "max_run": t.consecutive_sentences_max,
        "problem_run": t.consecutive_sentences_problem,
        "runs": [
            {
                "word": beginnings[index],
                "count": len(run),
                "field": run[0].path,
                "start": run[0].start,
                "end": run[-1].trimmed_end(ctx.plain_texts[run[-1].path]),
            }
            for index, run in zip(repeated_at, repeated, strict=True)
        ],
        "highlights": _spans(ctx, [s for run in repeated for s in run]),
    }
    if not repeated:
        return result(check, GOOD, msg("consecutive_sentences.good"), details)
    status = PROBLEM if len(longest) >= t.consecutive_sentences_problem else OK
    word = longest[0].words[0] if longest[0].words else ""
    if " " in sentence_beginning(longest[0], ctx.lang):
        word = " ".join(longest[0].words[:2])
    messages = [msg("consecutive_sentences.repeated", count=len(longest), word=word)]
    return result(check, status, messages, details)
