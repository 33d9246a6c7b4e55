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

>>> stub_block(['answer = ["dictator", "daring"]'], "")
['answer = []  # your answer here']
>>> stub_block(['for x in y:', '    print(x)'], "    ")
['    # YOUR ANSWER HERE']
"""

from __future__ import annotations

import argparse
import ast
import copy
import re
import sys
from pathlib import Path

from ..errors import MediakitError

BEGIN = re.compile(r"^(\s*)###\s*BEGIN SOLUTION\s*$")
END = re.compile(r"^\s*###\s*END SOLUTION\s*$")
MD_SOLUTION = re.compile(r"<!--\s*BEGIN SOLUTION\s*-->.*?<!--\s*END SOLUTION\s*-->\n?", re.S)
MD_BEGIN = re.compile(r"<!--\s*BEGIN SOLUTION\s*-->")
SOLUTION_TAG = "solution"

_EMPTY = {ast.List: "[]", ast.Dict: "{}", ast.Tuple: "()", ast.Set: "set()", ast.ListComp: "[]",
          ast.DictComp: "{}"}


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
            if (isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name)
                    and _empty_of(stmt.value) is not None):
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
        out.extend(stub_block(lines[i + 1:j], m.group(1)))
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
    nb.metadata.pop("widgets", None)     # saved widget state: random ids, and it may hold answers
    return nb


def render(path: Path) -> str:
    """The student copy of one solution notebook, as the exact text the generator writes."""
    import nbformat
    try:
        nb = nbformat.read(str(path), as_version=4)
    except Exception as e:  # nbformat raises several kinds for a broken file
        raise MediakitError(f"{path.name} is not a readable notebook ({type(e).__name__}: {e}).") from None
    return nbformat.writes(student_copy(nb, path.name)) + "\n"


def _sources(src: Path) -> list[Path]:
    if not src.is_dir():
        raise MediakitError(f"There is no folder {str(src)!r} with solution notebooks.")
    return sorted(p for p in src.glob("*.ipynb") if not p.name.startswith("."))


def make_exercises(src="solutions", dst="exercises") -> list[Path]:
    """Write the student copy of every notebook in ``src`` to ``dst``; return the written paths."""
    src, dst = Path(src), Path(dst)
    dst.mkdir(parents=True, exist_ok=True)
    written = []
    for path in _sources(src):
        text = render(path)
        target = dst / path.name
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            tmp = target.with_name(f".{target.name}.tmp")
            tmp.write_text(text, encoding="utf-8")
            tmp.replace(target)
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
            if extra.name not in names:
                stale.append(f"{extra} (no solution notebook)")
    return stale


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line on stderr, exit code 2, never a usage dump
        print(f"mediakit make-exercises: error: {message} (see 'mediakit make-exercises --help')", file=sys.stderr)
        raise SystemExit(2)


def main(argv=None) -> int:
    """``mediakit make-exercises``: 0 when done (or in sync), 1 when ``--check`` finds stale copies, 2 on error."""
    p = _Parser(prog="mediakit make-exercises",
                description="Generate exercises/ (student notebooks) from solutions/.")
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
        for path in make_exercises(args.src, args.dst):
            print(f"wrote {path}")
        return 0
    except (MediakitError, OSError) as e:
        print(f"mediakit make-exercises: error: {e}", file=sys.stderr)
        return 2
