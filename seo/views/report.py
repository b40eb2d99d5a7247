"""The "SEO audit" report (Reports menu): every article in every language, from the stored table.

Rows come from ``SEOAuditResult`` (refreshed when pages are saved or published and by
``manage.py seo_audit_refresh``), limited to the pages the user may edit; only editors (users who
may add, edit or publish some page) can open it. Filters by language, status (score band),
translation, publication and score range; Wagtail's CSV/XLSX export.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

from django.db.models import F, QuerySet
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from seo.filters import SEOAuditFilterSet
from seo.messages import field_label
from seo.models import AuditStatus, SEOAuditResult, TranslationStatus
from seo.page_analysis import language_name
from seo.selectors import EDITOR_ACTIONS, audit_results_for_user


def translation_label(result: SEOAuditResult) -> str:
    if result.translation_status == TranslationStatus.INCOMPLETE:
        count = len(result.missing_fields)
        return str(_("%(count)s field(s) missing") % {"count": count})
    return str(result.get_translation_status_display())


class ExportRows:
    """A queryset read in chunks for Wagtail's export, which iterates what it is given.

    Iterating the queryset itself would keep every row (40,000 for 10,000 articles in four
    languages) in its result cache until the download ends; a chunked iterator holds one chunk.
    ``model`` is what the export reads besides the rows (for column headings).
    """

    CHUNK_SIZE = 2000

    def __init__(self, queryset: QuerySet[SEOAuditResult]) -> None:
        self.queryset = queryset
        self.model = queryset.model

    def __iter__(self) -> Iterator[SEOAuditResult]:
        return self.queryset.iterator(chunk_size=self.CHUNK_SIZE)


class ScoreColumn(Column):
    cell_template_name = "seo/reports/score_cell.html"

    class Media:
        css = {"all": ["seo/css/seo-admin.css"]}


class SEOAuditReportView(ReportView):
    page_title = _("SEO audit")
    header_icon = "search"
    index_url_name = "seo_audit_report"
    index_results_url_name = "seo_audit_report_results"
    results_template_name = "seo/reports/seo_audit_results.html"
    filterset_class = SEOAuditFilterSet
    any_permission_required = EDITOR_ACTIONS
    default_ordering = "score"
    export_filename = "seo-audit"
    verbose_name = _("SEO audit result")
    verbose_name_plural = _("SEO audit results")

    columns = [
        TitleColumn(
            "title",
            label=_("Article"),
            url_name="wagtailadmin_pages:edit",
            id_accessor="page_id",
            sort_key="title",
        ),
        Column("language", label=_("Language"), accessor="language_label", sort_key="lang"),
        ScoreColumn("score", label=_("Score"), sort_key="score"),
        Column(
            "problem_count",
            label=_("Problems"),
            accessor=lambda result: result.problem_count if result.is_translated else None,
            sort_key="problem_count",
        ),
        Column("focus_keyword", label=_("Focus keyword"), sort_key="focus_keyword"),
        Column("translation", label=_("Translation"), accessor=translation_label),
        StatusTagColumn(
            "publication",
            label=_("Page status"),
            accessor="publication_label",
            primary=lambda result: result.live,
            sort_key="live",
        ),
        DateColumn("updated_at", label=_("Analysed"), sort_key="updated_at"),
    ]

    list_export = [
        "page_id",
        "title",
        "lang",
        "score",
        "status",
        "problem_count",
        "focus_keyword",
        "translation_status",
        "missing_fields",
        "live",
        "edit_url",
        "updated_at",
    ]
    export_headings = {
        "page_id": _("Page ID"),
        "title": _("Title"),
        "lang": _("Language"),
        "score": _("Score"),
        "status": _("Status"),
        "problem_count": _("Problems"),
        "focus_keyword": _("Focus keyword"),
        "translation_status": _("Translation"),
        "missing_fields": _("Missing fields"),
        "live": _("Live"),
        "edit_url": _("Edit URL"),
        "updated_at": _("Analysed at"),
    }

    @cached_property
    def permission_policy(self) -> PagePermissionPolicy:
        # The view lists stored results, but who may see them is decided by page permissions.
        return PagePermissionPolicy(Page)

    def get_base_queryset(self) -> QuerySet[SEOAuditResult]:
        # The stored report JSON is the largest column and nothing here shows it.
        return audit_results_for_user(self.request.user).defer("report")

    def order_queryset(self, queryset: QuerySet[SEOAuditResult]) -> QuerySet[SEOAuditResult]:
        if not self.ordering:
            return queryset
        name = self.ordering.lstrip("-")
        field = (
            F(name).desc(nulls_last=True)
            if self.ordering.startswith("-")
            else F(name).asc(nulls_last=True)
        )
        # Untranslated rows have no score; they sort last either way, like an empty cell.
        return queryset.order_by(field, "title", "lang")

    def decorate_paginated_queryset(self, object_list: Any) -> Any:
        if self.is_export:
            # Every row, not a page: decorating would read them all before the first byte is
            # sent. ``to_row_dict`` adds what the export needs, row by row.
            return object_list
        for result in object_list:
            result.language_label = f"{language_name(result.lang)} ({result.lang})"
            result.publication_label = _("live") if result.live else _("draft")
            result.edit_url = self.request.build_absolute_uri(
                reverse("wagtailadmin_pages:edit", args=[result.page_id])
            )
        return object_list

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if self.is_export:
            # Wagtail builds the listing's context first, whose row count is ``len()`` of the
            # unpaginated queryset: every row read once before the export reads them again.
            # The export needs only the filtered, ordered rows.
            self.object_list = self.get_filtered_queryset()
            return self.as_spreadsheet(self.object_list, request.GET["export"])
        return super().get(request, *args, **kwargs)

    def as_spreadsheet(self, queryset: QuerySet[SEOAuditResult], spreadsheet_format: str) -> Any:
        return super().as_spreadsheet(ExportRows(queryset), spreadsheet_format)

    @cached_property
    def _export_labels(self) -> dict[str, str]:
        # Django's get_FOO_display() hashes every lazily translated choice on each call; an
        # export of 40,000 rows translates the same few labels once per request instead.
        return {
            str(value): str(label)
            for value, label in (*AuditStatus.choices, *TranslationStatus.choices)
        }

    @cached_property
    def _edit_url_parts(self) -> tuple[str, str]:
        # Edit URLs differ only by the page id: reversed once per request, not once per row.
        prefix, _, suffix = self.request.build_absolute_uri(
            reverse("wagtailadmin_pages:edit", args=[0])
        ).rpartition("/0/")
        return f"{prefix}/", f"/{suffix}"

    # Rows per piece of a streamed CSV export: one write per row was a fifth of its time.
    CSV_ROWS_PER_WRITE = 500

    def stream_csv(self, queryset: ExportRows) -> Iterator[str]:
        """Wagtail's CSV export, the same bytes, from plain rows instead of model instances.

        Wagtail builds an instance, a row dict and a look-up of its cell preprocessing for
        every row: 80 µs a row, 3.2 s for 40,000 (docs/performance.md, admin at scale). Rows
        are ``_export_row``'s, as in the XLSX export, written as Wagtail's CSV writer writes
        them: its ``force_str(strings_only=True)`` leaves numbers, booleans, datetimes and None
        to the csv module, as here. tests/seo/admin/test_report.py pins both exports to
        Wagtail's own, byte for byte."""
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow([self.get_heading(queryset, field) for field in self.list_export])
        yield self._drain(buffer)
        columns = self._stored_export_fields
        rows = queryset.queryset.values_list(*columns).iterator(chunk_size=ExportRows.CHUNK_SIZE)
        for count, values in enumerate(rows, 1):
            writer.writerow(self._export_row(dict(zip(columns, values, strict=True))).values())
            if count % self.CSV_ROWS_PER_WRITE == 0:
                yield self._drain(buffer)
        yield self._drain(buffer)

    @staticmethod
    def _drain(buffer: io.StringIO) -> str:
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    @cached_property
    def _stored_export_fields(self) -> list[str]:
        # Every exported field is a column of the stored row but the edit URL.
        return [field for field in self.list_export if field != "edit_url"]

    def to_row_dict(self, item: SEOAuditResult) -> dict[str, Any]:
        return self._export_row(
            {field: getattr(item, field) for field in self._stored_export_fields}
        )

    def _export_row(self, stored: dict[str, Any]) -> dict[str, Any]:
        """A row of either export, in ``list_export``'s order, from the stored values."""
        prefix, suffix = self._edit_url_parts
        labels = self._export_labels
        cells = {
            **stored,
            "edit_url": f"{prefix}{stored['page_id']}{suffix}",
            # Labels in the editor's language ("Section 2 heading"), not field paths.
            "missing_fields": ", ".join(map(field_label, stored["missing_fields"])),
            "status": labels.get(stored["status"], stored["status"]),
            "translation_status": labels.get(
                stored["translation_status"], stored["translation_status"]
            ),
        }
        return {field: cells[field] for field in self.list_export}
