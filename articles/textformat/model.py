"""What the article text parser produces: the article structure and its diagnostics.

Line numbers are 1-based and count every physical line of the input, blank ones included. They
take no part in equality, so an article parsed from a file equals the same article parsed from
its re-rendered text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


@dataclass(kw_only=True)
class ParsedSection:
    heading: str
    paragraphs: list[str] = field(default_factory=list)
    line: int | None = field(default=None, compare=False)


@dataclass(kw_only=True)
class ParsedFAQ:
    question: str
    # Several answer paragraphs (unmarked lines after the answer line) are joined with "\n".
    answer: str
    line: int | None = field(default=None, compare=False)
    answer_line: int | None = field(default=None, compare=False)

    @property
    def answer_paragraphs(self) -> list[str]:
        return [part for part in self.answer.split("\n") if part]


@dataclass(kw_only=True)
class ParsedArticle:
    """One article in one language.

    ``keywords[0]`` is the focus keyword by convention of the format (see ``focus_keyword``).
    The ``*_heading`` fields are None for the language's standard heading (the first one in
    its marker table, e.g. "Fazit") and hold the text otherwise ("Zusammenfassung", or an
    unrecognised heading), so an article built without headings equals its parsed export.
    ``keyword_lines`` has the line of each keyword, in the same order.
    """

    language: str | None = None
    title: str
    intro: list[str] = field(default_factory=list)
    sections: list[ParsedSection] = field(default_factory=list)
    conclusion: list[str] = field(default_factory=list)
    conclusion_heading: str | None = None
    faqs: list[ParsedFAQ] = field(default_factory=list)
    faq_heading: str | None = None
    keywords: list[str] = field(default_factory=list)
    keywords_heading: str | None = None

    keyword_lines: list[int] = field(default_factory=list, compare=False)  # one per keyword
    title_line: int | None = field(default=None, compare=False)
    conclusion_line: int | None = field(default=None, compare=False)
    faq_line: int | None = field(default=None, compare=False)
    keywords_line: int | None = field(default=None, compare=False)

    @property
    def focus_keyword(self) -> str | None:
        return self.keywords[0] if self.keywords else None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict of the structure (no line numbers), e.g. for a JSON export."""
        return {
            "language": self.language,
            "title": self.title,
            "intro": list(self.intro),
            "sections": [
                {"heading": section.heading, "paragraphs": list(section.paragraphs)}
                for section in self.sections
            ],
            "conclusion_heading": self.conclusion_heading,
            "conclusion": list(self.conclusion),
            "faq_heading": self.faq_heading,
            "faqs": [{"question": faq.question, "answer": faq.answer} for faq in self.faqs],
            "keywords_heading": self.keywords_heading,
            "keywords": list(self.keywords),
        }


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


class DiagnosticCode(StrEnum):
    """Stable, machine-readable diagnostic codes (the messages are for people)."""

    # Errors: the file cannot become an article.
    INVALID_TEXT = "invalid-text"
    UNREADABLE_FILE = "unreadable-file"
    NO_TITLE = "no-title"
    NO_BODY = "no-body"
    # Warnings: the article is usable, but something was guessed, dropped or is missing.
    CONTROL_CHARACTERS = "control-characters"
    UNKNOWN_LANGUAGE = "unknown-language"
    LANGUAGE_MISMATCH = "language-mismatch"
    EMPTY_SECTION = "empty-section"
    LONG_HEADING = "long-heading"
    EMPTY_BLOCK = "empty-block"
    UNKNOWN_BLOCK_HEADING = "unknown-block-heading"
    DUPLICATE_BLOCK_HEADING = "duplicate-block-heading"
    HEADING_IN_CONCLUSION = "heading-in-conclusion"
    MISSING_FAQ_HEADING = "missing-faq-heading"
    QUESTION_WITHOUT_ANSWER = "question-without-answer"
    EMPTY_QUESTION = "empty-question"
    EMPTY_ANSWER = "empty-answer"
    ANSWER_WITHOUT_QUESTION = "answer-without-question"
    MISSING_QUESTION_MARKER = "missing-question-marker"
    MISSING_ANSWER_MARKER = "missing-answer-marker"
    UNMARKED_FAQ_LINE = "unmarked-faq-line"
    DUPLICATE_KEYWORD = "duplicate-keyword"
    EMPTY_KEYWORD = "empty-keyword"
    KEYWORD_WITHOUT_BULLET = "keyword-without-bullet"


@dataclass(frozen=True)
class Diagnostic:
    severity: Severity
    line: int | None
    # A ``DiagnosticCode``; callers such as the importer may add their own string codes.
    code: DiagnosticCode | str
    message: str
    source: str = "<text>"

    def __str__(self) -> str:
        location = self.source if self.line is None else f"{self.source}:{self.line}"
        return f"{location}: {self.severity}: {self.message}"


@dataclass
class ParseResult:
    """``article`` is None exactly when there is at least one error diagnostic."""

    article: ParsedArticle | None
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.WARNING]

    @property
    def ok(self) -> bool:
        return self.article is not None and not self.errors
