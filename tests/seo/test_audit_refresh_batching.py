"""``page_audit_refreshes_batched``: a bulk writer's SEO audit refreshes run after its writes,
once per page, and none is lost."""

from __future__ import annotations

import pytest

from seo.models import SEOAuditResult
from seo.tasks import flush_page_audit_refreshes, page_audit_refreshes_batched

pytestmark = pytest.mark.django_db


def test_publishing_in_a_batch_refreshes_the_audit_at_the_flush_once_per_page(make_article):
    with page_audit_refreshes_batched():
        page = make_article("de", publish=True)
        page.save_revision().publish()  # a second publication of the same page
        assert not SEOAuditResult.objects.filter(page=page).exists()
        flush_page_audit_refreshes()
        assert SEOAuditResult.objects.filter(page=page, lang="de").exists()
        stored = set(SEOAuditResult.objects.filter(page=page).values_list("pk", flat=True))
    # Nothing was left over for the end of the block: the rows are the ones stored above.
    assert set(SEOAuditResult.objects.filter(page=page).values_list("pk", flat=True)) == stored


def test_the_end_of_the_batch_refreshes_what_is_left_even_after_an_error(make_article):
    with pytest.raises(RuntimeError), page_audit_refreshes_batched():
        page = make_article("de", publish=True)
        raise RuntimeError("the bulk writer stops")
    assert SEOAuditResult.objects.filter(page=page, lang="de").exists()


def test_outside_a_batch_publishing_refreshes_at_once(make_article):
    page = make_article("de", publish=True)
    assert SEOAuditResult.objects.filter(page=page, lang="de").exists()
