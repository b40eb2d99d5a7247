"""Filters of the SEO audit report: language, score band, translation, live, score range."""

from __future__ import annotations

import django_filters
from django import forms
from django.conf import settings
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import NumberRangeWidget, WagtailFilterSet
from wagtail.admin.widgets import BooleanRadioSelect

from seo.models import (
    GOOD_SCORE_FROM,
    OK_SCORE_FROM,
    AuditStatus,
    SEOAuditResult,
    TranslationStatus,
)


def language_choices() -> list[tuple[str, str]]:
    names = dict(settings.LANGUAGES)
    return [(code, names.get(code, code)) for code in settings.MODELTRANSLATION_LANGUAGES]


class SEOAuditFilterSet(WagtailFilterSet):
    lang = django_filters.ChoiceFilter(
        label=_("Language"),
        choices=language_choices,
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=AuditStatus.choices,
        empty_label=_("All"),
        widget=forms.RadioSelect,
        help_text=format_lazy(
            _("Good: {good} and above; could be better: {ok} and above; problem: under {ok}."),
            good=GOOD_SCORE_FROM,
            ok=OK_SCORE_FROM,
        ),
    )
    score = django_filters.RangeFilter(label=_("Score"), widget=NumberRangeWidget)
    translation_status = django_filters.ChoiceFilter(
        label=_("Translation"),
        choices=TranslationStatus.choices,
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )
    live = django_filters.BooleanFilter(label=_("Published"), widget=BooleanRadioSelect)

    class Meta:
        model = SEOAuditResult
        fields = ["lang", "status", "score", "translation_status", "live"]
