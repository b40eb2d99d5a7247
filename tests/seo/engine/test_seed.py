"""The example article from shared/seeds, run through the engine.

The real text-format parser lives in articles/textformat; this test deliberately parses the
seed crudely itself so the engine's tests do not depend on another package.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

import pytest

from seo.engine import FAQInput, KeywordInput, SectionInput, SEODocument, analyse
from tests import seed


def _paragraphs(lines):
    return "".join(f"<p>{escape(line)}</p>" for line in lines)


def load_seed(path: Path) -> SEODocument:
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    lines = [line for line in lines if line]
    title, intro = lines[0], lines[1]
    conclusion_at = lines.index("Fazit")
    faq_at = lines.index("Fragen & Antworten")
    keywords_at = lines.index("Wichtige Schlüsselwörter")
    sections: list[list] = []
    for line in lines[2:conclusion_at]:
        if line.endswith((".", "!", "?", "“", '"')):
            sections[-1][1].append(line)
        else:
            sections.append([line, []])
    faqs = []
    for line in lines[faq_at + 1 : keywords_at]:
        if line.startswith("F:"):
            question = line[2:].strip()
        elif line.startswith("A:"):
            faqs.append(FAQInput(question, _paragraphs([line[2:].strip()])))
    terms = [line[2:].strip() for line in lines[keywords_at + 1 :] if line.startswith("- ")]
    return SEODocument(
        lang="de",
        title=title,
        seo_title="",
        meta_description="",
        slug="rueckenschmerzen-durch-den-darm",
        intro_html=_paragraphs([intro]),
        sections=tuple(SectionInput(h, _paragraphs(body)) for h, body in sections),
        conclusion_html=_paragraphs(lines[conclusion_at + 1 : faq_at]),
        faqs=tuple(faqs),
        keywords=tuple(KeywordInput(t, focus=i == 0) for i, t in enumerate(terms)),
    )


@pytest.fixture(scope="module")
def seed_report():
    document = load_seed(seed.require_seed())
    assert len(document.sections) == 6 and len(document.faqs) == 5
    return document, analyse(document)


def test_every_seed_keyword_is_found(seed_report):
    _document, report = seed_report
    assert len(report.keywords) == 9
    for keyword in report.keywords:
        assert keyword.found, keyword.term
        assert keyword.matches, keyword.term
    assert report.check("keyword_coverage").details["not_found"] == []


def test_seed_matches_point_into_the_right_fields(seed_report):
    document, report = seed_report
    texts = {"title": document.title, "slug": document.slug}
    from seo.engine import html_to_plain_text

    texts["intro"] = html_to_plain_text(document.intro_html)
    texts["conclusion"] = html_to_plain_text(document.conclusion_html)
    for index, section in enumerate(document.sections):
        texts[f"sections[{index}].heading"] = section.heading
        texts[f"sections[{index}].body"] = html_to_plain_text(section.body_html)
    for index, faq in enumerate(document.faqs):
        texts[f"faqs[{index}].question"] = faq.question
        texts[f"faqs[{index}].answer"] = html_to_plain_text(faq.answer_html)
    for keyword in report.keywords:
        for match in keyword.matches:
            assert texts[match.path][match.start : match.end] == match.text


def _by_term(report):
    return {keyword.term: keyword for keyword in report.keywords}


def test_focus_keyword_is_exact_in_title_and_inflected_in_the_text(seed_report):
    keyword = _by_term(seed_report[1])["Rückenschmerzen durch den Darm"]
    kinds = {(m.location, m.kind) for m in keyword.matches}
    assert ("title", "exact") in kinds
    assert ("heading", "inflected") in kinds  # "Rückenschmerzen vom Darm"
    assert keyword.count >= 5


def test_keyword_only_in_other_spellings_is_found_with_count(seed_report):
    keyword = _by_term(seed_report[1])["Mikrobiom-Tests"]
    texts = {m.text for m in keyword.matches if m.kind == "inflected"}
    assert "Mikrobiom-Test" in texts
    partial = {m.text for m in keyword.matches if m.kind == "partial"}
    assert "Mikrobiom-Testkits" in partial
    assert keyword.count >= 10


def test_plural_keyword_forms_are_found(seed_report):
    report = seed_report[1]
    imbalance = _by_term(report)["Ungleichgewicht des Darmmikrobioms"]
    assert "Ungleichgewichte des Darmmikrobioms" in {m.text for m in imbalance.matches}
    assert all(m.kind != "exact" for m in imbalance.matches)
    inflammation = _by_term(report)["Darmentzündung"]
    assert "Darmentzündungen" in {m.text for m in inflammation.matches}


def test_elided_keyword_is_found_through_the_compound(seed_report):
    keyword = _by_term(seed_report[1])["Darm- und Rückenschmerzen"]
    in_text = [m for m in keyword.matches if m.location in ("body", "intro", "conclusion")]
    assert in_text and keyword.found
    assert any("Darm-Schmerzen" in m.text for m in in_text)


def test_keyword_with_abbreviation_is_found_via_compound_phrase(seed_report):
    keyword = _by_term(seed_report[1])["Reizdarmsyndrom (RDS) und Rückenschmerzen"]
    assert keyword.count == 1
    assert keyword.matches[0].text.endswith("Schmerzen im unteren Rücken")


def test_seed_report_flags_what_is_really_missing(seed_report):
    report = seed_report[1]
    assert report.check("meta_description_length").status == "problem"
    assert report.check("internal_links").status == "problem"
    assert report.check("faq_structured_data").status == "good"
    readability = report.check("readability").details
    assert readability["formula"] == "Flesch-Amstad"
    assert readability["sentences"] > 100


def test_seed_flesch_amstad_is_within_three_points_of_yoast(seed_report):
    """Issue 16, gap 3: Yoast SEO 3.6.0 gives the seed's running text 21.5 (2240 words, 122
    sentences, 2.40 syllables per word; benchmarks/calibration/yoast_3.6.0.json). The engine
    counts the same words and sentences and a few more syllables, where Yoast and textstat
    undercount ("oder", "über", "Dysbiose"; docs/seo-checks.md explains the difference)."""
    _document, report = seed_report
    details = report.check("readability").details
    assert abs(details["words"] - 2240) <= 5
    assert details["sentences"] == 122
    assert 2.40 <= details["syllables_per_word"] <= 2.46
    assert abs(details["score"] - 21.5) <= 3
