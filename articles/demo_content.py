"""Demo articles of our own writing: German originals with English translations.

Used by ``manage.py load_demo`` so that a fresh checkout shows realistic, multilingual content in
the admin and the API.
"""

from __future__ import annotations

import dataclasses
import re

from articles.content import ArticleContent, FAQContent, KeywordContent, SectionContent


def _p(*paragraphs: str) -> str:
    return "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)


# Demo articles link to each other. Their page ids exist only once both are created, so the
# texts name the target by slug (`<a data-demo-article="slug">`) and `with_demo_links` turns
# that into Wagtail's page link (`<a linktype="page" id="...">`).
_DEMO_LINK_RE = re.compile(r'data-demo-article="([^"]+)"')
_DEMO_LINK_ELEMENT_RE = re.compile(r'<a data-demo-article="([^"]+)">(.*?)</a>', re.DOTALL)


def demo_link_targets(content: ArticleContent) -> set[str]:
    """Slugs of the demo articles `content` links to."""
    htmls = [content.intro_html, content.conclusion_html]
    htmls += [section.body_html for section in content.sections]
    return {slug for html in htmls for slug in _DEMO_LINK_RE.findall(html)}


def with_demo_links(content: ArticleContent, page_ids: dict[str, int]) -> ArticleContent:
    """`content` with its demo links pointing at the pages (slug -> page id); a link to a
    page that does not exist yet is left as its plain text, never as a broken link."""

    def link(match: re.Match[str]) -> str:
        page_id = page_ids.get(match.group(1))
        if page_id is None:
            return match.group(2)
        return f'<a linktype="page" id="{page_id}">{match.group(2)}</a>'

    def resolve(html: str) -> str:
        return _DEMO_LINK_ELEMENT_RE.sub(link, html)

    return dataclasses.replace(
        content,
        intro_html=resolve(content.intro_html),
        conclusion_html=resolve(content.conclusion_html),
        sections=tuple(
            dataclasses.replace(section, body_html=resolve(section.body_html))
            for section in content.sections
        ),
    )


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
                "Jede Zelle im Körper besitzt eine kleine Uhr. Im Darm regelt sie, wann die Zellen "
                "Enzyme bilden und wann sich die Darmwand erneuert.",
                "Wer regelmäßig zu festen Zeiten schläft, hilft dieser Uhr deshalb, im Takt zu "
                "bleiben. Außerdem richtet sich der Darm nach den Mahlzeiten: Feste Essenszeiten "
                "stellen die innere Uhr ebenso wie das Tageslicht.",
            ),
        ),
        SectionContent(
            "Was nachts im Verdauungstrakt passiert",
            _p(
                "Während wir schlafen, arbeitet der Darm langsamer, aber gründlicher. Er schiebt "
                "die Reste der letzten Mahlzeit weiter und repariert die Schleimhaut.",
                "Ein spätes, schweres Abendessen stört jedoch diese Ruhephase und kann den Schlaf "
                "unruhig machen. Denn solange der Magen arbeitet, kommt auch der Körper schwer "
                "zur Ruhe.",
            ),
        ),
        SectionContent(
            "Schlafmangel und Darmbeschwerden",
            _p(
                "Schon wenige kurze Nächte verändern das Hungergefühl. Viele Menschen greifen "
                "dann zu süßen Snacks, die den Darm zusätzlich belasten.",
                "Bei chronischem Schlafmangel berichten Betroffene außerdem häufiger von "
                "Blähungen und unregelmäßigem Stuhlgang. Zudem verändert sich die Darmflora, "
                "wenn die Nächte dauerhaft zu kurz sind.",
                "Auch die Ernährung spielt dabei eine Rolle: Wie <a data-demo-article="
                '"ballaststoffe-fuer-den-darm">Ballaststoffe die Darmbakterien nähren</a>, '
                "lesen Sie in unserem Ratgeber.",
            ),
        ),
        SectionContent(
            "Gewohnheiten für besseren Schlaf und eine ruhige Verdauung",
            _p(
                "Essen Sie abends leicht und mindestens drei Stunden vor dem Zubettgehen. "
                "Ein kurzer Spaziergang nach dem Essen unterstützt zudem die Verdauung.",
                "Koffein am Nachmittag, Alkohol und Bildschirmlicht verschieben dagegen die "
                "innere Uhr nach hinten. Deshalb lohnt es sich, den Abend ruhig ausklingen zu "
                "lassen.",
                "Morgens hilft helles Tageslicht, die innere Uhr zu stellen. Ein Frühstück zur "
                "gleichen Zeit gibt dem Darm außerdem ein klares Signal für den Start in den Tag.",
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
                "Every cell in the body keeps a small clock. In the gut it decides when cells "
                "make enzymes and when the gut lining renews itself.",
                "Sleeping at regular times therefore helps this clock keep the beat. Regular "
                "meals set the body clock as well, just like daylight does.",
            ),
        ),
        SectionContent(
            "What happens in the digestive tract at night",
            _p(
                "While we sleep, the gut works more slowly but more thoroughly. It moves what is "
                "left of the last meal along and repairs its lining.",
                "However, a late, heavy dinner disturbs this quiet phase and can make sleep "
                "restless. As long as the stomach is busy, the whole body finds it hard to rest.",
            ),
        ),
        SectionContent(
            "Sleep deprivation and gut complaints",
            _p(
                "A few short nights are enough to change appetite. Many people then reach for "
                "sweet snacks, which burden the gut even more.",
                "People with chronic sleep deprivation also report bloating and irregular bowel "
                "movements more often. In addition, the gut flora changes when nights stay too "
                "short for weeks.",
                "Food plays its part too: read how <a data-demo-article="
                '"ballaststoffe-fuer-den-darm">fibre feeds your gut bacteria</a> in our guide.',
            ),
        ),
        SectionContent(
            "Habits for better sleep and calm digestion",
            _p(
                "Eat a light dinner at least three hours before bed. A short walk after the meal "
                "also supports digestion.",
                "Caffeine in the afternoon, alcohol and screen light, on the other hand, push the "
                "body clock later. For this reason, a calm evening routine pays off.",
                "In the morning, bright daylight helps to set the body clock. Breakfast at the "
                "same time every day gives the gut a clear signal to start as well.",
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
            _p("For adults, experts recommend seven to nine hours as a healthy guideline."),
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
        "Ballaststoffe gelten als unverdaulich, und lange hat man sie unterschätzt. Heute "
        "wissen wir jedoch: Sie sind die Hauptnahrung unserer Darmbakterien."
    ),
    sections=(
        SectionContent(
            "Lösliche und unlösliche Ballaststoffe",
            _p(
                "Lösliche Ballaststoffe wie Pektin binden Wasser, und Bakterien vergären sie im "
                "Dickdarm. Unlösliche Fasern wie Zellulose erhöhen dagegen das Stuhlvolumen.",
                "Beide Arten ergänzen sich und sollten deshalb regelmäßig auf dem Teller landen. "
                "Denn zusammen halten sie die Verdauung in Schwung.",
            ),
        ),
        SectionContent(
            "Wie Darmbakterien von Ballaststoffen leben",
            _p(
                "Beim Vergären entstehen kurzkettige Fettsäuren wie Butyrat. Sie versorgen die "
                "Zellen der Darmwand mit Energie und stärken so die Schleimhaut.",
                "Eine ballaststoffarme Ernährung lässt dagegen nützliche Bakterienarten "
                "schrumpfen. Außerdem sinkt dann die Vielfalt der Darmflora, die für eine "
                "stabile Verdauung wichtig ist.",
                "Übrigens arbeitet auch der Darm nach einem Tagesrhythmus. Wie <a "
                'data-demo-article="schlaf-und-verdauung">Schlaf und Verdauung zusammenhängen'
                "</a>, erklärt unser zweiter Ratgeber.",
            ),
        ),
        SectionContent(
            "Gute Quellen im Alltag",
            _p(
                "Hülsenfrüchte, Haferflocken, Vollkornbrot, Nüsse und Gemüse liefern reichlich "
                "Ballaststoffe. Obst mit Schale zählt ebenfalls dazu.",
                "Wer Brot und Nudeln aus Vollkorn wählt, kommt dem Tagesziel schnell näher. "
                "Zum Beispiel bringen eine Schale Haferflocken am Morgen und eine Portion Linsen "
                "am Mittag schon etwa die Hälfte der empfohlenen Menge.",
            ),
        ),
        SectionContent(
            "Langsam steigern und genug trinken",
            _p(
                "Eine plötzliche Umstellung führt oft zu Blähungen. Steigern Sie die Menge daher "
                "über zwei bis drei Wochen.",
                "Trinken Sie dazu ausreichend Wasser, damit die Fasern quellen können. Als "
                "Faustregel gelten anderthalb bis zwei Liter am Tag, bei Hitze mehr.",
            ),
        ),
    ),
    conclusion_html=_p(
        "Ballaststoffe sind ein einfacher Hebel für eine gesunde Darmflora. Mit kleinen Schritten "
        "wird die ballaststoffreiche Ernährung deshalb schnell zur Gewohnheit."
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
        "Fibre counts as indigestible, and for a long time nobody thought much of it. Today, "
        "however, we know that it is the main food of our gut bacteria."
    ),
    sections=(
        SectionContent(
            "Soluble and insoluble fibre",
            _p(
                "Soluble fibre such as pectin binds water, and bacteria ferment it in the large "
                "intestine. Insoluble kinds such as cellulose, by contrast, add bulk to the stool.",
                "Both kinds complement each other and therefore belong on the plate regularly. "
                "Together they keep digestion moving.",
            ),
        ),
        SectionContent(
            "How gut bacteria live on fibre",
            _p(
                "Fermentation produces short-chain fatty acids such as butyrate. They supply the "
                "cells of the gut wall with energy and so strengthen the lining.",
                "A diet low in roughage, on the other hand, makes useful species of bacteria "
                "shrink. In addition, the variety of the gut flora drops, and digestion needs "
                "that variety to stay stable.",
                "By the way, the gut also follows a daily rhythm. Our second guide explains how "
                '<a data-demo-article="schlaf-und-verdauung">sleep and digestion</a> are '
                "linked.",
            ),
        ),
        SectionContent(
            "Good everyday sources",
            _p(
                "Pulses, oats, wholegrain bread, nuts and vegetables provide plenty of fibre. "
                "Fruit eaten with its skin counts too.",
                "Choosing wholegrain bread and pasta gets you close to the daily goal quickly. "
                "For example, a bowl of oats in the morning and a portion of lentils at lunch "
                "already cover about half of the recommended amount.",
            ),
        ),
        SectionContent(
            "Increase slowly and drink enough",
            _p(
                "A sudden change often leads to bloating. Increase the amount gradually over two "
                "to three weeks.",
                "Drink enough water so that the roughage can swell. As a rule of thumb, one and a "
                "half to two litres a day will do, and more when it is hot.",
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
