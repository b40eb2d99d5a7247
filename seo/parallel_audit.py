"""The SEO audit in several worker processes: the same report as one process, on more cores.

The parent splits every source's pages into batches by primary key (``batch_bounds``: one
indexed query per batch, never a list of every page), and each forked worker reads its batch
with its own database connection and runs the engine over it. Results come back batch by
batch and are handed on in the serial audit's order (source, then primary key, then
language), and the site auditor is fed each document's summary (``summarise_for_site``,
computed in the worker) in that order, so the articles, the site findings and the failures are
exactly those of ``seo.audit.audit``.

Memory stays bounded: at most ``workers + 1`` batches are in flight or waiting to be handed
on, and only the site auditor's small summaries outlive their batch.

PostgreSQL only (an SQLite test database in memory is not shared with forked processes), and
not inside a transaction (its rows would be invisible to the workers): ``workers_possible``
says why not, and the caller then audits in one process.
"""

from __future__ import annotations

import gc
import multiprocessing
import multiprocessing.util
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from django.conf import settings
from django.db import connection, connections

from seo.audit import AuditedItem, AuditFailure, AuditRun, analyse_item
from seo.engine import (
    SEODocument,
    SiteAuditor,
    SiteSummary,
    Thresholds,
    analyse,
    summarise_for_site,
)
from seo.protocol import RangedSEOSource, registered_sources


@dataclass(frozen=True)
class BatchTask:
    """One batch for a worker: a source (by position) and a primary-key range."""

    source_index: int
    after: int
    up_to: int | None
    languages: tuple[str, ...]
    include_drafts: bool
    slugs: tuple[str, ...] | None
    batch_size: int
    thresholds: Thresholds


# What a worker sends back per document: the audited item with its site summary, or a failure.
Outcome = tuple[AuditedItem, SiteSummary] | AuditFailure


def workers_possible() -> str | None:
    """Why several workers cannot be used here, or None."""
    if connection.vendor != "postgresql":
        return f"{connection.vendor} is not shared with worker processes here"
    if connection.in_atomic_block:
        return "the caller's open transaction would be invisible to the workers"
    if not all(isinstance(source, RangedSEOSource) for source in registered_sources()):
        return "a registered SEO source cannot be read in separate batches"
    return None


def audit_in_workers(
    *,
    workers: int,
    languages: Sequence[str] | None = None,
    include_drafts: bool = False,
    slugs: Iterable[str] | None = None,
    batch_size: int = 200,
    thresholds: Thresholds,
) -> AuditRun:
    """As ``seo.audit.audit``, with ``workers`` processes (check ``workers_possible`` first).

    The processes start here, before the caller starts any thread of its own (a progress bar),
    and stop when ``articles`` is exhausted or closed.
    """
    languages = tuple(languages or settings.MODELTRANSLATION_LANGUAGES)
    slug_list = tuple(slugs) if slugs else None
    auditor = SiteAuditor(thresholds)
    failures: list[AuditFailure] = []
    tasks = (
        BatchTask(
            source_index=index,
            after=after,
            up_to=up_to,
            languages=languages,
            include_drafts=include_drafts,
            slugs=slug_list,
            batch_size=batch_size,
            thresholds=thresholds,
        )
        for index, source in enumerate(registered_sources())
        for after, up_to in source.batch_bounds(
            include_drafts=include_drafts, slugs=slug_list, batch_size=batch_size
        )
    )
    _load_language_data(languages, thresholds)
    # Forked workers must not share this process's connection: each opens its own.
    connections.close_all()
    # The collector must not write to the shared pages in the workers (copying them); the
    # freeze is lifted here once they are forked, so this process frees as usual.
    gc.freeze()
    pool = multiprocessing.get_context("fork").Pool(workers, initializer=_worker_start)
    gc.unfreeze()

    def articles() -> Iterator[AuditedItem]:
        try:
            pending: deque = deque()
            for task in tasks:
                pending.append(pool.apply_async(_audit_batch, (task,)))
                if len(pending) > workers:
                    yield from _hand_on(pending.popleft().get(), auditor, failures)
            while pending:
                yield from _hand_on(pending.popleft().get(), auditor, failures)
        except BaseException:  # stopped early (closed, Ctrl-C) or a worker failed
            pool.terminate()
            pool.join()
            raise
        pool.close()
        pool.join()

    return AuditRun(articles=articles(), auditor=auditor, failures=failures)


def _load_language_data(languages: Sequence[str], thresholds: Thresholds) -> None:
    """Load the engine's language data (lemma and hyphenation tables) here, before the fork,
    so the workers share it copy-on-write instead of each loading its own."""
    for lang in languages:
        analyse(
            SEODocument(
                lang=lang,
                title="Title",
                seo_title="",
                meta_description="",
                slug="title",
                intro_html="<p>One sentence.</p>",
                sections=(),
                conclusion_html="",
                faqs=(),
                keywords=(),
            ),
            thresholds,
        )


def _hand_on(
    outcomes: list[Outcome], auditor: SiteAuditor, failures: list[AuditFailure]
) -> Iterator[AuditedItem]:
    for outcome in outcomes:
        if isinstance(outcome, AuditFailure):
            failures.append(outcome)
            continue
        audited, summary = outcome
        auditor.add_summary(summary)
        yield audited


def _worker_start() -> None:
    # A fresh connection per worker, closed when the worker exits, so PostgreSQL sees a
    # goodbye rather than a dropped connection.
    connections.close_all()
    multiprocessing.util.Finalize(None, connections.close_all, exitpriority=10)


def _audit_batch(task: BatchTask) -> list[Outcome]:
    source = registered_sources()[task.source_index]
    outcomes: list[Outcome] = []
    for item in source.items(
        languages=task.languages,
        include_drafts=task.include_drafts,
        slugs=task.slugs,
        batch_size=task.batch_size,
        after=task.after,
        up_to=task.up_to,
    ):
        outcome = analyse_item(item, task.thresholds)
        if isinstance(outcome, AuditFailure):
            outcomes.append(outcome)
        else:
            outcomes.append((outcome, summarise_for_site(item.document, outcome.report)))
    return outcomes
