"""Counted nouns in command summaries."""

import pytest

from cms.wording import plural


@pytest.mark.parametrize(
    ("count", "expected"), [(0, "0 files"), (1, "1 file"), (2, "2 files"), (10, "10 files")]
)
def test_plural_agrees_with_the_count(count, expected):
    assert plural(count, "file") == expected


def test_plural_takes_an_irregular_form():
    assert plural(1, "entry", "entries") == "1 entry"
    assert plural(3, "entry", "entries") == "3 entries"
