"""Writes for articles. Every write picks its language explicitly and goes through a revision.

Per-language columns (``title_de``, ``heading_en``...) are set directly; the untranslated columns
(``title``, ``slug``, ``url_path``, ``heading``) take the value of the language active while
saving, so saves run under the article's primary language: the default language when the article
has it, otherwise the first language it does have. An English-only article therefore never gets a
German title it does not have.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import connections, router, transaction
from django.db.models import Q
from django.utils import translation
from modeltranslation.utils import build_localized_fieldname
from wagtail.models import COMMENTS_RELATION_NAME, Page, Revision, Site
from wagtail.signal_handlers import disable_reference_index_auto_update

from articles.completeness import completeness_by_language, completeness_column
from articles.content import ArticleContent, KeywordContent
from articles.models import FAQ, ArticleIndexPage, ArticleKeyword, ArticlePage, Section
from articles.reference_batching import reference_update_later
from articles.search_batching import index_later, search_updates_batched
from seo.models import Keyword
from seo.services import keywords_get_or_create, term_key

PAGE_FIELDS = {
    "title": "title",
    "slug": "slug",
    "seo_title": "seo_title",
    "search_description": "search_description",
    "intro": "intro_html",
    "conclusion": "conclusion_html",
    "hero_image_alt": "hero_image_alt",
}


def localized(field_name: str, lang: str) -> str:
    return build_localized_fieldname(field_name, lang)


def article_languages(page: ArticlePage) -> list[str]:
    """Configured languages the article is translated into (it has a title and slug in them)."""
    return page.translated_languages()


def primary_language(page: ArticlePage) -> str:
    return page.primary_language()


def _apply_content(page: ArticlePage, *, lang: str, content: ArticleContent) -> None:
    for field_name, attribute in PAGE_FIELDS.items():
        setattr(page, localized(field_name, lang), getattr(content, attribute) or None)
    if content.author_name:
        page.author_name = content.author_name
    _apply_children(
        page.sections,
        Section,
        lang,
        [{"heading": s.heading, "body": s.body_html} for s in content.sections],
    )
    _apply_children(
        page.faqs,
        FAQ,
        lang,
        [{"question": f.question, "answer": f.answer_html} for f in content.faqs],
    )
    _apply_keywords(page, lang, content.keywords)


def _apply_children(relation, model, lang: str, rows: Sequence[dict[str, str]]) -> None:
    """Match children by position: the n-th section of a translation fills the n-th section.

    Children beyond the new content lose this language's text; a child left with no text in any
    language is removed.
    """
    children = list(relation.all())
    for position, values in enumerate(rows):
        if position < len(children):
            child = children[position]
        else:
            child = model()
            children.append(child)
        for field_name, value in values.items():
            setattr(child, localized(field_name, lang), value or None)
    for child in children[len(rows) :]:
        for field_name in model_translated_fields(model):
            setattr(child, localized(field_name, lang), None)
    relation.set(_in_order([child for child in children if _has_any_text(child, model)]))


def _in_order(children: list) -> list:
    """Number the children: modelcluster saves ``sort_order`` as given, and with NULLs the
    database returns them in any order (PostgreSQL does, after an update)."""
    for position, child in enumerate(children):
        child.sort_order = position
    return children


def model_translated_fields(model) -> tuple[str, ...]:
    return {Section: ("heading", "body"), FAQ: ("question", "answer")}[model]


def _has_any_text(child, model) -> bool:
    return any(
        getattr(child, localized(field_name, code), None)
        for field_name in model_translated_fields(model)
        for code in settings.MODELTRANSLATION_LANGUAGES
    )


def _apply_keywords(page: ArticlePage, lang: str, keywords: Sequence[KeywordContent]) -> None:
    """The primary language's keywords define the set; a translation names them in its language.

    Keywords are shared snippets, so a translated term is written to the keyword itself, by
    position, and every article using that keyword sees it.
    """
    existing = list(page.keywords.all())
    if not existing or lang == primary_language(page):
        found = _keywords_get_or_create([keyword.term for keyword in keywords], lang)
        page.keywords.set(
            _in_order(
                [
                    ArticleKeyword(keyword=found[term_key(keyword.term)], focus=keyword.focus)
                    for keyword in keywords
                ]
            )
        )
        return
    column = localized("term", lang)
    shared = Keyword.objects.in_bulk([link.keyword_id for link in existing])
    renamed = []
    for link, keyword in zip(existing, keywords, strict=False):
        target = shared.get(link.keyword_id)
        if target is not None and getattr(target, column) != keyword.term:
            setattr(target, column, keyword.term)
            renamed.append(target)
    if renamed:
        Keyword.objects.bulk_update(renamed, [column])
        index_later(renamed)


def _keywords_get_or_create(terms: Sequence[str], lang: str) -> dict[str, Keyword]:
    """``seo.services.keywords_get_or_create``, with the new keywords indexed in the batch."""
    found, created = keywords_get_or_create(terms=terms, lang=lang)
    index_later(created)
    return found


def _save_revision(
    page: ArticlePage,
    *,
    publish: bool,
    user: AbstractBaseUser | None,
    validated: bool = False,
) -> Revision:
    """``validated``: the page was just created, and its save ran the draft checks (a new
    article has one language, so one slug to check), so a draft needs no second pass."""
    with translation.override(primary_language(page)):
        if publish:
            revision = page.save_revision(user=user, log_action=True)
            revision.publish(user=user)
        else:
            if not validated:
                _validate_draft(page)
            revision = page.save_revision(user=user, log_action=True, clean=False)
    return revision


def _validate_draft(page: ArticlePage) -> None:
    """The checks Wagtail itself applies when saving a draft page (``Page.minimal_clean``: a
    title, a slug free below the parent) plus every language's slug (one query).

    ``save_revision``'s full validation adds a query per foreign key and per unique field of
    the page on every save; publishing still runs it.
    """
    page.minimal_clean()
    page.clean_translated_slugs()


def _update_reference_index(page: ArticlePage) -> None:
    """Wagtail re-indexes a page's references after every save of the page and of each child
    (about ten queries each, twenty children per article); writes here switch that off and
    index the finished page once, through the same task Wagtail uses, or at the end of the
    caller's batch (``articles/reference_batching.py``)."""
    reference_update_later(page)


