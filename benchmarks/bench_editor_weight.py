"""Benchmark of the page editor's weight: HTML size and server time of an article's edit view.

Builds a throw-away SQLite database (or uses --database-url), imports the seed article
(../shared/seeds, else our balcony composting fixture) in German, then opens its edit view
through Django's test client as an editor: once with one language filled, then with the same
texts in all four languages (the worst case the issue measured). The first open of a process
includes compiling the admin's templates; later opens are the median of --repeat runs.

Prints figures; nothing asserts.

    .venv/bin/python benchmarks/bench_editor_weight.py
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))
SEED = REPO_ROOT.parent / "shared" / "seeds" / "000_f0fe1d16a1469c78.txt"
FALLBACK = REPO_ROOT / "tests" / "fixtures" / "articles" / "valid" / "de_balkon_kompost.txt"


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement")
    parser.add_argument("--database-url", help="use this (empty) database instead of SQLite")
    return parser.parse_args()


def setup_django(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", "--noinput", verbosity=0)


def measure(client, url: str, repeat: int) -> tuple[float, list[float], int]:
    start = time.perf_counter()
    response = client.get(url)
    first = time.perf_counter() - start
    assert response.status_code == 200, response.status_code
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        response = client.get(url)
        times.append(time.perf_counter() - start)
    return first, times, len(response.content)


def main() -> None:
    args = parse_args()
    with tempfile.TemporaryDirectory() as folder:
        setup_django(args.database_url or f"sqlite:///{Path(folder) / 'bench.sqlite3'}")
        from django.test import Client

        from articles.importing import ImportOptions, import_article
        from articles.services import article_index_get_or_create, article_update_language
        from articles.textconvert import parsed_to_content
        from articles.textformat.parser import parse_file
        from tests.factories import make_editor

        source = SEED if SEED.is_file() else FALLBACK
        text = source.read_text(encoding="utf-8")
        index, _created = article_index_get_or_create(slug="blog", titles={"de": "Ratgeber"})
        report = import_article(
            text, source=source.name, options=ImportOptions(parent=index, publish=True)
        )
        from articles.models import ArticlePage

        page = ArticlePage.objects.get(pk=report.page_id)
        client = Client()
        client.force_login(make_editor("bench-editor"))
        url = f"/admin/pages/{page.pk}/edit/"
        print(f"source: {source.name}, sections {page.sections.count()}, FAQs {page.faqs.count()}")
        first, times, size = measure(client, url, args.repeat)
        print(
            f"1 language : {size / 1024:7.0f} KB, first open {first * 1000:6.0f} ms, "
            f"then median {statistics.median(times) * 1000:6.0f} ms"
        )
        parsed = parse_file(source, language="de").article
        for lang in ("en", "nl", "fr"):
            content = parsed_to_content(parsed, slug=f"{page.slug_de}-{lang}")
            page = article_update_language(page=page, lang=lang, content=content, publish=False)
        first, times, size = measure(client, url, args.repeat)
        print(
            f"4 languages: {size / 1024:7.0f} KB, first open {first * 1000:6.0f} ms, "
            f"then median {statistics.median(times) * 1000:6.0f} ms"
        )


if __name__ == "__main__":
    main()
