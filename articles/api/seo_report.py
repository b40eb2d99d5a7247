"""``GET /api/v1/articles/{slug}/seo-report/?lang=de[&draft=1]``: the SEO engine's report on one
article language version, for editors.

The article is found by its slug in the requested language. By default the report judges the
live version (what visitors see); ``draft=1`` judges the latest revision (what the editor is
working on) and also finds articles that were never published. The body is the per-article
shape of ``seo_audit --format json`` plus ``version`` ("live" or "draft").

Only editors may ask: 401 without credentials (session or ``Authorization: Token ...``), 403
for a user who may edit no page at all or not this one. Reports reveal drafts, so they are
``Cache-Control: private, no-store``.
"""

from __future__ import annotations

from django.conf import settings
from django.db.models import prefetch_related_objects
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.authentication import SessionAuthentication, TokenAuthentication
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.settings import api_settings
from wagtail.models import Revision
from wagtail.permissions import page_permission_policy

from articles.api.errors import ApiError, invalid_parameters
from articles.api.serializers import ErrorSerializer, language_field
from articles.api.views import ERROR_RESPONSES, LANG_PARAMETER, SLUG_MAX_LENGTH, PublicAPIView
from articles.models import ArticlePage
from articles.selectors import article_by_slug
from articles.seo_adapter import revision_object
from seo.audit import AuditedItem, configured_thresholds
from seo.audit_output import article_entry
from seo.engine import SUPPORTED_LANGUAGES, analyse
from seo.protocol import SEOItem

TRUE_VALUES = frozenset({"1", "true", "yes", "on"})
FALSE_VALUES = frozenset({"0", "false", "no", "off", ""})


class MatchSerializer(serializers.Serializer):
    location = serializers.CharField(help_text="title, seo_title, meta_description, slug, ...")
    path = serializers.CharField(help_text='The exact field, e.g. "sections[2].body".')
    text = serializers.CharField()
    kind = serializers.ChoiceField(choices=["exact", "inflected", "partial"])
    start = serializers.IntegerField(help_text="Offset into the field's plain text.")
    end = serializers.IntegerField()


class KeywordReportSerializer(serializers.Serializer):
    term = serializers.CharField()
    focus = serializers.BooleanField()
    found = serializers.BooleanField()
    count = serializers.IntegerField(help_text="Exact and inflected matches (not partial).")
    matches = MatchSerializer(many=True)


class CheckSerializer(serializers.Serializer):
    id = serializers.CharField()
    status = serializers.ChoiceField(choices=["good", "ok", "problem"])
    score = serializers.IntegerField(min_value=0, max_value=100)
    message = serializers.CharField()
    details = serializers.DictField(help_text="Measured values and the thresholds used.")


class SEOReportSerializer(serializers.Serializer):
    slug = serializers.CharField()
    lang = language_field()
    score = serializers.IntegerField(min_value=0, max_value=100)
    checks = CheckSerializer(many=True)
    keywords = KeywordReportSerializer(many=True)
    page_id = serializers.IntegerField()
    title = serializers.CharField()
    url = serializers.CharField(help_text="The article's URL on the frontend.")
    live = serializers.BooleanField(help_text="Whether the article is published.")
    edit_url = serializers.CharField(help_text="The article's page in the Wagtail admin.")
    version = serializers.ChoiceField(
        choices=["live", "draft"], help_text="Which version was judged."
    )


def _draft_requested(request: Request) -> bool:
    raw = request.query_params.get("draft", "").strip().lower()
    if raw in TRUE_VALUES:
        return True
    if raw in FALSE_VALUES:
        return False
    raise invalid_parameters({"draft": [f"Expected 1 or 0, got {raw[:20]!r}."]})


