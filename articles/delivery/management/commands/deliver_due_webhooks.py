from collections import Counter

from django.core.management.base import BaseCommand

from articles.delivery.webhooks import deliver_due_webhooks


class Command(BaseCommand):
    help = (
        "Send every webhook delivery that is due (first attempts that were never enqueued, "
        "retries where the task backend cannot defer tasks, attempts whose worker died). Run it "
        "every minute from cron; with the database backend the workers retry on their own."
    )

    def handle(self, *args, **options) -> None:
        outcomes = Counter(delivery.status for delivery in deliver_due_webhooks())
        summary = ", ".join(f"{count} {status}" for status, count in sorted(outcomes.items()))
        self.stdout.write(self.style.SUCCESS(f"Due deliveries: {summary or 'none'}."))
