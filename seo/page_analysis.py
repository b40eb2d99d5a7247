"""One page analysed in every configured language: what the admin panel and the stored table show.

Works with any page implementing ``seo.protocol.SEOSubject``; the page is taken as given (the
live object, a revision's object, or an unsaved object built from the edit form).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from django.conf import settings
from django.db import models
from django.db.models import prefetch_related_objects
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from modelcluster.models import get_all_child_relations

from seo.audit import configured_thresholds
from seo.engine import (
    CheckResult,
    KeywordReport,
    SEODocument,
    SEOReport,
    Status,
    Thresholds,
    analyse,
)
from seo.engine.messages import Message
from seo.models import AuditStatus, TranslationStatus
from seo.protocol import SEOSubject
from seo.serp import SERPPreview, serp_preview

_SEVERITY = {Status.PROBLEM: 0, Status.OK: 1, Status.GOOD: 2}

# How the admin names the engine's checks (ids are stable; see docs/seo-checks.md).
CHECK_LABELS = {
    "keyword_coverage": _("Keyword coverage"),
    "focus_keyword_in_title": _("Focus keyword in title"),
    "focus_keyword_in_description": _("Focus keyword in meta description"),
    "focus_keyword_in_intro": _("Focus keyword in intro"),
    "focus_keyword_in_slug": _("Focus keyword in slug"),
    "focus_keyword_in_subheadings": _("Focus keyword in subheadings"),
    "keyword_density": _("Keyword density"),
    "title_length": _("Title length"),
    "meta_description_length": _("Meta description length"),
    "text_length": _("Text length"),
    "section_length": _("Section length"),
    "paragraph_length": _("Paragraph length"),
    "heading_structure": _("Heading structure"),
    "faq_structured_data": _("FAQ structured data"),
    "readability": _("Readability"),
    "internal_links": _("Internal links"),
    "translation_completeness": _("Translation completeness"),
    "image_alt_text": _("Image alt texts"),
    "sentence_length": _("Sentence length"),
    "passive_voice": _("Passive voice"),
    "transition_words": _("Transition words"),
    "consecutive_sentences": _("Consecutive sentences"),
    "language_complete": _("Complete in this language"),
}

# Where a keyword can be found, in reading order (``seo.engine.KeywordMatch.location``).
LOCATION_LABELS = {
    "title": _("Title"),
    "seo_title": _("Title tag"),
    "meta_description": _("Meta description"),
    "slug": _("Slug"),
    "intro": _("Intro"),
    "heading": _("Headings"),
    "body": _("Body"),
    "conclusion": _("Conclusion"),
    "faq": _("FAQ"),
}
MATCH_KINDS = ("exact", "inflected", "partial")


def check_label(check_id: str) -> str:
    return str(CHECK_LABELS.get(check_id, check_id.replace("_", " ").capitalize()))


@dataclass(frozen=True)
class CheckRow:
    label: str
    check: CheckResult


@dataclass(frozen=True)
class KeywordPlace:
    """Where a keyword was found and how often in each form (exact, inflected, partial)."""

    location: str
    label: str
    exact: int
    inflected: int
    partial: int


@dataclass(frozen=True)
class KeywordRow:
    keyword: KeywordReport
    places: tuple[KeywordPlace, ...]


def keyword_places(keyword: KeywordReport) -> tuple[KeywordPlace, ...]:
    counts = keyword.counts_by_location()
    order = list(LOCATION_LABELS)
    locations = sorted(counts, key=lambda loc: order.index(loc) if loc in order else len(order))
    return tuple(
        KeywordPlace(
            location=location,
            label=str(LOCATION_LABELS.get(location, location)),
            **{kind: counts[location].get(kind, 0) for kind in MATCH_KINDS},
        )
        for location in locations
    )


def is_translated(document: SEODocument) -> bool:
    """A page exists in a language once it has a title and a slug in it."""
    return bool(document.title and document.slug)


def focus_keyword(document: SEODocument) -> str:
    return next((keyword.term for keyword in document.keywords if keyword.focus), "")


def language_name(lang: str) -> str:
    """The language's name in the active (admin) language: "Deutsch", "German", "allemand"."""
    try:
        return str(get_language_info(lang)["name_translated"])
    except KeyError:
        return dict(settings.LANGUAGES).get(lang, lang)


