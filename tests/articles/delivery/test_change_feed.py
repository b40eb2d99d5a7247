"""The change feed (``/api/v1/changes/``): a static build that replays it stays exactly in
sync with the live list endpoint in every language."""

from __future__ import annotations

import base64
import io
from datetime import timedelta
from typing import Any

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone, translation
from wagtail.models import PageViewRestriction

from articles.delivery.feed import Cursor, decode_cursor, encode_cursor
from articles.delivery.models import ChangeEntry
from articles.models import ArticlePage
from tests.articles.api.conftest import republish
from tests.factories import ArticleContentFactory
from tests.shared_data import shared_data
from tests.wsgi_client import call, production_app

FEED = "/api/v1/changes/"
LANGUAGES = settings.MODELTRANSLATION_LANGUAGES

Store = dict[tuple[int, str], dict[str, Any]]


class StaticBuild:
    """A frontend's copy of the site, kept by the feed alone (keyed by article and language)."""

    def __init__(self, client) -> None:
        self.client = client
        self.pages: Store = {}
        self.cursor: str | None = None
        self.requests = 0

    def sync(self, *, page_size: int = 3) -> list[dict[str, Any]]:
        seen = []
        while True:
            url = f"{FEED}?page_size={page_size}"
            if self.cursor is not None:
                url += f"&since={self.cursor}"
            response = self.client.get(url)
            self.requests += 1
            assert response.status_code == 200, response.content
            body = response.json()
            for item in body["results"]:
                key = (item["id"], item["lang"])
                if item["type"] == "upsert":
                    self.pages[key] = {
                        "slug": item["slug"],
                        "updated_at": item["updated_at"],
                        "url": item["frontend_url"],
                    }
                else:
                    self.pages.pop(key, None)
            seen += body["results"]
            self.cursor = body["next_cursor"]
            if not body["has_more"]:
                return seen


def live_lists(client) -> Store:
    live: Store = {}
    for lang in LANGUAGES:
        response = client.get(f"/api/v1/articles/?lang={lang}&page_size=100")
        assert response.status_code == 200
        for item in response.json()["results"]:
            live[(item["id"], lang)] = {
                "slug": item["slug"],
                "updated_at": item["updated_at"],
                "url": item["url"],
            }
    return live


def content(lang: str, slug: str, title: str | None = None):
    return ArticleContentFactory(lang_tag=lang, slug=slug, title=title or f"Title of {slug}")


@shared_data
def site(build):
    """Articles in one, two and three languages, and a draft."""
    return {
        "de_only": build.article("de", content=content("de", "nur-deutsch")),
        "de_en": build.article(
            "de",
            content=content("de", "zweisprachig"),
            translations={"en": content("en", "bilingual")},
        ),
        "three": build.article(
            "en",
            content=content("en", "three-languages"),
            translations={"nl": content("nl", "drie-talen"), "fr": content("fr", "trois-langues")},
        ),
        "draft": build.article("de", content=content("de", "entwurf"), publish=False),
    }


def unpublish(page) -> None:
    page.unpublish()


def test_replaying_the_feed_from_the_beginning_gives_the_live_list_in_every_language(client, site):
    build = StaticBuild(client)
    build.sync()

    assert build.pages == live_lists(client)
    assert len(build.pages) == 6  # de; de+en; en+nl+fr - never the draft


def test_incremental_syncs_follow_publish_unpublish_slug_change_delete_and_privacy(
    client, site, make_article
):
    build = StaticBuild(client)
    build.sync()
    # A second build that syncs once at the start and once at the very end.
    late = StaticBuild(client)
    late.pages, late.cursor = dict(build.pages), build.cursor

    steps = [
        ("publish", lambda: make_article("fr", content=content("fr", "nouvel-article"))),
        ("publish draft", lambda: site["draft"].get_latest_revision().publish()),
        ("unpublish", lambda: unpublish(site["de_only"])),
        ("slug change", lambda: republish(site["de_en"], slug_en="bilingual-renamed")),
        ("republish", lambda: republish(site["three"], title_nl="Drie talen, herzien")),
        (
            "privacy",
            lambda: PageViewRestriction.objects.create(
                page=site["three"], password="x", restriction_type="password"
            ),
        ),
        ("delete", lambda: site["draft"].delete()),
        ("language hidden", lambda: republish(site["de_en"], title_en="", slug_en="")),
        ("public again", lambda: PageViewRestriction.objects.filter(page=site["three"]).delete()),
        ("republish unpublished", lambda: site["de_only"].get_latest_revision().publish()),
    ]
    for name, change in steps:
        with translation.override(settings.LANGUAGE_CODE):
            change()
        build.sync()
        assert build.pages == live_lists(client), f"out of sync after {name}"

    from_scratch = StaticBuild(client)
    from_scratch.sync(page_size=1)
    assert from_scratch.pages == live_lists(client)
    late.sync()
    assert late.pages == live_lists(client)


