"""Benchmark: import generated seed-size articles into PostgreSQL and print the figures.

Not a test. Creates a throw-away database (dropped at the end unless --keep), migrates it, writes
N generated German articles of the seed's size (~2,300 words, 6 sections, 2 conclusion
paragraphs, 5 FAQs, 9 keywords; text from our own vocabulary) to a temporary folder and imports
them with the same code as ``manage.py import_articles --workers N`` (default 2 workers).
Prints articles per second, the CPU time per article (importer processes and their PostgreSQL
backends) and the queries one import takes with 100 and with N articles already in the
database; with several workers, queries are counted per worker chunk of files (one index flush
each), the chunk holding file 101 and the last one.

    .venv/bin/python benchmarks/bench_import.py [--count 1000] [--workers 2] [--publish]
                                                [--again] [--profile (with --workers 1)]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres  (server to use; default shown)
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import random
import resource
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from _database import database_urls, drop_database, recreate_database

REPO = Path(__file__).resolve().parent.parent
BENCH_DATABASE = "cms_bench_import"

NOUNS = [
    "Garten",
    "Boden",
    "Wasser",
    "Pflanze",
    "Wurzel",
    "Blatt",
    "Sonne",
    "Regen",
    "Kompost",
    "Beet",
    "Samen",
    "Ernte",
    "Schatten",
    "Tonne",
    "Rasen",
    "Hecke",
    "Zaun",
    "Weg",
    "Laub",
    "Erde",
    "Dünger",
    "Frucht",
    "Blüte",
    "Knospe",
    "Zweig",
    "Stamm",
    "Rinde",
    "Moos",
]
ADJECTIVES = [
    "lockerer",
    "feuchter",
    "sonniger",
    "schattiger",
    "kräftiger",
    "junger",
    "alter",
    "frischer",
    "reifer",
    "dichter",
    "leichter",
    "schwerer",
    "warmer",
    "kühler",
    "trockener",
    "gesunder",
]
VERBS = [
    "braucht",
    "schützt",
    "nährt",
    "speichert",
    "bindet",
    "lockert",
    "wärmt",
    "kühlt",
    "trägt",
    "hält",
    "stärkt",
    "fördert",
]
CONNECTORS = ("Deshalb", "Außerdem", "Im Sommer", "Im Herbst", "Oft", "Meistens", "Zudem")


def sentence(rng: random.Random, words: int = 11) -> str:
    parts = [rng.choice(CONNECTORS), rng.choice(VERBS), "der", rng.choice(ADJECTIVES)]
    while len(parts) < words:
        parts += [rng.choice(NOUNS), "und", "der", rng.choice(ADJECTIVES)]
    parts = [*parts[:words], rng.choice(NOUNS)]
    return " ".join(parts) + "."


def paragraph(rng: random.Random, sentences: int = 5) -> str:
    return " ".join(sentence(rng) for _ in range(sentences))


def heading(rng: random.Random, number: int, position: int) -> str:
    return (
        f"Teil {position} zu Thema {number}: {rng.choice(ADJECTIVES).capitalize()} "
        f"{rng.choice(NOUNS)} und {rng.choice(NOUNS)} im Jahreslauf"
    )


def generated_article(number: int) -> str:
    """A German article of the seed's size and shape; title, slug and 6 keywords are unique."""
    rng = random.Random(number)
    lines = ["", f"Wie pflegt man {rng.choice(NOUNS)} und {rng.choice(NOUNS)} im Fall {number}?"]
    lines.append(paragraph(rng, 6))
    for position in range(1, 7):
        lines.append(heading(rng, number, position))
        lines += [paragraph(rng, 5) for _ in range(5)]
    lines += ["Fazit", paragraph(rng, 4), paragraph(rng, 4)]
    lines.append("Fragen & Antworten")
    for position in range(1, 6):
        lines.append(f"F: Was braucht {rng.choice(NOUNS)} Nummer {position} im Fall {number}?")
        lines.append(f"A: {paragraph(rng, 3)}")
    lines.append("Wichtige Schlüsselwörter")
    lines += [f"- {NOUNS[position]} Pflege {number}" for position in range(6)]
    # Three keywords from a shared pool: real imports reuse keywords as well as adding them.
    lines += [f"- {term} Ratgeber" for term in rng.sample(NOUNS, 3)]
    return "\n".join(lines) + "\n"


