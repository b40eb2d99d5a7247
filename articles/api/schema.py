"""OpenAPI schema scope: the schema at /api/schema/ describes this API (/api/v1/) only.

Wagtail's API v2 (/api/v2/) stays mounted for tooling that expects it, but it documents itself
differently and its viewsets carry no schema information; describing them here would be untrue.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.views import SpectacularSwaggerView

CONTENT_API_PREFIX = "/api/v1/"


class SwaggerDocsView(SpectacularSwaggerView):
    """Swagger UI (``/api/docs/``), for GET and HEAD only: its HTML renderer has no template
    for the OPTIONS metadata DRF would answer (a 500)."""

    http_method_names = ["get", "head"]


def only_content_api(endpoints: list[tuple[str, Any, str, Any]], **kwargs: Any) -> list:
    """drf-spectacular preprocessing hook."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith(CONTENT_API_PREFIX)]


class ApiTokenScheme(OpenApiAuthenticationExtension):
    """Read-only API tokens (``articles.api.tokens``): optional, for a rate of their own."""

    target_class = "articles.api.tokens.ApiTokenAuthentication"
    name = "apiToken"

    def get_security_definition(self, auto_schema: Any) -> dict[str, Any]:
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "Optional read-only API token (admin: Settings -> API tokens), sent "
            "as `Authorization: Bearer cms_...`: requests are throttled per token at its own "
            "rate instead of per address. Content is the same with or without one.",
        }
