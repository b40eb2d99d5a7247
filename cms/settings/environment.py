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
