"""`load_demo`: the demo site a fresh `make run` shows, including its SEO audit."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from articles.demo_content import DEMO_ARTICLES
from articles.models import ArticlePage

pytestmark = pytest.mark.django_db


def test_demo_articles_link_to_each_other_in_every_language():
    call_command("load_demo", stdout=io.StringIO())
    pages = {page.slug: page for page in ArticlePage.objects.live()}
    assert set(pages) == {content.slug for (_lang, content), _t in DEMO_ARTICLES}
    for (lang, content), translations in DEMO_ARTICLES:
        page = pages[content.slug]
        others = [p for slug, p in pages.items() if slug != content.slug]
        for version_lang, _version in ((lang, content), *translations):
            html = "".join(
                getattr(section, f"body_{version_lang}") or "" for section in page.sections.all()
            )
            assert any(f'linktype="page" id="{other.pk}"' in html for other in others), (
                content.slug,
                version_lang,
            )
            assert "data-demo-article" not in html


def test_load_demo_twice_changes_nothing():
    call_command("load_demo", stdout=io.StringIO())
    revisions = {page.pk: page.revisions.count() for page in ArticlePage.objects.all()}
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert "exists" in out.getvalue()
    assert {page.pk: page.revisions.count() for page in ArticlePage.objects.all()} == revisions


def test_the_demo_site_passes_seo_audit_fail_on_problem():
    """Issue 16: on the fresh demo site `seo_audit --fail-on problem` exits 0."""
    call_command("load_demo", stdout=io.StringIO())
    out = io.StringIO()
    call_command("seo_audit", "--fail-on", "problem", "--format", "json", stdout=out)
    assert '"status":"problem"' not in out.getvalue()
