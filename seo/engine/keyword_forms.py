"""Keywords prepared for matching: content words, their keys, compound parts and elisions."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from functools import lru_cache

from .languages import PROFILES, normalise_language, stop_words
from .morphology import fold, lemma, split_compound, word_key
from .text import HYPHEN_CHARS, HYPHENS_RE, Tokens, tokenize
from .transliteration import transliterate

# Shortest keyword form that may be reported inside a longer closed compound.
MIN_PARTIAL_FORM = 4
# Shortest rest of a compound around a keyword ("Mikrobiom-Test|kits").
MIN_COMPOUND_REST = 3
# Words an elided part may be away from the compound that completes it.
_MAX_ELISION_GAP = 4
_SPACE_RE = re.compile(r"\s+")
_EDGE_PUNCTUATION_RE = re.compile(r"^[^\w]+|[^\w]+$")
# A hyphen that may end a word: the word pattern keeps a trailing hyphen only before these.
_TRAILING_HYPHEN_RE = re.compile(f"[{HYPHEN_CHARS}](?=[\\s/,])")
# The same for texts whose only hyphen is "-" (a literal first character scans faster).
_TRAILING_ASCII_HYPHEN_RE = re.compile(r"-(?=[\s/,])")


def surface_form(text: str) -> str:
    """How text compares for EXACT matches: NFKC, case-folded, one kind of hyphen and space."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return _SPACE_RE.sub(" ", HYPHENS_RE.sub("-", folded)).strip()


@dataclass(frozen=True, slots=True)
class ContentWord:
    """A content word of a keyword and every way it can show up in a text."""

    text: str
    keys: frozenset[str]
    prefix_forms: tuple[str, ...]  # the word at the start of a longer closed compound
    suffix_stem: str  # the word at the end of a longer closed compound
    parts: tuple[frozenset[str], ...]  # keys of its compound parts, for the phrase form
    # English: whether -ed/-ing forms of the word count ("losing" for "lose weight"). Off for
    # words that are not verbs in the keyword: "gutted" is no form of the noun "gut".
    verbal_forms: bool = True


@dataclass(frozen=True, slots=True)
class PreparedKeyword:
    term: str
    lang: str
    surface: str
    words: tuple[ContentWord, ...]
    # For each content word, the conjunct it belongs to: "Darmgesundheit und Rückenschmerzen"
    # names two topics (0, 1) that a text may discuss anywhere in one sentence, while the
    # words of one conjunct ("viszeraler Schmerz") must stand close together.
    conjuncts: tuple[int, ...] = ()
    # Order-free lemma/stem identity, used to spot duplicate and competing keywords.
    identity: frozenset[str] = field(init=False, compare=False)

    def __post_init__(self) -> None:
        identity = frozenset(min(word.keys, default=word.text.casefold()) for word in self.words)
        object.__setattr__(self, "identity", identity)  # frozen: set once, here


def elision_heads(text: str, tokens: Tokens, lang: str) -> dict[int, int]:
    """{index of elided token: index of the compound that completes it}."""
    profile = PROFILES[lang]
    if not profile.compounding:
        return {}
    links = profile.elision_links
    words, starts, ends = tokens.words, tokens.starts, tokens.ends
    heads: dict[int, int] = {}
    other_hyphens = "\u2010" in text or "\u2011" in text
    trailing = _TRAILING_HYPHEN_RE if other_hyphens else _TRAILING_ASCII_HYPHEN_RE
    for hyphen in trailing.finditer(text):
        # The text has few such hyphens and many words: find their words by offset.
        index = bisect_left(ends, hyphen.end())
        if index == len(words) or ends[index] != hyphen.end():
            continue  # a dash between spaces, not the end of a word
        previous_end = ends[index]
        for candidate in range(index + 1, min(len(words), index + 1 + _MAX_ELISION_GAP)):
            word, start, word_end = words[candidate], starts[candidate], ends[candidate]
            if text[previous_end:start].strip(" \t,/"):
                break  # punctuation other than commas/slashes ends the elision
            previous_end = word_end
            if word[-1] in HYPHEN_CHARS or word.casefold() in links:
                continue
            heads[index] = candidate
            break
    return heads


@lru_cache(maxsize=1 << 16)
def elided_forms(elided: str, completion: str, lang: str) -> tuple[str, ...]:
    """Full compounds an elided part stands for: ("Darm-", "Rückenschmerzen") -> "Darmschmerzen".

    The head of the completing compound comes from its last hyphen part or from dictionary
    compound splitting; when neither works every plausible head (suffix of 4+ letters) is tried.
    """
    modifier = elided.rstrip(HYPHEN_CHARS)
    parts = HYPHENS_RE.split(completion)
    if len(parts) > 1:
        return (f"{modifier}{parts[-1].lower()}",)
    folded = fold(completion)
    split = split_compound(folded, lang)
    if split:
        return (f"{modifier}{split[1]}",)
    # cut 0 keeps the whole completion as the head, so short completions still yield a form
    return tuple(f"{modifier}{folded[cut:]}" for cut in range(max(1, len(folded) - 3)))


def _part_keys(word: str, lang: str) -> tuple[frozenset[str], ...]:
    if not PROFILES[lang].compounding:
        return ()
    pieces = [p for p in HYPHENS_RE.split(word) if p]
    if len(pieces) < 2:
        split = split_compound(fold(word), lang)
        if not split:
            return ()
        pieces = list(split)
    keys = []
    for position, piece in enumerate(pieces):
        variants = {piece}
        if position < len(pieces) - 1:  # a modifier may carry a linking element: Entzündung-s-
            for link in ("s", "es", "n", "en", "e"):
                if piece.endswith(link) and len(piece) - len(link) >= MIN_COMPOUND_REST:
                    variants.add(piece[: -len(link)])
        keys.append(frozenset(word_key(v, lang) for v in variants))
    return tuple(keys)


