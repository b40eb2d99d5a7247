"""/sitemap.xml as one urlset or a sitemap index (SITEMAP_MAX_URLS), and the paginated JSON."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from xml.etree import ElementTree

import pytest

from articles.models import ArticlePage
from tests.articles.api.conftest import article_content
from tests.conftest import forget_cached_state
from tests.shared_data import shared_data

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


@shared_data
def five_articles(build):
    """Five articles, 8 URLs: three in German and English, two in German only; published a
    day apart, oldest first."""
    start = datetime(2024, 5, 1, 9, tzinfo=UTC)
    pages = []
    for number in range(5):
        page = build.article(
            content=article_content(slug=f"seite-{number}", title=f"Seite {number}"),
            translations=(
                {"en": article_content(slug=f"page-{number}", title=f"Page {number}")}
                if number < 3
                else {}
            ),
        )
        moment = start + timedelta(days=number)
        ArticlePage.objects.filter(pk=page.pk).update(
            first_published_at=moment, last_published_at=moment
        )
        pages.append(page)
    return pages


def get(client, url: str):
    """A fresh response: the tests change SITEMAP_MAX_URLS, which the content version (the
    response cache's key) does not follow; a deployment changing it restarts anyway."""
    forget_cached_state()
    return client.get(url)


def parse(response) -> ElementTree.Element:
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"].startswith("application/xml")
    return ElementTree.fromstring(response.content)


def urls_of(root) -> dict[str, tuple[str, list[tuple[str, str]]]]:
    return {
        url.findtext("s:loc", namespaces=NS): (
            url.findtext("s:lastmod", namespaces=NS),
            [(link.get("hreflang"), link.get("href")) for link in url.findall("x:link", NS)],
        )
        for url in root.findall("s:url", NS)
    }


def test_up_to_the_limit_the_sitemap_is_one_urlset(client, settings, five_articles):
    settings.SITEMAP_MAX_URLS = 8
    root = parse(get(client, "/sitemap.xml"))
    assert root.tag == f"{{{NS['s']}}}urlset"
    assert len(urls_of(root)) == 8


def test_past_the_limit_it_is_an_index_of_files_holding_every_url_once(
    client, settings, five_articles
):
    settings.SITEMAP_MAX_URLS = 1000
    everything = urls_of(parse(get(client, "/sitemap.xml")))
    settings.SITEMAP_MAX_URLS = 7  # 4 languages: one article per file may need 4 URLs
    index = parse(get(client, "/sitemap.xml"))
    assert index.tag == f"{{{NS['s']}}}sitemapindex"
    locations = [entry.findtext("s:loc", namespaces=NS) for entry in index]
    assert locations == [f"http://testserver/sitemap-{n}.xml" for n in range(1, 6)]
    seen: dict = {}
    for location in locations:
        urls = urls_of(parse(get(client, location.removeprefix("http://testserver"))))
        assert len(urls) <= 7
        assert not set(urls) & set(seen)
        seen.update(urls)
    assert seen == everything
    lastmods = [entry.findtext("s:lastmod", namespaces=NS) for entry in index]
    assert lastmods == [f"2024-05-0{n}T09:00:00+00:00" for n in range(1, 6)]


def test_files_hold_as_many_articles_as_the_limit_allows(client, settings, five_articles):
    settings.SITEMAP_MAX_URLS = 6  # 6 // 4 languages: one article per file
    assert len(parse(get(client, "/sitemap.xml"))) == 5
    settings.SITEMAP_MAX_URLS = 8
    assert parse(get(client, "/sitemap.xml")).tag.endswith("urlset")  # all 8 URLs fit


def test_alternates_are_reciprocal_with_lastmod(client, settings, five_articles):
    settings.SITEMAP_MAX_URLS = 4
    urls: dict = {}
    for number in range(1, 6):
        urls.update(urls_of(parse(get(client, f"/sitemap-{number}.xml"))))
    for location, (lastmod, links) in urls.items():
        assert lastmod
        languages = dict(links)
        assert languages[location.split("/")[3]] == location  # it names itself
        for lang, href in links:
            if lang != "x-default":
                assert dict(urls[href][1]) == languages  # and every alternate names it back


def test_a_file_past_the_last_is_a_404(client, settings, five_articles):
    settings.SITEMAP_MAX_URLS = 4
    assert get(client, "/sitemap-5.xml").status_code == 200
    assert get(client, "/sitemap-6.xml").status_code == 404
    assert get(client, "/sitemap-0.xml").status_code == 404
    settings.SITEMAP_MAX_URLS = 1000
    assert get(client, "/sitemap-1.xml").status_code == 404  # no index: no files


def test_the_json_sitemap_paginates_by_page_and_by_cursor(client, five_articles):
    everything = get(client, "/api/v1/sitemap/?lang=de").json()
    assert everything["count"] == 5 and everything["next_cursor"] is None
    urls = [entry["url"] for entry in everything["results"]]
    paged, url = [], "/api/v1/sitemap/?lang=de&page_size=2"
    while url:
        body = get(client, url).json()
        paged += [entry["url"] for entry in body["results"]]
        url = body["next"]
    assert paged == urls
    cursored, url = [], "/api/v1/sitemap/?lang=de&page_size=2&cursor="
    while url:
        body = get(client, url).json()
        cursored += [entry["url"] for entry in body["results"]]
        url = body["next"]
    assert cursored == urls
    assert get(client, "/api/v1/sitemap/?lang=de&page_size=1001").status_code == 400
