"""``GET /api/v1/preview/?token=``: a draft revision for the frontend's preview, in exactly the
detail shape (``ArticleDetailSerializer``).

The token (``articles.preview.tokens``) names the page, the revision and the language; the
admin's preview hands it to ``FRONTEND_PREVIEW_URL``. Responses are ``private, no-store`` and
never enter the shared response cache (``caching.UNCACHED_PATHS``, and the view is not marked
shareable)."""

from __future__ import annotations

from django.conf import settings
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from wagtail.models import Revision

from articles.api import representation, serializers
from articles.api.errors import ApiError
from articles.api.views import ERROR_RESPONSES, LANG_PARAMETER, NO_NUL, PublicAPIView
from articles.models import ArticlePage
from articles.preview.rows import revision_rows
from articles.preview.tokens import PreviewScope, PreviewTokenError, read_preview_token

TOKEN_MAX_LENGTH = 2000


def _scope(request: Request) -> PreviewScope:
    if "token" not in request.query_params:
        raise ApiError(
            status_code=status.HTTP_400_BAD_REQUEST,
            code="token_missing",
            message="Pass the preview token as ?token=.",
        )
    token = request.query_params["token"]
    if len(token) > TOKEN_MAX_LENGTH:
        raise ApiError(
            status_code=status.HTTP_400_BAD_REQUEST,
            code="token_invalid",
            message=f"The preview token is longer than {TOKEN_MAX_LENGTH} characters.",
        )
    try:
        scope = read_preview_token(token.strip())  # an empty token is an invalid one
    except PreviewTokenError as error:
        raise ApiError(status_code=error.status, code=error.code, message=error.message) from None
    lang = request.query_params.get("lang")
    if lang is not None and lang.strip().lower() != scope.lang:
        raise ApiError(
            status_code=status.HTTP_403_FORBIDDEN,
            code="token_scope",
            message=f"The preview token is for language {scope.lang!r}, not {lang[:10]!r}.",
            details={"token_lang": scope.lang},
        )
    return scope


class PreviewView(PublicAPIView):
    shared_cache = False

    @extend_schema(
        operation_id="preview_retrieve",
        summary="A draft revision of an article for the frontend's preview",
        description="The revision, page and language the token names, in the article detail "
        "shape. Tokens come from the admin's preview (FRONTEND_PREVIEW_URL), are signed and "
        "expire (PREVIEW_TOKEN_MAX_AGE). Never cached: Cache-Control: private, no-store.",
        parameters=[
            OpenApiParameter(
                "token",
                {"type": "string", "maxLength": TOKEN_MAX_LENGTH, "pattern": NO_NUL},
                required=True,
                description="The preview token from the frontend preview URL.",
            ),
            OpenApiParameter(
                "lang",
                LANG_PARAMETER.type,  # the Language enum, as on every other operation
                description="Optional; when given it must be the token's language.",
            ),
        ],
        responses={
            200: serializers.ArticleDetailSerializer,
            400: OpenApiResponse(serializers.ErrorSerializer, description="No token."),
            403: OpenApiResponse(
                serializers.ErrorSerializer,
                description="Invalid or expired token, or a token for another language.",
            ),
            404: OpenApiResponse(
                serializers.ErrorSerializer,
                description="The revision is gone or has no version in the token's language.",
            ),
            **{code: ERROR_RESPONSES[code] for code in (401, 405, 429, 503)},
        },
    )
    def get(self, request: Request) -> Response:
        scope = _scope(request)
        revision = Revision.page_revisions.filter(
            pk=scope.revision_id, object_id=str(scope.page_id)
        ).first()
        page = ArticlePage.objects.filter(pk=scope.page_id).first()
        if revision is None or page is None:
            raise ApiError(
                status_code=status.HTTP_404_NOT_FOUND,
                code="preview_not_found",
                message="The revision this token names no longer exists.",
                details={"page": scope.page_id, "revision": scope.revision_id},
            )
        lang = scope.lang
        rows = revision_rows(revision, page, lang, hero_filter_spec=settings.API_HERO_IMAGE_FILTER)
        data = representation.article_detail(
            rows, lang, hero_filter_spec=settings.API_HERO_IMAGE_FILTER
        )
        if lang not in data["languages"]:
            raise ApiError(
                status_code=status.HTTP_404_NOT_FOUND,
                code="article_not_found",
                message=f"This revision has no version in {lang!r} (no title or slug).",
                details={"lang": lang, "available_languages": data["languages"]},
            )
        self.language = None  # the token decides; no Content-Language negotiation
        response = Response(data)
        response["Content-Language"] = lang
        return response

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        # Drafts are for one editor's frontend: no shared cache, no browser cache, no index.
        response["Cache-Control"] = "private, no-store"
        response["X-Robots-Tag"] = "noindex"
        return response
