"""The SEO engine's messages in the reader's language.

The engine (`seo.engine.messages`) returns every message as an id with parameters next to its
English text. This module renders them in de, en, nl or fr from the gettext catalogs in
`seo/locale` (msgctxt = message id, msgid = the English template), for the admin and for
`seo_audit --message-lang`:

    from seo.messages import render, render_check
    render(check.messages[0], "de")        # one message (engine object or its dict form)
    render_check(check_dict, "fr")         # a stored report's check: all its messages

Parameters are rendered here too: field paths as labels ("Abschnitt 1, Überschrift"), lists
quoted as the language quotes, decimals with the language's separator.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from typing import Any

from django.utils import translation
from django.utils.formats import get_format
from django.utils.translation import get_language_info, npgettext, pgettext

from seo.engine import SEOReport, SiteFinding
from seo.engine.messages import (
    FIELD_LABELS,
    INDEXED_FIELD_LABELS,
    LIST_SHOWN,
    TEMPLATES,
    Message,
    field_label_template,
    number_text,
)

FIELD_LABEL_CONTEXT = "seo field label"
_QUOTES = {"de": ("„", "“"), "fr": ("« ", " »"), "nl": ("‘", "’")}


def _as_pair(message: Message | Mapping[str, Any]) -> tuple[str, Mapping[str, Any]]:
    if isinstance(message, Message):
        return message.id, message.params
    return message["id"], message.get("params", {})


def _is_message(value: Any) -> bool:
    return isinstance(value, Message) or (
        isinstance(value, Mapping) and "id" in value and "params" in value
    )


def field_label(path: str, lang: str | None = None) -> str:
    """The label of a field path in `lang` (default: the active language)."""
    if lang is not None:
        with translation.override(lang):
            return field_label(path)
    template, params = field_label_template(path)
    if template == path:
        return path
    return pgettext(FIELD_LABEL_CONTEXT, template).format(**params)


def _quoted(item: Any) -> str:
    opening, closing = _QUOTES.get(translation.get_language() or "en", ('"', '"'))
    return f"{opening}{item}{closing}"


def _listed(items: list[str]) -> str:
    shown = ", ".join(items[:LIST_SHOWN])
    more = len(items) - LIST_SHOWN
    if more > 0:
        shown += " " + _render("list.more", {"count": more})
    return shown


def _number(value: Any) -> str:
    text = number_text(value)
    if isinstance(value, float) and "." in text:
        text = text.replace(".", get_format("DECIMAL_SEPARATOR"))
    return text


def _value(name: str, value: Any) -> str:
    if _is_message(value):
        return _render(*_as_pair(value))
    if isinstance(value, list | tuple):
        if value and _is_message(value[0]):
            return "; ".join(_render(*_as_pair(item)) for item in value)
        if name == "fields":
            return _listed([field_label(path) for path in value])
        return _listed([_quoted(item) for item in value])
    if name == "field":
        return field_label(value)
    if name == "language":
        return _language_name(str(value))
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _number(value)
    return str(value)


def _language_name(code: str) -> str:
    try:
        name = str(get_language_info(code)["name_translated"])
    except KeyError:
        return code
    # French writes language names in lower case ("en anglais").
    return name.lower() if translation.get_language() == "fr" else name


def _render(message_id: str, params: Mapping[str, Any]) -> str:
    template = TEMPLATES.get(message_id)
    if template is None or message_id == "plain":
        return str(params.get("text", message_id))
    if isinstance(template, tuple):
        singular, plural, count = template
        text = npgettext(message_id, singular, plural, params.get(count, 0))
    else:
        text = pgettext(message_id, template)
    return text.format(**{name: _value(name, value) for name, value in params.items()})


def render(message: Message | Mapping[str, Any], lang: str) -> str:
    """One message in `lang`: an engine `Message` or its dict form `{"id", "params"}`."""
    with translation.override(lang):
        return _render(*_as_pair(message))


def render_messages(messages: Iterable[Message | Mapping[str, Any]], lang: str) -> str:
    with translation.override(lang):
        return " ".join(_render(*_as_pair(message)) for message in messages)


def render_check(check: Any, lang: str) -> str:
    """A check's (or site finding's) whole message in `lang`; `check` is a `CheckResult` /
    `SiteFinding` or its dict form. Reports stored before messages had ids keep their text."""
    messages = check.get("messages") if isinstance(check, Mapping) else check.messages
    if not messages:
        return check["message"] if isinstance(check, Mapping) else check.message
    return render_messages(messages, lang)


def localised_report(report: SEOReport, lang: str) -> SEOReport:
    """The report with every check's `message` in `lang` (ids, statuses, details unchanged)."""
    checks = tuple(
        dataclasses.replace(check, message=render_check(check, lang)) for check in report.checks
    )
    return dataclasses.replace(report, checks=checks)


def localised_finding(finding: SiteFinding, lang: str) -> SiteFinding:
    return dataclasses.replace(finding, message=render_check(finding, lang))


def catalog_source() -> str:
    """`seo/message_catalog.py`: every engine message and field label as a gettext call, so
    that `makemessages` finds them (the engine itself imports no Django)."""
    lines = [
        '"""Every SEO engine message and field label, for makemessages.',
        "",
        "Generated by `manage.py seo_message_catalog` from seo.engine.messages; do not edit.",
        '"""',
        "",
        "from django.utils.translation import npgettext_lazy, pgettext_lazy",
        "",
        "MESSAGES = [",
    ]
    for message_id, template in TEMPLATES.items():
        if message_id == "plain":
            continue
        if isinstance(template, tuple):
            singular, plural, count = template
            lines.append(
                f"    npgettext_lazy({message_id!r}, {singular!r}, {plural!r}, {count!r}),"
            )
        else:
            lines.append(f"    pgettext_lazy({message_id!r}, {template!r}),")
    lines.append("]")
    lines.append("")
    lines.append("FIELD_LABELS = [")
    labels = list(dict.fromkeys([*FIELD_LABELS.values(), *INDEXED_FIELD_LABELS.values()]))
    for label in labels:
        lines.append(f"    pgettext_lazy({FIELD_LABEL_CONTEXT!r}, {label!r}),")
    lines.append("]")
    return "\n".join(lines) + "\n"
