"""The SEO panel of the page editor: the engine's verdict on the page in every language.

Add it to a page type's edit handler, e.g. as its own tab:
``ObjectList([SEOPanel()], heading="SEO")``. The page type must implement
``seo.protocol.SEOSubject``. The panel analyses the object the edit view edits, which Wagtail
loads from the latest revision, so it shows the draft rather than the live page; its "Analyse
current content" button re-analyses the unsaved form (``seo.views.analysis``), and so does every
successful autosave.
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.functional import cached_property
from wagtail.admin.panels import Panel
from wagtail.models import Page

from seo.page_analysis import LanguageAnalysis, analyse_page
from seo.protocol import SEOSubject


class SEOPanel(Panel):
    """Score, checks, keyword coverage and a search result preview per configured language."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "seo/panels/seo_panel.html"

        class Media:
            css = {"all": ["seo/css/seo-admin.css"]}
            js = ["seo/js/seo-panel.js"]

        @cached_property
        def is_saved(self) -> bool:
            return bool(self.instance is not None and self.instance.pk)

        @cached_property
        def page(self) -> Any:
            """The edited object; after a rejected save, the saved latest revision again.

            The edit view renders a bound form only when the submitted content was not saved
            (a valid save redirects). Validation has copied the submitted values into the
            instance, but not its inline children, so analysing it would mix both versions.
            """
            if self.form is not None and self.form.is_bound:
                return Page.objects.get(pk=self.instance.pk).get_latest_revision_as_object()
            return self.instance

        @cached_property
        def analyses(self) -> list[LanguageAnalysis]:
            if not self.is_saved or not isinstance(self.page, SEOSubject):
                return []
            return analyse_page(self.page)

        def get_context_data(self, parent_context: Any = None) -> dict[str, Any]:
            context = super().get_context_data(parent_context)
            context["analyses"] = self.analyses
            context["is_saved"] = self.is_saved
            # The search preview's device (desktop / mobile) is remembered per user.
            user = getattr(self.request, "user", None)
            context["device_storage_key"] = f"seo.serpDevice.user.{getattr(user, 'pk', '')}"
            if self.is_saved:
                page = self.page
                context["source"] = "draft" if page.has_unpublished_changes else "live"
                context["saved_at"] = page.latest_revision_created_at
                context["analysis_url"] = reverse("seo_page_analysis", args=[page.pk])
            return context
