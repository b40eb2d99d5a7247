"""Each check, in every language: the well-formed sample article passes, and a document with
one deliberate flaw fails the check that should catch it."""

from __future__ import annotations

import dataclasses

import pytest

from seo.engine import (
    FAQInput,
    ImageInput,
    KeywordInput,
    LinkInput,
    SectionInput,
    analyse,
)

from .builders import LANGUAGES, SAMPLES, article, paragraphs, section_body

pytestmark = pytest.mark.parametrize("lang", LANGUAGES)


def check(document, check_id):
    return analyse(document).check(check_id)


def words_of(lang: str, count: int) -> str:
    """`count` words of the language's sample sentences, ending with a full stop."""
    text = " ".join(SAMPLES[lang]["sentences"]).replace(".", "")
    pool = [word for word in text.split() if "'" not in word]  # "l'eau" counts as two words
    return " ".join(pool[i % len(pool)] for i in range(count)) + "."


def test_sample_article_passes_every_check(lang):
    report = analyse(article(lang))
    assert {c.id: str(c.status) for c in report.checks if c.status != "good"} == {}
    assert report.score == 100


# --- keywords --------------------------------------------------------------------------------


def test_keyword_absent_from_text_is_a_coverage_problem(lang):
    document = article(lang)
    document = dataclasses.replace(
        document, keywords=(*document.keywords, KeywordInput("Quantencomputer"))
    )
    result = check(document, "keyword_coverage")
    assert result.status == "problem"
    assert result.details["not_found"] == ["Quantencomputer"]
    assert result.details["coverage"] == pytest.approx(2 / 3, abs=0.001)
    assert "Quantencomputer" in result.message


def test_duplicate_keyword_in_another_inflection_is_a_problem(lang):
    document = article(lang)
    variant = SAMPLES[lang]["variant"]
    document = dataclasses.replace(document, keywords=(*document.keywords, KeywordInput(variant)))
    result = check(document, "keyword_coverage")
    assert result.status == "problem"
    assert result.details["duplicates"] == [
        {"term": variant, "duplicate_of": SAMPLES[lang]["focus"]}
    ]


def test_no_focus_keyword_fails_focus_checks(lang):
    document = article(lang)
    document = dataclasses.replace(
        document, keywords=tuple(KeywordInput(k.term) for k in document.keywords)
    )
    report = analyse(document)
    for check_id in ("focus_keyword_in_title", "focus_keyword_in_intro", "keyword_density"):
        assert report.check(check_id).status == "problem"
        assert "focus keyword" in report.check(check_id).message


def test_focus_keyword_missing_from_title(lang):
    result = check(
        article(lang, title="Lorem ipsum dolor sit amet consectetur"), "focus_keyword_in_title"
    )
    assert result.status == "problem"
    assert SAMPLES[lang]["focus"] in result.message


def test_focus_keyword_late_in_title_is_ok(lang):
    title = "Lorem ipsum dolor sit amet, consectetur: " + SAMPLES[lang]["focus"]
    result = check(article(lang, title=title), "focus_keyword_in_title")
    assert result.status == "ok"
    assert result.details["position_share"] > 0.5


def test_seo_title_is_preferred_over_title(lang):
    result = check(article(lang, seo_title="Lorem ipsum dolor sit amet"), "focus_keyword_in_title")
    assert result.status == "problem" and result.details["field"] == "seo_title"


def test_missing_meta_description_fails_description_checks(lang):
    report = analyse(article(lang, meta_description=""))
    assert report.check("focus_keyword_in_description").status == "problem"
    assert report.check("meta_description_length").status == "problem"
    assert "meta description" in report.check("meta_description_length").message


def test_meta_description_without_focus_keyword(lang):
    meta = "Lorem ipsum " * 11
    result = check(article(lang, meta_description=meta), "focus_keyword_in_description")
    assert result.status == "problem"


def test_focus_keyword_only_late_in_intro_is_ok(lang):
    sample = SAMPLES[lang]
    intro = paragraphs(f"Lorem ipsum. Dolor sit amet. Consectetur. {sample['focus'].capitalize()}.")
    result = check(article(lang, intro_html=intro), "focus_keyword_in_intro")
    assert result.status == "ok"
    assert result.details["first_match_sentence"] == 4


