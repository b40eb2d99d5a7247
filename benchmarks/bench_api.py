"""Benchmark: the content API under gunicorn against PostgreSQL, next to a bare WSGI app returning
the same bytes. Not a test: it prints figures.

What it does, in one run:

1. creates a throw-away PostgreSQL database (dropped at the end unless --keep), migrates it and
   imports the seed article (../shared/seeds) through the importer, or, when the seed is absent,
   a generated article of the same shape; adds --articles generated articles (our own
   vocabulary) so the list endpoint has full pages;
2. serves the project with gunicorn on loopback (the same gunicorn settings for every target:
   --workers, --worker-class) with production settings, throttling off, and measures, each with
   a fixed number of concurrent clients for a fixed time, in --rounds interleaved rounds whose
   median is reported (robust to load changes on a shared machine):
   - /api/v1/ detail and list from the server-side cache, and 304 revalidations of both,
   - /api/v1/ detail and list uncached (a second server with API_RESPONSE_CACHE_TIMEOUT=0),
   - a bare WSGI app (no Django) returning the v1 detail's and list's bytes;
3. prints requests/s and p50/p99 latency per target, the queries per request, and the ratios
   against the targets: cache hit >= 0.5x bare, 304 >= 0.6x bare. (Wagtail's API v2, once the
   baseline of the uncached figures, is no longer served: docs/api.md.)

Load comes from ``wrk`` when installed (``apt-get install -y wrk``), else from a small threaded
http.client load generator in this file; the output says which.

    .venv/bin/python benchmarks/bench_api.py [--duration 10] [--rounds 3] [--connections 8]
        [--articles 40] [--workers 2] [--worker-class sync] [--cache locmem|redis] [--keep]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres  (server to use; default shown)
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import re
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from _database import database_urls, drop_database, recreate_database

REPO = Path(__file__).resolve().parent.parent
SEED_FILE = REPO.parent / "shared" / "seeds" / "000_f0fe1d16a1469c78.txt"
# Engineers sharing one PostgreSQL server give each run its own database name.
BENCH_DATABASE = os.environ.get("BENCH_API_DATABASE", "cms_bench_api")
BARE_BODY_DIR_VARIABLE = "BENCH_API_BARE_DIR"

TARGET_CACHE_HIT_VS_BARE = 0.5
TARGET_NOT_MODIFIED_VS_BARE = 0.6


# --- The bare WSGI app (imported by gunicorn as ``bench_api:bare_application``) -------------


def _load_bare_responses() -> dict[str, tuple[bytes, list[tuple[str, str]]]]:
    folder = Path(os.environ.get(BARE_BODY_DIR_VARIABLE, "."))
    responses = {}
    for name in ("detail", "list"):
        body_file = folder / f"{name}.body"
        if body_file.exists():
            body = body_file.read_bytes()
            headers = [("Content-Type", "application/json"), ("Content-Length", str(len(body)))]
            responses[f"/{name}"] = (body, headers)
    return responses


_BARE_RESPONSES: dict[str, tuple[bytes, list[tuple[str, str]]]] | None = None


def bare_application(environ, start_response):
    """The floor: no framework at all, the same bytes as the API's response."""
    global _BARE_RESPONSES
    if _BARE_RESPONSES is None:
        _BARE_RESPONSES = _load_bare_responses()
    found = _BARE_RESPONSES.get(environ.get("PATH_INFO", ""))
    if found is None:
        start_response("404 Not Found", [("Content-Type", "text/plain")])
        return [b"not found"]
    body, headers = found
    start_response("200 OK", headers)
    return [body]


# --- Generated content (our own vocabulary; never the seed's sentences) ------------------------

WORDS = {
    "de": (
        [
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
            "Hecke",
            "Rasen",
            "Laub",
            "Erde",
            "Blüte",
            "Knospe",
            "Zweig",
            "Moos",
        ],
        ["braucht", "schützt", "nährt", "lockert", "wärmt", "stärkt", "trägt", "hält"],
        [
            "lockerer",
            "feuchter",
            "sonniger",
            "kräftiger",
            "junger",
            "frischer",
            "reifer",
            "leichter",
            "gesunder",
        ],
    ),
    "en": (
        [
            "garden",
            "soil",
            "water",
            "plant",
            "root",
            "leaf",
            "sun",
            "rain",
            "compost",
            "bed",
            "seed",
            "harvest",
            "hedge",
            "lawn",
            "mulch",
            "earth",
            "blossom",
            "bud",
            "twig",
            "moss",
        ],
        ["needs", "protects", "feeds", "loosens", "warms", "strengthens", "carries", "holds"],
        ["loose", "damp", "sunny", "strong", "young", "fresh", "ripe", "light", "healthy"],
    ),
}


