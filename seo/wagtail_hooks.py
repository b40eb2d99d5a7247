"""Admin integration for the SEO app: keywords as snippets, the SEO audit report, the dashboard
panel and the page analysis behind the editor's SEO panel (``seo.panels.SEOPanel``)."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Page
from wagtail.snippets.models import register_snippet

from seo.components import SEODashboardPanel
from seo.keyword_admin import KeywordViewSet
from seo.selectors import user_is_editor
from seo.tasks import schedule_page_audit_refresh
from seo.views.analysis import PageAnalysisView
from seo.views.report import SEOAuditReportView

register_snippet(KeywordViewSet)


# The SEO audit: the page analysis the editor's SEO panel refreshes from, the report, the
# dashboard panel, and keeping the stored results in step with pages saved in the admin.


@hooks.register("register_admin_urls")
def register_seo_admin_urls() -> list:
    return [
        path("reports/seo-audit/", SEOAuditReportView.as_view(), name="seo_audit_report"),
        path(
            "reports/seo-audit/results/",
            SEOAuditReportView.as_view(results_only=True),
            name="seo_audit_report_results",
        ),
        path(
            "seo/pages/<int:page_id>/analysis/",
            PageAnalysisView.as_view(),
            name="seo_page_analysis",
        ),
    ]


class SEOAuditMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return user_is_editor(request.user)


@hooks.register("register_reports_menu_item")
def register_seo_audit_menu_item() -> MenuItem:
    return SEOAuditMenuItem(
        _("SEO audit"),
        reverse("seo_audit_report"),
        name="seo-audit",
        icon_name="search",
        order=1300,
    )


@hooks.register("construct_homepage_panels")
def add_seo_dashboard_panel(request: HttpRequest, panels: list) -> None:
    if user_is_editor(request.user):
        panels.append(SEODashboardPanel(request.user))


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def refresh_seo_audit_after_save(request: HttpRequest, page: Page) -> None:
    # Also runs on every autosave; the refresh is a task so a queue backend takes it off the
    # request. Publishing is covered by the page_published signal (seo/signal_handlers.py).
    schedule_page_audit_refresh(page)


@hooks.register("after_copy_page")
def refresh_seo_audit_after_copy(request: HttpRequest, page: Page, new_page: Page) -> None:
    schedule_page_audit_refresh(new_page)