@dataclass(frozen=True)
class LanguageAnalysis:
    """One language version: the engine's report and search preview, or why there is none."""

    lang: str
    document: SEODocument
    report: SEOReport | None
    serp: SERPPreview | None

    @property
    def language_name(self) -> str:
        return language_name(self.lang)

    @property
    def translated(self) -> bool:
        return self.report is not None

    @property
    def missing_fields(self) -> tuple[str, ...]:
        return tuple(self.document.translations.get(self.lang, ()))

    @property
    def translation_status(self) -> TranslationStatus:
        if not self.translated:
            return TranslationStatus.MISSING
        return TranslationStatus.INCOMPLETE if self.missing_fields else TranslationStatus.COMPLETE

    @property
    def score(self) -> int | None:
        return self.report.score if self.report else None

    @property
    def status(self) -> AuditStatus | None:
        return AuditStatus.for_score(self.report.score) if self.report else None

    @property
    def focus_keyword(self) -> str:
        return focus_keyword(self.document)

    def count(self, status: Status) -> int:
        if self.report is None:
            return 0
        return sum(1 for check in self.report.checks if check.status is status)

    @property
    def problem_count(self) -> int:
        return self.count(Status.PROBLEM)

    @property
    def ok_count(self) -> int:
        return self.count(Status.OK)

    @property
    def good_count(self) -> int:
        return self.count(Status.GOOD)

    @property
    def check_rows(self) -> list[CheckRow]:
        """Problems first, then what could be better, then what is good (engine order within)."""
        if self.report is None:
            return []
        checks = sorted(self.report.checks, key=lambda check: _SEVERITY[check.status])
        return [CheckRow(label=check_label(check.id), check=check) for check in checks]

    @property
    def keyword_rows(self) -> list[KeywordRow]:
        if self.report is None:
            return []
        return [
            KeywordRow(keyword=keyword, places=keyword_places(keyword))
            for keyword in self.report.keywords
        ]


_CHILD_PATH = re.compile(r"^(sections|faqs)\[(\d+)\]")
# Messages about FAQs that are not served name them by their position in the article already.
_ARTICLE_POSITION_MESSAGES = frozenset({"faq.withheld_no_question", "faq.withheld_no_answer"})


def article_path(path: str, positions: Mapping[str, Sequence[int]]) -> str:
    """ "sections[1].body" of a language version -> the same field by its position among the
    article's children ("sections[2].body" when the first section is not in this language),
    which is the position of its form in the editor and of its label ("Section 3 text")."""
    match = _CHILD_PATH.match(path)
    served = positions.get(match[1]) if match else None
    if not match or served is None or int(match[2]) >= len(served):
        return path
    return f"{match[1]}[{served[int(match[2])]}]{path[match.end() :]}"


def _message_with_article_paths(message: Message, positions: Mapping[str, Sequence[int]]):
    if message.id in _ARTICLE_POSITION_MESSAGES:
        return message
    params = dict(message.params)
    if isinstance(params.get("field"), str):
        params["field"] = article_path(params["field"], positions)
    if isinstance(params.get("fields"), list | tuple):
        params["fields"] = [article_path(str(path), positions) for path in params["fields"]]
    return replace(message, params=params)


def with_article_paths(report: SEOReport, document: SEODocument) -> SEOReport:
    """``report`` with the fields its messages name (labels and the panel's links to fields)
    by their position in the article, as the editor shows them."""
    positions = document.child_positions
    if all(tuple(found) == tuple(range(len(found))) for found in positions.values()):
        return report
    checks = tuple(
        replace(
            check,
            messages=tuple(
                _message_with_article_paths(message, positions) for message in check.messages
            ),
        )
        for check in report.checks
    )
    return replace(report, checks=checks)


def analyse_language(
    page: SEOSubject, lang: str, thresholds: Thresholds | None = None
) -> LanguageAnalysis:
    thresholds = thresholds or configured_thresholds()
    document = page.seo_document(lang)
    if not is_translated(document):
        return LanguageAnalysis(lang=lang, document=document, report=None, serp=None)
    return LanguageAnalysis(
        lang=lang,
        document=document,
        report=with_article_paths(analyse(document, thresholds), document),
        serp=serp_preview(document, thresholds),
    )


def _read_children_once(page: object) -> None:
    """Prefetch a saved page's inline children, which every language would read again otherwise.

    Objects built from a revision or from the edit form hold their children in memory already
    (modelcluster's ``_cluster_related_objects``); only relations still read from the database
    are prefetched, so this never replaces unsaved children.
    """
    if not isinstance(page, models.Model) or page.pk is None:
        return
    in_memory = getattr(page, "_cluster_related_objects", {})
    names = [
        relation.get_accessor_name()
        for relation in get_all_child_relations(type(page))
        if relation.get_accessor_name() not in in_memory
    ]
    if names:
        prefetch_related_objects([page], *names)


def analyse_page(
    page: SEOSubject,
    languages: Sequence[str] | None = None,
    thresholds: Thresholds | None = None,
) -> list[LanguageAnalysis]:
    """The page in each of ``languages`` (default: every configured language), in that order."""
    thresholds = thresholds or configured_thresholds()
    _read_children_once(page)
    return [
        analyse_language(page, lang, thresholds)
        for lang in (languages or settings.MODELTRANSLATION_LANGUAGES)
    ]