def _sentence(rng: random.Random, lang: str, words: int = 14) -> str:
    nouns, verbs, adjectives = WORDS[lang]
    parts = []
    while len(parts) < words:
        parts += [rng.choice(adjectives), rng.choice(nouns), rng.choice(verbs), rng.choice(nouns)]
    text = " ".join(parts[:words])
    return text[0].upper() + text[1:] + "."


def _paragraphs(rng: random.Random, lang: str, count: int, sentences: int = 5) -> str:
    return "".join(
        "<p>" + " ".join(_sentence(rng, lang) for _ in range(sentences)) + "</p>"
        for _ in range(count)
    )


def generated_content(number: int, lang: str, rng: random.Random):
    """An article of the seed's shape: intro, 6 sections of 2 paragraphs, a 2-paragraph
    conclusion, 5 FAQs, 9 keywords (about 2,000 words)."""
    from articles.content import ArticleContent, FAQContent, KeywordContent, SectionContent

    nouns = WORDS[lang][0]
    title = f"{_sentence(rng, lang, 6)[:-1]}?"
    return ArticleContent(
        title=title,
        slug=f"{'artikel' if lang == 'de' else 'article'}-{number}",
        intro_html=_paragraphs(rng, lang, 1),
        sections=tuple(
            SectionContent(
                heading=_sentence(rng, lang, 5)[:-1], body_html=_paragraphs(rng, lang, 2)
            )
            for _ in range(6)
        ),
        conclusion_html=_paragraphs(rng, lang, 2),
        faqs=tuple(
            FAQContent(
                question=f"{_sentence(rng, lang, 7)[:-1]}?",
                answer_html=_paragraphs(rng, lang, 1, 2),
            )
            for _ in range(5)
        ),
        keywords=tuple(
            KeywordContent(term=f"{rng.choice(nouns)} {rng.choice(nouns)}", focus=position == 0)
            for position in range(9)
        ),
        author_name="Benchmark",
    )


# --- Database and data ------------------------------------------------------------------------


def app_environment(database_url: str, extra: dict[str, str]) -> dict[str, str]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "benchmark-only-secret-key",
        "DATABASE_URL": database_url,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
        "API_THROTTLE_RATE": "off",
        "CONN_MAX_AGE": "600",
        "LOG_LEVEL": "ERROR",
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    env.update(extra)
    return env


def prepare_data(article_count: int) -> dict:
    """Runs inside a configured Django process (this script re-invoked with --prepare)."""
    import django

    django.setup()
    from django.utils import translation

    from articles.importing import ImportOptions, import_article
    from articles.models import ArticlePage
    from articles.services import article_create, article_index_get_or_create

    rng = random.Random(20240601)
    index, _created = article_index_get_or_create(
        slug="blog", titles={"de": "Ratgeber", "en": "Guide"}
    )
    source = "generated"
    for number in range(article_count):
        content = generated_content(number, "de", rng)
        article_create(parent=index, lang="de", content=content, publish=True)
    if SEED_FILE.is_file():
        report = import_article(
            SEED_FILE.read_bytes(),
            source=str(SEED_FILE),
            options=ImportOptions(parent=index, publish=True),
        )
        if report.page_id is None:
            sys.exit(f"seed import failed: {report.reason}")
        page = ArticlePage.objects.get(pk=report.page_id)
        source = "seed"
    else:
        with translation.override("de"):
            page = article_create(
                parent=index, lang="de", content=generated_content(9999, "de", rng), publish=True
            )
    return {
        "id": page.pk,
        "slug": page.slug_de,
        "lang": "de",
        "source": source,
        "articles": ArticlePage.objects.live().count(),
        "sections": page.sections.count(),
        "faqs": page.faqs.count(),
        "keywords": page.keywords.count(),
    }


def count_queries(urls: list[str]) -> dict[str, int]:
    """Queries per uncached request, measured in-process with Django's test client."""
    import django

    django.setup()
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from articles.api.caching import recent_entries

    client = Client(HTTP_HOST="127.0.0.1")
    counts = {}
    for url in urls:
        client.get(url)  # warm per-process caches (content types, site root paths)
        cache.clear()
        recent_entries.clear()  # the response cache's copies in process memory
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        counts[url] = len(captured)
    return counts


# --- Servers ----------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Server:
    process: subprocess.Popen
    port: int

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


