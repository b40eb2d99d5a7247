"""Lengths: title, meta description, text, sections and paragraphs."""

from __future__ import annotations

from ..context import AnalysisContext
from ..messages import rounded_for
from ..pixel_width import truncation
from ..report import GOOD, OK, PROBLEM, CheckResult
from .base import msg, result, worst


def title_length(ctx: AnalysisContext) -> CheckResult:
    check = "title_length"
    t = ctx.thresholds
    field = "seo_title" if ctx.seo_title else "title"
    title = ctx.seo_title or ctx.title
    cut = truncation(title, t.title_max_px, t.title_font_px)
    details = {
        "field": field,
        "chars": len(title),
        "width_px": cut.width_px,
        "max_px": t.title_max_px,
        "font": f"Arial {t.title_font_px:g}px",
        "min_chars": t.title_min_chars,
        "max_chars": t.title_max_chars,
        "truncated": cut.truncated,
        "truncated_at": cut.visible_chars if cut.truncated else None,
        "visible_text": cut.visible_text,
    }
    if not title:
        return result(check, PROBLEM, msg("title_length.empty"), details)
    if cut.truncated:
        return result(
            check,
            PROBLEM,
            msg(
                "title_length.truncated",
                width=rounded_for(cut.width_px, t.title_max_px),
                max_px=rounded_for(t.title_max_px, t.title_max_px),
                visible_chars=cut.visible_chars,
                visible_text=cut.visible_text,
            ),
            details,
        )
    if len(title) < t.title_min_chars:
        return result(
            check,
            OK,
            msg("title_length.short", min_chars=t.title_min_chars, chars=len(title)),
            details,
        )
    if len(title) > t.title_max_chars:
        return result(
            check,
            OK,
            msg(
                "title_length.long",
                chars=len(title),
                max_px=rounded_for(t.title_max_px, t.title_max_px),
                max_chars=t.title_max_chars,
            ),
            details,
        )
    return result(
        check,
        GOOD,
        msg("title_length.good", chars=len(title), width=rounded_for(cut.width_px, t.title_max_px)),
        details,
    )


def meta_description_length(ctx: AnalysisContext) -> CheckResult:
    check = "meta_description_length"
    t = ctx.thresholds
    length = len(ctx.meta_description)
    details = {
        "chars": length,
        "min_chars": t.meta_min_chars,
        "max_chars": t.meta_max_chars,
        "ok_min_chars": t.meta_ok_min_chars,
        "ok_max_chars": t.meta_ok_max_chars,
    }
    target = {"min_chars": t.meta_min_chars, "max_chars": t.meta_max_chars}
    if not length:
        return result(check, PROBLEM, msg("meta_length.missing", **target), details)
    if ctx.document.meta_description_derived:
        # Served, so judged; but the editor did not write it: at best "ok", and say so.
        details["derived"] = True
        judged = _meta_length_result(check, length, t, target, details)
        return result(
            check,
            worst(judged.status, OK),
            [*judged.messages, msg("meta_length.derived")],
            details,
        )
    return _meta_length_result(check, length, t, target, details)


def _meta_length_result(check, length, t, target, details) -> CheckResult:
    if t.meta_min_chars <= length <= t.meta_max_chars:
        return result(check, GOOD, msg("meta_length.good", chars=length), details)
    if t.meta_ok_min_chars <= length < t.meta_min_chars:
        return result(
            check,
            OK,
            msg("meta_length.short", **target, chars=length),
            details,
        )
    if t.meta_max_chars < length <= t.meta_ok_max_chars:
        return result(
            check,
            OK,
            msg("meta_length.long", **target, chars=length),
            details,
        )
    too_short = length < t.meta_ok_min_chars
    return result(
        check,
        PROBLEM,
        msg("meta_length.short" if too_short else "meta_length.far_long", **target, chars=length),
        details,
    )


