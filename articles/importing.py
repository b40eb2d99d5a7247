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
- ``publish`` publishes nothing with holes: a question without an answer (or an answer without
  a question), or a translation that leaves the article incomplete in its language
  (``articles.completeness``). Such a file is saved as a draft revision instead (nothing is
  lost), the report lists each hole with its line and is ``held``, unless
  ``allow_incomplete``: then it is published and the holes are warnings (with
  ``CMS_INCOMPLETE_LANGUAGES=hide`` the language stays hidden until it is complete).
- A translation whose sections or FAQs do not match the article's in number says which are
  missing or extra, with line numbers: they are still matched by position.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from types import SimpleNamespace

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection, transaction
from modeltranslation.utils import build_localized_fieldname
from wagtail.locks import ScheduledForPublishLock, WorkflowLock
from wagtail.models import Page

from articles.completeness import (
    completeness_by_language,
    language_completeness,
    primary_language,
    translated_languages,
)
from articles.content import ArticleContent
from articles.models import FAQ, ArticleIndexPage, ArticlePage, Section
from articles.page_content import latest_version, page_content
from articles.reference_batching import flush_reference_updates, reference_updates_batched
from articles.search_batching import flush_search_updates, search_updates_batched
from articles.services import (
    article_create,
    article_publish_latest,
    article_update_language,
    model_translated_fields,
)
from articles.textconvert import article_slug, length_errors, parsed_to_content
from articles.textformat import (
    Diagnostic,
    DiagnosticCode,
    ParsedArticle,
    Severity,
    parse_article,
)
from cms.wording import plural
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
    allow_incomplete: bool = False  # publish even with holes (see the module docstring)
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
    # Publishing was asked for, but the content has holes: saved as a draft instead.
    held: bool = False
    holes: list[Diagnostic] = field(default_factory=list)


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
            # Ready-made content has no file lines to name holes by; the demo articles are
            # complete in every language they have (tests/articles/test_load_demo.py).
            holes=lambda latest, built: [],
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

    def holes(latest: ArticlePage | None, content: ArticleContent) -> list[Diagnostic]:
        found = _faq_holes(article, report)
        if latest is not None:
            found += _translation_holes(latest, lang, content, article, report)
        return found

    _write_version(
        lang=lang,
        title=article.title,
        match_slugs=[_export_slug(file_name, lang), title_slug],
        new_slug=title_slug,
        build=build,
        holes=holes,
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
    holes: Callable[[ArticlePage | None, ArticleContent], list[Diagnostic]],
    report: FileReport,
    options: ImportOptions,
) -> None:
    """Find the article (``options.translation_of``, or the first of ``match_slugs`` in
    ``lang``), then create it, update it or leave it unchanged with the content
    ``build(slug, current content)`` gives; ``holes(latest version or None, content)`` are
    what keeps it from being published."""
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
    _name_forced_language_slug(report, lang, slug)

    if page is None:
        content = build(slug, None)
        report.outcome = Outcome.CREATED
        publish = _publish_despite_holes(report, holes(None, content), options)
        if not options.dry_run:
            page = article_create(
                parent=options.parent,
                lang=lang,
                content=content,
                publish=publish,
                refresh=False,  # the report needs the id only
            )
            report.page_id = page.pk
        return

    report.page_id = page.pk
    latest = latest_version(page)
    current = page_content(latest, lang)
    if options.only_new and current.title:
        raise _Refused(Outcome.SKIPPED, f"{ALREADY_THERE} in {lang}; left as it is")
    content = build(slug, current)
    publish = _publish_despite_holes(report, holes(latest, content), options)
    unchanged = _same_content(content, current)
    needs_publishing = publish and (not page.live or page.has_unpublished_changes)
    if unchanged and not needs_publishing:
        report.outcome = Outcome.UNCHANGED
        return
    blocked = _blocked_reason(page)
    if blocked and not options.force:
        raise _Refused(Outcome.SKIPPED, f"{blocked}; --force overwrites it")

    report.outcome = Outcome.UPDATED
    if unchanged:
        report.reason = "; ".join(filter(None, ["published the latest revision", report.reason]))
        if not options.dry_run:
            article_publish_latest(page=page)
        return
    if not options.dry_run:
        article_update_language(page=page, lang=lang, content=content, publish=publish)


