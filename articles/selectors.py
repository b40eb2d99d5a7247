"""Reads for articles. Language is always explicit: fallback never applies inside queries.

``visible_articles`` is the one place that decides what the public may see: live pages within
their schedule (``go_live_at``/``expire_at`` against the clock), outside
any view restriction (on the page or an ancestor), inside the default site's tree, translated
into the language. The API's list, detail, search, sitemap and keyword counts all start from it.
Every condition is a SQL expression, so visibility costs no extra query and composes into
subqueries (keyword counts).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from types import SimpleNamespace
from typing import Any

from django.conf import settings
from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Left, Length, Now
from modeltranslation.utils import build_localized_fieldname
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.query import PageQuerySet

from articles.indexing.search_text import ranked_article_ids, uses_search_texts
from articles.models import FAQ, ArticleKeyword, ArticlePage, Section
from articles.prepared import PreparedQuery
from seo.models import Keyword


def article_by_slug(slug: str, *, lang: str, live_only: bool = True) -> ArticlePage | None:
    """The article whose slug in ``lang`` is ``slug`` (``slug_<lang>`` is indexed)."""
    queryset = ArticlePage.objects.filter(**{build_localized_fieldname("slug", lang): slug})
    if live_only:
        queryset = queryset.live()
    return queryset.first()


# Translated page columns the API shows (``<field>_<lang>`` for every language).
ARTICLE_TEXT_FIELDS = (
    "title",
    "slug",
    "seo_title",
    "search_description",
    "intro",
    "conclusion",
    "hero_image_alt",
)


def translated_languages(article: Any) -> list[str]:
    """Languages an article (a page or a row of its columns) exists in: title and slug set."""
    return [
        code
        for code in settings.MODELTRANSLATION_LANGUAGES
        if getattr(article, build_localized_fieldname("title", code), None)
        and getattr(article, build_localized_fieldname("slug", code), None)
    ]


def translated_into_q(lang: str) -> Q:
    """The article has a title and a slug in ``lang`` (``> ''`` excludes NULL and empty)."""
    return Q(**{f"{build_localized_fieldname('title', lang)}__gt": ""}) & Q(
        **{f"{build_localized_fieldname('slug', lang)}__gt": ""}
    )


def _under_view_restriction() -> Exists:
    # A restriction on page R hides R and its descendants: R's path is a prefix of theirs.
    return Exists(
        PageViewRestriction.objects.annotate(
            prefix=Left(OuterRef("path"), Length("page__path"))
        ).filter(prefix=F("page__path"))
    )


def _in_default_site() -> Exists:
    return Exists(
        Site.objects.filter(is_default_site=True)
        .annotate(prefix=Left(OuterRef("path"), Length("root_page__path")))
        .filter(prefix=F("root_page__path"))
    )


def _within_schedule() -> Q:
    # Decided against the clock at read time, not when ``publish_scheduled`` next runs: an
    # expired page disappears the moment it expires (the response cache holds nothing past it,
    # see articles/cache.py). The database's clock, not a parameter: prepared queries
    # (articles/prepared.py) compile the SQL once.
    now = Now()
    return (Q(go_live_at__isnull=True) | Q(go_live_at__lte=now)) & (
        Q(expire_at__isnull=True) | Q(expire_at__gt=now)
    )


def visible_pages(lang: str | None = None, *, model: type[Page] = Page) -> PageQuerySet:
    """Pages of ``model`` the public may see; with ``lang``, only those translated into it."""
    queryset = (
        model.objects.live()
        .filter(_within_schedule(), _in_default_site())
        .exclude(_under_view_restriction())
    )
    if lang is not None:
        queryset = queryset.filter(translated_into_q(lang))
    return queryset


def visible_articles(lang: str | None = None) -> PageQuerySet:
    """Articles the public may see; with ``lang``, only those translated into that language."""
    return visible_pages(lang, model=ArticlePage)


def link_targets(page_ids: Iterable[int]) -> dict[int, dict[str, Any]]:
    """Visible pages among ``page_ids`` (rich-text link targets), in one query.

    Each value holds ``is_article``, and per configured language ``title_<lang>``,
    ``slug_<lang>``, ``url_path_<lang>`` and the default site root's ``root_path_<lang>``.
    """
    ids = {int(page_id) for page_id in page_ids}
    if not ids:
        return {}
    root = Site.objects.filter(is_default_site=True)
    columns = ["pk"]
    annotations: dict[str, Any] = {
        "is_article": Exists(ArticlePage.objects.filter(pk=OuterRef("pk"))),
    }
    for code in settings.MODELTRANSLATION_LANGUAGES:
        columns += [build_localized_fieldname(name, code) for name in ("title", "slug", "url_path")]
        annotations[f"root_path_{code}"] = Subquery(
            root.values(f"root_page__{build_localized_fieldname('url_path', code)}")[:1]
        )
    rows = visible_pages().filter(pk__in=ids).annotate(**annotations).values(*columns, *annotations)
    return {row["pk"]: row for row in rows}


def _parent_titles(lang: str) -> dict[str, Subquery]:
    # The parent's title in the language and in the default language (for the breadcrumb),
    # fetched in the same query: a page's parent path is its own path minus one step.
    parent = Page.objects.filter(
        path=Left(OuterRef("path"), Length(OuterRef("path")) - Page.steplen)
    )
    return {
        "parent_title": Subquery(parent.values(build_localized_fieldname("title", lang))[:1]),
        "parent_title_default": Subquery(
            parent.values(build_localized_fieldname("title", settings.LANGUAGE_CODE))[:1]
        ),
    }


# Placeholders for prepared queries: values that never occur as data.
_SLUG_PLACEHOLDER = "\x00slug\x00"
_PAGE_ID_PLACEHOLDER = -7_654_321


@dataclass(frozen=True)
class ArticleRows:
    """One article as read for the API: plain rows holding every language's columns.

    ``page``, ``sections``, ``faqs`` and ``keywords`` carry ``<field>_<lang>`` attributes for
    every configured language (``term_<lang>`` and ``focus`` for keywords); ``hero_image`` is the
    image with the API's rendition prefetched, or None.
    """

    page: SimpleNamespace
    sections: list[SimpleNamespace]
    faqs: list[SimpleNamespace]
    keywords: list[SimpleNamespace]
    hero_image: Any | None


def _columns(*field_names: str) -> list[str]:
    return [
        build_localized_fieldname(name, code)
        for name in field_names
        for code in settings.MODELTRANSLATION_LANGUAGES
    ]


@cache
def _article_page_query(lang: str) -> PreparedQuery:
    columns = [
        "pk",
        "first_published_at",
        "last_published_at",
        "author_name",
        "hero_image_id",
        *_columns(*ARTICLE_TEXT_FIELDS),
    ]
    return PreparedQuery(
        lambda slug: (
            visible_articles(lang)
            .filter(**{build_localized_fieldname("slug", lang): slug})
            .annotate(**_parent_titles(lang))
            .values(*columns, "parent_title", "parent_title_default")[:1]
        ),
        placeholder=_SLUG_PLACEHOLDER,
    )


@cache
def _children_query(model: type, *field_names: str) -> PreparedQuery:
    return PreparedQuery(
        lambda page_id: (
            model.objects.filter(page_id=page_id)
            .order_by("sort_order", "pk")
            .values(*_columns(*field_names))
        ),
        placeholder=_PAGE_ID_PLACEHOLDER,
    )


@cache
def _keywords_query() -> PreparedQuery:
    terms = {
        build_localized_fieldname("term", code): F(
            f"keyword__{build_localized_fieldname('term', code)}"
        )
        for code in settings.MODELTRANSLATION_LANGUAGES
    }
    return PreparedQuery(
        lambda page_id: (
            ArticleKeyword.objects.filter(page_id=page_id)
            .order_by("sort_order", "pk")
            .annotate(**terms)
            .values("focus", *terms)
        ),
        placeholder=_PAGE_ID_PLACEHOLDER,
    )


def article_detail(slug: str, *, lang: str, hero_filter_spec: str) -> ArticleRows | None:
    """The visible article whose ``lang`` slug is ``slug``, with everything its page shows.

    A fixed number of queries whatever the article holds: the page (with its parent's titles),
    its sections, FAQs and keywords, and - when it has one - the hero image and its rendition.
    The first four are prepared (compiled once per thread): this is the API's hottest read.
    """
    pages = _article_page_query(lang).rows(slug)
    if not pages:
        return None
    page = SimpleNamespace(**pages[0])
    hero_image = None
    if page.hero_image_id is not None:
        hero_image = (
            get_image_model()
            .objects.filter(pk=page.hero_image_id)
            .prefetch_renditions(hero_filter_spec)
            .first()
        )
    return ArticleRows(
        page=page,
        sections=[
            SimpleNamespace(**row)
            for row in _children_query(Section, "heading", "body").rows(page.pk)
        ],
        faqs=[
            SimpleNamespace(**row)
            for row in _children_query(FAQ, "question", "answer").rows(page.pk)
        ],
        keywords=[SimpleNamespace(**row) for row in _keywords_query().rows(page.pk)],
        hero_image=hero_image,
    )


def article_languages_by_slug(slug: str) -> list[str]:
    """Languages of the visible article that has ``slug`` in any language (for a helpful 404)."""
    any_language = Q()
    for code in settings.MODELTRANSLATION_LANGUAGES:
        any_language |= Q(**{build_localized_fieldname("slug", code): slug})
    article = visible_articles().filter(any_language).first()
    return translated_languages(article) if article is not None else []


def article_list(lang: str) -> QuerySet:
    """Visible articles in ``lang`` as rows of what a list item shows (``.values()``).

    Rows hold ``pk``, the dates, ``title_<lang>``/``slug_<lang>``/``intro_<lang>`` for every
    language and ``focus_term_<lang>``, the focus keyword's term, for every language, from a
    subquery: one query per page of results, no model instances.
    """
    focus_terms = {
        build_localized_fieldname("focus_term", code): Subquery(
            ArticleKeyword.objects.filter(page=OuterRef("pk"), focus=True)
            .order_by("sort_order", "pk")
            .values(f"keyword__{build_localized_fieldname('term', code)}")[:1]
        )
        for code in settings.MODELTRANSLATION_LANGUAGES
    }
    return (
        visible_articles(lang)
        .annotate(**focus_terms)
        .values(
            "pk",
            "first_published_at",
            "last_published_at",
            *_columns("title", "slug", "intro"),
            *focus_terms,
        )
    )


def articles_with_keyword(queryset: QuerySet, *, term: str, lang: str) -> QuerySet:
    """Narrow ``queryset`` to articles using the keyword whose ``lang`` term is ``term``."""
    column = build_localized_fieldname("term", lang)
    return queryset.filter(
        Exists(
            ArticleKeyword.objects.filter(
                page=OuterRef("pk"), **{f"keyword__{column}__iexact": " ".join(term.split())}
            )
        )
    )


def keyword_usage(lang: str) -> QuerySet:
    """Keywords used by at least one visible article in ``lang``, with ``article_count``.

    Keywords that only drafts or private articles use are not listed: their existence alone
    would leak unpublished work.
    """
    usage = (
        ArticleKeyword.objects.filter(
            keyword=OuterRef("pk"), page__in=visible_articles(lang).values("pk")
        )
        .order_by()
        .values("keyword")
        .annotate(count=Count("page", distinct=True))
        .values("count")
    )
    return (
        Keyword.objects.annotate(article_count=Subquery(usage))
        .filter(article_count__gt=0)
        .order_by("-article_count", "pk")
    )


def sitemap_articles(lang: str | None = None) -> QuerySet:
    """Visible articles (in ``lang``, or in any language) for sitemaps, oldest first: rows of
    ``pk``, the dates and every language's ``title_<lang>`` and ``slug_<lang>``."""
    queryset = visible_articles(lang)
    if lang is None:
        any_language = Q()
        for code in settings.MODELTRANSLATION_LANGUAGES:
            any_language |= translated_into_q(code)
        queryset = queryset.filter(any_language)
    return queryset.order_by("first_published_at", "pk").values(
        "pk", "first_published_at", "last_published_at", *_columns("title", "slug")
    )


def search_article_ids(candidates: QuerySet, query: str, *, lang: str) -> list[int]:
    """Ids of the ``candidates`` whose ``lang`` version matches ``query``, most relevant first.

    On PostgreSQL: the per-language full-text documents (``articles.indexing.search_text``),
    stemmed in the language's configuration. Elsewhere: Wagtail search over all languages'
    fields. Wagtail search only accepts filters on indexed ``FilterField``s, and visibility is
    built from subqueries; so the candidates are passed to it as one ``id IN (...)`` filter,
    which it accepts, and only their ids are loaded.
    """
    if uses_search_texts():
        return ranked_article_ids(candidates, query, lang=lang)
    results = (
        ArticlePage.objects.filter(id__in=candidates.order_by().values("pk"))
        .only("pk")
        .search(query, order_by_relevance=True)
    )
    return [page.pk for page in results]
