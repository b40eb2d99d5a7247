"""The throw-away PostgreSQL databases the benchmarks create and drop (shared by the scripts)."""

from __future__ import annotations

import os
import sys
from urllib.parse import urlsplit, urlunsplit

DEFAULT_SERVER_URL = "postgres://postgres@127.0.0.1:5432/postgres"


def database_urls(name: str) -> tuple[str, str]:
    """(maintenance URL, URL of the benchmark database ``name``) on the PostgreSQL server that
    ``DATABASE_URL`` names; exits with a message for any other database."""
    server = os.environ.get("DATABASE_URL", DEFAULT_SERVER_URL)
    parts = urlsplit(server)
    if parts.scheme not in ("postgres", "postgresql"):
        sys.exit(f"DATABASE_URL must point to PostgreSQL, got {server!r}")
    maintenance = urlunsplit(parts._replace(path="/postgres"))
    return maintenance, urlunsplit(parts._replace(path=f"/{name}"))


def recreate_database(maintenance_url: str, name: str, *settings: str) -> None:
    """Drop ``name`` if it exists and create it empty; ``settings`` ("key = value") are set on
    the new database."""
    import psycopg

    with psycopg.connect(maintenance_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
        for setting in settings:
            connection.execute(f'ALTER DATABASE "{name}" SET {setting}')


def drop_database(maintenance_url: str, name: str) -> None:
    import psycopg

    with psycopg.connect(maintenance_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
