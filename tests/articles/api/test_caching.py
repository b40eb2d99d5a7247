"""ETag/Last-Modified/Cache-Control, 304 revalidation, the server-side cache and invalidation."""

from __future__ import annotations

import time

import pytest
from django.utils import translation
from django.utils.http import http_date, parse_http_date
from rest_framework.settings import api_settings

from articles.services import article_update_language
from tests.articles.api.conftest import article_content
from tests.shared_data import shared_data

pytestmark = pytest.mark.django_db

GET_URLS = [
    "/api/v1/articles/?lang=de",
    "/api/v1/articles/garten/?lang=de",
    "/api/v1/keywords/?lang=de",
    "/api/v1/languages/",
    "/api/v1/sitemap/?lang=de",
    "/sitemap.xml",
]


@shared_data
def article(build):
    return build.article(
        content=article_content(slug="garten", title="Gartenboden"),
        translations={"en": article_content(slug="garden", title="Garden soil")},
    )


@pytest.mark.parametrize("url", GET_URLS)
def test_every_get_carries_validators_and_cache_control(client, settings, article, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["ETag"].startswith('"') and len(response["ETag"]) > 10
    assert parse_http_date(response["Last-Modified"]) >= int(article.last_published_at.timestamp())
    assert response["Cache-Control"] == f"public, max-age={settings.API_CACHE_MAX_AGE}"


@pytest.mark.parametrize("url", GET_URLS)
def test_matching_if_none_match_is_a_304(client, article, url):
    etag = client.get(url)["ETag"]
    for header in (etag, f"W/{etag}", f'"other", {etag}', "*"):
        response = client.get(url, HTTP_IF_NONE_MATCH=header)
        assert response.status_code == 304, header
        assert response.content == b""
        assert response["ETag"] == etag


@pytest.mark.parametrize("url", GET_URLS)
def test_if_modified_since_at_or_after_last_modified_is_a_304(client, article, url):
    last_modified = client.get(url)["Last-Modified"]
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304
    earlier = http_date(parse_http_date(last_modified) - 1)
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=earlier).status_code == 200


def test_if_none_match_wins_over_if_modified_since(client, article):
    last_modified = client.get("/api/v1/articles/?lang=de")["Last-Modified"]
    response = client.get(
        "/api/v1/articles/?lang=de",
        HTTP_IF_NONE_MATCH='"stale"',
        HTTP_IF_MODIFIED_SINCE=last_modified,
    )
    assert response.status_code == 200


