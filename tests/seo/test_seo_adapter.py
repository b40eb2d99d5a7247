"""``articles.seo_adapter``: articles described to the SEO engine, per language, in batches."""

from __future__ import annotations

import pytest

from articles.content import KeywordContent, SectionContent
from articles.seo_adapter import ArticleSEOSource, article_seo_document, revision_object
from articles.services import article_update_language
from seo.models import Keyword
from tests.factories import ArticleContentFactory, SectionContentFactory

ALL_LANGUAGES = ("de", "en", "nl", "fr")


def documents(**kwargs) -> dict[tuple[int, str], object]:
    items = ArticleSEOSource().items(languages=kwargs.pop("languages", ALL_LANGUAGES), **kwargs)
    return {(item.page_id, item.document.lang): item.document for item in items}


class TestLanguages:
    def test_each_language_reads_its_own_columns(self, make_article):
        page = make_article(
            translations={"en": ArticleContentFactory(lang_tag="en", title="English title")}
        )

        docs = documents()

        assert set(docs) == {(page.pk, "de"), (page.pk, "en")}
        assert docs[(page.pk, "en")].title == "English title"
        assert docs[(page.pk, "de")].title == page.title_de
        assert docs[(page.pk, "en")].slug == page.slug_en
        assert docs[(page.pk, "en")].url.endswith(f"/en/blog/{page.slug_en}/")

    def test_missing_translations_are_listed_per_language(self, make_article):
        page = make_article(
            section_count=2,
            translations={
                "en": ArticleContentFactory(
                    lang_tag="en", section_count=1, faq_count=2, keyword_count=3
                )
            },
        )

        missing = documents()[(page.pk, "de")].translations

        assert missing["de"] == ()
        assert set(missing["en"]) == {"sections[1].heading", "sections[1].body"}
        assert {"title", "slug", "intro", "sections[0].heading", "faqs[0].answer"} <= set(
            missing["nl"]
        )

    def test_keywords_are_in_the_document_language_with_the_focus_flag(self, make_article):
        keywords = (
            KeywordContent(term="Darmflora", focus=True),
            KeywordContent(term="Verdauung", focus=False),
        )
        english = (
            KeywordContent(term="gut flora", focus=True),
            KeywordContent(term="digestion", focus=False),
        )
        page = make_article(
            keywords=keywords,
            translations={"en": ArticleContentFactory(lang_tag="en", keywords=english)},
        )

        docs = documents()

        assert [(k.term, k.focus) for k in docs[(page.pk, "de")].keywords] == [
            ("Darmflora", True),
            ("Verdauung", False),
        ]
        assert [k.term for k in docs[(page.pk, "en")].keywords] == ["gut flora", "digestion"]


class TestLinksAndImages:
    def test_page_links_are_resolved(self, make_article, article_index):
        live_target = make_article()
        draft_target = make_article(publish=False)
        body = (
            f'<p><a linktype="page" id="{live_target.pk}">live</a> '
            f'<a linktype="page" id="{draft_target.pk}">draft</a> '
            f'<a linktype="page" id="{article_index.pk}">index</a> '
            '<a linktype="page" id="999999">gone</a> '
            '<a href="https://example.org/">elsewhere</a></p>'
        )
        page = make_article(sections=(SectionContent(heading="Links", body_html=body),))

        links = documents()[(page.pk, "de")].links

        assert [(k.text, k.target_kind, k.target_status, k.target_id) for k in links] == [
            ("live", "article", "live", live_target.pk),
            ("draft", "article", "draft", draft_target.pk),
            ("index", "page", "live", article_index.pk),
            ("gone", "page", "missing", 999999),
            ("elsewhere", "external", "external", None),
        ]
        assert {link.location for link in links} == {"sections[0].body"}

    def test_embedded_images_carry_their_alt_text(self, make_article):
        body = (
            '<p>Text.</p><embed alt="Ein Teller Linsensuppe" embedtype="image" format="left" '
            'id="7"/>'
        )
        page = make_article(sections=(SectionContent(heading="Bild", body_html=body),))

        images = documents()[(page.pk, "de")].images

        assert [(i.src, i.alt, i.location) for i in images] == [
            ("image:7", "Ein Teller Linsensuppe", "sections[0].body")
        ]


class TestDrafts:
    def test_unpublished_articles_only_with_drafts(self, make_article):
        live = make_article()
        draft = make_article(publish=False)

        assert {pid for pid, _ in documents()} == {live.pk}
        assert {pid for pid, _ in documents(include_drafts=True)} == {live.pk, draft.pk}

    def test_drafts_use_the_latest_revision(self, make_article):
        page = make_article(section_count=1)
        changed = ArticleContentFactory(
            lang_tag="de",
            title="Titel im Entwurf",
            sections=(SectionContentFactory(heading="Neuer Abschnitt"),),
        )
        article_update_language(page=page, lang="de", content=changed, publish=False)

        live = documents()[(page.pk, "de")]
        latest = documents(include_drafts=True)[(page.pk, "de")]

        assert live.title == page.title_de
        assert (latest.title, latest.sections[0].heading) == ("Titel im Entwurf", "Neuer Abschnitt")

    def test_revision_object_needs_no_query(self, make_article, django_assert_num_queries):
        page = make_article(translations={"en": ArticleContentFactory(lang_tag="en")})
        content = page.get_latest_revision().content

        with django_assert_num_queries(0):
            draft = revision_object(page, content)
            headings = [section.heading_en for section in draft.sections.all()]
            keyword_ids = [link.keyword_id for link in draft.keywords.all()]

        assert (draft.pk, draft.title_en) == (page.pk, page.title_en)
        assert headings == [section.heading_en for section in page.sections.all()]
        assert keyword_ids == [link.keyword_id for link in page.keywords.all()]

    def test_keyword_deleted_since_the_revision_is_skipped(self, make_article):
        page = make_article(keyword_count=2)
        article_update_language(
            page=page, lang="de", content=ArticleContentFactory(lang_tag="de"), publish=False
        )
        page.refresh_from_db()
        draft_terms = [
            Keyword.objects.get(pk=link.keyword_id).term_de
            for link in revision_object(page, page.get_latest_revision().content).keywords.all()
        ]
        Keyword.objects.filter(term_de=draft_terms[0]).delete()

        latest = documents(include_drafts=True)[(page.pk, "de")]

        assert [k.term for k in latest.keywords] == draft_terms[1:]


class TestSourceAndSubject:
    def test_slugs_select_by_any_language(self, make_article):
        wanted = make_article(translations={"en": ArticleContentFactory(lang_tag="en")})
        make_article()

        assert {pid for pid, _ in documents(slugs=[wanted.slug_en])} == {wanted.pk}

    def test_slug_exists_and_count(self, make_article):
        page = make_article(translations={"en": ArticleContentFactory(lang_tag="en")})
        make_article(publish=False)
        source = ArticleSEOSource()

        assert source.slug_exists(page.slug_en)
        assert not source.slug_exists("no-such-slug")
        assert source.count() == 1
        assert source.count(include_drafts=True) == 2
        assert source.count(slugs=[page.slug_de]) == 1

    @pytest.mark.parametrize("lang", ["de", "en"])
    def test_page_describes_itself_like_the_source(self, make_article, lang):
        page = make_article(translations={"en": ArticleContentFactory(lang_tag="en")})

        assert page.seo_document(lang) == documents()[(page.pk, lang)]
        assert article_seo_document(page, lang) == page.seo_document(lang)
