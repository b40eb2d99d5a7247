"""Write seo/message_catalog.py from the engine's message templates (then run makemessages)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand

from seo.messages import catalog_source

CATALOG = Path(__file__).resolve().parents[2] / "message_catalog.py"


class Command(BaseCommand):
    help = (
        "Regenerate seo/message_catalog.py, the list of SEO engine messages that makemessages "
        "reads. Run it after changing seo.engine.messages, then makemessages and compilemessages."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        CATALOG.write_text(catalog_source(), encoding="utf-8")
        self.stdout.write(f"Wrote {CATALOG}")
