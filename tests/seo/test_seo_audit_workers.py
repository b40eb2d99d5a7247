"""``seo_audit --workers N``: the same report, byte for byte, as one process."""

from __future__ import annotations

import io

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

import seo.audit
from articles.seo_adapter import ArticleSEOSource
from articles.services import article_update_language
from seo.models import SEOAuditResult
from tests.factories import ArticleContentFactory

# Row ids and write times differ between two refreshes by nature.
IGNORED = {"id", "updated_at"}

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="audit workers need PostgreSQL"
)


def run_audit(*args: str) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of ``seo_audit``, also when it fails."""
    stdout, stderr = io.StringIO(), io.StringIO()
    try:
        call_command("seo_audit", *args, stdout=stdout, stderr=stderr)
    except CommandError as error:
        return error.returncode, stdout.getvalue(), f"{stderr.getvalue()}{error}"
    return 0, stdout.getvalue(), stderr.getvalue()


def add_site(make_article, article_index, count: int) -> list:
    """``count`` articles linking to the index, every other one with an English version."""
    pages = []
    for number in range(count):
        link = f'<a linktype="page" id="{article_index.pk}">Ratgeber</a>'
        content = ArticleContentFactory(lang_tag="de", intro_html=f"<p>Mehr im {link}.</p>")
        page = make_article(content=content)
        if number % 2:
            article_update_language(
                page=page, lang="en", content=ArticleContentFactory(lang_tag="en"), publish=True
            )
        pages.append(page)
    return pages


@postgresql_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_workers_write_the_same_report_as_one(make_article, article_index):
    # One site for the three formats: building it is most of this test's time.
    pages = add_site(make_article, article_index, 13)

    for output_format in ("json", "csv", "junit"):
        base = ("--format", output_format, "--batch-size", "3")
        one = run_audit(*base)
        two = run_audit(*base, "--workers", "2")
        three = run_audit(*base, "--workers", "3")

        assert one[0] == two[0] == three[0], output_format
        assert all(page.slug_de in one[1] and page.slug_de in two[1] for page in pages)
        assert "using one" not in two[2], output_format
        assert two[1] == one[1], output_format
        assert three[1] == one[1], output_format


@postgresql_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_workers_report_failures_and_exit_codes_as_one_process(
    make_article, article_index, monkeypatch
):
    pages = add_site(make_article, article_index, 7)
    broken = pages[4].slug_de
    real_analyse = seo.audit.analyse

    def failing_for_broken(document, thresholds=None):
        if document.slug == broken:
            raise ValueError("cannot analyse")
        return real_analyse(document, thresholds)

    monkeypatch.setattr(seo.audit, "analyse", failing_for_broken)
    base = ("--format", "json", "--batch-size", "2", "--min-score", "99")

    one = run_audit(*base)
    two = run_audit(*base, "--workers", "2")

    assert one[0] == two[0] == 1
    assert two[1] == one[1]
    assert f"{broken}@de (ValueError: cannot analyse)" in two[2]
    assert two[2].splitlines()[-1] == one[2].splitlines()[-1]


def test_batch_bounds_cover_every_page_once_in_order(make_article, article_index):
    pages = add_site(make_article, article_index, 7)
    source = ArticleSEOSource()

    bounds = list(source.batch_bounds(batch_size=3))
    read = [
        item.page_id
        for after, up_to in bounds
        for item in source.items(languages=["de"], batch_size=3, after=after, up_to=up_to)
    ]

    assert read == sorted(page.pk for page in pages)
    assert len(bounds) == 3  # 3 + 3 + 1 pages
    assert bounds[-1][1] is None


def test_workers_inside_a_transaction_fall_back_to_one_process(make_article):
    make_article()

    code, output, error = run_audit("--format", "json", "--workers", "2")

    assert code == 0
    assert "--workers 2: using one" in error
    assert output == run_audit("--format", "json")[1]


@pytest.mark.parametrize("raw", ["0", "two", "-1"])
def test_a_worker_count_below_one_is_a_bad_argument(db, raw):
    code, _, error = run_audit("--workers", raw)

    assert code == 2
    assert f"--workers {raw}" in error


@postgresql_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_refresh_with_workers_stores_the_same_rows_as_one_process(make_article, article_index):
    add_site(make_article, article_index, 5)
    fields = [f.name for f in SEOAuditResult._meta.concrete_fields if f.name not in IGNORED]

    def stored() -> list[tuple]:
        return list(SEOAuditResult.objects.order_by("page_id", "lang").values_list(*fields))

    call_command("seo_audit_refresh", "--batch-size", "2", stdout=io.StringIO())
    one = stored()
    SEOAuditResult.objects.all().delete()
    call_command("seo_audit_refresh", "--batch-size", "2", "--workers", "2", stdout=io.StringIO())

    assert stored() == one
    assert len(one) == 5 * len(settings.MODELTRANSLATION_LANGUAGES)