def _faq_holes(article: ParsedArticle, report: FileReport) -> list[Diagnostic]:
    """FAQs of the file that cannot be served: a question without an answer, an answer
    without a question (neither is ever published; see ``representation.served_article``)."""
    source = report.source
    holes = [
        _hole(source, diagnostic.line, "an answer without a question cannot be published")
        for diagnostic in report.diagnostics
        if diagnostic.code == DiagnosticCode.ANSWER_WITHOUT_QUESTION
    ]
    for number, faq in enumerate(article.faqs, start=1):
        if not faq.question.strip():
            holes.append(_hole(source, faq.line, f"FAQ {number} has an answer but no question"))
        elif not any(part.strip() for part in faq.answer_paragraphs):
            line = faq.answer_line or faq.line
            holes.append(
                _hole(source, line, f"FAQ {number} ('{_excerpt(faq.question)}') has no answer")
            )
    return holes


def _translation_holes(
    latest: ArticlePage,
    lang: str,
    content: ArticleContent,
    article: ParsedArticle,
    report: FileReport,
) -> list[Diagnostic]:
    """What the article will lack in ``lang`` after this file is written, compared with its
    primary language (``articles.completeness``), each with the file's line where there is
    one. A file in the primary language itself has no such holes; the languages it makes
    incomplete are warned about instead (hidden with ``hide`` until translated)."""
    after = _article_after(latest, lang, content)
    reference = primary_language(after)
    results = {
        code: language_completeness(
            after.page,
            sections=after.sections,
            faqs=after.faqs,
            lang=code,
            reference=reference,
            has_hero_image=latest.hero_image_id is not None,
        )
        for code in translated_languages(after.page)
    }
    if lang == reference:
        before = completeness_by_language(latest)
        for code, result in results.items():
            if code != lang and not result.complete and before[code].complete:
                report.diagnostics.append(
                    Diagnostic(
                        Severity.WARNING,
                        None,
                        "translation-now-incomplete",
                        f"the '{code}' version lacks texts after this change "
                        f"({', '.join(result.labels[:6])}); it is incomplete until translated",
                        report.source,
                    )
                )
        return []
    _count_mismatches(latest, lang, reference, article, report)
    result = results.get(lang)
    if result is None or result.complete:
        return []
    return [
        _hole(report.source, _line_of(item.field, article), f"{item.label} is missing in '{lang}'")
        for item in result.missing
    ]


def _count_mismatches(
    latest: ArticlePage, lang: str, reference: str, article: ParsedArticle, report: FileReport
) -> None:
    """A translation with more or fewer sections or FAQs than the article: say which, with
    line numbers, as they are matched by position."""
    for relation, items, label, text_field in (
        ("sections", article.sections, "section", "heading"),
        ("faqs", article.faqs, "FAQ", "question"),
    ):
        originals = [
            getattr(child, build_localized_fieldname(text_field, reference), None) or ""
            for child in getattr(latest, relation).all()
            if any(
                getattr(child, build_localized_fieldname(name, reference), None)
                for name in model_translated_fields(FAQ if relation == "faqs" else Section)
            )
        ]
        if len(items) == len(originals):
            continue
        if len(items) < len(originals):
            last_line = items[-1].line if items else None
            missing = [
                f"{label} {number} ('{_excerpt(text)}')"
                for number, text in enumerate(originals, start=1)
                if number > len(items)
            ]
            where = f" after {label} {len(items)} (line {last_line})" if last_line else ""
            message = (
                f"the article has {len(originals)} {label}s in '{reference}', this file "
                f"{len(items)}: missing{where}: {', '.join(missing)}; the file's {label}s "
                f"fill the first {len(items)} by position"
            )
            line = last_line
        else:
            extra = [
                f"{label} {number} (line {item.line})"
                for number, item in enumerate(items, start=1)
                if number > len(originals)
            ]
            message = (
                f"the article has {len(originals)} {label}s in '{reference}', this file "
                f"{len(items)}: extra: {', '.join(extra)}; they become new {label}s that the "
                f"other languages lack"
            )
            line = items[len(originals)].line
        report.diagnostics.append(
            Diagnostic(Severity.WARNING, line, f"{relation}-count-mismatch", message, report.source)
        )


def _line_of(path: str, article: ParsedArticle) -> int | None:
    """The file's line for a field path, where the file has that field."""
    match = re.match(r"^(sections|faqs)\[(\d+)\]\.(\w+)$", path)
    if match:
        items = article.sections if match[1] == "sections" else article.faqs
        index = int(match[2])
        if index < len(items):
            item = items[index]
            if match[3] == "answer":
                return getattr(item, "answer_line", None) or item.line
            return item.line
        return items[-1].line if items else None
    return {
        "title": article.title_line,
        "slug": article.title_line,
        "conclusion": article.conclusion_line,
    }.get(path)


