"""The SEO tab of the article editor, through the real admin and a logged-in editor."""

from __future__ import annotations

import html as html_lib

import pytest
from django.conf import settings

from articles.models import ArticlePage
from seo.audit import audit_page
from seo.engine import CHECK_IDS
from tests.admin_forms import read_form
from tests.seo.admin.conftest import (
    description_with,
    edit_url,
    focus_term,
    language_section,
    panel_scores,
)

pytestmark = pytest.mark.django_db

TRANSLATED = ("de", "en")


def latest_draft(page) -> ArticlePage:
    return ArticlePage.objects.get(pk=page.pk).get_latest_revision_as_object()


def save_draft(client, page, changes: dict[str, str]) -> None:
    fields = read_form(client.get(edit_url(page)).content.decode())
    fields.update(changes)
    response = client.post(edit_url(page), fields)
    assert response.status_code == 302, response.context and response.context["form"].errors


def test_seo_tab_lists_every_configured_language(editor_client, bilingual_article):
    response = editor_client.get(edit_url(bilingual_article))

    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="tab-label-seo"' in html
    assert list(panel_scores(html)) == list(settings.MODELTRANSLATION_LANGUAGES)


def test_panel_shows_the_score_of_the_saved_draft_not_of_the_live_page(
    editor_client, bilingual_article
):
    live_scores = {lang: audit_page(bilingual_article, lang).score for lang in TRANSLATED}
    save_draft(
        editor_client,
        bilingual_article,
        {
            f"search_description_{lang}": description_with(focus_term(bilingual_article, lang))
            for lang in TRANSLATED
        },
    )
    draft = latest_draft(bilingual_article)
    draft_scores = {lang: audit_page(draft, lang).score for lang in TRANSLATED}

    html = editor_client.get(edit_url(bilingual_article)).content.decode()

    scores = panel_scores(html)
    for lang in TRANSLATED:
        assert draft_scores[lang] != live_scores[lang], "the draft must change the score"
        assert scores[lang] == draft_scores[lang]
    assert "Analysis of the latest draft" in html
    bilingual_article.refresh_from_db()
    assert all(
        audit_page(bilingual_article, lang).score == live_scores[lang] for lang in TRANSLATED
    )


@pytest.mark.parametrize("lang", TRANSLATED)
def test_panel_lists_every_check_with_its_status_and_message(
    editor_client, bilingual_article, lang
):
    report = audit_page(latest_draft(bilingual_article), lang)

    section = language_section(
        editor_client.get(edit_url(bilingual_article)).content.decode(), lang
    )

    for check in report.checks:
        assert f'data-seo-check="{check.id}" data-seo-check-status="{check.status}"' in section
        assert html_lib.escape(check.message) in section
    assert {check.id for check in report.checks} == set(CHECK_IDS)


@pytest.mark.parametrize("lang", TRANSLATED)
def test_panel_shows_where_each_keyword_was_found_and_how(editor_client, bilingual_article, lang):
    report = audit_page(latest_draft(bilingual_article), lang)

    section = language_section(
        editor_client.get(edit_url(bilingual_article)).content.decode(), lang
    )

    assert report.keywords, "the article has keywords"
    for keyword in report.keywords:
        assert f'data-seo-keyword="{html_lib.escape(keyword.term)}"' in section
        row = section[section.index(f'data-seo-keyword="{html_lib.escape(keyword.term)}"') :]
        row = row[: row.index("</tr>")]
        # full / partial / missing, never a green "0 times" for a partial-only keyword
        assert f'data-seo-keyword-status="{keyword.status}"' in row
        if keyword.status == "partial":
            assert "Only inside longer words" in row and "0 times" not in row
        for location, kinds in keyword.counts_by_location().items():
            assert f'data-seo-place="{location}"' in row
            for kind, count in kinds.items():
                if count:
                    assert f"{count} {kind}" in row


def test_untranslated_languages_say_so_instead_of_scoring(editor_client, bilingual_article):
    html = editor_client.get(edit_url(bilingual_article)).content.decode()

    untranslated = [lang for lang in settings.MODELTRANSLATION_LANGUAGES if lang not in TRANSLATED]
    scores = panel_scores(html)
    for lang in untranslated:
        assert scores[lang] is None
        assert "Not translated into" in language_section(html, lang)


@pytest.mark.parametrize("lang", TRANSLATED)
def test_search_preview_cuts_a_long_title_by_pixel_width(editor_client, bilingual_article, lang):
    long_title = "Wide words " * 12
    save_draft(editor_client, bilingual_article, {f"seo_title_{lang}": long_title.strip()})
    draft = latest_draft(bilingual_article)
    title_check = audit_page(draft, lang).check("title_length")

    section = language_section(
        editor_client.get(edit_url(bilingual_article)).content.decode(), lang
    )

    assert title_check.details["truncated"]
    preview_title = section.split("data-seo-serp-title>", 1)[1].split("</div>", 1)[0]
    assert preview_title == html_lib.escape(title_check.details["visible_text"])
    assert preview_title.endswith("…")
    assert f"cut after {title_check.details['truncated_at']} characters" in section
    assert html_lib.escape(draft.seo_document(lang).url) in section


@pytest.mark.parametrize("lang", TRANSLATED)
def test_search_preview_shows_the_faq_questions(editor_client, bilingual_article, lang):
    document = latest_draft(bilingual_article).seo_document(lang)

    section = language_section(
        editor_client.get(edit_url(bilingual_article)).content.decode(), lang
    )

    preview = section.split("data-seo-serp>", 1)[1].split('class="seo-serp__notes"', 1)[0]
    shown = [faq.question for faq in document.faqs][:3]
    for question in shown:
        assert f"<summary>{html_lib.escape(question)}</summary>" in preview
    assert f"FAQ: {len(document.faqs)} questions in the FAQPage structured data" in section


def test_create_view_asks_for_a_draft_before_analysing(editor_client, article_index):
    response = editor_client.get(f"/admin/pages/add/articles/articlepage/{article_index.id}/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Save a draft to see how search engines would see this page" in html
    assert panel_scores(html) == {}


@pytest.mark.parametrize("published", [True, False], ids=["live page", "draft revision"])
def test_panel_analysis_query_count_does_not_grow_with_the_article(make_article, published):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from seo.page_analysis import analyse_page

    def queries_for(page) -> int:
        draft = ArticlePage.objects.get(pk=page.pk).get_latest_revision_as_object()
        with CaptureQueriesContext(connection) as captured:
            analyse_page(draft)
        return len(captured)

    small = make_article("de", publish=published, section_count=1, faq_count=1)
    large = make_article("de", publish=published, section_count=8, faq_count=8)

    assert queries_for(large) == queries_for(small)


def test_after_a_rejected_save_the_panel_shows_the_saved_draft(editor_client, bilingual_article):
    saved_scores = {lang: audit_page(bilingual_article, lang).score for lang in TRANSLATED}
    fields = read_form(editor_client.get(edit_url(bilingual_article)).content.decode())
    for lang in TRANSLATED:
        fields[f"search_description_{lang}"] = description_with(focus_term(bilingual_article, lang))
    fields["keywords-1-focus"] = "on"  # a second focus keyword: the save is rejected

    response = editor_client.post(edit_url(bilingual_article), fields)

    assert response.status_code == 200
    scores = panel_scores(response.content.decode())
    assert {lang: scores[lang] for lang in TRANSLATED} == saved_scores
