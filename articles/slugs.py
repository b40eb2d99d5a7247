"""Per-language slug uniqueness among siblings, on explicit ``slug_<lang>`` columns.

wagtail-modeltranslation checks slugs through the active language with fallback: two articles
that both lack a language (two English-only articles on a German-first site) then "share" the
empty German slug and cannot both be published, and it loads every sibling into Python to
compare. Our API never serves a fallback slug, so a slug only has to be unique among the
siblings' slugs in the same language, and one query answers that for every language at once.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname
from wagtail.models import Page

SLUG_IN_USE = "This slug is already in use"


def slug_clashes(
    *, parent: Page | None, slugs: Mapping[str, str | None], exclude_pk: int | None
) -> dict[str, str]:
    """``{"slug_<lang>": message}`` for every language whose slug a sibling already uses."""
    columns = {
        build_localized_fieldname("slug", code): value
        for code, value in slugs.items()
        if value and code in settings.MODELTRANSLATION_LANGUAGES
    }
    if parent is None or not columns:
        return {}
    condition = Q()
    for column, value in columns.items():
        condition |= Q(**{column: value})
    siblings = parent.get_children().filter(condition)
    if exclude_pk is not None:
        siblings = siblings.exclude(pk=exclude_pk)
    errors: dict[str, str] = {}
    for row in siblings.values(*columns):
        for column, value in columns.items():
            if row[column] == value:
                errors[column] = _(SLUG_IN_USE)
    return errors


def page_slugs(page: Page) -> dict[str, str | None]:
    return {
        code: getattr(page, build_localized_fieldname("slug", code), None)
        for code in settings.MODELTRANSLATION_LANGUAGES
    }
