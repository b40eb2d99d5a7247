"""Benchmark of ``manage.py seo_audit`` on PostgreSQL: throughput, queries per batch, memory.

Creates a throw-away PostgreSQL database, migrates it, fills it in steps with generated German
articles of the seed's size (about 2,300 words, 6 sections, 5 FAQ pairs, 9 keywords, links to
earlier articles; the text comes from a vocabulary written for this script) through the real
services, and after each step runs ``seo_audit --format json --output /dev/null`` with
``call_command``. Each audit runs in a fresh process, so the peak RSS it reports is that
audit's own. The database is dropped at the end. Not a test: nothing here asserts on time.

    .venv/bin/python benchmarks/bench_seo_audit.py                      # 500 / 1,000 / 2,000
    .venv/bin/python benchmarks/bench_seo_audit.py --sizes 50,100 --batch-size 20
    .venv/bin/python benchmarks/bench_seo_audit.py --tracemalloc        # also Python heap peak
    .venv/bin/python benchmarks/bench_seo_audit.py --keep-db            # leave the database

Needs PostgreSQL at --server (default postgres://postgres@127.0.0.1:5432, trust auth).
"""

from __future__ import annotations

import argparse
import io
import json
import math
import os
import random
import re
import resource
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from _database import drop_database, recreate_database

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

DEFAULT_SERVER = "postgres://postgres@127.0.0.1:5432"
DEFAULT_SIZES = (500, 1000, 2000)
DEFAULT_BATCH_SIZE = 200
CREATE_CHUNK = 50  # articles per transaction while filling the database
DEFERRED_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}

# --- vocabulary (our own) ---------------------------------------------------------------------

SUBJECTS = [
    "Die Darmflora",
    "Eine ballaststoffreiche Kost",
    "Regelmäßige Bewegung",
    "Guter Schlaf",
    "Das Immunsystem",
    "Der Stoffwechsel",
    "Eine ruhige Atmung",
    "Frisches Gemüse",
    "Ausreichend Wasser",
    "Der Blutzucker",
    "Chronischer Stress",
    "Eine warme Mahlzeit",
    "Das Nervensystem",
    "Die Verdauung",
    "Fermentiertes Gemüse",
    "Ein kurzer Spaziergang",
]
VERBS = [
    "beeinflusst",
    "stärkt",
    "verändert",
    "unterstützt",
    "belastet",
    "schützt",
    "entlastet",
    "fördert",
    "bremst",
    "stabilisiert",
]
OBJECTS = [
    "das Wohlbefinden",
    "die Leistungsfähigkeit",
    "den unteren Rücken",
    "die Haut",
    "die Konzentration",
    "den Appetit",
    "die Stimmung",
    "die Abwehrkräfte",
    "den Schlafrhythmus",
    "die Muskulatur",
    "das Körpergewicht",
    "die Schleimhaut",
]
ADVERBIALS = [
    "im Alltag",
    "nach dem Essen",
    "am frühen Morgen",
    "bei anhaltendem Stress",
    "über viele Wochen",
    "in den Wintermonaten",
    "schon nach wenigen Tagen",
    "bei älteren Menschen",
    "während der Arbeit",
    "ohne großen Aufwand",
]
CLAUSES = [
    "wie neuere Beobachtungen aus der Praxis zeigen",
    "auch wenn die Wirkung nicht sofort spürbar ist",
    "was viele Betroffene zunächst unterschätzen",
    "sofern man geduldig bleibt und kleine Schritte plant",
    "weil der Körper Veränderungen nur langsam annimmt",
    "und das lässt sich mit einfachen Mitteln beobachten",
]
# (keyword, forms used in the text): inflected, hyphenated and compound variants on purpose.
KEYWORDS = [
    ("Darmentzündung", ["Darmentzündungen", "Darmentzündung"]),
    ("gesunde Ernährung", ["gesunder Ernährung", "gesunde Ernährung"]),
    ("Mikrobiom-Test", ["Mikrobiom-Tests", "Mikrobiomtest", "Mikrobiom-Testkits"]),
    ("Blähungen nach dem Essen", ["Blähungen nach dem Essen", "Blähungen direkt nach dem Essen"]),
    ("Reizdarm", ["Reizdarms", "Reizdarm"]),
    ("Magen- und Darmbeschwerden", ["Magenbeschwerden und Darmbeschwerden", "Darmbeschwerden"]),
    ("Ballaststoffe", ["Ballaststoffen", "Ballaststoffe"]),
    ("probiotische Lebensmittel", ["probiotischen Lebensmitteln", "probiotische Lebensmittel"]),
    ("Rückenschmerzen", ["Rückenschmerzen", "Rückenschmerz"]),
    ("Nahrungsmittelunverträglichkeit", ["Nahrungsmittelunverträglichkeiten"]),
    ("Entzündungswerte im Blut", ["Entzündungswerten im Blut", "Entzündungswerte im Blut"]),
    ("Stress und Verdauung", ["Stress und Verdauung", "Verdauung unter Stress"]),
    ("Sodbrennen", ["Sodbrennens", "Sodbrennen"]),
    ("Vitamin-D-Mangel", ["Vitamin-D-Mangels", "Vitamin-D-Mangel"]),
    ("Darmgesundheit", ["Darmgesundheit"]),
]
HEADINGS = [
    "Was im Körper passiert",
    "Typische Anzeichen",
    "Ursachen im Überblick",
    "Was die Forschung sagt",
    "Praktische Tipps",
    "Wann ärztlicher Rat wichtig ist",
    "Häufige Irrtümer",
    "Ein Blick auf den Alltag",
]
QUESTIONS = [
    "Wie schnell zeigt sich eine Besserung?",
    "Welche Rolle spielt die Ernährung?",
    "Kann Bewegung wirklich helfen?",
    "Wann sollte ich eine Ärztin aufsuchen?",
    "Gibt es einfache Tests für zu Hause?",
    "Was kann ich heute schon ändern?",
]


