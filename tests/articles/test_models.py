"""Articles store every text field per language and read back with fallback to the default."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from modeltranslation.utils import fallbacks

from articles.content import ArticleContent, FAQContent, KeywordContent, SectionContent
from articles.services import article_languages
from tests.factories import ArticleContentFactory

pytestmark = pytest.mark.django_db


def _content(lang: str) -> ArticleContent:
    return ArticleContent(
        title=f"Title {lang}",
        slug=f"slug-{lang}",
        seo_title=f"SEO title {lang}",
        search_description=f"Description {lang}",
        intro_html=f"<p>Intro {lang}</p>",
        sections=tuple(
            SectionContent(f"Heading {i} {lang}", f"<p>Body {i} {lang}</p>") for i in range(6)
        ),
        conclusion_html=f"<p>Conclusion {lang}</p>",
        faqs=tuple(
            FAQContent(f"Question {i} {lang}?", f"<p>Answer {i} {lang}</p>") for i in range(5)
        ),
        keywords=tuple(KeywordContent(f"keyword {i} {lang}", focus=i == 0) for i in range(9)),
    )


def test_article_with_sections_faqs_and_keywords_reads_back_in_each_language(make_article):
    page = make_article("de", content=_content("de"), translations={"en": _content("en")})
    page.refresh_from_db()

    for lang in ("de", "en"):
        with translation.override(lang):
            assert page.title == f"Title {lang}"
            assert page.slug == f"slug-{lang}"
            assert page.seo_title == f"SEO title {lang}"
            assert page.search_description == f"Description {lang}"
            assert page.intro == f"<p>Intro {lang}</p>"
            assert page.conclusion == f"<p>Conclusion {lang}</p>"
            assert [s.heading for s in page.sections.all()] == [
                f"Heading {i} {lang}" for i in range(6)
            ]
            assert [s.body for s in page.sections.all()][5] == f"<p>Body 5 {lang}</p>"
            assert [f.question for f in page.faqs.all()] == [
                f"Question {i} {lang}?" for i in range(5)
            ]
            assert [f.answer for f in page.faqs.all()][4] == f"<p>Answer 4 {lang}</p>"
            links = list(page.keywords.select_related("keyword"))
            assert [link.keyword.term for link in links] == [
                f"keyword {i} {lang}" for i in range(9)
            ]
            assert [link.focus for link in links] == [True] + [False] * 8
    assert article_languages(page) == ["de", "en"]


def test_missing_translation_falls_back_to_the_default_language(make_article):
    page = make_article("de", content=_content("de"), translations={"en": _content("en")})

    with translation.override("nl"):
        assert page.title == "Title de"
        assert page.intro == "<p>Intro de</p>"
        assert page.sections.all()[0].heading == "Heading 0 de"
        assert page.faqs.all()[0].answer == "<p>Answer 0 de</p>"


def test_without_fallback_a_missing_translation_reads_empty(make_article):
    page = make_article("de", content=_content("de"))

    with translation.override("nl"), fallbacks(False):
        assert not page.intro
        assert not page.sections.all()[0].heading


def test_article_in_a_non_default_language_only_does_not_pretend_to_be_german(make_article):
    page = make_article("en", content=_content("en"))
    page.refresh_from_db()

    assert page.title_en == "Title en"
    assert page.title_de is None
    assert page.slug_de is None
    assert article_languages(page) == ["en"]


def test_translated_slug_must_be_unique_among_siblings(make_article, article_index):
    make_article("de", content=_content("de"), translations={"en": _content("en")})
    other = make_article("de", content=ArticleContentFactory(lang_tag="de"))

    other.slug_en = "slug-en"
    other.title_en = "Another English title"
    with pytest.raises(ValidationError) as error, translation.override("de"):
        other.full_clean()
    assert "slug_en" in error.value.message_dict


def test_reading_time_counts_the_words_of_the_active_language(make_article):
    long_section = SectionContent("Long", "<p>" + "word " * 450 + "</p>")
    content = ArticleContentFactory(lang_tag="de")
    page = make_article(
        "de", content=ArticleContent(**{**content.__dict__, "sections": (long_section,)})
    )

    with translation.override("de"):
        assert page.reading_time == 3
