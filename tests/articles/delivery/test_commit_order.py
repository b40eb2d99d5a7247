"""Commit order under concurrency (PostgreSQL): a transaction that records changes while
another one's are uncommitted waits for it, so feed positions are handed out in commit order
and a reader never moves its cursor past an entry that commits later."""

from __future__ import annotations

import threading
import time

import pytest
from django.conf import settings
from django.db import connection, transaction
from django.utils import translation

from articles.delivery.models import ChangeEntry
from articles.models import ArticlePage
from tests.articles.api.conftest import republish
from tests.factories import ArticleContentFactory

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="row locks are PostgreSQL's; SQLite serialises all writers anyway",
    ),
]


def waiting_on_a_lock() -> bool:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity "
            "WHERE datname = current_database() AND wait_event_type = 'Lock'"
        )
        return cursor.fetchone()[0] > 0


def test_a_later_transaction_gets_its_feed_positions_only_after_the_earlier_commits(
    make_article, client
):
    first = make_article("de", content=ArticleContentFactory(lang_tag="de", slug="erster"))
    second = make_article("de", content=ArticleContentFactory(lang_tag="de", slug="zweiter"))
    before = ChangeEntry.objects.order_by("pk").last().pk
    recorded, release = threading.Event(), threading.Event()
    committed_at: dict[str, float] = {}
    errors: list[BaseException] = []

    def edit(page_id: int, slug: str, name: str, hold: bool) -> None:
        try:
            with translation.override(settings.LANGUAGE_CODE), transaction.atomic():
                republish(ArticlePage.objects.get(pk=page_id), slug_de=slug)
                if hold:
                    recorded.set()
                    assert release.wait(30)
            committed_at[name] = time.monotonic()
        except BaseException as error:  # reported by the main thread
            errors.append(error)
            recorded.set()
        finally:
            connection.close()

    earlier = threading.Thread(target=edit, args=(first.pk, "erster-neu", "earlier", True))
    later = threading.Thread(target=edit, args=(second.pk, "zweiter-neu", "later", False))
    earlier.start()
    assert recorded.wait(30)
    later.start()
    deadline = time.monotonic() + 30
    while not waiting_on_a_lock():
        assert time.monotonic() < deadline, "the later transaction never waited"
        time.sleep(0.05)

    # Meanwhile a reader sees neither transaction's entries.
    body = client.get(f"/api/v1/changes/?page_size=500&since=v1.{before}.0").json()
    assert body["results"] == []
    release.set()
    earlier.join(30)
    later.join(30)

    assert not errors, errors
    assert committed_at["earlier"] < committed_at["later"]
    new = list(ChangeEntry.objects.filter(pk__gt=before).order_by("pk"))
    pages = [entry.page_id for entry in new]
    assert set(pages[: pages.index(second.pk)]) == {first.pk}
    assert set(pages[pages.index(second.pk) :]) == {second.pk}
    body = client.get(f"/api/v1/changes/?page_size=500&since=v1.{before}.0").json()
    assert [item["id"] for item in body["results"]] == pages
