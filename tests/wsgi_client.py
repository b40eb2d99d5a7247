"""Requests straight into ``cms.wsgi.application``, with the environ built the way gunicorn
builds it.

Django's test client calls Django's handler with an environ of its own making and so bypasses
the WSGI fast path in front of it (``articles.api.wsgi``); these helpers go through the real
entry point. Like gunicorn (and PEP 3333), ``PATH_INFO`` is the percent-decoded path as bytes,
decoded as ISO-8859-1 into a ``str``; ``QUERY_STRING`` stays encoded.
"""

from __future__ import annotations

import io
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import unquote_to_bytes

from django.core import signals
from django.db import close_old_connections


@dataclass
class WsgiResponse:
    status: int
    reason: str
    headers: list[tuple[str, str]]
    body: bytes
    header_map: dict[str, str] = field(init=False)

    def __post_init__(self) -> None:
        self.header_map = {name.lower(): value for name, value in self.headers}

    def header(self, name: str, default: str = "") -> str:
        return self.header_map.get(name.lower(), default)

    @property
    def content_type(self) -> str:
        return self.header("content-type")


def gunicorn_environ(
    target: str,
    *,
    method: str = "GET",
    headers: dict[str, str] | None = None,
    body: bytes = b"",
    remote_addr: str = "127.0.0.1",
) -> dict:
    """``target`` is the request target as sent on the wire: ``/path?query``, percent-encoded."""
    raw_path, _, query = target.partition("?")
    environ = {
        "REQUEST_METHOD": method,
        "SCRIPT_NAME": "",
        "PATH_INFO": unquote_to_bytes(raw_path).decode("latin-1"),
        "RAW_URI": target,
        "QUERY_STRING": query,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8000",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": remote_addr,
        "REMOTE_PORT": "50000",
        "HTTP_HOST": "localhost",
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(body),
        "wsgi.errors": io.StringIO(),
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }
    if body:
        environ["CONTENT_LENGTH"] = str(len(body))
        environ["CONTENT_TYPE"] = "application/x-www-form-urlencoded"
    for name, value in (headers or {}).items():
        key = name.upper().replace("-", "_")
        if key in ("CONTENT_TYPE", "CONTENT_LENGTH"):
            environ[key] = value
        else:
            environ[f"HTTP_{key}"] = value
    return environ


@contextmanager
def keep_test_transaction_open():
    """As Django's test client does: a real request closes a connection whose autocommit
    differs from its settings, which would end the test's transaction (PostgreSQL)."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


def call(application, target: str, **kwargs) -> WsgiResponse:
    """Run one request through a WSGI application, as a server would."""
    started: dict = {}

    def start_response(status, response_headers, exc_info=None):
        started["status"] = status
        started["headers"] = list(response_headers)

    with keep_test_transaction_open():
        chunks = application(gunicorn_environ(target, **kwargs), start_response)
        try:
            body = b"".join(chunks)
        finally:
            close = getattr(chunks, "close", None)
            if close is not None:
                close()  # Django sends request_finished here, as under a real server
    code, _, reason = started["status"].partition(" ")
    return WsgiResponse(int(code), reason, started["headers"], body)


def production_app():
    """``cms.wsgi.application``: the fast path in front of Django, as gunicorn serves it."""
    from cms import wsgi

    return wsgi.application


def django_app():
    """The same Django application without the fast path in front."""
    from cms import wsgi

    return wsgi.django_application
