"""Measurements for the style checks: transition words, passive voice, sentence beginnings.

Per-language word lists live in `data/style/<lang>.toml` (with their sources); the rules that
use them are here. Each function takes the article's `Sentence`s (see `prose`) and returns one
value per sentence, so the checks can name the sentences concerned. Languages without a list
(es, it) have no `StyleProfile`: the checks say they are not assessed there.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .prose import Sentence
from .word_tables import WordTable

_DATA = Path(__file__).parent / "data" / "style"
STYLE_LANGUAGES = ("de", "en", "nl", "fr")
# Clause boundaries inside a sentence: the passive's auxiliary and participle share a clause.
_CLAUSE_SPLIT_RE = re.compile(r"[,;:()\u2013\u2014]| - ")
_CLAUSE_WORD_RE = re.compile(r"\w+(?:['’]\w+)*")


@dataclass(frozen=True, slots=True)
class StyleProfile:
    lang: str
    transition_words: frozenset[str]  # single words
    transition_phrases: re.Pattern[str] | None  # several words, matched in lower-case text
    transition_phrase_openers: frozenset[str]  # the first words of those phrases
    auxiliaries: frozenset[str]
    fillers: frozenset[str]
    irregular_participles: frozenset[str]
    strong_participles: frozenset[str]
    not_participles: frozenset[str]
    zijn_auxiliaries: frozenset[str]
    zijn_verbs: frozenset[str]
    etre_verbs: frozenset[str]
    reflexive_pronouns: frozenset[str]
    first_word_exceptions: frozenset[str]


def _words(data: Mapping[str, list[str]], name: str) -> frozenset[str]:
    return frozenset(word.casefold().replace("’", "'") for word in data.get(name, ()))


@cache
def style_profile(lang: str) -> StyleProfile | None:
    """The language's lists, or None for a language without them."""
    if lang not in STYLE_LANGUAGES:
        return None
    data = tomllib.loads((_DATA / f"{lang}.toml").read_text(encoding="utf-8"))
    transitions = _words(data, "transition_words")
    phrases = sorted((t for t in transitions if " " in t), key=len, reverse=True)
    pattern = (
        re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, phrases)) + r")(?!\w)")
        if phrases
        else None
    )
    return StyleProfile(
        lang=lang,
        transition_words=frozenset(t for t in transitions if " " not in t),
        transition_phrases=pattern,
        transition_phrase_openers=frozenset(
            _CLAUSE_WORD_RE.findall(phrase)[0] for phrase in phrases
        ),
        auxiliaries=_words(data, "passive_auxiliaries"),
        fillers=_words(data, "passive_fillers"),
        irregular_participles=_words(data, "irregular_participles"),
        strong_participles=_words(data, "strong_participles"),
        not_participles=_words(data, "not_participles"),
        zijn_auxiliaries=_words(data, "zijn_auxiliaries"),
        zijn_verbs=_words(data, "zijn_verbs"),
        etre_verbs=_words(data, "etre_verbs"),
        reflexive_pronouns=_words(data, "reflexive_pronouns"),
        first_word_exceptions=_words(data, "first_word_exceptions"),
    )


def _fold(word: str, lang: str) -> str:
    return word.casefold().replace("’", "'")


_FOLDED = WordTable(_fold)


def folded_sentences(sentences: Sequence[Sentence], lang: str) -> list[list[str]]:
    """Each sentence's words in lower case (typographic apostrophes as "'"), looked up in a
    per-language table: the style checks read every word, and articles repeat their words."""
    table = _FOLDED.current(lang)
    try:
        return [list(map(table.__getitem__, sentence.words)) for sentence in sentences]
    except KeyError:
        words = {word for sentence in sentences for word in sentence.words}
        table = _FOLDED.holding(words, lang)
        return [list(map(table.__getitem__, sentence.words)) for sentence in sentences]


def _lower(words: Sequence[str]) -> list[str]:
    return [word.casefold().replace("’", "'") for word in words]


# --- transition words ------------------------------------------------------------------------


