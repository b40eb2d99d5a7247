"""Schema precision for generated clients: one Language enum everywhere, an error code enum
with typed details, page numbers beside next/previous, 405 documented, JSON-LD typed by @type."""

from __future__ import annotations

import pytest
import yaml
from django.conf import settings

from articles.api.serializers import ERROR_CODES
from tests.articles.api.conftest import article_content

pytestmark = pytest.mark.django_db

LANGUAGE_REF = "#/components/schemas/Language"


@pytest.fixture
def schema(client) -> dict:
    return yaml.safe_load(client.get("/api/schema/").content)


def refs(node) -> list[str]:
    if isinstance(node, dict):
        found = [node["$ref"]] if "$ref" in node else []
        return found + [ref for value in node.values() for ref in refs(value)]
    if isinstance(node, list):
        return [ref for value in node for ref in refs(value)]
    return []


def test_one_language_enum_for_every_lang_field_and_parameter(schema):
    components = schema["components"]["schemas"]
    assert components["Language"]["enum"] == list(settings.MODELTRANSLATION_LANGUAGES)
    for path, operations in schema["paths"].items():
        for parameter in operations["get"].get("parameters", []):
            if parameter["name"] == "lang":
                assert LANGUAGE_REF in refs(parameter["schema"]), path
    lang_fields = [
        (name, component["properties"]["lang"])
        for name, component in components.items()
        if "lang" in component.get("properties", {}) and name != "ErrorBody"
    ]
    assert len(lang_fields) >= 5
    for name, field in lang_fields:
        assert refs(field) and set(refs(field)) <= {
            LANGUAGE_REF,
            "#/components/schemas/Hreflang",
        }, name
    assert components["Hreflang"]["enum"] == [*settings.MODELTRANSLATION_LANGUAGES, "x-default"]


def test_errors_have_a_code_enum_and_typed_details(schema):
    body = schema["components"]["schemas"]["ErrorBody"]
    assert refs(body["properties"]["code"]) == ["#/components/schemas/ErrorCode"]
    assert set(schema["components"]["schemas"]["ErrorCode"]["enum"]) == set(ERROR_CODES)
    details = body["properties"]["details"]
    link = details["properties"]["translations"]["items"]
    assert link["required"] == ["lang", "slug", "url", "path"]
    assert link["properties"]["lang"]["$ref"] == LANGUAGE_REF
    # Every reference in the schema resolves (generators such as openapi-typescript insist).
    components = schema["components"]["schemas"]
    for ref in refs(schema):
        assert ref.removeprefix("#/components/schemas/") in components, ref
    assert details["properties"]["available_languages"]["items"]["$ref"] == LANGUAGE_REF


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/articles/missing/?lang=de",
        "/api/v1/articles/?lang=xx",
        "/api/v1/articles/?page=99",
        "/api/v1/nowhere/",
    ],
)
def test_every_error_code_sent_is_in_the_enum(client, url, make_article):
    make_article(content=article_content(slug="vorhanden"))
    code = client.get(url).json()["error"]["code"]
    assert code in ERROR_CODES
    assert client.post("/api/v1/articles/").json()["error"]["code"] in ERROR_CODES


def test_405_is_documented_on_every_operation(schema):
    for path, operations in schema["paths"].items():
        assert "405" in operations["get"]["responses"], path


def test_json_ld_items_are_typed_by_at_type(schema):
    items = schema["components"]["schemas"]["Seo"]["properties"]["json_ld"]["items"]
    types = [option["properties"]["@type"]["enum"] for option in items["oneOf"]]
    assert types == [["BlogPosting"], ["FAQPage"], ["BreadcrumbList"]]
    assert items["discriminator"] == {"propertyName": "@type"}


def test_pages_carry_their_numbers(client, make_article, schema):
    for index in range(3):
        make_article(content=article_content(slug=f"seite-{index}"))
    body = client.get("/api/v1/articles/?lang=de&page_size=1&page=2").json()
    assert (body["previous_page"], body["page"], body["next_page"]) == (1, 2, 3)
    assert body["next"] == "/api/v1/articles/?lang=de&page_size=1&page=3"
    last = client.get("/api/v1/articles/?lang=de&page_size=1&page=3").json()
    assert last["next_page"] is None and last["next"] is None
    paginated = schema["components"]["schemas"]["ArticleList"]["properties"]
    assert paginated["next_page"]["type"] == "integer" and paginated["next_page"]["nullable"]
