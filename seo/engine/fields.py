"""Fields as the matcher and the checks see them: plain text, words with offsets, sentences."""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import NamedTuple

from .text import Block, sentence_starts, tokenize

# A hyphen followed by a space, comma or slash: an elided compound part ("Darm- und").
_ELISION_RE = re.compile(r"[-\u2010\u2011][\s,/]")
# The same for texts whose only hyphen is "-": a literal first character scans several times
# faster than a class (texts with U+2010/U+2011 are rare).
_ASCII_ELISION_RE = re.compile(r"-[\s,/]")

LOCATION_BY_FIELD = {
    "title": "title",
    "seo_title": "seo_title",
    "meta_description": "meta_description",
    "slug": "slug",
    "intro": "intro",
    "conclusion": "conclusion",
    "heading": "heading",
    "body": "body",
    "question": "faq",
    "answer": "faq",
}


def location_for_path(path: str) -> str:
    """Coarse location of a field path: "sections[2].heading" -> "heading", "faqs[0].answer"
    -> "faq", "title" -> "title". Unknown paths are their own location."""
    return LOCATION_BY_FIELD.get(path.rsplit(".", 1)[-1], path)


class FieldText(NamedTuple):
    """One field as the matcher and the checks see it: text, words with offsets, sentences.

    `source` (defaults to `text`) is what match texts are cut from, which lets the slug be
    tokenised with spaces while matches still quote the slug itself. `blocks` are the rich-text
    blocks (paragraphs, list items, inner headings) for rich-text fields, else empty.
    (A named tuple, as `Block` and `Tokens`: an article makes dozens, and a tuple builds about
    twice as fast as a frozen dataclass.)
    """

    path: str
    location: str
    text: str
    sentence_starts: list[int]
    words: list[str]
    starts: list[int]
    ends: list[int]
    blocks: tuple[Block, ...] = ()
    source: str | None = None

    @property
    def has_elision(self) -> bool:
        text = self.text
        if "\u2010" in text or "\u2011" in text:
            return _ELISION_RE.search(text) is not None
        return "-" in text and _ASCII_ELISION_RE.search(text) is not None

    def word_range(self, start: int, end: int) -> tuple[int, int]:
        """Indexes [first, last) of the words starting inside text[start:end]."""
        return bisect_left(self.starts, start), bisect_left(self.starts, end)


def make_field(
    path: str,
    text: str,
    lang: str,
    *,
    location: str | None = None,
    blocks: tuple[Block, ...] = (),
) -> FieldText:
    """Tokenise one field of plain text for matching."""
    tokens = tokenize(text)
    return FieldText(
        path=path,
        location=location or location_for_path(path),
        text=text,
        sentence_starts=sentence_starts(text, lang, tokens),
        words=tokens.words,
        starts=tokens.starts,
        ends=tokens.ends,
        blocks=blocks,
    )


def make_slug_field(slug: str, lang: str) -> FieldText:
    """The slug as a field: its hyphens separate words, so they are tokenised as spaces."""
    spaced = slug.replace("-", " ").replace("_", " ")
    tokens = tokenize(spaced)
    return FieldText(
        path="slug",
        location="slug",
        text=spaced,
        sentence_starts=[0],
        words=tokens.words,
        starts=tokens.starts,
        ends=tokens.ends,
        source=slug,
    )
