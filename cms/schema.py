"""OpenAPI schema scope."""

from __future__ import annotations

from typing import Any

PUBLIC_API_PREFIX = "/api/v1/"


def only_public_api(endpoints: list[tuple[str, str, str, Any]], **kwargs: Any) -> list:
    """Describe our own API only: Wagtail's v2 and admin APIs document themselves elsewhere."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith(PUBLIC_API_PREFIX)]
