"""The report as a whole: shape, determinism, scoring, bad input."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from seo.engine import (
    CHECK_IDS,
    FAQInput,
    InvalidDocumentError,
    KeywordInput,
    LinkInput,
    SectionInput,
    SEODocument,
    Thresholds,
    UnsupportedLanguageError,
    analyse,
    overall_score,
)

from .builders import LANGUAGES, article, paragraphs


@pytest.mark.parametrize("lang", LANGUAGES)
def test_report_dict_has_the_documented_shape(lang):
    data = analyse(article(lang)).to_dict()
    assert list(data) == ["slug", "lang", "score", "checks", "keywords"]
    assert [c["id"] for c in data["checks"]] == list(CHECK_IDS)
    for check in data["checks"]:
        assert list(check)[:5] == ["id", "status", "score", "message", "details"]
        assert list(check)[5:] in (["messages"], ["messages", "scored"])
        assert check["status"] in ("good", "ok", "problem")
        assert 0 <= check["score"] <= 100
    for keyword in data["keywords"]:
        assert list(keyword) == ["term", "focus", "found", "count", "matches", "status"]
        for match in keyword["matches"]:
            assert list(match) == ["location", "path", "text", "kind", "start", "end"]
    assert json.loads(json.dumps(data)) == data


@pytest.mark.parametrize("lang", LANGUAGES)
def test_analysis_is_deterministic(lang):
    document = article(lang)
    assert json.dumps(analyse(document).to_dict()) == json.dumps(analyse(document).to_dict())


def test_count_excludes_partial_matches():
    document = article(
        "de",
        keywords=(KeywordInput("Wochenplan", focus=True),),
        intro_html=paragraphs("Der Wochenplan hilft. Die Wochenplanvorlage auch."),
    )
    report = analyse(document).keywords[0]
    kinds = [m.kind for m in report.matches if m.location == "intro"]
    assert kinds == ["exact", "partial"]
    in_text = ("intro", "heading", "body", "conclusion", "faq")
    assert report.count == sum(
        1 for m in report.matches if m.kind != "partial" and m.location in in_text
    )


def test_keyword_only_inside_compounds_is_found_but_rated_ok():
    document = article("de", keywords=(KeywordInput("Plan", focus=True),))
    report = analyse(document)
    keyword = report.keywords[0]
    assert keyword.found and keyword.count >= 1


def test_overall_score_is_the_weighted_mean():
    report = analyse(article("de", meta_description=""))
    weights = Thresholds().weights
    expected = sum(c.score * weights[c.id] for c in report.checks) / sum(weights.values())
    assert report.score == round(expected)
    assert report.score == overall_score(list(report.checks), weights)


def test_unsupported_language_is_a_clear_error():
    with pytest.raises(UnsupportedLanguageError, match="language 'pl' is not supported"):
        analyse(dataclasses.replace(article("de"), lang="pl"))


def test_regional_language_code_uses_the_base_language():
    assert analyse(dataclasses.replace(article("de"), lang="de-AT")).lang == "de"


def test_weak_german_article_fails_the_right_checks():
    """Title over 80 characters, under 250 words, a question without an answer, an empty
    answer, a duplicate keyword and no meta description."""
    document = SEODocument(
        lang="de",
        title=(
            "Alles, was Sie jemals über gesunde Ernährung im Alltag wissen wollten, "
            "und noch ein bisschen mehr"
        ),
        seo_title="",
        meta_description="",
        slug="gesunde-ernaehrung",
        intro_html=paragraphs("Gesunde Ernährung ist wichtig. Hier steht wenig dazu."),
        sections=(
            SectionInput(
                "Gesunde Ernährung kurz erklärt",
                paragraphs("Obst und Gemüse sind gesund. Wasser ist besser als Limonade."),
            ),
        ),
        conclusion_html=paragraphs("Essen Sie bunt."),
        faqs=(
            FAQInput("Was ist gesunde Ernährung?", ""),
            FAQInput("Wie viel Obst am Tag?", "<p></p>"),
        ),
        keywords=(
            KeywordInput("gesunde Ernährung", focus=True),
            KeywordInput("Gesunder Ernährung"),
        ),
    )
    report = analyse(document)
    failing = {c.id for c in report.checks if c.status == "problem"}
    assert {
        "title_length",
        "text_length",
        "faq_structured_data",
        "keyword_coverage",
        "meta_description_length",
        "focus_keyword_in_description",
    } <= failing
    faq_issues = report.check("faq_structured_data").details["issues"]
    assert [i["issue"] for i in faq_issues] == ["empty_answer", "markup_only_answer"]
    assert report.check("keyword_coverage").details["duplicates"] == [
        {"term": "Gesunder Ernährung", "duplicate_of": "gesunde Ernährung"}
    ]
    assert report.score < 60


def test_empty_document_gives_a_report_not_an_error():
    document = SEODocument(
        lang="de",
        title="",
        seo_title="",
        meta_description="",
        slug="",
        intro_html="",
        sections=(),
        conclusion_html="",
        faqs=(),
        keywords=(),
    )
    report = analyse(document)
    assert report.check("text_length").status == "problem"
    assert (
        report.check("keyword_coverage").message == "Add the keywords this article should rank for."
    )


@pytest.mark.parametrize(
    "change, message",
    [
        ({"sections": ({"heading": "x"},)}, "sections\\[0\\] must be a SectionInput, got dict"),
        ({"title": 5}, "title must be text, got int"),
        ({"keywords": "Darm"}, "keywords must be a sequence of KeywordInput"),
    ],
)
def test_malformed_document_is_a_clear_error_naming_the_field(change, message):
    with pytest.raises(InvalidDocumentError, match=message):
        analyse(dataclasses.replace(article("de"), **change))


def test_unknown_link_status_is_a_clear_error():
    link = LinkInput("/x/", "x", "intro", "article", "gone", 3)
    with pytest.raises(InvalidDocumentError, match=r"links\[0\]\.target_status must be one of"):
        analyse(article("de", links=(link,)))


_REPORT_SCRIPT = """
import json, sys
sys.path.insert(0, {root!r})
from tests.seo.engine.builders import article
from seo.engine import analyse
print(json.dumps(analyse(article("de")).to_dict(), sort_keys=False))
"""


def test_report_does_not_depend_on_hash_randomisation():
    root = str(Path(__file__).resolve().parents[3])
    outputs = set()
    for seed in ("1", "2"):
        completed = subprocess.run(
            [sys.executable, "-c", _REPORT_SCRIPT.format(root=root)],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        )
        outputs.add(completed.stdout)
    assert len(outputs) == 1
