"""Output dataclasses: per-check results, keyword matches and the article report."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum
from operator import itemgetter
from typing import Any, NamedTuple

from .messages import Message


class Status(StrEnum):
    """Outcome of a check; serialises to the plain strings "good", "ok" and "problem"."""

    GOOD = "good"
    OK = "ok"
    PROBLEM = "problem"


GOOD, OK, PROBLEM = Status.GOOD, Status.OK, Status.PROBLEM


class MatchKind(StrEnum):
    """How a keyword was found.

    EXACT: the normalised keyword appears verbatim; INFLECTED: found through lemmas, stems,
    hyphen/compound spelling, elision, reordering or a compound written as a phrase; PARTIAL:
    the keyword is only part of a longer compound ("Mikrobiom-Testkits" for "Mikrobiom-Test").
    """

    EXACT = "exact"
    INFLECTED = "inflected"
    PARTIAL = "partial"


class KeywordMatch(NamedTuple):
    """One occurrence of a keyword.

    `location` is the coarse place ("title", "seo_title", "meta_description", "slug", "intro",
    "heading", "body", "conclusion", "faq"); `path` names the exact field ("sections[2].body",
    "faqs[0].answer", "title", ...). `start`/`end` are character offsets into that field's
    plain text, so `plain_text[start:end] == text`. (A named tuple rather than a dataclass:
    an audit creates millions of these and a tuple is several times cheaper to build.)
    """

    location: str
    path: str
    text: str
    kind: MatchKind
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "location": self.location,
            "path": self.path,
            "text": self.text,
            "kind": str(self.kind),
            "start": self.start,
            "end": self.end,
        }


_KIND = itemgetter(3)  # KeywordMatch.kind
_LOCATION_AND_KIND = itemgetter(0, 3)  # (KeywordMatch.location, KeywordMatch.kind)

# Locations that make up "the article text" (as opposed to metadata such as the title tag).
ARTICLE_TEXT_LOCATIONS = frozenset({"intro", "heading", "body", "conclusion", "faq"})


@dataclass(frozen=True, slots=True)
class KeywordReport:
    """All matches of one keyword.

    `count` counts exact and inflected matches in the article text (intro, headings, body,
    conclusion, FAQ): the one count that density, coverage and the admin show. `found` is true
    when the keyword occurs in the article text in any form, partial matches included, because
    a keyword that only appears inside compounds is still present for the reader (`status`
    "partial"; the keyword_coverage check rates that lower than a full match).
    """

    term: str
    focus: bool
    found: bool
    count: int
    matches: tuple[KeywordMatch, ...]

    @property
    def partial_count(self) -> int:
        return list(map(_KIND, self.matches)).count(MatchKind.PARTIAL)

    @property
    def status(self) -> str:
        """ "full" (exact or inflected matches in the article text), "partial" (only inside
        longer compounds there) or "missing" - what the admin shows instead of "0 times"."""
        if self.count:
            return "full"
        return "partial" if self.found else "missing"

    def counts_by_location(self) -> dict[str, dict[str, int]]:
        """{location: {"exact": n, "inflected": n, "partial": n}} for locations with matches."""
        # Counted with C-level calls over (location, kind) pairs: an article has hundreds of
        # matches and only a handful of distinct pairs.
        result: dict[str, dict[str, int]] = {}
        for (location, kind), count in Counter(map(_LOCATION_AND_KIND, self.matches)).items():
            bucket = result.setdefault(location, {"exact": 0, "inflected": 0, "partial": 0})
            bucket[str(kind)] += count
        return result

    def to_dict(self) -> dict[str, Any]:
        return {
            "term": self.term,
            "focus": self.focus,
            "found": self.found,
            "count": self.count,
            "matches": [m.to_dict() for m in self.matches],
            "status": self.status,
        }


@dataclass(frozen=True, slots=True)
class CheckResult:
    """One check: stable `id`, `status`, `score` 0-100, English `message`, measured `details`.

    `messages` are the same text as message ids with parameters (`seo.engine.messages`), for
    rendering in the editor's language. `scored` is false for a check that could not judge
    (a style check in a language without word lists, a text too short): it does not count
    towards the article score.
    """

    id: str
    status: Status
    score: int
    message: str
    details: dict[str, Any] = field(default_factory=dict)
    messages: tuple[Message, ...] = ()
    scored: bool = True

    def to_dict(self) -> dict[str, Any]:
        data = {
            "id": self.id,
            "status": str(self.status),
            "score": self.score,
            "message": self.message,
            "details": self.details,
            "messages": [m.to_dict() for m in self.messages],
        }
        if not self.scored:
            data["scored"] = False
        return data


@dataclass(frozen=True, slots=True)
class SEOReport:
    """The engine's verdict on one language version of an article."""

    slug: str
    lang: str
    score: int
    checks: tuple[CheckResult, ...]
    keywords: tuple[KeywordReport, ...]

    def check(self, check_id: str) -> CheckResult:
        for result in self.checks:
            if result.id == check_id:
                return result
        raise KeyError(check_id)

    def to_dict(self) -> dict[str, Any]:
        return {
            "slug": self.slug,
            "lang": self.lang,
            "score": self.score,
            "checks": [c.to_dict() for c in self.checks],
            "keywords": [k.to_dict() for k in self.keywords],
        }
