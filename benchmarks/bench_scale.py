"""Benchmark: the content API on a large generated site (default 10,000 articles x 4 languages)
under gunicorn against PostgreSQL. Not a test: it prints figures.

What it does, in one run:

1. gets a fresh copy of the generated site (``generate_site.py``: built once as the template
   database ``cms_bench_scale_template_v<GENERATOR_VERSION>``, copied per run in seconds);
2. serves it with two gunicorns on loopback, both uncached (``API_RESPONSE_CACHE_TIMEOUT=0``,
   throttling off, production settings): the project as deployed, and the same project with
   Wagtail's API v2 mounted at /api/v2/ (``v2_settings.py``/``v2_urls.py``, benchmark-only);
3. measures with wrk (or the threaded fallback of ``bench_api.py``), in --rounds interleaved
   rounds whose median is reported: the v1 list page 1, page 400 and the same position by
   cursor, Wagtail v2's list (20 pages, its default fields) at offset 0 and at the same depth,
   and searches (a word every article has, and a title number only one article has), also
   with one client (the search's own latency, without queueing);
4. renders /sitemap.xml and one sitemap file in fresh processes and reports time and peak
   memory (with the default SITEMAP_MAX_URLS, and with 10,000 so that it is an index);
5. prints the ratios: uncached v1 list / Wagtail v2 list (target >= 3x), page 400 / page 1
   and cursor page / page 1 (target: deep page no slower than 1.2x page 1, i.e. >= 0.83).

    .venv/bin/python benchmarks/bench_scale.py [--articles 10000] [--duration 5] [--rounds 2]
        [--connections 4] [--workers 2] [--database cms_bench_scale_run]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres  (server to use; default shown)
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

import bench_api
from _database import database_urls
from bench_api import (
    Result,
    Server,
    app_environment,
    fetch,
    measure,
    median_result,
    print_result,
    start_gunicorn,
)
from generate_site import RUN_DATABASE, ensure_site

REPO = Path(__file__).resolve().parent.parent
TARGET_LIST_VS_V2 = 3.0
TARGET_DEEP_VS_FIRST = 1 / 1.2


def render_in_fresh_process(env: dict[str, str], path: str) -> dict:
    """Seconds (wall and the process's CPU) and peak RSS of rendering ``path`` once in a new
    process (test client)."""
    code = f"""
import json, resource, time, django
django.setup()
from django.test import Client
client = Client(HTTP_HOST="127.0.0.1")
client.get("/api/v1/languages/")  # start-up work (URL resolvers, content version) not counted
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started, cpu_started = time.perf_counter(), time.process_time()
response = client.get({path!r})
seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
assert response.status_code == 200, response.status_code
print(json.dumps({{"seconds": seconds, "cpu_seconds": cpu_seconds, "bytes": len(response.content),
    "urls": response.content.count(b"<url>"), "files": response.content.count(b"<sitemap>"),
    "rss_before_mb": before / 1024,
    "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""
    python = str(REPO / ".venv" / "bin" / "python")
    output = subprocess.run(
        [python, "-c", code], env=env, cwd=REPO, check=True, capture_output=True, text=True
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def _ports_from_range(spec: str):
    """A free-port picker limited to ``low-high`` (BENCH_PORT_RANGE), for shared machines."""
    import socket

    low, high = (int(part) for part in spec.split("-"))

    def pick() -> int:
        for port in range(low, high + 1):
            with socket.socket() as probe:
                try:
                    probe.bind(("127.0.0.1", port))
                except OSError:
                    continue
                return port
        sys.exit(f"no free port in {spec}")

    return pick


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000, help="articles (10000)")
    parser.add_argument("--duration", type=int, default=5, help="seconds per target (5)")
    parser.add_argument("--rounds", type=int, default=2, help="interleaved rounds (2)")
    parser.add_argument("--connections", type=int, default=4, help="concurrent clients (4)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (2)")
    parser.add_argument("--worker-class", default="sync", help="gunicorn worker class (sync)")
    parser.add_argument("--load", choices=["auto", "wrk", "threads"], default="auto")
    parser.add_argument("--rebuild", action="store_true", help="rebuild the template database")
    parser.add_argument(
        "--database",
        default=RUN_DATABASE,
        help=f"the copy to serve ({RUN_DATABASE}); one per developer on a shared server",
    )
    args = parser.parse_args()
    if args.load == "auto":
        args.load = "wrk" if shutil.which("wrk") else "threads"
    if os.environ.get("BENCH_PORT_RANGE"):
        bench_api.free_port = _ports_from_range(os.environ["BENCH_PORT_RANGE"])

    started = time.monotonic()
    site = ensure_site(args.articles, args.database, rebuild=args.rebuild)
    print(f"Site: {json.dumps(site)} ({time.monotonic() - started:.0f} s)", flush=True)
    _, database_url = database_urls(args.database)
    uncached = {"API_RESPONSE_CACHE_TIMEOUT": "0"}
    env = app_environment(database_url, uncached)
    v2_env = app_environment(
        database_url,
        {
            **uncached,
            "DJANGO_SETTINGS_MODULE": "v2_settings",
            "PYTHONPATH": str(REPO / "benchmarks"),
        },
    )
    servers: list[Server] = []
    try:
        ours = start_gunicorn("cms.wsgi:application", env, args)
        servers.append(ours)
        wagtail = start_gunicorn("cms.wsgi:application", v2_env, args)
        servers.append(wagtail)

        deep_page = min(400, max(1, args.articles // 20))
        first = "/api/v1/articles/?lang=de"
        deep = f"/api/v1/articles/?lang=de&page={deep_page}"
        status, _, body = fetch(ours.port, f"/api/v1/articles/?lang=de&page={deep_page - 1}")
        assert status == 200, status
        cursor = json.loads(body)["next_cursor"]
        by_cursor = f"/api/v1/articles/?lang=de&cursor={cursor}"
        assert (
            json.loads(fetch(ours.port, by_cursor)[2])["results"]
            == (json.loads(fetch(ours.port, deep)[2])["results"])
        ), "the cursor page must hold what the numbered page holds"
        v2_first = "/api/v2/pages/?type=articles.ArticlePage&limit=20"
        v2_deep = f"{v2_first}&offset={(deep_page - 1) * 20}"
        status, _, v2_body = fetch(wagtail.port, v2_first)
        assert status == 200, (status, v2_body[:300])
        broad = "/api/v1/articles/?lang=de&search=Garten"
        narrow = f"/api/v1/articles/?lang=de&search={args.articles // 2}"
        broad_count = json.loads(fetch(ours.port, broad)[2])["count"]
        narrow_count = json.loads(fetch(ours.port, narrow)[2])["count"]
        print(
            f"gunicorn --workers {args.workers} --worker-class {args.worker_class}, uncached; "
            f"{args.connections} clients x {args.duration} s per target; load: {args.load}; "
            f"{os.cpu_count()} CPUs shared with the load generator and other work; "
            f"search 'Garten' matches {broad_count}, '{args.articles // 2}' matches "
            f"{narrow_count}",
            flush=True,
        )

        targets = {
            "list 1": ("v1 list page 1", ours, first),
            "list deep": (f"v1 list page {deep_page}", ours, deep),
            "list cursor": (f"v1 list cursor @{deep_page}", ours, by_cursor),
            "v2 list 1": ("Wagtail v2 list offset 0", wagtail, v2_first),
            "v2 list deep": (f"Wagtail v2 list page {deep_page}", wagtail, v2_deep),
            "search broad": ("v1 search broad", ours, broad),
            "search narrow": ("v1 search narrow", ours, narrow),
            # One client: the latency of a search itself, without queueing behind the others.
            "search broad 1": ("v1 search broad, 1 client", ours, broad),
            "search narrow 1": ("v1 search narrow, 1 client", ours, narrow),
        }
        one_client = argparse.Namespace(**{**vars(args), "connections": 1})
        rounds: dict[str, list[Result]] = {name: [] for name in targets}
        for number in range(1, args.rounds + 1):
            print(f"\nRound {number} of {args.rounds}:", flush=True)
            for name, (label, server, path) in targets.items():
                load = one_client if name.endswith(" 1") else args
                rounds[name].append(measure(label, server, path, load))
        results = {name: median_result(found) for name, found in rounds.items()}
        print(f"\nMedians of {args.rounds} rounds:")
        for result in results.values():
            print_result(result)
    finally:
        for server in servers:
            server.stop()

    print("\nSitemaps (one render in a fresh process each):")
    sitemap_env = {**env, "DJANGO_SETTINGS_MODULE": "cms.settings.production"}
    for label, limit, path in (
        ("sitemap.xml, default limit", "50000", "/sitemap.xml"),
        ("sitemap.xml as index", "10000", "/sitemap.xml"),
        ("sitemap-1.xml of the index", "10000", "/sitemap-1.xml"),
    ):
        figures = render_in_fresh_process({**sitemap_env, "SITEMAP_MAX_URLS": limit}, path)
        print(
            f"  {label:<30} SITEMAP_MAX_URLS={limit:>5}: {figures['seconds']:.2f} s "
            f"({figures['cpu_seconds']:.2f} s CPU in the app process), "
            f"{figures['bytes'] / 1e6:.1f} MB, {figures['urls']} URLs, {figures['files']} files, "
            f"peak RSS {figures['peak_rss_mb']:.0f} MB (after start-up "
            f"{figures['rss_before_mb']:.0f} MB)",
            flush=True,
        )

    def rps(name: str) -> float:
        return results[name].requests_per_second

    def cpu(name: str) -> float:
        return results[name].server_cpu_us + results[name].client_cpu_us

    print("\nRatios (requests/s, this run; then CPU per request, i.e. on idle cores):")
    for label, ours_name, theirs_name, target in (
        ("uncached v1 list / Wagtail v2 list", "list 1", "v2 list 1", TARGET_LIST_VS_V2),
        (f"v1 page {deep_page} / page 1", "list deep", "list 1", TARGET_DEEP_VS_FIRST),
        (f"v1 cursor @{deep_page} / page 1", "list cursor", "list 1", TARGET_DEEP_VS_FIRST),
        ("v2 deep / v2 offset 0", "v2 list deep", "v2 list 1", None),
    ):
        for kind, ratio in (
            ("req/s", rps(ours_name) / rps(theirs_name)),
            ("CPU", cpu(theirs_name) / cpu(ours_name)),
        ):
            verdict = "" if target is None else ("  MET" if ratio >= target else "  MISSED")
            target_text = "" if target is None else f"   target >= {target:.2f}x"
            print(f"  {label:<40} {kind:<6} {ratio:>6.2f}x{target_text}{verdict}")
    for name in ("search broad", "search narrow", "search broad 1", "search narrow 1"):
        result = results[name]
        print(
            f"  {targets[name][0]:<40} p50 {result.p50_ms:.1f} ms, p99 {result.p99_ms:.1f} ms "
            "(target p99 < 50 ms)"
        )
    print(
        f"\nThis process: peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB"
    )


if __name__ == "__main__":
    sys.path.insert(0, str(REPO))
    main()
