"""What every exercise shares: the :class:`Exercise` base, its :class:`Result` and :class:`ItemFeedback`.

``ex.check(answer)`` is plain Python: it takes the answer as plain data (a list, a
dict or a string), never runs it as code, and returns a :class:`Result` whose text
says, item by item, what was right, what was missed and why. The widget's Check
button only gathers the answer from the widget and calls ``check``.

Bad answers (policy). An answer of the wrong *shape* (``None``, a number where a
list is expected, an option that does not exist, a word that is not in the
passage, a paste longer than the limit) raises :class:`~mediakit.errors.AnswerError`
with a message a student can act on; the widget shows that message as feedback.
An *empty* answer (``[]``, ``{}``, ``""``) is not an error: it scores zero and the
feedback says that nothing was answered yet, without listing the key, so that an
unanswered student notebook runs clean and does not print the answers.

Marks are never colour alone: each item line starts with a symbol and a word
(``✓ Correct``, ``✗ Missed``, ``! Not in the key`` ...).

>>> r = Result(1.0, 2.0, (ItemFeedback("daring", "hit", 1.0, "It praises."),
...                       ItemFeedback("the enemy", "miss", 0.0, "It takes a side.")))
>>> print(r)
✓ Correct: "daring" (+1) — It praises.
✗ Missed: "the enemy" — It takes a side.
Score: 1/2
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, ClassVar

from ..errors import AnswerError, KeyFileError, MediakitError

#: How each status is shown: a symbol and a word, so right and wrong never rely on colour.
MARKS = {
    "hit": "✓ Correct",
    "correct": "✓ Correct",
    "partial": "~ Partly right",
    "miss": "✗ Missed",
    "wrong": "✗ Not right",
    "false_alarm": "! Not in the key",
    "met": "[x] Done",
    "unmet": "[ ] Not yet",
}

#: The statuses the answers file records (the class report reads them).
STATUSES = ("hit", "miss", "false_alarm", "correct", "wrong", "partial")

#: The teaching patterns an exercise can follow (shown with the question).
PATTERNS = ("target practice", "fill in the blanks", "notebook as an app", "multiple choice")

#: The longest text answer accepted (a headline or a sentence is far shorter).
MAX_TEXT = 2000
#: The most entries a list or dict answer may have.
MAX_ENTRIES = 500


def fmt_score(x: float) -> str:
    """A score without a useless ``.0``: ``2`` or ``1.5``.

    >>> fmt_score(2.0), fmt_score(1.5), fmt_score(0.25)
    ('2', '1.5', '0.25')
    """
    x = round(float(x), 2)
    return str(int(x)) if x == int(x) else f"{x:g}"


@dataclass(frozen=True)
class ItemFeedback:
    """Feedback on one item of an answer.

    ``status`` is one of ``hit``, ``miss``, ``false_alarm`` (Spot), ``correct``,
    ``wrong``, ``partial`` (Classify, Match, Choose), ``met`` / ``unmet`` (a Rewrite
    checklist; saved as ``correct`` / ``wrong``). ``why`` explains it; ``given`` is
    what the student answered for this item, ``expected`` the key's answer when the
    feedback may show it.
    """

    item: str
    status: str
    credit: float = 0.0
    why: str = ""
    given: str = ""
    expected: str = ""

    @property
    def mark(self) -> str:
        return MARKS.get(self.status, self.status)

    def line(self) -> str:
        """One line of feedback: mark, item, credit, what was given, why."""
        text = f"{self.mark}: "
        text += self.item if self.status in ("met", "unmet") else f'"{self.item}"'
        if self.credit > 0 and self.status not in ("met", "unmet"):
            text += f" (+{fmt_score(self.credit)})"
        elif self.credit < 0:
            text += f" (-{fmt_score(-self.credit)})"
        if self.given:
            text += f" — you said: {self.given}"
        if self.expected:
            text += f"; the key says: {self.expected}"
        if self.why and _norm(self.why) != _norm(self.item):  # never "X — X."
            text += f" — {self.why}"
        return text

    def to_dict(self) -> dict:
        """The item as the answers file stores it."""
        status = {"met": "correct", "unmet": "wrong"}.get(self.status, self.status)
        return {"item": self.item, "status": status, "credit": float(self.credit)}


@dataclass(frozen=True)
class Result:
    """The outcome of one check: score, maximum, per-item feedback and the text of it all.

    ``str(result)`` (and ``result.feedback_text``) is the full, deterministic
    feedback; ``print(ex.check(answer))`` shows it in a notebook.
    """

    score: float
    max_score: float
    items: tuple = ()
    feedback_text: str = ""
    exercise_id: str = ""
    message: str = ""
    notes: tuple = field(default=(), compare=False)
    answered: bool = True
    #: The scoring rule in one sentence (printed under the score when set).
    rule: str = field(default="", compare=False)

    def __post_init__(self):
        if not self.feedback_text:
            object.__setattr__(self, "feedback_text", self._render())

    def _render(self) -> str:
        lines = []
        if self.message:
            lines.append(self.message)
        if self.answered:
            lines.extend(i.line() for i in self.items)
        lines.append(f"Score: {fmt_score(self.score)}/{fmt_score(self.max_score)}")
        if self.rule and self.answered and not self.full_marks:
            lines.append(self.rule)
        if self.full_marks:
            lines.append("All correct. Well done!")
        return "\n".join(lines)

    @property
    def full_marks(self) -> bool:
        return self.max_score > 0 and self.score >= self.max_score

    def __str__(self) -> str:
        if self.notes:
            return self.feedback_text + "\n" + "\n".join(f"Note: {n}" for n in self.notes)
        return self.feedback_text

    def show(self) -> None:
        """Print the feedback (the same text as ``print(result)``)."""
        print(self)

    def to_dict(self) -> dict:
        return {
            "score": float(self.score),
            "max_score": float(self.max_score),
            "items": [i.to_dict() for i in self.items],
        }


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", str(text).casefold()).strip()


def slug(text: str) -> str:
    """A short identifier made from a phrase.

    >>> slug("Most Western capitals"), slug("“Trump peace”")
    ('most-western-capitals', 'trump-peace')
    """
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")


class Spec:
    """Read fields of one key entry, raising :class:`KeyFileError` that names file and entry."""

    def __init__(self, data: dict, where: str):
        self.data = data
        self.where = where

    def error(self, message: str) -> KeyFileError:
        return KeyFileError(f"{self.where}: {message}")

    def get(self, name: str, kind: type | tuple = object, default: Any = ..., *, nonempty: bool = False):
        if name not in self.data:
            if default is ...:
                raise self.error(f"the field '{name}' is missing.")
            return default
        value = self.data[name]
        if (
            kind is not object
            and not isinstance(value, kind)
            or isinstance(value, bool)
            and kind in (int, float, (int, float))
        ):
            names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
            raise self.error(f"the field '{name}' should be a {names}, not {type(value).__name__}.")
        if nonempty and not value:
            raise self.error(f"the field '{name}' is empty.")
        return value

    def sub(self, value: dict, what: str, allowed: tuple[str, ...] | None = None) -> Spec:
        """A nested table; with ``allowed``, a field not named there is an error (a typo in the key)."""
        if not isinstance(value, dict):
            raise self.error(f"{what} should be a table (name = value pairs), not {type(value).__name__}.")
        spec = Spec(value, f"{self.where}, {what}")
        unknown = sorted(set(value) - set(allowed)) if allowed is not None else []
        if unknown:
            raise spec.error(f"the field(s) {', '.join(unknown)} are not known here (use {', '.join(allowed)}).")
        return spec


class Exercise:
    """One exercise built from a key entry. Subclasses: Spot, Classify, Match, Rewrite, Choose.

    Attributes shown to the student: ``question`` (the explicit question), ``pattern``
    (target practice, fill in the blanks, notebook as an app, multiple choice),
    ``hints`` (revealed one at a time by :meth:`hint`), ``title``.
    """

    kind: ClassVar[str] = ""
    #: Fields a key entry of this kind may have, beyond the common ones.
    fields: ClassVar[tuple[str, ...]] = ()
    common: ClassVar[tuple[str, ...]] = (
        "id",
        "kind",
        "title",
        "question",
        "pattern",
        "hints",
        "notebook",
        "differs_from_markup",
        "passage",
        "layer",
        "where",
        "labels",
        "minutes",
    )

    def __init__(self, spec: Spec, context):
        self.spec = spec
        self.context = context  # a keys.KeyContext: the file name, the article
        self.id = spec.get("id", str, nonempty=True)
        self.title = spec.get("title", str, "")
        self.question = spec.get("question", str, nonempty=True)
        self.pattern = spec.get("pattern", str, self.default_pattern)
        if self.pattern not in PATTERNS:
            raise spec.error(f"the pattern '{self.pattern}' is unknown; use one of: {', '.join(PATTERNS)}.")
        hints = spec.get("hints", (list, str), [])
        self.hints = tuple([hints] if isinstance(hints, str) else hints)
        if not all(isinstance(h, str) and h.strip() for h in self.hints):
            raise spec.error("every hint should be a non-empty string.")
        self.notebook = spec.get("notebook", str, "")
        self.differs_from_markup = spec.get("differs_from_markup", str, "")
        self.layer = spec.get("layer", str, "")
        self.minutes = spec.get("minutes", int, None)  # class time, when the key sets it
        self.where = dict(spec.get("where", dict, {}))
        self.labels = tuple(spec.get("labels", list, []))
        unknown = sorted(set(spec.data) - set(self.common) - set(self.fields))
        if unknown:
            raise spec.error(f"the field(s) {', '.join(unknown)} are not known for a {self.kind} exercise.")
        self._hint_index = 0

    default_pattern: ClassVar[str] = "fill in the blanks"

    def __repr__(self) -> str:
        return f"<{type(self).__name__} exercise {self.id!r}: {self.question}>"

    # -- what subclasses provide -------------------------------------------------
    def empty_answer(self):
        """The empty answer of the right type (what the student copy starts from)."""
        raise NotImplementedError

    def normalise(self, answer):
        """Check the answer's shape; return it as plain JSON data or raise AnswerError."""
        raise NotImplementedError

    def score(self, answer) -> Result:
        """Score a normalised, non-empty answer."""
        raise NotImplementedError

    def empty_message(self) -> str:
        return "You have not answered yet."

    def is_empty(self, answer) -> bool:
        return not answer

    def all_items_missing(self) -> tuple:
        """The items of an empty answer (all missed), for the answers file."""
        return ()

    # -- the public API -------------------------------------------------------------
    def check(self, answer, *, save: bool = True) -> Result:
        """Score ``answer`` and explain it; save it when an answers session is active.

        Raises :class:`~mediakit.errors.AnswerError` for an answer of the wrong shape.
        """
        data = self.normalise(clean_paste(answer))
        if self.is_empty(data):
            items = self.all_items_missing()
            result = Result(
                0.0, self.max_score, items, exercise_id=self.id, message=self.empty_message(), answered=False
            )
        else:
            try:
                result = self.score(data)
            except AnswerError:
                raise
            except MediakitError as e:  # e.g. a rewrite the lenses cannot read: the student's message
                raise AnswerError(str(e)) from None
        if save:
            from . import answers

            notes = answers.record(self, data, result)
            if not result.answered:  # an empty answer never replaces a saved one: show that one
                result = self._kept(result)
            if notes:
                result = Result(
                    result.score,
                    result.max_score,
                    result.items,
                    result.feedback_text,
                    result.exercise_id,
                    result.message,
                    tuple(notes),
                    result.answered,
                    result.rule,
                )
        return result

    def _kept(self, empty: Result) -> Result:
        """The saved answer's result when an empty answer was checked (``empty`` if there is none)."""
        kept = self.saved_answer()
        try:
            if kept is None or self.is_empty(self.normalise(kept)):
                return empty
            r = self.check(kept, save=False)
        except (AnswerError, TypeError, ValueError):
            return empty
        return Result(
            r.score,
            r.max_score,
            r.items,
            exercise_id=self.id,
            message=(
                f"The answer in this cell is empty, so it was not saved: your saved answer {_short(kept)} is kept "
                "(from the widget or an earlier check). Its feedback:"
            ),
        )

    @property
    def max_score(self) -> float:
        raise NotImplementedError

    def hint(self, n: int | None = None) -> str:
        """The next hint (or hint number ``n``, from 1), as text; hints are shown one at a time."""
        if not self.hints:
            return "There is no hint for this exercise."
        if n is None:
            self._hint_index = min(self._hint_index + 1, len(self.hints))
            n = self._hint_index
        n = max(1, min(int(n), len(self.hints)))
        return f"Hint {n} of {len(self.hints)}: {self.hints[n - 1]}"

    def saved_answer(self):
        """The answer saved for this exercise in the current answers file, or ``None``."""
        from . import answers

        return answers.saved(self)

    def widget(self):
        """The interactive widget (imports ipywidgets only now)."""
        from . import widgets

        return widgets.build(self)

    def show(self):
        """Display the widget in a notebook."""
        from IPython.display import display

        display(self.widget())

    def _ipython_display_(self):
        self.show()

    def describe(self) -> str:
        """The question, as plain text (the pattern is for teachers and key writers, not shown)."""
        return self.question


