"""The WSGI wrapper answers cache hits and 304s exactly as the Django stack would, and hands
everything else to Django."""

from __future__ import annotations

import pytest
from django.test import RequestFactory

from articles.api.wsgi import CachedApiResponses
from tests.articles.api.conftest import article_content

pytestmark = pytest.mark.django_db

URL = "/api/v1/articles/garten/?lang=de"


class Django:
    """Stands in for Django's WSGI handler: records that the request reached it."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, environ, start_response):
        self.calls += 1
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"from django"]


def call(application, url: str = URL, method: str = "get", secure: bool = False, **headers):
    environ = getattr(RequestFactory(), method)(url, secure=secure, **headers).environ
    started = {}

    def start_response(status, response_headers, exc_info=None):
        started["status"] = status
        started["headers"] = dict(response_headers)

    body = b"".join(application(environ, start_response))
    return started["status"], started["headers"], body


@pytest.fixture
def article(make_article):
    return make_article(content=article_content(slug="garten"))


@pytest.fixture
def django_app():
    return Django()


@pytest.fixture
def fast(django_app):
    return CachedApiResponses(django_app)


def test_a_hit_is_answered_like_the_django_stack_would(client, article, fast, django_app):
    client.get(URL)  # renders and caches through the middleware
    through_django = client.get(URL)
    status, headers, body = call(fast)
    assert django_app.calls == 0
    assert status == "200 OK"
    assert body == through_django.content
    assert headers == dict(through_django.items())


def test_a_matching_etag_gets_a_304_without_django(client, article, fast, django_app):
    etag = client.get(URL)["ETag"]
    through_django = client.get(URL, HTTP_IF_NONE_MATCH=etag)
    status, headers, body = call(fast, HTTP_IF_NONE_MATCH=etag)
    assert django_app.calls == 0
    assert (status, body) == ("304 Not Modified", b"")
    assert headers == dict(through_django.items())


def test_cors_headers_for_an_allowed_origin(client, settings, article, fast, django_app):
    settings.CORS_ALLOWED_ORIGINS = ["https://frontend.example"]
    client.get(URL)
    through_django = client.get(URL, HTTP_ORIGIN="https://frontend.example")
    _status, headers, _body = call(fast, HTTP_ORIGIN="https://frontend.example")
    assert headers == dict(through_django.items())
    assert headers["access-control-allow-origin"] == "https://frontend.example"
    _status, headers, _body = call(fast, HTTP_ORIGIN="https://evil.example")
    assert "access-control-allow-origin" not in {name.lower() for name in headers}
    assert "origin" in headers["Vary"].lower()
    assert django_app.calls == 0


@pytest.mark.parametrize(
    ("url", "method", "headers"),
    [
        ("/api/v1/articles/not-cached-yet/?lang=de", "get", {}),
        (URL, "post", {}),
        (URL, "get", {"HTTP_HOST": "evil.example"}),
        ("/api/v1/articles/garten/?lang=xx", "get", {}),
        ("/admin/", "get", {}),
    ],
)
def test_everything_but_a_hit_goes_to_django(
    client, article, fast, django_app, url, method, headers
):
    client.get(URL)
    status, _headers, body = call(fast, url, method, **headers)
    assert (status, body, django_app.calls) == ("200 OK", b"from django", 1)


def test_https_redirects_are_left_to_django(client, settings, article, django_app):
    client.get(URL)
    settings.SECURE_SSL_REDIRECT = True
    # Middlewares read their settings once, at start-up, like Django's own stack does.
    fast = CachedApiResponses(django_app)
    assert call(fast)[2] == b"from django"
    assert call(fast, secure=True)[2] != b"from django"


def test_throttling_applies_to_the_fast_path(client, settings, article, fast, django_app):
    client.get(URL)
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "2/minute"},
    }
    statuses = [call(fast)[0] for _ in range(3)]
    # The first request (the miss that filled the cache) counted too.
    assert statuses == ["200 OK", "429 Too Many Requests", "429 Too Many Requests"]
    assert django_app.calls == 0
