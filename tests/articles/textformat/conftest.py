"""Paths and loaders shared by the article text format tests (no Django needed)."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[3]
FIXTURES = REPO_ROOT / "tests" / "fixtures" / "articles"
VALID_FIXTURES = FIXTURES / "valid"
MALFORMED_FIXTURES = FIXTURES / "malformed"
SEED_FILE = REPO_ROOT.parent / "shared" / "seeds" / "000_f0fe1d16a1469c78.txt"

# One realistic article per language, in the seed's layout; de and en are translations of each
# other. The language is the file name's prefix.
VALID_FIXTURE_FILES = sorted(VALID_FIXTURES.glob("*.txt"))


def fixture_language(path: Path) -> str:
    return path.name.split("_", 1)[0]


@pytest.fixture
def seed_bytes() -> bytes:
    if not SEED_FILE.is_file():
        pytest.skip(f"seed article not found at {SEED_FILE} (the ../shared/seeds folder is absent)")
    return SEED_FILE.read_bytes()


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Overrides the suite-wide autouse fixture of the same name in tests/conftest.py: the text
    format is pure Python, so these tests must run without Django settings
    (``pytest -p no:django tests/articles/textformat``) and have no cache to clear."""
    yield