def transition_flags(
    sentences: Sequence[Sentence],
    texts: Mapping[str, str],
    lang: str,
    folded: Sequence[list[str]] | None = None,
) -> list[bool]:
    """Whether each sentence contains a transition word or phrase (`folded`: the sentences'
    words from `folded_sentences`, when the caller has them already)."""
    profile = style_profile(lang)
    if profile is None:
        return [False] * len(sentences)
    if folded is None:
        folded = folded_sentences(sentences, lang)
    singles, phrases = profile.transition_words, profile.transition_phrases
    openers = profile.transition_phrase_openers
    flags = []
    for sentence, words in zip(sentences, folded, strict=True):
        found = not singles.isdisjoint(words)
        # A phrase can only be there if its first word is: a set test spares most sentences
        # the regular expression.
        if not found and phrases is not None and not openers.isdisjoint(words):
            text = texts[sentence.path][sentence.start : sentence.end].lower()
            found = phrases.search(text.replace("’", "'")) is not None
        flags.append(found)
    return flags


# --- sentence beginnings ---------------------------------------------------------------------


def sentence_beginning(sentence: Sentence, lang: str, folded: list[str] | None = None) -> str:
    """The sentence's first word, lower case; two words when the first is an article,
    demonstrative or numeral ("the cat" and "the dog" begin differently)."""
    profile = style_profile(lang)
    exceptions = profile.first_word_exceptions if profile else frozenset()
    words = folded[:2] if folded is not None else _lower(sentence.words[:2])
    if not words:
        return ""
    first = words[0]
    if len(words) > 1 and (first in exceptions or first.split("'")[0] + "'" in exceptions):
        return f"{first} {words[1]}"
    return first


# --- passive voice ---------------------------------------------------------------------------

_EN_REGULAR_PARTICIPLE_RE = re.compile(r"^[a-z]{2,}(?:ed|en)$")
_DE_GE_PARTICIPLE_RE = re.compile(r"^[a-zäöüß]*ge[a-zäöüß]{2,}(?:t|en)$")
_DE_PREFIXED_RE = re.compile(
    r"^(be|emp|ent|er|ge|miss|ver|zer|hinter|über|unter|wider|voll)([a-zäöüß]{2,})$"
)
_NL_PARTICIPLE_RE = re.compile(r"^[a-z]*ge[a-zë]{2,}(?:d|t|en)$")
_NL_PREFIXED_RE = re.compile(r"^(be|ver|ont|her|er|ge)([a-zë]{2,})$")
_FR_REGULAR_PARTICIPLE_RE = re.compile(r"^\w{2,}(?:é|ée|és|ées)$")
_FR_INFLECTION_RE = re.compile(r"(?:e|s|es)$")


def _english_participle(word: str, profile: StyleProfile) -> bool:
    if word in profile.irregular_participles:
        return True
    return (
        word.endswith("ed")
        and len(word) > 3
        and word not in profile.not_participles
        and _EN_REGULAR_PARTICIPLE_RE.match(word) is not None
    )


def _english_passive(words: list[str], profile: StyleProfile) -> bool:
    for index, word in enumerate(words):
        if word not in profile.auxiliaries:
            continue
        for following in words[index + 1 : index + 4]:
            if _english_participle(following, profile):
                return True
            if following not in profile.fillers and not following.endswith("ly"):
                break
    return False


def _german_participle(word: str, original: str, profile: StyleProfile) -> bool:
    if original[:1].isupper() or word in profile.not_participles or len(word) < 5:
        return False  # nouns are capitalised; a participle in a clause is not
    if word.endswith("iert") or word.endswith("iertworden"):
        return True
    if word in profile.strong_participles or _DE_GE_PARTICIPLE_RE.match(word):
        return True
    prefixed = _DE_PREFIXED_RE.match(word)
    if prefixed:
        rest = prefixed.group(2)
        if rest.endswith("t") and not rest.endswith(("st", "ht")):  # weak: "verursacht"
            return True
        if rest.endswith("ht"):
            return True  # "beobachtet" ends -et; "gebracht"-like strong forms end -ht
        return "ge" + rest in profile.strong_participles  # "beschrieben" ~ "geschrieben"
    return False


def _german_passive_clause(words: list[str], originals: list[str], profile: StyleProfile) -> bool:
    if profile.auxiliaries.isdisjoint(words):
        return False
    for index, (word, original) in enumerate(zip(words, originals, strict=True)):
        if not _german_participle(word, original, profile):
            continue
        last = index == len(words) - 1
        before_auxiliary = not last and words[index + 1] in profile.auxiliaries
        if last or before_auxiliary:
            return True
    return False


