"""`analyse`: one document in, one report out."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .checks import CHECKS
from .context import AnalysisContext
from .model import SEODocument, check_document
from .report import CheckResult, SEOReport
from .thresholds import Thresholds

_DEFAULT_THRESHOLDS = Thresholds()


def overall_score(checks: Sequence[CheckResult], weights: Mapping[str, float]) -> int:
    """Weighted mean of the check scores (0-100); checks without a weight count 1, checks
    that could not judge (`scored` false) not at all."""
    checks = [c for c in checks if c.scored]
    total_weight = sum(weights.get(c.id, 1) for c in checks)
    if not total_weight:
        return 0
    return round(sum(c.score * weights.get(c.id, 1) for c in checks) / total_weight)


def analyse(document: SEODocument, thresholds: Thresholds | None = None) -> SEOReport:
    """Run every check on one language version of an article.

    Deterministic: the same document and thresholds always give the same report. Raises
    UnsupportedLanguageError for a language without a profile and InvalidDocumentError for a
    field of the wrong type (both ValueErrors whose message names the field).
    """
    check_document(document)
    thresholds = thresholds or _DEFAULT_THRESHOLDS
    context = AnalysisContext(document, thresholds)
    results = [check(context) for check in CHECKS]
    return SEOReport(
        slug=document.slug,
        lang=context.lang,
        score=overall_score(results, thresholds.weights),
        checks=tuple(results),
        keywords=tuple(context.keyword_reports),
    )
