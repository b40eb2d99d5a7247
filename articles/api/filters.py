"""Filters of the article list: keyword, updated_since and ordering (django-filter).

``search`` is not here: it goes through Wagtail search after these filters (see the view).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import django_filters
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils import timezone
from django_filters.fields import IsoDateTimeField
from modeltranslation.utils import build_localized_fieldname

from articles.selectors import articles_with_keyword

ORDERINGS = {
    "published": ("first_published_at", "pk"),
    "-published": ("-first_published_at", "-pk"),
    "title": ("{title}", "pk"),
    "-title": ("-{title}", "-pk"),
}
DEFAULT_ORDERING = "-published"
KEYWORD_MAX_LENGTH = 200


class _UtcRepresentableDateTimeField(IsoDateTimeField):
    """An ISO 8601 date-time that also exists in UTC: ``0001-01-01T00:00:00+01:00`` does not
    (the database adapter's conversion to UTC would overflow: a 500, not an answer)."""

    def to_python(self, value: Any) -> datetime | None:
        result = super().to_python(value)
        if result is not None and timezone.is_aware(result):
            try:
                result.astimezone(UTC)
            except OverflowError:
                raise ValidationError(
                    "Must lie between the years 1 and 9999 in UTC.", code="invalid"
                ) from None
        return result


class _UpdatedSinceFilter(django_filters.IsoDateTimeFilter):
    field_class = _UtcRepresentableDateTimeField


class ArticleListFilter(django_filters.FilterSet):
    keyword = django_filters.CharFilter(
        method="filter_keyword",
        max_length=KEYWORD_MAX_LENGTH,
        help_text="Only articles using this keyword (its term in the requested language).",
    )
    updated_since = _UpdatedSinceFilter(
        field_name="last_published_at",
        lookup_expr="gte",
        help_text="ISO 8601 date-time; only articles (re)published at or after it.",
    )
    ordering = django_filters.ChoiceFilter(
        choices=[(name, name) for name in ORDERINGS],
        method="filter_ordering",
        empty_label=None,
        help_text="published, -published (default: newest first), title or -title.",
    )

    def __init__(self, data: Any = None, *args: Any, lang: str, **kwargs: Any) -> None:
        if data is not None and " " in data.get("updated_since", ""):
            # An unencoded "+01:00" offset arrives as " 01:00" in a query string.
            data = data.copy()
            data["updated_since"] = data["updated_since"].replace(" ", "+")
        super().__init__(data, *args, **kwargs)
        self.lang = lang

    def filter_keyword(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return articles_with_keyword(queryset, term=value, lang=self.lang) if value else queryset

    def filter_ordering(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return order_articles(queryset, value or DEFAULT_ORDERING, lang=self.lang)


def order_articles(queryset: QuerySet, ordering: str, *, lang: str) -> QuerySet:
    # Titles sort by the requested language's column: fallback never applies inside queries.
    title = build_localized_fieldname("title", lang)
    return queryset.order_by(*(field.format(title=title) for field in ORDERINGS[ordering]))
