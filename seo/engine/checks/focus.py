"""Where the focus keyword appears: title, meta description, intro, slug, subheadings."""

from __future__ import annotations

from bisect import bisect_right

from ..context import AnalysisContext
from ..keyword_forms import prepare_keyword
from ..morphology import word_key
from ..report import GOOD, OK, PROBLEM, CheckResult, MatchKind
from ..transliteration import slugify
from .base import msg, no_focus_message, result, worst


def _full(matches):
    return [m for m in matches if m.kind is not MatchKind.PARTIAL]


def focus_keyword_in_title(ctx: AnalysisContext) -> CheckResult:
    check = "focus_keyword_in_title"
    field = "seo_title" if ctx.seo_title else "title"
    title = ctx.seo_title or ctx.title
    details = {
        "field": field,
        "title": title,
        "early_share": ctx.thresholds.focus_title_early_share,
    }
    if ctx.focus_report is None:
        return result(check, PROBLEM, no_focus_message(ctx), details)
    term = ctx.focus_report.term
    if not title:
        return result(check, PROBLEM, msg("focus_title.no_title", term=term), details)
    matches = ctx.focus_matches(field)
    full = _full(matches)
    if not full:
        details["partial"] = bool(matches)
        messages = [msg(f"focus_title.missing.{field}", term=term)]
        if matches:
            messages.append(msg("focus_title.partial_hint"))
        return result(check, PROBLEM if not matches else OK, messages, details)
    first = full[0]
    share = first.start / len(title)
    details.update(
        {"position": first.start, "position_share": round(share, 3), "kind": str(first.kind)}
    )
    if share <= ctx.thresholds.focus_title_early_share:
        return result(check, GOOD, msg("focus_title.good", term=term), details)
    return result(check, OK, msg("focus_title.late", term=term), details)


def focus_keyword_in_description(ctx: AnalysisContext) -> CheckResult:
    check = "focus_keyword_in_description"
    if ctx.focus_report is None:
        return result(check, PROBLEM, no_focus_message(ctx))
    term = ctx.focus_report.term
    if not ctx.meta_description:
        return result(
            check,
            PROBLEM,
            msg("focus_description.missing_description", term=term),
            {"present": False},
        )
    matches = ctx.focus_matches("meta_description")
    details = {
        "present": True,
        "matches": len(_full(matches)),
        "partial": len(matches) - len(_full(matches)),
    }
    if _full(matches):
        judged = result(check, GOOD, msg("focus_description.good"), details)
    elif matches:
        judged = result(check, OK, msg("focus_description.partial", term=term), details)
    else:
        judged = result(check, PROBLEM, msg("focus_description.missing", term=term), details)
    if not ctx.document.meta_description_derived:
        return judged
    # The served description is cut from the intro: judged as it is served, at best "ok".
    details["derived"] = True
    return result(
        check, worst(judged.status, OK), [*judged.messages, msg("meta_length.derived")], details
    )


def focus_keyword_in_intro(ctx: AnalysisContext) -> CheckResult:
    check = "focus_keyword_in_intro"
    limit = ctx.thresholds.focus_intro_sentences
    if ctx.focus_report is None:
        return result(check, PROBLEM, no_focus_message(ctx), {"first_sentences": limit})
    term = ctx.focus_report.term
    field = ctx.fields_by_path.get("intro")
    if field is None:
        return result(
            check,
            PROBLEM,
            msg("focus_intro.no_intro", term=term),
            {"first_sentences": limit, "intro_present": False},
        )
    matches = ctx.focus_matches("intro")
    full = _full(matches)
    details = {
        "first_sentences": limit,
        "intro_present": True,
        "sentences": len(field.sentence_starts),
    }
    if full:
        sentence = bisect_right(field.sentence_starts, full[0].start)
        details["first_match_sentence"] = sentence
        if sentence <= limit:
            return result(
                check, GOOD, msg("focus_intro.good", term=term, sentence=sentence), details
            )
        return result(
            check, OK, msg("focus_intro.late", term=term, limit=limit, sentence=sentence), details
        )
    if matches:
        return result(check, OK, msg("focus_intro.partial", term=term, limit=limit), details)
    return result(check, PROBLEM, msg("focus_intro.missing", term=term, limit=limit), details)


def focus_keyword_in_slug(ctx: AnalysisContext) -> CheckResult:
    check = "focus_keyword_in_slug"
    if ctx.focus_report is None:
        return result(check, PROBLEM, no_focus_message(ctx), {"slug": ctx.slug})
    term = ctx.focus_report.term
    suggestion = slugify(term, ctx.lang)
    details = {"slug": ctx.slug, "suggested_slug": suggestion}
    if not ctx.slug:
        return result(check, PROBLEM, msg("focus_slug.no_slug", suggestion=suggestion), details)
    matches = ctx.focus_matches("slug")
    if _full(matches):
        return result(check, GOOD, msg("focus_slug.good"), details)
    slug_keyword = prepare_keyword(term, ctx.lang, for_slug=True)
    slug_keys = {word_key(w, ctx.lang) for w in ctx.slug_field.words}
    present = [w.text for w in slug_keyword.words if not w.keys.isdisjoint(slug_keys)]
    details["words_present"] = present
    details["words_total"] = len(slug_keyword.words)
    if matches or present:
        return result(check, OK, msg("focus_slug.partial", suggestion=suggestion), details)
    return result(check, PROBLEM, msg("focus_slug.missing", suggestion=suggestion), details)


def focus_keyword_in_subheadings(ctx: AnalysisContext) -> CheckResult:
    check = "focus_keyword_in_subheadings"
    t = ctx.thresholds
    limits = {"min_share": t.subheading_share_min, "max_share": t.subheading_share_max}
    if ctx.focus_report is None:
        return result(check, PROBLEM, no_focus_message(ctx), limits)
    term = ctx.focus_report.term
    # Subheadings: section headings plus headings inside section bodies.
    spans: list[tuple[str, int, int]] = [
        (f"sections[{i}].heading", 0, len(h)) for i, h in enumerate(ctx.headings) if h
    ]
    for body in ctx.bodies:
        spans.extend((body.path, b.start, b.end) for b in body.rich.blocks if b.is_heading)
    match_starts: dict[str, list[int]] = {}
    for match in _full(ctx.focus_report.matches):
        match_starts.setdefault(match.path, []).append(match.start)
    with_keyword = sum(
        1
        for path, start, end in spans
        if any(start <= offset < end for offset in match_starts.get(path, ()))
    )
    total = len(spans)
    share = with_keyword / total if total else 0.0
    details = {
        "subheadings": total,
        "with_keyword": with_keyword,
        "share": round(share, 3),
        **limits,
    }
    if not total:
        return result(check, PROBLEM, msg("focus_subheadings.none", term=term), details)
    if with_keyword == 0:
        return result(check, PROBLEM, msg("focus_subheadings.missing", term=term), details)
    counts = {"term": term, "with_keyword": with_keyword, "total": total}
    if share > t.subheading_share_max:
        return result(check, OK, msg("focus_subheadings.too_many", **counts), details)
    if share < t.subheading_share_min:
        percents = {
            "min_percent": round(100 * t.subheading_share_min),
            "max_percent": round(100 * t.subheading_share_max),
        }
        return result(check, OK, msg("focus_subheadings.too_few", **counts, **percents), details)
    return result(check, GOOD, msg("focus_subheadings.good", **counts), details)
