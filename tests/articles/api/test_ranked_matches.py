"""``RankedMatches`` (a page of search results ranked in the database, the total counted once
per content version) gives what the plain ``ranked_article_ids`` gives: every slice, the length,
and the API's relevance pages and cursors byte for byte. PostgreSQL only, like the search."""

from __future__ import annotations

import pytest
from wagtail.models import PageViewRestriction

from articles.api import views
from articles.indexing import search_text
from articles.indexing.search_text import RankedMatches, ranked_article_ids
from articles.selectors import article_list
from tests.articles.api.conftest import (
    all_pages,
    article_content,
    cursor_crawl,
    needs_postgresql_search,
)

pytestmark = [
    pytest.mark.django_db,
    needs_postgresql_search,
]


@pytest.fixture
def kompost_articles(make_article):
    """Nine articles matching "Kompost" with different ranks (in the title or the intro),
    two of which the public may not see (private), so ranked matches must be skipped."""
    pages = []
    for number in range(9):
        title = f"Kompost {number}" if number % 3 == 0 else f"Beet {number}"
        intro = ["<p>Erde.</p>", "<p>Kompost hilft.</p>", "<p>Kompost, Kompost, Erde.</p>"][
            number % 3
        ]
        pages.append(
            make_article(
                content=article_content(slug=f"kompost-{number}", title=title, intro=intro)
            )
        )
    for page in (pages[0], pages[4]):
        PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password="x"
        )
    return pages


def test_every_slice_and_the_length_are_the_plain_lists(kompost_articles, monkeypatch):
    monkeypatch.setattr(RankedMatches, "MARGIN", 0)  # the private matches need another round
    candidates = article_list("de")
    plain = ranked_article_ids(candidates, "Kompost", lang="de")
    matches = RankedMatches(candidates, "Kompost", lang="de")
    assert len(plain) == 7
    assert len(matches) == len(plain)
    for start in range(len(plain) + 2):
        for stop in range(start, len(plain) + 3):
            assert matches[start:stop] == plain[start:stop], (start, stop)
    assert [matches[i] for i in range(len(plain))] == plain
    assert list(matches) == plain
    assert matches[-1] == plain[-1]
    with pytest.raises(IndexError):
        matches[len(plain)]


def test_no_match_and_no_words_are_empty(kompost_articles):
    for words in ("Gurkensalat", ""):
        matches = RankedMatches(article_list("de"), words, lang="de")
        assert len(matches) == 0
        assert matches[0:20] == []


def test_relevance_pages_and_cursors_are_the_plain_lists_byte_for_byte(
    client, kompost_articles, monkeypatch
):
    url = "/api/v1/articles/?lang=de&search=Kompost&page_size=2"
    pages, crawl = all_pages(client, url), cursor_crawl(client, url)
    monkeypatch.setattr(
        views,
        "search_article_ids",
        lambda candidates, words, lang: search_text.ranked_article_ids(
            candidates, words, lang=lang
        ),
    )
    assert len(pages) == len(crawl) == 4
    assert pages == all_pages(client, url)
    assert crawl == cursor_crawl(client, url)
