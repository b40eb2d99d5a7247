"""Fixtures shared by the whole suite."""

from __future__ import annotations

import pytest

from tests import seed
from tests.browser import browser  # noqa: F401  (headless Chromium fixture, skips without it)


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


@pytest.fixture
def article_index(db):
    from articles.services import article_index_get_or_create

    index, _created = article_index_get_or_create(
        slug="blog", titles={"de": "Ratgeber", "en": "Guide"}
    )
    return index


@pytest.fixture
def make_article(article_index):
    """``make_article(lang="de", publish=True, translations={"en": content}, **factory_kwargs)``."""
    from articles.services import article_create, article_update_language
    from tests.factories import ArticleContentFactory

    def build(lang: str = "de", *, publish: bool = True, translations=None, parent=None, **kwargs):
        content = kwargs.pop("content", None) or ArticleContentFactory(lang_tag=lang, **kwargs)
        page = article_create(
            parent=parent or article_index, lang=lang, content=content, publish=publish
        )
        for translation_lang, translation in (translations or {}).items():
            page = article_update_language(
                page=page, lang=translation_lang, content=translation, publish=publish
            )
        return page

    return build


@pytest.fixture
def editor(db):
    from tests.factories import make_editor

    return make_editor()


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache (Redis in CI, local memory elsewhere).

    Pure-core tests may run without Django (``-p no:django``); they have no cache to clear.
    """
    from django.conf import settings

    if settings.configured:
        from django.core.cache import cache

        cache.clear()
    yield
