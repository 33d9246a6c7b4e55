"""End to end in a real browser: a student opens an exercise notebook in JupyterLab and clicks.

The test starts JupyterLab on 127.0.0.1 (a free port, a random token, no browser of
its own, every folder in a temporary directory), opens the exercise notebook
``exercises/01_meet_the_article_exercises.ipynb`` in headless Chromium (Debian's
``chromium``, driven by Playwright), runs all cells from the Run menu, then answers
the multiple-choice exercise "meet-missing-choose" wrongly and then rightly by
clicking its check boxes and its Check button, and reads the feedback in the page.
It also reads the answers file the clicks saved beside the notebook. Screenshots go
to ``tests/screenshots/``. Every wait is bounded; JupyterLab is shut down at the end.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from browserkit import TIMEOUT_MS, chromium, require_browser, screenshot

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "exercises" / "01_meet_the_article_exercises.ipynb"
EXERCISE = "meet-missing-choose"
STUDENT = "e2e-student"
#: Seconds: JupyterLab's start, a kernel's start and a run of all cells.
SERVER_START_S = 90
RUN_ALL_MS = 180_000


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _notebook_into(folder: Path) -> Path:
    """The exercise notebook to open: the repository's student copy, or a stand-in until it exists."""
    if NOTEBOOK.is_file() and EXERCISE in NOTEBOOK.read_text(encoding="utf-8"):
        target = folder / NOTEBOOK.name
        shutil.copy(NOTEBOOK, target)
        return target
    import nbformat

    stem = "e2e_exercises"
    nb = nbformat.v4.new_notebook(
        metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}
    )
    nb.cells = [
        nbformat.v4.new_code_cell(f'import mediakit.exercises as mx\nmx.start("{stem}")'),
        nbformat.v4.new_code_cell(f'mx.get("{EXERCISE}")'),
    ]
    target = folder / f"{stem}.ipynb"
    nbformat.write(nb, target)
    return target


class JupyterLab:
    """JupyterLab in a subprocess on 127.0.0.1, with everything it writes kept in ``base``."""

    def __init__(self, base: Path, root_dir: Path):
        self.port, self.token = _free_port(), secrets.token_hex(16)
        self.log = open(base / "jupyterlab.log", "w")
        env = {
            **os.environ,
            "JUPYTER_RUNTIME_DIR": str(base / "runtime"),
            "JUPYTER_CONFIG_DIR": str(base / "config"),
            "JUPYTERLAB_SETTINGS_DIR": str(base / "settings"),
            "JUPYTERLAB_WORKSPACES_DIR": str(base / "ws"),
            "MEDIAKIT_STUDENT": STUDENT,
            "MPLBACKEND": "module://matplotlib_inline.backend_inline",
        }
        env.pop("MEDIAKIT_NOTEBOOK", None)
        env.pop("MEDIAKIT_ANSWERS_DIR", None)
        cmd = [
            sys.executable,
            "-m",
            "jupyterlab",
            "--no-browser",
            "--ServerApp.ip=127.0.0.1",
            f"--ServerApp.port={self.port}",
            "--ServerApp.port_retries=0",
            f"--IdentityProvider.token={self.token}",
            f"--ServerApp.root_dir={root_dir}",
            "--LabApp.news_url=",
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        ]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            cmd.append("--allow-root")  # CI runs as root
        self.proc = subprocess.Popen(
            cmd, stdout=self.log, stderr=subprocess.STDOUT, env=env, cwd=root_dir, start_new_session=True
        )
        self._wait_ready()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}/{path}?token={self.token}"

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + SERVER_START_S
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(f"JupyterLab exited with {self.proc.returncode}; see {self.log.name}")
            try:
                with urllib.request.urlopen(self.url("api/status"), timeout=5) as r:
                    if r.status == 200:
                        return
            except OSError:
                time.sleep(0.5)
        self.stop()
        raise AssertionError(f"JupyterLab did not answer within {SERVER_START_S} s; see {self.log.name}")

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=10)
        self.log.close()


