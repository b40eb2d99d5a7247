"""Every frontend URL in a response has a ``path`` beside it (the URL without scheme and host),
so a preview deployment or a local build links within its own host without rewriting."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from articles.frontend import frontend_path
from tests.articles.api.conftest import article_content

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(make_article):
    return make_article(
        content=article_content(slug="über-pfade", title="Über Pfade"),
        translations={"en": article_content(slug="on-paths", title="On paths")},
    )


def assert_path_matches(link: dict) -> None:
    parts = urlsplit(link["url"])
    assert parts.scheme and parts.netloc
    assert link["path"] == parts.path
    assert link["path"].startswith("/")


def test_detail_has_a_path_next_to_every_url(client, article, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        body = client.get("/api/v1/articles/on-paths/?lang=en").json()
    assert body["path"] == "/en/blog/on-paths/"
    assert_path_matches(body)
    assert body["seo"]["canonical_path"] == "/en/blog/on-paths/"
    alternates = body["seo"]["alternates"]
    assert [link["lang"] for link in alternates] == ["de", "en", "x-default"]
    for link in alternates:
        assert_path_matches(link)
    # Percent-encoded like the URL: a path is a URL reference, usable as an href as it is.
    assert alternates[0]["path"] == "/de/blog/%C3%BCber-pfade/"
    breadcrumbs = body["breadcrumbs"]
    assert [crumb["name"] for crumb in breadcrumbs][-1] == "On paths"
    assert [crumb["path"] for crumb in breadcrumbs] == ["/en/", "/en/blog/", "/en/blog/on-paths/"]
    for crumb in breadcrumbs:
        assert_path_matches(crumb)
    json_ld_trail = [item["item"] for item in body["seo"]["json_ld"][-1]["itemListElement"]]
    assert json_ld_trail == [crumb["url"] for crumb in breadcrumbs]


def test_list_items_and_sitemap_entries_have_paths(client, article, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        items = client.get("/api/v1/articles/?lang=de").json()["results"]
    assert items[0]["path"] == "/de/blog/%C3%BCber-pfade/"
    with django_assert_max_num_queries(8):
        entries = client.get("/api/v1/sitemap/?lang=en").json()["results"]
    assert entries[0]["path"] == "/en/blog/on-paths/"
    for link in entries[0]["alternates"]:
        assert_path_matches(link)


def test_a_base_url_with_a_path_prefix_keeps_it_in_the_path(settings):
    settings.FRONTEND_BASE_URL = "https://example.com/magazine"
    assert frontend_path("https://example.com/magazine/de/blog/x/") == "/magazine/de/blog/x/"
