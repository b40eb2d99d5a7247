"""The per-language search document of a live article (``articles.indexing.search_text``)."""

from __future__ import annotations

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _


class ArticleSearchText(models.Model):
    """One live article in one language, as full-text search sees it.

    ``document`` is a PostgreSQL ``tsvector`` built with the language's text search
    configuration, with a partial GIN index per language (created by the project's
    ``migrate``): what a search matches. ``ranking`` is its title, SEO title, description,
    intro, headings and questions (weights A and B): what results are ranked by. It is a few
    hundred bytes and stays in the row, while the whole document is kilobytes that PostgreSQL
    keeps out of line and decompresses on every read, so ranking thousands of matches by it
    cost a second. On other databases both stay empty and search falls back to Wagtail's
    search backend.
    """

    page = models.ForeignKey(
        "articles.ArticlePage", on_delete=models.CASCADE, related_name="search_texts"
    )
    lang = models.CharField(_("language"), max_length=12)
    document = SearchVectorField(null=True)
    ranking = SearchVectorField(null=True)

    class Meta:
        app_label = "articles"
        verbose_name = _("article search text")
        constraints = [
            models.UniqueConstraint(fields=["page", "lang"], name="article_search_text_page_lang")
        ]

    def __str__(self) -> str:
        return f"search text of page {self.page_id} ({self.lang})"
