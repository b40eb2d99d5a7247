"""Per-language vocabulary of the article text format, kept as data.

Adding a language means adding one ``LanguageMarkers`` entry to ``MARKERS``; the parser, the
language detection and the writer all read from this table.

The first entry of every tuple is the canonical spelling the writer produces; the others are
variants the parser also recognises. Headings are compared case-insensitively, ignoring
surrounding whitespace, repeated inner whitespace and a trailing colon. Q/A markers are compared
case-insensitively and may have no space, a normal space or a non-breaking space (U+00A0,
U+202F) before the colon.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Characters that may separate a Q/A marker label from its colon (French typography puts a
# (narrow) non-breaking space there; other writers put a normal space or nothing).
MARKER_SPACES = " \t\u00a0\u202f"


@dataclass(frozen=True)
class LanguageMarkers:
    """Block headings and Q/A markers of one language."""

    language: str
    conclusion_headings: tuple[str, ...]
    faq_headings: tuple[str, ...]
    keyword_headings: tuple[str, ...]
    question_markers: tuple[str, ...]
    answer_markers: tuple[str, ...]

    @property
    def conclusion_heading(self) -> str:
        return self.conclusion_headings[0]

    @property
    def faq_heading(self) -> str:
        return self.faq_headings[0]

    @property
    def keyword_heading(self) -> str:
        return self.keyword_headings[0]

    @property
    def question_marker(self) -> str:
        return self.question_markers[0]

    @property
    def answer_marker(self) -> str:
        return self.answer_markers[0]


# "FAQ"-style headings are shared by several languages; they count as evidence for each of them,
# so they never decide the language on their own.
_SHARED_FAQ_HEADINGS = ("FAQ", "FAQs", "Q&A")

MARKERS: dict[str, LanguageMarkers] = {
    entry.language: entry
    for entry in (
        LanguageMarkers(
            language="de",
            conclusion_headings=("Fazit", "Schlussfolgerung", "Schlusswort", "Zusammenfassung"),
            faq_headings=(
                "Fragen & Antworten",
                "Fragen und Antworten",
                "Häufig gestellte Fragen",
                "Häufige Fragen",
                *_SHARED_FAQ_HEADINGS,
            ),
            keyword_headings=(
                "Wichtige Schlüsselwörter",
                "Schlüsselwörter",
                "Wichtige Keywords",
                "Keywords",
                "Stichwörter",
            ),
            question_markers=("F:",),
            answer_markers=("A:",),
        ),
        LanguageMarkers(
            language="en",
            conclusion_headings=("Conclusion", "Conclusions", "In Conclusion", "Final Thoughts"),
            faq_headings=(
                "Questions & Answers",
                "Questions and Answers",
                "Frequently Asked Questions",
                *_SHARED_FAQ_HEADINGS,
            ),
            keyword_headings=("Key Keywords", "Important Keywords", "Keywords", "Key Terms"),
            question_markers=("Q:",),
            answer_markers=("A:",),
        ),
        LanguageMarkers(
            language="nl",
            conclusion_headings=("Conclusie", "Tot slot", "Samenvatting"),
            faq_headings=(
                "Vragen & Antwoorden",
                "Vragen en antwoorden",
                "Veelgestelde vragen",
                *_SHARED_FAQ_HEADINGS,
            ),
            keyword_headings=(
                "Belangrijke trefwoorden",
                "Trefwoorden",
                "Belangrijke zoekwoorden",
                "Zoekwoorden",
            ),
            question_markers=("V:",),
            answer_markers=("A:",),
        ),
        LanguageMarkers(
            language="fr",
            conclusion_headings=("Conclusion", "En conclusion", "Pour conclure"),
            faq_headings=(
                "Questions et réponses",
                "Questions & réponses",
                "Questions fréquentes",
                "Foire aux questions",
                *_SHARED_FAQ_HEADINGS,
            ),
            keyword_headings=(
                "Mots-clés importants",
                "Mots clés importants",
                "Mots-clés",
                "Mots clés",
            ),
            question_markers=("Q :",),
            answer_markers=("R :",),
        ),
        LanguageMarkers(
            language="es",
            conclusion_headings=("Conclusión", "Conclusiones", "En resumen"),
            faq_headings=(
                "Preguntas y respuestas",
                "Preguntas & respuestas",
                "Preguntas frecuentes",
                *_SHARED_FAQ_HEADINGS,
            ),
            keyword_headings=(
                "Palabras clave importantes",
                "Palabras clave",
            ),
            question_markers=("P:",),
            answer_markers=("R:",),
        ),
        LanguageMarkers(
            language="it",
            conclusion_headings=("Conclusione", "Conclusioni", "In conclusione"),
            faq_headings=(
                "Domande e risposte",
                "Domande & risposte",
                "Domande frequenti",
                *_SHARED_FAQ_HEADINGS,
            ),
            keyword_headings=(
                "Parole chiave importanti",
                "Parole chiave",
            ),
            question_markers=("D:",),
            answer_markers=("R:",),
        ),
    )
}

_WHITESPACE_RUN = re.compile(r"\s+")


def heading_key(text: str) -> str:
    """The form in which block headings are compared: NFC, case-folded, one space, no colon."""
    text = unicodedata.normalize("NFC", text)
    text = _WHITESPACE_RUN.sub(" ", text).strip().rstrip(":").rstrip()
    return text.casefold()


def marker_label(marker: str) -> str:
    """``"Q :"`` -> ``"q"``: the part of a Q/A marker before its colon, for comparison."""
    return marker.rstrip(":").strip(MARKER_SPACES).casefold()


def markers_for(language: str | None) -> LanguageMarkers | None:
    """The table entry for ``language`` ("de", "DE", "de-CH", "de_DE"), or None if there is none."""
    if not language:
        return None
    code = language.strip().lower().replace("_", "-")
    return MARKERS.get(code) or MARKERS.get(code.split("-", 1)[0])
