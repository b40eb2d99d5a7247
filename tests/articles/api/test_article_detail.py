"""GET /api/v1/articles/{slug}/: content, fallbacks, alternates, SEO metadata, errors."""

from __future__ import annotations

import dataclasses

import pytest

from articles.content import FAQContent, SectionContent
from tests.articles.api.conftest import article_content, republish
from tests.shared_data import shared_data

pytestmark = pytest.mark.django_db

FRONTEND = "http://localhost:3000"


@shared_data
def bilingual(build):
    return build.article(
        content=article_content(slug="bodenpflege", title="Bodenpflege im Jahreslauf"),
        translations={"en": article_content(slug="soil-care", title="Soil care through the year")},
    )


def test_detail_carries_the_article_in_the_requested_language(get_json, bilingual):
    response, body = get_json("/api/v1/articles/soil-care/?lang=en")
    assert response.status_code == 200
    assert body["id"] == bilingual.pk
    assert (body["lang"], body["slug"], body["title"]) == (
        "en",
        "soil-care",
        "Soil care through the year",
    )
    assert body["url"] == f"{FRONTEND}/en/blog/soil-care/"
    assert body["intro"] == "<p>Soil changes with every season.</p>"
    assert [section["heading"] for section in body["sections"]] == ["Heading 0", "Heading 1"]
    assert body["sections"][0] == {
        "heading": "Heading 0",
        "anchor": "heading-0",
        "body": "<p>Section text number 0.</p>",
    }
    assert body["faqs"][1] == {"question": "Question 1?", "answer": "<p>Answer number 1.</p>"}
    assert body["keywords"] == [
        {"term": "soil-care term 0", "focus": True},
        {"term": "soil-care term 1", "focus": False},
    ]
    assert body["hero_image"] is None
    assert body["reading_time"] == 1
    assert body["published_at"] and body["updated_at"]
    assert body["languages"] == ["de", "en"]
    assert body["fallbacks"] == []
    assert response["Content-Language"] == "en"


def test_alternates_list_real_translations_and_x_default(get_json, bilingual):
    _response, body = get_json("/api/v1/articles/soil-care/?lang=en")
    assert body["seo"]["alternates"] == [
        {
            "lang": "de",
            "url": f"{FRONTEND}/de/blog/bodenpflege/",
            "path": "/de/blog/bodenpflege/",
        },
        {
            "lang": "en",
            "url": f"{FRONTEND}/en/blog/soil-care/",
            "path": "/en/blog/soil-care/",
        },
        {
            "lang": "x-default",
            "url": f"{FRONTEND}/de/blog/bodenpflege/",
            "path": "/de/blog/bodenpflege/",
        },
    ]
    assert body["seo"]["canonical_url"] == f"{FRONTEND}/en/blog/soil-care/"


def test_x_default_of_an_article_without_the_default_language_is_its_own_language(
    get_json, make_article
):
    make_article("en", content=article_content(slug="english-only"))
    _response, body = get_json("/api/v1/articles/english-only/?lang=en")
    assert body["seo"]["alternates"] == [
        {
            "lang": "en",
            "url": f"{FRONTEND}/en/blog/english-only/",
            "path": "/en/blog/english-only/",
        },
        {
            "lang": "x-default",
            "url": f"{FRONTEND}/en/blog/english-only/",
            "path": "/en/blog/english-only/",
        },
    ]


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_missing_translation_is_a_404_listing_the_languages_it_exists_in(client, bilingual, lang):
    for slug in ("bodenpflege", "soil-care"):
        response = client.get(f"/api/v1/articles/{slug}/?lang={lang}")
        assert response.status_code == 404
        error = response.json()["error"]
        assert error["code"] == "article_not_found"
        assert error["details"] == {
            "slug": slug,
            "lang": lang,
            "available_languages": ["de", "en"],
            "translations": [
                {
                    "lang": "de",
                    "slug": "bodenpflege",
                    "url": f"{FRONTEND}/de/blog/bodenpflege/",
                    "path": "/de/blog/bodenpflege/",
                },
                {
                    "lang": "en",
                    "slug": "soil-care",
                    "url": f"{FRONTEND}/en/blog/soil-care/",
                    "path": "/en/blog/soil-care/",
                },
            ],
        }
        assert "de, en" in error["message"]


def test_slug_of_another_language_is_not_found_in_this_language(client, bilingual):
    # Slugs are per language: the German slug does not open the English article.
    response = client.get("/api/v1/articles/bodenpflege/?lang=en")
    assert response.status_code == 404
    assert response.json()["error"]["details"]["available_languages"] == ["de", "en"]


