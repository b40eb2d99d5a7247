"""Article pages: an index (the blog root) and the articles below it, with ordered sections,
FAQs and keywords as inline children stored in the page's revisions.

Every text field is translated by django-modeltranslation (see ``articles/translation.py``): the
ORM reads the active language with fallback to the default; code that must be explicit about a
language uses ``translation.override(lang)`` or the ``<field>_<lang>`` columns.
"""

from __future__ import annotations

import math

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponsePermanentRedirect
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modeltranslation.utils import build_localized_fieldname
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
)
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from articles.completeness import completeness_by_language, completeness_column
from articles.forms import DEFAULT_ONLY_FIELDS, ArticlePageForm
from articles.frontend import frontend_url
from articles.frontend_paths import article_index_url
from articles.panels import KeywordsPanel, LanguagePickerPanel, StableIdTabbedInterface
from articles.slugs import page_slugs, slug_clashes
from seo.panels import SEOPanel

INTRO_FEATURES = ["bold", "italic", "link"]
BODY_FEATURES = ["h3", "h4", "bold", "italic", "link", "ol", "ul", "embed", "image"]
ANSWER_FEATURES = ["bold", "italic", "link", "ul", "ol"]

# Adult silent reading speed for non-fiction is about 200-250 words per minute; the lower end
# keeps the estimate honest for long, technical SEO articles.
WORDS_PER_MINUTE = 200


class HeadlessPage(Page):
    """Public page URLs of a headless CMS: the page lives on the frontend.

    A request for a live, public page's URL is a 301 to the page's frontend URL in the
    request's language (the language its slug was matched in; the page's own language when it
    has no version in it). Anything the public may not see - a draft, an expired page, a page
    under a view restriction - is a 404, before Wagtail would ask for a login or a password.
    There are no templates: a page is never rendered here.
    """

    class Meta:
        abstract = True

    def is_public(self) -> bool:
        """Whether the public may see this page now (the one visibility selector decides).

        Checked by a ``before_serve_page`` hook (articles/wagtail_hooks.py) that runs before
        Wagtail's own view-restriction check: wagtail-modeltranslation replaces ``route()`` on
        every page model, so the check cannot live there.
        """
        # Imported here: selectors import this module.
        from articles.selectors import visible_pages

        return visible_pages(model=type(self)).filter(pk=self.pk).exists()

    def serve(self, request, *args, **kwargs):
        return HttpResponsePermanentRedirect(self.frontend_url(self.request_language()))

    # Editor preview (articles/preview/): one preview mode per language, so the preview panel's
    # mode menu picks the language; the primary language comes first.

    @property
    def preview_modes(self) -> list[tuple[str, str]]:
        from articles.preview.rendering import language_name

        return [(code, language_name(code)) for code in settings.MODELTRANSLATION_LANGUAGES]

    @property
    def default_preview_mode(self) -> str:
        return self.primary_language()

    def primary_language(self) -> str:
        return settings.LANGUAGE_CODE

    def preview_language(self, mode_name: str) -> str:
        if mode_name in settings.MODELTRANSLATION_LANGUAGES:
            return mode_name
        return self.primary_language()

    def serve_preview(self, request, mode_name):
        raise NotImplementedError

    def request_language(self) -> str:
        """The active (request) language when it is configured, else the default."""
        active = translation.get_language() or settings.LANGUAGE_CODE
        code = active.split("-")[0].lower()
        return code if code in settings.MODELTRANSLATION_LANGUAGES else settings.LANGUAGE_CODE

    def frontend_url(self, lang: str) -> str:
        raise NotImplementedError


