"""The result dataclasses: diagnostics as compiler-style messages, results, JSON-ready articles."""

from __future__ import annotations

import json

from articles.textformat import (
    Diagnostic,
    DiagnosticCode,
    ParsedArticle,
    ParsedFAQ,
    ParsedSection,
    ParseResult,
    Severity,
)


def warning(line: int | None = 12) -> Diagnostic:
    return Diagnostic(
        Severity.WARNING,
        line,
        DiagnosticCode.QUESTION_WITHOUT_ANSWER,
        "question without answer (F: Warum?)",
        "articles/eulen.txt",
    )


def test_diagnostic_reads_like_a_compiler_message():
    assert str(warning()) == "articles/eulen.txt:12: warning: question without answer (F: Warum?)"


def test_diagnostic_without_line_names_only_the_source():
    assert str(warning(None)) == "articles/eulen.txt: warning: question without answer (F: Warum?)"


def test_result_splits_errors_from_warnings():
    error = Diagnostic(Severity.ERROR, None, DiagnosticCode.NO_TITLE, "no title: the text is empty")

    result = ParseResult(None, [warning(), error])

    assert (result.errors, result.warnings, result.ok) == ([error], [warning()], False)


def test_result_with_article_and_only_warnings_is_ok():
    result = ParseResult(ParsedArticle(title="Eulen"), [warning()])

    assert result.ok


def test_line_numbers_do_not_take_part_in_equality():
    first = ParsedArticle(
        title="Eulen",
        title_line=1,
        sections=[ParsedSection(heading="Flug", paragraphs=["Leise."], line=3)],
        faqs=[ParsedFAQ(question="Warum?", answer="Darum.", line=9, answer_line=10)],
    )
    second = ParsedArticle(
        title="Eulen",
        title_line=2,
        sections=[ParsedSection(heading="Flug", paragraphs=["Leise."], line=5)],
        faqs=[ParsedFAQ(question="Warum?", answer="Darum.", line=20, answer_line=22)],
    )

    assert first == second


def test_first_keyword_is_the_focus_keyword():
    assert ParsedArticle(title="Eulen", keywords=["Eulen", "Nacht"]).focus_keyword == "Eulen"
    assert ParsedArticle(title="Eulen").focus_keyword is None


def test_to_dict_is_json_ready_and_has_no_line_numbers():
    article = ParsedArticle(
        language="de",
        title="Eulen",
        title_line=2,
        intro=["Eulen jagen nachts."],
        sections=[ParsedSection(heading="Flug", paragraphs=["Leise."], line=4)],
        conclusion=["Gut so."],
        conclusion_heading="Fazit",
        faqs=[ParsedFAQ(question="Warum?", answer="Darum.", line=9)],
        keywords=["Eulen"],
    )

    data = json.loads(json.dumps(article.to_dict()))

    assert data == {
        "language": "de",
        "title": "Eulen",
        "intro": ["Eulen jagen nachts."],
        "sections": [{"heading": "Flug", "paragraphs": ["Leise."]}],
        "conclusion_heading": "Fazit",
        "conclusion": ["Gut so."],
        "faq_heading": None,
        "faqs": [{"question": "Warum?", "answer": "Darum."}],
        "keywords_heading": None,
        "keywords": ["Eulen"],
    }
