"""schema.org FAQPage JSON-LD, built from the FAQ fields and validated."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from html import unescape
from typing import Any

import nh3

from .model import FAQInput
from .text import normalise_plain_text

# Google's FAQ rich-result documentation allows these tags inside an answer's text.
ANSWER_TAGS = frozenset(
    {
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "br",
        "ol",
        "ul",
        "li",
        "a",
        "p",
        "div",
        "b",
        "strong",
        "i",
        "em",
    }
)


_TAG_RE = re.compile(r"<[^>]*>")


def has_visible_text(html: str) -> bool:
    """Whether HTML shows any text. Cheaper than a full parse; enough for a yes/no answer."""
    return bool(unescape(_TAG_RE.sub("", html or "")).strip())


# Built once: a Cleaner keeps its compiled configuration, which halves the cost per answer.
_ANSWER_CLEANER = nh3.Cleaner(tags=set(ANSWER_TAGS), attributes={"a": {"href"}})


def _answer_html(answer_html: str) -> str:
    return _ANSWER_CLEANER.clean(answer_html or "").strip()


def build_faq_jsonld(faqs: Sequence[FAQInput]) -> dict[str, Any] | None:
    """The FAQPage JSON-LD for the pairs that have both a question and a visible answer.

    Returns None when no pair qualifies (an empty FAQPage is invalid markup).
    """
    entities = []
    for faq in faqs:
        question = normalise_plain_text(faq.question)
        if not question or not has_visible_text(faq.answer_html):
            continue
        entities.append(
            {
                "@type": "Question",
                "name": question,
                "acceptedAnswer": {"@type": "Answer", "text": _answer_html(faq.answer_html)},
            }
        )
    if not entities:
        return None
    return {"@context": "https://schema.org", "@type": "FAQPage", "mainEntity": entities}


def validate_faq_jsonld(data: Any) -> list[str]:
    """Problems that make FAQPage markup invalid for Google; an empty list means valid."""
    if not isinstance(data, Mapping):
        return ["FAQPage JSON-LD must be an object"]
    errors = []
    if data.get("@context") not in ("https://schema.org", "http://schema.org"):
        errors.append('"@context" must be "https://schema.org"')
    if data.get("@type") != "FAQPage":
        errors.append('"@type" must be "FAQPage"')
    entities = data.get("mainEntity")
    if not isinstance(entities, list) or not entities:
        return [*errors, '"mainEntity" must be a non-empty list of Question items']
    seen: set[str] = set()
    for index, entity in enumerate(entities):
        where = f"mainEntity[{index}]"
        if not isinstance(entity, Mapping) or entity.get("@type") != "Question":
            errors.append(f'{where} must be a "Question"')
            continue
        name = entity.get("name")
        if not isinstance(name, str) or not name.strip():
            errors.append(f"{where}.name must be non-empty text")
        elif name.casefold() in seen:
            errors.append(f"{where}.name repeats an earlier question")
        else:
            seen.add(name.casefold())
        answer = entity.get("acceptedAnswer")
        if not isinstance(answer, Mapping) or answer.get("@type") != "Answer":
            errors.append(f'{where}.acceptedAnswer must be an "Answer"')
            continue
        text = answer.get("text")
        if not isinstance(text, str) or not has_visible_text(text):
            errors.append(f"{where}.acceptedAnswer.text must contain visible text")
    return errors
