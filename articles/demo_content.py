"""Demo articles of our own writing: German originals with English translations.

Used by ``manage.py load_demo`` so that a fresh checkout shows realistic, multilingual content in
the admin and the API.
"""

from __future__ import annotations

from articles.content import ArticleContent, FAQContent, KeywordContent, SectionContent


def _p(*paragraphs: str) -> str:
    return "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)


SLEEP_DE = ArticleContent(
    title="Wie beeinflusst Schlaf die Verdauung?",
    slug="schlaf-und-verdauung",
    seo_title="Schlaf und Verdauung: Wie die Nachtruhe den Darm steuert",
    search_description=(
        "Schlaf und Verdauung hängen eng zusammen. Erfahren Sie, wie die innere Uhr den Darm "
        "steuert und welche Gewohnheiten beiden guttun."
    ),
    author_name="Redaktion Gesundheit",
    intro_html=_p(
        "Schlaf und Verdauung scheinen wenig miteinander zu tun zu haben. Tatsächlich folgt der "
        "Darm einem eigenen Tagesrhythmus, der eng mit unserer Nachtruhe verknüpft ist."
    ),
    sections=(
        SectionContent(
            "Die innere Uhr des Darms",
            _p(
                "Jede Zelle im Körper besitzt eine kleine Uhr. Im Darm regelt sie, wann Enzyme "
                "gebildet werden und wann sich die Darmwand erneuert.",
                "Wer regelmäßig zu festen Zeiten schläft, hilft dieser Uhr, im Takt zu bleiben.",
            ),
        ),
        SectionContent(
            "Was nachts im Verdauungstrakt passiert",
            _p(
                "Während wir schlafen, arbeitet der Darm langsamer, aber gründlicher. Reste der "
                "letzten Mahlzeit werden weitertransportiert und die Schleimhaut repariert.",
                "Ein spätes, schweres Abendessen stört diese Ruhephase und kann den Schlaf "
                "unruhig machen.",
            ),
        ),
        SectionContent(
            "Schlafmangel und Darmbeschwerden",
            _p(
                "Schon wenige kurze Nächte verändern das Hungergefühl. Viele Menschen greifen "
                "dann zu süßen Snacks, die den Darm zusätzlich belasten.",
                "Bei chronischem Schlafmangel berichten Betroffene häufiger von Blähungen und "
                "unregelmäßigem Stuhlgang.",
            ),
        ),
        SectionContent(
            "Gewohnheiten für besseren Schlaf und eine ruhige Verdauung",
            _p(
                "Essen Sie abends leicht und mindestens drei Stunden vor dem Zubettgehen. "
                "Ein kurzer Spaziergang nach dem Essen unterstützt die Verdauung.",
                "Koffein am Nachmittag, Alkohol und Bildschirmlicht verschieben die innere Uhr "
                "nach hinten.",
            ),
        ),
    ),
    conclusion_html=_p(
        "Guter Schlaf ist eine einfache, oft übersehene Stellschraube für die Verdauung. Wer "
        "seinen Rhythmus pflegt, tut Darm und Kopf gleichermaßen etwas Gutes."
    ),
    faqs=(
        FAQContent(
            "Ist ein spätes Abendessen schlecht für den Schlaf?",
            _p("Ein schweres Essen kurz vor dem Schlafen kann Sodbrennen und Unruhe auslösen."),
        ),
        FAQContent(
            "Wie viele Stunden Schlaf braucht der Darm?",
            _p("Für Erwachsene gelten sieben bis neun Stunden als gesunder Richtwert."),
        ),
        FAQContent(
            "Hilft ein Abendspaziergang der Verdauung?",
            _p("Ja, leichte Bewegung nach dem Essen regt die Darmbewegung sanft an."),
        ),
    ),
    keywords=(
        KeywordContent("Schlaf und Verdauung", focus=True),
        KeywordContent("innere Uhr"),
        KeywordContent("Schlafmangel"),
        KeywordContent("Darmbeschwerden"),
    ),
)