class ArticleIndexPage(HeadlessPage):
    """The blog root. Articles live directly below it."""

    intro = RichTextField(_("intro"), blank=True, features=INTRO_FEATURES)

    content_panels = [LanguagePickerPanel(), *Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    subpage_types = ["articles.ArticlePage"]
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("article index")

    def frontend_url(self, lang: str) -> str:
        return article_index_url(lang)

    def serve_preview(self, request, mode_name):
        from articles.preview.rendering import serve_index_preview

        return serve_index_preview(self, request, self.preview_language(mode_name))


class ArticlePage(HeadlessPage):
    intro = RichTextField(_("intro"), features=INTRO_FEATURES)
    conclusion = RichTextField(_("conclusion"), blank=True, features=BODY_FEATURES)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_image_alt = models.CharField(
        _("hero image alt text"),
        max_length=250,
        blank=True,
        help_text=_("Describe the image for people who cannot see it."),
    )
    author_name = models.CharField(_("author"), max_length=200, blank=True)
    author_is_organization = models.BooleanField(
        _("author is an organisation"),
        default=False,
        help_text=_("A company or editorial team rather than a person (schema.org author type)."),
    )
    # Per language (translation_complete_<lang>, see translation.py): whether the version in
    # that language has every text the primary language has (articles/completeness.py). Kept
    # by save(); the visibility selector filters on it. NULL: not computed yet (the project's
    # migrate command fills it).
    translation_complete = models.BooleanField(
        _("translation complete"), null=True, default=None, editable=False
    )

    base_form_class = ArticlePageForm

    content_panels = [
        LanguagePickerPanel(),
        *Page.content_panels,
        FieldPanel("author_name"),
        FieldPanel("author_is_organization"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_image_alt")], heading=_("Hero image")
        ),
        InlinePanel("sections", heading=_("Sections"), label=_("Section")),
        FieldPanel("conclusion"),
        InlinePanel("faqs", heading=_("Questions & answers"), label=_("FAQ")),
        KeywordsPanel("keywords", heading=_("Keywords"), label=_("Keyword")),
    ]

    # Wagtail's default tabs plus the SEO analysis of the draft in every language. No
    # base_form_class here: the model's (ArticlePageForm, as patched by wagtail-modeltranslation
    # at start-up) is used, and the translation package still expands every tab's fields.
    edit_handler = StableIdTabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
            ObjectList([SEOPanel()], heading=_("SEO")),
        ]
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("conclusion"),
        index.RelatedFields("sections", [index.SearchField("heading"), index.SearchField("body")]),
        index.RelatedFields("faqs", [index.SearchField("question"), index.SearchField("answer")]),
        index.FilterField("first_published_at"),
        index.FilterField("last_published_at"),
    ]

    parent_page_types = ["articles.ArticleIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("article")

    def translated_languages(self) -> list[str]:
        """Configured languages the article is translated into (title and slug set in them)."""
        return [
            code
            for code in settings.MODELTRANSLATION_LANGUAGES
            if getattr(self, build_localized_fieldname("title", code), None)
            and getattr(self, build_localized_fieldname("slug", code), None)
        ]

    def frontend_url(self, lang: str) -> str:
        if lang not in self.translated_languages():
            lang = self.primary_language()
        return frontend_url(lang=lang, slug=getattr(self, build_localized_fieldname("slug", lang)))

    def serve_preview(self, request, mode_name):
        from articles.preview.rendering import serve_article_preview

        return serve_article_preview(self, request, self.preview_language(mode_name))

    def primary_language(self) -> str:
        """The default language when the article has it, else the first language it has."""
        languages = self.translated_languages()
        if not languages or settings.LANGUAGE_CODE in languages:
            return settings.LANGUAGE_CODE
        return languages[0]

    # The untranslated columns (title, slug, url_path, draft_title) take the value of the active
    # language, and validation reads fields through it. Both therefore run under the article's
    # primary language, whatever language the request or command happens to have active, so an
    # English-only article is never validated or stored as if it were German.

    def full_clean(self, *args, exclude=None, **kwargs) -> None:
        default = settings.LANGUAGE_CODE
        if not getattr(self, build_localized_fieldname("title", default)):
            # wagtail-modeltranslation requires the default language's title, slug and intro;
            # an article that lacks the default language needs one complete other language
            # instead (ArticlePageForm checks that).
            exclude = {*(exclude or ()), *(f"{name}_{default}" for name in DEFAULT_ONLY_FIELDS)}
        with translation.override(self.primary_language()):
            super().full_clean(*args, exclude=exclude, **kwargs)

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is None or any(
            name.startswith("translation_complete") for name in update_fields
        ):
            self.refresh_translation_completeness()
        with translation.override(self.primary_language()):
            return super().save(*args, **kwargs)

    def refresh_translation_completeness(self) -> None:
        """Set ``translation_complete_<lang>`` for every language from the page's texts.

        Done in ``save()`` because every way a version becomes the live row passes through it:
        the services, the admin's publish, ``revision.publish()`` and Wagtail's scheduled
        publishing. A save of selected fields (``save_revision`` of a draft) leaves the live
        row's completeness alone: it describes what is published, not the draft.
        """
        for code, result in completeness_by_language(self).items():
            setattr(self, completeness_column(code), result.complete)

    def clean_translated_slugs(self) -> None:
        """Replaces wagtail-modeltranslation's slug check (see ``articles/slugs.py``)."""
        errors = slug_clashes(parent=self.get_parent(), slugs=page_slugs(self), exclude_pk=self.pk)
        if errors:
            raise ValidationError(errors)
        # What Page.clean does besides its own slug check (which the package wrapped): the
        # checks of the classes after Page.
        super(Page, self).clean()

    def seo_document(self, lang: str):
        """This article in ``lang`` as the SEO engine sees it (``seo.protocol.SEOSubject``)."""
        # Imported here: the adapter imports this module for ArticlePage.
        from articles.seo_adapter import article_seo_document

        return article_seo_document(self, lang)

    @property
    def reading_time(self) -> int:
        """Minutes to read the article in the active language (at least one)."""
        return reading_time_minutes(self.text_fragments())

    def text_fragments(self) -> list[str]:
        """The article's readable HTML/text in reading order, in the active language."""
        fragments = [self.intro]
        for section in self.sections.all():
            fragments += [section.heading, section.body]
        fragments.append(self.conclusion)
        for faq in self.faqs.all():
            fragments += [faq.question, faq.answer]
        return [fragment for fragment in fragments if fragment]


def reading_time_minutes(fragments: list[str]) -> int:
    words = sum(len(strip_tags(fragment).split()) for fragment in fragments)
    return max(1, math.ceil(words / WORDS_PER_MINUTE))


class Section(Orderable):
    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="sections")
    heading = models.CharField(_("heading"), max_length=255)
    body = RichTextField(_("body"), features=BODY_FEATURES)

    panels = [FieldPanel("heading"), FieldPanel("body")]

    class Meta(Orderable.Meta):
        verbose_name = _("section")

    def __str__(self) -> str:
        return self.heading


