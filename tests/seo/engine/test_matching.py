"""Keyword matching: language-aware, with offsets that point into the field text."""

from __future__ import annotations

import unicodedata

import pytest

from seo.engine import MatchKind, find_keyword_matches

EXACT, INFLECTED, PARTIAL = MatchKind.EXACT, MatchKind.INFLECTED, MatchKind.PARTIAL


def matches_in(term: str, text: str, lang: str = "de"):
    found = find_keyword_matches(term, {"body": text}, lang)
    for match in found:
        assert text[match.start : match.end] == match.text
    return [(match.text, match.kind) for match in found]


# --- German cases from the issue -------------------------------------------------------------


def test_function_words_are_ignored_so_vom_matches_durch_den():
    found = matches_in("Rückenschmerzen durch den Darm", "Typisch sind Rückenschmerzen vom Darm.")
    assert found == [("Rückenschmerzen vom Darm", INFLECTED)]


def test_verbatim_phrase_is_an_exact_match():
    found = matches_in("Rückenschmerzen durch den Darm", "Gibt es Rückenschmerzen durch den Darm?")
    assert found == [("Rückenschmerzen durch den Darm", EXACT)]


def test_plural_of_compound_is_inflected_match():
    found = matches_in("Darmentzündung", "Chronische Darmentzündungen sind häufig.")
    assert found == [("Darmentzündungen", INFLECTED)]


def test_same_form_is_exact_match():
    assert matches_in("Darmentzündung", "Eine Darmentzündung heilt.") == [("Darmentzündung", EXACT)]


def test_inflected_multi_word_keyword_with_genitive():
    found = matches_in(
        "Ungleichgewicht des Darmmikrobioms", "Ungleichgewichte des Darmmikrobioms stören."
    )
    assert found == [("Ungleichgewichte des Darmmikrobioms", INFLECTED)]


@pytest.mark.parametrize("spelling", ["Mikrobiom-Test", "Mikrobiomtests", "Mikrobiomtest"])
def test_compound_with_hyphen_matches_other_spellings(spelling):
    found = matches_in("Mikrobiom-Tests", f"Ein {spelling} hilft weiter.")
    assert found == [(spelling, INFLECTED)]


def test_hyphenated_keyword_verbatim_is_exact():
    assert matches_in("Mikrobiom-Tests", "Mikrobiom-Tests helfen.") == [("Mikrobiom-Tests", EXACT)]


def test_longer_compound_containing_keyword_is_partial_match():
    found = matches_in("Mikrobiom-Tests", "Mikrobiom-Testkits gibt es online.")
    assert found == [("Mikrobiom-Testkits", PARTIAL)]


def test_partial_matches_are_not_counted():
    found = find_keyword_matches(
        "Mikrobiom-Tests", {"body": "Ein Mikrobiom-Test und zwei Mikrobiom-Testkits."}, "de"
    )
    kinds = [m.kind for m in found]
    assert kinds == [INFLECTED, PARTIAL]


def test_closed_compound_containing_keyword_at_the_end_is_partial():
    assert matches_in("Mikrobiom", "Das Darmmikrobiom ist vielfältig.") == [
        ("Darmmikrobiom", PARTIAL)
    ]


def test_word_merely_starting_with_keyword_letters_is_not_partial():
    assert matches_in("Test", "Testosteron ist ein Hormon.") == []


def test_elided_compound_in_text_matches_full_compound_keyword():
    found = matches_in("Darmschmerzen", "Viele haben Darm- und Rückenschmerzen zugleich.")
    assert found == [("Darm- und Rückenschmerzen", INFLECTED)]


def test_elided_keyword_is_exact_in_same_wording():
    found = matches_in("Darm- und Rückenschmerzen", "Viele haben Darm- und Rückenschmerzen.")
    assert found == [("Darm- und Rückenschmerzen", EXACT)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Darmschmerzen und Rückenschmerzen", "Darmschmerzen und Rückenschmerzen"),
        ("Rückenschmerzen und Darmschmerzen", "Rückenschmerzen und Darmschmerzen"),
    ],
)
def test_elided_keyword_matches_spelled_out_compounds_in_any_order(text, expected):
    assert matches_in("Darm- und Rückenschmerzen", f"Oft treten {text} auf.") == [
        (expected, INFLECTED)
    ]


def test_elided_keyword_does_not_match_other_elision():
    assert matches_in("Darm- und Rückenschmerzen", "Magen- und Kopfschmerzen.") == []


def test_elided_keyword_inside_longer_hyphenated_compound_is_partial():
    found = matches_in(
        "Darm- und Rückenschmerzen", "Bei Magen-Darm-Schmerzen kommen Rückenschmerzen vor."
    )
    assert found == [("Magen-Darm-Schmerzen kommen Rückenschmerzen", PARTIAL)]


def test_content_words_in_any_order_in_one_sentence_match():
    found = matches_in("Rückenschmerzen durch den Darm", "Der Darm löst Rückenschmerzen aus.")
    assert found == [("Darm löst Rückenschmerzen", INFLECTED)]


def test_content_words_in_different_sentences_do_not_match():
    assert matches_in("Rückenschmerzen durch den Darm", "Der Darm. Rückenschmerzen.") == []


def test_compound_keyword_written_as_phrase_matches():
    found = matches_in("Rückenschmerzen", "Er hat Schmerzen im unteren Rücken.")
    assert found == [("Schmerzen im unteren Rücken", INFLECTED)]


