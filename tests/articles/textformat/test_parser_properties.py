"""Properties of the parser on randomly damaged articles: whatever the input, a result with
sensible diagnostics, never an exception; and a warning-free article survives a round trip."""

from __future__ import annotations

import random

import pytest

from articles.textformat import parse_article, render_article
from tests.articles.textformat.samples import VALID_FIXTURE_FILES

# Lines that provoke the parser's decisions when dropped into an article at random.
TROUBLEMAKERS = [
    "",
    "Fazit",
    "FAQ",
    "Q:",
    "A:",
    "-",
    "- ",
    "F: Warum?",
    "R :",
    "Conclusion",
    "Keywords",
    "\x0c",
    "???",
    "A heading without full stop",
    "A paragraph.",
    "\u00a0",
    "---",
    "Q&A",
]


def damaged_article(seed: int) -> str:
    rng = random.Random(seed)
    lines = rng.choice(VALID_FIXTURE_FILES).read_text(encoding="utf-8").split("\n")
    for _ in range(rng.randrange(1, 8)):
        position = rng.randrange(len(lines) + 1)
        action = rng.randrange(4)
        if action == 0 and position < len(lines):
            del lines[position]
        elif action == 1:
            lines.insert(position, rng.choice(TROUBLEMAKERS))
        elif action == 2 and lines:
            lines.insert(position, rng.choice(lines))
        elif action == 3 and position < len(lines):
            lines[position] = lines[position][: rng.randrange(len(lines[position]) + 1)]
    return "\n".join(lines)


@pytest.mark.parametrize("seed", range(200))
def test_damaged_article_gives_a_consistent_result(seed):
    text = damaged_article(seed)

    result = parse_article(text)

    assert result.ok is (result.article is not None)
    line_count = len(text.split("\n"))
    assert all(d.line is None or 1 <= d.line <= line_count for d in result.diagnostics)
    if result.ok and not result.diagnostics:
        assert parse_article(render_article(result.article)).article == result.article
