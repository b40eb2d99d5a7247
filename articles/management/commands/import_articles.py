"""Import plain-text articles (see docs/import-export.md). Exit codes: 0 every file imported,
unchanged or skipped; 1 some file failed, or --publish held some back as drafts because of
holes; 2 bad arguments."""

from __future__ import annotations

import glob
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db.models import Q
from modeltranslation.utils import build_localized_fieldname
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from articles.importing import FileReport, ImportOptions, Outcome, import_article_files
from articles.models import ArticleIndexPage, ArticlePage
from articles.parallel_import import import_in_workers, workers_possible
from cms.command_paths import bad_path, input_path_problem, is_kernel_folder
from cms.wording import plural

BAD_ARGUMENTS = 2
SOME_FILES_FAILED = 1
ARTICLE_FILE_SUFFIX = ".txt"
GLOB_CHARACTERS = set("*?[")


class Command(BaseCommand):
    help = (
        "Create or update articles from plain-text files (files, folders of *.txt files, or "
        "glob patterns). Saves draft revisions unless --publish. Importing an unchanged file "
        "changes nothing. --publish publishes nothing with holes (a question without answer, an "
        "incomplete translation): such files are saved as drafts and reported, unless "
        "--allow-incomplete. Exit code 0: all done; 1: some file failed or was held back as a "
        "draft; 2: bad arguments."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", metavar="PATH", help="file, folder or glob")
        parser.add_argument(
            "--lang",
            help="the files' language (default: detected from the block headings and markers)",
        )
        parser.add_argument(
            "--translation-of",
            metavar="SLUG",
            help="fill this existing article's fields in the files' language instead of "
            "creating articles (SLUG in any language)",
        )
        parser.add_argument(
            "--publish", action="store_true", help="publish (default: save a draft revision)"
        )
        parser.add_argument(
            "--allow-incomplete",
            action="store_true",
            help="with --publish: publish files with holes too (warned about); an incomplete "
            "language stays hidden until complete with CMS_INCOMPLETE_LANGUAGES=hide",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="parse and report what would happen, write nothing",
        )
        parser.add_argument(
            "--parent",
            metavar="INDEX",
            help="the article index page: id or slug (default: the only article index)",
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=1,
            metavar="N",
            help="import with N processes, each file still in its own transaction "
            "(PostgreSQL; SQLite and --translation-of use one)",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="also overwrite articles that are locked or have an editor's unpublished draft",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        language = options["lang"]
        if language is not None and language not in settings.MODELTRANSLATION_LANGUAGES:
            raise CommandError(
                f"--lang {language}: not a configured language "
                f"(configured: {', '.join(settings.MODELTRANSLATION_LANGUAGES)})",
                returncode=BAD_ARGUMENTS,
            )
        workers = options["workers"]
        if workers < 1:
            raise CommandError(f"--workers {workers}: must be 1 or more", returncode=BAD_ARGUMENTS)
        files = article_files(options["paths"])
        parent = resolve_parent(options["parent"])
        translation_of = None
        if options["translation_of"]:
            translation_of = resolve_article(options["translation_of"], parent)
        import_options = ImportOptions(
            parent=parent,
            language=language,
            translation_of=translation_of,
            publish=options["publish"],
            dry_run=options["dry_run"],
            force=options["force"],
            allow_incomplete=options["allow_incomplete"],
        )

        reports = self._reports(files, import_options, workers=min(workers, len(files)))
        counts: Counter[Outcome] = Counter()
        held = 0
        with self._progress(len(files)) as (advance, emit):
            for report in reports:
                counts[report.outcome] += 1
                held += report.held
                for line in self._describe(report, dry_run=options["dry_run"]):
                    emit(line)
                advance()

        summary = ", ".join(f"{counts[outcome]} {outcome}" for outcome in Outcome)
        if held:
            verb = "would be held" if options["dry_run"] else "held"
            summary += f"; {held} {verb} back as drafts (holes)"
        prefix = "Dry run, nothing written: " if options["dry_run"] else ""
        self.stdout.write(f"{prefix}{summary} ({plural(len(files), 'file')})")
        if counts[Outcome.FAILED]:
            raise CommandError(
                "the file failed"
                if len(files) == 1
                else f"{counts[Outcome.FAILED]} of {len(files)} files failed",
                returncode=SOME_FILES_FAILED,
            )
        if held:
            raise CommandError(
                f"{held} of {len(files)} files not published because of holes (saved as "
                "drafts); --allow-incomplete publishes them anyway",
                returncode=SOME_FILES_FAILED,
            )

    def _reports(
        self, files: list[Path], options: ImportOptions, *, workers: int
    ) -> Iterator[FileReport]:
        if workers > 1:
            reason = workers_possible(options)
            if reason is None:
                return import_in_workers(files, options=options, workers=workers)
            self.stderr.write(f"--workers {workers}: using one, as {reason}")
        return import_article_files(files, options=options)

    def _describe(self, report: FileReport, *, dry_run: bool) -> list[str]:
        verb = report.outcome.value
        if dry_run and report.outcome in (Outcome.CREATED, Outcome.UPDATED):
            verb = f"would be {verb}"
        style = {
            Outcome.CREATED: self.style.SUCCESS,
            Outcome.UPDATED: self.style.SUCCESS,
            Outcome.SKIPPED: self.style.WARNING,
            Outcome.FAILED: self.style.ERROR,
        }.get(report.outcome, str)
        if report.held:
            style = self.style.ERROR
            verb = f"{verb}, not published"
        where = ""
        if report.slug:
            where = f" -> {report.language}:{report.slug}"
            if report.page_id:
                where += f" (#{report.page_id})"
        reason = f": {report.reason}" if report.reason else ""
        lines = [style(f"{report.source}: {verb}{where}{reason}")]
        lines += [f"  {diagnostic}" for diagnostic in report.diagnostics]
        return lines

    @contextmanager
    def _progress(self, total: int) -> Iterator[tuple[Callable[[], None], Callable[[str], None]]]:
        """A progress bar on a terminal; plain lines when the output is a file or a pipe."""
        if not self.stdout.isatty():
            yield (lambda: None), self.stdout.write
            return
        console = Console(file=getattr(self.stdout, "_out", sys.stdout))
        columns = (TextColumn("Importing"), BarColumn(), MofNCompleteColumn())
        # Refreshed by hand, not by rich's refresh thread: worker processes are forked while
        # the bar is shown, and forking a process with a running thread is unsafe.
        with Progress(*columns, console=console, transient=True, auto_refresh=False) as progress:
            task = progress.add_task("import", total=total)

            def advance() -> None:
                progress.advance(task)
                progress.refresh()

            yield (
                advance,
                lambda line: progress.console.print(line, markup=False, highlight=False),
            )


def article_files(patterns: list[str]) -> list[Path]:
    """Files named by ``patterns`` (folders give their *.txt files, recursively), in order and
    without repeats. A pattern that names nothing is a bad argument."""
    files: dict[Path, None] = {}
    for pattern in patterns:
        path = Path(pattern)
        if path.is_dir() and is_kernel_folder(path):
            raise bad_path("", pattern, "a system folder, not a folder of articles")
        if path.is_dir():
            matches = sorted(
                candidate
                for candidate in path.rglob(f"*{ARTICLE_FILE_SUFFIX}")
                if candidate.is_file() and not candidate.name.startswith(".")
            )
        elif path.is_file():
            matches = [path]
        elif GLOB_CHARACTERS & set(pattern):
            matches = sorted(Path(match) for match in glob.glob(pattern, recursive=True))
            matches = [match for match in matches if match.is_file()]
        else:
            matches = []
        if not matches:
            reason = (
                f"a folder without *{ARTICLE_FILE_SUFFIX} files"
                if path.is_dir()
                else input_path_problem(path)
            )
            raise bad_path("", pattern, reason)
        files.update(dict.fromkeys(matches))
    return list(files)


def resolve_parent(value: str | None) -> ArticleIndexPage:
    indexes = ArticleIndexPage.objects.all()
    if value is None:
        found = list(indexes[:2])
        if len(found) == 1:
            return found[0]
        reason = "there is no article index" if not found else "there are several article indexes"
        raise CommandError(f"{reason}; name one with --parent", returncode=BAD_ARGUMENTS)
    match = _by_id_or_slug(indexes, value).first()
    if match is None:
        raise CommandError(
            f"--parent {value}: no article index with that id or slug",
            returncode=BAD_ARGUMENTS,
        )
    return match


def resolve_article(slug: str, parent: ArticleIndexPage) -> ArticlePage:
    articles = ArticlePage.objects.child_of(parent)
    found = list(_by_id_or_slug(articles, slug)[:2])
    if len(found) == 1:
        return found[0]
    if not found:
        raise CommandError(
            f"--translation-of {slug}: no article with that slug below '{parent.title}'",
            returncode=BAD_ARGUMENTS,
        )
    raise CommandError(
        f"--translation-of {slug}: several articles have that slug in different languages "
        f"(#{found[0].pk}, #{found[1].pk}); pass the article's id instead",
        returncode=BAD_ARGUMENTS,
    )


def _by_id_or_slug(queryset, value: str):
    condition = Q()
    for code in settings.MODELTRANSLATION_LANGUAGES:
        condition |= Q(**{build_localized_fieldname("slug", code): value})
    if value.isdigit():
        condition |= Q(pk=int(value))
    return queryset.filter(condition)
