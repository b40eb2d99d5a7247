"""Articles as the API shows them: plain dicts in one language, built from prefetched pages.

Nothing here queries the database except through ``RichTextRenderer.prepare`` (a fixed number of
queries per response, whatever the number of fields or items). Titles and slugs define whether
an article exists in a language and never fall back; every other text falls back per settings
and is listed in ``fallbacks``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from modeltranslation.utils import build_localized_fieldname

from articles import frontend_paths
from articles.api import head, jsonld
from articles.api.localized import LocalizedReader
from articles.completeness import (
    Completeness,
    has_text,
    language_completeness,
    primary_language,
)
from articles.freshness import language_updated_at
from articles.frontend import frontend_path, frontend_url
from articles.images import responsive_image
from articles.models import WORDS_PER_MINUTE
from articles.richtext import (
    RichTextRenderer,
    add_heading_ids,
    anchor_base,
    html_to_text,
    truncate_words,
    unique_anchor,
)
from articles.selectors import (
    ArticleRows,
    indexable_languages,
    is_complete,
    public_languages,
)

DESCRIPTION_MAX_LENGTH = 160
ROBOTS = "index, follow, max-image-preview:large"
# An incomplete version served with fallback text (CMS_INCOMPLETE_LANGUAGES=fallback): readers
# may follow its links, search engines should not index a page of mixed languages.
ROBOTS_INCOMPLETE = "noindex, follow"
# Open Graph wants a territory; these are the usual ones for each language's main market.
OPEN_GRAPH_LOCALES = {
    "de": "de_DE",
    "en": "en_US",
    "nl": "nl_NL",
    "fr": "fr_FR",
    "es": "es_ES",
    "it": "it_IT",
}


def open_graph_locale(lang: str) -> str:
    return OPEN_GRAPH_LOCALES.get(lang, f"{lang}_{lang.upper()}")


def localized_slug(page: Any, lang: str) -> str:
    return getattr(page, build_localized_fieldname("slug", lang), None) or ""


def alternates(page: Any) -> list[dict[str, str]]:
    """The languages the article (a page or a row of its columns) really exists in, completely
    (``selectors.indexable_languages``), plus ``x-default`` (default language first)."""
    languages = indexable_languages(page)
    links = [
        with_path({"lang": code, "url": frontend_url(lang=code, slug=localized_slug(page, code))})
        for code in languages
    ]
    if links:
        default = settings.LANGUAGE_CODE if settings.LANGUAGE_CODE in languages else languages[0]
        links.append({**links[languages.index(default)], "lang": "x-default"})
    return links


def with_path(link: dict[str, Any]) -> dict[str, Any]:
    """``link`` with ``path`` (its ``url`` without scheme and host) right after ``url``: a
    frontend links within whatever host serves it (previews, local builds) without rewriting."""
    result = {}
    for key, value in link.items():
        result[key] = value
        if key == "url":
            result["path"] = frontend_path(value)
    return result


def translation_links(slugs: dict[str, str]) -> list[dict[str, str]]:
    """``{lang: slug}`` as the languages an article exists in, with slug, URL and path."""
    links = []
    for code, slug in slugs.items():
        url = frontend_url(lang=code, slug=slug)
        links.append({"lang": code, "slug": slug, "url": url, "path": frontend_path(url)})
    return links


def section_anchors(headings: Sequence[str], seen: set[str] | None = None) -> list[str]:
    """URL-fragment ids for headings, ASCII and unique: "Größe & Preis" -> "grosse-preis";
    long headings are cut between words. ``seen`` collects the ids used."""
    seen = set() if seen is None else seen
    return [
        unique_anchor(anchor_base(heading) or f"section-{position}", seen)
        for position, heading in enumerate(headings, start=1)
    ]


def hero_image(image: Any | None, *, alt: str, filter_spec: str) -> dict[str, Any] | None:
    return responsive_image(image, alt=alt, base_spec=filter_spec)


@dataclass
class ServedArticle:
    """The texts of one language version exactly as the public is served them.

    Built by ``served_article`` for the API's detail response and, from the same code, for the
    SEO audit (``articles/seo_adapter.py``): both see one document. HTML fields are rendered
    (sanitised, links resolved); ``sources`` keeps the stored rich text each was rendered from,
    by response path, for the audit's link and image checks.
    """

    lang: str
    title: str
    slug: str
    url: str
    seo_title: str  # the language's own SEO title ("" when it has none)
    description: str
    description_derived: bool  # no search description of its own: cut from the intro
    intro: str
    sections: list[dict[str, str]]
    conclusion: str
    faqs: list[dict[str, str]]
    # Positions in ``faqs`` whose question and answer are both in this language: the only
    # ones FAQPage JSON-LD may claim for it.
    own_faqs: list[int]
    # FAQs not served because their question or answer is empty: (position among the
    # article's FAQs, question, answer).
    withheld_faqs: list[tuple[int, str, str]]
    keywords: list[dict[str, Any]]
    image_alt: str
    word_count: int
    completeness: Completeness
    fallbacks: list[dict[str, str]]
    sources: dict[str, str] = field(default_factory=dict)
    # Per relation ("sections", "faqs"), the position among the article's children of each
    # served one: children without text in the language are not served, so "sections[1]" of
    # the response may be the article's third section.
    child_positions: dict[str, tuple[int, ...]] = field(default_factory=dict)

    @property
    def text_fell_back(self) -> bool:
        """Whether any served text (not just a keyword's term) is another language's."""
        return any(not item["field"].startswith("keywords[") for item in self.fallbacks)


def served_article(
    rows: ArticleRows, lang: str, *, renderer: RichTextRenderer | None = None
) -> ServedArticle:
    """``rows`` in ``lang`` as served under the ``CMS_INCOMPLETE_LANGUAGES`` policy.

    ``renderer`` may come prepared for a batch of articles (the audit); otherwise one is made
    and prepared here (a fixed number of queries)."""
    page = rows.page
    reader = LocalizedReader(lang)
    title, slug = reader.own(page, "title"), reader.own(page, "slug")
    completeness = language_completeness(
        page,
        sections=rows.sections,
        faqs=rows.faqs,
        lang=lang,
        reference=primary_language(page),
        has_hero_image=page.hero_image_id is not None,
    )
    intro = reader.text(page, "intro", "intro")
    conclusion = reader.text(page, "conclusion", "conclusion")
    positions: dict[str, list[int]] = {"sections": [], "faqs": []}
    sections = _children(
        reader, rows.sections, "sections", ("heading", "body"), positions=positions["sections"]
    )
    withheld: list[tuple[int, str, str]] = []
    faqs = _children(
        reader,
        rows.faqs,
        "faqs",
        ("question", "answer"),
        need_both=True,
        withheld=withheld,
        positions=positions["faqs"],
    )
    keywords = []
    for link in rows.keywords:
        term, code = reader.read(link, "term")
        if term:
            reader.note(f"keywords[{len(keywords)}].term", code)
            keywords.append({"term": term, "focus": link.focus})
    has_image = page.hero_image_id is not None
    image_alt = reader.text(page, "hero_image_alt", "hero_image.alt") if has_image else ""

    if renderer is None:
        renderer = RichTextRenderer(lang)
        renderer.prepare(
            [intro, conclusion, *(item[1] for item in sections), *(item[1] for item in faqs)]
        )
    sources = {"intro": intro, "conclusion": conclusion}
    intro_html, conclusion_html = renderer.render(intro), renderer.render(conclusion)
    section_data = []
    # Section anchors first, then the sub-headings inside the bodies: one set of ids per page.
    ids: set[str] = set()
    anchors = section_anchors([item[0] for item in sections], ids)
    for index, ((heading, body, _own), anchor) in enumerate(zip(sections, anchors, strict=True)):
        body_html = add_heading_ids(renderer.render(body), ids)
        section_data.append({"heading": heading, "anchor": anchor, "body": body_html})
        sources[f"sections[{index}].body"] = body
    conclusion_html = add_heading_ids(conclusion_html, ids)
    faq_data = []
    own_faqs = []
    for index, (question, answer, own) in enumerate(faqs):
        faq_data.append({"question": question, "answer": renderer.render(answer)})
        sources[f"faqs[{index}].answer"] = answer
        if own:
            own_faqs.append(index)
    fragments = [intro_html, conclusion_html]
    for item in section_data:
        fragments += [item["heading"], item["body"]]
    for item in faq_data:
        fragments += [item["question"], item["answer"]]
    word_count = sum(len(html_to_text(fragment).split()) for fragment in fragments)
    own_description = reader.own(page, "search_description")
    description = own_description or truncate_words(
        html_to_text(intro_html), DESCRIPTION_MAX_LENGTH
    )
    return ServedArticle(
        lang=lang,
        title=title,
        slug=slug,
        url=frontend_url(lang=lang, slug=slug),
        seo_title=reader.own(page, "seo_title"),
        description=description,
        description_derived=not own_description and bool(description),
        intro=intro_html,
        sections=section_data,
        conclusion=conclusion_html,
        faqs=faq_data,
        own_faqs=own_faqs,
        withheld_faqs=withheld,
        keywords=keywords,
        image_alt=image_alt,
        word_count=word_count,
        completeness=completeness,
        fallbacks=reader.fallbacks,
        sources=sources,
        child_positions={name: tuple(found) for name, found in positions.items()},
    )


def article_detail(rows: ArticleRows, lang: str, *, hero_filter_spec: str) -> dict[str, Any]:
    """Everything a frontend needs to render the article and its head tags in ``lang``."""
    page = rows.page
    updated_at = language_updated_at(page, lang)
    served = served_article(rows, lang)
    title, url, complete = served.title, served.url, served.completeness.complete
    keywords = served.keywords
    image = hero_image(rows.hero_image, alt=served.image_alt, filter_spec=hero_filter_spec)
    seo_title = served.seo_title or title
    description = served.description
    # hreflang: complete versions only. An incomplete one served with fallback text is noindex
    # and no alternate of anything (it points to the complete ones, itself excluded).
    links = alternates(page)
    site_name = settings.SITE_NAME
    trail = [(site_name, frontend_paths.home_url(lang))]
    index_url = frontend_paths.article_index_url(lang)
    parent_title = getattr(page, "parent_title", None) or getattr(
        page, "parent_title_default", None
    )
    if parent_title and index_url != trail[0][1]:
        trail.append((parent_title, index_url))
    trail.append((title, url))
    json_ld = [
        jsonld.blog_posting(
            url=url,
            headline=title,
            description=description,
            # Text in another language is no text in this one: a document with fallback parts
            # claims no language at all rather than a wrong one.
            lang=None if served.text_fell_back else lang,
            published=page.first_published_at,
            modified=updated_at,
            author_name=page.author_name,
            author_is_organization=page.author_is_organization,
            publisher_name=settings.PUBLISHER_NAME,
            publisher_logo_url=settings.PUBLISHER_LOGO_URL or None,
            publisher_url=frontend_paths.home_url(lang),
            image_url=image["url"] if image else None,
            keywords=[keyword["term"] for keyword in keywords],
            word_count=served.word_count,
        ),
        jsonld.faq_page(
            url=url,
            faqs=[
                (served.faqs[index]["question"], served.faqs[index]["answer"])
                for index in served.own_faqs
            ],
        ),
        jsonld.breadcrumb_list(trail),
    ]
    data = {
        "id": page.pk,
        "lang": lang,
        "slug": served.slug,
        "title": title,
        "url": url,
        "path": frontend_path(url),
        "intro": served.intro,
        "sections": served.sections,
        "conclusion": served.conclusion,
        "faqs": served.faqs,
        "keywords": keywords,
        "hero_image": image,
        "author": page.author_name,
        "author_type": "Organization" if page.author_is_organization else "Person",
        # The model's reading speed, from the word count already made (Django's strip_tags, which
        # ArticlePage.reading_time uses, costs more than the rest of this function).
        "reading_time": max(1, math.ceil(served.word_count / WORDS_PER_MINUTE)),
        "word_count": served.word_count,
        "published_at": page.first_published_at,
        "updated_at": updated_at,
        "languages": public_languages(page),
        "complete": complete,
        "missing": [
            {"field": item.field, "label": item.label} for item in served.completeness.missing
        ],
        "fallbacks": served.fallbacks,
        "breadcrumbs": [with_path({"name": name, "url": link}) for name, link in trail],
        "seo": {
            "title": seo_title,
            "description": description,
            "canonical_url": url,
            "canonical_path": frontend_path(url),
            "robots": ROBOTS if complete else ROBOTS_INCOMPLETE,
            "alternates": links,
            "open_graph": {
                "type": "article",
                "title": seo_title,
                "description": description,
                "url": url,
                "site_name": site_name,
                "locale": open_graph_locale(lang),
                "locale_alternates": [
                    open_graph_locale(link["lang"])
                    for link in links
                    if link["lang"] not in (lang, "x-default")
                ],
                "image": image,
                "published_time": page.first_published_at,
                "modified_time": updated_at,
                "tags": [keyword["term"] for keyword in keywords],
            },
            "json_ld": [item for item in json_ld if item is not None],
        },
    }
    data["seo"]["twitter"] = head.twitter_card(
        title=seo_title, description=description, image=image, site=settings.TWITTER_SITE
    )
    data["head"] = head.head_elements(data["seo"])
    return data


def _children(
    reader: LocalizedReader,
    children: Iterable[Any],
    relation: str,
    fields: tuple[str, str],
    *,
    need_both: bool = False,
    withheld: list[tuple[int, str, str]] | None = None,
    positions: list[int] | None = None,
) -> list[tuple[str, str, bool]]:
    """(first, second, both in the language itself) of each child served in the language;
    fallbacks noted by the child's position in the response, which is what a frontend can map
    back. A child with no text is left out; with ``need_both`` (FAQs: a question without an
    answer, or an answer without a question, is no FAQ) so is one missing either text, and it
    goes to ``withheld`` as (position among all children, first, second) for the audit;
    ``positions`` collects the position among all children of each child served."""
    rows = []
    for position, child in enumerate(children):
        values = [reader.read(child, field_name) for field_name in fields]
        present = [has_text(value) for value, _code in values]
        if not any(present):
            continue
        if need_both and not all(present):
            if withheld is not None:
                withheld.append((position, values[0][0], values[1][0]))
            continue
        for field_name, (_value, code) in zip(fields, values, strict=True):
            reader.note(f"{relation}[{len(rows)}].{field_name}", code)
        own = all(code == reader.lang for _value, code in values)
        rows.append((values[0][0], values[1][0], own))
        if positions is not None:
            positions.append(position)
    return rows


def article_list_items(
    rows: Sequence[Any],
    lang: str,
    *,
    images: dict[int, Any] | None = None,
    hero_filter_spec: str = "",
) -> list[dict[str, Any]]:
    """List entries from ``selectors.article_list`` rows; the rich-text references of all
    intros are resolved together, hero ``images`` (by id, renditions prefetched) are given."""
    images = images or {}
    readers = [LocalizedReader(lang) for _ in rows]
    intros = [reader.text(row, "intro", "intro") for reader, row in zip(readers, rows, strict=True)]
    renderer = RichTextRenderer(lang)
    renderer.prepare(intros)
    items = []
    for row, reader, intro in zip(rows, readers, intros, strict=True):
        focus, code = reader.read(row, "focus_term")
        reader.note("focus_keyword", code)
        slug = reader.own(row, "slug")
        items.append(
            {
                "id": row.pk,
                "slug": slug,
                "title": reader.own(row, "title"),
                "intro": renderer.render(intro),
                **with_path({"url": frontend_url(lang=lang, slug=slug)}),
                "published_at": row.first_published_at,
                "updated_at": language_updated_at(row, lang),
                "hero_image": _list_hero_image(row, reader, images, hero_filter_spec),
                "focus_keyword": focus or None,
                "languages": public_languages(row),
                "complete": is_complete(row, lang),
                "fallbacks": reader.fallbacks,
            }
        )
    return items


def _list_hero_image(
    row: Any, reader: LocalizedReader, images: dict[int, Any], filter_spec: str
) -> dict[str, Any] | None:
    image = images.get(getattr(row, "hero_image_id", None))
    if image is None:
        return None
    alt = reader.text(row, "hero_image_alt", "hero_image.alt")
    return responsive_image(image, alt=alt, base_spec=filter_spec)


def keyword_items(keywords: Iterable[Any], lang: str) -> list[dict[str, Any]]:
    items = []
    for keyword in keywords:
        reader = LocalizedReader(lang)
        items.append(
            {
                "id": keyword.pk,
                "term": reader.text(keyword, "term", "term"),
                "article_count": keyword.article_count,
                "fallbacks": reader.fallbacks,
            }
        )
    return items


def sitemap_entry(page: Any, lang: str) -> dict[str, Any]:
    return {
        **with_path({"url": frontend_url(lang=lang, slug=localized_slug(page, lang))}),
        "lastmod": language_updated_at(page, lang),
        "alternates": alternates(page),
    }
