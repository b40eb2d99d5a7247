"""A frontend on another origin, in a real browser: a page served from a second loopback port
fetches the API with ``fetch()``, reads ``ETag`` and revalidates with ``If-None-Match``.

The If-None-Match request is not a "simple" request, so Chromium sends a CORS preflight first;
the test passes only if the preflight allows the header, the 200 exposes ``ETag`` to the script
and the 304 carries the CORS headers too.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.articles.api.conftest import article_content

pytestmark = [
    pytest.mark.browser,
    # The live server answers from another thread: the data must be committed.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>frontend</title></head>
<body><script>
(async () => {
  const url = %(url)s;
  try {
    const first = await fetch(url, {mode: "cors", cache: "no-store"});
    const etag = first.headers.get("ETag");
    const lastModified = first.headers.get("Last-Modified");
    const body = await first.json();
    const second = await fetch(url, {
      mode: "cors", cache: "no-store", headers: {"If-None-Match": etag || "none"}
    });
    window.result = {
      firstStatus: first.status, etag, lastModified, slug: body.slug,
      secondStatus: second.status
    };
  } catch (error) {
    window.result = {error: String(error)};
  }
})();
</script></body></html>"""


@pytest.fixture
def frontend_server():
    """Serves one HTML page from its own loopback port: another origin than the API."""
    pages: dict[str, bytes] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # http.server calls do_<METHOD>
            body = pages.get(self.path, b"not found")
            self.send_response(200 if self.path in pages else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):  # keep the test output clean
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    server.pages = pages  # type: ignore[attr-defined]
    yield server
    server.shutdown()
    server.server_close()


def test_a_page_on_another_origin_reads_the_etag_and_revalidates(
    browser, live_server, frontend_server, settings, make_article
):
    from selenium.webdriver.support.ui import WebDriverWait

    make_article(content=article_content(slug="browser-cors"))
    origin = f"http://127.0.0.1:{frontend_server.server_address[1]}"
    settings.CORS_ALLOWED_ORIGINS = [origin]
    api_url = f"{live_server.url}/api/v1/articles/browser-cors/?lang=de"
    assert origin != live_server.url.replace("localhost", "127.0.0.1")
    frontend_server.pages["/"] = (PAGE % {"url": json.dumps(api_url)}).encode()

    browser.get(f"{origin}/")
    result = WebDriverWait(browser, 30).until(
        lambda driver: driver.execute_script("return window.result;")
    )

    assert "error" not in result, result
    assert result["firstStatus"] == 200
    assert result["slug"] == "browser-cors"
    assert result["etag"] and result["etag"].startswith('"')
    assert result["lastModified"]
    assert result["secondStatus"] == 304
