"""faq_structured_data: FAQ pairs complete and valid FAQPage markup."""

from __future__ import annotations

from ..context import AnalysisContext
from ..faq_jsonld import build_faq_jsonld, validate_faq_jsonld
from ..messages import Message
from ..report import GOOD, PROBLEM, CheckResult
from .base import msg, result

# Google restricts FAQ rich results; the message says so, so nobody expects stars overnight.
RICH_RESULT_NOTE = Message("faq.rich_result_note", {})
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
    # FAQs with an empty question or answer are not served at all (not on the page, not in
    # FAQPage): say which, by their position among the article's FAQs.
    for position, faq in ctx.document.withheld_faqs:
        issue = "withheld_no_question" if not faq.question.strip() else "withheld_no_answer"
        issues.append({"path": f"faqs[{position}]", "issue": issue, "withheld": True})
    jsonld = build_faq_jsonld(faqs)
    errors = validate_faq_jsonld(jsonld) if jsonld is not None else ["no complete FAQ pair"]
    details = {
        "faqs": len(faqs),
        "issues": issues,
        "jsonld_valid": not errors,
        "jsonld_errors": errors,
        "jsonld_questions": len(jsonld["mainEntity"]) if jsonld else 0,
    }
    if not faqs and not issues:
        return result(check, PROBLEM, [msg("faq.none"), RICH_RESULT_NOTE], details)
    if issues or errors:
        return result(check, PROBLEM, [*_describe(issues, errors), RICH_RESULT_NOTE], details)
    return result(check, GOOD, [msg("faq.good", count=len(faqs)), RICH_RESULT_NOTE], details)


def _describe(issues: list[dict], errors: list[str]) -> list[Message]:
    messages = [msg("faq.fix")]
    messages.extend(msg(f"faq.{issue['issue']}", field=issue["path"]) for issue in issues[:6])
    if not issues and errors:
        messages.append(msg("faq.invalid_markup", errors="; ".join(errors[:3])))
    return messages
