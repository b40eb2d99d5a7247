"""Parsing the seed article and the fixture files: the structure the importer will receive and the
diagnostics it will report."""

from __future__ import annotations

import pytest

from articles.textformat import DiagnosticCode, Severity, parse_article, parse_file
from tests.articles.textformat.samples import (
    MALFORMED_FIXTURES,
    VALID_FIXTURE_FILES,
    fixture_language,
)

Code = DiagnosticCode

# Where the seed's six section headings are (line numbers, so the seed's text is not copied here).
SEED_SECTION_LINES = [4, 10, 17, 24, 31, 37]
SEED_SECTION_PARAGRAPHS = [5, 6, 6, 6, 5, 4]


def test_seed_parses_as_one_german_article_with_every_part(seed_bytes):
    raw_lines = seed_bytes.decode("utf-8").split("\n")

    result = parse_article(seed_bytes, source="seed.txt")

    assert result.diagnostics == []
    article = result.article
    assert article.language == "de"
    assert article.title == raw_lines[1]
    assert article.title_line == 2
    assert article.intro == [raw_lines[2]]
    assert [section.line for section in article.sections] == SEED_SECTION_LINES
    assert [section.heading for section in article.sections] == [
        raw_lines[number - 1] for number in SEED_SECTION_LINES
    ]
    assert [len(section.paragraphs) for section in article.sections] == SEED_SECTION_PARAGRAPHS
    # None: the standard heading of the language ("Fazit", "Fragen & Antworten", ...)
    assert article.conclusion_heading is None
    assert article.conclusion_line == 42
    assert len(article.conclusion) == 2
    assert (article.faq_heading, article.faq_line) == (None, 45)
    assert len(article.faqs) == 5
    assert all(faq.question.endswith("?") and faq.answer for faq in article.faqs)
    assert (article.keywords_heading, article.keywords_line) == (None, 56)
    assert len(article.keywords) == 9
    assert article.focus_keyword == raw_lines[56].removeprefix("- ")


def test_seed_with_crlf_bom_and_trailing_spaces_gives_the_same_article(seed_bytes):
    text = seed_bytes.decode("utf-8")
    messy = "\ufeff" + "\r\n".join(f"{line}  " for line in text.split("\n"))

    result = parse_article(messy.encode("utf-8"))

    assert result.diagnostics == []
    assert result.article == parse_article(seed_bytes).article


@pytest.mark.parametrize("path", VALID_FIXTURE_FILES, ids=lambda path: path.name)
def test_own_fixture_parses_cleanly_in_its_language(path):
    result = parse_file(path)

    assert [str(d) for d in result.diagnostics] == []
    article = result.article
    assert article.language == fixture_language(path)
    assert article.intro
    assert 2 <= len(article.sections) <= 4
    assert all(section.paragraphs for section in article.sections)
    assert article.conclusion
    assert 2 <= len(article.faqs) <= 3
    assert all(faq.question.endswith("?") and faq.answer for faq in article.faqs)
    assert 4 <= len(article.keywords) <= 6


def test_fixtures_cover_the_languages_of_the_issue():
    languages = {fixture_language(path) for path in VALID_FIXTURE_FILES}

    assert languages >= {"de", "en", "nl", "fr", "es", "it"}


def test_german_and_english_fixtures_are_translations_with_the_same_shape():
    def shape(article):
        return (
            len(article.intro),
            [len(section.paragraphs) for section in article.sections],
            len(article.conclusion),
            len(article.faqs),
            len(article.keywords),
        )

    [german] = [path for path in VALID_FIXTURE_FILES if fixture_language(path) == "de"]
    [english] = [path for path in VALID_FIXTURE_FILES if fixture_language(path) == "en"]

    assert shape(parse_file(german).article) == shape(parse_file(english).article)


# file name -> the exact diagnostics (severity, code, line) the importer must report for it
MALFORMED_EXPECTATIONS = {
    "answer_without_question.txt": [(Severity.WARNING, Code.ANSWER_WITHOUT_QUESTION, 9)],
    "binary_garbage.txt": [(Severity.ERROR, Code.INVALID_TEXT, 1)],
    "bom.txt": [],
    "crlf.txt": [],
    "duplicate_keyword.txt": [(Severity.WARNING, Code.DUPLICATE_KEYWORD, 14)],
    "empty.txt": [(Severity.ERROR, Code.NO_TITLE, None)],
    "empty_answer.txt": [(Severity.WARNING, Code.EMPTY_ANSWER, 10)],
    "empty_section.txt": [(Severity.WARNING, Code.EMPTY_SECTION, 4)],
    "latin1.txt": [(Severity.ERROR, Code.INVALID_TEXT, 4)],
    "no_title.txt": [(Severity.ERROR, Code.NO_TITLE, None)],
    "question_without_answer.txt": [(Severity.WARNING, Code.QUESTION_WITHOUT_ANSWER, 9)],
    "title_only.txt": [
        (Severity.WARNING, Code.UNKNOWN_LANGUAGE, None),
        (Severity.ERROR, Code.NO_BODY, 2),
    ],
    "unknown_block_heading.txt": [(Severity.WARNING, Code.UNKNOWN_BLOCK_HEADING, 8)],
    "utf16.txt": [(Severity.ERROR, Code.INVALID_TEXT, 1)],
}


def test_every_malformed_fixture_has_expectations():
    assert sorted(path.name for path in MALFORMED_FIXTURES.iterdir()) == sorted(
        MALFORMED_EXPECTATIONS
    )


@pytest.mark.parametrize(("name", "expected"), sorted(MALFORMED_EXPECTATIONS.items()))
def test_malformed_fixture_reports_exact_diagnostics_and_no_article_on_error(name, expected):
    path = MALFORMED_FIXTURES / name

    result = parse_file(path)

    assert [(d.severity, d.code, d.line) for d in result.diagnostics] == expected
    assert all(str(d).startswith(f"{path}:") for d in result.diagnostics)
    has_error = any(severity is Severity.ERROR for severity, _code, _line in expected)
    assert (result.article is None) is has_error
    assert result.ok is not has_error


def test_crlf_and_bom_fixtures_hold_the_same_article():
    crlf = parse_file(MALFORMED_FIXTURES / "crlf.txt").article
    bom = parse_file(MALFORMED_FIXTURES / "bom.txt").article

    assert crlf == bom
    assert crlf.language == "en"
