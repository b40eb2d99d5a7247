"""Read-only API tokens: hashed at rest, shown once, a rate of their own, enforced on cache hits
(middleware and WSGI fast path) exactly as on misses."""

from __future__ import annotations

import hashlib

import pytest
from django.urls import reverse

from articles.api.tokens import api_token_create
from articles.models import ApiToken
from tests.articles.api.conftest import article_content
from tests.wsgi_client import call, production_app

pytestmark = pytest.mark.django_db

URL = "/api/v1/articles/token-artikel/?lang=de"


@pytest.fixture
def article(make_article):
    return make_article(content=article_content(slug="token-artikel"))


@pytest.fixture
def rates(settings):
    """Anonymous clients: 2 a minute; tokens: 4 a minute unless they say otherwise."""
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "2/minute"},
    }
    settings.API_TOKEN_THROTTLE_RATE = "4/minute"


def bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


def test_only_a_hash_of_the_key_is_stored():
    token, key = api_token_create(name="Static build")
    stored = ApiToken.objects.filter(pk=token.pk).values().get()
    assert stored["key_hash"] == hashlib.sha256(key.encode()).hexdigest()
    assert key not in {str(value) for value in stored.values()}
    assert key.startswith(f"cms_{token.prefix}_") and len(key) > 40


def test_a_token_has_its_own_rate_on_misses_and_cache_hits(article, rates):
    _token, key = api_token_create(name="Build")
    application = production_app()
    # The first request renders (the view's throttle), the rest are cache hits (the fast path).
    statuses = [call(application, URL, headers=bearer(key)).status for _ in range(5)]
    assert statuses == [200, 200, 200, 200, 429]
    # The address itself was not charged for the token's requests.
    assert [call(application, URL).status for _ in range(3)] == [200, 200, 429]


def test_a_token_rate_set_in_the_admin_wins(article, rates):
    _token, key = api_token_create(name="Slow build", throttle_rate="1/minute")
    application = production_app()
    statuses = [call(application, URL, headers={"Authorization": f"Token {key}"}).status]
    statuses.append(call(application, URL, headers={"Authorization": f"Token {key}"}).status)
    assert statuses == [200, 429]
    throttled = call(application, URL, headers={"Authorization": f"Token {key}"})
    assert throttled.header("Retry-After")


def test_tokens_are_counted_separately(article, rates):
    _first, first_key = api_token_create(name="One")
    _second, second_key = api_token_create(name="Two")
    application = production_app()
    for _ in range(4):
        assert call(application, URL, headers=bearer(first_key)).status == 200
    assert call(application, URL, headers=bearer(first_key)).status == 429
    assert call(application, URL, headers=bearer(second_key)).status == 200


@pytest.mark.parametrize("cached", [False, True])
def test_an_unknown_or_inactive_token_is_a_401_on_misses_and_hits(client, article, cached):
    token, key = api_token_create(name="Revoked")
    if cached:
        client.get(URL)  # fill the cache: the 401 must come from the hit path too
    application = production_app()
    assert call(application, URL, headers=bearer(key)).status == 200
    token.is_active = False
    token.save()  # forgets the cached lookup at once
    for wrong in (key, "cms_00000000_not-a-key"):
        response = call(application, URL, headers=bearer(wrong))
        assert response.status == 401
        assert response.header("WWW-Authenticate").startswith("Bearer")
        assert b'"invalid_token"' in response.body


def test_other_authorization_schemes_stay_anonymous(client, article):
    # An editor's DRF token for the SEO report, sent along by a shared HTTP client.
    response = client.get(URL, HTTP_AUTHORIZATION="Token 0123456789abcdef0123456789abcdef01234567")
    assert response.status_code == 200


def test_query_budget_with_a_token(client, article, django_assert_max_num_queries):
    _token, key = api_token_create(name="Budget")
    client.get(URL)  # warm the response cache
    # A hit with a token: the token lookup and its last-used update, nothing else.
    with django_assert_max_num_queries(3):
        response = client.get(URL, HTTP_AUTHORIZATION=f"Bearer {key}")
    assert response.status_code == 200
    with django_assert_max_num_queries(1):  # remembered: no lookup, no update
        assert client.get(URL, HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 200
    token = ApiToken.objects.get(name="Budget")
    assert token.last_used_at is not None


def test_admin_shows_the_key_once_and_stores_its_hash(admin_client):
    response = admin_client.post(
        reverse("wagtailsnippets_articles_apitoken:add"),
        {"name": "Astro build", "throttle_rate": "3000/minute", "is_active": "on"},
        follow=True,
    )
    assert response.status_code == 200
    token = ApiToken.objects.get(name="Astro build")
    page = response.content.decode()
    start = page.index(f"cms_{token.prefix}_")
    key = page[start:].split()[0].split("<")[0]
    assert hashlib.sha256(key.encode()).hexdigest() == token.key_hash
    listing = admin_client.get(reverse("wagtailsnippets_articles_apitoken:list")).content.decode()
    assert token.prefix in listing and key not in listing
    edit = admin_client.get(reverse("wagtailsnippets_articles_apitoken:edit", args=[token.pk]))
    assert key not in edit.content.decode()


def test_admin_refuses_a_malformed_rate(admin_client):
    response = admin_client.post(
        reverse("wagtailsnippets_articles_apitoken:add"),
        {"name": "Typo", "throttle_rate": "lots", "is_active": "on"},
    )
    assert response.status_code == 200
    assert not ApiToken.objects.filter(name="Typo").exists()
