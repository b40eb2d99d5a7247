"""Lengths: title, meta description, text, sections and paragraphs."""

from __future__ import annotations

from ..context import AnalysisContext
from ..pixel_width import truncation
from ..report import GOOD, OK, PROBLEM, CheckResult
from .base import result


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
        return result(check, PROBLEM, "Write a title.", details)
    if cut.truncated:
        return result(
            check,
            PROBLEM,
            (
                f"Shorten the title: at {cut.width_px:.0f} px it exceeds {t.title_max_px:.0f} px "
                f"and search results cut it after {cut.visible_chars} characters "
                f'("{cut.visible_text}").'
            ),
            details,
        )
    if len(title) < t.title_min_chars:
        return result(
            check,
            OK,
            f"Lengthen the title to at least {t.title_min_chars} characters "
            f"(now {len(title)}) so it says what the article offers.",
            details,
        )
    if len(title) > t.title_max_chars:
        return result(
            check,
            OK,
            f"The title has {len(title)} characters; it fits in "
            f"{t.title_max_px:.0f} px, but {t.title_max_chars} or fewer are safer on "
            "mobile.",
            details,
        )
    return result(
        check,
        GOOD,
        f"The title has {len(title)} characters and {cut.width_px:.0f} px and is shown in full.",
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
    target = f"{t.meta_min_chars}-{t.meta_max_chars}"
    if not length:
        return result(check, PROBLEM, f"Write a meta description of {target} characters.", details)
    if t.meta_min_chars <= length <= t.meta_max_chars:
        return result(check, GOOD, f"The meta description has {length} characters.", details)
    if t.meta_ok_min_chars <= length < t.meta_min_chars:
        return result(
            check,
            OK,
            f"Lengthen the meta description to {target} characters (now {length}).",
            details,
        )
    if t.meta_max_chars < length <= t.meta_ok_max_chars:
        return result(
            check,
            OK,
            f"Shorten the meta description to at most {t.meta_max_chars} "
            f"characters (now {length}); the rest is cut off.",
            details,
        )
    verb = "Lengthen" if length < t.meta_ok_min_chars else "Shorten"
    return result(
        check,
        PROBLEM,
        f"{verb} the meta description to {target} characters (now {length}).",
        details,
    )


def text_length(ctx: AnalysisContext) -> CheckResult:
    check = "text_length"
    t = ctx.thresholds
    count = ctx.article_word_count
    details = {
        "words": count,
        "min_words": t.text_min_words,
        "problem_below_words": t.text_problem_words,
    }
    if count >= t.text_min_words:
        return result(check, GOOD, f"The article has {count} words.", details)
    status = OK if count >= t.text_problem_words else PROBLEM
    return result(
        check,
        status,
        f"Expand the article to at least {t.text_min_words} words (now {count}).",
        details,
    )


def _runs(ctx: AnalysisContext) -> list[dict]:
    """Word runs between headings: intro, each section (split at inner headings), conclusion."""
    runs = []
    current = {"path": "intro", "words": 0}
    runs.append(current)
    current["words"] += ctx.intro.word_count
    for index, body in enumerate(ctx.bodies):
        current = {"path": f"sections[{index}]", "words": 0}
        runs.append(current)
        for block in body.rich.blocks:
            if block.is_heading:
                current = {"path": body.path, "heading": block.text, "words": 0}
                runs.append(current)
            else:
                current["words"] += body.block_word_count(block)
    current = {"path": "conclusion", "words": 0}
    runs.append(current)
    current["words"] += ctx.conclusion.word_count
    return [run for run in runs if run["words"]]


def section_length(ctx: AnalysisContext) -> CheckResult:
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
    }
    if not too_long:
        return result(
            check,
            GOOD,
            f"No text runs longer than {t.section_max_words} words without a heading.",
            details,
        )
    paths = ", ".join(run["path"] for run in too_long[:5])
    status = PROBLEM if longest["words"] > t.section_problem_words else OK
    return result(
        check,
        status,
        f"Split long text with subheadings: {len(too_long)} part(s) "
        f"run over {t.section_max_words} words without a heading ({paths}; longest "
        f"{longest['words']} words).",
        details,
    )


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
    }
    if not long_paragraphs:
        return result(
            check, GOOD, f"All paragraphs have at most {t.paragraph_max_words} words.", details
        )
    status = PROBLEM if longest > t.paragraph_problem_words else OK
    return result(
        check,
        status,
        f"Break up {len(long_paragraphs)} paragraph(s) longer than "
        f"{t.paragraph_max_words} words (longest {longest}).",
        details,
    )
