"""The kit from a wheel: does a teacher with no checkout get lessons that run?

The test builds the wheel from a copy of the repository (``pip wheel . --no-deps``, as a
release would), checks that the build prints no deprecation warning, installs the wheel
with ``--no-deps`` into a fresh virtual environment that sees this machine's packages
(``--system-site-packages``: JupyterLab, pandas ... are not what is tested), runs
``mediakit lessons DIR`` from a folder outside the repository, and executes two of the
copied notebooks with nbclient, the kernel being the new environment's Python.

It is slow (building the wheel fetches setuptools into pip's isolated build environment,
and the notebooks run), so it is one test, marked ``slow``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
#: What the build reads (everything else in the repository is left out of the copy).
BUILD_INPUTS = [
    "pyproject.toml",
    "setup.py",
    "MANIFEST.in",
    "README.md",
    "LICENSE",
    "LICENSE-lessons.md",
    "CONTRIBUTING.md",
    "mediakit",
    "notebooks",
    "exercises",
    "solutions",
    "seeds",
    "tests/articles/byo_example.txt",
]
IGNORE = shutil.ignore_patterns(
    "__pycache__", "*.answers.json", "mediakit-answers-*.json", ".ipynb_checkpoints", "_kit"
)

RUNNER = textwrap.dedent("""
    import json, sys
    import nbformat
    from nbclient import NotebookClient
    facts = {}
    for path in sys.argv[1:]:
        nb = nbformat.read(path, as_version=4)
        nb.cells.append(nbformat.v4.new_code_cell("import sys, mediakit\\nprint(sys.executable)\\nprint(mediakit.__file__)"))
        NotebookClient(nb, timeout=300, kernel_name="python3", allow_errors=True,
                       resources={"metadata": {"path": str(__import__("pathlib").Path(path).parent)}}).execute()
        errors = [o.get("ename", "") + ": " + o.get("evalue", "")[:200] for c in nb.cells if c.cell_type == "code"
                  for o in c.get("outputs", []) if o.output_type == "error"]
        python, module = nb.cells[-1].outputs[0]["text"].split()
        facts[path] = {"errors": errors, "kernel_python": python, "kernel_mediakit": module}
    print(json.dumps(facts))
""")


def _copy_build_inputs(dest: Path) -> Path:
    for rel in BUILD_INPUTS:
        src = ROOT / rel
        if src.is_dir():
            shutil.copytree(src, dest / rel, ignore=IGNORE)
        elif src.is_file():
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / rel)
    return dest


def _run(cmd, **kw):
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "JUPYTER_PATH")}
    env.update(kw.pop("env", {}))
    return subprocess.run([str(c) for c in cmd], capture_output=True, text=True, env=env, **kw)


@pytest.mark.slow
def test_wheel_installs_and_its_lessons_run(tmp_path):
    """Does the wheel build without deprecation warnings, install, copy its notebooks with 'mediakit lessons', and do they run?"""
    src = _copy_build_inputs(tmp_path / "src")
    build = _run(
        [sys.executable, "-m", "pip", "wheel", ".", "--no-deps", "-v", "-w", tmp_path / "dist"], cwd=src, timeout=900
    )
    assert build.returncode == 0, build.stderr[-3000:]
    log = build.stdout + build.stderr
    assert "Deprecat" not in log and "deprecated" not in log.lower(), [
        line for line in log.splitlines() if "eprecat" in line
    ][:5]
    (wheel,) = (tmp_path / "dist").glob("mediakit-*.whl")

    env_dir = tmp_path / "env"
    venv.EnvBuilder(with_pip=True, system_site_packages=True, clear=True).create(env_dir)
    python = env_dir / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    install = _run(
        [python, "-m", "pip", "install", "--no-deps", "--disable-pip-version-check", "-q", wheel], timeout=600
    )
    assert install.returncode == 0, install.stderr[-3000:]
    mediakit_cmd = env_dir / ("Scripts/mediakit.exe" if os.name == "nt" else "bin/mediakit")
    work = tmp_path / "elsewhere"
    work.mkdir()

    # the student copies only: no solutions
    student = _run([mediakit_cmd, "lessons", "class", "--student"], cwd=work, timeout=120)
    assert student.returncode == 0, student.stderr
    assert (work / "class" / "exercises" / "pre_quiz.ipynb").is_file()
    assert not (work / "class" / "solutions").exists()

    # the full kit, as a teacher gets it, and what the command says to do next
    done = _run([mediakit_cmd, "lessons", "kit"], cwd=work, timeout=120)
    assert done.returncode == 0, done.stderr
    kit = work / "kit"
    for folder in ("notebooks", "exercises", "solutions"):
        names = sorted(p.name for p in (kit / folder).glob("*.ipynb"))
        assert names == sorted(p.name for p in (ROOT / folder).glob("*.ipynb")), folder
    assert "jupyter lab notebooks/00_start_here.ipynb" in done.stdout

    # a changed notebook is never overwritten; an identical one is fine
    changed = kit / "notebooks" / "02_sourcing.ipynb"
    changed.write_text(
        changed.read_text(encoding="utf-8").replace("Sourcing", "Sourcing (my notes)", 1), encoding="utf-8"
    )
    mine = changed.read_bytes()
    again = _run([mediakit_cmd, "lessons", "kit"], cwd=work, timeout=120)
    assert again.returncode == 0 and "skipped notebooks/02_sourcing.ipynb" in again.stdout
    assert changed.read_bytes() == mine

    # the copied lessons run in the new environment (lesson 6 reads the example article it ships with)
    (tmp_path / "run.py").write_text(RUNNER)
    lessons = [kit / "notebooks" / "01_meet_the_article.ipynb", kit / "notebooks" / "06_bring_your_own_article.ipynb"]
    run = _run(
        [python, tmp_path / "run.py", *lessons],
        cwd=work,
        timeout=900,
        env={"MPLBACKEND": "Agg", "JUPYTER_DATA_DIR": str(tmp_path / "jupyter-data")},
    )
    assert run.returncode == 0, run.stderr[-4000:]
    facts = json.loads(run.stdout.strip().splitlines()[-1])
    for path, fact in facts.items():
        assert fact["errors"] == [], (path, fact["errors"])
        assert Path(fact["kernel_python"]).parent == Path(python).parent
        assert Path(fact["kernel_mediakit"]).resolve().is_relative_to(env_dir.resolve()), fact
