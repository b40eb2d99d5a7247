"""The per-language marker table: complete for the issue's languages and extensible by data."""

from __future__ import annotations

import pytest

from articles.textformat import MARKERS, LanguageMarkers, markers_for
from articles.textformat.language import guess_language
from articles.textformat.lines import Block, LineKind, MarkerIndex, classify_lines
from articles.textformat.markers import heading_key, marker_label
from tests.articles.textformat.samples import LANGUAGES, SPEC


@pytest.mark.parametrize("language", LANGUAGES)
def test_table_spells_the_issue_markers_first_for_each_language(language):
    conclusion, faq, keywords, question, answer = SPEC[language]

    entry = MARKERS[language]

    assert entry.language == language
    assert (entry.conclusion_heading, entry.faq_heading, entry.keyword_heading) == (
        conclusion,
        faq,
        keywords,
    )
    assert (marker_label(entry.question_marker), marker_label(entry.answer_marker)) == (
        question.casefold(),
        answer.casefold(),
    )


@pytest.mark.parametrize("language", sorted(MARKERS))
def test_every_marker_ends_with_a_colon(language):
    entry = MARKERS[language]

    assert all(marker.endswith(":") for marker in entry.question_markers + entry.answer_markers)


def test_french_markers_are_written_with_a_space_before_the_colon():
    assert (MARKERS["fr"].question_marker, MARKERS["fr"].answer_marker) == ("Q :", "R :")


@pytest.mark.parametrize(
    "written",
    [
        "Fragen & Antworten",
        "fragen & antworten",
        "  Fragen  &\u00a0Antworten : ",
        "FRAGEN & ANTWORTEN:",
    ],
)
def test_heading_key_ignores_case_spacing_and_trailing_colon(written):
    assert heading_key(written) == heading_key("Fragen & Antworten")


def test_heading_key_treats_composed_and_decomposed_accents_alike():
    assert heading_key("Conclusio\u0301n") == heading_key("Conclusión")


@pytest.mark.parametrize(
    ("language", "expected"),
    [("de", "de"), ("DE", "de"), ("de-CH", "de"), ("fr_BE", "fr"), ("pl", None), (None, None)],
)
def test_markers_for_accepts_regional_codes_and_unknown_languages(language, expected):
    entry = markers_for(language)

    assert (entry.language if entry else None) == expected


def portuguese() -> LanguageMarkers:
    return LanguageMarkers(
        language="pt",
        conclusion_headings=("Conclusão",),
        faq_headings=("Perguntas e respostas",),
        keyword_headings=("Palavras-chave importantes",),
        question_markers=("P:",),
        answer_markers=("R:",),
    )


def test_adding_a_language_is_one_table_entry():
    index = MarkerIndex({**MARKERS, "pt": portuguese()})
    text = (
        "\nPor que as corujas caçam à noite?\nAs corujas veem bem no escuro.\n"
        "Conclusão\nA noite favorece as corujas.\nPerguntas e respostas\n"
        "P: Todas caçam à noite?\nR: Não.\nPalavras-chave importantes\n- corujas\n"
    )

    lines = classify_lines(text, index)

    faq_heading = next(line for line in lines if line.text == "Perguntas e respostas")
    assert (faq_heading.kind, faq_heading.block) == (LineKind.BLOCK_HEADING, Block.FAQ)
    assert guess_language(lines).language == "pt"


def test_table_with_a_heading_in_two_blocks_is_rejected():
    clashing = LanguageMarkers(
        language="xx",
        conclusion_headings=("Fazit",),
        faq_headings=("Fazit",),
        keyword_headings=("Stichworte",),
        question_markers=("Q:",),
        answer_markers=("A:",),
    )

    with pytest.raises(ValueError, match="both a conclusion and a FAQ heading"):
        MarkerIndex({"xx": clashing})


def test_table_with_a_label_that_is_question_and_answer_is_rejected():
    clashing = LanguageMarkers(
        language="xx",
        conclusion_headings=("Ende",),
        faq_headings=("Fragen",),
        keyword_headings=("Stichworte",),
        question_markers=("A:",),
        answer_markers=("A :",),
    )

    with pytest.raises(ValueError, match="both question and answer markers"):
        MarkerIndex({"xx": clashing})
