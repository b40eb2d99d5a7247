"""Thresholds and weights: every number a check compares against, with the reason for it.

The Django setting `SEO_THRESHOLDS` feeds `Thresholds.with_overrides`, so names here are part
of the public configuration surface; docs/seo-checks.md lists them all.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from .languages import SUPPORTED_LANGUAGES

CHECK_IDS: tuple[str, ...] = (
    "keyword_coverage",
    "focus_keyword_in_title",
    "focus_keyword_in_description",
    "focus_keyword_in_intro",
    "focus_keyword_in_slug",
    "focus_keyword_in_subheadings",
    "keyword_density",
    "title_length",
    "meta_description_length",
    "text_length",
    "section_length",
    "paragraph_length",
    "heading_structure",
    "faq_structured_data",
    "readability",
    "internal_links",
    "translation_completeness",
    "image_alt_text",
    "sentence_length",
    "passive_voice",
    "transition_words",
    "consecutive_sentences",
    "language_complete",
)

# How much each check counts towards the overall score. Ranking signals that search engines
# show or weigh directly (keywords, title, description, content length) count more than
# hygiene checks (slug, structure, alt texts, translations).
DEFAULT_WEIGHTS: Mapping[str, float] = MappingProxyType(
    {
        "keyword_coverage": 3,
        "focus_keyword_in_title": 3,
        "focus_keyword_in_description": 2,
        "focus_keyword_in_intro": 2,
        "focus_keyword_in_slug": 1,
        "focus_keyword_in_subheadings": 1,
        "keyword_density": 2,
        "title_length": 2,
        "meta_description_length": 2,
        "text_length": 2,
        "section_length": 1,
        "paragraph_length": 1,
        "heading_structure": 1,
        "faq_structured_data": 1,
        "readability": 2,
        "internal_links": 2,
        "translation_completeness": 1,
        "image_alt_text": 1,
        "sentence_length": 1,
        "passive_voice": 1,
        "transition_words": 1,
        "consecutive_sentences": 1,
        "language_complete": 2,
    }
)

# (good from, ok from) per language, on the language's own readability scale.
# en Flesch: 60+ is "plain English" (8th-9th grade), 50-60 "fairly difficult".
# de Amstad: 50-60 is "mittelschwer" (upper secondary school); below 30 is academic prose.
#   German health texts with long compounds rarely reach 60, so 50 is the realistic target.
# nl Flesch-Douma: Dutch words are long; Douma's 45-60 band ("redelijk moeilijk") is normal
#   for Dutch web text, under 35 is hard going for a general audience.
# fr Kandel-Moles: 60+ is standard French prose, 40-60 "assez difficile" (press articles).
# es Fernández-Huerta: 60-70 is "normal"; 50-60 "algo difícil" (secondary school).
# it Gulpease (0-100): 60+ is readable with lower secondary schooling, 40-60 needs upper
#   secondary schooling, under 40 is hard even for upper secondary readers.
DEFAULT_READABILITY_BANDS: Mapping[str, tuple[float, float]] = MappingProxyType(
    {
        "en": (60.0, 50.0),
        "de": (50.0, 30.0),
        "nl": (50.0, 35.0),
        "fr": (60.0, 40.0),
        "es": (60.0, 50.0),
        "it": (60.0, 40.0),
    }
)

# Words after which a sentence counts as long: Yoast's per-language configuration (yoastseo
# `languages/<lang>/config/sentenceLength.js`): the default 20 for en, de, nl and fr, 25 for
# es and it, whose sentences carry more function words per idea.
DEFAULT_LONG_SENTENCE_WORDS: Mapping[str, int] = MappingProxyType(
    {"en": 20, "de": 20, "nl": 20, "fr": 20, "es": 25, "it": 25}
)

_MAPPING_FIELDS = {"weights", "readability_bands", "long_sentence_words"}


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Every threshold the checks use. Defaults are documented in docs/seo-checks.md."""

    # The focus keyword should start within the first half of the title: searchers scan the
    # beginning, and titles longer than ~600 px are cut at the end.
    focus_title_early_share: float = 0.5
    # "First sentences" of the intro: what a reader (and the search snippet) sees first.
    focus_intro_sentences: int = 2
    # Share of subheadings containing the focus keyword: some show relevance, all is stuffing.
    subheading_share_min: float = 0.3
    subheading_share_max: float = 0.75
    # Weighted keyphrase density (occurrences per 100 words x (0.7 + content words / 3), as
    # Yoast): below 0.5 % the topic is unclear, above 3.5 % (Yoast's limit when word forms are
    # matched, as here) the text reads as keyword stuffing.
    density_min_percent: float = 0.5
    density_max_percent: float = 3.5
    # Title: 30-60 characters fit a result title and say enough; Google cuts desktop titles
    # at about 600 px of Arial 20 px.
    title_min_chars: int = 30
    title_max_chars: int = 60
    title_max_px: float = 600.0
    title_font_px: float = 20.0
    # Meta description: 120-156 characters fill the snippet without being cut; under 70
    # characters Google tends to ignore it and build its own snippet; far over the limit
    # the important part may be cut.
    meta_min_chars: int = 120
    meta_max_chars: int = 156
    meta_ok_min_chars: int = 70
    meta_ok_max_chars: int = 200
    # Article text: 300 words is the usual minimum for a page to rank for anything; under 250
    # it is thin content.
    text_min_words: int = 300
    text_problem_words: int = 250
    # Words in a row without a heading: beyond 300 readers lose orientation, beyond 350 it is
    # a wall of text.
    section_max_words: int = 300
    section_problem_words: int = 350
    # Words per paragraph: 150 is the common web-writing ceiling, 200 clearly too long.
    paragraph_max_words: int = 150
    paragraph_problem_words: int = 200
    # Share of long sentences (Yoast's sentence length check): good up to 25 %, a problem
    # above 30 %.
    long_sentence_share_max: float = 0.25
    long_sentence_share_problem: float = 0.30
    # Share of sentences in the passive voice (Yoast): good up to 10 %, a problem above 15 %.
    passive_share_max: float = 0.10
    passive_share_problem: float = 0.15
    # Share of sentences with a transition word (Yoast): good from 30 %, a problem under 20 %,
    # judged only from 200 words of running text.
    transition_share_min: float = 0.30
    transition_share_problem: float = 0.20
    transition_min_words: int = 200
    # Sentences in a row with the same beginning: up to 2 fine, 3 could be better (Yoast: red),
    # 4 or more a problem.
    consecutive_sentences_max: int = 2
    consecutive_sentences_problem: int = 4
    # A language with fewer articles than this is a young site: unlinked articles are a note
    # (ok), not a problem, because there is little to link from yet.
    orphan_min_articles: int = 10
    # Internal links to other articles: at least one, so readers and crawlers can move on.
    internal_links_min: int = 1
    # Share of configured languages that must be complete for translation_completeness "ok".
    translation_ok_share: float = 0.5
    readability_bands: Mapping[str, tuple[float, float]] = field(
        default_factory=lambda: dict(DEFAULT_READABILITY_BANDS)
    )
    long_sentence_words: Mapping[str, int] = field(
        default_factory=lambda: dict(DEFAULT_LONG_SENTENCE_WORDS)
    )
    weights: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))

    def __post_init__(self) -> None:
        pairs = [
            ("subheading_share_min", "subheading_share_max"),
            ("density_min_percent", "density_max_percent"),
            ("title_min_chars", "title_max_chars"),
            ("meta_ok_min_chars", "meta_min_chars"),
            ("meta_min_chars", "meta_max_chars"),
            ("meta_max_chars", "meta_ok_max_chars"),
            ("text_problem_words", "text_min_words"),
            ("section_max_words", "section_problem_words"),
            ("paragraph_max_words", "paragraph_problem_words"),
            ("long_sentence_share_max", "long_sentence_share_problem"),
            ("passive_share_max", "passive_share_problem"),
            ("transition_share_problem", "transition_share_min"),
            ("consecutive_sentences_max", "consecutive_sentences_problem"),
        ]
        for low, high in pairs:
            if getattr(self, low) > getattr(self, high):
                raise ValueError(f"SEO threshold {low} must not be greater than {high}")
        for lang, (good, ok) in self.readability_bands.items():
            if ok > good:
                raise ValueError(f"SEO readability band for {lang!r}: ok ({ok}) > good ({good})")

    def to_dict(self) -> dict[str, Any]:
        return {f.name: _plain(getattr(self, f.name)) for f in dataclasses.fields(self)}

    def with_overrides(self, overrides: Mapping[str, Any] | None) -> Thresholds:
        """A copy with some values replaced, e.g. from the SEO_THRESHOLDS setting.

        Unknown names raise ValueError naming the key. Mapping-valued thresholds
        (`weights`, `readability_bands`, `long_sentence_words`) are merged key by key.
        """
        if not overrides:
            return self
        known = {f.name: f for f in dataclasses.fields(self)}
        changes: dict[str, Any] = {}
        for name, value in overrides.items():
            if name not in known:
                raise ValueError(
                    f"unknown SEO threshold {name!r}; known thresholds: {', '.join(sorted(known))}"
                )
            current = getattr(self, name)
            if name in _MAPPING_FIELDS:
                changes[name] = _merge_mapping(name, current, value)
            else:
                changes[name] = _coerce_number(name, current, value)
        return dataclasses.replace(self, **changes)


