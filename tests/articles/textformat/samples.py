"""Sample files and small article texts for the format tests (built per language from the issue).

The marker spellings here are written out from the issue on purpose instead of being read from
``MARKERS``, so the tests check the table against the specification.
"""

from __future__ import annotations

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[3]
FIXTURES = REPO_ROOT / "tests" / "fixtures" / "articles"
VALID_FIXTURES = FIXTURES / "valid"
MALFORMED_FIXTURES = FIXTURES / "malformed"

# One realistic article per language, in the seed's layout; de and en are translations of each
# other. The language is the file name's prefix.
VALID_FIXTURE_FILES = sorted(VALID_FIXTURES.glob("*.txt"))


def fixture_language(path: Path) -> str:
    return path.name.split("_", 1)[0]


# language: conclusion heading, FAQ heading, keyword heading, question label, answer label
SPEC = {
    "de": ("Fazit", "Fragen & Antworten", "Wichtige Schlüsselwörter", "F", "A"),
    "en": ("Conclusion", "Questions & Answers", "Key Keywords", "Q", "A"),
    "nl": ("Conclusie", "Vragen & Antwoorden", "Belangrijke trefwoorden", "V", "A"),
    "fr": ("Conclusion", "Questions et réponses", "Mots-clés importants", "Q", "R"),
    "es": ("Conclusión", "Preguntas y respuestas", "Palabras clave importantes", "P", "R"),
    "it": ("Conclusione", "Domande e risposte", "Parole chiave importanti", "D", "R"),
}
LANGUAGES = sorted(SPEC)

TITLE_LINE = 2
INTRO_LINE = 3
SECTION_LINE = 4
CONCLUSION_LINE = 6
FAQ_LINE = 8
QUESTION_LINE = 9
ANSWER_LINE = 10
KEYWORDS_LINE = 11
FIRST_KEYWORD_LINE = 12


def owl_article(
    language: str = "en",
    *,
    marker_space: str = "",
    heading_suffix: str = "",
    answer: str = "No, some species also hunt by day.",
) -> str:
    """A minimal complete article; the line numbers are the constants above."""
    conclusion, faq, keywords, question, answer_label = SPEC[language]
    lines = [
        "",
        "Why do owls hunt at night?",
        "Owls are built for the dark, and their habits follow from that.",
        "Silent flight: how feathers muffle sound",
        "Soft fringes on the wing feathers break up the air flow, so prey hears nothing.",
        conclusion + heading_suffix,
        "Night hunting is where the strengths of an owl count most.",
        faq + heading_suffix,
        f"{question}{marker_space}: Do all owls hunt at night?",
        f"{answer_label}{marker_space}: {answer}".rstrip(),
        keywords + heading_suffix,
        "- owls at night",
        "- silent flight",
    ]
    return "\n".join(lines) + "\n"
