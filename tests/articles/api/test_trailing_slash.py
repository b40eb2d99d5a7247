"""URLs without their trailing slash, and the API's root (issue 18, item 4), through Django's
test client and through ``cms.wsgi.application`` (the fast path in front of Django)."""

from __future__ import annotations

import json

import pytest

from tests.wsgi_client import call, production_app

pytestmark = pytest.mark.django_db

REDIRECTS = [
    ("/api/v1/articles?lang=de", "/api/v1/articles/?lang=de"),
    ("/api/v1/articles?lang=de&page=2", "/api/v1/articles/?lang=de&page=2"),
    (
        "/api/v1/articles/sleep-and-digestion?lang=en",
        "/api/v1/articles/sleep-and-digestion/?lang=en",
    ),
    ("/api/v1/keywords", "/api/v1/keywords/"),
    ("/api/v1/languages", "/api/v1/languages/"),
    ("/api/v1/sitemap?lang=en", "/api/v1/sitemap/?lang=en"),
    ("/api/v1", "/api/v1/"),
    ("/api/docs", "/api/docs/"),
    ("/api/schema", "/api/schema/"),
]


@pytest.mark.parametrize(("target", "location"), REDIRECTS)
@pytest.mark.parametrize("method", ["GET", "HEAD"])
def test_get_and_head_without_the_slash_redirect_keeping_the_query(
    client, method, target, location
):
    path, _, query = target.partition("?")

    response = client.generic(method, path, QUERY_STRING=query)

    assert response.status_code == 301
    assert response["Location"] == location
    assert response["Content-Type"] == "application/json"
    if method == "GET":
        assert response.json()["redirect"]["location"] == location


@pytest.mark.parametrize(("target", "location"), REDIRECTS)
def test_the_served_application_redirects_too_on_a_miss_and_again(target, location):
    app = production_app()

    for _ in range(2):  # the second request could be a cache hit
        response = call(app, target)

        assert response.status == 301
        assert response.header("Location") == location
        assert json.loads(response.body)["redirect"]["code"] == "trailing_slash"


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE"])
def test_other_methods_get_a_json_404_naming_the_right_url(client, method):
    response = client.generic(method, "/api/v1/articles", QUERY_STRING="lang=de")

    assert response.status_code == 404
    error = response.json()["error"]
    assert error["code"] == "not_found"
    assert error["details"]["did_you_mean"] == "/api/v1/articles/?lang=de"
    assert "/api/v1/articles/?lang=de" in error["message"]


def test_a_post_through_the_served_application_is_a_json_404_too():
    response = call(production_app(), "/api/v1/keywords", method="POST", body=b"x=1")

    assert response.status == 404
    assert response.content_type == "application/json"
    assert json.loads(response.body)["error"]["details"]["did_you_mean"] == "/api/v1/keywords/"


@pytest.mark.parametrize("target", ["/api/v1/nothing-here", "/api/v2", "/api/v1/articles/a/b"])
def test_a_path_that_is_no_endpoint_with_a_slash_either_stays_a_plain_json_404(client, target):
    response = client.get(target)

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert "did_you_mean" not in response.json()["error"]["details"]


def test_a_non_ascii_slug_redirects_to_its_percent_encoded_slash_form(client):
    response = client.get("/api/v1/articles/über?lang=de")

    assert response.status_code == 301
    assert response["Location"] == "/api/v1/articles/%C3%BCber/?lang=de"


def test_the_api_root_lists_the_endpoints_and_links_the_docs(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(1):
        response = client.get("/api/v1/")

    assert response.status_code == 200
    body = response.json()
    assert body["version"] == "v1"
    assert body["docs"] == "/api/docs/"
    assert body["schema"] == "/api/schema/"
    urls = {endpoint["name"]: endpoint["url"] for endpoint in body["endpoints"]}
    assert urls == {
        "articles": "/api/v1/articles/",
        "article": "/api/v1/articles/{slug}/",
        "keywords": "/api/v1/keywords/",
        "languages": "/api/v1/languages/",
        "sitemap": "/api/v1/sitemap/",
    }
    for name, url in urls.items():
        if name != "article":
            assert client.get(url, {"lang": "de"}).status_code == 200, url


def test_the_api_root_answers_through_the_served_application(client):
    app = production_app()

    miss, hit = call(app, "/api/v1/"), call(app, "/api/v1/")

    assert (miss.status, hit.status) == (200, 200)
    assert miss.content_type == "application/json"
    assert hit.body == miss.body
    assert json.loads(hit.body)["docs"] == "/api/docs/"
