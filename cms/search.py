"""Wagtail's database search backend, with cheaper indexing on PostgreSQL.

``WAGTAILSEARCH_BACKENDS`` names this module instead of ``wagtail.search.backends.database``.
It picks the same backend for the database in use (``modelsearch.backends.database``); on
PostgreSQL it is a subclass that writes exactly the same index rows with less Python:

- modelsearch's ``ObjectIndexer`` walks every search field of an object five times (title,
  body, autocomplete and the two plain-text columns), each time reading every section's and
  FAQ's rich text and stripping its tags again. Here each object is walked once.
- Each text fragment becomes a Django ``SearchVector`` expression that is resolved and
  compiled on its own (about 30 per article). Here the SQL of one fragment is compiled once
  per weight and configuration, and later fragments only put their text into its parameters.

The title-norm update that follows each batch runs under a database lock, so that two
indexers never run it at once. Searching is untouched. ``tests/cms/test_search_backend.py``
checks that the SQL and the parameters are identical to modelsearch's for real articles and
keywords.
"""

from __future__ import annotations

from functools import cached_property

from django.contrib.postgres.search import SearchVector
from django.db.models import TextField, Value
from django.db.models.sql.subqueries import InsertQuery
from modelsearch.backends.database import SearchBackend as database_search_backend
from modelsearch.backends.database.postgres.postgres import (
    EMPTY_VECTOR,
    IndexEntry,
    ObjectIndexer,
    PostgresIndex,
    PostgresSearchBackend,
)
from modelsearch.index import AutocompleteField, SearchField
from modelsearch.utils import balanced_reduce, get_content_type_pk


def SearchBackend(params):
    backend = database_search_backend(params)
    if type(backend) is PostgresSearchBackend:
        return FastIndexingPostgresSearchBackend(params)
    return backend


class _CompiledSQL:
    """An already compiled SQL fragment, accepted where Django expects an expression."""

    contains_aggregate = False
    contains_over_clause = False
    contains_column_references = False

    def __init__(self, sql: str, params: list) -> None:
        self.sql = sql
        self.params = params

    def resolve_expression(self, *args, **kwargs):
        return self

    def as_sql(self, compiler, connection):
        return self.sql, list(self.params)


# A text no article contains, to find the text's place among a compiled fragment's parameters.
_PLACEHOLDER = "\x00modelsearch-fragment\x00"


class FastObjectIndexer(ObjectIndexer):
    """``ObjectIndexer`` with each search field prepared once and fragments compiled from
    cached templates. The values are the ones modelsearch computes, in the same order."""

    templates: dict  # shared per index: (config, weight) -> (sql, params, text position)
    compiler = None

    @cached_property
    def prepared(self) -> list[tuple]:
        return [
            item for field in self.search_fields for item in self.prepare_field(self.obj, field)
        ]

    def _texts(self, *, title: bool, kind=SearchField) -> list[tuple[str, str]]:
        return [
            (value, boost)
            for current_field, boost, value in self.prepared
            if isinstance(current_field, kind) and (current_field.field_name == "title") == title
        ]

    @cached_property
    def title(self):
        return self.as_vector(self._texts(title=True))

    @cached_property
    def body(self):
        return self.as_vector(self._texts(title=False))

    @cached_property
    def autocomplete(self):
        texts = [
            (value, boost)
            for current_field, boost, value in self.prepared
            if isinstance(current_field, AutocompleteField)
        ]
        return self.as_vector(texts, for_autocomplete=True)

    @cached_property
    def title_text(self):
        return " ".join(text for text, _ in self._plain(title=True))

    @cached_property
    def body_text(self):
        return " ".join(text for text, _ in self._plain(title=False))

    def _plain(self, *, title: bool) -> list[tuple[str, str]]:
        texts = [(value.strip(), boost) for value, boost in self._texts(title=title)]
        return [(text, boost) for text, boost in texts if text]

    def as_vector(self, texts, for_autocomplete=False):
        texts = [(text.strip(), weight) for text, weight in texts]
        texts = [(text, weight) for text, weight in texts if text]
        if not texts:
            return EMPTY_VECTOR
        config = self.autocomplete_config if for_autocomplete else self.config
        fragments = [self._fragment(text, weight, config) for text, weight in texts]
        return balanced_reduce(_concatenate, fragments)

    def _fragment(self, text: str, weight: str, config) -> _CompiledSQL:
        key = (config, weight)
        if key not in self.templates:
            vector = SearchVector(
                Value(_PLACEHOLDER, output_field=TextField()), weight=weight, config=config
            )
            value = self.compiler.prepare_value(IndexEntry._meta.get_field("body"), vector)
            sql, params = value.as_sql(self.compiler, self.compiler.connection)
            positions = [i for i, param in enumerate(params) if param == _PLACEHOLDER]
            if len(positions) != 1:  # never seen; compile each fragment as modelsearch does
                return _CompiledSQL(*_compiled(self.compiler, text, weight, config))
            self.templates[key] = (sql, list(params), positions[0])
        sql, params, position = self.templates[key]
        params = [*params[:position], text, *params[position + 1 :]]
        return _CompiledSQL(sql, params)


