"""The production topology: stateless app servers sharing one PostgreSQL and one Redis.

Two gunicorns on two free ports, production settings (tests/deployment/server_settings.py),
the same database and Redis database.
A change made through one (an editor unpublishing and publishing in the admin of server A) is
served by the other (server B, which had the old response cached in the shared cache) within
the content version's recheck interval, and the throttle counts a client's requests on both
servers together. docs/deployment.md describes the topology.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
import requests
from django.conf import settings
from django.db import connection

from articles.cache import RECHECK_SECONDS
from tests.articles.api.conftest import article_content

REPO = Path(__file__).resolve().parents[2]
# Starting a server and seeing a change take longer on a loaded machine than the interval
# itself; this bounds the wait, not the interval.
START_SECONDS = 60
SLACK_SECONDS = 5.0

pytestmark = [
    pytest.mark.slow,
    # The servers read what this test commits; the serialized rollback restores Wagtail's root
    # page and site afterwards.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql" or not os.environ.get("REDIS_URL"),
        reason="the production topology needs PostgreSQL (DATABASE_URL) and Redis (REDIS_URL), "
        "as CI's .ci/run provides",
    ),
]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _test_database_url() -> str:
    """DATABASE_URL pointing at the test database this session created."""
    parts = urlsplit(os.environ["DATABASE_URL"])
    return urlunsplit(parts._replace(path=f"/{connection.settings_dict['NAME']}"))


class AppServer:
    def __init__(self, env: dict[str, str]) -> None:
        self.port = _free_port()
        gunicorn = str(Path(sys.executable).with_name("gunicorn"))
        self.process = subprocess.Popen(
            [
                gunicorn,
                "cms.wsgi:application",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                "1",
                "--log-level",
                "warning",
            ],
            env=env,
            cwd=REPO,
            start_new_session=True,
        )

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def wait_until_up(self) -> None:
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            assert self.process.poll() is None, f"gunicorn exited with {self.process.returncode}"
            try:
                # Not an API URL: that would count towards the throttle.
                if requests.get(f"{self.url}/admin/login/", timeout=30).status_code < 500:
                    return
            except (requests.ConnectionError, requests.Timeout):
                time.sleep(0.3)
        raise AssertionError(f"gunicorn on port {self.port} did not start")

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


@pytest.fixture
def start_servers():
    """``start_servers(**env) -> (a, b)``: two app servers on one database and one Redis."""
    started: list[AppServer] = []

    def start(**extra: str) -> tuple[AppServer, AppServer]:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.deployment.server_settings",
            "SECRET_KEY": "topology-test-only",
            "DATABASE_URL": _test_database_url(),
            # This test process's Redis database: each pytest-xdist worker has its own
            # (cms/settings/test.py), and another worker's cache.clear() would reset counters.
            "REDIS_URL": settings.CACHES["default"]["LOCATION"],
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_HSTS_SECONDS": "0",
            "SESSION_COOKIE_SECURE": "false",
            "CSRF_COOKIE_SECURE": "false",
            "LOG_LEVEL": "ERROR",
            **extra,
        }
        servers = (AppServer(env), AppServer(env))
        started.extend(servers)
        for server in servers:
            server.wait_until_up()
        return servers

    yield start
    for server in started:
        server.stop()


def _status_within(url: str, expected: int, seconds: float) -> float:
    """Seconds until ``url`` answers ``expected`` (fails after ``seconds``)."""
    started = time.monotonic()
    status = None
    while time.monotonic() - started < seconds:
        status = requests.get(url, timeout=10).status_code
        if status == expected:
            return time.monotonic() - started
        time.sleep(0.05)
    raise AssertionError(f"{url} still answers {status}, not {expected}, after {seconds} s")


def _plain_http_cookies(session: requests.Session) -> None:
    # Production marks the session and CSRF cookies Secure (HTTPS behind the proxy); these
    # servers speak plain HTTP on loopback, so the client sends them anyway.
    for cookie in session.cookies:
        cookie.secure = False


def _admin_session(server: AppServer, username: str, password: str) -> requests.Session:
    session = requests.Session()
    login = session.get(f"{server.url}/admin/login/", timeout=10)
    _plain_http_cookies(session)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login.text).group(1)
    response = session.post(
        f"{server.url}/admin/login/",
        data={"csrfmiddlewaretoken": token, "username": username, "password": password},
        headers={"Referer": f"{server.url}/admin/login/"},
        timeout=10,
        allow_redirects=False,
    )
    assert response.status_code == 302, response.text[:500]
    _plain_http_cookies(session)
    return session


def _post_admin_form(session: requests.Session, server: AppServer, path: str) -> None:
    """GET an admin confirmation page and POST its form back, as an editor clicking it."""
    url = f"{server.url}{path}"
    page = session.get(url, timeout=10)
    assert page.status_code == 200, page.text[:500]
    _plain_http_cookies(session)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    response = session.post(
        url,
        data={"csrfmiddlewaretoken": token},
        headers={"Referer": url},
        timeout=30,
        allow_redirects=False,
    )
    assert response.status_code == 302, response.text[:500]


def test_a_change_through_one_server_is_served_by_the_other(start_servers, make_article):
    from django.contrib.auth import get_user_model

    page = make_article(content=article_content(slug="garten", title="Gartenjahr"))
    get_user_model().objects.create_superuser("editor", "editor@example.com", "pw-topology")
    a, b = start_servers(API_THROTTLE_RATE="off")
    detail = "/api/v1/articles/garten/?lang=de"
    assert requests.get(f"{b.url}{detail}", timeout=10).status_code == 200
    # B's response is now in the shared cache: A serves it as a hit.
    assert requests.get(f"{a.url}{detail}", timeout=10).headers.get("ETag")

    editor = _admin_session(a, "editor", "pw-topology")
    _post_admin_form(editor, a, f"/admin/pages/{page.pk}/unpublish/")
    took = _status_within(f"{b.url}{detail}", 404, RECHECK_SECONDS + SLACK_SECONDS)
    print(f"unpublished through A, gone on B after {took:.2f} s")

    _post_admin_form(editor, a, f"/admin/bulk/wagtailcore/page/publish/?id={page.pk}")
    took = _status_within(f"{b.url}{detail}", 200, RECHECK_SECONDS + SLACK_SECONDS)
    print(f"published through A, served by B after {took:.2f} s")
    listing = requests.get(f"{b.url}/api/v1/articles/?lang=de", timeout=10).json()
    assert [item["slug"] for item in listing["results"]] == ["garten"]


def test_throttling_counts_requests_on_both_servers_together(start_servers, make_article):
    make_article(content=article_content(slug="garten", title="Gartenjahr"))
    a, b = start_servers(API_THROTTLE_RATE="6/minute")
    statuses = [
        requests.get(f"{server.url}/api/v1/articles/garten/?lang=de", timeout=10).status_code
        for server in (a, b) * 4
    ]
    # 6 per minute for this client in all: the 7th and 8th are refused, whichever server.
    assert statuses == [200] * 6 + [429] * 2
    refused = requests.get(f"{a.url}/api/v1/languages/", timeout=10)
    assert refused.status_code == 429 and refused.headers["Retry-After"]
