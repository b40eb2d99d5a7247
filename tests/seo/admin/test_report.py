"""The "SEO audit" report at /admin/reports/seo-audit/: listing, filters, export, permissions."""

from __future__ import annotations

import csv
import io
import re
import zipfile

import pytest
from django.conf import settings
from django.contrib.messages import ERROR, get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.admin.views.reports import ReportView

from seo.messages import field_label
from seo.models import AuditStatus, SEOAuditResult, TranslationStatus
from seo.views.report import SEOAuditReportView
from tests.shared_data import shared_data

pytestmark = pytest.mark.django_db

REPORT_URL = "/admin/reports/seo-audit/"
ROW_RE = re.compile(r"<tr[^>]*>(?P<row>.*?)</tr>", re.S)
EDIT_LINK_RE = re.compile(r'href="/admin/pages/(?P<page>\d+)/edit/"')
LANG_RE = re.compile(r"\((?P<lang>[a-z]{2})\)")


def report_rows(html: str) -> list[tuple[int, str]]:
    """(page id, language) of every row of the report's table, in order."""
    listing = html.split('id="listing-results"', 1)[-1]
    if '<table class="listing">' not in listing:
        return []
    body = listing.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    rows = []
    for match in ROW_RE.finditer(body):
        link = EDIT_LINK_RE.search(match["row"])
        lang = LANG_RE.search(match["row"])
        rows.append((int(link["page"]), lang["lang"]))
    return rows


@shared_data
def three_articles(build):
    """Three German/English articles whose stored scores are set to one per status band."""
    from tests.factories import ArticleContentFactory

    pages = [
        build.article("de", translations={"en": ArticleContentFactory(lang_tag="en")})
        for _ in range(3)
    ]
    for page, score in zip(pages, (92, 64, 21), strict=True):
        SEOAuditResult.objects.filter(page=page, score__isnull=False).update(
            score=score, status=AuditStatus.for_score(score)
        )
    return pages


def expected_rows(**lookups) -> set[tuple[int, str]]:
    return set(SEOAuditResult.objects.filter(**lookups).values_list("page_id", "lang"))


def test_report_lists_every_article_in_every_language_with_edit_links(
    editor_client, bilingual_article
):
    response = editor_client.get(REPORT_URL)

    assert response.status_code == 200
    html = response.content.decode()
    rows = report_rows(html)
    assert set(rows) == {
        (bilingual_article.pk, lang) for lang in settings.MODELTRANSLATION_LANGUAGES
    }
    result = SEOAuditResult.objects.get(page=bilingual_article, lang="en")
    assert result.focus_keyword in html
    assert f"<strong>{result.score}</strong>" in html


def test_report_sorts_the_weakest_first_and_untranslated_last(editor_client, three_articles):
    rows = report_rows(editor_client.get(REPORT_URL).content.decode())

    scores = [
        SEOAuditResult.objects.get(page_id=page_id, lang=lang).score for page_id, lang in rows
    ]
    scored = [score for score in scores if score is not None]
    assert scored == sorted(scored)
    assert scores[len(scored) :] == [None] * (len(scores) - len(scored))


@pytest.mark.parametrize("lang", ["de", "en", "nl"])
def test_language_filter(editor_client, three_articles, lang):
    rows = report_rows(editor_client.get(REPORT_URL, {"lang": lang}).content.decode())

    assert set(rows) == expected_rows(lang=lang)
    assert len(rows) == 3


@pytest.mark.parametrize("status", [AuditStatus.GOOD, AuditStatus.OK, AuditStatus.PROBLEM])
def test_status_filter(editor_client, three_articles, status):
    rows = report_rows(editor_client.get(REPORT_URL, {"status": status}).content.decode())

    assert set(rows) == expected_rows(status=status)
    assert len(rows) == 2  # the article's German and English rows


@pytest.mark.parametrize(
    ("minimum", "maximum"), [("50", "100"), ("0", "30"), ("60", "70"), ("", "64"), ("93", "")]
)
def test_score_range_filter(editor_client, three_articles, minimum, maximum):
    response = editor_client.get(REPORT_URL, {"score_min": minimum, "score_max": maximum})

    lookups = {}
    if minimum:
        lookups["score__gte"] = int(minimum)
    if maximum:
        lookups["score__lte"] = int(maximum)
    assert set(report_rows(response.content.decode())) == expected_rows(**lookups)


