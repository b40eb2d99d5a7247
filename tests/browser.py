"""Headless Chromium for browser tests (Selenium), shared by every test that drives one.

Needs Debian's ``chromium`` and ``chromium-driver`` (``.ci/run`` installs them); the fixture
skips with the reason when they are missing. ``tests/conftest.py`` offers it to every test.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
WAIT_SECONDS = 60


def chromedriver_path() -> str | None:
    return shutil.which("chromedriver") or (
        "/usr/bin/chromedriver" if Path("/usr/bin/chromedriver").exists() else None
    )


@pytest.fixture
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"Chromium not found at {CHROMIUM} (apt-get install chromium chromium-driver)")
    driver_path = chromedriver_path()
    if driver_path is None:
        pytest.skip("chromedriver not found (apt-get install chromium-driver)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    profile = tempfile.mkdtemp(prefix="seo-browser-test-")
    for argument in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1440,3600",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    driver.set_page_load_timeout(WAIT_SECONDS)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)
