"""The one visibility selector (``articles.selectors.visible_pages``) at its edges.

The site and view restrictions are path ranges in SQL (so that the planner can estimate them);
these tests pin them to what they mean: a page is inside the default site when the site root's
path is a prefix of its own, and hidden when a restricted page's path is. The neighbours of each
boundary (a sibling tree whose path sorts right after, a page at the root itself) are here.
"""

from __future__ import annotations

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction, Site

from articles.models import ArticlePage
from articles.selectors import hidden_reasons, visible_articles, visible_pages
from articles.services import article_index_get_or_create
from tests.articles.api.conftest import article_content
from tests.shared_data import shared_data

pytestmark = pytest.mark.django_db


def expected_visible(lang: str | None = None) -> set[int]:
    """The plain definition, page by page in Python: live, within its schedule, the default
    site root's path a prefix of its path, no restricted page's path a prefix of it."""
    now = timezone.now()
    root_path = Site.objects.get(is_default_site=True).root_page.path
    restricted = [restriction.page.path for restriction in PageViewRestriction.objects.all()]
    found = set()
    for page in ArticlePage.objects.all():
        if not page.live or (page.go_live_at and page.go_live_at > now):
            continue
        if page.expire_at and page.expire_at <= now:
            continue
        if not page.path.startswith(root_path):
            continue
        if any(page.path.startswith(path) for path in restricted):
            continue
        if lang is not None and (
            lang not in page.translated_languages()
            or not getattr(page, f"translation_complete_{lang}")
        ):
            continue
        found.add(page.pk)
    return found


def visible_ids(lang: str | None = None) -> set[int]:
    return set(visible_articles(lang).values_list("pk", flat=True))


def index(slug: str, parent=None):
    page, _created = article_index_get_or_create(
        slug=slug, titles={"de": slug.title(), "en": slug.title()}, parent=parent
    )
    return page


@shared_data(settings={"CMS_INCOMPLETE_LANGUAGES": "hide"})
def scattered_pages(build):
    """Articles around every boundary of the site and of view restrictions (incomplete
    language versions hidden)."""
    build.index  # noqa: B018 (the blog index first, as the article_index fixture made it)
    root = Page.get_first_root_node()
    members = index("members")
    public = index("public")  # the sibling right after "members": its path sorts after
    elsewhere = index("elsewhere", parent=root)  # a second tree beside the site's root
    pages = {
        "plain": build.article(content=article_content(slug="plain")),
        "members": build.article(content=article_content(slug="m"), parent=members),
        "public": build.article(content=article_content(slug="p"), parent=public),
        "elsewhere": build.article(content=article_content(slug="e"), parent=elsewhere),
        "restricted": build.article(content=article_content(slug="r")),
        "expired": build.article(content=article_content(slug="x")),
        "scheduled": build.article(content=article_content(slug="s")),
        "english": build.article(
            content=article_content(slug="de-und-en"),
            translations={"en": article_content(slug="de-and-en")},
        ),
        "english incomplete": build.article(
            content=article_content(slug="de-und-halb-en"),
            translations={"en": article_content(slug="de-and-half-en")},
        ),
    }
    PageViewRestriction.objects.create(page=members, restriction_type="login")
    PageViewRestriction.objects.create(page=pages["restricted"], restriction_type="login")
    now = timezone.now()
    ArticlePage.objects.filter(pk=pages["expired"].pk).update(expire_at=now - timedelta(1))
    ArticlePage.objects.filter(pk=pages["scheduled"].pk).update(go_live_at=now + timedelta(1))
    ArticlePage.objects.filter(pk=pages["english incomplete"].pk).update(
        translation_complete_en=False
    )
    return {"pages": pages, "members": members, "public": public, "elsewhere": elsewhere}


@pytest.fixture
def scattered(scattered_pages, settings):
    settings.CMS_INCOMPLETE_LANGUAGES = "hide"
    return SimpleNamespace(**scattered_pages)


def names(scattered: SimpleNamespace, ids: set[int]) -> set[str]:
    return {name for name, page in scattered.pages.items() if page.pk in ids}


def test_each_boundary_of_site_and_restrictions_holds(scattered):
    assert names(scattered, visible_ids()) == {
        "plain",
        "public",
        "english",
        "english incomplete",
    }
    assert names(scattered, visible_ids("en")) == {"english"}


@pytest.mark.parametrize("lang", [None, "de", "en"])
def test_the_selector_is_the_plain_definition(scattered, lang):
    assert visible_ids(lang) == expected_visible(lang)


def test_the_incomplete_version_is_listed_under_the_fallback_policy(scattered, settings):
    settings.CMS_INCOMPLETE_LANGUAGES = "fallback"
    assert names(scattered, visible_ids("en")) == {"english", "english incomplete"}


def test_moving_the_default_site_moves_what_is_visible(scattered):
    site = Site.objects.get(is_default_site=True)
    site.root_page = scattered.elsewhere
    site.save()
    assert names(scattered, visible_ids()) == {"elsewhere"}
    assert visible_ids() == expected_visible()


def test_without_a_default_site_nothing_is_visible(scattered):
    Site.objects.update(is_default_site=False)
    assert visible_ids() == set()


def test_a_restriction_on_the_site_root_hides_the_whole_site(scattered):
    PageViewRestriction.objects.create(
        page=Site.objects.get(is_default_site=True).root_page, restriction_type="login"
    )
    assert visible_ids() == set() == expected_visible()


def test_the_site_root_and_its_index_pages_are_visible_pages_too(scattered):
    root = Site.objects.get(is_default_site=True).root_page
    ids = set(visible_pages().values_list("pk", flat=True))
    assert root.pk in ids
    assert scattered.public.pk in ids
    assert scattered.members.pk not in ids  # restricted itself
    assert scattered.elsewhere.pk not in ids


def test_hidden_reasons_name_the_same_boundaries(scattered):
    reasons = hidden_reasons(page.pk for page in scattered.pages.values())
    assert {name: reasons[page.pk]["reason"] for name, page in scattered.pages.items()} == {
        "plain": None,
        "members": "private",
        "public": None,
        "elsewhere": "moved",
        "restricted": "private",
        "expired": "expired",
        "scheduled": "expired",
        "english": None,
        "english incomplete": None,
    }
    assert reasons[scattered.pages["english incomplete"].pk]["languages"] == ["de"]
