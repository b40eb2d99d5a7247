"""The SEO panel of the Wagtail dashboard: averages per language and the weakest articles."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.db.models import Avg

from seo.models import AuditStatus, SEOAuditResult
from tests.shared_data import shared_data

pytestmark = pytest.mark.django_db

AVERAGE_RE = re.compile(
    r'data-seo-average-lang="(?P<lang>[a-z]{2})" data-seo-average="(?P<avg>[^"]*)"'
)
WEAKEST_RE = re.compile(r'data-seo-weakest="(?P<page>\d+)"')


@shared_data
def seven_articles(build):
    """Seven German/English articles; their stored scores are spread out for a clear order."""
    from tests.factories import ArticleContentFactory

    pages = [
        build.article("de", translations={"en": ArticleContentFactory(lang_tag="en")})
        for _ in range(7)
    ]
    for index, page in enumerate(pages):
        for lang, offset in (("de", 0), ("en", 5)):
            score = 30 + 10 * index + offset
            SEOAuditResult.objects.filter(page=page, lang=lang).update(
                score=score, status=AuditStatus.for_score(score)
            )
    return pages


def dashboard(client) -> str:
    response = client.get("/admin/")
    assert response.status_code == 200
    return response.content.decode()


def test_dashboard_shows_the_average_score_per_language(editor_client, seven_articles):
    html = dashboard(editor_client)

    averages = {match["lang"]: match["avg"] for match in AVERAGE_RE.finditer(html)}
    assert list(averages) == list(settings.MODELTRANSLATION_LANGUAGES)
    for lang in settings.MODELTRANSLATION_LANGUAGES:
        expected = SEOAuditResult.objects.filter(lang=lang).aggregate(avg=Avg("score"))["avg"]
        assert averages[lang] == ("" if expected is None else f"{expected:.1f}")
    assert averages["de"] != averages["en"]


def test_dashboard_lists_the_five_weakest_articles_weakest_first(editor_client, seven_articles):
    html = dashboard(editor_client)

    weakest = [int(match["page"]) for match in WEAKEST_RE.finditer(html)]
    assert weakest == [page.pk for page in seven_articles[:5]]
    first = SEOAuditResult.objects.get(page=seven_articles[0], lang="de")
    assert f'href="/admin/pages/{first.page_id}/edit/"' in html


def test_dashboard_has_no_seo_panel_for_users_without_page_permissions(
    admin_only_client, seven_articles
):
    html = dashboard(admin_only_client)

    assert "data-seo-dashboard" not in html
    assert "/admin/reports/seo-audit/" not in html