def test_a_wrong_language_slug_tells_the_frontend_where_to_redirect(
    client, bilingual, django_assert_max_num_queries
):
    # A catch-all route at /en/blog/bodenpflege/ needs one call to find /en/blog/soil-care/.
    # Content version, the article, the former-slug lookup, the wrong-language lookup, then
    # Wagtail's redirect middleware (site and redirect lookups of any 404).
    with django_assert_max_num_queries(7):
        response = client.get("/api/v1/articles/bodenpflege/?lang=en")
    assert response.status_code == 404
    details = response.json()["error"]["details"]
    translations = {item["lang"]: item for item in details["translations"]}
    assert translations["en"]["slug"] == "soil-care"
    assert translations["en"]["path"] == "/en/blog/soil-care/"
    assert translations["en"]["url"] == f"{FRONTEND}/en/blog/soil-care/"
    # The same through the production entry point (the 404 is never cached, so Django answers).
    from tests.wsgi_client import call, production_app

    answer = call(production_app(), "/api/v1/articles/bodenpflege/?lang=en")
    assert answer.status == 404
    assert b'"path":"/en/blog/soil-care/"' in answer.body.replace(b" ", b"")


@shared_data
def partly_translated(build):
    german = article_content(slug="teilweise", sections=3, faqs=2)
    english = article_content(slug="partly", sections=2, faqs=2)
    english = dataclasses.replace(
        english,
        faqs=(FAQContent(question="Question 0?", answer_html=""), english.faqs[1]),
        conclusion_html="",
    )
    return build.article(content=german, translations={"en": english})


def test_untranslated_fields_fall_back_and_are_reported(get_json, partly_translated, settings):
    settings.CMS_INCOMPLETE_LANGUAGES = "fallback"
    _response, body = get_json("/api/v1/articles/partly/?lang=en")
    assert body["complete"] is False
    assert body["seo"]["robots"] == "noindex, follow"
    assert body["faqs"][0] == {"question": "Question 0?", "answer": "<p>Answer number 0.</p>"}
    assert body["sections"][2]["heading"] == "Heading 2"
    assert body["fallbacks"] == [
        {"field": "conclusion", "lang": "de"},
        {"field": "sections[2].heading", "lang": "de"},
        {"field": "sections[2].body", "lang": "de"},
        {"field": "faqs[0].answer", "lang": "de"},
    ]


def test_hidden_incomplete_version_is_a_404_without_its_contents(get_json, partly_translated):
    response, body = get_json("/api/v1/articles/partly/?lang=en")
    assert response.status_code == 404
    assert body["error"]["code"] == "article_incomplete"
    assert body["error"]["details"] == {
        "slug": "partly",
        "lang": "en",
        "available_languages": ["de"],
        # Where a catch-all route can send the visitor instead.
        "translations": [
            {
                "lang": "de",
                "slug": "teilweise",
                "url": f"{FRONTEND}/de/blog/teilweise/",
                "path": "/de/blog/teilweise/",
            }
        ],
    }
    assert "incomplete" in body["error"]["message"]
    assert "Heading" not in response.content.decode()


def test_seo_metadata_uses_seo_fields_else_title_and_intro(get_json, make_article):
    make_article(
        content=article_content(
            slug="with-seo", seo_title="Soil care | Guide", search_description="All about soil."
        )
    )
    make_article(content=article_content(slug="without-seo", intro="<p>" + "word " * 60 + "</p>"))
    _response, with_seo = get_json("/api/v1/articles/with-seo/?lang=de")
    assert with_seo["seo"]["title"] == "Soil care | Guide"
    assert with_seo["seo"]["description"] == "All about soil."
    _response, without = get_json("/api/v1/articles/without-seo/?lang=de")
    assert without["seo"]["title"] == "Garden soil through the seasons"
    assert without["seo"]["description"].endswith("…")
    assert len(without["seo"]["description"]) <= 160
    assert without["seo"]["robots"].startswith("index, follow")


def test_open_graph_describes_the_article(get_json, bilingual):
    _response, body = get_json("/api/v1/articles/bodenpflege/?lang=de")
    open_graph = body["seo"]["open_graph"]
    assert open_graph["type"] == "article"
    assert open_graph["url"] == f"{FRONTEND}/de/blog/bodenpflege/"
    assert open_graph["locale"] == "de_DE"
    assert open_graph["locale_alternates"] == ["en_US"]
    assert open_graph["tags"] == ["bodenpflege term 0", "bodenpflege term 1"]
    assert open_graph["image"] is None


