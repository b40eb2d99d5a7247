"""Language negotiation: pure functions, no database."""

from __future__ import annotations

import pytest

from articles.api.language import (
    LanguageChoice,
    UnsupportedLanguage,
    choose_language,
    parse_accept_language,
)

SUPPORTED = ("de", "en", "nl", "fr")


def choose(query_lang=None, header=""):
    return choose_language(
        query_lang=query_lang, accept_language=header, supported=SUPPORTED, default="de"
    )


@pytest.mark.parametrize("lang", SUPPORTED)
def test_query_parameter_wins_over_accept_language(lang):
    assert choose(lang, "en;q=1, nl;q=0.9") == LanguageChoice(lang, "query")


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("fr-CH, fr;q=0.9, en;q=0.8", "fr"),
        ("nl-BE", "nl"),
        ("ja, en;q=0.5", "en"),
        ("en;q=0.1, nl;q=0.7", "nl"),
        ("*", "de"),
        ("EN-us", "en"),
    ],
)
def test_accept_language_picks_the_best_supported_language(header, expected):
    assert choose(header=header) == LanguageChoice(expected, "header")


@pytest.mark.parametrize("header", ["", "ja, zh", "en;q=0", ";;;,,,", "q=0.5"])
def test_without_a_usable_header_the_default_is_used(header):
    assert choose(header=header) == LanguageChoice("de", "default")


def test_one_malformed_range_does_not_discard_the_others():
    assert parse_accept_language("en-US;q=banana, nl;q=0.8, !!, fr") == [
        ("fr", 1.0),
        ("nl", 0.8),
    ]


@pytest.mark.parametrize(
    "header",
    [
        "x" * 10_000,
        "en;q=0.5," * 1_250,
        "de-" + "a" * 10_000,
        ", " * 5_000 + "fr",
        "\x00\xff" * 5_000,
    ],
)
def test_hostile_ten_kilobyte_headers_are_read_without_error(header):
    assert len(header) >= 10_000
    choice = choose(header=header)
    assert choice.code in SUPPORTED


def test_language_after_the_length_limit_is_ignored():
    # Only the beginning of a huge header is read; "fr" at the end is never seen.
    assert choose(header="zz, " * 3000 + "fr").code == "de"


@pytest.mark.parametrize("lang", ["xx", "", "english", "d e", "x" * 5000])
def test_unknown_query_language_is_refused_with_the_supported_ones(lang):
    with pytest.raises(UnsupportedLanguage) as refusal:
        choose(lang)
    assert refusal.value.supported == list(SUPPORTED)
    assert len(refusal.value.requested) <= 40


@pytest.mark.parametrize(("lang", "expected"), [("DE", "de"), ("de-AT", "de"), (" en ", "en")])
def test_query_language_matches_case_and_region_insensitively(lang, expected):
    assert choose(lang).code == expected


def test_only_a_named_language_is_not_negotiated():
    assert not choose("de").negotiated
    assert choose(header="en").negotiated
    assert choose().negotiated
