"""Stored rich text -> clean HTML for frontends, in one language.

Wagtail stores internal references as ``<a linktype="page" id="..">`` and ``<embed
embedtype="image|media" ..>``. Like Wagtail's ``expand_db_html`` this module rewrites them with
Wagtail's own tag rewriters, but for a frontend on another domain:

- a link to a page becomes that page's *frontend* URL in the same language (falling back per
  ``MODELTRANSLATION_FALLBACK_LANGUAGES``), with the URL's path in ``data-path`` for frontends
  that link within their own host; a link to a page the public cannot see is dropped and its
  text kept;
- images become ``<img>`` tags with absolute rendition URLs; media embeds become the provider's
  HTML in a ``<div class="embed" data-ratio="56.25%">`` wrapper;
- the result is sanitised with nh3, whatever path the HTML took into the database, so no script,
  event handler, ``javascript:`` URL or Wagtail-internal attribute reaches a frontend.

All references of all fields of a response are resolved together (``prepare``), so the number of
queries does not grow with the number of sections, FAQs or list items.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from html import unescape
from types import SimpleNamespace
from typing import Any

import nh3
from anyascii import anyascii
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.timezone import now
from modeltranslation.utils import build_localized_fieldname, resolution_order
from wagtail.embeds.embeds import get_embed, get_embed_hash
from wagtail.embeds.exceptions import EmbedException
from wagtail.embeds.models import Embed
from wagtail.images import get_image_model
from wagtail.images.formats import get_image_format, get_image_formats
from wagtail.rich_text.rewriters import (
    FIND_A_TAG,
    FIND_EMBED_TAG,
    EmbedRewriter,
    LinkRewriter,
    MultiRuleRewriter,
    extract_attrs,
)

from articles import frontend_paths
from articles.frontend import frontend_path, frontend_url
from articles.images import media_url
from articles.selectors import link_targets, public_languages

logger = logging.getLogger(__name__)

ALLOWED_TAGS = {
    *("p", "br", "h2", "h3", "h4", "h5", "h6", "blockquote", "hr", "code"),
    *("b", "strong", "i", "em", "u", "s", "sub", "sup", "a", "ul", "ol", "li"),
    *("img", "div", "iframe", "figure", "figcaption"),
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "data-path", "rel"},
    "img": {"src", "alt", "width", "height", "class", "loading"},
    "div": {"class", "data-ratio"},
    "iframe": {
        *("src", "width", "height", "title", "allow", "allowfullscreen"),
        *("frameborder", "loading", "referrerpolicy"),
    },
}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}


# Link relations an editor may set (Google's qualifiers for paid, untrusted and user-generated
# links, plus the privacy ones); anything else in a stored rel is dropped.
LINK_RELATIONS = ("nofollow", "sponsored", "ugc", "noopener", "noreferrer")
# The editor's way to set them: a link URL ending in "#rel=sponsored" (or "#rel=nofollow",
# "#rel=sponsored+nofollow"...) - typed into Draftail's link field or an imported file alike,
# stored as the URL and turned into a rel attribute here (docs/api.md, "Rich text").
_REL_MARKER = re.compile(r"#rel=([a-z+, ]+)$", re.IGNORECASE)
_A_START_TAG = re.compile(r"<a\b[^>]*>", re.IGNORECASE)
_HREF = re.compile(r"""\bhref=(["'])(.*?)\1""", re.IGNORECASE | re.DOTALL)


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    """Values nh3's allow-list cannot judge by name alone."""
    if attribute == "data-path":
        # Only a site-relative path (what _page_links writes), never a URL or a script.
        return value if value.startswith("/") and not value.startswith("//") else None
    if attribute == "rel":
        relations = [token for token in LINK_RELATIONS if token in value.lower().split()]
        return " ".join(relations) or None
    return value


def link_relations_from_markers(html: str) -> str:
    """``<a href="https://x.example/#rel=sponsored">`` -> ``<a href="https://x.example/"
    rel="sponsored">`` (merged with any rel the tag has); unknown relations are ignored."""
    if "#rel=" not in html.lower():
        return html

    def rewrite(tag_match: re.Match[str]) -> str:
        tag = tag_match.group(0)
        href = _HREF.search(tag)
        marker = _REL_MARKER.search(href.group(2)) if href else None
        if href is None or marker is None:
            return tag
        wanted = set(re.split(r"[+, ]+", marker.group(1).lower()))
        relations = [token for token in LINK_RELATIONS if token in wanted]
        url = href.group(2)[: marker.start()]
        tag = f"{tag[: href.start()]}href={href.group(1)}{url}{href.group(1)}{tag[href.end() :]}"
        if not relations:
            return tag
        return f'{tag[:-1].rstrip("/").rstrip()} rel="{" ".join(relations)}">'

    return _A_START_TAG.sub(rewrite, html)


_SANITISER = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    attribute_filter=_filter_attribute,
    url_schemes=ALLOWED_URL_SCHEMES,
    link_rel=None,
    strip_comments=True,
)
# A dropped link leaves a bare <a> (no attributes) behind; its text stays, the tag goes.
_BARE_LINK = re.compile(r"<a>(.*?)</a>", re.DOTALL)
_BLOCK_END = re.compile(r"</(?:p|h[1-6]|li|blockquote|div|figure)>|<br\s*/?>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")


