"""internal_links and image_alt_text."""

from __future__ import annotations

from ..context import AnalysisContext
from ..report import GOOD, PROBLEM, CheckResult
from .base import result


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
        if link.target_kind != "external" and link.target_status in ("missing", "draft")
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
        listed = ", ".join(
            f'"{b["text"] or b["href"]}" in {b["location"]} ({b["status"]})' for b in broken[:5]
        )
        messages.append(f"Fix or remove links to unpublished or missing pages: {listed}.")
    if len(article_links) < minimum:
        messages.append(f"Link to at least {minimum} related article(s) on this site.")
    if messages:
        return result(check, PROBLEM, " ".join(messages), details)
    return result(
        check, GOOD, f"{len(article_links)} link(s) to other articles, none broken.", details
    )


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
        return result(check, GOOD, "No images to describe.", details)
    if missing:
        return result(
            check,
            PROBLEM,
            f"Describe {len(missing)} image(s) with alt text for screen readers and image search.",
            details,
        )
    return result(check, GOOD, f"All {len(images)} images have alt text.", details)
