"""Behaviour of ``parse_article`` on small inline texts: structure, tolerance and diagnostics."""

from __future__ import annotations

import random

import pytest

from articles.textformat import (
    LONG_HEADING_LENGTH,
    DiagnosticCode,
    ParsedFAQ,
    ParsedSection,
    Severity,
    parse_article,
    parse_file,
)
from tests.articles.textformat.samples import (
    ANSWER_LINE,
    CONCLUSION_LINE,
    FAQ_LINE,
    FIRST_KEYWORD_LINE,
    KEYWORDS_LINE,
    LANGUAGES,
    QUESTION_LINE,
    SECTION_LINE,
    TITLE_LINE,
    owl_article,
)

Code = DiagnosticCode


def found(result) -> list[tuple[str, int | None]]:
    return [(diagnostic.code, diagnostic.line) for diagnostic in result.diagnostics]


# -- structure -------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_complete_article_parses_into_every_part_without_diagnostics(language):
    result = parse_article(owl_article(language))

    assert found(result) == []
    article = result.article
    assert article.language == language
    assert article.title == "Why do owls hunt at night?"
    assert article.intro == ["Owls are built for the dark, and their habits follow from that."]
    assert article.sections == [
        ParsedSection(
            heading="Silent flight: how feathers muffle sound",
            paragraphs=[
                "Soft fringes on the wing feathers break up the air flow, so prey hears nothing."
            ],
        )
    ]
    assert article.conclusion == ["Night hunting is where the strengths of an owl count most."]
    assert article.faqs == [
        ParsedFAQ(
            question="Do all owls hunt at night?", answer="No, some species also hunt by day."
        )
    ]
    assert article.keywords == ["owls at night", "silent flight"]
    assert article.focus_keyword == "owls at night"


@pytest.mark.parametrize("language", LANGUAGES)
def test_standard_block_headings_are_stored_as_none(language):
    article = parse_article(owl_article(language, heading_suffix=":")).article

    assert (article.conclusion_heading, article.faq_heading, article.keywords_heading) == (
        None,
        None,
        None,
    )
    assert article.conclusion_line == CONCLUSION_LINE


def test_other_known_block_headings_are_kept_as_written():
    text = (
        owl_article("de")
        .replace("Fazit\n", "Zusammenfassung\n")
        .replace("Fragen & Antworten\n", "Häufig gestellte Fragen:\n")
        .replace("Wichtige Schlüsselwörter\n", "Stichwörter\n")
    )

    result = parse_article(text)

    assert found(result) == []
    article = result.article
    assert (article.conclusion_heading, article.faq_heading, article.keywords_heading) == (
        "Zusammenfassung",
        "Häufig gestellte Fragen",
        "Stichwörter",
    )


def test_line_numbers_count_every_physical_line():
    article = parse_article(owl_article()).article

    assert article.title_line == TITLE_LINE
    assert article.sections[0].line == SECTION_LINE
    assert article.conclusion_line == CONCLUSION_LINE
    assert article.faq_line == FAQ_LINE
    assert (article.faqs[0].line, article.faqs[0].answer_line) == (QUESTION_LINE, ANSWER_LINE)
    assert article.keywords_line == KEYWORDS_LINE
    assert article.keyword_lines == [FIRST_KEYWORD_LINE, FIRST_KEYWORD_LINE + 1]


def test_optional_empty_first_line_may_be_missing():
    with_blank = parse_article(owl_article()).article
    without_blank = parse_article(owl_article().removeprefix("\n"))

    assert without_blank.ok
    assert without_blank.article == with_blank
    assert without_blank.article.title_line == 1


def test_several_intro_paragraphs_come_before_the_first_heading():
    text = owl_article().replace(
        "follow from that.\n", "follow from that.\nTheir eyes and ears do most of the work.\n"
    )

    article = parse_article(text).article

    assert len(article.intro) == 2
    assert len(article.sections) == 1


