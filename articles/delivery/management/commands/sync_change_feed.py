from django.core.management.base import BaseCommand

from articles.delivery.changes import record_public_changes
from cms.wording import plural


class Command(BaseCommand):
    help = (
        "Record in the change feed (and send webhooks for) every public change the signals "
        "cannot see: scheduled expiries and go-lives as they happen. Run it every minute from "
        "cron, next to Wagtail's publish_scheduled."
    )

    def handle(self, *args, **options) -> None:
        entries = record_public_changes()
        self.stdout.write(self.style.SUCCESS(f"{plural(len(entries), 'change')} recorded."))
