"""Decoding raw input: UTF-8 with optional BOM, and clear errors for anything that is not text."""

from __future__ import annotations

import pytest

from articles.textformat.decoding import decode_text, line_of, split_lines
from articles.textformat.model import DiagnosticCode, Severity


def test_split_lines_treats_crlf_cr_and_lf_as_one_line_end_each():
    assert split_lines("a\r\nb\rc\nd") == ["a", "b", "c", "d"]


def test_line_of_counts_crlf_as_one_line_end():
    text = "one\r\ntwo\r\nthree"

    assert line_of(text, text.index("three")) == 3


@pytest.mark.parametrize("data", [b"\xef\xbb\xbfTitle", "\ufeffTitle", b"Title", "Title"])
def test_bom_is_removed_from_bytes_and_str(data):
    decoded = decode_text(data)

    assert (decoded.text, decoded.diagnostics) == ("Title", [])


def test_invalid_byte_position_counts_lines_and_bytes_after_a_bom():
    decoded = decode_text(b"\xef\xbb\xbfTitle\r\nBody\r\nK\xe4se\r\n", source="cheese.txt")

    [diagnostic] = decoded.diagnostics
    assert decoded.text is None
    assert (diagnostic.severity, diagnostic.code, diagnostic.line) == (
        Severity.ERROR,
        DiagnosticCode.INVALID_TEXT,
        3,
    )
    assert "byte 0xe4 at line 3, byte 2 of the line (offset 17)" in diagnostic.message


@pytest.mark.parametrize("bom", [b"\xff\xfe", b"\xfe\xff"], ids=["le", "be"])
def test_utf16_with_bom_is_named_in_the_error(bom):
    [diagnostic] = decode_text(bom + "Title".encode("utf-16-le")).diagnostics

    assert "UTF-16" in diagnostic.message


@pytest.mark.parametrize("as_bytes", [True, False], ids=["bytes", "str"])
def test_nul_character_makes_the_input_binary(as_bytes):
    text = "Title\nBody\x00text\n"

    decoded = decode_text(text.encode() if as_bytes else text)

    assert decoded.text is None
    assert [(d.code, d.line) for d in decoded.diagnostics] == [(DiagnosticCode.INVALID_TEXT, 2)]


def test_many_control_characters_make_the_input_binary():
    decoded = decode_text("Title\n" + "\x01\x02\x03 noise " * 10)

    assert decoded.text is None
    assert [(d.code, d.line) for d in decoded.diagnostics] == [(DiagnosticCode.INVALID_TEXT, 2)]


def test_a_stray_form_feed_is_removed_with_a_warning():
    decoded = decode_text("Title\n" + "Body text of a normal length. " * 5 + "\x0c\n")

    assert decoded.text is not None and "\x0c" not in decoded.text
    assert [(d.severity, d.code, d.line) for d in decoded.diagnostics] == [
        (Severity.WARNING, DiagnosticCode.CONTROL_CHARACTERS, 2)
    ]
