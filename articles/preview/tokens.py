"""Preview tokens: signed (``django.core.signing``), expiring, scoped to one page, one revision
and one language. A frontend receives one in its preview URL and reads the draft with it from
``GET /api/v1/preview/?token=`` (``articles.api.preview``)."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core import signing

SALT = "articles.preview.token"


@dataclass(frozen=True)
class PreviewScope:
    page_id: int
    revision_id: int
    lang: str


class PreviewTokenError(Exception):
    """Why a token cannot be used; ``code`` is stable, ``status`` the HTTP status to answer."""

    def __init__(self, code: str, message: str, status: int) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.status = status


def preview_token(*, page_id: int, revision_id: int, lang: str) -> str:
    return signing.dumps({"p": page_id, "r": revision_id, "l": lang}, salt=SALT, compress=True)


def read_preview_token(token: str) -> PreviewScope:
    """The scope a valid, unexpired token grants; ``PreviewTokenError`` otherwise."""
    if not token:
        raise PreviewTokenError("token_invalid", "The preview token is empty.", 403)
    try:
        data = signing.loads(token, salt=SALT, max_age=settings.PREVIEW_TOKEN_MAX_AGE)
    except signing.SignatureExpired:
        raise PreviewTokenError(
            "token_expired", "The preview token has expired: open the preview again.", 403
        ) from None
    except signing.BadSignature:
        raise PreviewTokenError("token_invalid", "The preview token is not valid.", 403) from None
    try:
        scope = PreviewScope(
            page_id=int(data["p"]), revision_id=int(data["r"]), lang=str(data["l"])
        )
    except (KeyError, TypeError, ValueError):
        raise PreviewTokenError("token_invalid", "The preview token is not valid.", 403) from None
    if scope.lang not in settings.MODELTRANSLATION_LANGUAGES:
        raise PreviewTokenError(
            "token_scope", f"The token's language {scope.lang!r} is not configured.", 403
        )
    return scope
