"""WSGI entry point (gunicorn cms.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")

django_application = get_wsgi_application()

# Content-API cache hits and 304s are answered before Django's request handling (see
# articles/api/wsgi.py); everything else goes to Django unchanged. Imported after setup.
from articles.api.wsgi import CachedApiResponses  # noqa: E402

application = CachedApiResponses(django_application)
