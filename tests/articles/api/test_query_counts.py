"""Query budgets: the detail endpoint costs the same whatever an article holds, the list endpoint
the same whatever the page size. Measured on the uncached path (the cache is off here), without
the once-a-second content-version recheck."""

from __future__ import annotations

import pytest
from django.db import connection
from django.utils import translation

from articles.indexing.search_text import backfill_search_texts
from articles.models import ArticleKeyword, ArticlePage
from seo.services import keyword_get_or_create
from tests.articles.api.conftest import article_content, republish
from tests.shared_data import shared_data

pytestmark = pytest.mark.django_db

# page, sections, FAQs, keywords, hero image, its rendition, link targets, images, their renditions
DETAIL_BUDGET = 9
# the content version (reread at most once a second) + the total (counted once per content
# version) + the page of rows (focus keywords included) + link targets in intros
LIST_BUDGET = 4
# search ids (PostgreSQL: the content version, reread at most once a second, the best matches
# of the page, and - once per content version - the total of the matches and the visible
# candidates' ids) + the page of rows + link targets in intros
SEARCH_BUDGET = 6 if connection.vendor == "postgresql" else 3
# The same search again in the same content version: no total, no candidates' ids (the content
# version only if its second is over).
SEARCH_AGAIN_BUDGET = 4 if connection.vendor == "postgresql" else 3


@pytest.fixture(autouse=True)
def _uncached(settings, monkeypatch):
    settings.API_RESPONSE_CACHE_TIMEOUT = 0
    # Not part of any endpoint's budget: the content-version recheck, one query per process
    # per second whatever the traffic (tests/articles/api/test_caching.py counts it).
    from articles.cache import CacheState

    monkeypatch.setattr(
        "articles.api.caching.current_state", lambda: CacheState(1, 0, next_change=None)
    )


def make_link_target(make_article):
    return make_article(
        content=article_content(slug="ziel"), translations={"en": article_content(slug="target")}
    )


@pytest.fixture
def link_target(make_article):
    return make_link_target(make_article)


def rich_article(make_article, *, slug, size, link_target, image):
    link = f'<a linktype="page" id="{link_target.pk}">linked</a>'
    picture = f'<embed embedtype="image" id="{image.pk}" format="fullwidth" alt="x"/>'
    page = make_article(
        content=article_content(
            slug=slug,
            intro=f"<p>Intro with a {link}.</p>",
            sections=size,
            faqs=size,
            keywords=size,
            body=lambda n: f"<p>Body {n} with a {link}.</p>{picture}",
            answer=lambda n: f"<p>Answer {n}, see {link}.</p>",
        ),
        translations={},
    )
    return republish(page, hero_image=image)


@pytest.mark.parametrize("size", [1, 20])
def test_detail_query_count_does_not_grow_with_sections_faqs_and_keywords(
    client, make_article, link_target, hero_image, django_assert_max_num_queries, size
):
    rich_article(make_article, slug="reich", size=size, link_target=link_target, image=hero_image)
    with django_assert_max_num_queries(DETAIL_BUDGET) as captured:
        response = client.get("/api/v1/articles/reich/?lang=de")
    body = response.json()
    assert len(body["sections"]) == len(body["faqs"]) == len(body["keywords"]) == size
    assert body["hero_image"] is not None
    assert 'href="http://localhost:3000/de/blog/ziel/"' in body["sections"][-1]["body"]
    assert "<img" in body["sections"][-1]["body"]
    assert len(captured) == DETAIL_BUDGET


@pytest.mark.parametrize("size", [1, 20])
def test_plain_detail_needs_four_queries(client, make_article, django_assert_max_num_queries, size):
    make_article(
        content=article_content(slug="schlicht", sections=size, faqs=size, keywords=size),
        translations={},
    )
    with django_assert_max_num_queries(4) as captured:
        assert client.get("/api/v1/articles/schlicht/?lang=de").status_code == 200
    assert len(captured) == 4  # page, sections, FAQs, keywords


