"""SEO vocabulary shared by every page type that offers itself to the SEO app."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname
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
        return self.term or self.terms_summary() or f"keyword {self.pk}"

    def terms_by_language(self) -> dict[str, str]:
        """Every configured language with this keyword's term in it ("" where there is none)."""
        return {
            code: getattr(self, build_localized_fieldname("term", code), None) or ""
            for code in settings.MODELTRANSLATION_LANGUAGES
        }

    def missing_languages(self) -> list[str]:
        return [code for code, term in self.terms_by_language().items() if not term]

    def terms_summary(self) -> str:
        """ "de: gut schlafen · en: sleep well · nl: – · fr: –" for choosers and lists."""
        return " · ".join(
            f"{code}: {term or '–'}" for code, term in self.terms_by_language().items()
        )


# A page's score band. Chosen to match what editors read from the checks: from 80 on, only
# minor checks are left "ok"; under 50, several weighted checks (keywords, title, length) fail.
GOOD_SCORE_FROM = 80
OK_SCORE_FROM = 50


class AuditStatus(models.TextChoices):
    """The band a language version's overall score falls into."""

    GOOD = "good", _("Good")
    OK = "ok", _("Could be better")
    PROBLEM = "problem", _("Problem")

    @classmethod
    def for_score(cls, score: int) -> AuditStatus:
        if score >= GOOD_SCORE_FROM:
            return cls.GOOD
        if score >= OK_SCORE_FROM:
            return cls.OK
        return cls.PROBLEM


class TranslationStatus(models.TextChoices):
    """Whether a language version has every field the page's primary language has."""

    COMPLETE = "complete", _("Complete")
    INCOMPLETE = "incomplete", _("Incomplete")
    MISSING = "missing", _("Not translated")


class SEOAuditResult(models.Model):
    """The SEO engine's verdict on one language version of a page's latest revision.

    Stored so that the admin report and the dashboard read one indexed table instead of running
    the engine over every page on every request. ``seo.audit_results`` writes it when a page is
    saved or published and from ``manage.py seo_audit_refresh``; rows go with their page.
    """

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="seo_audit_results",
    )
    lang = models.CharField(_("language"), max_length=10)
    title = models.CharField(_("title"), max_length=255, blank=True)
    live = models.BooleanField(_("live"), default=False)
    translation_status = models.CharField(
        _("translation"), max_length=10, choices=TranslationStatus.choices
    )
    # Fields the page's primary language has and this language lacks, e.g. "sections[2].body".
    missing_fields = models.JSONField(_("missing fields"), default=list, blank=True)
    score = models.PositiveSmallIntegerField(_("score"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=AuditStatus.choices, blank=True)
    problem_count = models.PositiveSmallIntegerField(_("problems"), default=0)
    focus_keyword = models.CharField(_("focus keyword"), max_length=200, blank=True)
    report = models.JSONField(_("report"), default=dict, blank=True)
    updated_at = models.DateTimeField(_("analysed at"), auto_now=True)

    class Meta:
        verbose_name = _("SEO audit result")
        verbose_name_plural = _("SEO audit results")
        constraints = [
            models.UniqueConstraint(fields=["page", "lang"], name="seo_audit_result_page_lang")
        ]
        indexes = [
            models.Index(fields=["lang", "score"], name="seo_audit_lang_score"),
            models.Index(fields=["status", "lang"], name="seo_audit_status_lang"),
        ]

    def __str__(self) -> str:
        return f"{self.title or self.page_id} ({self.lang})"

    @property
    def is_translated(self) -> bool:
        return self.translation_status != TranslationStatus.MISSING
