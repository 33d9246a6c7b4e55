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

HOSTILE = (
    "\n\nThe dictator's spokesman said: “We will win.” "
    "<script>window.__pwned = 1; alert('script ran')</script> "
    "<img src=x onerror=\"window.__pwned = 2; alert('img ran')\"> "
    '<b onclick="window.__pwned = 3">bold?</b> '
    "Analysts say the daring move was a blunder.\n"
)


def _article(tmp_path: Path) -> Path:
    import mediakit

    seed = mediakit.load_article().text
    path = tmp_path / "hostile_article.txt"
    path.write_text(seed + HOSTILE, encoding="utf-8")
    return path


def _page_by_cli(article: Path, out: Path) -> Path:
    run = subprocess.run(
        [sys.executable, "-m", "mediakit.cli", "analyze", str(article), "--format", "html", "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
    )
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


def _open(browser, path: Path, scheme: str = "light"):
    """Open a page from disk with all network blocked; return (page, dialogs, requests)."""
    context = browser.new_context(
        viewport={"width": 1100, "height": 900}, java_script_enabled=True, color_scheme=scheme
    )
    context.set_default_timeout(TIMEOUT_MS)
    requests, dialogs = [], []
    context.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith("file:")
            else (requests.append(route.request.url), route.abort())
        ),
    )
    page = context.new_page()
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(path.as_uri(), wait_until="load")
    return page, dialogs, requests


def _style(page, selector: str) -> dict:
    return page.eval_on_selector(
        selector,
        """el => { const s = getComputedStyle(el);
        return {bg: s.backgroundColor, deco: s.textDecorationLine, border: s.borderBottomStyle + ' ' + s.borderBottomColor}; }""",
    )


NO_STYLE_BG = "rgba(0, 0, 0, 0)"


@pytest.mark.parametrize("maker", sorted(MAKERS))
def test_hostile_article_runs_no_script(browser, tmp_path, maker):
    """Does an article holding <script>, <img onerror> and onclick show them as text and run none of them?"""
    page_file = MAKERS[maker](_article(tmp_path), tmp_path / f"report_{maker}.html")
    page, dialogs, requests = _open(browser, page_file)
    try:
        assert page.evaluate("typeof window.__pwned") == "undefined"
        page.click("text=bold?", timeout=TIMEOUT_MS)  # the would-be onclick
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert dialogs == []
        assert requests == []  # no <img src=x> fetched, no fonts, no CDN
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
    """Are the chosen layer's highlights drawn (a background or an underline), one switch per layer, and the legend a click away?"""
    page_file = MAKERS[maker](_article(tmp_path), tmp_path / f"report_{maker}.html")
    page, _, _ = _open(browser, page_file)
    try:
        assert page.locator("input.mk-t-loaded").is_checked()  # loaded language is shown first
        loaded = page.locator(".mk-text mark.mk-l-loaded").first
        assert loaded.is_visible()
        style = _style(page, ".mk-text mark.mk-l-loaded")
        assert style["bg"] != NO_STYLE_BG or style["deco"] != "none"
        page.click("details.mk-legend-box > summary")
        assert page.locator("dl.mk-legend").is_visible()
        import mediakit

        for layer in mediakit.LAYERS:
            assert page.locator(f"label.mk-k-{layer}").is_visible(), layer
        screenshot(page, f"report_{maker}")
    finally:
        page.context.close()


@pytest.mark.parametrize("layer, other", [("quote", "loaded"), ("source", "quote"), ("hedge", "loaded")])
def test_choosing_a_layer_shows_it_and_hides_the_others(browser, tmp_path, layer, other):
    """Does choosing a layer draw its highlights and list its findings, take the style off the layer shown before, and "All layers" show both?"""
    page_file = _page_by_cli(_article(tmp_path), tmp_path / "report.html")
    page, _, _ = _open(browser, page_file)
    try:
        mark, other_mark = f".mk-text mark.mk-l-{layer}", f".mk-text mark.mk-l-{other}"
        assert page.locator(mark).count() > 0 and page.locator(other_mark).count() > 0
        page.click(f"label.mk-k-{other}")
        assert _style(page, mark)["bg"] == NO_STYLE_BG and _style(page, mark)["deco"] == "none"
        page.click(f"label.mk-k-{layer}")  # the student chooses the layer
        assert page.locator(f"input.mk-t-{layer}").is_checked()
        assert not page.locator(f"input.mk-t-{other}").is_checked()
        shown, hidden = _style(page, mark), _style(page, other_mark)
        assert shown["bg"] != NO_STYLE_BG or shown["deco"] != "none"
        assert hidden["bg"] == NO_STYLE_BG and hidden["deco"] == "none"
        page.click("details.mk-findings > summary")
        assert page.locator(f".mk-findings .mk-f-{layer}").first.is_visible()
        assert not page.locator(f".mk-findings .mk-f-{other}").first.is_visible()
        screenshot(page, f"report_layer_{layer}", full_page=False)
        page.click("label.mk-k-all")
        assert _style(page, other_mark)["bg"] != NO_STYLE_BG or _style(page, other_mark)["deco"] != "none"
    finally:
        page.context.close()


def _focus_walk(page, limit: int = 400) -> list[dict]:
    """Press Tab from the skip link (the page's first stop) until focus leaves the page or comes back; describe each stop."""
    page.focus("a.mk-skip")
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        info = page.evaluate("""() => { const e = document.activeElement;
            if (!e || e === document.body || e.dataset.walked) return null;
            e.dataset.walked = '1';
            const m = e.closest('mark');
            return {tag: e.tagName.toLowerCase(), cls: e.className || '', layer: m ? (m.className.match(/mk-l-([a-z_]+)/) || [])[1] : null,
                    tip: getComputedStyle(e, '::before').content, pos: getComputedStyle(e, '::before').position}; }""")
        if info is None:
            break
        stops.append(info)
    return stops


