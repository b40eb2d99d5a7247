"""Input dataclasses: what the engine needs to know about one language version of an article.

The Django adapter builds these from Wagtail pages; the engine never sees a model instance.
Rich-text fields (intro, section bodies, conclusion, FAQ answers) carry Wagtail HTML.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

LINK_TARGET_KINDS = ("article", "page", "external")
LINK_TARGET_STATUSES = ("live", "draft", "missing", "external")


@dataclass(frozen=True, slots=True)
class KeywordInput:
    """A keyword or key phrase the article should rank for; `focus` marks the main one."""

    term: str
    focus: bool = False


@dataclass(frozen=True, slots=True)
class SectionInput:
    """One article section: a plain-text heading and a rich-text (HTML) body."""

    heading: str
    body_html: str


@dataclass(frozen=True, slots=True)
class FAQInput:
    """One FAQ pair: plain-text question, rich-text (HTML) answer."""

    question: str
    answer_html: str


@dataclass(frozen=True, slots=True)
class LinkInput:
    """A link found in the article, already resolved by the adapter.

    `location` is the field path the link sits in (e.g. "sections[2].body").
    `target_kind` is "article", "page" or "external"; `target_status` is "live", "draft",
    "missing" or "external"; `target_id` is the Wagtail page id for internal targets.
    """

    href: str
    text: str
    location: str
    target_kind: str
    target_status: str
    target_id: int | None = None


@dataclass(frozen=True, slots=True)
class ImageInput:
    """An image shown in the article, with the alt text editors entered."""

    src: str
    alt: str
    location: str


@dataclass(frozen=True, slots=True)
class SEODocument:
    """One language version of an article, as the SEO engine sees it.

    `translations` maps every configured language code to the names of the fields still missing
    in that language (an empty tuple means fully translated).
    """

    lang: str
    title: str
    seo_title: str
    meta_description: str
    slug: str
    intro_html: str
    sections: tuple[SectionInput, ...]
    conclusion_html: str
    faqs: tuple[FAQInput, ...]
    keywords: tuple[KeywordInput, ...]
    links: tuple[LinkInput, ...] = ()
    images: tuple[ImageInput, ...] = ()
    url: str = ""
    article_id: int | None = None
    translations: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def site_key(self) -> str:
        """How site-level findings name this document: "slug@lang"."""
        return f"{self.slug}@{self.lang}"