CHILD_RELATIONS = ("sections", "faqs", "keywords")


def _detach_children(page: ArticlePage) -> dict[str, list]:
    """Take a new page's in-memory children off it, so saving the page writes its row only."""
    pending = page.__dict__.get("_cluster_related_objects", {})
    return {name: pending.pop(name, []) for name in CHILD_RELATIONS}


def _insert_children(page: ArticlePage, children: dict[str, list]) -> None:
    """Write a new page's children with one INSERT per relation and keep them in memory.

    modelcluster would commit each relation on the tree insert with one INSERT per child (25
    for a seed-size article) after a SELECT of the existing rows (none). The rows are the same:
    ``bulk_create`` reads the untranslated columns through the active language as ``save``
    does, so it runs under the page's primary language, and it returns the new ids. The lists
    are set back on the page, so the revision serialises them without reading them back; so is
    the empty ``comments`` list a new page has.
    """
    with translation.override(primary_language(page)):
        for rows in children.values():
            if not rows:
                continue
            for row in rows:
                row.page = page
            model = type(rows[0])
            if connections[router.db_for_write(model)].features.can_return_rows_from_bulk_insert:
                model.objects.bulk_create(rows)
            else:  # the revision needs the children's ids
                for row in rows:
                    row.save()
    for name, rows in children.items():
        getattr(page, name).set(rows)
    getattr(page, COMMENTS_RELATION_NAME).set([])


def _forget_children(page: ArticlePage) -> None:
    """Read the children from the database again from now on, as after modelcluster's commit."""
    pending = page.__dict__.get("_cluster_related_objects", {})
    for name in CHILD_RELATIONS:
        pending.pop(name, None)


@transaction.atomic
def article_create(
    *,
    parent: Page,
    lang: str,
    content: ArticleContent,
    publish: bool = False,
    user: AbstractBaseUser | None = None,
    refresh: bool = True,
) -> ArticlePage:
    """Create an article in ``lang`` below ``parent``; a draft unless ``publish``.

    The page is read back from the database (publishing writes it through another instance),
    unless ``refresh`` is False for a caller that needs only its id."""
    # Wagtail gives a new page its parent's locale, reading the parent again for it; a new
    # page (a new translation key) is the root of no site, which Wagtail checks on each save.
    page = ArticlePage(live=False, owner=user, locale_id=parent.locale_id)
    page._is_site_root = False
    with search_updates_batched(), disable_reference_index_auto_update():
        _apply_content(page, lang=lang, content=content)
        children = _detach_children(page)
        with translation.override(primary_language(page)):
            # The tree insert validates the new page as a draft (title, its one slug free
            # below the parent) and writes the page row only; the children follow in bulk.
            parent.add_child(instance=page)
        _insert_children(page, children)
        _save_revision(page, publish=publish, user=user, validated=True)
    _update_reference_index(page)
    _forget_children(page)
    del page._is_site_root  # known while creating only
    if refresh:
        page.refresh_from_db()
    return page


