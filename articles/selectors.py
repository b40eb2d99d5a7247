"""Reads for articles. Language is always explicit: fallback never applies inside queries.

``visible_articles`` is the one place that decides what the public may see: live pages within
their schedule (``go_live_at``/``expire_at`` against the clock), outside
any view restriction (on the page or an ancestor), inside the default site's tree, translated
into the language and - with ``CMS_INCOMPLETE_LANGUAGES=hide`` - complete in it
(``articles/completeness.py``; the stored ``translation_complete_<lang>`` column). The API's
list, detail, search, sitemap and keyword counts all start from it; ``public_languages`` and
``indexable_languages`` apply the same rule to a row's languages (hreflang, sitemaps).
Every condition is a SQL expression, so visibility costs no extra query and composes into
subqueries (keyword counts).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from types import SimpleNamespace
from typing import Any

from django.conf import settings
from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Concat, Left, Length, Now
from modeltranslation.utils import build_localized_fieldname
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.query import PageQuerySet

from articles.completeness import (
    HIDE,
    completeness_column,
    incomplete_policy,
    translated_languages,
)
from articles.freshness import PAGE_TEXT_FIELDS, language_updated_at, updated_at_annotations
from articles.images import rendition_specs
from articles.indexing.search_text import RankedMatches, uses_search_texts
from articles.models import FAQ, ArticleKeyword, ArticlePage, Section
from articles.prepared import PreparedQuery
from seo.models import Keyword


def article_by_slug(slug: str, *, lang: str, live_only: bool = True) -> ArticlePage | None:
    """The article whose slug in ``lang`` is ``slug`` (``slug_<lang>`` is indexed)."""
    queryset = ArticlePage.objects.filter(**{build_localized_fieldname("slug", lang): slug})
    if live_only:
        queryset = queryset.live()
    return queryset.first()


# Translated page columns the API shows (``<field>_<lang>`` for every language): the same
# fields a language's change time is fingerprinted from.
ARTICLE_TEXT_FIELDS = PAGE_TEXT_FIELDS


def translated_into_q(lang: str) -> Q:
    """The article has a title and a slug in ``lang`` (``> ''`` excludes NULL and empty)."""
    return Q(**{f"{build_localized_fieldname('title', lang)}__gt": ""}) & Q(
        **{f"{build_localized_fieldname('slug', lang)}__gt": ""}
    )


def complete_in_q(lang: str) -> Q:
    """The article's ``lang`` version has every text of its primary language."""
    return Q(**{completeness_column(lang): True})


def public_languages(article: Any) -> list[str]:
    """Languages the public may read an article (a page or a row with its columns) in: those
    it exists in, and - with the ``hide`` policy - that are complete."""
    languages = translated_languages(article)
    if incomplete_policy() != HIDE:
        return languages
    return [code for code in languages if is_complete(article, code)]


def indexable_languages(article: Any) -> list[str]:
    """Languages a search engine is pointed to (hreflang, sitemaps): existing and complete,
    whatever the policy: an incomplete version served with fallback text is ``noindex``."""
    return [code for code in translated_languages(article) if is_complete(article, code)]


def is_complete(article: Any, lang: str) -> bool:
    return bool(getattr(article, completeness_column(lang), False))


# Treebeard paths are steps of ``Page.alphabet`` characters, compared byte by byte (the column's
# collation is "C"): every path in the subtree of a page with path P lies in [P, P + _PAST_STEP),
# the character sorting after the whole alphabet.
_PAST_STEP = chr(max(map(ord, Page.alphabet)) + 1)


def _in_subtree_of(ancestor_path: str) -> Q:
    """The outer page lies in the subtree of (or is) the page whose path is ``ancestor_path``
    (a field of the subquery), as a path range.

    A range rather than ``LEFT(path, LENGTH(ancestor)) = ancestor``: the planner estimates a
    range join clause at a fraction of the rows (an equality on an expression it estimates at
    almost none), so on a large site it walks the ordered index of the list and stops after a
    page of rows instead of evaluating visibility for every page and sorting them all.
    """
    return Q(**{f"{ancestor_path}__lte": OuterRef("path")}) & Q(upper_bound__gt=OuterRef("path"))


