"""The instructor's class report: read the answer files a class handed in, and sum them up.

``mediakit class-report ANSWERS... [-o DIR]`` (or :func:`class_report` in a notebook)
reads the hand-in files that ``mediakit.export_answers`` writes
(``mediakit-answers-<student>.json``, format ``mediakit-export``) and also plain
``<notebook>.answers.json`` files (format ``mediakit-answers``). A folder stands for
every ``*.json`` file in it. It produces:

- a **gradebook**: one row per student, one column per exercise (the score), then
  ``total``, ``max_total`` and ``percent``. An exercise a student never checked is
  left empty and counts 0 in the total. The pre- and post-quiz are not part of the
  total: they are in the quiz table;
- an **item table**: for each item of each exercise, how the class answered it, e.g.
  the share of students who flagged "dictator" and who missed "daring", and who they are.
  ``right`` counts hits and correct answers, ``missed`` misses and wrong answers,
  ``false_alarm`` flags that are not in the key (and, in a multiple-choice question,
  a wrong option ticked);
- a **quiz table**: each student's pre- and post-quiz score (per cent) and the gain,
  when the ``pre_quiz`` and ``post_quiz`` notebooks are there;
- **charts** an instructor can show in the next lesson: the share of the marks the
  class got on each exercise, the most-missed items, the quiz gain.

A bad file never stops the report: it is listed in :attr:`Report.problems` with
what is wrong, and the rest are read. The problems it knows: a file that is
missing, that is not JSON or not UTF-8 (``corrupt``), that is JSON but not a
mediakit answers file (``foreign``), whose content breaks the answers format
(``corrupt``), and a student who handed in twice (``duplicate``). For a duplicate
it keeps the file with more checks in all (a student's number of checks only
grows, so that is the later state of their work; on a tie, the file named first)
and names the file it set aside.

What it does NOT do: it does not re-mark answers against the key (it trusts the
scores that ``check()`` saved, and a student could edit their file: for marks that
count, re-run the notebooks), and it does not merge two files of one student.

pandas and matplotlib are imported inside the functions that need them, so that
``import mediakit`` stays light.

>>> import json, tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> ex = {"kind": "spot", "answer": ["dictator"], "score": 1.0, "max_score": 2.0,
...       "items": [{"item": "dictator", "status": "hit", "credit": 1.0},
...                 {"item": "daring", "status": "miss", "credit": 0.0}], "checks": 1}
>>> nb = {"format": "mediakit-answers", "version": 1, "student": "ada", "notebook": "01_x",
...       "article": "seed", "exercises": {"spot_words": ex}}
>>> hand_in = {"format": "mediakit-export", "version": 1, "student": "ada", "notebooks": {"01_x": nb}}
>>> _ = (folder / "mediakit-answers-ada.json").write_text(json.dumps(hand_in))
>>> _ = (folder / "notes.json").write_text("{not json")
>>> report = class_report([folder])
>>> report.gradebook.loc["ada"].to_dict()
{'spot_words': 1.0, 'total': 1.0, 'max_total': 2.0, 'percent': 50.0}
>>> report.item("daring")[["item", "missed", "missed_by"]].to_dict("records")
[{'item': 'daring', 'missed': 1, 'missed_by': 'ada'}]
>>> [(p.file, p.kind) for p in report.problems]
[('notes.json', 'corrupt')]
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

#: The notebook stems of the two quizzes (they go to the quiz table, not the total).
PRE_QUIZ, POST_QUIZ = "pre_quiz", "post_quiz"
QUIZZES = (PRE_QUIZ, POST_QUIZ)
#: Item statuses that count as the right answer, as a miss, as a false alarm.
RIGHT = ("hit", "correct")
MISSED = ("miss", "wrong")
STATUSES = ("hit", "miss", "false_alarm", "correct", "wrong", "partial")
#: The file names that :meth:`Report.write` writes.
OUTPUT_FILES = ("gradebook.csv", "items.csv", "quiz.csv", "summary.txt",
                "exercises.png", "missed_items.png", "quiz_gain.png")
#: Larger files are not read (a class's hand-in is a few kB).
MAX_BYTES = 5_000_000


class AnswerFileProblem(Exception):
    """Raised inside the reader for one bad file; turned into a :class:`Problem`."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind, self.message = kind, message


