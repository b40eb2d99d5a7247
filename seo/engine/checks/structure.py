"""heading_structure: no empty, duplicate or misplaced headings."""

from __future__ import annotations

from ..context import AnalysisContext
from ..report import GOOD, OK, PROBLEM, CheckResult
from .base import result

SECTION_HEADING_LEVEL = 2  # section headings render as <h2> under the page's <h1> title


def heading_structure(ctx: AnalysisContext) -> CheckResult:
    check = "heading_structure"
    problems: list[str] = []
    warnings: list[str] = []
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
                problems.append(f"{body.path} contains an <h1>; the title is the only h1")
            elif level > previous + 1:
                warnings.append(f"{body.path}: <h{level}> follows <h{previous}> (skips a level)")
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
        "issues": problems + warnings,
    }
    if not ctx.headings and ctx.article_word_count > ctx.thresholds.section_max_words:
        return result(check, PROBLEM, "Add subheadings: the article has no sections.", details)
    messages = []
    if empty:
        messages.append(f"Fill in or remove {len(empty)} empty heading(s) ({', '.join(empty)}).")
    if duplicates:
        texts = ", ".join(f'"{d["text"]}"' for d in duplicates[:3])
        messages.append(f"Give each heading its own wording; repeated: {texts}.")
    messages.extend(f"Fix: {p}." for p in problems)
    if messages:
        return result(check, PROBLEM, " ".join(messages), details)
    if warnings:
        return result(
            check, OK, "Do not skip heading levels: " + "; ".join(warnings) + ".", details
        )
    return result(check, GOOD, f"{len(headings)} headings, none empty or repeated.", details)
