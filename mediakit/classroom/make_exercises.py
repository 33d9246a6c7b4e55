"""Generate the student notebooks in ``exercises/`` from the solution notebooks in ``solutions/``.

``solutions/`` is the only copy edited by hand. For each ``solutions/*.ipynb`` the
student copy:

- replaces every block between ``### BEGIN SOLUTION`` and ``### END SOLUTION`` in a
  code cell by a stub: an assignment ``answer = ["daring"]`` becomes
  ``answer = []  # your answer here`` (the same variable, empty, of the same type:
  ``[]``, ``{}``, ``""``, ``()``, ``0``), so the cell still runs; anything else
  becomes ``# YOUR ANSWER HERE``;
- removes markdown between ``<!-- BEGIN SOLUTION -->`` and ``<!-- END SOLUTION -->``;
- drops cells tagged ``solution`` and any saved widget state;
- clears every output and execution count;
- keeps cell ids and everything else, and is written by nbformat as stable JSON, so
  running the generator twice gives the same bytes.

``mediakit make-exercises [--src solutions] [--dst exercises] [--check]`` runs it;
``--check`` writes nothing and exits 1 when ``exercises/`` is out of date.

A student's work is never overwritten without a copy: when a target notebook holds
work (outputs or execution counts, saved widget state, an answer stub that was filled
in, or cells that were added) it is first copied to ``<name>.backup-<n>.ipynb``
beside it (``n`` = 1, 2 ...), and the command says so. Every file is written through a
temporary file with an unpredictable name (:func:`tempfile.mkstemp`) and
:func:`os.replace`.

>>> stub_block(['answer = ["dictator", "daring"]'], "")
['answer = []  # your answer here']
>>> stub_block(['for x in y:', '    print(x)'], "    ")
['    # YOUR ANSWER HERE']
"""

from __future__ import annotations

import argparse
import ast
import copy
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

from ..errors import MediakitError

BEGIN = re.compile(r"^(\s*)###\s*BEGIN SOLUTION\s*$")
END = re.compile(r"^\s*###\s*END SOLUTION\s*$")
MD_SOLUTION = re.compile(r"<!--\s*BEGIN SOLUTION\s*-->.*?<!--\s*END SOLUTION\s*-->\n?", re.S)
MD_BEGIN = re.compile(r"<!--\s*BEGIN SOLUTION\s*-->")
SOLUTION_TAG = "solution"

_EMPTY = {ast.List: "[]", ast.Dict: "{}", ast.Tuple: "()", ast.Set: "set()", ast.ListComp: "[]", ast.DictComp: "{}"}


def _empty_of(node: ast.AST) -> str | None:
    if type(node) in _EMPTY:
        return _EMPTY[type(node)]
    if isinstance(node, ast.Constant):
        if isinstance(node.value, str):
            return '""'
        if isinstance(node.value, bool):
            return "False"
        if isinstance(node.value, (int, float)):
            return "0"
    if isinstance(node, ast.JoinedStr):
        return '""'
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):  # "a" + "b" (a long string)
        return _empty_of(node.left)
    return None


def stub_block(lines: list[str], indent: str) -> list[str]:
    """The stub that replaces the solution ``lines`` (see the module docstring)."""
    text = "\n".join(lines)
    try:
        tree = ast.parse(_dedent(lines))
    except SyntaxError:
        tree = None
    out = []
    if tree is not None and tree.body:
        for stmt in tree.body:
            if (
                isinstance(stmt, ast.Assign)
                and len(stmt.targets) == 1
                and isinstance(stmt.targets[0], ast.Name)
                and _empty_of(stmt.value) is not None
            ):
                name = stmt.targets[0].id
                what = "your name here" if name == "student" else "your answer here"
                out.append(f"{indent}{name} = {_empty_of(stmt.value)}  # {what}")
            else:
                out = []
                break
    del text
    return out or [f"{indent}# YOUR ANSWER HERE"]


def _dedent(lines: list[str]) -> str:
    import textwrap

    return textwrap.dedent("\n".join(lines))