def start_gunicorn(app: str, env: dict[str, str], args: argparse.Namespace, *extra: str) -> Server:
    port = free_port()
    command = [
        str(REPO / ".venv" / "bin" / "gunicorn"),
        app,
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(args.workers),
        "--worker-class",
        args.worker_class,
        "--log-level",
        "warning",
        "--chdir",
        str(REPO),
        *extra,
    ]
    process = subprocess.Popen(command, env=env, cwd=REPO, start_new_session=True)
    server = Server(process, port)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return server
        except OSError:
            if process.poll() is not None:
                sys.exit(f"gunicorn {app} exited with {process.returncode}")
            time.sleep(0.2)
    server.stop()
    sys.exit(f"gunicorn {app} did not start")


def fetch(port: int, path: str, headers: dict[str, str] | None = None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path, headers={"Host": "127.0.0.1", **(headers or {})})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, dict(response.getheaders()), body


# --- Load generation --------------------------------------------------------------------------


@dataclass
class Result:
    name: str
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    errors: int
    # CPU time per request of the server's processes and of the load generator: unlike
    # requests/s, hardly affected by other work on a shared machine.
    server_cpu_us: float = 0.0
    client_cpu_us: float = 0.0


CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def server_cpu_seconds(master_pid: int) -> float:
    """User + system CPU of a gunicorn master's workers (from /proc)."""
    total = 0.0
    try:
        children = Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()
    except OSError:
        return 0.0
    for pid in [master_pid, *children]:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / CLOCK_TICKS
    return total


