"""The OpenAPI schema renders, validates and describes the API truthfully."""

from __future__ import annotations

import pytest
import yaml
from django.core.management import call_command

pytestmark = pytest.mark.django_db


@pytest.fixture
def schema(client) -> dict:
    response = client.get("/api/schema/")
    assert response.status_code == 200
    return yaml.safe_load(response.content)


def test_schema_validates_without_warnings(tmp_path):
    # Raises (SystemExit) on any warning or validation error.
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "s.yml"))
    assert (tmp_path / "s.yml").read_text().startswith("openapi: 3")


def test_schema_describes_every_endpoint_and_only_this_api(schema):
    assert set(schema["paths"]) >= {
        "/api/v1/articles/",
        "/api/v1/articles/{slug}/",
        "/api/v1/keywords/",
        "/api/v1/languages/",
        "/api/v1/sitemap/",
    }
    # Wagtail's API v2 documents itself; it is not described as part of this API.
    assert all(path.startswith("/api/v1/") for path in schema["paths"])


def test_list_parameters_are_documented(schema):
    operation = schema["paths"]["/api/v1/articles/"]["get"]
    names = {parameter["name"] for parameter in operation["parameters"]}
    assert names == {
        "lang",
        "page",
        "page_size",
        "cursor",
        "keyword",
        "search",
        "ordering",
        "updated_since",
    }
    ordering = next(p for p in operation["parameters"] if p["name"] == "ordering")
    assert set(ordering["schema"]["enum"]) == {"published", "-published", "title", "-title"}
    assert set(operation["responses"]) >= {"200", "304", "400", "404", "429"}


def test_documented_detail_fields_match_a_real_response(schema, client, make_article):
    from tests.articles.api.conftest import article_content

    make_article(content=article_content(slug="schema-check"))
    body = client.get("/api/v1/articles/schema-check/?lang=de").json()
    components = schema["components"]["schemas"]
    assert set(components["ArticleDetail"]["properties"]) == set(body)
    assert set(components["Seo"]["properties"]) == set(body["seo"])
    assert set(components["OpenGraph"]["properties"]) == set(body["seo"]["open_graph"])
    listing = client.get("/api/v1/articles/?lang=de").json()
    assert set(components["ArticleList"]["properties"]) == set(listing)
    assert set(components["ArticleListItem"]["properties"]) == set(listing["results"][0])


def test_interactive_docs_render(client):
    response = client.get("/api/docs/")
    assert response.status_code == 200
    assert b"/api/schema/" in response.content


@pytest.mark.parametrize(
    ("url", "serializer_name"),
    [
        ("/api/v1/articles/schema-de/?lang=en", "ArticleDetailSerializer"),
        ("/api/v1/articles/?lang=en", "ArticleListSerializer"),
        ("/api/v1/keywords/?lang=en", "KeywordListSerializer"),
        ("/api/v1/languages/", "LanguagesSerializer"),
        ("/api/v1/sitemap/?lang=en", "SitemapSerializer"),
    ],
)
def test_every_response_is_exactly_what_its_serializer_produces(
    client, make_article, hero_image, url, serializer_name, settings
):
    # The views skip the serializers at run time; this keeps the schema they document true:
    # same fields, no extra ones, same types (nulls, fallbacks and a hero image included).
    import dataclasses

    from articles.api import serializers
    from tests.articles.api.conftest import article_content, republish

    # Served with fallback text, so the detail carries complete: false and its missing texts.
    settings.CMS_INCOMPLETE_LANGUAGES = "fallback"
    english = dataclasses.replace(article_content(slug="schema-de", sections=1), conclusion_html="")
    page = make_article(content=article_content(slug="schema-de"), translations={"en": english})
    republish(page, hero_image=hero_image)
    body = client.get(url).json()
    assert getattr(serializers, serializer_name)(body).data == body


def _parameters(schema: dict, path: str) -> dict[str, dict]:
    operation = schema["paths"][path]["get"]
    return {parameter["name"]: parameter["schema"] for parameter in operation["parameters"]}


@pytest.mark.parametrize("path", ["/api/v1/articles/", "/api/v1/keywords/"])
def test_paging_parameters_state_their_bounds(schema, path):
    parameters = _parameters(schema, path)
    assert (parameters["page"]["minimum"], parameters["page"]["maximum"]) == (1, 999_999_999)
    assert (parameters["page_size"]["minimum"], parameters["page_size"]["maximum"]) == (1, 100)


def test_every_operation_documents_throttling_and_an_unavailable_database(schema):
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            assert {"429", "503"} <= set(operation["responses"]), (method, path)


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("updated_since=", 400),
        ("ordering=", 400),
        ("updated_since=2026-01-02", 200),
        ("lang=DE-at", 200),
    ],
)
def test_parameters_behave_as_declared(client, make_article, query, status):
    from tests.articles.api.conftest import article_content

    make_article(content=article_content(slug="schema-check"))
    assert client.get(f"/api/v1/articles/?{query}").status_code == status


def test_swagger_ui_is_served_from_the_pinned_package_not_a_cdn(client):
    from django.conf import settings

    html = client.get("/api/docs/").content.decode()
    assert f"{settings.STATIC_URL}drf_spectacular_sidecar/swagger-ui-dist/" in html
    assert "cdn" not in html.lower() and "@latest" not in html


def test_swagger_ui_assets_are_in_the_static_files():
    from django.contrib.staticfiles import finders

    assert finders.find("drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js")
