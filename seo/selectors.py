"""Reads of the stored SEO audit table, limited to the pages a user may edit."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Avg, Count, Min, Q, QuerySet
from modeltranslation.utils import build_localized_fieldname
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from seo.models import SEOAuditResult
from seo.page_analysis import language_name

# The same rule as Wagtail's own page reports (aging pages, page types usage): whoever may add,
# edit or publish some page is an editor.
EDITOR_ACTIONS = ["add", "change", "publish"]


def user_is_editor(user: AbstractBaseUser | AnonymousUser) -> bool:
    return PagePermissionPolicy(Page).user_has_any_permission(user, EDITOR_ACTIONS)


def audit_results_for_user(user: AbstractBaseUser | AnonymousUser) -> QuerySet[SEOAuditResult]:
    """Stored results of the pages ``user`` may edit."""
    editable = PagePermissionPolicy(Page).instances_user_has_permission_for(user, "change")
    return SEOAuditResult.objects.filter(page__in=editable.values("pk"))


@dataclass(frozen=True)
class LanguageAverage:
    lang: str
    language_name: str
    average: float | None
    analysed: int
    not_translated: int


def average_scores(results: QuerySet[SEOAuditResult]) -> list[LanguageAverage]:
    """Mean score of the translated pages per configured language, in the configured order."""
    rows = {
        row["lang"]: row
        for row in results.values("lang").annotate(
            average=Avg("score"), analysed=Count("score"), total=Count("id")
        )
    }
    averages = []
    for lang in settings.MODELTRANSLATION_LANGUAGES:
        row = rows.get(lang, {"average": None, "analysed": 0, "total": 0})
        averages.append(
            LanguageAverage(
                lang=lang,
                language_name=language_name(lang),
                average=row["average"],
                analysed=row["analysed"],
                not_translated=row["total"] - row["analysed"],
            )
        )
    return averages


def weakest_articles(results: QuerySet[SEOAuditResult], limit: int = 5) -> list[SEOAuditResult]:
    """The ``limit`` pages whose weakest language scores lowest, each with that language's row."""
    lowest = list(
        results.filter(score__isnull=False)
        .values("page_id")
        .annotate(lowest=Min("score"))
        .order_by("lowest", "page_id")[:limit]
    )
    candidates = results.filter(
        page_id__in=[row["page_id"] for row in lowest], score__isnull=False
    ).order_by("page_id", "score", "lang")
    weakest: dict[int, SEOAuditResult] = {}
    for result in candidates:
        weakest.setdefault(result.page_id, result)
    return [weakest[row["page_id"]] for row in lowest if row["page_id"] in weakest]


def keywords_matching(queryset: QuerySet, query: str) -> QuerySet:
    """Keywords with every word of ``query`` in a term of any language (case-insensitive).

    A plain filter over the ``term_<lang>`` columns, not the search index: keywords written in
    bulk (the importer) are found at once, in every language, on SQLite and PostgreSQL alike.
    """
    for word in query.split():
        any_language = Q()
        for code in settings.MODELTRANSLATION_LANGUAGES:
            any_language |= Q(**{f"{build_localized_fieldname('term', code)}__icontains": word})
        queryset = queryset.filter(any_language)
    return queryset