def test_title_without_intro_leaves_intro_empty():
    text = owl_article().replace(
        "Owls are built for the dark, and their habits follow from that.\n", ""
    )

    result = parse_article(text)

    assert found(result) == []
    assert result.article.intro == []
    assert result.article.sections[0].heading == "Silent flight: how feathers muffle sound"


def test_long_heading_with_colon_in_the_middle_is_a_section_heading():
    heading = (
        "Silent flight explained: how the comb-like leading edge, the velvety surface and the"
        " fringed trailing edge of owl feathers work together"
    )
    assert 100 < len(heading) < 200
    text = owl_article().replace("Silent flight: how feathers muffle sound", heading)

    article = parse_article(text).article

    assert [section.heading for section in article.sections] == [heading]


@pytest.mark.parametrize(
    ("line", "is_heading"),
    [
        ("Irritable bowel syndrome (IBS) and back pain", True),
        ("Prey detection in 3D", True),
        ("The owl said “who” and flew off.", False),
        ("Owls see well (but not in total darkness).", False),
        ("Where do owls sleep during the day?", False),
        ("Three things matter:", False),
        ("They hunt, they rest, they hunt again;", False),
    ],
)
def test_heading_is_a_line_without_final_sentence_punctuation(line, is_heading):
    text = owl_article().replace("Soft fringes on the wing", f"{line}\nSoft fringes on the wing", 1)

    article = parse_article(text).article

    headings = [section.heading for section in article.sections]
    assert (line in headings) is is_heading


def test_very_long_heading_is_still_a_heading_but_reported():
    long_line = "Owls " + "and their prey " * 20 + "in the night"
    assert len(long_line) > LONG_HEADING_LENGTH
    text = owl_article().replace("Silent flight: how feathers muffle sound", long_line)

    result = parse_article(text)

    assert found(result) == [(Code.LONG_HEADING, SECTION_LINE)]
    assert result.article.sections[0].heading == long_line


def test_bullet_lines_in_a_section_are_paragraphs_not_headings():
    text = owl_article().replace(
        "so prey hears nothing.\n", "so prey hears nothing.\n- Barn owl\n- Tawny owl\n"
    )

    section = parse_article(text).article.sections[0]

    assert section.paragraphs[1:] == ["- Barn owl", "- Tawny owl"]


def test_decoration_lines_without_letters_are_ignored():
    text = owl_article().replace("Conclusion\n", "---\n***\nConclusion\n")

    result = parse_article(text)

    assert found(result) == []
    assert result.article == parse_article(owl_article()).article


# -- line endings, BOM, whitespace -----------------------------------------------------------------


@pytest.mark.parametrize("line_end", ["\r\n", "\r"], ids=["crlf", "lone-cr"])
def test_crlf_and_lone_cr_line_endings_give_the_same_article_and_line_numbers(line_end):
    expected = parse_article(owl_article())

    result = parse_article(owl_article().replace("\n", line_end).encode())

    assert found(result) == []
    assert result.article == expected.article
    assert result.article.faqs[0].line == QUESTION_LINE


def test_mixed_line_endings_are_accepted():
    text = owl_article()
    mixed = "".join(
        line + ("\r\n", "\n", "\r")[number % 3] for number, line in enumerate(text.split("\n")[:-1])
    )

    assert parse_article(mixed).article == parse_article(text).article


@pytest.mark.parametrize("as_bytes", [True, False], ids=["bytes", "str"])
def test_utf8_byte_order_mark_is_stripped(as_bytes):
    data = ("\ufeff" + owl_article()).encode() if as_bytes else "\ufeff" + owl_article()

    result = parse_article(data)

    assert found(result) == []
    assert result.article == parse_article(owl_article()).article


def test_missing_final_newline_is_accepted():
    result = parse_article(owl_article().rstrip("\n"))

    assert found(result) == []
    assert result.article.keywords == ["owls at night", "silent flight"]


def test_trailing_and_leading_spaces_and_tabs_are_stripped():
    padded = "\n".join(f"  {line} \t " for line in owl_article().split("\n"))

    result = parse_article(padded)

    assert found(result) == []
    assert result.article == parse_article(owl_article()).article


