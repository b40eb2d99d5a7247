"""Settings for the editor flows in the browser (the seed article: ``seed_article`` in
tests/conftest.py)."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _no_autosave_on_sqlite(settings):
    """SQLite has one writer: an autosave racing the editor's own save can hit "database table
    is locked" in the live server. PostgreSQL (CI) keeps Wagtail's autosave on."""
    from django.db import connection

    if connection.vendor == "sqlite":
        settings.WAGTAIL_AUTOSAVE_INTERVAL = 0


@pytest.fixture
def without_autosave(settings):
    """Autosave off on every database, for the two tests that type into the editor for minutes.

    Open (issue 13): on PostgreSQL with Wagtail's autosave on, the second "Save draft" of the
    English-only translation flow (after an invalid save and deleting the empty section) now
    and then does not leave the page within a minute (1 of 4 runs here). Every other browser
    test runs with autosave on. (The "Promote tab gone" failure once blamed on autosave was the
    panel ids following the admin language: fixed by ``articles.panels.StableIdTabbedInterface``.)
    """
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