def client_cpu_seconds() -> float:
    """CPU of finished child processes (wrk) plus this process's (the threaded client)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    own = resource.getrusage(resource.RUSAGE_SELF)
    return children.ru_utime + children.ru_stime + own.ru_utime + own.ru_stime


def _wrk_duration_ms(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60_000}[unit]


def run_wrk(name, port, path, headers, args) -> tuple[Result, int]:
    command = ["wrk", "-t2", f"-c{args.connections}", f"-d{args.duration}s", "--latency"]
    for key, value in (headers or {}).items():
        command += ["-H", f"{key}: {value}"]
    command.append(f"http://127.0.0.1:{port}{path}")
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50 = _wrk_duration_ms(re.search(r"^\s+50%\s+(\S+)", output, re.M).group(1))
    p99 = _wrk_duration_ms(re.search(r"^\s+99%\s+(\S+)", output, re.M).group(1))
    errors = 0
    match = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if match:
        errors += int(match.group(1))
    match = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    if match:
        errors += sum(int(group) for group in match.groups())
    return Result(name, rps, p50, p99, errors), requests


def run_threads(name, port, path, headers, args) -> tuple[Result, int]:
    """Fallback load generator: one thread per connection, keep-alive when the server allows."""
    latencies: list[list[float]] = [[] for _ in range(args.connections)]
    errors = [0] * args.connections
    stop_at = time.monotonic() + args.duration
    request_headers = {"Host": "127.0.0.1", **(headers or {})}

    def client(slot: int) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while time.monotonic() < stop_at:
            started = time.perf_counter()
            try:
                connection.request("GET", path, headers=request_headers)
                response = connection.getresponse()
                response.read()
                if response.status >= 400:
                    errors[slot] += 1
                if response.getheader("Connection", "").lower() == "close":
                    connection.close()
            except (OSError, http.client.HTTPException):
                errors[slot] += 1
                connection.close()
                continue
            latencies[slot].append(time.perf_counter() - started)
        connection.close()

    threads = [threading.Thread(target=client, args=(slot,)) for slot in range(args.connections)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    samples = sorted(sample for per_thread in latencies for sample in per_thread)
    if not samples:
        return Result(name, 0.0, 0.0, 0.0, sum(errors)), 0
    p99 = samples[min(len(samples) - 1, int(len(samples) * 0.99))]
    result = Result(
        name, len(samples) / elapsed, statistics.median(samples) * 1000, p99 * 1000, sum(errors)
    )
    return result, len(samples) + sum(errors)


def measure(name, server: Server, path, args, headers=None) -> Result:
    runner = run_wrk if args.load == "wrk" else run_threads
    warm = argparse.Namespace(**{**vars(args), "duration": 2})
    runner(name, server.port, path, headers, warm)  # warms every worker's caches and connections
    server_before, client_before = server_cpu_seconds(server.process.pid), client_cpu_seconds()
    result, requests = runner(name, server.port, path, headers, args)
    if requests:
        result.server_cpu_us = (server_cpu_seconds(server.process.pid) - server_before) / requests
        result.client_cpu_us = (client_cpu_seconds() - client_before) / requests
        result.server_cpu_us *= 1e6
        result.client_cpu_us *= 1e6
    print_result(result)
    return result


def print_result(result: Result) -> None:
    print(
        f"  {result.name:<24} {result.requests_per_second:>7.0f} req/s  "
        f"p50 {result.p50_ms:>7.2f} ms  p99 {result.p99_ms:>7.2f} ms  "
        f"CPU/request: server {result.server_cpu_us:>6.0f} us, "
        f"client {result.client_cpu_us:>4.0f} us"
        + (f"   ERRORS {result.errors}" if result.errors else ""),
        flush=True,
    )


def median_result(results: list[Result]) -> Result:
    return Result(
        results[0].name,
        statistics.median(result.requests_per_second for result in results),
        statistics.median(result.p50_ms for result in results),
        statistics.median(result.p99_ms for result in results),
        sum(result.errors for result in results),
        statistics.median(result.server_cpu_us for result in results),
        statistics.median(result.client_cpu_us for result in results),
    )


# --- Main -------------------------------------------------------------------------------------


def start_redis() -> tuple[subprocess.Popen, str]:
    if not shutil.which("redis-server"):
        sys.exit("--cache redis needs redis-server on PATH")
    port = free_port()
    process = subprocess.Popen(
        ["redis-server", "--port", str(port), "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        start_new_session=True,
    )
    time.sleep(0.5)
    return process, f"redis://127.0.0.1:{port}/0"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds per target (10)")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds (3)")
    parser.add_argument("--connections", type=int, default=8, help="concurrent clients (8)")
    parser.add_argument("--articles", type=int, default=40, help="generated articles (40)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (2)")
    parser.add_argument("--worker-class", default="sync", help="gunicorn worker class (sync)")
    parser.add_argument("--cache", choices=["locmem", "redis"], default="locmem")
    parser.add_argument("--load", choices=["auto", "wrk", "threads"], default="auto")
    parser.add_argument("--keep", action="store_true", help="keep the benchmark database")
    parser.add_argument("--prepare", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--count-queries", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()

    sys.path.insert(0, str(REPO))
    if args.prepare is not None:  # child process: create the data, print what it made
        print(json.dumps(prepare_data(args.prepare)))
        return
    if args.count_queries is not None:
        print(json.dumps(count_queries(args.count_queries)))
        return

    if args.load == "auto":
        args.load = "wrk" if shutil.which("wrk") else "threads"
    maintenance_url, database_url = database_urls(BENCH_DATABASE)
    redis_process = None
    cache_env: dict[str, str] = {}
    if args.cache == "redis":
        redis_process, redis_url = start_redis()
        cache_env["REDIS_URL"] = redis_url
    servers: list[Server] = []
    bare_dir = Path(tempfile.mkdtemp(prefix="bench-api-"))
    try:
        print(f"Database {BENCH_DATABASE} on {urlsplit(maintenance_url).netloc}; migrating...")
        recreate_database(maintenance_url, BENCH_DATABASE)
        env = app_environment(database_url, cache_env)
        python = str(REPO / ".venv" / "bin" / "python")
        subprocess.run(
            [python, "manage.py", "migrate", "--noinput", "-v", "0"], env=env, cwd=REPO, check=True
        )
        made = json.loads(
            subprocess.run(
                [python, __file__, "--prepare", str(args.articles)],
                env=env,
                cwd=REPO,
                check=True,
                capture_output=True,
                text=True,
            )
            .stdout.strip()
            .splitlines()[-1]
        )
        detail = f"/api/v1/articles/{made['slug']}/?lang={made['lang']}"
        listing = f"/api/v1/articles/?lang={made['lang']}"
        queries = json.loads(
            subprocess.run(
                [python, __file__, "--count-queries", detail, listing],
                env=env,
                cwd=REPO,
                check=True,
                capture_output=True,
                text=True,
            )
            .stdout.strip()
            .splitlines()[-1]
        )
        print(
            f"Detail article: {made['source']} (id {made['id']}, {made['sections']} sections, "
            f"{made['faqs']} FAQs, {made['keywords']} keywords); {made['articles']} live articles"
        )
        print(
            f"gunicorn --workers {args.workers} --worker-class {args.worker_class}; "
            f"{args.connections} concurrent clients x {args.duration} s per target; "
            f"load: {args.load}; cache: {args.cache}; settings: cms.settings.production; "
            f"{os.cpu_count()} CPUs (shared with the load generator)"
        )

        # All three servers run side by side (idle sync workers cost nothing); the targets are
        # measured in interleaved rounds and each figure is the median of its rounds, so a
        # load change on a shared machine hits every target alike.
        cached = start_gunicorn("cms.wsgi:application", env, args)
        servers.append(cached)
        uncached_env = app_environment(
            database_url, {**cache_env, "API_RESPONSE_CACHE_TIMEOUT": "0"}
        )
        uncached = start_gunicorn("cms.wsgi:application", uncached_env, args)
        servers.append(uncached)
        status, detail_headers, detail_body = fetch(cached.port, detail)
        assert status == 200, status
        status, list_headers, list_body = fetch(cached.port, listing)
        assert status == 200, status
        assert fetch(uncached.port, detail)[2] == detail_body
        (bare_dir / "detail.body").write_bytes(detail_body)
        (bare_dir / "list.body").write_bytes(list_body)
        bare_env = {**os.environ, BARE_BODY_DIR_VARIABLE: str(bare_dir)}
        bare = start_gunicorn(
            "bench_api:bare_application", bare_env, args, "--pythonpath", str(REPO / "benchmarks")
        )
        servers.append(bare)
        assert fetch(bare.port, "/detail")[2] == detail_body

        targets = {
            "v1 detail cached": ("v1 detail, cache hit", cached, detail, None),
            "v1 detail 304": (
                "v1 detail, 304",
                cached,
                detail,
                {"If-None-Match": detail_headers["ETag"]},
            ),
            "v1 detail uncached": ("v1 detail, uncached", uncached, detail, None),
            "bare detail": ("bare app, detail bytes", bare, "/detail", None),
            "v1 list cached": ("v1 list, cache hit", cached, listing, None),
            "v1 list 304": (
                "v1 list, 304",
                cached,
                listing,
                {"If-None-Match": list_headers["ETag"]},
            ),
            "v1 list uncached": ("v1 list, uncached", uncached, listing, None),
            "bare list": ("bare app, list bytes", bare, "/list", None),
        }
        rounds: dict[str, list[Result]] = {name: [] for name in targets}
        for number in range(1, args.rounds + 1):
            print(f"\nRound {number} of {args.rounds}:")
            for name, (label, server, path, headers) in targets.items():
                rounds[name].append(measure(label, server, path, args, headers))
        results = {name: median_result(found) for name, found in rounds.items()}
        print(f"\nMedians of {args.rounds} rounds:")
        for result in results.values():
            print_result(result)

        print(
            f"\nResponse sizes: v1 detail {len(detail_body):,} bytes, v1 list {len(list_body):,} "
            f"bytes (20 items)"
        )
        print(
            "Queries per uncached request: "
            + ", ".join(f"{url} {count}" for url, count in queries.items())
        )
        report_ratios(results)
    finally:
        for server in servers:
            server.stop()
        if redis_process is not None:
            os.killpg(redis_process.pid, signal.SIGTERM)
            redis_process.wait()
        shutil.rmtree(bare_dir, ignore_errors=True)
        if not args.keep:
            drop_database(maintenance_url, BENCH_DATABASE)


# (label, ours, theirs, target): each ratio compares run ``ours`` with run ``theirs``.
COMPARISONS = [
    ("cache-hit v1 detail / bare app", "v1 detail cached", "bare detail", TARGET_CACHE_HIT_VS_BARE),
    ("304 v1 detail / bare app", "v1 detail 304", "bare detail", TARGET_NOT_MODIFIED_VS_BARE),
    ("cache-hit v1 list / bare app", "v1 list cached", "bare list", TARGET_CACHE_HIT_VS_BARE),
    ("304 v1 list / bare app", "v1 list 304", "bare list", TARGET_NOT_MODIFIED_VS_BARE),
]


def report_ratios(results: dict[str, Result]) -> None:
    def rps(name: str) -> float:
        return results[name].requests_per_second

    # The same ratios from CPU per request (server + load generator): what the throughput
    # ratio is when the two cores do nothing else. Less sensitive to other work on the machine.
    def cpu(name: str) -> float:
        return results[name].server_cpu_us + results[name].client_cpu_us

    print("\nRatios of requests/s (this run, this machine's load) against the targets:")
    for label, ours, theirs, target in COMPARISONS:
        print_ratio(label, rps(ours) / rps(theirs), target)
    print("\nRatios of CPU per request (server + client), i.e. throughput on idle cores:")
    for label, ours, theirs, target in COMPARISONS:
        print_ratio(label, cpu(theirs) / cpu(ours), target)


def print_ratio(label: str, ratio: float, target: float | None) -> None:
    verdict = "" if target is None else ("  MET" if ratio >= target else "  MISSED")
    target_text = "" if target is None else f"   target >= {target:.1f}x"
    print(f"  {label:<40} {ratio:>6.2f}x{target_text}{verdict}")


if __name__ == "__main__":
    main()
