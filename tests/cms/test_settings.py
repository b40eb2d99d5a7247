"""Configuration: clear failures at start-up, production hardening, migrations in step."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command

from cms.settings.environment import parse_languages

REPO = Path(__file__).resolve().parent.parent.parent


def run_django(*args: str, settings: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {key: value for key, value in os.environ.items() if key != "SECRET_KEY"}
    environment.update(DJANGO_SETTINGS_MODULE=settings, **env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("de,en,nl,fr", ["de", "en", "nl", "fr"]), (" EN , de ", ["en", "de"]), ("pt-br", ["pt-br"])],
)
def test_language_list_is_parsed_with_the_first_as_default(raw, expected):
    assert parse_languages(raw) == expected


@pytest.mark.parametrize(
    ("raw", "named"),
    [
        ("de,xx", "'xx'"),
        ("de,en_US!", "'en_us!'"),
        ("de,,en", "''"),
        ("de,en,de", "'de'"),
        ("", ""),
    ],
)
def test_bad_language_list_is_refused_naming_the_code(raw, named):
    with pytest.raises(ImproperlyConfigured) as error:
        parse_languages(raw)
    assert "CMS_LANGUAGES" in str(error.value)
    assert named in str(error.value)


def test_unknown_language_stops_start_up_with_a_one_line_message():
    result = run_django("check", settings="cms.settings.dev", CMS_LANGUAGES="de,xx")

    assert result.returncode != 0
    assert result.stderr.strip() == (
        "Configuration error: CMS_LANGUAGES: unknown language code 'xx'"
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run_django("check", settings="cms.settings.production")

    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr
    assert "Traceback" not in result.stderr


def test_production_settings_pass_the_deployment_checklist():
    result = run_django(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        settings="cms.settings.production",
        SECRET_KEY="x7#kQ2!vL9@pR4$wZ8^nB3&mT6*hJ1(cF5)gD0_sA2+eY7=uI9-oP4",
        ALLOWED_HOSTS="cms.example.com",
    )

    assert result.returncode == 0, result.stderr + result.stdout


@pytest.mark.django_db
def test_models_and_migrations_are_in_step():
    # Raises SystemExit(1) when a migration is missing.
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def database_options(database_url: str, **env: str) -> str:
    """The database OPTIONS the dev settings build for ``database_url``, as printed."""
    result = run_django(
        "shell",
        "-v",
        "0",
        "-c",
        "from django.conf import settings; print(settings.DATABASES['default'].get('OPTIONS', {}))",
        settings="cms.settings.dev",
        DATABASE_URL=database_url,
        **env,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, "{'server_side_binding': True, 'prepare_threshold': 5}"),
        (
            {"DATABASE_PREPARE_THRESHOLD": "0"},
            "{'server_side_binding': True, 'prepare_threshold': None}",
        ),
        ({"DATABASE_SERVER_SIDE_BINDING": "false"}, "{}"),
    ],
)
def test_postgresql_binds_parameters_on_the_server_and_prepares_repeated_statements(env, expected):
    assert database_options("postgres://cms@127.0.0.1:5432/cms", **env) == expected


def test_sqlite_keeps_djangos_database_options():
    assert "server_side_binding" not in database_options("sqlite:///:memory:")


def printed_setting(expression: str, **env: str) -> str:
    result = run_django(
        "shell",
        "--no-imports",
        "-c",
        f"from django.conf import settings; print({expression})",
        settings="cms.settings.production",
        SECRET_KEY="only-for-this-test",
        **env,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_redis_calls_time_out_well_under_a_second_and_a_failure_opens_a_circuit():
    options = printed_setting(
        "settings.CACHES['default']['BACKEND'], "
        "sorted(settings.CACHES['default']['OPTIONS'].items())",
        REDIS_URL="redis://127.0.0.1:6379/9",
    )
    assert options == (
        "cms.cache_backend.ResilientRedisCache [('IGNORE_EXCEPTIONS', True), "
        "('RETRY_SECONDS', 5), ('SOCKET_CONNECT_TIMEOUT', 0.25), ('SOCKET_TIMEOUT', 0.25)]"
    )
    tuned = printed_setting(
        "settings.CACHES['default']['OPTIONS']['SOCKET_TIMEOUT']",
        REDIS_URL="redis://127.0.0.1:6379/9",
        REDIS_TIMEOUT_MS="100",
    )
    assert tuned == "0.1"


@pytest.mark.parametrize(
    ("environment", "expected"), [({}, "0"), ({"TRUSTED_PROXY_COUNT": "2"}, "2")]
)
def test_x_forwarded_for_is_trusted_only_behind_declared_proxies(
    environment, expected, monkeypatch
):
    monkeypatch.delenv("TRUSTED_PROXY_COUNT", raising=False)
    assert printed_setting("settings.REST_FRAMEWORK['NUM_PROXIES']", **environment) == expected


@pytest.mark.parametrize(
    ("raw", "legacy", "expected"),
    [
        (None, None, "hide"),
        ("fallback", None, "fallback"),
        (" HIDE ", None, "hide"),
        (None, "true", "fallback"),  # the deprecated alias keeps old deployments serving
        (None, "off", "hide"),
        ("fallback", "yes", "fallback"),
    ],
)
def test_incomplete_languages_policy_with_its_deprecated_alias(raw, legacy, expected):
    from cms.settings.environment import incomplete_languages_policy

    assert incomplete_languages_policy(raw, legacy_fallback=legacy) == expected


@pytest.mark.parametrize(
    ("raw", "legacy", "named"),
    [
        ("sometimes", None, "CMS_INCOMPLETE_LANGUAGES"),
        (None, "maybe", "CMS_FALLBACK_TO_DEFAULT"),
        ("hide", "true", "contradicts"),
    ],
)
def test_bad_or_contradicting_incomplete_languages_settings_are_refused(raw, legacy, named):
    from cms.settings.environment import incomplete_languages_policy

    with pytest.raises(ImproperlyConfigured, match=named):
        incomplete_languages_policy(raw, legacy_fallback=legacy)


def test_contradicting_fallback_settings_stop_start_up_with_one_line():
    result = run_django(
        "check",
        settings="cms.settings.dev",
        CMS_INCOMPLETE_LANGUAGES="hide",
        CMS_FALLBACK_TO_DEFAULT="true",
    )
    assert result.returncode != 0
    assert "Configuration error: CMS_INCOMPLETE_LANGUAGES=hide contradicts" in result.stderr
