"""Plain, language-neutral content of one article in one language.

The common currency between sources of articles (the text importer, demo content, tests) and the
services that write pages: no Django models, just what an editor would type.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SectionContent:
    heading: str
    body_html: str


@dataclass(frozen=True)
class FAQContent:
    question: str
    answer_html: str


@dataclass(frozen=True)
class KeywordContent:
    term: str
    focus: bool = False


@dataclass(frozen=True)
class ArticleContent:
    title: str
    slug: str
    intro_html: str
    sections: tuple[SectionContent, ...] = ()
    conclusion_html: str = ""
    faqs: tuple[FAQContent, ...] = ()
    keywords: tuple[KeywordContent, ...] = ()
    seo_title: str = ""
    search_description: str = ""
    author_name: str = ""
    hero_image_alt: str = ""
