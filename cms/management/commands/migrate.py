"""``migrate`` that leaves a modeltranslation database complete, every time.

wagtail-modeltranslation adds the page table's ``title_xx``/``slug_xx``/``url_path_xx`` columns
with raw SQL after the migrations run, not in a migration file. Plain ``migrate`` therefore leaves
three gaps that every fresh database (development, CI, the test database) would have to close by
hand: the pages from Wagtail's data migration have no values in the new columns, their
per-language URL paths are unset, and the ``slug_xx`` columns used for API look-ups have no index.
This command closes them right after the package's own migrate, idempotently. It also indexes the
keywords' ``term_xx`` columns as keywords are looked up (ignoring case) on every import and edit,
and builds the per-language search documents of live articles that have none.
"""

from __future__ import annotations

import contextlib
import io
from contextlib import nullcontext
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.db import connections
from modeltranslation.utils import build_localized_fieldname
from wagtail.models import Page
from wagtail_modeltranslation.migrate.management.commands.migrate import (
    Command as TranslationMigrateCommand,
)

from articles.indexing.models import ArticleSearchText
from articles.indexing.search_text import backfill_search_texts, search_document_index
from seo.models import Keyword


class Command(TranslationMigrateCommand):
    help = (
        TranslationMigrateCommand.help
        + ". Then fills default-language columns, per-language URL paths, slug and keyword indexes."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        verbosity = self.verbosity = options["verbosity"]
        # modeltranslation reports the columns it adds with bare print() calls, whatever the
        # verbosity; keep quiet runs (the test database, scripts with -v 0) quiet.
        quiet = contextlib.redirect_stdout(io.StringIO()) if verbosity == 0 else nullcontext()
        with quiet:
            super().handle(*args, **options)
        database = options["database"]
        default_url_path = build_localized_fieldname("url_path", settings.LANGUAGE_CODE)
        unfilled = Page.objects.using(database).filter(**{f"{default_url_path}__isnull": True})
        if unfilled.exists():
            call_command("update_translation_fields", verbosity=0)
            call_command("set_translation_url_paths", verbosity=0)
            if verbosity:
                self.stdout.write("Filled default-language page columns and URL paths.")
        self._index_translated_slugs(database)
        self._index_keyword_terms(database)
        self._fill_translation_completeness(database)
        self._index_search_documents(database)
        if database == "default":
            # Live articles published before the per-language search documents existed (or
            # while their table was empty) get theirs; a no-op query afterwards.
            indexed = backfill_search_texts()
            if indexed and verbosity:
                self.stdout.write(f"Built search documents of {indexed} live articles.")

    def _fill_translation_completeness(self, database: str) -> None:
        # Articles published before the per-language completeness columns existed, or before a
        # language was added, have NULLs there; the visibility selector needs a value.
        from articles.completeness import completeness_column
        from articles.models import ArticlePage
        from articles.services import article_completeness_refresh

        connection = connections[database]
        table = ArticlePage._meta.db_table
        with connection.cursor() as cursor:
            if table not in connection.introspection.table_names(cursor):
                return
            present = {
                column.name
                for column in connection.introspection.get_table_description(cursor, table)
            }
        wanted = {completeness_column(code) for code in settings.MODELTRANSLATION_LANGUAGES}
        if not wanted <= present:  # migrated to a state before the columns
            return
        changed = article_completeness_refresh(only_unknown=True)
        if changed and self.verbosity:
            self.stdout.write(f"Computed translation completeness of {changed} articles.")

    def _index_search_documents(self, database: str) -> None:
        # Full-text search filters on one language and matches its documents: one partial GIN
        # index per language. A single index over all languages loses to the (page, lang)
        # index in the planner's eyes, which then reads (and decompresses) every document of
        # the language: 0.7 s instead of 0.05 ms for a rare word at 10,000 articles.
        connection = connections[database]
        if connection.vendor != "postgresql":
            return
        table = ArticleSearchText._meta.db_table
        quote = connection.ops.quote_name
        with connection.cursor() as cursor:
            for code in settings.MODELTRANSLATION_LANGUAGES:
                # DDL takes no parameters; codes are validated language tags (CMS_LANGUAGES).
                literal = "'" + code.replace("'", "''") + "'"
                cursor.execute(
                    f"CREATE INDEX IF NOT EXISTS {quote(search_document_index(code))} "
                    f"ON {quote(table)} USING gin (document) WHERE lang = {literal}"
                )

    def _index_translated_slugs(self, database: str) -> None:
        # Articles are looked up by slug_<lang> (fallback never applies in queries).
        _index_every_language(database, Page._meta.db_table, "slug", "idx", "{}")

    def _index_keyword_terms(self, database: str) -> None:
        # Keywords are found by term ignoring case (``term_<lang>__iexact``), which PostgreSQL
        # compares as UPPER(term_<lang>) = UPPER(%s): without this index every import scans the
        # whole keyword table, slower the more keywords there are. (SQLite compares with LIKE,
        # which this index does not serve; there it costs only its upkeep.)
        _index_every_language(database, Keyword._meta.db_table, "term", "upper_idx", "UPPER({})")


def _index_every_language(
    database: str, table: str, field: str, suffix: str, expression: str
) -> None:
    """CREATE INDEX IF NOT EXISTS ``<table>_<field>_<lang>_<suffix>`` on ``expression`` (with
    ``{}`` for the column) for every configured language's column of ``field``."""
    connection = connections[database]
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for code in settings.MODELTRANSLATION_LANGUAGES:
            column = build_localized_fieldname(field, code)
            index = f"{table}_{column}_{suffix}"
            cursor.execute(
                f"CREATE INDEX IF NOT EXISTS {quote(index)} "
                f"ON {quote(table)} ({expression.format(quote(column))})"
            )