SLEEP_EN = ArticleContent(
    title="How does sleep affect digestion?",
    slug="sleep-and-digestion",
    seo_title="Sleep and digestion: how a good night steers your gut",
    search_description=(
        "Sleep and digestion are closely linked. Learn how the body clock runs your gut and "
        "which everyday habits help both of them."
    ),
    intro_html=_p(
        "Sleep and digestion seem to have little in common. In fact, the gut follows its own "
        "daily rhythm, and that rhythm is tightly bound to our night's rest."
    ),
    sections=(
        SectionContent(
            "The gut's body clock",
            _p(
                "Every cell in the body keeps a small clock. In the gut it decides when enzymes "
                "are made and when the gut lining renews itself.",
                "Sleeping at regular times helps this clock keep the beat.",
            ),
        ),
        SectionContent(
            "What happens in the digestive tract at night",
            _p(
                "While we sleep, the gut works more slowly but more thoroughly. What is left of "
                "the last meal moves on and the lining is repaired.",
                "A late, heavy dinner disturbs this quiet phase and can make sleep restless.",
            ),
        ),
        SectionContent(
            "Sleep deprivation and gut complaints",
            _p(
                "A few short nights are enough to change appetite. Many people then reach for "
                "sweet snacks, which burden the gut even more.",
                "People with chronic sleep deprivation report bloating and irregular bowel "
                "movements more often.",
            ),
        ),
        SectionContent(
            "Habits for better sleep and calm digestion",
            _p(
                "Eat a light dinner at least three hours before bed. A short walk after the meal "
                "supports digestion.",
                "Caffeine in the afternoon, alcohol and screen light push the body clock later.",
            ),
        ),
    ),
    conclusion_html=_p(
        "Good sleep is a simple and often overlooked lever for digestion. Looking after your "
        "rhythm does your gut and your mind a favour alike."
    ),
    faqs=(
        FAQContent(
            "Is a late dinner bad for sleep?",
            _p("A heavy meal just before bed can cause heartburn and restlessness."),
        ),
        FAQContent(
            "How many hours of sleep does the gut need?",
            _p("For adults, seven to nine hours is considered a healthy guideline."),
        ),
        FAQContent(
            "Does an evening walk help digestion?",
            _p("Yes, light movement after eating gently stimulates the bowel."),
        ),
    ),
    keywords=(
        KeywordContent("sleep and digestion", focus=True),
        KeywordContent("body clock"),
        KeywordContent("sleep deprivation"),
        KeywordContent("gut complaints"),
    ),
)

FIBRE_DE = ArticleContent(
    title="Warum sind Ballaststoffe so wichtig für den Darm?",
    slug="ballaststoffe-fuer-den-darm",
    seo_title="Ballaststoffe für den Darm: Wirkung, Quellen und Tipps",
    search_description=(
        "Ballaststoffe nähren die Darmbakterien und halten die Verdauung in Schwung. So "
        "erreichen Sie die empfohlenen 30 Gramm am Tag ohne Beschwerden."
    ),
    author_name="Redaktion Ernährung",
    intro_html=_p(
        "Ballaststoffe gelten als unverdaulich und wurden lange unterschätzt. Heute wissen wir: "
        "Sie sind die Hauptnahrung unserer Darmbakterien."
    ),
    sections=(
        SectionContent(
            "Lösliche und unlösliche Ballaststoffe",
            _p(
                "Lösliche Ballaststoffe wie Pektin binden Wasser und werden von Bakterien "
                "vergoren. Unlösliche Ballaststoffe wie Zellulose erhöhen das Stuhlvolumen.",
                "Beide Arten ergänzen sich und sollten regelmäßig auf dem Teller landen.",
            ),
        ),
        SectionContent(
            "Wie Darmbakterien von Ballaststoffen leben",
            _p(
                "Beim Vergären entstehen kurzkettige Fettsäuren wie Butyrat. Sie versorgen die "
                "Zellen der Darmwand mit Energie.",
                "Eine ballaststoffarme Ernährung lässt nützliche Bakterienarten schrumpfen.",
            ),
        ),
        SectionContent(
            "Gute Quellen im Alltag",
            _p(
                "Hülsenfrüchte, Haferflocken, Vollkornbrot, Nüsse und Gemüse liefern reichlich "
                "Ballaststoffe. Obst mit Schale zählt ebenfalls dazu.",
                "Wer Brot und Nudeln aus Vollkorn wählt, kommt dem Tagesziel schnell näher.",
            ),
        ),
        SectionContent(
            "Langsam steigern und genug trinken",
            _p(
                "Eine plötzliche Umstellung führt oft zu Blähungen. Steigern Sie die Menge über "
                "zwei bis drei Wochen.",
                "Trinken Sie dazu ausreichend Wasser, damit die Ballaststoffe quellen können.",
            ),
        ),
    ),
    conclusion_html=_p(
        "Ballaststoffe sind ein einfacher Hebel für eine gesunde Darmflora. Mit kleinen Schritten "
        "wird die ballaststoffreiche Ernährung zur Gewohnheit."
    ),
    faqs=(
        FAQContent(
            "Wie viele Ballaststoffe sollte man täglich essen?",
            _p("Fachgesellschaften empfehlen Erwachsenen mindestens 30 Gramm pro Tag."),
        ),
        FAQContent(
            "Können Ballaststoffe Blähungen verursachen?",
            _p("Ja, vor allem bei einer schnellen Umstellung. Langsames Steigern hilft."),
        ),
    ),
    keywords=(
        KeywordContent("Ballaststoffe", focus=True),
        KeywordContent("Darmbakterien"),
        KeywordContent("ballaststoffreiche Ernährung"),
    ),
)

