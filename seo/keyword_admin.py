"""Keywords in the admin: the snippet listing and the chooser, both searching every language's
term with a plain filter (``seo.selectors.keywords_matching``) and showing each keyword's term
per language, so an editor sees at once which languages still lack one."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.chooser import ChooseResultsView, ChooseView, SnippetChooserViewSet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from seo.models import Keyword
from seo.selectors import keywords_matching


def term_fields() -> list[str]:
    return [build_localized_fieldname("term", code) for code in settings.MODELTRANSLATION_LANGUAGES]


def term_columns() -> list[Column]:
    return [
        Column(
            build_localized_fieldname("term", code),
            label=code.upper(),
            accessor=lambda keyword, code=code: keyword.terms_by_language()[code] or "–",
        )
        for code in settings.MODELTRANSLATION_LANGUAGES
    ]


class KeywordIndexView(IndexView):
    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        return keywords_matching(queryset, self.search_query)


class KeywordSearchForm(BaseFilterForm):
    q = forms.CharField(
        label=_("Search term"),
        widget=forms.TextInput(attrs={"placeholder": _("Term in any language")}),
        required=False,
    )

    def filter(self, objects):
        objects = super().filter(objects)
        query = self.cleaned_data.get("q", "").strip()
        if query:
            objects = keywords_matching(objects, query)
            self.is_searching = True
            self.search_query = query
        return objects


class KeywordChooserMixin:
    filter_form_class = KeywordSearchForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Wagtail hands the chooser its title as text translated once at start-up (in the
        # default language); this one is translated per request, in the editor's language.
        context["page_title"] = _("Choose a keyword")
        context["page_subtitle"] = None
        return context

    @property
    def columns(self):
        return [self.title_column, *term_columns()]


class KeywordChooseView(KeywordChooserMixin, ChooseView):
    pass


class KeywordChooseResultsView(KeywordChooserMixin, ChooseResultsView):
    pass


class KeywordChooserViewSet(SnippetChooserViewSet):
    choose_view_class = KeywordChooseView
    choose_results_view_class = KeywordChooseResultsView
    # "Create" tab of the chooser: a new keyword with its terms.
    create_action_label = _("Create keyword")

    @property
    def form_fields(self):
        return term_fields()


class KeywordViewSet(SnippetViewSet):
    model = Keyword
    icon = "tag"
    menu_label = _("Keywords")
    menu_order = 300
    add_to_admin_menu = True
    index_view_class = KeywordIndexView
    chooser_viewset_class = KeywordChooserViewSet
    ordering = ["term"]

    @property
    def list_display(self):
        return ["__str__", *term_columns(), "created_at"]