def _set_url_paths(page: ArticlePage) -> None:
    """Every language's ``url_path_xx`` from its slug, on the object the revision is made of.

    Wagtail computes URL paths when the page row is saved (on publish), never for a revision,
    so a revision that adds or renames a language's slug would keep that language's old path
    (the default language's, by fallback) in its content, and a draft or a later revision
    built from it would carry it."""
    with translation.override(primary_language(page)):
        page.set_url_path(page.get_parent())


@transaction.atomic
def article_update_language(
    *,
    page: ArticlePage,
    lang: str,
    content: ArticleContent,
    publish: bool = False,
    user: AbstractBaseUser | None = None,
    latest: ArticlePage | None = None,
) -> ArticlePage:
    """Set the ``lang`` fields of the article's latest revision (a translation or an update).

    ``latest`` is ``page.get_latest_revision_as_object()`` when the caller already has it (the
    importer compares it with the new content first); it is loaded otherwise.
    """
    if latest is None:
        latest = page.get_latest_revision_as_object()
    with search_updates_batched(), disable_reference_index_auto_update():
        _apply_content(latest, lang=lang, content=content)
        _set_url_paths(latest)
        _save_revision(latest, publish=publish, user=user)
    _update_reference_index(page)
    page.refresh_from_db()
    return page


@transaction.atomic
def article_publish_latest(*, page: ArticlePage, user: AbstractBaseUser | None = None) -> None:
    """Publish the article's latest revision as it is (no new revision)."""
    revision = page.get_latest_revision()
    if revision is None:
        return
    language = primary_language(page)
    with (
        search_updates_batched(),
        disable_reference_index_auto_update(),
        translation.override(language),
    ):
        revision.publish(user=user)
    _update_reference_index(page)
    page.refresh_from_db()


@transaction.atomic
def article_index_get_or_create(
    *, slug: str, titles: dict[str, str], parent: Page | None = None
) -> tuple[ArticleIndexPage, bool]:
    """The article index with ``slug`` (default language) below the default site's root page."""
    default = settings.LANGUAGE_CODE
    existing = ArticleIndexPage.objects.filter(**{localized("slug", default): slug}).first()
    if existing is not None:
        return existing, False
    if parent is None:
        parent = Site.objects.get(is_default_site=True).root_page
    index = ArticleIndexPage(live=True)
    for code, title in titles.items():
        setattr(index, localized("title", code), title)
        setattr(index, localized("slug", code), slug)
    with translation.override(default):
        parent.add_child(instance=index)
        index.save_revision().publish()
    return index, True


def article_completeness_refresh(*, only_unknown: bool = True, batch_size: int = 500) -> int:
    """Recompute the stored per-language completeness of live article rows (what the
    visibility selector filters on); returns how many rows changed.

    ``ArticlePage.save`` keeps it on every publish; this fills rows written before the column
    existed or a language added since (``only_unknown``: rows with a NULL in some language), in
    batches of a fixed number of queries. The project's ``migrate`` runs it.
    """
    columns = [completeness_column(code) for code in settings.MODELTRANSLATION_LANGUAGES]
    queryset = ArticlePage.objects.all()
    if only_unknown:
        unknown = Q()
        for column in columns:
            unknown |= Q(**{f"{column}__isnull": True})
        queryset = queryset.filter(unknown)
    queryset = queryset.order_by("pk").prefetch_related("sections", "faqs")
    changed = 0
    last_pk = 0
    while True:
        batch = list(queryset.filter(pk__gt=last_pk)[:batch_size])
        if not batch:
            return changed
        last_pk = batch[-1].pk
        updated = []
        for page in batch:
            results = completeness_by_language(page)
            values = {completeness_column(code): r.complete for code, r in results.items()}
            if any(getattr(page, column) != value for column, value in values.items()):
                for column, value in values.items():
                    setattr(page, column, value)
                updated.append(page)
        if updated:
            ArticlePage.objects.bulk_update(updated, columns)
            changed += len(updated)
