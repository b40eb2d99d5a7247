"""Small documents in every supported language, written for these tests.

`article(lang)` is a reasonable article that passes most checks; tests change one aspect with
`dataclasses.replace` (or the keyword arguments) and look at the check that should react.
"""

from __future__ import annotations

import dataclasses
from html import escape

from seo.engine import (
    FAQInput,
    KeywordInput,
    LinkInput,
    SectionInput,
    SEODocument,
)

LANGUAGES = ("de", "en", "nl", "fr", "es", "it")

# Per language: focus keyword, an inflected variant of it, a second keyword, title, meta
# description (120-156 chars), slug, an intro, section headings, body sentences (repeated to
# reach a realistic length), a conclusion and FAQ pairs.
SAMPLES = {
    "de": {
        "focus": "gesunde Ernährung",
        "variant": "gesunder Ernährung",
        "second": "Wochenplan",
        "title": "Gesunde Ernährung im Alltag: so gelingt der Einstieg",
        "meta": (
            "Gesunde Ernährung ohne Verzicht: wie Sie mit einem Wochenplan, frischen Zutaten und "
            "kleinen Schritten dauerhaft besser essen und Zeit sparen."
        ),
        "slug": "gesunde-ernaehrung-im-alltag",
        "intro": (
            "Gesunde Ernährung beginnt beim Einkauf. Wer vorher plant, kauft weniger und isst "
            "bewusster."
        ),
        "headings": [
            "Warum gesunde Ernährung Zeit spart",
            "Der Wochenplan als Werkzeug",
            "Kochen mit frischen Zutaten",
            "Kleine Schritte zu gesunder Ernährung",
        ],
        "sentences": [
            "Ein fester Plan nimmt deshalb am Abend die Frage ab, was auf den Tisch kommt.",
            "Frisches Gemüse hält länger, wenn es kühl und trocken lagert.",
            "Außerdem kochen viele Familien am Sonntag vor und essen unter der Woche entspannter.",
            "Wer Hülsenfrüchte mag, bekommt viel Eiweiß für wenig Geld.",
            "Wasser und ungesüßter Tee löschen den Durst besser als Limonade.",
            "Eine bunte Mischung aus Obst und Gemüse liefert viele Vitamine.",
        ],
        "conclusion": "Mit einem Plan und etwas Übung wird gesunde Ernährung zur Gewohnheit.",
        "faqs": [
            ("Wie fange ich mit gesunder Ernährung an?", "Planen Sie zuerst eine Woche im Voraus."),
            ("Ist gesunde Ernährung teuer?", "Nein, saisonales Gemüse kostet oft wenig."),
        ],
    },
    "en": {
        "focus": "healthy breakfast",
        "variant": "healthy breakfasts",
        "second": "meal plan",
        "title": "A healthy breakfast in ten minutes: simple ideas",
        "meta": (
            "A healthy breakfast does not need much time: ten quick ideas with oats, fruit and "
            "eggs, plus a weekly meal plan that keeps mornings calm."
        ),
        "slug": "healthy-breakfast-ideas",
        "intro": (
            "A healthy breakfast gives you energy for the morning. It does not have to take long "
            "to make."
        ),
        "headings": [
            "Why a healthy breakfast matters",
            "Planning the week with a meal plan",
            "Quick recipes with oats",
            "Small steps to a healthy breakfast",
        ],
        "sentences": [
            "For example, oats with yoghurt and berries take five minutes to prepare.",
            "Eggs keep you full until lunch and cook quickly in a pan.",
            "Many families therefore prepare the fruit in the evening to save time.",
            "Whole grain bread with cheese is a simple choice for busy days.",
            "Water or tea is better than sweet juice in the morning.",
            "Children eat more fruit when it is already cut into pieces.",
        ],
        "conclusion": "With a little planning, a healthy breakfast becomes a habit.",
        "faqs": [
            ("What is a quick healthy breakfast?", "Oats with fruit are ready in five minutes."),
            ("Should children eat breakfast?", "Yes, it helps them concentrate at school."),
        ],
    },
    "nl": {
        "focus": "gezond ontbijt",
        "variant": "gezonde ontbijten",
        "second": "weekmenu",
        "title": "Gezond ontbijt in tien minuten: eenvoudige ideeën",
        "meta": (
            "Een gezond ontbijt kost weinig tijd: tien snelle ideeën met havermout, fruit en "
            "eieren, plus een weekmenu dat de ochtend rustig houdt."
        ),
        "slug": "gezond-ontbijt-ideeen",
        "intro": (
            "Een gezond ontbijt geeft energie voor de ochtend. Het hoeft niet lang te duren."
        ),
        "headings": [
            "Waarom een gezond ontbijt helpt",
            "Het weekmenu plannen",
            "Snelle recepten met havermout",
            "Kleine stappen naar een gezond ontbijt",
        ],
        "sentences": [
            "Havermout met yoghurt en bessen is in vijf minuten klaar.",
            "Eieren geven een vol gevoel tot de lunch en je bakt ze snel.",
            "Veel gezinnen snijden het fruit al op de avond ervoor.",
            "Volkorenbrood met kaas is een eenvoudige keuze voor drukke dagen.",
            "Water of thee is beter dan zoete sap in de ochtend.",
            "Kinderen eten meer fruit als je het al in stukjes snijdt.",
        ],
        "conclusion": "Met een beetje planning wordt een gezond ontbijt een gewoonte.",
        "faqs": [
            ("Wat is een snel gezond ontbijt?", "Havermout met fruit is in vijf minuten klaar."),
            ("Moeten kinderen ontbijten?", "Ja, het helpt hen op school."),
        ],
    },
    "fr": {
        "focus": "alimentation saine",
        "variant": "alimentations saines",
        "second": "menu de la semaine",
        "title": "Alimentation saine au quotidien : les bons réflexes",
        "meta": (
            "Une alimentation saine sans stress : planifier le menu de la semaine, cuisiner des "
            "produits frais et avancer petit à petit pour manger mieux."
        ),
        "slug": "alimentation-saine-au-quotidien",
        "intro": (
            "Une alimentation saine commence au marché. Celui qui planifie achète moins et mange "
            "mieux."
        ),
        "headings": [
            "Pourquoi une alimentation saine fait gagner du temps",
            "Le menu de la semaine",
            "Cuisiner des produits frais",
            "Des petits pas vers une alimentation saine",
        ],
        "sentences": [
            "Ainsi, un plan fixe évite de se demander chaque soir ce que l'on va manger.",
            "Les légumes frais se conservent mieux au frais et au sec.",
            "Par exemple, beaucoup de familles cuisinent le dimanche et mangent plus calmement.",
            "De plus, les légumineuses apportent beaucoup de protéines pour peu d'argent.",
            "L'eau et le thé sans sucre désaltèrent mieux que les sodas.",
            "Un mélange coloré de fruits et de légumes apporte de nombreuses vitamines.",
        ],
        "conclusion": (
            "Avec un plan et un peu de pratique, l'alimentation saine devient une habitude."
        ),
        "faqs": [
            ("Comment commencer une alimentation saine ?", "Planifiez d'abord une semaine."),
            (
                "Une alimentation saine coûte-t-elle cher ?",
                "Non, les légumes de saison coûtent peu.",
            ),
        ],
    },
    "es": {
        "focus": "alimentación saludable",
        "variant": "alimentaciones saludables",
        "second": "menú semanal",
        "title": "Alimentación saludable en el día a día: primeros pasos",
        "meta": (
            "Una alimentación saludable sin renuncias: cómo planificar un menú semanal, cocinar "
            "con productos frescos y avanzar paso a paso cada semana."
        ),
        "slug": "alimentacion-saludable-dia-a-dia",
        "intro": (
            "La alimentación saludable empieza en el mercado. Quien planifica compra menos y come "
            "mejor."
        ),
        "headings": [
            "Por qué la alimentación saludable ahorra tiempo",
            "El menú semanal como herramienta",
            "Cocinar con productos frescos",
            "Pequeños pasos hacia una alimentación saludable",
        ],
        "sentences": [
            "Un plan fijo evita pensar cada noche qué se va a cenar.",
            "Las verduras frescas duran más si se guardan en un lugar fresco y seco.",
            "Muchas familias cocinan el domingo y comen con más calma durante la semana.",
            "Las legumbres aportan muchas proteínas por poco dinero.",
            "El agua y el té sin azúcar quitan la sed mejor que los refrescos.",
            "Una mezcla de frutas y verduras de colores aporta muchas vitaminas.",
        ],
        "conclusion": (
            "Con un plan y algo de práctica, la alimentación saludable se vuelve un hábito."
        ),
        "faqs": [
            ("¿Cómo empiezo una alimentación saludable?", "Planifique primero una semana."),
            ("¿Es cara la alimentación saludable?", "No, la verdura de temporada cuesta poco."),
        ],
    },
    "it": {
        "focus": "alimentazione sana",
        "variant": "alimentazioni sane",
        "second": "menù settimanale",
        "title": "Alimentazione sana ogni giorno: come iniziare bene",
        "meta": (
            "Un'alimentazione sana senza rinunce: come preparare un menù settimanale, cucinare "
            "prodotti freschi e migliorare un passo alla volta."
        ),
        "slug": "alimentazione-sana-ogni-giorno",
        "intro": (
            "L'alimentazione sana comincia al mercato. Chi pianifica compra meno e mangia meglio."
        ),
        "headings": [
            "Perché l'alimentazione sana fa risparmiare tempo",
            "Il menù settimanale come strumento",
            "Cucinare con prodotti freschi",
            "Piccoli passi verso un'alimentazione sana",
        ],
        "sentences": [
            "Un piano fisso evita di chiedersi ogni sera cosa cucinare.",
            "La verdura fresca dura di più se conservata al fresco e all'asciutto.",
            "Molte famiglie cucinano la domenica e mangiano con più calma durante la settimana.",
            "I legumi forniscono molte proteine a poco prezzo.",
            "L'acqua e il tè senza zucchero dissetano meglio delle bibite.",
            "Un mix colorato di frutta e verdura fornisce molte vitamine.",
        ],
        "conclusion": (
            "Con un piano e un po' di pratica, l'alimentazione sana diventa un'abitudine."
        ),
        "faqs": [
            ("Come comincio un'alimentazione sana?", "Pianifichi prima una settimana."),
            ("L'alimentazione sana è costosa?", "No, la verdura di stagione costa poco."),
        ],
    },
}


