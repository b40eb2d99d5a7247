"""Redis failing under a running application: paused (CLIENT PAUSE), stopped, restarted.

Each test starts its own ``redis-server`` on a free loopback port and drives
``cms.wsgi.application`` with the cache pointed at it. Requests must keep answering - within
seconds, not after the fault - at the cost of one timeout per retry interval; a publish while
Redis is down must be visible at once; after Redis comes back (with its old entries) the cache
is used again without anyone acting, and nothing stale is served.
"""

from __future__ import annotations

import logging
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest

from articles.services import article_update_language
from tests.articles.api.conftest import article_content
from tests.wsgi_client import call, production_app

REDIS_SERVER = shutil.which("redis-server")

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.slow,
    pytest.mark.skipif(REDIS_SERVER is None, reason="redis-server is not installed"),
]

# Generous: on a loaded 2-core machine an uncached request takes well under a second; a request
# that waits for a hung Redis without a timeout takes the whole pause (PAUSE_MS) or longer.
ANSWER_WITHIN_SECONDS = 3.0
PAUSE_MS = 8000


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class RedisServer:
    def __init__(self, directory: Path) -> None:
        self.port = free_port()
        self.directory = directory
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def client(self):
        import redis

        return redis.Redis(port=self.port, socket_timeout=5, socket_connect_timeout=5)

    def start(self) -> None:
        options = {"port": self.port, "bind": "127.0.0.1", "save": "", "appendonly": "no"}
        options.update(dir=self.directory, dbfilename="dump.rdb")
        self.process = subprocess.Popen(
            [
                REDIS_SERVER,
                *(part for item in options.items() for part in (f"--{item[0]}", str(item[1]))),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 20
        while True:
            try:
                if self.client().ping():
                    return
            except Exception:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def stop(self, *, keep_data: bool = False) -> None:
        if self.process is None:
            return
        if keep_data:
            self.client().save()  # comes back with its entries, as a persisted Redis would
        self.process.terminate()
        self.process.wait(timeout=20)
        self.process = None


@pytest.fixture
def redis_server(tmp_path):
    server = RedisServer(tmp_path)
    server.start()
    yield server
    server.stop()


def use_redis(settings, server: RedisServer, *, retry_seconds: int) -> None:
    from articles.api.caching import recent_entries
    from articles.cache import remembered_state

    settings.CACHES = {
        "default": {
            "BACKEND": "cms.cache_backend.ResilientRedisCache",
            "LOCATION": server.url,
            "KEY_PREFIX": f"fault-test-{server.port}",
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.25,
                "SOCKET_TIMEOUT": 0.25,
                "RETRY_SECONDS": retry_seconds,
            },
        }
    }
    remembered_state.forget()
    recent_entries.clear()


def forget_process_memory() -> None:
    """What another worker process has: nothing in memory, everything from Redis."""
    from articles.api.caching import recent_entries

    recent_entries.clear()


def timed(target: str) -> tuple[float, object]:
    started = time.monotonic()
    response = call(production_app(), target)
    return time.monotonic() - started, response


@pytest.fixture
def articles(make_article):
    make_article(content=article_content(slug="garten", title="Gartenboden"))
    make_article(content=article_content(slug="balkon", title="Balkon"))


def breaker_failures(monkeypatch, server: RedisServer) -> list[float]:
    from cms.cache_backend import CircuitBreaker

    failures: list[float] = []
    original = CircuitBreaker.failed

    def counting(self):
        if self.name == server.url:
            failures.append(time.monotonic())
        original(self)

    monkeypatch.setattr(CircuitBreaker, "failed", counting)
    return failures


def test_a_hung_redis_costs_one_timeout_not_one_per_request(
    settings, redis_server, articles, monkeypatch
):
    use_redis(settings, redis_server, retry_seconds=60)
    cached = "/api/v1/articles/garten/?lang=de"
    assert timed(cached)[1].status == 200  # rendered and stored in Redis
    forget_process_memory()
    failures = breaker_failures(monkeypatch, redis_server)
    redis_server.client().execute_command("CLIENT", "PAUSE", PAUSE_MS, "ALL")
    targets = [cached, "/api/v1/articles/balkon/?lang=de", "/api/v1/articles/?lang=de"] * 4
    results = [timed(target) for target in targets]
    assert [response.status for _elapsed, response in results] == [200] * len(targets)
    slowest = max(elapsed for elapsed, _response in results)
    assert slowest < ANSWER_WITHIN_SECONDS, f"a request waited {slowest:.1f} s for Redis"
    assert len(failures) == 1  # the first timeout opened the circuit; the rest skipped Redis


def test_redis_stopped_and_restarted_under_a_running_server(
    settings, redis_server, make_article, monkeypatch, caplog
):
    from articles.api import throttling

    use_redis(settings, redis_server, retry_seconds=1)
    monkeypatch.setattr(throttling.fail_open_log, "logged_at", None)
    page = make_article(content=article_content(slug="garten", title="Alter Titel"))
    url = "/api/v1/articles/garten/?lang=de"
    assert b"Alter Titel" in timed(url)[1].body
    assert b"Alter Titel" in timed(url)[1].body  # a hit
    redis_server.stop(keep_data=True)  # its entries (the old title) survive the restart
    forget_process_memory()

    with caplog.at_level(logging.WARNING):
        during = [timed(url) for _ in range(5)]
        assert all(response.status == 200 for _elapsed, response in during)
        assert max(elapsed for elapsed, _response in during) < ANSWER_WITHIN_SECONDS
        # Publishing while Redis is down: the change is visible at once.
        article_update_language(
            page=page,
            lang="de",
            content=article_content(slug="garten", title="Neuer Titel"),
            publish=True,
        )
        assert b"Neuer Titel" in timed(url)[1].body
    throttle_warnings = [r for r in caplog.records if r.name == "articles.api.throttling"]
    assert len(throttle_warnings) == 1  # throttling failed open, said so once
    assert any(r.name == "cms.cache_backend" for r in caplog.records)  # the outage, once

    redis_server.start()
    keys_before = len(redis_server.client().keys("*"))
    time.sleep(1.2)  # the retry interval passes; nobody touches anything
    forget_process_memory()
    for _ in range(3):
        elapsed, response = timed(url)
        assert response.status == 200 and elapsed < ANSWER_WITHIN_SECONDS
        assert b"Neuer Titel" in response.body  # never the old entry Redis came back with
    assert len(redis_server.client().keys("*")) > keys_before  # the cache is in use again
