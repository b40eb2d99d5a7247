"""The content API's views: validate the query, call a selector, build the representation,
render it.

The representation is built as plain JSON-ready values (``representation.py``); the
serializers in ``serializers.py`` document its shape for the OpenAPI schema, and the tests
check that every response is exactly what its serializer would produce. Running them on every
request would only copy the same values field by field (a third of an uncached detail).

Language, caching headers and errors are handled around the views (``PublicAPIView``,
``caching.ApiResponseCacheMiddleware``, ``wsgi.CachedApiResponses``)."""

from __future__ import annotations

from collections.abc import Iterable
from types import SimpleNamespace
from typing import Any

from django.conf import settings
from django.conf.locale import LANG_INFO
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.encoding import iri_to_uri
from django.utils.http import http_date
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from modeltranslation.utils import build_localized_fieldname
from rest_framework import status
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from articles.api import representation, serializers
from articles.api.caching import mark_own_last_modified, mark_shareable
from articles.api.cursors import (
    MAX_CURSOR_LENGTH,
    RELEVANCE,
    SortKey,
    rows_after,
)
from articles.api.errors import (
    ApiError,
    api_exception_handler,
    api_page_not_found,
    invalid_parameters,
)
from articles.api.filters import (
    DEFAULT_ORDERING,
    KEYWORD_MAX_LENGTH,
    ORDERINGS,
    ArticleListFilter,
    order_articles,
)
from articles.api.language import LanguageChoice, UnsupportedLanguage, language_for_request
from articles.api.localized import LocalizedReader
from articles.api.pagination import (
    DEFAULT_PAGE_SIZE,
    MAX_PAGE_DIGITS,
    MAX_PAGE_SIZE,
    page_request,
    paginated,
    requested_cursor,
)
from articles.api.prepared_list import known_as_plain_list, prepared_reader, rows_by_id
from articles.api.throttling import PublicApiThrottle
from articles.api.tokens import ApiTokenAuthentication
from articles.delivery import sitemaps
from articles.freshness import language_updated_at
from articles.frontend import frontend_url
from articles.redirects.lookup import slug_redirect_target
from articles.selectors import (
    MissingArticle,
    article_detail,
    article_list,
    images_with_renditions,
    keyword_usage,
    missing_article,
    search_article_ids,
    sitemap_articles,
)

SEARCH_MAX_LENGTH = 200
SLUG_MAX_LENGTH = 255
LIST_PARAMETERS = (
    "lang",
    "page",
    "page_size",
    "cursor",
    "keyword",
    "search",
    "ordering",
    "updated_since",
)
NOT_EMPTY_PARAMETERS = ("ordering", "updated_since")
KEYWORD_PARAMETERS = ("lang", "page", "page_size", "cursor")
# Sort keys of the keyword list (``keyword_usage``), for its cursors.
KEYWORD_ORDERING = "-article_count"
KEYWORD_KEYS = (SortKey("article_count", True, "int"), SortKey("pk", False, "int"))

# The schema says exactly what the views accept (schemathesis checks both ways, see
# tests/articles/api/test_schemathesis.py): NUL characters are refused everywhere (PostgreSQL
# cannot store them), numbers have their bounds, lengths their limits.
NO_NUL = "^[^\\x00]*$"


def _language_pattern() -> str:
    # ?lang= is matched case-insensitively on its primary subtag (de-AT, DE -> de), after
    # trimming white space: articles/api/language.py.
    codes = "|".join(
        "".join(f"[{ch.lower()}{ch.upper()}]" if ch.isalpha() else ch for ch in code)
        for code in settings.MODELTRANSLATION_LANGUAGES
    )
    return f"^\\s*(?:{codes})(?:-[^\\x00]*)?\\s*$"