def _with_upper_bound(queryset: QuerySet, ancestor_path: str) -> QuerySet:
    return queryset.annotate(upper_bound=Concat(ancestor_path, Value(_PAST_STEP)))


def under_view_restriction() -> Exists:
    """Whether the outer query's page is under a view restriction (its own or an ancestor's):
    such a page is not public."""
    restrictions = _with_upper_bound(PageViewRestriction.objects.all(), "page__path")
    return Exists(restrictions.filter(_in_subtree_of("page__path")))


def _in_default_site() -> Exists:
    sites = _with_upper_bound(Site.objects.filter(is_default_site=True), "root_page__path")
    return Exists(sites.filter(_in_subtree_of("root_page__path")))


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
        .exclude(under_view_restriction())
    )
    if lang is not None:
        queryset = queryset.filter(translated_into_q(lang))
        if issubclass(model, ArticlePage) and incomplete_policy() == HIDE:
            queryset = queryset.filter(complete_in_q(lang))
    return queryset


def visible_articles(lang: str | None = None) -> PageQuerySet:
    """Articles the public may see; with ``lang``, only those public in that language
    (translated into it, and complete in it unless the policy is ``fallback``)."""
    return visible_pages(lang, model=ArticlePage)


def link_targets(page_ids: Iterable[int]) -> dict[int, dict[str, Any]]:
    """Visible pages among ``page_ids`` (rich-text link targets), in one query.

    Each value holds ``is_article``, and per configured language ``title_<lang>``,
    ``slug_<lang>``, ``url_path_<lang>``, the default site root's ``root_path_<lang>`` and, for
    articles, ``translation_complete_<lang>``.
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
        # An article's version in a language is a link target only where it is public.
        annotations[completeness_column(code)] = Subquery(
            ArticlePage.objects.filter(pk=OuterRef("pk")).values(completeness_column(code))[:1]
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
def _article_page_query(lang: str, policy: str) -> PreparedQuery:
    # ``policy`` is part of the cache key: the visibility filter depends on it.
    columns = [
        "pk",
        "first_published_at",
        "last_published_at",
        "author_name",
        "author_is_organization",
        "hero_image_id",
        *_columns(*ARTICLE_TEXT_FIELDS, "translation_complete"),
    ]
    updated_at = updated_at_annotations([lang])
    return PreparedQuery(
        lambda slug: (
            visible_articles(lang)
            .filter(**{build_localized_fieldname("slug", lang): slug})
            .annotate(**_parent_titles(lang), **updated_at)
            .values(*columns, "parent_title", "parent_title_default", *updated_at)[:1]
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
    pages = _article_page_query(lang, incomplete_policy()).rows(slug)
    if not pages:
        return None
    page = SimpleNamespace(**pages[0])
    hero_image = None
    if page.hero_image_id is not None:
        hero_image = (
            get_image_model()
            .objects.filter(pk=page.hero_image_id)
            .prefetch_renditions(*rendition_specs(hero_filter_spec))
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


@dataclass(frozen=True)
class MissingArticle:
    """Why no article answers a slug in a language (for a 404 that helps)."""

    available_languages: list[str]  # the public languages of the article with that slug
    incomplete: bool  # it exists in the language, but is hidden there as incomplete
    # {lang: slug} of the public languages: where a wrong-language request should go.
    slugs: dict[str, str] = field(default_factory=dict)


def missing_article(slug: str, *, lang: str) -> MissingArticle:
    """About the visible article that has ``slug`` in any language, in one query."""
    any_language = Q()
    for code in settings.MODELTRANSLATION_LANGUAGES:
        any_language |= Q(**{build_localized_fieldname("slug", code): slug})
    article = (
        visible_articles()
        .filter(any_language)
        .values("pk", *_columns("title", "slug", "translation_complete"))
        .first()
    )
    if article is None:
        return MissingArticle([], False)
    row = SimpleNamespace(**article)
    hidden = (
        lang in translated_languages(row)
        and getattr(row, build_localized_fieldname("slug", lang)) == slug
        and lang not in public_languages(row)
    )
    languages = public_languages(row)
    slugs = {code: getattr(row, build_localized_fieldname("slug", code)) for code in languages}
    return MissingArticle(languages, hidden, slugs)


def article_list(lang: str) -> QuerySet:
    """Visible articles in ``lang`` as rows of what a list item shows (``.values()``).

    Rows hold ``pk``, the dates, ``title_<lang>``/``slug_<lang>``/``intro_<lang>`` for every
    language and ``focus_term_<lang>``, the focus keyword's term, for every language, from a
    subquery: one query per page of results, no model instances.

    Building this queryset (visibility, subqueries, modeltranslation's rewriting) costs a few
    milliseconds, a fifth of an uncached list request; it depends only on the language and the
    policy, so it is built once per process and each call returns a fresh copy (``.all()``),
    which is never evaluated in place.
    """
    return _article_list(lang, incomplete_policy()).all()


@cache
def _article_list(lang: str, policy: str) -> QuerySet:
    # ``policy`` is part of the cache key: the visibility filter depends on it.
    focus_terms = {
        build_localized_fieldname("focus_term", code): Subquery(
            ArticleKeyword.objects.filter(page=OuterRef("pk"), focus=True)
            .order_by("sort_order", "pk")
            .values(f"keyword__{build_localized_fieldname('term', code)}")[:1]
        )
        for code in settings.MODELTRANSLATION_LANGUAGES
    }
    updated_at = updated_at_annotations([lang])
    return (
        visible_articles(lang)
        .annotate(**focus_terms, **updated_at)
        .values(
            "pk",
            "first_published_at",
            "last_published_at",
            "hero_image_id",
            *updated_at,
            *_columns("title", "slug", "intro", "hero_image_alt", "translation_complete"),
            *focus_terms,
        )
    )


def images_with_renditions(image_ids: Iterable[int | None], base_spec: str) -> dict[int, Any]:
    """The images among ``image_ids`` with every rendition of ``base_spec``'s responsive set
    prefetched: two queries for any number of images (list items' hero images)."""
    ids = {image_id for image_id in image_ids if image_id is not None}
    if not ids:
        return {}
    images = (
        get_image_model()
        .objects.filter(pk__in=ids)
        .prefetch_renditions(*rendition_specs(base_spec))
    )
    return {image.pk: image for image in images}


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
    keywords = Keyword.objects.annotate(article_count=Subquery(usage)).filter(article_count__gt=0)
    if incomplete_policy() == HIDE:
        # Nothing falls back with "hide": a keyword without a term in the language is none of
        # the language's keywords (an empty term is no keyword).
        keywords = keywords.filter(**{f"{build_localized_fieldname('term', lang)}__gt": ""})
    return keywords.order_by("-article_count", "pk")


def sitemap_articles(lang: str | None = None) -> QuerySet:
    """Visible articles complete in ``lang`` (or in any language) for sitemaps, oldest first:
    rows of ``pk``, the dates and every language's ``title_<lang>``,
    ``slug_<lang>`` and ``translation_complete_<lang>``.

    Only complete versions are listed, whatever the policy: an incomplete one is hidden, or
    served ``noindex`` with fallback text, and a sitemap lists what search engines should index.
    """
    queryset = visible_articles(lang)
    if lang is None:
        any_language = Q()
        for code in settings.MODELTRANSLATION_LANGUAGES:
            any_language |= translated_into_q(code) & complete_in_q(code)
        queryset = queryset.filter(any_language)
    else:
        queryset = queryset.filter(complete_in_q(lang))
    updated_at = updated_at_annotations([lang] if lang else settings.MODELTRANSLATION_LANGUAGES)
    return (
        queryset.annotate(**updated_at)
        .order_by("first_published_at", "pk")
        .values(
            "pk",
            "first_published_at",
            "last_published_at",
            *updated_at,
            *_columns("title", "slug", "translation_complete"),
        )
    )


def search_article_ids(candidates: QuerySet, query: str, *, lang: str) -> Sequence[int]:
    """Ids of the ``candidates`` whose ``lang`` version matches ``query``, most relevant first.

    On PostgreSQL: the per-language full-text documents (``articles.indexing.search_text``),
    stemmed in the language's configuration, as a ``RankedMatches`` sequence (a slice reads
    just that many of the best matches). Elsewhere: Wagtail search over all languages'
    fields. Wagtail search only accepts filters on indexed ``FilterField``s, and visibility is
    built from subqueries; so the candidates are passed to it as one ``id IN (...)`` filter,
    which it accepts, and only their ids are loaded.
    """
    if uses_search_texts():
        return RankedMatches(candidates, query, lang=lang)
    results = (
        ArticlePage.objects.filter(id__in=candidates.order_by().values("pk"))
        .only("pk")
        .search(query, order_by_relevance=True)
    )
    return [page.pk for page in results]


def public_slugs(page_ids: QuerySet | Iterable[int] | None = None) -> dict[int, dict]:
    """Per visible article (among ``page_ids``; all when None) and per language the public may
    read it in, its slug and when that language last changed - ``{pk: {"updated_at": {lang:
    datetime}, "slugs": {lang: slug}}}`` (the change feed's view of the site).

    The visibility is ``visible_articles``' own; the languages are ``public_languages``', the
    same rule ``visible_articles(lang)`` filters on. One query.
    """
    queryset = visible_articles()
    if page_ids is not None:
        queryset = queryset.filter(pk__in=page_ids)
    updated_at = updated_at_annotations(settings.MODELTRANSLATION_LANGUAGES)
    rows = queryset.annotate(**updated_at).values(
        "pk", "last_published_at", *updated_at, *_columns("title", "slug"), *_complete()
    )
    found = {}
    for row in rows:
        article = SimpleNamespace(**row)
        languages = public_languages(article)
        found[row["pk"]] = {
            # Per language, as the API's updated_at (articles/freshness.py): an edit of one
            # language is no change of the others.
            "updated_at": {code: language_updated_at(article, code) for code in languages},
            "slugs": {
                code: getattr(article, build_localized_fieldname("slug", code))
                for code in languages
            },
        }
    return found


def hidden_reasons(page_ids: Iterable[int]) -> dict[int, dict[str, Any]]:
    """Why existing articles among ``page_ids`` are not visible: per article, the first
    failing condition of ``visible_pages`` (``unpublished``, ``private``, ``moved`` out of the
    site, ``expired``, or None when the page as a whole is visible) and the languages the public
    may read it in (``public_languages``). Deleted pages are absent. One query."""
    ids = list(page_ids)
    if not ids:
        return {}
    rows = (
        ArticlePage.objects.filter(pk__in=ids)
        .annotate(
            restricted=under_view_restriction(),
            in_site=_in_default_site(),
            scheduled=Exists(Page.objects.filter(pk=OuterRef("pk")).filter(_within_schedule())),
        )
        .values(
            "pk",
            "live",
            "restricted",
            "in_site",
            "scheduled",
            *_columns("title", "slug"),
            *_complete(),
        )
    )
    reasons = {}
    for row in rows:
        if not row["live"]:
            reason = "unpublished"
        elif row["restricted"]:
            reason = "private"
        elif not row["in_site"]:
            reason = "moved"
        elif not row["scheduled"]:
            reason = "expired"
        else:
            reason = None
        reasons[row["pk"]] = {
            "reason": reason,
            "languages": public_languages(SimpleNamespace(**row)),
        }
    return reasons


def _complete() -> list[str]:
    return [completeness_column(code) for code in settings.MODELTRANSLATION_LANGUAGES]
