"""schema.org JSON-LD for an article page: BlogPosting, FAQPage and BreadcrumbList.

Plain functions (values in, dicts out) following Google Search's structured-data documentation:
Article (all properties are recommended: headline, image, datePublished, dateModified, author
with name), FAQPage (required: mainEntity; Question.name, Question.acceptedAnswer; Answer.text)
and BreadcrumbList (required: itemListElement; ListItem.position, name, and item except on the
last entry). Each object is ready for its own ``<script type="application/ld+json">``.

FAQPage comes from the SEO engine (``seo.engine.build_faq_jsonld``), the others are built here.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from seo.engine import build_faq_jsonld
from seo.engine.model import FAQInput

SCHEMA_ORG = "https://schema.org"


def iso_datetime(value: datetime | None) -> str | None:
    return value.replace(microsecond=0).isoformat() if value else None


def blog_posting(
    *,
    url: str,
    headline: str,
    description: str,
    lang: str | None,
    published: datetime | None,
    modified: datetime | None,
    author_name: str,
    publisher_name: str,
    publisher_url: str,
    image_url: str | None,
    keywords: Sequence[str],
    word_count: int,
    author_is_organization: bool = False,
    publisher_logo_url: str | None = None,
) -> dict[str, Any]:
    publisher: dict[str, Any] = {
        "@type": "Organization",
        "name": publisher_name,
        "url": publisher_url,
    }
    if publisher_logo_url:
        publisher["logo"] = {"@type": "ImageObject", "url": publisher_logo_url}
    author_type = "Organization" if author_is_organization else "Person"
    author = {"@type": author_type, "name": author_name} if author_name else publisher
    data: dict[str, Any] = {
        "@context": SCHEMA_ORG,
        "@type": "BlogPosting",
        "@id": f"{url}#article",
        "headline": headline,
        "description": description,
        "inLanguage": lang,
        "datePublished": iso_datetime(published),
        "dateModified": iso_datetime(modified or published),
        "author": author,
        "publisher": publisher,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "wordCount": word_count,
    }
    if image_url:
        data["image"] = [image_url]
    if keywords:
        data["keywords"] = ", ".join(keywords)
    return {key: value for key, value in data.items() if value is not None}


def faq_page(*, url: str, faqs: Sequence[tuple[str, str]]) -> dict[str, Any] | None:
    """``faqs`` as (question text, answer HTML); None without a complete pair.

    Built by the SEO engine, which also audits it, so the API publishes exactly the markup the
    SEO report judges.
    """
    data = build_faq_jsonld(
        [FAQInput(question=question, answer_html=answer) for question, answer in faqs]
    )
    if data is not None:
        data["@id"] = f"{url}#faq"
    return data


def breadcrumb_list(trail: Sequence[tuple[str, str]]) -> dict[str, Any]:
    """``trail`` as (name, url) from the home page to the article itself."""
    return {
        "@context": SCHEMA_ORG,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(trail, start=1)
        ],
    }