LANG_PARAMETER = OpenApiParameter(
    "lang",
    # The Language enum, and (for clients that pass on a browser's tag) the spellings the API
    # also reads as one of them: any case, a regional subtag.
    {
        "anyOf": [
            {"$ref": "#/components/schemas/Language"},
            {"type": "string", "pattern": _language_pattern()},
        ]
    },
    description="Response language: one of "
    f"{', '.join(settings.MODELTRANSLATION_LANGUAGES)} (any case; a regional tag such as "
    "de-AT is read as its language). Without it, Accept-Language decides (then the default, "
    f"{settings.LANGUAGE_CODE!r}) and the response carries Vary: Accept-Language.",
)
PAGE_PARAMETERS = [
    OpenApiParameter(
        "page",
        {"type": "integer", "minimum": 1, "maximum": 10**MAX_PAGE_DIGITS - 1},
        description="Page number, from 1.",
    ),
    OpenApiParameter(
        "page_size",
        {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE, "default": DEFAULT_PAGE_SIZE},
        description=f"Items per page, 1-{MAX_PAGE_SIZE} ({DEFAULT_PAGE_SIZE}).",
    ),
    OpenApiParameter(
        "cursor",
        {"type": "string", "maxLength": MAX_CURSOR_LENGTH, "pattern": NO_NUL},
        description="Keyset pagination instead of page numbers: empty for the first page, "
        "then the previous response's next_cursor. Deep pages cost what the first does. "
        "Opaque; valid with the same parameters it came with (400 otherwise). With a cursor, "
        "page is ignored.",
    ),
]
ERROR_RESPONSES = {
    400: OpenApiResponse(serializers.ErrorSerializer, description="Invalid parameter(s)."),
    401: OpenApiResponse(
        serializers.ErrorSerializer,
        description="An Authorization header with an unknown or inactive API token.",
    ),
    405: OpenApiResponse(
        serializers.ErrorSerializer,
        description="A method other than GET, HEAD or OPTIONS; Allow names them.",
    ),
    429: OpenApiResponse(serializers.ErrorSerializer, description="Too many requests."),
    503: OpenApiResponse(
        serializers.ErrorSerializer,
        description="The database is unavailable; Retry-After says when to try again.",
    ),
}
NOT_MODIFIED = {304: OpenApiResponse(description="Not modified (If-None-Match/-Modified-Since).")}


class JSONOnlyNegotiation(BaseContentNegotiation):
    """Always JSON: an ``Accept: text/html`` or ``?format=`` never turns into a 404 or 406."""

    def select_parser(self, request: Request, parsers: list) -> Any:
        return parsers[0] if parsers else None

    def select_renderer(self, request: Request, renderers: list, format_suffix: Any = None):
        return renderers[0], renderers[0].media_type