def test_hero_image_is_a_rendition_with_alt_text(get_json, make_article, hero_image):
    page = make_article(content=article_content(slug="with-image", hero_image_alt="Blue sky"))
    republish(page, hero_image=hero_image)
    _response, body = get_json("/api/v1/articles/with-image/?lang=de")
    image = body["hero_image"]
    assert (image["width"], image["height"], image["alt"]) == (1200, 630, "Blue sky")
    assert image["url"].startswith("http") and "/images/" in image["url"]
    assert body["seo"]["open_graph"]["image"] == image
    assert body["seo"]["json_ld"][0]["image"] == [image["url"]]


def test_section_anchors_are_unique_ascii_ids(get_json, make_article):
    content = article_content(slug="anchors")
    content = dataclasses.replace(
        content,
        sections=(
            SectionContent(heading="Größe & Preis", body_html="<p>One.</p>"),
            SectionContent(heading="Größe & Preis", body_html="<p>Two.</p>"),
            SectionContent(heading="???", body_html="<p>Three.</p>"),
        ),
    )
    make_article(content=content)
    _response, body = get_json("/api/v1/articles/anchors/?lang=de")
    assert [section["anchor"] for section in body["sections"]] == [
        "grosse-preis",
        "grosse-preis-2",
        "section-3",
    ]


def test_accept_language_negotiates_and_varies(client, bilingual):
    response = client.get("/api/v1/articles/soil-care/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert response.status_code == 200
    assert response["Content-Language"] == "en"
    assert "accept-language" in response["Vary"].lower()


def test_named_language_does_not_vary_by_accept_language(client, bilingual):
    response = client.get("/api/v1/articles/soil-care/?lang=en", HTTP_ACCEPT_LANGUAGE="de")
    assert response["Content-Language"] == "en"
    assert "accept-language" not in response.get("Vary", "").lower()


def test_unknown_slug_is_a_404_in_the_error_shape(client, bilingual):
    response = client.get("/api/v1/articles/no-such-article/?lang=de")
    assert response.status_code == 404
    assert response.json()["error"]["details"]["available_languages"] == []


@pytest.mark.parametrize("slug", ["a" * 300, "%00", "..", "ünïcödé", "' OR 1=1 --"])
def test_odd_slugs_are_404s(client, bilingual, slug):
    response = client.get(f"/api/v1/articles/{slug}/?lang=de")
    assert response.status_code == 404
    assert response.json()["error"]["code"] in {"article_not_found", "not_found"}


def test_faq_json_ld_keeps_only_the_tags_google_displays(get_json, make_article, hero_image):
    picture = f'<embed embedtype="image" id="{hero_image.pk}" format="left" alt="x"/>'
    answer = f"<p>Yes, <b>really</b>.</p><blockquote>Quoted</blockquote>{picture}"
    make_article(content=article_content(slug="faq-tags", faqs=1, answer=lambda n: answer))
    _response, body = get_json("/api/v1/articles/faq-tags/?lang=de")
    assert "<img" in body["faqs"][0]["answer"]  # the page shows the image
    faq_page = next(item for item in body["seo"]["json_ld"] if item["@type"] == "FAQPage")
    text = faq_page["mainEntity"][0]["acceptedAnswer"]["text"]
    assert text == "<p>Yes, <b>really</b>.</p>Quoted"


def test_article_without_faqs_has_no_faq_page(get_json, make_article):
    make_article(content=article_content(slug="ohne-faq", faqs=0))
    _response, body = get_json("/api/v1/articles/ohne-faq/?lang=de")
    assert [item["@type"] for item in body["seo"]["json_ld"]] == ["BlogPosting", "BreadcrumbList"]


def test_fallback_answers_stay_out_of_the_faq_page(get_json, partly_translated, settings):
    settings.CMS_INCOMPLETE_LANGUAGES = "fallback"
    _response, body = get_json("/api/v1/articles/partly/?lang=en")
    # FAQ 1's answer is German: served (flagged in fallbacks), never claimed in FAQPage.
    assert [faq["question"] for faq in body["faqs"]] == ["Question 0?", "Question 1?"]
    faq_page = next(item for item in body["seo"]["json_ld"] if item["@type"] == "FAQPage")
    assert [question["name"] for question in faq_page["mainEntity"]] == ["Question 1?"]
