"""What the preview panel shows for an article or the article index, in one language.

Without ``FRONTEND_PREVIEW_URL``: a readable page rendered from the same representation the API
serves (``articles.api.representation``), with the search result preview, hreflang and JSON-LD.
It carries Wagtail's user bar, so the editor's checks panel (words, reading time, readability,
accessibility) reads it. With ``FRONTEND_PREVIEW_URL``: the frontend in a frame, given a token
for the page's latest saved revision in that language.
"""

from __future__ import annotations

import json
from datetime import timedelta
from types import SimpleNamespace
from typing import Any
from urllib.parse import urlencode, urlsplit, urlunsplit

from django.conf import settings
from django.conf.locale import LANG_INFO
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.utils import timezone
from modeltranslation.utils import build_localized_fieldname

from articles.api import representation
from articles.preview.rows import article_rows
from articles.preview.tokens import preview_token
from seo.audit import configured_thresholds
from seo.serp import serp_preview


def language_name(code: str) -> str:
    return LANG_INFO.get(code, {}).get("name_local", code)


def frontend_preview_url(*, token: str, lang: str) -> str:
    """``FRONTEND_PREVIEW_URL`` with ``token`` and ``lang`` added to its query string."""
    parts = urlsplit(settings.FRONTEND_PREVIEW_URL)
    query = "&".join(filter(None, [parts.query, urlencode({"token": token, "lang": lang})]))
    return urlunsplit(parts._replace(query=query))


def serve_article_preview(page: Any, request: HttpRequest, lang: str) -> TemplateResponse:
    if settings.FRONTEND_PREVIEW_URL and page.pk and page.latest_revision_id:
        return _frontend_frame(page, request, lang)
    rows = article_rows(page, lang, hero_filter_spec=settings.API_HERO_IMAGE_FILTER)
    article = representation.article_detail(
        rows, lang, hero_filter_spec=settings.API_HERO_IMAGE_FILTER
    )
    translated = lang in article["languages"]
    context = {
        **_common_context(page, request, lang),
        "translated": translated,
        "article": article,
        "serp": serp_preview(page.seo_document(lang), configured_thresholds())
        if translated
        else None,
        "json_ld": [
            json.dumps(item, indent=2, ensure_ascii=False, default=str)
            for item in article["seo"]["json_ld"]
        ],
        "frontend_preview_needs_save": bool(settings.FRONTEND_PREVIEW_URL),
    }
    return TemplateResponse(request, "articles/preview/article.html", context)


def serve_index_preview(page: Any, request: HttpRequest, lang: str) -> TemplateResponse:
    # Imported here: the models import this module, and selectors import the models.
    from articles.selectors import article_list

    rows = list(article_list(lang).filter(path__startswith=page.path)[:50]) if page.pk else []
    items = representation.article_list_items([SimpleNamespace(**row) for row in rows], lang)
    context = {
        **_common_context(page, request, lang),
        "title": getattr(page, build_localized_fieldname("title", lang), "") or "",
        "intro": getattr(page, build_localized_fieldname("intro", lang), "") or "",
        "articles": items,
    }
    return TemplateResponse(request, "articles/preview/index.html", context)


def _frontend_frame(page: Any, request: HttpRequest, lang: str) -> TemplateResponse:
    token = preview_token(page_id=page.pk, revision_id=page.latest_revision_id, lang=lang)
    expires = timezone.now() + timedelta(seconds=settings.PREVIEW_TOKEN_MAX_AGE)
    context = {
        "page": page,
        "request": request,
        "lang": lang,
        "language_name": language_name(lang),
        "frontend_url": frontend_preview_url(token=token, lang=lang),
        "revision_id": page.latest_revision_id,
        "expires": expires,
    }
    return TemplateResponse(request, "articles/preview/frontend.html", context)


def _common_context(page: Any, request: HttpRequest, lang: str) -> dict:
    """What both preview templates need: the page (also as ``self``, Wagtail's name), the
    request and the language being previewed."""
    return {
        "page": page,
        "self": page,
        "request": request,
        "lang": lang,
        "language_name": language_name(lang),
    }
