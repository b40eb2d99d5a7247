"""Admin integration for the SEO app: keywords as snippets."""

from __future__ import annotations

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from seo.models import Keyword


class KeywordViewSet(SnippetViewSet):
    model = Keyword
    icon = "tag"
    menu_label = "Keywords"
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["term", "created_at"]
    search_fields = ["term"]


register_snippet(KeywordViewSet)
