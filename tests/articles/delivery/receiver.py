"""A webhook receiver on a free loopback port that verifies signatures as a real one would."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from articles.delivery.signing import verify_signature


@dataclass
class Received:
    headers: dict[str, str]
    body: bytes
    signature_valid: bool

    @property
    def payload(self) -> dict[str, Any]:
        return json.loads(self.body)

    @property
    def signed_at(self) -> int:
        parts = dict(part.split("=", 1) for part in self.headers["X-CMS-Signature"].split(","))
        return int(parts["t"])


@dataclass
class Receiver:
    url: str
    secret: str
    # Status codes to answer, in order; the last one repeats.
    statuses: list[int] = field(default_factory=lambda: [200])
    delay_seconds: float = 0.0
    received: list[Received] = field(default_factory=list)

    def events(self) -> list[str]:
        return [item.payload["event"] for item in self.received]


@contextmanager
def running_receiver(secret: str) -> Iterator[Receiver]:
    receiver: Receiver

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            # The signature is checked without a time tolerance: tests drive the sender's clock.
            valid = verify_signature(
                self.headers.get("X-CMS-Signature", ""),
                body,
                secret=receiver.secret,
                tolerance=10**10,
            )
            receiver.received.append(Received(dict(self.headers), body, valid))
            if receiver.delay_seconds:
                time.sleep(receiver.delay_seconds)
            position = len(receiver.received) - 1
            status = receiver.statuses[min(position, len(receiver.statuses) - 1)]
            if not valid:
                status = 400
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: Any) -> None:  # keep the test output clean
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    host, port = server.server_address[:2]
    receiver = Receiver(url=f"http://{host}:{port}/hooks/cms", secret=secret)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield receiver
    finally:
        server.shutdown()
        server.server_close()
