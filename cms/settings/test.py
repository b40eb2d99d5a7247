"""Test run: fast hashing, in-memory email, tasks run immediately."""

import os
from urllib.parse import urlsplit, urlunsplit

from cms.settings.base import *  # noqa: F403

# pytest-xdist runs the suite in worker processes gw0, gw1, ...: pytest-django gives each its
# own test database; the cache (a test's cache.clear() empties a whole Redis database) and
# uploaded media are made per worker here.
XDIST_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
_worker_number = int(XDIST_WORKER[2:]) if XDIST_WORKER.startswith("gw") else 0

DEBUG = False
SECRET_KEY = "test-only-secret-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# CACHES comes from base.py: Redis when REDIS_URL is set (CI), local memory otherwise. A loaded CI
# machine can stall a process for longer than production's timeout; a test must not see Redis
# as down because of that (the fault tests use production's timeouts on their own Redis).
if REDIS_URL:  # noqa: F405
    CACHES["default"]["OPTIONS"].update(SOCKET_CONNECT_TIMEOUT=5, SOCKET_TIMEOUT=5)  # noqa: F405
    if _worker_number:  # REDIS_URL's database for gw0, the ones below it for the others
        _url = urlsplit(REDIS_URL)  # noqa: F405
        _database = int(_url.path.strip("/") or 0) - _worker_number
        if _database < 0:
            raise ImproperlyConfigured(  # noqa: F405
                f"REDIS_URL's database leaves no Redis database for xdist worker {XDIST_WORKER}"
            )
        CACHES["default"]["LOCATION"] = urlunsplit(_url._replace(path=f"/{_database}"))  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
# Throttling is tested explicitly with override_settings; elsewhere it would make tests flaky.
REST_FRAMEWORK = {**REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "100000/minute"}}  # noqa: F405
MEDIA_ROOT = BASE_DIR / "var" / "test-media" / (XDIST_WORKER or "main")  # noqa: F405