@pytest.fixture
def lab(tmp_path):
    require_browser()
    root = tmp_path / "work"
    root.mkdir()
    notebook = _notebook_into(root)
    server = JupyterLab(tmp_path, root)
    try:
        yield server, notebook
    finally:
        server.stop()


def _frame(page, title: str):
    """The exercise's widget frame (the VBox whose heading is the exercise's title)."""
    frame = page.locator(".widget-vbox").filter(has=page.locator("h4", has_text=title))
    frame.first.wait_for(state="visible", timeout=RUN_ALL_MS)
    assert frame.count() == 1, f"{frame.count()} widgets titled {title!r}"
    return frame.first


def _set_boxes(frame, chosen: set[str]) -> None:
    """Tick exactly the check boxes of the options ``chosen`` (by letter), clicking as a student does."""
    for box in frame.locator(".widget-checkbox").all():
        letter = box.inner_text().strip().split(")")[0]
        tick = box.locator("input[type=checkbox]")
        if tick.is_checked() != (letter in chosen):
            tick.click()
        assert tick.is_checked() == (letter in chosen)


def _check(page, frame) -> str:
    """Click Check and return the feedback text once it changes."""
    feedback = frame.locator(".mediakit-feedback")
    before = feedback.inner_text() if feedback.count() else ""
    frame.locator("button", has_text="Check").click()
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    while time.monotonic() < deadline:
        if feedback.count() and feedback.inner_text() != before:
            return feedback.inner_text()
        page.wait_for_timeout(200)
    raise AssertionError("the feedback did not change after clicking Check")


def _checks(notebook: Path) -> int:
    """How many checks of the exercise the answers file beside the notebook records so far."""
    path = notebook.with_name(f"{notebook.stem}.{STUDENT}.answers.json")
    if not path.exists():
        return 0
    return json.loads(path.read_text(encoding="utf-8"))["exercises"].get(EXERCISE, {}).get("checks", 0)


def _kernel_ready(page) -> None:
    """Wait until the notebook's kernel is idle, answering "Select Kernel" as a student would."""
    idle = page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']")
    dialog = page.locator(".jp-Dialog")
    deadline = time.monotonic() + RUN_ALL_MS / 1000
    calm_since = None
    while time.monotonic() < deadline:
        if dialog.count() and dialog.first.is_visible():
            dialog.locator(".jp-Dialog-button.jp-mod-accept").first.click()  # "Select" (Python 3)
            calm_since = None
        elif idle.count():
            calm_since = calm_since or time.monotonic()
            if time.monotonic() - calm_since > 2:
                return
        page.wait_for_timeout(250)
    raise AssertionError("the notebook's kernel did not become idle")


def test_student_clicks_get_feedback_in_jupyterlab(lab):
    """Does a student's wrong click, then right click, in a running JupyterLab get the right feedback and get saved?"""
    import mediakit.exercises as mx

    server, notebook = lab
    ex = mx.get(EXERCISE)
    right = {o.id for o in ex.options if o.correct}
    wrong = {o.id for o in ex.options if not o.correct}
    assert ex.multiple and right and wrong
    with chromium() as browser:
        context = browser.new_context(viewport={"width": 1280, "height": 1000})
        context.set_default_timeout(TIMEOUT_MS)
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(server.url(f"lab/tree/{notebook.name}"), wait_until="domcontentloaded", timeout=RUN_ALL_MS)
        page.locator(".jp-Notebook").first.wait_for(state="visible", timeout=RUN_ALL_MS)
        _kernel_ready(page)
        page.locator(".lm-MenuBar-item", has_text="Run").first.click()
        page.locator(".lm-Menu-item[data-command='runmenu:run-all']").click()
        frame = _frame(page, ex.title or ex.id)
        _kernel_ready(page)  # every cell has run
        frame.scroll_into_view_if_needed()
        screenshot(page, "e2e_1_widget")
        checks_before = _checks(notebook)  # cells of the notebook may check an empty answer

        # wrong: only the options that are not right
        _set_boxes(frame, wrong)
        text = _check(page, frame)
        screenshot(page, "e2e_2_wrong")
        assert "✗" in text
        assert f"Score: 0/{ex.max_score:g}" in frame.inner_text()
        assert frame.inner_text().count("Score:") == 1  # the score is shown once
        assert "Pattern" not in frame.inner_text()  # no designer label
        assert "All correct" not in text
        # axe-core, WCAG 2.1 AA, on the live exercise (the kit's widget, not JupyterLab's own chrome)
        from browserkit import axe_violations

        frame.evaluate("e => e.setAttribute('data-mk-axe', '1')")
        assert axe_violations(page, "[data-mk-axe]") == []

        # then right, after "Try again"
        frame.locator("button", has_text="Try again").click()
        _set_boxes(frame, right)
        text = _check(page, frame)
        screenshot(page, "e2e_3_right")
        assert f"{ex.max_score:g}/{ex.max_score:g}" in frame.inner_text()
        assert "All correct. Well done!" in text
        assert "✗" not in text
        assert "Full marks" in frame.inner_text()
        context.close()
    # the two clicks were saved beside the notebook, as the answers contract says
    saved = json.loads(notebook.with_name(f"{notebook.stem}.{STUDENT}.answers.json").read_text(encoding="utf-8"))
    entry = saved["exercises"][EXERCISE]
    assert saved["format"] == "mediakit-answers" and saved["student"] == STUDENT
    assert entry["checks"] == checks_before + 2
    assert entry["score"] == entry["max_score"] == ex.max_score
    assert sorted(entry["answer"]) == sorted(right)
    assert errors == []


