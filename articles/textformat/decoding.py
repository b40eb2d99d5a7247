"""From raw input to text the parser can trust: UTF-8 decoded, BOM removed, no binary content.

Problems become diagnostics with a line (and for bytes a column and offset), never exceptions.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from articles.textformat.model import Diagnostic, DiagnosticCode, Severity

LINE_BREAK = re.compile(r"\r\n|\r|\n")
_BYTES_LINE_BREAK = re.compile(rb"\r\n|\r|\n")
# C0 and C1 control characters other than tab, LF and CR.
_CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Word processors leave the odd form feed or vertical tab in exported text; that is noise to
# strip. A text where more than this share of characters are controls is binary data.
MAX_CONTROL_SHARE = 0.01

_NOT_TEXT = "not valid UTF-8 text"


@dataclass
class DecodedText:
    """``text`` is None when the input cannot be read as text (then there is an error)."""

    text: str | None
    diagnostics: list[Diagnostic] = field(default_factory=list)


def decode_text(data: str | bytes, *, source: str = "<text>") -> DecodedText:
    if isinstance(data, bytes | bytearray | memoryview):
        decoded = _decode_bytes(bytes(data), source)
        if decoded.text is None:
            return decoded
        text = decoded.text
    else:
        text = data.removeprefix("\ufeff")
    return _reject_or_clean_control_characters(text, source)


def _decode_bytes(data: bytes, source: str) -> DecodedText:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _error(
            source,
            1,
            f"{_NOT_TEXT}: the file starts with a UTF-16 byte order mark; save it as UTF-8",
        )
    bom_length = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    body = data[bom_length:]
    try:
        return DecodedText(body.decode("utf-8"))
    except UnicodeDecodeError as exc:
        breaks = list(_BYTES_LINE_BREAK.finditer(body, 0, exc.start))
        line = len(breaks) + 1
        line_start = breaks[-1].end() if breaks else 0
        column = exc.start - line_start + 1
        offset = exc.start + bom_length
        return _error(
            source,
            line,
            f"{_NOT_TEXT}: byte 0x{body[exc.start]:02x} at line {line}, byte {column} of the line"
            f" (offset {offset}); save the file as UTF-8",
        )


def _reject_or_clean_control_characters(text: str, source: str) -> DecodedText:
    first = _CONTROL_CHARACTER.search(text)
    if first is None:
        return DecodedText(text)
    line = line_of(text, first.start())
    if "\x00" in text:
        nul_line = line_of(text, text.index("\x00"))
        return _error(source, nul_line, f"{_NOT_TEXT}: NUL byte at line {nul_line} (binary data?)")
    count = len(_CONTROL_CHARACTER.findall(text))
    if count > len(text) * MAX_CONTROL_SHARE:
        return _error(
            source,
            line,
            f"{_NOT_TEXT}: {count} control characters, the first at line {line} (binary data?)",
        )
    warning = Diagnostic(
        Severity.WARNING,
        line,
        DiagnosticCode.CONTROL_CHARACTERS,
        f"removed {count} control character(s), the first one here",
        source,
    )
    return DecodedText(_CONTROL_CHARACTER.sub("", text), [warning])


def split_lines(text: str) -> list[str]:
    """The physical lines of ``text``; CRLF, lone CR and LF each end a line."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.split("\n")


def line_of(text: str, position: int) -> int:
    """1-based line number of ``position`` in ``text`` (CRLF, CR and LF each end a line)."""
    return sum(1 for _ in LINE_BREAK.finditer(text, 0, position)) + 1


def _error(source: str, line: int, message: str) -> DecodedText:
    return DecodedText(
        None, [Diagnostic(Severity.ERROR, line, DiagnosticCode.INVALID_TEXT, message, source)]
    )
