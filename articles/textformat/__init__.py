"""The plain-text article format: parser, writer and per-language marker tables.

Pure Python (no Django), so it can be used and tested without a database.

Layout, one item per line (blank lines are ignored, so generators may add them)::

    <optional empty first line>
    Title
    Intro paragraph(s)
    Section heading
    Section paragraph(s)
    ... more sections ...
    Fazit                       <- conclusion heading (marker table)
    Conclusion paragraph(s)
    Fragen & Antworten          <- FAQ heading (marker table)
    F: Question?
    A: Answer.
    Wichtige Schlüsselwörter    <- keyword heading (marker table)
    - focus keyword             <- the first keyword is the focus keyword
    - more keywords

A section heading is a line that does not end in sentence punctuation (``. ! ? … : ; ,``,
looking through closing quotes and brackets) and is not a bullet; everything else in the body
is a paragraph. A heading longer than ``LONG_HEADING_LENGTH`` gets a warning, as it is more
likely a paragraph without its full stop. The title may be any line (it often
ends in "?"). Accepted input: UTF-8 with or without BOM, LF/CRLF/CR line endings, trailing
whitespace, no final newline.

Typical use::

    result = parse_file(path, language=None)   # or parse_article(data, source=str(path))
    for diagnostic in result.diagnostics:
        print(diagnostic)                       # "path:12: warning: question without answer (F: …)"
    if result.ok:
        article = result.article
    text = render_article(article)
"""

from articles.textformat.language import detect_language
from articles.textformat.markers import MARKERS, LanguageMarkers, markers_for
from articles.textformat.model import (
    Diagnostic,
    DiagnosticCode,
    ParsedArticle,
    ParsedFAQ,
    ParsedSection,
    ParseResult,
    Severity,
)
from articles.textformat.parser import LONG_HEADING_LENGTH, parse_article, parse_file
from articles.textformat.writer import RenderError, render_article

__all__ = [
    "LONG_HEADING_LENGTH",
    "MARKERS",
    "Diagnostic",
    "DiagnosticCode",
    "LanguageMarkers",
    "ParseResult",
    "ParsedArticle",
    "ParsedFAQ",
    "ParsedSection",
    "RenderError",
    "Severity",
    "detect_language",
    "markers_for",
    "parse_article",
    "parse_file",
    "render_article",
]
