"""The SEO head: site name and publisher from settings, Twitter card, author type, and the
ready ``head`` list beside the structured ``seo`` object."""

from __future__ import annotations

import json

import pytest

from articles.api.head import head_elements, twitter_card
from tests.articles.api.conftest import article_content, republish

pytestmark = pytest.mark.django_db

URL = "/api/v1/articles/kopf/?lang=de"


@pytest.fixture(autouse=True)
def _site_settings(settings):
    settings.WAGTAIL_SITE_NAME = "Admin Name (never public)"
    settings.SITE_NAME = "Gartenmagazin"
    settings.PUBLISHER_NAME = "Garten Verlag GmbH"
    settings.PUBLISHER_LOGO_URL = "https://cdn.example/logo.png"
    settings.TWITTER_SITE = "@gartenmagazin"


@pytest.fixture
def article(make_article, hero_image):
    page = make_article(
        content=article_content(slug="kopf", title="Kopf", hero_image_alt="Ein blaues Bild"),
        translations={
            "en": article_content(slug="head", title="Head", hero_image_alt="A blue picture")
        },
    )
    return republish(page, hero_image=hero_image, author_is_organization=True)


def by_key(head: list[dict]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for item in head:
        attributes = item["attributes"]
        key = attributes.get("name") or attributes.get("property") or attributes.get("rel")
        value = attributes.get("content") or attributes.get("href") or item["text"]
        found.setdefault(f"{item['tag']}:{key}", []).append(value)
    return found


def test_site_name_and_publisher_come_from_settings(client, article):
    body = client.get(URL).json()
    posting = body["seo"]["json_ld"][0]
    assert body["seo"]["open_graph"]["site_name"] == "Gartenmagazin"
    assert posting["publisher"] == {
        "@type": "Organization",
        "name": "Garten Verlag GmbH",
        "url": "http://localhost:3000/de/",
        "logo": {"@type": "ImageObject", "url": "https://cdn.example/logo.png"},
    }
    breadcrumb = body["seo"]["json_ld"][-1]["itemListElement"][0]
    assert breadcrumb["name"] == "Gartenmagazin"
    assert "Admin Name" not in json.dumps(body)


def test_an_organisation_author_is_typed_as_one(client, article):
    body = client.get(URL).json()
    assert body["author_type"] == "Organization"
    assert body["seo"]["json_ld"][0]["author"] == {"@type": "Organization", "name": "Test Author"}


def test_a_person_author_by_default(client, make_article):
    make_article(content=article_content(slug="person"))
    body = client.get("/api/v1/articles/person/?lang=de").json()
    assert body["author_type"] == "Person"
    assert body["seo"]["json_ld"][0]["author"]["@type"] == "Person"


def test_twitter_card_with_the_hero_image(client, article):
    twitter = client.get(URL).json()["seo"]["twitter"]
    assert twitter["card"] == "summary_large_image"
    assert twitter["site"] == "@gartenmagazin"
    assert twitter["image"].startswith("http")
    assert twitter["image_alt"] == "Ein blaues Bild"


def test_head_lists_every_tag_ready_to_render(client, article, django_assert_max_num_queries):
    with django_assert_max_num_queries(9):
        body = client.get(URL).json()
    head = body["head"]
    tags = by_key(head)
    seo = body["seo"]
    assert head[0] == {"tag": "title", "attributes": {}, "text": seo["title"]}
    assert tags["meta:description"] == [seo["description"]]
    assert tags["link:canonical"] == [seo["canonical_url"]]
    hreflangs = [
        item["attributes"]["hreflang"] for item in head if "hreflang" in item["attributes"]
    ]
    assert hreflangs == ["de", "en", "x-default"]
    assert tags["meta:og:site_name"] == ["Gartenmagazin"]
    assert tags["meta:og:image"] == [body["hero_image"]["url"]]
    assert tags["meta:twitter:card"] == ["summary_large_image"]
    assert tags["meta:twitter:site"] == ["@gartenmagazin"]
    assert tags["meta:article:modified_time"][0].startswith("20")
    scripts = [item for item in head if item["tag"] == "script"]
    assert [json.loads(item["text"]) for item in scripts] == seo["json_ld"]
    assert all(item["attributes"] == {"type": "application/ld+json"} for item in scripts)


def test_json_ld_text_cannot_close_its_script():
    seo = {
        "title": "T",
        "description": "",
        "robots": "index",
        "canonical_url": "https://x.example/",
        "alternates": [],
        "open_graph": {
            "type": "article",
            "title": "T",
            "description": "",
            "url": "https://x.example/",
            "site_name": "S",
            "locale": "de_DE",
            "locale_alternates": [],
            "image": None,
            "published_time": None,
            "modified_time": None,
            "tags": [],
        },
        "twitter": twitter_card(title="T", description="", image=None, site=""),
        "json_ld": [{"headline": "</script><script>alert(1)</script>"}],
    }
    head = head_elements(seo)
    script = head[-1]["text"]
    assert "</script>" not in script
    assert json.loads(script) == seo["json_ld"][0]
    # No empty description, no image or site tags without values.
    names = {item["attributes"].get("name") for item in head}
    assert "description" not in names and "twitter:site" not in names
    assert by_key(head)["meta:twitter:card"] == ["summary"]
