"""The project's ``migrate`` leaves the look-up indexes a modeltranslation database needs."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.db import connection

from seo.models import Keyword

pytestmark = pytest.mark.django_db


def test_keyword_terms_are_indexed_in_every_language_for_case_insensitive_look_ups():
    # The test database was made by the project's migrate, as every database is.
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, Keyword._meta.db_table)
    for code in settings.MODELTRANSLATION_LANGUAGES:
        assert f"seo_keyword_term_{code}_upper_idx" in constraints


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's query plan")
def test_a_keyword_look_up_by_term_uses_the_index():
    Keyword.objects.bulk_create([Keyword(term_de=f"Begriff {n}") for n in range(200)])
    with connection.cursor() as cursor:
        # A table this small is cheaper to scan; the question is whether the index fits.
        cursor.execute("SET LOCAL enable_seqscan = off")
    plan = Keyword.objects.filter(term_de__iexact="begriff 7").explain()
    assert "seo_keyword_term_de_upper_idx" in plan
