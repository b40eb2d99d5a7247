"""``cms.search``: the PostgreSQL search backend writes exactly what modelsearch's would."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.models.sql.subqueries import InsertQuery
from modelsearch.backends import get_search_backend
from modelsearch.backends.database.postgres.postgres import IndexEntry, ObjectIndexer, PostgresIndex

from articles.content import ArticleContent, FAQContent, KeywordContent, SectionContent
from seo.models import Keyword

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL search backend"),
]


def _content(lang: str) -> ArticleContent:
    return ArticleContent(
        title=f"Regenwasser sammeln {lang}",
        slug=f"regenwasser-{lang}",
        intro_html=f"<p>Regenwasser ist <b>weich</b> und kostenlos ({lang}).</p>",
        sections=tuple(
            SectionContent(f"Abschnitt {i} {lang}", f"<p>Text {i} mit Tonne und Fallrohr.</p>")
            for i in range(4)
        ),
        conclusion_html="<p>Mit Pflege versorgt Regenwasser den Garten.</p>",
        faqs=(FAQContent("Darf man Gemüse gießen?", "<p>Ja, <i>gern</i>.</p>"),),
        keywords=(KeywordContent("Regentonne", focus=True), KeywordContent("Fallrohr")),
    )


def _indexed_objects(make_article) -> list:
    page = make_article("de", content=_content("de"), translations={"en": _content("en")})
    return [page.specific, *Keyword.objects.order_by("pk")]


def _sql(compiler, column: str, value):
    value = compiler.prepare_value(IndexEntry._meta.get_field(column), value)
    return value.as_sql(compiler, connection)


def test_the_backend_indexes_with_the_fast_indexer_on_postgresql():
    from cms.search import FastIndexingPostgresSearchBackend

    assert isinstance(get_search_backend(), FastIndexingPostgresSearchBackend)


def test_each_column_compiles_to_the_same_sql_and_parameters(make_article):
    from cms.search import FastObjectIndexer

    backend = get_search_backend()
    compiler = InsertQuery(IndexEntry).get_compiler(connection=connection)
    templates: dict = {}
    for obj in _indexed_objects(make_article):
        original = ObjectIndexer(obj, backend)
        fast = FastObjectIndexer(obj, backend)
        fast.templates, fast.compiler = templates, compiler
        for column in ("title", "autocomplete", "body"):
            assert _sql(compiler, column, getattr(fast, column)) == _sql(
                compiler, column, getattr(original, column)
            ), (obj, column)
        assert fast.title_text == original.title_text
        assert fast.body_text == original.body_text


def test_the_stored_index_rows_are_the_ones_modelsearch_stores(make_article):
    backend = get_search_backend()
    objects = _indexed_objects(make_article)
    columns = ("title", "autocomplete", "body", "title_text", "body_text")

    def rows():
        return {
            (entry["content_type_id"], entry["object_id"]): tuple(
                str(entry[column]) for column in columns
            )
            for entry in IndexEntry.objects.values("content_type_id", "object_id", *columns)
        }

    IndexEntry.objects.all().delete()
    for obj in objects:
        PostgresIndex(backend).add_items(type(obj), [obj])
    expected = rows()
    IndexEntry.objects.all().delete()
    for obj in objects:
        backend.get_index_for_model(type(obj)).add_items(type(obj), [obj])

    assert rows() == expected
    assert len(expected) == len(objects)
