"""Plain text from Wagtail rich text, words and sentences."""

from __future__ import annotations

import random
import re
import unicodedata

import pytest

from seo.engine import html_to_plain_text, normalise_plain_text
from seo.engine.fields import _ASCII_ELISION_RE, _ELISION_RE
from seo.engine.keyword_forms import _TRAILING_ASCII_HYPHEN_RE, _TRAILING_HYPHEN_RE
from seo.engine.text import (
    _FULL_STOP_END_RE,
    _SENTENCE_END_RE,
    WORD_RE,
    _BlockCollector,
    _simple_html_blocks,
    parse_rich_text,
    sentence_starts,
    split_sentences,
    tokenize,
)


def test_blocks_become_lines_and_inline_markup_disappears():
    html = '<p>Ein <b>fetter</b> <a href="/x">Link</a>.</p><h3>Titel</h3><ul><li>Eins</li></ul>'
    assert html_to_plain_text(html) == "Ein fetter Link.\nTitel\nEins"


def test_entities_are_decoded_and_whitespace_collapsed():
    assert html_to_plain_text("<p>Salz &amp;\n   Pfeffer&nbsp;</p>") == "Salz & Pfeffer"


def test_block_offsets_point_into_plain_text():
    rich = parse_rich_text("<p>Absatz eins.</p><h3>Zwischentitel</h3><p>Absatz zwei.</p>")
    assert [(b.kind, rich.text[b.start : b.end]) for b in rich.blocks] == [
        ("p", "Absatz eins."),
        ("h3", "Zwischentitel"),
        ("p", "Absatz zwei."),
    ]
    assert rich.blocks[1].is_heading and rich.blocks[1].heading_level == 3


def test_markup_without_text_is_flagged():
    assert parse_rich_text("<p><br/></p>").has_markup_only
    assert not parse_rich_text("").has_markup_only


def test_script_content_is_not_text():
    assert html_to_plain_text("<p>Hallo</p><script>alert(1)</script>") == "Hallo"


RICH_TEXT_SAMPLES = [
    "",
    "Text ohne Tags",
    '<p>Ein <b>fetter</b> <a href="/x">Link</a>.</p><h3>Titel</h3><ul><li>Eins</li></ul>',
    '<p>Zeile<br/>zwei<br />drei<BR>vier</p><P CLASS="x">Gross</P>',
    "<p>Salz &amp; Pfeffer &lt;scharf&gt; &#228;&#x00fc; AT&T &nbsp;</p>",
    '<p><a href="/a?x=1&amp;y=2" title="a > b">Pfeil</a> und <a href=\'/b\'>Zwei</a></p>',
    "<p>a < b und c > d</p>",
    "<p>Vor<!-- Kommentar <p>nicht</p> -->nach</p>",
    "<p>Hallo</p><script>document.write('<p>x</p>')</script><p>Welt</p>",
    "<p>Hallo</p><STYLE>p { color: red }</STYLE>",
    "<!DOCTYPE html><p>Dokument</p>",
    "<p>offen <b>fett",
    '<p>kaputt <a href="/x>Link</a></p>',
    "<p/><p>leer davor</p><div>Block <span>inline</span></div>Rest",
    '<p>\n  Zeilen\n  umbrochen  </p>\n<h2 id="k">Kopf</h2>\n',
    "<p><![CDATA[roh]]>Text</p>",
    "</p>",
    "Text</b> und &amp; mehr</li>",
    "<p>Absatz<h3/>Rest<b/>",
]


@pytest.mark.parametrize("html", RICH_TEXT_SAMPLES)
def test_fast_rich_text_scan_agrees_with_html_parser(html):
    """The regular-expression scan for simple rich text gives HTMLParser's blocks, and leaves
    everything else to HTMLParser."""
    reference = _BlockCollector()
    reference.feed(html)
    reference.close()
    fast = _simple_html_blocks(html)
    if fast is not None:
        assert fast == (reference.blocks, reference.saw_tag)
    assert parse_rich_text(html).text == "\n".join(text for _kind, text in reference.blocks)


def test_editor_rich_text_takes_the_fast_scan():
    html = '<p>Ein <b>fetter</b> <a linktype="page" id="3">Link</a> &amp; mehr.</p><h3>T</h3>'
    assert _simple_html_blocks(html) is not None
    assert _simple_html_blocks("<p>x</p><!-- y -->") is None


def test_plain_text_is_nfc_and_trimmed():
    assert normalise_plain_text("  Ru\u0308cken \t schmerzen ") == "Rücken schmerzen"


