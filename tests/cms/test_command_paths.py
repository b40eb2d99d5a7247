"""Every command's path arguments are checked before any work: one line, exit code 2."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from cms.command_paths import output_file, output_folder

REPO = Path(__file__).resolve().parents[2]


def run_command(*args: str) -> CommandError:
    with pytest.raises(CommandError) as caught:
        call_command(*args, stdout=io.StringIO(), stderr=io.StringIO())
    return caught.value


@pytest.fixture
def a_file(tmp_path) -> Path:
    path = tmp_path / "notes.txt"
    path.write_text("not a folder", encoding="utf-8")
    return path


def bad_paths(a_file: Path) -> dict[str, str]:
    return {"under a file": str(a_file / "out"), "under /proc": "/proc/cms-out"}


COMMANDS = [
    ("export_articles", lambda path: ["--output", path]),
    ("seo_audit", lambda path: ["--output", path + ".xml", "--format", "junit"]),
    ("import_articles", lambda path: [path + ".txt"]),
]


@pytest.mark.django_db
@pytest.mark.parametrize("where", ["under a file", "under /proc"])
@pytest.mark.parametrize(("command", "arguments"), COMMANDS, ids=[c[0] for c in COMMANDS])
def test_a_path_that_cannot_be_used_is_a_bad_argument(command, arguments, where, a_file):
    path = bad_paths(a_file)[where]

    error = run_command(command, *arguments(path))

    assert error.returncode == 2
    message = str(error)
    assert "\n" not in message
    assert path in message


def test_output_folder_names_the_file_in_the_way(a_file):
    with pytest.raises(CommandError, match=rf"{a_file} is a file"):
        output_folder(str(a_file / "deeper" / "out"))


def test_output_folder_refuses_an_existing_file(a_file):
    with pytest.raises(CommandError, match="is a file, not a folder"):
        output_folder(str(a_file))


def test_output_folder_is_created_with_its_parents(tmp_path):
    target = tmp_path / "a" / "b"

    assert output_folder(str(target)) == target
    assert target.is_dir()


def test_output_file_refuses_a_folder_and_creates_nothing(tmp_path):
    with pytest.raises(CommandError, match="is a folder, not a file"):
        output_file(str(tmp_path))
    with pytest.raises(CommandError, match="no folder"):
        output_file(str(tmp_path / "missing" / "report.xml"))
    assert list(tmp_path.iterdir()) == []


def test_output_file_accepts_a_new_file_in_a_writable_folder_without_creating_it(tmp_path):
    target = tmp_path / "report.xml"

    assert output_file(str(target)) == target
    assert not target.exists()


@pytest.mark.parametrize(
    "arguments",
    [
        ["export_articles", "--output", "/proc/cms-out"],
        ["seo_audit", "--output", "/proc/cms-report.xml"],
        ["import_articles", "/proc"],
    ],
)
def test_manage_py_prints_one_line_and_exits_2_without_a_traceback(arguments, tmp_path):
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'unused.sqlite3'}",
    }

    result = subprocess.run(
        [sys.executable, str(REPO / "manage.py"), *arguments],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
    )

    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().count("\n") == 0
    assert result.stderr.startswith("CommandError: ")
