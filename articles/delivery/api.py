"""``GET /api/v1/changes/``: the change feed for static builds and search indexes.

Never served from the response cache: the view does not mark its responses shareable
(``articles.api.caching.mark_shareable``), so neither the middleware nor the WSGI fast path
stores them, and ``Cache-Control: no-store`` keeps browsers and CDNs from doing it either. A
cache keyed by content version would be wrong here anyway: ``since`` is part of the answer.
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from articles.api.errors import ApiError, invalid_parameters
from articles.api.serializers import ErrorSerializer, language_field
from articles.api.views import ERROR_RESPONSES, PublicAPIView
from articles.delivery.feed import (
    CURSOR_PATTERN,
    MAX_CURSOR_LENGTH,
    ExpiredCursor,
    InvalidCursor,
    decode_cursor,
    encode_cursor,
    read_feed,
)
from articles.delivery.models import ChangeEntry, ChangeKind, ChangeReason
from articles.frontend import frontend_url

DEFAULT_FEED_PAGE_SIZE = 100
MAX_FEED_PAGE_SIZE = 500
FEED_PARAMETERS = ("since", "page_size")


class ChangeSerializer(serializers.Serializer):
    type = serializers.ChoiceField(
        choices=ChangeKind.choices,
        help_text="upsert: (re)fetch the article in this language; tombstone: remove this slug.",
    )
    reason = serializers.ChoiceField(choices=ChangeReason.choices)
    id = serializers.IntegerField(help_text="The article's id: key your store by (id, lang).")
    lang = language_field()
    slug = serializers.CharField(
        help_text="Upsert: the current slug. Tombstone: the slug that no longer works."
    )
    new_slug = serializers.CharField(
        allow_null=True, help_text="Tombstones with reason slug_changed: the slug that replaced it."
    )
    updated_at = serializers.DateTimeField(
        help_text="Upsert: when the article last changed in this language (its updated_at). "
        "Tombstone: when it was removed."
    )
    detail_url = serializers.URLField(
        allow_null=True, help_text="Upserts: the API URL of the article in this language."
    )
    frontend_url = serializers.URLField(
        help_text="The article's page on the frontend (for a tombstone, the page to remove)."
    )


class ChangeFeedSerializer(serializers.Serializer):
    results = ChangeSerializer(many=True)
    next_cursor = serializers.CharField(
        help_text="Pass as ?since= next time (also when results is empty)."
    )
    has_more = serializers.BooleanField(help_text="More entries follow right away.")


def change_item(entry: ChangeEntry, request: Request) -> dict[str, Any]:
    upsert = entry.kind == ChangeKind.UPSERT
    detail_url = None
    if upsert:
        path = reverse("api_v1:article-detail", kwargs={"slug": entry.slug})
        detail_url = request.build_absolute_uri(f"{path}?lang={entry.lang}")
    return {
        "type": entry.kind,
        "reason": entry.reason,
        "id": entry.page_id,
        "lang": entry.lang,
        "slug": entry.slug,
        "new_slug": entry.new_slug or None,
        "updated_at": entry.updated_at,
        "detail_url": detail_url,
        "frontend_url": frontend_url(lang=entry.lang, slug=entry.slug),
    }


class ChangeFeedView(PublicAPIView):
    shared_cache = False  # see the module docstring

    @extend_schema(
        operation_id="changes_list",
        summary="What changed publicly since a cursor, in commit order",
        description="Upserts and tombstones per article and language, oldest first. Without "
        "since, the feed starts at the beginning: replaying it builds the current public "
        "state (every live article in every language). Store next_cursor and pass it as "
        "since to get only what changed after. See docs/api.md.",
        parameters=[
            OpenApiParameter(
                "since",
                {"type": "string", "maxLength": MAX_CURSOR_LENGTH, "pattern": CURSOR_PATTERN},
                description="A next_cursor from an earlier response (opaque: pass it as given).",
            ),
            OpenApiParameter(
                "page_size",
                {
                    "type": "integer",
                    "minimum": 1,
                    "maximum": MAX_FEED_PAGE_SIZE,
                    "default": DEFAULT_FEED_PAGE_SIZE,
                },
                description=f"Entries per response, 1-{MAX_FEED_PAGE_SIZE} "
                f"({DEFAULT_FEED_PAGE_SIZE}).",
            ),
        ],
        responses={
            200: ChangeFeedSerializer,
            400: OpenApiResponse(
                ErrorSerializer,
                description="Invalid parameter, or a cursor that is malformed (invalid_cursor) "
                "or older than the last compaction (cursor_expired: sync from the beginning).",
            ),
            **{code: ERROR_RESPONSES[code] for code in (401, 405, 429, 503)},
        },
    )
    def get(self, request: Request) -> Response:
        params = request.query_params
        page_size = _page_size(params.get("page_size"))
        since = params.get("since")
        after = None
        if since is not None:
            try:
                after = decode_cursor(since)
            except InvalidCursor:
                raise ApiError(
                    status_code=status.HTTP_400_BAD_REQUEST,
                    code="invalid_cursor",
                    message="The since cursor is malformed: pass a next_cursor exactly as an "
                    "earlier response gave it, or leave since out to start from the beginning.",
                    details={"since": since[:MAX_CURSOR_LENGTH]},
                ) from None
        try:
            page = read_feed(after=after, limit=page_size)
        except ExpiredCursor:
            raise ApiError(
                status_code=status.HTTP_400_BAD_REQUEST,
                code="cursor_expired",
                message="The since cursor is older than the change feed keeps: entries it "
                "needs were compacted away. Sync again from the beginning (leave since out) "
                "and replace your copy.",
                details={"since": since},
            ) from None
        data = {
            "results": [change_item(entry, request) for entry in page.entries],
            "next_cursor": encode_cursor(page.next_cursor),
            "has_more": page.has_more,
        }
        return Response(data, headers={"Cache-Control": "no-store"})


def _page_size(raw: str | None) -> int:
    if raw is None:
        return DEFAULT_FEED_PAGE_SIZE
    if not raw.isdigit() or not 1 <= int(raw) <= MAX_FEED_PAGE_SIZE:
        raise invalid_parameters({"page_size": [f"A whole number from 1 to {MAX_FEED_PAGE_SIZE}."]})
    return int(raw)
