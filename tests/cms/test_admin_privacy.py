"""The admin calls out to no third party by default (Gravatar, Wagtail's release check)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_admin_pages_carry_no_gravatar_and_no_release_check(admin_client):
    # A superuser: Wagtail shows the release check to superusers only.
    html = admin_client.get("/admin/").content.decode()

    assert "gravatar.com" not in html
    assert 'data-controller="w-upgrade' not in html


def test_both_can_be_turned_back_on(admin_client, settings):
    settings.WAGTAIL_GRAVATAR_PROVIDER_URL = "//www.gravatar.com/avatar"
    settings.WAGTAIL_ENABLE_UPDATE_CHECK = True

    html = admin_client.get("/admin/").content.decode()

    assert "gravatar.com" in html
    assert 'data-controller="w-upgrade' in html
