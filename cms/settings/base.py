"""Settings shared by every environment. Configuration comes from environment variables.

Every variable is listed, with its default, in README.md ("Configuration").
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from cms.settings.environment import (
    env_bool,
    env_int,
    env_list,
    env_str,
    incomplete_languages_policy,
    language_name,
    parse_languages,
)

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "cms"

try:
    CMS_LANGUAGES = parse_languages(env_str("CMS_LANGUAGES", "de,en,nl,fr"))
    DEBUG = env_bool("DEBUG", False)
    ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
    CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
    FRONTEND_BASE_URL = env_str("FRONTEND_BASE_URL", "http://localhost:3000").rstrip("/")
    FRONTEND_URL_TEMPLATE = env_str("FRONTEND_URL_TEMPLATE", "{base}/{lang}/blog/{slug}/")
    REDIS_URL = env_str("REDIS_URL")
    # What the public gets of a language version that lacks texts the article's primary
    # language has (articles/completeness.py): "hide" it, or serve it with the default
    # language's text, flagged and noindex ("fallback"). CMS_FALLBACK_TO_DEFAULT is its
    # deprecated alias (true = fallback, false = hide); see docs/architecture.md.
    CMS_INCOMPLETE_LANGUAGES = incomplete_languages_policy(
        os.environ.get("CMS_INCOMPLETE_LANGUAGES"),
        legacy_fallback=os.environ.get("CMS_FALLBACK_TO_DEFAULT"),
    )
    API_CACHE_MAX_AGE = env_int("API_CACHE_MAX_AGE", 300)
    # URLs per sitemap file; past it /sitemap.xml becomes an index (Google's limit: 50,000).
    SITEMAP_MAX_URLS = env_int("SITEMAP_MAX_URLS", 50_000, minimum=1)
    API_THROTTLE_RATE = env_str("API_THROTTLE_RATE", "600/minute")
    # Proxies in front of the app that append to X-Forwarded-For (a load balancer, a CDN). With
    # 0, clients are told apart by the connection's address only: the header is not trusted.
    TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
    CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS")
    WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
    DATABASES = {
        "default": dj_database_url.parse(
            env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
            conn_max_age=env_int("CONN_MAX_AGE", 0),
            conn_health_checks=True,
        )
    }
    # On PostgreSQL, psycopg 3 binds query parameters on the server instead of quoting them into
    # the SQL in Python, and prepares a statement a connection runs repeatedly, so PostgreSQL
    # plans it once: together about a fifth less CPU per imported article
    # (docs/import-export.md). Django leaves both off for connection poolers that do not keep
    # prepared statements (PgBouncer in transaction mode before 1.21):
    # DATABASE_PREPARE_THRESHOLD=0 turns preparing off, DATABASE_SERVER_SIDE_BINDING=false both.
    _postgresql = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
    if _postgresql and env_bool("DATABASE_SERVER_SIDE_BINDING", True):
        DATABASES["default"]["OPTIONS"] = {
            **DATABASES["default"].get("OPTIONS", {}),
            "server_side_binding": True,
            "prepare_threshold": env_int("DATABASE_PREPARE_THRESHOLD", 5) or None,
        }
except (ImproperlyConfigured, ValueError) as error:
    # One line naming the bad value, not a traceback through Django's settings machinery.
    sys.exit(f"Configuration error: {error}")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    # modeltranslation patches Wagtail's Page: every wagtail.* app must be loaded before it, and
    # every app with a translation.py after it (see docs/architecture.md).
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    # "cms" provides the project's ``migrate`` (see cms/management/commands/migrate.py), so it
    # must come before wagtail_modeltranslation.migrate, whose command it extends.
    "cms",
    "wagtail_modeltranslation",
    "wagtail_modeltranslation.makemigrations",
    "wagtail_modeltranslation.migrate",
    "modelcluster",
    "taggit",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "corsheaders",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "seo",
    "articles",
    "articles.delivery",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"
ASGI_APPLICATION = "cms.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages. The first configured language is the default: untranslated columns (title, slug,
# url_path) hold it. Model attribute reads (the admin, ``page.title``) fall back to it; what the
# public is served of an incomplete language is CMS_INCOMPLETE_LANGUAGES's decision, read
# explicitly by the API (articles/api/localized.py), never through this fallback.
LANGUAGE_CODE = CMS_LANGUAGES[0]
LANGUAGES = [(code, language_name(code)) for code in CMS_LANGUAGES]
MODELTRANSLATION_DEFAULT_LANGUAGE = LANGUAGE_CODE
MODELTRANSLATION_LANGUAGES = tuple(CMS_LANGUAGES)
MODELTRANSLATION_FALLBACK_LANGUAGES = (LANGUAGE_CODE,)
# Wagtail's own i18n (Locale, translation trees) is a different model from modeltranslation's
# per-language columns; the two must not be mixed.
WAGTAIL_I18N_ENABLED = False
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATIC_ROOT = BASE_DIR / "static"
STATIC_URL = "/static/"
MEDIA_ROOT = BASE_DIR / "media"
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# The page editor posts one form field per language per field; long articles exceed Django's 1000.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 20_000

if REDIS_URL:
    try:
        # Every Redis call gives up after this long (connecting, and waiting for an answer):
        # a hung Redis must cost milliseconds per interval, not seconds per request.
        _redis_timeout = env_int("REDIS_TIMEOUT_MS", 250, minimum=1) / 1000
        # After a failure the cache is bypassed for this long, then probed again.
        _redis_retry_seconds = env_int("REDIS_RETRY_SECONDS", 5, minimum=1)
    except ImproperlyConfigured as error:
        sys.exit(f"Configuration error: {error}")
    CACHES = {
        "default": {
            # django-redis with a circuit breaker (cms/cache_backend.py).
            "BACKEND": "cms.cache_backend.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "cms",
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": _redis_timeout,
                "SOCKET_TIMEOUT": _redis_timeout,
                "RETRY_SECONDS": _redis_retry_seconds,
            },
        }
    }
    # A cache outage must degrade to uncached responses, not to 500s.
    DJANGO_REDIS_IGNORE_EXCEPTIONS = True
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

WAGTAIL_SITE_NAME = env_str("WAGTAIL_SITE_NAME", "Multilingual SEO CMS")
# Wagtail's database backend for the database in use; on PostgreSQL with cheaper indexing
# (the same rows, less Python per object: cms/search.py).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "cms.search"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "txt", "xlsx"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
# The locale picker shows one language at a time in the editor; every language stays in the form.
WAGTAILMODELTRANSLATION_LOCALE_PICKER = True

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.TokenAuthentication",
    ],
    "DEFAULT_THROTTLE_CLASSES": ["rest_framework.throttling.AnonRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"anon": API_THROTTLE_RATE},
    # Throttles identify clients by REMOTE_ADDR, or by X-Forwarded-For as seen by the nearest
    # of TRUSTED_PROXY_COUNT declared proxies (DRF's default, None, trusts any header).
    "NUM_PROXIES": TRUSTED_PROXY_COUNT,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Multilingual SEO CMS API",
    "DESCRIPTION": "Articles per language with SEO metadata, hreflang alternates and JSON-LD.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
}
CORS_URLS_REGEX = r"^/(api|sitemap\.xml).*$"
# The API is read-only: a preflight names only these methods. Browsers may read the validators
# and the throttle's Retry-After from JavaScript, and may send conditional requests and API
# tokens (django-cors-headers' defaults expose nothing and allow neither If-* header).
CORS_ALLOW_METHODS = ("GET", "HEAD", "OPTIONS")
CORS_ALLOW_HEADERS = (
    "accept",
    "accept-language",
    "authorization",
    "content-type",
    "if-modified-since",
    "if-none-match",
    "user-agent",
    "x-requested-with",
)
CORS_EXPOSE_HEADERS = (
    "Content-Language",
    "ETag",
    "Last-Modified",
    "Link",
    "Retry-After",
    "Vary",
)
CORS_PREFLIGHT_MAX_AGE = 86400

# SEO engine thresholds overrides, e.g. {"text_min_words": 600}. Unknown keys stop the audit.
SEO_THRESHOLDS: dict[str, object] = {}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}

# --- Content API (/api/v1/, articles.api) ------------------------------------------------------
# Owned by the content API; see docs/api.md. Every variable is listed in README.md.
try:
    # Seconds a rendered API response stays in the server-side cache (0 turns the cache off).
    # Publishing, unpublishing, moving or deleting invalidates it at once, but only where the
    # cache is shared: with the per-process local-memory cache (no REDIS_URL) other processes
    # would keep serving their copy, so the default there is the clients' max-age.
    API_RESPONSE_CACHE_TIMEOUT = env_int(
        "API_RESPONSE_CACHE_TIMEOUT", 3600 if REDIS_URL else API_CACHE_MAX_AGE
    )
    # Wagtail image filter for the hero image (og:image, JSON-LD image): 1200x630 is the size
    # Open Graph consumers and Google's article guidelines ask for.
    API_HERO_IMAGE_FILTER = env_str("API_HERO_IMAGE_FILTER", "fill-1200x630")
    # Where frontends load media (rendition) files from, e.g. a CDN: "https://cdn.example.com".
    # Empty: the host that serves them (WAGTAILADMIN_BASE_URL).
    MEDIA_BASE_URL = env_str("MEDIA_BASE_URL", "").rstrip("/")
    # The sizes attribute sent with every srcset (the layout's widths; frontends may override).
    API_IMAGE_SIZES = env_str("API_IMAGE_SIZES", "(min-width: 1200px) 1200px, 100vw")
    # The public site's name (og:site_name, the breadcrumb's home, the JSON-LD publisher) and
    # the publisher's logo for Google's Article markup; the admin's name stays WAGTAIL_SITE_NAME.
    SITE_NAME = env_str("SITE_NAME", env_str("WAGTAIL_SITE_NAME", "Multilingual SEO CMS"))
    PUBLISHER_NAME = env_str("PUBLISHER_NAME", SITE_NAME)
    PUBLISHER_LOGO_URL = env_str("PUBLISHER_LOGO_URL", "")
    # Rate limit of requests with a read-only API token (per token; a token may set its own).
    API_TOKEN_THROTTLE_RATE = env_str("API_TOKEN_THROTTLE_RATE", "6000/minute")
    # The site's X/Twitter account (twitter:site), e.g. "@example"; empty leaves the tag out.
    TWITTER_SITE = env_str("TWITTER_SITE", "")
    FRONTEND_URL_TEMPLATE.format(base="", lang="de", slug="example")
except (ImproperlyConfigured, ValueError) as error:
    sys.exit(f"Configuration error: {error}")
except (KeyError, IndexError) as error:
    sys.exit(
        f"Configuration error: FRONTEND_URL_TEMPLATE {FRONTEND_URL_TEMPLATE!r} uses the unknown "
        f"placeholder {error}; only {{base}}, {{lang}} and {{slug}} exist"
    )

# API_THROTTLE_RATE=off (or none, 0) turns throttling off, e.g. behind a CDN or for benchmarks.
# Anything else must be DRF's "<count>/<period>"; a typo would otherwise be a 500 per request.
_throttle_count, _, _throttle_period = API_THROTTLE_RATE.partition("/")
if API_THROTTLE_RATE.lower() in {"", "off", "none", "0"}:
    REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"] = {"anon": None}
elif not (
    _throttle_count.isdigit()
    and int(_throttle_count) > 0
    and _throttle_period in {"s", "sec", "second", "m", "min", "minute", "h", "hour", "d", "day"}
):
    sys.exit(
        "Configuration error: API_THROTTLE_RATE: expected e.g. '600/minute' or 'off', "
        f"got {API_THROTTLE_RATE!r}"
    )

if API_TOKEN_THROTTLE_RATE.lower() not in {"", "off", "none", "0"}:
    _token_count, _, _token_period = API_TOKEN_THROTTLE_RATE.partition("/")
    if not (
        _token_count.isdigit()
        and int(_token_count) > 0
        and _token_period in {"s", "sec", "second", "m", "min", "minute", "h", "hour", "d", "day"}
    ):
        sys.exit(
            "Configuration error: API_TOKEN_THROTTLE_RATE: expected e.g. '6000/minute' or "
            f"'off', got {API_TOKEN_THROTTLE_RATE!r}"
        )

# Serves cached API responses (and 304s) before the rest of the stack; inside CORS so cached
# responses still get their CORS headers.
MIDDLEWARE.insert(
    MIDDLEWARE.index("corsheaders.middleware.CorsMiddleware") + 1,
    "articles.api.caching.ApiResponseCacheMiddleware",
)
# Outermost: whatever answers an error under /api/ (Django's CSRF or bad-Host pages included),
# it leaves as JSON in the API's one error shape.
MIDDLEWARE.insert(0, "articles.api.errors.JsonErrorsUnderApi")
SPECTACULAR_SETTINGS["PREPROCESSING_HOOKS"] = ["articles.api.schema.only_content_api"]
# Swagger UI from the pinned drf-spectacular-sidecar package (static files), not from a CDN.
INSTALLED_APPS.append("drf_spectacular_sidecar")
SPECTACULAR_SETTINGS["SWAGGER_UI_DIST"] = "SIDECAR"
SPECTACULAR_SETTINGS["SWAGGER_UI_FAVICON_HREF"] = "SIDECAR"
SPECTACULAR_SETTINGS["REDOC_DIST"] = "SIDECAR"
SPECTACULAR_SETTINGS["COMPONENT_SPLIT_REQUEST"] = True
# One named enum per choice set: every language code field is the "Language" component.
SPECTACULAR_SETTINGS["ENUM_NAME_OVERRIDES"] = {
    "Language": "articles.api.serializers.LANGUAGE_CHOICES",
    "Hreflang": "articles.api.serializers.HREFLANG_CHOICES",
    "ErrorCode": "articles.api.serializers.ERROR_CODES",
}

# --- Change feed and webhooks (articles.delivery) -------------------------------------------
# Background tasks (Django's tasks framework through the django-tasks backport); webhook
# deliveries run on it. "immediate" runs a task as soon as it is enqueued (after the commit of
# the change, in the same process: development and tests); "database" stores it for
# `manage.py db_worker` processes (django-tasks-db) on any number of machines: production's
# default (production.py, README.md).
TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}


def task_settings(backend: str) -> dict:
    if backend not in TASK_BACKENDS:
        sys.exit(
            f"Configuration error: TASKS_BACKEND must be one of {', '.join(TASK_BACKENDS)}, "
            f"got {backend!r}"
        )
    return {"default": {"BACKEND": TASK_BACKENDS[backend]}}


TASKS = task_settings(env_str("TASKS_BACKEND", "immediate").lower())
try:
    # One webhook attempt waits this long for the receiver (to connect, then for each read).
    WEBHOOK_TIMEOUT_SECONDS = env_int("WEBHOOK_TIMEOUT_SECONDS", 5, minimum=1)
except ImproperlyConfigured as error:
    sys.exit(f"Configuration error: {error}")
# After a failed attempt wait 10 s, then 20 s, 40 s... at most an hour; give up 24 h after the
# event (articles/delivery/webhooks.py).
WEBHOOK_RETRY_BASE_SECONDS = 10
WEBHOOK_RETRY_MAX_DELAY_SECONDS = 3600
WEBHOOK_RETRY_WINDOW_SECONDS = 24 * 3600
