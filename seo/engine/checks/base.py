"""Helpers shared by the checks: results and status-to-score mapping."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..messages import Message, render_messages
from ..report import GOOD, OK, PROBLEM, CheckResult, Status

# Score of a check that has no finer measure than its status. "ok" keeps most of the credit:
# it means "could be better", not "wrong".
STATUS_SCORES = {GOOD: 100, OK: 60, PROBLEM: 0}


def msg(message_id: str, **params: Any) -> Message:
    return Message(message_id, params)


def result(
    check_id: str,
    status: Status,
    message: str | Message | Sequence[Message],
    details: dict[str, Any] | None = None,
    *,
    score: float | None = None,
    scored: bool = True,
) -> CheckResult:
    """A check's result; `message` is one Message, several, or (for code not converted yet)
    plain English text, which renders the same in every language."""
    value = STATUS_SCORES[status] if score is None else max(0, min(100, round(score)))
    if isinstance(message, str):
        messages: tuple[Message, ...] = (Message("plain", {"text": message}),)
    elif isinstance(message, Message):
        messages = (message,)
    else:
        messages = tuple(message)
    return CheckResult(
        check_id,
        status,
        value,
        render_messages(messages),
        details or {},
        messages,
        scored,
    )


def worst(*statuses: Status) -> Status:
    order = {GOOD: 0, OK: 1, PROBLEM: 2}
    return max(statuses, key=order.__getitem__)


NO_FOCUS_MESSAGE = Message("focus.none", {})


def no_focus_message(ctx: Any) -> Message:
    """Why focus checks cannot run: no focus keyword, or one without a term in this language."""
    if ctx.focus_term_missing:
        return Message("focus.missing_term", {"language": ctx.lang})
    return NO_FOCUS_MESSAGE
