"""Language detection from block headings and Q/A markers."""

from __future__ import annotations

import pytest

from articles.textformat import detect_language
from tests.articles.textformat.samples import (
    LANGUAGES,
    VALID_FIXTURE_FILES,
    fixture_language,
    owl_article,
)


@pytest.mark.parametrize("language", LANGUAGES)
def test_language_is_told_by_block_headings_and_markers(language):
    assert detect_language(owl_article(language)) == language


@pytest.mark.parametrize("path", VALID_FIXTURE_FILES, ids=lambda path: path.name)
def test_fixture_language_is_detected(path):
    assert detect_language(path.read_text(encoding="utf-8")) == fixture_language(path)


def test_markers_alone_are_enough():
    assert detect_language("Title\nText.\nV: Waarom?\nA: Daarom.\n") == "nl"


@pytest.mark.parametrize(
    "text",
    [
        "Title\nJust text.\n",  # no evidence
        "Title\nText.\nConclusion\nMore text.\n",  # en or fr
        "Title\nText.\nFAQ\n",  # shared by every language
    ],
)
def test_language_is_none_without_clear_evidence(text):
    assert detect_language(text) is None
