"""Shared set-up of the browser tests: headless Chromium, logging in, waiting, screenshots.

A pytest plugin of the suite (``pytest_plugins`` in tests/conftest.py): its fixtures are there
for every test module; the helpers are imported (``from tests.browser import log_in``).
Needs Debian's ``chromium`` and ``chromium-driver`` (``.ci/run`` installs them); tests are
skipped with the reason where they are missing. Browser tests need committed data (the live
server runs in another thread): mark them with ``BROWSER_TEST_MARKS``.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from django.conf import settings

CHROMIUM = Path("/usr/bin/chromium")
PASSWORD = "secret-password"
WAIT_SECONDS = 60
SCREENSHOTS = Path(settings.BASE_DIR) / "var" / "screenshots"
DOCS = Path(settings.BASE_DIR) / "docs"

BROWSER_TEST_MARKS = [
    pytest.mark.browser,
    # The live server runs in another thread, so the data must be committed; the serialized
    # rollback restores Wagtail's root page and groups for the tests that run after this one.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


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
    profile = tempfile.mkdtemp(prefix="cms-browser-test-")
    for argument in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1440,1800",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    driver.set_page_load_timeout(WAIT_SECONDS)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def wait(driver):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, WAIT_SECONDS)


def log_in(driver, live_server, user) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec

    driver.get(f"{live_server.url}/admin/login/")
    driver.find_element(By.NAME, "username").send_keys(user.username)
    driver.find_element(By.NAME, "password").send_keys(PASSWORD)
    driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    wait(driver).until(ec.presence_of_element_located((By.CSS_SELECTOR, ".w-dashboard")))


def screenshot(driver, name: str, *, docs: bool = False) -> Path:
    """Save a PNG under var/screenshots (git-ignored); the editors' guide's pictures in docs/
    are only rewritten on request (``CMS_UPDATE_DOCS_SCREENSHOTS=1``), so a test run leaves the
    work tree clean."""
    to_docs = docs and os.environ.get("CMS_UPDATE_DOCS_SCREENSHOTS") == "1"
    path = (DOCS if to_docs else SCREENSHOTS) / f"{name}.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    assert driver.save_screenshot(str(path))
    return path


def editor_speaking(language: str, username: str = "browser-editor"):
    """An editor (Wagtail's Editors group) whose admin language is ``language``."""
    from wagtail.users.models import UserProfile

    from tests.factories import make_editor

    user = make_editor(username)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


@pytest.fixture
def english_speaking_editor():
    return editor_speaking("en")


@pytest.fixture
def german_speaking_editor():
    return editor_speaking("de", "redakteurin")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """A failing browser test leaves what the browser showed: a screenshot and the page's HTML
    under var/screenshots/failures/, named after the test."""
    report = yield
    driver = getattr(item, "funcargs", {}).get("browser")
    if report.failed and call.when == "call" and driver is not None:
        folder = SCREENSHOTS / "failures"
        folder.mkdir(parents=True, exist_ok=True)
        name = item.nodeid.replace("/", "_").replace("::", "__")
        try:
            driver.save_screenshot(str(folder / f"{name}.png"))
            (folder / f"{name}.html").write_text(driver.page_source, encoding="utf-8")
            report.sections.append(("browser", f"screenshot and HTML in {folder}/{name}.*"))
        except Exception as error:  # the browser may be what failed
            report.sections.append(("browser", f"no screenshot: {error}"))
    return report
