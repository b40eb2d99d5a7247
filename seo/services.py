"""Writes for the SEO app."""

from __future__ import annotations

from django.utils import translation
from modeltranslation.utils import build_localized_fieldname

from seo.models import Keyword


def keyword_get_or_create(*, term: str, lang: str) -> Keyword:
    """The keyword whose term in ``lang`` is ``term`` (ignoring case), created if missing."""
    term = " ".join(term.split())
    column = build_localized_fieldname("term", lang)
    keyword = Keyword.objects.filter(**{f"{column}__iexact": term}).order_by("pk").first()
    if keyword is not None:
        return keyword
    keyword = Keyword(**{column: term})
    # The untranslated ``term`` column takes the active language's value while saving.
    with translation.override(lang):
        keyword.save()
    return keyword
