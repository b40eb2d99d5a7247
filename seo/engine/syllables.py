"""Syllable counts for readability formulas: hyphenation dictionaries plus per-language rules.

Hyphenation patterns (pyphen) mark where a word may be broken in print, which is close to but
not the same as spoken syllables:

* dictionaries refuse breaks near the word edges and in unknown words, so a pure count of
  hyphenation points under-counts ("Ufer" has no break point but two syllables). The count is
  therefore never lower than the number of vowel groups, where each language's diphthongs
  ("ei", "au", "ij", "oi", ...) form one group and silent endings are discounted;
* French hyphenation separates the silent final "e" ("ta-ble"), which readers do not pronounce
  and Kandel-Moles does not count, so one syllable is removed for a final consonant + "e(s)".
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

import pyphen

from .languages import PROFILES

_VOWELS = "aeiouyäöüàâæçéèêëîïôœùûÿáíóúñìòå"
# Vowel sequences pronounced as one syllable, longest first.
_DIPHTHONGS = {
    "de": ["äu", "eu", "au", "ei", "ai", "ie", "ey", "ay", "aa", "ee", "oo"],
    "en": [
        "eau",
        "ea",
        "ee",
        "oo",
        "ou",
        "ai",
        "ay",
        "oa",
        "oi",
        "oy",
        "ie",
        "ei",
        "ey",
        "ue",
        "au",
        "aw",
        "ow",
    ],
    "nl": [
        "aai",
        "ooi",
        "oei",
        "eeu",
        "ieu",
        "uw",
        "aa",
        "ee",
        "oo",
        "uu",
        "ie",
        "oe",
        "eu",
        "ui",
        "ij",
        "ei",
        "ou",
        "au",
    ],
    # "ion"/"ien" are one syllable in French ("na-tion", "bien"); plain "io" is not ("bi-o-").
    "fr": [
        "eau",
        "oeu",
        "œu",
        "ion",
        "ien",
        "ai",
        "ei",
        "au",
        "ou",
        "eu",
        "oi",
        "œ",
        "ui",
        "ie",
        "ue",
    ],
    # A written accent on the strong vowel keeps the diphthong ("can-ción"); on the weak vowel
    # ("dí-a") it splits it, so only the former are listed.
    "es": [
        "ai",
        "ei",
        "oi",
        "au",
        "eu",
        "ou",
        "ia",
        "ie",
        "io",
        "iu",
        "ua",
        "ue",
        "uo",
        "ui",
        "ay",
        "ey",
        "oy",
        "uy",
        "ió",
        "ié",
        "iá",
        "ué",
        "uá",
        "uó",
        "ái",
        "éi",
        "ói",
        "áu",
        "éu",
    ],
    "it": ["ia", "ie", "io", "iu", "ua", "ue", "uo", "ui", "ai", "ei", "oi", "au", "eu"],
}
_LETTERS_RE = re.compile(r"[^\W\d_]+")


@cache
def _vowel_group_re(lang: str) -> re.Pattern[str]:
    diphthongs = "|".join(sorted(_DIPHTHONGS[lang], key=len, reverse=True))
    return re.compile(rf"(?:{diphthongs}|[{_VOWELS}])")


@cache
def _hyphenator(lang: str) -> pyphen.Pyphen:
    # left=1 lets the dictionary break after a leading vowel ("U-fer"); right=1 would split
    # final consonants off ("Dar-m"), so the right margin stays at 2.
    return pyphen.Pyphen(lang=PROFILES[lang].hyphenation, left=1, right=2)


def _vowel_groups(word: str, lang: str) -> int:
    count = len(_vowel_group_re(lang).findall(word))
    if lang == "en":
        if word.endswith("e") and not word.endswith(("le", "ee", "ye")) and count > 1:
            count -= 1  # silent e: "make"
        elif word.endswith("ed") and not word.endswith(("ted", "ded")) and count > 1:
            count -= 1  # "jumped"
        elif word.endswith("es") and not word.endswith(("ses", "zes", "ches", "shes", "ges")):
            count -= 1 if count > 1 else 0  # "makes"
    elif lang == "fr" and count > 1 and re.search(rf"[^{_VOWELS}]es?$", word):
        count -= 1  # e muet: "table", "tables"
    return max(count, 1)


@lru_cache(maxsize=1 << 18)
def syllable_count(word: str, lang: str) -> int:
    """Syllables of one word (letters only; digits and hyphens are ignored)."""
    total = 0
    for piece in _LETTERS_RE.findall(word.lower()):
        by_dictionary = len(_hyphenator(lang).positions(piece)) + 1
        if lang == "fr" and by_dictionary > 1 and re.search(rf"[^{_VOWELS}]es?$", piece):
            by_dictionary -= 1
        total += max(by_dictionary, _vowel_groups(piece, lang))
    return total