def test_tombstones_name_the_reason_and_the_slug_that_stopped_working(client, site):
    build = StaticBuild(client)
    build.sync()
    de_en = site["de_en"]

    with translation.override(settings.LANGUAGE_CODE):
        republish(de_en, slug_de="zweisprachig-neu")
        PageViewRestriction.objects.create(page=site["three"], restriction_type="login")
        site["de_only"].delete()
    changes = build.sync(page_size=100)

    summary = [
        (c["type"], c["reason"], c["id"], c["lang"], c["slug"], c["new_slug"]) for c in changes
    ]
    assert (
        "tombstone",
        "slug_changed",
        de_en.pk,
        "de",
        "zweisprachig",
        "zweisprachig-neu",
    ) in summary
    assert ("upsert", "updated", de_en.pk, "de", "zweisprachig-neu", None) in summary
    assert ("upsert", "updated", de_en.pk, "en", "bilingual", None) in summary
    three = site["three"].pk
    assert {(c[1], c[3]) for c in summary if c[2] == three} == {
        ("private", "en"),
        ("private", "nl"),
        ("private", "fr"),
    }
    assert ("tombstone", "deleted", site["de_only"].pk, "de", "nur-deutsch", None) in summary
    renamed = next(c for c in changes if c["slug"] == "zweisprachig-neu")
    assert renamed["detail_url"] == "http://testserver/api/v1/articles/zweisprachig-neu/?lang=de"
    assert renamed["frontend_url"].endswith("/de/blog/zweisprachig-neu/")
    gone = next(c for c in changes if c["reason"] == "deleted")
    assert gone["detail_url"] is None
    assert gone["frontend_url"].endswith("/de/blog/nur-deutsch/")


def test_an_unchanged_cursor_gets_nothing_and_keeps_its_place(client, site):
    build = StaticBuild(client)
    build.sync()
    cursor = build.cursor

    response = client.get(f"{FEED}?since={cursor}")

    assert response.status_code == 200
    assert response.json() == {"results": [], "next_cursor": cursor, "has_more": False}


def test_entries_come_in_commit_order_with_increasing_positions(client, site):
    body = client.get(f"{FEED}?page_size=100").json()
    positions = list(ChangeEntry.objects.order_by("pk").values_list("pk", flat=True))

    assert len(body["results"]) == len(positions)
    assert decode_cursor(body["next_cursor"]).position == positions[-1]


@pytest.mark.parametrize(
    "since",
    [
        "",
        "not-a-cursor",
        "%C3%BC",
        "v1.12",
        "v1.-1.0",
        "v2.1.0",
        "v1.01.0",
        "v1.1.0%0A",
        "v1.1234567890123456789.0",
        base64.urlsafe_b64encode(b"v1.1.0").decode(),
        encode_cursor(Cursor(5, 0)) + "A",
        "x" * 500,
    ],
)
def test_a_malformed_cursor_is_a_400_saying_what_to_do(client, db, since):
    response = client.get(f"{FEED}?since={since}")

    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid_cursor"
    assert "leave since out" in error["message"]


@pytest.mark.parametrize("page_size", ["0", "501", "ten", "-1", ""])
def test_a_bad_page_size_is_a_400(client, db, page_size):
    response = client.get(f"{FEED}?page_size={page_size}")

    assert response.status_code == 400
    assert response.json()["error"]["details"]["page_size"]


