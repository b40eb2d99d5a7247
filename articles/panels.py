"""Edit-view panels of articles that need more than Wagtail's defaults."""

from __future__ import annotations

from django.conf import settings
from django.conf.locale import LANG_INFO
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import InlinePanel, Panel, PanelGroup, TabbedInterface

from articles.editor_languages import language_statuses
from articles.forms import ArticleKeywordForm


def language_name(code: str) -> str:
    return LANG_INFO.get(code, {}).get("name_local", code)


class KeywordsPanel(InlinePanel):
    """The article's keywords, each row with its keyword's terms per language (editable)."""

    def get_form_options(self) -> dict:
        options = super().get_form_options()
        options["formsets"][self.relation_name]["form"] = ArticleKeywordForm
        return options


class StableIdTabbedInterface(TabbedInterface):
    """Wagtail's tabs, with HTML ids that do not depend on the admin language.

    Wagtail names a tab or panel after its translated heading ("tab-label-promote",
    "panel-child-content-sections-section") and caches the names on the model's edit handler
    for the life of the process, so whoever opened an editor first decided them for everyone:
    after a German editor, "tab-label-werbung" and "...-abschnitte-section". Links to a tab,
    the picker's go-to-field and the browser tests need names that stay put, so every group's
    names are fixed here, once, from the English headings.
    """

    def on_model_bound(self) -> None:
        super().on_model_bound()
        with translation.override("en"):
            for group in _panel_groups(self):
                group.child_identifiers  # noqa: B018 (a cached_property: computed now, kept)


def _panel_groups(panel: Panel):
    if isinstance(panel, PanelGroup):
        yield panel
        for child in panel.children:
            yield from _panel_groups(child)
    elif isinstance(panel, InlinePanel):
        yield from _panel_groups(panel.child_edit_handler)


def counter_config() -> dict:
    """What the live counters under the title tag and meta description need to measure text as
    the SEO engine does (seo.engine.pixel_width: Arial advance widths) against its limits."""
    from seo.audit import configured_thresholds
    from seo.engine.pixel_width import _table
    from seo.serp import DESCRIPTION_FONT_PX, DESCRIPTION_MAX_PX

    widths, default_width, units_per_em = _table()
    thresholds = configured_thresholds()
    return {
        "widths": widths,
        "defaultWidth": default_width,
        "unitsPerEm": units_per_em,
        "seo_title": {
            "fontPx": thresholds.title_font_px,
            "maxPx": thresholds.title_max_px,
            "maxChars": thresholds.title_max_chars,
        },
        "search_description": {
            "fontPx": DESCRIPTION_FONT_PX,
            "maxPx": DESCRIPTION_MAX_PX,
            "minChars": thresholds.meta_min_chars,
            "maxChars": thresholds.meta_max_chars,
        },
        "labels": {
            "chars": str(_("characters")),
            "of": str(_("of")),
            "tooLong": str(_("search engines cut it")),
            "tooShort": str(_("shorter than recommended")),
        },
    }


class LanguagePickerPanel(Panel):
    """ "View / edit fields for": which languages' fields the edit form shows.

    Replaces wagtail-modeltranslation's picker, which sorted whole panels by the first language
    code in their text (so Sections, FAQs and the hero image vanished with their first
    language). This one sorts single fields by their name's language suffix, shows every panel,
    remembers the selection per user (localStorage), shows the languages of fields with errors,
    and states each language's completeness. The script moves the bar above the tabs.
    """

    class BoundPanel(Panel.BoundPanel):
        template_name = "articles/panels/language_picker.html"

        class Media:
            js = ["articles/js/language-picker.js"]
            css = {"all": ["articles/css/language-picker.css"]}

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            statuses = language_statuses(page)
            default = page.primary_language() if page.pk else settings.LANGUAGE_CODE
            context["picker"] = {
                "languages": [
                    {
                        "code": status.lang,
                        "name": language_name(status.lang),
                        "summary": status.summary,
                        "complete": status.complete,
                        "translated": status.translated,
                    }
                    for status in statuses
                ],
                "default": [default],
                "storageKey": f"cms.languagePicker.user.{self.request.user.pk}",
                "counters": counter_config(),
                "label": str(_("View / edit fields for")),
            }
            return context