def _hole(source: str, line: int | None, message: str) -> Diagnostic:
    return Diagnostic(Severity.ERROR, line, "incomplete", message, source)


def _publish_despite_holes(
    report: FileReport, holes: list[Diagnostic], options: ImportOptions
) -> bool:
    """Whether to publish: not with holes, unless ``allow_incomplete`` (then they are
    warnings). Held files are saved as drafts and reported."""
    if not holes or not options.publish:
        report.diagnostics += [_as_warning(hole) for hole in holes]
        return options.publish
    if options.allow_incomplete:
        report.diagnostics += [_as_warning(hole) for hole in holes]
        report.reason = f"published with {plural(len(holes), 'hole')} (--allow-incomplete)"
        return True
    report.held = True
    report.holes = holes
    report.reason = (
        f"not published, saved as a draft: {plural(len(holes), 'hole')} listed below; fill "
        "them, or pass --allow-incomplete to publish anyway"
    )
    report.diagnostics += holes
    return False


def _as_warning(diagnostic: Diagnostic) -> Diagnostic:
    return Diagnostic(
        Severity.WARNING, diagnostic.line, diagnostic.code, diagnostic.message, diagnostic.source
    )


def _excerpt(text: str, limit: int = 50) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else f"{text[: limit - 1]}…"


@dataclass
class _ArticleAfter:
    page: SimpleNamespace
    sections: list[SimpleNamespace]
    faqs: list[SimpleNamespace]


def _article_after(latest: ArticlePage, lang: str, content: ArticleContent) -> _ArticleAfter:
    """The article's texts as they will be once ``content`` is written in ``lang`` (children by
    position, as ``services`` writes them), without writing anything."""
    languages = settings.MODELTRANSLATION_LANGUAGES
    page_fields = {"title": "title", "slug": "slug", "intro": "intro_html"}
    page_fields |= {"conclusion": "conclusion_html", "hero_image_alt": "hero_image_alt"}
    page = SimpleNamespace(
        **{
            build_localized_fieldname(name, code): getattr(
                latest, build_localized_fieldname(name, code), None
            )
            for name in page_fields
            for code in languages
        }
    )
    for name, attribute in page_fields.items():
        setattr(page, build_localized_fieldname(name, lang), getattr(content, attribute) or None)

    def children(existing, model, rows: list[dict[str, str]]) -> list[SimpleNamespace]:
        names = model_translated_fields(model)
        result = [
            SimpleNamespace(
                **{
                    build_localized_fieldname(name, code): getattr(
                        child, build_localized_fieldname(name, code), None
                    )
                    for name in names
                    for code in languages
                }
            )
            for child in existing
        ]
        for position, values in enumerate(rows):
            if position >= len(result):
                result.append(
                    SimpleNamespace(
                        **{build_localized_fieldname(n, c): None for n in names for c in languages}
                    )
                )
            for name, value in values.items():
                setattr(result[position], build_localized_fieldname(name, lang), value or None)
        for child in result[len(rows) :]:
            for name in names:
                setattr(child, build_localized_fieldname(name, lang), None)
        return [
            child
            for child in result
            if any(
                getattr(child, build_localized_fieldname(n, c)) for n in names for c in languages
            )
        ]

    return _ArticleAfter(
        page=page,
        sections=children(
            latest.sections.all(),
            Section,
            [{"heading": s.heading, "body": s.body_html} for s in content.sections],
        ),
        faqs=children(
            latest.faqs.all(),
            FAQ,
            [{"question": f.question, "answer": f.answer_html} for f in content.faqs],
        ),
    )


def _name_forced_language_slug(report: FileReport, lang: str, slug: str) -> None:
    """A forced ``--lang`` that contradicts the text stays a warning; the slug is made with the
    forced language's transliteration, and the warning says which slug that gave."""
    for index, diagnostic in enumerate(report.diagnostics):
        if diagnostic.code == DiagnosticCode.LANGUAGE_MISMATCH:
            report.diagnostics[index] = Diagnostic(
                diagnostic.severity,
                diagnostic.line,
                diagnostic.code,
                f"{diagnostic.message}; the slug is '{slug}' ('{lang}' transliteration)",
                diagnostic.source,
            )


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
