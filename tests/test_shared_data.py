"""``@shared_data`` (tests/shared_data.py): built once per module, yet each test starts from
the builder's data whatever the tests before it did, with objects of its own."""

from __future__ import annotations

import pytest

from articles.models import ArticlePage
from tests.articles.api.conftest import article_content
from tests.shared_data import STATE, shared_data

pytestmark = pytest.mark.django_db

SLUGS = ["geteilt-eins", "geteilt-zwei"]


@shared_data
def two_articles(build):
    return [build.article(content=article_content(slug=slug), translations={}) for slug in SLUGS]


def test_a_test_that_does_not_ask_for_shared_data_does_not_see_it():
    assert not ArticlePage.objects.filter(slug_de__in=SLUGS).exists()


@pytest.mark.parametrize("run", [1, 2])
def test_changes_to_the_shared_rows_are_undone_before_the_next_test(two_articles, run):
    """Whichever run comes second finds the rows the first one deleted and renamed."""
    assert sorted(ArticlePage.objects.values_list("slug_de", flat=True)) == SLUGS
    assert {page.title_de for page in two_articles} == {"Garden soil through the seasons"}
    ArticlePage.objects.filter(pk=two_articles[0].pk).update(title_de=f"Changed in run {run}")
    two_articles[1].delete()
    assert ArticlePage.objects.count() == 1


@pytest.mark.parametrize("run", [1, 2])
def test_each_test_gets_objects_of_its_own(two_articles, run):
    assert not hasattr(two_articles[0], "changed_by_run")
    two_articles[0].changed_by_run = run


def test_the_builder_ran_once_for_all_of_the_modules_tests(request, two_articles):
    assert STATE.builds[(request.module.__name__, "two_articles")] == 1
