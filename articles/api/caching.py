"""HTTP caching for the content API: validators, revalidation and a server-side response cache.

``ApiResponseCacheMiddleware`` sits near the top of the middleware stack (right after CORS) and
handles GET/HEAD under ``/api/v1/`` and ``/sitemap.xml``:

- a cached response is served from Django's cache (Redis when ``REDIS_URL`` is set) without
  running the rest of the stack, the view or any SQL - in the steady state without even a
  round trip to the shared cache, as the content state and recent entries are also kept in
  process memory (see ``articles.cache`` and ``RecentEntries``; the state is reread from the
  database once a second);
- otherwise the view runs; a 200 from a view that marked it shareable (``mark_shareable``:
  public content, the same for everyone) gets ``ETag`` (a hash of the body), ``Last-Modified``
  (the newest content date it shows; for lists and sitemaps never older than the last
  invalidation, see ``mark_own_last_modified``), ``Cache-Control:
  public, max-age=API_CACHE_MAX_AGE`` (shortened to the next scheduled expiry, if sooner) and
  is cached; anything else passes through untouched;
- either way a matching ``If-None-Match`` (or, without it, ``If-Modified-Since``) gets a 304.

Entries are keyed by path, the normalised known query parameters, the negotiated language (and
whether it was negotiated, since that changes ``Vary``) and the generation of
``articles.cache.CacheState``: the content version every publish, unpublish, move or delete
bumps in the database, and the next scheduled expiry.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import TooManyFieldsSent
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils.http import http_date, parse_etags, parse_http_date_safe

from articles.api.errors import error_response
from articles.api.language import LanguageChoice, UnsupportedLanguage, language_for_request
from articles.api.throttling import throttle_wait
from articles.api.tokens import AUTHENTICATE_HEADER, InvalidToken, request_identity
from articles.cache import CacheState, current_state

CACHED_PATH_PREFIXES = ("/api/v1/", "/sitemap.xml", "/sitemap-")
# Per-editor drafts (preview tokens): never looked up, never stored, whatever a view says.
UNCACHED_PATHS = ("/api/v1/preview/",)
# Only parameters some endpoint understands take part in the key: arbitrary extra parameters
# can neither split one response into many entries nor bypass the cache.
KEY_PARAMETERS = frozenset(
    {"page", "page_size", "cursor", "keyword", "search", "ordering", "updated_since"}
)
# What a cached response carries; the stack around the middleware (CORS, security headers)
# adds its own to hits and misses alike. A short list keeps the hit path cheap.
STORED_HEADERS = (
    "Content-Type",
    "Content-Language",
    "Vary",
    "ETag",
    "Last-Modified",
    "Cache-Control",
    "Link",
)
NOT_MODIFIED_HEADERS = ("ETag", "Last-Modified", "Cache-Control", "Vary", "Content-Language")
KEY_PREFIX = "articles:api:response"
# Entries each process keeps in memory in front of the shared cache (a detail is ~30 kB).
RECENT_ENTRIES = 256

# (body, headers, etag, last_modified): a tuple pickles and unpickles fastest.
CachedEntry = tuple[bytes, tuple[tuple[str, str], ...], str, int]


def query_pairs(request: HttpRequest) -> list[tuple[str, str]]:
    """The query string's (name, value) pairs, decoded as Django's QueryDict would.

    Parsed directly: building ``request.GET`` costs more than everything else a cache hit does.
    """
    return parse_qsl(
        request.META.get("QUERY_STRING", ""),
        keep_blank_values=True,
        encoding=settings.DEFAULT_CHARSET,
        errors="replace",
        max_num_fields=settings.DATA_UPLOAD_MAX_NUMBER_FIELDS,
    )


def cache_key(
    pairs: list[tuple[str, str]], path: str, language: LanguageChoice, generation: str
) -> str:
    params = sorted((name, value) for name, value in pairs if name in KEY_PARAMETERS)
    raw = f"{path}\n{language.code}\n{language.negotiated:d}\n{urlencode(params)}"
    digest = hashlib.blake2b(raw.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
    return f"{KEY_PREFIX}:{generation}:{digest}"


def _strip_etag(tag: str) -> str:
    return tag[2:] if tag.startswith("W/") else tag


def is_not_modified(request: HttpRequest, etag: str, last_modified: int) -> bool:
    """RFC 9110 section 13.2.2: If-None-Match decides when present (weak comparison);
    otherwise If-Modified-Since does."""
    if_none_match = request.META.get("HTTP_IF_NONE_MATCH")
    if if_none_match is not None:
        if if_none_match.strip() == "*":
            return True
        own = _strip_etag(etag)
        return any(_strip_etag(tag) == own for tag in parse_etags(if_none_match[:2000]))
    if_modified_since = request.META.get("HTTP_IF_MODIFIED_SINCE")
    if if_modified_since:
        since = parse_http_date_safe(if_modified_since[:100])
        return since is not None and last_modified <= since
    return False


def seconds_until(moment: float | None) -> int | None:
    """Whole seconds from now until ``moment`` (epoch seconds), at least 0; None for never."""
    return None if moment is None else max(0, int(moment - time.time()))


def respond(request: HttpRequest, entry: CachedEntry, state: CacheState) -> HttpResponse:
    body, headers, etag, last_modified = entry
    if is_not_modified(request, etag, last_modified):
        response = HttpResponseNotModified()
        for name, value in headers:
            if name in NOT_MODIFIED_HEADERS:
                response[name] = value
    else:
        response = HttpResponse(body, content_type=None)
        for name, value in headers:
            response[name] = value
        response["Content-Length"] = str(len(body))
    # Clients and CDNs must not keep a response past the next scheduled expiry or go-live.
    remaining = seconds_until(state.next_change)
    if remaining is not None and remaining < settings.API_CACHE_MAX_AGE:
        response["Cache-Control"] = f"public, max-age={remaining}"
    return response


def _vary_without_accept_language(vary: str) -> str:
    return ", ".join(
        part.strip()
        for part in vary.split(",")
        if part.strip() and part.strip().lower() != "accept-language"
    )


def make_entry(response: HttpResponse, changed_at: int) -> CachedEntry:
    body = response.content
    etag = f'"{hashlib.blake2b(body, digest_size=16).hexdigest()}"'
    content_date = parse_http_date_safe(response.get("Last-Modified", "")) or 0
    if getattr(response, "api_own_last_modified", False) and content_date:
        last_modified = content_date
    else:
        last_modified = max(content_date, changed_at)
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    response["Cache-Control"] = f"public, max-age={settings.API_CACHE_MAX_AGE}"
    headers = tuple((name, response[name]) for name in STORED_HEADERS if name in response)
    return body, headers, etag, last_modified


class RecentEntries:
    """The last entries this process served, in front of the shared cache.

    Keys contain the generation (``articles.cache.current_state``), so an invalidation
    is seen here exactly when it is seen anywhere in this process; this only saves fetching
    and unpickling the same body again. Bounded by count (least recently used first out).
    """

    def __init__(self, size: int) -> None:
        self.size = size
        self._entries: OrderedDict[str, CachedEntry] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> CachedEntry | None:
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None:
                self._entries.move_to_end(key)
            return entry

    def put(self, key: str, entry: CachedEntry) -> None:
        with self._lock:
            self._entries[key] = entry
            self._entries.move_to_end(key)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


recent_entries = RecentEntries(RECENT_ENTRIES)


@dataclass(frozen=True, slots=True)
class Lookup:
    """Where a request's response lives in the cache, and the cached response if it is there."""

    language: LanguageChoice
    state: CacheState
    key: str
    entry: CachedEntry | None


