"""Keywords in the admin: list search and chooser search find every keyword by its term in any
language, including keywords the importer wrote in bulk (never indexed), and show which
languages have a term. Runs on SQLite and PostgreSQL (DATABASE_URL)."""

from __future__ import annotations

import re

import pytest
from wagtail.users.models import UserProfile

from seo.models import Keyword
from seo.services import keywords_get_or_create

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/snippets/seo/keyword/"
CHOOSER_URL = "/admin/snippets/choose/seo/keyword/"


@pytest.fixture
def imported_keywords():
    """Written as the importer writes them: in bulk, without the search index."""
    found, _created = keywords_get_or_create(terms=["Gut schlafen", "Schlafhygiene"], lang="de")
    sleep_well = found["GUT SCHLAFEN"]
    sleep_well.term_en = "sleep well"
    sleep_well.save()
    keywords_get_or_create(terms=["Bedtime routine"], lang="en")
    return Keyword.objects.all()


@pytest.fixture
def english_editor_client(client, editor):
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(editor)
    return client


def listed_terms(html: str) -> list[str]:
    return sorted(set(re.findall(r"(Gut schlafen|Schlafhygiene|Bedtime routine)", html)))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("gut", ["Gut schlafen"]),
        ("SCHLAF", ["Gut schlafen", "Schlafhygiene"]),
        ("sleep", ["Gut schlafen"]),  # found by its English term
        ("bedtime rout", ["Bedtime routine"]),
        ("nothing-like-this", []),
    ],
)
def test_keyword_list_search_finds_terms_in_every_language(
    english_editor_client, imported_keywords, query, expected
):
    response = english_editor_client.get(f"{LIST_URL}results/", {"q": query})

    assert response.status_code == 200
    assert listed_terms(response.content.decode()) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("gut", ["Gut schlafen"]),
        ("sleep", ["Gut schlafen"]),
        ("routine", ["Bedtime routine"]),
    ],
)
def test_keyword_chooser_search_finds_imported_keywords(
    english_editor_client, imported_keywords, query, expected
):
    response = english_editor_client.get(f"{CHOOSER_URL}results/", {"q": query})

    assert response.status_code == 200
    assert listed_terms(response.content.decode()) == expected


def test_chooser_speaks_the_editors_language_and_shows_terms_per_language(
    english_editor_client, imported_keywords
):
    response = english_editor_client.get(CHOOSER_URL)

    html = response.json()["html"]
    title = re.search(r'<h1[^>]*id="header-title"[^>]*>(.*?)</h1>', html, re.S)[1]
    assert re.sub(r"<[^>]+>|\s+", " ", title).strip() == "Choose a keyword"
    assert "Auswählen" not in html
    headers = [re.sub(r"<[^>]+>|\s+", "", th) for th in re.findall(r"<th.*?</th>", html, re.S)]
    assert {"DE", "EN", "NL", "FR"} <= set(headers)
    # "Bedtime routine" has only an English term: the other languages show a dash.
    row = re.search(r"<tr[^>]*>(?:(?!</tr>).)*Bedtime routine(?:(?!</tr>).)*</tr>", html, re.S)[0]
    assert row.count("–") == 3


def test_chooser_creates_a_keyword_with_terms(english_editor_client):
    response = english_editor_client.post(
        f"{CHOOSER_URL}create/", {"term_de": "Mittagsschlaf", "term_en": "nap"}
    )

    assert response.status_code == 200
    keyword = Keyword.objects.get(term_de="Mittagsschlaf")
    assert keyword.term_en == "nap"
