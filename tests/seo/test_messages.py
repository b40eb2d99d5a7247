"""SEO messages in the editor's language (issue 13): catalogs, rendering, field labels."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.utils import translation
from django.utils.translation import npgettext, pgettext

from seo.engine import analyse
from seo.engine.messages import TEMPLATES, Message, render_english
from seo.messages import catalog_source, field_label, render, render_check
from tests.seo.engine.builders import article

CATALOG = Path(__file__).resolve().parents[2] / "seo" / "message_catalog.py"
TRANSLATED = ("de", "nl", "fr")
PLACEHOLDER_RE = re.compile(r"\{(\w+)\}")


def test_message_catalog_module_is_in_step_with_the_engine():
    """Regenerate with `manage.py seo_message_catalog` when this fails."""
    assert CATALOG.read_text(encoding="utf-8") == catalog_source()


@pytest.mark.parametrize("lang", TRANSLATED)
@pytest.mark.parametrize("message_id", [m for m in TEMPLATES if m != "plain"])
def test_every_engine_message_is_translated_with_the_same_placeholders(lang, message_id):
    template = TEMPLATES[message_id]
    with translation.override(lang):
        if isinstance(template, tuple):
            singular, plural, _count = template
            texts = [npgettext(message_id, singular, plural, n) for n in (1, 5)]
            sources = [singular, plural]
        else:
            texts, sources = [pgettext(message_id, template)], [template]
    for text, source in zip(texts, sources, strict=True):
        if PLACEHOLDER_RE.sub("", source).strip(" ()"):
            assert text != source, f"{message_id} is not translated into {lang}"
        assert set(PLACEHOLDER_RE.findall(text)) == set(PLACEHOLDER_RE.findall(source))


@pytest.mark.parametrize(
    "lang, expected",
    [
        ("en", "Section 3 heading"),
        ("de", "Abschnitt 3, Überschrift"),
        ("nl", "Sectie 3, kop"),
        ("fr", "Section 3, intertitre"),
    ],
)
def test_field_paths_render_as_labels(lang, expected):
    assert field_label("sections[2].heading", lang) == expected


def test_a_message_renders_in_each_language_with_its_parameters():
    message = Message(
        "keyword_coverage.not_found", {"terms": ["Darm", "Schlaf", "a", "b", "c", "d", "e"]}
    )
    assert render(message, "en") == render_english(message)
    german = render(message, "de")
    assert german.startswith("Verwenden Sie diese Keywords im Artikeltext: „Darm“, „Schlaf“")
    assert german.endswith("und 2 weitere.")
    assert render(message.to_dict(), "fr").startswith(
        "Utilisez ces mots-clés dans le texte de l’article : « Darm »"
    )


def test_decimals_use_the_language_separator():
    message = Message(
        "readability.low", {"formula": "Flesch-Amstad", "score": 49.5, "good_from": 50.0}
    )
    assert "49,5" in render(message, "de") and "49.5" in render(message, "en")


def test_plural_forms_follow_the_count():
    one = Message(
        "keyword_density.too_few", {"term": "x", "count": 1, "words": 500, "min_count": 3}
    )
    assert "appears 1 time in" in render(one, "en")


def test_english_rendering_equals_the_engine_text_for_a_whole_report():
    report = analyse(article("de", meta_description="Kurz."))
    for check in report.checks:
        assert render_check(check, "en") == check.message
        assert render_check(check.to_dict(), "en") == check.message


def test_no_field_path_leaks_into_any_message():
    document = article(
        "de",
        translations={"en": ("sections[0].heading", "faqs[1].answer"), "fr": ()},
    )
    for check in analyse(document).checks:
        for lang in ("en", "de"):
            assert "sections[" not in render_check(check, lang)
            assert "faqs[" not in render_check(check, lang)
            assert "seo_title" not in render_check(check, lang)


def test_stored_reports_without_message_ids_keep_their_text():
    assert render_check({"message": "Old text.", "messages": []}, "de") == "Old text."