def sentence(rng: random.Random, keyword_form: str | None = None) -> str:
    subject = rng.choice(SUBJECTS)
    text = f"{subject} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(ADVERBIALS)}"
    if keyword_form:
        text += f", besonders bei {keyword_form}"
    if rng.random() < 0.6:
        text += f", {rng.choice(CLAUSES)}"
    return text + "."


def paragraph(rng: random.Random, sentences: int, keyword_form: str | None = None) -> str:
    parts = [sentence(rng, keyword_form if i == 1 else None) for i in range(sentences)]
    return "<p>" + " ".join(parts) + "</p>"


def generate_article(index: int, link_targets: list[int]):
    """One article of about 2,300 words; ``link_targets`` are earlier article ids."""
    from articles.content import ArticleContent, FAQContent, KeywordContent, SectionContent

    rng = random.Random(index)
    chosen = [KEYWORDS[(index + offset) % len(KEYWORDS)] for offset in range(9)]
    focus, focus_forms = chosen[0]

    def form(number: int) -> str:
        _term, forms = chosen[number % len(chosen)]
        return forms[number % len(forms)]

    links = "".join(
        f' Mehr dazu im <a linktype="page" id="{target}">Beitrag {target}</a>.'
        for target in link_targets
    )
    intro = (
        f"<p>{focus} betrifft mehr Menschen als gedacht. "
        + " ".join(sentence(rng) for _ in range(4))
        + f"{links}</p>"
    )
    sections = []
    for number in range(6):
        heading = HEADINGS[(index + number) % len(HEADINGS)]
        if number in (1, 4):
            heading = f"{heading}: {focus}"
        body = "".join(paragraph(rng, 8, form(number * 3 + p)) for p in range(3))
        sections.append(SectionContent(heading=heading, body_html=body))
    faqs = [
        FAQContent(
            question=QUESTIONS[(index + number) % len(QUESTIONS)],
            answer_html=paragraph(rng, 3, form(number)),
        )
        for number in range(5)
    ]
    conclusion = paragraph(rng, 6, focus_forms[0]) + paragraph(rng, 6)
    return ArticleContent(
        title=f"{focus}: was Sie wissen sollten (Ratgeber {index})",
        slug=f"ratgeber-{index}",
        intro_html=intro,
        sections=tuple(sections),
        conclusion_html=conclusion,
        faqs=tuple(faqs),
        keywords=tuple(
            KeywordContent(term=term, focus=number == 0) for number, (term, _) in enumerate(chosen)
        ),
        seo_title=f"{focus} verstehen - Ratgeber {index}",
        search_description=(
            f"{focus} im Alltag: Ursachen, typische Anzeichen und was hilft. Ratgeber {index} "
            "erklärt verständlich, worauf es ankommt und wann Sie ärztlichen Rat brauchen."
        ),
        author_name="Benchmark",
        hero_image_alt="",
    )


