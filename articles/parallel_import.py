"""Import many files with several worker processes, each with its own database connection.

Every file is still imported by ``import_article_files`` in its own transaction, so what a file
writes, and what its report says, is what one process would write and say. What running files
at the same time could change is ruled out:

- The tree insert: treebeard's ``add_child`` locks the parent index row (``SELECT ... FOR
  UPDATE``) before it computes the new page's path, and the lock is held until the file
  commits, so two workers never pick the same path. Only that part of a file waits for the
  other worker; parsing, rich text conversion, lookups and the batched search and reference
  indexing run side by side.
- Two files that name the same article (the same slug in the same language, from the title or
  an export's file name) go to the same worker, in input order: the second one updates what
  the first created, as it would in one process.
- New keywords are created under a per-term transaction lock (``seo/services.py``), so two
  files adding the same keyword at once share one keyword.
- The search index's title-norm update, which rewrites other workers' new entries too, runs
  under a database lock (``cms/search.py``).

Reports come back in input order. PostgreSQL only: SQLite allows one writer at a time, so the
caller runs one process there (``workers_possible``).
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.util
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from django.db import connection, connections

from articles.importing import (
    SEARCH_INDEX_EVERY,
    FileReport,
    ImportOptions,
    candidate_slugs,
    import_article_files,
)


@dataclass
class ChunkStats:
    """What one worker spent on one chunk of files (indexes into the input list)."""

    positions: list[int]
    queries: int
    cpu_seconds: float


@dataclass
class ParallelStats:
    chunks: list[ChunkStats] = field(default_factory=list)


def workers_possible(options: ImportOptions) -> str | None:
    """Why several workers cannot be used here, or None."""
    if connection.vendor != "postgresql":
        return f"{connection.vendor} allows one writer at a time"
    if options.translation_of is not None:
        return "--translation-of writes every file into the same article"
    if connection.in_atomic_block:
        return "the caller's open transaction would be invisible to the workers"
    return None


def chunk_files(paths: Sequence[Path], *, options: ImportOptions, size: int) -> list[list[int]]:
    """Split positions in ``paths`` into chunks of about ``size`` files, in input order, where
    files that could name the same article share the first one's chunk."""
    chunks: list[list[int]] = []
    open_chunk: list[int] = []
    chunk_of_slug: dict[tuple[str, str], list[int]] = {}
    for position, path in enumerate(paths):
        slugs = candidate_slugs(path, options=options)
        target = next((chunk_of_slug[slug] for slug in slugs if slug in chunk_of_slug), None)
        if target is None:
            if len(open_chunk) >= size:
                open_chunk = []
            if not open_chunk:
                chunks.append(open_chunk)
            target = open_chunk
        target.append(position)
        for slug in slugs:
            chunk_of_slug.setdefault(slug, target)
    return chunks


def import_in_workers(
    paths: Sequence[Path],
    *,
    options: ImportOptions,
    workers: int,
    stats: ParallelStats | None = None,
) -> Iterator[FileReport]:
    """Import ``paths`` with ``workers`` processes and yield the reports in input order.

    Stopping early (closing the generator) lets each worker finish its current file and index
    what it has committed; the files not started are not imported.
    """
    paths = list(paths)
    size = max(1, min(SEARCH_INDEX_EVERY, -(-len(paths) // (workers * 4))))
    chunks = chunk_files(paths, options=options, size=size)
    # The workers are forked: they must not share this process's database connections.
    connections.close_all()
    context = multiprocessing.get_context("fork")
    stop = context.Event()
    pool = context.Pool(workers, initializer=_worker_start, initargs=(stop,))
    try:
        tasks = [([(position, paths[position]) for position in chunk], options) for chunk in chunks]
        waiting: dict[int, FileReport] = {}
        next_position = 0
        for reports, chunk_stats in pool.imap_unordered(_import_chunk, tasks):
            if stats is not None:
                stats.chunks.append(chunk_stats)
            waiting.update(reports)
            while next_position in waiting:
                yield waiting.pop(next_position)
                next_position += 1
    finally:
        stop.set()
        pool.close()
        pool.join()


_stop = None


def _worker_start(stop) -> None:
    global _stop
    _stop = stop
    # A fresh connection per worker (the parent closed its own before forking), closed when
    # the worker exits, so PostgreSQL sees a goodbye rather than a dropped connection.
    connections.close_all()
    multiprocessing.util.Finalize(None, connections.close_all, exitpriority=10)


def _import_chunk(
    task: tuple[list[tuple[int, Path]], ImportOptions],
) -> tuple[dict[int, FileReport], ChunkStats]:
    files, options = task
    counter = QueryCounter()
    started = time.process_time()
    reports: dict[int, FileReport] = {}
    with connection.execute_wrapper(counter):
        positions = iter(position for position, _ in files)
        for report in import_article_files(_until_stopped(files), options=options):
            reports[next(positions)] = report
    cpu = time.process_time() - started
    return reports, ChunkStats(list(reports), counter.count, cpu)


def _until_stopped(files: list[tuple[int, Path]]) -> Iterator[Path]:
    for _, path in files:
        if _stop is not None and _stop.is_set():
            return
        yield path


class QueryCounter:
    """A ``connection.execute_wrapper`` that counts queries (no log, no limit)."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)
