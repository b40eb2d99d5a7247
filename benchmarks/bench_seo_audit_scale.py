"""Benchmark: ``manage.py seo_audit`` over the generated site (10,000 articles x 4 languages),
with 1 and 2 workers, at several site sizes. Not a test: it prints figures.

What it does:

1. gets a fresh copy of the generated site (``generate_site.py``: the template database
   ``cms_bench_scale_template_v<GENERATOR_VERSION>``, copied in seconds) as ``--database``;
2. for each size in ``--sizes`` (default 2,500, 5,000 and 10,000 articles) leaves that many
   articles live (the first by primary key) and the rest unpublished, so the audit (which reads
   live articles) sees a site of that size while the tables stay the same;
3. runs ``manage.py seo_audit --format json --output - --workers W`` for each W in
   ``--workers`` as a process of its own (production settings), reads its report through a
   pipe into a SHA-256 (so the reports of 1 and 2 workers can be compared byte for byte) and
   samples the memory of the command and its worker processes every 0.1 s from /proc: the
   peak RSS of the command, the peak of the sum of RSS over the command and its workers
   (which counts the pages they share after the fork once per process) and the peak of the
   sum of PSS (shared pages divided among the processes that share them).

    .venv/bin/python benchmarks/bench_seo_audit_scale.py [--sizes 2500,5000,10000]
        [--workers 1,2] [--batch-size 200] [--database cms_bench_scale_scaleops]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres  (server to use; default shown)
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

from _database import database_urls, drop_database
from bench_api import app_environment
from generate_site import ensure_site

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE = "cms_bench_scale_audit"
LANGUAGES = ("de", "en", "nl", "fr")  # every generated article is complete in each


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    found = [int(child) for child in text.split()]
    return found + [grand for child in found for grand in _children(child)]


def _memory_kib(pid: int) -> tuple[int, int]:
    """(RSS, PSS) of one process in KiB, (0, 0) once it is gone."""
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0, 0
    values = dict(re.findall(r"^(Rss|Pss):\s+(\d+) kB", text, re.MULTILINE))
    return int(values.get("Rss", 0)), int(values.get("Pss", 0))


class MemorySampler(threading.Thread):
    """Peaks of a process tree's memory, sampled until ``stop``."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak_main_rss = self.peak_total_rss = self.peak_total_pss = 0
        self.peak_processes = 0
        self._finished = threading.Event()

    def run(self) -> None:
        while not self._finished.wait(0.1):
            pids = [self.pid, *_children(self.pid)]
            samples = [_memory_kib(pid) for pid in pids]
            self.peak_main_rss = max(self.peak_main_rss, samples[0][0])
            self.peak_total_rss = max(self.peak_total_rss, sum(rss for rss, _ in samples))
            self.peak_total_pss = max(self.peak_total_pss, sum(pss for _, pss in samples))
            self.peak_processes = max(self.peak_processes, len(pids))

    def stop(self) -> None:
        self._finished.set()
        self.join()


def set_live_articles(database_url: str, count: int) -> int:
    """Leave the first ``count`` articles (by primary key) live, the others unpublished."""
    import psycopg

    with psycopg.connect(database_url, autocommit=True) as connection:
        connection.execute(
            """
            UPDATE wagtailcore_page p SET live = ranked.n <= %s
            FROM (SELECT page_ptr_id, row_number() OVER (ORDER BY page_ptr_id) AS n
                  FROM articles_articlepage) ranked
            WHERE p.id = ranked.page_ptr_id
            """,
            [count],
        )
        connection.execute("ANALYZE wagtailcore_page")
        row = connection.execute(
            "SELECT count(*) FROM wagtailcore_page p JOIN articles_articlepage a "
            "ON a.page_ptr_id = p.id WHERE p.live"
        ).fetchone()
    return row[0]


