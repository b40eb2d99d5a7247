"""Thresholds are data and can be overridden by name."""

from __future__ import annotations

import pytest

from seo.engine import CHECK_IDS, Thresholds, analyse

from .builders import article


def test_override_replaces_a_number():
    thresholds = Thresholds().with_overrides({"text_min_words": 1000, "density_max_percent": 4})
    assert thresholds.text_min_words == 1000
    assert thresholds.density_max_percent == 4.0


def test_unknown_key_is_rejected_with_its_name():
    with pytest.raises(ValueError, match="unknown SEO threshold 'text_min_wrods'"):
        Thresholds().with_overrides({"text_min_wrods": 1000})


def test_non_number_is_rejected():
    with pytest.raises(ValueError, match="'title_max_px' must be a number"):
        Thresholds().with_overrides({"title_max_px": "600"})


def test_inconsistent_pair_is_rejected():
    with pytest.raises(
        ValueError, match="title_min_chars must not be greater than title_max_chars"
    ):
        Thresholds().with_overrides({"title_min_chars": 90})


def test_mappings_merge_key_by_key():
    thresholds = Thresholds().with_overrides(
        {"weights": {"readability": 5}, "readability_bands": {"de": [40, 20]}}
    )
    assert thresholds.weights["readability"] == 5
    assert thresholds.weights["keyword_coverage"] == Thresholds().weights["keyword_coverage"]
    assert thresholds.readability_bands["de"] == (40.0, 20.0)
    assert thresholds.readability_bands["en"] == Thresholds().readability_bands["en"]


@pytest.mark.parametrize(
    "overrides, message",
    [
        (
            {"weights": {"no_such_check": 1}},
            "unknown key 'no_such_check' in SEO threshold 'weights'",
        ),
        ({"readability_bands": {"pl": [1, 0]}}, "unknown key 'pl'"),
        ({"readability_bands": {"de": [20, 40]}}, "ok \\(40.0\\) > good \\(20.0\\)"),
        ({"readability_bands": {"de": 50}}, "must be \\[good_from, ok_from\\]"),
    ],
)
def test_bad_mapping_overrides_are_rejected(overrides, message):
    with pytest.raises(ValueError, match=message):
        Thresholds().with_overrides(overrides)


def test_every_check_has_a_weight():
    assert set(Thresholds().weights) == set(CHECK_IDS)


def test_overridden_threshold_changes_the_verdict():
    document = article("de")
    assert analyse(document).check("text_length").status == "good"
    strict = Thresholds().with_overrides({"text_min_words": 5000, "text_problem_words": 4000})
    report = analyse(document, strict)
    assert report.check("text_length").status == "problem"
    assert report.check("text_length").details["min_words"] == 5000
