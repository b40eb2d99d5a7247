"""Keywords, languages and sitemaps (JSON and XML)."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree

import pytest

from tests.articles.api.conftest import article_content
from tests.shared_data import shared_data

pytestmark = pytest.mark.django_db

FRONTEND = "http://localhost:3000"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


@shared_data
def articles(build):
    both = build.article(
        content=article_content(slug="beide"), translations={"en": article_content(slug="both")}
    )
    german = build.article(content=article_content(slug="deutsch"), translations={})
    return both, german


def test_keywords_with_article_counts_per_language(get_json, make_article):
    from articles.content import KeywordContent

    shared = (KeywordContent(term="Kompost", focus=True), KeywordContent(term="Boden"))
    for slug in ("eins", "zwei"):
        content = article_content(slug=slug)
        make_article(content=content.__class__(**{**content.__dict__, "keywords": shared}))
    response, body = get_json("/api/v1/keywords/?lang=de")
    assert response["Content-Language"] == "de"
    assert [(item["term"], item["article_count"]) for item in body["results"]] == [
        ("Kompost", 2),
        ("Boden", 2),
    ]
    assert body["count"] == 2


def test_keyword_terms_fall_back_and_say_so(get_json, make_article, settings):
    settings.CMS_INCOMPLETE_LANGUAGES = "fallback"
    make_article(
        content=article_content(slug="mit-begriffen", keywords=1),
        translations={"en": article_content(slug="with-terms", keywords=0)},
    )
    _response, body = get_json("/api/v1/keywords/?lang=en")
    assert body["results"] == [
        {
            "id": body["results"][0]["id"],
            "term": "mit-begriffen term 0",
            "article_count": 1,
            "fallbacks": [{"field": "term", "lang": "de"}],
        }
    ]


def test_keywords_without_a_term_in_the_language_are_left_out_when_nothing_falls_back(
    get_json, make_article, settings
):
    settings.CMS_INCOMPLETE_LANGUAGES = "hide"
    make_article(
        content=article_content(slug="mit-begriffen", keywords=1),
        translations={"en": article_content(slug="with-terms", keywords=0)},
    )
    _response, body = get_json("/api/v1/keywords/?lang=en")
    assert body["results"] == []
    _response, german = get_json("/api/v1/keywords/?lang=de")
    assert [item["term"] for item in german["results"]] == ["mit-begriffen term 0"]


def test_languages_lists_the_configured_languages_and_the_default(get_json, settings):
    settings.CMS_INCOMPLETE_LANGUAGES = "fallback"
    _response, body = get_json("/api/v1/languages/")
    assert body["default"] == "de"
    assert [language["code"] for language in body["languages"]] == ["de", "en", "nl", "fr"]
    assert body["languages"][0] == {
        "code": "de",
        "name": "German",
        "name_local": "Deutsch",
        "default": True,
        "fallbacks": [],
    }
    assert body["languages"][1]["fallbacks"] == ["de"]


def test_languages_have_no_fallbacks_when_incomplete_versions_are_hidden(get_json, settings):
    settings.CMS_INCOMPLETE_LANGUAGES = "hide"
    _response, body = get_json("/api/v1/languages/")
    assert all(language["fallbacks"] == [] for language in body["languages"])


def test_json_sitemap_lists_urls_with_alternates(get_json, articles):
    _response, english = get_json("/api/v1/sitemap/?lang=en")
    assert english["lang"] == "en"
    assert [entry["url"] for entry in english["results"]] == [f"{FRONTEND}/en/blog/both/"]
    assert english["results"][0]["alternates"] == [
        {"lang": "de", "url": f"{FRONTEND}/de/blog/beide/", "path": "/de/blog/beide/"},
        {"lang": "en", "url": f"{FRONTEND}/en/blog/both/", "path": "/en/blog/both/"},
        {"lang": "x-default", "url": f"{FRONTEND}/de/blog/beide/", "path": "/de/blog/beide/"},
    ]
    assert english["results"][0]["lastmod"]
    _response, german = get_json("/api/v1/sitemap/?lang=de")
    assert len(german["results"]) == 2


def test_xml_sitemap_has_every_language_version_with_hreflang_links(client, articles):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ElementTree.fromstring(response.content)
    urls = {
        url.find(f"{SITEMAP}loc").text: [
            (link.get("hreflang"), link.get("href")) for link in url.findall(f"{XHTML}link")
        ]
        for url in root.findall(f"{SITEMAP}url")
    }
    assert set(urls) == {
        f"{FRONTEND}/de/blog/beide/",
        f"{FRONTEND}/en/blog/both/",
        f"{FRONTEND}/de/blog/deutsch/",
    }
    assert urls[f"{FRONTEND}/en/blog/both/"] == [
        ("de", f"{FRONTEND}/de/blog/beide/"),
        ("en", f"{FRONTEND}/en/blog/both/"),
        ("x-default", f"{FRONTEND}/de/blog/beide/"),
    ]
    assert all(url.find(f"{SITEMAP}lastmod") is not None for url in root.findall(f"{SITEMAP}url"))


def test_frontend_urls_follow_the_configured_template(get_json, settings, articles):
    settings.FRONTEND_BASE_URL = "https://example.org"
    settings.FRONTEND_URL_TEMPLATE = "{base}/{lang}/articles/{slug}"
    _response, body = get_json("/api/v1/articles/both/?lang=en")
    assert body["url"] == "https://example.org/en/articles/both"
    crumbs = body["seo"]["json_ld"][2]["itemListElement"]
    assert [crumb["item"] for crumb in crumbs] == [
        "https://example.org/en/",
        "https://example.org/en/articles/",
        "https://example.org/en/articles/both",
    ]


@pytest.mark.parametrize(
    "url", ["/api/v2/pages/?type=articles.ArticlePage", "/api/v2/images/", "/api/v2/documents/"]
)
def test_wagtail_api_v2_is_not_served(client, articles, url):
    # docs/api.md: it bypassed visibility, sanitising and the error shape of /api/v1/.
    response = client.get(url)
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_cors_origin_from_settings_is_allowed(client, settings, articles):
    settings.CORS_ALLOWED_ORIGINS = ["https://frontend.example"]
    for _ in range(2):  # uncached, then from the response cache
        response = client.get("/api/v1/articles/?lang=de", HTTP_ORIGIN="https://frontend.example")
        assert response["Access-Control-Allow-Origin"] == "https://frontend.example"
    other = client.get("/api/v1/articles/?lang=de", HTTP_ORIGIN="https://evil.example")
    assert "Access-Control-Allow-Origin" not in other