def strip_code(source: str, where: str) -> str:
    """A code cell's source with its solution blocks replaced by stubs."""
    lines = source.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        m = BEGIN.match(lines[i])
        if END.match(lines[i]):
            raise MediakitError(f"{where}: '### END SOLUTION' without a '### BEGIN SOLUTION' before it.")
        if not m:
            out.append(lines[i])
            i += 1
            continue
        j = i + 1
        while j < len(lines) and not END.match(lines[j]):
            if BEGIN.match(lines[j]):
                raise MediakitError(f"{where}: a '### BEGIN SOLUTION' inside another solution block.")
            j += 1
        if j == len(lines):
            raise MediakitError(f"{where}: '### BEGIN SOLUTION' has no '### END SOLUTION'.")
        out.extend(stub_block(lines[i + 1 : j], m.group(1)))
        i = j + 1
    return "\n".join(out)


def strip_markdown(source: str, where: str) -> str:
    """A markdown cell's source without its ``<!-- BEGIN/END SOLUTION -->`` parts."""
    out = MD_SOLUTION.sub("", source)
    if MD_BEGIN.search(out):
        raise MediakitError(f"{where}: '<!-- BEGIN SOLUTION -->' has no '<!-- END SOLUTION -->'.")
    return out


def student_copy(nb, name: str = "notebook"):
    """The student version of a solution notebook (a new nbformat node)."""
    nb = copy.deepcopy(nb)
    cells = []
    for n, cell in enumerate(nb.cells, start=1):
        if SOLUTION_TAG in cell.get("metadata", {}).get("tags", []):
            continue
        where = f"{name}, cell {n}"
        if cell.cell_type == "code":
            cell.source = strip_code(cell.source, where)
            cell.outputs = []
            cell.execution_count = None
            cell.metadata.pop("execution", None)
        elif cell.cell_type == "markdown":
            cell.source = strip_markdown(cell.source, where)
        cells.append(cell)
    nb.cells = cells
    nb.metadata.pop("widgets", None)  # saved widget state: random ids, and it may hold answers
    return nb


def render(path: Path) -> str:
    """The student copy of one solution notebook, as the exact text the generator writes."""
    import nbformat

    try:
        nb = nbformat.read(str(path), as_version=4)
    except Exception as e:  # nbformat raises several kinds for a broken file
        raise MediakitError(f"{path.name} is not a readable notebook ({type(e).__name__}: {e}).") from None
    return nbformat.writes(student_copy(nb, path.name)) + "\n"


#: A stub line the generator writes (a filled-in stub is a student's answer).
STUB = re.compile(r"#\s*(?:your answer here|your name here|YOUR ANSWER HERE)\s*$")
BACKUP = re.compile(r"\.backup-\d+\.ipynb$")


def student_work(target: Path, text: str) -> list[str]:
    """What in ``target`` looks like a student's work that writing ``text`` over it would lose.

    Empty when the file is absent, equals ``text``, or is an untouched student copy.
    """
    import nbformat

    if not target.exists():
        return []
    try:
        old_text = target.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ["a file that is not a readable notebook"]
    if old_text == text:
        return []
    try:
        old = nbformat.reads(old_text, as_version=4)
    except Exception:  # noqa: BLE001 - nbformat raises several kinds
        return ["a file that is not a readable notebook"]
    new = nbformat.reads(text, as_version=4)
    reasons = []
    code = [c for c in old.cells if c.get("cell_type") == "code"]
    if any(c.get("outputs") or c.get("execution_count") for c in code):
        reasons.append("outputs")
    if old.metadata.get("widgets"):
        reasons.append("saved widget state")
    fresh = {c.get("id"): c for c in new.cells}
    for c in code:
        twin = fresh.get(c.get("id"))
        if twin is None:
            continue
        stubs = [line for line in twin.source.split("\n") if STUB.search(line)]
        if any(line not in c.source.split("\n") for line in stubs):
            reasons.append("answers written in")
            break
    if any(c.get("id") not in fresh for c in old.cells):
        reasons.append("cells added")
    return reasons