def sanitise_html(html: str) -> str:
    """Sanitised HTML, safe to insert into any page (the allow-list above)."""
    if not html:
        return ""
    return _BARE_LINK.sub(r"\1", _SANITISER.clean(link_relations_from_markers(html)))


ANCHOR_MAX_LENGTH = 80
_SUB_HEADING = re.compile(r"<(h[2-6])>(.*?)</\1>", re.IGNORECASE | re.DOTALL)


def anchor_base(text: str) -> str:
    """An ASCII URL-fragment id for a heading ("Größe & Preis" -> "grosse-preis"), at most
    ``ANCHOR_MAX_LENGTH`` characters and cut between words; "" when nothing is left."""
    base = slugify(anyascii(text)).strip("-")
    if len(base) > ANCHOR_MAX_LENGTH:
        cut = base[: ANCHOR_MAX_LENGTH + 1]
        base = cut.rsplit("-", 1)[0] if "-" in cut else base[:ANCHOR_MAX_LENGTH]
    return base.strip("-")


def unique_anchor(base: str, seen: set[str]) -> str:
    """``base``, or ``base-2``, ``base-3``... the first not in ``seen`` (which it joins)."""
    anchor, suffix = base, 2
    while anchor in seen:
        anchor, suffix = f"{base}-{suffix}", suffix + 1
    seen.add(anchor)
    return anchor


def add_heading_ids(html: str, seen: set[str], *, fallback_prefix: str = "heading") -> str:
    """Sanitised HTML with an ``id`` on every sub-heading (h2-h6), unique among ``seen`` (the
    ids already used in the same document, e.g. the section anchors), for tables of contents
    and deep links."""

    def with_id(match: re.Match[str]) -> str:
        tag, inner = match.group(1), match.group(2)
        base = anchor_base(html_to_text(inner)) or f"{fallback_prefix}-{len(seen) + 1}"
        return f'<{tag} id="{unique_anchor(base, seen)}">{inner}</{tag}>'

    return _SUB_HEADING.sub(with_id, html) if html else html


def html_to_text(html: str) -> str:
    """Plain text of an HTML fragment, one space between blocks (for descriptions, counts)."""
    text = _TAG.sub("", _BLOCK_END.sub(" ", html or ""))
    return " ".join(unescape(text).split())


def truncate_words(text: str, limit: int) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:.-")
    return f"{cut}…"


