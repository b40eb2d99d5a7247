"""The signature-verification snippets in docs/api.md verify what the CMS signs (and reject
what it did not): run as written, Python here and JavaScript under Node."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from articles.delivery.signing import signature_header

DOCS = Path(__file__).resolve().parents[3] / "docs" / "api.md"
SECRET = "whsec_docs-example"
BODY = json.dumps({"event": "article.published", "slugs": {"de": "größe"}}).encode()


def snippet(marker: str) -> str:
    match = re.search(rf"<!-- {marker} -->\n```\w+\n(.*?)```", DOCS.read_text(), re.S)
    assert match, f"no {marker} snippet in {DOCS}"
    return match.group(1)


def cases() -> list[tuple[str, bytes, bool]]:
    now = int(time.time())
    good = signature_header(BODY, secret=SECRET, timestamp=now)
    return [
        (good, BODY, True),
        (f"{good},v1={'0' * 64}", BODY, True),  # another v1 (secret rotation) may sit beside it
        (good, BODY.replace(b"article", b"articlE"), False),
        (signature_header(BODY, secret="another", timestamp=now), BODY, False),
        (signature_header(BODY, secret=SECRET, timestamp=now - 3600), BODY, False),
        ("garbage", BODY, False),
        (good.replace("t=", "x="), BODY, False),
    ]


def test_the_python_snippet_verifies_the_cms_signature():
    namespace: dict = {}
    exec(snippet("verify-python"), namespace)  # the documented code, as written
    verify = namespace["verify_cms_signature"]

    for header, body, expected in cases():
        assert verify(header, body, SECRET) is expected, header


def test_the_javascript_snippet_verifies_the_cms_signature(tmp_path):
    node = shutil.which("node")
    if node is None:
        pytest.skip("Node.js is not installed: the JavaScript snippet cannot be run")
    script = tmp_path / "verify.js"
    script.write_text(
        snippet("verify-js")
        + """
const cases = JSON.parse(require("node:fs").readFileSync(0, "utf8"));
console.log(JSON.stringify(cases.map(([header, body, secret]) =>
  verifyCmsSignature(header, Buffer.from(body, "base64"), secret))));
"""
    )
    import base64

    given = [
        [header, base64.b64encode(body).decode(), SECRET] for header, body, _expected in cases()
    ]

    result = subprocess.run(
        [node, str(script)], input=json.dumps(given), capture_output=True, text=True, check=True
    )

    assert json.loads(result.stdout) == [expected for _h, _b, expected in cases()]
