"""JupyterLite: does the in-browser build hold what a student needs, and does mediakit run without a server?

The build (``tools/build_lite.py``) runs here into a temporary folder. What it cannot
hold is fetched by the browser when a notebook first starts its kernel: Pyodide
itself and its packages (pandas, matplotlib, numpy) from the jsDelivr CDN. That part
cannot be fetched on this machine, so these tests check the site's files and
configuration, and run mediakit the way the Pyodide kernel does: with no Jupyter
server, no ZeroMQ, and an answers folder that may refuse writes.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import subprocess
import sys
import textwrap
import time
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CDN = "https://cdn.jsdelivr.net/pyodide/"


def _load_build_lite():
    spec = importlib.util.spec_from_file_location("build_lite", ROOT / "tools" / "build_lite.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build_lite = _load_build_lite()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The site, built once for the module."""
    missing = [m for m in ("jupyterlite_core", "jupyterlite_pyodide_kernel") if importlib.util.find_spec(m) is None]
    if missing:
        pytest.fail(
            f"{', '.join(missing)} not installed: the lite build needs "
            "pip install jupyterlite-core jupyterlite-pyodide-kernel (in the test extra)"
        )
    out = tmp_path_factory.mktemp("lite") / "_site"
    info = build_lite.build(out)
    return out, info


def _notebooks_in_repo() -> list[str]:
    return sorted(f"{d}/{p.name}" for d in build_lite.CONTENT_DIRS for p in (ROOT / d).glob("*.ipynb"))


@pytest.mark.parametrize("path", ["index.html", "jupyter-lite.json", "lab/index.html", "pypi/all.json"])
def test_site_has_the_app_files(site, path):
    """Does the built site hold the JupyterLite app's own files?"""
    out, _ = site
    assert (out / path).is_file()


def test_every_notebook_is_in_the_site_with_the_setup_cell_first(site):
    """Is every lesson and exercise notebook in the site, with the mediakit setup cell first and only once?"""
    import nbformat

    out, info = site
    expected = _notebooks_in_repo()
    assert expected, "no notebooks in the repository"
    assert sorted(info["notebooks"]) == expected
    for rel in expected:
        nb = nbformat.read(out / "files" / rel, as_version=4)
        first = nb.cells[0]
        assert build_lite.SETUP_TAG in first.metadata.get("tags", []), rel
        assert "%pip install -q --no-deps mediakit" in first.source
        assert sum(build_lite.SETUP_TAG in c.metadata.get("tags", []) for c in nb.cells) == 1
        # the rest of the notebook is the repository's, unchanged
        original = nbformat.read(ROOT / rel, as_version=4)
        assert [c.source for c in nb.cells[1:]] == [c.source for c in original.cells]


def test_solutions_stay_out_of_the_site(site):
    """Does the student site leave out the solution notebooks?"""
    out, _ = site
    assert not (out / "files" / "solutions").exists()


def test_the_mediakit_wheel_is_indexed_for_piplite(site):
    """Is the mediakit wheel in pypi/, indexed in all.json with its true hash, and is that index configured?"""
    out, _ = site
    wheels = sorted((out / "pypi").glob("mediakit-*.whl"))
    assert len(wheels) == 1
    index = json.loads((out / "pypi" / "all.json").read_text())
    (release,) = [r for rs in index["mediakit"]["releases"].values() for r in rs]
    assert release["url"] == f"./{wheels[0].name}"
    assert release["digests"]["sha256"] == hashlib.sha256(wheels[0].read_bytes()).hexdigest()
    settings = json.loads((out / "jupyter-lite.json").read_text())["jupyter-config-data"]["litePluginSettings"]
    urls = settings["@jupyterlite/pyodide-kernel-extension:kernel"]["pipliteUrls"]
    assert any(u.startswith("./pypi/all.json") for u in urls)


