"""Fill the stored SEO audit table (admin report, dashboard) from every page's latest revision.

Pages are analysed when they are saved or published; this command analyses all of them, e.g.
after a deployment that changed the engine or its thresholds, or after an import that saved
drafts. Exit code 0 when done, 2 on bad arguments or settings.
"""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError, CommandParser

from cms.wording import plural
from seo.audit_results import audit_results_refresh_all
from seo.models import SEOAuditResult

DEFAULT_BATCH_SIZE = 200


def positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise ValueError(value)
    return number


class Command(BaseCommand):
    help = "Analyse every page's latest revision in every language and store the results."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--batch-size",
            type=positive_int,
            default=DEFAULT_BATCH_SIZE,
            help=f"Pages read and stored per batch (default {DEFAULT_BATCH_SIZE}).",
        )
        parser.add_argument(
            "--workers",
            type=positive_int,
            default=1,
            help="Analyse with this many processes (PostgreSQL; default 1). Same rows as one.",
        )

    def handle(self, *args: object, batch_size: int, workers: int, **options: object) -> None:
        started = time.perf_counter()
        try:
            pages = audit_results_refresh_all(batch_size=batch_size, workers=workers)
        except ValueError as error:
            # SEO_THRESHOLDS with an unknown key or a bad value.
            raise CommandError(str(error), returncode=2) from error
        rows = SEOAuditResult.objects.count()
        self.stdout.write(
            self.style.SUCCESS(
                f"Analysed {plural(pages, 'page')}: {plural(rows, 'language row')} stored "
                f"in {time.perf_counter() - started:.1f} s."
            )
        )
