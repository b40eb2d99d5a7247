"""A corpus of hostile input over every public path, through ``cms.wsgi.application`` as a
server calls it: NUL bytes, overlong values, bytes that are not UTF-8, injection strings, huge
page numbers, every HTTP method, odd Host/Accept/Accept-Language headers. Never a 5xx; never
anything but JSON under /api/ (the interactive docs page itself excepted)."""

from __future__ import annotations

import pytest

from tests.wsgi_client import call, production_app

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

PUBLIC_PATHS = [
    "/api/v1/articles/",
    "/api/v1/articles/{latin1}/",
    "/api/v1/articles/{non_latin1}/",
    "/api/v1/articles/{private}/",
    "/api/v1/articles/{expired}/",
    "/api/v1/articles/{draft}/",
    "/api/v1/articles/{latin1}/seo-report/",
    "/api/v1/keywords/",
    "/api/v1/languages/",
    "/api/v1/sitemap/",
    "/api/v1/",
    "/api/v1/nothing/",
    "/api/v2/pages/",
    "/api/v2/images/",
    "/api/schema/",
    "/api/docs/",
    "/api/",
    "/sitemap.xml",
    "/blog/",
    "/blog/{latin1}/",
    "/blog/{draft}/",
    "/blog/{private}/",
    "/",
]

QUERIES = [
    "",
    "page=99999999999999999999&page_size=99999999999999999999",
    "page=-1&page_size=0",
    "page=%00&lang=%00&search=%00&keyword=%00&ordering=%00&updated_since=%00",
    "offset=99999999999999999999&limit=99999999999999999999",
    "search=%FF%FE%FD&keyword=%C3%28&lang=%E9",
    "search=' OR 1=1 --&keyword=\"; DROP TABLE wagtailcore_page; --",
    "search=<script>alert(1)</script>&ordering=<svg onload=x>",
    "search=" + "x" * 5000,
    "keyword=" + "%E4%B8%AD" * 2000,
    "lang=" + "de-" * 3000,
    "updated_since=0001-01-01T00:00:00%2B01:00",
    "updated_since=9999-12-31T23:59:59-14:00",
    "updated_since=2026-02-30",
    "draft=maybe&format=xml&callback=x&fields=*&type=wagtailcore.Page",
    "%ZZ=%ZZ&&&==&a[]=1&a[b]=2",
    "&".join(f"p{n}=1" for n in range(3000)),
]

METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT"]
METHODS += ["PROPFIND", "FOO"]

HEADERS = [
    {"Host": "evil.example"},
    {"Host": "localhost:99999"},
    {"Host": "[::1"},
    {"Host": ""},
    {"Accept": "text/html"},
    {"Accept": "application/xml;q=1, */*;q=0"},
    {"Accept": "\u00ff" * 100},
    {"Accept-Language": "x" * 10_000},
    {"Accept-Language": "de;q=nan, *;q=-1, \u00e4\u00f6"},
    {"If-None-Match": '"' + "a" * 5000 + '"'},
    {"If-Modified-Since": "Sun, 31 Dec 99999 23:59:59 GMT"},
    {"Cookie": "sessionid=" + "%" * 500 + "; csrftoken=\x00"},
    {"X-Forwarded-For": "not an address, ' OR 1=1", "X-Forwarded-Proto": "gopher"},
    {"Origin": "null", "Authorization": "Token " + "\x7f" * 40},
]


def assert_answered(response, path: str, what: str) -> None:
    assert response.status < 500, (path, what, response.status, response.body[:300])
    is_the_docs = response.status < 400 and path in ("/api/docs/", "/api/schema/")
    if path.startswith("/api/") and not is_the_docs and response.body:
        assert response.content_type.startswith("application/json"), (
            path,
            what,
            response.status,
            response.content_type,
            response.body[:200],
        )


@pytest.fixture
def paths(public_site):
    return [path.format(**{k: v for k, v in public_site.items()}) for path in PUBLIC_PATHS]


def quoted(path: str) -> str:
    from urllib.parse import quote

    return quote(path, safe="/")


def test_hostile_query_strings(paths):
    app = production_app()
    for path in paths:
        for query in QUERIES:
            target = f"{quoted(path)}?{query}"
            assert_answered(call(app, target), path, query[:80])


def test_every_method(paths):
    app = production_app()
    for path in paths:
        for method in METHODS:
            response = call(app, quoted(path), method=method, body=b"a=1&b=\x00\xff")
            assert_answered(response, path, method)
            if path.startswith("/api/v1/") and method not in ("GET", "HEAD", "OPTIONS"):
                assert response.status in (401, 403, 404, 405), (path, method, response.status)


def test_odd_headers(paths):
    app = production_app()
    for path in paths:
        for headers in HEADERS:
            response = call(app, quoted(path) + "?lang=de", headers=headers)
            assert_answered(response, path, repr(headers)[:80])


@pytest.mark.parametrize(
    "raw_path",
    [
        "/api/v1/articles/%00/",
        "/api/v1/articles/%FF%FE/",
        "/api/v1/articles/%C3%28/",
        "/api/v1/articles/" + "a" * 5000 + "/",
        "/api/v1/articles/%E4%B8%AD%00/",
        "/api/v1/articles/..%2F..%2Fetc%2Fpasswd/",
        "/api/v1/%2e%2e/admin/",
        "/blog/%00/",
        "/blog/%FF/",
        "/sitemap.xml%00",
        "/api/v1/articles/%F0%9F%92%A9/seo-report/",
    ],
)
def test_hostile_paths(public_site, raw_path):
    for method in ("GET", "POST"):
        assert_answered(call(production_app(), raw_path, method=method), raw_path, method)