class PublicAPIView(APIView):
    """Public, read-only, anonymous; errors in the API's one shape; language per request."""

    # Optional read-only API tokens: a different rate, never different content.
    authentication_classes = (ApiTokenAuthentication,)
    permission_classes = (AllowAny,)
    throttle_classes = (PublicApiThrottle,)
    renderer_classes = (JSONRenderer,)
    content_negotiation_class = JSONOnlyNegotiation
    language: LanguageChoice | None = None
    # Public content, the same for every client: its 200s may go into the shared response
    # cache (see caching.py). Views with per-user or draft content must leave this False.
    shared_cache = False

    def get_exception_handler(self):
        return api_exception_handler

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        # Messages are for developers and stay English whatever language the content is in
        # (LocaleMiddleware would otherwise translate DRF's and django-filter's messages).
        with translation.override("en"):
            return super().dispatch(request, *args, **kwargs)

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        # PostgreSQL refuses NUL characters in text parameters (a 500, not an answer).
        bad = sorted(
            {
                name
                for name, values in request.query_params.lists()
                if any("\x00" in value for value in values)
            }
        )
        if bad:
            raise invalid_parameters({name: ["Must not contain NUL characters."] for name in bad})

    def choose_language(self, request: Request) -> LanguageChoice:
        try:
            self.language = language_for_request(
                request.query_params.get("lang"), request.META.get("HTTP_ACCEPT_LANGUAGE", "")
            )
        except UnsupportedLanguage as error:
            raise ApiError(
                status_code=status.HTTP_400_BAD_REQUEST,
                code="unsupported_language",
                message=str(error),
                details={"lang": error.requested, "supported": error.supported},
            ) from None
        return self.language

    def finalize_response(self, request: Request, response: Response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if self.language is not None:
            response["Content-Language"] = self.language.code
            if self.language.negotiated:
                patch_vary_headers(response, ("Accept-Language",))
        if self.shared_cache:
            mark_shareable(response)
        return response


def _last_modified(response: Response, *dates: Any) -> Response:
    timestamps = [date.timestamp() for date in dates if date is not None]
    if timestamps:
        response["Last-Modified"] = http_date(max(timestamps))
    return response


def search_terms(raw: str) -> str:
    """Words of a search query, without punctuation or control characters.

    The query is plain words (all must match), not a query language: quotes, NULs and operators
    would otherwise reach the search backend's own syntax (SQLite FTS, tsquery) and fail there.
    """
    return " ".join("".join(ch if ch.isalnum() else " " for ch in raw).split())


class ArticleListView(PublicAPIView):
    shared_cache = True

    @extend_schema(
        operation_id="articles_list",
        summary="Live articles in a language",
        description="Live, public articles translated into the language, newest first, "
        "paginated. Every item lists the fields that fell back to another language.",
        parameters=[
            LANG_PARAMETER,
            *PAGE_PARAMETERS,
            OpenApiParameter(
                "keyword",
                {"type": "string", "maxLength": KEYWORD_MAX_LENGTH, "pattern": NO_NUL},
                description="Keyword term (any case).",
            ),
            OpenApiParameter(
                "search",
                {"type": "string", "maxLength": SEARCH_MAX_LENGTH, "pattern": NO_NUL},
                description="Full-text search in the language's version of each article "
                "(on PostgreSQL stemmed in that language, irregular forms found through their "
                "lemma; all words must match); results most relevant first unless ordering is "
                "given.",
            ),
            OpenApiParameter(
                "ordering",
                OpenApiTypes.STR,
                enum=list(ORDERINGS),
                description="Default -published (newest first).",
            ),
            OpenApiParameter(
                "updated_since",
                {
                    "oneOf": [
                        {"type": "string", "format": "date-time"},
                        {"type": "string", "format": "date"},
                    ]
                },
                description="ISO 8601 date-time (UTC without an offset) or date; articles "
                "(re)published at or after it.",
            ),
        ],
        responses={
            200: serializers.ArticleListSerializer,
            **NOT_MODIFIED,
            **ERROR_RESPONSES,
            404: OpenApiResponse(serializers.ErrorSerializer, description="Page out of range."),
        },
    )
    def get(self, request: Request) -> Response:
        lang = self.choose_language(request).code
        params = request.query_params
        errors: dict[str, Any] = {}
        try:
            paging = page_request(params)
        except ApiError as error:
            errors.update(error.details)
        filters = ArticleListFilter(params, queryset=article_list(lang), lang=lang)
        if not filters.is_valid():
            errors.update(
                {name: [str(m) for m in messages] for name, messages in filters.errors.items()}
            )
        for name in NOT_EMPTY_PARAMETERS:  # an empty value is no valid choice or date either
            if params.get(name, None) == "":
                errors[name] = ["Must not be empty; leave the parameter out instead."]
        raw_search = params.get("search", "")
        search = search_terms(raw_search)
        if len(raw_search) > SEARCH_MAX_LENGTH:
            errors["search"] = [f"At most {SEARCH_MAX_LENGTH} characters."]
        ordering = params.get("ordering")
        by_relevance = bool(search) and not ordering
        ordering_name = RELEVANCE if by_relevance else (ordering or DEFAULT_ORDERING)
        keys = article_sort_keys(ordering_name, lang) if ordering_name in ORDERINGS else ()
        cursor = None
        if ordering_name == RELEVANCE or ordering_name in ORDERINGS:  # else: an ordering error
            try:
                cursor = requested_cursor(params, ordering=ordering_name, keys=keys)
            except ApiError as error:
                errors.update(error.details)
        if errors:
            raise invalid_parameters(errors)

        queryset = filters.qs
        if raw_search.strip() and not search:
            queryset = queryset.none()  # punctuation only: nothing can match
        paging_options = {
            "paging": paging,
            "cursor": cursor,
            "ordering": ordering_name,
            "keys": keys,
            "path": request.path,
            "params": params,
            "known": LIST_PARAMETERS,
        }
        narrowed = {name: value for name, value in filters.form.cleaned_data.items() if value}
        plain_list = narrowed.keys() <= {"ordering"}  # no keyword, no updated_since
        if by_relevance:
            # Most relevant first: page through the matching ids, then load just that page.
            if plain_list:
                known_as_plain_list(queryset, lang=lang)
            ids = search_article_ids(queryset, search, lang=lang)
            paged = paginated(ids, **paging_options)
            rows = rows_by_id(paged.items, lang=lang)
        else:
            read = rows_after
            if search:
                queryset = queryset.filter(pk__in=search_article_ids(queryset, search, lang=lang))
            queryset = order_articles(queryset, ordering_name, lang=lang)
            if plain_list and not raw_search.strip():
                # The plain list, most requested: its prepared queries (one named place).
                read = prepared_reader(queryset, lang=lang, ordering=ordering_name)
            paged = paginated(queryset, **paging_options, read=read)
            rows = paged.items
        articles = [SimpleNamespace(**row) for row in rows]
        data = {
            "lang": lang,
            **paged.paging,
            "results": representation.article_list_items(
                articles,
                lang,
                images=images_with_renditions(
                    (article.hero_image_id for article in articles), settings.API_HERO_IMAGE_FILTER
                ),
                hero_filter_spec=settings.API_HERO_IMAGE_FILTER,
            ),
        }
        response = Response(data, headers=paged.headers)
        return _last_modified(
            response, *(language_updated_at(article, lang) for article in articles)
        )


def article_sort_keys(ordering: str, lang: str) -> tuple[SortKey, ...]:
    """The sort keys of an article list ``ordering`` (titles in ``lang``'s column)."""
    title = build_localized_fieldname("title", lang)
    return tuple(
        SortKey.parse(term.format(title=title), datetimes=("first_published_at",))
        for term in ORDERINGS[ordering]
    )


class ArticleDetailView(PublicAPIView):
    shared_cache = True

    @extend_schema(
        operation_id="articles_retrieve",
        summary="One article by its slug in a language, with SEO metadata",
        description="Everything a frontend needs to render the article page and its head "
        "tags: content as sanitised HTML, hreflang alternates, Open Graph and JSON-LD. A slug "
        "that exists only in other languages answers 404 listing them.",
        parameters=[LANG_PARAMETER],
        responses={
            200: serializers.ArticleDetailSerializer,
            **NOT_MODIFIED,
            **ERROR_RESPONSES,
            404: OpenApiResponse(
                serializers.ErrorSerializer,
                description="No live article with this slug in this language; details list "
                "the languages it is published in, if any. Code article_incomplete: it exists "
                "in this language but its translation is incomplete "
                "(CMS_INCOMPLETE_LANGUAGES=hide).",
            ),
            301: OpenApiResponse(
                serializers.SlugRedirectSerializer,
                description="The slug is a former slug of an article in this language: "
                "Location is the article's detail URL now, the body names its slug and "
                "frontend URL.",
            ),
        },
    )
    def get(self, request: Request, slug: str) -> Response:
        lang = self.choose_language(request).code
        # Slugs are at most 255 characters and never hold NUL (PostgreSQL refuses it).
        possible = len(slug) <= SLUG_MAX_LENGTH and "\x00" not in slug
        rows = None
        if possible:
            rows = article_detail(slug, lang=lang, hero_filter_spec=settings.API_HERO_IMAGE_FILTER)
        if rows is None and possible:
            moved_to = slug_redirect_target(slug, lang=lang)
            if moved_to is not None:
                return slug_moved_response(request, lang=lang, slug=moved_to)
        missing = missing_article(slug, lang=lang) if rows is None and possible else None
        if missing is not None and missing.incomplete:
            available = missing.available_languages
            raise ApiError(
                status_code=status.HTTP_404_NOT_FOUND,
                code="article_incomplete",
                message=f"The article {slug[:80]!r} exists in language {lang!r}, but its "
                "translation is incomplete, so it is not published in this language."
                + (f" It is published in: {', '.join(available)}." if available else ""),
                details={
                    "slug": slug,
                    "lang": lang,
                    "available_languages": available,
                    "translations": representation.translation_links(missing.slugs),
                },
            )
        if rows is None:
            raise article_not_found(slug, lang, missing=missing)
        data = representation.article_detail(
            rows, lang, hero_filter_spec=settings.API_HERO_IMAGE_FILTER
        )
        response = Response(data)
        # The article's own time in this language: no other article's change moves it.
        return mark_own_last_modified(_last_modified(response, data["updated_at"]))


def article_not_found(slug: str, lang: str, *, missing: MissingArticle | None) -> ApiError:
    """The 404 of the detail endpoint. When the slug belongs to a live article in other
    languages (a German slug asked for with ?lang=en), ``details.translations`` gives each
    language's slug, frontend URL and path: a catch-all route can redirect with this one answer.
    A 404 rather than a redirect: the API URL is not the page the visitor asked for, and a
    fetch() would follow a redirect silently, rendering the article under the wrong URL.
    (Former slugs of the same language are 301s: ``slug_moved_response``.)"""
    translations = missing.slugs if missing is not None else {}
    message = f"No article with slug {slug[:80]!r} in language {lang!r}."
    if translations:
        message += f" It exists in: {', '.join(translations)}."
    return ApiError(
        status_code=status.HTTP_404_NOT_FOUND,
        code="article_not_found",
        message=message,
        details={
            "slug": slug[:SLUG_MAX_LENGTH].replace("\x00", ""),
            "lang": lang,
            "available_languages": list(translations),
            "translations": representation.translation_links(translations),
        },
    )


def slug_moved_response(request: Request, *, lang: str, slug: str) -> Response:
    """301 from a former slug to the article's detail URL now (the query string kept)."""
    location = reverse("api_v1:article-detail", args=[slug])
    query = request.META.get("QUERY_STRING", "")
    location = iri_to_uri(f"{location}?{query}" if query else location)
    body = {
        "redirect": {
            "code": "slug_changed",
            "message": f"This article's slug in {lang!r} is now {slug!r}.",
            "location": location,
            "slug": slug,
            "lang": lang,
            "frontend_url": frontend_url(lang=lang, slug=slug),
        }
    }
    return Response(body, status=status.HTTP_301_MOVED_PERMANENTLY, headers={"Location": location})


class KeywordListView(PublicAPIView):
    shared_cache = True

    @extend_schema(
        operation_id="keywords_list",
        summary="Keywords of live articles in a language, with article counts",
        description="Keywords used by at least one live article in the language, most used first.",
        parameters=[LANG_PARAMETER, *PAGE_PARAMETERS],
        responses={
            200: serializers.KeywordListSerializer,
            **NOT_MODIFIED,
            **ERROR_RESPONSES,
            404: OpenApiResponse(serializers.ErrorSerializer, description="Page out of range."),
        },
    )
    def get(self, request: Request) -> Response:
        lang = self.choose_language(request).code
        params = request.query_params
        paging = page_request(params)
        cursor = requested_cursor(params, ordering=KEYWORD_ORDERING, keys=KEYWORD_KEYS)
        paged = paginated(
            keyword_usage(lang),
            paging=paging,
            cursor=cursor,
            ordering=KEYWORD_ORDERING,
            keys=KEYWORD_KEYS,
            path=request.path,
            params=params,
            known=KEYWORD_PARAMETERS,
        )
        data = {
            "lang": lang,
            **paged.paging,
            "results": representation.keyword_items(paged.items, lang),
        }
        return Response(data, headers=paged.headers)


class ApiRootView(PublicAPIView):
    """``/api/v1/``: where a developer who opens the API's base URL finds their way on."""

    shared_cache = True

    @extend_schema(
        operation_id="api_root",
        summary="The endpoints of this API and where its documentation is",
        responses={
            200: serializers.ApiRootSerializer,
            **NOT_MODIFIED,
            **{code: ERROR_RESPONSES[code] for code in (401, 405, 429, 503)},
        },
    )
    def get(self, request: Request) -> Response:
        slug = "__slug__"
        endpoints = [
            ("articles", reverse("api_v1:article-list"), "Live articles in a language."),
            (
                "article",
                reverse("api_v1:article-detail", args=[slug]).replace(slug, "{slug}"),
                "One article by its slug in that language, with its SEO data.",
            ),
            ("keywords", reverse("api_v1:keyword-list"), "Keywords of live articles."),
            ("languages", reverse("api_v1:language-list"), "Configured languages."),
            ("sitemap", reverse("api_v1:sitemap"), "Every live article URL in a language."),
        ]
        return Response(
            {
                "version": "v1",
                "endpoints": [
                    {"name": name, "url": url, "description": description}
                    for name, url, description in endpoints
                ],
                "docs": reverse("api-docs"),
                "schema": reverse("api-schema"),
            }
        )


class LanguageListView(PublicAPIView):
    shared_cache = True

    @extend_schema(
        operation_id="languages_list",
        summary="Configured languages and the default",
        description="The languages content can be requested in, the default one and, per "
        "language, where untranslated fields fall back to.",
        responses={
            200: serializers.LanguagesSerializer,
            **NOT_MODIFIED,
            **{code: ERROR_RESPONSES[code] for code in (401, 405, 429, 503)},
        },
    )
    def get(self, request: Request) -> Response:
        default = settings.LANGUAGE_CODE
        data = {
            "default": default,
            "languages": [
                {
                    "code": code,
                    "name": LANG_INFO[code]["name"],
                    "name_local": LANG_INFO[code]["name_local"],
                    "default": code == default,
                    "fallbacks": list(LocalizedReader(code).order[1:]),
                }
                for code in settings.MODELTRANSLATION_LANGUAGES
            ],
        }
        return Response(data)


SITEMAP_PARAMETERS = ("lang", "page", "page_size", "cursor")
SITEMAP_PAGE_SIZE = 1000
SITEMAP_KEYS = (SortKey("first_published_at", False, "datetime"), SortKey("pk", False, "int"))
SITEMAP_ORDERING = "published"


class SitemapView(PublicAPIView):
    shared_cache = True

    @extend_schema(
        operation_id="sitemap_list",
        summary="Every live article URL in a language, with hreflang alternates",
        description="For frontends that build their own sitemaps: oldest first, "
        f"{SITEMAP_PAGE_SIZE} entries per page unless page_size says otherwise; page numbers "
        "or cursors as on the article list. /sitemap.xml serves every language as XML with "
        "xhtml:link alternates (a sitemap index past SITEMAP_MAX_URLS URLs).",
        parameters=[
            LANG_PARAMETER,
            OpenApiParameter(
                "page",
                {"type": "integer", "minimum": 1, "maximum": 10**MAX_PAGE_DIGITS - 1},
                description="Page number, from 1.",
            ),
            OpenApiParameter(
                "page_size",
                {
                    "type": "integer",
                    "minimum": 1,
                    "maximum": SITEMAP_PAGE_SIZE,
                    "default": SITEMAP_PAGE_SIZE,
                },
                description=f"Entries per page, 1-{SITEMAP_PAGE_SIZE} ({SITEMAP_PAGE_SIZE}).",
            ),
            PAGE_PARAMETERS[2],
        ],
        responses={
            200: serializers.SitemapSerializer,
            **NOT_MODIFIED,
            **ERROR_RESPONSES,
            404: OpenApiResponse(serializers.ErrorSerializer, description="Page out of range."),
        },
    )
    def get(self, request: Request) -> Response:
        lang = self.choose_language(request).code
        params = request.query_params
        paging = page_request(params, default_size=SITEMAP_PAGE_SIZE, max_size=SITEMAP_PAGE_SIZE)
        cursor = requested_cursor(params, ordering=SITEMAP_ORDERING, keys=SITEMAP_KEYS)
        paged = paginated(
            sitemap_articles(lang),
            paging=paging,
            cursor=cursor,
            ordering=SITEMAP_ORDERING,
            keys=SITEMAP_KEYS,
            path=request.path,
            params=params,
            known=SITEMAP_PARAMETERS,
        )
        rows = paged.items
        articles = [SimpleNamespace(**row) for row in rows]
        data = {
            "lang": lang,
            **paged.paging,
            "results": [representation.sitemap_entry(article, lang) for article in articles],
        }
        response = Response(data)
        return _last_modified(
            response, *(language_updated_at(article, lang) for article in articles)
        )


@csrf_exempt  # no endpoint here: a POST is a 404 like a GET, not a CSRF failure
def endpoint_not_found(request: HttpRequest) -> HttpResponse:
    return api_page_not_found(request)


endpoint_not_found.answers_no_endpoint = True  # type: ignore[attr-defined]


@csrf_exempt  # read-only: other methods are a 405 naming GET and HEAD, never a CSRF 403
@require_http_methods(["GET", "HEAD"])
def sitemap_xml(request: HttpRequest) -> HttpResponse:
    """``/sitemap.xml``: every live article in every language it exists in, with
    ``xhtml:link`` hreflang alternates; a sitemap index past ``SITEMAP_MAX_URLS`` URLs
    (``articles/delivery/sitemaps.py``)."""
    files = sitemaps.file_count()
    if files:
        location = request.build_absolute_uri("/sitemap-0.xml").replace("-0.xml", "-{}.xml")
        return _xml(sitemaps.index(location, files))
    return _xml(sitemaps.urlset())


@csrf_exempt
@require_http_methods(["GET", "HEAD"])
def sitemap_file(request: HttpRequest, number: int) -> HttpResponse:
    """``/sitemap-<n>.xml``: file ``n`` of the sitemap index."""
    if not 1 <= number <= sitemaps.file_count():
        response = HttpResponse(
            f"No sitemap file {number}.\n", status=404, content_type="text/plain; charset=utf-8"
        )
        return response
    return _xml(sitemaps.urlset(number))


def _xml(parts: Iterable[str]) -> HttpResponse:
    # Joined rather than streamed: the response cache stores the body, and one file is bounded
    # by SITEMAP_MAX_URLS (the rows themselves are read in chunks).
    response = HttpResponse("".join(parts).encode(), content_type="application/xml; charset=utf-8")
    return mark_shareable(response)
