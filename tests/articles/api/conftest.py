"""Fixtures for the content API tests."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import pytest
from django.conf import settings
from django.core.files.images import ImageFile
from django.utils import translation
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.images.formats import get_image_formats

from articles.content import ArticleContent, FAQContent, KeywordContent, SectionContent
from articles.models import ArticlePage


@pytest.fixture(autouse=True)
def _fresh_api_cache_state():
    """The suite clears the shared cache before each test; the API also keeps the content
    version and recent responses in process memory (articles/cache.py, articles/api/caching.py)."""
    from articles.api.caching import recent_entries
    from articles.cache import remembered_state

    remembered_state.forget()
    recent_entries.clear()
    yield


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
    buffer = io.BytesIO()
    PILImage.new("RGB", (1600, 900), (30, 120, 200)).save(buffer, format="PNG")
    image = get_image_model().objects.create(
        title="Blue test image", file=ImageFile(buffer, name="hero-test.png")
    )
    image.get_rendition(settings.API_HERO_IMAGE_FILTER)
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
