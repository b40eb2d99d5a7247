"""The served OpenAPI schema and the API agree, both ways: schemathesis generates valid and
invalid requests for every operation of /api/schema/ and runs every check it has (no server
error, status codes, content types, headers and bodies as documented, schema-valid requests
accepted, schema-invalid ones rejected, 405 + Allow for undocumented methods, ...).

Requests go through ``cms.wsgi.application`` (the fast path included) against a database holding
the seed article (where ../shared/seeds exists), a Unicode-slug article, and a private, an
expired and a draft article. Bounded by ``MAX_EXAMPLES`` per operation and mode: a few minutes.

schemathesis' own pytest plugin does not run under pytest 9 yet (it reads a private attribute
pytest renamed), so the cases come from its Python API and run under Hypothesis here.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import CHECKS, load_all_checks

from tests.wsgi_client import keep_test_transaction_open, production_app

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

MAX_EXAMPLES = 50


def every_check() -> list:
    load_all_checks()
    return CHECKS.get_all()


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_the_api_does_what_its_schema_says(public_site, mode):
    failures = {}
    with keep_test_transaction_open():  # loading the schema is a request too
        schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", production_app())
        operations = [result.ok() for result in schema.get_all_operations()]
        assert len(operations) >= 6
        _run_every_operation(operations, mode, every_check(), failures)
    assert not failures, "\n\n".join(f"{label}:\n{error}" for label, error in failures.items())


def _checks_for(case, mode, checks) -> list:
    """Every check, except that a generated non-empty ``cursor`` may be refused: cursors are
    issued by the server (opaque tokens), which no schema can describe, and a malformed one is
    a documented 400."""
    cursor = (case.query or {}).get("cursor", "")
    if mode == GenerationMode.POSITIVE and isinstance(cursor, str) and cursor.strip():
        return [check for check in checks if check.__name__ != "positive_data_acceptance"]
    return checks


def _run_every_operation(operations, mode, checks, failures) -> None:
    for operation in operations:

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(
            max_examples=MAX_EXAMPLES,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def run(case):
            case.call_and_validate(checks=_checks_for(case, mode, checks))

        try:
            run()
        except Unsatisfiable:
            assert mode == GenerationMode.NEGATIVE  # nothing to get wrong (no parameters)
        except Exception as failure:  # every operation is tried, then all are reported
            failures[operation.label] = failure