def test_blank_lines_between_paragraphs_are_allowed():
    spaced = owl_article().replace("\n", "\n\n").removeprefix("\n")

    result = parse_article(spaced)

    assert found(result) == []
    assert result.article == parse_article(owl_article()).article


# -- Q/A markers -----------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    "space", ["", " ", "\u00a0", "\u202f"], ids=["none", "space", "nbsp", "narrow-nbsp"]
)
def test_markers_accept_no_space_or_any_space_before_the_colon(language, space):
    result = parse_article(owl_article(language, marker_space=space))

    assert found(result) == []
    assert result.article.language == language
    assert result.article.faqs == [
        ParsedFAQ(
            question="Do all owls hunt at night?", answer="No, some species also hunt by day."
        )
    ]


def test_french_markers_with_space_before_colon():
    text = owl_article("fr").replace("Q: ", "Q : ").replace("R: ", "R : ")

    result = parse_article(text)

    assert found(result) == []
    assert result.article.language == "fr"
    assert result.article.faqs[0].answer == "No, some species also hunt by day."


def test_markers_and_block_headings_are_case_insensitive():
    text = (
        owl_article("de")
        .replace("F: ", "f: ")
        .replace("A: ", "a: ")
        .replace("Fragen & Antworten", "FRAGEN & ANTWORTEN")
    )

    result = parse_article(text)

    assert found(result) == []
    assert result.article.language == "de"
    assert len(result.article.faqs) == 1


def test_block_heading_with_trailing_colon_and_spaces_is_recognised():
    text = owl_article("de").replace("Fazit\n", "FAZIT :   \n")

    article = parse_article(text).article

    assert article.conclusion_line == CONCLUSION_LINE
    assert article.conclusion == ["Night hunting is where the strengths of an owl count most."]


# -- FAQ warnings ----------------------------------------------------------------------------------


def test_question_without_answer_is_kept_with_an_empty_answer_and_reported():
    text = owl_article("de").replace(
        "F: Do all owls hunt at night?\n",
        "F: Can owls turn their heads fully?\n" + "F: Do all owls hunt at night?\n",
    )

    result = parse_article(text, source="owls.txt")

    assert found(result) == [(Code.QUESTION_WITHOUT_ANSWER, QUESTION_LINE)]
    assert result.warnings[0].severity is Severity.WARNING
    assert str(result.warnings[0]) == (
        "owls.txt:9: warning: question without answer (F: Can owls turn their heads fully?)"
    )
    assert [faq.answer for faq in result.article.faqs] == ["", "No, some species also hunt by day."]


def test_question_without_answer_at_the_end_of_the_text_is_reported():
    text = owl_article().split("Key Keywords")[0] + "Q: And do they sleep by day?"

    result = parse_article(text)

    assert found(result) == [(Code.QUESTION_WITHOUT_ANSWER, ANSWER_LINE + 1)]


@pytest.mark.parametrize("language", LANGUAGES)
def test_empty_answer_is_reported_on_the_answer_line(language):
    result = parse_article(owl_article(language, answer=""))

    assert found(result) == [(Code.EMPTY_ANSWER, ANSWER_LINE)]
    assert result.article.faqs[0].answer == ""


def test_empty_question_is_reported():
    text = owl_article().replace("Q: Do all owls hunt at night?", "Q:")

    result = parse_article(text)

    assert found(result) == [(Code.EMPTY_QUESTION, QUESTION_LINE)]


def test_answer_without_question_is_reported_and_dropped():
    text = owl_article().replace(
        "Key Keywords\n", "A: Owls swallow small prey whole.\nKey Keywords\n"
    )

    result = parse_article(text)

    assert found(result) == [(Code.ANSWER_WITHOUT_QUESTION, ANSWER_LINE + 1)]
    assert len(result.article.faqs) == 1


def test_unmarked_line_after_a_question_is_read_as_its_answer():
    text = owl_article().replace("A: No, some", "No, some")

    result = parse_article(text)

    assert found(result) == [(Code.MISSING_ANSWER_MARKER, ANSWER_LINE)]
    assert result.article.faqs[0].answer == "No, some species also hunt by day."


