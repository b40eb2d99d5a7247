"""Input dataclasses: what the engine needs to know about one language version of an article.

The Django adapter builds these from Wagtail pages; the engine never sees a model instance.
Rich-text fields (intro, section bodies, conclusion, FAQ answers) carry Wagtail HTML.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

LINK_TARGET_KINDS = ("article", "page", "external")
LINK_TARGET_STATUSES = ("live", "draft", "missing", "private", "external")


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
    "missing", "private" (live, but under a view restriction: the public cannot open it) or
    "external"; `target_id` is the Wagtail page id for internal targets.
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

    A document should be what the public is served in its language. The fields below say how
    it was made, so checks can be honest about it:

    * `meta_description_derived`: the page has no meta description of its own; the one given
      is what is served instead (cut from the intro).
    * `word_count`: the served word count (the frontend's and JSON-LD's), when known.
    * `missing_texts`: paths of texts the article's primary language has and this version
      lacks ("sections[2].heading"); empty for a complete version.
    * `incomplete_policy`: what the public gets of an incomplete version, "hide" (nothing) or
      "fallback" (served with another language's text, noindex).
    * `available_languages`: the languages the article exists in at all.
    * `withheld_faqs`: FAQs the article has but does not serve, as (position among its FAQs,
      FAQInput): a question without an answer, or an answer without a question.
    * `child_positions`: per list ("sections", "faqs"), the position among the article's
      children of each item given; an item without text in this language is not given, so
      "sections[1]" may be the article's third section. Empty: the same positions.
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
    meta_description_derived: bool = False
    word_count: int | None = None
    missing_texts: tuple[str, ...] = ()
    incomplete_policy: str = "hide"
    available_languages: tuple[str, ...] = ()
    withheld_faqs: tuple[tuple[int, FAQInput], ...] = ()
    # The article marks a focus keyword that has no term in this language (so `keywords` holds
    # no focus entry): checks then say to add the term, not to mark a focus keyword.
    focus_term_missing: bool = False
    child_positions: Mapping[str, tuple[int, ...]] = field(default_factory=dict)

    @property
    def site_key(self) -> str:
        """How site-level findings name this document: "slug@lang"."""
        return f"{self.slug}@{self.lang}"


class InvalidDocumentError(ValueError):
    """An SEODocument the engine cannot read; the message names the offending field."""


_ITEM_TYPES = (
    ("sections", SectionInput),
    ("faqs", FAQInput),
    ("keywords", KeywordInput),
    ("links", LinkInput),
    ("images", ImageInput),
)
_TEXT_FIELDS = (
    "lang",
    "title",
    "seo_title",
    "meta_description",
    "slug",
    "intro_html",
    "conclusion_html",
    "url",
)


def check_document(document: SEODocument) -> None:
    """Raise InvalidDocumentError naming the first field of the wrong type or value."""
    if not isinstance(document, SEODocument):
        raise InvalidDocumentError(f"expected an SEODocument, got {type(document).__name__}")
    for name in _TEXT_FIELDS:
        value = getattr(document, name)
        if value is not None and not isinstance(value, str):
            raise InvalidDocumentError(f"{name} must be text, got {type(value).__name__}")
    for name, item_type in _ITEM_TYPES:
        items = getattr(document, name)
        if isinstance(items, str | bytes) or not hasattr(items, "__iter__"):
            raise InvalidDocumentError(f"{name} must be a sequence of {item_type.__name__}")
        for index, item in enumerate(items):
            if not isinstance(item, item_type):
                raise InvalidDocumentError(
                    f"{name}[{index}] must be a {item_type.__name__}, got {type(item).__name__}"
                )
    for index, link in enumerate(document.links):
        if link.target_kind not in LINK_TARGET_KINDS:
            raise InvalidDocumentError(
                f"links[{index}].target_kind must be one of {', '.join(LINK_TARGET_KINDS)}, "
                f"got {link.target_kind!r}"
            )
        if link.target_status not in LINK_TARGET_STATUSES:
            raise InvalidDocumentError(
                f"links[{index}].target_status must be one of "
                f"{', '.join(LINK_TARGET_STATUSES)}, got {link.target_status!r}"
            )
    translations = document.translations
    if translations is not None and not hasattr(translations, "items"):
        raise InvalidDocumentError("translations must map language codes to missing field names")