def test_304_also_when_the_server_cache_is_cold(client, settings, article):
    settings.API_RESPONSE_CACHE_TIMEOUT = 0
    etag = client.get("/api/v1/articles/garten/?lang=de")["ETag"]
    response = client.get("/api/v1/articles/garten/?lang=de", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304


@pytest.mark.parametrize(
    "url", ["/api/v1/articles/?lang=de", "/api/v1/articles/garten/?lang=de", "/sitemap.xml"]
)
def test_cached_response_and_revalidation_need_no_query(
    client, article, django_assert_num_queries, monkeypatch, url
):
    # Not counted here: the content-version recheck, one query per process per second.
    monkeypatch.setattr("articles.cache.RECHECK_SECONDS", 60.0)
    first = client.get(url)
    with django_assert_num_queries(0):
        again = client.get(url)
        not_modified = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.content == first.content
    assert dict(again.items()) == dict(first.items())
    assert not_modified.status_code == 304


def test_parameter_order_and_unknown_parameters_share_one_cache_entry(
    client, article, django_assert_num_queries, monkeypatch
):
    monkeypatch.setattr("articles.cache.RECHECK_SECONDS", 60.0)
    client.get("/api/v1/articles/?lang=de&page_size=5&ordering=title")
    with django_assert_num_queries(0):
        client.get("/api/v1/articles/?ordering=title&utm_source=mail&page_size=5&lang=de")


def test_negotiated_and_named_language_are_cached_apart(client, article):
    named = client.get("/api/v1/articles/garden/?lang=en")
    negotiated = client.get("/api/v1/articles/garden/", HTTP_ACCEPT_LANGUAGE="en")
    assert named.content == negotiated.content
    assert "accept-language" not in named.get("Vary", "").lower()
    assert "accept-language" in negotiated["Vary"].lower()
    assert client.get("/api/v1/articles/", HTTP_ACCEPT_LANGUAGE="en").json()["lang"] == "en"
    assert client.get("/api/v1/articles/", HTTP_ACCEPT_LANGUAGE="de").json()["lang"] == "de"


def test_publishing_invalidates_cached_responses(client, article):
    before = client.get("/api/v1/articles/garden/?lang=en")
    article_update_language(
        page=article,
        lang="en",
        content=article_content(slug="garden", title="Garden soil, revised"),
        publish=True,
    )
    after = client.get("/api/v1/articles/garden/?lang=en")
    assert after.json()["title"] == "Garden soil, revised"
    assert after["ETag"] != before["ETag"]
    assert (
        client.get(
            "/api/v1/articles/garden/?lang=en", HTTP_IF_NONE_MATCH=before["ETag"]
        ).status_code
        == 200
    )


def test_unpublishing_invalidates_cached_responses(client, article):
    assert client.get("/api/v1/articles/?lang=de").json()["count"] == 1
    assert client.get("/api/v1/articles/garten/?lang=de").status_code == 200
    with translation.override("de"):
        article.unpublish()
    assert client.get("/api/v1/articles/?lang=de").json()["count"] == 0
    assert client.get("/api/v1/articles/garten/?lang=de").status_code == 404
    assert "garten" not in client.get("/sitemap.xml").content.decode()


def test_moving_out_of_the_site_invalidates_cached_responses(client, article):
    from wagtail.models import Page

    from articles.services import article_index_get_or_create

    assert client.get("/api/v1/articles/?lang=de").json()["count"] == 1
    outside, _created = article_index_get_or_create(
        slug="archive", titles={"de": "Archiv"}, parent=Page.get_first_root_node()
    )
    with translation.override("de"):
        article.move(outside, pos="last-child")
    assert client.get("/api/v1/articles/?lang=de").json()["count"] == 0


def test_deleting_invalidates_cached_responses(client, article):
    assert client.get("/api/v1/keywords/?lang=de").json()["count"] == 2
    with translation.override("de"):
        article.delete()
    assert client.get("/api/v1/keywords/?lang=de").json()["count"] == 0
    assert client.get("/api/v1/articles/garten/?lang=de").status_code == 404


def test_making_an_article_private_invalidates_cached_responses(client, article):
    from wagtail.models import PageViewRestriction

    assert client.get("/api/v1/articles/garten/?lang=de").status_code == 200
    PageViewRestriction.objects.create(page=article, restriction_type="login")
    assert client.get("/api/v1/articles/garten/?lang=de").status_code == 404


def test_invalidation_bumps_the_version_in_the_changing_transaction(article):
    from articles.cache import current_state, invalidate_api_cache, read_state

    start = current_state()
    invalidate_api_cache()
    assert read_state().version == start.version + 1
    assert current_state().version == start.version + 1  # this process sees it at once


def test_errors_are_not_cached(client, article, django_assert_max_num_queries):
    client.get("/api/v1/articles/nope/?lang=de")
    # The article, a former slug (slug redirects), the languages the slug exists in, ...
    with django_assert_max_num_queries(6) as captured:
        response = client.get("/api/v1/articles/nope/?lang=de")
    assert response.status_code == 404
    assert len(captured) > 0
    assert "ETag" not in response


def test_cached_responses_are_throttled_too(client, settings, article):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "3/minute"},
    }
    assert api_settings.DEFAULT_THROTTLE_RATES["anon"] == "3/minute"
    statuses = [client.get("/api/v1/articles/?lang=de").status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 429, 429]
    response = client.get("/api/v1/articles/garten/?lang=de")
    assert response.status_code == 429
    assert response.json()["error"]["code"] == "throttled"
    assert int(response["Retry-After"]) >= 1


def test_responses_not_marked_shareable_are_neither_cached_nor_made_public(rf, article):
    from django.http import JsonResponse

    from articles.api.caching import ApiResponseCacheMiddleware, mark_shareable

    calls = []

    def private_view(request):
        calls.append(request)
        response = JsonResponse({"draft": "secret"})
        response["Cache-Control"] = "private, no-store"
        return response

    def careless_view(request):
        calls.append(request)
        return mark_shareable(
            JsonResponse({"for": "one user"}, headers={"Cache-Control": "private"})
        )

    for view in (private_view, careless_view):
        middleware = ApiResponseCacheMiddleware(view)
        for _ in range(2):
            response = middleware(rf.get("/api/v1/articles/x/report/?lang=de"))
            assert "ETag" not in response
            assert response["Cache-Control"].startswith("private")
    assert len(calls) == 4


def test_another_process_bump_is_seen_within_the_recheck_interval(monkeypatch, db):
    from articles import cache as content_cache
    from articles.models import ContentVersion

    first = content_cache.current_state().version
    # What a publish in another process does: the row changes, this process was not told.
    ContentVersion.objects.update(version=first + 5)
    assert content_cache.current_state().version == first  # remembered for up to a second
    state, _until = content_cache.remembered_state.value
    content_cache.remembered_state.value = (state, time.monotonic())  # ... a second later
    assert content_cache.current_state().version == first + 5


def test_the_recheck_costs_one_query_per_interval(db, django_assert_num_queries):
    from articles.cache import current_state, remembered_state

    current_state()
    with django_assert_num_queries(0):
        current_state()
    remembered_state.value = (remembered_state.value[0], time.monotonic())
    with django_assert_num_queries(1):
        current_state()
