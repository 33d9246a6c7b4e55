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
- a **quiz table**: each student's pre- and post-quiz score (per cent), the gain and the
  form order (``AB``: form A first), from the first quiz submissions in the hand-ins
  (quiz mode, :mod:`mediakit.exercises.quiz`), each scored again from its answers
  against ``mediakit/keys/quiz_forms.toml``; and :attr:`Report.quiz_class`, the gain
  per form order, the change per skill and the score per form, with n and spread and
  the limits of a small class (:func:`mediakit.exercises.quiz.class_gain`). The practice
  exercises of the quiz notebooks are not part of the quiz score nor of the total;
- **charts** an instructor can show in the next lesson: the share of the marks the
  class got on each exercise, the most-missed items, the quiz gain.

**How scores are computed.** Stored scores are never trusted: a hand-in is JSON a
student can edit. Every handed-in answer is checked again, here, against the answer
key it belongs to (``mediakit/keys/seed.toml`` and ``quiz.toml``, the keys the kit
ships, plus any key given with ``--key FILE`` / ``keys=`` for another article), with
the same ``check()`` the notebook ran. The gradebook and the item table hold these
re-checked scores. A stored score that disagrees with the re-check is reported
(``rescored``). Each exercise counts **once per student**: when the same exercise
is in several of a student's notebooks (a copied or renamed notebook), the best
re-checked attempt counts (on a tie, the one in the notebook named first) and the
others are reported (``repeated``). When a student handed in the same notebook in
two files, the copy with more checks is kept (a student's number of checks only
grows, so that is the later state of their work; on a tie, the file with more checks
in all, then the file named first) and the other is reported (``duplicate``). Names that differ only in case or spaces
("Ada", "ada ") are one student; the hand-ins of one student (one file per notebook,
or several exports) are merged.

**What is set aside.** A bad file never stops the report: it is listed in
:attr:`Report.problems` with what is wrong, and the rest is read. A file that is
missing, not JSON or not UTF-8, nested too deeply or holding numbers too large
(``corrupt``), JSON but not a mediakit answers file (``foreign``); in a readable
file, the answers for an article whose key the report was not given
(``unknown-key``: give it with ``--key``; never trusted), an exercise the key does
not have, an answer the key refuses or no answer at all (``set-aside``), and a
notebook in one student's hand-in that belongs to another student (``mixed``).
None of these count in any score.

What it does NOT do: it cannot tell whether a student worked alone, and an answer
checked against a key that changed since the student checked it is marked by the
key as it is now (the stored score then disagrees, and is reported).

pandas and matplotlib are imported inside the functions that need them, so that
``import mediakit`` stays light.

>>> import json, tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> ex = {"kind": "spot", "answer": ["daring"], "score": 3.0, "max_score": 3.0, "items": [], "checks": 1}
>>> nb = {"format": "mediakit-answers", "version": 1, "student": "ada", "notebook": "04_x",
...       "article": "seed", "exercises": {"loaded-spot-p3-4": ex}}
>>> hand_in = {"format": "mediakit-export", "version": 1, "student": "ada", "notebooks": {"04_x": nb}}
>>> _ = (folder / "mediakit-answers-ada.json").write_text(json.dumps(hand_in))
>>> _ = (folder / "notes.json").write_text("{not json")
>>> report = class_report([folder])
>>> report.gradebook.loc["ada"].to_dict()
{'loaded-spot-p3-4': 1.0, 'total': 1.0, 'max_total': 2.0, 'percent': 50.0}
>>> report.item("the enemy")[["item", "missed", "missed_by"]].to_dict("records")
[{'item': 'the enemy', 'missed': 1, 'missed_by': 'ada'}]
>>> [(p.file, p.kind) for p in report.problems]
[('notes.json', 'corrupt'), ('mediakit-answers-ada.json', 'rescored')]
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import MediakitError

#: The notebook stems of the two quizzes (they go to the quiz table, not the total).
PRE_QUIZ, POST_QUIZ = "pre_quiz", "post_quiz"
QUIZZES = (PRE_QUIZ, POST_QUIZ)
#: Item statuses that count as the right answer, as a miss, as a false alarm.
RIGHT = ("hit", "correct")
MISSED = ("miss", "wrong")
STATUSES = ("hit", "miss", "false_alarm", "correct", "wrong", "partial")
#: The file names that :meth:`Report.write` writes.
OUTPUT_FILES = (
    "gradebook.csv",
    "items.csv",
    "quiz.csv",
    "summary.txt",
    "exercises.png",
    "missed_items.png",
    "quiz_gain.png",
)
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
    #: missing | corrupt | foreign | duplicate (the file); rescored | repeated | unknown-key |
    #: set-aside | mixed (answers inside a readable file)
    kind: str
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
    source: str = ""  # the notebook's name in the hand-in (a copy may have another name)


