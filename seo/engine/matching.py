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
from functools import lru_cache, partial
from itertools import compress, pairwise
from operator import itemgetter
from typing import NamedTuple

from .fields import FieldText, make_field, make_slug_field
from .keyword_forms import (
    MIN_COMPOUND_REST,
    MIN_PARTIAL_FORM,
    ContentWord,
    PreparedKeyword,
    elided_forms,
    elision_heads,
    is_verbal_form,
    prepare_keyword,
    surface_form,
)
from .languages import PROFILES, normalise_language
from .morphology import fold, is_compound_remainder, word_key
from .report import ARTICLE_TEXT_LOCATIONS, KeywordMatch, MatchKind
from .text import HYPHEN_CHARS, HYPHENS_RE, Tokens
from .word_tables import WordTable

# Largest distance (in words) between the parts of a compound written as a phrase:
# "Schmerzen im unteren Rücken" has its parts 3 words apart.
COMPOUND_PHRASE_WINDOW = 4
# Largest distance (in words) between consecutive content words of a multi-word keyword in
# one sentence: up to four words in between ("Rückenschmerzen, insbesondere wie Störungen im
# Darm", "gastrointestinalen und damit verbundenen muskuloskelettalen Beschwerden"). Words
# further apart belong to different phrases ("Darmgesundheit Ihren Körper beeinflusst und
# wie Rückenschmerzen" is no "Darmgesundheit und Rückenschmerzen").
KEYWORD_PROXIMITY_WINDOW = 5
# Heads of German and Dutch place names: "Darmstadt" and "Salzburg" start with a noun, but
# they are names, not compounds of "Darm" or "Salz", so they are no partial matches.
_PLACE_NAME_HEADS = {
    "de": frozenset(
        {
            "stadt",
            "burg",
            "berg",
            "dorf",
            "heim",
            "hausen",
            "ingen",
            "furt",
            "feld",
            "bach",
            "hafen",
            "stedt",
            "leben",
            "rode",
            "born",
            "brück",
            "brücken",
        }
    ),
    "nl": frozenset(
        {"dam", "drecht", "hoven", "recht", "veen", "woude", "horst", "burg", "berg", "dorp"}
    ),
}
# Case folding and NFKC can change a text's length a little ("ß" -> "ss"); spans whose length
# differs more than this from the keyword's cannot be verbatim, which saves normalising them.
_MAX_FOLDING_GROWTH = 3

_FULL, _PARTIAL, _VIRTUAL, _PART = 0, 1, 2, 3


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


class _WordInfo(NamedTuple):
    key: str
    folded: str  # without a trailing hyphen
    reversed_key: str  # for finding keys that end in a keyword's stem
    subrun_keys: tuple[str, ...]  # for hyphenated words (see `_subrun_keys`), else empty


# Column getters: C-level, for the per-document scans over a thousand words.
_KEY, _FOLDED, _REVERSED_KEY, _SUBRUN_KEYS = (itemgetter(i) for i in range(4))


def _word_info(raw: str, lang: str) -> _WordInfo:
    key = word_key(raw, lang)
    subruns = _subrun_keys(raw.rstrip(HYPHEN_CHARS), lang) if HYPHENS_RE.search(raw) else ()
    return _WordInfo(key, fold(raw).rstrip(HYPHEN_CHARS), key[::-1], subruns)


_WORD_INFOS = WordTable(_word_info)


def _starting_with(sorted_lines: list[str], prefix: str) -> list[str]:
    """Lines of a sorted list that start with `prefix` and are at least a compound part
    longer (a binary search instead of a regular expression: no per-document compiling)."""
    found = []
    for position in range(bisect_left(sorted_lines, prefix), len(sorted_lines)):
        line = sorted_lines[position]
        if not line.startswith(prefix):
            break
        if len(line) - len(prefix) >= MIN_COMPOUND_REST:
            found.append(line)
    return found


