"""One error shape for every API failure: ``{"error": {"code", "message", "details"}}``.

``code`` is stable and machine-readable, ``message`` is for people, ``details`` says what exactly
was wrong (the bad parameters, the supported languages, the languages an article exists in).
DRF exceptions go through ``api_exception_handler``; URLs under ``/api/`` that match no view and
server errors go through ``api_page_not_found`` / ``api_server_error`` (``handler404/500``); an
unreachable database is a 503 with ``Retry-After`` (``api_server_error``) on every path.

Whatever else answers an error under ``/api/`` - Django's CSRF and bad-host pages, a
package's HTML or YAML error renderer - ``JsonErrorsUnderApi``, the outermost middleware,
rewrites it into the same shape, so no API client ever has to parse HTML.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from http import HTTPStatus
from typing import Any

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import Resolver404, resolve
from django.utils.encoding import escape_uri_path
from django.views import defaults
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import set_rollback

API_PATH_PREFIX = "/api/"
# How long clients should wait before retrying while the database is unreachable.
DATABASE_RETRY_AFTER_SECONDS = 5
JSON_CONTENT_TYPE = "application/json"


def error_body(code: str, message: str, details: Any = None) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "details": details or {}}}


class ApiError(exceptions.APIException):
    """An API failure with a stable code and structured details."""

    def __init__(self, *, status_code: int, code: str, message: str, details: Any = None) -> None:
        super().__init__(detail=message, code=code)
        self.status_code = status_code
        self.error_code = code
        self.message = message
        self.details = details or {}


def invalid_parameters(errors: dict[str, Any]) -> ApiError:
    return ApiError(
        status_code=status.HTTP_400_BAD_REQUEST,
        code="invalid_parameter",
        message=f"Invalid query parameter(s): {', '.join(sorted(errors))}.",
        details=errors,
    )


def _plain(detail: Any) -> Any:
    """DRF's ErrorDetail strings and nested lists/dicts -> plain JSON values."""
    if isinstance(detail, dict):
        return {str(key): _plain(value) for key, value in detail.items()}
    if isinstance(detail, list):
        return [_plain(value) for value in detail]
    return str(detail)


def _shape(exc: exceptions.APIException) -> dict[str, Any]:
    if isinstance(exc, ApiError):
        return error_body(exc.error_code, exc.message, exc.details)
    if isinstance(exc, exceptions.ValidationError):
        details = _plain(exc.detail)
        if not isinstance(details, dict):
            details = {"non_field_errors": details}
        return error_body(
            "invalid_parameter",
            f"Invalid query parameter(s): {', '.join(sorted(details))}.",
            details,
        )
    if isinstance(exc, exceptions.MethodNotAllowed):
        return error_body("method_not_allowed", str(exc.detail), {})
    if isinstance(exc, exceptions.Throttled):
        return error_body("throttled", str(exc.detail), {"retry_after_seconds": exc.wait})
    codes = exc.get_codes()
    code = codes if isinstance(codes, str) else exc.default_code
    return error_body(code, str(exc.detail) if isinstance(exc.detail, str) else code, {})


def api_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """DRF exception handler (set on the API views, so Wagtail's /api/v2/ keeps its own)."""
    from django.core.exceptions import PermissionDenied
    from django.http import Http404

    if isinstance(exc, Http404):
        exc = exceptions.NotFound(*exc.args)
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied(*exc.args)
    if not isinstance(exc, exceptions.APIException):
        return None
    headers = {}
    # As DRF's own handler does: a 401 names how to authenticate (set by APIView from the
    # first authenticator), or clients cannot tell what to send.
    if getattr(exc, "auth_header", None):
        headers["WWW-Authenticate"] = exc.auth_header
    if getattr(exc, "wait", None):
        headers["Retry-After"] = str(int(exc.wait))
    if isinstance(exc, exceptions.MethodNotAllowed) and context.get("view") is not None:
        headers["Allow"] = ", ".join(context["view"].allowed_methods)
    set_rollback()
    return Response(_shape(exc), status=exc.status_code, headers=headers)


def error_response(status_code: int, code: str, message: str, details: Any = None) -> HttpResponse:
    """The same shape outside DRF (middleware, handler404/500)."""
    return JsonResponse(error_body(code, message, details), status=status_code)