class FAQ(Orderable):
    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="faqs")
    question = models.CharField(_("question"), max_length=500)
    answer = RichTextField(_("answer"), features=ANSWER_FEATURES)

    panels = [FieldPanel("question"), FieldPanel("answer")]

    class Meta(Orderable.Meta):
        verbose_name = _("FAQ")
        verbose_name_plural = _("FAQs")

    def __str__(self) -> str:
        return self.question


class ArticleKeyword(Orderable):
    """An article targets a keyword; at most one of an article's keywords is its focus keyword."""

    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="keywords")
    keyword = models.ForeignKey(
        "seo.Keyword", verbose_name=_("keyword"), on_delete=models.CASCADE, related_name="+"
    )
    focus = models.BooleanField(_("focus keyword"), default=False)

    panels = [
        FieldPanel("keyword"),
        FieldPanel("focus"),
        *(
            FieldPanel(build_localized_fieldname("term", code))
            for code in settings.MODELTRANSLATION_LANGUAGES
        ),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("keyword")

    def __str__(self) -> str:
        return str(self.keyword)


class ArticleLanguageVersion(models.Model):
    """When an article's content in one language last changed, and a fingerprint of it.

    Kept beside the page, not on it: revisions must neither carry nor restore it. Written on
    every publish by ``articles.freshness``; read by the API as the language's ``updated_at``.
    """

    page = models.ForeignKey(
        ArticlePage, on_delete=models.CASCADE, related_name="language_versions"
    )
    lang = models.CharField(_("language"), max_length=12)
    updated_at = models.DateTimeField(_("last changed"))
    fingerprint = models.CharField(_("content fingerprint"), max_length=32)

    class Meta:
        verbose_name = _("article language version")
        constraints = [
            models.UniqueConstraint(fields=["page", "lang"], name="unique_article_language_version")
        ]

    def __str__(self) -> str:
        return f"{self.page_id}/{self.lang} changed {self.updated_at:%Y-%m-%d %H:%M}"


class ApiToken(models.Model):
    """A read-only token for the content API, for static builds and servers that fetch a lot.

    Only a SHA-256 hash of the key is stored (the key is random, 256 bits: a slow hash would
    add nothing); the key itself is shown once, when the token is created in the admin.
    ``articles.api.tokens`` authenticates and throttles with it.
    """

    name = models.CharField(_("name"), max_length=100, help_text=_("Who or what uses it."))
    prefix = models.CharField(_("prefix"), max_length=16, unique=True, editable=False)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    throttle_rate = models.CharField(
        _("rate limit"),
        max_length=32,
        blank=True,
        help_text=_('Requests per period, e.g. "6000/minute"; empty: API_TOKEN_THROTTLE_RATE.'),
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("API token")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    def clean(self) -> None:
        from articles.api.tokens import valid_rate

        if self.throttle_rate and not valid_rate(self.throttle_rate):
            raise ValidationError(
                {"throttle_rate": _('Expected e.g. "6000/minute" (second, minute, hour, day).')}
            )


class ContentVersion(models.Model):
    """The version of everything the public API shows: one row, bumped in the transaction of
    every publish, unpublish, move, delete or visibility change (``articles.cache``).

    It lives in the database so that invalidation commits or rolls back with the change itself
    and every server process sees it within its recheck interval, whatever the shared cache
    (Redis) does. A fresh database starts from the clock, never from a number that responses
    cached for another database may carry.
    """

    SINGLETON_ID = 1

    version = models.BigIntegerField()
    changed_at = models.DateTimeField()

    class Meta:
        verbose_name = _("content version")

    def __str__(self) -> str:
        return f"content version {self.version}"


# Models of the redirects package live with their code; Django finds them through this import.
from articles.indexing.models import ArticleSearchText  # noqa: E402, F401
from articles.redirects.models import SlugRedirect  # noqa: E402, F401
