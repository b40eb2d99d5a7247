"""FAQPage JSON-LD built from the FAQ fields."""

from __future__ import annotations

import json

from seo.engine import FAQInput, build_faq_jsonld, validate_faq_jsonld


def test_jsonld_has_one_question_per_complete_pair():
    data = build_faq_jsonld(
        [
            FAQInput("Wie lange dauert es?", "<p>Etwa <b>zwei</b> Wochen.</p>"),
            FAQInput("Ohne Antwort?", "<p></p>"),
        ]
    )
    assert data == {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [
            {
                "@type": "Question",
                "name": "Wie lange dauert es?",
                "acceptedAnswer": {"@type": "Answer", "text": "<p>Etwa <b>zwei</b> Wochen.</p>"},
            }
        ],
    }
    assert validate_faq_jsonld(data) == []
    assert json.loads(json.dumps(data)) == data


def test_disallowed_markup_is_removed_from_answers():
    data = build_faq_jsonld([FAQInput("Was?", '<p onclick="x()">Das <span>hier</span>.</p>')])
    assert data["mainEntity"][0]["acceptedAnswer"]["text"] == "<p>Das hier.</p>"


def test_no_complete_pair_gives_no_markup():
    assert build_faq_jsonld([FAQInput("Frage?", "")]) is None
    assert build_faq_jsonld([]) is None


def test_validation_names_each_problem():
    errors = validate_faq_jsonld(
        {
            "@context": "https://example.org",
            "@type": "FAQPage",
            "mainEntity": [
                {"@type": "Question", "name": "A?", "acceptedAnswer": {"@type": "Answer"}},
                {
                    "@type": "Question",
                    "name": "a?",
                    "acceptedAnswer": {"@type": "Answer", "text": "<p></p>"},
                },
            ],
        }
    )
    assert errors == [
        '"@context" must be "https://schema.org"',
        "mainEntity[0].acceptedAnswer.text must contain visible text",
        "mainEntity[1].name repeats an earlier question",
        "mainEntity[1].acceptedAnswer.text must contain visible text",
    ]


def test_empty_main_entity_is_invalid():
    errors = validate_faq_jsonld(
        {"@context": "https://schema.org", "@type": "FAQPage", "mainEntity": []}
    )
    assert errors == ['"mainEntity" must be a non-empty list of Question items']
