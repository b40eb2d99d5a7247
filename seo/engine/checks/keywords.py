"""keyword_coverage and keyword_density."""

from __future__ import annotations

import math

from ..context import AnalysisContext
from ..report import GOOD, OK, PROBLEM, CheckResult
from .base import msg, no_focus_message, result


def keyword_coverage(ctx: AnalysisContext) -> CheckResult:
    check = "keyword_coverage"
    if not ctx.keyword_reports:
        return result(
            check,
            PROBLEM,
            msg("keyword_coverage.no_keywords"),
            {"keywords_total": 0, "keywords_found": 0, "coverage": 0.0},
        )
    rows = []
    not_found, partial_only = [], []
    for report in ctx.keyword_reports:
        if report.status == "missing":
            not_found.append(report.term)
        elif report.status == "partial":
            partial_only.append(report.term)
        rows.append(
            {
                "term": report.term,
                "focus": report.focus,
                "found": report.found,
                "status": report.status,
                "count": report.count,
                "partial": report.partial_count,
                "locations": report.counts_by_location(),
            }
        )
    seen: dict[frozenset[str], str] = {}
    duplicates = []
    for keyword in ctx.keywords:
        if keyword.identity in seen:
            duplicates.append({"term": keyword.term, "duplicate_of": seen[keyword.identity]})
        else:
            seen[keyword.identity] = keyword.term
    total = len(ctx.keyword_reports)
    found = total - len(not_found)
    coverage = found / total
    details = {
        "keywords_total": total,
        "keywords_found": found,
        "coverage": round(coverage, 3),
        "not_found": not_found,
        "partial_only": partial_only,
        "duplicates": duplicates,
        "keywords": rows,
    }
    # Keywords found only inside compounds earn half credit; duplicates cost a share each.
    score = 100 * (found - len(partial_only) / 2 - len(duplicates)) / total
    messages = []
    if not_found:
        messages.append(msg("keyword_coverage.not_found", terms=not_found))
    if duplicates:
        messages.append(msg("keyword_coverage.duplicates", terms=[d["term"] for d in duplicates]))
    if messages:
        return result(check, PROBLEM, messages, details, score=score)
    if partial_only:
        return result(
            check,
            OK,
            msg("keyword_coverage.partial_only", terms=partial_only),
            details,
            score=score,
        )
    return result(check, GOOD, msg("keyword_coverage.good", count=total), details, score=score)


def keyphrase_length_factor(content_words: int) -> float:
    """Yoast's weighting of keyphrase density by the keyphrase's length in content words
    (yoastseo `keyphraseLengthFactor`): a base of 0.7 plus a third per word, so a three-word
    keyphrase needs fewer occurrences than a single word for the same weighted density."""
    return 0.7 + content_words / 3


def recommended_count(density_percent: float, words: int, factor: float, *, minimum: bool) -> int:
    """Occurrences in `words` words that give `density_percent` once weighted by `factor`
    (yoastseo `recommendedKeywordCount`): at least 2, rounded up for a minimum, down for a
    maximum."""
    count = density_percent * words / (100 * factor)
    if count < 2:
        return 2
    return math.ceil(count) if minimum else math.floor(count)


def keyword_density(ctx: AnalysisContext) -> CheckResult:
    """Occurrences of the focus keyword (exact and inflected, article text) against a range that
    depends on the text's length and the keyphrase's length, as Yoast's keyphrase density:
    weighted density = occurrences / words * 100 * (0.7 + content words / 3), good from
    `density_min_percent` to `density_max_percent`, and at least 2 occurrences."""
    check = "keyword_density"
    t = ctx.thresholds
    limits = {"min_percent": t.density_min_percent, "max_percent": t.density_max_percent}
    if ctx.focus_report is None:
        return result(check, PROBLEM, no_focus_message(ctx), limits)
    words = ctx.article_word_count
    occurrences = ctx.focus_report.count
    length = max(1, len(ctx.focus_keyword.words)) if ctx.focus_keyword else 1
    factor = keyphrase_length_factor(length)
    density = 100 * occurrences / words if words else 0.0
    weighted = density * factor
    min_count = recommended_count(t.density_min_percent, words, factor, minimum=True)
    max_count = max(
        min_count, recommended_count(t.density_max_percent, words, factor, minimum=False)
    )
    details = {
        "occurrences": occurrences,
        "words": words,
        "density_percent": round(density, 2),
        "keyphrase_words": length,
        "length_factor": round(factor, 3),
        "weighted_density_percent": round(weighted, 2),
        "min_occurrences": min_count,
        "max_occurrences": max_count,
        **limits,
    }
    term = ctx.focus_report.term
    params = {"term": term, "count": occurrences, "words": words}
    if occurrences == 0:
        return result(check, PROBLEM, msg("keyword_density.missing", term=term), details)
    if occurrences > max_count:
        return result(
            check, PROBLEM, msg("keyword_density.too_many", **params, max_count=max_count), details
        )
    if occurrences < min_count:
        return result(
            check, PROBLEM, msg("keyword_density.too_few", **params, min_count=min_count), details
        )
    return result(
        check,
        GOOD,
        msg("keyword_density.good", **params, min_count=min_count, max_count=max_count),
        details,
    )
