"""Build the in-browser version of the kit: a JupyterLite site with the notebooks and the mediakit wheel.

    pip install jupyterlite-core jupyterlite-pyodide-kernel   # once, with the kit installed
    python tools/build_lite.py                                # writes _site/
    python -m http.server -d _site 8000                       # then open http://localhost:8000/lab/

The site is static: any web server (GitHub Pages, a school's web space) can serve
_site/. Python runs in the browser (Pyodide), so nothing is installed on the
students' machines and nothing runs on a server.

What the build does:

1. builds the mediakit wheel (``pip wheel . --no-deps``);
2. fetches the wheels of ipywidgets and jupyterlab_widgets (the versions installed
   here, so that the Python side matches the widgets extension) with
   ``pip download --no-deps``; from pip's cache when it has them;
3. copies the lesson notebooks (``notebooks/``) and the student exercise notebooks
   (``exercises/``), each with one setup cell added at the top that installs
   mediakit from the site (``%pip install`` is piplite's in the browser);
4. runs ``jupyter lite build`` with only two front-end extensions: the widgets
   manager (jupyterlab_widgets) and the Pyodide kernel, and the wheels indexed for
   piplite (``--piplite-wheels``).

What the site does NOT hold, and the browser fetches when a notebook first starts
its kernel: Pyodide itself (``pyodide.mjs``, the WebAssembly Python and its
standard library) and the Pyodide packages the setup cell asks for (pandas,
matplotlib, numpy and their dependencies) from the jsDelivr CDN
(cdn.jsdelivr.net/pyodide/...). So the first start needs internet access; the
browser caches it afterwards. ``--pyodide URL_OR_TARBALL`` passes a full Pyodide
distribution to ``jupyter lite build --pyodide`` to put it into the site
instead (about 200 MB; for a classroom without internet).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: The notebook folders copied into the site (the solutions stay out: students use the site).
CONTENT_DIRS = ("notebooks", "exercises")
#: The front-end extensions the site needs, by their labextension folder name.
EXTENSIONS = ("@jupyter-widgets/jupyterlab-manager", "@jupyterlite/pyodide-kernel-extension")
#: Python packages bundled as wheels beside mediakit (the widgets' Python side).
EXTRA_WHEELS = ("ipywidgets", "jupyterlab_widgets")
#: The tag on the setup cell added to each notebook of the site.
SETUP_TAG = "mediakit-lite-setup"
SETUP_CELL = """\
# JupyterLite (Python in your browser): run this cell first. It installs mediakit from this site.
# (The first run downloads Python's packages into your browser: it takes a minute.)
%pip install -q pandas matplotlib ipywidgets
%pip install -q --no-deps mediakit
"""
#: The timestamp of the site's files when git cannot say (two builds of the same sources match).
SOURCE_DATE_EPOCH = 1_700_000_000


def source_date_epoch() -> int:
    """The time of the last commit (the files' date in the site), so rebuilds of one commit match."""
    import os

    if os.environ.get("SOURCE_DATE_EPOCH", "").isdigit():
        return int(os.environ["SOURCE_DATE_EPOCH"])
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True, timeout=30)
        return int(out.stdout.strip()) if out.returncode == 0 and out.stdout.strip().isdigit() else SOURCE_DATE_EPOCH
    except (OSError, subprocess.SubprocessError):
        return SOURCE_DATE_EPOCH


def find_extension(name: str) -> Path:
    """The installed labextension folder called ``name`` (e.g. ``@jupyter-widgets/jupyterlab-manager``)."""
    from jupyter_core.paths import jupyter_path

    for base in jupyter_path("labextensions"):
        candidate = Path(base) / name
        if (candidate / "package.json").is_file():
            return candidate
    package = {
        "@jupyter-widgets/jupyterlab-manager": "jupyterlab_widgets",
        "@jupyterlite/pyodide-kernel-extension": "jupyterlite-pyodide-kernel",
    }.get(name, name)
    raise SystemExit(f"build_lite: the JupyterLab extension {name} is not installed: pip install {package}")


def build_wheel(dest: Path) -> Path:
    """Build the mediakit wheel into ``dest`` (offline first, with build isolation as a fallback)."""
    dest.mkdir(parents=True, exist_ok=True)
    base = [
        sys.executable,
        "-m",
        "pip",
        "wheel",
        str(ROOT),
        "--no-deps",
        "--disable-pip-version-check",
        "-q",
        "-w",
        str(dest),
    ]
    run = subprocess.run(base + ["--no-build-isolation"], capture_output=True, text=True)
    if run.returncode != 0:
        run = subprocess.run(base, capture_output=True, text=True)
    if run.returncode != 0:
        raise SystemExit(f"build_lite: building the mediakit wheel failed:\n{run.stderr[-2000:]}")
    wheels = sorted(dest.glob("mediakit-*.whl"))
    if not wheels:
        raise SystemExit("build_lite: pip wheel wrote no mediakit wheel")
    return wheels[-1]


