"""`make run`'s output: one line per step, details in the log, the log's tail on failure."""

from __future__ import annotations

import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
STEP = REPO / "cms" / "scripts" / "step"


def run_step(log: Path, *command: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(STEP), str(log), "Migrating the database", *command],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_a_step_prints_one_progress_line_and_logs_the_commands_output(tmp_path):
    log = tmp_path / "make-run.log"
    noisy = "for i in $(seq 190); do echo Applying migration $i... OK; done"

    result = run_step(log, "sh", "-c", noisy)

    assert result.returncode == 0
    assert result.stdout == "Migrating the database...\n"
    assert result.stderr == ""
    assert log.read_text().count("... OK\n") == 190


def test_a_failing_step_shows_the_logs_tail_and_keeps_the_exit_code(tmp_path):
    log = tmp_path / "make-run.log"
    failing = (
        "for i in $(seq 100); do echo line $i; done; echo 'django.db.utils.Error: boom' >&2; exit 3"
    )

    result = run_step(log, "sh", "-c", failing)

    assert result.returncode == 3
    assert "Failed (exit code 3): Migrating the database" in result.stderr
    assert str(log) in result.stderr
    assert "django.db.utils.Error: boom" in result.stderr
    assert "line 100" in result.stderr and "line 1\n" not in result.stderr


def test_make_passes_its_host_and_port_to_the_admin_line():
    result = subprocess.run(
        ["make", "-n", "admin", "HOST=0.0.0.0", "PORT=8501"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert "ensure_dev_admin --host 0.0.0.0 --port 8501" in result.stdout


def test_the_run_log_is_not_committed():
    ignored = subprocess.run(
        ["git", "check-ignore", "var/log/make-run.log"], cwd=REPO, capture_output=True, text=True
    )

    assert ignored.returncode == 0
