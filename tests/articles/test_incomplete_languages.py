"""One article, one honest document per language: the seed (German) with an English translation
of only 2 of its 6 sections and 2 of its 5 FAQs, under both CMS_INCOMPLETE_LANGUAGES policies.

The English text is our own (tests/fixtures/translations/seed_partial.en.txt); the seed is read
from ../shared/seeds and the tests that need it are skipped where it is absent.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from articles.completeness import completeness_by_language, language_completeness
from articles.content import FAQContent
from articles.importing import ImportOptions, import_article
from articles.models import ArticlePage
from articles.services import article_completeness_refresh
from tests import seed
from tests.articles.api.conftest import article_content
from tests.articles.api.test_query_counts import DETAIL_BUDGET, LIST_BUDGET, SEARCH_BUDGET
from tests.shared_data import shared_data

pytestmark = pytest.mark.django_db

PARTIAL_ENGLISH = (
    Path(__file__).resolve().parent.parent / "fixtures" / "translations" / "seed_partial.en.txt"
)
EN_SLUG = "can-back-pain-really-start-in-the-gut"
POLICIES = ("hide", "fallback")


@pytest.fixture(autouse=True)
def _uncached(settings, monkeypatch):
    # Both policies in one process: no response may come from the other policy's cache.
    settings.API_RESPONSE_CACHE_TIMEOUT = 0
    from articles.cache import CacheState

    monkeypatch.setattr(
        "articles.api.caching.current_state", lambda: CacheState(1, 0, next_change=None)
    )


def import_seed(index) -> ArticlePage:
    """The seed article imported and published (skipped without the seed)."""
    report = import_article(
        seed.seed_text(), source="000_seed.txt", options=ImportOptions(parent=index, publish=True)
    )
    assert report.page_id is not None and not report.held, report
    return ArticlePage.objects.get(pk=report.page_id)


@shared_data
def seed_article(build) -> ArticlePage:
    return import_seed(build.index)


def import_partial_english(page: ArticlePage, **options) -> object:
    return import_article(
        PARTIAL_ENGLISH.read_bytes(),
        source=str(PARTIAL_ENGLISH),
        options=ImportOptions(parent=page.get_parent().specific, translation_of=page, **options),
    )


@shared_data
def partly_english(build) -> ArticlePage:
    """The seed, published with its partial English translation (--allow-incomplete)."""
    seed_article = import_seed(build.index)
    report = import_partial_english(seed_article, publish=True, allow_incomplete=True)
    assert not report.held and report.outcome == "updated", report
    seed_article.refresh_from_db()
    return seed_article


def use_policy(settings, policy: str) -> None:
    settings.CMS_INCOMPLETE_LANGUAGES = policy


# -- the rule --------------------------------------------------------------------------------


def row(**values):
    return SimpleNamespace(**values)


def test_completeness_names_missing_texts_by_label_and_position():
    page = row(
        title_de="T",
        title_en="T",
        slug_de="t",
        slug_en="t",
        intro_de="<p>I</p>",
        intro_en="<p> </p>",
        conclusion_de="",
        conclusion_en="",
        hero_image_alt_de="Bild",
        hero_image_alt_en="",
    )
    sections = [
        row(heading_de="A", heading_en="A", body_de="<p>a</p>", body_en="<p>a</p>"),
        row(heading_de="B", heading_en="", body_de="<p>b</p>", body_en="<p>b</p>"),
        row(heading_de="C", heading_en="C", body_de="<p>c</p>", body_en=None),
    ]
    faqs = [row(question_de="Q?", question_en="Q?", answer_de="<p>x</p>", answer_en="")]
    result = language_completeness(
        page, sections=sections, faqs=faqs, lang="en", reference="de", has_hero_image=True
    )
    assert result.complete is False
    assert result.labels == [
        "Intro",
        "Section 2 heading",
        "Section 3 text",
        "FAQ 1 answer",
        "Hero image alt text",
    ]
    assert result.fields[1] == "sections[1].heading"
    without_image = language_completeness(
        page, sections=sections, faqs=faqs, lang="en", reference="de", has_hero_image=False
    )
    assert "Hero image alt text" not in without_image.labels


def test_stored_completeness_follows_every_publish(make_article):
    english = article_content(slug="complete-en", sections=2)
    page = make_article(content=article_content(slug="komplett", sections=2), translations={})
    assert (page.translation_complete_de, page.translation_complete_en) == (True, False)
    from articles.services import article_update_language

    page = article_update_language(page=page, lang="en", content=english, publish=True)
    assert page.translation_complete_en is True
    # A draft that breaks English does not change what is published...
    broken = article_content(slug="complete-en", sections=1)
    page = article_update_language(page=page, lang="en", content=broken, publish=False)
    assert page.translation_complete_en is True
    # ...publishing it does.
    page.get_latest_revision().publish()
    page.refresh_from_db()
    assert page.translation_complete_en is False
    assert completeness_by_language(page)["en"].labels == ["Section 2 heading", "Section 2 text"]


def test_refresh_fills_rows_without_a_stored_value(make_article):
    page = make_article(content=article_content(slug="alt"))
    ArticlePage.objects.filter(pk=page.pk).update(
        translation_complete_de=None, translation_complete_en=None
    )
    assert article_completeness_refresh() == 1
    page.refresh_from_db()
    assert (page.translation_complete_de, page.translation_complete_en) == (True, False)
    assert article_completeness_refresh() == 0  # idempotent


# -- import ------------------------------------------------------------------------------------


def test_publishing_an_incomplete_translation_is_held_back_as_a_draft(seed_article):
    report = import_partial_english(seed_article, publish=True)
    assert report.held is True
    labels = [hole.message for hole in report.holes]
    assert "Section 3 heading is missing in 'en'" in labels
    assert "FAQ 5 answer is missing in 'en'" in labels
    assert all(hole.line for hole in report.holes)  # each with the file's line
    # Nothing lost: the draft revision holds the English text; nothing English is public.
    live = ArticlePage.objects.get(pk=seed_article.pk)
    assert not live.title_en and live.has_unpublished_changes
    assert live.get_latest_revision_as_object().slug_en == EN_SLUG
    mismatches = [d for d in report.diagnostics if d.code == "sections-count-mismatch"]
    assert len(mismatches) == 1
    assert "6 sections in 'de', this file 2" in mismatches[0].message
    assert "section 3 (" in mismatches[0].message and "section 6 (" in mismatches[0].message


def test_dry_run_reports_the_same_holes_and_writes_nothing(seed_article):
    report = import_partial_english(seed_article, publish=True, dry_run=True)
    assert report.held is True and len(report.holes) == 14
    assert not ArticlePage.objects.get(pk=seed_article.pk).has_unpublished_changes


def test_import_command_exits_1_with_each_reason_and_publishes_with_allow_incomplete(
    seed_article,
):
    out = io.StringIO()
    with pytest.raises(CommandError) as refused:
        call_command(
            "import_articles",
            str(PARTIAL_ENGLISH),
            "--translation-of",
            seed_article.slug_de,
            "--publish",
            stdout=out,
        )
    assert refused.value.returncode == 1
    text = out.getvalue()
    assert re.search(r"seed_partial\.en\.txt:\d+: error: Section 4 heading is missing", text)
    assert "1 held back as drafts" in text
    assert not ArticlePage.objects.get(pk=seed_article.pk).title_en

    out = io.StringIO()
    call_command(
        "import_articles",
        str(PARTIAL_ENGLISH),
        "--translation-of",
        seed_article.slug_de,
        "--publish",
        "--allow-incomplete",
        stdout=out,
    )
    assert "warning: Section 4 heading is missing" in out.getvalue()
    page = ArticlePage.objects.get(pk=seed_article.pk)
    assert page.slug_en == EN_SLUG and page.translation_complete_en is False


def test_question_without_answer_is_not_published(article_index):
    text = (
        "Wie lagert man Saatgut richtig?\n"
        "Saatgut hält länger, wenn es kühl und trocken liegt.\n"
        "Die richtige Dose\n"
        "Eine luftdichte Dose schützt vor Feuchtigkeit und Schädlingen.\n"
        "Fazit\n"
        "Kühl, trocken und dunkel: So bleibt Saatgut keimfähig.\n"
        "Fragen & Antworten\n"
        "F: Wie lange hält Saatgut?\n"
        "A: Meist zwei bis drei Jahre.\n"
        "F: Darf Saatgut in den Kühlschrank?\n"
        "Wichtige Schlüsselwörter\n"
        "- Saatgut lagern\n"
    )
    options = ImportOptions(parent=article_index, publish=True)
    report = import_article(text, source="saatgut.txt", options=options)
    assert report.held is True
    assert [(hole.line, hole.message) for hole in report.holes] == [
        (10, "FAQ 2 ('Darf Saatgut in den Kühlschrank?') has no answer")
    ]
    assert not ArticlePage.objects.get(pk=report.page_id).live


def test_forced_language_makes_the_slug_with_its_transliteration_and_says_so(article_index):
    german = (
        "Größe und Maße\nEin kurzer Text über Größen.\nAbschnitt\nNoch ein Satz.\nFazit\nEnde.\n"
    )
    report = import_article(
        german, source="x.txt", options=ImportOptions(parent=article_index, language="en")
    )
    assert report.slug == "grosse-und-masse"  # English rules: ö -> o, ß -> ss
    mismatch = [d for d in report.diagnostics if d.code == "language-mismatch"]
    assert mismatch and "the slug is 'grosse-und-masse' ('en' transliteration)" in str(mismatch[0])


# -- serving -----------------------------------------------------------------------------------


def api(client, url):
    response = client.get(url)
    return response, response.json()


def test_hidden_policy_keeps_the_incomplete_version_out_of_everything(
    client, settings, partly_english
):
    use_policy(settings, "hide")
    de_slug = partly_english.slug_de
    response, body = api(client, f"/api/v1/articles/{EN_SLUG}/?lang=en")
    assert response.status_code == 404 and body["error"]["code"] == "article_incomplete"
    assert "Bloating" not in response.content.decode()
    _, listing = api(client, "/api/v1/articles/?lang=en")
    assert EN_SLUG not in [item["slug"] for item in listing["results"]]
    _, search = api(client, "/api/v1/articles/?lang=en&search=back%20pain")
    assert search["count"] == 0
    _, sitemap = api(client, "/api/v1/sitemap/?lang=en")
    assert not [entry for entry in sitemap["results"] if EN_SLUG in entry["url"]]
    xml = client.get("/sitemap.xml").content.decode()
    assert de_slug in xml and EN_SLUG not in xml
    _, german = api(client, f"/api/v1/articles/{de_slug}/?lang=de")
    assert [link["lang"] for link in german["seo"]["alternates"]] == ["de", "x-default"]
    assert german["languages"] == ["de"]
    _, keywords = api(client, "/api/v1/keywords/?lang=en")
    assert "bloating" not in [item["term"] for item in keywords["results"]]


def test_fallback_policy_serves_it_flagged_noindex_and_without_foreign_claims(
    client, settings, partly_english
):
    use_policy(settings, "fallback")
    de_slug = partly_english.slug_de
    response, body = api(client, f"/api/v1/articles/{EN_SLUG}/?lang=en")
    assert response.status_code == 200
    assert body["complete"] is False
    assert body["seo"]["robots"] == "noindex, follow"
    assert {"field": "sections[2].heading", "label": "Section 3 heading"} in body["missing"]
    assert {"field": "sections[2].heading", "lang": "de"} in body["fallbacks"]
    assert body["sections"][0]["heading"] == "How the gut and the back are connected"
    assert len(body["sections"]) == 6 and len(body["faqs"]) == 5
    # No hreflang to the incomplete version, not even from itself.
    assert "en" not in [link["lang"] for link in body["seo"]["alternates"]]
    json_ld = {item["@type"]: item for item in body["seo"]["json_ld"]}
    assert "inLanguage" not in json_ld["BlogPosting"]
    assert [q["name"] for q in json_ld["FAQPage"]["mainEntity"]] == [
        "Can gut problems really cause back pain?",
        "Which signs point to the gut as the cause?",
    ]
    _, listing = api(client, "/api/v1/articles/?lang=en")
    item = next(item for item in listing["results"] if item["slug"] == EN_SLUG)
    assert item["complete"] is False
    _, search = api(client, "/api/v1/articles/?lang=en&search=back%20pain")
    assert [item["slug"] for item in search["results"]] == [EN_SLUG]
    _, sitemap = api(client, "/api/v1/sitemap/?lang=en")
    assert not [entry for entry in sitemap["results"] if EN_SLUG in entry["url"]]
    assert EN_SLUG not in client.get("/sitemap.xml").content.decode()
    _, german = api(client, f"/api/v1/articles/{de_slug}/?lang=de")
    assert [link["lang"] for link in german["seo"]["alternates"]] == ["de", "x-default"]
    _, keywords = api(client, "/api/v1/keywords/?lang=en")
    assert "bloating" in [item["term"] for item in keywords["results"]]


def test_fallback_without_any_translated_faq_has_no_faq_page(client, settings, make_article):
    use_policy(settings, "fallback")
    english = article_content(slug="no-faqs-en", faqs=0)
    make_article(content=article_content(slug="mit-faqs", faqs=2), translations={"en": english})
    _, body = api(client, "/api/v1/articles/no-faqs-en/?lang=en")
    assert len(body["faqs"]) == 2 and body["complete"] is False
    assert "FAQPage" not in [item["@type"] for item in body["seo"]["json_ld"]]


@pytest.mark.parametrize("policy", POLICIES)
def test_an_faq_with_an_empty_answer_or_question_is_never_served(
    client, settings, make_article, policy
):
    use_policy(settings, policy)
    content = article_content(slug="halbe-faqs", faqs=0)
    faqs = (
        FAQContent(question="Gibt es eine Antwort?", answer_html=""),
        FAQContent(question="Und hier?", answer_html="<p> </p>"),
        FAQContent(question="Vollständig?", answer_html="<p>Ja.</p>"),
    )
    make_article(content=content.__class__(**{**content.__dict__, "faqs": faqs}))
    _, body = api(client, "/api/v1/articles/halbe-faqs/?lang=de")
    assert body["faqs"] == [{"question": "Vollständig?", "answer": "<p>Ja.</p>"}]
    faq_page = next(item for item in body["seo"]["json_ld"] if item["@type"] == "FAQPage")
    assert [q["name"] for q in faq_page["mainEntity"]] == ["Vollständig?"]


@pytest.mark.parametrize("policy", POLICIES)
def test_list_and_detail_keep_their_query_budgets(
    client, settings, partly_english, make_article, policy, django_assert_max_num_queries
):
    use_policy(settings, policy)
    for n in range(5):
        make_article(
            content=article_content(slug=f"de-{n}"),
            translations={"en": article_content(slug=f"en-{n}")},
        )
    # The same as without incomplete versions (tests/articles/api/test_query_counts.py):
    # completeness is a column in the query, never computed per row.
    with django_assert_max_num_queries(LIST_BUDGET):
        assert client.get("/api/v1/articles/?lang=en").status_code == 200
    with django_assert_max_num_queries(SEARCH_BUDGET):
        assert client.get("/api/v1/articles/?lang=en&search=gut").status_code == 200
    with django_assert_max_num_queries(2):  # the total (the JSON sitemap paginates) + the rows
        assert client.get("/api/v1/sitemap/?lang=en").status_code == 200
    with django_assert_max_num_queries(DETAIL_BUDGET):
        expected = 404 if policy == "hide" else 200
        assert client.get(f"/api/v1/articles/{EN_SLUG}/?lang=en").status_code == expected


# -- audit = what is served --------------------------------------------------------------------


def audit(*args: str) -> dict:
    out = io.StringIO()
    call_command("seo_audit", "--format", "json", *args, stdout=out, stderr=io.StringIO())
    return json.loads(out.getvalue())


@pytest.mark.parametrize("policy", POLICIES)
def test_audit_judges_the_served_english_document_and_names_what_is_missing(
    client, settings, partly_english, policy
):
    use_policy(settings, policy)
    report = next(a for a in audit("--lang", "en")["articles"] if a["slug"] == EN_SLUG)
    checks = {check["id"]: check for check in report["checks"]}
    complete = checks["language_complete"]
    assert complete["status"] == "problem"
    assert "Section 3 heading" in complete["message"]  # the message names the first few
    assert "faqs[2].question" in complete["details"]["missing"]  # the details all of them
    assert complete["details"]["public"] is (policy == "fallback")
    if policy == "fallback":
        _, served = api(client, f"/api/v1/articles/{EN_SLUG}/?lang=en")
        assert checks["text_length"]["details"]["words"] == served["word_count"]
        assert "public with text of another language" in complete["message"]
    else:
        assert "not public" in complete["message"]
    # The served description is cut from the intro: judged, and said to be derived.
    assert checks["meta_description_length"]["details"]["derived"] is True
    assert "write one to control it" in checks["meta_description_length"]["message"]


def test_audit_of_the_complete_german_version_matches_the_served_word_count(client, partly_english):
    report = next(a for a in audit("--lang", "de")["articles"] if a["lang"] == "de")
    _, served = api(client, f"/api/v1/articles/{partly_english.slug_de}/?lang=de")
    checks = {check["id"]: check for check in report["checks"]}
    assert checks["text_length"]["details"]["words"] == served["word_count"]
    assert checks["language_complete"]["status"] == "good"
    # Other languages' gaps cost the German version nothing.
    assert checks["translation_completeness"].get("scored") is False


def test_site_audit_reports_translation_coverage_once(partly_english, make_article):
    make_article(content=article_content(slug="nur-deutsch"))
    site = audit()["site"]
    coverage = {
        (finding["lang"], finding["status"]): finding["message"]
        for finding in site
        if finding["id"] == "translation_coverage"
    }
    assert coverage[("en", "ok")] == "1 of 2 articles has no version in en."
    assert coverage[("en", "problem")] == "1 of 2 articles has an incomplete version in en."


@pytest.mark.parametrize("policy", POLICIES)
def test_rich_text_links_never_point_to_a_hidden_version(client, settings, make_article, policy):
    use_policy(settings, policy)
    target = make_article(
        content=article_content(slug="ziel", sections=2),
        translations={"en": article_content(slug="target", sections=1)},  # incomplete
    )

    def linking(n: int) -> str:
        return f'<p>See <a linktype="page" id="{target.pk}">this guide</a> ({n}).</p>'

    make_article(
        content=article_content(slug="quelle", body=linking),
        translations={"en": article_content(slug="source", body=linking)},
    )
    _, body = api(client, "/api/v1/articles/source/?lang=en")
    expected = "/de/blog/ziel/" if policy == "hide" else "/en/blog/target/"
    assert expected in body["sections"][0]["body"]


def test_translation_with_extra_sections_names_them_with_their_lines(make_article):
    page = make_article(content=article_content(slug="zwei-abschnitte", sections=2, faqs=1))
    text = (
        "Garden soil in two parts and one more\n"
        "An intro of our own.\n"
        "First part\n"
        "Text of the first part.\n"
        "Second part\n"
        "Text of the second part.\n"
        "Third part\n"
        "Text the original does not have.\n"
        "Conclusion\n"
        "The end.\n"
        "Questions & Answers\n"
        "Q: Question 0?\n"
        "A: Answer 0.\n"
    )
    report = import_article(
        text,
        source="extra.en.txt",
        options=ImportOptions(parent=page.get_parent().specific, translation_of=page),
    )
    mismatch = [d for d in report.diagnostics if d.code == "sections-count-mismatch"]
    assert len(mismatch) == 1 and mismatch[0].line == 7
    assert "this file 3: extra: section 3 (line 7)" in mismatch[0].message
    assert not report.holes  # a draft was asked for; nothing is held
