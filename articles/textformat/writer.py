"""Writing a ``ParsedArticle`` back to the plain-text article format.

The output has the seed's layout: an empty first line, the title, one line per paragraph, no
blank lines in between, block headings and Q/A markers in the article's language, LF line
endings and a final newline. Parsing the output gives an equal ``ParsedArticle``, provided every
paragraph ends in sentence punctuation (a paragraph without it reads back as a heading: the
format cannot tell them apart).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from articles.textformat.markers import MARKERS, LanguageMarkers, markers_for
from articles.textformat.model import ParsedArticle

_LINE_BREAKS = re.compile(r"\s*[\r\n]+\s*")


class RenderError(ValueError):
    """The article cannot be written, e.g. it has FAQs but no known language for the markers."""


def render_article(article: ParsedArticle) -> str:
    title = _one_line(article.title)
    if not title:
        raise RenderError("cannot render an article without a title")
    lines = ["", title]
    lines += _paragraphs(article.intro)
    for section in article.sections:
        lines.append(_one_line(section.heading))
        lines += _paragraphs(section.paragraphs)

    if article.conclusion or article.conclusion_heading is not None:
        lines.append(
            _one_line(article.conclusion_heading)
            if article.conclusion_heading
            else _table(article, "a conclusion").conclusion_heading
        )
        lines += _paragraphs(article.conclusion)

    if article.faqs or article.faq_heading is not None:
        if article.faq_heading:
            lines.append(_one_line(article.faq_heading))
        if article.faqs:
            table = _table(article, "FAQs")
            if not article.faq_heading:
                lines.append(table.faq_heading)
            for faq in article.faqs:
                lines.append(_marked(table.question_marker, _one_line(faq.question)))
                answer = [_one_line(part) for part in faq.answer.splitlines()]
                answer = [part for part in answer if part]
                lines.append(_marked(table.answer_marker, answer[0] if answer else ""))
                lines += answer[1:]

    if article.keywords or article.keywords_heading is not None:
        lines.append(
            _one_line(article.keywords_heading)
            if article.keywords_heading
            else _table(article, "keywords").keyword_heading
        )
        lines += (f"- {keyword}" for keyword in _paragraphs(article.keywords))

    return "\n".join(lines) + "\n"


def _table(article: ParsedArticle, needed_for: str) -> LanguageMarkers:
    table = markers_for(article.language)
    if table is None:
        raise RenderError(
            f"cannot render {needed_for} of '{article.title}': no marker table for language"
            f" {article.language!r} (known: {', '.join(MARKERS)})"
        )
    return table


def _marked(marker: str, text: str) -> str:
    return f"{marker} {text}" if text else marker


def _one_line(text: str) -> str:
    """One line of the format holds one item, so line breaks inside it become spaces."""
    if "\n" in text or "\r" in text:
        text = _LINE_BREAKS.sub(" ", text)
    return text.strip()


def _paragraphs(paragraphs: Iterable[str]) -> list[str]:
    return [line for line in map(_one_line, paragraphs) if line]