@pytest.mark.parametrize("layer", ["loaded", "source", "hedge"])
def test_keyboard_reaches_only_the_chosen_layer(browser, tmp_path, layer):
    """Does Tab stop on the chosen layer's highlights only (one stop each, with its tip in a fixed panel), not on hidden layers?"""
    import mediakit
    from mediakit.views.html import document_level

    page_file = _page_by_api(_article(tmp_path), tmp_path / "report.html")
    page, _, _ = _open(browser, page_file)
    try:
        page.click(f"label.mk-k-{layer}")
        stops = _focus_walk(page)
        tabs = [s for s in stops if "mk-tab" in s["cls"]]
        m = mediakit.load_article(_article(tmp_path)).markup()
        drawn, _ = document_level(m, m.layer(layer))
        assert {s["layer"] for s in tabs} == {layer}
        assert len(tabs) == len({(s.start, s.end) for s in drawn})
        assert len(tabs) < 60  # not a tab stop for every finding of every layer
        assert all(s["tip"] not in ("none", "normal", "") and s["pos"] == "fixed" for s in tabs)
    finally:
        page.context.close()


def test_skip_link_goes_to_the_findings_list(browser, tmp_path):
    """Is the first Tab stop of the page a skip link, and does Enter on it go to the list of findings?"""
    page_file = _page_by_api(_article(tmp_path), tmp_path / "report.html")
    page, _, _ = _open(browser, page_file)
    try:
        page.keyboard.press("Tab")
        first = page.evaluate("document.activeElement.className")
        assert "mk-skip" in first
        page.keyboard.press("Enter")
        assert page.evaluate("location.hash").endswith("-findings")
        top = page.evaluate("document.querySelector('details.mk-findings').getBoundingClientRect().top")
        assert 0 <= top < 900
    finally:
        page.context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("choose", ["loaded", "hedge", "headline", "all"])
def test_axe_finds_no_wcag_aa_violation_in_the_report(browser, tmp_path, scheme, choose):
    """Does axe-core (WCAG 2.1 AA) find no violation on the report, in light and dark mode, whatever layer is shown?"""
    from browserkit import axe_violations

    page_file = _page_by_api(_article(tmp_path), tmp_path / "report.html")
    page, _, _ = _open(browser, page_file, scheme)
    try:
        page.click(f"label.mk-k-{choose}")
        page.click("details.mk-findings > summary")
        page.click("details.mk-legend-box > summary")
        assert axe_violations(page) == []
        if choose in ("headline", "loaded"):
            screenshot(page, f"report_{choose}_{scheme}", full_page=False)
    finally:
        page.context.close()


def test_axe_finds_no_violation_in_a_passage(browser, tmp_path):
    """Is a passage view (a lesson's paragraphs, the whole article in a <details>) free of WCAG AA violations, open and closed?"""
    from browserkit import axe_violations

    import mediakit
    from mediakit.views.html import render

    out = tmp_path / "passage.html"
    out.write_text(render(mediakit.load_article().markup(), standalone=True, paragraphs=[3, 4]), encoding="utf-8")
    page, _, _ = _open(browser, out)
    try:
        assert axe_violations(page) == []
        page.click("details.mk-whole > summary")
        assert page.locator("details.mk-whole .mk-text").is_visible()
        assert axe_violations(page) == []
        screenshot(page, "passage_p3_4", full_page=False)
    finally:
        page.context.close()


def _lesson_html(tmp_path: Path) -> Path:
    """Lesson 4 (loaded language) run afresh with nbclient and exported to HTML by nbconvert (lab template)."""
    import os

    import nbclient
    import nbformat
    from nbconvert import HTMLExporter

    root = Path(__file__).resolve().parent.parent
    lesson = sorted((root / "notebooks").glob("04_*.ipynb"))
    if not lesson:
        pytest.fail("no lesson notebooks/04_*.ipynb to render")
    # nbconvert's templates: the environment's own, and the base interpreter's (a venv made with --system-site-packages)
    extra = str(Path(sys.base_prefix) / "share" / "jupyter")
    os.environ["JUPYTER_PATH"] = os.pathsep.join(x for x in (os.environ.get("JUPYTER_PATH"), extra) if x)
    nb = nbformat.read(lesson[0], as_version=4)
    nbclient.NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(lesson[0].parent)}}
    ).execute()
    body, _ = HTMLExporter(template_name="lab").from_notebook_node(nb)
    out = tmp_path / "lesson.html"
    out.write_text(body, encoding="utf-8")
    return out


@pytest.fixture(scope="module")
def lesson_page(tmp_path_factory):
    return _lesson_html(tmp_path_factory.mktemp("lesson"))


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation_in_a_rendered_lesson(browser, lesson_page, scheme):
    """Does axe-core (WCAG 2.1 AA) find no violation in what the kit draws in a lesson (its cell outputs)?"""
    from browserkit import axe_violations

    page, _, requests = _open(browser, lesson_page, scheme)
    try:
        assert page.locator(".jp-OutputArea-output").count() > 0
        assert axe_violations(page, ".jp-OutputArea-output") == []
        screenshot(page, f"lesson04_{scheme}", full_page=False)
    finally:
        page.context.close()