@dataclass(frozen=True)
class Problem:
    """One file the report could not use (or used only in part), and why."""

    file: str
    kind: str  # missing | corrupt | foreign | duplicate
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.kind}: {self.message}"


@dataclass(frozen=True)
class Attempt:
    """One student's saved result on one exercise."""

    student: str
    notebook: str
    exercise: str
    kind: str
    score: float
    max_score: float
    items: tuple[tuple[str, str], ...]  # (item, status)
    checks: int


@dataclass
class Report:
    """What :func:`class_report` found: tables (pandas), problems, and charts on demand."""

    gradebook: object  # pandas.DataFrame
    items: object      # pandas.DataFrame
    quiz_gain: object  # pandas.DataFrame (empty without both quizzes)
    problems: list
    files: list        # the files that were read, in the order given
    attempts: tuple = field(default=(), repr=False)

    @property
    def students(self) -> list[str]:
        """The students in the gradebook, in sorted order."""
        return list(self.gradebook.index)

    @property
    def mean_gain(self) -> float | None:
        """The class's mean quiz gain in percentage points (``None`` without both quizzes)."""
        if self.quiz_gain is None or self.quiz_gain.empty:
            return None
        return round(float(self.quiz_gain["gain"].mean()), 1)

    def item(self, item: str, exercise: str | None = None):
        """The rows of the item table for one item (e.g. ``"dictator"``), case-insensitive."""
        rows = self.items[self.items["item"].str.casefold() == item.casefold()]
        if exercise is not None:
            rows = rows[rows["exercise"] == exercise]
        return rows

    def exercise_shares(self):
        """The share of the marks the class got on each exercise (0..1), a pandas Series."""
        import pandas as pd
        shares = {}
        for ex in _exercise_columns(self.gradebook):
            got = [a.score / a.max_score for a in self.attempts
                   if a.exercise == ex and a.notebook not in QUIZZES and a.max_score > 0]
            shares[ex] = round(sum(got) / len(got), 3) if got else float("nan")
        return pd.Series(shares, name="share_of_marks", dtype=float)

    # -- charts ------------------------------------------------------------
    def chart(self, name: str, ax=None):
        """Draw one chart and return its matplotlib Figure.

        ``name`` is ``"exercises"`` (share of the marks per exercise), ``"missed_items"``
        (the items most students missed) or ``"quiz_gain"`` (pre- vs post-quiz).
        """
        charts = {"exercises": _chart_exercises, "missed_items": _chart_missed,
                  "quiz_gain": _chart_quiz}
        if name not in charts:
            from ..errors import MediakitError
            raise MediakitError(f"There is no class chart called {name!r}. "
                                f"The charts are: {', '.join(charts)}.")
        if ax is None:
            from matplotlib.figure import Figure
            fig = Figure(figsize=(9, 4.5) if name == "missed_items" else (7, 4), dpi=100)
            ax = fig.subplots()
        charts[name](self, ax)
        ax.figure.tight_layout()
        return ax.figure

    # -- text and files ----------------------------------------------------
    def summary(self) -> str:
        """A short summary in plain text (the ``summary.txt`` an instructor reads first)."""
        gb = self.gradebook
        lines = [f"mediakit class report: {len(self.files)} file(s) read, {len(gb)} student(s)."]
        if len(gb):
            lines.append(f"Mean score on the exercises: {gb['percent'].mean():.1f}% "
                         f"(lowest {gb['percent'].min():.1f}%, highest {gb['percent'].max():.1f}%).")
            shares = self.exercise_shares().dropna()
            if len(shares):
                hardest = shares.sort_values(kind="stable").index[0]
                lines.append(f"Hardest exercise: {hardest} "
                             f"(the class got {100 * shares[hardest]:.0f}% of its marks).")
        missed = _most_missed(self.items, 3)
        for _, row in missed.iterrows():
            lines.append(f"Missed by {row['missed']} of {row['students']}: "
                         f"\"{row['item']}\" in {row['exercise']}.")
        if self.mean_gain is not None:
            lines.append(f"Quiz: {len(self.quiz_gain)} student(s) took both quizzes; "
                         f"mean gain {self.mean_gain:+.1f} points "
                         f"({self.quiz_gain['pre'].mean():.1f}% before, "
                         f"{self.quiz_gain['post'].mean():.1f}% after).")
        else:
            lines.append("Quiz: no student has both a pre_quiz and a post_quiz notebook.")
        if self.problems:
            lines.append(f"{len(self.problems)} problem(s):")
            lines.extend(f"  {p}" for p in self.problems)
        else:
            lines.append("No problems with the files.")
        return "\n".join(lines) + "\n"

    def write(self, out_dir) -> list[Path]:
        """Write the tables, the charts and ``summary.txt`` to ``out_dir``; return the paths."""
        from ..errors import MediakitError
        out = Path(out_dir)
        written = []
        try:
            out.mkdir(parents=True, exist_ok=True)
            _csv_safe(self.gradebook).to_csv(out / "gradebook.csv", index_label="student", lineterminator="\n")
            _csv_safe(self.items).to_csv(out / "items.csv", index=False, lineterminator="\n")
            _csv_safe(self.quiz_gain).to_csv(out / "quiz.csv", index_label="student", lineterminator="\n")
            (out / "summary.txt").write_text(self.summary(), encoding="utf-8")
            written += [out / "gradebook.csv", out / "items.csv", out / "quiz.csv", out / "summary.txt"]
            for name in ("exercises", "missed_items", "quiz_gain"):
                fig = self.chart(name)
                path = out / f"{name}.png"
                # no Software/date metadata: the same answers give byte-identical files
                fig.savefig(path, metadata={"Software": None})
                written.append(path)
        except OSError as err:
            raise MediakitError(f"Cannot write the report in {out}: {err.strerror or err}. "
                                "Choose another folder with -o.") from None
        return written


