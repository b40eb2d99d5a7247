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


def test_exporting_the_demo_and_importing_the_export_is_unchanged_for_every_article(tmp_path):
    call_command("load_demo", stdout=io.StringIO())
    revisions = {page.pk: page.revisions.count() for page in ArticlePage.objects.all()}
    call_command("export_articles", "--output", str(tmp_path), stderr=io.StringIO())
    files = sorted(tmp_path.glob("*.txt"))
    out = io.StringIO()

    call_command("import_articles", str(tmp_path), "--publish", stdout=out)

    lines = [line for line in out.getvalue().splitlines() if line.startswith(str(tmp_path))]
    assert len(lines) == len(files) == 4
    assert all(": unchanged -> " in line for line in lines), lines
    assert f"4 unchanged, 0 skipped, 0 failed ({len(files)} files)" in out.getvalue()
    assert {page.pk: page.revisions.count() for page in ArticlePage.objects.all()} == revisions


def test_the_demo_revision_holds_what_the_importer_would_store():
    """Plain apostrophes (as Wagtail's editor stores them, not ``&#x27;``) and each language's
    own URL path in the revision, not the German one."""
    call_command("load_demo", stdout=io.StringIO())
    page = ArticlePage.objects.get(slug_en="sleep-and-digestion")

    content = page.latest_revision.content

    assert "night's rest" in content["intro_en"]
    assert "&#x27;" not in str(content)
    assert content["url_path_en"].endswith("/sleep-and-digestion/")
    assert content["url_path_de"].endswith("/schlaf-und-verdauung/")


def test_an_editors_published_change_to_a_demo_article_survives_load_demo():
    call_command("load_demo", stdout=io.StringIO())
    page = ArticlePage.objects.get(slug_en="sleep-and-digestion")
    latest = page.get_latest_revision_as_object()
    latest.title_en = "Sleep and the gut, edited"
    latest.save_revision().publish()
    out = io.StringIO()

    call_command("load_demo", stdout=out)

    page.refresh_from_db()
    assert page.title_en == "Sleep and the gut, edited"
    assert "Article sleep-and-digestion (en): exists" in out.getvalue()
    assert "0 language versions created, 4 already there" in out.getvalue()


def test_a_demo_translation_missing_from_an_existing_article_is_added(settings):
    call_command("load_demo", stdout=io.StringIO())
    page = ArticlePage.objects.get(slug_de="schlaf-und-verdauung")
    latest = page.get_latest_revision_as_object()
    for field in ("title_en", "slug_en", "intro_en"):
        setattr(latest, field, None)
    latest.save_revision().publish()
    out = io.StringIO()

    call_command("load_demo", stdout=out)

    page.refresh_from_db()
    assert page.slug_en == "sleep-and-digestion"
    assert "Article sleep-and-digestion (en): created" in out.getvalue()
