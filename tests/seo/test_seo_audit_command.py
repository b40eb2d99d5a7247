"""``manage.py seo_audit``: what it audits, its four formats, exit codes and query budget."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings

import seo.audit
from articles.content import ArticleContent, FAQContent, KeywordContent, SectionContent
from articles.services import article_create, article_update_language
from articles.textformat import parse_article
from seo.engine import CHECK_IDS, SITE_CHECK_IDS, CheckResult, SEOReport, SiteFinding, Status
from seo.management.commands.seo_audit import AuditGate
from tests import seed
from tests.factories import ArticleContentFactory
from tests.shared_data import shared_data

REPO_ROOT = Path(__file__).resolve().parents[2]
LOCATIONS = {
    "title",
    "seo_title",
    "meta_description",
    "slug",
    "intro",
    "heading",
    "body",
    "conclusion",
    "faq",
}
# Queries one batch of articles may cost: pages, sections, FAQs, keyword links, keywords, link
# targets, revisions. The point of the budget is that it does not depend on the batch's size.
MAX_QUERIES_PER_BATCH = 8


@dataclass
class AuditResult:
    output: str
    exit_code: int
    error: str
    stderr: str


class TerminalIO(io.StringIO):
    """A stream that says it is a terminal, as sys.stdout does in an interactive shell."""

    def isatty(self) -> bool:
        return True


def run_audit(*args: str, stdout: io.StringIO | None = None, stderr=None) -> AuditResult:
    out = stdout if stdout is not None else io.StringIO()
    err = stderr if stderr is not None else io.StringIO()
    try:
        call_command("seo_audit", *args, stdout=out, stderr=err)
    except CommandError as error:
        return AuditResult(out.getvalue(), error.returncode, str(error), err.getvalue())
    return AuditResult(out.getvalue(), 0, "", err.getvalue())


def audit_json(*args: str) -> dict:
    result = run_audit("--format", "json", *args)
    assert result.exit_code == 0, result.error
    return json.loads(result.output)


# A deliberately weak German article, our own text: a title of 100 characters, under 100
# words, one question without an answer, one answer of markup only, a keyword listed twice
# and no meta description.
WEAK_TITLE = (
    "Warum fühlt sich mein Bauch nach dem Essen so schwer an und was hilft wirklich gegen "
    "das Völlegefühl"
)
WEAK_ARTICLE = ArticleContent(
    title=WEAK_TITLE,
    slug="bauch-schwer-nach-dem-essen",
    intro_html="<p>Viele Menschen kennen das Völlegefühl nach dem Essen. Der Bauch spannt, die "
    "Hose zwickt und man möchte sich am liebsten hinlegen.</p>",
    sections=(
        SectionContent(
            heading="Was im Magen passiert",
            body_html="<p>Nach einer großen Mahlzeit arbeitet der Magen auf Hochtouren. "
            "Fettiges Essen bleibt länger liegen als Gemüse.</p>",
        ),
        SectionContent(
            heading="Kleine Tipps für den Alltag",
            body_html="<p>Essen Sie langsam und kauen Sie gründlich. Ein kurzer Spaziergang "
            "nach dem Essen bringt die Verdauung in Schwung.</p>",
        ),
    ),
    conclusion_html="<p>Ein schwerer Bauch ist meist harmlos. Hält er an, sprechen Sie mit "
    "Ihrer Ärztin.</p>",
    faqs=(
        FAQContent(
            question="Hilft ein warmes Kirschkernkissen gegen das Völlegefühl?", answer_html=""
        ),
        FAQContent(question="Wann sollte ich zum Arzt gehen?", answer_html="<p> </p>"),
    ),
    keywords=(
        KeywordContent(term="Völlegefühl nach dem Essen", focus=True),
        KeywordContent(term="Blähbauch", focus=False),
        KeywordContent(term="Blähbauch", focus=False),
    ),
    seo_title="",
    search_description="",
    author_name="Redaktion",
    hero_image_alt="",
)
WEAK_ARTICLE_PROBLEMS = {
    "title_length",
    "text_length",
    "faq_structured_data",
    "keyword_coverage",
}
# What the weak article does right, so it must not be flagged for it.
WEAK_ARTICLE_FINE = {"focus_keyword_in_title", "focus_keyword_in_intro", "heading_structure"}


@shared_data
def weak_article(build):
    return article_create(parent=build.index, lang="de", content=WEAK_ARTICLE, publish=True)


@shared_data
def imported_seed(build):
    """The seed article imported with the command (skipped without the seed)."""
    build.index  # noqa: B018 (the blog index, which the command imports into, first)
    call_command("import_articles", str(seed.require_seed()), "--publish", stdout=io.StringIO())


@pytest.fixture
def seed_article(imported_seed, seed_text, seed_path):
    parsed = parse_article(seed_text, source=str(seed_path)).article
    assert parsed is not None
    return parsed


def only_report(data: dict) -> dict:
    assert len(data["articles"]) == 1, [a["slug"] for a in data["articles"]]
    return data["articles"][0]


class TestSeedArticle:
    def test_every_keyword_is_reported_with_counts_and_locations(self, seed_article):
        report = only_report(audit_json("--lang", "de"))

        keywords = {keyword["term"]: keyword for keyword in report["keywords"]}
        assert list(keywords) == seed_article.keywords
        assert [k["focus"] for k in report["keywords"]] == [
            term == seed_article.focus_keyword for term in seed_article.keywords
        ]
        for term, keyword in keywords.items():
            assert keyword["found"], term
            # one count everywhere: exact and inflected matches in the article text
            in_text = {"intro", "heading", "body", "conclusion", "faq"}
            assert keyword["count"] == sum(
                1 for m in keyword["matches"] if m["kind"] != "partial" and m["location"] in in_text
            )
            assert keyword["status"] in ("full", "partial")
            assert keyword["matches"], term
            for match in keyword["matches"]:
                assert match["location"] in LOCATIONS
                assert match["kind"] in {"exact", "inflected", "partial"}
                assert match["text"] and match["end"] > match["start"]

    def test_match_offsets_point_at_the_text_in_titles_and_headings(self, seed_article):
        report = only_report(audit_json("--lang", "de"))
        headings = [section.heading for section in seed_article.sections]

        checked = 0
        for keyword in report["keywords"]:
            for match in keyword["matches"]:
                if match["path"] == "title":
                    field = seed_article.title
                elif match["location"] == "heading":
                    field = headings[int(match["path"].split("[")[1].split("]")[0])]
                else:
                    continue
                assert field[match["start"] : match["end"]] == match["text"]
                checked += 1
        assert checked

    def test_keywords_only_in_inflected_compound_or_elided_form_are_found(self, seed_article):
        report = only_report(audit_json("--lang", "de"))
        keywords = {keyword["term"]: keyword for keyword in report["keywords"]}
        article_text = " ".join(
            [
                seed_article.title,
                *seed_article.intro,
                *(s.heading + " " + " ".join(s.paragraphs) for s in seed_article.sections),
                *seed_article.conclusion,
                *(f"{faq.question} {faq.answer}" for faq in seed_article.faqs),
            ]
        ).casefold()
        never_verbatim = [t for t in seed_article.keywords if t.casefold() not in article_text]
        elided = [term for term in seed_article.keywords if "- " in term]

        assert never_verbatim, "the seed has keywords that never occur verbatim"
        assert set(elided) <= set(never_verbatim)
        for term in never_verbatim:
            in_text = [m for m in keywords[term]["matches"] if m["location"] != "slug"]
            assert keywords[term]["found"], term
            assert in_text, term
            assert {m["kind"] for m in in_text} <= {"inflected", "partial"}, term

    def test_site_findings_cover_every_site_check(self, seed_article):
        data = audit_json()

        assert {finding["id"] for finding in data["site"]} == set(SITE_CHECK_IDS)
        for finding in data["site"]:
            assert set(finding) >= {"id", "status", "message", "articles"}


class TestWeakArticle:
    def test_fails_the_checks_for_its_weaknesses(self, weak_article):
        report = only_report(audit_json())
        status = {check["id"]: check["status"] for check in report["checks"]}

        assert report["slug"] == WEAK_ARTICLE.slug and report["lang"] == "de"
        assert {
            check_id for check_id in WEAK_ARTICLE_PROBLEMS if status[check_id] != "problem"
        } == set()
        assert {
            check_id for check_id in WEAK_ARTICLE_FINE if status[check_id] == "problem"
        } == set()

    def test_derived_description_is_judged_as_served_and_said_to_be_derived(self, weak_article):
        checks = {c["id"]: c for c in only_report(audit_json())["checks"]}

        for check_id in ("meta_description_length", "focus_keyword_in_description"):
            assert checks[check_id]["status"] != "good"
            assert checks[check_id]["details"]["derived"] is True
            assert "derived from the intro" in checks[check_id]["message"]
            assert "write one to control it" in checks[check_id]["message"]
        assert checks["meta_description_length"]["details"]["chars"] > 0

    def test_details_name_the_faqs_and_the_duplicate_keyword(self, weak_article):
        checks = {c["id"]: c for c in only_report(audit_json())["checks"]}

        assert "FAQ 1:" in checks["faq_structured_data"]["message"]
        assert "FAQ 2:" in checks["faq_structured_data"]["message"]
        issues = checks["faq_structured_data"]["details"]["issues"]
        assert [issue["path"] for issue in issues] == ["faqs[0]", "faqs[1]"]
        assert "Blähbauch" in json.dumps(checks["keyword_coverage"]["details"], ensure_ascii=False)
        assert checks["title_length"]["details"]

    def test_min_score_above_its_score_exits_1_and_names_it(self, weak_article):
        score = only_report(audit_json())["score"]

        failing = run_audit("--format", "json", "--min-score", str(score + 1))
        passing = run_audit("--format", "json", "--min-score", str(score))

        assert failing.exit_code == 1
        assert f"{WEAK_ARTICLE.slug}@de {score}" in failing.error
        assert json.loads(failing.output)["articles"], "the report is written before exiting"
        assert passing.exit_code == 0

    def test_fail_on_problem_exits_1(self, weak_article):
        result = run_audit("--format", "json", "--fail-on", "problem")

        assert result.exit_code == 1
        assert "faq_structured_data" in result.error


@shared_data
def weak_and_translated(build):
    weak = article_create(parent=build.index, lang="de", content=WEAK_ARTICLE, publish=True)
    translated = build.article(translations={"en": ArticleContentFactory(lang_tag="en")})
    return [weak, translated]


class TestFormats:
    @pytest.fixture
    def articles(self, weak_and_translated):
        return weak_and_translated

    def test_json_has_the_documented_shape(self, articles):
        data = audit_json()

        assert set(data) == {"articles", "site"}
        assert len(data["articles"]) == 3  # the weak article in de, the other in de and en
        for article in data["articles"]:
            assert {"slug", "lang", "score", "checks", "keywords"} <= set(article)
            assert [c["id"] for c in article["checks"]] == list(CHECK_IDS)
            for check in article["checks"]:
                keys = {"id", "status", "score", "message", "details", "messages"}
                assert keys <= set(check) <= keys | {"scored"}
            for keyword in article["keywords"]:
                assert {"term", "focus", "found", "count", "matches"} <= set(keyword)

    def test_message_lang_writes_the_messages_in_that_language(self, articles):
        english = audit_json()
        german = audit_json("--message-lang", "de")
        first_en, first_de = english["articles"][0], german["articles"][0]
        assert [c["id"] for c in first_de["checks"]] == [c["id"] for c in first_en["checks"]]
        assert [c["status"] for c in first_de["checks"]] == [
            c["status"] for c in first_en["checks"]
        ]
        by_id = {c["id"]: c for c in first_de["checks"]}
        assert by_id["text_length"]["message"].startswith(("Der Artikel hat", "Erweitern Sie"))
        assert (
            by_id["text_length"]["messages"]
            == {c["id"]: c for c in first_en["checks"]}["text_length"]["messages"]
        )
        site = {f["id"]: f for f in german["site"]}
        assert site["duplicate_seo_title"]["message"].startswith("Jeder Artikel")

    def test_message_lang_must_be_a_catalog_language(self, articles):
        result = run_audit("--message-lang", "xx")
        assert result.exit_code == 2 and "--message-lang xx" in result.error

    def test_csv_has_a_row_per_article_language_and_check(self, articles):
        result = run_audit("--format", "csv")
        rows = list(csv.DictReader(io.StringIO(result.output)))

        check_rows = [row for row in rows if row["kind"] == "check"]
        assert result.exit_code == 0
        assert len(check_rows) == 3 * len(CHECK_IDS)
        assert {(row["slug"], row["lang"]) for row in check_rows} == {
            (articles[0].slug_de, "de"),
            (articles[1].slug_de, "de"),
            (articles[1].slug_en, "en"),
        }
        assert all(json.loads(row["details"]) is not None for row in rows)
        assert {row["id"] for row in rows if row["kind"] == "site"} == set(SITE_CHECK_IDS)
        assert any(row["kind"] == "keyword" and row["id"] == "Blähbauch" for row in rows)

    def test_junit_has_a_testcase_per_article_language_and_check(self, articles):
        result = run_audit("--format", "junit")
        root = ElementTree.fromstring(result.output)
        article_suites = [s for s in root.iter("testsuite") if s.get("name") != "site"]
        by_json = {f"{a['slug']}@{a['lang']}": a for a in audit_json()["articles"]}

        assert root.tag == "testsuites"
        assert len(article_suites) == 3
        for suite in article_suites:
            cases = suite.findall("testcase")
            problems = {
                c["id"] for c in by_json[suite.get("name")]["checks"] if c["status"] == "problem"
            }
            assert [case.get("name") for case in cases] == list(CHECK_IDS)
            assert {case.get("name") for case in cases if case.find("failure") is not None} == (
                problems
            )
            assert suite.get("failures") == str(len(problems))

    def test_junit_stays_well_formed_with_control_characters_in_the_text(self, make_article):
        make_article(title="Ein Titel mit \x0b Steuerzeichen", seo_title="Mit \x1f darin")

        root = ElementTree.fromstring(run_audit("--format", "junit").output)

        assert len([s for s in root.iter("testsuite") if s.get("name") != "site"]) == 1

    def test_output_file_gets_the_report(self, articles, tmp_path):
        target = tmp_path / "audit.csv"

        result = run_audit("--format", "csv", "--output", str(target))

        assert result.output == ""
        assert target.read_text(encoding="utf-8").startswith("kind,slug,lang")
        assert str(target) in result.stderr

    def test_table_is_the_default_on_a_terminal(self, articles, monkeypatch):
        monkeypatch.setenv("COLUMNS", "200")  # rich sizes the table to the terminal

        result = run_audit(stdout=TerminalIO())

        assert "SEO audit" in result.output
        assert "\x1b[" in result.output, "coloured on a terminal"
        assert articles[0].slug_de[:20] in result.output

    def test_json_is_the_default_elsewhere(self, articles):
        assert json.loads(run_audit().output)["articles"]

    def test_progress_bar_only_on_a_terminal(self, articles, tmp_path):
        target = str(tmp_path / "audit.json")

        on_terminal = run_audit("--output", target, stderr=TerminalIO())
        in_a_pipe = run_audit("--output", target)

        assert "Auditing" in on_terminal.stderr
        assert "Auditing" not in in_a_pipe.stderr


class TestSelection:
    def test_drafts_are_audited_only_with_include_drafts(self, make_article):
        live = make_article()
        draft = make_article(publish=False)

        default = {a["slug"] for a in audit_json()["articles"]}
        with_drafts = audit_json("--include-drafts")["articles"]

        assert default == {live.slug_de}
        assert {a["slug"] for a in with_drafts} == {live.slug_de, draft.slug_de}
        assert {a["slug"]: a["live"] for a in with_drafts}[draft.slug_de] is False

    def test_include_drafts_audits_the_latest_revision_of_a_live_article(self, make_article):
        page = make_article()
        changed = ArticleContentFactory(lang_tag="de", title="Ein ganz neuer Titel im Entwurf")
        article_update_language(page=page, lang="de", content=changed, publish=False)

        live = only_report(audit_json())
        latest = only_report(audit_json("--include-drafts"))

        assert live["title"] == page.title_de
        assert latest["title"] == "Ein ganz neuer Titel im Entwurf"

    def test_article_selects_by_slug_in_any_language_and_skips_site_checks(self, make_article):
        wanted = make_article(translations={"en": ArticleContentFactory(lang_tag="en")})
        make_article()

        data = audit_json("--article", wanted.slug_en)

        assert {(a["slug"], a["lang"]) for a in data["articles"]} == {
            (wanted.slug_de, "de"),
            (wanted.slug_en, "en"),
        }
        assert data["site"] == []

    @pytest.mark.parametrize("arguments", [("--lang", "en"), ("--lang", "nl,en", "--lang", "fr")])
    def test_lang_limits_the_languages(self, make_article, arguments):
        make_article(translations={"en": ArticleContentFactory(lang_tag="en")})

        data = audit_json(*arguments)

        assert {a["lang"] for a in data["articles"]} == {"en"}

    def test_an_article_the_engine_cannot_analyse_is_reported_and_the_rest_audited(
        self, make_article, monkeypatch
    ):
        broken, fine = make_article(), make_article()
        real_analyse = seo.audit.analyse

        def failing_for_broken(document, thresholds=None):
            if document.slug == broken.slug_de:
                raise ValueError("sections[0] must be a SectionInput, got dict")
            return real_analyse(document, thresholds)

        monkeypatch.setattr(seo.audit, "analyse", failing_for_broken)

        result = run_audit("--format", "json")

        assert [a["slug"] for a in json.loads(result.output)["articles"]] == [fine.slug_de]
        assert result.exit_code == 1
        assert result.error == (
            f"1 article version could not be audited: {broken.slug_de}@de "
            "(ValueError: sections[0] must be a SectionInput, got dict)"
        )

    def test_no_articles_is_an_empty_report_and_a_hint(self, db):
        result = run_audit("--format", "json")

        assert result.exit_code == 0
        assert json.loads(result.output)["articles"] == []
        assert "--include-drafts" in result.stderr


class TestBadArguments:
    @pytest.mark.parametrize(
        ("arguments", "named"),
        [
            (("--lang", "xx"), "--lang xx"),
            (("--lang", ","), "--lang"),
            (("--article", "no-such-article"), "no-such-article"),
            (("--min-score", "abc"), "--min-score abc"),
            (("--min-score", "101"), "--min-score 101"),
            (("--min-score", "-1"), "--min-score -1"),
            (("--fail-on", "warning"), "--fail-on warning"),
            (("--format", "xml"), "--format xml"),
            (("--batch-size", "0"), "--batch-size 0"),
            (("--output", "/no/such/folder/audit.json"), "--output"),
        ],
    )
    def test_exit_2_with_one_line_naming_the_argument(self, db, arguments, named):
        result = run_audit(*arguments)

        assert result.exit_code == 2
        assert named in result.error
        assert "\n" not in result.error

    @override_settings(SEO_THRESHOLDS={"no_such_threshold": 1})
    def test_unknown_threshold_setting_exits_2(self, db):
        result = run_audit()

        assert result.exit_code == 2
        assert "SEO_THRESHOLDS" in result.error and "no_such_threshold" in result.error

    def test_from_the_shell_exit_code_2_and_no_traceback(self):
        completed = subprocess.run(
            [sys.executable, "manage.py", "seo_audit", "--lang", "xx"],
            cwd=REPO_ROOT,
            env={**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.test"},
            capture_output=True,
            text=True,
            timeout=120,
        )

        assert completed.returncode == 2
        assert "Traceback" not in completed.stderr
        assert completed.stderr.strip().count("\n") == 0
        assert "--lang xx" in completed.stderr


def report_with(score: int, *statuses: Status) -> SEOReport:
    checks = tuple(
        CheckResult(id=f"check_{n}", status=status, score=score, message="m", details={})
        for n, status in enumerate(statuses)
    )
    return SEOReport(slug="a", lang="de", score=score, checks=checks, keywords=())


class TestAuditGate:
    def test_site_problems_fail_only_with_fail_on_problem(self):
        finding = SiteFinding("orphan_article", Status.PROBLEM, "m", ("a@de",), "de")
        strict = AuditGate(min_score=None, fail_on_problem=True)
        lenient = AuditGate(min_score=None, fail_on_problem=False)

        for gate in (strict, lenient):
            gate.add_report(report_with(90, Status.GOOD, Status.OK))
            gate.add_site([finding])

        assert strict.failed and "1 site finding is a problem" in strict.summary()
        assert not lenient.failed

    def test_min_score_counts_versions_below_and_names_a_few(self):
        gate = AuditGate(min_score=50, fail_on_problem=False)

        for score in (10, 49, 50, 99, 20, 30, 40, 45):
            gate.add_report(report_with(score, Status.PROBLEM))

        assert gate.below == 6
        assert gate.summary().startswith("6 article versions scored below 50: a@de 10, a@de 49")
        assert gate.summary().endswith("...")

    def test_nothing_to_fail_on_passes(self):
        gate = AuditGate(min_score=None, fail_on_problem=False)
        gate.add_report(report_with(0, Status.PROBLEM))

        assert not gate.failed


def _queries(*arguments: str, batch_size: int = 3) -> int:
    with CaptureQueriesContext(connection) as context:
        result = run_audit("--format", "json", "--batch-size", str(batch_size), *arguments)
    assert result.exit_code == 0, result.error
    return len(context.captured_queries)


def test_queries_per_batch_do_not_grow_with_the_number_of_articles(make_article, article_index):
    """3 articles in one batch cost as many queries as 9 in one batch, and 9 articles in
    batches of 3 cost three batches. Every article links to another page and has a draft
    English translation, so each batch needs every kind of query (link targets, keywords,
    revisions)."""

    def add_articles(count: int) -> None:
        for _ in range(count):
            link = f'<a linktype="page" id="{article_index.pk}">Ratgeber</a>'
            content = ArticleContentFactory(lang_tag="de", intro_html=f"<p>Mehr im {link}.</p>")
            page = make_article(content=content)
            article_update_language(
                page=page, lang="en", content=ArticleContentFactory(lang_tag="en"), publish=False
            )

    modes = {"live": (), "drafts": ("--include-drafts",)}
    empty = {mode: _queries(*args) for mode, args in modes.items()}
    add_articles(3)
    three = {mode: _queries(*args) for mode, args in modes.items()}
    add_articles(6)
    nine = {mode: _queries(*args) for mode, args in modes.items()}
    nine_in_one_batch = {mode: _queries(*args, batch_size=9) for mode, args in modes.items()}

    for mode in modes:
        per_batch = three[mode] - empty[mode]
        assert nine_in_one_batch[mode] == three[mode], (mode, three, nine_in_one_batch)
        assert nine[mode] - empty[mode] == 3 * per_batch, (mode, empty, three, nine)
        assert per_batch <= MAX_QUERIES_PER_BATCH, (mode, per_batch)
