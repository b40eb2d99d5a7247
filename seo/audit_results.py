"""Writes the stored SEO audit table (``SEOAuditResult``) that the report and dashboard read.

A page's rows describe its latest revision (what editors work on), one row per configured
language: untranslated languages get a row too, marked "not translated", without a score.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from itertools import groupby

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from seo.audit import AuditedItem, audit, configured_thresholds
from seo.engine import SEODocument, SEOReport, Status
from seo.models import AuditStatus, SEOAuditResult, TranslationStatus
from seo.page_analysis import LanguageAnalysis, analyse_page, focus_keyword
from seo.parallel_audit import audit_in_workers, workers_possible
from seo.protocol import SEOSubject

logger = logging.getLogger(__name__)

UPDATED_FIELDS = [
    "title",
    "live",
    "translation_status",
    "missing_fields",
    "score",
    "status",
    "problem_count",
    "focus_keyword",
    "report",
    "updated_at",
]


def _result(
    *,
    page_id: int,
    lang: str,
    title: str,
    live: bool,
    document: SEODocument | None,
    report: SEOReport | None,
) -> SEOAuditResult:
    if report is None or document is None:
        return SEOAuditResult(
            page_id=page_id,
            lang=lang,
            title=title[:255],
            live=live,
            translation_status=TranslationStatus.MISSING,
        )
    missing = list(document.translations.get(lang, ()))
    return SEOAuditResult(
        page_id=page_id,
        lang=lang,
        title=(document.title or title)[:255],
        live=live,
        translation_status=(
            TranslationStatus.INCOMPLETE if missing else TranslationStatus.COMPLETE
        ),
        missing_fields=missing,
        score=report.score,
        status=AuditStatus.for_score(report.score),
        problem_count=sum(1 for check in report.checks if check.status is Status.PROBLEM),
        focus_keyword=focus_keyword(document)[:200],
        report=report.to_dict(),
    )


def _save(results: Sequence[SEOAuditResult], page_ids: Iterable[int]) -> None:
    """Upsert ``results`` and drop rows of languages no longer configured, for ``page_ids``."""
    with transaction.atomic():
        SEOAuditResult.objects.bulk_create(
            results,
            update_conflicts=True,
            unique_fields=["page", "lang"],
            update_fields=UPDATED_FIELDS,
        )
        SEOAuditResult.objects.filter(page_id__in=list(page_ids)).exclude(
            lang__in=settings.MODELTRANSLATION_LANGUAGES
        ).delete()


def _analysed_object(page: Page) -> object:
    """The page's latest revision as an object of its own class (the draft editors see)."""
    return page.specific.get_latest_revision_as_object()


def audit_results_from_analyses(
    *, page_id: int, title: str, live: bool, analyses: Sequence[LanguageAnalysis]
) -> list[SEOAuditResult]:
    return [
        _result(
            page_id=page_id,
            lang=analysis.lang,
            title=title,
            live=live,
            document=analysis.document,
            report=analysis.report,
        )
        for analysis in analyses
    ]


def audit_results_refresh_page(page: Page) -> list[SEOAuditResult]:
    """Analyse ``page``'s latest revision in every configured language and store the rows.

    A page type that does not implement ``SEOSubject`` has no rows (any old ones are removed).
    """
    draft = _analysed_object(page)
    if not isinstance(draft, SEOSubject):
        SEOAuditResult.objects.filter(page_id=page.pk).delete()
        return []
    results = audit_results_from_analyses(
        page_id=page.pk,
        title=page.draft_title or page.title,
        live=page.live,
        analyses=analyse_page(draft),
    )
    _save(results, [page.pk])
    return results


def audit_results_refresh_page_id(page_id: int) -> list[SEOAuditResult]:
    """As ``audit_results_refresh_page``; a page deleted in the meantime is skipped."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return []
    return audit_results_refresh_page(page)


def _pages(items: Iterator[AuditedItem]) -> Iterator[list[AuditedItem]]:
    # Sources yield all languages of one page before the next page.
    for _page_id, page_items in groupby(items, key=lambda audited: audited.item.page_id):
        yield list(page_items)


def audit_results_store(items: Iterator[AuditedItem], *, batch_size: int = 200) -> int:
    """Store audited items (``seo.audit.audit(include_drafts=True).articles``) in batches.

    Every configured language the items do not cover gets a "not translated" row. Returns the
    number of pages stored.
    """
    languages = list(settings.MODELTRANSLATION_LANGUAGES)
    stored = 0
    batch: list[SEOAuditResult] = []
    batch_pages: list[int] = []
    for page_items in _pages(items):
        first = page_items[0].item
        by_lang = {audited.item.document.lang: audited for audited in page_items}
        for lang in languages:
            audited = by_lang.get(lang)
            batch.append(
                _result(
                    page_id=first.page_id,
                    lang=lang,
                    title=first.title,
                    live=first.live,
                    document=audited.item.document if audited else None,
                    report=audited.report if audited else None,
                )
            )
        batch_pages.append(first.page_id)
        if len(batch_pages) >= batch_size:
            _save(batch, batch_pages)
            stored += len(batch_pages)
            batch, batch_pages = [], []
    if batch_pages:
        _save(batch, batch_pages)
        stored += len(batch_pages)
    return stored


def audit_results_refresh_all(*, batch_size: int = 200, workers: int = 1) -> int:
    """Re-analyse every page that offers itself to the SEO app; rows of other pages are removed.

    Reads pages a batch at a time through the registered sources, so memory stays flat. With
    ``workers`` > 1 the analysis runs in that many processes (``seo.parallel_audit``, where
    possible); the rows are written here, in the same order either way.
    """
    started = timezone.now()
    if workers > 1 and workers_possible() is None:
        run = audit_in_workers(
            workers=workers,
            include_drafts=True,
            batch_size=batch_size,
            thresholds=configured_thresholds(),
        )
    else:
        run = audit(include_drafts=True, batch_size=batch_size)
    count = audit_results_store(run.articles, batch_size=batch_size)
    # Every row this run wrote has a newer timestamp; older rows belong to pages that are gone
    # from the sources (deleted pages cascade anyway) or lost every language.
    SEOAuditResult.objects.filter(updated_at__lt=started).delete()
    return count
