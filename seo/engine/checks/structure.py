"""heading_structure: no empty, duplicate or misplaced headings."""

from __future__ import annotations

from ..context import AnalysisContext
from ..messages import Message
from ..report import GOOD, OK, PROBLEM, CheckResult
from .base import msg, result

SECTION_HEADING_LEVEL = 2  # section headings render as <h2> under the page's <h1> title


def heading_structure(ctx: AnalysisContext) -> CheckResult:
    check = "heading_structure"
    problems: list[Message] = []
    warnings: list[Message] = []
    issues: list[str] = []
    empty = [f"sections[{i}].heading" for i, h in enumerate(ctx.headings) if not h]
    seen: dict[str, str] = {}
    duplicates = []
    headings = [
        (f"sections[{i}].heading", h, SECTION_HEADING_LEVEL) for i, h in enumerate(ctx.headings)
    ]
    for body in ctx.bodies:
        previous = SECTION_HEADING_LEVEL
        for block in body.rich.blocks:
            if not block.is_heading:
                continue
            level = block.heading_level
            headings.append((body.path, block.text, level))
            if level == 1:
                problems.append(msg("heading_structure.h1", field=body.path))
                issues.append(f"{body.path} contains an <h1>; the title is the only h1")
            elif level > previous + 1:
                warnings.append(
                    msg(
                        "heading_structure.skipped", field=body.path, level=level, previous=previous
                    )
                )
                issues.append(f"{body.path}: <h{level}> follows <h{previous}> (skips a level)")
            previous = level
    for path, text, _level in headings:
        key = text.casefold()
        if not key:
            continue
        if key in seen:
            duplicates.append({"path": path, "text": text, "duplicate_of": seen[key]})
        else:
            seen[key] = path
    details = {
        "headings": len(headings),
        "empty": empty,
        "duplicates": duplicates,
        "issues": issues,
    }
    if not ctx.headings and ctx.article_word_count > ctx.thresholds.section_max_words:
        return result(check, PROBLEM, msg("heading_structure.no_sections"), details)
    messages = []
    if empty:
        messages.append(msg("heading_structure.empty", count=len(empty), fields=empty))
    if duplicates:
        texts = [d["text"] for d in duplicates[:3]]
        messages.append(msg("heading_structure.duplicates", terms=texts))
    messages.extend(problems)
    if messages:
        return result(check, PROBLEM, messages, details)
    if warnings:
        return result(check, OK, warnings, details)
    return result(check, GOOD, msg("heading_structure.good", count=len(headings)), details)