@shared_data
def hundred_articles(build):
    """100 live German articles (99 mentioning "Intro", and the link target). One goes through
    the services; the other 98 copy its rows
    directly (through the services, revisions make this the slowest part of the suite)."""
    link_target = make_link_target(build.article)
    link = f'<a linktype="page" id="{link_target.pk}">linked</a>'
    template = build.article(
        content=article_content(slug="artikel-0", intro=f"<p>Intro with a {link}.</p>"),
        translations={},
    )
    focus = template.keywords.get(focus=True).keyword
    with translation.override("de"):
        for number in range(1, 99):
            page = ArticlePage(
                title_de=f"Artikel {number}",
                slug_de=f"artikel-{number}",
                intro_de=f"<p>Intro {number} with a {link}.</p>",
                live=True,
                first_published_at=template.first_published_at,
                last_published_at=template.last_published_at,
            )
            own = keyword_get_or_create(term=f"Begriff {number}", lang="de")
            page.keywords = [
                ArticleKeyword(keyword=focus, focus=True),
                ArticleKeyword(keyword=own, focus=False),
            ]
            build.index.add_child(instance=page)
    # Made live without publishing (no page_published): build their search documents as
    # migrate does for such pages.
    backfill_search_texts()


@pytest.mark.parametrize("page_size", [1, 100])
def test_list_query_count_does_not_grow_with_the_page_size(
    client, hundred_articles, django_assert_max_num_queries, page_size
):
    with django_assert_max_num_queries(LIST_BUDGET) as captured:
        body = client.get(f"/api/v1/articles/?lang=de&page_size={page_size}").json()
    assert body["count"] == 100
    assert len(body["results"]) == page_size
    assert all(item["focus_keyword"] for item in body["results"])
    assert len(captured) == LIST_BUDGET


@pytest.mark.parametrize("page_size", [1, 100])
def test_search_query_count_does_not_grow_with_the_page_size(
    client, hundred_articles, django_assert_max_num_queries, page_size
):
    with django_assert_max_num_queries(SEARCH_BUDGET) as captured:
        body = client.get(f"/api/v1/articles/?lang=de&search=Intro&page_size={page_size}").json()
    assert body["count"] == 99
    assert len(body["results"]) == min(page_size, 99)
    assert len(captured) == SEARCH_BUDGET
    with django_assert_max_num_queries(SEARCH_AGAIN_BUDGET) as captured_again:
        again = client.get(f"/api/v1/articles/?lang=de&search=Intro&page_size={page_size}&page=1")
    assert again.json()["count"] == 99
    assert len(captured_again) >= 2  # the matches and the rows: computed, not a cached response


@pytest.mark.parametrize("page_size", [1, 100])
def test_keyword_list_query_count_does_not_grow_with_the_page_size(
    client, hundred_articles, django_assert_max_num_queries, page_size
):
    with django_assert_max_num_queries(3) as captured:  # version, total, page
        body = client.get(f"/api/v1/keywords/?lang=de&page_size={page_size}").json()
    assert len(body["results"]) == page_size
    assert len(captured) == 3


def test_sitemaps_need_two_queries(client, hundred_articles, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):  # version, total, page
        assert len(client.get("/api/v1/sitemap/?lang=de").json()["results"]) == 100
    with django_assert_max_num_queries(2):  # the URL count (index or not?), the rows
        # 100 German URLs and the link target's English one.
        assert client.get("/sitemap.xml").content.count(b"<url>") == 101


def test_the_list_total_is_counted_once_per_content_version(
    client, hundred_articles, django_assert_max_num_queries
):
    client.get("/api/v1/articles/?lang=de&page_size=5")
    client.get("/api/v1/articles/?lang=de&page_size=5&page=2")  # where pages start: once too
    with django_assert_max_num_queries(LIST_BUDGET - 1) as captured:  # no count this time
        body = client.get("/api/v1/articles/?lang=de&page_size=5&page=7").json()
    assert body["count"] == 100 and len(body["results"]) == 5
    assert not any("COUNT(" in query["sql"] for query in captured.captured_queries)
    assert not any("OFFSET" in query["sql"] for query in captured.captured_queries)