def test_translation_filter_finds_the_missing_languages(editor_client, three_articles):
    response = editor_client.get(REPORT_URL, {"translation_status": TranslationStatus.MISSING})

    rows = report_rows(response.content.decode())
    assert set(rows) == expected_rows(translation_status=TranslationStatus.MISSING)
    assert {lang for _page, lang in rows} == set(settings.MODELTRANSLATION_LANGUAGES) - {"de", "en"}


def test_filters_combine(editor_client, three_articles):
    response = editor_client.get(REPORT_URL, {"lang": "en", "status": AuditStatus.PROBLEM})

    assert report_rows(response.content.decode()) == [(three_articles[2].pk, "en")]


def test_results_endpoint_answers_the_filter_form(editor_client, three_articles):
    response = editor_client.get(REPORT_URL + "results/", {"lang": "de", "score_min": "60"})

    assert response.status_code == 200
    assert set(report_rows(response.content.decode())) == expected_rows(lang="de", score__gte=60)


def test_csv_export_has_one_line_per_row_with_the_filters_applied(editor_client, three_articles):
    response = editor_client.get(REPORT_URL, {"export": "csv", "lang": "en"})

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv"
    header, *lines = csv.reader(io.StringIO(b"".join(response.streaming_content).decode()))
    columns = SEOAuditReportView.list_export
    assert len(header) == len(columns)
    by_page = {int(line[0]): dict(zip(columns, line, strict=True)) for line in lines}
    assert set(by_page) == {page.pk for page in three_articles}
    for page in three_articles:
        result = SEOAuditResult.objects.get(page=page, lang="en")
        line = by_page[page.pk]
        assert line["lang"] == "en"
        assert line["title"] == result.title
        assert line["score"] == str(result.score)
        assert line["problem_count"] == str(result.problem_count)
        assert line["focus_keyword"] == result.focus_keyword
        assert line["edit_url"] == f"http://testserver/admin/pages/{page.pk}/edit/"


def test_csv_export_names_missing_fields_by_label_not_path(editor_client, three_articles):
    page = three_articles[0]
    SEOAuditResult.objects.filter(page=page, lang="en").update(
        missing_fields=["sections[1].heading", "intro"]
    )
    response = editor_client.get(REPORT_URL, {"export": "csv", "lang": "en"})
    _header, *lines = csv.reader(io.StringIO(b"".join(response.streaming_content).decode()))
    columns = SEOAuditReportView.list_export
    line = next(dict(zip(columns, row, strict=True)) for row in lines if int(row[0]) == page.pk)
    assert "sections[" not in line["missing_fields"]
    assert line["missing_fields"] in (
        "Section 2 heading, Intro",
        "Abschnitt 2, Überschrift, Einleitung",
    )


def test_xlsx_export_has_a_row_per_stored_result(editor_client, three_articles):
    from openpyxl import load_workbook

    response = editor_client.get(REPORT_URL, {"export": "xlsx"})

    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    page_ids = [row[0] for row in workbook.active.iter_rows(min_row=2, values_only=True)]
    assert sorted(page_ids) == sorted(SEOAuditResult.objects.values_list("page_id", flat=True))


def test_report_is_in_the_reports_menu_for_editors(editor_client, bilingual_article):
    html = editor_client.get("/admin/").content.decode()

    assert REPORT_URL in html


def test_user_without_page_permissions_is_turned_away(admin_only_client, bilingual_article):
    response = admin_only_client.get(REPORT_URL)

    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert [message.level for message in get_messages(response.wsgi_request)] == [ERROR]
    xhr = admin_only_client.get(
        REPORT_URL + "results/", headers={"x-requested-with": "XMLHttpRequest"}
    )
    assert xhr.status_code == 403
    export = admin_only_client.get(REPORT_URL, {"export": "csv"})
    assert export.status_code == 302


