"""translation_completeness: which configured languages have the article's fields."""

from __future__ import annotations

from ..context import AnalysisContext
from ..report import GOOD, OK, PROBLEM, CheckResult
from .base import result


def translation_completeness(ctx: AnalysisContext) -> CheckResult:
    check = "translation_completeness"
    translations = dict(ctx.document.translations or {})
    complete = sorted(lang for lang, missing in translations.items() if not missing)
    incomplete = {lang: list(missing) for lang, missing in sorted(translations.items()) if missing}
    details = {
        "languages": sorted(translations),
        "complete": complete,
        "missing": incomplete,
        "ok_share": ctx.thresholds.translation_ok_share,
    }
    if not translations:
        return result(check, GOOD, "No other languages are configured.", details)
    share = len(complete) / len(translations)
    details["complete_share"] = round(share, 3)
    if not incomplete:
        return result(
            check, GOOD, f"Translated in all {len(translations)} languages.", details, score=100
        )
    # The message names a few fields per language; `details["missing"]` has them all.
    listed = "; ".join(_missing_summary(lang, fields) for lang, fields in incomplete.items())
    status = OK if share >= ctx.thresholds.translation_ok_share else PROBLEM
    return result(
        check, status, f"Translate the missing fields: {listed}.", details, score=100 * share
    )


def _missing_summary(lang: str, fields: list[str], shown: int = 3) -> str:
    more = len(fields) - shown
    return f"{lang} ({', '.join(fields[:shown])}{f' and {more} more' if more > 0 else ''})"
