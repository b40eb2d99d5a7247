"""``ensure_dev_admin``: the local admin user, its English admin, and where to log in."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.users.models import UserProfile

from cms.management.commands.ensure_dev_admin import browsable_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def debug(settings):
    settings.DEBUG = True


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("ensure_dev_admin", *args, stdout=out)
    return out.getvalue()


def admin_html_lang(client, username: str) -> str:
    client.force_login(get_user_model().objects.get(username=username))
    html = client.get("/admin/").content.decode()
    return html.split("<html", 1)[1].split('lang="', 1)[1].split('"', 1)[0]


def test_the_dev_admin_gets_an_english_admin_while_the_default_stays_german(debug, client):
    run()
    get_user_model().objects.create_superuser("editor", "editor@example.com", "pw")

    assert (
        UserProfile.get_for_user(get_user_model().objects.get(username="admin")).preferred_language
        == "en"
    )
    assert admin_html_lang(client, "admin") == "en"
    assert admin_html_lang(client, "editor") == "de"


def test_a_language_the_admin_chose_is_kept_on_the_next_run(debug):
    run()
    profile = UserProfile.get_for_user(get_user_model().objects.get(username="admin"))
    profile.preferred_language = "de"
    profile.save()

    out = run()

    profile.refresh_from_db()
    assert profile.preferred_language == "de"
    assert "Created" not in out
    assert get_user_model().objects.filter(username="admin").count() == 1


@pytest.mark.parametrize(
    ("arguments", "url"),
    [
        ((), "http://127.0.0.1:8000/admin/"),
        (("--port", "8501"), "http://127.0.0.1:8501/admin/"),
        (("--host", "localhost", "--port", "9000"), "http://localhost:9000/admin/"),
        (("--host", "0.0.0.0", "--port", "8080"), "http://127.0.0.1:8080/admin/"),
    ],
)
def test_the_printed_url_is_where_the_server_listens(debug, monkeypatch, arguments, url):
    monkeypatch.delenv("HOST", raising=False)
    monkeypatch.delenv("PORT", raising=False)

    out = run(*arguments)

    assert f"Admin: {url}  user: admin  password: admin" in out


def test_host_and_port_come_from_the_environment_make_run_sets(debug, monkeypatch):
    monkeypatch.setenv("HOST", "127.0.0.2")
    monkeypatch.setenv("PORT", "8502")

    assert "http://127.0.0.2:8502/admin/" in run()


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("::", "http://[::1]:80"),
        ("::1", "http://[::1]:80"),
        ("example.test", "http://example.test:80"),
    ],
)
def test_browsable_url_brackets_ipv6_and_replaces_wildcards(host, expected):
    assert browsable_url(host, 80) == expected


def test_it_refuses_without_debug(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="only runs with DEBUG on"):
        run()
    assert not get_user_model().objects.filter(username="admin").exists()
