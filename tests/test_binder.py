"""Binder: does a clean environment built from the ``binder/`` files alone run the first lesson?

repo2docker cannot run here (it needs Docker and builds an image), so this test does
what it does with a ``binder/requirements.txt``: a fresh virtual environment, then
``pip install -r binder/requirements.txt`` run from the root of a copy of the
repository (repo2docker runs it from the repository root, so ``-e .`` is the repo).
Then it executes the first lesson notebook in that environment with nbclient, the
kernel being the new environment's Python.

It is slow (a few minutes: pip downloads or reuses JupyterLab, pandas, matplotlib
...), so it is one test, marked ``slow``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIRST_LESSON = Path("notebooks") / "01_meet_the_article.ipynb"
#: Things never copied into the clean checkout (local state, build output).
IGNORE = shutil.ignore_patterns(
    ".git",
    "__pycache__",
    "*.egg-info",
    "_site",
    ".jupyterlite*",
    "build",
    "dist",
    ".venv",
    ".ipynb_checkpoints",
    "screenshots",
    "*.answers.json",
    ".pytest_cache",
    "benchmarks",
)

RUNNER = textwrap.dedent("""
    import json, sys
    import nbformat
    from nbclient import NotebookClient
    import mediakit
    path = sys.argv[1]
    nb = nbformat.read(path, as_version=4)
    # a last cell reports which Python the kernel ran in, and where its mediakit came from
    nb.cells.append(nbformat.v4.new_code_cell("import sys, mediakit\\nprint(sys.executable)\\nprint(mediakit.__file__)"))
    client = NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": sys.argv[2]}})
    client.execute()
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []) if o.output_type == "error"]
    kernel_python, kernel_mediakit = nb.cells[-1].outputs[0]["text"].split()
    print(json.dumps({"mediakit": mediakit.__file__, "python": sys.executable, "kernel_python": kernel_python,
                      "kernel_mediakit": kernel_mediakit,
                      "cells": sum(c.cell_type == "code" for c in nb.cells) - 1, "errors": len(errors)}))
""")


def _repo_files(root: Path) -> list[Path] | None:
    """The files a clone would hold (tracked and new, not ignored), or None without git."""
    try:
        out = subprocess.run(
            ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
            cwd=root,
            capture_output=True,
            check=True,
            timeout=60,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return [Path(p) for p in out.decode().split("\0") if p and (root / p).is_file()]


def copy_repo(dest: Path) -> Path:
    """Copy the repository as a clone would see it into ``dest`` (no .git, no local state)."""
    files = _repo_files(ROOT)
    if files is None:
        shutil.copytree(ROOT, dest, ignore=IGNORE)
        return dest
    for rel in files:
        if rel.name.endswith(".answers.json") or rel.parts[0] in ("benchmarks",):
            continue
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / rel, target)
    return dest


def build_binder_env(repo: Path, env_dir: Path) -> Path:
    """A fresh venv with ``pip install -r binder/requirements.txt`` run from the repo root."""
    venv.EnvBuilder(with_pip=True, clear=True).create(env_dir)
    python = env_dir / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    run = subprocess.run(
        [str(python), "-m", "pip", "install", "--disable-pip-version-check", "-q", "-r", "binder/requirements.txt"],
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=1500,
    )
    assert run.returncode == 0, (
        f"pip install -r binder/requirements.txt failed:\n{run.stdout[-3000:]}\n{run.stderr[-3000:]}"
    )
    return python


@pytest.mark.slow
def test_binder_env_runs_the_first_lesson(tmp_path):
    """Does a clean venv built from binder/requirements.txt alone import mediakit and run the first lesson?"""
    assert (ROOT / "binder" / "requirements.txt").is_file()
    assert (ROOT / FIRST_LESSON).is_file(), f"{FIRST_LESSON} is missing: the Binder test runs the first lesson"
    repo = copy_repo(tmp_path / "repo")
    python = build_binder_env(repo, tmp_path / "env")
    # the environment is the venv's own, not this Python's
    assert Path(python).resolve() != Path(sys.executable).resolve()
    (tmp_path / "run_notebook.py").write_text(RUNNER)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "JUPYTER_PATH")}
    env["MPLBACKEND"] = "Agg"
    env["JUPYTER_DATA_DIR"] = str(tmp_path / "jupyter-data")  # no user-level kernelspec may stand in
    lesson = repo / FIRST_LESSON
    run = subprocess.run(
        [str(python), str(tmp_path / "run_notebook.py"), str(lesson), str(lesson.parent)],
        cwd=lesson.parent,
        capture_output=True,
        text=True,
        timeout=900,
        env=env,
    )
    assert run.returncode == 0, f"the first lesson failed in the Binder environment:\n{run.stderr[-4000:]}"
    import json

    facts = json.loads(run.stdout.strip().splitlines()[-1])
    assert facts["errors"] == 0
    assert facts["cells"] > 0
    # the kernel was the new environment's Python, and its mediakit came from the copy, installed
    # editable (`pip install -e .`), not from this machine's install
    assert Path(facts["kernel_python"]).parent == Path(python).parent
    for key in ("mediakit", "kernel_mediakit"):
        assert Path(facts[key]).resolve().is_relative_to((repo / "mediakit").resolve()), facts
