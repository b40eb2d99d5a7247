"""Language-aware keyword matching with character offsets.

Rules (documented in docs/seo-checks.md, "Matching rules"):

* Words compare by key (see `morphology`): case, Unicode form, inflection and hyphenation of
  compounds do not matter.
* Function words of the language are ignored: a keyword is its content words.
* A single-word keyword matches a word with the same key. A multi-word keyword matches when all
  its content words occur in one sentence, in any order; each word of the text serves at most
  one content word.
* A match is EXACT when the matched text, normalised, equals the normalised keyword; otherwise
  INFLECTED.
* German/Dutch elision: in "Darm- und Rückenschmerzen" the elided "Darm-" stands for
  "Darmschmerzen", on the keyword side as well as in the text.
* A closed compound may be written as a phrase: "Rückenschmerzen" is also found as
  "Schmerzen im unteren Rücken" (its parts within a few words of each other, same sentence).
* PARTIAL: the keyword is only part of a longer compound: "Mikrobiom-Testkits" for
  "Mikrobiom-Test", "Magen-Darm-Schmerzen" for "Darmschmerzen". For closed compounds the rest
  of the compound must be a dictionary word, so "Testosteron" is not a partial "Test".
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress
from typing import NamedTuple

from .languages import PROFILES, normalise_language, stop_words
from .morphology import (
    fold,
    is_compound_remainder,
    lemma,
    split_compound,
    word_key,
)
from .report import KeywordMatch, MatchKind
from .text import HYPHENS_RE, Block, Tokens, sentence_starts, tokenize
from .transliteration import transliterate

# Largest distance (in words) between the parts of a compound written as a phrase:
# "Schmerzen im unteren Rücken" has its parts 3 words apart.
COMPOUND_PHRASE_WINDOW = 4
# Shortest keyword form that may be reported inside a longer closed compound.
_MIN_PARTIAL_FORM = 4
_MIN_COMPOUND_REST = 3
_MAX_ELISION_GAP = 4
# Case folding and NFKC can change a text's length a little ("ß" -> "ss"); spans whose length
# differs more than this from the keyword's cannot be verbatim, which saves normalising them.
_MAX_FOLDING_GROWTH = 3

_FULL, _PARTIAL, _VIRTUAL, _PART = 0, 1, 2, 3
_HYPHEN_CHARS = "-\u2010\u2011"
_SPACE_RE = re.compile(r"\s+")


def surface_form(text: str) -> str:
    """How text compares for EXACT matches: NFKC, case-folded, one kind of hyphen and space."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return _SPACE_RE.sub(" ", HYPHENS_RE.sub("-", folded)).strip()


LOCATION_BY_FIELD = {
    "title": "title",
    "seo_title": "seo_title",
    "meta_description": "meta_description",
    "slug": "slug",
    "intro": "intro",
    "conclusion": "conclusion",
    "heading": "heading",
    "body": "body",
    "question": "faq",
    "answer": "faq",
}


def location_for_path(path: str) -> str:
    """Coarse location of a field path: "sections[2].heading" -> "heading", "faqs[0].answer"
    -> "faq", "title" -> "title". Unknown paths are their own location."""
    return LOCATION_BY_FIELD.get(path.rsplit(".", 1)[-1], path)


@dataclass(frozen=True, slots=True)
class FieldText:
    """One field as the matcher and the checks see it: text, words with offsets, sentences.

    `source` (defaults to `text`) is what match texts are cut from, which lets the slug be
    tokenised with spaces while matches still quote the slug itself. `blocks` are the rich-text
    blocks (paragraphs, list items, inner headings) for rich-text fields, else empty.
    """

    path: str
    location: str
    text: str
    sentence_starts: list[int]
    words: list[str]
    starts: list[int]
    ends: list[int]
    blocks: tuple[Block, ...] = ()
    source: str | None = None

    @property
    def has_elision(self) -> bool:
        return _ELISION_RE.search(self.text) is not None

    def word_range(self, start: int, end: int) -> tuple[int, int]:
        """Indexes [first, last) of the words starting inside text[start:end]."""
        return bisect_left(self.starts, start), bisect_left(self.starts, end)


