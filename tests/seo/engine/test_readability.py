"""Readability formulas (against hand-computed values) and syllable counting."""

from __future__ import annotations

import pytest

from seo.engine.readability import (
    ReadabilityCounts,
    amstad_de,
    count_text,
    fernandez_huerta_es,
    flesch_douma_nl,
    flesch_en,
    gulpease_it,
    kandel_moles_fr,
    readability_score,
)
from seo.engine.syllables import syllable_count

# 100 words in 5 sentences (ASL 20), 150 syllables (ASW 1.5), 480 letters.
COUNTS = ReadabilityCounts(words=100, sentences=5, syllables=150, letters=480, long_sentences=1)


@pytest.mark.parametrize(
    "formula, expected",
    [
        (flesch_en, 59.635),  # 206.835 - 1.015*20 - 84.6*1.5 = 206.835 - 20.3 - 126.9
        (amstad_de, 72.25),  # 180 - 20 - 58.5*1.5 = 180 - 20 - 87.75
        (flesch_douma_nl, 72.735),  # 206.835 - 0.93*20 - 77*1.5 = 206.835 - 18.6 - 115.5
        (kandel_moles_fr, 76.3),  # 207 - 1.015*20 - 73.6*1.5 = 207 - 20.3 - 110.4
        (fernandez_huerta_es, 111.74),  # 206.84 - 0.60*150 - 1.02*5 (per 100 words)
        (gulpease_it, 56.0),  # 89 + (300*5 - 10*480) / 100 = 89 - 33
    ],
)
def test_formula_matches_hand_computed_value(formula, expected):
    assert formula(COUNTS) == pytest.approx(expected)


@pytest.mark.parametrize(
    "lang, formula",
    [
        ("en", flesch_en),
        ("de", amstad_de),
        ("nl", flesch_douma_nl),
        ("fr", kandel_moles_fr),
        ("es", fernandez_huerta_es),
        ("it", gulpease_it),
    ],
)
def test_each_language_uses_its_own_formula(lang, formula):
    assert readability_score(COUNTS, lang) == formula(COUNTS)


def test_counts_of_a_tiny_text():
    # "Der Hund bellt laut." + "Die Katze schläft." -> 7 words, 2 sentences,
    # syllables 1+1+1+1 + 1+2+1 = 8, letters 3+4+5+4 + 3+5+7 = 31.
    counts = count_text(["Der Hund bellt laut.", "Die Katze schläft."], "de", 20)
    assert (counts.words, counts.sentences, counts.syllables, counts.letters) == (7, 2, 8, 31)
    assert counts.average_sentence_length == 3.5


def test_long_sentences_are_counted_against_the_limit():
    counts = count_text(["eins zwei drei vier", "eins zwei"], "de", 3)
    assert counts.long_sentences == 1 and counts.long_sentence_share == 0.5


@pytest.mark.parametrize(
    "lang, word, syllables",
    [
        ("de", "Ufer", 2),  # the dictionary does not break after one letter; the rule does
        ("de", "Rückenschmerzen", 4),
        ("de", "Entzündung", 3),
        ("de", "Magen-Darm-Trakt", 4),
        ("en", "make", 1),  # silent e
        ("en", "table", 2),
        ("en", "jumped", 1),
        ("en", "readability", 5),
        ("nl", "gezondheid", 3),
        ("nl", "ontbijt", 2),
        ("fr", "table", 1),  # e muet is not spoken
        ("fr", "alimentation", 5),
        ("es", "alimentación", 5),
        ("es", "saludable", 4),
        ("it", "alimentazione", 6),
        ("it", "sana", 2),
    ],
)
def test_syllable_counts_per_language(lang, word, syllables):
    assert syllable_count(word, lang) == syllables
