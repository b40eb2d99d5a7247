"""django-redis with a circuit breaker: a dead or hung Redis costs one timeout per interval,
not one per request.

Every Redis operation has connect and socket timeouts (``REDIS_TIMEOUT``, well under a
second). When one fails (timeout, refused connection, reset), the breaker opens: for
``REDIS_RETRY_SECONDS`` every cache operation of this process fails at once, without touching
the network, and django-redis' ``IGNORE_EXCEPTIONS`` turns that into a miss (reads) or a
no-op (writes). Then one operation is let through to probe; success closes the breaker. Each
opening and each recovery is logged once.

The state is per process (all threads share it), keyed by the Redis location.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from django_redis.cache import RedisCache
from django_redis.exceptions import ConnectionInterrupted

logger = logging.getLogger(__name__)

# Operations that do not talk to Redis (or must always run): never refused, never counted.
_LOCAL_OPERATIONS = frozenset({"close", "make_key", "make_pattern", "reverse_key"})


class CacheBypassed(ConnectionError):
    """Raised instead of talking to Redis while the breaker is open."""


class CircuitBreaker:
    def __init__(self, name: str, retry_seconds: float) -> None:
        self.name = name
        self.retry_seconds = retry_seconds
        self._open_until = 0.0  # monotonic time; 0 while closed
        self._probing = False
        self._lock = threading.Lock()

    @property
    def is_open(self) -> bool:
        return self._open_until != 0.0

    def allow(self) -> bool:
        """Whether an operation may go to Redis now (closed, or the one probe after a pause)."""
        if self._open_until == 0.0:
            return True
        with self._lock:
            if self._probing or time.monotonic() < self._open_until:
                return False
            self._probing = True
            return True

    def succeeded(self) -> None:
        if self._open_until == 0.0:
            return
        with self._lock:
            self._open_until = 0.0
            self._probing = False
        logger.warning("Cache %s reachable again; circuit closed", self.name)

    def failed(self) -> None:
        with self._lock:
            was_closed = self._open_until == 0.0
            self._open_until = time.monotonic() + self.retry_seconds
            self._probing = False
        if was_closed:
            logger.warning(
                "Cache %s unreachable; bypassing it for %s s at a time (responses are served "
                "uncached, throttling is not enforced)",
                self.name,
                self.retry_seconds,
                exc_info=True,
            )


_breakers: dict[str, CircuitBreaker] = {}
_breakers_lock = threading.Lock()


def breaker_for(name: str, retry_seconds: float) -> CircuitBreaker:
    with _breakers_lock:
        if name not in _breakers:
            _breakers[name] = CircuitBreaker(name, retry_seconds)
        return _breakers[name]


def any_breaker_open() -> bool:
    """Whether some cache of this process is being bypassed right now."""
    return any(breaker.is_open for breaker in list(_breakers.values()))


class _GuardedClient:
    """Wraps django-redis' client: refuses operations while the breaker is open and reports
    each operation's outcome to it."""

    def __init__(self, client: Any, breaker: CircuitBreaker) -> None:
        self._client = client
        self._breaker = breaker

    def __getattr__(self, name: str) -> Any:
        attribute = getattr(self._client, name)
        if name in _LOCAL_OPERATIONS or name.startswith("_") or not callable(attribute):
            return attribute
        return self._guard(attribute)

    def _guard(self, operation: Callable[..., Any]) -> Callable[..., Any]:
        breaker = self._breaker

        def guarded(*args: Any, **kwargs: Any) -> Any:
            if not breaker.allow():
                raise ConnectionInterrupted(connection=None) from CacheBypassed(breaker.name)
            try:
                result = operation(*args, **kwargs)
            except ConnectionInterrupted:
                breaker.failed()
                raise
            breaker.succeeded()
            return result

        return guarded


class ResilientRedisCache(RedisCache):
    """``BACKEND`` for Redis: django-redis plus the circuit breaker above (``OPTIONS``:
    ``RETRY_SECONDS``, besides django-redis' own)."""

    def __init__(self, server: str, params: dict[str, Any]) -> None:
        super().__init__(server, params)
        retry_seconds = float(params.get("OPTIONS", {}).get("RETRY_SECONDS", 5))
        self._breaker = breaker_for(str(server), retry_seconds)
        self._guarded: _GuardedClient | None = None

    @property
    def client(self) -> Any:  # every RedisCache operation goes through this property
        if self._guarded is None:
            self._guarded = _GuardedClient(super().client, self._breaker)
        return self._guarded