# -- reading -------------------------------------------------------------------
def sample_answers_dir() -> Path:
    """The folder of the sample hand-ins shipped with mediakit (a made-up class, with 3 bad files)."""
    from importlib import resources
    return Path(str(resources.files("mediakit") / "data" / "sample_answers"))


def expand(paths: Iterable) -> list[Path]:
    """The files named, with a folder standing for the ``*.json`` files in it (sorted)."""
    out: list[Path] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            out.extend(sorted(q for q in p.glob("*.json") if q.is_file()))
        else:
            out.append(p)
    return out


def read_hand_in(path) -> tuple[str, dict]:
    """Read one file; return ``(student, {notebook: {exercise: raw entry}})``.

    Raises :class:`AnswerFileProblem` with kind ``missing``, ``corrupt`` or ``foreign``.
    """
    path = Path(path)
    if not path.is_file():
        raise AnswerFileProblem("missing", "no such file (check the name, or ask the student to hand it in again)")
    try:
        if path.stat().st_size > MAX_BYTES:
            raise AnswerFileProblem("foreign", f"larger than {MAX_BYTES // 1_000_000} MB: not a mediakit answers file")
        raw = path.read_bytes()
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise AnswerFileProblem("corrupt", "not UTF-8 text: the file is damaged or not an answers file") from None
    except OSError as err:
        raise AnswerFileProblem("missing", f"cannot be read ({err.strerror})") from None
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as err:
        msg = getattr(err, "msg", "too deeply nested")
        where = f" at line {err.lineno}" if hasattr(err, "lineno") else ""
        raise AnswerFileProblem("corrupt", f"not valid JSON ({msg}{where}): the file is damaged; "
                                "ask the student to export it again") from None
    fmt = data.get("format") if isinstance(data, dict) else None
    if fmt not in ("mediakit-export", "mediakit-answers"):
        what = f"format {fmt!r}" if isinstance(fmt, str) else "no mediakit format field"
        raise AnswerFileProblem("foreign", f"not a mediakit answers file ({what}); "
                                "expected a mediakit-answers-<student>.json hand-in")
    if data.get("version") != 1:
        raise AnswerFileProblem("foreign", f"{fmt} version {data.get('version')!r} is not one this "
                                "mediakit reads (version 1): update mediakit")
    student = data.get("student")
    if not isinstance(student, str) or not student.strip():
        raise AnswerFileProblem("corrupt", "no student name in the file")
    if fmt == "mediakit-answers":
        notebooks = {data.get("notebook") or path.name.split(".")[0]: data}
    else:
        notebooks = data.get("notebooks")
        if not isinstance(notebooks, dict):
            raise AnswerFileProblem("corrupt", "the \"notebooks\" field is missing or not an object")
    out: dict[str, dict] = {}
    for stem, nb in notebooks.items():
        if not isinstance(nb, dict) or not isinstance(nb.get("exercises"), dict):
            raise AnswerFileProblem("corrupt", f"notebook {stem!r} has no \"exercises\" object")
        out[str(stem)] = nb["exercises"]
    return student.strip(), out


