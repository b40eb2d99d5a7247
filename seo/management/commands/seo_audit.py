"""Audit every live article (or some) in every language with the SEO engine.

Exit codes scripts can rely on: 0 audited (and within --min-score / --fail-on); 1 some article
scored below --min-score or, with --fail-on problem, some check or site finding is a problem;
2 bad arguments or settings. See docs/seo-checks.md ("seo_audit").
"""

from __future__ import annotations

import io
import os
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from cms.command_paths import output_file
from cms.wording import plural
from seo.audit import (
    AuditedItem,
    AuditFailure,
    AuditRun,
    audit,
    configured_thresholds,
    count_pages,
    slug_exists,
)
from seo.audit_output import FORMATS, TextSink, make_writer
from seo.engine import SUPPORTED_LANGUAGES, SEOReport, SiteFinding, Status, Thresholds
from seo.messages import localised_finding, localised_report
from seo.parallel_audit import audit_in_workers, workers_possible

MESSAGE_LANGUAGES = ("de", "en", "nl", "fr")

BAD_ARGUMENTS = 2
BELOW_THRESHOLD = 1
DEFAULT_BATCH_SIZE = 200
FAIL_ON_LEVELS = ("problem",)
EXAMPLES_SHOWN = 5
# Wide enough that the table's problem lists stay readable in a file or a CI log.
FILE_TABLE_WIDTH = 160


class _RawText:
    """Writes to Django's OutputWrapper without the newline it appends to every write."""

    def __init__(self, wrapper: Any) -> None:
        self.wrapper = wrapper

    def write(self, text: str) -> int:
        self.wrapper.write(text, ending="")
        return len(text)

    def flush(self) -> None:
        self.wrapper.flush()

    def isatty(self) -> bool:
        return self.wrapper.isatty()


@dataclass
class AuditGate:
    """Decides the exit code: counts what falls below ``--min-score`` or ``--fail-on``."""

    min_score: float | None
    fail_on_problem: bool
    below: int = 0
    below_examples: list[str] = field(default_factory=list)
    with_problems: int = 0
    problem_examples: list[str] = field(default_factory=list)
    site_problems: int = 0
    failures: list[AuditFailure] = field(default_factory=list)

    def add_report(self, report: SEOReport) -> None:
        name = f"{report.slug}@{report.lang}"
        if self.min_score is not None and report.score < self.min_score:
            self.below += 1
            if len(self.below_examples) < EXAMPLES_SHOWN:
                self.below_examples.append(f"{name} {report.score}")
        if self.fail_on_problem:
            problems = [check.id for check in report.checks if check.status is Status.PROBLEM]
            if problems:
                self.with_problems += 1
                if len(self.problem_examples) < EXAMPLES_SHOWN:
                    self.problem_examples.append(f"{name} ({', '.join(problems)})")

    def add_site(self, findings: Sequence[SiteFinding]) -> None:
        if self.fail_on_problem:
            self.site_problems += sum(1 for f in findings if f.status is Status.PROBLEM)

    @property
    def failed(self) -> bool:
        return bool(self.below or self.with_problems or self.site_problems or self.failures)

    def summary(self) -> str:
        parts = []
        if self.failures:
            # Whatever else was asked, an audit that could not read everything does not pass.
            shown = self.failures[:EXAMPLES_SHOWN]
            parts.append(
                f"{plural(len(self.failures), 'article version')} could not be audited: "
                + "; ".join(f"{failure.name} ({failure.error})" for failure in shown)
                + (" ..." if len(self.failures) > len(shown) else "")
            )
        if self.below:
            parts.append(
                f"{plural(self.below, 'article version')} scored below {self.min_score:g}: "
                + ", ".join(self.below_examples)
                + (" ..." if self.below > len(self.below_examples) else "")
            )
        if self.with_problems:
            parts.append(
                f"{plural(self.with_problems, 'article version')} "
                f"{'has' if self.with_problems == 1 else 'have'} problems: "
                + "; ".join(self.problem_examples)
                + (" ..." if self.with_problems > len(self.problem_examples) else "")
            )
        if self.site_problems:
            parts.append(
                f"{plural(self.site_problems, 'site finding')} "
                f"{'is a problem' if self.site_problems == 1 else 'are problems'}"
            )
        return "; ".join(parts)


@dataclass(frozen=True)
class AuditRequest:
    """The command's arguments, validated."""

    languages: list[str]
    slugs: list[str]
    include_drafts: bool
    output_format: str
    output_path: str | None
    to_terminal: bool
    colour: bool
    min_score: float | None
    fail_on_problem: bool
    batch_size: int
    thresholds: Thresholds
    message_lang: str | None = None
    workers: int = 1