def paragraphs(*texts: str) -> str:
    return "".join(f"<p>{escape(text)}</p>" for text in texts)


def section_body(lang: str, index: int, mention: str = "") -> str:
    """About 75 words: three paragraphs of the language's sentences, rotated per section."""
    sentences = SAMPLES[lang]["sentences"]
    rotated = sentences[index:] + sentences[:index]
    first = " ".join(rotated[:3])
    if mention:
        first = f"{mention} {first}"
    return paragraphs(first, " ".join(rotated[3:]), " ".join(rotated[:2]))


def article(lang: str = "de", **overrides) -> SEODocument:
    sample = SAMPLES[lang]
    headings = sample["headings"]
    sections = tuple(
        SectionInput(heading, section_body(lang, index, sample["focus"].capitalize() + "."))
        for index, heading in enumerate(headings)
    )
    document = SEODocument(
        lang=lang,
        title=sample["title"],
        seo_title="",
        meta_description=sample["meta"],
        slug=sample["slug"],
        intro_html=paragraphs(sample["intro"]),
        sections=sections,
        conclusion_html=paragraphs(sample["conclusion"]),
        faqs=tuple(FAQInput(q, paragraphs(a)) for q, a in sample["faqs"]),
        keywords=(KeywordInput(sample["focus"], focus=True), KeywordInput(sample["second"])),
        links=(
            LinkInput(
                href="/artikel/anderer/",
                text="related",
                location="sections[0].body",
                target_kind="article",
                target_status="live",
                target_id=2,
            ),
        ),
        article_id=1,
        translations={code: () for code in LANGUAGES},
    )
    return dataclasses.replace(document, **overrides)