FIBRE_EN = ArticleContent(
    title="Why is fibre so important for the gut?",
    slug="fibre-for-the-gut",
    seo_title="Fibre for the gut: effects, sources and tips",
    search_description=(
        "Fibre feeds gut bacteria and keeps digestion moving. Here is how to reach the "
        "recommended 30 grams a day without discomfort."
    ),
    intro_html=_p(
        "Fibre counts as indigestible and was underrated for a long time. Today we know that it "
        "is the main food of our gut bacteria."
    ),
    sections=(
        SectionContent(
            "Soluble and insoluble fibre",
            _p(
                "Soluble fibre such as pectin binds water and is fermented by bacteria. Insoluble "
                "fibre such as cellulose adds bulk to the stool.",
                "Both kinds complement each other and belong on the plate regularly.",
            ),
        ),
        SectionContent(
            "How gut bacteria live on fibre",
            _p(
                "Fermentation produces short-chain fatty acids such as butyrate. They supply the "
                "cells of the gut wall with energy.",
                "A low-fibre diet makes useful species of bacteria shrink.",
            ),
        ),
        SectionContent(
            "Good everyday sources",
            _p(
                "Pulses, oats, wholegrain bread, nuts and vegetables provide plenty of fibre. "
                "Fruit eaten with its skin counts too.",
                "Choosing wholegrain bread and pasta gets you close to the daily goal quickly.",
            ),
        ),
        SectionContent(
            "Increase slowly and drink enough",
            _p(
                "A sudden change often leads to bloating. Increase the amount over two to three "
                "weeks.",
                "Drink enough water so that the fibre can swell.",
            ),
        ),
    ),
    conclusion_html=_p(
        "Fibre is a simple lever for healthy gut flora. With small steps a high-fibre diet "
        "becomes a habit."
    ),
    faqs=(
        FAQContent(
            "How much fibre should you eat every day?",
            _p("Nutrition societies recommend at least 30 grams a day for adults."),
        ),
        FAQContent(
            "Can fibre cause bloating?",
            _p("Yes, especially after a quick change of diet. Increasing slowly helps."),
        ),
    ),
    keywords=(
        KeywordContent("fibre", focus=True),
        KeywordContent("gut bacteria"),
        KeywordContent("high-fibre diet"),
    ),
)

INDEX_SLUG = "blog"
INDEX_TITLES = {"de": "Ratgeber", "en": "Guide", "nl": "Gids", "fr": "Guide"}

#: (original language, content), then translations as (language, content).
DEMO_ARTICLES: tuple[
    tuple[tuple[str, ArticleContent], tuple[tuple[str, ArticleContent], ...]], ...
] = (
    (("de", SLEEP_DE), (("en", SLEEP_EN),)),
    (("de", FIBRE_DE), (("en", FIBRE_EN),)),
)
