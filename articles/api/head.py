"""The article's ``<head>`` as a ready list of elements, built from the structured ``seo`` object.

A frontend renders each item as ``<{tag} {attributes}>{text}</{tag}>`` (``meta`` and ``link``
have no text and no closing tag) and needs to know nothing about Open Graph, Twitter cards,
hreflang or JSON-LD. Values in, dicts out; no Django, no database.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from typing import Any

HEAD_TAGS = ("title", "meta", "link", "script")


def element(tag: str, text: str | None = None, **attributes: str) -> dict[str, Any]:
    return {"tag": tag, "attributes": attributes, "text": text}


def _meta(key: str, name: str, content: Any) -> dict[str, Any] | None:
    if content in (None, ""):
        return None
    if isinstance(content, datetime):
        content = content.replace(microsecond=0).isoformat()
    return element("meta", **{key: name, "content": str(content)})


def json_ld_script(data: dict[str, Any]) -> dict[str, Any]:
    """``<script type="application/ld+json">``; ``<`` escaped so no text can close the script."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    return element("script", text=text, type="application/ld+json")


def head_elements(seo: dict[str, Any]) -> list[dict[str, Any]]:
    """Title, description, robots, canonical, hreflang alternates, Open Graph (with
    ``article:*``), Twitter card and JSON-LD, in that order."""
    og = seo["open_graph"]
    twitter = seo["twitter"]
    image = og.get("image")
    items: list[dict[str, Any] | None] = [
        element("title", text=seo["title"]),
        _meta("name", "description", seo["description"]),
        _meta("name", "robots", seo["robots"]),
        element("link", rel="canonical", href=seo["canonical_url"]),
    ]
    items += [
        element("link", rel="alternate", hreflang=link["lang"], href=link["url"])
        for link in seo["alternates"]
    ]
    items += [
        _meta("property", "og:type", og["type"]),
        _meta("property", "og:title", og["title"]),
        _meta("property", "og:description", og["description"]),
        _meta("property", "og:url", og["url"]),
        _meta("property", "og:site_name", og["site_name"]),
        _meta("property", "og:locale", og["locale"]),
    ]
    items += [_meta("property", "og:locale:alternate", code) for code in og["locale_alternates"]]
    if image:
        items += [
            _meta("property", "og:image", image["url"]),
            _meta("property", "og:image:width", image["width"]),
            _meta("property", "og:image:height", image["height"]),
            _meta("property", "og:image:alt", image["alt"]),
        ]
    items += [
        _meta("property", "article:published_time", og["published_time"]),
        _meta("property", "article:modified_time", og["modified_time"]),
    ]
    items += [_meta("property", "article:tag", tag) for tag in og["tags"]]
    items += [_meta("name", f"twitter:{key}", value) for key, value in _twitter_pairs(twitter)]
    items += [json_ld_script(data) for data in seo["json_ld"]]
    return [item for item in items if item is not None]


def _twitter_pairs(twitter: dict[str, Any]) -> Iterable[tuple[str, Any]]:
    for key in ("card", "site", "title", "description", "image", "image_alt"):
        yield key.replace("_", ":"), twitter.get(key)


def twitter_card(
    *, title: str, description: str, image: dict[str, Any] | None, site: str
) -> dict[str, Any]:
    """X/Twitter card values: a large image card when there is an image."""
    return {
        "card": "summary_large_image" if image else "summary",
        "site": site or None,
        "title": title,
        "description": description,
        "image": image["url"] if image else None,
        "image_alt": (image["alt"] or None) if image else None,
    }
