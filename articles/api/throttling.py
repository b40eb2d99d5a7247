"""Throttling of the public API, shared by the views and the response cache's fast path.

Clients are anonymous (the content API is public and read-only) and throttled by address,
unless they present a read-only API token (``articles.api.tokens``): then by token, at its
rate. The anonymous rate is read from ``REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["anon"]`` at
request time (``API_THROTTLE_RATE``; ``off`` disables throttling).

The address is ``REMOTE_ADDR``: ``X-Forwarded-For`` is anyone's to write, so it counts only
behind proxies the operator declares (``TRUSTED_PROXY_COUNT``, DRF's ``NUM_PROXIES``); then the
address the nearest trusted proxy saw is used, never the client's own claims before it.

The request history lives in the cache. While the cache is unreachable (``cms.cache_backend``
has opened its circuit) throttling fails open - a cache outage must not become an API outage -
and says so in the log once a minute.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle

from cms.cache_backend import any_breaker_open

logger = logging.getLogger(__name__)

FAIL_OPEN_LOG_SECONDS = 60.0


class _FailOpenLog:
    def __init__(self) -> None:
        self.logged_at: float | None = None

    def note(self) -> None:
        now = time.monotonic()
        if self.logged_at is None or now - self.logged_at >= FAIL_OPEN_LOG_SECONDS:
            self.logged_at = now
            logger.warning(
                "API throttling is not enforced: the cache holding request counts is "
                "unreachable (logged once per %.0f s while it lasts)",
                FAIL_OPEN_LOG_SECONDS,
            )


fail_open_log = _FailOpenLog()


class PublicApiThrottle(SimpleRateThrottle):
    """Per address; or, for a request with an API token (``request.auth``, see
    ``articles.api.tokens``), per token at the token's own rate."""

    scope = "anon"

    def get_rate(self) -> str | None:
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)

    def get_cache_key(self, request: Any, view: Any) -> str:
        token = _token(request)
        if token is not None:
            return self.cache_format % {"scope": "token", "ident": token.pk}
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}

    def allow_request(self, request: Any, view: Any) -> bool:
        token = _token(request)
        if token is not None:
            from articles.api.tokens import token_rate

            self.rate = token_rate(token)
            self.num_requests, self.duration = self.parse_rate(self.rate)
        if self.rate is None:
            return True
        allowed = super().allow_request(request, view)
        if any_breaker_open():
            fail_open_log.note()
        return allowed


def _token(request: Any) -> Any:
    from articles.api.tokens import TokenIdentity

    auth = getattr(request, "auth", None)
    return auth if isinstance(auth, TokenIdentity) else None


class _Identified:
    """A Django request seen with the token it presents, as DRF's ``request.auth`` would be."""

    def __init__(self, request: Any, token: Any) -> None:
        self.META = request.META
        self.auth = token


def throttle_wait(request: Any, token: Any = None) -> float | None:
    """Seconds to wait when ``request`` (Django's or DRF's, with the ``TokenIdentity`` it
    presents, if any) is over its rate, else None."""
    if token is None and api_settings.DEFAULT_THROTTLE_RATES.get(PublicApiThrottle.scope) is None:
        return None  # anonymous throttling is off
    throttle = PublicApiThrottle()
    if throttle.allow_request(_Identified(request, token) if token else request, None):
        return None
    return throttle.wait() or 1.0
