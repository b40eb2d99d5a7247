"""ASCII transliteration for comparing keywords with URL slugs.

German umlauts become two letters ("Rückenschmerzen" -> "rueckenschmerzen", as German slugs are
written); everywhere else accents are stripped ("santé" -> "sante"). Standard library only.
"""

from __future__ import annotations

import re
import unicodedata

_GERMAN = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss", "ẞ": "SS"}
)
# Letters that Unicode decomposition does not reduce to ASCII.
_SPECIAL = str.maketrans(
    {
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ø": "o",
        "Ø": "O",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "Ð": "D",
        "þ": "th",
        "Þ": "TH",
        "ı": "i",
        "ß": "ss",
    }
)
_NON_SLUG_RE = re.compile(r"[^a-z0-9]+")


def transliterate(text: str, lang: str) -> str:
    """Reduce `text` to ASCII letters the way slugs in `lang` are usually written."""
    if lang == "de":
        text = text.translate(_GERMAN)
    text = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def slugify(text: str, lang: str) -> str:
    """A URL slug for `text`: transliterated, lower case, words joined by hyphens."""
    return _NON_SLUG_RE.sub("-", transliterate(text, lang).lower()).strip("-")
