"""SEO vocabulary shared by every page type that offers itself to the SEO app."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.search import index


class Keyword(index.Indexed, models.Model):
    """A search term an article targets. ``term`` is translated: one keyword, one term per language.

    The term is not unique in the database: with per-language columns the untranslated ``term``
    column holds whatever language was active when saving. Services look keywords up by
    ``term_<lang>`` case-insensitively instead (``seo.services.keyword_get_or_create``).
    """

    term = models.CharField(_("term"), max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)

    search_fields = [index.SearchField("term"), index.AutocompleteField("term")]

    class Meta:
        ordering = ["term"]
        verbose_name = _("keyword")
        verbose_name_plural = _("keywords")

    def __str__(self) -> str:
        return self.term or f"keyword {self.pk}"
