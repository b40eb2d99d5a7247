"""translation_completeness: which configured languages have the article's fields."""

from __future__ import annotations

from ..context import AnalysisContext
from ..report import GOOD, OK, PROBLEM, CheckResult
from .base import msg, result


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
        return result(check, GOOD, msg("translation.none_configured"), details)
    share = len(complete) / len(translations)
    details["complete_share"] = round(share, 3)
    if not incomplete:
        return result(
            check, GOOD, msg("translation.complete", count=len(translations)), details, score=100
        )
    # The message names a few fields per language; `details["missing"]` has them all.
    listed = [
        msg("translation.missing_language", lang=lang, fields=fields)
        for lang, fields in incomplete.items()
    ]
    status = OK if share >= ctx.thresholds.translation_ok_share else PROBLEM
    return result(
        check, status, msg("translation.missing", languages=listed), details, score=100 * share
    )
