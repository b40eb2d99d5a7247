"""Stored slug history of the redirects package (imported by ``articles.models``)."""

from __future__ import annotations

from django.conf import settings
from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname


def _language_choices() -> list[tuple[str, str]]:
    return [(code, code) for code in settings.MODELTRANSLATION_LANGUAGES]


class SlugRedirect(models.Model):
    """An article's former slug in one language, answering with a 301 to its current one.

    It points at the article, not at a slug, so a chain of renames (a -> b -> c) always leads
    straight to the article's slug of today. A slug in use again (by this or another live
    article) removes the redirect: the article wins.
    """

    lang = models.CharField(_("language"), max_length=10, choices=_language_choices)
    old_slug = models.CharField(_("old slug"), max_length=255)
    page = models.ForeignKey(
        "articles.ArticlePage",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="slug_redirects",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("slug redirect")
        verbose_name_plural = _("slug redirects")
        constraints = [
            models.UniqueConstraint(fields=["lang", "old_slug"], name="unique_slug_redirect")
        ]
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.lang}: {self.old_slug} -> #{self.page_id}"

    @admin.display(description=_("slug now"))
    def current_slug(self) -> str:
        """Where the redirect leads: the article's slug in the language today."""
        return getattr(self.page, build_localized_fieldname("slug", self.lang), None) or "-"