def text_length(ctx: AnalysisContext) -> CheckResult:
    check = "text_length"
    t = ctx.thresholds
    # The served count when the document says it (the frontend's and JSON-LD's wordCount), so
    # the audit and the page agree; else the engine's own.
    served = ctx.document.word_count
    count = served if served is not None else ctx.article_word_count
    details = {
        "words": count,
        "min_words": t.text_min_words,
        "problem_below_words": t.text_problem_words,
    }
    if count >= t.text_min_words:
        return result(check, GOOD, msg("text_length.good", words=count), details)
    status = OK if count >= t.text_problem_words else PROBLEM
    return result(
        check, status, msg("text_length.short", min_words=t.text_min_words, words=count), details
    )


def _runs(ctx: AnalysisContext) -> list[dict]:
    """Word runs between headings: intro, each section (split at inner headings), conclusion.
    Each names its field (`path`, and `field` for the admin's link), and the character span
    of its text in that field (`start`, `end`), so the admin can highlight it."""
    runs: list[dict] = []

    def start_run(path: str, field: str, start: int, heading: str | None = None) -> dict:
        run = {"path": path, "field": field, "words": 0, "start": start, "end": start}
        if heading is not None:
            run["heading"] = heading
        runs.append(run)
        return run

    intro = start_run("intro", "intro", 0)
    intro["words"], intro["end"] = ctx.intro.word_count, len(ctx.intro.rich.text)
    for index, body in enumerate(ctx.bodies):
        current = start_run(f"sections[{index}]", body.path, 0)
        for block in body.rich.blocks:
            if block.is_heading:
                current = start_run(body.path, body.path, block.end + 1, block.text)
            else:
                current["words"] += body.block_word_count(block)
                current["end"] = block.end
    conclusion = start_run("conclusion", "conclusion", 0)
    conclusion["words"] = ctx.conclusion.word_count
    conclusion["end"] = len(ctx.conclusion.rich.text)
    return [run for run in runs if run["words"]]


def section_length(ctx: AnalysisContext) -> CheckResult:
    """Subheading distribution: words in a row without a heading (Yoast's thresholds)."""
    check = "section_length"
    t = ctx.thresholds
    runs = _runs(ctx)
    too_long = [run for run in runs if run["words"] > t.section_max_words]
    longest = max(runs, key=lambda run: run["words"], default={"path": None, "words": 0})
    details = {
        "longest_words": longest["words"],
        "longest_path": longest["path"],
        "max_words": t.section_max_words,
        "problem_words": t.section_problem_words,
        "too_long": too_long,
        "highlights": [{k: run[k] for k in ("field", "start", "end")} for run in too_long],
    }
    if not too_long:
        return result(
            check, GOOD, msg("section_length.good", max_words=t.section_max_words), details
        )
    status = PROBLEM if longest["words"] > t.section_problem_words else OK
    message = msg(
        "section_length.too_long",
        count=len(too_long),
        max_words=t.section_max_words,
        fields=list(dict.fromkeys(run["path"] for run in too_long)),
        longest=longest["words"],
    )
    return result(check, status, message, details)


def paragraph_length(ctx: AnalysisContext) -> CheckResult:
    check = "paragraph_length"
    t = ctx.thresholds
    long_paragraphs = []
    longest = 0
    for field in [ctx.intro, *ctx.bodies, ctx.conclusion]:
        for index, block in enumerate(field.rich.blocks):
            if block.is_heading:
                continue
            count = field.block_word_count(block)
            longest = max(longest, count)
            if count > t.paragraph_max_words:
                long_paragraphs.append(
                    {
                        "path": field.path,
                        "block": index,
                        "words": count,
                        "start": block.start,
                        "end": block.end,
                    }
                )
    details = {
        "longest_words": longest,
        "max_words": t.paragraph_max_words,
        "problem_words": t.paragraph_problem_words,
        "too_long": long_paragraphs,
        "highlights": [
            {"field": p["path"], "start": p["start"], "end": p["end"]} for p in long_paragraphs
        ],
    }
    if not long_paragraphs:
        return result(
            check, GOOD, msg("paragraph_length.good", max_words=t.paragraph_max_words), details
        )
    status = PROBLEM if longest > t.paragraph_problem_words else OK
    message = msg(
        "paragraph_length.too_long",
        count=len(long_paragraphs),
        max_words=t.paragraph_max_words,
        longest=longest,
    )
    return result(check, status, message, details)
