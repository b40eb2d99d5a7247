"""The reference frontend (examples/frontend/) renders the live API's articles on its server:
the head tags search engines read are in the served HTML, the text is on the page, a former
slug is a 301 to the new page, and a preview token shows the draft, not indexable.

The API is pytest-django's live server with the seed article (skipped without it); the
frontend is ``npm run dev``'s server (``node server.js``) on a free port, pointed at the live
server with ``CMS_URL``; ``FRONTEND_BASE_URL`` points the API's canonical and hreflang URLs
back at the frontend. Needs Node.js 20.19+ and npm (skipped, saying so, where they are missing)
and installs examples/frontend's locked packages with ``npm ci`` when node_modules does not
match package-lock.json (skipped if that fails, e.g. offline). ``CMS_FRONTEND_TEST_PORT`` fixes
the frontend's port (default: a free one).
"""

from __future__ import annotations

import dataclasses
import json
import os
import socket
import subprocess
import time
import urllib.error
import urllib.request
from email.message import Message
from html.parser import HTMLParser
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ec

from articles.models import SlugRedirect
from articles.page_content import latest_version, page_content
from articles.preview.tokens import preview_token
from articles.services import article_update_language
from tests.browser import BROWSER_TEST_MARKS, screenshot, wait
from tests.npm import why_not_installed

FRONTEND = Path(__file__).resolve().parents[2] / "examples" / "frontend"
NODE_MINIMUM = (20, 19)  # Vite 8's
START_TIMEOUT = 60
PORT_VARIABLE = "CMS_FRONTEND_TEST_PORT"