def _not_found(slug: str, lang: str, draft: bool) -> ApiError:
    version = "article" if draft else "live article"
    return ApiError(
        status_code=status.HTTP_404_NOT_FOUND,
        code="article_not_found",
        message=f"No {version} with slug {slug[:80]!r} in language {lang!r}.",
        details={"slug": slug[:SLUG_MAX_LENGTH], "lang": lang, "draft": draft},
    )


def _latest_version(page: ArticlePage) -> ArticlePage:
    """The latest revision as a page object (the page itself when nothing is unpublished)."""
    if not page.has_unpublished_changes or page.latest_revision_id is None:
        return page
    revision = Revision.objects.filter(pk=page.latest_revision_id).only("content").first()
    return page if revision is None else revision_object(page, revision.content)


class ArticleSEOReportView(PublicAPIView):
    # Token first: DRF takes the WWW-Authenticate header of the first authenticator, and only
    # with one does an anonymous request get 401 instead of 403.
    authentication_classes = (TokenAuthentication, SessionAuthentication)
    permission_classes = (IsAuthenticated,)
    throttle_classes = tuple(api_settings.DEFAULT_THROTTLE_CLASSES)

    @extend_schema(
        operation_id="articles_seo_report",
        summary="The SEO report on one article in a language (editors only)",
        description="The SEO engine's checks, score and keyword matches for the article with "
        "this slug in the language: the live version, or with draft=1 the latest revision. "
        "Same shape as one entry of `seo_audit --format json`. Requires a user who may edit "
        "the page (session or token authentication); never cached.",
        parameters=[
            LANG_PARAMETER,
            OpenApiParameter(
                "draft",
                OpenApiTypes.BOOL,
                description="1: judge the latest revision (also unpublished articles) instead "
                "of the live version.",
            ),
        ],
        responses={
            200: SEOReportSerializer,
            400: OpenApiResponse(ErrorSerializer, description="Bad lang or draft."),
            401: OpenApiResponse(ErrorSerializer, description="No credentials."),
            403: OpenApiResponse(ErrorSerializer, description="Not allowed to edit the page."),
            404: OpenApiResponse(ErrorSerializer, description="No such article in the language."),
            405: ERROR_RESPONSES[405],
            429: ERROR_RESPONSES[429],
            503: ERROR_RESPONSES[503],
        },
    )
    def get(self, request: Request, slug: str) -> Response:
        lang = self.choose_language(request).code
        draft = _draft_requested(request)
        if lang not in SUPPORTED_LANGUAGES:
            raise ApiError(
                status_code=status.HTTP_400_BAD_REQUEST,
                code="unsupported_language",
                message=f"The SEO engine has no profile for {lang!r}.",
                details={"lang": lang, "supported": list(SUPPORTED_LANGUAGES)},
            )
        # Checked before the look-up, so users who edit nothing cannot probe for draft slugs.
        if not page_permission_policy.user_has_permission(request.user, "change"):
            raise PermissionDenied("Only editors may see SEO reports.")
        page = None
        if len(slug) <= SLUG_MAX_LENGTH:
            page = article_by_slug(slug, lang=lang, live_only=not draft)
        if page is None:
            raise _not_found(slug, lang, draft)
        if not page.permissions_for_user(request.user).can_edit():
            raise PermissionDenied("You may not edit this article.")

        version = _latest_version(page) if draft else page
        if version is page:
            prefetch_related_objects([page], "sections", "faqs", "keywords")
        if lang not in version.translated_languages():
            raise _not_found(slug, lang, draft)
        document = version.seo_document(lang)
        item = SEOItem(
            document=document,
            page_id=page.pk,
            title=document.title,
            live=page.live,
            edit_url=reverse("wagtailadmin_pages:edit", args=[page.pk]),
        )
        audited = AuditedItem(item=item, report=analyse(document, configured_thresholds()))
        data = article_entry(audited, admin_base_url=settings.WAGTAILADMIN_BASE_URL)
        data["version"] = "draft" if draft else "live"
        response = Response(data)
        response["Cache-Control"] = "private, no-store"
        return response
