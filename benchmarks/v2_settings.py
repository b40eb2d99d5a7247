"""Benchmark-only settings: production settings plus Wagtail's API v2 at /api/v2/.

The public URLconf does not serve API v2 (docs/api.md says why); ``bench_scale.py`` runs one
gunicorn with ``DJANGO_SETTINGS_MODULE=v2_settings`` (``benchmarks/`` on the Python path) to
compare our list with Wagtail's on the same database. Never used outside benchmarks.
"""

from cms.settings.production import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "wagtail.api.v2"]  # noqa: F405
ROOT_URLCONF = "v2_urls"