def _dutch_participle(word: str, profile: StyleProfile, *, with_worden: bool) -> bool:
    if word in profile.not_participles or len(word) < 5:
        return False
    if word in profile.strong_participles or _NL_PARTICIPLE_RE.match(word):
        return True
    # "betaald", "vertaald" are participles, but "bestaat", "vertelt" are present tense: the
    # prefixed forms without "ge-" count only next to a form of "worden".
    prefixed = _NL_PREFIXED_RE.match(word)
    return with_worden and bool(prefixed) and prefixed.group(2).endswith(("d", "t"))


def _dutch_passive_clause(words: list[str], profile: StyleProfile) -> bool:
    auxiliaries = [index for index, word in enumerate(words) if word in profile.auxiliaries]
    if not auxiliaries:
        return False
    only_zijn = all(words[index] in profile.zijn_auxiliaries for index in auxiliaries)
    for index, word in enumerate(words):
        if not _dutch_participle(word, profile, with_worden=not only_zijn):
            continue
        if only_zijn and word in profile.zijn_verbs:
            continue  # "is gegaan": active perfect
        last = index == len(words) - 1
        if last or words[index + 1] in profile.auxiliaries:
            return True
    return False


def _french_participle(word: str, profile: StyleProfile) -> bool:
    if word in profile.irregular_participles:
        return True
    base = word
    if base not in profile.irregular_participles:
        base = _FR_INFLECTION_RE.sub("", word)
    if base in profile.irregular_participles:
        return True
    return _FR_REGULAR_PARTICIPLE_RE.match(word) is not None


def _french_etre_verb(word: str, profile: StyleProfile) -> bool:
    return word in profile.etre_verbs or _FR_INFLECTION_RE.sub("", word) in profile.etre_verbs


def _french_passive(words: list[str], profile: StyleProfile) -> bool:
    for index, word in enumerate(words):
        if word not in profile.auxiliaries or word == "étant":
            continue  # ("étant donné que" is a connective)
        if index and words[index - 1] in profile.reflexive_pronouns:
            continue  # "s'est formée": reflexive, not passive
        for following in words[index + 1 : index + 5]:
            following = following.split("'")[-1] if following.startswith("n'") else following
            if _french_etre_verb(following, profile):
                break
            if _french_participle(following, profile):
                return True
            if following not in profile.fillers:
                break
    return False


def _split_reflexive(words: list[str]) -> list[str]:
    """French: "s'est" -> "s'", "est" (reading words keep elisions joined)."""
    split: list[str] = []
    for word in words:
        head, mark, rest = word.partition("'")
        if mark and rest and len(head) <= 2:
            split.extend((head + mark, rest))
        else:
            split.append(word)
    return split


def passive_flags(
    sentences: Sequence[Sentence],
    texts: Mapping[str, str],
    lang: str,
    folded: Sequence[list[str]] | None = None,
) -> list[bool]:
    """Whether each sentence contains a passive clause (rules in docs/seo-checks.md)."""
    profile = style_profile(lang)
    if profile is None:
        return [False] * len(sentences)
    if folded is None:
        folded = folded_sentences(sentences, lang)
    auxiliaries = profile.auxiliaries
    flags = []
    for sentence, words in zip(sentences, folded, strict=True):
        if lang != "fr" and auxiliaries.isdisjoint(words):
            flags.append(False)  # most sentences: no auxiliary, no passive
            continue
        if lang == "fr":
            words = _split_reflexive(words)
        if profile.auxiliaries.isdisjoint(words):
            flags.append(False)
            continue
        if lang == "en":
            flags.append(_english_passive(words, profile))
        elif lang == "fr":
            flags.append(_french_passive(words, profile))
        else:
            text = texts[sentence.path][sentence.start : sentence.end]
            found = False
            for clause in _CLAUSE_SPLIT_RE.split(text):
                originals = _CLAUSE_WORD_RE.findall(clause.rstrip(".!?…\"'”“„»« "))
                clause_words = _lower(originals)
                if lang == "de":
                    found = _german_passive_clause(clause_words, originals, profile)
                else:
                    found = _dutch_passive_clause(clause_words, profile)
                if found:
                    break
            flags.append(found)
    return flags
