"""Quiz mode: two parallel forms (A and B), no feedback until the whole quiz is submitted.

The pre- and post-quiz measure what the class learned, so they work differently from
the exercises:

- **No feedback, hint or retry before submission.** :meth:`Quiz.answer` only saves
  the answer (a wrong *shape*, such as a letter that is not an option, is still refused
  with a message); :meth:`Quiz.hint` gives no hint.
- **The first submission counts.** :meth:`Quiz.submit` scores every item and records
  the result in a :class:`QuizStore`; a later submission by the same student for the
  same phase does not replace it (it is returned with a note saying so).
- **After submission, feedback with explanations** (:meth:`Quiz.feedback`).
- **Two parallel forms, counterbalanced.** :func:`form_order` gives each student a
  stable order, A then B or B then A, from a hash of their name (about half the class
  each way), unless the instructor overrides it.
- :func:`class_gain` computes, from the first submissions, the gain per form order and
  the change per skill, with n and spread, for the class report.
- **In a notebook**, :func:`start_quiz` gives the student of the current session
  (``mx.start``) their form for the phase, kept in ``quiz.<student>.submissions.json``
  beside the notebook; :meth:`Quiz.show` prints the questions, :meth:`Quiz.hand_in`
  submits a dictionary of answers (an empty one submits nothing) and returns the
  feedback; ``mediakit.exercises.quiz_widget`` is the widget front over the same calls.
  ``mx.export_answers()`` hands in the first submissions, and the class report scores
  them again with :func:`regrade` (a stored score is never trusted).

The forms live in ``mediakit/keys/quiz_forms.toml``; an item's skill is in its id
(``qa-sources-1``: form A, skill sources).

>>> [e.id for e in form("A")][:2]
['qa-sources-1', 'qa-sources-2']
>>> form_order("Sam"), form_order("Sam", override={"sam": "BA"})
(('B', 'A'), ('B', 'A'))
>>> q = Quiz("A", "Sam", store=QuizStore(None))
>>> q.answer("qa-sources-1", "b")
'Saved. Feedback comes after you submit the whole quiz.'
>>> print(q.hint())
No hints during the quiz: answer what you can, then submit.
>>> r = q.submit()
>>> r.score, r.max_score, r.first
(1.0, 12.0, True)
>>> q.submit().first
False

Not handled: timing (how long a student took) and item statistics beyond the per-skill
change; a quiz taken twice under two spellings of a name counts as two students.
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..errors import MediakitError
from .keys import keys_dir, load_key

FORMS = ("A", "B")
SKILLS = ("sources", "quotes", "loaded", "headline", "lateral")
PHASES = ("pre", "post")
#: Below this many students per group, the report says a difference may be chance.
SMALL_N = 10


@functools.cache
def forms_key():
    """The key file with both forms, loaded once."""
    return load_key(keys_dir() / "quiz_forms.toml")


def form(name: str) -> list:
    """The exercises of form ``"A"`` or ``"B"``, in order."""
    name = str(name).upper()
    if name not in FORMS:
        raise MediakitError(f"There is no quiz form {name!r}; the forms are A and B.")
    return [e for e in forms_key() if e.notebook == f"quiz_form_{name.lower()}"]


def skill_of(exercise_id: str) -> str:
    """The skill an item tests, read from its id.

    >>> skill_of("qb-headline-2")
    'headline'
    """
    m = re.fullmatch(r"q[ab]-([a-z]+)-\d+", exercise_id)
    if not m or m.group(1) not in SKILLS:
        raise MediakitError(f"{exercise_id!r} is not a quiz item id like 'qa-sources-1'.")
    return m.group(1)


def length_cue(ex) -> str:
    """Why a multiple-choice item could be answered by picking the longest option ("" if it cannot).

    An item has a length cue when its right option is strictly longer than every
    wrong option (for several right options: when the shortest right one is).

    >>> from types import SimpleNamespace as O
    >>> cue = O(id="x", options=[O(text="a long, careful right answer", correct=True), O(text="no", correct=False)])
    >>> length_cue(cue)
    'x: the right option is the longest (28 characters; the longest wrong one has 2)'
    >>> length_cue(O(id="y", options=[O(text="right", correct=True), O(text="wrong!", correct=False)]))
    ''
    """
    right = [len(o.text) for o in ex.options if o.correct]
    wrong = [len(o.text) for o in ex.options if not o.correct]
    if right and wrong and min(right) > max(wrong):
        return (
            f"{ex.id}: the right option is the longest ({min(right)} characters; "
            f"the longest wrong one has {max(wrong)})"
        )
    return ""


def _norm_name(student: str) -> str:
    name = " ".join(str(student).split()).casefold()
    if not name:
        raise MediakitError("Write your name so that your quiz can be recorded, for example Quiz('A', 'Sam').")
    return name


def form_order(student: str, override: dict | None = None) -> tuple[str, str]:
    """The order of forms for a student: ``("A", "B")`` or ``("B", "A")``.

    Stable (a SHA-256 hash of the name, case and spacing ignored), so a student gets
    the same order on any machine. ``override`` maps names to ``"AB"`` or ``"BA"``
    for an instructor who assigns the halves by hand.

    >>> form_order("Ana") == form_order("  ana ")
    True
    >>> form_order("Ana", override={"Ana": "AB"})
    ('A', 'B')
    """
    name = _norm_name(student)
    for who, order in (override or {}).items():
        if _norm_name(who) == name:
            order = str(order).upper().replace("-", "").replace(" ", "")
            if order not in ("AB", "BA"):
                raise MediakitError(f"The form order for {who!r} should be 'AB' or 'BA', not {order!r}.")
            return (order[0], order[1])
    digest = hashlib.sha256(name.encode("utf-8")).digest()
    return ("A", "B") if digest[0] % 2 == 0 else ("B", "A")


def form_for(student: str, phase: str, override: dict | None = None) -> str:
    """The form a student takes in the ``pre`` or ``post`` phase.

    >>> form_for("Sam", "pre") != form_for("Sam", "post")
    True
    """
    if phase not in PHASES:
        raise MediakitError(f"The phase should be 'pre' or 'post', not {phase!r}.")
    return form_order(student, override)[PHASES.index(phase)]


@dataclass(frozen=True)
class QuizResult:
    """One recorded submission: scores overall and per skill, and the feedback text."""

    student: str
    form: str
    phase: str
    order: str
    score: float
    max_score: float
    skills: dict
    answers: dict
    feedback_text: str = ""
    first: bool = True

    def __str__(self) -> str:
        note = (
            ""
            if self.first
            else "You had already submitted this quiz: your first submission is the one recorded, shown here.\n\n"
        )
        return note + self.feedback_text

    def to_dict(self) -> dict:
        return {
            "student": self.student,
            "form": self.form,
            "phase": self.phase,
            "order": self.order,
            "score": self.score,
            "max_score": self.max_score,
            "skills": self.skills,
            "answers": self.answers,
            "feedback_text": self.feedback_text,
        }

    @classmethod
    def from_dict(cls, d: dict, first: bool = True) -> QuizResult:
        return cls(
            d["student"],
            d["form"],
            d["phase"],
            d["order"],
            float(d["score"]),
            float(d["max_score"]),
            {k: list(v) for k, v in d["skills"].items()},
            dict(d.get("answers", {})),
            d.get("feedback_text", ""),
            first,
        )


class QuizStore:
    """Where submissions are kept: a JSON file (or memory, with ``path=None``).

    Only the first submission per student and phase is kept.

    >>> s = QuizStore(None)
    >>> a = QuizResult("sam", "A", "pre", "AB", 3, 12, {}, {})
    >>> s.record(a).first, s.record(QuizResult("sam", "A", "pre", "AB", 9, 12, {}, {})).score
    (True, 3.0)
    """

    def __init__(self, path=None):
        self.path = Path(path) if path is not None else None
        self._memory: list[dict] = []

    def submissions(self) -> list[dict]:
        """Every recorded (first) submission, as plain dictionaries."""
        if self.path is None:
            return list(self._memory)
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return []
        except (OSError, ValueError):
            raise MediakitError(
                f"The quiz file {self.path.name} cannot be read: it is not valid JSON. "
                "Ask your teacher; do not delete it."
            ) from None
        return list(data.get("submissions", [])) if isinstance(data, dict) else []

    def find(self, student: str, phase: str) -> dict | None:
        name = _norm_name(student)
        return next((d for d in self.submissions() if d["student"] == name and d["phase"] == phase), None)

    def record(self, result: QuizResult) -> QuizResult:
        """Keep ``result`` unless this student already submitted this phase; return what is kept."""
        old = self.find(result.student, result.phase)
        if old is not None:
            return QuizResult.from_dict(old, first=False)
        rows = self.submissions() + [result.to_dict()]
        if self.path is None:
            self._memory = rows
        else:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump({"submissions": rows}, f, indent=1, ensure_ascii=False)
            os.replace(tmp, self.path)
        return result


class Quiz:
    """One student's sitting of one form, in quiz mode (see the module docstring)."""

    def __init__(
        self,
        form_name: str,
        student: str,
        phase: str = "pre",
        store: QuizStore | None = None,
        override: dict | None = None,
    ):
        self.form = str(form_name).upper()
        self.items = form(self.form)
        self.student = _norm_name(student)
        if phase not in PHASES:
            raise MediakitError(f"The phase should be 'pre' or 'post', not {phase!r}.")
        self.phase = phase
        self.order = "".join(form_order(student, override))
        self.store = store if store is not None else QuizStore(None)
        self._answers: dict = {}
        self._result: QuizResult | None = None

    @classmethod
    def for_student(cls, student: str, phase: str, store: QuizStore | None = None, override: dict | None = None):
        """The quiz a student takes in this phase, by the counterbalanced order."""
        return cls(form_for(student, phase, override), student, phase, store, override)

    def _item(self, item_id: str):
        for e in self.items:
            if e.id == item_id:
                return e
        raise MediakitError(
            f"Form {self.form} has no item {item_id!r}. Its items are: " + ", ".join(e.id for e in self.items) + "."
        )

    def answer(self, item_id: str, answer) -> str:
        """Save an answer (shape checked, not scored): no feedback until submission."""
        ex = self._item(item_id)
        self._answers[ex.id] = ex.normalise(answer)
        return "Saved. Feedback comes after you submit the whole quiz."

    def hint(self, *args) -> str:
        """No hints in quiz mode."""
        return "No hints during the quiz: answer what you can, then submit."

    def _id(self, key) -> str:
        """An item id from its number on the form (1, 2 ...) or its id."""
        if isinstance(key, int) and not isinstance(key, bool):
            if 1 <= key <= len(self.items):
                return self.items[key - 1].id
            raise MediakitError(f"Form {self.form} has questions 1 to {len(self.items)}; there is no question {key}.")
        if isinstance(key, str) and key.strip().isdigit():
            return self._id(int(key.strip()))
        return self._item(str(key)).id

    def answers(self) -> dict:
        """The answers saved so far (item id -> answer); nothing says whether they are right."""
        return dict(self._answers)

    def show(self) -> str:
        """The questions of this form, numbered, with their options (never the answers).

        >>> print(Quiz("A", "Sam").show().splitlines()[0])
        Pre-quiz for sam: form A, 12 questions. Answer all of them, then submit once.
        """
        lines = [
            f"{self.phase.capitalize()}-quiz for {self.student}: form {self.form}, {len(self.items)} questions. "
            "Answer all of them, then submit once."
        ]
        for n, ex in enumerate(self.items, start=1):
            lines.append("")
            lines.append(f"{n}. {ex.question}")
            lines.extend(f"   {o.id}) {o.text}" for o in ex.options)
        return "\n".join(lines)

    __str__ = show

    def submit(self, answers: dict | None = None) -> QuizResult:
        """Score the whole quiz and record it; only the first submission is recorded.

        ``answers`` (optional) maps question numbers (1, 2 ...) or item ids to answers;
        they are saved first, as with :meth:`answer`.
        """
        if answers is not None:
            if not isinstance(answers, dict):
                raise MediakitError(
                    "Write your answers as a dictionary: the question number, a colon, then your letter in quotes, "
                    'for example answers = {1: "b", 2: "a"}.'
                )
            for key, value in answers.items():
                self.answer(self._id(key), value)
        done = self.store.find(self.student, self.phase)
        if done is not None:
            self._result = QuizResult.from_dict(done, first=False)
            return self._result
        skills = {s: [0.0, 0.0] for s in SKILLS}
        lines, total, top = [], 0.0, 0.0
        for n, ex in enumerate(self.items, start=1):
            given = self._answers.get(ex.id, ex.empty_answer())
            r = ex.check(given, save=False)
            s = skill_of(ex.id)
            skills[s][0] += r.score
            skills[s][1] += r.max_score
            total += r.score
            top += r.max_score
            lines.append(f"{n}. {ex.question}\n{r.feedback_text}")
            if not r.answered:
                lines.append("Explanation: " + "; ".join(f"{o.id}) {o.why}" for o in ex.options if o.correct))
        text = "\n\n".join(lines) + f"\n\nQuiz score: {total:g}/{top:g}"
        result = QuizResult(
            self.student,
            self.form,
            self.phase,
            self.order,
            total,
            top,
            {k: v for k, v in skills.items() if v[1]},
            dict(self._answers),
            text,
        )
        self._result = self.store.record(result)
        return self._result

    def hand_in(self, answers: dict | None = None) -> str:
        """Submit (see :meth:`submit`) and return the feedback; with no answer at all, submit nothing.

        An empty quiz is not recorded, so that running every cell of an unanswered
        notebook does not use up the one submission.

        >>> q = Quiz("A", "Sam")
        >>> q.hand_in({})
        'Nothing submitted: you have not answered any question yet. Write your answers, then run this cell again.'
        >>> q.hand_in({1: "b"}).splitlines()[-1]
        'Quiz score: 1/12'
        """
        if answers is not None and not isinstance(answers, dict):
            return self.submit(answers).feedback_text  # raises the message about the shape
        if not self._answers and not answers and self.store.find(self.student, self.phase) is None:
            return (
                "Nothing submitted: you have not answered any question yet. "
                "Write your answers, then run this cell again."
            )
        self.submit(answers)
        return self.feedback()

    def feedback(self) -> str:
        """The feedback with explanations, once the quiz is submitted."""
        if self._result is None:
            raise MediakitError("Submit the whole quiz first (quiz.submit()); feedback comes after.")
        note = (
            ""
            if self._result.first
            else ("You had already submitted this quiz: your first submission is the one recorded, shown here.\n\n")
        )
        return note + self._result.feedback_text


