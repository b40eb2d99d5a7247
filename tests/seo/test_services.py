"""Keyword writes shared by the admin, the importer and the API tests."""

from __future__ import annotations

import pytest

from seo.models import Keyword
from seo.services import keyword_get_or_create, keywords_get_or_create, term_key

pytestmark = pytest.mark.django_db


def test_an_existing_keyword_is_found_ignoring_case_and_spacing():
    existing = keyword_get_or_create(term="Darm und Rücken", lang="de")

    again = keyword_get_or_create(term="  darm   UND rücken ", lang="de")

    assert again.pk == existing.pk
    assert Keyword.objects.count() == 1


def test_many_terms_are_found_and_created_at_once_and_the_new_ones_reported():
    old = keyword_get_or_create(term="Blähbauch", lang="de")

    found, created = keywords_get_or_create(terms=["blähbauch", "Reizdarm", "Reizdarm "], lang="de")

    assert found[term_key("Blähbauch")].pk == old.pk
    assert [keyword.term_de for keyword in created] == ["Reizdarm"]
    assert set(found) == {term_key("Blähbauch"), term_key("Reizdarm")}


def test_a_new_keyword_is_stored_in_the_language_it_was_asked_in():
    keyword = keyword_get_or_create(term="bloating", lang="en")

    keyword.refresh_from_db()
    assert keyword.term_en == "bloating"
    assert keyword.term_de in (None, "")


def test_keywords_are_found_ignoring_the_case_of_umlauts_too():
    Keyword.objects.bulk_create([Keyword(term_de="Übelkeit am Morgen"), Keyword(term_de="Darm")])

    found, created = keywords_get_or_create(terms=["ÜBELKEIT AM MORGEN", "darm"], lang="de")

    assert created == []
    assert sorted(keyword.term_de for keyword in found.values()) == ["Darm", "Übelkeit am Morgen"]