@pytest.fixture
def view_lab(tmp_path):
    """JupyterLab with a notebook that shows a lesson's passage of the seed (the HTML view in a notebook output)."""
    require_browser()
    import nbformat

    root = tmp_path / "work"
    root.mkdir()
    nb = nbformat.v4.new_notebook(
        metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}
    )
    nb.cells = [
        nbformat.v4.new_code_cell(
            "import mediakit\nfrom mediakit.views.html import show\n"
            "m = mediakit.load_article().markup()\nshow(m, paragraphs=[3, 4])"
        )
    ]
    target = root / "view.ipynb"
    nbformat.write(nb, target)
    server = JupyterLab(tmp_path, root)
    try:
        yield server, target
    finally:
        server.stop()


def test_the_view_works_in_a_notebook_output(view_lab):
    """In a live JupyterLab output: does a layer switch work, are only the chosen layer's highlights focusable, is the tip a fixed panel in the window, and does axe find nothing?"""
    from browserkit import axe_violations

    server, notebook = view_lab
    with chromium() as browser:
        context = browser.new_context(viewport={"width": 1280, "height": 1000})
        context.set_default_timeout(TIMEOUT_MS)
        page = context.new_page()
        page.goto(server.url(f"lab/tree/{notebook.name}"), wait_until="domcontentloaded", timeout=RUN_ALL_MS)
        page.locator(".jp-Notebook").first.wait_for(state="visible", timeout=RUN_ALL_MS)
        _kernel_ready(page)
        page.locator(".lm-MenuBar-item", has_text="Run").first.click()
        page.locator(".lm-Menu-item[data-command='runmenu:run-all']").click()
        view = page.locator(".jp-OutputArea-output .mk-view").first
        view.wait_for(state="visible", timeout=RUN_ALL_MS)
        _kernel_ready(page)
        view.locator("label.mk-k-source").first.click()
        assert view.locator("input.mk-t-source").first.is_checked()
        visible = view.locator(":scope > .mk-text a.mk-tab:visible")  # the passage, not the whole article
        n = visible.count()
        assert n > 0 and n == view.locator(":scope > .mk-text mark.mk-l-source > a.mk-tab").count()
        assert view.locator(":scope > .mk-text mark.mk-l-loaded > a.mk-tab:visible").count() == 0
        visible.first.focus()
        tip = visible.first.evaluate("""e => { const s = getComputedStyle(e, '::before');
            return {content: s.content, position: s.position}; }""")
        assert tip["position"] == "fixed" and tip["content"] not in ("none", "normal")
        view.evaluate("e => e.setAttribute('data-mk-axe', '1')")
        screenshot(page, "notebook_view_passage", full_page=False)
        assert axe_violations(page, "[data-mk-axe]") == []
        context.close()
