"""Only live, public articles in the default site's tree, in the requested language, are ever
shown: list, detail, search, sitemap (JSON and XML) and keyword counts."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone, translation
from wagtail.models import Page, PageViewRestriction

from articles.models import ArticlePage
from articles.services import article_index_get_or_create, article_update_language
from tests.articles.api.conftest import article_content
from tests.shared_data import shared_data

SECRET_WORD = "zeppelinquartz"


def hidden_content(slug: str):
    return article_content(
        slug=slug, title="Hidden article", intro=f"<p>The {SECRET_WORD} appears here.</p>"
    )


def make_draft(make_article, article_index):
    return make_article(content=hidden_content("hidden-draft"), publish=False)


def make_unpublished(make_article, article_index):
    page = make_article(content=hidden_content("hidden-unpublished"))
    with translation.override("de"):
        page.unpublish()
    return page


def make_private(make_article, article_index):
    page = make_article(content=hidden_content("hidden-private"))
    PageViewRestriction.objects.create(page=page, restriction_type="password", password="s3cret")
    return page


def make_under_private_index(make_article, article_index):
    index, _created = article_index_get_or_create(
        slug="members", titles={"de": "Mitglieder", "en": "Members"}
    )
    PageViewRestriction.objects.create(page=index, restriction_type="login")
    return make_article(content=hidden_content("hidden-members-only"), parent=index)


def make_outside_site(make_article, article_index):
    index, _created = article_index_get_or_create(
        slug="elsewhere",
        titles={"de": "Anderswo", "en": "Elsewhere"},
        parent=Page.get_first_root_node(),
    )
    return make_article(content=hidden_content("hidden-outside-site"), parent=index)


def make_expired(make_article, article_index):
    # Published with an expiry that has passed since; publish_scheduled has not run (yet).
    page = make_article(content=hidden_content("hidden-expired"))
    ArticlePage.objects.filter(pk=page.pk).update(expire_at=timezone.now() - timedelta(seconds=1))
    return page


def make_not_yet_live(make_article, article_index):
    # A live row whose go-live lies ahead (written directly, as no editor action does).
    page = make_article(content=hidden_content("hidden-not-yet-live"))
    ArticlePage.objects.filter(pk=page.pk).update(go_live_at=timezone.now() + timedelta(hours=1))
    return page


HIDDEN_KINDS = {
    "expired": make_expired,
    "not_yet_live": make_not_yet_live,
    "draft": make_draft,
    "unpublished": make_unpublished,
    "private": make_private,
    "under_private_index": make_under_private_index,
    "outside_site": make_outside_site,
}


@shared_data(params=list(HIDDEN_KINDS))
def hidden_article(build, kind):
    return HIDDEN_KINDS[kind](build.article, build.index)


@pytest.fixture
def visible_article(make_article):
    return make_article(content=article_content(slug="visible-article"))


@pytest.mark.django_db
def test_hidden_article_is_not_listed(client, hidden_article, visible_article):
    body = client.get("/api/v1/articles/?lang=de").json()
    assert [item["slug"] for item in body["results"]] == ["visible-article"]
    assert body["count"] == 1


@pytest.mark.django_db
def test_hidden_article_has_no_detail(client, hidden_article, visible_article):
    slug = hidden_article.slug_de
    response = client.get(f"/api/v1/articles/{slug}/?lang=de")
    assert response.status_code == 404
    # Not even the languages of a hidden article are revealed.
    assert response.json()["error"]["details"]["available_languages"] == []


@pytest.mark.django_db
def test_hidden_article_is_not_found_by_search(client, hidden_article, visible_article):
    body = client.get(f"/api/v1/articles/?lang=de&search={SECRET_WORD}").json()
    assert body["results"] == []


@pytest.mark.django_db
def test_hidden_article_is_not_in_the_json_sitemap(client, hidden_article, visible_article):
    body = client.get("/api/v1/sitemap/?lang=de").json()
    assert [entry["url"].rstrip("/").rsplit("/", 1)[1] for entry in body["results"]] == [
        "visible-article"
    ]


@pytest.mark.django_db
def test_hidden_article_is_not_in_the_xml_sitemap(client, hidden_article, visible_article):
    xml = client.get("/sitemap.xml").content.decode()
    assert "visible-article" in xml
    assert hidden_article.slug_de not in xml


@pytest.mark.django_db
def test_keywords_of_hidden_articles_are_neither_listed_nor_counted(
    client, hidden_article, visible_article, make_article
):
    # A keyword shared by a visible and a hidden article counts only the visible one.
    results = client.get("/api/v1/keywords/?lang=de").json()["results"]
    terms = {item["term"]: item["article_count"] for item in results}
    assert terms == {"visible-article term 0": 1, "visible-article term 1": 1}


@pytest.mark.django_db
def test_shared_keyword_counts_only_visible_articles(client, make_article, hidden_article):
    shared = article_content(slug="shares-a-keyword")
    shared = shared.__class__(
        **{**shared.__dict__, "keywords": hidden_article_keywords(hidden_article)}
    )
    make_article(content=shared)
    results = client.get("/api/v1/keywords/?lang=de").json()["results"]
    assert {item["article_count"] for item in results} == {1}


def hidden_article_keywords(page):
    from articles.content import KeywordContent

    latest = page.get_latest_revision_as_object()
    return tuple(
        KeywordContent(term=link.keyword.term_de, focus=link.focus)
        for link in latest.keywords.all()
    )


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["en", "nl", "fr"])
def test_article_is_only_listed_in_languages_it_is_translated_into(client, make_article, lang):
    make_article(content=article_content(slug="nur-deutsch"), translations={})
    body = client.get(f"/api/v1/articles/?lang={lang}").json()
    assert body["results"] == []
    assert client.get("/api/v1/articles/?lang=de").json()["count"] == 1


@pytest.mark.django_db
def test_unpublished_translation_of_a_live_article_stays_hidden(client, make_article):
    page = make_article(content=article_content(slug="live-german"), translations={})
    article_update_language(
        page=page, lang="en", content=article_content(slug="draft-english"), publish=False
    )
    assert client.get("/api/v1/articles/?lang=en").json()["results"] == []
    assert client.get("/api/v1/articles/draft-english/?lang=en").status_code == 404
    detail = client.get("/api/v1/articles/live-german/?lang=de").json()
    assert detail["languages"] == ["de"]
    assert [link["lang"] for link in detail["seo"]["alternates"]] == ["de", "x-default"]


@pytest.mark.django_db
def test_draft_changes_of_a_live_article_are_not_shown(client, make_article):
    page = make_article(content=article_content(slug="stable", title="Published title"))
    article_update_language(
        page=page,
        lang="de",
        content=article_content(slug="stable", title="Unpublished new title"),
        publish=False,
    )
    assert client.get("/api/v1/articles/stable/?lang=de").json()["title"] == "Published title"
