"""Data that the tests of one module share: built once, each test isolated on top of it.

Creating articles is the suite's largest cost (publishing runs the SEO audit, the search and
reference indexes, the change feed), and many modules build the same few articles for each of
dozens of tests. ``@shared_data`` builds them once per module and worker instead, as Django's
``TestCase.setUpTestData`` does: the data is written inside an outer transaction that stays
open while the module's tests that ask for it run; each of those tests runs in its own
savepoint inside it (pytest-django's ``db``), which is rolled back after the test, so every
test starts from exactly the data the builder made, whatever the tests before it changed. The
outer transaction is rolled back at the end, so nothing is left for other modules.

    @shared_data
    def three_articles(build):
        return [build.article(...), ...]

``build`` offers the helpers a builder needs (``build.article`` is ``make_article``,
``build.index`` the blog index). A test asks for ``three_articles`` like for any fixture and
gets the value with every model instance in it read again from the database (its own copies:
a test changing an object in memory does not change the next test's).

Isolation rules, enforced here rather than trusted:

- A test that does not ask for the shared data never runs inside its transaction: before such
  a test starts, the open shared data is rolled back (``pytest_runtest_setup``). Within a
  module, the tests that ask for the same shared data are run one after another
  (``pytest_collection_modifyitems``, within pytest-django's order), so this costs nothing.
- The caches are cleared before each test as before (``_fresh_cache`` in tests/conftest.py
  runs after the builder): a test starts with the shared rows and empty caches.
- Transactional tests (live server, browser) cannot run inside a transaction: they must not
  ask for shared data (an error says so).
"""

from __future__ import annotations

import inspect
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest

PREFIX = "_shared_data_"


@dataclass
class _Block:
    """The open outer transaction of one shared data set (at most one per worker)."""

    fixture_name: str
    atomic: Any
    is_open: bool = True

    def close(self) -> None:
        from django.db import transaction

        if not self.is_open:
            return
        self.is_open = False
        transaction.set_rollback(True)
        self.atomic.__exit__(None, None, None)


@dataclass
class _State:
    current: _Block | None = None
    builds: dict[tuple[str, str], int] = field(default_factory=dict)  # (module, name): count


STATE = _State()


def _close_current() -> None:
    if STATE.current is not None:
        STATE.current.close()
        STATE.current = None


class Build:
    """What a builder may use: the suite's article helpers, outside any test."""

    def __init__(self) -> None:
        self._index = None

    @property
    def index(self):
        """The blog index (the ``article_index`` fixture's page)."""
        if self._index is None:
            from tests.conftest import blog_index

            self._index = blog_index()
        return self._index

    def article(self, lang: str = "de", **kwargs):
        """As the ``make_article`` fixture."""
        from tests.conftest import build_article

        return build_article(self.index, lang, **kwargs)


def fresh(value: Any) -> Any:
    """``value`` with each model instance in it read again from the database."""
    from django.db.models import Model

    if isinstance(value, Model):
        return type(value)._default_manager.get(pk=value.pk)
    if isinstance(value, dict):
        return {key: fresh(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(fresh(item) for item in value)
    return value


def shared_data(
    builder: Callable[..., Any] | None = None,
    *,
    settings: dict | None = None,
    params: list | None = None,
):
    """Make ``builder`` a fixture of its module whose data is built once (see above).

    ``settings``: overrides in force while the data is built (a test needing them too sets
    them itself, as before). ``params``: a parametrized fixture, ``builder(build, param)``;
    pytest runs each parameter's tests together, so each parameter's data is built once."""

    def decorate(builder: Callable[..., Any]):
        name = builder.__name__
        block_name = PREFIX + name

        @pytest.fixture(scope="module", name=block_name, params=params)
        def block(request, django_db_setup, django_db_blocker):
            from django.db import transaction
            from django.test import override_settings

            with django_db_blocker.unblock():
                _close_current()
                atomic = transaction.atomic()
                atomic.__enter__()
                opened = _Block(block_name, atomic)
                STATE.current = opened
                try:
                    with override_settings(**(settings or {})):
                        arguments = (request.param,) if params is not None else ()
                        value = builder(Build(), *arguments)
                except BaseException:
                    _close_current()
                    raise
                key = (request.module.__name__, name)
                STATE.builds[key] = STATE.builds.get(key, 0) + 1
            yield opened, value
            with django_db_blocker.unblock():
                opened.close()
                if STATE.current is opened:
                    STATE.current = None

        def data(request, db, **blocks):
            opened, value = blocks[block_name]
            if _transactional(request.node):
                pytest.fail("a transactional test cannot run inside shared data's transaction")
            if not opened.is_open or STATE.current is not opened:
                pytest.fail(
                    f"the shared data {name!r} was rolled back before this test: its tests "
                    "must run one after another (tests/shared_data.py)"
                )
            return fresh(value)

        data.__name__ = name
        data.__doc__ = builder.__doc__
        data.__signature__ = inspect.Signature(
            [
                inspect.Parameter(argument, inspect.Parameter.POSITIONAL_OR_KEYWORD)
                for argument in ("request", "db", block_name)
            ]
        )
        # pytest finds a module's fixtures among its attributes: the module-scoped half is
        # put beside the decorated name.
        sys._getframe(2 if builder_given else 1).f_globals[block_name] = block
        return pytest.fixture(name=name)(data)

    builder_given = builder is not None
    return decorate(builder) if builder_given else decorate


def _transactional(item: pytest.Item) -> bool:
    marker = item.get_closest_marker("django_db")
    names = getattr(item, "fixturenames", ())
    return bool(
        (marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")))
        or "transactional_db" in names
        or "live_server" in names
    )


def _shared_names(item: pytest.Item) -> list[str]:
    return [name for name in getattr(item, "fixturenames", ()) if name.startswith(PREFIX)]


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Within each run of one module's tests of one kind (pytest-django has put transactional
    tests last), the tests of each shared data set one after another, the others first."""
    runs: list[list[pytest.Item]] = []
    for item in items:
        key = (item.nodeid.split("::")[0], _transactional(item))
        if runs and (runs[-1][0].nodeid.split("::")[0], _transactional(runs[-1][0])) == key:
            runs[-1].append(item)
        else:
            runs.append([item])
    ordered = []
    for run in runs:
        groups: dict[str, int] = {}
        for item in run:
            for name in _shared_names(item):
                groups.setdefault(name, len(groups) + 1)
        ordered.extend(
            sorted(run, key=lambda item: min((groups[n] for n in _shared_names(item)), default=0))
        )
    items[:] = ordered


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    """Roll back the open shared data before a test that did not ask for it."""
    current = STATE.current
    if current is None or current.fixture_name in getattr(item, "fixturenames", ()):
        return
    from pytest_django.plugin import blocking_manager_key

    with item.config.stash[blocking_manager_key].unblock():
        _close_current()