def test_unmarked_line_ending_in_question_mark_is_read_as_a_question():
    text = owl_article().replace(
        "Key Keywords\n", "How far can an owl hear?\nA: Several metres under snow.\nKey Keywords\n"
    )

    result = parse_article(text)

    assert found(result) == [(Code.MISSING_QUESTION_MARKER, ANSWER_LINE + 1)]
    assert result.article.faqs[1] == ParsedFAQ(
        question="How far can an owl hear?", answer="Several metres under snow."
    )


def test_unmarked_lines_after_an_answer_are_further_answer_paragraphs():
    text = owl_article().replace(
        "Key Keywords\n", "The little owl is often seen in daylight.\nKey Keywords\n"
    )

    result = parse_article(text)

    assert found(result) == []
    faq = result.article.faqs[0]
    assert faq.answer == (
        "No, some species also hunt by day.\nThe little owl is often seen in daylight."
    )
    assert faq.answer_paragraphs == [
        "No, some species also hunt by day.",
        "The little owl is often seen in daylight.",
    ]


def test_unmarked_line_before_the_first_question_is_reported_and_dropped():
    text = owl_article().replace(
        "Questions & Answers\n", "Questions & Answers\nHere is what readers ask us.\n"
    )

    result = parse_article(text)

    assert found(result) == [(Code.UNMARKED_FAQ_LINE, FAQ_LINE + 1)]
    assert len(result.article.faqs) == 1


def test_question_and_answer_without_faq_heading_open_the_faq_block():
    text = owl_article().replace("Questions & Answers\n", "")

    result = parse_article(text)

    assert found(result) == [(Code.MISSING_FAQ_HEADING, FAQ_LINE)]
    assert result.article.faq_heading is None
    assert result.article.conclusion == [
        "Night hunting is where the strengths of an owl count most."
    ]
    assert len(result.article.faqs) == 1


# -- keyword warnings ------------------------------------------------------------------------------


def test_duplicate_keyword_ignoring_case_and_spaces_is_reported_and_dropped():
    text = owl_article() + "-   Owls  At Night\n- barn owl\n"

    result = parse_article(text, source="owls.txt")

    assert found(result) == [(Code.DUPLICATE_KEYWORD, FIRST_KEYWORD_LINE + 2)]
    assert "first on line 12" in result.warnings[0].message
    assert result.article.keywords == ["owls at night", "silent flight", "barn owl"]


def test_empty_keyword_bullet_is_reported_and_dropped():
    text = owl_article() + "-\n"

    result = parse_article(text)

    assert found(result) == [(Code.EMPTY_KEYWORD, FIRST_KEYWORD_LINE + 2)]
    assert result.article.keywords == ["owls at night", "silent flight"]


def test_keyword_without_bullet_is_kept_and_reported():
    text = owl_article() + "barn owl\n"

    result = parse_article(text)

    assert found(result) == [(Code.KEYWORD_WITHOUT_BULLET, FIRST_KEYWORD_LINE + 2)]
    assert result.article.keywords[-1] == "barn owl"


@pytest.mark.parametrize("bullet", ["-", "*", "•", "–"])
def test_common_bullet_characters_mark_keywords(bullet):
    text = owl_article().replace("- silent flight", f"{bullet} silent flight")

    assert parse_article(text).article.keywords == ["owls at night", "silent flight"]


# -- sections and blocks ---------------------------------------------------------------------------


def test_heading_followed_by_heading_becomes_an_empty_section():
    text = owl_article().replace("Silent flight: how", "Anatomy of an owl\nSilent flight: how")

    result = parse_article(text)

    assert found(result) == [(Code.EMPTY_SECTION, SECTION_LINE)]
    assert [(s.heading, len(s.paragraphs)) for s in result.article.sections] == [
        ("Anatomy of an owl", 0),
        ("Silent flight: how feathers muffle sound", 1),
    ]


