"""Create the local development admin user if it is missing. Refuses outside DEBUG.

The admin's language is each user's preferred language, else the default content language
(German out of the box). The dev admin is created with English as its preferred language, as
a first run is usually someone finding their way around; it is a setting of that user only
(Account -> Locale -> Preferred language) and is never changed once the user exists.
"""

from __future__ import annotations

import os
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser
from wagtail.users.models import UserProfile

USERNAME = "admin"
PASSWORD = "admin"
ADMIN_LANGUAGE = "en"
# Addresses a server listens on that a browser cannot open: the browser uses loopback instead.
WILDCARD_HOSTS = {"0.0.0.0": "127.0.0.1", "::": "[::1]", "[::]": "[::1]", "": "127.0.0.1"}


def browsable_url(host: str, port: str | int) -> str:
    """``http://host:port`` as a browser on this machine would open it."""
    host = WILDCARD_HOSTS.get(host, host)
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"  # a bare IPv6 address
    return f"http://{host}:{port}"


class Command(BaseCommand):
    help = (
        "Create a superuser admin/admin for local development (only when DEBUG is on), with "
        "an English admin interface, and print where to log in."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--host",
            default=os.environ.get("HOST", "127.0.0.1"),
            help="host the development server listens on (default: $HOST or 127.0.0.1)",
        )
        parser.add_argument(
            "--port",
            default=os.environ.get("PORT", "8000"),
            help="port the development server listens on (default: $PORT or 8000)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG:
            raise CommandError("ensure_dev_admin only runs with DEBUG on (development settings)")
        user_model = get_user_model()
        if not user_model.objects.filter(username=USERNAME).exists():
            user = user_model.objects.create_superuser(USERNAME, "admin@example.com", PASSWORD)
            profile = UserProfile.get_for_user(user)
            profile.preferred_language = ADMIN_LANGUAGE
            profile.save(update_fields=["preferred_language"])
            self.stdout.write(
                self.style.SUCCESS("Created the local admin user (admin interface in English).")
            )
        url = browsable_url(options["host"], options["port"])
        self.stdout.write(f"API: {url}/api/v1/  docs: {url}/api/docs/")
        self.stdout.write(
            f"Admin: {url}/admin/  user: {USERNAME}  password: {PASSWORD} (development only)"
        )
