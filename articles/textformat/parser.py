"""Parsing the plain-text article format into a ``ParsedArticle`` plus diagnostics.

The layout (see the package docstring for the full rules): an optional empty first line, the
title, intro paragraphs, sections (heading line + paragraph lines), then the conclusion, FAQ and
keyword blocks, each opened by a heading from the marker table. One line is one paragraph;
blank lines carry no meaning.

Decisions about unclear input, each reported as a warning so nothing changes silently:
- A heading followed directly by another heading (or a block heading, or the end) becomes a
  section without paragraphs (``empty-section``); it is kept, not merged, so no text is lost.
- A heading-like line directly followed by a question line opens the FAQ block, and one followed
  only by bullets up to the end (after the body) opens the keyword block
  (``unknown-block-heading``); a question/answer pair with no FAQ heading at all opens the FAQ
  block too (``missing-faq-heading``).
- A block heading from another language's table still opens its block
  (``unknown-block-heading``).
- In the FAQ block an unmarked line after a question is its answer (``missing-answer-marker``),
  an unmarked line ending in "?" is a question (``missing-question-marker``), and any other
  unmarked line after an answer is a further paragraph of that answer (joined with "\\n").
- A question without answer is kept with an empty answer; an answer without question, an empty
  keyword and a duplicate keyword are dropped.
- Heading-like lines inside the conclusion stay conclusion paragraphs
  (``heading-in-conclusion``): the format has no sections after the conclusion.
- The blocks may come in any order and the parser accepts that; the writer always puts them in
  the order conclusion, FAQ, keywords.

Only an article that parses without warnings is guaranteed to read back identically from
``render_article``; after a warning the parser has guessed, and the rendered text shows what
it understood.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from articles.textformat.decoding import decode_text
from articles.textformat.language import guess_language
from articles.textformat.lines import Block, Line, LineKind, classify_lines
from articles.textformat.markers import MARKERS, LanguageMarkers, heading_key, markers_for
from articles.textformat.model import (
    Diagnostic,
    DiagnosticCode,
    ParsedArticle,
    ParsedFAQ,
    ParsedSection,
    ParseResult,
    Severity,
)

_EXCERPT_LENGTH = 60
# The seed's longest section heading has ~125 characters. A longer line without final
# punctuation is still read as a heading (the format's rule), but more likely it is a
# paragraph whose full stop is missing, so the editor is told.
LONG_HEADING_LENGTH = 200


def parse_article(
    data: str | bytes, *, source: str = "<text>", language: str | None = None
) -> ParseResult:
    """Parse one article. Bytes must be UTF-8 (a BOM is allowed). ``language`` forces the
    language instead of detecting it. Never raises for bad input: problems are diagnostics
    whose messages name ``source`` and the line."""
    decoded = decode_text(data, source=source)
    if decoded.text is None:
        return ParseResult(None, decoded.diagnostics)
    lines = classify_lines(decoded.text)
    report = _Report(source, decoded.diagnostics)
    if not lines:
        detail = "the text has only blank lines" if decoded.text else "the text is empty"
        report.error(None, DiagnosticCode.NO_TITLE, f"no title: {detail}")
        return report.result(None)
    title = lines[0]
    if title.kind in _NOT_A_TITLE:
        report.error(
            title.number,
            DiagnosticCode.NO_TITLE,
            f"no title: the first line is a {title.kind.value}, not a title"
            f" ({_excerpt(title.text)})",
        )
        return report.result(None)
    article = ParsedArticle(title=title.text, title_line=title.number)
    _ArticleParser(article, lines, report, language).run()
    if not _has_body_text(article):
        report.error(
            title.number,
            DiagnosticCode.NO_BODY,
            "no body text: no intro, section or conclusion paragraph after the title",
        )
    return report.result(article)


def parse_file(path: str | Path, *, language: str | None = None) -> ParseResult:
    """Read and parse one file; an unreadable file is an error diagnostic, not an exception."""
    source = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        diagnostic = Diagnostic(
            Severity.ERROR,
            None,
            DiagnosticCode.UNREADABLE_FILE,
            f"cannot read file: {reason}",
            source,
        )
        return ParseResult(None, [diagnostic])
    return parse_article(data, source=source, language=language)


def _excerpt(text: str) -> str:
    if len(text) <= _EXCERPT_LENGTH:
        return text
    return text[: _EXCERPT_LENGTH - 1].rstrip() + "…"


def _normalise_language(language: str) -> str:
    return language.strip().lower().replace("_", "-")


def _drop_default_headings(article: ParsedArticle, table: LanguageMarkers) -> None:
    """None stands for the language's standard block heading, so an article built without
    headings (e.g. from the database) equals the same article parsed back from its export."""
    if article.conclusion_heading and _same_heading(
        article.conclusion_heading, table.conclusion_heading
    ):
        article.conclusion_heading = None
    if article.faq_heading and _same_heading(article.faq_heading, table.faq_heading):
        article.faq_heading = None
    if article.keywords_heading and _same_heading(article.keywords_heading, table.keyword_heading):
        article.keywords_heading = None


def _same_heading(written: str, standard: str) -> bool:
    return heading_key(written) == heading_key(standard)


def _keyword_key(keyword: str) -> str:
    return " ".join(keyword.split()).casefold()


_NOT_A_TITLE = (LineKind.BLOCK_HEADING, LineKind.QUESTION, LineKind.ANSWER, LineKind.BULLET)


class _Report:
    """Collects the diagnostics of one parse and hands out the result."""

    def __init__(self, source: str, diagnostics: list[Diagnostic]) -> None:
        self.source = source
        self.diagnostics = diagnostics

    def error(self, line: int | None, code: DiagnosticCode, message: str) -> None:
        self.diagnostics.append(Diagnostic(Severity.ERROR, line, code, message, self.source))

    def warn(self, line: int | None, code: DiagnosticCode, message: str) -> None:
        self.diagnostics.append(Diagnostic(Severity.WARNING, line, code, message, self.source))

    def result(self, article: ParsedArticle | None) -> ParseResult:
        # File-level diagnostics first, then in line order (the sort is stable).
        self.diagnostics.sort(key=lambda d: -1 if d.line is None else d.line)
        if any(d.severity is Severity.ERROR for d in self.diagnostics):
            article = None
        return ParseResult(article, self.diagnostics)


def _has_body_text(article: ParsedArticle) -> bool:
    return bool(
        article.intro
        or article.conclusion
        or any(section.paragraphs for section in article.sections)
    )


class _ArticleParser:
    """Fills ``article`` (title already set) from the lines after the title, region by region."""

    def __init__(
        self,
        article: ParsedArticle,
        lines: list[Line],
        report: _Report,
        forced_language: str | None,
    ) -> None:
        self.article = article
        self.lines = lines
        self.report = report
        self.forced_language = forced_language
        self.region: Block | None = None  # None: the body (intro and sections)
        self.section: ParsedSection | None = None
        self.block_lines: dict[Block, Line] = {}
        # The last FAQ until it has been checked for a missing or empty answer.
        self.pending_faq: ParsedFAQ | None = None
        self.pending_question_text = ""
        self.keyword_lines: dict[str, int] = {}

    def _warn(self, line: int | None, code: DiagnosticCode, message: str) -> None:
        self.report.warn(line, code, message)

    def run(self) -> None:
        handlers: dict[Block | None, Callable[[Line], None]] = {
            None: self._body_line,
            Block.CONCLUSION: self._conclusion_line,
            Block.FAQ: self._faq_line,
            Block.KEYWORDS: self._keyword_line,
        }
        for position in range(1, len(self.lines)):
            line = self.lines[position]
            if line.kind is LineKind.BLOCK_HEADING:
                self._enter_block(line.block, line, heading=line.content)
                continue
            if line.kind is LineKind.HEADING and self._opens_unknown_block(position):
                continue
            if self._opens_faq_without_heading(position):
                self._enter_block(Block.FAQ, line, heading=None)
            handlers[self.region](line)
        self._leave_region("the end of the text")
        self._check_empty_blocks()
        self._decide_language()

    def _next(self, position: int) -> Line | None:
        return self.lines[position + 1] if position + 1 < len(self.lines) else None

    def _opens_unknown_block(self, position: int) -> bool:
        line = self.lines[position]
        following = self._next(position)
        if following is None:
            return False
        if following.kind is LineKind.QUESTION and self.region is not Block.FAQ:
            block = Block.FAQ
        elif (
            self.region is not None
            and Block.KEYWORDS not in self.block_lines
            and all(later.kind is LineKind.BULLET for later in self.lines[position + 1 :])
        ):
            block = Block.KEYWORDS
        else:
            return False
        self._warn(
            line.number,
            DiagnosticCode.UNKNOWN_BLOCK_HEADING,
            f"unknown block heading '{_excerpt(line.text)}': not in the marker table, read as"
            f" the {block} heading because"
            f" {'a question follows' if block is Block.FAQ else 'only bullets follow'}",
        )
        self._enter_block(block, line, heading=line.text)
        return True

    def _opens_faq_without_heading(self, position: int) -> bool:
        line = self.lines[position]
        following = self._next(position)
        if (
            self.region in (None, Block.CONCLUSION)
            and line.kind is LineKind.QUESTION
            and following is not None
            and following.kind is LineKind.ANSWER
        ):
            self._warn(
                line.number,
                DiagnosticCode.MISSING_FAQ_HEADING,
                "question and answer without an FAQ heading before them; read as the FAQ block",
            )
            return True
        return False

    def _enter_block(self, block: Block, line: Line, *, heading: str | None) -> None:
        self._leave_region(f"the {block} heading")
        self.region = block
        if block in self.block_lines:
            first = self.block_lines[block].number
            self._warn(
                line.number,
                DiagnosticCode.DUPLICATE_BLOCK_HEADING,
                f"second {block} heading (the first is on line {first}); its lines are added to"
                " the same block",
            )
            return
        self.block_lines[block] = line
        article = self.article
        heading_line = None if heading is None else line.number
        if block is Block.CONCLUSION:
            article.conclusion_heading, article.conclusion_line = heading, heading_line
        elif block is Block.FAQ:
            article.faq_heading, article.faq_line = heading, heading_line
        else:
            article.keywords_heading, article.keywords_line = heading, heading_line

    def _leave_region(self, reason: str) -> None:
        self._close_section(reason)
        self._close_faq()

    # -- body: intro and sections --------------------------------------------------------------

    def _body_line(self, line: Line) -> None:
        article = self.article
        if line.kind is LineKind.HEADING:
            self._close_section("another heading")
            if len(line.text) > LONG_HEADING_LENGTH:
                self._warn(
                    line.number,
                    DiagnosticCode.LONG_HEADING,
                    f"heading of {len(line.text)} characters ({_excerpt(line.text)}); if it is a"
                    " paragraph, end it with a full stop",
                )
            self.section = ParsedSection(heading=line.text, line=line.number)
            article.sections.append(self.section)
        elif self.section is not None:
            self.section.paragraphs.append(line.text)
        else:
            article.intro.append(line.text)

    def _close_section(self, reason: str) -> None:
        section, self.section = self.section, None
        if section is not None and not section.paragraphs:
            self._warn(
                section.line,
                DiagnosticCode.EMPTY_SECTION,
                f"empty section: heading '{_excerpt(section.heading)}' is followed directly by"
                f" {reason}; kept as a section without paragraphs",
            )

    # -- conclusion ------------------------------------------------------------------------------

    def _conclusion_line(self, line: Line) -> None:
        if line.kind is LineKind.HEADING:
            self._warn(
                line.number,
                DiagnosticCode.HEADING_IN_CONCLUSION,
                f"'{_excerpt(line.text)}' looks like a section heading but sections cannot follow"
                " the conclusion; kept as a conclusion paragraph",
            )
        self.article.conclusion.append(line.text)

    # -- FAQ ---------------------------------------------------------------------------------------

    def _faq_line(self, line: Line) -> None:
        if line.kind is LineKind.QUESTION:
            self._open_faq(line, line.content)
        elif line.kind is LineKind.ANSWER:
            self._answer(line)
        else:
            self._unmarked_faq_line(line)

    def _open_faq(self, line: Line, question: str) -> None:
        self._close_faq()
        if not question:
            self._warn(line.number, DiagnosticCode.EMPTY_QUESTION, "question marker without text")
        self.pending_faq = ParsedFAQ(question=question, answer="", line=line.number)
        self.pending_question_text = line.text
        self.article.faqs.append(self.pending_faq)

    def _awaiting_answer(self) -> bool:
        return self.pending_faq is not None and self.pending_faq.answer_line is None

    def _answer(self, line: Line) -> None:
        if not self._awaiting_answer():
            self._warn(
                line.number,
                DiagnosticCode.ANSWER_WITHOUT_QUESTION,
                f"answer without question ({_excerpt(line.text)}); ignored",
            )
            return
        faq = self.article.faqs[-1]
        faq.answer, faq.answer_line = line.content, line.number

    def _unmarked_faq_line(self, line: Line) -> None:
        faqs = self.article.faqs
        if self._awaiting_answer():
            self._warn(
                line.number,
                DiagnosticCode.MISSING_ANSWER_MARKER,
                "line after a question has no answer marker; read as its answer",
            )
            faqs[-1].answer, faqs[-1].answer_line = line.text, line.number
        elif line.text.endswith("?"):
            self._warn(
                line.number,
                DiagnosticCode.MISSING_QUESTION_MARKER,
                "line ending in '?' has no question marker; read as a question",
            )
            self._open_faq(line, line.text)
        elif faqs:
            faq = faqs[-1]
            faq.answer = f"{faq.answer}\n{line.text}" if faq.answer else line.text
            if faq.answer_line is None:
                faq.answer_line = line.number
        else:
            self._warn(
                line.number,
                DiagnosticCode.UNMARKED_FAQ_LINE,
                f"line in the FAQ block is neither a question nor an answer"
                f" ({_excerpt(line.text)}); ignored",
            )

    def _close_faq(self) -> None:
        """Check the last FAQ once no further answer line can belong to it."""
        faq, self.pending_faq = self.pending_faq, None
        if faq is None or faq.answer:
            return
        if faq.answer_line is None:
            self._warn(
                faq.line,
                DiagnosticCode.QUESTION_WITHOUT_ANSWER,
                f"question without answer ({_excerpt(self.pending_question_text)})",
            )
        else:
            self._warn(
                faq.answer_line,
                DiagnosticCode.EMPTY_ANSWER,
                f"empty answer to '{_excerpt(faq.question)}'",
            )

    # -- keywords ----------------------------------------------------------------------------------

    def _keyword_line(self, line: Line) -> None:
        if line.kind is LineKind.BULLET:
            keyword = line.content
            if not keyword:
                self._warn(line.number, DiagnosticCode.EMPTY_KEYWORD, "empty keyword; ignored")
                return
        else:
            keyword = line.text
            self._warn(
                line.number,
                DiagnosticCode.KEYWORD_WITHOUT_BULLET,
                f"keyword line without '- ' bullet ({_excerpt(keyword)}); read as a keyword",
            )
        key = _keyword_key(keyword)
        if key in self.keyword_lines:
            self._warn(
                line.number,
                DiagnosticCode.DUPLICATE_KEYWORD,
                f"duplicate keyword '{_excerpt(keyword)}' (first on line"
                f" {self.keyword_lines[key]}); dropped",
            )
            return
        self.keyword_lines[key] = line.number
        self.article.keywords.append(keyword)
        self.article.keyword_lines.append(line.number)

    # -- after the walk ----------------------------------------------------------------------------

    def _check_empty_blocks(self) -> None:
        article = self.article
        filled = {
            Block.CONCLUSION: bool(article.conclusion),
            Block.FAQ: bool(article.faqs),
            Block.KEYWORDS: bool(article.keywords),
        }
        for block, line in self.block_lines.items():
            if not filled[block]:
                self._warn(
                    line.number,
                    DiagnosticCode.EMPTY_BLOCK,
                    f"{block} heading '{_excerpt(line.text)}' has nothing under it",
                )

    def _decide_language(self) -> None:
        article = self.article
        guess = guess_language(self.lines)
        if self.forced_language:
            article.language = _normalise_language(self.forced_language)
            table = markers_for(article.language)
            if table is None:
                self._warn(
                    None,
                    DiagnosticCode.UNKNOWN_LANGUAGE,
                    f"no marker table for language '{article.language}' (known:"
                    f" {', '.join(MARKERS)}); block headings and markers of all languages accepted",
                )
            elif guess.language is not None and guess.language != table.language:
                self._warn(
                    None,
                    DiagnosticCode.LANGUAGE_MISMATCH,
                    f"language forced to '{article.language}', but the block headings and Q/A"
                    f" markers look like '{guess.language}'",
                )
        else:
            article.language = guess.language
            if guess.language is None:
                detail = (
                    f"it could be any of {', '.join(guess.candidates)}"
                    if guess.candidates
                    else "there are no block headings or Q/A markers"
                )
                self._warn(
                    None,
                    DiagnosticCode.UNKNOWN_LANGUAGE,
                    f"cannot tell the language: {detail}; set it explicitly",
                )
        table = markers_for(article.language)
        self._check_foreign_block_headings(table)
        if table is not None:
            _drop_default_headings(article, table)

    def _check_foreign_block_headings(self, table: LanguageMarkers | None) -> None:
        if table is None:
            return
        language = table.language
        for block, line in self.block_lines.items():
            if line.kind is LineKind.BLOCK_HEADING and language not in line.languages:
                self._warn(
                    line.number,
                    DiagnosticCode.UNKNOWN_BLOCK_HEADING,
                    f"'{_excerpt(line.text)}' is not a {block} heading in '{language}' (it is one"
                    f" in {', '.join(sorted(line.languages))}); read as the {block} heading",
                )