def test_heading_followed_by_a_block_heading_becomes_an_empty_section():
    text = owl_article().replace("Conclusion\n", "What we still do not know\nConclusion\n")

    result = parse_article(text)

    assert found(result) == [(Code.EMPTY_SECTION, CONCLUSION_LINE)]
    assert "conclusion heading" in result.warnings[0].message


def test_block_heading_without_content_is_reported():
    text = owl_article().replace("Night hunting is where the strengths of an owl count most.\n", "")

    result = parse_article(text)

    assert found(result) == [(Code.EMPTY_BLOCK, CONCLUSION_LINE)]


def test_block_heading_of_another_language_is_used_but_reported():
    text = owl_article("de").replace("Fazit\n", "Conclusion\n")

    result = parse_article(text)

    assert found(result) == [(Code.UNKNOWN_BLOCK_HEADING, CONCLUSION_LINE)]
    assert result.article.language == "de"
    assert result.article.conclusion_heading == "Conclusion"
    assert len(result.article.conclusion) == 1


def test_unrecognised_faq_heading_followed_by_a_question_is_reported_and_opens_the_faq():
    text = owl_article("de").replace("Fragen & Antworten\n", "Leserfragen zum Thema Eulen\n")

    result = parse_article(text)

    assert found(result) == [(Code.UNKNOWN_BLOCK_HEADING, FAQ_LINE)]
    assert result.article.faq_heading == "Leserfragen zum Thema Eulen"
    assert result.article.conclusion == [
        "Night hunting is where the strengths of an owl count most."
    ]
    assert len(result.article.faqs) == 1


def test_unrecognised_keyword_heading_followed_only_by_bullets_is_reported():
    text = owl_article().replace("Key Keywords\n", "Tags for this article\n")

    result = parse_article(text)

    assert found(result) == [(Code.UNKNOWN_BLOCK_HEADING, KEYWORDS_LINE)]
    assert result.article.keywords == ["owls at night", "silent flight"]


def test_second_block_heading_of_the_same_kind_adds_to_the_first_block():
    text = owl_article() + "Questions & Answers\nQ: Are owls clever?\nA: Not especially.\n"

    result = parse_article(text)

    assert found(result) == [(Code.DUPLICATE_BLOCK_HEADING, FIRST_KEYWORD_LINE + 2)]
    assert len(result.article.faqs) == 2


def test_heading_like_line_in_the_conclusion_stays_a_conclusion_paragraph():
    text = owl_article().replace("Night hunting", "A last word from the author\nNight hunting")

    result = parse_article(text)

    assert found(result) == [(Code.HEADING_IN_CONCLUSION, CONCLUSION_LINE + 1)]
    assert result.article.conclusion[0] == "A last word from the author"


# -- language --------------------------------------------------------------------------------------


def test_forced_language_wins_over_detection_and_a_mismatch_is_reported():
    result = parse_article(owl_article("de"), language="en")

    assert result.article.language == "en"
    assert found(result) == [
        (Code.LANGUAGE_MISMATCH, None),
        (Code.UNKNOWN_BLOCK_HEADING, CONCLUSION_LINE),
        (Code.UNKNOWN_BLOCK_HEADING, FAQ_LINE),
        (Code.UNKNOWN_BLOCK_HEADING, KEYWORDS_LINE),
    ]


def test_forced_language_is_normalised_to_lower_case():
    result = parse_article(owl_article("de"), language="DE")

    assert found(result) == []
    assert result.article.language == "de"


def test_forced_language_without_marker_table_is_kept_and_reported():
    result = parse_article(owl_article("de"), language="pl")

    assert result.article.language == "pl"
    assert found(result) == [(Code.UNKNOWN_LANGUAGE, None)]
    assert len(result.article.faqs) == 1


def test_language_is_unknown_without_block_headings_or_markers():
    text = "\n".join(owl_article().split("\n")[: CONCLUSION_LINE - 1])

    result = parse_article(text)

    assert result.ok
    assert result.article.language is None
    assert found(result) == [(Code.UNKNOWN_LANGUAGE, None)]


