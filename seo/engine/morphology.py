"""Word normalisation: case folding, lemmas (simplemma), stems (snowballstemmer), compounds.

Two words "match" when their keys are equal. A key is the snowball stem of the simplemma lemma
of the NFKC-normalised, case-folded word with hyphens removed, so "Mikrobiom-Tests",
"Mikrobiom-Test" and "Mikrobiomtests" share one key, as do "Darmentzündung" and
"Darmentzündungen". Every lookup is cached per (language, word) because stemming a word costs
tens of microseconds and articles repeat their vocabulary.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import simplemma
import snowballstemmer

from .languages import PROFILES
from .text import HYPHENS_RE

_CACHE_SIZE = 1 << 18
# Linking elements ("Fugen") that may sit between the parts of a compound: Entzündung-s-marker.
_LINKING_ELEMENTS = {"de": ("s", "es", "n", "en", "e", "er"), "nl": ("s", "en", "e")}
_MIN_PART = 3
# Parts of a split compound must be at least this long: shorter "words" in the dictionary are
# mostly abbreviations ("sch"), which would split "Schmerz" into nonsense.
_MIN_SPLIT_PART = 4

_STEMMERS = {code: snowballstemmer.stemmer(p.stemmer) for code, p in PROFILES.items()}
# simplemma's front-coded dictionaries instead of a dict per language: 26 MiB for de, en, nl and
# fr instead of 200 MiB, the same lemmas, 2-3 µs more per first look-up of a word (every look-up
# here is cached). One bytes buffer per language is also what forked audit workers can share;
# the dicts' millions of objects were copied into each worker as their counts changed.
_LOW_MEMORY = True


@lru_cache(maxsize=_CACHE_SIZE)
def fold(word: str) -> str:
    """Case-folded NFKC form with hyphens removed: how compounds compare across spellings."""
    return HYPHENS_RE.sub("", unicodedata.normalize("NFKC", word).casefold())


@lru_cache(maxsize=_CACHE_SIZE)
def stem(folded: str, lang: str) -> str:
    return _STEMMERS[lang].stemWord(folded)


@lru_cache(maxsize=_CACHE_SIZE)
def lemma(word: str, lang: str) -> str:
    word = word.rstrip("-\u2010\u2011")
    try:
        return simplemma.lemmatize(word, lang=lang, low_memory=_LOW_MEMORY)
    except (ValueError, KeyError):  # simplemma rejects some odd tokens; the word itself will do
        return word


@lru_cache(maxsize=_CACHE_SIZE)
def word_key(word: str, lang: str) -> str:
    """The matching key of one word (see module docstring)."""
    return stem(fold(lemma(word, lang)), lang)


@lru_cache(maxsize=_CACHE_SIZE)
def is_known_word(folded: str, lang: str) -> bool:
    """Whether simplemma's dictionary knows the word (tried as written and capitalised)."""
    if len(folded) < _MIN_PART:
        return False
    return simplemma.is_known(folded, lang=lang, low_memory=_LOW_MEMORY) or simplemma.is_known(
        folded.capitalize(), lang, low_memory=_LOW_MEMORY
    )


def _strip_linking(modifier: str, lang: str) -> tuple[str, ...]:
    candidates = [modifier]
    for link in _LINKING_ELEMENTS.get(lang, ()):
        if modifier.endswith(link) and len(modifier) - len(link) >= _MIN_PART:
            candidates.append(modifier[: -len(link)])
    return tuple(candidates)


@lru_cache(maxsize=_CACHE_SIZE)
def split_compound(folded: str, lang: str) -> tuple[str, str] | None:
    """Split a closed compound into (modifier, head) when both parts are dictionary words.

    The longest known head wins: "rückenschmerzen" -> ("rücken", "schmerzen"),
    "reizdarmsyndrom" -> ("reizdarm", "syndrom"). Returns None for non-compounding languages
    and words that do not split into two known words.
    """
    if not PROFILES[lang].compounding or len(folded) < 2 * _MIN_SPLIT_PART:
        return None
    for cut in range(_MIN_SPLIT_PART, len(folded) - _MIN_SPLIT_PART + 1):
        head = folded[cut:]
        modifier = folded[:cut]
        if len(head) < _MIN_SPLIT_PART or len(modifier) < _MIN_SPLIT_PART:
            continue
        if not is_known_word(head, lang):
            continue
        if any(is_known_word(candidate, lang) for candidate in _strip_linking(modifier, lang)):
            return modifier, head
    return None


def is_compound_remainder(remainder: str, lang: str, *, leading: bool) -> bool:
    """Whether `remainder` is a plausible other part of a compound around a keyword.

    `leading` means the remainder precedes the keyword (it is the modifier and may end in a
    linking element); otherwise it follows the keyword (and may start with a linking "s").
    """
    if leading:
        return any(is_known_word(c, lang) for c in _strip_linking(remainder, lang))
    candidates = [remainder]
    for link in _LINKING_ELEMENTS.get(lang, ()):
        if remainder.startswith(link) and len(remainder) - len(link) >= _MIN_PART:
            candidates.append(remainder[len(link) :])
    return any(is_known_word(c, lang) for c in candidates)
