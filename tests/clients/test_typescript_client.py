"""clients/typescript/ stays in step with the API: the committed OpenAPI document and the
types openapi-typescript generates from it are what regenerating gives now, and the usage file
passes ``tsc --strict`` without casts.

Needs Node.js and npm (skipped, saying so, where they are missing); installs the pinned
packages from package-lock.json with ``npm ci`` on first use (skipped if that fails, e.g.
offline). About 10 seconds once installed. To update after an API change:
``make typescript-client``.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.npm import why_not_installed

CLIENT = Path(__file__).resolve().parents[2] / "clients" / "typescript"
TIMEOUT = 180

pytestmark = pytest.mark.django_db


def _node_tools() -> Path:
    reason = why_not_installed(CLIENT)
    if reason:
        pytest.skip(f"TypeScript client check: {reason}")
    return CLIENT / "node_modules" / ".bin"


def test_regenerating_the_typescript_client_changes_nothing(tmp_path):
    bin_dir = _node_tools()
    schema_file = tmp_path / "openapi.json"
    call_command("spectacular", "--format", "openapi-json", "--file", str(schema_file))
    committed = json.loads((CLIENT / "openapi.json").read_text())
    assert json.loads(schema_file.read_text()) == committed, (
        "clients/typescript/openapi.json is stale: run `make typescript-client`"
    )
    types_file = tmp_path / "schema.d.ts"
    subprocess.run(
        [str(bin_dir / "openapi-typescript"), str(schema_file), "--output", str(types_file)],
        cwd=CLIENT,
        capture_output=True,
        timeout=TIMEOUT,
        check=True,
    )
    assert types_file.read_text() == (CLIENT / "src" / "schema.d.ts").read_text(), (
        "clients/typescript/src/schema.d.ts is stale: run `make typescript-client`"
    )


def test_the_usage_file_passes_tsc_strict():
    bin_dir = _node_tools()
    checked = subprocess.run(
        [str(bin_dir / "tsc"), "--strict", "--noEmit", "-p", "tsconfig.json"],
        cwd=CLIENT,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    code = re.sub(r"/\*.*?\*/|//[^\n]*", "", (CLIENT / "src" / "usage.ts").read_text(), flags=re.S)
    assert not re.search(r"\bas\s+(?:unknown|any|const|[A-Za-z_{(\[])", code), "a cast"
    assert "<any>" not in code and ": any" not in code
