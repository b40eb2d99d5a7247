"""The SEO panel's refresh: analyse a page's latest draft, or the unsaved content of its form.

``POST`` takes the page edit form exactly as the browser would submit it and builds the page
from it without saving, as Wagtail's preview does (``form.save(commit=False)``); ``GET``
analyses the latest revision. Both answer with teleport templates for the panel
(``seo/panels/analysis_refresh.html``). Only users who may edit the page get an answer.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views import View
from wagtail.models import Page

from seo.page_analysis import analyse_page
from seo.protocol import SEOSubject

TEMPLATE = "seo/panels/analysis_refresh.html"


class PageAnalysisView(View):
    http_method_names = ["get", "post"]

    def dispatch(self, request: HttpRequest, page_id: int, *args: Any, **kwargs: Any):
        record = get_object_or_404(Page.objects.select_related("latest_revision"), pk=page_id)
        if not record.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        self.page = record.get_latest_revision_as_object()
        if not isinstance(self.page, SEOSubject):
            raise Http404("This page type has no SEO analysis.")
        return super().dispatch(request, page_id, *args, **kwargs)

    def render(self, context: dict[str, Any]) -> HttpResponse:
        return TemplateResponse(self.request, TEMPLATE, context)

    def get(self, request: HttpRequest, page_id: int) -> HttpResponse:
        return self.render(
            {
                "analyses": analyse_page(self.page),
                "source": "draft" if self.page.has_unpublished_changes else "live",
                "saved_at": self.page.latest_revision_created_at,
            }
        )

    def post(self, request: HttpRequest, page_id: int) -> HttpResponse:
        form_class = self.page.get_edit_handler().get_form_class()
        form = form_class(
            request.POST,
            instance=self.page,
            parent_page=self.page.get_parent().specific,
            for_user=request.user,
        )
        # Like saving a draft: required fields may still be empty while the editor works.
        form.defer_required_fields()
        if not form.is_valid():
            errors = len(form.errors) + sum(
                len(formset.non_form_errors()) + sum(1 for errors in formset.errors if errors)
                for formset in form.formsets.values()
            )
            return self.render({"analyses": [], "source": "invalid", "error_count": max(errors, 1)})
        page = form.save(commit=False)
        return self.render(
            {"analyses": analyse_page(page), "source": "form", "analysed_at": timezone.now()}
        )
