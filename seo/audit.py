"""Running the SEO engine over the pages that registered sources offer (Django side).

Streams: documents come from the sources a batch at a time, each is analysed and handed on, and
only the site auditor's small per-article summaries are kept, so memory stays flat however many
articles there are.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from django.conf import settings

from seo.engine import SEOReport, SiteAuditor, SiteFinding, Thresholds, analyse
from seo.protocol import SEOItem, SEOSubject, registered_sources

logger = logging.getLogger(__name__)


def configured_thresholds() -> Thresholds:
    """Engine defaults with the ``SEO_THRESHOLDS`` setting applied (unknown keys raise)."""
    return Thresholds().with_overrides(getattr(settings, "SEO_THRESHOLDS", None) or None)


@dataclass(frozen=True)
class AuditedItem:
    item: SEOItem
    report: SEOReport


@dataclass(frozen=True)
class AuditFailure:
    """An article version the engine could not analyse; the audit goes on without it."""

    item: SEOItem
    error: str

    @property
    def name(self) -> str:
        return f"{self.item.document.slug}@{self.item.document.lang}"


@dataclass
class AuditRun:
    """Iterate ``articles`` first; ``site_findings()`` is complete once they are exhausted,
    and ``failures`` then lists the article versions that could not be analysed."""

    articles: Iterator[AuditedItem]
    auditor: SiteAuditor
    failures: list[AuditFailure] = field(default_factory=list)
    _findings: list[SiteFinding] | None = field(default=None, repr=False)

    def site_findings(self) -> list[SiteFinding]:
        if self._findings is None:
            self._findings = self.auditor.finish()
        return self._findings


def audit(
    *,
    languages: Sequence[str] | None = None,
    include_drafts: bool = False,
    slugs: Iterable[str] | None = None,
    batch_size: int = 200,
    thresholds: Thresholds | None = None,
) -> AuditRun:
    thresholds = thresholds or configured_thresholds()
    languages = list(languages or settings.MODELTRANSLATION_LANGUAGES)
    auditor = SiteAuditor(thresholds)
    slug_list = list(slugs) if slugs else None
    failures: list[AuditFailure] = []

    def articles() -> Iterator[AuditedItem]:
        for source in registered_sources():
            for item in source.items(
                languages=languages,
                include_drafts=include_drafts,
                slugs=slug_list,
                batch_size=batch_size,
            ):
                outcome = analyse_item(item, thresholds)
                if isinstance(outcome, AuditFailure):
                    failures.append(outcome)
                    continue
                auditor.add(item.document, outcome.report)
                yield outcome

    return AuditRun(articles=articles(), auditor=auditor, failures=failures)


def analyse_item(item: SEOItem, thresholds: Thresholds) -> AuditedItem | AuditFailure:
    """One document through the engine; a failure is logged and returned, not raised, because
    one bad article must not stop an audit of all (the serial and the parallel audit alike)."""
    try:
        report = analyse(item.document, thresholds)
    except Exception as error:
        failure = AuditFailure(item, f"{type(error).__name__}: {error}")
        logger.exception("SEO audit could not analyse %s", failure.name)
        return failure
    return AuditedItem(item=item, report=report)


def audit_page(page: SEOSubject, lang: str, thresholds: Thresholds | None = None) -> SEOReport:
    """One page object (live or a revision's object) in one language."""
    return analyse(page.seo_document(lang), thresholds or configured_thresholds())


def count_pages(*, include_drafts: bool = False, slugs: Iterable[str] | None = None) -> int | None:
    """Pages an audit with these arguments reads; None when a source cannot tell."""
    slug_list = list(slugs) if slugs else None
    total = 0
    for source in registered_sources():
        count = getattr(source, "count", None)
        if count is None:
            return None
        total += count(include_drafts=include_drafts, slugs=slug_list)
    return total


def slug_exists(slug: str) -> bool:
    return any(source.slug_exists(slug) for source in registered_sources())
