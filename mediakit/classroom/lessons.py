"""``mediakit lessons DIR``: copy the kit's notebooks into a folder a teacher or student can open.

A teacher who installed mediakit with pip has no checkout of the repository. The wheel
carries the executed notebooks (``notebooks/``, ``exercises/``, ``solutions/``, copied
into the package as ``mediakit/_kit`` when the wheel is built: see ``setup.py``); in a
checkout (``pip install -e .``) they are read from the repository itself.

``copy_lessons(dest)`` copies them into ``dest`` with the same layout (the lessons link
their exercises as ``../exercises/...``), plus the example article lesson 6 compares
with. ``student=True`` leaves out ``solutions/``. A file already in ``dest`` is never
overwritten: an identical copy is reported as unchanged, a different one (a notebook the
teacher or a student has changed or run) is kept and reported as skipped.

>>> kit_dir().joinpath("notebooks", "00_start_here.ipynb").is_file()
True
>>> sorted(FOLDERS)
['exercises', 'notebooks', 'solutions']
"""

from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path

from ..errors import MediakitError

#: Folder -> what it holds. All three keep their names in the copy, so the links between them work.
FOLDERS = {
    "notebooks": "the lessons (00 to 07)",
    "exercises": "the student exercise notebooks and the quizzes",
    "solutions": "the exercise notebooks with their answers (for the teacher)",
}
#: Files the lessons read besides the notebooks (lesson 6 compares the seed with this article).
EXTRAS = ("tests/articles/byo_example.txt",)
FIRST_LESSON = "notebooks/00_start_here.ipynb"

COPIED, UNCHANGED, SKIPPED = "copied", "unchanged", "skipped"


def kit_dir() -> Path:
    """Where the kit's notebooks are: inside the installed package, or the repository of a checkout."""
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "_kit", package.parent):
        if (candidate / FIRST_LESSON).is_file():
            return candidate
    raise MediakitError(
        "This installation of mediakit has no lesson notebooks. Reinstall it from a wheel or a "
        "checkout of the repository (pip install mediakit-*.whl)."
    )


def kit_files(student: bool = False) -> list[str]:
    """The files to copy, as paths relative to :func:`kit_dir` (``notebooks/00_start_here.ipynb`` ...)."""
    root = kit_dir()
    files = []
    for folder in FOLDERS:
        if student and folder == "solutions":
            continue
        files += [f"{folder}/{p.name}" for p in sorted((root / folder).glob("*.ipynb"))]
    files += [extra for extra in EXTRAS if (root / extra).is_file()]
    return files


def copy_lessons(dest: str | Path, student: bool = False) -> list[tuple[str, str]]:
    """Copy the kit into ``dest``; ``[(relative path, "copied" | "unchanged" | "skipped"), ...]``.

    Never overwrites: a file that exists with other content is left as it is ("skipped").
    """
    dest = Path(dest)
    if dest.exists() and not dest.is_dir():
        raise MediakitError(f"{dest} is a file, not a folder: give the name of a folder to copy the lessons into.")
    root = kit_dir()
    if dest.resolve() == root.resolve():
        raise MediakitError(f"{dest} is where the kit itself lives: give another folder.")
    done = []
    for rel in kit_files(student):
        data = (root / rel).read_bytes()
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            with open(target, "xb") as out:  # "x": fails if the file exists, so nothing is ever overwritten
                out.write(data)
            done.append((rel, COPIED))
        except FileExistsError:
            same = target.is_file() and target.read_bytes() == data
            done.append((rel, UNCHANGED if same else SKIPPED))
    return done


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line on stderr, exit code 2, never a usage dump
        print(f"mediakit lessons: error: {message} (see 'mediakit lessons --help')", file=sys.stderr)
        raise SystemExit(2)


def main(argv: list[str] | None = None) -> int:
    """``mediakit lessons DIR [--student]``: 0 when done, 2 on a bad folder or usage."""
    p = _Parser(
        prog="mediakit lessons",
        description="Copy the lesson, exercise and solution notebooks into DIR (never overwriting a changed file).",
    )
    p.add_argument("dir", metavar="DIR", help="the folder to copy into (created if needed)")
    p.add_argument(
        "--student", action="store_true", help="only the student copies: lessons and exercises, no solutions"
    )
    try:
        args = p.parse_args(list(sys.argv[1:] if argv is None else argv))
    except SystemExit as e:  # --help (0) or a usage error (2)
        return 2 if e.code else 0
    try:
        done = copy_lessons(args.dir, student=args.student)
    except (MediakitError, OSError) as e:
        print(f"mediakit lessons: error: {e}", file=sys.stderr)
        return 2
    for rel, status in done:
        if status == SKIPPED:
            print(f"skipped {rel}: it exists and differs from the kit's copy (rename or delete it to get a fresh one)")
    counts = {s: sum(1 for _, st in done if st == s) for s in (COPIED, UNCHANGED, SKIPPED)}
    print(
        f"{counts[COPIED]} files copied, {counts[UNCHANGED]} already there and unchanged, "
        f"{counts[SKIPPED]} kept as they were, in {args.dir}"
    )
    for folder, what in FOLDERS.items():
        if any(rel.startswith(folder + "/") for rel, _ in done):
            print(f"  {folder}/: {what}")
    print(f"Open them with:\n  cd {shlex.quote(str(args.dir))} && jupyter lab {FIRST_LESSON}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
