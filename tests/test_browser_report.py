"""The standalone HTML report in a real browser: highlights, legend, layer switches, and no script runs.

The page is made the two ways a teacher makes it: ``mediakit analyze --format html
-o page.html`` and ``markup.to_html(standalone=True)``, from the seed article with
hostile lines added (a ``<script>``, an ``<img onerror>``, an inline ``onclick``).
It is opened from disk in headless Chromium with every network request blocked.
Screenshots go to ``tests/screenshots/``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from browserkit import TIMEOUT_MS, chromium, screenshot

pytestmark = pytest.mark.browser

HOSTILE = ("\n\nThe dictator's spokesman said: “We will win.” "
           "<script>window.__pwned = 1; alert('script ran')</script> "
           "<img src=x onerror=\"window.__pwned = 2; alert('img ran')\"> "
           "<b onclick=\"window.__pwned = 3\">bold?</b> "
           "Analysts say the daring move was a blunder.\n")


def _article(tmp_path: Path) -> Path:
    import mediakit
    seed = mediakit.load_article().text
    path = tmp_path / "hostile_article.txt"
    path.write_text(seed + HOSTILE, encoding="utf-8")
    return path


def _page_by_cli(article: Path, out: Path) -> Path:
    run = subprocess.run([sys.executable, "-m", "mediakit.cli", "analyze", str(article), "--format", "html",
                          "-o", str(out)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    return out


def _page_by_api(article: Path, out: Path) -> Path:
    import mediakit
    out.write_text(mediakit.load_article(article).markup().to_html(standalone=True), encoding="utf-8")
    return out


MAKERS = {"cli": _page_by_cli, "api": _page_by_api}


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


def _open(browser, path: Path):
    """Open a page from disk with all network blocked; return (page, dialogs, requests)."""
    context = browser.new_context(viewport={"width": 1100, "height": 900}, java_script_enabled=True)
    context.set_default_timeout(TIMEOUT_MS)
    requests, dialogs = [], []
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
                  else (requests.append(route.request.url), route.abort()))
    page = context.new_page()
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(path.as_uri(), wait_until="load")
    return page, dialogs, requests


def _style(page, selector: str) -> dict:
    return page.eval_on_selector(selector, """el => { const s = getComputedStyle(el);
        return {bg: s.backgroundColor, deco: s.textDecorationLine, border: s.borderBottomStyle + ' ' + s.borderBottomColor}; }""")


NO_STYLE_BG = "rgba(0, 0, 0, 0)"


@pytest.mark.parametrize("maker", sorted(MAKERS))
def test_hostile_article_runs_no_script(browser, tmp_path, maker):
    """Does an article holding <script>, <img onerror> and onclick show them as text and run none of them?"""
    page_file = MAKERS[maker](_article(tmp_path), tmp_path / f"report_{maker}.html")
    page, dialogs, requests = _open(browser, page_file)
    try:
        assert page.evaluate("typeof window.__pwned") == "undefined"
        page.click("text=bold?", timeout=TIMEOUT_MS)         # the would-be onclick
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert dialogs == []
        assert requests == []                                 # no <img src=x> fetched, no fonts, no CDN
        assert page.locator("script").count() == 0
        assert page.locator("img").count() == 0
        text = page.inner_text(".mk-text")
        assert "<script>window.__pwned = 1; alert('script ran')</script>" in text
        assert "<img src=x onerror=" in text
        screenshot(page, f"report_hostile_{maker}")
    finally:
        page.context.close()


@pytest.mark.parametrize("maker", sorted(MAKERS))
def test_highlights_and_legend_are_visible(browser, tmp_path, maker):
    """Are the highlights drawn (a background or an underline) and the legend shown, one entry per layer?"""
    page_file = MAKERS[maker](_article(tmp_path), tmp_path / f"report_{maker}.html")
    page, _, _ = _open(browser, page_file)
    try:
        marks = page.locator(".mk-text mark.mk-hl")
        assert marks.count() > 20
        assert marks.first.is_visible()
        loaded = page.locator(".mk-text mark.mk-l-loaded").first
        assert loaded.is_visible()
        style = _style(page, ".mk-text mark.mk-l-loaded")
        assert style["bg"] != NO_STYLE_BG or style["deco"] != "none"
        legend = page.locator("dl.mk-legend")
        assert legend.is_visible()
        import mediakit
        for layer in mediakit.LAYERS:
            assert page.locator(f"label.mk-k-{layer}").is_visible(), layer
        screenshot(page, f"report_{maker}")
    finally:
        page.context.close()


@pytest.mark.parametrize("layer, other", [("loaded", "quote"), ("quote", "source"), ("source", "loaded")])
def test_unticking_a_layer_removes_only_its_highlights(browser, tmp_path, layer, other):
    """Does unticking a layer's switch take the style off that layer's highlights, leave another layer's, and ticking bring it back?"""
    page_file = _page_by_cli(_article(tmp_path), tmp_path / "report.html")
    page, _, _ = _open(browser, page_file)
    try:
        mark, other_mark = f".mk-text mark.mk-l-{layer}", f".mk-text mark.mk-l-{other}"
        assert page.locator(mark).count() > 0 and page.locator(other_mark).count() > 0
        before, other_before = _style(page, mark), _style(page, other_mark)
        assert before["bg"] != NO_STYLE_BG
        toggle = page.locator(f"input.mk-t-{layer}")
        assert toggle.is_checked()
        page.click(f"label.mk-k-{layer}")                    # the student clicks the switch
        assert not toggle.is_checked()
        after = _style(page, mark)
        assert after["bg"] == NO_STYLE_BG
        assert after["deco"] == "none"
        assert _style(page, other_mark) == other_before      # the other layer keeps its style
        findings = page.locator(f".mk-findings .mk-f-{layer}")
        if findings.count():
            assert not findings.first.is_visible()
        screenshot(page, f"report_without_{layer}")
        page.click(f"label.mk-k-{layer}")
        assert toggle.is_checked()
        assert _style(page, mark) == before
    finally:
        page.context.close()
