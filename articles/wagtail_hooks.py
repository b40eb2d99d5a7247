"""Admin integration for articles."""

from __future__ import annotations

from django.utils.safestring import mark_safe
from wagtail import hooks

from articles.seo_adapter import ArticleSEOSource


@hooks.register("insert_global_admin_css")
def hide_translation_copy_buttons() -> str:
    # wagtail-modeltranslation adds "Copy content from" buttons to every nested panel, meant for
    # StreamFields. Our articles have none; on InlinePanels the buttons answer 500 (see
    # docs/architecture.md), so they are hidden rather than offered.
    return mark_safe("<style>.translation-field-copy-wrapper { display: none; }</style>")


@hooks.register("register_seo_source")
def article_seo_source() -> ArticleSEOSource:
    return ArticleSEOSource()
