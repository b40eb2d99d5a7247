"""The stored audit table follows pages as they are saved, published, copied and deleted."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import ArticlePage
from seo.audit import audit_page
from seo.audit_results import audit_results_refresh_all
from seo.engine import Status
from seo.models import AuditStatus, SEOAuditResult, TranslationStatus
from tests.admin_forms import read_form
from tests.seo.admin.conftest import description_with, edit_url, focus_term

pytestmark = pytest.mark.django_db

TRANSLATED = ("de", "en")


def stored(page) -> dict[str, SEOAuditResult]:
    return {result.lang: result for result in SEOAuditResult.objects.filter(page=page)}


def latest_draft(page) -> ArticlePage:
    return ArticlePage.objects.get(pk=page.pk).get_latest_revision_as_object()


def test_publishing_stores_one_row_per_configured_language(bilingual_article):
    rows = stored(bilingual_article)

    assert set(rows) == set(settings.MODELTRANSLATION_LANGUAGES)
    for lang in TRANSLATED:
        report = audit_page(bilingual_article, lang)
        assert rows[lang].score == report.score
        assert rows[lang].status == AuditStatus.for_score(report.score)
        assert rows[lang].problem_count == sum(
            1 for check in report.checks if check.status is Status.PROBLEM
        )
        assert rows[lang].focus_keyword == focus_term(bilingual_article, lang)
        assert rows[lang].report == report.to_dict()
        assert rows[lang].live
    for lang in set(settings.MODELTRANSLATION_LANGUAGES) - set(TRANSLATED):
        assert rows[lang].translation_status == TranslationStatus.MISSING
        assert rows[lang].score is None


@pytest.mark.parametrize("lang", TRANSLATED)
def test_saving_a_draft_in_the_admin_stores_the_drafts_score(
    editor_client, bilingual_article, lang
):
    fields = read_form(editor_client.get(edit_url(bilingual_article)).content.decode())
    fields[f"search_description_{lang}"] = description_with(focus_term(bilingual_article, lang))
    before = stored(bilingual_article)[lang].score

    editor_client.post(edit_url(bilingual_article), fields)

    expected = audit_page(latest_draft(bilingual_article), lang).score
    assert expected != before
    assert stored(bilingual_article)[lang].score == expected


def test_missing_translated_fields_make_a_language_incomplete(make_article):
    from tests.factories import ArticleContentFactory

    page = make_article(
        "de",
        section_count=3,
        translations={"en": ArticleContentFactory(lang_tag="en", section_count=1)},
    )

    rows = stored(page)

    assert rows["de"].translation_status == TranslationStatus.COMPLETE
    assert rows["en"].translation_status == TranslationStatus.INCOMPLETE
    assert "sections[1].heading" in rows["en"].missing_fields


def test_deleting_a_page_deletes_its_rows(bilingual_article):
    page_id = bilingual_article.pk

    bilingual_article.delete()

    assert not SEOAuditResult.objects.filter(page_id=page_id).exists()


def test_refresh_all_restores_rows_and_drops_rows_of_vanished_languages(bilingual_article):
    SEOAuditResult.objects.filter(page=bilingual_article, lang="de").delete()
    SEOAuditResult.objects.create(
        page=bilingual_article, lang="xx", translation_status=TranslationStatus.MISSING
    )

    audit_results_refresh_all()

    assert set(stored(bilingual_article)) == set(settings.MODELTRANSLATION_LANGUAGES)
    assert stored(bilingual_article)["de"].score == audit_page(bilingual_article, "de").score


def test_refresh_all_query_count_does_not_grow_with_the_number_of_pages(make_article):
    def queries_for_refresh() -> int:
        with CaptureQueriesContext(connection) as captured:
            audit_results_refresh_all(batch_size=50)
        return len(captured)

    for _ in range(2):
        make_article("de")
    with_two = queries_for_refresh()
    for _ in range(4):
        make_article("de")
    with_six = queries_for_refresh()

    assert with_six == with_two
    assert SEOAuditResult.objects.filter(score__isnull=False).count() == 6


def test_refresh_command_reports_what_it_stored(bilingual_article, capsys):
    SEOAuditResult.objects.all().delete()

    call_command("seo_audit_refresh", "--batch-size", "10")

    output = capsys.readouterr().out
    languages = len(settings.MODELTRANSLATION_LANGUAGES)
    assert f"Analysed 1 page: {languages} language rows stored" in output
    assert set(stored(bilingual_article)) == set(settings.MODELTRANSLATION_LANGUAGES)