def fetch_extra_wheels(dest: Path) -> list[Path]:
    """Download the wheels of the widgets' Python side (the installed versions), or [] offline."""
    from importlib.metadata import PackageNotFoundError, version

    specs = []
    for name in EXTRA_WHEELS:
        try:
            specs.append(f"{name}=={version(name)}")
        except PackageNotFoundError:
            raise SystemExit(f"build_lite: {name} is not installed here: pip install {name}") from None
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--no-deps",
            "--only-binary=:all:",
            "--disable-pip-version-check",
            "-q",
            "-d",
            str(dest),
            *specs,
        ],
        capture_output=True,
        text=True,
    )
    if run.returncode != 0:
        print(
            "build_lite: could not download " + ", ".join(specs) + " (offline?); the setup cell "
            "will fetch ipywidgets from PyPI in the browser instead.",
            file=sys.stderr,
        )
        return []
    return sorted(p for p in dest.glob("*.whl") if not p.name.startswith("mediakit-"))


def lite_notebook(src: Path, dest: Path) -> None:
    """Copy a notebook, adding the setup cell at the top (once)."""
    import nbformat

    nb = nbformat.read(src, as_version=4)
    cells = [c for c in nb.cells if SETUP_TAG not in c.get("metadata", {}).get("tags", [])]
    setup = nbformat.v4.new_code_cell(SETUP_CELL, metadata={"tags": [SETUP_TAG]})
    setup.id = "mediakit-lite-setup"
    nb.cells = [setup] + cells
    dest.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, dest)


def stage_contents(staging: Path) -> list[Path]:
    """Copy the notebooks into ``staging`` as the site will hold them; return the copies."""
    out = []
    for folder in CONTENT_DIRS:
        for src in sorted((ROOT / folder).glob("*.ipynb")):
            dest = staging / folder / src.name
            lite_notebook(src, dest)
            out.append(dest)
    if not out:
        raise SystemExit("build_lite: no notebooks found in " + ", ".join(CONTENT_DIRS))
    return out


def build(output: Path, pyodide: str | None = None, quiet: bool = True) -> dict:
    """Build the site into ``output``; return what it holds (for the test and the summary)."""
    output = Path(output).resolve()
    if output.exists() and any(output.iterdir()) and not (output / "jupyter-lite.json").is_file():
        raise SystemExit(
            f"build_lite: {output} is not empty and holds no JupyterLite site: "
            "refusing to delete it; choose another folder with -o"
        )
    with tempfile.TemporaryDirectory(prefix="mediakit-lite-") as tmp:
        tmp = Path(tmp)
        wheels_dir = tmp / "wheels"
        wheel = build_wheel(wheels_dir)
        extra = fetch_extra_wheels(wheels_dir)
        lite_dir = tmp / "lite"
        contents = stage_contents(lite_dir / "contents")
        config = {
            "LiteBuildConfig": {
                "contents": [str(lite_dir / "contents")],
                "federated_extensions": [str(find_extension(name)) for name in EXTENSIONS],
                "ignore_sys_prefix": True,
                "no_sourcemaps": True,
                "no_libarchive": True,
                "source_date_epoch": source_date_epoch(),
            },
            "PipliteAddon": {"piplite_urls": [str(w) for w in [wheel, *extra]]},
        }
        if pyodide:
            config["PyodideAddon"] = {"pyodide_url": pyodide}
        (lite_dir / "jupyter_lite_config.json").write_text(json.dumps(config, indent=2))
        cmd = [
            sys.executable,
            "-m",
            "jupyterlite_core",
            "build",
            "--lite-dir",
            str(lite_dir),
            "--output-dir",
            str(output),
        ]
        if output.exists():
            shutil.rmtree(output)
        run = subprocess.run(cmd, cwd=lite_dir, capture_output=True, text=True)
        if run.returncode != 0:
            raise SystemExit(f"build_lite: jupyter lite build failed:\n{run.stdout[-3000:]}\n{run.stderr[-3000:]}")
        if not quiet:
            print(run.stdout)
        return {
            "output": str(output),
            "wheels": [p.name for p in [wheel, *extra]],
            "notebooks": [str(p.relative_to(lite_dir / "contents")) for p in contents],
            "pyodide": "bundled" if pyodide else "fetched by the browser from the jsDelivr CDN",
        }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Build the JupyterLite site of the kit (static files).")
    parser.add_argument("-o", "--output", default=str(ROOT / "_site"), help="the site folder (default: _site/)")
    parser.add_argument(
        "--pyodide",
        default=None,
        help="a Pyodide distribution tarball (path or URL) to put into the site, "
        "instead of the browser fetching Pyodide from the CDN",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="print jupyter lite's log")
    args = parser.parse_args(argv)
    info = build(Path(args.output), pyodide=args.pyodide, quiet=not args.verbose)
    print(json.dumps(info, indent=2))
    print(f"Serve it with: python -m http.server -d {args.output} 8000  (then open http://localhost:8000/lab/)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
