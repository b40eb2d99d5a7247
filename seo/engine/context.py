"""The document prepared once for all checks: plain texts, fields, sentences, keyword matches."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from itertools import compress
from operator import itemgetter

from .fields import FieldText, make_field, make_slug_field
from .keyword_forms import PreparedKeyword, prepare_keyword
from .languages import normalise_language
from .matching import KeywordMatcher
from .model import SEODocument
from .prose import Sentence, prose_sentences
from .report import ARTICLE_TEXT_LOCATIONS, KeywordMatch, KeywordReport, MatchKind
from .style import folded_sentences
from .text import RichText, normalise_plain_text, parse_rich_text
from .thresholds import Thresholds

_LOCATION, _KIND = itemgetter(0), itemgetter(3)  # KeywordMatch.location, KeywordMatch.kind
_IN_TEXT = ARTICLE_TEXT_LOCATIONS.__contains__


@dataclass(frozen=True, slots=True)
class RichField:
    """A rich-text field: its parsed blocks and its tokenised text."""

    path: str
    rich: RichText
    field: FieldText

    def block_word_count(self, block) -> int:
        first, last = self.field.word_range(block.start, block.end)
        return last - first

    @property
    def word_count(self) -> int:
        return len(self.field.words)


class AnalysisContext:
    """Everything the checks read; built once per `analyse` call."""

    def __init__(self, document: SEODocument, thresholds: Thresholds) -> None:
        self.document = document
        self.lang = normalise_language(document.lang)
        self.thresholds = thresholds
        lang = self.lang
        self.title = normalise_plain_text(document.title)
        self.seo_title = normalise_plain_text(document.seo_title)
        self.meta_description = normalise_plain_text(document.meta_description)
        self.headings = [normalise_plain_text(s.heading) for s in document.sections]
        self.questions = [normalise_plain_text(f.question) for f in document.faqs]
        self.intro = self._rich("intro", document.intro_html)
        self.bodies = [
            self._rich(f"sections[{i}].body", s.body_html) for i, s in enumerate(document.sections)
        ]
        self.conclusion = self._rich("conclusion", document.conclusion_html)
        self.answers = [
            self._rich(f"faqs[{i}].answer", f.answer_html) for i, f in enumerate(document.faqs)
        ]

        fields: list[FieldText] = []
        for path, text in (
            ("title", self.title),
            ("seo_title", self.seo_title),
            ("meta_description", self.meta_description),
        ):
            if text:
                fields.append(make_field(path, text, lang))
        if self.intro.rich.text:
            fields.append(self.intro.field)
        for index, (heading, body) in enumerate(zip(self.headings, self.bodies, strict=True)):
            if heading:
                fields.append(make_field(f"sections[{index}].heading", heading, lang))
            if body.rich.text:
                fields.append(body.field)
        if self.conclusion.rich.text:
            fields.append(self.conclusion.field)
        for index, (question, answer) in enumerate(zip(self.questions, self.answers, strict=True)):
            if question:
                fields.append(make_field(f"faqs[{index}].question", question, lang))
            if answer.rich.text:
                fields.append(answer.field)
        self.fields = fields
        self.fields_by_path = {f.path: f for f in fields}
        self.slug = (document.slug or "").strip()
        self.slug_field = make_slug_field(self.slug, lang) if self.slug else None

        self.keyword_inputs = [k for k in document.keywords if normalise_plain_text(k.term)]
        self.keywords: list[PreparedKeyword] = [
            prepare_keyword(normalise_plain_text(k.term), lang) for k in self.keyword_inputs
        ]
        self.keyword_reports = self._match_keywords()
        self.focus_index = next((i for i, k in enumerate(self.keyword_inputs) if k.focus), None)
        self.focus_term_missing = bool(document.focus_term_missing) and self.focus_index is None

    def _rich(self, path: str, html: str) -> RichField:
        rich = parse_rich_text(html)
        return RichField(path, rich, make_field(path, rich.text, self.lang, blocks=rich.blocks))

    def _match_keywords(self) -> list[KeywordReport]:
        matches = KeywordMatcher(self.fields, self.lang).match(self.keywords)
        if self.slug_field is not None:
            slug_keywords = [
                prepare_keyword(normalise_plain_text(k.term), self.lang, for_slug=True)
                for k in self.keyword_inputs
            ]
            slug_matches = KeywordMatcher([self.slug_field], self.lang).match(slug_keywords)
            for found, in_slug in zip(matches, slug_matches, strict=True):
                found.extend(in_slug)
        reports = []
        for keyword, found in zip(self.keyword_inputs, matches, strict=True):
            # One count everywhere (coverage table, density, admin): exact and inflected
            # matches in the article text. Title, description and slug are reported as matches
            # but are no occurrences in the text.
            in_text = list(compress(found, map(_IN_TEXT, map(_LOCATION, found))))
            count = len(in_text) - list(map(_KIND, in_text)).count(MatchKind.PARTIAL)
            reports.append(
                KeywordReport(
                    term=normalise_plain_text(keyword.term),
                    focus=keyword.focus,
                    found=bool(in_text),
                    count=count,
                    matches=tuple(found),
                )
            )
        return reports

    @property
    def focus_keyword(self) -> PreparedKeyword | None:
        return None if self.focus_index is None else self.keywords[self.focus_index]

    @property
    def focus_report(self) -> KeywordReport | None:
        return None if self.focus_index is None else self.keyword_reports[self.focus_index]

    def focus_matches(self, *paths: str, full_only: bool = False) -> list[KeywordMatch]:
        report = self.focus_report
        if report is None:
            return []
        return [
            m
            for m in report.matches
            if (not paths or m.path in paths) and not (full_only and m.kind is MatchKind.PARTIAL)
        ]

    @cached_property
    def article_text_fields(self) -> list[FieldText]:
        return [f for f in self.fields if f.location in ARTICLE_TEXT_LOCATIONS]

    @cached_property
    def article_word_count(self) -> int:
        return sum(len(f.words) for f in self.article_text_fields)

    @cached_property
    def sentences(self) -> list[Sentence]:
        """The running text's sentences with reading words (see `prose`)."""
        questions = [
            self.fields_by_path[f"faqs[{index}].question"]
            for index, question in enumerate(self.questions)
            if question
        ]
        return prose_sentences(
            ((rich.field, rich.rich.blocks) for rich in self.prose_fields), questions
        )

    @cached_property
    def folded_sentences(self) -> list[list[str]]:
        """The sentences' words in lower case, shared by the style checks."""
        return folded_sentences(self.sentences, self.lang)

    @cached_property
    def plain_texts(self) -> dict[str, str]:
        """{field path: plain text} of the fields sentences point into."""
        return {field.path: field.text for field in self.fields}

    @property
    def prose_fields(self) -> list[RichField]:
        """Rich-text fields that hold running text (not headings or metadata)."""
        return [self.intro, *self.bodies, self.conclusion, *self.answers]
