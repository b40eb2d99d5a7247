"""Engine messages and field paths in the editor's admin language, for the SEO templates."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils import translation

from seo.messages import field_label, render_check

register = template.Library()


def _admin_language() -> str:
    # Wagtail activates the editor's preferred admin language around every admin view.
    return (translation.get_language() or "en").split("-")[0]


@register.filter
def check_message(check: Any) -> str:
    """A check's messages, rendered from their ids in the active (admin) language."""
    return render_check(check, _admin_language())


@register.filter
def field_labels(paths: Any) -> str:
    """ "sections[1].body" -> "Section 2 text", in the active language; comma-separated."""
    return ", ".join(field_label(str(path)) for path in paths or ())


# Checks about one field whose details do not name it.
CHECK_FIELDS = {
    "focus_keyword_in_description": "meta_description",
    "meta_description_length": "meta_description",
    "focus_keyword_in_intro": "intro",
    "focus_keyword_in_slug": "slug",
    "image_alt_text": "hero_image_alt",
}


@register.filter
def check_field(check: Any) -> str:
    """The field path a check is about ("" when it is about no single field)."""
    details = getattr(check, "details", None) or {}
    field = details.get("field") if isinstance(details, dict) else None
    field = field or CHECK_FIELDS.get(getattr(check, "id", ""))
    if not field:
        for message in getattr(check, "messages", ()) or ():
            params = getattr(message, "params", {}) or {}
            # One field, or the first of several ("Sections 1, 3 and 4 are too long").
            named = params.get("field") or next(iter(params.get("fields") or ()), "")
            if named:
                field = named
                break
    return str(field or "")
