"""Issue 16, gap 5: false keyword matches, without losing the German compound/elision recall."""

from __future__ import annotations

import dataclasses

from seo.engine import KeywordInput, MatchKind, analyse, find_keyword_matches

from .builders import article, paragraphs

EXACT, INFLECTED, PARTIAL = MatchKind.EXACT, MatchKind.INFLECTED, MatchKind.PARTIAL


def matches_in(term: str, text: str, lang: str = "de"):
    return [(m.text, m.kind) for m in find_keyword_matches(term, {"body": text}, lang)]


def test_gutted_is_no_form_of_the_noun_gut():
    assert matches_in("gut", "The team was gutted after the match.", "en") == []


def test_plural_and_possessive_of_gut_still_match():
    found = matches_in("gut", "Your guts and the gut's lining matter.", "en")
    assert [text for text, _kind in found] == ["guts", "gut"]


def test_verb_forms_of_a_verb_phrase_keyword_still_match():
    found = matches_in("lose weight", "She is losing weight slowly.", "en")
    assert found == [("losing weight", INFLECTED)]


def test_darmstadt_is_no_partial_match_of_darm():
    assert matches_in("Darm", "Die Klinik liegt in Darmstadt.") == []


def test_real_compounds_of_darm_stay_partial_matches():
    assert matches_in("Darm", "Die Darmflora ist vielfältig.") == [("Darmflora", PARTIAL)]


def test_words_of_a_phrase_keyword_far_apart_in_a_sentence_are_no_match():
    text = (
        "Rückenschmerzen ist ein Thema, bei dem die komplexe Gemeinschaft aus Billionen von "
        "Bakterien in unserem Darm eine Rolle spielt."
    )
    assert matches_in("Rückenschmerzen durch den Darm", text) == []


def test_words_of_a_phrase_keyword_close_together_match():
    text = "Rückenschmerzen, insbesondere wie Störungen im Darm, sind häufig."
    assert matches_in("Rückenschmerzen durch den Darm", text) == [
        ("Rückenschmerzen, insbesondere wie Störungen im Darm", INFLECTED)
    ]


def test_english_phrase_keyword_needs_its_words_close_together():
    far = "Good sleep helps, and after a long day of work the whole digestion slows down."
    near = "Sleep and good digestion go together."
    assert matches_in("sleep digestion", far, "en") == []
    assert matches_in("sleep digestion", near, "en") == [("Sleep and good digestion", INFLECTED)]


def test_a_topic_pair_keyword_may_span_its_sentence():
    """ "A und B" names two topics: they may be discussed anywhere in one sentence."""
    text = (
        "Wir erklären, wie die Darmgesundheit Ihren Körper beeinflusst und wie Rückenschmerzen "
        "entstehen."
    )
    found = matches_in("Darmgesundheit und Rückenschmerzen", text)
    assert [kind for _text, kind in found] == [INFLECTED]


def test_slug_only_occurrence_is_not_counted_and_reads_missing():
    document = article(
        "en",
        slug="bone-broth-benefits",
        keywords=(KeywordInput("healthy breakfast", focus=True), KeywordInput("bone broth")),
    )
    report = analyse(document)
    broth = report.keywords[1]
    assert [m.location for m in broth.matches] == ["slug"]
    assert broth.count == 0 and not broth.found and broth.status == "missing"
    assert report.check("keyword_coverage").details["not_found"] == ["bone broth"]


def test_partial_only_keyword_reports_partial_not_zero_times():
    document = article(
        "de",
        keywords=(KeywordInput("gesunde Ernährung", focus=True), KeywordInput("Früchte")),
    )
    report = analyse(document)
    plan = report.keywords[1]  # only inside "Hülsenfrüchte"
    assert plan.count == 0 and plan.found and plan.status == "partial"
    rows = report.check("keyword_coverage").details["keywords"]
    assert rows[1]["status"] == "partial"


def test_one_count_per_keyword_in_coverage_and_density():
    report = analyse(article("de"))
    focus = report.keywords[0]
    density = report.check("keyword_density").details["occurrences"]
    coverage = report.check("keyword_coverage").details["keywords"][0]["count"]
    assert focus.count == density == coverage
    # the title and slug matches are listed, but they are no occurrences in the text
    assert any(m.location in ("title", "slug") for m in focus.matches)


def test_german_compound_and_elision_wins_stay():
    text = "Mikrobiom-Test, Mikrobiomtests und Mikrobiom-Testkits. Darm- und Rückenschmerzen."
    found = matches_in("Mikrobiom-Tests", text)
    assert [kind for _t, kind in found] == [INFLECTED, INFLECTED, PARTIAL]
    assert matches_in("Darmschmerzen", text) == [("Darm- und Rückenschmerzen", INFLECTED)]


def test_compound_written_as_a_phrase_stays_found():
    text = "Viele haben Schmerzen im unteren Rücken."
    assert matches_in("Rückenschmerzen", text) == [("Schmerzen im unteren Rücken", INFLECTED)]


def test_seed_style_inflection_of_the_focus_phrase_is_kept_in_a_document():
    document = dataclasses.replace(
        article("de"),
        intro_html=paragraphs("Gesunder Ernährung geht ein Plan voraus. Das hilft."),
    )
    assert analyse(document).keywords[0].count >= 1
