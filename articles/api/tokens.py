"""Read-only API tokens: authentication and per-token throttling for the content API.

``Authorization: Bearer <key>`` (or ``Token <key>``) names an ``ApiToken`` (admin: Settings ->
API tokens; the key is shown once, only its SHA-256 hash is stored). A request with a valid key
is throttled per token at the token's own rate (else ``API_TOKEN_THROTTLE_RATE``) instead of
per address; a request with an unknown or inactive key is a 401, never quietly anonymous (a
build should fail loudly, not start hitting 429s).

The response cache serves public content to everyone, so a token changes nothing in the body;
but cache hits - in the middleware and in the WSGI fast path - are throttled through
``throttle_wait`` here exactly like the view's throttle, so the per-token count includes every
request the token makes, hit or miss, and an invalid key gets its 401 on a hit too.

Looking a key up is one indexed query; valid tokens are remembered in the cache for
``TOKEN_CACHE_SECONDS`` (deactivating or deleting a token in the admin forgets it at once).
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.utils import timezone
from rest_framework import exceptions, status
from rest_framework.authentication import BaseAuthentication

from articles.api.errors import ApiError

KEY_PREFIX_LENGTH = 8
KEYWORDS = ("bearer", "token")
TOKEN_CACHE_SECONDS = 60
LAST_USED_PRECISION = timedelta(minutes=5)
_RATE = re.compile(r"^[1-9][0-9]*/(s|sec|second|m|min|minute|h|hour|d|day)$")
_CACHE_KEY = "articles:api:token:{}"


@dataclass(frozen=True, slots=True)
class TokenIdentity:
    """What a request needs of its token (cacheable, no model instance)."""

    pk: int
    rate: str
    last_used_at: float | None


def valid_rate(rate: str) -> bool:
    return bool(_RATE.match(rate))


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


def new_key() -> tuple[str, str]:
    """(key, prefix): ``cms_<prefix>_<secret>``; the prefix identifies it in lists."""
    prefix = secrets.token_hex(KEY_PREFIX_LENGTH // 2)
    return f"cms_{prefix}_{secrets.token_urlsafe(32)}", prefix


def api_token_create(*, name: str, throttle_rate: str = "") -> tuple[Any, str]:
    """A new active token; returns (token, key). The key is not stored: show it now or never."""
    from articles.models import ApiToken

    key, prefix = new_key()
    token = ApiToken(name=name, prefix=prefix, key_hash=hash_key(key), throttle_rate=throttle_rate)
    token.full_clean()
    token.save()
    return token, key


def forget_token(token: Any) -> None:
    """Drop a token from the lookup cache (after deactivating, editing or deleting it)."""
    cache.delete(_CACHE_KEY.format(token.key_hash))


def key_from_authorization(header: str) -> str | None:
    """The key of ``Authorization: Bearer cms_...`` / ``Token cms_...``; None without one.

    Only keys in this API's format count: an editor's DRF token for the SEO report (``Token
    <40 hex>``) sent along to a public endpoint is no API token and stays anonymous there.
    """
    keyword, _, key = header.strip().partition(" ")
    key = key.strip()
    if keyword.lower() not in KEYWORDS or not key.startswith("cms_"):
        return None
    return key


def identity_for_key(key: str) -> TokenIdentity | None:
    """The active token with this key, or None (cached for valid keys only)."""
    from articles.models import ApiToken

    key_hash = hash_key(key)
    cache_key = _CACHE_KEY.format(key_hash)
    identity = cache.get(cache_key)
    if identity is None:
        row = (
            ApiToken.objects.filter(key_hash=key_hash, is_active=True)
            .values("pk", "throttle_rate", "last_used_at")
            .first()
        )
        if row is None:
            return None
        last_used = row["last_used_at"].timestamp() if row["last_used_at"] else None
        identity = TokenIdentity(row["pk"], row["throttle_rate"], last_used)
        cache.set(cache_key, identity, TOKEN_CACHE_SECONDS)
    _note_use(identity, cache_key)
    return identity


def _note_use(identity: TokenIdentity, cache_key: str) -> None:
    """``last_used_at``, to within ``LAST_USED_PRECISION``: one UPDATE per token per interval."""
    from articles.models import ApiToken

    now = timezone.now()
    if identity.last_used_at and now.timestamp() - identity.last_used_at < (
        LAST_USED_PRECISION.total_seconds()
    ):
        return
    ApiToken.objects.filter(pk=identity.pk).update(last_used_at=now)
    cache.set(
        cache_key,
        TokenIdentity(identity.pk, identity.rate, now.timestamp()),
        TOKEN_CACHE_SECONDS,
    )


AUTHENTICATE_HEADER = 'Bearer realm="api"'


class InvalidToken(ApiError, exceptions.AuthenticationFailed):
    """A 401 in the API's error shape; DRF adds ``WWW-Authenticate`` for it."""


def invalid_token() -> InvalidToken:
    return InvalidToken(
        status_code=status.HTTP_401_UNAUTHORIZED,
        code="invalid_token",
        message="The API token is unknown or inactive.",
    )


def request_identity(meta: dict[str, Any]) -> TokenIdentity | None:
    """The token a request (its META) presents; None without one. Raises ``invalid_token``."""
    header = meta.get("HTTP_AUTHORIZATION", "")
    key = key_from_authorization(header) if header else None
    if key is None:
        return None
    identity = identity_for_key(key)
    if identity is None:
        raise invalid_token()
    return identity


def token_rate(identity: TokenIdentity) -> str | None:
    rate = identity.rate or settings.API_TOKEN_THROTTLE_RATE
    return None if rate.lower() in {"", "off", "none", "0"} else rate


class ApiTokenAuthentication(BaseAuthentication):
    """DRF authentication: ``request.auth`` is the ``TokenIdentity``; the user stays anonymous
    (tokens grant no more than the public API offers - only a different rate)."""

    def authenticate(self, request: Any) -> tuple[Any, TokenIdentity] | None:
        identity = request_identity(request.META)
        return None if identity is None else (AnonymousUser(), identity)

    def authenticate_header(self, request: Any) -> str:
        return AUTHENTICATE_HEADER


def _forget_on_change(sender: Any, instance: Any, **kwargs: Any) -> None:
    forget_token(instance)


def connect_signals() -> None:
    """Called once from ``ArticlesConfig.ready``: a deactivated or deleted token stops working
    at once, not after ``TOKEN_CACHE_SECONDS``."""
    from django.db.models.signals import post_delete, post_save

    from articles.models import ApiToken

    for signal in (post_save, post_delete):
        signal.connect(_forget_on_change, sender=ApiToken, dispatch_uid=f"api-token-{signal}")
