from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from articles.delivery.feed import compact_feed
from cms.wording import plural


class Command(BaseCommand):
    help = (
        "Remove change-feed entries older than --days that no client needs: entries a later one "
        "supersedes (no cursor expires) and old tombstones (cursors from before them expire: "
        "those clients sync again from the beginning)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--days",
            type=int,
            default=30,
            help="Keep everything recorded in the last DAYS days (default 30).",
        )

    def handle(self, *args, days: int, **options) -> None:
        if days < 0:
            raise CommandError("--days must be 0 or more.")
        result = compact_feed(before=timezone.now() - timedelta(days=days))
        self.stdout.write(
            self.style.SUCCESS(
                f"Removed {plural(result.superseded, 'superseded entry', 'superseded entries')}"
                f" and {plural(result.tombstones, 'old tombstone')}; cursors before position "
                f"{result.horizon} have expired."
            )
        )