def install_frontend() -> None:
    """``npm ci`` once per package-lock.json: later runs find node_modules ready. Skips the
    calling test, with the reason, where that cannot be done."""
    reason = why_not_installed(FRONTEND, node_minimum=NODE_MINIMUM)
    if reason:
        pytest.skip(f"reference frontend: {reason}")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def frontend_server(live_server, tmp_path_factory):
    """The frontend's dev server for this module's tests; its URL."""
    install_frontend()
    port = int(os.environ.get(PORT_VARIABLE) or free_port())
    log = tmp_path_factory.mktemp("frontend") / "server.log"
    env = {**os.environ, "CMS_URL": live_server.url, "PORT": str(port), "HOST": "127.0.0.1"}
    env.pop("NODE_ENV", None)
    with log.open("w") as output:
        process = subprocess.Popen(
            ["node", "server.js"], cwd=FRONTEND, env=env, stdout=output, stderr=subprocess.STDOUT
        )
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if process.poll() is not None:
                pytest.fail(f"the frontend server stopped: {log.read_text()[-2000:]}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail(f"the frontend server did not start: {log.read_text()[-2000:]}")
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture
def frontend(frontend_server, settings):
    """The frontend's URL, and the API's frontend URLs (canonical, hreflang) pointing at it."""
    settings.FRONTEND_BASE_URL = frontend_server
    return frontend_server


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def served(url: str) -> tuple[int, Message, str]:
    """Status, headers and HTML as the frontend serves them (no browser, no JavaScript)."""
    try:
        response = urllib.request.build_opener(_NoRedirects).open(url, timeout=30)
    except urllib.error.HTTPError as error:
        response = error
    with response:
        return response.getcode(), response.headers, response.read().decode()


class HeadTags(HTMLParser):
    """The SEO tags of an HTML document's <head>."""

    def __init__(self, document: str) -> None:
        super().__init__()
        self.in_head = False
        self.title = ""
        self.meta: dict[str, str] = {}
        self.links: list[dict[str, str]] = []
        self.json_ld: list[dict] = []
        self._open: str | None = None
        self._text: list[str] = []
        self.feed(document)

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        if tag == "head":
            self.in_head = True
        elif not self.in_head:
            return
        elif tag == "title" or (
            tag == "script" and attributes.get("type") == "application/ld+json"
        ):
            self._open, self._text = tag, []
        elif tag == "meta" and "name" in attributes:
            self.meta[attributes["name"]] = attributes["content"]
        elif tag == "link":
            self.links.append(attributes)

    def handle_endtag(self, tag):
        if tag == "head":
            self.in_head = False
        elif tag == self._open:
            text = "".join(self._text)
            if tag == "title":
                self.title = text
            else:
                self.json_ld.append(json.loads(text))
            self._open = None

    def handle_data(self, data):
        if self._open:
            self._text.append(data)

    def link(self, rel: str) -> list[dict[str, str]]:
        return [link for link in self.links if link.get("rel") == rel]


def api_detail(client, slug: str, lang: str = "de") -> dict:
    response = client.get(f"/api/v1/articles/{slug}/", {"lang": lang})
    assert response.status_code == 200
    return response.json()


def test_the_frontend_type_checks_against_the_committed_client_and_builds():
    install_frontend()
    for script in ("typecheck", "build"):
        done = subprocess.run(
            ["npm", "run", script], cwd=FRONTEND, capture_output=True, text=True, timeout=180
        )
        assert done.returncode == 0, f"npm run {script}:\n{done.stdout}{done.stderr}"


class TestReferenceFrontend:
    pytestmark = BROWSER_TEST_MARKS

    def test_the_seed_page_serves_its_head_tags_and_shows_its_text(
        self, frontend, browser, seed_article, client
    ):
        article = api_detail(client, seed_article.slug_de)
        path = f"/de/blog/{seed_article.slug_de}/"

        status, headers, document = served(frontend + path)

        assert (status, headers["content-type"]) == (200, "text/html; charset=utf-8")
        head = HeadTags(document)
        seo = article["seo"]
        assert head.title == seo["title"]
        assert head.meta["description"] == seo["description"]
        assert [link["href"] for link in head.link("canonical")] == [frontend + path]
        assert (
            {(link["hreflang"], link["href"]) for link in head.link("alternate")}
            == {(alternate["lang"], alternate["url"]) for alternate in seo["alternates"]}
            == {("de", frontend + path), ("x-default", frontend + path)}
        )
        assert head.json_ld == seo["json_ld"]
        assert {item["@type"] for item in head.json_ld} >= {"BlogPosting", "FAQPage"}

        # A reader's way in: the German list, then the article's link.
        browser.get(f"{frontend}/de/blog/")
        browser.find_element(By.LINK_TEXT, article["title"]).click()
        heading = wait(browser).until(ec.visibility_of_element_located((By.TAG_NAME, "h1")))
        assert heading.text == article["title"]
        assert browser.current_url == frontend + path
        assert browser.title == seo["title"]
        headings = [h2.text for h2 in browser.find_elements(By.CSS_SELECTOR, "article h2")]
        assert headings[: len(article["sections"])] == [s["heading"] for s in article["sections"]]
        faq = browser.find_element(By.CSS_SELECTOR, ".faq")
        assert "Häufige Fragen" in faq.text
        assert article["faqs"][0]["question"] in faq.text
        scripts = browser.execute_script(
            "return [...document.querySelectorAll('script[type=\"application/ld+json\"]')]"
            ".map(script => script.textContent)"
        )
        assert [json.loads(script)["@type"] for script in scripts] == [
            item["@type"] for item in seo["json_ld"]
        ]
        screenshot(browser, "reference-frontend-article")

    def test_former_slugs_and_wrong_urls_are_answered_on_this_site(self, frontend, seed_article):
        SlugRedirect.objects.create(lang="de", old_slug="rueckenschmerzen-alt", page=seed_article)
        path = f"/de/blog/{seed_article.slug_de}/"

        status, headers, _ = served(f"{frontend}/de/blog/rueckenschmerzen-alt/")

        assert (status, headers["location"]) == (301, path)
        # The German slug asked for in English, where the article does not exist: a 404
        # linking the German page (the API's details.translations).
        status, _, document = served(f"{frontend}/en/blog/{seed_article.slug_de}/")
        assert status == 404
        assert f'href="{path}"' in document
        assert HeadTags(document).meta["robots"] == "noindex"
        # A language's home (the breadcrumbs' first link) is its list.
        assert served(f"{frontend}/de/")[1]["location"] == "/de/blog/"
        # "/.//host" is "//host" to a URL parser: the slash redirect must stay on this site.
        status, headers, _ = served(f"{frontend}/.//elsewhere.example")
        assert (status, headers["location"]) == (301, "/elsewhere.example/")
        assert served(f"{frontend}/de/blog/%E0%A4%A/")[0] == 404
        assert served(f"{frontend}/preview/")[0] == 400
        posted = urllib.request.Request(f"{frontend}/de/blog/", data=b"x", method="POST")
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(posted, timeout=30)
        assert refused.value.code == 405

    def test_a_preview_token_shows_the_draft_uncached_and_not_indexable(
        self, frontend, seed_article
    ):
        current = page_content(latest_version(seed_article), "de")
        draft = article_update_language(
            page=seed_article,
            lang="de",
            content=dataclasses.replace(current, title="Entwurf: Rückenschmerzen und Darm"),
            publish=False,
        )
        token = preview_token(
            page_id=draft.pk, revision_id=draft.get_latest_revision().pk, lang="de"
        )

        status, headers, document = served(f"{frontend}/preview/?token={token}&lang=de")

        assert status == 200
        assert headers["cache-control"] == "private, no-store"
        assert HeadTags(document).meta["robots"] == "noindex"
        assert "<h1>Entwurf: Rückenschmerzen und Darm</h1>" in document
        assert 'role="status">Vorschau eines Entwurfs' in document
        _, _, public = served(f"{frontend}/de/blog/{seed_article.slug_de}/")
        assert "Entwurf:" not in public
        assert served(f"{frontend}/preview/?token=x{token}")[0] == 403
