"""Article write services: languages, positions, revisions, validation and side updates."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import ReferenceIndex
from wagtail.search.backends import get_search_backend

from articles.content import KeywordContent, SectionContent
from articles.models import ArticlePage
from articles.search_batching import search_updates_batched
from articles.services import (
    article_create,
    article_languages,
    article_publish_latest,
    article_update_language,
    primary_language,
)
from seo.models import Keyword
from tests.factories import ArticleContentFactory


def latest(page: ArticlePage) -> ArticlePage:
    page.refresh_from_db()
    return page.get_latest_revision_as_object()


@pytest.mark.parametrize("lang", ["de", "en", "nl", "fr"])
def test_an_article_created_in_one_language_has_only_that_language(article_index, lang):
    content = ArticleContentFactory(lang_tag=lang)

    page = article_create(parent=article_index, lang=lang, content=content)

    assert article_languages(page) == [lang]
    assert primary_language(page) == lang
    assert getattr(page, f"title_{lang}") == content.title
    assert not page.live


def test_publish_makes_the_created_article_live(article_index):
    page = article_create(
        parent=article_index, lang="de", content=ArticleContentFactory(lang_tag="de"), publish=True
    )
    assert page.live and not page.has_unpublished_changes


def test_a_translation_fills_children_by_position_and_keeps_the_original(article_index):
    german = ArticleContentFactory(lang_tag="de", section_count=3)
    page = article_create(parent=article_index, lang="de", content=german)
    english = ArticleContentFactory(
        lang_tag="en", sections=(SectionContent("First", "<p>One.</p>"),)
    )

    article_update_language(page=page, lang="en", content=english)

    sections = list(latest(page).sections.all())
    assert [s.heading_de for s in sections] == [s.heading for s in german.sections]
    assert [s.heading_en for s in sections] == ["First", None, None]
    assert primary_language(latest(page)) == "de"


def test_a_translation_names_the_shared_keywords_in_its_language(article_index):
    german = ArticleContentFactory(lang_tag="de", keyword_count=2)
    page = article_create(parent=article_index, lang="de", content=german)
    english = ArticleContentFactory(
        lang_tag="en", keywords=(KeywordContent("gut health", True), KeywordContent("fibre"))
    )

    article_update_language(page=page, lang="en", content=english)

    links = list(latest(page).keywords.all())
    assert [link.keyword.term_de for link in links] == [k.term for k in german.keywords]
    assert [link.keyword.term_en for link in links] == ["gut health", "fibre"]
    assert Keyword.objects.count() == 2


def test_update_language_uses_the_given_latest_revision_object(article_index):
    page = article_create(
        parent=article_index, lang="de", content=ArticleContentFactory(lang_tag="de")
    )
    base = page.get_latest_revision_as_object()
    revisions = page.revisions.count()
    content = ArticleContentFactory(lang_tag="de", title="Neuer Titel", slug=page.slug_de)

    article_update_language(page=page, lang="de", content=content, latest=base)

    assert page.revisions.count() == revisions + 1
    assert latest(page).title_de == "Neuer Titel"


def test_publish_latest_publishes_without_a_new_revision(article_index):
    page = article_create(
        parent=article_index, lang="de", content=ArticleContentFactory(lang_tag="de")
    )
    revisions = page.revisions.count()

    article_publish_latest(page=page)

    page.refresh_from_db()
    assert page.live and page.live_revision_id == page.latest_revision_id
    assert page.revisions.count() == revisions


def test_a_draft_with_a_slug_taken_in_its_language_is_rejected(article_index):
    first = article_create(
        parent=article_index, lang="en", content=ArticleContentFactory(lang_tag="en")
    )
    clash = ArticleContentFactory(lang_tag="de")
    page = article_create(parent=article_index, lang="de", content=clash)
    translation = ArticleContentFactory(lang_tag="en", slug=first.slug_en)

    with pytest.raises(ValidationError) as error:
        article_update_language(page=page, lang="en", content=translation)

    assert "slug_en" in error.value.message_dict


def test_two_drafts_that_lack_the_default_language_can_live_side_by_side(article_index):
    for _ in range(2):
        article_create(parent=article_index, lang="en", content=ArticleContentFactory())
    assert ArticlePage.objects.count() == 2


def test_two_published_articles_that_lack_the_default_language_can_live_side_by_side(
    article_index,
):
    for _ in range(2):
        article_create(
            parent=article_index, lang="en", content=ArticleContentFactory(), publish=True
        )
    assert ArticlePage.objects.count() == 2


def test_a_created_article_is_searchable_and_its_keyword_references_are_indexed(article_index):
    content = ArticleContentFactory(lang_tag="de", title="Quittenbrot aus dem Ofen")

    page = article_create(parent=article_index, lang="de", content=content)

    assert page in get_search_backend().search("Quittenbrot", ArticlePage)
    references = ReferenceIndex.get_references_for_object(page)
    keyword_ids = {
        int(ref.to_object_id) for ref in references if ref.model_path == "keywords.item.keyword"
    }
    assert keyword_ids == set(page.keywords.values_list("keyword_id", flat=True))


def test_search_updates_in_a_batch_are_written_once_at_its_end(article_index):
    page = article_create(
        parent=article_index, lang="de", content=ArticleContentFactory(lang_tag="de")
    )
    backend = get_search_backend()
    with search_updates_batched():
        page.title_de = "Holunderblüten im Juni"
        page.save(update_fields=["title_de", "title"])
        assert page not in backend.search("Holunderblüten", ArticlePage)
    assert page in backend.search("Holunderblüten", ArticlePage)


def test_creating_an_article_costs_the_same_queries_with_more_articles(article_index):
    def queries(number: int) -> int:
        content = ArticleContentFactory(lang_tag="de", section_count=6, faq_count=5)
        with CaptureQueriesContext(connection) as context:
            article_create(parent=article_index, lang="de", content=content)
        return len(context.captured_queries)

    queries(0)
    with_one = queries(1)
    for number in range(2, 12):
        queries(number)
    assert queries(12) <= with_one


def test_children_are_stored_numbered_in_their_order(article_index):
    content = ArticleContentFactory(lang_tag="de", section_count=4, faq_count=3, keyword_count=3)

    page = article_create(parent=article_index, lang="de", content=content, publish=True)
    article_update_language(page=page, lang="en", content=ArticleContentFactory(), publish=True)

    page = ArticlePage.objects.get(pk=page.pk)
    sections, faqs, links = (
        list(page.sections.all()),
        list(page.faqs.all()),
        list(page.keywords.all()),
    )
    assert [child.sort_order for child in sections] == [0, 1, 2, 3]
    assert [child.sort_order for child in faqs] == [0, 1, 2]
    assert [child.sort_order for child in links] == [0, 1, 2]
    assert [s.heading_de for s in sections] == [s.heading for s in content.sections]
    assert [f.question_de for f in faqs] == [f.question for f in content.faqs]
    assert [link.keyword.term_de for link in links] == [k.term for k in content.keywords]


def test_a_new_articles_children_are_written_in_its_primary_language_with_the_revisions_ids(
    make_article,
):
    from articles.models import FAQ, Section

    page = make_article("en", publish=False)  # an English-only article

    sections = list(Section.objects.filter(page=page).order_by("sort_order"))
    faqs = list(FAQ.objects.filter(page=page).order_by("sort_order"))
    assert sections and faqs
    with connection.cursor() as cursor:  # the raw columns (the ORM reads through a language)
        cursor.execute(
            "SELECT heading, heading_en, heading_de FROM articles_section WHERE page_id = %s",
            [page.pk],
        )
        rows = cursor.fetchall()
    assert len(rows) == len(sections)
    assert all(
        heading == heading_en and heading_de is None for heading, heading_en, heading_de in rows
    )
    assert [s.sort_order for s in sections] == list(range(len(sections)))
    content = page.get_latest_revision().content
    assert [row["pk"] for row in content["sections"]] == [s.pk for s in sections]
    assert [row["pk"] for row in content["faqs"]] == [f.pk for f in faqs]
    assert [row["pk"] for row in content["keywords"]] == list(
        page.keywords.order_by("sort_order").values_list("pk", flat=True)
    )
