"""Responsive hero images: a fixed set of renditions (widths x formats) with srcset, sizes and
<source> types, the focal point, a media base URL for CDNs, and hero images on list items
without a query per item."""

from __future__ import annotations

import io

import pytest
from django.conf import settings
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import features
from wagtail.images import get_image_model

from articles.images import rendition_specs, width_specs
from tests.articles.api.conftest import article_content, republish

pytestmark = pytest.mark.django_db


def test_the_set_is_the_base_crop_at_fixed_widths_in_modern_formats():
    assert width_specs("fill-1200x630") == [
        (480, "fill-480x252"),
        (800, "fill-800x420"),
        (1200, "fill-1200x630"),
    ]
    specs = rendition_specs("fill-1200x630")
    if features.check("webp"):
        assert "fill-800x420|format-webp" in specs
    if features.check("avif"):
        assert "fill-800x420|format-avif" in specs
    assert width_specs("max-800x800") == []  # not a crop: the base rendition only


@pytest.fixture
def illustrated(make_article, hero_image):
    hero_image.focal_point_x, hero_image.focal_point_y = 400, 300
    hero_image.focal_point_width, hero_image.focal_point_height = 100, 100
    hero_image.save()
    page = make_article(content=article_content(slug="bild", hero_image_alt="Blauer Himmel"))
    return republish(page, hero_image=hero_image)


def test_detail_hero_image_is_responsive(client, illustrated, django_assert_max_num_queries):
    with django_assert_max_num_queries(9):
        image = client.get("/api/v1/articles/bild/?lang=de").json()["hero_image"]
    assert (image["width"], image["height"], image["alt"]) == (1200, 630, "Blauer Himmel")
    widths = [candidate.split()[-1] for candidate in image["srcset"].split(", ")]
    assert widths == ["480w", "800w", "1200w"]
    assert image["sizes"] == settings.API_IMAGE_SIZES
    expected_types = [
        mime
        for name, mime in (("avif", "image/avif"), ("webp", "image/webp"))
        if features.check(name)
    ]
    assert [source["type"] for source in image["sources"]] == expected_types
    for source in image["sources"]:
        extension = source["type"].split("/")[1]
        assert all(url.split()[0].endswith(f".{extension}") for url in source["srcset"].split(", "))
    # Wagtail stores the focal point's centre: (400, 300) on a 1600x900 original.
    assert image["focal_point"] == {"x": 0.25, "y": 0.3333}


def test_media_base_url_puts_every_image_on_the_cdn(client, settings, illustrated):
    settings.MEDIA_BASE_URL = "https://cdn.example"
    body = client.get("/api/v1/articles/bild/?lang=de").json()
    image = body["hero_image"]
    urls = [image["url"], *(c.split()[0] for c in image["srcset"].split(", "))]
    urls += [c.split()[0] for source in image["sources"] for c in source["srcset"].split(", ")]
    assert all(url.startswith("https://cdn.example/") for url in urls), urls
    assert body["seo"]["open_graph"]["image"]["url"].startswith("https://cdn.example/")


def make_image(index: int):
    buffer = io.BytesIO()
    PILImage.new("RGB", (1300, 700), (index * 40 % 255, 90, 160)).save(buffer, format="PNG")
    image = get_image_model().objects.create(
        title=f"Card {index}", file=ImageFile(buffer, name=f"card-{index}.png")
    )
    image.get_renditions(*rendition_specs(settings.API_HERO_IMAGE_FILTER))
    return image


def test_list_items_carry_hero_images_without_a_query_per_item(
    client, make_article, django_assert_max_num_queries
):
    for index in range(4):
        page = make_article(content=article_content(slug=f"karte-{index}", hero_image_alt="Bild"))
        republish(page, hero_image=make_image(index))
    make_article(content=article_content(slug="ohne-bild"))
    # Content version, count, the page of rows, images, renditions, rich-text targets:
    # the same for 4 images as for 1.
    with django_assert_max_num_queries(7):
        body = client.get("/api/v1/articles/?lang=de&page_size=10").json()
    by_slug = {item["slug"]: item for item in body["results"]}
    assert by_slug["ohne-bild"]["hero_image"] is None
    for index in range(4):
        image = by_slug[f"karte-{index}"]["hero_image"]
        assert image["alt"] == "Bild"
        assert image["srcset"].count("w") >= 3