def backup_path(target: Path) -> Path:
    """``<name>.backup-<n>.ipynb`` beside ``target``, with the first free ``n``."""
    n = 1
    while (target.with_name(f"{target.stem}.backup-{n}.ipynb")).exists():
        n += 1
    return target.with_name(f"{target.stem}.backup-{n}.ipynb")


def _write(target: Path, text: str) -> None:
    """Write ``text`` through a temporary file with an unpredictable name, then :func:`os.replace`."""
    fd, tmp = tempfile.mkstemp(dir=str(target.parent), prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _sources(src: Path) -> list[Path]:
    if not src.is_dir():
        raise MediakitError(f"There is no folder {str(src)!r} with solution notebooks.")
    return sorted(p for p in src.glob("*.ipynb") if not p.name.startswith("."))


def make_exercises(src="solutions", dst="exercises", notes: list | None = None) -> list[Path]:
    """Write the student copy of every notebook in ``src`` to ``dst``; return the written paths.

    A target holding a student's work is first copied to ``<name>.backup-<n>.ipynb``;
    each such copy is described in ``notes`` (a list, when given) and printed by the command.
    """
    src, dst = Path(src), Path(dst)
    dst.mkdir(parents=True, exist_ok=True)
    written = []
    for path in _sources(src):
        text = render(path)
        target = dst / path.name
        if target.is_symlink() or (target.exists() and not target.is_file()):
            raise MediakitError(f"{target} is a symbolic link or not a regular file: not replaced.")
        if not target.exists() or target.read_text(encoding="utf-8", errors="replace") != text:
            work = student_work(target, text)
            if work:
                copy_to = backup_path(target)
                shutil.copy2(target, copy_to)
                if notes is not None:
                    notes.append(
                        f"kept a copy of {target} as {copy_to.name} before rewriting it: it held a "
                        f"student's work ({', '.join(work)})"
                    )
            _write(target, text)
        written.append(target)
    return written


def check_in_sync(src="solutions", dst="exercises") -> list[str]:
    """The student notebooks that are missing, stale or have no solution (empty when in sync)."""
    src, dst = Path(src), Path(dst)
    stale = []
    names = set()
    for path in _sources(src):
        names.add(path.name)
        target = dst / path.name
        if not target.exists():
            stale.append(f"{target} (missing)")
        elif target.read_text(encoding="utf-8") != render(path):
            stale.append(f"{target} (out of date)")
    if dst.is_dir():
        for extra in sorted(dst.glob("*.ipynb")):
            if extra.name not in names and not BACKUP.search(extra.name):
                stale.append(f"{extra} (no solution notebook)")
    return stale


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line on stderr, exit code 2, never a usage dump
        print(f"mediakit make-exercises: error: {message} (see 'mediakit make-exercises --help')", file=sys.stderr)
        raise SystemExit(2)


def main(argv=None) -> int:
    """``mediakit make-exercises``: 0 when done (or in sync), 1 when ``--check`` finds stale copies, 2 on error."""
    p = _Parser(prog="mediakit make-exercises", description="Generate exercises/ (student notebooks) from solutions/.")
    p.add_argument("--src", default="solutions", help="folder of solution notebooks (default: solutions)")
    p.add_argument("--dst", default="exercises", help="folder for the student notebooks (default: exercises)")
    p.add_argument("--check", action="store_true", help="write nothing; exit 1 if the student copies are stale")
    try:
        args = p.parse_args(list(sys.argv[1:] if argv is None else argv))
    except SystemExit as e:  # --help (0) or a usage error (2)
        return 2 if e.code else 0
    try:
        if args.check:
            stale = check_in_sync(args.src, args.dst)
            for s in stale:
                print(f"stale: {s}")
            if not stale:
                print(f"{args.dst}/ is in sync with {args.src}/")
            return 1 if stale else 0
        notes: list[str] = []
        for path in make_exercises(args.src, args.dst, notes):
            print(f"wrote {path}")
        for note in notes:
            print(note)
        return 0
    except (MediakitError, OSError) as e:
        print(f"mediakit make-exercises: error: {e}", file=sys.stderr)
        return 2
