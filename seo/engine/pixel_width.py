"""Rendered width of a title in Arial, to predict where Google cuts it off."""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

_WIDTHS_FILE = Path(__file__).parent / "data" / "arial_widths.json"
ELLIPSIS = "…"


@cache
def _table() -> tuple[dict[str, int], int, int]:
    data = json.loads(_WIDTHS_FILE.read_text(encoding="utf-8"))
    return data["widths"], int(data["default_width"]), int(data["units_per_em"])


@cache
def char_units(char: str) -> int:
    """Advance width of one character in font units; accented letters use their base letter."""
    widths, default, _ = _table()
    if char in widths:
        return widths[char]
    base = unicodedata.normalize("NFD", char)[:1]
    return widths.get(base, default)


def text_width_px(text: str, font_px: float = 20.0) -> float:
    _, _, units_per_em = _table()
    return sum(char_units(ch) for ch in text) * font_px / units_per_em


@dataclass(frozen=True, slots=True)
class Truncation:
    width_px: float
    truncated: bool
    # Characters that stay visible when the title is cut (an ellipsis is appended); equals the
    # title length when nothing is cut.
    visible_chars: int
    visible_text: str


def truncation(text: str, max_px: float, font_px: float = 20.0) -> Truncation:
    """Where a title of `text` is cut when rendered in at most `max_px` pixels."""
    width = text_width_px(text, font_px)
    if width <= max_px:
        return Truncation(round(width, 1), False, len(text), text)
    _, _, units_per_em = _table()
    budget = max_px - char_units(ELLIPSIS) * font_px / units_per_em
    used = 0.0
    visible = 0
    for char in text:
        used += char_units(char) * font_px / units_per_em
        if used > budget:
            break
        visible += 1
    # Google cuts at a word boundary when there is one reasonably close.
    cut = text.rfind(" ", 0, visible + 1)
    if cut > visible * 0.7:
        visible = cut
    return Truncation(round(width, 1), True, visible, text[:visible].rstrip() + ELLIPSIS)
