"""Build hook: put the kit's notebooks into the wheel (everything else is in pyproject.toml).

A teacher who installs the wheel has no checkout, so ``mediakit lessons DIR`` needs the
lesson, exercise and solution notebooks inside the package. They are copied from
``notebooks/``, ``exercises/`` and ``solutions/`` into ``mediakit/_kit/`` at build time,
never kept twice in the repository (so they cannot drift apart). An editable install
(``pip install -e .``) reads them from the checkout instead.
"""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
KIT = {"notebooks": "*.ipynb", "exercises": "*.ipynb", "solutions": "*.ipynb"}
EXTRAS = ["tests/articles/byo_example.txt"]  # the article lesson 6 compares the seed with


class build_py_with_kit(build_py):
    """``build_py``, then the notebooks into ``<build>/mediakit/_kit/``."""

    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return
        files = [p for folder, pattern in KIT.items() for p in sorted((ROOT / folder).glob(pattern))]
        if not any(p.parent.name == "notebooks" for p in files):
            raise SystemExit(f"no lesson notebooks in {ROOT / 'notebooks'}: the wheel would carry no lessons")
        files += [ROOT / extra for extra in EXTRAS if (ROOT / extra).is_file()]
        target = Path(self.build_lib) / "mediakit" / "_kit"
        for src in files:
            dest = target / src.relative_to(ROOT)
            self.mkpath(str(dest.parent))
            self.copy_file(str(src), str(dest))


setup(cmdclass={"build_py": build_py_with_kit})