# -- in a notebook, and for the hand-in -------------------------------------------------
def quiz_path(student: str, folder) -> Path:
    """The file a student's quiz submissions are kept in: ``quiz.<student>.submissions.json``."""
    from .answers import student_id

    return Path(folder) / f"quiz.{student_id(student) or 'student'}.submissions.json"


def start_quiz(phase: str, student: str | None = None, folder=None, override: dict | None = None) -> Quiz:
    """The quiz of this phase for the student of the current session (``mx.start``), kept in their folder.

    Without a session, ``student`` and ``folder`` (default: ``MEDIAKIT_ANSWERS_DIR``, else
    the current folder) say whose quiz it is and where it is kept.
    """
    from .answers import current

    session = current()
    if student is None or not str(student).strip():
        if session is None:
            raise MediakitError(
                'Run the first cell (mx.start) first, or say whose quiz it is: start_quiz("pre", "Sam").'
            )
        student = session.student
    if folder is None:
        folder = session.folder if session is not None else (os.environ.get("MEDIAKIT_ANSWERS_DIR", "").strip() or ".")
    return Quiz.for_student(student, phase, store=QuizStore(quiz_path(student, folder)), override=override)


#: The fields of a submission that go into the hand-in file.
HAND_IN_FIELDS = ("student", "form", "phase", "order", "score", "max_score", "skills", "answers")


