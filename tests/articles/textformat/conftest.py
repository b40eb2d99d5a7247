"""Paths and loaders shared by the article text format tests (no Django needed)."""

from __future__ import annotations

import pytest

from tests.articles.textformat.samples import SEED_FILE


@pytest.fixture
def seed_bytes() -> bytes:
    if not SEED_FILE.is_file():
        pytest.skip(f"seed article not found at {SEED_FILE} (the ../shared/seeds folder is absent)")
    return SEED_FILE.read_bytes()