def _plain(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {k: list(v) if isinstance(v, tuple) else v for k, v in value.items()}
    return value


def _coerce_number(name: str, current: Any, value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"SEO threshold {name!r} must be a number, got {value!r}")
    if isinstance(current, int) and not isinstance(current, bool):
        if float(value) != int(value):
            raise ValueError(f"SEO threshold {name!r} must be a whole number, got {value!r}")
        return int(value)
    return float(value)


def _merge_mapping(name: str, current: Mapping[str, Any], value: Any) -> dict[str, Any]:
    if not isinstance(value, Mapping):
        raise ValueError(f"SEO threshold {name!r} must be a mapping, got {value!r}")
    allowed = CHECK_IDS if name == "weights" else SUPPORTED_LANGUAGES
    merged = dict(current)
    for key, item in value.items():
        if key not in allowed:
            raise ValueError(
                f"unknown key {key!r} in SEO threshold {name!r}; known: {', '.join(allowed)}"
            )
        if name == "readability_bands":
            if (
                not isinstance(item, list | tuple)
                or len(item) != 2
                or not all(isinstance(v, int | float) and not isinstance(v, bool) for v in item)
            ):
                raise ValueError(
                    f"SEO threshold readability_bands[{key!r}] must be [good_from, ok_from], "
                    f"got {item!r}"
                )
            merged[key] = (float(item[0]), float(item[1]))
        else:
            number = _coerce_number(f"{name}[{key!r}]", merged[key], item)
            if number < 0:
                raise ValueError(f"SEO threshold {name}[{key!r}] must not be negative")
            merged[key] = number
    return merged
