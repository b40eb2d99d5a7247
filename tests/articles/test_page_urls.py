"""Page URLs of a headless CMS: a live, public page redirects (301) to its frontend URL in the
request's language; drafts, expired and private pages are 404s; nothing renders a template."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import quote

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from articles.models import ArticlePage
from tests.articles.api.conftest import article_content
from tests.shared_data import shared_data

pytestmark = pytest.mark.django_db


@shared_data
def article(build):
    return build.article(
        content=article_content(slug="garten", title="Garten"),
        translations={"en": article_content(slug="garden", title="Garden")},
    )


def test_the_article_index_redirects_to_the_frontend(client, article):
    response = client.get("/blog/", HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 301
    assert response["Location"] == "http://localhost:3000/de/blog/"


@pytest.mark.parametrize(
    ("path", "accept_language", "location"),
    [
        ("/blog/garten/", "de", "http://localhost:3000/de/blog/garten/"),
        ("/blog/garden/", "en", "http://localhost:3000/en/blog/garden/"),
        # No Dutch version: the article's own language.
        ("/blog/garten/", "nl", "http://localhost:3000/de/blog/garten/"),
    ],
)
def test_a_live_article_redirects_to_its_frontend_url_in_the_language(
    client, article, path, accept_language, location
):
    response = client.get(path, HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 301
    assert response["Location"] == location


def test_unicode_slugs_redirect_too(client, make_article):
    make_article(content=article_content(slug="über-straße"))
    response = client.get(f"/blog/{quote('über-straße')}/", HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 301
    assert response["Location"] == f"http://localhost:3000/de/blog/{quote('über-straße')}/"


def test_a_draft_is_a_404(client, make_article):
    make_article(content=article_content(slug="entwurf"), publish=False)
    assert client.get("/blog/entwurf/", HTTP_ACCEPT_LANGUAGE="de").status_code == 404


def test_an_expired_article_is_a_404(client, article):
    ArticlePage.objects.filter(pk=article.pk).update(expire_at=timezone.now() - timedelta(1))
    assert client.get("/blog/garten/", HTTP_ACCEPT_LANGUAGE="de").status_code == 404


@pytest.mark.parametrize("restriction_type", ["password", "login"])
def test_a_private_article_is_a_404_not_a_login_or_password_page(client, article, restriction_type):
    PageViewRestriction.objects.create(
        page=article, restriction_type=restriction_type, password="pw"
    )
    assert client.get("/blog/garten/", HTTP_ACCEPT_LANGUAGE="de").status_code == 404


def test_nothing_below_the_blog_renders_a_template(client, article):
    for path in ("/blog/", "/blog/garten/", "/blog/nothing-here/"):
        assert client.get(path).status_code in {301, 404}