@dataclass
class Report:
    """What :func:`class_report` found: tables (pandas), problems, and charts on demand."""

    gradebook: object  # pandas.DataFrame
    items: object  # pandas.DataFrame
    quiz_gain: object  # pandas.DataFrame (empty without both quizzes)
    problems: list
    files: list  # the files that were read, in the order given
    attempts: tuple = field(default=(), repr=False)
    #: the class's quiz gain per form order, per skill and per form, and its limits (``class_gain``)
    quiz_class: dict = field(default_factory=dict, repr=False)

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

    def quiz_stats(self, by: str = "order"):
        """The quiz gain as a table in percentage points: ``by`` is ``"order"``, ``"skill"`` or ``"form"``.

        ``order``: the gain per form order (A first, B first, all); ``skill``: the change
        per skill; ``form``: the score per form and phase (per cent). Each row gives n,
        mean, sd, min and max (see :func:`mediakit.exercises.quiz.class_gain`).
        """
        import pandas as pd

        g = self.quiz_class or {}
        if by == "order":
            rows = {ORDER_NAMES.get(k, k): v for k, v in g.get("by_order", {}).items()}
        elif by == "skill":
            rows = {k: v["change"] for k, v in g.get("by_skill", {}).items()}
        elif by == "form":
            rows = dict(g.get("by_form", {}))
        else:
            raise MediakitError(f"quiz_stats(by={by!r}): by is 'order', 'skill' or 'form'.")
        cols = ["n", "mean", "sd", "min", "max"]
        table = pd.DataFrame([[v.get(c) for c in cols] for v in rows.values()], index=list(rows), columns=cols)
        for c in cols[1:]:
            table[c] = (table[c].astype(float) * 100).round(1)
        return table.astype({"n": int})

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
            got = [
                a.score / a.max_score
                for a in self.attempts
                if a.exercise == ex and a.notebook not in QUIZZES and a.max_score > 0
            ]
            shares[ex] = round(sum(got) / len(got), 3) if got else float("nan")
        return pd.Series(shares, name="share_of_marks", dtype=float)

    # -- charts ------------------------------------------------------------
    def chart(self, name: str, ax=None):
        """Draw one chart and return its matplotlib Figure.

        ``name`` is ``"exercises"`` (share of the marks per exercise), ``"missed_items"``
        (the items most students missed) or ``"quiz_gain"`` (pre- vs post-quiz).
        """
        charts = {"exercises": _chart_exercises, "missed_items": _chart_missed, "quiz_gain": _chart_quiz}
        if name not in charts:
            from ..errors import MediakitError

            raise MediakitError(f"There is no class chart called {name!r}. The charts are: {', '.join(charts)}.")
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
            lines.append(
                f"Mean score on the exercises: {gb['percent'].mean():.1f}% "
                f"(lowest {gb['percent'].min():.1f}%, highest {gb['percent'].max():.1f}%)."
            )
            shares = self.exercise_shares().dropna()
            if len(shares):
                hardest = shares.sort_values(kind="stable").index[0]
                lines.append(f"Hardest exercise: {hardest} (the class got {100 * shares[hardest]:.0f}% of its marks).")
        missed = _most_missed(self.items, 3)
        for _, row in missed.iterrows():
            lines.append(f'Missed by {row["missed"]} of {row["students"]}: "{row["item"]}" in {row["exercise"]}.')
        if self.mean_gain is not None:
            lines.append(
                f"Quiz (first submissions, scored again): {len(self.quiz_gain)} student(s) took both quizzes; "
                f"mean gain {self.mean_gain:+.1f} points "
                f"({self.quiz_gain['pre'].mean():.1f}% before, "
                f"{self.quiz_gain['post'].mean():.1f}% after)."
            )
            lines.extend(quiz_lines(self.quiz_class))
        else:
            lines.append("Quiz: no student has both a pre-quiz and a post-quiz submission.")
        lines.append(
            "Scores: every answer was checked again against its answer key (stored scores are not "
            "trusted); each exercise counts once per student, the best attempt."
        )
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
        for name in OUTPUT_FILES:
            target = out / name
            if target.is_symlink() or (target.exists() and not target.is_file()):
                raise MediakitError(
                    f"Cannot write the report in {out}: {name} there is a symbolic link or not "
                    "a regular file. Choose another folder with -o."
                )
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
            raise MediakitError(
                f"Cannot write the report in {out}: {err.strerror or err}. Choose another folder with -o."
            ) from None
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
    """Read one file; return ``(student, {notebook: its answers-file object})``.

    The object holds ``"exercises"`` (``{exercise id: raw entry}``), and ``"article"``
    and ``"student"`` when the file says them.

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
    except ValueError as err:  # also a number with more digits than Python reads (over 4300)
        if isinstance(err, json.JSONDecodeError):
            msg, where = err.msg, f" at line {err.lineno}"
        else:
            msg, where = "a number too long to read", ""
        raise AnswerFileProblem(
            "corrupt", f"not valid JSON ({msg}{where}): the file is damaged; ask the student to export it again"
        ) from None
    except RecursionError as err:
        msg = getattr(err, "msg", "too deeply nested")
        where = f" at line {err.lineno}" if hasattr(err, "lineno") else ""
        raise AnswerFileProblem(
            "corrupt", f"not valid JSON ({msg}{where}): the file is damaged; ask the student to export it again"
        ) from None
    fmt = data.get("format") if isinstance(data, dict) else None
    if fmt not in ("mediakit-export", "mediakit-answers"):
        what = f"format {fmt!r}" if isinstance(fmt, str) else "no mediakit format field"
        raise AnswerFileProblem(
            "foreign", f"not a mediakit answers file ({what}); expected a mediakit-answers-<student>.json hand-in"
        )
    if data.get("version") != 1:
        raise AnswerFileProblem(
            "foreign",
            f"{fmt} version {data.get('version')!r} is not one this mediakit reads (version 1): update mediakit",
        )
    student = data.get("student")
    if not isinstance(student, str) or not student.strip():
        raise AnswerFileProblem("corrupt", "no student name in the file")
    if fmt == "mediakit-answers":
        stem = data.get("notebook") if isinstance(data.get("notebook"), str) else ""
        notebooks = {stem or path.name.split(".")[0]: data}
    else:
        notebooks = data.get("notebooks")
        if not isinstance(notebooks, dict):
            raise AnswerFileProblem("corrupt", 'the "notebooks" field is missing or not an object')
    out: dict[str, dict] = {}
    for stem, nb in notebooks.items():
        if not isinstance(nb, dict) or not isinstance(nb.get("exercises"), dict):
            raise AnswerFileProblem("corrupt", f'notebook {stem!r} has no "exercises" object')
        out[str(stem)] = nb
    return " ".join(student.split())[:80], out


class Keys:
    """The answer keys the report grades with: the shipped ones, and any given (``--key FILE``).

    An answers file names its article (``"seed"``, ``"quiz"``, or the key file's name
    for another article); its answers are checked against that key's exercises.
    """

    def __init__(self, paths=()):
        from ..exercises import keys as K

        self.by_article: dict[str, dict] = {}
        self._results: dict = {}
        for name in K.SHIPPED:
            kf = K.shipped(name)
            self._add("seed" if kf.article == "seed" else name, kf)
        for path in paths:
            kf = K.load_key(path)  # a broken key is the instructor's error: KeyFileError, exit 2
            self._add("seed" if kf.article == "seed" else Path(path).name.rsplit(".", 1)[0], kf)

    def check(self, ex, answer):
        """``ex.check(answer, save=False)``, once per distinct answer (many students give the same one)."""
        key = (id(ex), json.dumps(answer, sort_keys=True, ensure_ascii=True))
        if key not in self._results:
            try:
                self._results[key] = ex.check(answer, save=False)
            except Exception as err:  # noqa: BLE001 - remembered, raised again below
                self._results[key] = err
        got = self._results[key]
        if isinstance(got, Exception):
            raise got
        return got

    def _add(self, article: str, kf) -> None:
        self.by_article.setdefault(article, {}).update({e.id: e for e in kf.exercises})

    def find(self, article, exercise_id: str, notebook: str | None = None):
        """The exercise (``None`` when the key lacks it); the article must be known.

        A notebook on one article may hold an exercise on another (the genre article of "when the
        machine is wrong"): an exercise that the key files place in this very ``notebook`` counts too.
        """
        if article is None:  # a file that does not say its article: the keys, by id
            for table in self.by_article.values():
                if exercise_id in table:
                    return table[exercise_id]
            return None
        found = self.by_article[article].get(exercise_id)
        if found is None and notebook is not None:
            for table in self.by_article.values():
                other = table.get(exercise_id)
                if other is not None and getattr(other, "notebook", None) == notebook:
                    return other
        return found


def _regrade(student: str, stem: str, nb: dict, keys: Keys, name: str, problems: list) -> list[Attempt]:
    """Check every answer of one notebook again against its key; turn them into :class:`Attempt` records.

    Answers that cannot be graded are reported in ``problems`` and left out.
    """
    from ..exercises.answers import plain_answer, student_id

    out: list[Attempt] = []
    owner = nb.get("student")
    if isinstance(owner, str) and student_id(owner) and student_id(owner) != student_id(student):
        problems.append(
            Problem(
                name,
                "mixed",
                f"notebook {_clip(stem)} in {student}'s hand-in holds the answers of {_clip(owner)}: not counted",
            )
        )
        return out
    article = nb.get("article")
    if article is not None and not isinstance(article, str):
        article = _clip(repr(article), 40)
    if article is not None and article not in keys.by_article:
        problems.append(
            Problem(
                name,
                "unknown-key",
                f"{student}: notebook {_clip(stem)} holds answers for "
                f"the article {_clip(article)}, whose key this report was not given: not "
                f"counted (give its key with --key FILE)",
            )
        )
        return out
    for ex_id, e in nb["exercises"].items():
        where = f"{student}: exercise {_clip(ex_id)} in {_clip(stem)}"
        ex = keys.find(article, str(ex_id), stem)
        if ex is None:
            problems.append(
                Problem(name, "set-aside", f"{where} is not in the key of {_clip(article or 'the kit')}: not counted")
            )
            continue
        if not isinstance(e, dict) or "answer" not in e:
            problems.append(Problem(name, "set-aside", f"{where} has no answer to check: not counted"))
            continue
        if not plain_answer(e["answer"]):
            problems.append(
                Problem(
                    name,
                    "set-aside",
                    f"{where}: the answer is not plain data (nested too "
                    "deeply, too long, or a huge number): not counted",
                )
            )
            continue
        try:
            r = keys.check(ex, e["answer"])
        except Exception as err:  # noqa: BLE001 - AnswerError, or a forged answer the kind chokes on
            why = str(err) if isinstance(err, MediakitError) else type(err).__name__
            problems.append(
                Problem(name, "set-aside", f"{where}: the key refuses the answer ({_clip(why, 120)}): not counted")
            )
            continue
        stored = _as_float(e.get("score"))
        if stored is None or abs(stored - r.score) > 1e-6:
            shown = _clip(repr(e.get("score")), 30) if stored is None else _fmt(stored)
            problems.append(
                Problem(
                    name,
                    "rescored",
                    f"{where}: the file says {shown}, the answer scores "
                    f"{_fmt(r.score)}/{_fmt(r.max_score)} against the key; "
                    f"{_fmt(r.score)} is counted",
                )
            )
        checks = e.get("checks", 0)
        checks = checks if isinstance(checks, int) and not isinstance(checks, bool) and 0 <= checks < 2**53 else 0
        out.append(
            Attempt(
                student,
                ex.notebook or stem,
                ex.id,
                ex.kind,
                float(r.score),
                float(r.max_score),
                tuple((i.item, i.to_dict()["status"]) for i in r.items),
                checks,
                stem,
            )
        )
    return out


def _as_float(x) -> float | None:
    """``x`` as a finite float, or ``None`` (text, booleans, NaN, numbers too large for a float)."""
    if isinstance(x, bool) or not isinstance(x, (int, float)):
        return None
    try:
        f = float(x)
    except OverflowError:
        return None
    return f if math.isfinite(f) else None


def _fmt(x: float) -> str:
    from ..exercises.base import fmt_score

    return fmt_score(x)


def _clip(text, n: int = 60) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _best(attempts: list, problems: list) -> list[Attempt]:
    """One attempt per exercise: the best re-checked score (on a tie, the notebook named first).

    ``attempts`` holds ``(attempt, file)`` pairs of one student.
    """
    by_ex: dict[str, list] = {}
    for a, file in attempts:
        by_ex.setdefault(a.exercise, []).append((a, file))
    out = []
    for ex_id, group in by_ex.items():
        group = sorted(group, key=lambda af: (-af[0].score, af[0].source))
        best = group[0][0]
        out.append(best)
        for other, file in group[1:]:
            problems.append(
                Problem(
                    file,
                    "repeated",
                    f"{other.student}: exercise {ex_id} is in "
                    f"{_clip(other.source)} too: counted once, the best attempt "
                    f"({_fmt(best.score)}/{_fmt(best.max_score)}, in {_clip(best.source)})",
                )
            )
    return out


def _number(x) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x)


def class_report(paths, out_dir=None, keys=()) -> Report:
    """Read the class's answer files (a folder stands for its ``*.json``) and build the report.

    Every answer is checked again against its key (the shipped keys, and the key files
    named in ``keys`` for other articles). A bad file, or an answer that cannot be
    graded, is listed in ``report.problems`` and left out. With ``out_dir`` the tables,
    charts and summary are written there too (see :meth:`Report.write`).
    """
    from ..exercises.answers import student_id

    grader = keys if isinstance(keys, Keys) else Keys(keys)
    names: dict[str, str] = {}  # student id -> the name shown
    # student id -> notebook -> (file, notebook, its checks, the file's checks in all)
    kept: dict[str, dict[str, tuple[str, dict, int, int]]] = {}
    problems: list[Problem] = []
    files: list[str] = []
    handed_quiz: dict[str, list[tuple[str, list]]] = {}  # student id -> (file, its quiz submissions)
    for path in expand([paths] if isinstance(paths, (str, Path)) else paths):
        name = _display(path)
        try:
            student, notebooks = read_hand_in(path)
            sid = student_id(student)
            if not sid:
                raise AnswerFileProblem("corrupt", "the student's name has no letter or digit")
            sizes = {stem: _nb_checks(nb) for stem, nb in notebooks.items()}
        except AnswerFileProblem as p:
            problems.append(Problem(name, p.kind, p.message))
            continue
        except (RecursionError, MemoryError, OverflowError, TypeError, ValueError, AttributeError) as err:
            problems.append(Problem(name, "corrupt", f"cannot be read ({type(err).__name__}): set aside"))
            continue
        files.append(name)
        names.setdefault(sid, student)
        submitted = read_quiz(path)
        if submitted:
            handed_quiz.setdefault(sid, []).append((name, submitted))
        mine = kept.setdefault(sid, {})
        set_aside: list[str] = []
        displaced: dict[str, list[str]] = {}
        total = sum(sizes.values())
        for stem, nb in notebooks.items():
            checks = sizes[stem]
            if stem in mine:
                other, _, other_checks, other_total = mine[stem]
                if (checks, total) > (other_checks, other_total):
                    displaced.setdefault(other, []).append(
                        f"{_clip(stem)} ({other_checks} checks, {name} has {checks})"
                    )
                    mine[stem] = (name, nb, checks, total)
                else:
                    set_aside.append(f"{_clip(stem)} ({checks} checks, {other} has {other_checks})")
                continue
            mine[stem] = (name, nb, checks, total)
        rule = (
            "the copy with more checks is kept (on a tie, the file with more checks in all, then the file named first)"
        )
        for other, what in displaced.items():
            problems.append(
                Problem(other, "duplicate", f"{names[sid]} handed in twice: set aside {'; '.join(what)}: {rule}")
            )
        if set_aside:
            problems.append(
                Problem(name, "duplicate", f"{names[sid]} handed in twice: set aside {'; '.join(set_aside)}: {rule}")
            )
    attempts: list[Attempt] = []
    for sid in sorted(kept, key=lambda k: names[k]):
        student = names[sid]
        mine_attempts: list = []
        for stem in sorted(kept[sid]):
            file, nb, _, _ = kept[sid][stem]
            try:
                got = _regrade(student, stem, nb, grader, file, problems)
            except Exception as err:  # noqa: BLE001 - one hostile notebook never stops the report
                problems.append(
                    Problem(
                        file,
                        "corrupt",
                        f"{student}: notebook {_clip(stem)} cannot be graded ({type(err).__name__}): set aside",
                    )
                )
                continue
            mine_attempts.extend((a, file) for a in got)
        attempts.extend(_best(mine_attempts, problems))
    students = sorted(names[s] for s in kept)
    attempts_t = tuple(attempts)
    from ..exercises.quiz import class_gain

    quiz_rows = _quiz_submissions(names, handed_quiz, problems)
    report = Report(
        gradebook=_gradebook(attempts_t, students),
        items=_items(attempts_t),
        quiz_gain=_quiz(quiz_rows),
        problems=problems,
        files=files,
        attempts=attempts_t,
        quiz_class=class_gain(quiz_rows) if quiz_rows else {},
    )
    if out_dir is not None:
        report.write(out_dir)
    return report


def _nb_checks(nb: dict) -> int:
    """A notebook's number of checks in all (what grows as a student works)."""
    total = 0
    for e in nb.get("exercises", {}).values():
        c = e.get("checks", 0) if isinstance(e, dict) else 0
        total += c if isinstance(c, int) and not isinstance(c, bool) and 0 <= c < 2**53 else 0
    return total


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
    gb = pd.DataFrame(
        [[scores[s].get(c, float("nan")) for c in columns] for s in students],
        index=pd.Index(students, name="student"),
        columns=columns,
        dtype=float,
    )
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

    cols = [
        "notebook",
        "exercise",
        "item",
        "students",
        "right",
        "missed",
        "partial",
        "false_alarm",
        "share_right",
        "share_missed",
        "share_false_alarm",
        "missed_by",
    ]
    took: dict[tuple[str, str], set] = {}
    counts: dict[tuple[str, str, str], dict] = {}
    for a in attempts:
        took.setdefault((a.notebook, a.exercise), set()).add(a.student)
        for item, status in a.items:
            c = counts.setdefault(
                (a.notebook, a.exercise, item), {"right": 0, "missed": 0, "partial": 0, "false_alarm": 0, "by": []}
            )
            if status == "wrong" and a.kind == "choose":
                key = "false_alarm"  # a wrong option ticked (a right one left out is a "miss")
            else:
                key = "right" if status in RIGHT else "missed" if status in MISSED else status
            c[key] += 1
            if key == "missed":
                c["by"].append(a.student)
    rows = []
    for (nb, ex, item), c in sorted(counts.items()):
        n = len(took[(nb, ex)])
        rows.append(
            [
                nb,
                ex,
                item,
                n,
                c["right"],
                c["missed"],
                c["partial"],
                c["false_alarm"],
                round(c["right"] / n, 3),
                round(c["missed"] / n, 3),
                round(c["false_alarm"] / n, 3),
                "; ".join(sorted(c["by"])),
            ]
        )
    return pd.DataFrame(rows, columns=cols)


def read_quiz(path) -> list:
    """The quiz submissions in a hand-in file (``"quiz"`` in an export), or ``[]``; never raises."""
    try:
        data = json.loads(Path(path).read_bytes().decode("utf-8-sig"))
    except Exception:  # noqa: BLE001 - read_hand_in has already reported a bad file
        return []
    rows = data.get("quiz") if isinstance(data, dict) else None
    return list(rows) if isinstance(rows, list) else []


def _quiz_submissions(names: dict, handed: dict, problems: list) -> list[dict]:
    """The first pre and post submission of each student, scored again from the answers (for ``class_gain``).

    A stored score is never trusted: :func:`mediakit.exercises.quiz.regrade` recomputes
    it from the answers and the forms' key; a stored score that disagrees is reported
    (``rescored``). The form order comes from the forms the student took.
    """
    from ..errors import MediakitError
    from ..exercises.answers import student_id
    from ..exercises.quiz import FORMS, regrade

    rows: list[dict] = []
    for sid in sorted(handed, key=lambda k: names[k]):
        student = names[sid]
        kept: dict[str, tuple[str, dict]] = {}
        for file, submitted in handed[sid]:
            for d in submitted[:10]:
                if not isinstance(d, dict):
                    problems.append(Problem(file, "set-aside", f"{student}: a quiz submission that is not an object"))
                    continue
                if student_id(str(d.get("student", ""))) != sid:
                    problems.append(
                        Problem(file, "mixed", f"{student}: a quiz submission of {_clip(str(d.get('student')))!r}")
                    )
                    continue
                try:
                    new, notes = regrade(d)
                except (MediakitError, TypeError, AttributeError) as err:
                    problems.append(Problem(file, "set-aside", f"{student}: a quiz submission set aside ({err})"))
                    continue
                phase = new["phase"]
                if phase in kept:
                    first_file, first = kept[phase]
                    if first.get("answers") != new.get("answers") or first["form"] != new["form"]:
                        problems.append(
                            Problem(
                                file,
                                "duplicate",
                                f"{student}: a second {phase}-quiz submission, set aside: "
                                f"the first one (in {first_file}) is the one recorded",
                            )
                        )
                    continue
                for note in notes:
                    problems.append(Problem(file, "set-aside", f"{student}, {phase}-quiz: {note}"))
                stored = _as_float(d.get("score"))
                if stored is None or not math.isclose(stored, new["score"]):
                    problems.append(
                        Problem(
                            file,
                            "rescored",
                            f"{student}, {phase}-quiz: stored score {d.get('score')!r} is not what the answers "
                            f"score ({_fmt(new['score'])}/{_fmt(new['max_score'])}): the answers count",
                        )
                    )
                kept[phase] = (file, new)
        pre, post = kept.get("pre", ("", None))[1], kept.get("post", ("", None))[1]
        if pre is None and post is None:
            continue
        if pre is not None and post is not None:
            order = pre["form"] + post["form"]
            if pre["form"] == post["form"]:
                problems.append(
                    Problem(
                        kept["post"][0],
                        "set-aside",
                        f"{student} took form {pre['form']} twice: counted in the overall gain, not per form order",
                    )
                )
        elif pre is not None:
            order = pre["form"] + next(f for f in FORMS if f != pre["form"])
        elif post is not None:
            order = next(f for f in FORMS if f != post["form"]) + post["form"]
        for d in (pre, post):
            if d is not None:
                rows.append(
                    {
                        "student": student,
                        "phase": d["phase"],
                        "form": d["form"],
                        "order": order,
                        "score": d["score"],
                        "max_score": d["max_score"],
                        "skills": d["skills"],
                    }
                )
    return rows


def _quiz(rows):
    """One row per student with both quizzes: pre, post, gain (per cent, points) and the form order."""
    import pandas as pd

    got: dict[str, dict] = {}
    for d in rows:
        got.setdefault(d["student"], {})[d["phase"]] = d
    table, index = [], []
    for student in sorted(got):
        pre, post = got[student].get("pre"), got[student].get("post")
        if pre and post and pre["max_score"] > 0 and post["max_score"] > 0:
            p0, p1 = 100 * pre["score"] / pre["max_score"], 100 * post["score"] / post["max_score"]
            table.append([round(p0, 1), round(p1, 1), round(p1 - p0, 1), pre["order"]])
            index.append(student)
    frame = pd.DataFrame(table, index=pd.Index(index, name="student"), columns=["pre", "post", "gain", "order"])
    return frame.astype({"pre": float, "post": float, "gain": float, "order": object})


#: How the summary names a form order.
ORDER_NAMES = {"AB": "form A first", "BA": "form B first", "all": "all"}


def _points(stats: dict) -> str:
    """A ``class_gain`` stats entry (shares) in percentage points: n, mean, sd, min to max."""
    if not stats or not stats.get("n"):
        return "n = 0"

    def pts(x):
        return "-" if x is None else f"{100 * x:+.1f}"

    sd = "-" if stats["sd"] is None else f"{100 * stats['sd']:.1f}"
    return f"n = {stats['n']}, mean {pts(stats['mean'])}, sd {sd}, {pts(stats['min'])} to {pts(stats['max'])}"


def quiz_lines(gain: dict) -> list[str]:
    """The summary's lines on the quiz: gain per form order, change per skill, limits (points).

    >>> g = {"by_order": {"AB": {"n": 1, "mean": 0.25, "sd": None, "min": 0.25, "max": 0.25}},
    ...      "by_skill": {}, "limits": ["Only 1 student took both quizzes."]}
    >>> quiz_lines(g)
    ['Gain by form order (points): form A first: n = 1, mean +25.0, sd -, +25.0 to +25.0.', 'Limits: Only 1 student took both quizzes.']
    """
    if not gain:
        return []
    lines = [
        "Gain by form order (points): "
        + "; ".join(f"{ORDER_NAMES.get(k, k)}: {_points(v)}" for k, v in gain.get("by_order", {}).items())
        + "."
    ]
    skills = gain.get("by_skill", {})
    if skills:
        lines.append(
            "Change per skill (points): " + "; ".join(f"{k}: {_points(v['change'])}" for k, v in skills.items()) + "."
        )
    forms = gain.get("by_form", {})
    if forms:
        lines.append(
            "Score per form (% of the marks): "
            + "; ".join(
                f"{k}: n = {v['n']}, mean {100 * v['mean']:.1f}" for k, v in forms.items() if v.get("mean") is not None
            )
            + "."
        )
    lines.extend(f"Limits: {x}" for x in gain.get("limits", []))
    return lines


def _most_missed(items, n):
    """The ``n`` lesson items most students missed (the quizzes are left out)."""
    if items is None or items.empty:
        return items
    missed = items[(items["missed"] > 0) & ~items["notebook"].isin(QUIZZES)]
    return missed.sort_values(["share_missed", "exercise", "item"], ascending=[False, True, True], kind="stable").head(
        n
    )


#: A spreadsheet reads a cell that starts with one of these as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_safe(frame):
    """A copy whose text cells and headers cannot run as spreadsheet formulas.

    A student chooses their own name, and a hand-in can carry any notebook name or item
    text: a cell like ``=HYPERLINK(...)`` would run when the gradebook is opened in a
    spreadsheet. Every text cell, the index and the column headers that start with
    ``=``, ``+``, ``-``, ``@``, a tab or a carriage return get a leading ``'``.

    >>> import pandas as pd
    >>> f = pd.DataFrame({"=cmd": ["-1+1", "ok"], "n": [-1.5, 2.0]}, index=pd.Index(["@x", "ada"], name="student"))
    >>> out = _csv_safe(f)
    >>> list(out.columns), list(out.index), list(out["'=cmd"]), list(out["n"])
    (["'=cmd", 'n'], ["'@x", 'ada'], ["'-1+1", 'ok'], [-1.5, 2.0])
    """

    def safe(value):
        return "'" + value if isinstance(value, str) and value.startswith(_FORMULA_START) else value

    from pandas.api.types import is_numeric_dtype

    out = frame.copy()
    out.index = [safe(v) for v in out.index]
    out.index.name = safe(frame.index.name)
    for col in out.columns:
        if not is_numeric_dtype(out[col]):
            out[col] = out[col].map(safe)
    out.columns = [safe(c) for c in out.columns]
    return out


def _tex_safe(text: str) -> str:
    r"""Chart text with ``$`` escaped, so matplotlib never reads it as mathtext.

    >>> _tex_safe("$5 and $6")
    '\\$5 and \\$6'
    """
    return str(text).replace("$", r"\$")


# -- charts --------------------------------------------------------------------
def _chart_exercises(report: Report, ax) -> None:
    shares = report.exercise_shares()
    ax.set_title("Share of the marks the class got, per exercise")
    if shares.empty:
        ax.text(0.5, 0.5, "no exercise answers yet", ha="center", va="center", transform=ax.transAxes)
        return
    ax.barh([_tex_safe(i) for i in shares.index][::-1], [100 * v for v in shares.values][::-1], color="#4477aa")
    ax.set_xlim(0, 100)
    ax.set_xlabel("% of the marks (students who checked the exercise)")


def _chart_missed(report: Report, ax) -> None:
    missed = _most_missed(report.items, 10)
    ax.set_title("The items most students missed")
    if missed is None or missed.empty:
        ax.text(0.5, 0.5, "nobody missed an item", ha="center", va="center", transform=ax.transAxes)
        return
    labels = [_tex_safe(f"{_short(r.item)}  ({r.exercise})") for r in missed.itertuples()]
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
    colours = {"AB": "#4477aa", "BA": "#cc6677"}
    for order, rows in q.groupby("order", sort=True):
        colour = colours.get(order, "#999999")
        for _, row in rows.iterrows():
            ax.plot([0, 1], [row["pre"], row["post"]], marker="o", color=colour, linewidth=1, alpha=0.6)
        ax.plot(
            [0, 1],
            [rows["pre"].mean(), rows["post"].mean()],
            color=colour,
            linewidth=2,
            linestyle="--",
            label=f"{ORDER_NAMES.get(order, order)} (n = {len(rows)}, gain {rows['gain'].mean():+.1f})",
        )
    ax.plot(
        [0, 1],
        [q["pre"].mean(), q["post"].mean()],
        marker="o",
        color="#228833",
        linewidth=3,
        label=f"class mean (gain {report.mean_gain:+.1f} points)",
    )
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
        "or a folder of them) and write a gradebook, an item table and charts.",
    )
    parser.add_argument("answers", nargs="+", metavar="ANSWERS", help="hand-in files, or folders holding them")
    parser.add_argument(
        "-o", "--out", metavar="DIR", help="write gradebook.csv, items.csv, quiz.csv, summary.txt and PNG charts here"
    )
    parser.add_argument(
        "--key",
        metavar="FILE",
        action="append",
        default=[],
        help="an answer key (TOML) for another article's hand-ins; may be given several times "
        "(the kit's own keys are always used)",
    )
    from ..errors import MediakitError

    try:
        args = parser.parse_args(argv)
    except _UsageError as err:
        print(f"mediakit class-report: error: {err} (see 'mediakit class-report --help')", file=sys.stderr)
        return 2
    try:
        report = class_report(args.answers, keys=args.key)
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