_ELISION_RE = re.compile(r"[-\u2010\u2011][\s,/]")


def make_field(
    path: str,
    text: str,
    lang: str,
    *,
    location: str | None = None,
    blocks: tuple[Block, ...] = (),
) -> FieldText:
    """Tokenise one field of plain text for matching."""
    tokens = tokenize(text)
    return FieldText(
        path=path,
        location=location or location_for_path(path),
        text=text,
        sentence_starts=sentence_starts(text, lang),
        words=tokens.words,
        starts=tokens.starts,
        ends=tokens.ends,
        blocks=blocks,
    )


def make_slug_field(slug: str, lang: str) -> FieldText:
    """The slug as a field: its hyphens separate words, so they are tokenised as spaces."""
    spaced = slug.replace("-", " ").replace("_", " ")
    tokens = tokenize(spaced)
    return FieldText(
        path="slug",
        location="slug",
        text=spaced,
        sentence_starts=[0],
        words=tokens.words,
        starts=tokens.starts,
        ends=tokens.ends,
        source=slug,
    )


@dataclass(frozen=True, slots=True)
class ContentWord:
    """A content word of a keyword and every way it can show up in a text."""

    text: str
    keys: frozenset[str]
    prefix_forms: tuple[str, ...]  # the word at the start of a longer closed compound
    suffix_stem: str  # the word at the end of a longer closed compound
    parts: tuple[frozenset[str], ...]  # keys of its compound parts, for the phrase form


@dataclass(frozen=True, slots=True)
class PreparedKeyword:
    term: str
    lang: str
    surface: str
    words: tuple[ContentWord, ...]

    @property
    def identity(self) -> frozenset[str]:
        """Order-free lemma/stem identity, used to spot duplicate and competing keywords."""
        return frozenset(min(word.keys, default=word.text.casefold()) for word in self.words)


def _elision_heads(text: str, tokens: Tokens, lang: str) -> dict[int, int]:
    """{index of elided token: index of the compound that completes it}."""
    profile = PROFILES[lang]
    if not profile.compounding:
        return {}
    links = profile.elision_links
    words, starts, ends = tokens.words, tokens.starts, tokens.ends
    heads: dict[int, int] = {}
    for index, raw in enumerate(words):
        if raw[-1] not in _HYPHEN_CHARS:
            continue
        previous_end = ends[index]
        for candidate in range(index + 1, min(len(words), index + 1 + _MAX_ELISION_GAP)):
            word, start, word_end = words[candidate], starts[candidate], ends[candidate]
            if text[previous_end:start].strip(" \t,/"):
                break  # punctuation other than commas/slashes ends the elision
            previous_end = word_end
            if word[-1] in _HYPHEN_CHARS or word.casefold() in links:
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
    modifier = elided.rstrip(_HYPHEN_CHARS)
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
                if piece.endswith(link) and len(piece) - len(link) >= _MIN_COMPOUND_REST:
                    variants.add(piece[: -len(link)])
        keys.append(frozenset(word_key(v, lang) for v in variants))
    return tuple(keys)


