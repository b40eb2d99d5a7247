"""GET /api/v1/articles/: language, pagination, filters, ordering, search."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from articles.models import ArticleLanguageVersion, ArticlePage
from tests.articles.api.conftest import article_content
from tests.shared_data import shared_data

pytestmark = pytest.mark.django_db


def set_dates(page, published: str, updated: str | None = None) -> None:
    """Publishing dates as if the article (every language of it) had changed then."""
    updated_at = datetime.fromisoformat(updated or published).replace(tzinfo=UTC)
    ArticlePage.objects.filter(pk=page.pk).update(
        first_published_at=datetime.fromisoformat(published).replace(tzinfo=UTC),
        last_published_at=updated_at,
    )
    ArticleLanguageVersion.objects.filter(page=page).update(updated_at=updated_at)


@shared_data
def three_articles(build):
    older = build.article(
        content=article_content(slug="kompost", title="Kompost anlegen"),
        translations={"en": article_content(slug="compost", title="Making compost")},
    )
    middle = build.article(
        content=article_content(
            slug="mulch",
            title="Beete mulchen",
            intro="<p>Mulch hält den Boden feucht und schützt ihn vor Frost.</p>",
        ),
        translations={},
    )
    newest = build.article(
        content=article_content(slug="aussaat", title="Aussaat im Frühling"),
        translations={"en": article_content(slug="sowing", title="Sowing in spring")},
    )
    set_dates(older, "2024-01-10T08:00:00", "2024-06-01T08:00:00")
    set_dates(middle, "2024-02-10T08:00:00")
    set_dates(newest, "2024-03-10T08:00:00")
    return older, middle, newest


def slugs(body) -> list[str]:
    return [item["slug"] for item in body["results"]]


def test_list_is_newest_first_with_item_fields(get_json, three_articles):
    older, _middle, _newest = three_articles
    response, body = get_json("/api/v1/articles/?lang=de")
    assert response.status_code == 200
    assert slugs(body) == ["aussaat", "mulch", "kompost"]
    assert body["lang"] == "de" and body["count"] == 3 and body["num_pages"] == 1
    item = body["results"][2]
    assert item == {
        "id": older.pk,
        "slug": "kompost",
        "title": "Kompost anlegen",
        "intro": "<p>Soil changes with every season.</p>",
        "url": "http://localhost:3000/de/blog/kompost/",
        "path": "/de/blog/kompost/",
        "published_at": "2024-01-10T08:00:00Z",
        "updated_at": "2024-06-01T08:00:00Z",
        "hero_image": None,
        "focus_keyword": "kompost term 0",
        "languages": ["de", "en"],
        "complete": True,
        "fallbacks": [],
    }


def test_list_holds_only_articles_translated_into_the_language(get_json, three_articles):
    _response, body = get_json("/api/v1/articles/?lang=en")
    assert slugs(body) == ["sowing", "compost"]
    assert body["results"][0]["title"] == "Sowing in spring"


@pytest.mark.parametrize(
    ("ordering", "expected"),
    [
        ("published", ["kompost", "mulch", "aussaat"]),
        ("-published", ["aussaat", "mulch", "kompost"]),
        ("title", ["aussaat", "mulch", "kompost"]),
        ("-title", ["kompost", "mulch", "aussaat"]),
    ],
)
def test_ordering(get_json, three_articles, ordering, expected):
    _response, body = get_json(f"/api/v1/articles/?lang=de&ordering={ordering}")
    assert slugs(body) == expected


def test_title_ordering_uses_the_requested_languages_titles(get_json, three_articles):
    _response, body = get_json("/api/v1/articles/?lang=en&ordering=title")
    assert slugs(body) == ["compost", "sowing"]


def test_pagination_with_links(get_json, three_articles):
    _response, first = get_json("/api/v1/articles/?lang=de&page_size=2&ordering=published")
    assert slugs(first) == ["kompost", "mulch"]
    assert (first["count"], first["page"], first["page_size"], first["num_pages"]) == (3, 1, 2, 2)
    assert first["previous"] is None
    assert first["next"] == "/api/v1/articles/?lang=de&ordering=published&page_size=2&page=2"
    _response, second = get_json(first["next"])
    assert slugs(second) == ["aussaat"]
    assert second["next"] is None
    assert second["previous"] == "/api/v1/articles/?lang=de&ordering=published&page_size=2"


def test_page_past_the_end_is_a_404_naming_the_last_page(client, three_articles):
    response = client.get("/api/v1/articles/?lang=de&page=3&page_size=2")
    assert response.status_code == 404
    assert response.json()["error"] == {
        "code": "page_out_of_range",
        "message": "Page 3 does not exist; the last page is 2.",
        "details": {"page": 3, "num_pages": 2},
    }


def test_empty_list_has_one_empty_page(get_json, article_index):
    _response, body = get_json("/api/v1/articles/?lang=fr")
    assert (body["count"], body["num_pages"], body["results"]) == (0, 1, [])


@pytest.mark.parametrize("term", ["kompost term 1", "KOMPOST TERM 1", "  kompost   term 1 "])
def test_keyword_filter_matches_the_term_in_any_case(get_json, three_articles, term):
    _response, body = get_json(f"/api/v1/articles/?lang=de&keyword={term}")
    assert slugs(body) == ["kompost"]


def test_keyword_filter_uses_the_requested_languages_term(get_json, three_articles):
    _response, english = get_json("/api/v1/articles/?lang=en&keyword=compost term 0")
    assert slugs(english) == ["compost"]
    _response, german_term = get_json("/api/v1/articles/?lang=en&keyword=kompost term 0")
    assert slugs(german_term) == []


@pytest.mark.parametrize(
    ("since", "expected"),
    [
        ("2024-02-10T08:00:00Z", ["aussaat", "mulch", "kompost"]),
        ("2024-02-10T08:00:01Z", ["aussaat", "kompost"]),
        ("2024-03-11", ["kompost"]),
        ("2024-03-10T10:00:00+02:00", ["aussaat", "kompost"]),
        ("2024-03-10T10:00:00 02:00", ["aussaat", "kompost"]),  # "+" sent unencoded
        ("2030-01-01T00:00:00Z", []),
    ],
)
def test_updated_since_filters_by_last_publication(get_json, three_articles, since, expected):
    _response, body = get_json(f"/api/v1/articles/?lang=de&updated_since={since}")
    assert slugs(body) == expected


def test_search_finds_articles_in_the_language(get_json, three_articles):
    _response, body = get_json("/api/v1/articles/?lang=de&search=Frost")
    assert slugs(body) == ["mulch"]
    _response, english = get_json("/api/v1/articles/?lang=en&search=Frost")
    assert slugs(english) == []


def test_search_with_ordering_and_filters(get_json, three_articles):
    _response, body = get_json("/api/v1/articles/?lang=de&search=season&ordering=title")
    assert slugs(body) == ["aussaat", "kompost"]
    _response, filtered = get_json(
        "/api/v1/articles/?lang=de&search=season&ordering=title&keyword=aussaat term 0"
    )
    assert slugs(filtered) == ["aussaat"]


def test_search_results_are_paginated(get_json, three_articles):
    _response, body = get_json("/api/v1/articles/?lang=de&search=season&page_size=1&page=2")
    assert body["count"] == 2 and len(body["results"]) == 1
    assert body["next"] is None and body["previous"].endswith("search=season")


def test_unknown_parameters_are_ignored(get_json, three_articles):
    response, body = get_json("/api/v1/articles/?lang=de&colour=blue&format=xml&limit=-1")
    assert response.status_code == 200 and body["count"] == 3


def test_intro_that_fell_back_is_reported_in_the_item(get_json, make_article, settings):
    settings.CMS_INCOMPLETE_LANGUAGES = "fallback"
    english = article_content(slug="no-intro", intro="")
    make_article(content=article_content(slug="ohne-intro"), translations={"en": english})
    _response, body = get_json("/api/v1/articles/?lang=en")
    assert body["results"][0]["fallbacks"] == [{"field": "intro", "lang": "de"}]
    assert body["results"][0]["intro"] == "<p>Soil changes with every season.</p>"
    assert body["results"][0]["complete"] is False