def test_anonymous_user_is_sent_to_the_login(client, bilingual_article):
    response = client.get(REPORT_URL, {"export": "csv"})

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_editor_with_rights_on_one_section_sees_only_its_articles(
    client, make_article, article_index
):
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission

    from articles.services import article_index_get_or_create
    from tests.factories import UserFactory

    other_index, _created = article_index_get_or_create(slug="news", titles={"de": "Neues"})
    visible = make_article("de", parent=other_index)
    hidden = make_article("de")
    group = Group.objects.create(name="News editors")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=group, page=other_index, permission=Permission.objects.get(codename="change_page")
    )
    user = UserFactory(username="news-editor")
    user.groups.add(group)
    client.force_login(user)

    rows = report_rows(client.get(REPORT_URL).content.decode())

    assert {page_id for page_id, _lang in rows} == {visible.pk}
    assert hidden.pk not in {page_id for page_id, _lang in rows}


def _plain_export(view, queryset, spreadsheet_format):
    """Wagtail's export over the queryset itself, without ``ExportRows``."""
    return SpreadsheetExportMixin.as_spreadsheet(view, queryset, spreadsheet_format)


def _plain_row(view, item):
    item.edit_url = view.request.build_absolute_uri(
        reverse("wagtailadmin_pages:edit", args=[item.page_id])
    )
    row = SpreadsheetExportMixin.to_row_dict(view, item)
    row["missing_fields"] = ", ".join(field_label(path) for path in item.missing_fields)
    row["status"] = item.get_status_display()
    row["translation_status"] = item.get_translation_status_display()
    return row


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_export_in_chunks_writes_the_same_bytes_as_the_plain_export(
    editor_client, three_articles, monkeypatch, export_format
):
    def body(response) -> bytes:
        return b"".join(response.streaming_content)

    SEOAuditResult.objects.filter(lang="en").update(missing_fields=["intro", "faqs.0.answer"])
    # Every kind of cell: untranslated rows (no score), a draft, quoting in a title.
    SEOAuditResult.objects.filter(pk=SEOAuditResult.objects.order_by("pk")[0].pk).update(
        live=False, title='Ein "Titel", zwei\nZeilen'
    )
    query = {"export": export_format, "ordering": "title"}
    monkeypatch.setattr(SEOAuditReportView, "CSV_ROWS_PER_WRITE", 5)  # 12 rows in 3 pieces
    chunked = body(editor_client.get(REPORT_URL, query))
    # Wagtail's path: the listing's context first, the queryset itself, display methods and
    # reverse() per row.
    monkeypatch.setattr(SEOAuditReportView, "get", ReportView.get)
    monkeypatch.setattr(SEOAuditReportView, "as_spreadsheet", _plain_export)
    monkeypatch.setattr(SEOAuditReportView, "to_row_dict", _plain_row)
    monkeypatch.setattr(SEOAuditReportView, "stream_csv", SpreadsheetExportMixin.stream_csv)
    plain = body(editor_client.get(REPORT_URL, query))

    if export_format == "xlsx":  # a zip: compare the sheets, not the archive's timestamps
        chunked, plain = (_sheet(data) for data in (chunked, plain))
    assert chunked == plain
    assert len(chunked) > 100
    if export_format == "csv":
        assert chunked.count(b"\r\n") == 1 + 12  # the title's own line break is quoted "\n"


def _sheet(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read("xl/worksheets/sheet1.xml")


def test_csv_export_costs_the_same_queries_for_more_articles(
    editor_client, make_article, django_assert_max_num_queries
):
    def export_queries() -> int:
        with CaptureQueriesContext(connection) as context:
            response = editor_client.get(REPORT_URL, {"export": "csv"})
            b"".join(response.streaming_content)
        return len(context.captured_queries)

    make_article()
    one = export_queries()
    for _ in range(4):
        make_article()
    five = export_queries()

    assert SEOAuditResult.objects.count() == 5 * len(settings.MODELTRANSLATION_LANGUAGES)
    assert five == one
    with django_assert_max_num_queries(one):
        b"".join(editor_client.get(REPORT_URL, {"export": "csv"}).streaming_content)