def _attempts(student: str, notebooks: dict) -> list[Attempt]:
    """Check every entry of one hand-in and turn it into :class:`Attempt` records."""
    out = []
    for stem, exercises in notebooks.items():
        for ex_id, e in exercises.items():
            where = f"exercise {ex_id!r} in {stem}"
            if not isinstance(e, dict):
                raise AnswerFileProblem("corrupt", f"{where} is not an object")
            score, max_score = e.get("score"), e.get("max_score")
            if not (_number(score) and _number(max_score)) or not 0 <= score <= max_score:
                raise AnswerFileProblem("corrupt", f"{where} has a score {score!r} that is not "
                                        f"between 0 and its max_score {max_score!r}")
            items = []
            for it in e.get("items") or []:
                if not isinstance(it, dict) or not isinstance(it.get("item"), str) \
                        or it.get("status") not in STATUSES:
                    raise AnswerFileProblem("corrupt", f"{where} has an item that is not "
                                            f"{{\"item\": text, \"status\": one of {', '.join(STATUSES)}}}")
                items.append((it["item"], it["status"]))
            checks = e.get("checks", 0)
            out.append(Attempt(student, stem, str(ex_id), str(e.get("kind", "")), float(score),
                               float(max_score), tuple(items),
                               int(checks) if _number(checks) and checks >= 0 else 0))
    return out


def _number(x) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x)


def class_report(paths, out_dir=None) -> Report:
    """Read the class's answer files (a folder stands for its ``*.json``) and build the report.

    A bad file is listed in ``report.problems`` and skipped. With ``out_dir`` the
    tables, charts and summary are written there too (see :meth:`Report.write`).
    """
    kept: dict[str, tuple[str, list[Attempt], int]] = {}  # student -> (file, attempts, checks)
    problems: list[Problem] = []
    files: list[str] = []
    for path in expand([paths] if isinstance(paths, (str, Path)) else paths):
        name = _display(path)
        try:
            student, notebooks = read_hand_in(path)
            attempts = _attempts(student, notebooks)
        except AnswerFileProblem as p:
            problems.append(Problem(name, p.kind, p.message))
            continue
        files.append(name)
        checks = sum(a.checks for a in attempts)
        if student in kept:
            other, _, other_checks = kept[student]
            if checks > other_checks:
                problems.append(Problem(other, "duplicate", f"{student} handed in twice: set aside for "
                                        f"{name}, which has more checks ({checks} > {other_checks})"))
                kept[student] = (name, attempts, checks)
            else:
                problems.append(Problem(name, "duplicate", f"{student} handed in twice: set aside, "
                                        f"kept {other} ({other_checks} checks, this one {checks})"))
            continue
        kept[student] = (name, attempts, checks)
    attempts = tuple(a for student in sorted(kept) for a in kept[student][1])
    report = Report(gradebook=_gradebook(attempts, sorted(kept)), items=_items(attempts),
                    quiz_gain=_quiz(attempts), problems=problems, files=files, attempts=attempts)
    if out_dir is not None:
        report.write(out_dir)
    return report


def _display(path: Path) -> str:
    """The file's name alone (hand-ins are named by student; the same on every machine)."""
    return Path(path).name or str(path)


# -- tables --------------------------------------------------------------------
def _key_order() -> dict[str, int]:
    """The position of each shipped exercise in the key files (``{}`` if they cannot be read)."""
    try:
        from ..exercises import all_exercises
        return {ex.id: i for i, ex in enumerate(all_exercises())}
    except Exception:  # a broken key file must not stop the report: fall back to sorting by id
        return {}


