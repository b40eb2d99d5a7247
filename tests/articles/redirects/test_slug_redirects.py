"""Slug changes never break links (issue 14, part 1): per-language redirects from former slugs,
recorded on publish from the admin or an import, answered with a 301 by the detail endpoint."""

from __future__ import annotations

import dataclasses
import json

import pytest

from articles.models import ArticlePage, SlugRedirect
from articles.page_content import latest_version, page_content
from articles.services import article_update_language
from tests.admin_forms import read_form
from tests.articles.api.conftest import article_content
from tests.shared_data import shared_data
from tests.wsgi_client import call, production_app

pytestmark = pytest.mark.django_db


def rename(page: ArticlePage, lang: str, slug: str, *, publish: bool = True) -> ArticlePage:
    """A new slug through the write services every importer and the demo loader use."""
    content = dataclasses.replace(page_content(latest_version(page), lang), slug=slug)
    return article_update_language(page=page, lang=lang, content=content, publish=publish)


@shared_data
def article(build):
    return build.article(
        content=article_content(slug="gartenboden", title="Gartenboden im Jahreslauf"),
        translations={"en": article_content(slug="garden-soil", title="Garden soil")},
    )


def detail(client, slug: str, lang: str):
    return client.get(f"/api/v1/articles/{slug}/", {"lang": lang})


def test_a_renamed_slug_answers_301_to_the_new_detail_url_with_slug_and_frontend_url(
    client, article, settings
):
    rename(article, "en", "soil-in-the-garden")

    response = detail(client, "garden-soil", "en")

    assert response.status_code == 301
    assert response["Location"] == "/api/v1/articles/soil-in-the-garden/?lang=en"
    redirect = response.json()["redirect"]
    assert redirect["code"] == "slug_changed"
    assert redirect["slug"] == "soil-in-the-garden"
    assert redirect["lang"] == "en"
    assert redirect["frontend_url"] == f"{settings.FRONTEND_BASE_URL}/en/blog/soil-in-the-garden/"
    assert client.get(response["Location"]).status_code == 200


def test_the_redirect_is_recorded_in_the_changed_language_only(client, article):
    rename(article, "en", "soil-in-the-garden")

    assert list(SlugRedirect.objects.values_list("lang", "old_slug")) == [("en", "garden-soil")]
    assert detail(client, "gartenboden", "de").status_code == 200
    assert detail(client, "garden-soil", "de").status_code == 404


def test_a_chain_of_renames_leads_straight_to_the_slug_of_today(client, article):
    rename(article, "de", "boden-b")
    rename(article, "de", "boden-c")

    for old in ("gartenboden", "boden-b"):
        response = detail(client, old, "de")
        assert response.status_code == 301, old
        assert response["Location"] == "/api/v1/articles/boden-c/?lang=de"


def test_renaming_back_makes_the_old_slug_the_article_again(client, article):
    rename(article, "de", "boden-b")
    rename(article, "de", "gartenboden")

    assert detail(client, "gartenboden", "de").status_code == 200
    assert detail(client, "boden-b", "de")["Location"] == "/api/v1/articles/gartenboden/?lang=de"
    assert not SlugRedirect.objects.filter(old_slug="gartenboden").exists()


def test_a_slug_taken_again_by_a_new_article_wins_over_the_redirect(client, article, make_article):
    rename(article, "de", "boden-b")

    newcomer = make_article(content=article_content(slug="gartenboden", title="Neu"))

    response = detail(client, "gartenboden", "de")
    assert response.status_code == 200
    assert response.json()["id"] == newcomer.pk
    assert not SlugRedirect.objects.filter(lang="de", old_slug="gartenboden").exists()


def test_a_draft_rename_records_nothing_until_it_is_published(client, article):
    rename(article, "de", "boden-b", publish=False)

    assert not SlugRedirect.objects.exists()
    assert detail(client, "gartenboden", "de").status_code == 200


def test_an_article_never_published_leaves_no_redirects(client, make_article):
    draft = make_article(content=article_content(slug="entwurf", title="Entwurf"), publish=False)

    rename(draft, "de", "entwurf-zwei")

    assert not SlugRedirect.objects.exists()


def test_old_slugs_are_never_in_lists_or_sitemaps(client, article):
    rename(article, "en", "soil-in-the-garden")

    listed = client.get("/api/v1/articles/", {"lang": "en"}).json()["results"]
    sitemap = client.get("/api/v1/sitemap/", {"lang": "en"}).content.decode()
    sitemap_xml = client.get("/sitemap.xml").content.decode()

    assert [item["slug"] for item in listed] == ["soil-in-the-garden"]
    assert "/garden-soil/" not in sitemap and "/garden-soil/" not in sitemap_xml
    assert "/soil-in-the-garden/" in sitemap


def test_a_redirect_to_an_article_no_longer_visible_is_a_404(client, article):
    rename(article, "en", "soil-in-the-garden")
    ArticlePage.objects.get(pk=article.pk).unpublish()

    assert detail(client, "garden-soil", "en").status_code == 404


def test_publishing_a_new_slug_in_the_admin_records_the_redirect(admin_client, client, article):
    url = f"/admin/pages/{article.pk}/edit/"
    fields = read_form(admin_client.get(url).content.decode())
    fields["slug_en"] = "soil-from-the-admin"
    fields["action-publish"] = "action-publish"

    response = admin_client.post(url, fields)

    assert response.status_code == 302, response.content.decode()[:2000]
    assert ArticlePage.objects.get(pk=article.pk).slug_en == "soil-from-the-admin"
    assert detail(client, "garden-soil", "en")["Location"] == (
        "/api/v1/articles/soil-from-the-admin/?lang=en"
    )


def test_redirects_are_listed_and_removable_in_the_admin(admin_client, client, article):
    """By a superuser, or a group given the slug redirect permissions (Settings -> Groups)."""
    rename(article, "en", "soil-in-the-garden")
    redirect = SlugRedirect.objects.get()

    listing = admin_client.get("/admin/slug_redirects/")
    assert listing.status_code == 200
    assert "garden-soil" in listing.content.decode()
    assert "soil-in-the-garden" in listing.content.decode()  # where it leads now

    deleted = admin_client.post(f"/admin/slug_redirects/delete/{redirect.pk}/")

    assert deleted.status_code == 302
    assert not SlugRedirect.objects.exists()
    assert detail(client, "garden-soil", "en").status_code == 404


def test_the_redirect_costs_a_fixed_number_of_queries(
    client, article, django_assert_max_num_queries
):
    rename(article, "en", "soil-in-the-garden")

    with django_assert_max_num_queries(6):
        assert detail(client, "garden-soil", "en").status_code == 301


def test_the_served_application_never_answers_a_renamed_slug_from_its_cache(article):
    app = production_app()
    target = "/api/v1/articles/garden-soil/?lang=en"
    assert call(app, target).status == 200
    assert call(app, target).status == 200  # now from the cache

    rename(ArticlePage.objects.get(pk=article.pk), "en", "soil-in-the-garden")
    moved = call(app, target)
    SlugRedirect.objects.all().delete()
    gone = call(app, target)

    assert moved.status == 301
    assert json.loads(moved.body)["redirect"]["slug"] == "soil-in-the-garden"
    assert moved.header("Location") == "/api/v1/articles/soil-in-the-garden/?lang=en"
    assert gone.status == 404
