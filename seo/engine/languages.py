"""Per-language facts the engine relies on: stemmer, hyphenation dictionary, stop words.

Adding a language means adding one `LanguageProfile` here, a stop-word list under
`data/stopwords/`, readability bands in `thresholds.py` and a formula in `readability.py`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

_STOPWORD_DIR = Path(__file__).parent / "data" / "stopwords"


class UnsupportedLanguageError(ValueError):
    """Raised for a language code the engine has no profile for."""


@dataclass(frozen=True, slots=True)
class LanguageProfile:
    code: str
    stemmer: str  # snowballstemmer algorithm name
    hyphenation: str  # pyphen dictionary name
    # Languages that write compounds closed ("Darmentzündung", "darmontsteking") get compound
    # splitting, partial matches inside closed compounds and elision ("Darm- und Rückenschmerzen").
    compounding: bool
    # Words that join an elided compound part to the full compound: "Darm- und Rückenschmerzen".
    elision_links: frozenset[str] = frozenset()
    # Abbreviations whose trailing dot does not end a sentence (lower case, without the dot).
    abbreviations: frozenset[str] = frozenset()


PROFILES: dict[str, LanguageProfile] = {
    "de": LanguageProfile(
        code="de",
        stemmer="german",
        hyphenation="de_DE",
        compounding=True,
        elision_links=frozenset({"und", "oder", "sowie", "bzw", "als", "auch", "noch", "wie"}),
        abbreviations=frozenset(
            {
                "z",
                "b",
                "bzw",
                "ca",
                "d",
                "h",
                "dr",
                "prof",
                "etc",
                "evtl",
                "ggf",
                "inkl",
                "usw",
                "vgl",
                "sog",
                "u",
                "a",
                "s",
                "nr",
                "min",
                "max",
                "mio",
                "mrd",
                "st",
                "str",
                "zb",
            }
        ),
    ),
    "en": LanguageProfile(
        code="en",
        stemmer="english",
        hyphenation="en_US",
        compounding=False,
        abbreviations=frozenset(
            {"e", "g", "i", "dr", "mr", "mrs", "ms", "prof", "etc", "vs", "approx", "no", "st"}
        ),
    ),
    "nl": LanguageProfile(
        code="nl",
        stemmer="dutch",
        hyphenation="nl_NL",
        compounding=True,
        elision_links=frozenset({"en", "of", "tot", "als", "ook", "noch"}),
        abbreviations=frozenset({"bijv", "bv", "dr", "d", "w", "z", "o", "a", "nr", "etc", "m"}),
    ),
    "fr": LanguageProfile(
        code="fr",
        stemmer="french",
        hyphenation="fr",
        compounding=False,
        abbreviations=frozenset({"m", "mme", "dr", "pr", "etc", "ex", "p", "cf", "env", "n"}),
    ),
    "es": LanguageProfile(
        code="es",
        stemmer="spanish",
        hyphenation="es",
        compounding=False,
        abbreviations=frozenset({"sr", "sra", "dr", "dra", "etc", "p", "ej", "pág", "aprox", "n"}),
    ),
    "it": LanguageProfile(
        code="it",
        stemmer="italian",
        hyphenation="it_IT",
        compounding=False,
        abbreviations=frozenset({"sig", "dott", "dr", "prof", "ecc", "es", "p", "pag", "n"}),
    ),
}

SUPPORTED_LANGUAGES: tuple[str, ...] = tuple(PROFILES)


def normalise_language(lang: str) -> str:
    """Map "de-AT", "de_DE" or "DE" to "de"; raise for languages without a profile."""
    code = (lang or "").strip().lower().replace("_", "-").split("-", 1)[0]
    if code not in PROFILES:
        raise UnsupportedLanguageError(
            f"language {lang!r} is not supported by the SEO engine; "
            f"supported: {', '.join(SUPPORTED_LANGUAGES)}"
        )
    return code


def profile_for(lang: str) -> LanguageProfile:
    return PROFILES[normalise_language(lang)]


@cache
def stop_words(lang: str) -> frozenset[str]:
    """Function words of `lang`, case-folded, read once from data/stopwords/<lang>.txt."""
    path = _STOPWORD_DIR / f"{normalise_language(lang)}.txt"
    words: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0]
        words.update(word.casefold() for word in line.split())
    return frozenset(words)