def _order(attempts) -> list[tuple[str, str]]:
    """(notebook, exercise) pairs in a stable order: by notebook, then as in the key file, then by id."""
    pos = _key_order()
    pairs = {(a.notebook, a.exercise) for a in attempts}
    return sorted(pairs, key=lambda p: (p[0], pos.get(p[1], len(pos)), p[1]))


def _gradebook(attempts, students):
    import pandas as pd
    lesson = [(nb, ex) for nb, ex in _order(attempts) if nb not in QUIZZES]
    columns = [ex for _, ex in lesson]
    best_max = {ex: 0.0 for ex in columns}
    scores = {s: {} for s in students}
    for a in attempts:
        if a.notebook in QUIZZES:
            continue
        scores[a.student][a.exercise] = a.score
        best_max[a.exercise] = max(best_max[a.exercise], a.max_score)
    gb = pd.DataFrame([[scores[s].get(c, float("nan")) for c in columns] for s in students],
                      index=pd.Index(students, name="student"), columns=columns, dtype=float)
    max_total = float(sum(best_max.values()))
    gb["total"] = gb[columns].fillna(0).sum(axis=1).round(2)
    gb["max_total"] = max_total
    gb["percent"] = (100 * gb["total"] / max_total).round(1) if max_total else float("nan")
    gb.attrs["max_scores"] = best_max
    return gb


def _exercise_columns(gb) -> list[str]:
    return [c for c in gb.columns if c not in ("total", "max_total", "percent")]


def _items(attempts):
    import pandas as pd
    cols = ["notebook", "exercise", "item", "students", "right", "missed", "partial", "false_alarm",
            "share_right", "share_missed", "share_false_alarm", "missed_by"]
    took: dict[tuple[str, str], set] = {}
    counts: dict[tuple[str, str, str], dict] = {}
    for a in attempts:
        took.setdefault((a.notebook, a.exercise), set()).add(a.student)
        for item, status in a.items:
            c = counts.setdefault((a.notebook, a.exercise, item),
                                  {"right": 0, "missed": 0, "partial": 0, "false_alarm": 0, "by": []})
            if status == "wrong" and a.kind == "choose":
                key = "false_alarm"          # a wrong option ticked (a right one left out is a "miss")
            else:
                key = "right" if status in RIGHT else "missed" if status in MISSED else status
            c[key] += 1
            if key == "missed":
                c["by"].append(a.student)
    rows = []
    for (nb, ex, item), c in sorted(counts.items()):
        n = len(took[(nb, ex)])
        rows.append([nb, ex, item, n, c["right"], c["missed"], c["partial"], c["false_alarm"],
                     round(c["right"] / n, 3), round(c["missed"] / n, 3), round(c["false_alarm"] / n, 3),
                     "; ".join(sorted(c["by"]))])
    return pd.DataFrame(rows, columns=cols)


def _quiz(attempts):
    import pandas as pd
    got: dict[tuple[str, str], list[float]] = {}
    for a in attempts:
        if a.notebook in QUIZZES:
            g = got.setdefault((a.student, a.notebook), [0.0, 0.0])
            g[0] += a.score
            g[1] += a.max_score
    rows, index = [], []
    for student in sorted({s for s, _ in got}):
        pre, post = got.get((student, PRE_QUIZ)), got.get((student, POST_QUIZ))
        if pre and post and pre[1] > 0 and post[1] > 0:
            p0, p1 = 100 * pre[0] / pre[1], 100 * post[0] / post[1]
            rows.append([round(p0, 1), round(p1, 1), round(p1 - p0, 1)])
            index.append(student)
    return pd.DataFrame(rows, index=pd.Index(index, name="student"), columns=["pre", "post", "gain"],
                        dtype=float)


def _most_missed(items, n):
    """The ``n`` lesson items most students missed (the quizzes are left out)."""
    if items is None or items.empty:
        return items
    missed = items[(items["missed"] > 0) & ~items["notebook"].isin(QUIZZES)]
    return missed.sort_values(["share_missed", "exercise", "item"], ascending=[False, True, True],
                              kind="stable").head(n)


