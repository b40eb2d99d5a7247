"""Site-level checks across all articles, fed one article at a time.

`SiteAuditor` keeps a small `SiteSummary` per article and language (hashes of the title and
description, the focus keyword's identity, link targets), never documents or reports: about
0.6 KB per version, some 60 MB for 100,000. Summaries are picklable: worker
processes can build them with `summarise_for_site` and send them to one auditor.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from .keyword_forms import prepare_keyword, surface_form
from .languages import normalise_language
from .messages import Message, render_english
from .model import SEODocument
from .report import GOOD, OK, PROBLEM, SEOReport, Status
from .text import normalise_plain_text
from .thresholds import Thresholds

SITE_CHECK_IDS = (
    "duplicate_seo_title",
    "duplicate_meta_description",
    "focus_keyword_cannibalisation",
    "orphan_article",
    "translation_coverage",
)


@dataclass(frozen=True, slots=True)
class SiteFinding:
    """One site-level finding; `articles` names the articles involved as "slug@lang".
    `messages` hold the message as an id with parameters (see `seo.engine.messages`)."""

    id: str
    status: Status
    message: str
    articles: tuple[str, ...]
    lang: str | None = None
    messages: tuple[Message, ...] = ()

    @classmethod
    def of(
        cls, check_id: str, status: Status, message: Message, articles=(), lang=None
    ) -> SiteFinding:
        return cls(check_id, status, render_english(message), tuple(articles), lang, (message,))

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "status": str(self.status),
            "message": self.message,
            "articles": list(self.articles),
            "lang": self.lang,
            "messages": [m.to_dict() for m in self.messages],
        }


@dataclass(frozen=True, slots=True)
class SiteSummary:
    """What the site checks need to remember about one article language version."""

    name: str  # "slug@lang"
    lang: str
    article_id: int | None
    title_hash: bytes | None
    title: str
    description_hash: bytes | None
    focus_identity: tuple[str, ...] | None
    focus_term: str | None
    link_targets: tuple[int, ...]
    # Translation coverage: the languages the article exists in, the configured ones, and
    # whether this version lacks texts of the primary language.
    available_languages: tuple[str, ...] = ()
    configured_languages: tuple[str, ...] = ()
    incomplete: bool = False


def _digest(text: str) -> bytes | None:
    folded = surface_form(text)
    return hashlib.blake2b(folded.encode(), digest_size=8).digest() if folded else None


def summarise_for_site(document: SEODocument, report: SEOReport | None = None) -> SiteSummary:
    """The per-article memory of the site checks (cheap; `report` is accepted for symmetry)."""
    lang = normalise_language(document.lang)
    title = normalise_plain_text(document.seo_title) or normalise_plain_text(document.title)
    focus = next((k for k in document.keywords if k.focus and k.term.strip()), None)
    identity = None
    if focus is not None:
        identity = tuple(sorted(prepare_keyword(normalise_plain_text(focus.term), lang).identity))
    targets = sorted(
        {
            link.target_id
            for link in document.links
            if link.target_kind == "article"
            and link.target_id is not None
            and link.target_id != document.article_id
        }
    )
    return SiteSummary(
        name=f"{document.slug}@{lang}",
        lang=lang,
        article_id=document.article_id,
        title_hash=_digest(title),
        title=title[:120],
        description_hash=_digest(document.meta_description),
        focus_identity=identity,
        focus_term=focus.term.strip() if focus else None,
        link_targets=tuple(targets),
        available_languages=tuple(document.available_languages),
        configured_languages=tuple(sorted(document.translations or {})),
        incomplete=bool(document.missing_texts),
    )


class _Groups:
    """Names grouped by key, storing a lone name without a list (most keys never repeat, and
    100,000 one-element lists would cost more than the names themselves)."""

    __slots__ = ("_by_key", "labels")

    def __init__(self) -> None:
        self._by_key: dict[Any, str | list[str]] = {}
        self.labels: dict[Any, str] = {}  # something to show, kept only for repeated keys

    def add(self, key: Any, name: str, label: str) -> None:
        current = self._by_key.get(key)
        if current is None:
            self._by_key[key] = name
        elif isinstance(current, str):
            self._by_key[key] = [current, name]
            self.labels[key] = label
        else:
            current.append(name)

    def repeated(self):
        for key, names in self._by_key.items():
            if not isinstance(names, str):
                yield key, names


class SiteAuditor:
    """Streaming aggregator: `add` each article's document (and report), then `finish`."""

    def __init__(self, thresholds: Thresholds | None = None) -> None:
        self.thresholds = thresholds or Thresholds()
        self._titles = _Groups()
        self._descriptions = _Groups()
        self._focus = _Groups()
        self._articles: dict[tuple[str, int], str] = {}
        self._linked: dict[str, set[int]] = defaultdict(set)
        # Per article: a name to show, its languages; per language, its incomplete articles.
        self._coverage: dict[int, tuple[str, tuple[str, ...]]] = {}
        self._configured: set[str] = set()
        self._incomplete: dict[str, list[str]] = defaultdict(list)
        self.article_count = 0

    def add(self, document: SEODocument, report: SEOReport | None = None) -> None:
        self.add_summary(summarise_for_site(document, report))

    def add_summary(self, summary: SiteSummary) -> None:
        self.article_count += 1
        lang = summary.lang
        if summary.title_hash is not None:
            self._titles.add((lang, summary.title_hash), summary.name, summary.title)
        if summary.description_hash is not None:
            self._descriptions.add((lang, summary.description_hash), summary.name, "")
        if summary.focus_identity:
            key = (lang, summary.focus_identity)
            self._focus.add(key, summary.name, summary.focus_term or "")
        if summary.article_id is not None:
            self._articles[(lang, summary.article_id)] = summary.name
        self._linked[lang].update(summary.link_targets)
        # Documents that do not say which languages their article has are not counted.
        if summary.article_id is not None and summary.available_languages:
            self._configured.update(summary.configured_languages)
            self._coverage.setdefault(
                summary.article_id, (summary.name, summary.available_languages)
            )
            if summary.incomplete:
                self._incomplete[lang].append(summary.name)

    def finish(self) -> list[SiteFinding]:
        """Findings sorted by check and language; a "good" finding for each clean check."""
        findings: list[SiteFinding] = []
        findings += self._duplicates(
            "duplicate_seo_title",
            self._titles,
            lambda key, names: Message(
                "site.duplicate_seo_title",
                {"count": len(names), "title": self._titles.labels[key]},
            ),
        )
        findings += self._duplicates(
            "duplicate_meta_description",
            self._descriptions,
            lambda key, names: Message("site.duplicate_meta_description", {"count": len(names)}),
        )
        findings += self._duplicates(
            "focus_keyword_cannibalisation",
            self._focus,
            lambda key, names: Message(
                "site.focus_keyword_cannibalisation",
                {"count": len(names), "term": self._focus.labels[key]},
            ),
        )
        findings += self._orphans()
        findings += self._translation_coverage()
        reported = {finding.id for finding in findings}
        for check_id in SITE_CHECK_IDS:
            if check_id not in reported:
                findings.append(SiteFinding.of(check_id, GOOD, Message(f"site.clean.{check_id}")))
        order = {check_id: index for index, check_id in enumerate(SITE_CHECK_IDS)}
        findings.sort(key=lambda f: (order[f.id], f.lang or "", f.articles))
        return findings

    def _orphans(self) -> list[SiteFinding]:
        """Articles no other article of the language links to. On a young site (fewer than
        `orphan_min_articles` in the language) that is the normal state, not a defect of each
        article: one "ok" note for the language instead of a problem."""
        per_language: dict[str, int] = defaultdict(int)
        orphans: dict[str, list[str]] = defaultdict(list)
        for (lang, article_id), name in self._articles.items():
            per_language[lang] += 1
            if article_id not in self._linked.get(lang, ()):
                orphans[lang].append(name)
        findings = []
        for lang in sorted(orphans):
            names = sorted(orphans[lang])
            young = per_language[lang] < self.thresholds.orphan_min_articles
            message = Message(
                "site.orphan_article_young" if young else "site.orphan_article",
                {"count": len(names), "lang": lang, "articles": per_language[lang]},
            )
            findings.append(
                SiteFinding.of("orphan_article", OK if young else PROBLEM, message, names, lang)
            )
        return findings

    def _translation_coverage(self) -> list[SiteFinding]:
        """Per language, how many articles have no version in it, and how many an incomplete
        one: a fact about the site's coverage, reported once here instead of costing every
        single-language article score ("12 of 40 articles have no version in en")."""
        total = len(self._coverage)
        findings = []
        for lang in sorted(self._configured):
            absent = sorted(
                name for name, languages in self._coverage.values() if lang not in languages
            )
            if absent:
                message = Message(
                    "site.translation_coverage",
                    {"missing": len(absent), "total": total, "lang": lang},
                )
                findings.append(SiteFinding.of("translation_coverage", OK, message, absent, lang))
            if self._incomplete.get(lang):
                names = sorted(self._incomplete[lang])
                message = Message(
                    "site.translation_coverage_incomplete",
                    {"incomplete": len(names), "total": total, "lang": lang},
                )
                findings.append(
                    SiteFinding.of("translation_coverage", PROBLEM, message, names, lang)
                )
        return findings

    @staticmethod
    def _duplicates(check_id: str, groups: _Groups, describe) -> list[SiteFinding]:
        findings = []
        for key, names in groups.repeated():
            ordered = tuple(sorted(names))
            findings.append(
                SiteFinding.of(check_id, PROBLEM, describe(key, ordered), ordered, key[0])
            )
        return findings
