"""An article draft as the rows the API's representation reads, so a preview shows exactly what
``/api/v1/articles/<slug>/`` would show once it is published.

Two sources: an ``ArticlePage`` object (the admin's preview: a revision or the edit form's
unsaved content, children held in memory by modelcluster), or a stored revision's JSON (the
preview API: read directly, a fixed number of queries however many sections it has, where
``Revision.as_object()`` would resolve every child's foreign keys one query at a time).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import SimpleNamespace
from typing import Any

from django.conf import settings
from django.utils.dateparse import parse_datetime
from modeltranslation.utils import build_localized_fieldname
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from articles.completeness import completeness_column, language_completeness, primary_language
from articles.selectors import ARTICLE_TEXT_FIELDS, ArticleRows
from seo.models import Keyword


def _localized_names(*field_names: str) -> list[str]:
    return [
        build_localized_fieldname(name, code)
        for name in field_names
        for code in settings.MODELTRANSLATION_LANGUAGES
    ]


def _read(source: Any, name: str) -> Any:
    if isinstance(source, Mapping):
        return source.get(name)
    return getattr(source, name, None)


def _localized(source: Any, *field_names: str) -> dict[str, Any]:
    return {name: _read(source, name) for name in _localized_names(*field_names)}


def _parent_titles(parent: Page | None, lang: str) -> dict[str, str | None]:
    if parent is None:
        return {"parent_title": None, "parent_title_default": None}
    return {
        "parent_title": getattr(parent, build_localized_fieldname("title", lang), None),
        "parent_title_default": getattr(
            parent, build_localized_fieldname("title", settings.LANGUAGE_CODE), None
        ),
    }


def _hero_image(image_id: int | None, hero_filter_spec: str) -> Any | None:
    if image_id is None:
        return None
    return (
        get_image_model().objects.filter(pk=image_id).prefetch_renditions(hero_filter_spec).first()
    )


def _keywords(links: Iterable[tuple[int | None, bool]]) -> list[SimpleNamespace]:
    links = [(keyword_id, focus) for keyword_id, focus in links if keyword_id is not None]
    terms = Keyword.objects.in_bulk([keyword_id for keyword_id, _focus in links])  # one query
    return [
        SimpleNamespace(focus=focus, **_localized(terms[keyword_id], "term"))
        for keyword_id, focus in links
        if keyword_id in terms
    ]


def _language_updated_at(page_id: int | None) -> dict[str, Any]:
    """``language_updated_at_<lang>`` as the API's page query annotates it (one query)."""
    from articles.freshness import UPDATED_AT
    from articles.models import ArticleLanguageVersion

    found = {}
    if page_id is not None:
        found = dict(
            ArticleLanguageVersion.objects.filter(page_id=page_id).values_list("lang", "updated_at")
        )
    return {
        build_localized_fieldname(UPDATED_AT, code): found.get(code)
        for code in settings.MODELTRANSLATION_LANGUAGES
    }


def _with_completeness(rows: ArticleRows) -> ArticleRows:
    """Set ``translation_complete_<lang>`` on the draft's page row, as ``ArticlePage.save``
    stores it for the live page: the API's rules (incomplete policy, hreflang) read it."""
    reference = primary_language(rows.page)
    for code in settings.MODELTRANSLATION_LANGUAGES:
        completeness = language_completeness(
            rows.page,
            sections=rows.sections,
            faqs=rows.faqs,
            lang=code,
            reference=reference,
            has_hero_image=rows.page.hero_image_id is not None,
        )
        setattr(rows.page, completeness_column(code), completeness.complete)
    return rows


def article_rows(page: Any, lang: str, *, hero_filter_spec: str) -> ArticleRows:
    """``page`` (an ``ArticlePage``, saved or not) as ``selectors.article_detail`` would read it."""
    # A page being created has no place in the tree yet: no breadcrumb parent.
    parent = page.get_parent() if page.pk and page.path else None
    row = SimpleNamespace(
        pk=page.pk,
        first_published_at=page.first_published_at,
        last_published_at=page.last_published_at,
        author_name=page.author_name,
        author_is_organization=getattr(page, "author_is_organization", False),
        hero_image_id=page.hero_image_id,
        **_localized(page, *ARTICLE_TEXT_FIELDS),
        **_parent_titles(parent, lang),
        **_language_updated_at(page.pk),
    )
    return _with_completeness(
        ArticleRows(
            page=row,
            sections=[
                SimpleNamespace(**_localized(s, "heading", "body")) for s in page.sections.all()
            ],
            faqs=[SimpleNamespace(**_localized(f, "question", "answer")) for f in page.faqs.all()],
            keywords=_keywords((link.keyword_id, link.focus) for link in page.keywords.all()),
            hero_image=_hero_image(page.hero_image_id, hero_filter_spec),
        )
    )


def _date(value: Any) -> Any:
    return parse_datetime(value) if isinstance(value, str) else value


def revision_rows(
    revision: Revision, page: Page, lang: str, *, hero_filter_spec: str
) -> ArticleRows:
    """A stored revision of ``page`` (the page as it is in the tree) as the API's rows."""
    content = revision.content
    row = SimpleNamespace(
        pk=page.pk,
        # Publication dates belong to the page, not to a draft (a draft was never published).
        first_published_at=page.first_published_at,
        last_published_at=page.last_published_at,
        author_name=content.get("author_name") or "",
        author_is_organization=bool(content.get("author_is_organization", False)),
        hero_image_id=content.get("hero_image"),
        **_localized(content, *ARTICLE_TEXT_FIELDS),
        **_parent_titles(page.get_parent(), lang),
        **_language_updated_at(page.pk),
    )

    def children(name: str) -> list[Mapping[str, Any]]:
        return sorted(content.get(name) or [], key=lambda child: child.get("sort_order") or 0)

    return _with_completeness(
        ArticleRows(
            page=row,
            sections=[
                SimpleNamespace(**_localized(s, "heading", "body")) for s in children("sections")
            ],
            faqs=[SimpleNamespace(**_localized(f, "question", "answer")) for f in children("faqs")],
            keywords=_keywords(
                (link.get("keyword"), bool(link.get("focus"))) for link in children("keywords")
            ),
            hero_image=_hero_image(content.get("hero_image"), hero_filter_spec),
        )
    )