def _content_word(raw: str, lang: str) -> ContentWord:
    keys = {word_key(raw, lang)}
    if lang == "de":  # German nouns are capitalised; a lower-case keyword should still match
        keys.add(word_key(raw[:1].upper() + raw[1:], lang))
    compounding = PROFILES[lang].compounding
    prefix_forms: tuple[str, ...] = ()
    if compounding:
        candidates = {fold(raw), fold(lemma(raw, lang))}
        prefix_forms = tuple(sorted(f for f in candidates if len(f) >= _MIN_PARTIAL_FORM))
    return ContentWord(
        text=raw,
        keys=frozenset(keys),
        prefix_forms=prefix_forms,
        suffix_stem=word_key(raw, lang) if compounding else "",
        parts=_part_keys(raw, lang),
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
    heads = _elision_heads(text, tokens, lang)
    content: list[ContentWord] = []
    for index, raw in enumerate(tokens.words):
        if index in heads:
            content.append(_elided_content_word(raw, tokens.words[heads[index]], lang))
        elif raw.casefold() not in stops:
            content.append(_content_word(raw, lang))
    if not content:  # a keyword made only of function words keeps them all
        content = [_content_word(raw, lang) for raw in tokens.words]
    return PreparedKeyword(term=term, lang=lang, surface=surface_form(text), words=tuple(content))


@lru_cache(maxsize=1 << 16)
def _subrun_keys(raw: str, lang: str) -> tuple[str, ...]:
    """Keys of the shorter compounds inside a hyphenated word: Magen-Darm-Schmerzen ->
    Magen, Darm, Schmerzen, Magen-Darm, Darm-Schmerzen."""
    parts = [p for p in HYPHENS_RE.split(raw) if p]
    keys = set()
    for first in range(len(parts)):
        for last in range(first + 1, len(parts) + 1):
            if last - first < len(parts):
                keys.add(word_key("-".join(parts[first:last]), lang))
    return tuple(keys)


@lru_cache(maxsize=1 << 18)
def _word_info(raw: str, lang: str) -> tuple[str, str, bool]:
    """(key, folded form without a trailing hyphen, is hyphenated) of a word of the text."""
    return word_key(raw, lang), fold(raw).rstrip(_HYPHEN_CHARS), bool(HYPHENS_RE.search(raw))


def _starting_with(sorted_lines: list[str], prefix: str) -> list[str]:
    """Lines of a sorted list that start with `prefix` and are at least a compound part
    longer (a binary search instead of a regular expression: no per-document compiling)."""
    found = []
    for position in range(bisect_left(sorted_lines, prefix), len(sorted_lines)):
        line = sorted_lines[position]
        if not line.startswith(prefix):
            break
        if len(line) - len(prefix) >= _MIN_COMPOUND_REST:
            found.append(line)
    return found


class _Vocabulary:
    """The distinct words of one document and their keys, computed once per document."""

    def __init__(self, fields: Sequence[FieldText], lang: str) -> None:
        self.lang = lang
        self.compounding = PROFILES[lang].compounding
        raws: set[str] = set()
        for field in fields:
            raws.update(field.words)
        info = {raw: _word_info(raw, lang) for raw in raws}
        self.key_of: dict[str, str] = {raw: item[0] for raw, item in info.items()}
        self.raws_by_key: dict[str, list[str]] = defaultdict(list)
        for raw, key in self.key_of.items():
            self.raws_by_key[key].append(raw)
        self.raws_by_folded: dict[str, list[str]] = defaultdict(list)
        if self.compounding:
            for raw, item in info.items():
                self.raws_by_folded[item[1]].append(raw)
        self.raws_by_subrun_key: dict[str, list[str]] = defaultdict(list)
        for raw, item in info.items():
            if item[2]:
                for subrun_key in _subrun_keys(raw.rstrip(_HYPHEN_CHARS), lang):
                    self.raws_by_subrun_key[subrun_key].append(raw)

    def partial_raws(self, words: Sequence[ContentWord]) -> list[set[str]]:
        """For each content word, the document's words that contain it inside a longer
        compound. All content words are searched with one scan per direction."""
        found: list[set[str]] = [set() for _ in words]
        for index, word in enumerate(words):
            for key in word.keys:
                found[index].update(self.raws_by_subrun_key.get(key, ()))
        if self.compounding:
            self._closed_compounds(words, found)
        return [
            {raw for raw in raws if self.key_of[raw] not in word.keys}
            for raws, word in zip(found, words, strict=True)
        ]

    def _closed_compounds(self, words: Sequence[ContentWord], found: list[set[str]]) -> None:
        lang = self.lang
        if any(word.prefix_forms for word in words):
            folded = sorted(self.raws_by_folded)
            for index, word in enumerate(words):
                for form in word.prefix_forms:
                    for line in _starting_with(folded, form):
                        if is_compound_remainder(line[len(form) :], lang, leading=False):
                            found[index].update(self.raws_by_folded[line])
        stems = [w.suffix_stem for w in words if len(w.suffix_stem) >= _MIN_PARTIAL_FORM]
        if stems:
            reversed_keys = sorted(key[::-1] for key in self.raws_by_key)
            for index, word in enumerate(words):
                stem = word.suffix_stem
                if len(stem) < _MIN_PARTIAL_FORM:
                    continue
                for reversed_key in _starting_with(reversed_keys, stem[::-1]):
                    key = reversed_key[::-1]
                    for raw in self.raws_by_key[key]:
                        front = fold(raw)[: len(key) - len(stem)]
                        if is_compound_remainder(front, lang, leading=True):
                            found[index].add(raw)


class _Unit(NamedTuple):
    """Evidence for one content word: a word, an elided compound or a compound-as-phrase."""

    ordinals: tuple[int, ...]  # the text words it occupies
    start: int
    end: int
    kind: int


class KeywordMatcher:
    """Finds many keywords in one set of fields, tokenising each field once.

    Keywords often share content words ("Rückenschmerzen" in six of the seed's nine), so the
    evidence is collected once per distinct content word and then combined per keyword.
    """

    def __init__(self, fields: Sequence[FieldText], lang: str) -> None:
        self.lang = normalise_language(lang)
        self.fields = tuple(fields)
        self._vocabulary = _Vocabulary(self.fields, self.lang)

    def match(self, keywords: Sequence[PreparedKeyword]) -> list[list[KeywordMatch]]:
        """Matches per keyword, in field order then text order."""
        index_of: dict[ContentWord, int] = {}
        for keyword in keywords:
            for word in keyword.words:
                index_of.setdefault(word, len(index_of))
        words = list(index_of)
        layouts = [[index_of[word] for word in keyword.words] for keyword in keywords]
        wanted = self._wanted(words)
        results: list[list[KeywordMatch]] = [[] for _ in keywords]
        for field in self.fields:
            evidence = self._evidence(field, words, wanted)
            if not evidence:
                continue
            source = field.source if field.source is not None else field.text
            for k_index, layout in enumerate(layouts):
                per_word = [evidence.get(w_index) for w_index in layout]
                if all(per_word):
                    results[k_index].extend(_combine(keywords[k_index], per_word, field, source))
        return results

    def _wanted(self, words: Sequence[ContentWord]) -> dict[str, list[tuple[int, int, int]]]:
        """{word in the text: [(content word index, kind, part index)]}."""
        vocabulary = self._vocabulary
        raws_by_key = vocabulary.raws_by_key
        partials = vocabulary.partial_raws(words)
        wanted: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
        for w_index, word in enumerate(words):
            for key in word.keys:
                for raw in raws_by_key.get(key, ()):
                    # An elided "Darm-" is the start of a compound, not the word "Darm".
                    kind = _PARTIAL if raw[-1] in _HYPHEN_CHARS else _FULL
                    wanted[raw].append((w_index, kind, 0))
            for raw in partials[w_index]:
                wanted[raw].append((w_index, _PARTIAL, 0))
            for p_index, part_keys in enumerate(word.parts):
                for key in part_keys:
                    for raw in raws_by_key.get(key, ()):
                        wanted[raw].append((w_index, _PART, p_index))
        return dict(wanted)

    def _evidence(
        self,
        field: FieldText,
        words: Sequence[ContentWord],
        wanted: Mapping[str, list[tuple[int, int, int]]],
    ) -> dict[int, list[tuple[int, _Unit]]]:
        """{content word index: [(sentence, unit)]} for one field."""
        has_elision = self._vocabulary.compounding and field.has_elision
        if not has_elision and wanted.keys().isdisjoint(field.words):
            return {}
        evidence: dict[int, list[tuple[int, _Unit]]] = defaultdict(list)
        part_hits: dict[int, list[tuple[int, int, int, int, int]]] = defaultdict(list)
        sentences, starts, ends, tokens = (
            field.sentence_starts,
            field.starts,
            field.ends,
            field.words,
        )
        for ordinal in compress(range(len(tokens)), map(wanted.__contains__, tokens)):
            start, end = starts[ordinal], ends[ordinal]
            sentence = bisect_right(sentences, start) - 1
            for w_index, kind, p_index in wanted[tokens[ordinal]]:
                if kind == _PART:
                    part_hits[w_index].append((sentence, ordinal, start, end, p_index))
                else:
                    evidence[w_index].append((sentence, _Unit((ordinal,), start, end, kind)))
        if has_elision:
            self._add_elisions(field, words, evidence)
        for w_index, found in part_hits.items():
            part_count = len(words[w_index].parts)
            if len({hit[4] for hit in found}) < part_count:
                continue  # some part never occurs in this field
            evidence[w_index].extend(_phrase_units(found, part_count))
        return evidence

    def _add_elisions(self, field: FieldText, words, evidence) -> None:
        tokens = Tokens(field.words, field.starts, field.ends)
        for e_index, h_index in _elision_heads(field.text, tokens, self.lang).items():
            elided, start = field.words[e_index], field.starts[e_index]
            head, end = field.words[h_index], field.ends[h_index]
            keys = {word_key(form, self.lang) for form in elided_forms(elided, head, self.lang)}
            sentence = bisect_right(field.sentence_starts, start) - 1
            for w_index, word in enumerate(words):
                if not word.keys.isdisjoint(keys):
                    evidence[w_index].append((sentence, _Unit((e_index,), start, end, _VIRTUAL)))


def _phrase_units(hits, part_count: int) -> list[tuple[int, _Unit]]:
    """Groups of words, one per compound part, close together in one sentence."""
    hits = sorted(set(hits), key=lambda hit: hit[1])
    found = []
    index = 0
    while index < len(hits):
        sentence, ordinal = hits[index][0], hits[index][1]
        chosen: dict[int, tuple] = {}
        for position in range(index, len(hits)):
            hit = hits[position]
            if hit[0] != sentence or hit[1] - ordinal > COMPOUND_PHRASE_WINDOW:
                break
            if hit[4] not in chosen and all(hit[1] != c[1] for c in chosen.values()):
                chosen[hit[4]] = hit
        if len(chosen) == part_count:
            group = chosen.values()
            unit = _Unit(
                tuple(sorted(h[1] for h in group)),
                min(h[2] for h in group),
                max(h[3] for h in group),
                _VIRTUAL,
            )
            found.append((sentence, unit))
            last = max(h[1] for h in group)
            while index < len(hits) and hits[index][1] <= last:
                index += 1
        else:
            index += 1
    return found


def _combine(keyword: PreparedKeyword, per_word, field: FieldText, source: str) -> list:
    """Turn per-content-word evidence into keyword matches, sentence by sentence."""
    if len(per_word) == 1:  # one content word: every unit is a match on its own
        units = sorted((unit for _sentence, unit in per_word[0]), key=lambda u: (u.start, u.kind))
        return [_make_match(keyword, [unit], field, source) for unit in units]
    by_sentence: dict[int, list[list[_Unit]]] = {}
    word_count = len(per_word)
    for w_index, entries in enumerate(per_word):
        for sentence, unit in entries:
            slots = by_sentence.get(sentence)
            if slots is None:
                if w_index:
                    continue  # the first content word is missing from this sentence
                slots = by_sentence[sentence] = [[] for _ in range(word_count)]
            slots[w_index].append(unit)
    matches = []
    for sentence in sorted(by_sentence):
        slots = by_sentence[sentence]
        if not all(slots):
            continue
        used: set[int] = set()
        while True:
            chosen = _best_combination(slots, used)
            if chosen is None:
                break
            for unit in chosen:
                used.update(unit.ordinals)
            matches.append(_make_match(keyword, chosen, field, source))
    matches.sort(key=lambda match: (match.start, match.end))
    return matches


def _best_combination(per_word: list[list[_Unit]], used: set[int]) -> list[_Unit] | None:
    """One unit per content word, none reusing a word: full matches before partial ones,
    then the most compact span (so "gastrointestinale Beschwerden" wins over a scattered
    "Darmbeschwerden ... gastrointestinale" in the same sentence)."""
    best: tuple | None = None
    for anchor in per_word[0]:
        if not used.isdisjoint(anchor.ordinals):
            continue
        chosen = [anchor]
        taken = used.union(anchor.ordinals)
        for options in per_word[1:]:
            free = [u for u in options if taken.isdisjoint(u.ordinals)]
            if not free:
                break
            pick = min(free, key=lambda u: (u.kind == _PARTIAL, abs(u.start - anchor.start)))
            chosen.append(pick)
            taken.update(pick.ordinals)
        if len(chosen) < len(per_word):
            continue
        partial = any(unit.kind == _PARTIAL for unit in chosen)
        span = max(u.end for u in chosen) - min(u.start for u in chosen)
        rank = (partial, span, min(u.start for u in chosen))
        if best is None or rank < best[0]:
            best = (rank, chosen)
    return None if best is None else best[1]


_UNUSUAL_SPACING_RE = re.compile(r"[\u2010\u2011]|\s\s|[^\S ]")


def _is_verbatim(span: str, surface: str) -> bool:
    """Whether `span` equals the keyword's surface form; the full normalisation only runs for
    text that needs it (unusual hyphens or spaces, characters that NFKC changes)."""
    folded = span.casefold()
    if folded == surface:
        return True
    if _UNUSUAL_SPACING_RE.search(folded) or not unicodedata.is_normalized("NFKC", folded):
        return surface_form(span) == surface
    return False


def _make_match(keyword: PreparedKeyword, units: list[_Unit], field: FieldText, source: str):
    if len(units) == 1:
        unit = units[0]
        start, end, partial = unit.start, unit.end, unit.kind == _PARTIAL
    else:
        start = min(unit.start for unit in units)
        end = max(unit.end for unit in units)
        partial = any(unit.kind == _PARTIAL for unit in units)
    text = source[start:end]
    if partial:
        kind = MatchKind.PARTIAL
    elif abs(end - start - len(keyword.surface)) <= _MAX_FOLDING_GROWTH and _is_verbatim(
        field.text[start:end], keyword.surface
    ):
        kind = MatchKind.EXACT
    else:
        kind = MatchKind.INFLECTED
    return KeywordMatch(field.location, field.path, text, kind, start, end)


def find_keyword_matches(term: str, fields: Mapping[str, str], lang: str) -> list[KeywordMatch]:
    """Find one keyword in plain-text fields, e.g. for highlighting in the admin.

    `fields` maps a field path ("title", "intro", "sections[0].body", "faqs[1].answer",
    "slug", ...) to its plain text (use `html_to_plain_text` for rich text). The slug is
    compared after transliteration. Offsets in the returned matches point into these texts.
    """
    lang = normalise_language(lang)
    text_fields = [make_field(p, t, lang) for p, t in fields.items() if p != "slug"]
    found = KeywordMatcher(text_fields, lang).match([prepare_keyword(term, lang)])[0]
    if "slug" in fields:
        slug_field = make_slug_field(fields["slug"], lang)
        slug_keyword = prepare_keyword(term, lang, for_slug=True)
        found += KeywordMatcher([slug_field], lang).match([slug_keyword])[0]
    order = {path: index for index, path in enumerate(fields)}
    return sorted(found, key=lambda m: (order.get(m.path, len(order)), m.start, m.end))