def lookup(request: HttpRequest) -> Lookup | None:
    """The cache lookup for a cacheable request, or None when the request is not one (wrong
    method or path, an unknown ``?lang=``, too many parameters, no known content version:
    the view or Django answers).

    Raises DisallowedHost for a host outside ALLOWED_HOSTS, as CommonMiddleware would.
    """
    if (
        request.method not in ("GET", "HEAD")
        or not request.path.startswith(CACHED_PATH_PREFIXES)
        or request.path.startswith(UNCACHED_PATHS)
    ):
        return None
    request.get_host()
    try:
        pairs = query_pairs(request)
    except TooManyFieldsSent:
        return None
    lang = None
    for name, value in pairs:
        if name == "lang":
            lang = value  # the last one wins, as with QueryDict.get
    try:
        language = language_for_request(lang, request.META.get("HTTP_ACCEPT_LANGUAGE", ""))
    except UnsupportedLanguage:
        return None
    state = current_state()
    if state is None:
        return None
    key = cache_key(pairs, request.path, language, state.generation)
    entry = None
    if settings.API_RESPONSE_CACHE_TIMEOUT:
        entry = recent_entries.get(key)
        if entry is None:
            entry = cache.get(key)
            if entry is not None:
                recent_entries.put(key, entry)
    return Lookup(language, state, key, entry)


