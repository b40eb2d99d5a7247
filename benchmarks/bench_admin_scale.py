"""Benchmark: the Wagtail admin on the generated site (10,000 articles x 4 languages, 2,000
keywords): page explorer, keyword chooser and snippet listing, SEO audit report and its CSV
export, dashboard. Not a test: it prints figures (target of issue 17: each under 1 s).

What it does:

1. gets a fresh copy of the generated site (``generate_site.py``: the template database
   ``cms_bench_scale_template_v<GENERATOR_VERSION>``, copied in seconds) as ``--database``;
2. fills the stored SEO audit table the report reads (the generator leaves it empty): the
   first ``--analysed`` articles (default 200) through the engine, as ``seo_audit_refresh``
   stores them, and every other article's four rows as copies of those real rows (report JSON,
   problem count, focus keyword) with the article's own page, title and a score spread over
   25-95 (status from the score), so the report's filters, sorts and export read 40,000 rows
   of the real size; running the engine over all 40,000 versions takes minutes that the
   report does not need (``bench_seo_audit_scale.py`` measures that);
3. in a fresh process (production settings), logged in as a superuser through Django's test
   client, requests each admin URL once to warm up and then ``--repeat`` times, and prints the
   median and the slowest server time (the test client runs the whole request in-process, so
   this is the server's time without the network), the time to the first byte (streamed
   exports), the queries of one request and their time, and the size of the response (a
   streamed CSV export is read to its end).

    .venv/bin/python benchmarks/bench_admin_scale.py [--repeat 5] [--database NAME] [--keep]
    # or in two steps: --prepare-only (copy, fill, keep), then --reuse [--keep] to measure
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres  (server to use; default shown)
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE = "cms_bench_scale_admin"
TARGET_SECONDS = 1.0


def admin_urls() -> list[tuple[str, str]]:
    """(what, URL) of every measured request; needs Django set up on the generated site."""
    from django.urls import reverse

    from articles.models import ArticleIndexPage, ArticlePage
    from seo.models import Keyword

    index = ArticleIndexPage.objects.get(slug="blog")
    explore = reverse("wagtailadmin_explore", args=[index.pk])
    article = ArticlePage.objects.order_by("-pk").first()
    keyword = Keyword.objects.order_by("-pk").first()
    keywords = reverse("wagtailsnippets_seo_keyword:list")
    chooser = reverse("wagtailsnippetchoosers_seo_keyword:choose")
    chooser_results = reverse("wagtailsnippetchoosers_seo_keyword:choose_results")
    report = reverse("seo_audit_report")
    report_results = reverse("seo_audit_report_results")
    return [
        ("dashboard (with the SEO panel)", reverse("wagtailadmin_home")),
        ("explorer: the index's children, page 1", explore),
        ("explorer: page 100 (of 200)", f"{explore}?p=100"),
        ("explorer: ordered by title", f"{explore}?ordering=title"),
        ("explorer: search in the index", f"{explore}?q=artikel"),
        ("article edit view (last article)", reverse("wagtailadmin_pages:edit", args=[article.pk])),
        ("keyword snippets: list, page 1", keywords),
        ("keyword snippets: list, page 40", f"{keywords}?p=40"),
        ("keyword snippets: search 'sujet 19'", f"{keywords}?q=sujet+19"),
        ("keyword chooser: modal", chooser),
        ("keyword chooser: results page 50", f"{chooser_results}?p=50"),
        ("keyword chooser: search 'topic 1999'", f"{chooser_results}?q=topic+1999"),
        ("keyword edit view", reverse("wagtailsnippets_seo_keyword:edit", args=[keyword.pk])),
        ("SEO report: page 1 (sorted by score)", report),
        ("SEO report: lang=de, status=problem", f"{report}?lang=de&status=problem"),
        ("SEO report: sorted by title, desc", f"{report}?ordering=-title"),
        (
            "SEO report: score 40-60, live, page 20",
            f"{report_results}?score_min=40&score_max=60&live=true&p=20",
        ),
        ("SEO report: CSV export, all rows", f"{report}?export=csv"),
        ("SEO report: CSV export, lang=fr", f"{report}?export=csv&lang=fr"),
    ]


def fill_audit_rows(analysed: int) -> dict:
    """Runs inside a Django process configured for the copy (this script with --fill)."""
    import django

    django.setup()
    from itertools import islice

    from django.conf import settings
    from django.db import connection

    from seo.audit import audit
    from seo.audit_results import audit_results_store
    from seo.models import GOOD_SCORE_FROM, OK_SCORE_FROM

    languages = list(settings.MODELTRANSLATION_LANGUAGES)
    started = time.perf_counter()
    run = audit(include_drafts=True)
    audit_results_store(islice(run.articles, analysed * len(languages)))
    engine_seconds = time.perf_counter() - started
    title = (
        "CASE r.lang "
        + " ".join(f"WHEN '{code}' THEN p.title_{code}" for code in languages)
        + " END"
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT array_agg(DISTINCT page_id ORDER BY page_id) FROM seo_seoauditresult"
        )
        real_pages = cursor.fetchone()[0]
        cursor.execute(
            f"""
            INSERT INTO seo_seoauditresult (page_id, lang, title, live, translation_status,
                missing_fields, score, status, problem_count, focus_keyword, report, updated_at)
            SELECT p.id, r.lang, coalesce({title}, p.title), p.live, r.translation_status,
                r.missing_fields, s.score,
                CASE WHEN s.score >= %(good)s THEN 'good' WHEN s.score >= %(ok)s THEN 'ok'
                     ELSE 'problem' END,
                r.problem_count, r.focus_keyword, r.report, now()
            FROM articles_articlepage a
            JOIN wagtailcore_page p ON p.id = a.page_ptr_id
            JOIN seo_seoauditresult r
              ON r.page_id = (%(real)s::int[])[1 + p.id %% cardinality(%(real)s::int[])]
            CROSS JOIN LATERAL (SELECT 25 + (p.id * 37 + ascii(r.lang) * 11) %% 71 AS score) s
            WHERE p.id <> ALL(%(real)s::int[])
            """,
            {"good": GOOD_SCORE_FROM, "ok": OK_SCORE_FROM, "real": real_pages},
        )
        copied = cursor.rowcount
        cursor.execute("ANALYZE seo_seoauditresult")
    return {
        "analysed_pages": len(real_pages),
        "engine_seconds": engine_seconds,
        "copied_rows": copied,
    }


class QueryTimer:
    """A ``connection.execute_wrapper``: how many queries, and their time as the client sees it.

    (Django's query log is emptied at the start of every request, so it cannot count them.)
    """

    def __init__(self) -> None:
        self.count = 0
        self.seconds = 0.0

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.count += 1
            self.seconds += time.perf_counter() - started


def measure(repeat: int) -> list[dict]:
    """Runs inside a Django process configured for the copy (this script with --measure)."""
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import override_settings

    # Production settings want collected static files (a manifest); the admin's HTML only
    # needs their URLs here.
    override_settings(
        STORAGES={
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        }
    ).enable()
    user, _ = get_user_model().objects.get_or_create(
        username="bench-admin", defaults={"is_superuser": True, "is_staff": True}
    )
    client = Client()
    client.force_login(user)

    def request(url: str) -> tuple[float, int, float]:
        """(seconds to the whole body, its bytes, seconds to the first byte)."""
        started = time.perf_counter()
        response = client.get(url, secure=True)
        if response.status_code != 200:
            sys.exit(f"{url}: HTTP {response.status_code}")
        if not response.streaming:
            seconds = time.perf_counter() - started
            return seconds, len(response.content), seconds
        first_byte, size = None, 0
        for chunk in response.streaming_content:
            if first_byte is None:
                first_byte = time.perf_counter() - started
            size += len(chunk)
        seconds = time.perf_counter() - started
        return seconds, size, first_byte if first_byte is not None else seconds

    results = []
    for name, url in admin_urls():
        request(url)  # warm-up: templates, prepared statements, caches
        queries = QueryTimer()
        with connection.execute_wrapper(queries):
            request(url)
        runs = [request(url) for _ in range(repeat)]
        times = [seconds for seconds, _, _ in runs]
        results.append(
            {
                "name": name,
                "url": url,
                "median": statistics.median(times),
                "max": max(times),
                "first_byte": statistics.median(first for _, _, first in runs),
                "queries": queries.count,
                "sql_seconds": queries.seconds,
                "bytes": runs[-1][1],
            }
        )
    return results


def run_here(python: str, env: dict[str, str], *arguments: str):
    """This script in a fresh process on the copy; returns what it printed last, as JSON."""
    completed = subprocess.run(
        [python, __file__, *arguments], cwd=REPO, env=env, capture_output=True, text=True
    )
    if completed.returncode != 0:
        sys.exit(f"{arguments[0]} failed:\n{completed.stderr[-3000:]}")
    return json.loads(completed.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000, help="generated site (10000)")
    parser.add_argument("--repeat", type=int, default=5, help="timed requests per URL (5)")
    parser.add_argument("--database", default=DEFAULT_DATABASE, help="copy to measure on")
    parser.add_argument("--reuse", action="store_true", help="use --database as it is")
    parser.add_argument(
        "--prepare-only", action="store_true", help="copy and fill --database, keep it, stop"
    )
    parser.add_argument("--keep", action="store_true", help="keep the copy afterwards")
    parser.add_argument("--analysed", type=int, default=200, help="articles run through the engine")
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--fill", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    sys.path.insert(0, str(REPO))
    if args.measure:
        print(json.dumps(measure(args.repeat)))
        return
    if args.fill:
        print(json.dumps(fill_audit_rows(args.analysed)))
        return

    from _database import database_urls, drop_database
    from bench_api import app_environment
    from generate_site import ensure_site

    maintenance_url, database_url = database_urls(args.database)
    env = app_environment(
        database_url, {"ALLOWED_HOSTS": "testserver,127.0.0.1", "LOG_LEVEL": "WARNING"}
    )
    python = str(REPO / ".venv" / "bin" / "python")
    if not args.reuse:
        site = ensure_site(args.articles, args.database)
        print(f"site: copy {args.database} of {site['template']} in {site['copy_seconds']} s")
        filled = run_here(python, env, "--fill", "--analysed", str(args.analysed))
        print(
            f"audit rows: {filled['analysed_pages']} articles through the engine in "
            f"{filled['engine_seconds']:.0f} s, {filled['copied_rows']} rows copied from theirs"
        )
        if args.prepare_only:
            return
    try:
        results = run_here(python, env, "--measure", "--repeat", str(args.repeat))
    finally:
        if not args.keep:
            drop_database(maintenance_url, args.database)
    print(
        f"{'request':<42} {'median':>8} {'max':>8} {'1st byte':>8} {'queries':>7} {'SQL':>7} "
        f"{'size':>9}  "
        f"(server time, {args.repeat} runs; target < {TARGET_SECONDS:g} s)"
    )
    for row in results:
        verdict = "" if row["median"] < TARGET_SECONDS else "  OVER TARGET"
        print(
            f"{row['name']:<42} {row['median'] * 1000:>6.0f}ms {row['max'] * 1000:>6.0f}ms "
            f"{row['first_byte'] * 1000:>6.0f}ms {row['queries']:>7} "
            f"{row['sql_seconds'] * 1000:>5.0f}ms "
            f"{row['bytes'] / 1024:>7.0f}kB{verdict}"
        )
    print("The machine is shared (2 cores, other developers' test runs): compare within a run.")


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    main()