def test_compaction_expires_cursors_older_than_removed_tombstones(client, site):
    old = StaticBuild(client)
    old.sync()
    with translation.override(settings.LANGUAGE_CODE):
        site["de_only"].delete()
        republish(site["three"], slug_fr="trois-langues-bis")
    ChangeEntry.objects.update(recorded_at=timezone.now() - timedelta(days=40))

    call_command("compact_change_feed", "--days", "30", stdout=open("/dev/null", "w"))  # noqa: SIM115

    response = client.get(f"{FEED}?since={old.cursor}")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "cursor_expired"
    assert "from the beginning" in error["message"]
    # Starting again, page by page across the horizon, still ends exactly in sync.
    fresh = StaticBuild(client)
    fresh.sync(page_size=1)
    assert fresh.pages == live_lists(client)
    # Only the latest entry per article and language survived, and no tombstone.
    kept = list(ChangeEntry.objects.values_list("page_id", "lang", "kind"))
    assert len(kept) == len(set((page, lang) for page, lang, _ in kept))
    assert {kind for _, _, kind in kept} == {"upsert"}


def test_compaction_keeps_recent_entries_and_valid_cursors(client, site):
    build = StaticBuild(client)
    build.sync()
    with translation.override(settings.LANGUAGE_CODE):
        site["de_only"].delete()

    call_command("compact_change_feed", stdout=open("/dev/null", "w"))  # noqa: SIM115

    changes = build.sync()
    assert [(c["type"], c["reason"]) for c in changes] == [("tombstone", "deleted")]
    assert build.pages == live_lists(client)


def test_the_feed_is_never_served_from_the_response_cache(site, make_article):
    app = production_app()
    first = call(app, f"{FEED}?page_size=100")
    body = first.body
    assert first.status == 200
    assert first.header("cache-control") == "no-store"

    make_article("de", content=content("de", "ganz-neu"))
    second = call(app, f"{FEED}?page_size=100")

    assert second.status == 200
    assert second.body != body
    assert b"ganz-neu" in second.body


def test_the_feed_costs_a_fixed_number_of_queries_whatever_its_length(
    client, site, django_assert_max_num_queries
):
    # Entries and horizon, plus the response cache's content-version read (once a second per
    # process), which every /api/v1/ request makes before the view decides anything.
    with django_assert_max_num_queries(3):
        response = client.get(f"{FEED}?page_size=500")

    assert response.status_code == 200
    assert len(response.json()["results"]) >= 6


def test_the_feed_is_in_the_openapi_schema(client, db):
    schema = client.get("/api/schema/?format=json").json()

    operation = schema["paths"]["/api/v1/changes/"]["get"]
    assert {parameter["name"] for parameter in operation["parameters"]} == {"since", "page_size"}
    assert "400" in operation["responses"]


def test_sync_change_feed_records_a_scheduled_expiry_that_no_transaction_marked(client, site):
    build = StaticBuild(client)
    build.sync()
    # The clock passes expire_at: the article leaves the list without any write.
    ArticlePage.objects.filter(pk=site["de_only"].pk).update(
        expire_at=timezone.now() - timedelta(seconds=1)
    )
    assert build.sync() == []

    out = io.StringIO()
    call_command("sync_change_feed", stdout=out)

    assert "1 change recorded" in out.getvalue()
    changes = build.sync()
    assert [(c["type"], c["reason"], c["slug"]) for c in changes] == [
        ("tombstone", "expired", "nur-deutsch")
    ]
    assert build.pages == live_lists(client)


@pytest.mark.parametrize("policy", ["hide", "fallback"])
def test_an_incomplete_translation_is_in_the_feed_exactly_when_the_list_shows_it(
    client, settings, make_article, policy
):
    from articles.services import article_update_language
    from tests.articles.api.conftest import article_content

    settings.CMS_INCOMPLETE_LANGUAGES = policy
    build = StaticBuild(client)
    page = make_article("de", content=article_content(slug="vollstaendig", sections=2))

    for sections in (1, 2, 1):  # incomplete, complete, incomplete again
        page = article_update_language(
            page=page,
            lang="en",
            content=article_content(slug="complete", sections=sections),
            publish=True,
        )
        changes = build.sync()
        assert build.pages == live_lists(client), f"out of sync with {sections} section(s)"

    english = (page.pk, "en")
    if policy == "hide":
        assert english not in build.pages
        assert ("tombstone", "language_hidden") in {(c["type"], c["reason"]) for c in changes}
    else:
        assert english in build.pages
