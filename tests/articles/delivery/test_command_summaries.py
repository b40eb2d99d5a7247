"""The change feed commands count in words (issue 18, item 8: "1 change", never "1 change(s)")."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_sync_change_feed_with_nothing_to_record_says_0_changes():
    out = io.StringIO()

    call_command("sync_change_feed", stdout=out)

    assert out.getvalue().strip() == "0 changes recorded."


def test_compact_change_feed_counts_entries_and_tombstones_in_words():
    out = io.StringIO()

    call_command("compact_change_feed", stdout=out)

    assert out.getvalue().startswith("Removed 0 superseded entries and 0 old tombstones;")
