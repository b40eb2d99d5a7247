"""Fixtures for the content API tests."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from django.conf import settings
from django.core.files.images import ImageFile
from django.db import connection
from django.utils import translation
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.images.formats import get_image_formats

from articles.content import ArticleContent, FAQContent, KeywordContent, SectionContent
from articles.images import rendition_specs
from articles.models import ArticlePage
from tests.conftest import forget_cached_state
from tests.shared_data import shared_data

# Per-language full-text search (articles/indexing/search_text.py) runs on PostgreSQL only.
needs_postgresql_search = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="per-language full-text search needs PostgreSQL (SQLite falls back to Wagtail search)",
)


@pytest.fixture
def get_json(client) -> Callable[..., tuple[Any, Any]]:
    """``get_json(url, **headers) -> (response, parsed body)``."""

    def get(url: str, **headers: str):
        response = client.get(url, **headers)
        assert response["Content-Type"].startswith("application/json"), response.content[:200]
        return response, response.json()

    return get


@pytest.fixture
def hero_image(db):
    """A Wagtail image with the API's renditions already generated (as after a first request)."""
    return make_hero_image()


def make_hero_image():
    """``hero_image``'s work."""
    buffer = io.BytesIO()
    PILImage.new("RGB", (1600, 900), (30, 120, 200)).save(buffer, format="PNG")
    image = get_image_model().objects.create(
        title="Blue test image", file=ImageFile(buffer, name="hero-test.png")
    )
    image.get_renditions(*rendition_specs(settings.API_HERO_IMAGE_FILTER))
    for image_format in get_image_formats():
        image.get_rendition(image_format.filter_spec)
    return image


def republish(page: ArticlePage, **changes: Any) -> ArticlePage:
    """Set plain attributes on the latest revision and publish it (as an editor would)."""
    latest = page.get_latest_revision_as_object()
    for name, value in changes.items():
        setattr(latest, name, value)
    with translation.override(settings.LANGUAGE_CODE):
        latest.save_revision().publish()
    page.refresh_from_db()
    return page


def article_content(
    *,
    slug: str,
    title: str = "Garden soil through the seasons",
    intro: str = "<p>Soil changes with every season.</p>",
    sections: int = 2,
    faqs: int = 2,
    keywords: int = 2,
    body: Callable[[int], str] = lambda n: f"<p>Section text number {n}.</p>",
    answer: Callable[[int], str] = lambda n: f"<p>Answer number {n}.</p>",
    **extra: Any,
) -> ArticleContent:
    """Content written for these tests (never the seed's sentences)."""
    return ArticleContent(
        title=title,
        slug=slug,
        intro_html=intro,
        sections=tuple(
            SectionContent(heading=f"Heading {n}", body_html=body(n)) for n in range(sections)
        ),
        conclusion_html="<p>Look after the soil and it looks after the plants.</p>",
        faqs=tuple(
            FAQContent(question=f"Question {n}?", answer_html=answer(n)) for n in range(faqs)
        ),
        keywords=tuple(
            KeywordContent(term=f"{slug} term {n}", focus=n == 0) for n in range(keywords)
        ),
        author_name="Test Author",
        **extra,
    )


@shared_data
def public_site(build):
    """What a public site holds, the hostile cases included: the seed article (where
    ../shared/seeds exists), an article with Latin-1 and non-Latin-1 slugs, and a private, an
    expired and a draft article. Returns their slugs."""
    from datetime import timedelta

    from django.utils import timezone
    from wagtail.models import PageViewRestriction

    from articles.importing import ImportOptions, import_article
    from tests import seed

    slugs = {}
    seed_text = seed.seed_text_if_present()
    if seed_text is not None:
        report = import_article(
            seed_text,
            source="000_seed.txt",
            options=ImportOptions(parent=build.index, publish=True),
        )
        assert report.page_id is not None, f"seed import failed: {report.reason}"
        slugs["seed"] = report.slug
    build.article(
        content=article_content(slug="über-straße", title="Über die Straße"),
        translations={"en": article_content(slug="中文-street", title="A street in 中文")},
    )
    slugs.update(latin1="über-straße", non_latin1="中文-street")
    private = build.article(content=article_content(slug="privat", title="Nur intern"))
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="pw")
    expired = build.article(content=article_content(slug="abgelaufen", title="Abgelaufen"))
    # Published with an expiry that has passed since; publish_scheduled has not run yet.
    ArticlePage.objects.filter(pk=expired.pk).update(
        expire_at=timezone.now() - timedelta(minutes=5)
    )
    build.article(content=article_content(slug="entwurf", title="Entwurf"), publish=False)
    slugs.update(private="privat", expired="abgelaufen", draft="entwurf")
    return slugs


@pytest.fixture
def seed_text_if_present() -> str | None:
    from tests import seed

    return seed.seed_text_if_present()


# Lists whose pages are compared with another path's (test_deep_pages, test_prepared_list).
TITLES = ["Gurken", "Amsel", "Zwiebeln", "Beete", "Mulch", "Kompost", "Erbsen", "Lauch"]


@shared_data
def eight_articles(build):
    """Eight German articles: two pairs sharing a publication time (ties break by id), one
    without a publication date, titles sorting differently from dates."""
    start = datetime(2024, 1, 1, 8, tzinfo=UTC)
    pages = []
    for number, title in enumerate(TITLES):
        page = build.article(
            content=article_content(slug=f"artikel-{number}", title=title, keywords=2)
        )
        published = start + timedelta(days=min(number, 5) - (number == 2))  # 1 and 2 tie too
        ArticlePage.objects.filter(pk=page.pk).update(
            first_published_at=None if number == 7 else published, last_published_at=published
        )
        pages.append(page)
    return pages


def fresh_get(client, url: str) -> bytes | None:
    """The response body computed now (no response, count or boundary from any cache); None
    for a page past the end."""
    forget_cached_state()
    response = client.get(url)
    if response.status_code == 404:
        return None
    assert response.status_code == 200, response.content[:300]
    return response.content


def all_pages(client, url: str) -> list[bytes]:
    pages = []
    while (body := fresh_get(client, f"{url}&page={len(pages) + 1}")) is not None:
        pages.append(body)
    return pages


def cursor_crawl(client, url: str) -> list[bytes]:
    """Every page of ``url`` by cursor, from ``cursor=`` (empty) on, each computed now."""
    bodies, cursor = [], ""
    while cursor is not None:
        body = fresh_get(client, f"{url}&cursor={cursor}")
        bodies.append(body)
        cursor = json.loads(body)["next_cursor"]
    return bodies
