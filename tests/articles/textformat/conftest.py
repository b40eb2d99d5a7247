"""Paths and loaders shared by the article text format tests (no Django needed)."""

from __future__ import annotations

import pytest

from tests import seed


@pytest.fixture
def seed_bytes() -> bytes:
    return seed.seed_bytes()