def submissions_in(folder, student: str) -> list[dict]:
    """A student's recorded (first) submissions in ``folder``, for the hand-in (no feedback text)."""
    path = quiz_path(student, folder)
    if not path.is_file():
        return []
    name = _norm_name(student)
    return [
        {k: d[k] for k in HAND_IN_FIELDS if k in d}
        for d in QuizStore(path).submissions()
        if isinstance(d, dict) and d.get("student") == name
    ]


def regrade(submission: dict) -> tuple[dict, list[str]]:
    """Score a handed-in submission again from its answers (a stored score is never trusted).

    Returns the submission with ``score``, ``max_score`` and ``skills`` recomputed from the
    key, and the notes on answers set aside (an item not on the form, an answer the key
    refuses). Raises :class:`MediakitError` when the form or phase is not a quiz's.

    >>> d = {"student": "sam", "form": "A", "phase": "pre", "score": 12, "max_score": 12,
    ...      "answers": {"qa-sources-1": "b", "qa-sources-2": "z", "qb-loaded-1": "a"}}
    >>> new, notes = regrade(d)
    >>> new["score"], new["max_score"], new["skills"]["sources"], len(notes)
    (1.0, 12.0, [1.0, 3.0], 2)
    """
    f, phase = str(submission.get("form", "")).upper(), submission.get("phase")
    if f not in FORMS or phase not in PHASES:
        raise MediakitError(f"not a quiz submission (form {submission.get('form')!r}, phase {phase!r})")
    answers = submission.get("answers")
    answers = answers if isinstance(answers, dict) else {}
    items = form(f)
    known = {e.id for e in items}
    notes = [f"{str(k)[:40]!r} is not an item of form {f}" for k in answers if k not in known]
    skills = {s: [0.0, 0.0] for s in SKILLS}
    total = top = 0.0
    for ex in items:
        given = answers.get(ex.id)
        try:
            r = ex.check(ex.empty_answer() if given is None else given, save=False)
        except MediakitError:
            notes.append(f"the answer to {ex.id} is not one the key reads")
            r = ex.check(ex.empty_answer(), save=False)
        s = skill_of(ex.id)
        skills[s][0] += r.score
        skills[s][1] += r.max_score
        total += r.score
        top += r.max_score
    out = dict(submission)
    out.update(form=f, score=total, max_score=top, skills={k: v for k, v in skills.items() if v[1]})
    return out, notes


