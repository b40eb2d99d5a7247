"""Export articles to the plain-text article format or JSON (see docs/import-export.md)."""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from articles.exporting import (
    FORMATS,
    JSON,
    TEXT,
    articles_to_export,
    exported_articles,
    missing_slugs,
    nothing_to_export_reason,
)
from articles.textformat import RenderError
from cms.command_paths import output_folder
from cms.wording import plural

BAD_ARGUMENTS = 2
SOME_ARTICLES_FAILED = 1


class Command(BaseCommand):
    help = (
        "Write articles to the plain-text article format (or JSON): one file per article and "
        "language, named <slug>.<lang>.txt/.json, into --output DIR or to stdout. Exports the "
        "latest revision (drafts included) unless --live. Exit code 0: all written; 1: some "
        "article could not be written; 2: bad arguments."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "slugs", nargs="*", metavar="SLUG", help="articles to export (default: all)"
        )
        parser.add_argument(
            "--output", metavar="DIR", help="folder for the files (default: stdout)"
        )
        parser.add_argument("--lang", help="only this language (default: every language)")
        parser.add_argument("--format", choices=FORMATS, default=TEXT)
        parser.add_argument(
            "--live",
            action="store_true",
            help="export the published version and skip unpublished articles "
            "(default: the latest revision, what editors see)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        language = options["lang"]
        if language is not None and language not in settings.MODELTRANSLATION_LANGUAGES:
            raise CommandError(
                f"--lang {language}: not a configured language "
                f"(configured: {', '.join(settings.MODELTRANSLATION_LANGUAGES)})",
                returncode=BAD_ARGUMENTS,
            )
        output = output_folder(options["output"]) if options["output"] else None
        slugs = options["slugs"]
        pages = list(articles_to_export(slugs, language=language))
        missing = missing_slugs(slugs, pages, language)
        if missing:
            raise CommandError(
                f"no article with the slug {', '.join(missing)}"
                + (f" in {language}" if language else ""),
                returncode=BAD_ARGUMENTS,
            )

        export_format = options["format"]
        documents = []
        failures = 0
        written = 0
        for article in exported_articles(pages, language=language, live=options["live"]):
            name = article.file_name(export_format)
            try:
                if export_format == JSON and output is None:
                    documents.append(article.json_data())
                    continue
                document = article.render(export_format)
                written += 1
            except RenderError as error:
                failures += 1
                self.stderr.write(f"{name}: not written: {error}")
                continue
            if output is None:
                self.stdout.write(document, ending="")
            else:
                (output / name).write_text(document, encoding="utf-8", newline="\n")
                self.stderr.write(f"{output / name}: written")
        if export_format == JSON and output is None:
            written = len(documents)
            self.stdout.write(json.dumps(documents, ensure_ascii=False, indent=2))
        if not written and not failures:
            # Not an error (exit code 0): an empty selection is a valid answer, but say why.
            reason = nothing_to_export_reason(pages, language=language, live=options["live"])
            self.stderr.write(self.style.WARNING(f"Nothing to export: {reason}."))
        elif output is not None:
            self.stderr.write(f"{plural(written, 'file')} written to {output}")
        if failures:
            raise CommandError(
                f"{plural(failures, 'article version')} could not be written",
                returncode=SOME_ARTICLES_FAILED,
            )
