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
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--disable-dev-shm-usage",
]
#: Where screenshots go (git-ignored; CI keeps the folder as an artefact): $MEDIAKIT_SCREENSHOTS or tests/screenshots.
SCREENSHOTS = Path(os.environ.get("MEDIAKIT_SCREENSHOTS") or Path(__file__).resolve().parent / "screenshots")
#: The WCAG 2.1 AA rule tags axe-core runs.
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
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


def axe_source() -> str:
    """axe-core's script, from the axe-playwright-python package (shipped in it: no network at run time)."""
    spec = importlib.util.find_spec("axe_playwright_python")
    if spec is None or not spec.origin:
        if os.environ.get("MEDIAKIT_REQUIRE_BROWSER") == "1":
            pytest.fail(
                "MEDIAKIT_REQUIRE_BROWSER=1 but axe-core is missing: pip install -e '.[test]' "
                "(the axe-playwright-python package ships axe.min.js)"
            )
        pytest.skip("axe-core not installed: pip install axe-playwright-python")
    return (Path(spec.origin).parent / "axe.min.js").read_text(encoding="utf-8")


def axe_violations(page, context: str | None = None, exclude: list[str] | None = None) -> list[dict]:
    """Run axe-core (WCAG 2.1 AA rules) on the page, or on the elements ``context`` selects; return violations.

    Each violation is ``{"id", "impact", "help", "nodes": [html of each node]}``.
    """
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=axe_source())
    ctx = {"include": [[context]] if context else [["html"]], "exclude": [[x] for x in (exclude or [])]}
    result = page.evaluate(
        """async ([ctx, tags]) => {
        const r = await axe.run(ctx, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
        return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                       nodes: v.nodes.map(n => n.html.slice(0, 200) + ' | ' + (n.failureSummary || '').slice(0, 300))}));
    }""",
        [ctx, WCAG_AA],
    )
    return result


def screenshot(page, name: str, full_page: bool = True) -> Path:
    """Save a screenshot as <SCREENSHOTS>/<name>.png and return its path."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page, timeout=TIMEOUT_MS)
    return path
