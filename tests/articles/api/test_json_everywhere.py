"""Every response under /api/ is JSON in the one error shape, whatever answers it (Django's CSRF
and bad-Host pages, a package's renderer, a lost database); read-only URLs answer other
methods with 405 and Allow."""

from __future__ import annotations

import pytest
from django.db import OperationalError

from tests.articles.api.conftest import article_content
from tests.articles.api.test_errors import assert_error_shape
from tests.shared_data import shared_data
from tests.wsgi_client import call, production_app

pytestmark = pytest.mark.django_db


@shared_data
def article(build):
    return build.article(content=article_content(slug="garten"))


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize("path", ["/api/v1/nothing/", "/api/v1/articles/a/b/", "/api/nope/"])
def test_writes_to_unknown_api_urls_are_json_404s_not_csrf_pages(method, path):
    from django.test import Client

    response = getattr(Client(enforce_csrf_checks=True), method)(path)
    assert_error_shape(response, 404, "not_found")


@pytest.mark.parametrize("path", ["/api/v1/articles/", "/api/schema/", "/api/nope/"])
def test_a_disallowed_host_is_a_json_400_under_api(client, path):
    response = client.get(path, HTTP_HOST="evil.example")
    assert_error_shape(response, 400, "bad_request")


def test_a_disallowed_host_keeps_django_s_page_elsewhere(client):
    response = client.get("/admin/login/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert not response["Content-Type"].startswith("application/json")


@pytest.mark.parametrize("method", ["post", "put", "delete"])
@pytest.mark.parametrize("path", ["/api/schema/", "/api/docs/"])
def test_schema_and_docs_answer_writes_with_a_json_405(client, path, method):
    response = getattr(client, method)(path)
    assert_error_shape(response, 405, "method_not_allowed")
    assert "GET" in response["Allow"]


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "TRACE", "PATCH", "PROPFIND"])
def test_the_xml_sitemap_is_read_only(article, method):
    response = call(production_app(), "/sitemap.xml", method=method)
    assert response.status == 405
    assert set(response.header("Allow").replace(" ", "").split(",")) == {"GET", "HEAD"}


@pytest.mark.parametrize("method", ["TRACE", "PROPFIND", "CONNECT", "FOO"])
def test_odd_methods_on_api_endpoints_are_json_405s_with_allow(article, method):
    response = call(production_app(), "/api/v1/articles/garten/?lang=de", method=method)
    assert response.status == 405
    assert response.content_type == "application/json"
    assert "GET" in response.header("Allow")


def database_gone(*args, **kwargs):
    raise OperationalError("connection to server at 127.0.0.1, port 1 failed: refused")


@pytest.mark.parametrize(
    "url", ["/api/v1/articles/?lang=de", "/api/v1/articles/garten/?lang=de", "/api/v1/nothing/"]
)
def test_a_lost_database_is_a_json_503_with_retry_after(client, article, monkeypatch, url):
    from django.db.backends.utils import CursorWrapper

    client.raise_request_exception = False
    monkeypatch.setattr(CursorWrapper, "execute", database_gone)
    response = client.get(url)
    error = assert_error_shape(response, 503, "service_unavailable")
    assert int(response["Retry-After"]) > 0
    assert error["details"]["retry_after_seconds"] == int(response["Retry-After"])


def test_a_lost_database_is_a_503_on_page_urls_too(client, article, monkeypatch):
    from django.db.backends.utils import CursorWrapper

    client.raise_request_exception = False
    monkeypatch.setattr(CursorWrapper, "execute", database_gone)
    response = client.get("/sitemap.xml")
    assert response.status_code == 503
    assert response["Retry-After"]


def test_other_server_errors_stay_500s(client, article, monkeypatch):
    from articles.api import views

    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    client.raise_request_exception = False
    monkeypatch.setattr(views, "article_list", broken)
    assert_error_shape(client.get("/api/v1/articles/?lang=de"), 500, "server_error")
