"""Admin integration for articles."""

from __future__ import annotations

from django.http import Http404
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet

from articles.api.tokens import hash_key, new_key
from articles.models import ApiToken, HeadlessPage, SlugRedirect
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


class SlugRedirectViewSet(ModelViewSet):
    """Settings -> Slug redirects: every former slug that answers with a 301, per language;
    an editor removes one that should be a 404 (or adds one by hand)."""

    model = SlugRedirect
    icon = "redirect"
    add_to_settings_menu = True
    menu_label = _("Slug redirects")
    list_display = ["lang", "old_slug", "current_slug", "page", "created_at"]
    list_filter = ["lang"]
    search_fields = ["old_slug"]
    form_fields = ["lang", "old_slug", "page"]
    copy_view_enabled = False


@hooks.register("register_admin_viewset")
def register_slug_redirects() -> ModelViewSet:
    return SlugRedirectViewSet("slug_redirects")


class ApiTokenCreateView(CreateView):
    """Generates the key on save and shows it once, in the success message; only its hash
    is stored."""

    def save_instance(self):
        key, prefix = new_key()
        self.form.instance.prefix = prefix
        self.form.instance.key_hash = hash_key(key)
        self.created_key = key
        return super().save_instance()

    def get_success_message(self, instance):
        return _(
            "API token “%(name)s” created. Copy the key now, it is not shown again: %(key)s"
        ) % {"name": instance.name, "key": self.created_key}


class ApiTokenViewSet(SnippetViewSet):
    """Settings -> API tokens: read-only keys for static builds (docs/api.md)."""

    model = ApiToken
    add_view_class = ApiTokenCreateView
    icon = "key"
    menu_label = _("API tokens")
    add_to_settings_menu = True
    list_display = ["name", "prefix", "throttle_rate", "is_active", "created_at", "last_used_at"]
    panels = [FieldPanel("name"), FieldPanel("throttle_rate"), FieldPanel("is_active")]


register_snippet(ApiTokenViewSet)
