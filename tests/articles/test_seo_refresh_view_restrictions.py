"""A view restriction made or lifted refreshes the stored SEO results of the articles that
link to the pages under it: a link to a private page counts as a link nobody can follow."""

from __future__ import annotations

import pytest
from wagtail.models import PageViewRestriction, ReferenceIndex

from seo.models import SEOAuditResult

pytestmark = pytest.mark.django_db


def stored_links(page, lang: str = "de") -> dict:
    """The internal links check of ``page``'s stored SEO result."""
    result = SEOAuditResult.objects.get(page=page, lang=lang)
    return next(check for check in result.report["checks"] if check["id"] == "internal_links")


@pytest.fixture
def linked_articles(make_article):
    target = make_article(title="Composting on a balcony")
    linking = make_article(
        title="Gardening in small spaces",
        intro_html=f'<p>Start with <a linktype="page" id="{target.pk}">composting</a>.</p>',
    )
    ReferenceIndex.create_or_update_for_object(linking)  # the task Wagtail runs after a save
    return target, linking


def test_restricting_a_linked_article_marks_the_link_private_in_the_stored_report(
    linked_articles,
):
    target, linking = linked_articles
    assert stored_links(linking)["details"]["broken"] == []

    PageViewRestriction.objects.create(
        page=target, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )

    broken = stored_links(linking)["details"]["broken"]
    assert [(link["href"], link["status"]) for link in broken] == [(f"page:{target.pk}", "private")]


def test_lifting_the_restriction_makes_the_link_public_again(linked_articles):
    target, linking = linked_articles
    restriction = PageViewRestriction.objects.create(
        page=target, restriction_type=PageViewRestriction.LOGIN
    )
    assert stored_links(linking)["details"]["broken"]

    restriction.delete()

    assert stored_links(linking)["details"]["broken"] == []


def test_a_restriction_on_an_ancestor_hides_the_linked_article_too(linked_articles, article_index):
    _target, linking = linked_articles

    PageViewRestriction.objects.create(
        page=article_index, restriction_type=PageViewRestriction.LOGIN
    )

    statuses = [link["status"] for link in stored_links(linking)["details"]["broken"]]
    assert statuses == ["private"]


def test_a_restriction_elsewhere_leaves_linking_articles_alone(linked_articles, make_article):
    _target, linking = linked_articles
    unrelated = make_article(title="Unrelated")
    before = SEOAuditResult.objects.get(page=linking, lang="de").updated_at

    PageViewRestriction.objects.create(page=unrelated, restriction_type=PageViewRestriction.LOGIN)

    assert SEOAuditResult.objects.get(page=linking, lang="de").updated_at == before
