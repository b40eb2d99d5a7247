"""Production: secrets from the environment, persistent connections, HTTPS everywhere."""

import sys

from cms.settings.base import *  # noqa: F403
from cms.settings.environment import env_bool, env_int, env_str

DEBUG = False

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    sys.exit("Configuration error: SECRET_KEY must be set in production (no default exists)")

DATABASES["default"]["CONN_MAX_AGE"] = env_int("CONN_MAX_AGE", 60)  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
# Wagtail's live preview shows the page in a same-origin iframe inside the editor.
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = [
    # security.W019 asks for X_FRAME_OPTIONS = "DENY"; that would break Wagtail's preview panel.
    # SAMEORIGIN still blocks framing by any other site.
    "security.W019",
]

STORAGES["staticfiles"]["BACKEND"] = (  # noqa: F405
    "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"
)

# Webhooks are sent by `manage.py db_worker` processes (README.md), never in an editor's request.
TASKS = task_settings(env_str("TASKS_BACKEND", "database").lower())  # noqa: F405