def run_audit(env: dict[str, str], workers: int, batch_size: int, checkpoints: list[int]) -> dict:
    """One audit; ``checkpoints``: article versions at which to note the elapsed time and the
    memory peaks so far (the JSON report has one line per version, counted as it streams)."""
    command = [
        str(REPO / ".venv" / "bin" / "python"),
        "manage.py",
        "seo_audit",
        "--format",
        "json",
        "--output",
        "-",
        "--batch-size",
        str(batch_size),
        "--workers",
        str(workers),
    ]
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    sampler = MemorySampler(process.pid)
    sampler.start()
    digest = hashlib.sha256()
    size = 0
    assert process.stdout is not None and process.stderr is not None
    lines, marks, waiting = 0, [], list(checkpoints)
    while chunk := process.stdout.read(1 << 16):
        digest.update(chunk)
        size += len(chunk)
        lines += chunk.count(b"\n")
        while waiting and lines >= waiting[0]:
            marks.append(
                (waiting.pop(0), time.perf_counter() - started, sampler.peak_total_pss / 1024)
            )
    stderr = process.stderr.read().decode()
    # The command's CPU time with its workers' (reaped by it before it exits): on a shared
    # machine the wall time depends on the other processes, the CPU time much less.
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - started
    sampler.stop()
    if process.returncode not in (0, 1):  # 1: some article below a threshold is not an error
        sys.exit(f"seo_audit failed ({process.returncode}):\n{stderr[-3000:]}")
    audited = re.search(r"Audited ([\d,]+) article", stderr)
    if "using one" in stderr:
        sys.exit(f"seo_audit did not use workers: {stderr}")
    return {
        "versions": int(audited.group(1).replace(",", "")) if audited else 0,
        "seconds": seconds,
        "cpu_seconds": usage.ru_utime + usage.ru_stime,
        "sha256": digest.hexdigest()[:16],
        "report_mib": size / 2**20,
        "main_rss_mib": sampler.peak_main_rss / 1024,
        "total_rss_mib": sampler.peak_total_rss / 1024,
        "total_pss_mib": sampler.peak_total_pss / 1024,
        "processes": sampler.peak_processes,
        "marks": marks,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000, help="generated site (10000)")
    parser.add_argument("--sizes", default="2500,5000,10000", help="live articles per run")
    parser.add_argument("--workers", default="1,2", help="worker counts to compare (1,2)")
    parser.add_argument("--batch-size", type=int, default=200)
    parser.add_argument("--database", default=DEFAULT_DATABASE, help="copy to audit")
    parser.add_argument("--keep", action="store_true", help="keep the copy afterwards")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    worker_counts = [int(count) for count in args.workers.split(",")]

    site = ensure_site(args.articles, args.database)
    print(f"site: copy {args.database} of {site['template']} in {site['copy_seconds']} s")
    maintenance_url, database_url = database_urls(args.database)
    env = app_environment(database_url, {})
    print(
        f"{'articles':>8} {'workers':>7} {'versions':>8} {'wall s':>7} {'CPU s':>6} "
        f"{'articles/s':>10} "
        f"{'versions/s':>10} {'RSS cmd':>8} {'RSS sum':>8} {'PSS sum':>8} {'procs':>5} "
        f"{'report':>8}  sha256 of the report"
    )
    try:
        for size in sizes:
            live = set_live_articles(database_url, size)
            digests = set()
            for workers in worker_counts:
                quarters = [live * len(LANGUAGES) * part // 4 for part in (1, 2, 3, 4)]
                result = run_audit(env, workers, args.batch_size, quarters)
                digests.add(result["sha256"])
                print(
                    f"{live:>8} {workers:>7} {result['versions']:>8} {result['seconds']:>7.1f} "
                    f"{result['cpu_seconds']:>6.0f} "
                    f"{live / result['seconds']:>10.1f} "
                    f"{result['versions'] / result['seconds']:>10.1f} "
                    f"{result['main_rss_mib']:>8.0f} {result['total_rss_mib']:>8.0f} "
                    f"{result['total_pss_mib']:>8.0f} {result['processes']:>5} "
                    f"{result['report_mib']:>6.0f}MB  {result['sha256']}",
                    flush=True,
                )
                print(
                    "      per quarter of the versions (s since start, PSS sum so far): "
                    + ", ".join(
                        f"{versions}: {seconds:.0f} s {pss:.0f} MiB"
                        for versions, seconds, pss in result["marks"]
                    ),
                    flush=True,
                )
            print(
                f"  {size} articles: reports of {', '.join(map(str, worker_counts))} workers "
                + ("identical" if len(digests) == 1 else "DIFFER"),
                flush=True,
            )
    finally:
        if not args.keep:
            drop_database(maintenance_url, args.database)
    print(
        "wall s: the command from start to exit (Django start-up and language data included); "
        "CPU s: user + system time of the command and its workers (not PostgreSQL's); "
        "RSS cmd: peak resident memory of the command's process; RSS sum / PSS sum: peak of "
        "the sum over the command and its workers (RSS counts pages shared after the fork once "
        "per process, PSS divides them); memory in MiB; the machine is shared (2 cores)."
    )


if __name__ == "__main__":
    main()
