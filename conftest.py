"""Test-suite wiring shared by every folder.

The README's single test command runs nbval over ``notebooks/``, ``solutions/`` and
``exercises/``. Lesson and solution notebooks keep their outputs and are compared
strictly; student notebooks in ``exercises/`` are committed without outputs, so
their cells are only run (the equivalent of ``--nbval-lax``): they must run clean
when nobody has answered yet.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config, items):
    for item in items:
        if type(item).__name__ == "IPyNbCell":
            rel = Path(str(item.path)).resolve().relative_to(ROOT)
            if rel.parts and rel.parts[0] == "exercises":
                item.options["check"] = False
