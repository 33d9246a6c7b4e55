"""Shared helpers of the real-browser tests (headless Debian Chromium driven by Playwright).

Not a test module. ``chromium()`` gives a launched browser or ends the test: it FAILS
with a clear message when ``MEDIAKIT_REQUIRE_BROWSER=1`` (CI sets it) and Chromium or
Playwright is missing; otherwise it skips with the one allowed reason.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
SKIP_REASON = "headless Chromium not installed: apt-get install chromium"
#: Chromium's flags: no sandbox (root in CI), and none of its background traffic (no network here).
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic", "--disable-dev-shm-usage"]
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
#: Every wait in the browser tests is bounded (milliseconds).
TIMEOUT_MS = 30_000


def require_browser() -> None:
    """Fail (CI) or skip (elsewhere) unless Chromium and Playwright are both installed."""
    missing = []
    if not CHROMIUM.exists():
        missing.append(f"{CHROMIUM} (apt-get install chromium)")
    if importlib.util.find_spec("playwright") is None:
        missing.append("the playwright Python package (pip install playwright; never `playwright install`)")
    if not missing:
        return
    if os.environ.get("MEDIAKIT_REQUIRE_BROWSER") == "1":
        pytest.fail("MEDIAKIT_REQUIRE_BROWSER=1 but the browser test cannot run: missing " + " and ".join(missing))
    pytest.skip(SKIP_REASON)


@contextlib.contextmanager
def chromium():
    """A launched headless Chromium (Playwright's sync API), closed afterwards."""
    require_browser()
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True, timeout=TIMEOUT_MS)
        try:
            yield browser
        finally:
            browser.close()


def screenshot(page, name: str) -> Path:
    """Save a full-page screenshot as tests/screenshots/<name>.png and return its path."""
    SCREENSHOTS.mkdir(exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True, timeout=TIMEOUT_MS)
    return path