def test_hyphenated_compound_and_elided_part_are_single_words():
    tokens = tokenize("Darm- und Magen-Darm-Trakt, Prä-/Probiotika")
    assert tokens.words == ["Darm-", "und", "Magen-Darm-Trakt", "Prä-", "Probiotika"]
    text = "Darm- und Magen-Darm-Trakt, Prä-/Probiotika"
    assert [text[s:e] for s, e in zip(tokens.starts, tokens.ends, strict=True)] == tokens.words


@pytest.mark.parametrize(
    "lang, text, expected",
    [
        ("de", "Das hilft z. B. bei Schmerzen. Dr. Meier rät dazu.", 2),
        ("de", "Am 3. Mai beginnt es. Im Jahr 2020. Danach nicht.", 3),
        ("en", "It works, e.g. for oats. Mr. Smith agrees! Does it?", 3),
        ("nl", "Dit helpt bijv. bij pijn. Dat is goed.", 2),
        ("fr", "Cela aide, p. ex. le matin. C'est simple.", 2),
        ("es", "Ayuda, p. ej. por la mañana. ¿Es fácil? Sí.", 3),
        ("it", "Aiuta, ecc. ogni giorno. È facile.", 2),
    ],
)
def test_sentences_split_at_terminal_punctuation_but_not_abbreviations(lang, text, expected):
    spans = split_sentences(text, lang)
    assert len(spans) == expected
    assert "".join(text[s:e] for s, e in spans).replace(" ", "") == text.replace(" ", "")


def test_each_line_is_its_own_sentence():
    assert len(split_sentences("Titel ohne Punkt\nErster Satz.", "de")) == 2


@pytest.mark.parametrize(
    "value",
    [
        "schon normal",
        " vorne",
        "hinten ",
        "zwei  Leerzeichen",
        "Zeilen\numbruch",
        "Tab\tstopp",
        "ge\u00a0schützt",
        "schmal\u202fLeerzeichen",
        "Ideogramm\u3000Leerzeichen",
        "weich\u00adgetrennt",
        "",
    ],
)
def test_plain_text_normalisation_equals_collapsing_every_whitespace(value):
    assert normalise_plain_text(value) == " ".join(unicodedata.normalize("NFC", value).split())


ASCII_PUNCTUATION_SAMPLES = [
    "Erster Satz. Zweiter Satz.  Dritter.\nNeue Zeile. z. B. hier. Am 3. Mai. Ende...",
    "Er sagte: „Gut.“ Dann ging er. (Klammer.) [Eckig.] Weiter... ja. Schluss.",
    "Darm- und Rückenschmerzen, Prä-/Probiotika, Magen-Darm-Trakt - ein Strich -, Ende-",
    "Nur-Bindestriche-ohne Elision und ohne Punkt",
    "",
]


@pytest.mark.parametrize("text", ASCII_PUNCTUATION_SAMPLES)
def test_literal_fast_patterns_agree_with_the_general_ones(text):
    """Texts with only full stops and ASCII hyphens take patterns that start with a literal
    (faster to scan); they find exactly what the general patterns find."""
    for fast, general in (
        (_FULL_STOP_END_RE, _SENTENCE_END_RE),
        (_ASCII_ELISION_RE, _ELISION_RE),
        (_TRAILING_ASCII_HYPHEN_RE, _TRAILING_HYPHEN_RE),
    ):
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in general.finditer(text)]


def test_word_pattern_equals_its_plain_definition_on_random_text():
    """WORD_RE is written for speed; it finds the same words as the plain definition: parts
    joined by single hyphens, plus a trailing hyphen before a space, slash or comma."""
    plain = re.compile(r"\w++(?:[-\u2010\u2011]\w++)*+(?:[-\u2010\u2011](?=[\s/,]))?+")
    alphabet = ["a", "ü", "1", "_", "-", "\u2010", "\u2011", " ", "/", ",", ".", "\n", "ß"]
    rng = random.Random(7)
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        assert [m.span() for m in WORD_RE.finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ], text


@pytest.mark.parametrize("lang", ["de", "en", "fr"])
def test_sentence_starts_are_the_same_with_the_texts_own_tokens(lang):
    """Given the text's tokens, the abbreviation test reads the word before a full stop from
    them instead of searching; the sentences must not change."""
    pieces = ["z", "B", "usw", "Dr", "e", "g", "3", "12", "2024", "Garten", "Wurzelballen",
              "Magen-Darm", "(", ")", "„", "“", "'", "/", ".", ". ", ". ", "! ", "? ", " ",
              " ", "\n", "etc", "M", "x.y"]  # fmt: skip
    rng = random.Random(11)
    for _ in range(5_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 24)))
        assert sentence_starts(text, lang, tokenize(text)) == sentence_starts(text, lang), text
