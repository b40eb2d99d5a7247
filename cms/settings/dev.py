"""Local development: debug on, a fixed secret key that only ever exists here."""

from cms.settings.base import *  # noqa: F403
from cms.settings.environment import env_bool, env_str

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key-never-use-in-production")
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# Django's own logging prints its INFO lines (the autoreloader's "Watching for file changes")
# on its console handler, and they reached the root console handler too: every line twice.
LOGGING = {
    **LOGGING,  # noqa: F405
    "loggers": {"django": {"handlers": ["console"], "level": "INFO", "propagate": False}},
}
