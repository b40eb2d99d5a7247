"""faq_structured_data: FAQ pairs complete and valid FAQPage markup."""

from __future__ import annotations

from ..context import AnalysisContext
from ..faq_jsonld import build_faq_jsonld, validate_faq_jsonld
from ..report import GOOD, PROBLEM, CheckResult
from .base import result

# Google restricts FAQ rich results; the message says so, so nobody expects stars overnight.
RICH_RESULT_NOTE = (
    "Note: Google shows FAQ rich results only for well-known, authoritative government and "
    "health websites; for other sites the markup helps other search engines and assistants."
)
_QUESTION_ENDINGS = ("?", "？", "؟")


def faq_structured_data(ctx: AnalysisContext) -> CheckResult:
    check = "faq_structured_data"
    faqs = ctx.document.faqs
    issues: list[dict] = []
    for index, (question, answer) in enumerate(zip(ctx.questions, ctx.answers, strict=True)):
        path = f"faqs[{index}]"
        if not question:
            issues.append({"path": path, "issue": "answer_without_question"})
        elif not question.endswith(_QUESTION_ENDINGS):
            issues.append({"path": path, "issue": "not_a_question", "question": question})
        if answer.rich.has_markup_only:
            issues.append({"path": path, "issue": "markup_only_answer"})
        elif not answer.rich.text:
            issues.append({"path": path, "issue": "empty_answer"})
    for label, values in (
        ("duplicate_question", ctx.questions),
        ("duplicate_answer", [a.rich.text for a in ctx.answers]),
    ):
        seen: dict[str, int] = {}
        for index, value in enumerate(values):
            key = value.casefold()
            if not key:
                continue
            if key in seen:
                issues.append(
                    {"path": f"faqs[{index}]", "issue": label, "duplicate_of": f"faqs[{seen[key]}]"}
                )
            else:
                seen[key] = index
    jsonld = build_faq_jsonld(faqs)
    errors = validate_faq_jsonld(jsonld) if jsonld is not None else ["no complete FAQ pair"]
    details = {
        "faqs": len(faqs),
        "issues": issues,
        "jsonld_valid": not errors,
        "jsonld_errors": errors,
        "jsonld_questions": len(jsonld["mainEntity"]) if jsonld else 0,
    }
    if not faqs:
        return result(
            check,
            PROBLEM,
            "Add a few questions and answers readers actually ask. " + RICH_RESULT_NOTE,
            details,
        )
    if issues or errors:
        return result(check, PROBLEM, _describe(issues, errors) + " " + RICH_RESULT_NOTE, details)
    return result(
        check,
        GOOD,
        f"{len(faqs)} complete FAQ pairs; the FAQPage JSON-LD is valid. " + RICH_RESULT_NOTE,
        details,
    )


_FIXES = {
    "answer_without_question": "add the missing question",
    "not_a_question": "phrase it as a question ending in '?'",
    "markup_only_answer": "write an answer (it only contains markup)",
    "empty_answer": "write the missing answer",
    "duplicate_question": "remove or reword the repeated question",
    "duplicate_answer": "give the question its own answer",
}


def _describe(issues: list[dict], errors: list[str]) -> str:
    parts = [f"{issue['path']}: {_FIXES[issue['issue']]}" for issue in issues[:6]]
    if not issues and errors:
        parts.append("fix the FAQPage markup: " + "; ".join(errors[:3]))
    return "Fix the FAQ: " + "; ".join(parts) + "."
