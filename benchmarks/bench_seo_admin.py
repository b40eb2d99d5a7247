"""Benchmark of the SEO admin: stored-results refresh, report, export, dashboard, SEO tab.

Builds a throw-away SQLite database (or uses --database-url, e.g. a PostgreSQL database you
created for it) with N German articles translated into English, made from the balcony
composting fixture (our own text), then times through Django's test client, as a superuser:

- ``audit_results_refresh_all`` (what ``manage.py seo_audit_refresh`` runs), per article;
- the SEO audit report's first page, a filtered page and the CSV export of every row;
- the dashboard with the SEO panel;
- an article's edit view with the SEO tab (and, separately, the panel's own analysis), and
  the panel's refresh from the posted form.

Prints wall times (median of --repeat runs) and query counts. Not a test: nothing asserts.

    .venv/bin/python benchmarks/bench_seo_admin.py                 # 200 articles
    .venv/bin/python benchmarks/bench_seo_admin.py --articles 1000 --repeat 5
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))
FIXTURES = REPO_ROOT / "tests" / "fixtures" / "articles" / "valid"
# Creating the articles must not run the analysis; the benchmark times the refresh itself.
DEFERRED_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200, help="articles to create")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measured request")
    parser.add_argument("--database-url", help="use this (empty) database instead of SQLite")
    return parser.parse_args()


def setup_django(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
    import django
    from django.conf import settings

    django.setup()
    settings.TASKS = DEFERRED_TASKS
    from django.core.management import call_command

    call_command("migrate", "--noinput", verbosity=0)


def content(file_name: str, lang: str, number: int):
    from articles.textconvert import article_slug, parsed_to_content
    from articles.textformat.parser import parse_file

    parsed = parse_file(FIXTURES / file_name, language=lang).article
    slug = f"{article_slug(parsed.title, language=lang)}-{number}"
    return dataclasses.replace(
        parsed_to_content(parsed, slug=slug),
        seo_title=f"{parsed.title[:50]} ({number})",
        search_description=" ".join(parsed.intro)[:150],
    )


def create_articles(count: int) -> list:
    from articles.services import (
        article_create,
        article_index_get_or_create,
        article_update_language,
    )

    index, _created = article_index_get_or_create(slug="blog", titles={"de": "Ratgeber"})
    pages = []
    for number in range(count):
        page = article_create(
            parent=index, lang="de", content=content("de_balkon_kompost.txt", "de", number)
        )
        pages.append(
            article_update_language(
                page=page,
                lang="en",
                content=content("en_balcony_composting.txt", "en", number),
                publish=True,
            )
        )
    return pages


def measure(label: str, repeat: int, run) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times = []
    queries = 0
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            run()
            times.append(time.perf_counter() - started)
        queries = len(captured)
    print(f"{label:<48} {statistics.median(times) * 1000:9.1f} ms  {queries:5d} queries")


def main() -> None:
    args = parse_args()
    with tempfile.TemporaryDirectory() as folder:
        setup_django(args.database_url or f"sqlite:///{folder}/bench.sqlite3")
        from django.contrib.auth import get_user_model
        from django.test import Client

        from seo.audit_results import audit_results_refresh_all
        from seo.models import SEOAuditResult
        from seo.page_analysis import analyse_page
        from tests.admin_forms import read_form

        started = time.perf_counter()
        pages = create_articles(args.articles)
        print(f"created {len(pages)} articles in {time.perf_counter() - started:.1f} s")

        # The first analysis loads the lemmatizer dictionaries (seconds); warm them up first.
        started = time.perf_counter()
        audit_results_refresh_all(batch_size=200)
        print(f"first refresh (cold dictionaries): {time.perf_counter() - started:.1f} s")
        started = time.perf_counter()
        audit_results_refresh_all(batch_size=200)
        elapsed = time.perf_counter() - started
        rows = SEOAuditResult.objects.count()
        print(
            f"refresh_all: {elapsed:.1f} s for {len(pages)} articles "
            f"({elapsed / len(pages) * 1000:.1f} ms per article, {rows} rows)"
        )

        user = get_user_model().objects.create_superuser("bench", "bench@example.com", "x")
        client = Client()
        client.force_login(user)
        report = "/admin/reports/seo-audit/"
        page = pages[len(pages) // 2]
        edit = f"/admin/pages/{page.pk}/edit/"
        form = read_form(client.get(edit).content.decode())
        print(f"\n{'request':<48} {'median':>12}  {'queries':>13}")
        measure("report, first page", args.repeat, lambda: client.get(report))
        measure(
            "report, lang=en & score 50-90",
            args.repeat,
            lambda: client.get(report, {"lang": "en", "score_min": 50, "score_max": 90}),
        )
        measure(
            f"report, CSV export of {rows} rows",
            args.repeat,
            lambda: b"".join(client.get(report, {"export": "csv"}).streaming_content),
        )
        measure("dashboard with SEO panel", args.repeat, lambda: client.get("/admin/"))
        measure("edit view with SEO tab (4 languages)", args.repeat, lambda: client.get(edit))
        draft = page.get_latest_revision_as_object()
        measure(
            "  of which: the panel's analyse_page(draft)", args.repeat, lambda: analyse_page(draft)
        )
        measure(
            "SEO panel refresh from the posted form",
            args.repeat,
            lambda: client.post(f"/admin/seo/pages/{page.pk}/analysis/", form),
        )


if __name__ == "__main__":
    main()
