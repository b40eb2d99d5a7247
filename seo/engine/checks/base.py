"""Helpers shared by the checks: results and status-to-score mapping."""

from __future__ import annotations

from typing import Any

from ..report import GOOD, OK, PROBLEM, CheckResult, Status

# Score of a check that has no finer measure than its status. "ok" keeps most of the credit:
# it means "could be better", not "wrong".
STATUS_SCORES = {GOOD: 100, OK: 60, PROBLEM: 0}


def result(
    check_id: str,
    status: Status,
    message: str,
    details: dict[str, Any] | None = None,
    *,
    score: float | None = None,
) -> CheckResult:
    value = STATUS_SCORES[status] if score is None else max(0, min(100, round(score)))
    return CheckResult(check_id, status, value, message, details or {})


def worst(*statuses: Status) -> Status:
    order = {GOOD: 0, OK: 1, PROBLEM: 2}
    return max(statuses, key=order.__getitem__)


def times(count: int) -> str:
    """The count with its noun: "1 time", "3 times"."""
    return f"{count} time" if count == 1 else f"{count} times"


def quote_list(items: list[str], limit: int = 5) -> str:
    shown = ", ".join(f'"{item}"' for item in items[:limit])
    more = len(items) - limit
    return shown + (f" and {more} more" if more > 0 else "")


NO_FOCUS_MESSAGE = "Mark one of the article's keywords as the focus keyword."
