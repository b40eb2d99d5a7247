"""Test run: fast hashing, in-memory email, tasks run immediately."""

from cms.settings.base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# CACHES comes from base.py: Redis when REDIS_URL is set (CI), local memory otherwise. A loaded CI
# machine can stall a process for longer than production's timeout; a test must not see Redis
# as down because of that (the fault tests use production's timeouts on their own Redis).
if REDIS_URL:  # noqa: F405
    CACHES["default"]["OPTIONS"].update(SOCKET_CONNECT_TIMEOUT=5, SOCKET_TIMEOUT=5)  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
# Throttling is tested explicitly with override_settings; elsewhere it would make tests flaky.
REST_FRAMEWORK = {**REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "100000/minute"}}  # noqa: F405
MEDIA_ROOT = BASE_DIR / "var" / "test-media"  # noqa: F405
