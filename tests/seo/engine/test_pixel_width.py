"""Title width in Arial 20 px and where search results cut it."""

from __future__ import annotations

from seo.engine import text_width_px, truncation


def test_width_uses_arial_advance_widths():
    # "Wi": W = 944/1000 em, i = 222/1000 em; at 20 px: 18.88 + 4.44.
    assert text_width_px("Wi") == 23.32


def test_accented_letters_fall_back_to_their_base_letter():
    assert text_width_px("ą") == text_width_px("a")


def test_unknown_characters_use_the_default_width():
    assert text_width_px("中") == 556 * 20 / 1000


def test_short_title_is_not_truncated():
    cut = truncation("Kurzer Titel", 600)
    assert not cut.truncated and cut.visible_text == "Kurzer Titel"


def test_long_title_is_cut_at_a_word_boundary_within_the_width():
    title = "Sehr langer Titel " * 8
    cut = truncation(title.strip(), 600)
    assert cut.truncated
    assert cut.visible_text.endswith("…")
    assert text_width_px(cut.visible_text) <= 600
    assert title.startswith(cut.visible_text[:-1])
