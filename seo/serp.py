"""What a search result for one language version would look like, on a desktop and on a phone
(pure Python, no Django).

The title and the description are cut by rendered pixel width, as search engines do, with the
engine's Arial width table (``seo.engine.truncation``). The FAQ is what the page's FAQPage
structured data (``seo.engine.build_faq_jsonld``) offers a search engine.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from seo.engine import (
    SEODocument,
    Thresholds,
    build_faq_jsonld,
    html_to_plain_text,
    truncation,
    validate_faq_jsonld,
)

# Desktop result snippets are about 920 px of Arial 14 px wide before the text is cut (two
# lines of a ~460 px column); that is where descriptions of 150-160 characters end.
DESCRIPTION_MAX_PX = 920.0
DESCRIPTION_FONT_PX = 14.0
# Phones show less. Google publishes no limits and changes its layout often; these are the
# widths SERP preview tools use for Google's mobile results since the 2022-2023 layouts: a title
# line of about 500 px of Arial 20 px (about 50 characters, where desktop shows about 60) and
# a description of about 680 px of Arial 14 px (about 120 characters, where desktop shows
# 150-160). docs/editors.md names the sources.
MOBILE_TITLE_MAX_PX = 500.0
MOBILE_DESCRIPTION_MAX_PX = 680.0
# FAQ rich results list only the first few questions under a result; the rest stay in the
# structured data. The preview shows as many.
FAQ_QUESTIONS_SHOWN = 3
# Without a meta description a search engine builds the snippet from the page text.
FALLBACK_SNIPPET_CHARS = 400


@dataclass(frozen=True)
class CutText:
    """A line of a search result, and where it would be cut."""

    text: str
    visible: str
    truncated: bool
    # Characters shown before the ellipsis (all of them when nothing is cut).
    visible_chars: int
    width_px: float
    max_px: float
    # Which field the text comes from: "seo_title", "title", "meta_description", "intro", "".
    source: str

    @property
    def is_empty(self) -> bool:
        return not self.text


@dataclass(frozen=True)
class SERPQuestion:
    question: str
    answer: str


@dataclass(frozen=True)
class DeviceSnippet:
    """Title and description as one kind of device shows them: "desktop" or "mobile"."""

    device: str
    title: CutText
    description: CutText


@dataclass(frozen=True)
class SERPPreview:
    url: str
    # "example.com › de › blog › slug", as results show the address.
    breadcrumb: str
    # As a desktop browser shows them.
    title: CutText
    description: CutText
    questions: tuple[SERPQuestion, ...]
    questions_hidden: int
    faq_errors: tuple[str, ...]
    # As a phone shows them: the same texts, cut earlier.
    mobile_title: CutText
    mobile_description: CutText

    @property
    def devices(self) -> tuple[DeviceSnippet, DeviceSnippet]:
        return (
            DeviceSnippet("desktop", self.title, self.description),
            DeviceSnippet("mobile", self.mobile_title, self.mobile_description),
        )


def _cut(text: str, max_px: float, font_px: float, source: str) -> CutText:
    if not text:
        return CutText("", "", False, 0, 0.0, max_px, source)
    cut = truncation(text, max_px, font_px)
    return CutText(
        text, cut.visible_text, cut.truncated, cut.visible_chars, cut.width_px, max_px, source
    )


def _one_line(text: str) -> str:
    return " ".join(text.split())


def breadcrumb(url: str) -> str:
    if not url:
        return ""
    parts = urlsplit(url)
    segments = [segment for segment in parts.path.split("/") if segment]
    return " › ".join([parts.netloc or url, *segments])


def _description(document: SEODocument, max_px: float) -> CutText:
    if document.meta_description:
        return _cut(document.meta_description, max_px, DESCRIPTION_FONT_PX, "meta_description")
    intro = _one_line(html_to_plain_text(document.intro_html))[:FALLBACK_SNIPPET_CHARS]
    return _cut(intro, max_px, DESCRIPTION_FONT_PX, "intro" if intro else "")


def serp_preview(document: SEODocument, thresholds: Thresholds) -> SERPPreview:
    """The search result of ``document``: address, cut title and description, FAQ questions."""
    title_source = "seo_title" if document.seo_title else "title"
    title_text = document.seo_title or document.title
    title = _cut(title_text, thresholds.title_max_px, thresholds.title_font_px, title_source)
    # A site that narrows the desktop title (SEO_THRESHOLDS) gets no wider mobile one.
    mobile_title_px = min(MOBILE_TITLE_MAX_PX, thresholds.title_max_px)
    mobile_title = _cut(title_text, mobile_title_px, thresholds.title_font_px, title_source)
    faq = build_faq_jsonld(document.faqs)
    questions: list[SERPQuestion] = []
    errors: tuple[str, ...] = ()
    if faq is not None:
        errors = tuple(validate_faq_jsonld(faq))
        questions = [
            SERPQuestion(
                question=entity["name"],
                answer=_one_line(html_to_plain_text(entity["acceptedAnswer"]["text"])),
            )
            for entity in faq["mainEntity"]
        ]
    return SERPPreview(
        url=document.url,
        breadcrumb=breadcrumb(document.url),
        title=title,
        description=_description(document, DESCRIPTION_MAX_PX),
        questions=tuple(questions[:FAQ_QUESTIONS_SHOWN]),
        questions_hidden=max(0, len(questions) - FAQ_QUESTIONS_SHOWN),
        faq_errors=errors,
        mobile_title=mobile_title,
        mobile_description=_description(document, MOBILE_DESCRIPTION_MAX_PX),
    )