def test_the_wheel_carries_the_package_data(site):
    """Does the wheel hold every data file of the package (seed article, word lists, keys), not only code?"""
    out, _ = site
    (wheel,) = (out / "pypi").glob("mediakit-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    src = ROOT / "mediakit"
    data = [
        p
        for p in src.rglob("*")
        if p.is_file()
        and p.suffix in (".txt", ".csv", ".toml", ".json", ".css", ".js")
        and "__pycache__" not in p.parts
    ]
    assert "mediakit/data/seed_article.txt" in names
    missing = [str(p.relative_to(ROOT)) for p in data if str(p.relative_to(ROOT)).replace(os.sep, "/") not in names]
    assert missing == []


@pytest.mark.parametrize("package", ["ipywidgets", "jupyterlab_widgets"])
def test_the_widgets_python_side_is_bundled(site, package):
    """Are ipywidgets' wheels in the site, at the versions whose front-end extension the site holds?"""
    from importlib.metadata import version

    out, info = site
    assert f"{package}-{version(package)}-py3-none-any.whl" in info["wheels"]
    assert (out / "pypi" / f"{package}-{version(package)}-py3-none-any.whl").is_file()


@pytest.mark.parametrize(
    "extension, present",
    [
        ("@jupyter-widgets/jupyterlab-manager", True),
        ("@jupyterlite/pyodide-kernel-extension", True),
        # the build ignores whatever else is installed here (negative case)
        ("jupyterlab_pygments", False),
    ],
)
def test_front_end_extensions(site, extension, present):
    """Does the site load the widgets manager and the Pyodide kernel, and nothing else installed here?"""
    out, _ = site
    config = json.loads((out / "jupyter-lite.json").read_text())["jupyter-config-data"]
    names = [e["name"] for e in config.get("federated_extensions", [])]
    assert (extension in names) is present
    assert (out / "extensions" / extension / "package.json").is_file() is present


def test_pyodide_is_fetched_from_the_cdn_at_run_time(site):
    """Is Pyodide left out of the site, and does the kernel fetch it from the jsDelivr CDN (what a user with internet gets)?"""
    out, info = site
    assert not (out / "static" / "pyodide").exists()
    schema = json.loads(
        (out / "extensions/@jupyterlite/pyodide-kernel-extension/static/schema/kernel.v0.schema.json").read_text()
    )
    assert schema["properties"]["pyodideUrl"]["default"].startswith(CDN)
    assert "jsDelivr" in info["pyodide"]


@pytest.mark.browser
def test_the_site_opens_in_a_browser_and_fetches_only_pyodide_from_outside(site):
    """Served from localhost, does the site show the notebooks with the setup cell first, and is Pyodide on the CDN the only thing it reaches for outside?"""
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
    from urllib.parse import urlparse

    from browserkit import TIMEOUT_MS, chromium, screenshot

    out, _ = site

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(out)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    outside = []
    try:
        with chromium() as browser:
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            context.set_default_timeout(TIMEOUT_MS)
            context.route(
                "**/*",
                lambda route: (
                    route.continue_()
                    if route.request.url.startswith(origin)
                    else (outside.append(route.request.url), route.abort())
                ),
            )
            page = context.new_page()
            page.goto(f"{origin}/lab/index.html?path=notebooks/01_meet_the_article.ipynb", wait_until="load")
            listing = page.locator(".jp-DirListing-item")
            listing.first.wait_for(timeout=TIMEOUT_MS * 2)
            names = " ".join(listing.all_inner_texts())
            for p in sorted((ROOT / "notebooks").glob("*.ipynb")):
                assert p.name[:12] in names
            first = page.locator(".jp-Notebook .jp-Cell").first
            first.wait_for(timeout=TIMEOUT_MS * 2)
            assert "%pip install -q --no-deps mediakit" in first.inner_text()
            # opening a notebook starts the Pyodide kernel, which loads Pyodide from the CDN
            deadline = time.monotonic() + TIMEOUT_MS / 1000
            while not outside and time.monotonic() < deadline:
                page.wait_for_timeout(250)
            screenshot(page, "lite_notebook")
            context.close()
    finally:
        server.shutdown()
        server.server_close()
    assert outside, "the kernel never asked for Pyodide"
    for url in outside:
        parsed = urlparse(url)
        assert (parsed.scheme, parsed.netloc) == ("https", "cdn.jsdelivr.net") and parsed.path.startswith(
            "/pyodide/"
        ), url


# -- mediakit without a Jupyter server (as in the Pyodide kernel) -------------------------
GUARD = textwrap.dedent("""
    import builtins, json, os, sys
    BLOCKED = ("jupyter_server", "jupyterlab", "notebook", "zmq", "tornado", "jupyter_client", "trafilatura")
    real_import = builtins.__import__
    def guarded(name, *args, **kwargs):
        if name.split(".")[0] in BLOCKED:
            raise ImportError(f"{name} is not available here (simulated Pyodide)")
        return real_import(name, *args, **kwargs)
    builtins.__import__ = guarded
    import mediakit
    markup = mediakit.load_article().markup()
    facts = {"spans": len(markup), "blocked_loaded": sorted(m for m in sys.modules if m.split(".")[0] in BLOCKED)}
    try:
        from mediakit import exercises
    except ImportError:
        exercises = None
    facts["exercises"] = exercises is not None
    print(json.dumps(facts))
""")


def test_mediakit_runs_without_a_jupyter_server(tmp_path):
    """Does mediakit load and mark up the seed article with jupyter_server, zmq and trafilatura unavailable?"""
    script = tmp_path / "guard.py"
    script.write_text(GUARD)
    run = subprocess.run([sys.executable, str(script)], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-3000:]
    facts = json.loads(run.stdout.strip().splitlines()[-1])
    assert facts["spans"] > 0
    assert facts["blocked_loaded"] == []


def test_exercises_check_and_widget_without_a_jupyter_server(tmp_path):
    """Do an exercise's check() and its widget work, and save answers, with no server, ZeroMQ or Tornado?"""
    script = tmp_path / "guard_ex.py"
    script.write_text(
        GUARD.replace(
            "print(json.dumps(facts))",
            textwrap.dedent("""
        mx = exercises
        mx.start("lite_check", student="Sam")
        ex = mx.all_exercises()[0]
        result = ex.check(ex.empty_answer())
        facts["max_score"] = result.max_score
        facts["widget"] = type(ex.widget()).__name__
        facts["saved"] = json.load(open("lite_check.sam.answers.json"))["format"]
        facts["blocked_loaded"] = sorted(m for m in sys.modules if m.split(".")[0] in BLOCKED)
        print(json.dumps(facts))
    """),
        )
    )
    run = subprocess.run([sys.executable, str(script)], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-3000:]
    facts = json.loads(run.stdout.strip().splitlines()[-1])
    assert facts["exercises"] and facts["max_score"] > 0
    assert facts["widget"]
    assert facts["saved"] == "mediakit-answers"
    assert facts["blocked_loaded"] == []


# -- answers storage that refuses: the browser's storage can be full, read-only or odd ------------
def _refuse_replace(monkeypatch, tmp_path):
    import os as _os

    def refuse(*args, **kwargs):
        raise PermissionError(30, "Read-only file system")

    monkeypatch.setattr(_os, "replace", refuse)
    return tmp_path


def _folder_is_a_file(monkeypatch, tmp_path):
    blocker = tmp_path / "not_a_folder"
    blocker.write_text("x")
    return blocker


def _answers_file_is_a_folder(monkeypatch, tmp_path):
    (tmp_path / "lite_store.sam.answers.json").mkdir()
    return tmp_path


STORAGE = [
    pytest.param(_refuse_replace, True, id="read-only storage (os.replace refused)"),
    pytest.param(_folder_is_a_file, True, id="answers folder is not a folder"),
    pytest.param(_answers_file_is_a_folder, True, id="answers file unreadable (a folder)"),
    pytest.param(lambda monkeypatch, tmp_path: tmp_path, False, id="writable folder (negative case)"),
]


@pytest.mark.parametrize("make_storage, refuses", STORAGE)
def test_check_survives_storage_that_refuses(monkeypatch, tmp_path, make_storage, refuses):
    """When the answers cannot be stored, does check() still give its feedback and say so clearly, without crashing?"""
    import mediakit.exercises as mx

    monkeypatch.chdir(tmp_path)
    folder = make_storage(monkeypatch, tmp_path)
    try:
        mx.start("lite_store", student="Sam", folder=folder)
        ex = mx.all_exercises()[0]
        result = ex.check(ex.empty_answer())
        assert ex.saved_answer() is None or not refuses
        text = str(result)
        assert "Score:" in text
        if refuses:
            assert "could not be saved" in text
            assert "tell your teacher" in text
            assert not list(tmp_path.glob(".lite_store.sam.answers.json.*.tmp"))  # no temporary file left
        else:
            assert "could not be saved" not in text
            assert json.loads((tmp_path / "lite_store.sam.answers.json").read_text())["student"] == "Sam"
    finally:
        mx.stop()


def test_the_build_never_deletes_a_folder_that_is_not_a_site(tmp_path):
    """Does the build refuse to overwrite a non-empty folder that holds no JupyterLite site (e.g. `-o .`)?"""
    precious = tmp_path / "work" / "notes.txt"
    precious.parent.mkdir()
    precious.write_text("keep me")
    with pytest.raises(SystemExit, match="refusing to delete it"):
        build_lite.build(precious.parent)
    assert precious.read_text() == "keep me"
