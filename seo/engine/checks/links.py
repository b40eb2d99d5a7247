"""internal_links and image_alt_text."""

from __future__ import annotations

from ..context import AnalysisContext
from ..report import GOOD, PROBLEM, CheckResult
from .base import msg, result


def internal_links(ctx: AnalysisContext) -> CheckResult:
    check = "internal_links"
    document = ctx.document
    minimum = ctx.thresholds.internal_links_min
    article_links = [
        link
        for link in document.links
        if link.target_kind == "article"
        and link.target_status == "live"
        and (link.target_id is None or link.target_id != document.article_id)
    ]
    broken = [
        {
            "href": link.href,
            "text": link.text,
            "location": link.location,
            "status": link.target_status,
        }
        for link in document.links
        if link.target_kind != "external" and link.target_status in ("missing", "draft", "private")
    ]
    external = sum(1 for link in document.links if link.target_kind == "external")
    details = {
        "article_links": len(article_links),
        "min_article_links": minimum,
        "internal_links": sum(1 for link in document.links if link.target_kind != "external"),
        "external_links": external,
        "broken": broken,
    }
    messages = []
    if broken:
        listed = [
            msg(
                "internal_links.broken_link",
                text=b["text"] or b["href"],
                field=b["location"],
                status=b["status"],
            )
            for b in broken[:5]
        ]
        messages.append(msg("internal_links.broken", links=listed))
    if len(article_links) < minimum:
        messages.append(msg("internal_links.too_few", minimum=minimum))
    if messages:
        return result(check, PROBLEM, messages, details)
    return result(check, GOOD, msg("internal_links.good", count=len(article_links)), details)


def image_alt_text(ctx: AnalysisContext) -> CheckResult:
    check = "image_alt_text"
    images = ctx.document.images
    missing = [
        {"src": image.src, "location": image.location}
        for image in images
        if not (image.alt or "").strip()
    ]
    details = {"images": len(images), "missing_alt": missing}
    if not images:
        return result(check, GOOD, msg("image_alt.no_images"), details)
    if missing:
        return result(check, PROBLEM, msg("image_alt.missing", count=len(missing)), details)
    return result(check, GOOD, msg("image_alt.good", count=len(images)), details)