def api_page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if request.path.startswith(API_PATH_PREFIX):
        with_slash = endpoint_with_slash(request)
        if with_slash is not None:
            return _to_slash_form(request, with_slash)
        return error_response(
            status.HTTP_404_NOT_FOUND,
            "not_found",
            "No API endpoint at this URL.",
            {"path": request.path[:200]},
        )
    return defaults.page_not_found(request, exception)


def endpoint_with_slash(request: HttpRequest) -> str | None:
    """The path with a slash added when that is an API endpoint (``/api/v1/articles`` ->
    ``/api/v1/articles/``), else None."""
    path_info = request.path_info
    if path_info.endswith("/"):
        return None
    try:
        match = resolve(f"{path_info}/", urlconf=getattr(request, "urlconf", None))
    except Resolver404:
        return None
    if getattr(match.func, "answers_no_endpoint", False):
        return None
    return f"{request.path}/"


def _to_slash_form(request: HttpRequest, path: str) -> HttpResponse:
    """GET and HEAD are redirected (301, the query kept); other methods get a 404 naming the
    URL, as a redirect would lose their body (and every endpoint is read-only anyway)."""
    query = request.META.get("QUERY_STRING", "")
    location = f"{escape_uri_path(path)}?{query}" if query else escape_uri_path(path)
    message = f"API URLs end with a slash: {location}"
    if request.method in ("GET", "HEAD"):
        response = JsonResponse(
            {"redirect": {"code": "trailing_slash", "message": message, "location": location}},
            status=status.HTTP_301_MOVED_PERMANENTLY,
        )
        response["Location"] = location
        return response
    return error_response(
        status.HTTP_404_NOT_FOUND,
        "not_found",
        f"No API endpoint at this URL. {message}",
        {"path": request.path[:200], "did_you_mean": location},
    )


def _database_unavailable(error: BaseException | None) -> bool:
    """A lost or refused database connection, a server shutting down (``OperationalError``), a
    closed connection (``InterfaceError``); not a bug in a query (those stay 500s)."""
    return isinstance(error, OperationalError | InterfaceError)


def api_server_error(request: HttpRequest) -> HttpResponse:
    # handler500 runs inside Django's ``except`` block: the exception is the one being handled.
    if _database_unavailable(sys.exc_info()[1]):
        if request.path.startswith(API_PATH_PREFIX):
            response = error_response(
                status.HTTP_503_SERVICE_UNAVAILABLE,
                "service_unavailable",
                "The content database is unavailable; retry later.",
                {"retry_after_seconds": DATABASE_RETRY_AFTER_SECONDS},
            )
        else:
            response = HttpResponse(
                "Service unavailable; retry later.\n", status=503, content_type="text/plain"
            )
        response["Retry-After"] = str(DATABASE_RETRY_AFTER_SECONDS)
        return response
    if request.path.startswith(API_PATH_PREFIX):
        return error_response(
            status.HTTP_500_INTERNAL_SERVER_ERROR, "server_error", "Internal server error.", {}
        )
    return defaults.server_error(request)


def _phrase(status_code: int) -> str:
    try:
        return HTTPStatus(status_code).phrase
    except ValueError:
        return "Error"


class JsonErrorsUnderApi:
    """Outermost middleware: every error under ``/api/`` leaves in the API's one shape.

    Errors the API renders itself are JSON already and pass untouched; anything else (Django's
    HTML 400 for a disallowed Host, its CSRF 403, a YAML or HTML error from a package's
    renderer) is rewritten, keeping the status and headers such as ``Allow`` and
    ``Retry-After``.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            response.status_code < 400
            or not request.path.startswith(API_PATH_PREFIX)
            or response.get("Content-Type", "").startswith(JSON_CONTENT_TYPE)
            or response.streaming
        ):
            return response
        phrase = _phrase(response.status_code)
        code = phrase.lower().replace(" ", "_").replace("-", "_")
        response.content = json.dumps(error_body(code, f"{phrase}.", {})).encode()
        response["Content-Type"] = JSON_CONTENT_TYPE
        if response.has_header("Content-Length"):
            response["Content-Length"] = str(len(response.content))
        return response