def test_language_is_unknown_when_the_evidence_ties():
    text = "\n".join(owl_article().split("\n")[: FAQ_LINE - 1])  # only "Conclusion": en or fr

    result = parse_article(text)

    assert result.article.language is None
    assert found(result) == [(Code.UNKNOWN_LANGUAGE, None)]
    assert "en, fr" in result.warnings[0].message


# -- errors ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "detail"),
    [
        ("", "the text is empty"),
        (b"", "the text is empty"),
        ("\n \t\n   \n", "only blank lines"),
        ("\r\n\r\n", "only blank lines"),
    ],
)
def test_empty_or_blank_text_has_no_title(data, detail):
    result = parse_article(data)

    assert found(result) == [(Code.NO_TITLE, None)]
    assert detail in result.errors[0].message
    assert result.article is None
    assert not result.ok


def test_text_starting_with_a_block_heading_has_no_title():
    result = parse_article("\nFazit\nEulen jagen nachts.\n")

    assert found(result) == [(Code.NO_TITLE, 2)]
    assert result.article is None


def test_title_without_body_text_is_an_error():
    result = parse_article("\nWhy do owls hunt at night?\n\nKey Keywords\n- owls\n")

    assert (Code.NO_BODY, TITLE_LINE) in found(result)
    assert result.errors[0].code == Code.NO_BODY
    assert result.article is None


def test_title_with_only_empty_sections_is_an_error():
    result = parse_article("Owls\nAnatomy\nBehaviour\n")

    assert (Code.NO_BODY, 1) in found(result)
    assert result.article is None


def test_invalid_utf8_is_reported_with_line_and_byte_position():
    data = b"\nOwls\nThey hunt at night.\nSch\xf6n ist das nicht.\n"

    result = parse_article(data, source="owls.txt")

    assert found(result) == [(Code.INVALID_TEXT, 4)]
    message = str(result.errors[0])
    assert message.startswith("owls.txt:4: error: not valid UTF-8 text")
    assert "byte 0xf6 at line 4, byte 4 of the line" in message


def test_utf16_text_without_bom_is_rejected_because_of_its_nul_bytes():
    result = parse_article("Owls\nThey hunt at night.\n".encode("utf-16-le"))

    assert found(result) == [(Code.INVALID_TEXT, 1)]
    assert "NUL" in result.errors[0].message


@pytest.mark.parametrize("seed", range(20))
def test_random_binary_garbage_is_an_error_never_an_exception(seed):
    rng = random.Random(seed)
    data = bytes(rng.choice((0, rng.randrange(256))) for _ in range(rng.randrange(1, 2000)))

    result = parse_article(data, source="garbage.bin")

    assert not result.ok
    assert result.article is None
    assert [d.code for d in result.errors] == [Code.INVALID_TEXT]
    assert result.errors[0].line >= 1


def test_a_few_stray_control_characters_are_removed_with_a_warning():
    text = owl_article().replace("Owls are built", "Owls are\x0c built")

    result = parse_article(text)

    assert found(result) == [(Code.CONTROL_CHARACTERS, 3)]
    assert result.article.intro == [
        "Owls are built for the dark, and their habits follow from that."
    ]


# -- files -----------------------------------------------------------------------------------------


def test_parse_file_names_the_file_in_diagnostics(tmp_path):
    path = tmp_path / "owls.txt"
    path.write_text(owl_article().replace("A: No, some species also hunt by day.", "A:"))

    result = parse_file(path)

    assert [str(d) for d in result.diagnostics] == [
        f"{path}:{ANSWER_LINE}: warning: empty answer to 'Do all owls hunt at night?'"
    ]


@pytest.mark.parametrize("kind", ["missing", "directory"])
def test_unreadable_file_is_an_error_not_an_exception(tmp_path, kind):
    path = tmp_path / "owls.txt"
    if kind == "directory":
        path.mkdir()

    result = parse_file(path)

    assert found(result) == [(Code.UNREADABLE_FILE, None)]
    assert str(result.errors[0]).startswith(f"{path}: error: cannot read file:")
