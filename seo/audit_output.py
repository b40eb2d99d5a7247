"""How ``seo_audit`` writes its results: JSON, CSV, JUnit XML or a rich table.

Every writer receives the audited articles one at a time (``article``) and the site findings at
the end (``finish``). JSON, CSV and JUnit write each article as it arrives and keep nothing, so
an audit of 100,000 articles needs no more memory than one of 100. The table keeps one short row
of strings per article because it is read by a person on a terminal and is laid out at the end.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Sequence
from typing import Any, Protocol
from urllib.parse import urljoin
from xml.etree import ElementTree

from rich.console import Console
from rich.table import Table
from rich.text import Text

from cms.wording import plural
from seo.audit import AuditedItem
from seo.engine import SiteFinding, Status

FORMATS = ("table", "json", "csv", "junit")

CSV_COLUMNS = (
    "kind",
    "slug",
    "lang",
    "page_id",
    "article_score",
    "id",
    "status",
    "score",
    "message",
    "details",
)

# Scores at or above GOOD_SCORE are shown green in the table, at or above OK_SCORE yellow,
# below it red: the same bands the admin panel uses for the overall score.
GOOD_SCORE = 80
OK_SCORE = 50
SITE_ARTICLES_SHOWN = 5


class TextSink(Protocol):
    def write(self, text: str, /) -> Any: ...


def article_entry(audited: AuditedItem, *, admin_base_url: str = "") -> dict[str, Any]:
    """One article language version as the JSON report shows it: the engine's report plus
    where the article lives (``page_id``, ``title``, ``url``, ``live``, ``edit_url``)."""
    item = audited.item
    entry = audited.report.to_dict()
    entry.update(
        page_id=item.page_id,
        title=item.title,
        url=item.document.url,
        live=item.live,
        edit_url=urljoin(admin_base_url, item.edit_url) if admin_base_url else item.edit_url,
    )
    return entry


# Characters XML 1.0 forbids even escaped; a stray one in an article would break the whole file.
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_text(value: object) -> str:
    return _XML_FORBIDDEN.sub("\ufffd", str(value))


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=False)


class AuditWriter:
    """Base writer: ``start()``, then ``article()`` per audited item, then ``finish()``."""

    def __init__(self, out: TextSink, *, admin_base_url: str = "") -> None:
        self.out = out
        self.admin_base_url = admin_base_url

    def start(self) -> None:
        pass

    def article(self, audited: AuditedItem) -> None:
        raise NotImplementedError

    def finish(self, findings: Sequence[SiteFinding]) -> None:
        pass


class JSONAuditWriter(AuditWriter):
    """``{"articles": [...], "site": [...]}``, one article per line, written as it comes."""

    def start(self) -> None:
        self.out.write('{"articles": [')
        self._separator = "\n"

    def article(self, audited: AuditedItem) -> None:
        entry = article_entry(audited, admin_base_url=self.admin_base_url)
        self.out.write(self._separator + _json(entry))
        self._separator = ",\n"

    def finish(self, findings: Sequence[SiteFinding]) -> None:
        site = ",\n".join(_json(finding.to_dict()) for finding in findings)
        self.out.write(f'\n],\n"site": [\n{site}\n]}}\n')


class CSVAuditWriter(AuditWriter):
    """One row per article x language x check (``kind`` "check"), one per keyword ("keyword")
    and one per site finding ("site"); ``details`` holds the measured values as JSON."""

    def start(self) -> None:
        self.writer = csv.writer(self.out)
        self.writer.writerow(CSV_COLUMNS)

    def article(self, audited: AuditedItem) -> None:
        report, item = audited.report, audited.item
        common = (report.slug, report.lang, item.page_id, report.score)
        for check in report.checks:
            self.writer.writerow(
                (
                    "check",
                    *common,
                    check.id,
                    str(check.status),
                    check.score,
                    check.message,
                    _json(check.details),
                )
            )
        for keyword in report.keywords:
            kinds = {"exact": 0, "inflected": 0, "partial": 0}
            for match in keyword.matches:
                kinds[str(match.kind)] += 1
            locations = sorted({match.location for match in keyword.matches})
            summary = ", ".join(f"{count} {kind}" for kind, count in kinds.items())
            where = f" in {', '.join(locations)}" if locations else ""
            details = {
                "focus": keyword.focus,
                "found": keyword.found,
                "count": keyword.count,
                "matches_by_location": keyword.counts_by_location(),
            }
            self.writer.writerow(
                (
                    "keyword",
                    *common,
                    keyword.term,
                    "found" if keyword.found else "missing",
                    keyword.count,
                    f"{summary}{where}",
                    _json(details),
                )
            )

    def finish(self, findings: Sequence[SiteFinding]) -> None:
        for finding in findings:
            self.writer.writerow(
                (
                    "site",
                    "",
                    finding.lang or "",
                    "",
                    "",
                    finding.id,
                    str(finding.status),
                    "",
                    finding.message,
                    _json({"articles": list(finding.articles)}),
                )
            )


class JUnitAuditWriter(AuditWriter):
    """JUnit XML for CI dashboards: a test suite per article language version with one test
    case per check (a "problem" is a failure), and a "site" suite for the site findings.

    Each suite is built with ElementTree and written on its own, so the document is streamed.
    """

    def start(self) -> None:
        self.out.write('<?xml version="1.0" encoding="utf-8"?>\n<testsuites name="seo_audit">\n')

    def article(self, audited: AuditedItem) -> None:
        report, item = audited.report, audited.item
        suite = ElementTree.Element(
            "testsuite",
            name=_xml_text(f"{report.slug}@{report.lang}"),
            tests=str(len(report.checks)),
            failures=str(sum(1 for check in report.checks if check.status is Status.PROBLEM)),
            errors="0",
            skipped="0",
        )
        properties = ElementTree.SubElement(suite, "properties")
        for name, value in (
            ("score", report.score),
            ("page_id", item.page_id),
            ("title", item.title),
            ("url", item.document.url),
        ):
            ElementTree.SubElement(properties, "property", name=name, value=_xml_text(value))
        classname = _xml_text(f"seo.{report.lang}.{report.slug}")
        for check in report.checks:
            case = ElementTree.SubElement(suite, "testcase", classname=classname, name=check.id)
            self._outcome(case, check.status, check.message, _json(check.details))
        self._write(suite)

    def finish(self, findings: Sequence[SiteFinding]) -> None:
        suite = ElementTree.Element(
            "testsuite",
            name="site",
            tests=str(len(findings)),
            failures=str(sum(1 for finding in findings if finding.status is Status.PROBLEM)),
            errors="0",
            skipped="0",
        )
        for finding in findings:
            name = f"{finding.id}[{finding.lang}]" if finding.lang else finding.id
            case = ElementTree.SubElement(suite, "testcase", classname="seo.site", name=name)
            self._outcome(case, finding.status, finding.message, "\n".join(finding.articles))
        self._write(suite)
        self.out.write("</testsuites>\n")

    @staticmethod
    def _outcome(case: ElementTree.Element, status: Status, message: str, body: str) -> None:
        if status is Status.PROBLEM:
            failure = ElementTree.SubElement(
                case, "failure", message=_xml_text(message), type="problem"
            )
            failure.text = _xml_text(body)
        elif status is Status.OK:
            ElementTree.SubElement(case, "system-out").text = _xml_text(f"ok: {message}")

    def _write(self, element: ElementTree.Element) -> None:
        ElementTree.indent(element, space="  ", level=1)
        self.out.write("  " + ElementTree.tostring(element, encoding="unicode") + "\n")


def _score_style(score: int) -> str:
    if score >= GOOD_SCORE:
        return "green"
    return "yellow" if score >= OK_SCORE else "red"


_STATUS_STYLE = {Status.GOOD: "green", Status.OK: "yellow", Status.PROBLEM: "bold red"}


class TableAuditWriter(AuditWriter):
    """A table per audit for people: score, problems and warnings per article language version,
    then the site findings. Coloured when ``colour`` is true (a terminal). With ``detailed``
    each problem and warning is listed with its message under the table."""

    def __init__(
        self,
        out: TextSink,
        *,
        admin_base_url: str = "",
        colour: bool = False,
        width: int | None = None,
        detailed: bool = False,
    ) -> None:
        super().__init__(out, admin_base_url=admin_base_url)
        self.console = Console(
            file=out,  # type: ignore[arg-type]  # anything with write() will do
            force_terminal=colour,
            no_color=not colour,
            width=width,
            highlight=False,
            soft_wrap=False,
        )
        self.detailed = detailed
        self.rows: list[tuple[str, str, int, str, str]] = []
        self.details: list[tuple[str, list[tuple[Status, str, str]]]] = []

    def article(self, audited: AuditedItem) -> None:
        report = audited.report
        problems = [c.id for c in report.checks if c.status is Status.PROBLEM]
        warnings = [c.id for c in report.checks if c.status is Status.OK]
        self.rows.append(
            (report.slug, report.lang, report.score, ", ".join(problems), ", ".join(warnings))
        )
        if self.detailed:
            self.details.append(
                (
                    f"{report.slug}@{report.lang}",
                    [
                        (c.status, c.id, c.message)
                        for c in report.checks
                        if c.status is not Status.GOOD
                    ],
                )
            )

    def finish(self, findings: Sequence[SiteFinding]) -> None:
        table = Table(title="SEO audit", title_justify="left", expand=False)
        table.add_column("Article", overflow="fold")
        table.add_column("Lang")
        table.add_column("Score", justify="right")
        table.add_column("Problems", style="red", overflow="fold")
        table.add_column("Warnings", style="yellow", overflow="fold")
        for slug, lang, score, problems, warnings in self.rows:
            table.add_row(
                slug, lang, Text(str(score), style=_score_style(score)), problems, warnings
            )
        self.console.print(table)
        for name, checks in self.details:
            self.console.print(Text(name, style="bold"))
            for status, check_id, message in checks:
                line = Text("  ")
                line.append(f"{status:<8}", style=_STATUS_STYLE[status])
                line.append(f"{check_id}: {message}")
                self.console.print(line)
        self._print_site(findings)
        self._print_summary()

    def _print_site(self, findings: Sequence[SiteFinding]) -> None:
        if not findings:
            return
        site = Table(title="Site", title_justify="left")
        site.add_column("Check")
        site.add_column("Lang")
        site.add_column("Status")
        site.add_column("Message", overflow="fold")
        site.add_column("Articles", overflow="fold")
        for finding in findings:
            shown = list(finding.articles[:SITE_ARTICLES_SHOWN])
            if len(finding.articles) > SITE_ARTICLES_SHOWN:
                shown.append(f"... {len(finding.articles) - SITE_ARTICLES_SHOWN} more")
            site.add_row(
                finding.id,
                finding.lang or "",
                Text(str(finding.status), style=_STATUS_STYLE[finding.status]),
                finding.message,
                "\n".join(shown),
            )
        self.console.print(site)

    def _print_summary(self) -> None:
        if not self.rows:
            self.console.print("No articles audited.")
            return
        average = sum(row[2] for row in self.rows) / len(self.rows)
        self.console.print(
            f"{plural(len(self.rows), 'article language version')} audited, "
            f"average score {average:.0f}."
        )


def make_writer(
    output_format: str,
    out: TextSink,
    *,
    admin_base_url: str = "",
    colour: bool = False,
    width: int | None = None,
    detailed: bool = False,
) -> AuditWriter:
    if output_format == "table":
        return TableAuditWriter(
            out, admin_base_url=admin_base_url, colour=colour, width=width, detailed=detailed
        )
    writers: dict[str, type[AuditWriter]] = {
        "json": JSONAuditWriter,
        "csv": CSVAuditWriter,
        "junit": JUnitAuditWriter,
    }
    if output_format not in writers:
        raise ValueError(f"unknown format {output_format!r}; use one of: {', '.join(FORMATS)}")
    return writers[output_format](out, admin_base_url=admin_base_url)
