"""Fixtures shared by the article tests: articles whose language versions say different things."""

from __future__ import annotations

import pytest

from tests.articles.api.conftest import article_content


@pytest.fixture
def digestion(make_article):
    """A German article with an English version, each saying something only it says."""
    return make_article(
        content=article_content(
            slug="spaetes-essen",
            title="Spätes Essen und Verdauung",
            intro="<p>Schwere Mahlzeiten am Abend können die Verdauung belasten.</p>",
            body=lambda n: f"<p>Gestern ging ich früh schlafen, Abschnitt {n}.</p>",
        ),
        translations={
            "en": article_content(
                slug="late-meals",
                title="Late meals and digestion",
                intro="<p>Rich dinners and sugary drinks, which burden the gut at night.</p>",
                body=lambda n: f"<p>The mice in the study slept better, part {n}.</p>",
            )
        },
    )


@pytest.fixture
def other_article(make_article):
    return make_article(
        content=article_content(slug="kompost", title="Kompost anlegen"),
        translations={"en": article_content(slug="compost", title="Making compost")},
    )
