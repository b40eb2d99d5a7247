"""Translations.

- `translation_completeness`: which configured languages have the article's fields. Coverage is
  a fact about the site more than about one language version (an article written for one market
  is no worse for it), so it is an informational note that costs no score; the site audit sums
  it up per language ("12 of 40 articles have no English version").
- `language_complete`: whether *this* language version has every text the article's primary
  language has. An incomplete version is a problem, and the message says whether the public
  sees it (policy "fallback", with text of another language) or not ("hide").
"""

from __future__ import annotations

from ..context import AnalysisContext
from ..report import GOOD, PROBLEM, CheckResult
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
        "informational": True,
    }
    if not translations:
        return result(check, GOOD, msg("translation.none_configured"), details, scored=False)
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
    return result(
        check,
        GOOD,
        msg("translation.coverage_note", languages=listed),
        details,
        scored=False,
    )


def language_complete(ctx: AnalysisContext) -> CheckResult:
    check = "language_complete"
    document = ctx.document
    missing = list(document.missing_texts)
    public = document.incomplete_policy == "fallback"
    details = {
        "lang": ctx.lang,
        "complete": not missing,
        "missing": missing,
        "policy": document.incomplete_policy,
        "public": public or not missing,
    }
    if not missing:
        return result(check, GOOD, msg("language_complete.good", lang=ctx.lang), details)
    message_id = (
        "language_complete.incomplete_fallback" if public else "language_complete.incomplete_hidden"
    )
    return result(check, PROBLEM, msg(message_id, lang=ctx.lang, fields=missing), details)