def test_compound_parts_far_apart_do_not_match():
    text = "Schmerzen hat er oft, doch heute sprechen wir über etwas ganz anderes, den Rücken."
    assert matches_in("Rückenschmerzen", text) == []


def test_case_and_unicode_normalisation_do_not_matter():
    decomposed = unicodedata.normalize("NFD", "Rückenschmerzen")
    assert matches_in(decomposed, "RÜCKENSCHMERZEN!") == [("RÜCKENSCHMERZEN", EXACT)]


def test_punctuation_around_the_keyword_does_not_prevent_exact_match():
    assert matches_in("Darmentzündung?", "Was ist eine Darmentzündung?") == [
        ("Darmentzündung", EXACT)
    ]


def test_lower_case_keyword_matches_capitalised_noun():
    assert matches_in("darmentzündung", "Die Darmentzündung.") == [("Darmentzündung", EXACT)]


def test_dutch_elision_expands_to_full_compound():
    found = matches_in("darmpijn", "Veel mensen hebben darm- en rugpijn.", "nl")
    assert found == [("darm- en rugpijn", INFLECTED)]


# --- every language --------------------------------------------------------------------------

LANGUAGE_CASES = {
    # lang: (keyword, text with an inflected form, that form, text with function words changed,
    #        that phrase)
    "de": (
        "gesunde Ernährung",
        "Mit gesunder Ernährung lebt man besser.",
        "gesunder Ernährung",
        "Ernährung für Kinder",
        ("Ernährung von Kindern ist wichtig.", "Ernährung von Kindern"),
    ),
    "en": (
        "healthy breakfast",
        "They ate healthy breakfasts every day.",
        "healthy breakfasts",
        "breakfast for children",
        ("A breakfast of the children was ready.", "breakfast of the children"),
    ),
    "nl": (
        "gezonde maaltijd",
        "Twee gezonde maaltijden per dag.",
        "gezonde maaltijden",
        "ontbijt voor kinderen",
        ("Het ontbijt van de kinderen staat klaar.", "ontbijt van de kinderen"),
    ),
    "fr": (
        "alimentation saine",
        "Les alimentations saines coûtent peu.",
        "alimentations saines",
        "repas pour les enfants",
        ("Le repas des enfants est prêt.", "repas des enfants"),
    ),
    "es": (
        "alimentación saludable",
        "Las alimentaciones saludables ayudan.",
        "alimentaciones saludables",
        "desayuno para niños",
        ("El desayuno de los niños está listo.", "desayuno de los niños"),
    ),
    "it": (
        "alimentazione sana",
        "Le alimentazioni sane aiutano.",
        "alimentazioni sane",
        "colazione per bambini",
        ("La colazione dei bambini è pronta.", "colazione dei bambini"),
    ),
}


@pytest.mark.parametrize("lang", LANGUAGE_CASES)
def test_inflected_form_is_found_in_every_language(lang):
    keyword, text, form, *_ = LANGUAGE_CASES[lang]
    assert matches_in(keyword, text, lang) == [(form, INFLECTED)]


@pytest.mark.parametrize("lang", LANGUAGE_CASES)
def test_verbatim_keyword_is_exact_in_every_language(lang):
    keyword = LANGUAGE_CASES[lang][0]
    text = f"{keyword.capitalize()}."
    assert matches_in(keyword, text, lang) == [(keyword.capitalize(), EXACT)]


@pytest.mark.parametrize("lang", LANGUAGE_CASES)
def test_function_words_are_ignored_in_every_language(lang):
    _, _, _, keyword, (text, phrase) = LANGUAGE_CASES[lang]
    assert matches_in(keyword, text, lang) == [(phrase, INFLECTED)]


@pytest.mark.parametrize("lang", LANGUAGE_CASES)
def test_unrelated_text_has_no_match_in_every_language(lang):
    keyword = LANGUAGE_CASES[lang][0]
    assert matches_in(keyword, "Lorem ipsum dolor sit amet.", lang) == []


# --- offsets and locations --------------------------------------------------------------------


def test_matches_report_field_path_location_and_offsets():
    fields = {
        "title": "Darmentzündung verstehen",
        "sections[1].heading": "Wenn der Darm sich entzündet",
        "sections[1].body": "Zeile eins.\nEine Darmentzündung ist behandelbar.",
        "faqs[0].answer": "Darmentzündungen heilen oft.",
    }
    found = find_keyword_matches("Darmentzündung", fields, "de")
    # "der Darm sich entzündet" is the compound written as a phrase.
    assert [(m.path, m.location) for m in found] == [
        ("title", "title"),
        ("sections[1].heading", "heading"),
        ("sections[1].body", "body"),
        ("faqs[0].answer", "faq"),
    ]
    for match in found:
        assert fields[match.path][match.start : match.end] == match.text


def test_slug_is_compared_after_transliteration():
    found = find_keyword_matches(
        "Rückenschmerzen durch den Darm", {"slug": "rueckenschmerzen-durch-den-darm"}, "de"
    )
    assert [(m.location, m.text, m.kind) for m in found] == [
        ("slug", "rueckenschmerzen-durch-den-darm", EXACT)
    ]


def test_accents_are_stripped_for_the_slug():
    found = find_keyword_matches("alimentación saludable", {"slug": "alimentacion-saludable"}, "es")
    assert [m.kind for m in found] == [EXACT]
