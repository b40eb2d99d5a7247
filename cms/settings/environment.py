"""Reading configuration from environment variables.

Plain functions, no Django settings access, so settings modules and tests can both use them.
A bad value raises ``ImproperlyConfigured`` with a one-line message that names the variable and
the offending value; ``base.py`` turns that into a clean exit at start-up.
"""

from __future__ import annotations

import os
import re

from django.conf.locale import LANG_INFO
from django.core.exceptions import ImproperlyConfigured

LANGUAGE_CODE_PATTERN = re.compile(r"^[a-z]{2,3}(?:-[a-z0-9]{2,8})?$")


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name}: expected true/false, got {raw!r}")


def env_int(name: str, default: int, *, minimum: int = 0) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw.strip())
    except ValueError:
        raise ImproperlyConfigured(f"{name}: expected a whole number, got {raw!r}") from None
    if value < minimum:
        raise ImproperlyConfigured(f"{name}: must be at least {minimum}, got {value}")
    return value


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env_str(name, default).split(",") if item.strip()]


def parse_languages(raw: str, *, variable: str = "CMS_LANGUAGES") -> list[str]:
    """Turn ``"de,en,nl"`` into ``["de", "en", "nl"]``; the first one is the default language.

    Every code must be well formed and known to Django (it needs a name and text direction for
    it); duplicates are refused because each code becomes a set of ``*_xx`` database columns.
    """
    codes = [part.strip().lower() for part in raw.split(",")]
    if not any(codes):
        raise ImproperlyConfigured(f"{variable} is empty: list language codes such as 'de,en'")
    seen: list[str] = []
    for code in codes:
        if not LANGUAGE_CODE_PATTERN.match(code):
            raise ImproperlyConfigured(
                f"{variable}: malformed language code {code!r} (expected e.g. 'de' or 'pt-br')"
            )
        if code not in LANG_INFO:
            raise ImproperlyConfigured(f"{variable}: unknown language code {code!r}")
        if code in seen:
            raise ImproperlyConfigured(f"{variable}: language code {code!r} is listed twice")
        seen.append(code)
    return seen


def language_name(code: str) -> str:
    return LANG_INFO[code]["name"]


INCOMPLETE_LANGUAGE_POLICIES = ("hide", "fallback")


def incomplete_languages_policy(
    raw: str | None, *, legacy_fallback: str | None, default: str = "hide"
) -> str:
    """``CMS_INCOMPLETE_LANGUAGES`` (``hide`` or ``fallback``), with the retired
    ``CMS_FALLBACK_TO_DEFAULT`` accepted as an alias: true means ``fallback``, false ``hide``.

    Both set and contradicting each other is a configuration error, not a silent choice.
    """
    value = (raw or "").strip().lower()
    if value and value not in INCOMPLETE_LANGUAGE_POLICIES:
        raise ImproperlyConfigured(
            f"CMS_INCOMPLETE_LANGUAGES: expected one of {', '.join(INCOMPLETE_LANGUAGE_POLICIES)},"
            f" got {raw!r}"
        )
    legacy = None
    if legacy_fallback is not None and legacy_fallback.strip():
        flag = legacy_fallback.strip().lower()
        if flag in {"1", "true", "yes", "on"}:
            legacy = "fallback"
        elif flag in {"0", "false", "no", "off"}:
            legacy = "hide"
        else:
            raise ImproperlyConfigured(
                f"CMS_FALLBACK_TO_DEFAULT: expected true/false, got {legacy_fallback!r}"
            )
    if value and legacy and value != legacy:
        raise ImproperlyConfigured(
            f"CMS_INCOMPLETE_LANGUAGES={value} contradicts the deprecated "
            f"CMS_FALLBACK_TO_DEFAULT={legacy_fallback.strip()} (which means {legacy}); "
            "remove CMS_FALLBACK_TO_DEFAULT"
        )
    return value or legacy or default