class RichTextRenderer:
    """Renders stored rich text for one language. Call ``prepare`` with every source first."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._targets: dict[int, dict[str, Any]] = {}
        self._images: dict[int, Any] = {}
        self._embeds: dict[str, Embed] = {}
        self._rewriter = MultiRuleRewriter(
            [
                LinkRewriter(bulk_rules={"page": self._page_links}),
                EmbedRewriter(bulk_rules={"image": self._images_html, "media": self._media_html}),
            ]
        )

    def prepare(self, sources: Iterable[str]) -> None:
        """Load every page, image and embed the sources refer to: at most four queries."""
        page_ids: set[int] = set()
        image_ids: set[int] = set()
        embed_urls: set[str] = set()
        for source in sources:
            if not source:
                continue
            if "linktype" in source:
                for attributes in map(extract_attrs, FIND_A_TAG.findall(source)):
                    if attributes.get("linktype") == "page" and _is_id(attributes.get("id")):
                        page_ids.add(int(attributes["id"]))
            if "embedtype" in source:
                for attributes in map(extract_attrs, FIND_EMBED_TAG.findall(source)):
                    kind = attributes.get("embedtype")
                    if kind == "image" and _is_id(attributes.get("id")):
                        image_ids.add(int(attributes["id"]))
                    elif kind == "media" and attributes.get("url"):
                        embed_urls.add(attributes["url"])
        self._targets = link_targets(page_ids - self._targets.keys()) | self._targets
        self._load_images(image_ids - self._images.keys())
        self._load_embeds(embed_urls - self._embeds.keys())

    def for_language(self, lang: str) -> RichTextRenderer:
        """A renderer for ``lang`` sharing what this one loaded (targets, images and embeds do
        not depend on the language): no queries for the same sources again."""
        other = RichTextRenderer(lang)
        other._targets, other._images, other._embeds = self._targets, self._images, self._embeds
        return other

    def render(self, source: str) -> str:
        if not source:
            return ""
        return sanitise_html(self._rewriter(source))

    # Loading -----------------------------------------------------------------------------------

    def _load_images(self, image_ids: set[int]) -> None:
        if not image_ids:
            return
        specs = [image_format.filter_spec for image_format in get_image_formats()]
        images = get_image_model().objects.filter(pk__in=image_ids).prefetch_renditions(*specs)
        self._images.update({image.pk: image for image in images})

    def _load_embeds(self, urls: set[str]) -> None:
        if not urls:
            return
        by_hash = {get_embed_hash(url): url for url in urls}
        stored = Embed.objects.filter(hash__in=by_hash).exclude(cache_until__lte=now())
        for embed in stored:
            self._embeds[by_hash[embed.hash]] = embed
        for url in urls - self._embeds.keys():
            # Normally fetched when the editor inserted it; fetched once more if expired.
            try:
                self._embeds[url] = get_embed(url)
            except EmbedException:
                logger.warning("Media embed %s could not be fetched; left out", url)

    # Rewriting rules (Wagtail's bulk-rule signature: list of attribute dicts -> list of HTML) ----

    def _page_links(self, attribute_list: list[dict]) -> list[str]:
        tags = []
        for attributes in attribute_list:
            url = self._page_url(attributes.get("id"))
            if url:
                path = frontend_path(url)
                tags.append(f'<a href="{escape(url)}" data-path="{escape(path)}">')
            else:
                tags.append("<a>")
        return tags

    def _page_url(self, page_id: str | None) -> str | None:
        if not _is_id(page_id):
            return None
        target = self._targets.get(int(page_id))
        if target is None:
            return None
        row = SimpleNamespace(**target)
        for code in resolution_order(self.lang):
            slug = target.get(build_localized_fieldname("slug", code))
            if not (slug and target.get(build_localized_fieldname("title", code))):
                continue
            if target["is_article"]:
                if code not in public_languages(row):
                    continue  # hidden as incomplete: link to a public version, if any
                return frontend_url(lang=code, slug=slug)
            return frontend_paths.page_url(
                lang=code,
                url_path=target.get(build_localized_fieldname("url_path", code)) or "",
                site_root_path=target.get(f"root_path_{code}") or "",
            )
        return None

    def _images_html(self, attribute_list: list[dict]) -> list[str]:
        return [self._image_html(attributes) for attributes in attribute_list]

    def _image_html(self, attributes: dict) -> str:
        image = self._images.get(int(attributes["id"])) if _is_id(attributes.get("id")) else None
        if image is None:
            return ""
        try:
            image_format = get_image_format(attributes.get("format", ""))
        except KeyError:
            image_format = get_image_formats()[0]
        rendition = image.get_renditions(image_format.filter_spec)[image_format.filter_spec]
        class_attribute = (
            f' class="{escape(image_format.classname)}"' if image_format.classname else ""
        )
        return (
            f'<img src="{escape(media_url(rendition.url))}" width="{rendition.width}" '
            f'height="{rendition.height}" alt="{escape(attributes.get("alt", ""))}"'
            f'{class_attribute} loading="lazy">'
        )

    def _media_html(self, attribute_list: list[dict]) -> list[str]:
        html = []
        for attributes in attribute_list:
            embed = self._embeds.get(attributes.get("url", ""))
            if embed is None or not embed.html:
                html.append("")
                continue
            # The aspect ratio (height / width, as CSS padding) lets frontends size the frame.
            ratio = f' data-ratio="{escape(embed.ratio_css)}"' if embed.ratio else ""
            html.append(f'<div class="embed"{ratio}>{embed.html}</div>')
        return html


def _is_id(value: Any) -> bool:
    return isinstance(value, str) and value.isascii() and value.isdigit() and len(value) < 19