def test_focus_keyword_absent_from_intro(lang):
    result = check(article(lang, intro_html=paragraphs("Lorem ipsum.")), "focus_keyword_in_intro")
    assert result.status == "problem"


def test_slug_with_part_of_focus_keyword_is_ok_and_suggests_a_slug(lang):
    focus_word = SAMPLES[lang]["slug"].split("-")[1]
    result = check(article(lang, slug=f"{focus_word}-tipps"), "focus_keyword_in_slug")
    assert result.status == "ok"
    assert SAMPLES[lang]["slug"].startswith(result.details["suggested_slug"])


def test_unrelated_slug_is_a_problem(lang):
    assert check(article(lang, slug="lorem-ipsum"), "focus_keyword_in_slug").status == "problem"


def test_focus_keyword_in_every_subheading_is_too_much(lang):
    focus = SAMPLES[lang]["focus"]
    document = article(lang)
    sections = tuple(
        SectionInput(f"{focus.capitalize()} {index}", s.body_html)
        for index, s in enumerate(document.sections)
    )
    result = check(dataclasses.replace(document, sections=sections), "focus_keyword_in_subheadings")
    assert result.status == "ok" and result.details["share"] == 1.0


def test_focus_keyword_in_no_subheading_is_a_problem(lang):
    document = article(lang)
    sections = tuple(
        SectionInput(f"Lorem {i}", s.body_html) for i, s in enumerate(document.sections)
    )
    result = check(dataclasses.replace(document, sections=sections), "focus_keyword_in_subheadings")
    assert result.status == "problem"


def test_keyword_stuffing_is_a_density_problem(lang):
    focus = SAMPLES[lang]["focus"].capitalize()
    document = article(lang)
    stuffed = SectionInput("Lorem", paragraphs(" ".join([f"{focus}."] * 40)))
    document = dataclasses.replace(document, sections=(*document.sections, stuffed))
    result = check(document, "keyword_density")
    assert result.status == "problem"
    assert result.details["density_percent"] > 3.0
    assert "stuffing" in result.message


def test_rare_focus_keyword_is_too_low_a_density(lang):
    """Below Yoast's recommended minimum the keyword is too rare: a problem, as in Yoast."""
    document = article(lang)
    filler = SectionInput("Lorem", paragraphs(words_of(lang, 120)) * 30)
    document = dataclasses.replace(document, sections=(*document.sections, filler))
    result = check(document, "keyword_density")
    assert result.status == "problem"
    assert 0 < result.details["density_percent"] < 0.5
    assert result.details["occurrences"] < result.details["min_occurrences"]


# --- lengths ---------------------------------------------------------------------------------


def test_title_wider_than_600_px_is_a_problem_with_truncation_point(lang):
    title = SAMPLES[lang]["title"] + " und noch viel mehr Text, der nicht mehr angezeigt wird"
    result = check(article(lang, title=title), "title_length")
    assert result.status == "problem"
    assert result.details["width_px"] > 600
    assert 0 < result.details["truncated_at"] < len(title)
    assert result.details["visible_text"].endswith("…")


def test_short_title_is_ok(lang):
    result = check(article(lang, title=SAMPLES[lang]["focus"]), "title_length")
    assert result.status == "ok" and result.details["chars"] < 30


@pytest.mark.parametrize(
    "length, status", [(100, "ok"), (140, "good"), (170, "ok"), (40, "problem"), (250, "problem")]
)
def test_meta_description_length_bands(lang, length, status):
    meta = (SAMPLES[lang]["meta"] + " ") * 3
    result = check(article(lang, meta_description=meta[:length].strip()), "meta_description_length")
    assert result.status == status


@pytest.mark.parametrize("words, status", [(120, "problem"), (275, "ok")])
def test_short_text_fails_text_length(lang, words, status):
    document = article(
        lang,
        sections=(SectionInput("Lorem", paragraphs(words_of(lang, words))),),
        intro_html="",
        conclusion_html="",
        faqs=(),
    )
    # the section heading ("Lorem") adds one word
    result = check(document, "text_length")
    assert result.details["words"] == words + 1
    assert result.status == status


