"""The ``X-CMS-Signature`` header: Stripe's scheme, ``t=<unix seconds>,v1=<hex HMAC-SHA256>``
of ``"<t>.<raw body>"`` with the endpoint's secret.

The timestamp is signed with the body, so a receiver that rejects old timestamps (five minutes
is usual) also rejects replays of a captured request. Plain Python, no Django.
"""

from __future__ import annotations

import hashlib
import hmac
import time

SIGNATURE_HEADER = "X-CMS-Signature"
DEFAULT_TOLERANCE_SECONDS = 300


def signature(body: bytes, *, secret: str, timestamp: int) -> str:
    """The hex HMAC-SHA256 of ``"<timestamp>.<body>"``."""
    message = f"{timestamp}.".encode() + body
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def signature_header(body: bytes, *, secret: str, timestamp: int) -> str:
    return f"t={timestamp},v1={signature(body, secret=secret, timestamp=timestamp)}"


def verify_signature(
    header: str,
    body: bytes,
    *,
    secret: str,
    tolerance: int = DEFAULT_TOLERANCE_SECONDS,
    now: float | None = None,
) -> bool:
    """True if ``header`` signs ``body`` with ``secret`` and its timestamp is within
    ``tolerance`` seconds of ``now``. Any ``v1`` may match (several appear while a secret is
    being rotated); the comparison takes constant time."""
    timestamp, candidates = None, []
    for part in header.split(","):
        name, _, value = part.strip().partition("=")
        if name == "t" and value.isdigit():
            timestamp = int(value)
        elif name == "v1":
            candidates.append(value)
    if timestamp is None or not candidates:
        return False
    if abs((time.time() if now is None else now) - timestamp) > tolerance:
        return False
    expected = signature(body, secret=secret, timestamp=timestamp)
    return any(hmac.compare_digest(expected, candidate) for candidate in candidates)
