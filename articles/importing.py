"""Importing plain-text articles: one file becomes one article in one language, or one language of
an existing article (a translation).

Each file is written in its own transaction, so a file that fails leaves nothing behind. Matching
and protection rules:

- An article is matched by its slug in the file's language below the parent index: the slug of a
  file named like an export (``<slug>.<lang>.txt``) first, then the slug made from the title.
  A match is updated (a new revision), never duplicated; a new article gets the title's slug.
- Importing unchanged text changes nothing: the parsed content is compared with the article's
  latest revision in that language, and no revision is saved when they are equal.
- The importer saves revisions without a user. A latest revision that has a user and is newer
  than the live one is an editor's unpublished draft: it is not overwritten, nor is a locked page
  (a lock, a workflow in moderation, scheduled publishing), unless ``force``.
- Fields the text format does not carry (SEO title, search description, author, hero image alt
  text) keep their current values.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection, transaction
from modeltranslation.utils import build_localized_fieldname
from wagtail.locks import ScheduledForPublishLock, WorkflowLock
from wagtail.models import Page

from articles.content import ArticleContent
from articles.models import ArticleIndexPage, ArticlePage
from articles.page_content import latest_version, page_content
from articles.reference_batching import flush_reference_updates, reference_updates_batched
from articles.search_batching import flush_search_updates, search_updates_batched
from articles.services import (
    article_create,
    article_publish_latest,
    article_update_language,
)
from articles.textconvert import article_slug, length_errors, parsed_to_content
from articles.textformat import Diagnostic, ParsedArticle, parse_article
from seo.models import Keyword
from seo.tasks import flush_page_audit_refreshes, page_audit_refreshes_batched

# What an export names its files: "<slug>.<lang>.txt".
EXPORT_FILE_NAME = re.compile(r"^(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)\.(?P<lang>[a-z]{2,3})\.txt$")


# The reason of a file skipped because of ``ImportOptions.only_new``.
ALREADY_THERE = "already there"


class Outcome(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    SKIPPED = "skipped"
    FAILED = "failed"


@dataclass(frozen=True)
class ImportOptions:
    parent: ArticleIndexPage
    language: str | None = None  # forces the language instead of detecting it
    translation_of: ArticlePage | None = None
    publish: bool = False
    dry_run: bool = False
    force: bool = False
    # Create articles and add missing languages only, never change an existing language version
    # (the demo loader: an editor's changes to a demo article survive the next `make run`).
    only_new: bool = False


@dataclass
class FileReport:
    source: str
    outcome: Outcome
    language: str | None = None
    slug: str | None = None
    page_id: int | None = None
    # Why a file was skipped or failed, or what an update did beyond the content ("published").
    reason: str = ""
    diagnostics: list[Diagnostic] = field(default_factory=list)


class _Refused(Exception):
    """The file cannot be imported for a reason that concerns the whole file."""

    def __init__(self, outcome: Outcome, reason: str) -> None:
        super().__init__(reason)
        self.outcome = outcome
        self.reason = reason


def import_article(data: str | bytes, *, source: str, options: ImportOptions) -> FileReport:
    """Import one article text. ``source`` names it in messages (and its file name may carry the
    slug of an export). Never raises for bad input: problems are in the report."""
    parsed = parse_article(data, source=source, language=options.language)
    report = FileReport(source=source, outcome=Outcome.FAILED, diagnostics=list(parsed.diagnostics))
    if not parsed.ok or parsed.article is None:
        report.reason = "the file has errors"
        return report
    article = parsed.article
    report.language = article.language
    too_long = length_errors(article, source=source)
    if too_long:
        report.diagnostics += too_long
        report.reason = "the file has errors"
        return report
    return _written(report, lambda: _write(article, report, Path(source).name, options))


def import_content(
    content: ArticleContent, *, lang: str, source: str, options: ImportOptions
) -> FileReport:
    """Import ready-made content (the demo articles) exactly as a file: matched by its slug in
    ``lang`` (or written into ``options.translation_of``), compared with the latest revision
    (unchanged content saves nothing), protected and written by the same code. Fields left
    empty in ``content`` that the article has (the author of a translation) are kept."""
    report = FileReport(source=source, outcome=Outcome.FAILED, language=lang)

    def build(slug: str, current: ArticleContent | None) -> ArticleContent:
        author = content.author_name or (current.author_name if current else "")
        return dataclasses.replace(content, slug=slug, author_name=author)

    return _written(
        report,
        lambda: _write_version(
            lang=lang,
            title=content.title,
            match_slugs=[content.slug],
            new_slug=content.slug,
            build=build,
            report=report,
            options=options,
        ),
    )


def _written(report: FileReport, write: Callable[[], None]) -> FileReport:
    """Run ``write`` in a transaction of its own; refusals and errors go into the report."""
    try:
        _check_language(report.language)
        with transaction.atomic():
            write()
    except _Refused as refusal:
        report.outcome = refusal.outcome
        report.reason = refusal.reason
    except ValidationError as error:
        report.outcome = Outcome.FAILED
        report.reason = "; ".join(_validation_messages(error))
    except DatabaseError as error:
        report.outcome = Outcome.FAILED
        report.reason = f"database error: {error}".strip()
    return report


# Indexing for search recomputes a statistic over the whole index (modelsearch's title norms),
# and the reference index reads each page back, so a run of many files indexes every so many
# files, together, instead of after each one.
SEARCH_INDEX_EVERY = 50


def import_article_files(paths: Iterable[Path], *, options: ImportOptions) -> Iterator[FileReport]:
    """Import files one after the other, each in its own transaction, yielding their reports.

    The search and reference indexes, and the SEO audit of published articles, are updated for
    every ``SEARCH_INDEX_EVERY`` files and at the end (also when the caller stops early), after
    those files are committed.
    """
    with search_updates_batched(), reference_updates_batched(), page_audit_refreshes_batched():
        try:
            for position, path in enumerate(paths, start=1):
                yield import_article_file(path, options=options)
                if position % SEARCH_INDEX_EVERY == 0:
                    flush_index_updates()
                    refresh_planner_statistics()
        finally:
            flush_index_updates()


def flush_index_updates() -> None:
    """Index the pages written so far in the current batch: references, then search; then
    queue their SEO audit refreshes. Each is safe next to other importers (parallel workers):
    the reference index works in one transaction of its own, and the search backend
    serialises only its title-norm update (``cms/search.py``)."""
    flush_reference_updates()
    flush_search_updates()
    # The SEO audit of published pages, after the index (it is a task: it runs here with the
    # immediate backend, in a worker with a queue).
    flush_page_audit_refreshes()


# Tables an import looks rows up in by value (keywords by term, pages by slug) and grows fast.
LOOKUP_TABLES = (Keyword._meta.db_table, Page._meta.db_table)


def refresh_planner_statistics() -> None:
    """ANALYZE the look-up tables once they changed by more than autovacuum's own threshold
    (50 rows + 10 %) since their last analysis, as autovacuum would, on PostgreSQL.

    A bulk import outgrows statistics faster than autovacuum revisits them (once a minute, when
    it runs at all: this project's test and CI servers have it off). PostgreSQL then plans the
    keyword look-up for a table of a few rows and scans the whole table for each article: 4 of
    the 16 ms of database time per article at 1,000 articles, growing with every import.
    """
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname FROM pg_stat_user_tables WHERE relname = ANY(%s) "
            "AND n_mod_since_analyze > 50 + 0.1 * greatest(n_live_tup, 0)",
            [list(LOOKUP_TABLES)],
        )
        stale = [row[0] for row in cursor.fetchall()]
        for table in stale:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")


def candidate_slugs(path: Path, *, options: ImportOptions) -> set[tuple[str, str]]:
    """The (language, slug) pairs by which the file at ``path`` could match an article; empty
    when it cannot be read or parsed (it will fail on its own)."""
    try:
        data = path.read_bytes()
    except OSError:
        return set()
    parsed = parse_article(data, source=str(path), language=options.language)
    article = parsed.article
    if not parsed.ok or article is None or article.language is None:
        return set()
    lang = article.language
    slugs = [_export_slug(path.name, lang), article_slug(article.title, language=lang)]
    return {(lang, slug) for slug in slugs if slug}


def import_article_file(path: Path, *, options: ImportOptions) -> FileReport:
    try:
        data = path.read_bytes()
    except OSError as error:
        return FileReport(
            source=str(path), outcome=Outcome.FAILED, reason=f"cannot read: {error.strerror}"
        )
    return import_article(data, source=str(path), options=options)


def _check_language(language: str | None) -> None:
    if language is None:
        raise _Refused(
            Outcome.FAILED, "the language could not be recognised from the headings; pass --lang"
        )
    if language not in settings.MODELTRANSLATION_LANGUAGES:
        configured = ", ".join(settings.MODELTRANSLATION_LANGUAGES)
        raise _Refused(
            Outcome.FAILED,
            f"language '{language}' is not configured (CMS_LANGUAGES: {configured})",
        )


def _write(
    article: ParsedArticle, report: FileReport, file_name: str, options: ImportOptions
) -> None:
    lang = article.language
    assert lang is not None
    title_slug = article_slug(article.title, language=lang)

    def build(slug: str, current: ArticleContent | None) -> ArticleContent:
        return parsed_to_content(article, slug=slug, keep=current)

    _write_version(
        lang=lang,
        title=article.title,
        match_slugs=[_export_slug(file_name, lang), title_slug],
        new_slug=title_slug,
        build=build,
        report=report,
        options=options,
    )


def _write_version(
    *,
    lang: str,
    title: str,
    match_slugs: list[str | None],
    new_slug: str,
    build: Callable[[str, ArticleContent | None], ArticleContent],
    report: FileReport,
    options: ImportOptions,
) -> None:
    """Find the article (``options.translation_of``, or the first of ``match_slugs`` in
    ``lang``), then create it, update it or leave it unchanged with the content
    ``build(slug, current content)`` gives."""
    slug_column = build_localized_fieldname("slug", lang)
    siblings = ArticlePage.objects.child_of(options.parent)

    if options.translation_of is not None:
        page = ArticlePage.objects.get(pk=options.translation_of.pk)
        slug = getattr(page, slug_column) or new_slug
        holder = siblings.filter(**{slug_column: slug}).exclude(pk=page.pk).first()
        if holder is not None:
            raise _Refused(
                Outcome.FAILED,
                f"slug '{slug}' ({lang}) is already used by article #{holder.pk} '{holder.title}'",
            )
    else:
        page = _find_article(siblings, slug_column, match_slugs)
        slug = getattr(page, slug_column) if page is not None else new_slug
    if not slug:
        raise _Refused(Outcome.FAILED, f"the title '{title}' gives no usable slug")
    report.slug = slug

    if page is None:
        content = build(slug, None)
        report.outcome = Outcome.CREATED
        if not options.dry_run:
            page = article_create(
                parent=options.parent,
                lang=lang,
                content=content,
                publish=options.publish,
                refresh=False,  # the report needs the id only
            )
            report.page_id = page.pk
        return

    report.page_id = page.pk
    current = page_content(latest_version(page), lang)
    if options.only_new and current.title:
        raise _Refused(Outcome.SKIPPED, f"{ALREADY_THERE} in {lang}; left as it is")
    content = build(slug, current)
    unchanged = _same_content(content, current)
    needs_publishing = options.publish and (not page.live or page.has_unpublished_changes)
    if unchanged and not needs_publishing:
        report.outcome = Outcome.UNCHANGED
        return
    blocked = _blocked_reason(page)
    if blocked and not options.force:
        raise _Refused(Outcome.SKIPPED, f"{blocked}; --force overwrites it")

    report.outcome = Outcome.UPDATED
    if unchanged:
        report.reason = "published the latest revision"
        if not options.dry_run:
            article_publish_latest(page=page)
        return
    if not options.dry_run:
        article_update_language(page=page, lang=lang, content=content, publish=options.publish)


def _export_slug(file_name: str, lang: str) -> str | None:
    match = EXPORT_FILE_NAME.match(file_name)
    if match is None or match["lang"] != lang:
        return None
    return match["slug"]


def _find_article(siblings, slug_column: str, slugs: list[str | None]) -> ArticlePage | None:
    candidates = [slug for slug in slugs if slug]
    if not candidates:
        return None
    found = {
        getattr(page, slug_column): page
        for page in siblings.filter(**{f"{slug_column}__in": candidates})
    }
    return next((found[slug] for slug in candidates if slug in found), None)


def _same_content(new: ArticleContent, current: ArticleContent) -> bool:
    """Equal, with keyword terms compared ignoring case: keywords are shared and found
    case-insensitively, so "darm" may be stored as an existing "Darm"."""

    def normalised(content: ArticleContent) -> ArticleContent:
        keywords = tuple(
            type(keyword)(term=keyword.term.casefold(), focus=keyword.focus)
            for keyword in content.keywords
        )
        return ArticleContent(**{**content.__dict__, "keywords": keywords})

    return normalised(new) == normalised(current)


def _blocked_reason(page: ArticlePage) -> str | None:
    """Why an import must not overwrite ``page``, or None."""
    lock = page.get_lock()
    if isinstance(lock, WorkflowLock):
        return f"the page is in moderation (workflow task '{lock.task}')"
    if isinstance(lock, ScheduledForPublishLock):
        return "a revision of the page is scheduled to go live"
    if lock is not None:
        return f"the page is locked by {page.locked_by}" if page.locked_by else "the page is locked"
    if page.has_unpublished_changes and page.latest_revision_id != page.live_revision_id:
        latest = page.latest_revision
        if latest is not None and latest.user_id is not None:
            return (
                f"its latest revision #{latest.pk} ({latest.created_at:%Y-%m-%d %H:%M}) is an "
                f"unpublished draft by {latest.user}"
            )
    return None


def _validation_messages(error: ValidationError) -> list[str]:
    if hasattr(error, "error_dict"):
        return [
            f"{field_name}: {message}"
            for field_name, messages in error.message_dict.items()
            for message in messages
        ]
    return list(error.messages)
