"""The search result preview (``seo.serp``): pure Python, no database."""

from __future__ import annotations

import dataclasses

import pytest

from seo.engine import FAQInput, SEODocument, Thresholds, text_width_px, truncation
from seo.serp import (
    DESCRIPTION_FONT_PX,
    DESCRIPTION_MAX_PX,
    FAQ_QUESTIONS_SHOWN,
    MOBILE_DESCRIPTION_MAX_PX,
    MOBILE_TITLE_MAX_PX,
    breadcrumb,
    serp_preview,
)

# Short, self-written documents per language: title, description, slug and FAQ pairs.
SAMPLES = {
    "de": ("Regenwasser im Garten nutzen", "Wie eine Regentonne Wasser spart.", "regenwasser"),
    "en": ("Using rainwater in the garden", "How a rain barrel saves water.", "rainwater"),
    "nl": ("Regenwater in de tuin gebruiken", "Hoe een regenton water bespaart.", "regenwater"),
    "fr": ("Utiliser l'eau de pluie au jardin", "Comment un récupérateur économise.", "eau-pluie"),
}
LANGUAGES = tuple(SAMPLES)


def document(lang: str, **changes) -> SEODocument:
    title, description, slug = SAMPLES[lang]
    base = SEODocument(
        lang=lang,
        title=title,
        seo_title="",
        meta_description=description,
        slug=slug,
        intro_html=f"<p>{description}</p>",
        sections=(),
        conclusion_html="",
        faqs=tuple(
            FAQInput(question=f"{title} ({number})?", answer_html=f"<p>{description}</p>")
            for number in range(1, 6)
        ),
        keywords=(),
        url=f"https://example.com/{lang}/blog/{slug}/",
    )
    return dataclasses.replace(base, **changes)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_short_title_is_shown_in_full(lang):
    preview = serp_preview(document(lang), Thresholds())

    assert not preview.title.truncated
    assert preview.title.visible == SAMPLES[lang][0]
    assert preview.title.source == "title"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_seo_title_is_preferred_and_cut_where_the_engine_cuts_it(lang):
    long_title = " ".join([SAMPLES[lang][0]] * 4)
    thresholds = Thresholds()

    preview = serp_preview(document(lang, seo_title=long_title), thresholds)

    expected = truncation(long_title, thresholds.title_max_px, thresholds.title_font_px)
    assert preview.title.source == "seo_title"
    assert preview.title.truncated
    assert preview.title.visible == expected.visible_text
    assert preview.title.visible.endswith("…")
    assert text_width_px(preview.title.visible, thresholds.title_font_px) <= thresholds.title_max_px


@pytest.mark.parametrize("lang", LANGUAGES)
def test_long_description_is_cut_at_the_snippet_width(lang):
    description = " ".join([SAMPLES[lang][1]] * 8)

    preview = serp_preview(document(lang, meta_description=description), Thresholds())

    assert preview.description.truncated
    assert preview.description.source == "meta_description"
    assert text_width_px(preview.description.visible, DESCRIPTION_FONT_PX) <= DESCRIPTION_MAX_PX


@pytest.mark.parametrize("lang", LANGUAGES)
def test_short_texts_are_shown_in_full_on_a_phone_too(lang):
    preview = serp_preview(document(lang), Thresholds())

    assert [snippet.device for snippet in preview.devices] == ["desktop", "mobile"]
    assert preview.mobile_title.visible == preview.title.visible == SAMPLES[lang][0]
    assert preview.mobile_description.visible == preview.description.visible
    assert not preview.mobile_title.truncated
    assert not preview.mobile_description.truncated


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_phone_cuts_title_and_description_earlier_than_a_desktop(lang):
    thresholds = Thresholds()
    # Fits a desktop result (about 590 px / 770 px) but not a phone's (500 px / 680 px).
    title = "W" * 25 + " " + "e" * 10
    description = " ".join([SAMPLES[lang][1]] * 4)
    assert text_width_px(title, thresholds.title_font_px) > MOBILE_TITLE_MAX_PX
    assert text_width_px(title, thresholds.title_font_px) <= thresholds.title_max_px

    preview = serp_preview(
        document(lang, seo_title=title, meta_description=description), thresholds
    )

    assert not preview.title.truncated
    assert preview.mobile_title.truncated
    assert preview.mobile_title.max_px == MOBILE_TITLE_MAX_PX
    assert text_width_px(preview.mobile_title.visible, thresholds.title_font_px) <= (
        MOBILE_TITLE_MAX_PX
    )
    assert preview.mobile_description.truncated
    assert preview.mobile_description.visible_chars < len(description)
    assert text_width_px(preview.mobile_description.visible, DESCRIPTION_FONT_PX) <= (
        MOBILE_DESCRIPTION_MAX_PX
    )
    assert preview.mobile_description.source == preview.description.source == "meta_description"


def test_a_site_with_a_narrower_desktop_title_gets_no_wider_mobile_one():
    thresholds = dataclasses.replace(Thresholds(), title_max_px=400.0)
    title = "Using rainwater in the garden, and why it is worth the effort"

    preview = serp_preview(document("en", seo_title=title), thresholds)

    assert preview.mobile_title.max_px == 400.0
    assert preview.mobile_title.visible == preview.title.visible


@pytest.mark.parametrize("lang", LANGUAGES)
def test_without_meta_description_the_intro_stands_in(lang):
    preview = serp_preview(document(lang, meta_description=""), Thresholds())

    assert preview.description.source == "intro"
    assert preview.description.visible == SAMPLES[lang][1]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_faq_shows_the_first_questions_and_counts_the_rest(lang):
    preview = serp_preview(document(lang), Thresholds())

    assert [item.question for item in preview.questions] == [
        f"{SAMPLES[lang][0]} ({number})?" for number in range(1, FAQ_QUESTIONS_SHOWN + 1)
    ]
    assert preview.questions[0].answer == SAMPLES[lang][1]
    assert preview.questions_hidden == 5 - FAQ_QUESTIONS_SHOWN
    assert preview.faq_errors == ()


def test_faq_without_answers_gives_no_questions():
    faqs = (FAQInput(question="Is this answered?", answer_html="<p> </p>"),)

    preview = serp_preview(document("en", faqs=faqs), Thresholds())

    assert preview.questions == ()
    assert preview.questions_hidden == 0


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.com/de/blog/regenwasser/", "example.com › de › blog › regenwasser"),
        ("http://localhost:3000/en/blog/a/", "localhost:3000 › en › blog › a"),
        ("", ""),
    ],
)
def test_breadcrumb_shows_the_address_as_results_do(url, expected):
    assert breadcrumb(url) == expected
