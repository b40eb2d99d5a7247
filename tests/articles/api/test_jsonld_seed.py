"""JSON-LD of the imported seed article, checked against Google Search's structured-data
documentation (developers.google.com/search/docs/appearance/structured-data):

- Article/BlogPosting: no required properties; recommended: author (with name; url where
  known), datePublished and dateModified (ISO 8601 with time zone), headline, image (crawlable
  URLs, at least 50,000 pixels).
- FAQPage: required mainEntity (Questions); Question requires name and acceptedAnswer; Answer
  requires text, in which only h1-h6, br, ol, ul, li, a, p, div, b, strong, i and em are shown.
- BreadcrumbList: required itemListElement (at least two ListItems); ListItem requires position
  and name, and item except on the last entry.
"""

from __future__ import annotations

import re
from datetime import datetime

import pytest

from articles.importing import ImportOptions, import_article
from articles.models import ArticlePage
from articles.textformat import parse_article
from seo.engine import validate_faq_jsonld
from tests import seed
from tests.articles.api.conftest import make_hero_image, republish
from tests.shared_data import shared_data

pytestmark = pytest.mark.django_db

GOOGLE_ANSWER_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "br", "ol", "ul", "li", "a", "p", "div"}
GOOGLE_ANSWER_TAGS |= {"b", "strong", "i", "em"}


@shared_data
def seed_page(build):
    """The seed article imported, published with a hero image (skipped without the seed)."""
    report = import_article(
        seed.seed_text(),
        source="000_seed.txt",
        options=ImportOptions(parent=build.index, publish=True),
    )
    assert report.page_id is not None, f"seed import failed: {report.reason}"
    page = ArticlePage.objects.get(pk=report.page_id)
    republish(page, hero_image=make_hero_image(), hero_image_alt_de="Ein blaues Testbild")
    return {"slug": report.slug, "language": report.language}


@pytest.fixture
def seed_detail(client, seed_page):
    response = client.get(f"/api/v1/articles/{seed_page['slug']}/?lang={seed_page['language']}")
    assert response.status_code == 200
    body = response.json()
    return body, {item["@type"]: item for item in body["seo"]["json_ld"]}


@pytest.fixture
def parsed_seed(seed_text):
    return parse_article(seed_text, source="seed").article


def is_iso_datetime_with_zone(value: str) -> bool:
    return datetime.fromisoformat(value).tzinfo is not None


def test_json_ld_holds_blog_posting_faq_page_and_breadcrumbs(seed_detail):
    _body, json_ld = seed_detail
    assert set(json_ld) == {"BlogPosting", "FAQPage", "BreadcrumbList"}
    assert all(item["@context"] == "https://schema.org" for item in json_ld.values())


def test_blog_posting_has_googles_recommended_properties(seed_detail, parsed_seed):
    body, json_ld = seed_detail
    posting = json_ld["BlogPosting"]
    assert posting["headline"] == parsed_seed.title
    assert len(posting["headline"]) <= 110  # Google's former headline limit, still a good cap
    assert is_iso_datetime_with_zone(posting["datePublished"])
    assert is_iso_datetime_with_zone(posting["dateModified"])
    assert posting["dateModified"] >= posting["datePublished"]
    assert posting["author"]["@type"] in {"Person", "Organization"}
    assert posting["author"]["name"]
    assert posting["image"] == [body["hero_image"]["url"]]
    assert posting["image"][0].startswith(("http://", "https://"))
    assert body["hero_image"]["width"] * body["hero_image"]["height"] >= 50_000
    # schema.org properties the issue asks for
    assert posting["inLanguage"] == "de"
    assert posting["description"]
    assert posting["mainEntityOfPage"] == {"@type": "WebPage", "@id": body["url"]}
    assert posting["keywords"].split(", ") == parsed_seed.keywords


def test_faq_page_has_every_question_with_its_answer(seed_detail, parsed_seed):
    body, json_ld = seed_detail
    faq_page = json_ld["FAQPage"]
    questions = faq_page["mainEntity"]
    assert len(questions) == len(parsed_seed.faqs) == 5
    for question, parsed, shown in zip(questions, parsed_seed.faqs, body["faqs"], strict=True):
        assert question["@type"] == "Question"
        assert question["name"] == parsed.question == shown["question"]
        answer = question["acceptedAnswer"]
        assert answer["@type"] == "Answer"
        text = re.sub(r"<[^>]+>", "", answer["text"])
        # The answer is the one visible on the page.
        assert text == re.sub(r"<[^>]+>", "", shown["answer"])
        assert text.strip() and text.split()[:3] == parsed.answer.split()[:3]
        assert set(re.findall(r"</?([a-z0-9]+)", answer["text"])) <= GOOGLE_ANSWER_TAGS


def test_faq_page_passes_the_seo_engines_validation(seed_detail):
    _body, json_ld = seed_detail
    assert validate_faq_jsonld(json_ld["FAQPage"]) == []


def test_breadcrumbs_lead_from_home_to_the_article(seed_detail):
    body, json_ld = seed_detail
    items = json_ld["BreadcrumbList"]["itemListElement"]
    assert len(items) >= 2
    assert [item["position"] for item in items] == list(range(1, len(items) + 1))
    assert all(item["@type"] == "ListItem" and item["name"] for item in items)
    assert all(item["item"].startswith("http") for item in items)
    assert items[-1] == {
        "@type": "ListItem",
        "position": len(items),
        "name": body["title"],
        "item": body["url"],
    }


def test_seed_article_detail_matches_the_parsed_text(seed_detail, parsed_seed):
    body, _json_ld = seed_detail
    assert body["title"] == parsed_seed.title
    assert [section["heading"] for section in body["sections"]] == [
        section.heading for section in parsed_seed.sections
    ]
    assert len(body["sections"]) == 6
    assert [keyword["term"] for keyword in body["keywords"]] == parsed_seed.keywords
    assert [keyword["focus"] for keyword in body["keywords"]] == [True] + [False] * 8
    assert body["fallbacks"] == []
