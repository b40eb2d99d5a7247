"""Slugs, and text <-> rich text, between the text format and ArticleContent (no database)."""

from __future__ import annotations

import pytest

from articles.content import ArticleContent, FAQContent, KeywordContent, SectionContent
from articles.textconvert import (
    SLUG_MAX_LENGTH,
    article_slug,
    content_to_parsed,
    paragraphs_to_rich_text,
    parsed_to_content,
    rich_text_to_paragraphs,
)
from articles.textformat import ParsedArticle, ParsedFAQ, ParsedSection


@pytest.mark.parametrize(
    ("title", "language", "slug"),
    [
        ("Woran fühlt sich Rückenschmerz an?", "de", "woran-fuehlt-sich-rueckenschmerz-an"),
        ("Größe und Maß: Öl für Äpfel", "de", "groesse-und-mass-oel-fuer-aepfel"),
        ("Über München", "en", "uber-munchen"),
        ("Comment réussir son pain ?", "fr", "comment-reussir-son-pain"),
        ("Hoe onderhoud je een snijplank?", "nl", "hoe-onderhoud-je-een-snijplank"),
        ("¿Cómo se riegan las plantas?", "es", "como-se-riegan-las-plantas"),
    ],
)
def test_slug_is_ascii_and_spelled_the_way_the_language_transliterates(title, language, slug):
    assert article_slug(title, language=language) == slug


def test_a_long_title_gives_a_slug_cut_at_a_word_boundary():
    slug = article_slug("word " * 60, language="en")
    assert len(slug) <= SLUG_MAX_LENGTH
    assert not slug.endswith("-")
    assert all(part == "word" for part in slug.split("-"))


@pytest.mark.parametrize(
    "dangerous",
    [
        '<script>alert("x")</script>',
        '<img src=x onerror="alert(1)">',
        '<a href="javascript:alert(2)">click</a>',
        "<b onmouseover='steal()'>bold</b>",
    ],
)
def test_markup_in_a_paragraph_is_stored_as_text(dangerous):
    stored = paragraphs_to_rich_text([f"Before {dangerous} after."])

    assert stored.startswith("<p>") and stored.endswith("</p>")
    assert stored.count("<") == 2  # only <p> and </p>
    assert rich_text_to_paragraphs(stored) == [f"Before {dangerous} after."]


def test_rich_text_flattens_to_one_paragraph_per_block():
    html = (
        "<p>One <b>bold</b> and <a href='https://example.com'>linked</a> word.</p>"
        "<h3>A subheading</h3><ul><li>First item</li><li>Second&nbsp;item</li></ul>"
        "<p>Line<br/>break.</p>"
    )
    assert rich_text_to_paragraphs(html) == [
        "One bold and linked word.",
        "A subheading",
        "First item",
        "Second item",
        "Line",
        "break.",
    ]


def test_empty_paragraphs_give_empty_rich_text():
    assert paragraphs_to_rich_text(["", "  "]) == ""
    assert rich_text_to_paragraphs("") == []


def parsed_example() -> ParsedArticle:
    return ParsedArticle(
        language="en",
        title="A tidy shed",
        intro=["Sheds fill up quickly."],
        sections=[ParsedSection(heading="Sort first", paragraphs=["Keep.", "Give away."])],
        conclusion=["Less is more."],
        faqs=[ParsedFAQ(question="How often?", answer="Twice a year.\nIn spring and autumn.")],
        keywords=["garden shed", "storage"],
    )


def test_parsed_article_and_content_convert_into_each_other():
    article = parsed_example()

    content = parsed_to_content(article, slug="a-tidy-shed")

    assert content.sections[0] == SectionContent("Sort first", "<p>Keep.</p><p>Give away.</p>")
    assert content.faqs[0] == FAQContent(
        "How often?", "<p>Twice a year.</p><p>In spring and autumn.</p>"
    )
    assert content.keywords == (KeywordContent("garden shed", True), KeywordContent("storage"))
    assert content_to_parsed(content, language="en") == article


def test_fields_the_format_does_not_carry_are_kept_from_the_current_content():
    current = ArticleContent(
        title="Old",
        slug="old",
        intro_html="",
        seo_title="Tidy sheds | Guide",
        search_description="How to sort a shed.",
        author_name="Editor",
        hero_image_alt="A wooden shed",
    )

    content = parsed_to_content(parsed_example(), slug="old", keep=current)

    assert (content.seo_title, content.search_description) == (
        "Tidy sheds | Guide",
        "How to sort a shed.",
    )
    assert (content.author_name, content.hero_image_alt) == ("Editor", "A wooden shed")


def test_apostrophes_and_quotes_are_stored_as_the_admin_editor_stores_them():
    stored = paragraphs_to_rich_text(['Our night\'s "rest" & <sleep>.'])

    assert stored == '<p>Our night\'s "rest" &amp; &lt;sleep&gt;.</p>'


def test_an_update_keeps_the_links_of_a_field_whose_text_reads_the_same():
    linked = '<p>Read how <a linktype="page" id="7">fibre feeds</a> your gut.</p><p>Two.</p>'
    current = ArticleContent(title="Old", slug="old", intro_html=linked)
    article = ParsedArticle(
        language="en", title="Old", intro=["Read how fibre feeds your gut.", "Two."]
    )

    assert parsed_to_content(article, slug="old", keep=current).intro_html == linked


def test_an_update_replaces_a_field_whose_text_changed_links_and_all():
    linked = '<p>Read how <a linktype="page" id="7">fibre feeds</a> your gut.</p>'
    current = ArticleContent(title="Old", slug="old", intro_html=linked)
    article = ParsedArticle(language="en", title="Old", intro=["Read how fibre feeds you."])

    content = parsed_to_content(article, slug="old", keep=current)

    assert content.intro_html == "<p>Read how fibre feeds you.</p>"
