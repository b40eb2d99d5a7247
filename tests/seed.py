"""The example article (the import format's reference text), for the tests that need it.

It is not part of the repository (the text is not ours): tests read it from the seed folder,
``../shared/seeds/`` next to the checkout by default, or the folder ``CMS_SEED_DIR`` names, and
skip where it is absent. Every such skip has the reason ``SKIP_REASON_PREFIX ...``, and the test
run ends with one line counting them (``pytest_terminal_summary`` in tests/conftest.py).

No Django here: the pure-core tests use it too.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

SEED_DIR_VARIABLE = "CMS_SEED_DIR"
SEED_NAME = "000_f0fe1d16a1469c78.txt"
DEFAULT_SEED_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
SKIP_REASON_PREFIX = "seed article not found"


def seed_dir() -> Path:
    configured = os.environ.get(SEED_DIR_VARIABLE, "").strip()
    return Path(configured).expanduser() if configured else DEFAULT_SEED_DIR


def seed_file() -> Path:
    return seed_dir() / SEED_NAME


def seed_present() -> bool:
    return seed_file().is_file()


def skip_reason() -> str:
    return f"{SKIP_REASON_PREFIX} at {seed_file()} (set {SEED_DIR_VARIABLE} to its folder)"


def require_seed() -> Path:
    """The seed file's path; skips the calling test when it is absent."""
    if not seed_present():
        pytest.skip(skip_reason())
    return seed_file()


def seed_bytes() -> bytes:
    return require_seed().read_bytes()


def seed_text() -> str:
    return require_seed().read_text(encoding="utf-8")


def seed_text_if_present() -> str | None:
    """For tests that run with or without the seed (extra data when it is there)."""
    return seed_file().read_text(encoding="utf-8") if seed_present() else None


def skipped_for_lack_of_seed(skipped_reports: list) -> int:
    """How many of pytest's skipped test reports were skipped for lack of the seed."""

    def reason(report) -> str:
        longrepr = report.longrepr
        if isinstance(longrepr, tuple) and len(longrepr) == 3:
            return str(longrepr[2])
        return str(longrepr)

    return sum(1 for report in skipped_reports if SKIP_REASON_PREFIX in reason(report))


def summary_line(count: int) -> str:
    tests = "1 test was" if count == 1 else f"{count} tests were"
    return (
        f"{tests} skipped: the seed article {SEED_NAME} is not at {seed_dir()}. "
        f"Point {SEED_DIR_VARIABLE}=/path/to/seeds at the folder that holds it to run them."
    )