# -- the class report ------------------------------------------------------------------
def _stats(values: list[float]) -> dict:
    """n, mean, standard deviation (n - 1), min and max, rounded.

    >>> _stats([0.1, 0.3])
    {'n': 2, 'mean': 0.2, 'sd': 0.141, 'min': 0.1, 'max': 0.3}
    >>> _stats([])["n"]
    0
    """
    n = len(values)
    if not n:
        return {"n": 0, "mean": None, "sd": None, "min": None, "max": None}
    mean = sum(values) / n
    sd = math.sqrt(sum((v - mean) ** 2 for v in values) / (n - 1)) if n > 1 else None

    def r(x):
        return None if x is None else round(x, 3)

    return {"n": n, "mean": r(mean), "sd": r(sd), "min": r(min(values)), "max": r(max(values))}


def class_gain(submissions: list[dict]) -> dict:
    """Gain from pre to post (share of the maximum), per form order and per skill.

    ``submissions`` are first submissions as :class:`QuizStore` keeps them. Only
    students with both a pre and a post submission count. Returns ``by_order``
    (``"AB"``, ``"BA"``, ``"all"``: stats of post minus pre), ``by_skill`` (per skill:
    pre, post and change stats), ``by_form`` (mean score per form and phase, to see
    whether one form is harder) and ``limits`` (sentences on n and spread).

    >>> rows = [dict(student=s, phase=p, form=f, order=o, score=x, max_score=10, skills={"loaded": [x, 10]})
    ...         for s, o, p, f, x in [("a", "AB", "pre", "A", 4), ("a", "AB", "post", "B", 7),
    ...                               ("b", "BA", "pre", "B", 5), ("b", "BA", "post", "A", 6)]]
    >>> g = class_gain(rows)
    >>> g["by_order"]["AB"]["mean"], g["by_order"]["BA"]["mean"], g["by_order"]["all"]["n"]
    (0.3, 0.1, 2)
    >>> g["by_skill"]["loaded"]["change"]["mean"]
    0.2
    >>> g["limits"][0]
    'Only 2 students took both quizzes: with so few, a difference may be chance. Read the spread (sd, min to max), not only the mean.'
    """
    by_student: dict[str, dict] = {}
    for d in submissions:
        by_student.setdefault(d["student"], {}).setdefault(d["phase"], d)
    pairs = [(v["pre"], v["post"]) for v in by_student.values() if "pre" in v and "post" in v]

    def share(d, skill=None):
        s, m = (d["score"], d["max_score"]) if skill is None else d.get("skills", {}).get(skill, (0, 0))
        return s / m if m else None

    gains: dict[str, list[float]] = {"AB": [], "BA": [], "all": []}
    for pre, post in pairs:
        g = share(post) - share(pre)
        gains["all"].append(g)
        if pre.get("order") in gains:
            gains[pre["order"]].append(g)
    by_skill = {}
    for skill in SKILLS:
        rows = [(share(a, skill), share(b, skill)) for a, b in pairs]
        rows = [(x, y) for x, y in rows if x is not None and y is not None]
        if rows:
            by_skill[skill] = {
                "pre": _stats([x for x, _ in rows]),
                "post": _stats([y for _, y in rows]),
                "change": _stats([y - x for x, y in rows]),
            }
    forms: dict[str, list] = {}
    for d in submissions:
        forms.setdefault(f"{d['form']} {d['phase']}", []).append(share(d))
    by_form = {k: _stats([v for v in vals if v is not None]) for k, vals in sorted(forms.items())}
    n = len(pairs)
    limits = []
    if n < SMALL_N:
        limits.append(
            f"Only {n} student{'s' if n != 1 else ''} took both quizzes: with so few, a difference may "
            "be chance. Read the spread (sd, min to max), not only the mean."
        )
    else:
        limits.append(
            f"{n} students took both quizzes. A class is not a random sample: the gain describes "
            "this class, not students in general."
        )
    if min(len(gains["AB"]), len(gains["BA"])) < max(1, n // 4):
        limits.append(
            "The two form orders are unbalanced, so a harder form can look like a gain or a loss: "
            "compare the orders before reading the overall gain."
        )
    limits.append("The forms are parallel, not identical: compare 'by_form' to see if one is harder.")
    return {
        "by_order": {k: _stats(v) for k, v in gains.items()},
        "by_skill": by_skill,
        "by_form": by_form,
        "limits": limits,
    }
