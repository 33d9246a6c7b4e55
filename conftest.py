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


# Notebooks save answers when they run (mx.start in their first cell). So that the test run leaves no
# answers file in exercises/ or solutions/, each notebook's kernel gets its own temporary answers folder
# (MEDIAKIT_ANSWERS_DIR, read by mx.start), set just before the kernel starts and removed at the end.
_ANSWERS_DIRS: dict = {}


def pytest_runtest_setup(item):
    if type(item).__name__ == "IPyNbCell":
        import os
        import tempfile

        key = str(item.path)
        if key not in _ANSWERS_DIRS:
            _ANSWERS_DIRS[key] = tempfile.mkdtemp(prefix="mediakit-test-answers-")
        os.environ["MEDIAKIT_ANSWERS_DIR"] = _ANSWERS_DIRS[key]


def pytest_runtest_teardown(item):
    if type(item).__name__ == "IPyNbCell":
        import os

        os.environ.pop("MEDIAKIT_ANSWERS_DIR", None)


def pytest_sessionfinish(session):
    import shutil

    for folder in _ANSWERS_DIRS.values():
        shutil.rmtree(folder, ignore_errors=True)
