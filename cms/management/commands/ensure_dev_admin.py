"""Create the local development admin user if it is missing. Refuses outside DEBUG."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

USERNAME = "admin"
PASSWORD = "admin"


class Command(BaseCommand):
    help = "Create a superuser admin/admin for local development (only when DEBUG is on)."

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG:
            raise CommandError("ensure_dev_admin only runs with DEBUG on (development settings)")
        user_model = get_user_model()
        if not user_model.objects.filter(username=USERNAME).exists():
            user_model.objects.create_superuser(USERNAME, "admin@example.com", PASSWORD)
            self.stdout.write(self.style.SUCCESS("Created the local admin user."))
        self.stdout.write(
            f"Admin: http://127.0.0.1:8000/admin/  user: {USERNAME}  password: {PASSWORD} "
            "(development only)"
        )