@pytest.mark.parametrize("words, status", [(320, "ok"), (420, "problem")])
def test_long_text_without_heading_fails_section_length(lang, words, status):
    body = paragraphs(*[words_of(lang, 40)] * (words // 40))
    document = article(lang)
    document = dataclasses.replace(
        document, sections=(*document.sections, SectionInput("Lorem", body))
    )
    result = check(document, "section_length")
    assert result.status == status
    assert result.details["longest_path"] == f"sections[{len(document.sections) - 1}]"


def test_inner_heading_splits_a_long_section(lang):
    half = paragraphs(*[words_of(lang, 40)] * 5)
    body = half + "<h3>Zwischentitel</h3>" + half
    document = article(lang)
    document = dataclasses.replace(
        document, sections=(*document.sections, SectionInput("Lorem", body))
    )
    assert check(document, "section_length").status == "good"


@pytest.mark.parametrize("words, status", [(170, "ok"), (230, "problem")])
def test_long_paragraph_fails_paragraph_length(lang, words, status):
    result = check(article(lang, intro_html=paragraphs(words_of(lang, words))), "paragraph_length")
    assert result.status == status
    assert result.details["too_long"][0]["path"] == "intro"


# --- structure -------------------------------------------------------------------------------


def test_empty_and_duplicate_headings_are_problems(lang):
    document = article(lang)
    first = document.sections[0]
    sections = (*document.sections, SectionInput("", first.body_html), first)
    result = check(dataclasses.replace(document, sections=sections), "heading_structure")
    assert result.status == "problem"
    assert result.details["empty"] == [f"sections[{len(document.sections)}].heading"]
    assert result.details["duplicates"][0]["text"] == first.heading


def test_skipped_heading_level_is_ok_and_h1_in_body_is_a_problem(lang):
    document = article(lang)
    skipped = SectionInput("Lorem", "<h4>Ipsum</h4>" + section_body(lang, 0))
    result = check(
        dataclasses.replace(document, sections=(*document.sections, skipped)), "heading_structure"
    )
    assert result.status == "ok"
    h1 = SectionInput("Lorem", "<h1>Ipsum</h1>" + section_body(lang, 0))
    result = check(
        dataclasses.replace(document, sections=(*document.sections, h1)), "heading_structure"
    )
    assert result.status == "problem"


# --- FAQ -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "faq, issue",
    [
        (FAQInput("Lorem ipsum", "<p>Dolor.</p>"), "not_a_question"),
        (FAQInput("Lorem ipsum?", ""), "empty_answer"),
        (FAQInput("Lorem ipsum?", "<p><br></p>"), "markup_only_answer"),
        (FAQInput("", "<p>Dolor.</p>"), "answer_without_question"),
    ],
)
def test_incomplete_faq_pair_is_a_problem(lang, faq, issue):
    document = article(lang)
    document = dataclasses.replace(document, faqs=(*document.faqs, faq))
    result = check(document, "faq_structured_data")
    assert result.status == "problem"
    assert [i["issue"] for i in result.details["issues"]] == [issue]
    assert "government and health" in result.message


def test_duplicate_question_is_a_problem(lang):
    document = article(lang)
    document = dataclasses.replace(document, faqs=(*document.faqs, document.faqs[0]))
    result = check(document, "faq_structured_data")
    issues = [i["issue"] for i in result.details["issues"]]
    assert issues == ["duplicate_question", "duplicate_answer"]
    assert not result.details["jsonld_valid"]


def test_valid_faq_reports_valid_jsonld_and_the_rich_result_caveat(lang):
    result = check(article(lang), "faq_structured_data")
    assert result.status == "good"
    assert result.details["jsonld_valid"] and result.details["jsonld_questions"] == 2
    assert "government and health" in result.message


def test_missing_faq_is_a_problem(lang):
    assert check(article(lang, faqs=()), "faq_structured_data").status == "problem"


# --- readability -----------------------------------------------------------------------------

FORMULA_NAMES = {
    "en": "Flesch Reading Ease",
    "de": "Flesch-Amstad",
    "nl": "Flesch-Douma",
    "fr": "Kandel-Moles",
    "es": "Fernández-Huerta",
    "it": "Gulpease",
}


def test_readability_uses_the_language_formula_and_shows_its_inputs(lang):
    details = check(article(lang), "readability").details
    assert details["formula"] == FORMULA_NAMES[lang]
    for key in (
        "score",
        "words",
        "sentences",
        "syllables",
        "average_sentence_length",
        "long_sentence_share",
    ):
        assert details[key] is not None
    assert details["average_sentence_length"] == pytest.approx(
        details["words"] / details["sentences"], abs=0.01
    )


def test_run_on_sentences_hurt_readability_and_sentence_length(lang):
    run_on = ", ".join([words_of(lang, 30)[:-1]] * 4) + "."
    document = article(lang, intro_html=paragraphs(run_on), conclusion_html=paragraphs(run_on))
    bodies = tuple(SectionInput(s.heading, paragraphs(run_on)) for s in document.sections)
    document = dataclasses.replace(document, sections=bodies)
    result = check(document, "readability")
    if lang != "es":  # Fernández-Huerta's sentence term (sentences per 100 words) is tiny here
        assert result.status != "good"
    assert result.details["long_sentence_share"] > 0.25
    lengths = check(document, "sentence_length")
    assert lengths.status == "problem"
    assert lengths.details["highlights"][0]["field"] == "intro"


# --- links, translations, images -------------------------------------------------------------


def test_no_article_link_is_a_problem(lang):
    result = check(article(lang, links=()), "internal_links")
    assert result.status == "problem" and result.details["article_links"] == 0


def test_link_to_draft_is_a_problem(lang):
    document = article(lang)
    draft = LinkInput("/x/", "Entwurf", "intro", "page", "draft", 9)
    result = check(dataclasses.replace(document, links=(*document.links, draft)), "internal_links")
    assert result.status == "problem"
    assert result.details["broken"] == [
        {"href": "/x/", "text": "Entwurf", "location": "intro", "status": "draft"}
    ]


def test_link_to_itself_does_not_count(lang):
    self_link = LinkInput("/self/", "self", "intro", "article", "live", 1)
    assert check(article(lang, links=(self_link,)), "internal_links").status == "problem"


@pytest.mark.parametrize(
    "missing",
    [
        {"fr": ("intro",)},
        {"fr": ("intro",), "es": ("title",), "it": ("title",), "nl": ("faqs",)},
    ],
)
def test_missing_translations_are_listed_for_information_without_score(lang, missing):
    # Other languages' gaps are a site-level fact (site check translation_coverage), not a
    # fault of this version: listed, unscored.
    translations = {code: missing.get(code, ()) for code in LANGUAGES}
    result = check(article(lang, translations=translations), "translation_completeness")
    assert result.status == "good" and result.scored is False
    assert result.details["missing"] == {code: list(fields) for code, fields in missing.items()}
    assert result.message.startswith("For information (no score)")


def test_incomplete_version_is_a_problem_naming_the_missing_texts_and_hidden(lang):
    missing = ("sections[2].heading", "faqs[1].answer")
    document = article(lang, missing_texts=missing, incomplete_policy="hide")
    result = check(document, "language_complete")
    assert result.status == "problem"
    assert result.details["public"] is False
    assert "Section 3 heading, FAQ 2 answer" in result.message
    assert "not public" in result.message


def test_incomplete_version_served_with_fallback_says_it_is_public(lang):
    document = article(lang, missing_texts=("conclusion",), incomplete_policy="fallback")
    result = check(document, "language_complete")
    assert result.status == "problem" and result.details["public"] is True
    assert "public with text of another language" in result.message
    assert "Conclusion" in result.message


def test_complete_version_is_good(lang):
    assert check(article(lang), "language_complete").status == "good"


def test_image_without_alt_text_is_a_problem(lang):
    images = (ImageInput("/a.jpg", "Ein Teller", "intro"), ImageInput("/b.jpg", " ", "intro"))
    result = check(article(lang, images=images), "image_alt_text")
    assert result.status == "problem"
    assert result.details["missing_alt"] == [{"src": "/b.jpg", "location": "intro"}]