class _Vocabulary:
    """The distinct words of one document and their keys, computed once per document.

    A document has about a thousand distinct words and its keywords ask about a few dozen
    keys, so the words are kept as parallel lists and only the asked-for keys are indexed,
    with C-level filters (`raws_with`), rather than building full inverse maps per document.
    """

    def __init__(self, fields: Sequence[FieldText], lang: str) -> None:
        self.lang = lang
        self.compounding = PROFILES[lang].compounding
        distinct: set[str] = set()
        distinct.update(*(field.words for field in fields))
        self.info_of = _WORD_INFOS.holding(distinct, lang)
        self.raws = list(distinct)
        self.infos = list(map(self.info_of.__getitem__, self.raws))
        self.keys = list(map(_KEY, self.infos))

    def raws_with(self, values: set[str], attribute: str = "key") -> dict[str, list[str]]:
        """{value: the document's words whose `attribute` ("key" or "folded") is that value},
        for the values in `values`."""
        found: dict[str, list[str]] = defaultdict(list)
        column = self.keys if attribute == "key" else list(map(_FOLDED, self.infos))
        matching = map(values.__contains__, column)
        for raw, value in compress(zip(self.raws, column, strict=True), matching):
            found[value].append(raw)
        return found

    def partial_raws(self, words: Sequence[ContentWord]) -> list[set[str]]:
        """For each content word, the document's words that contain it inside a longer
        compound. All content words are searched with one scan per direction."""
        found: list[set[str]] = [set() for _ in words]
        wanted = set().union(*(word.keys for word in words))
        subruns = list(map(_SUBRUN_KEYS, self.infos))
        for raw, subrun_keys in compress(zip(self.raws, subruns, strict=True), subruns):
            if wanted.isdisjoint(subrun_keys):
                continue
            for index, word in enumerate(words):
                if not word.keys.isdisjoint(subrun_keys):
                    found[index].add(raw)
        if self.compounding:
            self._closed_compounds(words, found)
        info_of = self.info_of
        return [
            {raw for raw in raws if info_of[raw].key not in word.keys}
            for raws, word in zip(found, words, strict=True)
        ]

    def _closed_compounds(self, words: Sequence[ContentWord], found: list[set[str]]) -> None:
        lang = self.lang
        if any(word.prefix_forms for word in words):
            folded = sorted(set(map(_FOLDED, self.infos)))
            hits: list[tuple[int, str]] = []
            place_heads = _PLACE_NAME_HEADS.get(lang, frozenset())
            for index, word in enumerate(words):
                for form in word.prefix_forms:
                    for line in _starting_with(folded, form):
                        rest = line[len(form) :]
                        if rest in place_heads:
                            continue  # "Darmstadt": a name, not a compound of "Darm"
                        if is_compound_remainder(rest, lang, leading=False):
                            hits.append((index, line))
            if hits:
                raws_by_folded = self.raws_with({line for _index, line in hits}, "folded")
                for index, line in hits:
                    found[index].update(raws_by_folded[line])
        stems = [w.suffix_stem for w in words if len(w.suffix_stem) >= MIN_PARTIAL_FORM]
        if stems:
            reversed_keys = sorted(set(map(_REVERSED_KEY, self.infos)))
            ends: list[tuple[int, str, str]] = []
            for index, word in enumerate(words):
                stem = word.suffix_stem
                if len(stem) < MIN_PARTIAL_FORM:
                    continue
                for reversed_key in _starting_with(reversed_keys, stem[::-1]):
                    ends.append((index, reversed_key[::-1], stem))
            if ends:
                raws_by_key = self.raws_with({key for _index, key, _stem in ends})
                for index, key, stem in ends:
                    for raw in raws_by_key[key]:
                        front = fold(raw)[: len(key) - len(stem)]
                        if is_compound_remainder(front, lang, leading=True):
                            found[index].add(raw)


class _Unit(NamedTuple):
    """Evidence for one content word: a word, an elided compound or a compound-as-phrase."""

    ordinals: tuple[int, ...]  # the text words it occupies
    start: int
    end: int
    kind: int


# Named tuples build through a Python-level __new__; tuple.__new__ does the same in C, which
# matters for the thousands of units and matches an article produces.
_new_unit = partial(tuple.__new__, _Unit)
_UNIT_ORDER = itemgetter(1, 3)  # (_Unit.start, _Unit.kind)
_new_match = partial(tuple.__new__, KeywordMatch)


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
        needs = [set(layout) for layout in layouts]
        wanted = self._wanted(words)
        results: list[list[KeywordMatch]] = [[] for _ in keywords]
        for field in self.fields:
            evidence = self._evidence(field, words, wanted)
            if not evidence:
                continue
            source = field.source if field.source is not None else field.text
            found = evidence.keys()
            for k_index, layout in enumerate(layouts):
                if not found >= needs[k_index]:
                    continue  # most fields lack some word of most keywords
                per_word = [evidence[w_index] for w_index in layout]
                if all(per_word):
                    results[k_index].extend(_combine(keywords[k_index], per_word, field, source))
        return results

    def _wanted(self, words: Sequence[ContentWord]) -> dict[str, list[tuple[int, int, int]]]:
        """{word in the text: [(content word index, kind, part index)]}."""
        vocabulary = self._vocabulary
        asked = set().union(*(word.keys for word in words))
        asked.update(key for word in words for part_keys in word.parts for key in part_keys)
        raws_by_key = vocabulary.raws_with(asked)
        partials = vocabulary.partial_raws(words)
        wanted: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
        for w_index, word in enumerate(words):
            for key in word.keys:
                for raw in raws_by_key.get(key, ()):
                    if not word.verbal_forms and is_verbal_form(raw, word.text):
                        continue  # "gutted" is no form of the noun "gut"
                    # An elided "Darm-" is the start of a compound, not the word "Darm".
                    kind = _PARTIAL if raw[-1] in HYPHEN_CHARS else _FULL
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
                    evidence[w_index].append((sentence, _new_unit(((ordinal,), start, end, kind))))
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
        for e_index, h_index in elision_heads(field.text, tokens, self.lang).items():
            elided, start = field.words[e_index], field.starts[e_index]
            head, end = field.words[h_index], field.ends[h_index]
            keys = {word_key(form, self.lang) for form in elided_forms(elided, head, self.lang)}
            sentence = bisect_right(field.sentence_starts, start) - 1
            unit = _new_unit(((e_index,), start, end, _VIRTUAL))
            for w_index, word in enumerate(words):
                if not word.keys.isdisjoint(keys):
                    evidence[w_index].append((sentence, unit))


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
        units = [unit for _sentence, unit in per_word[0]]
        units.sort(key=_UNIT_ORDER)
        return [
            _match_at(keyword, field, source, unit[1], unit[2], unit[3] == _PARTIAL)
            for unit in units
        ]
    by_sentence: dict[int, list[list[_Unit]]] = {}
    word_count = len(per_word)
    # Proximity applies to running text; in a title or description (one short line) the
    # keyword's words anywhere belong together, as in Yoast's per-word title check.
    conjuncts: Sequence[int] | None = None  # None: no distance limit
    if field.location in ARTICLE_TEXT_LOCATIONS:
        conjuncts = keyword.conjuncts or (0,) * word_count
        if len(set(conjuncts)) == word_count:
            conjuncts = None  # every word a topic of its own: "Darm- und Rückenschmerzen"
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
        if all(len(slot) == 1 for slot in slots):
            # Most sentences hold one candidate per content word: they are the match unless
            # two of them occupy the same word (what `_best_combination` would conclude).
            chosen = [slot[0] for slot in slots]
            ordinals = [ordinal for unit in chosen for ordinal in unit.ordinals]
            if len(set(ordinals)) == len(ordinals) and _close_together(chosen, conjuncts):
                matches.append(_make_match(keyword, chosen, field, source))
            continue
        used: set[int] = set()
        while True:
            chosen = _best_combination(slots, used, conjuncts)
            if chosen is None:
                break
            for unit in chosen:
                used.update(unit.ordinals)
            matches.append(_make_match(keyword, chosen, field, source))
    matches.sort(key=lambda match: (match.start, match.end))
    return matches