# Keywords differ mostly in how they combine words, not in the words themselves.
@lru_cache(maxsize=1 << 14)
def _content_word(raw: str, lang: str, *, compounds: bool = True) -> ContentWord:
    """A keyword word with its keys; with `compounds`, also what finds it inside compounds and
    as a phrase (slugs need only the keys)."""
    keys = {word_key(raw, lang)}
    if lang == "de":  # German nouns are capitalised; a lower-case keyword should still match
        keys.add(word_key(raw[:1].upper() + raw[1:], lang))
    compounding = compounds and PROFILES[lang].compounding
    prefix_forms: tuple[str, ...] = ()
    if compounding:
        candidates = {fold(raw), fold(lemma(raw, lang))}
        prefix_forms = tuple(sorted(f for f in candidates if len(f) >= MIN_PARTIAL_FORM))
    return ContentWord(
        text=raw,
        keys=frozenset(keys),
        prefix_forms=prefix_forms,
        suffix_stem=word_key(raw, lang) if compounding else "",
        parts=_part_keys(raw, lang) if compounding else (),
    )


def _elided_content_word(elided: str, completion: str, lang: str) -> ContentWord:
    """The content word an elided keyword part stands for ("Darm-" -> "Darmschmerzen")."""
    forms = elided_forms(elided, completion, lang)
    if len(forms) == 1:  # the head is known, so this is an ordinary (synthesised) word
        word = _content_word(forms[0], lang)
        return ContentWord(elided, word.keys, word.prefix_forms, word.suffix_stem, word.parts)
    keys = frozenset(word_key(form, lang) for form in forms)
    return ContentWord(elided, keys, (), "", ())


@lru_cache(maxsize=16)
def _slug_stop_words(lang: str) -> frozenset[str]:
    """Stop words as they are spelled in slugs ("für" -> "fuer") plus their usual spelling."""
    stops = stop_words(lang)
    return stops | {transliterate(word, lang) for word in stops}


# Words that join two topics in a keyword ("Darmgesundheit und Rückenschmerzen").
_COORDINATORS = {
    "de": frozenset({"und", "oder", "sowie", "bzw"}),
    "en": frozenset({"and", "or"}),
    "nl": frozenset({"en", "of"}),
    "fr": frozenset({"et", "ou"}),
    "es": frozenset({"y", "e", "o", "u"}),
    "it": frozenset({"e", "ed", "o", "od"}),
}
_VERBAL_ENDINGS = ("ed", "ing")


def _may_be_verb(word: str, position: int, content_words: int) -> bool:
    """English has no part-of-speech tags here, so a keyword word is taken as a verb (whose
    -ed/-ing forms match) when it has such an ending itself ("running shoes") or opens a
    phrase of several content words, as verbs do in "lose weight" or "improve digestion".
    A single word ("gut") or a later word ("gut health" -> "health") is a noun."""
    return word.casefold().endswith(_VERBAL_ENDINGS) or (position == 0 and content_words > 1)


def is_verbal_form(text_word: str, keyword_word: str) -> bool:
    """Whether `text_word` adds an -ed/-ing ending that `keyword_word` lacks."""
    folded = text_word.casefold()
    return any(
        folded.endswith(ending) and not keyword_word.casefold().endswith(ending)
        for ending in _VERBAL_ENDINGS
    )


@lru_cache(maxsize=4096)
def prepare_keyword(term: str, lang: str, *, for_slug: bool = False) -> PreparedKeyword:
    """Analyse a keyword once: its content words, their keys and compound parts.

    With `for_slug`, the keyword is transliterated and split at hyphens like a URL slug.
    """
    lang = normalise_language(lang)
    text = unicodedata.normalize("NFC", term).strip()
    stops = stop_words(lang)
    if for_slug:
        text = transliterate(text, lang).lower().replace("-", " ")
        stops = _slug_stop_words(lang)
    tokens = tokenize(text)
    heads = elision_heads(text, tokens, lang)
    coordinators = _COORDINATORS.get(lang, frozenset())
    content: list[ContentWord] = []
    conjuncts: list[int] = []
    conjunct = 0
    for index, raw in enumerate(tokens.words):
        if index in heads:
            content.append(_elided_content_word(raw, tokens.words[heads[index]], lang))
            conjuncts.append(conjunct)
            conjunct += 1  # "Darm- und Rückenschmerzen": two topics
        elif raw.casefold() in coordinators:
            conjunct += 1 if conjuncts and conjuncts[-1] == conjunct else 0
        elif raw.casefold() not in stops:
            content.append(_content_word(raw, lang, compounds=not for_slug))
            conjuncts.append(conjunct)
    if not content:  # a keyword made only of function words keeps them all
        content = [_content_word(raw, lang, compounds=not for_slug) for raw in tokens.words]
        conjuncts = [0] * len(content)
    if lang == "en":
        content = [
            replace(word, verbal_forms=_may_be_verb(word.text, position, len(content)))
            for position, word in enumerate(content)
        ]
    # Punctuation around the keyword ("Was ist RDS?") is never part of a matched span.
    surface = _EDGE_PUNCTUATION_RE.sub("", surface_form(text))
    return PreparedKeyword(
        term=term, lang=lang, surface=surface, words=tuple(content), conjuncts=tuple(conjuncts)
    )