def database_backend_pid(connection) -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]


def process_cpu_seconds(pid: int) -> float:
    """User + system CPU time of a local process (the PostgreSQL backend serving us)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def import_in_this_process(paths, options, profile: bool):
    """Import in this process, as ``import_articles`` does with one worker."""
    from django.db import connection

    from articles.importing import SEARCH_INDEX_EVERY, Outcome, import_article_files
    from articles.parallel_import import QueryCounter

    count = len(paths)
    # Queries are averaged over a window of SEARCH_INDEX_EVERY files, which holds one
    # index flush: after 100 files, and at the end of the run.
    window = SEARCH_INDEX_EVERY
    windows = {100: 101, count - window: count - window + 1}
    queries: dict[int, float] = {}
    profiler = cProfile.Profile() if profile else None
    backend_pid = database_backend_pid(connection)
    backend_cpu = process_cpu_seconds(backend_pid)
    started, started_cpu = time.perf_counter(), time.process_time()
    reports = import_article_files(paths, options=options)
    counter = QueryCounter()
    counting = None
    for position in range(1, count + 1):
        if position in windows.values():
            counter.count = 0
            counting = connection.execute_wrapper(counter)
            counting.__enter__()
        if profiler:
            profiler.enable()
        report = next(reports)
        if profiler:
            profiler.disable()
        if counting is not None and position - window + 1 in windows.values():
            counting.__exit__(None, None, None)
            queries[position - window] = counter.count / window
            counting = None
        if report.outcome is not Outcome.CREATED:
            sys.exit(f"{report.source}: {report.outcome} {report.reason}")
    for _ in reports:  # the final index flush
        pass
    elapsed = time.perf_counter() - started
    importer_cpu = time.process_time() - started_cpu
    database_cpu = process_cpu_seconds(backend_pid) - backend_cpu
    return elapsed, importer_cpu, database_cpu, queries, window, profiler


def import_in_parallel(paths, options, workers: int, database: str):
    """Import with ``workers`` processes, as ``import_articles --workers N`` does.

    CPU: this process and its workers (reaped at the end), plus every PostgreSQL backend
    serving the benchmark database, sampled while the workers are connected. Queries: counted
    in each worker per chunk of files (one index flush each); shown for the chunk holding file
    101 and for the last chunk.
    """
    from articles.importing import Outcome
    from articles.parallel_import import ParallelStats, import_in_workers

    count = len(paths)
    stats = ParallelStats()
    backends: dict[int, float] = {}
    before = os.times()
    started = time.perf_counter()
    reports = import_in_workers(paths, options=options, workers=workers, stats=stats)
    for position, report in enumerate(reports, start=1):
        if report.outcome is not Outcome.CREATED:
            sys.exit(f"{report.source}: {report.outcome} {report.reason}")
        if position % 10 == 0 or position == count:
            backends.update(database_backends_cpu(database))
    elapsed = time.perf_counter() - started
    after = os.times()
    importer_cpu = sum(after[:4]) - sum(before[:4])
    database_cpu = sum(backends.values())
    by_position = {position: chunk for chunk in stats.chunks for position in chunk.positions}
    queries: dict[str, float] = {}
    for position in (100, count - 1):
        chunk = by_position[position]
        queries[f"~{min(chunk.positions)}"] = chunk.queries / len(chunk.positions)
    window = "worker chunk's"
    return elapsed, importer_cpu, database_cpu, queries, window


def database_backends_cpu(database: str) -> dict[int, float]:
    """CPU seconds of each local PostgreSQL backend connected to ``database`` (by the process
    title PostgreSQL gives its backends: "postgres: ... <user> <database> ...")."""
    found: dict[int, float] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            title = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            if title.startswith("postgres:") and f" {database} " in title:
                found[int(entry.name)] = process_cpu_seconds(int(entry.name))
        except (OSError, ValueError):
            continue
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--publish", action="store_true", help="import with --publish")
    parser.add_argument("--profile", action="store_true", help="print the top cProfile entries")
    parser.add_argument("--keep", action="store_true", help="keep the benchmark database")
    parser.add_argument(
        "--workers", type=int, default=2, help="import processes, as import_articles --workers"
    )
    parser.add_argument(
        "--again", action="store_true", help="then import the same files again (all unchanged)"
    )
    parser.add_argument(
        "--database", default=BENCH_DATABASE, help=f"throw-away database ({BENCH_DATABASE})"
    )
    arguments = parser.parse_args()
    if arguments.count < 200:
        sys.exit("--count must be at least 200 (queries are measured after 100 and at the end)")

    database = arguments.database
    admin_url, bench_url = database_urls(database)
    recreate_database(admin_url, database)
    os.environ["DATABASE_URL"] = bench_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    # Without DEBUG, Django keeps no query log (memory, time); queries are counted explicitly.
    os.environ["DEBUG"] = "false"
    sys.path.insert(0, str(REPO))
    import django

    django.setup()
    from django.core.management import call_command

    from articles.importing import ImportOptions, import_article_files
    from articles.services import article_index_get_or_create

    try:
        call_command("migrate", "--noinput", verbosity=0)
        index, _ = article_index_get_or_create(slug="blog", titles={"de": "Ratgeber"})
        options = ImportOptions(parent=index, publish=arguments.publish)
        with tempfile.TemporaryDirectory() as folder:
            paths = []
            for number in range(1, arguments.count + 1):
                path = Path(folder) / f"article_{number:05d}.txt"
                path.write_text(generated_article(number), encoding="utf-8")
                paths.append(path)
            words = len(generated_article(1).split())
            print(f"{arguments.count} generated articles of ~{words} words each")

            if arguments.workers > 1:
                print(f"importing with {arguments.workers} worker processes")
                figures = import_in_parallel(paths, options, arguments.workers, database)
                elapsed, importer_cpu, database_cpu, queries, window = figures
            else:
                print("importing in this process (--workers 1)")
                figures = import_in_this_process(paths, options, arguments.profile)
                elapsed, importer_cpu, database_cpu, queries, window, profiler = figures
            if arguments.again:
                again_started = time.perf_counter()
                outcomes = Counter(
                    report.outcome for report in import_article_files(paths, options=options)
                )
                again = time.perf_counter() - again_started

        print(f"imported {arguments.count} articles in {elapsed:.1f} s")
        print(f"articles per second: {arguments.count / elapsed:.1f}")
        # The machine is shared: wall-clock figures suffer from other processes. CPU time per
        # article (the importer's Python and its PostgreSQL backend) does not.
        per_article = (importer_cpu + database_cpu) / arguments.count
        print(
            f"CPU per article: importer {importer_cpu / arguments.count * 1000:.1f} ms, "
            f"PostgreSQL {database_cpu / arguments.count * 1000:.1f} ms, "
            f"together {per_article * 1000:.1f} ms"
        )
        cores = os.cpu_count() or 1
        if arguments.workers == 1:
            # One importer and its backend take turns: one core's worth at most.
            print(f"-> at most {1 / per_article:.1f} articles/s for one importer")
        else:
            print(
                f"-> at most {cores / per_article:.1f} articles/s if all {cores} cores did "
                "nothing else (lock waits and other processes lower it)"
            )
        # ru_maxrss: this process's peak, and the largest peak of any reaped worker.
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"peak RSS: this process {own:.0f} MiB, largest worker {workers:.0f} MiB")
        print(f"load average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
        if arguments.again:
            summary = ", ".join(f"{count} {outcome}" for outcome, count in outcomes.items())
            print(
                f"importing the same files again: {summary} in {again:.1f} s "
                f"({arguments.count / again:.1f} files/s)"
            )
        for existing, count in queries.items():
            print(
                f"queries per article with {existing} articles already there "
                f"(mean of the {window} files): {count:.1f}"
            )
        if arguments.workers == 1 and profiler:
            stats = pstats.Stats(profiler)
            stats.sort_stats("cumulative").print_stats(45)
            stats.sort_stats("tottime").print_stats(25)
    finally:
        from django.db import connections

        connections.close_all()
        if not arguments.keep:
            drop_database(admin_url, database)


if __name__ == "__main__":
    main()
