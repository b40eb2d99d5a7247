"""Expiry is decided at read time: an article disappears the moment its ``expire_at`` passes,
from every endpoint and from rich-text links, and no cache (the server's, a client's or a
CDN's) keeps it past that moment. ``publish_scheduled`` only tidies up afterwards."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from articles.models import ArticlePage
from tests.articles.api.conftest import article_content, republish

pytestmark = pytest.mark.django_db


def pass_time_until_the_next_recheck() -> None:
    """What the clock does between two requests: the remembered state holds no longer."""
    from articles.cache import remembered_state

    if remembered_state.value is not None:
        remembered_state.value = (remembered_state.value[0], time.monotonic())


@pytest.fixture
def expiring(make_article):
    page = make_article(content=article_content(slug="bald-weg", title="Bald weg"))
    return republish(page, expire_at=timezone.now() + timedelta(minutes=2))


def test_responses_are_not_kept_by_clients_past_the_next_expiry(client, expiring):
    for url in ("/api/v1/articles/bald-weg/?lang=de", "/api/v1/articles/?lang=de", "/sitemap.xml"):
        for _ in range(2):  # rendered, then from the response cache
            response = client.get(url)
            max_age = int(response["Cache-Control"].rsplit("=", 1)[1])
            assert 0 < max_age <= 120, (url, response["Cache-Control"])


def test_a_cached_response_is_not_served_once_its_article_expired(client, expiring):
    url = "/api/v1/articles/bald-weg/?lang=de"
    listing = "/api/v1/articles/?lang=de"
    assert client.get(url).status_code == 200
    assert client.get(listing).json()["count"] == 1
    # The expiry passes. Nothing is published, nothing bumps a version, no command runs.
    ArticlePage.objects.filter(pk=expiring.pk).update(expire_at=timezone.now())
    pass_time_until_the_next_recheck()
    assert client.get(url).status_code == 404
    assert client.get(listing).json()["count"] == 0
    assert "bald-weg" not in client.get("/sitemap.xml").content.decode()


def test_links_to_an_expired_article_are_removed_from_rich_text(client, make_article):
    target = make_article(content=article_content(slug="ziel"))
    republish(target, expire_at=timezone.now() + timedelta(minutes=2))
    link = f'<a linktype="page" id="{target.pk}">the target</a>'
    make_article(content=article_content(slug="quelle", intro=f"<p>See {link}.</p>"))
    assert "/de/blog/ziel/" in client.get("/api/v1/articles/quelle/?lang=de").json()["intro"]
    ArticlePage.objects.filter(pk=target.pk).update(expire_at=timezone.now())
    pass_time_until_the_next_recheck()
    intro = client.get("/api/v1/articles/quelle/?lang=de").json()["intro"]
    assert "/de/blog/ziel/" not in intro
    assert "the target" in intro


def test_publish_scheduled_unpublishes_what_the_api_already_hides(client, expiring):
    ArticlePage.objects.filter(pk=expiring.pk).update(expire_at=timezone.now())
    pass_time_until_the_next_recheck()
    assert client.get("/api/v1/articles/bald-weg/?lang=de").status_code == 404
    call_command("publish_scheduled")
    expiring.refresh_from_db()
    assert (expiring.live, expiring.expired) == (False, True)
    assert client.get("/api/v1/articles/bald-weg/?lang=de").status_code == 404
