"""Between the plain-text article format (``ParsedArticle``) and the pages' ``ArticleContent``.

Imported text never becomes markup by accident: every paragraph is HTML-escaped and wrapped in
``<p>``, so scripts, event handlers and ``javascript:`` links arrive as visible text. The escaping
is the one Wagtail's editor (Draftail) stores typed text with: ``&``, ``<`` and ``>`` only, so an
apostrophe is stored as ``'`` whether it was typed in the admin, written by the demo loader or
imported (``&#x27;`` would make the same text look changed to every comparison).

Exporting flattens rich text back to one paragraph per block. The text format has no links or
emphasis, so an update keeps a field's current rich text when its paragraphs read the same
(``keep``): importing an export never strips the links an editor added.
"""

from __future__ import annotations

import re
from html import escape, unescape

from anyascii import anyascii
from django.utils.html import strip_tags
from django.utils.text import slugify
from wagtail.models import Page

from articles.content import ArticleContent, FAQContent, KeywordContent, SectionContent
from articles.models import FAQ, Section
from articles.textformat import Diagnostic, ParsedArticle, ParsedFAQ, ParsedSection, Severity
from seo.models import Keyword

# Letters whose plain-ASCII spelling depends on the language: a German reader expects
# "Rückenschmerzen" to become "rueckenschmerzen", not "ruckenschmerzen". Everything not listed
# here is transliterated by anyascii. Add a language by adding an entry.
SLUG_TRANSLITERATIONS: dict[str, dict[str, str]] = {
    "de": {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"},
}
# Search engines show about 75 characters of a URL; long question titles make long slugs, so
# they are cut at a word boundary.
SLUG_MAX_LENGTH = 100

# Block-level ends (and line breaks) separate paragraphs when rich text is flattened to lines.
_BLOCK_END = re.compile(r"</(?:p|h[1-6]|li|blockquote|div)>|<br\s*/?>", re.IGNORECASE)


def article_slug(title: str, *, language: str | None) -> str:
    """The ASCII slug for ``title``: "Woran fühlt sich …?" -> "woran-fuehlt-sich-…"."""
    for letter, spelling in SLUG_TRANSLITERATIONS.get(language or "", {}).items():
        title = title.replace(letter, spelling)
    slug = slugify(anyascii(title))
    if len(slug) > SLUG_MAX_LENGTH:
        slug = slug[: SLUG_MAX_LENGTH + 1].rsplit("-", 1)[0] or slug[:SLUG_MAX_LENGTH]
    return slug


def paragraphs_to_rich_text(paragraphs: list[str]) -> str:
    """Plain paragraphs -> the database's rich text: escaped text in ``<p>`` blocks, which every
    rich text field accepts whatever its features."""
    return "".join(
        f"<p>{escape(paragraph, quote=False)}</p>" for paragraph in paragraphs if paragraph.strip()
    )


def _kept_rich_text(paragraphs: list[str], current_html: str | None) -> str:
    """``paragraphs`` as rich text, or ``current_html`` when it reads the same: the text format
    carries no links, emphasis or headings, and unchanged text keeps them."""
    if current_html and rich_text_to_paragraphs(current_html) == _flattened(paragraphs):
        return current_html
    return paragraphs_to_rich_text(paragraphs)


def _flattened(paragraphs: list[str]) -> list[str]:
    """Paragraphs as ``rich_text_to_paragraphs`` gives them back (whitespace runs as one space)."""
    return [" ".join(paragraph.split()) for paragraph in paragraphs if paragraph.strip()]


def rich_text_to_paragraphs(html: str) -> list[str]:
    """Rich text -> one plain paragraph per block (paragraph, heading, list item)."""
    if not html:
        return []
    text = _BLOCK_END.sub("\n", html)
    paragraphs = (" ".join(unescape(strip_tags(part)).split()) for part in text.split("\n"))
    return [paragraph for paragraph in paragraphs if paragraph]


def parsed_to_content(
    article: ParsedArticle, *, slug: str, keep: ArticleContent | None = None
) -> ArticleContent:
    """The page content for a parsed article. Fields the text format does not carry (SEO title,
    description, author, hero image alt text) are taken from ``keep``, the existing content, and
    so is the rich text of every field whose paragraphs read the same (links, emphasis)."""
    current_sections = keep.sections if keep else ()
    current_faqs = keep.faqs if keep else ()

    def current(items: tuple, position: int, attribute: str) -> str | None:
        return getattr(items[position], attribute) if position < len(items) else None

    return ArticleContent(
        title=article.title.strip(),
        slug=slug,
        intro_html=_kept_rich_text(article.intro, keep.intro_html if keep else None),
        sections=tuple(
            SectionContent(
                heading=section.heading.strip(),
                body_html=_kept_rich_text(
                    section.paragraphs, current(current_sections, position, "body_html")
                ),
            )
            for position, section in enumerate(article.sections)
        ),
        conclusion_html=_kept_rich_text(article.conclusion, keep.conclusion_html if keep else None),
        faqs=tuple(
            FAQContent(
                question=faq.question.strip(),
                answer_html=_kept_rich_text(
                    faq.answer_paragraphs, current(current_faqs, position, "answer_html")
                ),
            )
            for position, faq in enumerate(article.faqs)
        ),
        keywords=tuple(
            KeywordContent(term=" ".join(term.split()), focus=position == 0)
            for position, term in enumerate(article.keywords)
        ),
        seo_title=keep.seo_title if keep else "",
        search_description=keep.search_description if keep else "",
        author_name=keep.author_name if keep else "",
        hero_image_alt=keep.hero_image_alt if keep else "",
    )


def content_to_parsed(content: ArticleContent, *, language: str) -> ParsedArticle:
    """The text-format structure of page content; the focus keyword comes first."""
    keywords = sorted(content.keywords, key=lambda keyword: not keyword.focus)
    return ParsedArticle(
        language=language,
        title=content.title,
        intro=rich_text_to_paragraphs(content.intro_html),
        sections=[
            ParsedSection(
                heading=section.heading, paragraphs=rich_text_to_paragraphs(section.body_html)
            )
            for section in content.sections
        ],
        conclusion=rich_text_to_paragraphs(content.conclusion_html),
        faqs=[
            ParsedFAQ(
                question=faq.question,
                answer="\n".join(rich_text_to_paragraphs(faq.answer_html)),
            )
            for faq in content.faqs
        ],
        keywords=[keyword.term for keyword in keywords],
    )


def _max_length(model, field_name: str) -> int:
    return model._meta.get_field(field_name).max_length


# Diagnostic codes of the import step (the parser's own codes are ``DiagnosticCode`` members).
TEXT_TOO_LONG = "text-too-long"


def length_errors(article: ParsedArticle, *, source: str) -> list[Diagnostic]:
    """Texts longer than their database column, as error diagnostics with line numbers (the
    database would otherwise reject them, or on SQLite silently keep them)."""
    checks: list[tuple[int | None, str, str, int]] = [
        (article.title_line, "title", article.title, _max_length(Page, "title")),
    ]
    checks += [
        (section.line, "section heading", section.heading, _max_length(Section, "heading"))
        for section in article.sections
    ]
    checks += [
        (faq.line, "question", faq.question, _max_length(FAQ, "question")) for faq in article.faqs
    ]
    checks += [
        (article.keywords_line, f"keyword '{term[:40]}…'", term, _max_length(Keyword, "term"))
        for term in article.keywords
    ]
    return [
        Diagnostic(
            Severity.ERROR,
            line,
            TEXT_TOO_LONG,  # type: ignore[arg-type]
            f"{what} is longer than {limit} characters ({len(text.strip())})",
            source,
        )
        for line, what, text, limit in checks
        if len(text.strip()) > limit
    ]
