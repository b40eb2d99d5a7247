"""Fixtures shared by the whole suite."""

from __future__ import annotations

import pytest

from tests import seed

# Browser fixtures (headless Chromium, editors per admin language): tests/browser.py.
# Data built once per module (``@shared_data``): tests/shared_data.py.
pytest_plugins = ["tests.browser", "tests.shared_data", "tests.scheduling"]


@pytest.fixture
def seed_text() -> str:
    """The example German article (tests/seed.py); the test is skipped where it is absent."""
    return seed.seed_text()


@pytest.fixture
def seed_path():
    """The example article's path (tests/seed.py); the test is skipped where it is absent."""
    return seed.require_seed()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """One line, once, saying how many tests skipped for lack of the seed and how to fix it:
    after pytest's own short summary (a wrapper around it), just above the final counts."""
    result = yield
    count = seed.skipped_for_lack_of_seed(terminalreporter.stats.get("skipped", []))
    if count:
        terminalreporter.write_sep("-", "seed article", yellow=True)
        terminalreporter.write_line(seed.summary_line(count), yellow=True, bold=True)
    return result


def blog_index():
    """The blog's article index (created where it is missing)."""
    from articles.services import article_index_get_or_create

    index, _created = article_index_get_or_create(
        slug="blog", titles={"de": "Ratgeber", "en": "Guide"}
    )
    return index


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Each worker's test database, migrated, with the blog index committed in it, as Wagtail's
    root page is: 400 tests ask for the index, and creating and publishing it cost each 0.1 s.

    A transactional test empties the database afterwards and restores what migrations wrote
    (``serialized_rollback``), not the index; those run last (pytest-django's order) and create
    it again through ``article_index`` when they need it."""
    with django_db_blocker.unblock():
        blog_index()


@pytest.fixture
def article_index(db):
    return blog_index()


@pytest.fixture
def seed_article(seed_text, article_index):
    """The German seed article, imported and published (skipped where ../shared/seeds is absent)."""
    from articles.importing import ImportOptions, import_article
    from articles.models import ArticlePage

    report = import_article(
        seed_text, source="000_seed.txt", options=ImportOptions(parent=article_index, publish=True)
    )
    assert report.page_id is not None, f"seed import failed: {report.reason}"
    return ArticlePage.objects.get(pk=report.page_id)


def build_article(
    index, lang: str = "de", *, publish: bool = True, translations=None, parent=None, **kwargs
):
    """An article below ``parent`` (else ``index``): ``make_article``'s work."""
    from articles.services import article_create, article_update_language
    from tests.factories import ArticleContentFactory

    content = kwargs.pop("content", None) or ArticleContentFactory(lang_tag=lang, **kwargs)
    page = article_create(parent=parent or index, lang=lang, content=content, publish=publish)
    for translation_lang, translation in (translations or {}).items():
        page = article_update_language(
            page=page, lang=translation_lang, content=translation, publish=publish
        )
    return page


@pytest.fixture
def make_article(article_index):
    """``make_article(lang="de", publish=True, translations={"en": content}, **factory_kwargs)``."""

    def build(lang: str = "de", **kwargs):
        return build_article(article_index, lang, **kwargs)

    return build


@pytest.fixture
def editor(db):
    """An editor whose admin language is English (the default admin language is the first of
    CMS_LANGUAGES, German): tests read English texts; German ones are tested on purpose."""
    from wagtail.users.models import UserProfile

    from tests.factories import make_editor

    user = make_editor()
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache (Redis in CI, local memory elsewhere), and without
    what the API keeps in process memory: the content version it last read and recent responses
    (articles/cache.py, articles/api/caching.py). Tests sharing data (tests/shared_data.py)
    start from the same rows, so the same content version: a previous test's remembered state
    would otherwise look current.

    Pure-core tests may run without Django (``-p no:django``); they have no cache to clear.
    """
    from django.conf import settings

    if settings.configured:
        forget_cached_state()
    yield


def forget_cached_state() -> None:
    """Empty the shared cache and what the API keeps in process memory (the content version it
    last read, recent responses): the next request computes its response."""
    from django.core.cache import cache

    from articles.api.caching import recent_entries
    from articles.cache import remembered_state

    cache.clear()
    remembered_state.forget()
    recent_entries.clear()