def cached_response(request: HttpRequest, found: Lookup) -> HttpResponse:
    """The response for a cache hit: the entry, a 304, a 429 when over the rate (per address,
    or per API token: the same accounting as the views'), or a 401 for an invalid token."""
    try:
        token = request_identity(request.META)
    except InvalidToken as error:
        response = error_response(error.status_code, error.error_code, error.message)
        response["WWW-Authenticate"] = AUTHENTICATE_HEADER
        return response
    wait = throttle_wait(request, token)
    if wait is not None:
        return _throttled(wait)
    assert found.entry is not None
    return respond(request, found.entry, found.state)


class ApiResponseCacheMiddleware:
    """Serves hits and 304s; renders, validates and stores misses (see the module docstring).

    ``articles.api.wsgi.CachedApiResponses`` serves most hits before Django even builds its
    request; this middleware serves the rest and is the only place that stores.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        found = lookup(request)
        if found is None:
            return self.get_response(request)
        if found.entry is not None:
            return cached_response(request, found)
        response = self.get_response(request)
        if not found.language.negotiated and "Vary" in response:
            # LocaleMiddleware adds Vary: Accept-Language to everything; with ?lang= the
            # response does not depend on the header, and shared caches should know that.
            vary = _vary_without_accept_language(response["Vary"])
            if vary:
                response["Vary"] = vary
            else:
                del response["Vary"]
        if not _shareable(response):
            return response
        entry = make_entry(response, found.state.changed_at)
        if settings.API_RESPONSE_CACHE_TIMEOUT:
            timeout = settings.API_RESPONSE_CACHE_TIMEOUT
            remaining = seconds_until(found.state.next_change)
            if remaining is not None:  # the key changes then anyway: free the memory
                timeout = max(1, min(timeout, remaining))
            cache.set(found.key, entry, timeout)
            recent_entries.put(found.key, entry)
        return respond(request, entry, found.state)


def mark_shareable(response: HttpResponse) -> HttpResponse:
    """Let the response cache store this response and share it with every client.

    Opt-in, so that a view added later under /api/v1/ (e.g. an editor-only report) is never
    cached and served to someone else by accident.
    """
    response.api_shareable = True  # type: ignore[attr-defined]
    return response


def mark_own_last_modified(response: HttpResponse) -> HttpResponse:
    """The view's ``Last-Modified`` is the content's own time and covers everything the
    response shows (an article in one language: ``articles.freshness``), so it is kept as is.

    Without this mark the validator is never older than the last content change anywhere
    (``CacheState.changed_at``): a list changes when an article leaves it, and no date in the
    list says so.
    """
    response.api_own_last_modified = True  # type: ignore[attr-defined]
    return response


def _shareable(response: HttpResponse) -> bool:
    cache_control = response.get("Cache-Control", "").lower()
    return (
        getattr(response, "api_shareable", False)
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in cache_control
        and "no-store" not in cache_control
    )


def _throttled(wait: float) -> HttpResponse:
    seconds = max(1, int(wait + 0.999))
    response = error_response(
        429,
        "throttled",
        f"Request was throttled. Expected available in {seconds} seconds.",
        {"retry_after_seconds": seconds},
    )
    response["Retry-After"] = str(seconds)
    return response
