"""One error shape for 400/404/405/429, and no query string can cause a 500."""

from __future__ import annotations

import pytest

from tests.articles.api.conftest import article_content
from tests.shared_data import shared_data

pytestmark = pytest.mark.django_db

ENDPOINTS = [
    "/api/v1/articles/",
    "/api/v1/articles/garten/",
    "/api/v1/keywords/",
    "/api/v1/languages/",
    "/api/v1/sitemap/",
]


@shared_data
def article(build):
    return build.article(content=article_content(slug="garten"))


def assert_error_shape(response, status: int, code: str) -> dict:
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "details"}
    assert body["error"]["code"] == code
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    assert isinstance(body["error"]["details"], dict)
    return body["error"]


@pytest.mark.parametrize("url", [u for u in ENDPOINTS if "languages" not in u])
def test_unknown_language_is_a_400_listing_the_supported_ones(client, article, url):
    error = assert_error_shape(client.get(f"{url}?lang=klingon"), 400, "unsupported_language")
    assert error["details"] == {"lang": "klingon", "supported": ["de", "en", "nl", "fr"]}


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("page=0", "page"),
        ("page=-1", "page"),
        ("page=abc", "page"),
        ("page=1.5", "page"),
        ("page=" + "9" * 40, "page"),
        ("page=", "page"),
        ("page_size=0", "page_size"),
        ("page_size=101", "page_size"),
        ("page_size=-5", "page_size"),
        ("page_size=ten", "page_size"),
        ("page_size=" + "9" * 5000, "page_size"),
        ("ordering=newest", "ordering"),
        ("ordering=title;drop table", "ordering"),
        ("updated_since=yesterday", "updated_since"),
        ("updated_since=2024-13-45T99:00:00", "updated_since"),
        ("search=" + "x" * 201, "search"),
        ("keyword=" + "k" * 201, "keyword"),
    ],
)
def test_bad_list_parameters_are_400s_naming_the_parameter(client, article, query, field):
    error = assert_error_shape(
        client.get(f"/api/v1/articles/?lang=de&{query}"), 400, "invalid_parameter"
    )
    assert list(error["details"]) == [field]
    assert field in error["message"]


def test_several_bad_parameters_are_reported_together(client, article):
    error = assert_error_shape(
        client.get("/api/v1/articles/?page=x&page_size=1000&ordering=y&updated_since=z"),
        400,
        "invalid_parameter",
    )
    assert set(error["details"]) == {"page", "page_size", "ordering", "updated_since"}


@pytest.mark.parametrize("query", ["page=0", "page_size=500"])
def test_bad_keyword_list_parameters_are_400s(client, article, query):
    assert_error_shape(client.get(f"/api/v1/keywords/?{query}"), 400, "invalid_parameter")


@pytest.mark.parametrize("page", ["2", "999999999"])
def test_page_past_the_end_is_a_404(client, article, page):
    assert_error_shape(client.get(f"/api/v1/keywords/?page={page}"), 404, "page_out_of_range")


@pytest.mark.parametrize("path", ["/api/v1/nothing/", "/api/v1/articles/a/b/", "/api/nope/"])
def test_unknown_api_urls_are_json_404s(client, path):
    assert_error_shape(client.get(path), 404, "not_found")


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize("url", ENDPOINTS)
def test_writes_are_405s(client, article, method, url):
    response = getattr(client, method)(url)
    assert_error_shape(response, 405, "method_not_allowed")
    assert "GET" in response["Allow"]


@pytest.mark.parametrize("url", ENDPOINTS)
def test_error_messages_are_english_whatever_the_language(client, article, url):
    response = client.delete(url, HTTP_ACCEPT_LANGUAGE="de")
    assert "not allowed" in response.json()["error"]["message"]


HOSTILE_QUERIES = [
    "page=99999999999999999999999999999999",
    "page=1e10",
    "page=%00",
    "page_size=NaN",
    "page=%EF%BC%91",  # a full-width digit one
    "lang=%00",
    "lang=de&lang=xx",
    "lang=" + "d" * 10_000,
    "search=%00%00",
    "search=" + "%27%22%3B--" * 10,
    'search=AND OR NOT ( ) " *',
    "keyword=%FF%FE",
    "ordering=",
    "ordering=-published&ordering=title",
    "updated_since=",
    "updated_since=0001-01-01T00:00:00Z",
    "updated_since=9999-12-31T23:59:59+14:00",
    "updated_since=-1",
    "format=xml",
    "callback=alert",
    "a" * 2000 + "=1",
    "page[]=1&page_size[]=2",
    "%ZZ=%ZZ",
]


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
@pytest.mark.parametrize("url", ENDPOINTS)
def test_no_query_string_causes_a_500(client, article, url, query):
    response = client.get(f"{url}?{query}")
    assert response.status_code in {200, 400, 404}
    assert response["Content-Type"].startswith("application/json")
    if response.status_code != 200:
        assert set(response.json()["error"]) == {"code", "message", "details"}


@pytest.mark.parametrize(
    ("header", "lang"),
    [("x" * 10_000, "de"), ("fr;q=" + "9" * 10_000, "de"), ("nl-" * 3_500, "nl")],
)
@pytest.mark.parametrize("url", ["/api/v1/articles/", "/api/v1/keywords/", "/api/v1/sitemap/"])
def test_huge_accept_language_headers_are_harmless(client, article, url, header, lang):
    response = client.get(url, HTTP_ACCEPT_LANGUAGE=header)
    assert response.status_code == 200
    assert response["Content-Language"] == lang


@pytest.mark.parametrize("accept", ["text/html", "application/xml", "*/*", "nonsense"])
def test_any_accept_header_gets_json(client, article, accept):
    response = client.get("/api/v1/articles/?lang=de", HTTP_ACCEPT=accept)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"


@pytest.mark.parametrize(
    "query", ["keyword=a%00b", "search=x%00", "lang=de&lang=%00", "ordering=%00", "page=%00"]
)
def test_nul_characters_in_parameters_are_400s(client, article, query):
    error = assert_error_shape(client.get(f"/api/v1/articles/?{query}"), 400, "invalid_parameter")
    assert all(messages for messages in error["details"].values())