def _close_together(units: Sequence[_Unit], conjuncts: Sequence[int] | None) -> bool:
    """Whether the units of each conjunct of the keyword (one unit per content word, in the
    keyword's order) lie at most KEYWORD_PROXIMITY_WINDOW words apart."""
    if conjuncts is None:
        return True
    if len(units) == 2:  # the usual case, without building lists
        first, second = units
        if conjuncts[0] != conjuncts[1]:
            return True
        if first.ordinals[0] > second.ordinals[0]:
            first, second = second, first
        return second.ordinals[0] - first.ordinals[-1] <= KEYWORD_PROXIMITY_WINDOW
    for conjunct in set(conjuncts):
        spans = sorted(
            (unit.ordinals[0], unit.ordinals[-1])
            for unit, group in zip(units, conjuncts, strict=True)
            if group == conjunct
        )
        for previous, following in pairwise(spans):
            if following[0] - previous[1] > KEYWORD_PROXIMITY_WINDOW:
                return False
    return True


def _best_combination(
    per_word: list[list[_Unit]], used: set[int], conjuncts: Sequence[int] | None
) -> list[_Unit] | None:
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
        if len(chosen) < len(per_word) or not _close_together(chosen, conjuncts):
            continue
        partial = any(unit.kind == _PARTIAL for unit in chosen)
        span = max(u.end for u in chosen) - min(u.start for u in chosen)
        rank = (partial, span, min(u.start for u in chosen))
        if best is None or rank < best[0]:
            best = (rank, chosen)
    return None if best is None else best[1]


_UNUSUAL_SPACING_RE = re.compile(r"[\u2010\u2011]|\s\s|[^\S ]")


@lru_cache(maxsize=1 << 14)  # an article repeats its keywords' forms many times
def _is_verbatim(span: str, surface: str) -> bool:
    """Whether `span` equals the keyword's surface form; the full normalisation only runs for
    text that needs it (unusual hyphens or spaces, characters that NFKC changes)."""
    folded = span.casefold()
    if folded == surface:
        return True
    if _UNUSUAL_SPACING_RE.search(folded) or not unicodedata.is_normalized("NFKC", folded):
        return surface_form(span) == surface
    return False


def _make_match(
    keyword: PreparedKeyword, units: Sequence[_Unit], field: FieldText, source: str
) -> KeywordMatch:
    start = min(unit.start for unit in units)
    end = max(unit.end for unit in units)
    partial = any(unit.kind == _PARTIAL for unit in units)
    return _match_at(keyword, field, source, start, end, partial)


def _match_at(
    keyword: PreparedKeyword, field: FieldText, source: str, start: int, end: int, partial: bool
) -> KeywordMatch:
    if partial:
        kind = MatchKind.PARTIAL
    elif abs(end - start - len(keyword.surface)) <= _MAX_FOLDING_GROWTH and _is_verbatim(
        field.text[start:end], keyword.surface
    ):
        kind = MatchKind.EXACT
    else:
        kind = MatchKind.INFLECTED
    return _new_match((field.location, field.path, source[start:end], kind, start, end))


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
