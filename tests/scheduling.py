"""How pytest-xdist hands tests to its workers (``make test``): small chunks that end where a
test module ends.

A pytest plugin of the suite (``pytest_plugins`` in tests/conftest.py), used by the process
that hands out the tests. xdist's default ("load") scheduling keeps pytest-django's order on
each worker: database tests, then the transactional ones (which empty the database; browser
tests, forked audit workers), then tests without a database. Two of its habits cost minutes:

- it sends a quarter of what is left at a time, so the slow transactional tests went to one
  worker in one chunk while the other sat idle for two minutes. ``--maxschedchunk`` (4 in
  ``make test``) caps the chunks;
- a cap cuts modules in pieces that run on different workers, and each worker then builds the
  module's ``@shared_data`` (tests/shared_data.py) again. So a chunk is extended to the end of
  the module its last test is in.

The order within each worker stays pytest-django's: chunks are taken from the front of the
pending list, as before (``--dist worksteal`` would not keep it).
"""

from __future__ import annotations

import pytest


def module_of(nodeid: str) -> str:
    return nodeid.split("::", 1)[0]


@pytest.hookimpl(tryfirst=True, optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    if config.getoption("dist") != "load":
        return None
    from xdist.scheduler import LoadScheduling

    class ModuleChunks(LoadScheduling):
        def _send_tests(self, node, num: int) -> None:
            if self.pending and num:
                num = min(num, len(self.pending))
                last_module = module_of(self.collection[self.pending[num - 1]])
                while num < len(self.pending) and (
                    module_of(self.collection[self.pending[num]]) == last_module
                ):
                    num += 1
            super()._send_tests(node, num)

    return ModuleChunks(config, log)
