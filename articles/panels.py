"""Edit-view panels of articles that need more than Wagtail's defaults."""

from __future__ import annotations

from wagtail.admin.panels import InlinePanel

from articles.forms import ArticleKeywordForm


class KeywordsPanel(InlinePanel):
    """The article's keywords, each row with its keyword's terms per language (editable)."""

    def get_form_options(self) -> dict:
        options = super().get_form_options()
        options["formsets"][self.relation_name]["form"] = ArticleKeywordForm
        return options
