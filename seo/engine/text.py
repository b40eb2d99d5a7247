"""Plain text from Wagtail rich text, words and sentences.

Every character offset the engine reports points into the strings produced here, so frontends
that want to highlight matches must derive their text with `html_to_plain_text` (rich-text
fields) or `normalise_plain_text` (plain fields such as the title) as well.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser
from itertools import accumulate
from typing import NamedTuple

from .languages import profile_for

# A word: letters/digits, optionally joined by hyphens into a compound ("Magen-Darm-Trakt"),
# optionally ending in a hyphen when the rest of the compound is elided ("Darm- und ...").
# \w admits "_" too, which costs nothing in prose and keeps the pattern fast. Every part is
# possessive: the first attempt is always the longest word, and the engine is spared the
# backtracking bookkeeping on each of an article's thousands of words. A hyphen is followed
# by the next part or by the end of an elided word, in one group: at the end of a plain word
# only one hyphen test fails, not two (equivalent to `\w++(?:-\w++)*+(?:-(?=[\s/,]))?+`, with
# the three hyphens; a test compares them).
WORD_RE = re.compile(r"\w++(?:[-\u2010\u2011](?:\w++|(?=[\s/,])))*+")
# The same pattern as a capturing split: words land at the odd indexes of the result, and the
# running total of the piece lengths gives every word's offsets without a Python-level loop.
_WORD_SPLIT_RE = re.compile(f"({WORD_RE.pattern})")
HYPHEN_CHARS = "-\u2010\u2011"
HYPHENS_RE = re.compile(f"[{HYPHEN_CHARS}]")
# Candidate sentence ends: terminal punctuation, closing quotes/brackets, spaces (not a line
# break: every line starts a sentence anyway), then a word, optionally after an opening quote.
# The first character is spelled out on its own ("[.!?…][.!?…]*", not "[.!?…]+"): then the
# regular-expression engine skips ahead to candidate characters, about twice as fast; and a
# text whose only terminal punctuation is the full stop (most paragraphs) takes the variant
# that starts with that literal, which is scanned about twice as fast again.
_AFTER_FIRST_TERMINAL = r"[.!?…]*[\"'”’»)\]]*[^\S\n]+(?=[\"'„“«»(\[¿¡]*\w)"
_SENTENCE_END_RE = re.compile(r"[.!?…]" + _AFTER_FIRST_TERMINAL)
_FULL_STOP_END_RE = re.compile(r"\." + _AFTER_FIRST_TERMINAL)

BLOCK_TAGS = frozenset(
    {
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "div",
        "blockquote",
        "pre",
        "figcaption",
        "td",
        "th",
        "dt",
        "dd",
    }
)
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_SKIPPED_TAGS = frozenset({"script", "style", "template"})
# A start or end tag whose attribute values are quoted, split into (closing slash, name,
# attributes); Wagtail's rich text consists of nothing else (see `_simple_html_blocks`).
_SIMPLE_TAG_SPLIT_RE = re.compile(
    r"<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s(?:[^<>\"']|\"[^\"]*\"|'[^']*')*)?/?)>"
)


class Block(NamedTuple):
    """A block of rich text: `kind` is the tag ("p", "h3", "li", ...); `start` its offset.

    (A named tuple, as `Tokens`: an article makes dozens, and a tuple builds faster than a
    frozen dataclass.)
    """

    kind: str
    text: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def is_heading(self) -> bool:
        return self.kind in HEADING_TAGS

    @property
    def heading_level(self) -> int:
        return int(self.kind[1]) if self.is_heading else 0


@dataclass(frozen=True, slots=True)
class RichText:
    """Plain text of a rich-text field (blocks joined by newlines) and its blocks."""

    text: str
    blocks: tuple[Block, ...]
    has_markup_only: bool  # HTML present but no visible text (e.g. "<p><br></p>")


def normalise_plain_text(value: str) -> str:
    """NFC, whitespace runs collapsed to one space, trimmed. Used for plain-text fields."""
    text = unicodedata.normalize("NFC", value or "")
    # Most texts are already collapsed. Every whitespace character but the ASCII space is
    # unprintable, so a printable text without double or edge spaces is its own result.
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(text.split())


class _BlockCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, str]] = []
        self._kind = "p"
        self._parts: list[str] = []
        self._skip_depth = 0
        self.saw_tag = False

    def _flush(self) -> None:
        text = normalise_plain_text("".join(self._parts))
        if text:
            self.blocks.append((self._kind, text))
        self._parts = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.saw_tag = True
        if tag in _SKIPPED_TAGS:
            self._skip_depth += 1
        elif tag in BLOCK_TAGS:
            self._flush()
            self._kind = tag
        elif tag == "br":
            self._parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED_TAGS:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag in BLOCK_TAGS:
            self._flush()
            self._kind = "p"

    def handle_data(self, data: str) -> None:
        if not self._skip_depth:
            self._parts.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def _simple_html_blocks(html: str) -> tuple[list[tuple[str, str]], bool] | None:
    """(blocks, whether any tag was seen) from a regular-expression scan when `html` is simple:
    only tags with quoted attributes, entities and text, no comments, declarations or skipped
    elements. Gives `_BlockCollector`'s result (a test compares them).

    HTMLParser dominated the engine's profile, and rich text from Wagtail's editor is always
    simple; anything else returns None and goes through HTMLParser.
    """
    pieces = _SIMPLE_TAG_SPLIT_RE.split(html)
    if any("<" in text for text in pieces[::4]):
        return None  # a comment, a declaration, a stray "<" or an unquoted odd attribute
    names = [name.lower() for name in pieces[2::4]]
    if not _SKIPPED_TAGS.isdisjoint(names):
        return None
    blocks: list[tuple[str, str]] = []
    kind = "p"
    parts: list[str] = []
    # One loop with the collector's rules inlined: a method call per tag cost more than the
    # scan itself. Every block tag, start or end, closes the text collected so far.
    for position, name in enumerate(names):
        index = 4 * position
        text = pieces[index]
        if text:
            parts.append(unescape(text) if "&" in text else text)
        if name in BLOCK_TAGS:
            if parts:
                block_text = normalise_plain_text("".join(parts))
                if block_text:
                    blocks.append((kind, block_text))
                parts = []
            closed = pieces[index + 1] or pieces[index + 3].endswith("/")
            kind = "p" if closed else name
        elif name == "br" and not pieces[index + 1]:
            parts.append(" ")
    text = pieces[-1]
    if text:
        parts.append(unescape(text) if "&" in text else text)
    if parts:
        block_text = normalise_plain_text("".join(parts))
        if block_text:
            blocks.append((kind, block_text))
    return blocks, "" in pieces[1::4]  # a start tag has no closing slash


def parse_rich_text(html: str) -> RichText:
    """Split Wagtail rich text into blocks; text outside any block becomes a paragraph."""
    simple = _simple_html_blocks(html or "")
    if simple is None:
        collector = _BlockCollector()
        collector.feed(html or "")
        collector.close()
        simple = collector.blocks, collector.saw_tag
    collected, saw_tag = simple
    blocks: list[Block] = []
    offset = 0
    for kind, text in collected:
        blocks.append(Block(kind, text, offset))
        offset += len(text) + 1
    text = "\n".join(block.text for block in blocks)
    markup_only = not text and saw_tag
    return RichText(text, tuple(blocks), markup_only)


def html_to_plain_text(html: str) -> str:
    """The plain text match offsets refer to: one line per block, whitespace collapsed."""
    return parse_rich_text(html).text


def words(text: str) -> list[str]:
    """Words of `text`; a hyphenated compound is one word."""
    return WORD_RE.findall(text)


class Tokens(NamedTuple):
    """The words of a text with their start and end offsets (parallel lists)."""

    words: list[str]
    starts: list[int]
    ends: list[int]


def tokenize(text: str) -> Tokens:
    pieces = _WORD_SPLIT_RE.split(text)
    bounds = list(accumulate(map(len, pieces)))
    found = pieces[1::2]
    return Tokens(found, bounds[0 : 2 * len(found) : 2], bounds[1::2])


def sentence_starts(text: str, lang: str, tokens: Tokens | None = None) -> list[int]:
    """Offsets where sentences begin; each line (block) starts a new sentence too.

    `tokens` (the text's own, from `tokenize`) only make the abbreviation test cheaper.
    """
    abbreviations = profile_for(lang).abbreviations
    starts = [0]
    position = text.find("\n")
    while position != -1:
        starts.append(position + 1)
        position = text.find("\n", position + 1)
    only_full_stops = "!" not in text and "?" not in text and "…" not in text
    ends = _FULL_STOP_END_RE if only_full_stops else _SENTENCE_END_RE
    for match in ends.finditer(text):
        dot = match.start()
        if text[dot] == "." and _is_abbreviation(text, dot, abbreviations, tokens):
            continue
        starts.append(match.end())
    starts.sort()
    return starts


# No abbreviation the engine knows is longer than this; longer words end sentences at once.
_LONGEST_ABBREVIATION = 8
# How far back from a full stop the abbreviation test looks for the start of the word.
_ABBREVIATION_WINDOW = _LONGEST_ABBREVIATION + 2


def _is_abbreviation(
    text: str, dot: int, abbreviations: frozenset[str], tokens: Tokens | None = None
) -> bool:
    if tokens is not None:
        # Usually a word ends at the dot and starts after a space or a line break: then that
        # word is the token the search below would find, without searching.
        index = bisect_left(tokens.ends, dot)
        if index < len(tokens.ends) and tokens.ends[index] == dot:
            word_start = tokens.starts[index]
            if dot - word_start >= _ABBREVIATION_WINDOW:
                return False  # the whole window lies inside one long word
            if word_start == 0 or text[word_start - 1] in " \n":
                return _is_abbreviation_token(tokens.words[index].casefold(), abbreviations)
    window = max(0, dot - _ABBREVIATION_WINDOW)
    space = text.rfind(" ", window, dot)
    if space == -1 and window > 0 and text.rfind("\n", window, dot) == -1:
        return False
    start = max(space, text.rfind("\n", window, dot), text.rfind(".", window, dot)) + 1
    return _is_abbreviation_token(text[start:dot].strip("(\"'„“«").casefold(), abbreviations)


def _is_abbreviation_token(token: str, abbreviations: frozenset[str]) -> bool:
    if not token:
        return False
    if token.isdigit():
        return len(token) <= 2  # "am 3. Januar": an ordinal number, not a sentence end
    # A single letter ("z. B.", "e. g.") or a known abbreviation keeps the sentence going.
    return len(token) == 1 or token in abbreviations


def split_sentences(text: str, lang: str) -> list[tuple[int, int]]:
    """(start, end) spans of the sentences in `text`, trailing whitespace excluded."""
    starts = sentence_starts(text, lang)
    spans = []
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(text)
        segment = text[start:end].rstrip()
        if segment.strip():
            spans.append((start, start + len(segment)))
    return spans
