"""Check messages: wording that editors read (the checks' verdicts are in test_checks)."""

from __future__ import annotations

import dataclasses

from seo.engine import KeywordInput, SectionInput

from .builders import article, paragraphs
from .test_checks import check, words_of


def test_density_message_counts_a_single_occurrence_in_the_singular():
    """The focus keyword only in the intro: the message says "1 time", not "1 times"."""
    document = article("de", keywords=(KeywordInput("Einkauf", focus=True),))
    sections = tuple(
        SectionInput(s.heading, paragraphs(words_of("de", 120))) for s in document.sections
    )
    document = dataclasses.replace(document, sections=sections)
    result = check(document, "keyword_density")
    assert result.details["occurrences"] == 1
    assert 'The focus keyword "Einkauf" appears 1 time in ' in result.message


def test_translation_message_names_a_few_fields_per_language():
    many = ("title", "intro", "sections[0].heading", "sections[0].body", "faqs[0].answer")
    translations = {"en": (), "fr": many, "nl": ("intro",)}
    result = check(article("de", translations=translations), "translation_completeness")
    assert result.message == (
        "For information (no score): other languages lack texts: fr (Title, Intro, Section 1 "
        "heading, Section 1 text, FAQ 1 answer); nl (Intro)."
    )
    assert result.details["missing"]["fr"] == list(many)
