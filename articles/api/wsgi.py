"""A thin WSGI wrapper that answers content-API cache hits and 304s before Django runs.

A cached response needs no URL resolution, no session, locale, CSRF, auth or message
middleware, no request signals and no database: building Django's request and running that
stack cost more than the hit itself. The wrapper builds only the request object, asks the
response cache (``caching.lookup``, the same keys, throttle and validators as the middleware)
and adds what the middleware in front of it would have added - Django's security headers and
django-cors-headers' CORS headers - by calling those middlewares' own methods.

Anything that is not a plain hit goes to Django unchanged: misses, every other path and method,
HTTPS redirects (SECURE_SSL_REDIRECT), disallowed hosts (Django answers 400), a script prefix,
and any error while looking up the cache.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import Any

from corsheaders.middleware import CorsMiddleware
from django.conf import settings
from django.core.handlers.wsgi import WSGIRequest
from django.middleware.security import SecurityMiddleware
from django.utils.cache import patch_vary_headers

from articles.api.caching import CACHED_PATH_PREFIXES, cached_response, lookup

logger = logging.getLogger(__name__)


def _never_called(request: Any) -> None:  # the middlewares below only lend their methods
    raise AssertionError("not a middleware chain")


class CachedApiResponses:
    """``application = CachedApiResponses(get_wsgi_application())``."""

    def __init__(self, application: Callable[..., Iterable[bytes]]) -> None:
        self.application = application
        self.security = SecurityMiddleware(_never_called)
        self.cors = CorsMiddleware(_never_called)

    def __call__(self, environ: dict[str, Any], start_response: Callable) -> Iterable[bytes]:
        response = self._cached(environ)
        if response is None:
            return self.application(environ, start_response)
        headers = [*response.items()]
        start_response(f"{response.status_code} {response.reason_phrase}", headers)
        return [response.content]

    def _cached(self, environ: dict[str, Any]) -> Any:
        if (
            environ.get("REQUEST_METHOD") not in ("GET", "HEAD")
            or not environ.get("PATH_INFO", "").startswith(CACHED_PATH_PREFIXES)
            or environ.get("SCRIPT_NAME")
            or settings.FORCE_SCRIPT_NAME
        ):
            return None
        try:
            # WSGIRequest decodes PATH_INFO and writes the result back into the dict it is
            # given; Django decodes the environ again on a miss, which turned "/über/" into
            # mojibake (404) and a non-Latin-1 path into a UnicodeEncodeError (500). Django
            # must get the environ exactly as the server built it.
            request = WSGIRequest(environ.copy())
            if self.security.process_request(request) is not None:
                return None  # an HTTPS redirect: Django's stack answers it
            found = lookup(request)
            if found is None or found.entry is None:
                return None
            response = cached_response(request, found)
            if "HTTP_ORIGIN" in environ:
                self.cors.add_response_headers(request, response)
            elif self.cors.is_enabled(request):
                # All CorsMiddleware adds without an Origin header, minus the cost of parsing
                # every request header to find out there is none.
                patch_vary_headers(response, ("origin",))
            return self.security.process_response(request, response)
        except Exception:  # a bad host, a cache outage...: Django answers as usual
            logger.debug("Cache fast path declined", exc_info=True)
            return None
