"""Throttling of the public API, shared by the views and the response cache's fast path.

Every client is anonymous here (the content API is public and read-only) and is throttled by
address. The rate is read from ``REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["anon"]`` at request
time (``API_THROTTLE_RATE``; ``off`` disables throttling).
"""

from __future__ import annotations

from typing import Any

from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle


class PublicApiThrottle(SimpleRateThrottle):
    scope = "anon"

    def get_rate(self) -> str | None:
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)

    def get_cache_key(self, request: Any, view: Any) -> str:
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


def throttle_wait(request: Any) -> float | None:
    """Seconds to wait when ``request`` (Django's or DRF's) is over the rate, else None."""
    if api_settings.DEFAULT_THROTTLE_RATES.get(PublicApiThrottle.scope) is None:
        return None  # throttling is off
    throttle = PublicApiThrottle()
    if throttle.allow_request(request, None):
        return None
    return throttle.wait() or 1.0
