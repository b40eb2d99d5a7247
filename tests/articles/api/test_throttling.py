"""Clients are told apart by the connection's address; X-Forwarded-For counts only behind
declared proxies. A cache outage lets requests through, and says so once per interval."""

from __future__ import annotations

import logging

import pytest

from tests.articles.api.conftest import article_content
from tests.wsgi_client import call, production_app

pytestmark = pytest.mark.django_db

URL = "/api/v1/articles/?lang=de"


@pytest.fixture
def two_per_minute(settings, make_article):
    make_article(content=article_content(slug="garten"))
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "2/minute"},
    }


def statuses(forwarded_for: list[str], remote_addr: str = "203.0.113.7") -> list[int]:
    return [
        call(
            production_app(),
            URL,
            headers={"X-Forwarded-For": value},
            remote_addr=remote_addr,
        ).status
        for value in forwarded_for
    ]


def test_a_new_x_forwarded_for_per_request_does_not_escape_the_throttle(two_per_minute):
    forged = [f"198.51.100.{n}" for n in range(6)]
    assert statuses(forged) == [200, 200, 429, 429, 429, 429]


def test_other_connections_have_their_own_allowance(two_per_minute):
    assert statuses(["x", "x", "x"], remote_addr="203.0.113.7") == [200, 200, 429]
    assert statuses(["x"], remote_addr="203.0.113.8") == [200]


def test_behind_one_declared_proxy_the_address_it_saw_counts(two_per_minute, settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    proxy = "10.0.0.1"
    # The proxy appends the address it saw; what the client wrote before it is ignored.
    client_a = [f"forged-{n}, 203.0.113.7" for n in range(3)]
    assert statuses(client_a, remote_addr=proxy) == [200, 200, 429]
    assert statuses(["forged, 203.0.113.8"], remote_addr=proxy) == [200]


def test_throttling_fails_open_while_the_cache_is_down_and_logs_it_once(
    two_per_minute, monkeypatch, caplog
):
    from articles.api import throttling

    monkeypatch.setattr(throttling, "any_breaker_open", lambda: True)
    monkeypatch.setattr(throttling.fail_open_log, "logged_at", None)
    # The request history cannot be read or written: every request looks like the first.
    monkeypatch.setattr(throttling.PublicApiThrottle, "cache", _ForgetfulCache())
    with caplog.at_level(logging.WARNING, logger="articles.api.throttling"):
        assert statuses([f"x{n}" for n in range(5)]) == [200] * 5
    warnings = [r for r in caplog.records if r.name == "articles.api.throttling"]
    assert len(warnings) == 1
    assert "not enforced" in warnings[0].getMessage()


class _ForgetfulCache:
    def get(self, key, default=None):
        return default

    def set(self, *args, **kwargs):
        return None
