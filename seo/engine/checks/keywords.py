"""keyword_coverage and keyword_density."""

from __future__ import annotations

from ..context import AnalysisContext
from ..report import ARTICLE_TEXT_LOCATIONS, GOOD, OK, PROBLEM, CheckResult, MatchKind
from .base import NO_FOCUS_MESSAGE, quote_list, result, times


def keyword_coverage(ctx: AnalysisContext) -> CheckResult:
    check = "keyword_coverage"
    if not ctx.keyword_reports:
        return result(
            check,
            PROBLEM,
            "Add the keywords this article should rank for.",
            {"keywords_total": 0, "keywords_found": 0, "coverage": 0.0},
        )
    rows = []
    not_found, partial_only = [], []
    for report in ctx.keyword_reports:
        locations = report.counts_by_location()
        in_text = [kinds for place, kinds in locations.items() if place in ARTICLE_TEXT_LOCATIONS]
        if not in_text:
            not_found.append(report.term)
        elif not any(kinds["exact"] or kinds["inflected"] for kinds in in_text):
            partial_only.append(report.term)
        rows.append(
            {
                "term": report.term,
                "focus": report.focus,
                "found": report.found,
                "count": report.count,
                "partial": report.partial_count,
                "locations": locations,
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
        messages.append(f"Use these keywords in the article text: {quote_list(not_found)}.")
    if duplicates:
        names = [d["term"] for d in duplicates]
        messages.append(f"Remove duplicate keywords: {quote_list(names)}.")
    if messages:
        return result(check, PROBLEM, " ".join(messages), details, score=score)
    if partial_only:
        message = (
            f"These keywords only appear inside longer compounds; use them on their own at least "
            f"once: {quote_list(partial_only)}."
        )
        return result(check, OK, message, details, score=score)
    return result(
        check, GOOD, f"All {total} keywords occur in the article text.", details, score=score
    )


def keyword_density(ctx: AnalysisContext) -> CheckResult:
    check = "keyword_density"
    t = ctx.thresholds
    limits = {"min_percent": t.density_min_percent, "max_percent": t.density_max_percent}
    if ctx.focus_report is None:
        return result(check, PROBLEM, NO_FOCUS_MESSAGE, limits)
    words = ctx.article_word_count
    occurrences = sum(
        1
        for m in ctx.focus_report.matches
        if m.location in ARTICLE_TEXT_LOCATIONS and m.kind is not MatchKind.PARTIAL
    )
    density = 100 * occurrences / words if words else 0.0
    details = {
        "occurrences": occurrences,
        "words": words,
        "density_percent": round(density, 2),
        **limits,
    }
    term = ctx.focus_report.term
    if occurrences == 0:
        return result(
            check, PROBLEM, f'Use the focus keyword "{term}" in the article text.', details
        )
    if density > t.density_max_percent:
        allowed = int(t.density_max_percent * words / 100)
        return result(
            check,
            PROBLEM,
            (
                f'The focus keyword "{term}" makes up {density:.1f} % of the text, which reads as '
                f"keyword stuffing; use it at most {times(allowed)} or use synonyms."
            ),
            details,
        )
    if density < t.density_min_percent:
        needed = -(-int(t.density_min_percent * words) // 100)
        return result(
            check,
            OK,
            (
                f'The focus keyword "{term}" appears {times(occurrences)} ({density:.2f} %); use '
                f"it about {times(max(needed, occurrences + 1))} in {words} words."
            ),
            details,
        )
    return result(
        check,
        GOOD,
        (
            f'The focus keyword "{term}" appears {times(occurrences)} ({density:.2f} % of '
            f"{words} words)."
        ),
        details,
    )
