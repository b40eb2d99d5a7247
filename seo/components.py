"""The SEO panel of the Wagtail dashboard: average score per language, the weakest articles."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from wagtail.admin.ui.components import Component

from seo.selectors import audit_results_for_user, average_scores, weakest_articles

WEAKEST_SHOWN = 5


class SEODashboardPanel(Component):
    """Read from the stored audit table, limited to the pages the user may edit."""

    name = "seo_audit"
    template_name = "seo/dashboard/seo_panel.html"
    # After Wagtail's own panels (workflow 100-200, recent edits 250, locked pages 300).
    order = 350

    class Media:
        css = {"all": ["seo/css/seo-admin.css"]}

    def __init__(self, user: AbstractBaseUser) -> None:
        self.user = user

    def get_context_data(self, parent_context: Any = None) -> dict[str, Any]:
        context = super().get_context_data(parent_context)
        results = audit_results_for_user(self.user).defer("report")
        context["averages"] = average_scores(results)
        context["weakest"] = weakest_articles(results, WEAKEST_SHOWN)
        context["weakest_shown"] = WEAKEST_SHOWN
        return context
