"""``npm ci`` for the suite's Node.js folders (clients/typescript, examples/frontend): once per
package-lock.json, and one process at a time, since the suite runs in several pytest-xdist
workers that may need the same folder at once."""

from __future__ import annotations

import fcntl
import functools
import hashlib
import re
import shutil
import subprocess
from pathlib import Path

NPM_TIMEOUT = 180
# Offline, npm fails within seconds rather than after its default minutes per request.
NPM_CI = ["npm", "ci", "--no-audit", "--no-fund", "--fetch-timeout=20000", "--fetch-retries=1"]
STAMP_NAME = ".installed-from-lock"


def node_version() -> tuple[int, ...] | None:
    """Node.js's (major, minor), None where node or npm is missing."""
    if shutil.which("node") is None or shutil.which("npm") is None:
        return None
    out = subprocess.run(["node", "--version"], capture_output=True, text=True, check=False)
    return tuple(int(part) for part in re.findall(r"\d+", out.stdout)[:2]) or None


@functools.cache
def why_not_installed(folder: Path, *, node_minimum: tuple[int, int] = (20, 0)) -> str | None:
    """None when ``folder``'s node_modules matches its package-lock.json (running ``npm ci``
    first where it does not); else why not. Tried once per process and folder."""
    version = node_version()
    if version is None:
        return "Node.js/npm not installed"
    if version < node_minimum:
        return f"Node.js {'.'.join(map(str, node_minimum))}+ needed, found {version}"
    lock = hashlib.sha256((folder / "package-lock.json").read_bytes()).hexdigest()
    stamp = folder / "node_modules" / STAMP_NAME
    with open(folder / "package-lock.json", "rb") as guard:
        fcntl.flock(guard, fcntl.LOCK_EX)  # another worker's npm ci finishes first
        if stamp.exists() and stamp.read_text() == lock:
            return None
        try:
            installed = subprocess.run(
                NPM_CI,
                cwd=folder,
                capture_output=True,
                text=True,
                timeout=NPM_TIMEOUT,
                check=False,
            )
        except subprocess.TimeoutExpired:
            return f"npm ci in {folder.name} took over {NPM_TIMEOUT} s (registry reachable?)"
        if installed.returncode != 0:
            errors = [
                line for line in installed.stderr.splitlines() if line.startswith("npm error")
            ]
            return f"npm ci in {folder.name} failed (registry reachable?): " + " / ".join(
                errors[:2]
            )
        stamp.write_text(lock)
    return None