# --- database ---------------------------------------------------------------------------------


def create_database(server: str, name: str) -> None:
    # A database that is dropped after the run need not wait for each commit's fsync.
    recreate_database(f"{server}/postgres", name, "synchronous_commit = off")


def configure_django(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.production"
    os.environ.setdefault("SECRET_KEY", "benchmark-only-secret-key")
    import django

    django.setup()


def fill(first: int, last: int, index_page, created: list[int]) -> float:
    """Create articles ``first``..``last - 1`` and make them live; returns seconds.

    Each article is created through ``article_create`` (page, children, keywords, revision),
    then every chunk is made live with one UPDATE instead of one Wagtail publish action per
    article. For ``seo_audit``, which reads live pages, the result is the same; publishing one
    by one would also write log entries and run the search-index and stored-audit tasks that
    publishing triggers, none of which this script measures, and would double the time it takes
    to fill. Tasks that saving enqueues go to django-tasks' dummy backend for the same reason.
    """
    from django.db import transaction
    from django.db.models import F
    from django.test.utils import override_settings
    from django.utils import timezone

    from articles.models import ArticlePage
    from articles.services import article_create

    started = time.perf_counter()
    for chunk_start in range(first, last, CREATE_CHUNK):
        chunk: list[int] = []
        with transaction.atomic(), override_settings(TASKS=DEFERRED_TASKS):
            for number in range(chunk_start, min(chunk_start + CREATE_CHUNK, last)):
                targets = [created[-1], created[len(created) // 2]] if created else []
                content = generate_article(number, sorted(set(targets)))
                page = article_create(parent=index_page, lang="de", content=content)
                created.append(page.pk)
                chunk.append(page.pk)
            now = timezone.now()
            ArticlePage.objects.filter(pk__in=chunk).update(
                live=True,
                has_unpublished_changes=False,
                live_revision_id=F("latest_revision_id"),
                first_published_at=now,
                last_published_at=now,
            )
    return time.perf_counter() - started


# --- one audit in a fresh process -------------------------------------------------------------


def measure(database_url: str, batch_size: int, use_tracemalloc: bool) -> dict:
    configure_django(database_url)
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from seo.engine import SEODocument, analyse

    # Load the language data (lemmas, hyphenation) before measuring: start-up, not audit.
    analyse(SEODocument("de", "Titel", "", "", "titel", "<p>Ein Satz.</p>", (), "", (), ()))
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if use_tracemalloc:
        tracemalloc.start()
    stderr = io.StringIO()
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        call_command(
            "seo_audit",
            "--format",
            "json",
            "--output",
            os.devnull,
            "--batch-size",
            str(batch_size),
            stdout=io.StringIO(),
            stderr=stderr,
        )
    seconds = time.perf_counter() - started
    heap_peak = tracemalloc.get_traced_memory()[1] / 2**20 if use_tracemalloc else None
    # The command's closing line says how many article language versions it audited.
    summary = re.search(r"Audited (\d+) article", stderr.getvalue())
    return {
        "audited": int(summary.group(1)) if summary else 0,
        "seconds": seconds,
        "queries": len(queries.captured_queries),
        "rss_before_mib": rss_before,
        "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "heap_peak_mib": heap_peak,
    }


def measure_in_child(database_url: str, batch_size: int, use_tracemalloc: bool) -> dict:
    command = [
        sys.executable,
        __file__,
        "--measure",
        database_url,
        "--batch-size",
        str(batch_size),
    ]
    if use_tracemalloc:
        command.append("--tracemalloc")
    completed = subprocess.run(command, capture_output=True, text=True, check=False)
    if completed.returncode != 0:
        sys.exit(f"audit process failed:\n{completed.stderr[-3000:]}")
    return json.loads(completed.stdout.strip().splitlines()[-1])


# --- main -------------------------------------------------------------------------------------


def parse_sizes(raw: str) -> list[int]:
    try:
        sizes = sorted({int(part) for part in raw.split(",") if part.strip()})
    except ValueError:
        sys.exit(f"--sizes {raw}: expected whole numbers separated by commas")
    if not sizes or sizes[0] < 1:
        sys.exit(f"--sizes {raw}: expected positive numbers")
    return sizes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)))
    parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE)
    parser.add_argument("--server", default=DEFAULT_SERVER)
    parser.add_argument("--database", default=f"bench_seo_audit_{os.getpid()}")
    parser.add_argument("--keep-db", action="store_true")
    parser.add_argument("--tracemalloc", action="store_true", help="also trace Python's heap")
    parser.add_argument("--measure", metavar="DATABASE_URL", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.measure:
        print(json.dumps(measure(args.measure, args.batch_size, args.tracemalloc)))
        return

    sizes = parse_sizes(args.sizes)
    parts = urlsplit(args.server)
    database_url = urlunsplit(parts._replace(path=f"/{args.database}"))
    print(
        f"database {args.database} on {parts.hostname}:{parts.port}; batch size {args.batch_size}"
    )
    create_database(args.server, args.database)
    try:
        run(database_url, sizes, args)
    finally:
        from django.db import connections

        connections.close_all()
        if args.keep_db:
            print(f"kept database {args.database}")
        else:
            drop_database(f"{args.server}/postgres", args.database)


def run(database_url: str, sizes: list[int], args: argparse.Namespace) -> None:
    from django.core.management import call_command

    configure_django(database_url)
    call_command("migrate", "--noinput", verbosity=0, stdout=io.StringIO())
    from articles.services import article_index_get_or_create

    index_page, _ = article_index_get_or_create(slug="blog", titles={"de": "Ratgeber"})
    sample = generate_article(0, [])
    words = sum(
        len(text.split())
        for text in [
            sample.intro_html,
            sample.conclusion_html,
            *(s.heading + " " + s.body_html for s in sample.sections),
            *(f.question + " " + f.answer_html for f in sample.faqs),
        ]
    )
    print(
        f"article: about {words} words, {len(sample.sections)} sections, {len(sample.faqs)} FAQ "
        f"pairs, {len(sample.keywords)} keywords"
    )

    empty = measure_in_child(database_url, args.batch_size, False)
    header = (
        f"{'articles':>8} {'create/s':>9} {'audit s':>8} {'articles/s':>10} {'queries':>8} "
        f"{'batches':>7} {'q/batch':>7} {'RSS start':>9} {'peak RSS':>9}"
    )
    if args.tracemalloc:
        header += f" {'heap peak':>9}"
    print(header + "   (memory in MiB)")
    created: list[int] = []
    previous = (0, empty["queries"])  # (batches, queries) of the last audit
    for size in sizes:
        before = len(created)
        create_seconds = fill(before, size, index_page, created)
        added = size - before
        result = measure_in_child(database_url, args.batch_size, False)
        batches = math.ceil(size / args.batch_size)
        per_batch = (result["queries"] - previous[1]) / max(1, batches - previous[0])
        previous = (batches, result["queries"])
        line = (
            f"{size:>8} {added / create_seconds if create_seconds else 0:>9.1f} "
            f"{result['seconds']:>8.1f} {result['audited'] / result['seconds']:>10.1f} "
            f"{result['queries']:>8} {batches:>7} {per_batch:>7.1f} "
            f"{result['rss_before_mib']:>9.0f} {result['peak_rss_mib']:>9.0f}"
        )
        if args.tracemalloc:
            traced = measure_in_child(database_url, args.batch_size, True)
            line += f" {traced['heap_peak_mib']:>9.1f}"
        print(line, flush=True)
    print(
        "create/s: articles created through the services and made live; articles/s: article "
        "language versions audited per second by seo_audit (engine included); q/batch: the "
        "queries each additional batch cost (against the previous row; the first row against an "
        f"audit of no articles, {empty['queries']} queries); RSS start: the audit process "
        "after Django start-up and loading the language data; peak RSS: its peak by the end of "
        "the audit (ru_maxrss)."
    )


if __name__ == "__main__":
    main()
