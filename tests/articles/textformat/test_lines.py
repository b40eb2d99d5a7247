"""Line classification: what a single line can be before its context decides."""

from __future__ import annotations

import pytest

from articles.textformat.lines import (
    Block,
    LineKind,
    classify_lines,
    looks_like_heading,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Silent flight: how owl feathers muffle the sound of the wing", True),
        ("Irritable bowel syndrome (IBS)", True),
        ("Owls in 2024", True),
        ("Why do owls hunt at night?", False),
        ("Owls hunt at night.", False),
        ("Owls hunt at night!", False),
        ("Owls hunt at night…", False),
        ("Three reasons:", False),
        ("First reason;", False),
        ("They hunt, rest,", False),
        ("He said “hoot.”", False),
        ("(see the figure.)", False),
        ("x" * 500, True),
    ],
)
def test_heading_candidates_end_without_sentence_punctuation(text, expected):
    assert looks_like_heading(text) is expected


def test_lines_are_numbered_from_one_and_blank_lines_skipped():
    lines = classify_lines("\nTitle\n\n  Body text.  \n")

    assert [(line.number, line.text) for line in lines] == [(2, "Title"), (4, "Body text.")]


@pytest.mark.parametrize(
    ("text", "kind", "content"),
    [
        ("- owls at night", LineKind.BULLET, "owls at night"),
        ("-", LineKind.BULLET, ""),
        ("F: Warum?", LineKind.QUESTION, "Warum?"),
        ("Q\u00a0: Pourquoi ?", LineKind.QUESTION, "Pourquoi ?"),
        ("q:lowercase?", LineKind.QUESTION, "lowercase?"),
        ("R\u202f: Parce que.", LineKind.ANSWER, "Parce que."),
        ("A:", LineKind.ANSWER, ""),
        ("Fazit:", LineKind.BLOCK_HEADING, "Fazit"),
        (
            "Fazit ist, dass Eulen nachts jagen.",
            LineKind.TEXT,
            "Fazit ist, dass Eulen nachts jagen.",
        ),
        ("Fahrräder im Winter", LineKind.HEADING, "Fahrräder im Winter"),
    ],
)
def test_line_kinds(text, kind, content):
    [line] = classify_lines(text)

    assert (line.kind, line.content) == (kind, content)


@pytest.mark.parametrize(
    ("text", "block", "languages"),
    [
        ("Fazit", Block.CONCLUSION, {"de"}),
        ("Conclusion", Block.CONCLUSION, {"en", "fr"}),
        ("Vragen & Antwoorden", Block.FAQ, {"nl"}),
        ("Mots-clés importants", Block.KEYWORDS, {"fr"}),
    ],
)
def test_block_headings_know_their_block_and_languages(text, block, languages):
    [line] = classify_lines(text)

    assert (line.block, line.languages) == (block, frozenset(languages))


@pytest.mark.parametrize("decoration", ["---", "***", "* * *", "==="])
def test_lines_without_letters_or_digits_are_dropped(decoration):
    assert classify_lines(decoration) == []
