"""Fixtures for the change feed and webhook tests."""

from tests.articles.api.conftest import _fresh_api_cache_state  # noqa: F401 (autouse)
