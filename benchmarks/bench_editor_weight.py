"""Benchmark of the page editor's weight: HTML size and server time of an article's edit view.

Builds a throw-away SQLite database (or uses --database-url), imports the seed article
(../shared/seeds, else our balcony composting fixture) in German, then opens its edit view
through Django's test client as an editor: once with one language filled, then with the same
texts in all four languages (the worst case the issue measured). The first open of a process
includes compiling the admin's templates; later opens are the median of --repeat runs.

With --browser it also opens the fully translated article in headless Chromium (Debian's
chromium and chromedriver) from a live server on --port, as an editor whose language picker
shows German only (rich text editors of the other languages wait until shown) and as one who
shows all four (every editor starts, as every selection did before lazy editors), interleaved,
--browser-repeat times each. Per open it reads Chromium's navigation timing and its long tasks
(main-thread work over 50 ms): "ready" is when the last long task ended (the editor answers
input from then on, Lighthouse's time-to-interactive idea), "blocking" the sum of the long
tasks' time over 50 ms (Lighthouse's total blocking time).

Prints figures; nothing asserts.

    .venv/bin/python benchmarks/bench_editor_weight.py
    .venv/bin/python benchmarks/bench_editor_weight.py --browser --port 8890
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))
SEED = REPO_ROOT.parent / "shared" / "seeds" / "000_f0fe1d16a1469c78.txt"
FALLBACK = REPO_ROOT / "tests" / "fixtures" / "articles" / "valid" / "de_balkon_kompost.txt"


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement")
    parser.add_argument("--database-url", help="use this (empty) database instead of SQLite")
    parser.add_argument("--browser", action="store_true", help="also measure in Chromium")
    parser.add_argument("--browser-repeat", type=int, default=5, help="opens per selection")
    parser.add_argument("--port", type=int, default=8890, help="the live server's port")
    return parser.parse_args()


# Installed before the page's own scripts: records every long task of the page.
LONG_TASK_RECORDER = """
window.__longTasks = [];
new PerformanceObserver((list) => {
  list.getEntries().forEach((entry) => {
    window.__longTasks.push([entry.startTime, entry.duration]);
  });
}).observe({ type: 'longtask', buffered: true });
"""

READ_TIMING = """
const nav = performance.getEntriesByType('navigation')[0];
const tasks = window.__longTasks || [];
const lastEnd = tasks.reduce((end, [start, duration]) => Math.max(end, start + duration), 0);
return {
  domContentLoaded: nav.domContentLoadedEventEnd,
  load: nav.loadEventEnd,
  ready: Math.max(lastEnd, nav.domContentLoadedEventEnd),
  blocking: tasks.reduce((sum, [, duration]) => sum + Math.max(0, duration - 50), 0),
  editors: document.querySelectorAll('.Draftail-Editor').length,
};
"""


def start_live_server(port: int):
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.test.testcases import LiveServerThread

    server = LiveServerThread("127.0.0.1", StaticFilesHandler, port=port)
    server.daemon = True
    server.start()
    server.is_ready.wait()
    if server.error:
        raise server.error
    return server


def open_chromium():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless", "--no-sandbox", "--disable-gpu", "--window-size=1440,1800"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": LONG_TASK_RECORDER})
    return driver


def measure_in_browser(client, user, url: str, port: int, repeat: int) -> None:
    import json

    from django.conf import settings

    base = f"http://127.0.0.1:{port}"
    server = start_live_server(port)
    driver = open_chromium()
    try:
        driver.get(f"{base}/admin/login/")
        session = client.cookies[settings.SESSION_COOKIE_NAME].value
        driver.add_cookie({"name": settings.SESSION_COOKIE_NAME, "value": session, "path": "/"})
        storage_key = f"cms.languagePicker.user.{user.pk}"
        selections = {"German only": ["de"], "all four shown": ["de", "en", "nl", "fr"]}
        results: dict[str, list[dict]] = {name: [] for name in selections}
        driver.get(f"{base}{url}")  # warm-up: templates compiled, static files cached
        for _ in range(repeat):
            for name, languages in selections.items():
                driver.execute_script(
                    "localStorage.setItem(arguments[0], arguments[1]);",
                    storage_key,
                    json.dumps(languages),
                )
                driver.get(f"{base}{url}")
                time.sleep(2)  # let the editors start and the last long tasks finish
                results[name].append(driver.execute_script(READ_TIMING))
        for name, runs in results.items():

            def median(key: str, runs: list[dict] = runs) -> float:
                return statistics.median(run[key] for run in runs)

            print(
                f"Chromium, {name:14}: DOMContentLoaded {median('domContentLoaded'):6.0f} ms, "
                f"load {median('load'):6.0f} ms, ready {median('ready'):6.0f} ms, "
                f"blocking {median('blocking'):6.0f} ms, "
                f"{median('editors'):.0f} rich text editors started (median of {repeat})"
            )
    finally:
        driver.quit()
        server.terminate()


def setup_django(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", "--noinput", verbosity=0)


def measure(client, url: str, repeat: int) -> tuple[float, list[float], int]:
    start = time.perf_counter()
    response = client.get(url)
    first = time.perf_counter() - start
    assert response.status_code == 200, response.status_code
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        response = client.get(url)
        times.append(time.perf_counter() - start)
    return first, times, len(response.content)


def main() -> None:
    args = parse_args()
    with tempfile.TemporaryDirectory() as folder:
        setup_django(args.database_url or f"sqlite:///{Path(folder) / 'bench.sqlite3'}")
        from django.test import Client

        from articles.importing import ImportOptions, import_article
        from articles.services import article_index_get_or_create, article_update_language
        from articles.textconvert import parsed_to_content
        from articles.textformat.parser import parse_file
        from tests.factories import make_editor

        source = SEED if SEED.is_file() else FALLBACK
        text = source.read_text(encoding="utf-8")
        index, _created = article_index_get_or_create(slug="blog", titles={"de": "Ratgeber"})
        report = import_article(
            text, source=source.name, options=ImportOptions(parent=index, publish=True)
        )
        from articles.models import ArticlePage

        page = ArticlePage.objects.get(pk=report.page_id)
        client = Client()
        editor = make_editor("bench-editor")
        client.force_login(editor)
        url = f"/admin/pages/{page.pk}/edit/"
        print(f"source: {source.name}, sections {page.sections.count()}, FAQs {page.faqs.count()}")
        first, times, size = measure(client, url, args.repeat)
        print(
            f"1 language : {size / 1024:7.0f} KB, first open {first * 1000:6.0f} ms, "
            f"then median {statistics.median(times) * 1000:6.0f} ms"
        )
        parsed = parse_file(source, language="de").article
        for lang in ("en", "nl", "fr"):
            content = parsed_to_content(parsed, slug=f"{page.slug_de}-{lang}")
            page = article_update_language(page=page, lang=lang, content=content, publish=False)
        first, times, size = measure(client, url, args.repeat)
        print(
            f"4 languages: {size / 1024:7.0f} KB, first open {first * 1000:6.0f} ms, "
            f"then median {statistics.median(times) * 1000:6.0f} ms"
        )
        if args.browser:
            measure_in_browser(client, editor, url, args.port, args.browser_repeat)


if __name__ == "__main__":
    main()
