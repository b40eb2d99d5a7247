"""Editors edit every language of an article in the real Wagtail admin."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.utils.html import strip_tags

from articles.models import ArticlePage
from tests.admin_forms import read_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(make_article):
    from tests.factories import ArticleContentFactory

    return make_article(
        "de",
        section_count=6,
        faq_count=5,
        keyword_count=9,
        translations={
            "en": ArticleContentFactory(
                lang_tag="en", section_count=6, faq_count=5, keyword_count=9
            )
        },
    )


def edit_url(page) -> str:
    return f"/admin/pages/{page.id}/edit/"


def latest_draft(page):
    return ArticlePage.objects.get(pk=page.pk).get_latest_revision_as_object()


def test_edit_view_shows_every_translated_field_in_every_configured_language(
    editor_client, article
):
    response = editor_client.get(edit_url(article))

    assert response.status_code == 200
    fields = read_form(response.content.decode())
    for code in settings.MODELTRANSLATION_LANGUAGES:
        for name in (
            f"title_{code}",
            f"slug_{code}",
            f"seo_title_{code}",
            f"search_description_{code}",
            f"intro_{code}",
            f"conclusion_{code}",
            f"hero_image_alt_{code}",
            f"sections-5-heading_{code}",
            f"sections-5-body_{code}",
            f"faqs-4-question_{code}",
            f"faqs-4-answer_{code}",
        ):
            assert name in fields, name
    assert fields["title_de"] == article.title_de
    assert fields["title_en"] == article.title_en
    assert fields["keywords-TOTAL_FORMS"] == "9"


def test_saving_a_draft_through_the_admin_keeps_both_languages(editor_client, article):
    fields = read_form(editor_client.get(edit_url(article)).content.decode())
    fields["title_en"] = "A revised English title"
    fields["sections-0-heading_de"] = "Überarbeitete Überschrift"

    response = editor_client.post(edit_url(article), fields)

    assert response.status_code == 302, response.context and response.context["form"].errors
    draft = latest_draft(article)
    assert draft.title_en == "A revised English title"
    assert draft.title_de == article.title_de
    assert draft.slug_en == article.slug_en
    headings_de = [section.heading_de for section in draft.sections.all()]
    headings_en = [section.heading_en for section in draft.sections.all()]
    assert headings_de[0] == "Überarbeitete Überschrift"
    assert headings_en == [section.heading_en for section in article.sections.all()]
    # The rich text editor adds data-block-key attributes; the text itself must survive.
    assert [strip_tags(faq.answer_en) for faq in draft.faqs.all()] == [
        strip_tags(faq.answer_en) for faq in article.faqs.all()
    ]
    article.refresh_from_db()
    assert article.title_en != "A revised English title", "a draft must not change the live page"


def test_admin_rejects_a_second_focus_keyword(editor_client, article):
    revisions_before = article.revisions.count()
    fields = read_form(editor_client.get(edit_url(article)).content.decode())
    fields["keywords-1-focus"] = "on"

    response = editor_client.post(edit_url(article), fields)

    assert response.status_code == 200
    assert "Only one keyword can be the focus keyword." in response.content.decode()
    assert article.revisions.count() == revisions_before


def test_admin_accepts_an_article_that_exists_only_in_english(editor_client, make_article):
    page = make_article("en")
    fields = read_form(editor_client.get(edit_url(page)).content.decode())
    fields["title_en"] = "English only, edited"

    response = editor_client.post(edit_url(page), fields)

    assert response.status_code == 302
    draft = latest_draft(page)
    assert draft.title_en == "English only, edited"
    assert not draft.title_de


def test_anonymous_user_is_sent_to_the_login(client, article):
    response = client.get(edit_url(article))

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_admin_rejects_a_translated_slug_a_sibling_already_uses(
    editor_client, article, make_article
):
    sibling = make_article("de")
    fields = read_form(editor_client.get(edit_url(sibling)).content.decode())
    fields["title_en"] = "Borrowed slug"
    fields["slug_en"] = article.slug_en
    fields["intro_en"] = fields["intro_de"]

    response = editor_client.post(edit_url(sibling), fields)

    assert response.status_code == 200
    assert response.context["form"].errors["slug_en"] == ["This slug is already in use"]


def test_admin_saves_a_second_article_that_also_lacks_the_default_language(
    editor_client, make_article
):
    make_article("en")
    second = make_article("en")
    fields = read_form(editor_client.get(edit_url(second)).content.decode())
    fields["title_en"] = "Second English-only article, edited"

    response = editor_client.post(edit_url(second), fields)

    assert response.status_code == 302
    assert latest_draft(second).title_en == "Second English-only article, edited"
