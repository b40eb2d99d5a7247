"""Behaviour of ``render_article``: the seed's layout, the article's language, lossless round
trips."""

from __future__ import annotations

import pytest

from articles.textformat import (
    ParsedArticle,
    ParsedFAQ,
    ParsedSection,
    RenderError,
    parse_article,
    parse_file,
    render_article,
)
from tests.articles.textformat.samples import (
    LANGUAGES,
    MALFORMED_FIXTURES,
    SPEC,
    VALID_FIXTURE_FILES,
    owl_article,
)

# Fixtures written exactly in the canonical layout (no blank lines, plain spaces in markers).
CANONICAL_FIXTURES = [
    path for path in VALID_FIXTURE_FILES if path.name.split("_", 1)[0] in {"de", "en", "es", "it"}
]
ARTICLE_FILES = [
    *VALID_FIXTURE_FILES,
    *(path for path in sorted(MALFORMED_FIXTURES.iterdir()) if parse_file(path).ok),
]


def normalised(text: str) -> str:
    """LF line endings, no trailing whitespace, exactly one final newline."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(line.rstrip() for line in lines).rstrip("\n") + "\n"


def owl(language: str | None = "en", **overrides) -> ParsedArticle:
    fields = {
        "language": language,
        "title": "Why do owls hunt at night?",
        "intro": ["Owls are built for the dark."],
        "sections": [ParsedSection(heading="Silent flight", paragraphs=["Feathers muffle it."])],
        "conclusion": ["Night suits owls."],
        "faqs": [ParsedFAQ(question="Do all owls hunt at night?", answer="No.")],
        "keywords": ["owls at night", "silent flight"],
    }
    return ParsedArticle(**{**fields, **overrides})


def test_seed_renders_back_to_itself_apart_from_line_end_normalisation(seed_bytes):
    article = parse_article(seed_bytes).article

    assert render_article(article) == normalised(seed_bytes.decode("utf-8"))


def test_seed_survives_a_parse_render_parse_round_trip(seed_bytes):
    article = parse_article(seed_bytes).article

    assert parse_article(render_article(article)).article == article


@pytest.mark.parametrize("path", CANONICAL_FIXTURES, ids=lambda path: path.name)
def test_canonical_fixture_renders_back_to_the_same_text(path):
    text = path.read_text(encoding="utf-8")

    assert render_article(parse_article(text).article) == normalised(text)


@pytest.mark.parametrize("path", ARTICLE_FILES, ids=lambda path: path.name)
def test_parse_of_render_gives_the_same_article(path):
    article = parse_file(path).article

    rendered = render_article(article)

    assert parse_article(rendered).article == article
    assert render_article(parse_article(rendered).article) == rendered


def test_blank_lines_and_nbsp_markers_are_written_in_the_canonical_layout():
    [dutch] = [path for path in VALID_FIXTURE_FILES if path.name.startswith("nl_")]
    [french] = [path for path in VALID_FIXTURE_FILES if path.name.startswith("fr_")]

    dutch_text = render_article(parse_file(dutch).article)
    french_text = render_article(parse_file(french).article)

    assert "\n\n" not in dutch_text.removeprefix("\n")
    assert "\nQ : " in french_text
    assert "\nR : " in french_text
    assert "\u00a0:" not in french_text.split("Questions et réponses")[1]


def test_output_has_empty_first_line_lf_endings_and_one_final_newline():
    text = render_article(owl())

    assert text.startswith("\nWhy do owls hunt at night?\n")
    assert "\r" not in text
    assert text.endswith("- silent flight\n")
    assert not text.endswith("\n\n")


@pytest.mark.parametrize("language", LANGUAGES)
def test_block_headings_and_markers_are_written_in_the_article_language(language):
    conclusion, faq, keywords, question, answer = SPEC[language]
    separator = " " if language == "fr" else ""

    lines = render_article(owl(language)).split("\n")

    assert lines[5:] == [
        conclusion,
        "Night suits owls.",
        faq,
        f"{question}{separator}: Do all owls hunt at night?",
        f"{answer}{separator}: No.",
        keywords,
        "- owls at night",
        "- silent flight",
        "",
    ]


def test_block_headings_as_written_are_kept():
    article = owl(
        "de",
        conclusion_heading="Schlussfolgerung",
        faq_heading="Häufige Fragen",
        keywords_heading="Schlüsselwörter",
    )

    lines = render_article(article).split("\n")

    assert {"Schlussfolgerung", "Häufige Fragen", "Schlüsselwörter"} <= set(lines)
    assert parse_article(render_article(article)).article == article


def test_article_built_without_headings_equals_its_parsed_export():
    article = owl("nl")

    assert parse_article(render_article(article)).article == article


def test_empty_blocks_are_left_out():
    article = owl(conclusion=[], faqs=[], keywords=[])

    text = render_article(article)

    assert text == "\nWhy do owls hunt at night?\nOwls are built for the dark.\nSilent flight\n" + (
        "Feathers muffle it.\n"
    )


def test_line_breaks_inside_an_item_become_spaces():
    article = owl(title="Why do owls\nhunt at night?", intro=["Owls are built\r\nfor the dark."])

    text = render_article(article)

    assert text.startswith("\nWhy do owls hunt at night?\nOwls are built for the dark.\n")


def test_answer_paragraphs_are_written_as_lines_after_the_answer():
    article = owl(
        faqs=[ParsedFAQ(question="Do owls migrate?", answer="Mostly not.\nSnowy owls do.")]
    )

    text = render_article(article)

    assert "Q: Do owls migrate?\nA: Mostly not.\nSnowy owls do.\n" in text
    assert parse_article(text).article == article


def test_empty_answer_is_written_as_a_bare_answer_marker():
    article = owl(faqs=[ParsedFAQ(question="Do owls migrate?", answer="")])

    text = render_article(article)

    assert "Q: Do owls migrate?\nA:\n" in text
    assert parse_article(text).article == article


@pytest.mark.parametrize("language", [None, "pl"])
def test_faqs_without_a_known_language_cannot_be_rendered(language):
    with pytest.raises(RenderError, match="no marker table for language"):
        render_article(owl(language))


def test_article_without_blocks_renders_without_a_language():
    text = render_article(owl(None, conclusion=[], faqs=[], keywords=[]))

    assert parse_article(text, language="en").article == owl(conclusion=[], faqs=[], keywords=[])


def test_article_without_title_cannot_be_rendered():
    with pytest.raises(RenderError, match="without a title"):
        render_article(owl(title="  "))


def test_round_trip_keeps_empty_sections_and_unanswered_questions():
    text = owl_article().replace("Silent flight: how", "Anatomy\nSilent flight: how")
    text = text.replace("A: No, some species also hunt by day.\n", "")
    article = parse_article(text).article

    assert parse_article(render_article(article)).article == article
