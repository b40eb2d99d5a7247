"""The article checks, in report order. Each takes the AnalysisContext, returns a CheckResult."""

from __future__ import annotations

from collections.abc import Callable

from ..context import AnalysisContext
from ..report import CheckResult
from ..thresholds import CHECK_IDS
from .faq import faq_structured_data
from .focus import (
    focus_keyword_in_description,
    focus_keyword_in_intro,
    focus_keyword_in_slug,
    focus_keyword_in_subheadings,
    focus_keyword_in_title,
)
from .keywords import keyword_coverage, keyword_density
from .lengths import (
    meta_description_length,
    paragraph_length,
    section_length,
    text_length,
    title_length,
)
from .links import image_alt_text, internal_links
from .readability import readability
from .structure import heading_structure
from .style import consecutive_sentences, passive_voice, sentence_length, transition_words
from .translations import language_complete, translation_completeness

Check = Callable[[AnalysisContext], CheckResult]

CHECKS: tuple[Check, ...] = (
    keyword_coverage,
    focus_keyword_in_title,
    focus_keyword_in_description,
    focus_keyword_in_intro,
    focus_keyword_in_slug,
    focus_keyword_in_subheadings,
    keyword_density,
    title_length,
    meta_description_length,
    text_length,
    section_length,
    paragraph_length,
    heading_structure,
    faq_structured_data,
    readability,
    internal_links,
    translation_completeness,
    image_alt_text,
    sentence_length,
    passive_voice,
    transition_words,
    consecutive_sentences,
    language_complete,
)

assert tuple(check.__name__ for check in CHECKS) == CHECK_IDS, "check order drifted from CHECK_IDS"
