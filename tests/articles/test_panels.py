"""The article editor's tab and panel ids stay the same whatever admin language bound them."""

from __future__ import annotations

import pytest
from django.utils import translation

from articles.models import ArticlePage
from articles.panels import _panel_groups


def bound_in(language: str):
    with translation.override(language):
        return ArticlePage.edit_handler.bind_to_model(ArticlePage)


@pytest.mark.parametrize("language", ["de", "en", "nl", "fr"])
def test_tab_ids_come_from_the_english_headings_whoever_binds_the_editor_first(language):
    handler = bound_in(language)

    assert handler.child_identifiers == ["content", "promote", "settings", "seo"]


@pytest.mark.parametrize("language", ["de", "nl", "fr"])
def test_panel_ids_inside_tabs_do_not_follow_the_admin_language(language):
    english = {tuple(group.child_identifiers) for group in _panel_groups(bound_in("en"))}
    other = {tuple(group.child_identifiers) for group in _panel_groups(bound_in(language))}

    assert other == english
    content = bound_in(language).children[0]
    assert {"sections", "questions_answers", "hero_image", "keywords"} <= set(
        content.child_identifiers
    )