#: A spreadsheet reads a cell that starts with one of these as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_safe(frame):
    """A copy whose text cells (student names, items) cannot run as spreadsheet formulas.

    A student chooses their own name, and a name like ``=HYPERLINK(...)`` would run when the
    gradebook is opened in a spreadsheet: such a cell gets a leading ``'``.
    """
    def safe(value):
        return "'" + value if isinstance(value, str) and value.startswith(_FORMULA_START) else value
    from pandas.api.types import is_numeric_dtype
    out = frame.copy()
    out.index = [safe(v) for v in out.index]
    out.index.name = frame.index.name
    for col in out.columns:
        if not is_numeric_dtype(out[col]):
            out[col] = out[col].map(safe)
    return out


# -- charts --------------------------------------------------------------------
def _chart_exercises(report: Report, ax) -> None:
    shares = report.exercise_shares()
    ax.set_title("Share of the marks the class got, per exercise")
    if shares.empty:
        ax.text(0.5, 0.5, "no exercise answers yet", ha="center", va="center", transform=ax.transAxes)
        return
    ax.barh(list(shares.index)[::-1], [100 * v for v in shares.values][::-1], color="#4477aa")
    ax.set_xlim(0, 100)
    ax.set_xlabel("% of the marks (students who checked the exercise)")


def _chart_missed(report: Report, ax) -> None:
    missed = _most_missed(report.items, 10)
    ax.set_title("The items most students missed")
    if missed is None or missed.empty:
        ax.text(0.5, 0.5, "nobody missed an item", ha="center", va="center", transform=ax.transAxes)
        return
    labels = [f"{_short(r.item)}  ({r.exercise})" for r in missed.itertuples()]
    ax.barh(labels[::-1], [100 * v for v in missed["share_missed"]][::-1], color="#cc6677")
    ax.set_xlim(0, 100)
    ax.set_xlabel("% of the students (who checked the exercise) who missed it")


def _short(text: str, n: int = 36) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _chart_quiz(report: Report, ax) -> None:
    q = report.quiz_gain
    ax.set_title("Quiz before and after the lessons")
    if q is None or q.empty:
        ax.text(0.5, 0.5, "no student has both quizzes", ha="center", va="center", transform=ax.transAxes)
        return
    for student, row in q.iterrows():
        ax.plot([0, 1], [row["pre"], row["post"]], marker="o", color="#999999", linewidth=1)
    ax.plot([0, 1], [q["pre"].mean(), q["post"].mean()], marker="o", color="#228833", linewidth=3,
            label=f"class mean (gain {report.mean_gain:+.1f} points)")
    ax.set_xticks([0, 1], ["pre-quiz", "post-quiz"])
    ax.set_xlim(-0.3, 1.3)
    ax.set_ylim(0, 105)
    ax.set_ylabel("% of the quiz marks")
    ax.legend(loc="lower right")


# -- command line --------------------------------------------------------------
class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line (raised, not printed with the usage)."""

    def error(self, message):  # argparse's hook
        raise _UsageError(message)


def main(argv=None) -> int:
    """``mediakit class-report ANSWERS... [-o DIR]``: print the summary; with ``-o`` write the files.

    Exit status 0 when at least one file was read, 2 (with one line) when none could be.
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["class-report"]:
        argv = argv[1:]
    parser = _Parser(
        prog="mediakit class-report",
        description="Read the answer files a class handed in (mediakit-answers-<student>.json, "
                    "or a folder of them) and write a gradebook, an item table and charts.")
    parser.add_argument("answers", nargs="+", metavar="ANSWERS",
                        help="hand-in files, or folders holding them")
    parser.add_argument("-o", "--out", metavar="DIR",
                        help="write gradebook.csv, items.csv, quiz.csv, summary.txt and PNG charts here")
    from ..errors import MediakitError
    try:
        args = parser.parse_args(argv)
    except _UsageError as err:
        print(f"mediakit class-report: error: {err} (see 'mediakit class-report --help')", file=sys.stderr)
        return 2
    try:
        report = class_report(args.answers)
        if not report.files:
            first = f" First problem: {report.problems[0]}." if report.problems else ""
            print(f"mediakit class-report: no answers file could be read.{first}", file=sys.stderr)
            return 2
        written = report.write(args.out) if args.out else []
    except MediakitError as err:
        print(f"mediakit class-report: {err}", file=sys.stderr)
        return 2
    sys.stdout.write(report.summary())
    if written:
        print(f"Wrote {len(written)} files to {args.out}: " + ", ".join(p.name for p in written))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