def _silence_stdout() -> None:
    """Point stdout at /dev/null so Python's final flush does not fail on the closed pipe."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass


def bad_argument(message: str) -> CommandError:
    return CommandError(message, returncode=BAD_ARGUMENTS)


def parse_languages(values: Sequence[str] | None) -> list[str]:
    """``--lang de --lang en,nl`` -> ["de", "en", "nl"]; every language configured and
    supported by the engine. Without --lang: every configured language the engine supports."""
    configured = list(settings.MODELTRANSLATION_LANGUAGES)
    if not values:
        return [code for code in configured if code in SUPPORTED_LANGUAGES]
    languages: list[str] = []
    for value in values:
        for code in (part.strip().lower() for part in value.split(",")):
            if not code:
                continue
            if code not in configured:
                raise bad_argument(
                    f"--lang {code}: not a configured language "
                    f"(configured: {', '.join(configured)})"
                )
            if code not in SUPPORTED_LANGUAGES:
                raise bad_argument(
                    f"--lang {code}: the SEO engine has no profile for this language "
                    f"(supported: {', '.join(SUPPORTED_LANGUAGES)})"
                )
            if code not in languages:
                languages.append(code)
    if not languages:
        raise bad_argument("--lang: no language given")
    return languages


def parse_number(option: str, raw: str | None, *, low: float, high: float | None) -> float | None:
    if raw is None:
        return None
    try:
        value = float(raw)
    except ValueError:
        value = float("nan")
    if not (value >= low and (high is None or value <= high)):
        limit = f"from {low:g} to {high:g}" if high is not None else f"of at least {low:g}"
        raise bad_argument(f"{option} {raw}: expected a number {limit}")
    return value


def parse_count(option: str, raw: str) -> int:
    if not raw.isdigit() or int(raw) < 1:
        raise bad_argument(f"{option} {raw}: expected a whole number of at least 1")
    return int(raw)


class Command(BaseCommand):
    help = (
        "Audit live articles with the SEO engine, per language, and write the report as a "
        "table (default on a terminal), JSON (default otherwise), CSV or JUnit XML. "
        "Exit code 0: done; 1: --min-score or --fail-on not met; 2: bad arguments."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--article",
            action="append",
            dest="articles",
            metavar="SLUG",
            help="audit only this article (its slug in any language; repeatable). "
            "Site checks need every article and are skipped",
        )
        parser.add_argument(
            "--lang",
            action="append",
            dest="languages",
            metavar="LANG",
            help="audit only these languages (repeatable or comma-separated; default: all "
            "configured languages)",
        )
        parser.add_argument(
            "--include-drafts",
            action="store_true",
            help="audit unpublished articles too, and every article's latest revision",
        )
        parser.add_argument(
            "--format",
            dest="output_format",
            metavar="FORMAT",
            help=f"{' | '.join(FORMATS)} (default: table on a terminal, json otherwise)",
        )
        parser.add_argument(
            "--output", metavar="FILE", help="write the report to FILE instead of stdout"
        )
        parser.add_argument(
            "--min-score",
            metavar="N",
            help="exit with code 1 when any article version scores below N (0-100)",
        )
        parser.add_argument(
            "--fail-on",
            metavar="LEVEL",
            help="'problem': exit with code 1 when any check or site finding is a problem",
        )
        parser.add_argument(
            "--message-lang",
            metavar="LANG",
            help=f"write check messages in this language ({', '.join(MESSAGE_LANGUAGES)}; "
            "default: English). Ids, statuses and details do not change",
        )
        parser.add_argument(
            "--batch-size",
            default=str(DEFAULT_BATCH_SIZE),
            metavar="N",
            help=f"articles read per batch (default {DEFAULT_BATCH_SIZE})",
        )
        parser.add_argument(
            "--workers",
            default="1",
            metavar="N",
            help="audit with N processes, a batch at a time each (PostgreSQL; default 1). "
            "The report is the same as with one",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        request = self._validated(options)
        gate = AuditGate(min_score=request.min_score, fail_on_problem=request.fail_on_problem)
        started = time.perf_counter()
        try:
            count = self._audit(request, gate, options)
        except BrokenPipeError:
            # The reader went away (`seo_audit | head`): stop quietly, like other Unix tools.
            _silence_stdout()
            raise CommandError(
                "output closed before the report was complete", returncode=1
            ) from None
        self._report_done(count, time.perf_counter() - started, request, options["verbosity"])
        if gate.failed:
            raise CommandError(gate.summary(), returncode=BELOW_THRESHOLD)

    def _validated(self, options: dict[str, Any]) -> AuditRequest:
        """Every argument checked before anything is read or written (exit code 2)."""
        languages = parse_languages(options["languages"])
        min_score = parse_number("--min-score", options["min_score"], low=0, high=100)
        fail_on = options["fail_on"]
        if fail_on is not None and fail_on not in FAIL_ON_LEVELS:
            raise bad_argument(f"--fail-on {fail_on}: expected one of: {', '.join(FAIL_ON_LEVELS)}")
        batch_size = parse_count("--batch-size", options["batch_size"])
        workers = parse_count("--workers", options["workers"])
        message_lang = options["message_lang"]
        if message_lang is not None and message_lang not in MESSAGE_LANGUAGES:
            raise bad_argument(
                f"--message-lang {message_lang}: expected one of: {', '.join(MESSAGE_LANGUAGES)}"
            )
        output_path = options["output"] if options["output"] not in (None, "-") else None
        if output_path is not None:
            output_file(output_path)
        to_terminal = output_path is None and self.stdout.isatty()
        output_format = options["output_format"] or ("table" if to_terminal else "json")
        if output_format not in FORMATS:
            raise bad_argument(f"--format {output_format}: expected one of: {', '.join(FORMATS)}")
        try:
            thresholds = configured_thresholds()
        except (TypeError, ValueError) as error:
            raise bad_argument(f"SEO_THRESHOLDS setting: {error}") from None
        slugs = list(dict.fromkeys(options["articles"] or ()))
        for slug in slugs:
            if not slug_exists(slug):
                raise bad_argument(f"--article {slug}: no article has this slug in any language")
        return AuditRequest(
            languages=languages,
            slugs=slugs,
            include_drafts=options["include_drafts"],
            output_format=output_format,
            output_path=output_path,
            to_terminal=to_terminal,
            colour=(to_terminal and not options["no_color"]) or options["force_color"],
            min_score=min_score,
            fail_on_problem=fail_on == "problem",
            batch_size=batch_size,
            thresholds=thresholds,
            message_lang=message_lang,
            workers=workers,
        )

    def _audit(self, request: AuditRequest, gate: AuditGate, options: dict[str, Any]) -> int:
        """Streams the audit into the writer; returns how many article versions it audited."""
        count = 0
        with ExitStack() as stack:
            writer = make_writer(
                request.output_format,
                self._open_output(request.output_path, stack),
                admin_base_url=getattr(settings, "WAGTAILADMIN_BASE_URL", ""),
                colour=request.colour,
                width=None if request.to_terminal else FILE_TABLE_WIDTH,
                detailed=options["verbosity"] >= 2,
            )
            run = self._run(request)
            # A bar on the terminal that also shows a streamed report would garble it.
            show_progress = self.stderr.isatty() and (
                request.output_format == "table" or not request.to_terminal
            )
            writer.start()
            with self._progress(show_progress, request) as advance:
                for audited in run.articles:
                    if request.message_lang:
                        audited = AuditedItem(
                            audited.item, localised_report(audited.report, request.message_lang)
                        )
                    writer.article(audited)
                    gate.add_report(audited.report)
                    count += 1
                    advance(audited)
            findings = [] if request.slugs else run.site_findings()
            if request.message_lang:
                findings = [localised_finding(f, request.message_lang) for f in findings]
            writer.finish(findings)
            gate.add_site(findings)
            gate.failures = run.failures
        return count

    def _run(self, request: AuditRequest) -> AuditRun:
        arguments: dict[str, Any] = {
            "languages": request.languages,
            "include_drafts": request.include_drafts,
            "slugs": request.slugs or None,
            "batch_size": request.batch_size,
            "thresholds": request.thresholds,
        }
        if request.workers > 1:
            reason = workers_possible()
            if reason is None:
                return audit_in_workers(workers=request.workers, **arguments)
            self.stderr.write(f"--workers {request.workers}: using one, as {reason}")
        return audit(**arguments)

    def _open_output(self, path: str | None, stack: ExitStack) -> TextSink:
        if path is None:
            return _RawText(self.stdout)
        try:
            # newline="": csv writes its own \r\n line ends, the other formats want plain \n.
            return stack.enter_context(open(path, "w", encoding="utf-8", newline=""))
        except OSError as error:
            raise bad_argument(f"--output {path}: {error.strerror}") from None

    @contextmanager
    def _progress(
        self, enabled: bool, request: AuditRequest
    ) -> Iterator[Callable[[AuditedItem], None]]:
        """A progress bar over pages on stderr, only on a terminal."""
        if not enabled:
            yield lambda audited: None
            return
        total = count_pages(include_drafts=request.include_drafts, slugs=request.slugs or None)
        console = Console(file=_RawText(self.stderr), force_terminal=True)  # type: ignore[arg-type]
        columns = (
            TextColumn("Auditing"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
        )
        with Progress(*columns, console=console, transient=True) as progress:
            task = progress.add_task("audit", total=total)
            last_page: list[int | None] = [None]

            def advance(audited: AuditedItem) -> None:
                # Items come per page and language; the bar counts pages.
                if audited.item.page_id != last_page[0]:
                    last_page[0] = audited.item.page_id
                    progress.advance(task)

            yield advance

    def _report_done(
        self, count: int, seconds: float, request: AuditRequest, verbosity: int
    ) -> None:
        if verbosity < 1:
            return
        if count == 0:
            hint = "" if request.include_drafts else " (drafts need --include-drafts)"
            self.stderr.write(f"No articles matched{hint}.", style_func=self.style.WARNING)
            return
        notes = " Site checks skipped: they need every article." if request.slugs else ""
        where = f" to {request.output_path}" if request.output_path else ""
        self.stderr.write(
            f"Audited {plural(count, 'article version')} in {seconds:.1f} s{where}.{notes}",
            style_func=lambda text: text,
        )