def _compiled(compiler, text, weight, config):
    vector = SearchVector(Value(text, output_field=TextField()), weight=weight, config=config)
    value = compiler.prepare_value(IndexEntry._meta.get_field("body"), vector)
    return value.as_sql(compiler, compiler.connection)


def _concatenate(left: _CompiledSQL, right: _CompiledSQL) -> _CompiledSQL:
    # What Django compiles ``SearchVector + SearchVector`` to: "(left || right)".
    return _CompiledSQL(f"({left.sql} || {right.sql})", [*left.params, *right.params])


class FastIndexingPostgresIndex(PostgresIndex):
    def add_items(self, model, objs):
        """``PostgresIndex.add_items`` with ``FastObjectIndexer``: one INSERT for all objects,
        then the title norms, as there."""
        search_fields = model.get_search_fields()
        if not search_fields:
            return
        compiler = InsertQuery(IndexEntry).get_compiler(connection=self.write_connection)
        templates = self.__dict__.setdefault("_fragment_templates", {})
        indexers = []
        for obj in objs:
            indexer = FastObjectIndexer(obj, self.backend)
            indexer.templates = templates
            indexer.compiler = compiler
            indexers.append(indexer)
        if not indexers:
            return

        content_type_pk = get_content_type_pk(model)
        rows_sql = []
        data_params = []
        for indexer in indexers:
            data_params.extend((content_type_pk, indexer.id))
            columns = []
            for column, value in (
                ("title", indexer.title),
                ("autocomplete", indexer.autocomplete),
                ("body", indexer.body),
            ):
                value = compiler.prepare_value(IndexEntry._meta.get_field(column), value)
                sql, params = value.as_sql(compiler, self.write_connection)
                columns.append(sql)
                data_params.extend(params)
            data_params.append(indexer.title_text)
            data_params.append(indexer.body_text)
            rows_sql.append(f"(%s, %s, {columns[0]}, {columns[1]}, {columns[2]}, 1.0, %s, %s)")

        with self.write_connection.cursor() as cursor:
            cursor.execute(
                f"""
                INSERT INTO {IndexEntry._meta.db_table} (content_type_id, object_id, title, autocomplete, body, title_norm, title_text, body_text)
                (VALUES {", ".join(rows_sql)})
                ON CONFLICT (content_type_id, object_id)
                DO UPDATE SET title = EXCLUDED.title,
                              title_norm = 1.0,
                              autocomplete = EXCLUDED.autocomplete,
                              body = EXCLUDED.body,
                              title_text = EXCLUDED.title_text,
                              body_text = EXCLUDED.body_text
                """,  # noqa: E501 - modelsearch's statement, values as parameters
                data_params,
            )

        self._refresh_title_norms()

    def _refresh_title_norms(self, full=False):
        """modelsearch's update, one indexer at a time (PostgreSQL session lock).

        It rewrites every entry still at title_norm 1.0, other writers' new entries included;
        two such updates at once (parallel import workers) can each wait for rows the other
        holds. After this update the row locks are only waited for, never in a circle."""
        with self.write_connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s)", [TITLE_NORMS_LOCK_ID])
            try:
                super()._refresh_title_norms(full=full)
            finally:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [TITLE_NORMS_LOCK_ID])


# Any fixed 64-bit number that no other code uses as an advisory lock id.
TITLE_NORMS_LOCK_ID = 0x4D53544E4F524D53  # "MSTNORMS"


class FastIndexingPostgresSearchBackend(PostgresSearchBackend):
    index_class = FastIndexingPostgresIndex
