"""Messages as ids and parameters, with their English rendering.

The engine never renders for a reader's language: a check returns `Message(id, params)` and its
English text (kept in reports for compatibility). The Django side renders the same id and
parameters in the editor's language from gettext catalogs (`seo.messages.render`), using the
English template below as msgid and the id as message context.

Parameter conventions, so every renderer treats them alike:

* `field` holds a field path ("sections[0].heading") and `fields` a list of them: rendered as
  labels ("Section 1 heading"), never as paths;
* `terms` and other `*_list` parameters hold lists of words, rendered quoted and cut after five;
* `language` holds a language code, rendered as the language's name;
* floats are already rounded the way the check compares them (see `rounded_for`);
* a template given as (singular, plural, name) picks its form by the number parameter `name`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

Template = str | tuple[str, str, str]

# How many items of a list parameter are shown before "and N more".
LIST_SHOWN = 5


@dataclass(frozen=True, slots=True)
class Message:
    id: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "params": {k: _plain(v) for k, v in self.params.items()}}


def _plain(value: Any) -> Any:
    """Parameters as JSON: nested messages (a list of links, of languages) as dicts."""
    if isinstance(value, Message):
        return value.to_dict()
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value


# Field labels: what editors see instead of field paths.
FIELD_LABELS = {
    "title": "Title",
    "seo_title": "Title tag",
    "meta_description": "Meta description",
    "slug": "Slug",
    "intro": "Intro",
    "conclusion": "Conclusion",
    # names the Django adapter uses for missing translations
    "search_description": "Meta description",
    "hero_image_alt": "Hero image alt text",
}
INDEXED_FIELD_LABELS = {
    ("sections", None): "Section {n}",
    ("sections", "heading"): "Section {n} heading",
    ("sections", "body"): "Section {n} text",
    ("faqs", None): "FAQ {n}",
    ("faqs", "question"): "FAQ {n} question",
    ("faqs", "answer"): "FAQ {n} answer",
}
_INDEXED_PATH_RE = re.compile(r"^(sections|faqs)\[(\d+)\](?:\.(\w+))?$")


def field_label_template(path: str) -> tuple[str, dict[str, int]]:
    """(English label template, its parameters) for a field path; unknown paths as they are."""
    if path in FIELD_LABELS:
        return FIELD_LABELS[path], {}
    match = _INDEXED_PATH_RE.match(path)
    if match and (match.group(1), match.group(3)) in INDEXED_FIELD_LABELS:
        return INDEXED_FIELD_LABELS[(match.group(1), match.group(3))], {
            "n": int(match.group(2)) + 1
        }
    return path, {}


def field_label(path: str) -> str:
    """English label of a field path: "sections[0].heading" -> "Section 1 heading"."""
    template, params = field_label_template(path)
    return template.format(**params)


def rounded_for(value: float, limit: float, digits: int = 0, most: int = 2) -> float:
    """`value` rounded to the fewest digits (from `digits`) that keep its comparison with
    `limit`: 49.5 against 50 stays 49.5 ("49.5 is below 50"), 49.2 becomes 49.2, 43.7 -> 44."""
    for places in range(digits, most + 1):
        shown = round(value, places)
        if (shown < limit) == (value < limit) and (shown > limit) == (value > limit):
            return float(shown) if places else float(int(shown))
    return round(value, most + 1)


def number_text(value: Any) -> str:
    """English number formatting: 3.0 -> "3", 0.25 -> "0.25"."""
    if isinstance(value, float):
        return f"{value:.3f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))
    return str(value)


def english_list(items: Sequence[Any], quote: bool = True) -> str:
    shown = [f'"{item}"' if quote else str(item) for item in items[:LIST_SHOWN]]
    more = len(items) - LIST_SHOWN
    return ", ".join(shown) + (f" and {more} more" if more > 0 else "")


ENGLISH_LANGUAGE_NAMES = {
    "de": "German",
    "en": "English",
    "nl": "Dutch",
    "fr": "French",
    "es": "Spanish",
    "it": "Italian",
}


def _english_value(name: str, value: Any) -> str:
    if isinstance(value, Message):
        return render_english(value)
    if isinstance(value, list | tuple) and value and isinstance(value[0], Message):
        return "; ".join(render_english(item) for item in value)
    if name == "field":
        return field_label(value)
    if name == "language":
        return ENGLISH_LANGUAGE_NAMES.get(value, str(value))
    if name == "fields":
        return english_list([field_label(v) for v in value], quote=False)
    if isinstance(value, list | tuple):
        return english_list(value)
    return number_text(value)


def template_text(template: Template, params: Mapping[str, Any]) -> str:
    """The English form of a template for these parameters (plural chosen by count)."""
    if isinstance(template, tuple):
        singular, plural, count = template
        return singular if params.get(count) == 1 else plural
    return template


def render_english(message: Message) -> str:
    template = TEMPLATES.get(message.id)
    if template is None:  # a plain-text message (see checks.base.result)
        return str(message.params.get("text", message.id))
    values = {name: _english_value(name, value) for name, value in message.params.items()}
    return template_text(template, message.params).format(**values)


# Every message the engine produces. Keys are stable ids; the texts are the English rendering
# and the msgids of the gettext catalogs (seo/locale), so change a text only together with
# the catalogs (tests/seo/test_messages.py checks they agree).
TEMPLATES: dict[str, Template] = {
    # shared
    "focus.none": "Mark one of the article's keywords as the focus keyword.",
    "focus.missing_term": "The focus keyword has no {language} term: add it under Keywords.",
    "plain": "{text}",
    # keyword_coverage
    "keyword_coverage.no_keywords": "Add the keywords this article should rank for.",
    "keyword_coverage.not_found": "Use these keywords in the article text: {terms}.",
    "keyword_coverage.duplicates": "Remove duplicate keywords: {terms}.",
    "keyword_coverage.partial_only": (
        "These keywords only appear inside longer compounds; use them on their own at least "
        "once: {terms}."
    ),
    "keyword_coverage.good": "All {count} keywords occur in the article text.",
    # focus_keyword_in_title
    "focus_title.no_title": 'Write a title that starts with "{term}".',
    "focus_title.missing.title": (
        'Add the focus keyword "{term}" to the title, ideally near the start.'
    ),
    "focus_title.missing.seo_title": (
        'Add the focus keyword "{term}" to the title tag, ideally near the start.'
    ),
    "focus_title.partial_hint": "It only appears inside a longer compound.",
    "focus_title.good": 'The title contains the focus keyword "{term}" near the start.',
    "focus_title.late": 'Move the focus keyword "{term}" towards the start of the title.',
    # focus_keyword_in_description
    "focus_description.missing_description": (
        'Write a meta description that contains the focus keyword "{term}".'
    ),
    "focus_description.good": "The meta description contains the focus keyword.",
    "focus_description.partial": (
        'Use the focus keyword "{term}" itself in the meta description, not only inside a compound.'
    ),
    "focus_description.missing": 'Add the focus keyword "{term}" to the meta description.',
    # focus_keyword_in_intro
    "focus_intro.no_intro": 'Write an introduction that mentions "{term}" in its first sentence.',
    "focus_intro.good": 'The introduction mentions "{term}" in sentence {sentence}.',
    "focus_intro.late": (
        'Mention "{term}" earlier: within the first {limit} sentences of the introduction '
        "(now sentence {sentence})."
    ),
    "focus_intro.partial": (
        'The introduction has "{term}" only inside a compound; use the keyword itself in its '
        "first {limit} sentences."
    ),
    "focus_intro.missing": (
        'Add the focus keyword "{term}" to the first {limit} sentences of the introduction.'
    ),
    # focus_keyword_in_slug
    "focus_slug.no_slug": 'Set a slug containing the focus keyword, e.g. "{suggestion}".',
    "focus_slug.good": "The slug contains the focus keyword.",
    "focus_slug.partial": (
        'The slug contains only part of the focus keyword; consider "{suggestion}".'
    ),
    "focus_slug.missing": 'Put the focus keyword in the slug, e.g. "{suggestion}".',
    # focus_keyword_in_subheadings
    "focus_subheadings.none": 'Add subheadings, some of them mentioning "{term}".',
    "focus_subheadings.missing": 'Use the focus keyword "{term}" in some subheadings.',
    "focus_subheadings.too_many": (
        '{with_keyword} of {total} subheadings repeat "{term}"; vary them so they describe '
        "their sections."
    ),
    "focus_subheadings.too_few": (
        'Only {with_keyword} of {total} subheadings mention "{term}"; aim for about '
        "{min_percent} % to {max_percent} %."
    ),
    "focus_subheadings.good": '{with_keyword} of {total} subheadings mention "{term}".',
    # keyword_density
    "keyword_density.missing": 'Use the focus keyword "{term}" in the article text.',
    "keyword_density.too_many": (
        'The focus keyword "{term}" appears {count} times in {words} words, which reads as '
        "keyword stuffing; use it at most {max_count} times or use synonyms."
    ),
    "keyword_density.too_few": (
        'The focus keyword "{term}" appears {count} time in {words} words; use it at least '
        "{min_count} times.",
        'The focus keyword "{term}" appears {count} times in {words} words; use it at least '
        "{min_count} times.",
        "count",
    ),
    "keyword_density.good": (
        'The focus keyword "{term}" appears {count} time in {words} words (good: {min_count} '
        "to {max_count}).",
        'The focus keyword "{term}" appears {count} times in {words} words (good: {min_count} '
        "to {max_count}).",
        "count",
    ),
    # title_length
    "title_length.empty": "Write a title.",
    "title_length.truncated": (
        "Shorten the title: at {width} px it exceeds {max_px} px and search results cut it "
        'after {visible_chars} characters ("{visible_text}").'
    ),
    "title_length.short": (
        "Lengthen the title to at least {min_chars} characters (now {chars}) so it says what "
        "the article offers."
    ),
    "title_length.long": (
        "The title has {chars} characters; it fits in {max_px} px, but {max_chars} or fewer are "
        "safer on mobile."
    ),
    "title_length.good": ("The title has {chars} characters and {width} px and is shown in full."),
    # meta_description_length
    "meta_length.missing": "Write a meta description of {min_chars}-{max_chars} characters.",
    "meta_length.derived": (
        "The meta description is derived from the intro, as the page has none of its own; "
        "write one to control it."
    ),
    "meta_length.good": "The meta description has {chars} characters.",
    "meta_length.short": (
        "Lengthen the meta description to {min_chars}-{max_chars} characters (now {chars})."
    ),
    "meta_length.long": (
        "Shorten the meta description to at most {max_chars} characters (now {chars}); the "
        "rest is cut off."
    ),
    "meta_length.far_long": (
        "Shorten the meta description to {min_chars}-{max_chars} characters (now {chars})."
    ),
    # text_length
    "text_length.good": "The article has {words} words.",
    "text_length.short": "Expand the article to at least {min_words} words (now {words}).",
    # section_length (subheading distribution)
    "section_length.good": "No text runs longer than {max_words} words without a heading.",
    "section_length.too_long": (
        "Split long text with subheadings: {count} part(s) run over {max_words} words without "
        "a heading ({fields}; longest {longest} words)."
    ),
    # paragraph_length
    "paragraph_length.good": "All paragraphs have at most {max_words} words.",
    "paragraph_length.too_long": (
        "Break up {count} paragraph(s) longer than {max_words} words (longest {longest})."
    ),
    # heading_structure
    "heading_structure.no_sections": "Add subheadings: the article has no sections.",
    "heading_structure.empty": "Fill in or remove {count} empty heading(s) ({fields}).",
    "heading_structure.duplicates": "Give each heading its own wording; repeated: {terms}.",
    "heading_structure.h1": "Fix: {field} contains an <h1>; the title is the only h1.",
    "heading_structure.skipped": (
        "Do not skip heading levels: in {field}, <h{level}> follows <h{previous}>."
    ),
    "heading_structure.good": "{count} headings, none empty or repeated.",
    # faq_structured_data
    "faq.rich_result_note": (
        "Note: Google shows FAQ rich results only for well-known, authoritative government and "
        "health websites; for other sites the markup helps other search engines and assistants."
    ),
    "faq.none": "Add a few questions and answers readers actually ask.",
    "faq.good": "{count} complete FAQ pairs; the FAQPage JSON-LD is valid.",
    "faq.fix": "Fix the FAQ:",
    "faq.answer_without_question": "{field}: add the missing question.",
    "faq.not_a_question": "{field}: phrase it as a question ending in '?'.",
    "faq.markup_only_answer": "{field}: write an answer (it only contains markup).",
    "faq.empty_answer": "{field}: write the missing answer.",
    "faq.withheld_no_answer": (
        "{field}: write the missing answer; until then this question is not published."
    ),
    "faq.withheld_no_question": (
        "{field}: add the missing question; until then this answer is not published."
    ),
    "faq.duplicate_question": "{field}: remove or reword the repeated question.",
    "faq.duplicate_answer": "{field}: give the question its own answer.",
    "faq.invalid_markup": "Fix the FAQPage markup: {errors}.",
    # readability
    "readability.no_text": "Write the article text; there is nothing to read yet.",
    "readability.low": (
        "{formula} score {score} is below {good_from}: use shorter sentences and shorter, more "
        "common words."
    ),
    "readability.good": "{formula} score {score}; average sentence {average} words.",
    # internal_links
    "internal_links.broken": "Fix or remove links to unpublished or missing pages: {links}.",
    "internal_links.broken_link": '"{text}" in {field} ({status})',
    "internal_links.too_few": "Link to at least {minimum} related article(s) on this site.",
    "internal_links.good": "{count} link(s) to other articles, none broken.",
    # translation_completeness
    "translation.none_configured": "No other languages are configured.",
    "translation.complete": "Translated in all {count} languages.",
    "translation.missing": "Translate the missing fields: {languages}.",
    "translation.missing_language": "{lang} ({fields})",
    "translation.coverage_note": (
        "For information (no score): other languages lack texts: {languages}."
    ),
    # language_complete
    "language_complete.good": "This version ({lang}) has every text of the primary language.",
    "language_complete.incomplete_hidden": (
        "This version ({lang}) is incomplete and therefore not public: translate {fields}."
    ),
    "language_complete.incomplete_fallback": (
        "This version ({lang}) is incomplete: it is public with text of another language in "
        "its place and marked noindex. Translate {fields}."
    ),
    # image_alt_text
    "image_alt.no_images": "No images to describe.",
    "image_alt.missing": (
        "Describe {count} image(s) with alt text for screen readers and image search."
    ),
    "image_alt.good": "All {count} images have alt text.",
    # sentence_length
    "sentence_length.good": (
        "{percent} % of sentences have more than {max_words} words (recommended: at most "
        "{max_percent} %)."
    ),
    "sentence_length.too_many": (
        "{percent} % of sentences have more than {max_words} words, more than the recommended "
        "{max_percent} %; split the longest ones."
    ),
    # passive_voice
    "passive_voice.good": "{percent} % of sentences use the passive voice; that is fine.",
    "passive_voice.too_many": (
        "{percent} % of sentences use the passive voice, more than the recommended "
        "{max_percent} %; prefer active sentences that name who acts."
    ),
    # transition_words
    "transition_words.good": "{percent} % of sentences contain transition words.",
    "transition_words.too_few": (
        "Only {percent} % of sentences contain transition words (aim for at least "
        "{min_percent} %); connect your sentences with words such as {examples}."
    ),
    # consecutive_sentences
    "consecutive_sentences.good": "There is enough variety in how sentences begin.",
    "consecutive_sentences.repeated": (
        '{count} sentences in a row begin with "{word}"; vary the openings.'
    ),
    # style checks for languages without word lists, and texts too short to judge
    "style.not_assessed_language": "Not assessed for this language.",
    "style.not_assessed_short": "The text is too short to judge ({words} words).",
    # site checks
    "site.duplicate_seo_title": (
        '{count} articles share the title "{title}"; give each a distinct title tag.'
    ),
    "site.duplicate_meta_description": (
        "{count} articles share one meta description; write a distinct one each."
    ),
    "site.focus_keyword_cannibalisation": (
        '{count} articles compete for the focus keyword "{term}" (same lemmas); choose a '
        "different focus keyword or merge the articles."
    ),
    "site.orphan_article": (
        "{count} article(s) in {lang} are not linked from any other article; link to them from "
        "related articles."
    ),
    "site.orphan_article_young": (
        "The site has {articles} article(s) in {lang}; {count} of them are not linked from "
        "another article yet. Link related articles to each other as the site grows."
    ),
    "site.clean.duplicate_seo_title": "Every article has its own title tag.",
    "site.clean.duplicate_meta_description": "Every article has its own meta description.",
    "site.clean.focus_keyword_cannibalisation": "No two articles share a focus keyword.",
    "site.clean.orphan_article": "Every article is linked from at least one other article.",
    "site.translation_coverage": (
        "{missing} of {total} articles has no version in {lang}.",
        "{missing} of {total} articles have no version in {lang}.",
        "missing",
    ),
    "site.translation_coverage_incomplete": (
        "{incomplete} of {total} articles has an incomplete version in {lang}.",
        "{incomplete} of {total} articles have an incomplete version in {lang}.",
        "incomplete",
    ),
    "site.clean.translation_coverage": "Every article exists, complete, in every language.",
    # lists
    "list.more": "and {count} more",
}


def render_messages(messages: Sequence[Message]) -> str:
    return " ".join(render_english(message) for message in messages)
