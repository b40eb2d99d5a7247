"""tests/seed.py: where the example article is looked for, and the one summary line of the
tests skipped without it (issue 18, item 7)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from tests import seed

REPO = Path(__file__).resolve().parents[1]


def test_cms_seed_dir_points_at_the_seed_folder(monkeypatch, tmp_path):
    (tmp_path / seed.SEED_NAME).write_text("Titel\nText.\n", encoding="utf-8")
    monkeypatch.setenv(seed.SEED_DIR_VARIABLE, str(tmp_path))

    assert seed.seed_file() == tmp_path / seed.SEED_NAME
    assert seed.seed_text() == "Titel\nText.\n"


def test_without_the_variable_the_folder_next_to_the_checkout_is_used(monkeypatch):
    monkeypatch.delenv(seed.SEED_DIR_VARIABLE, raising=False)

    assert seed.seed_dir() == REPO.parent / "shared" / "seeds"


def test_a_missing_seed_skips_with_a_reason_naming_the_variable(monkeypatch, tmp_path):
    monkeypatch.setenv(seed.SEED_DIR_VARIABLE, str(tmp_path))

    with pytest.raises(pytest.skip.Exception, match="set CMS_SEED_DIR to its folder"):
        seed.require_seed()


def test_only_skips_for_lack_of_the_seed_are_counted():
    def skipped(reason: str) -> SimpleNamespace:
        return SimpleNamespace(longrepr=("test_x.py", 3, f"Skipped: {reason}"))

    reports = [
        skipped(f"{seed.SKIP_REASON_PREFIX} at /x"),
        skipped(f"{seed.SKIP_REASON_PREFIX} at /x"),
        skipped("no Chromium installed"),
    ]

    assert seed.skipped_for_lack_of_seed(reports) == 2


def test_a_run_without_the_seed_says_once_how_many_skipped_and_how_to_point_at_it(tmp_path):
    environment = {**os.environ, seed.SEED_DIR_VARIABLE: str(tmp_path / "absent")}
    command = [sys.executable, "-m", "pytest", "tests/articles/textformat/test_writer.py"]

    result = subprocess.run(
        [*command, "-q", "-p", "no:cacheprovider"],
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )

    assert result.returncode == 0, result.stdout[-2000:]
    summary = [line for line in result.stdout.splitlines() if "skipped: the seed article" in line]
    assert len(summary) == 1
    assert summary[0].startswith("2 tests were skipped: the seed article")
    assert f"{seed.SEED_DIR_VARIABLE}=/path/to/seeds" in summary[0]