def expect_type(answer, types, what: str, example: str):
    """Raise a student-readable AnswerError unless ``answer`` is one of ``types``."""
    if answer is None:
        raise AnswerError(f"Your answer is None: write {what}, for example {example}.")
    if isinstance(answer, bool) or not isinstance(answer, types):
        raise AnswerError(f"Your answer should be {what}, for example {example}; you gave a {type(answer).__name__}.")


def expect_text(value, what: str, limit: int = MAX_TEXT) -> str:
    """A string answer or part of one, stripped; AnswerError for non-strings and long pastes."""
    if not isinstance(value, str):
        raise AnswerError(f'{what} should be text in quotes, like "...", not a {type(value).__name__}.')
    if len(value) > limit:
        raise AnswerError(
            f"{what} is too long ({len(value):,} characters; the limit is {limit:,}). "
            "Write a short answer in your own words instead of pasting text."
        )
    return value.strip()


def _short(answer, limit: int = 120) -> str:
    """An answer shown in a message, cut to ``limit`` characters."""
    import json

    text = json.dumps(answer, ensure_ascii=False)
    return text if len(text) <= limit else text[: limit - 1] + "…"


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_paste(answer, depth: int = 0):
    """The answer with what a broken paste leaves in text removed: control characters (NUL ...) and
    lone surrogates (half an emoji), which cannot be saved as UTF-8, become nothing and U+FFFD.

    >>> clean_paste(["da\\x00ring", "half \\ud83d emoji"])
    ['daring', 'half \ufffd emoji']
    """
    if isinstance(answer, str):
        answer = _CONTROL.sub("", answer)
        try:
            answer.encode("utf-8")
        except UnicodeEncodeError:
            answer = "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in answer)
        return answer
    if depth < 4 and isinstance(answer, list):
        return [clean_paste(v, depth + 1) for v in answer]
    if depth < 4 and isinstance(answer, tuple):
        return tuple(clean_paste(v, depth + 1) for v in answer)
    if depth < 4 and isinstance(answer, dict):
        return {k: clean_paste(v, depth + 1) for k, v in answer.items()}
    return answer
