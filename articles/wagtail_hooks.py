"""Admin integration for articles."""

from __future__ import annotations

from django.http import Http404
from django.utils.safestring import mark_safe
from wagtail import hooks

from articles.models import HeadlessPage
from articles.seo_adapter import ArticleSEOSource
from seo.services import keyword_update_terms


@hooks.register("insert_global_admin_css")
def hide_translation_copy_buttons() -> str:
    # wagtail-modeltranslation adds "Copy content from" buttons to every nested panel, meant for
    # StreamFields. Our articles have none; on InlinePanels the buttons answer 500 (see
    # docs/architecture.md), so they are hidden rather than offered.
    return mark_safe("<style>.translation-field-copy-wrapper { display: none; }</style>")


@hooks.register("register_seo_source")
def article_seo_source() -> ArticleSEOSource:
    return ArticleSEOSource()


@hooks.register("before_serve_page", order=-100)
def hide_pages_the_public_may_not_see(page, request, serve_args, serve_kwargs) -> None:
    # Before Wagtail's view-restriction check (order 0): a headless site asks nobody for a
    # password or a login; a private, expired or draft page is simply not there.
    if isinstance(page, HeadlessPage) and not page.is_public():
        raise Http404


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def save_keyword_terms_edited_in_the_article(request, page) -> None:
    # Noted by ArticlePageForm.clean; the terms belong to the shared keyword, not the revision.
    for keyword, terms in getattr(page, "pending_keyword_terms", ()):
        keyword_update_terms(keyword=keyword, terms=terms)
    page.pending_keyword_terms = []
