"""CORS for browser frontends: validators readable from JavaScript, conditional requests allowed
by the preflight, and only the read-only methods advertised. Checked through Django's stack and
through ``cms.wsgi.application`` (whose fast path answers cache hits without Django)."""

from __future__ import annotations

import pytest

from tests.articles.api.conftest import article_content
from tests.wsgi_client import call, production_app

pytestmark = pytest.mark.django_db

ORIGIN = "https://frontend.example"
URL = "/api/v1/articles/cors-article/?lang=de"


@pytest.fixture(autouse=True)
def _allowed_origin(settings):
    settings.CORS_ALLOWED_ORIGINS = [ORIGIN]


@pytest.fixture
def article(make_article):
    return make_article(content=article_content(slug="cors-article"))


def header_names(value: str) -> set[str]:
    return {name.strip().lower() for name in value.split(",") if name.strip()}


def test_validators_and_retry_after_are_exposed_to_scripts(client, article):
    response = client.get(URL, HTTP_ORIGIN=ORIGIN)
    assert response.status_code == 200
    exposed = header_names(response["Access-Control-Expose-Headers"])
    assert {"etag", "last-modified", "link", "retry-after", "content-language"} <= exposed


def test_preflight_allows_conditional_requests_and_tokens(client, article):
    response = client.options(
        URL,
        HTTP_ORIGIN=ORIGIN,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match, if-modified-since, authorization",
    )
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == ORIGIN
    allowed = header_names(response["Access-Control-Allow-Headers"])
    assert {"if-none-match", "if-modified-since", "authorization"} <= allowed


def test_preflight_advertises_only_read_methods(client, article):
    response = client.options(URL, HTTP_ORIGIN=ORIGIN, HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET")
    assert header_names(response["Access-Control-Allow-Methods"]) == {"get", "head", "options"}


def test_a_304_carries_cors_headers(client, article):
    etag = client.get(URL, HTTP_ORIGIN=ORIGIN)["ETag"]
    response = client.get(URL, HTTP_ORIGIN=ORIGIN, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response["Access-Control-Allow-Origin"] == ORIGIN
    assert "etag" in header_names(response["Access-Control-Expose-Headers"])


def test_the_wsgi_fast_path_sends_the_same_cors_headers(client, article):
    application = production_app()
    first = call(application, URL, headers={"Origin": ORIGIN})  # a miss, through Django
    hit = call(application, URL, headers={"Origin": ORIGIN})  # served by the fast path
    assert (first.status, hit.status) == (200, 200)
    assert hit.header("ETag") == first.header("ETag")
    for response in (first, hit):
        assert response.header("Access-Control-Allow-Origin") == ORIGIN
        exposed = header_names(response.header("Access-Control-Expose-Headers"))
        assert {"etag", "last-modified", "retry-after"} <= exposed
    revalidated = call(
        application, URL, headers={"Origin": ORIGIN, "If-None-Match": hit.header("ETag")}
    )
    assert revalidated.status == 304
    assert revalidated.header("Access-Control-Allow-Origin") == ORIGIN
    assert "etag" in header_names(revalidated.header("Access-Control-Expose-Headers"))


def test_the_wsgi_preflight_advertises_only_read_methods(article):
    response = call(
        production_app(),
        URL,
        method="OPTIONS",
        headers={
            "Origin": ORIGIN,
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "if-none-match",
        },
    )
    assert response.status == 200
    assert header_names(response.header("Access-Control-Allow-Methods")) == {
        "get",
        "head",
        "options",
    }
    assert "if-none-match" in header_names(response.header("Access-Control-Allow-Headers"))


def test_a_throttled_answer_is_readable_cross_origin(client, settings, article):
    client.get(URL, HTTP_ORIGIN=ORIGIN)
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "1/minute"},
    }
    response = call(production_app(), URL, headers={"Origin": ORIGIN})
    assert response.status == 429
    assert response.header("Retry-After")
    assert response.header("Access-Control-Allow-Origin") == ORIGIN
    assert "retry-after" in header_names(response.header("Access-Control-Expose-Headers"))


def test_list_pages_link_their_neighbours_on_misses_and_hits(make_article):
    for index in range(3):
        make_article(content=article_content(slug=f"link-{index}"))
    application = production_app()
    url = "/api/v1/articles/?lang=de&page_size=1&page=2"
    miss, hit = call(application, url), call(application, url)
    expected = (
        '</api/v1/articles/?lang=de&page_size=1&page=3>; rel="next", '
        '</api/v1/articles/?lang=de&page_size=1>; rel="prev"'
    )
    assert miss.header("Link") == hit.header("Link") == expected
    assert call(application, "/api/v1/articles/?lang=de").header("Link") == ""


def test_cursor_pages_link_the_next_cursor_page(client, make_article):
    for index in range(3):
        make_article(content=article_content(slug=f"cursor-{index}"))
    first = client.get("/api/v1/articles/?lang=de&page_size=1").json()
    url = f"/api/v1/articles/?lang=de&page_size=1&cursor={first['next_cursor']}"
    response = call(production_app(), url)
    assert response.status == 200
    assert response.header("Link").endswith('>; rel="next"')
    assert "cursor=" in response.header("Link")
