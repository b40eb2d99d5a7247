"""PostgreSQL unreachable under a running application (the app pointed at a closed port):
cached responses keep answering 200, uncached requests answer a JSON 503 with Retry-After at
once instead of a 500 or a hang, and when the database is back everything recovers without
anyone acting - nothing stale served."""

from __future__ import annotations

import socket
import time

import pytest
from django.db import connection

from articles.services import article_update_language
from tests.articles.api.conftest import article_content
from tests.wsgi_client import call, production_app

pytestmark = [
    pytest.mark.slow,
    # The application commits and reads on its own connection, as under a real server; the
    # serialized rollback restores Wagtail's root page and site afterwards.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ANSWER_WITHIN_SECONDS = 5.0


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # nothing listens there once the probe is closed


def timed(target: str):
    started = time.monotonic()
    response = call(production_app(), target)
    return time.monotonic() - started, response


@pytest.fixture
def database_switch():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (DATABASE_URL): an in-memory SQLite cannot go away")
    original_port = connection.settings_dict["PORT"]

    class Switch:
        def down(self) -> None:
            connection.close()
            connection.settings_dict["PORT"] = closed_port()

        def up(self) -> None:
            connection.close()
            connection.settings_dict["PORT"] = original_port

    switch = Switch()
    yield switch
    switch.up()


def test_database_outage_and_recovery(make_article, database_switch):
    from articles.cache import remembered_state

    page = make_article(content=article_content(slug="garten", title="Vorher"))
    make_article(content=article_content(slug="balkon", title="Balkon"))
    cached = "/api/v1/articles/garten/?lang=de"
    assert b"Vorher" in timed(cached)[1].body

    database_switch.down()
    remembered_state.value = (remembered_state.value[0], time.monotonic())  # a recheck is due
    elapsed, hit = timed(cached)
    assert hit.status == 200 and b"Vorher" in hit.body
    assert elapsed < ANSWER_WITHIN_SECONDS
    for target in ("/api/v1/articles/balkon/?lang=de", "/api/v1/keywords/?lang=en"):
        elapsed, response = timed(target)
        assert response.status == 503, response.body[:300]
        assert response.content_type == "application/json"
        assert response.header("Retry-After")
        assert b'"service_unavailable"' in response.body
        assert elapsed < ANSWER_WITHIN_SECONDS
    elapsed, page_url = timed("/blog/garten/")
    assert page_url.status == 503 and elapsed < ANSWER_WITHIN_SECONDS

    database_switch.up()
    assert timed("/api/v1/articles/balkon/?lang=de")[1].status == 200  # the first request
    article_update_language(
        page=page, lang="de", content=article_content(slug="garten", title="Nachher"), publish=True
    )
    assert b"Nachher" in timed(cached)[1].body
