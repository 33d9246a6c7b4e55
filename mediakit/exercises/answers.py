"""Saving answers: one JSON file per notebook and student, written atomically on every check.

Which file? Each exercise notebook starts with::

    import mediakit.exercises as mx
    mx.start("01_meet_the_article_exercises", student="Sam")

which names the notebook (its file name without ``.ipynb``) and the student. Answers
then go to ``01_meet_the_article_exercises.answers.json`` in the current folder
(Jupyter runs a notebook in its own folder, so the file sits beside it). Without
``start()``, the environment variables ``MEDIAKIT_NOTEBOOK``, ``MEDIAKIT_STUDENT`` and
``MEDIAKIT_ANSWERS_DIR`` are read; when no notebook is named either way, checks
still work but nothing is saved. (A kernel cannot reliably learn its notebook's
name without the browser, so the notebook says it.)

Every check (right, wrong or empty) rewrites the file through a temporary file in
the same folder and :func:`os.replace`, so a crash never leaves half a file. When
the cell runs again, :meth:`Exercise.saved_answer` (and the widget) bring the answer
back. A file that cannot be read is never overwritten: it is renamed to
``<notebook>.answers.corrupt-<n>.json`` (``n`` = 1, 2 ...) and the student is told.

The format (``"format": "mediakit-answers"``, version 1) is in the team brief;
:func:`export_answers` gathers a student's files into one hand-in file
``mediakit-answers-<student>.json`` (``"format": "mediakit-export"``).
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..errors import AnswerError, AnswersFileError

FORMAT = "mediakit-answers"
EXPORT_FORMAT = "mediakit-export"
VERSION = 1
_STEM = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,120}")

_session: "Session | None" = None
_pending: list[str] = []


@dataclass(frozen=True)
class Session:
    """Whose answers, for which notebook, saved in which folder."""

    notebook: str
    student: str
    folder: str

    @property
    def path(self) -> Path:
        return Path(self.folder) / f"{self.notebook}.answers.json"

    def __repr__(self) -> str:
        return (f"Answers of {self.student!r} for {self.notebook} are saved on every check "
                f"in {self.path.name}, beside this notebook.")


def start(notebook: str, student: str = "", folder: str | os.PathLike | None = None) -> Session:
    """Name the notebook and the student whose answers are saved from now on.

    An empty ``student`` takes ``MEDIAKIT_STUDENT`` or ``"student"``. A corrupt answers
    file found now is set aside and reported at once.
    """
    global _session
    if not isinstance(notebook, str) or not _STEM.fullmatch(notebook) or notebook.endswith(".ipynb"):
        raise AnswerError(f"start() needs the notebook's name without .ipynb, like \"01_meet_the_article_exercises\"; "
                          f"{notebook!r} is not.")
    _session = Session(notebook, _student(student), str(Path(folder) if folder is not None else Path(".")))
    try:
        read_or_set_aside(_session.path)
    except OSError as e:
        _pending.append(f"Your saved answers in {_session.path.name} cannot be read ({e.strerror or e}). "
                        "Checks still give feedback, but may not be saved: tell your teacher.")
    for note in drain():
        print(note)
    return _session


def stop() -> None:
    """Forget the current session (answers are no longer saved)."""
    global _session
    _session = None


def current() -> Session | None:
    """The active session: from :func:`start`, else from the environment, else ``None``."""
    if _session is not None:
        return _session
    nb = os.environ.get("MEDIAKIT_NOTEBOOK", "").strip()
    if nb and _STEM.fullmatch(nb):
        return Session(nb, _student(""), os.environ.get("MEDIAKIT_ANSWERS_DIR", "") or ".")
    return None


def _student(name) -> str:
    if name is None:
        name = ""
    if not isinstance(name, str):
        raise AnswerError(f"The student's name should be text in quotes, like \"Sam\"; {name!r} is not.")
    name = " ".join(name.split())[:80]
    return name or os.environ.get("MEDIAKIT_STUDENT", "").strip()[:80] or "student"


def drain() -> list[str]:
    """Messages about answers files not yet shown to the student (and forget them)."""
    out = list(_pending)
    _pending.clear()
    return out


# -- reading and writing ------------------------------------------------------------------
def read(path: Path) -> dict:
    """Read and check one answers file; :class:`AnswersFileError` when it is not one."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise AnswersFileError(f"{Path(path).name} is not UTF-8 text.") from None
    except json.JSONDecodeError as e:
        raise AnswersFileError(f"{Path(path).name} is not valid JSON ({e.msg}, line {e.lineno}).") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise AnswersFileError(f"{Path(path).name} is not a mediakit answers file.")
    if data.get("version") != VERSION:
        raise AnswersFileError(f"{Path(path).name} has version {data.get('version')!r}; this mediakit reads version {VERSION}.")
    if not isinstance(data.get("exercises"), dict) or not all(isinstance(v, dict) for v in data["exercises"].values()):
        raise AnswersFileError(f"{Path(path).name} has no valid 'exercises' table.")
    return data


def set_aside(path: Path, reason: str) -> Path:
    """Rename an unreadable answers file to ``<stem>.corrupt-<n>.json`` and queue a message."""
    path = Path(path)
    base = path.name[:-len(".json")] if path.name.endswith(".json") else path.name
    n = 1
    while (path.parent / f"{base}.corrupt-{n}.json").exists():
        n += 1
    aside = path.parent / f"{base}.corrupt-{n}.json"
    os.replace(path, aside)
    _pending.append(f"Your saved answers could not be read: {reason} The file was kept as {aside.name}, not deleted, "
                    f"and a new {path.name} is started. Show {aside.name} to your teacher if you need those answers back.")
    return aside


def read_or_set_aside(path: Path) -> dict | None:
    """The answers file's content; ``None`` if there is none (or it was unreadable and set aside)."""
    path = Path(path)
    if not path.exists():
        return None
    try:
        return read(path)
    except AnswersFileError as e:
        set_aside(path, str(e))
        return None


def write_json(path: Path, data: dict) -> None:
    """Write JSON atomically: a temporary file in the same folder, then :func:`os.replace`."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=str(path.parent), prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False, indent=2)
            f.write("\n")
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def article_name(exercise) -> str:
    ctx = exercise.context
    return "seed" if ctx.article_kind == "seed" else ctx.name.rsplit(".", 1)[0]


def record(exercise, answer, result) -> list[str]:
    """Save one checked answer in the current session's file; return messages for the student."""
    session = current()
    if session is None:
        return drain()
    path = session.path
    try:
        data = read_or_set_aside(path) or {
            "format": FORMAT, "version": VERSION, "student": session.student, "notebook": session.notebook,
            "article": article_name(exercise), "exercises": {}}
        data["student"] = session.student
        before = data["exercises"].get(exercise.id, {})
        checks = before.get("checks", 0) if isinstance(before.get("checks", 0), int) else 0
        data["exercises"][exercise.id] = {
            "kind": exercise.kind, "answer": answer, "score": float(result.score),
            "max_score": float(result.max_score), "items": [i.to_dict() for i in result.items],
            "checks": checks + 1}
        write_json(path, data)
    except OSError as e:
        _pending.append(f"Your answer could not be saved in {path.name} ({e.strerror or e}). "
                        "Copy your answer somewhere safe and tell your teacher.")
    return drain()


def saved(exercise):
    """The answer last saved for ``exercise`` in the current session, or ``None``."""
    session = current()
    if session is None:
        return None
    try:
        data = read_or_set_aside(session.path)
    except OSError:
        return None
    if not data:
        return None
    entry = data["exercises"].get(exercise.id)
    return entry.get("answer") if isinstance(entry, dict) else None


# -- handing in -----------------------------------------------------------------------------
def safe_name(student: str) -> str:
    """A student's name as it can appear in a file name.

    >>> safe_name("Sam O'Neil"), safe_name("Zoë")
    ('Sam-O-Neil', 'Zoë')
    """
    return re.sub(r"[^\w-]+", "-", student, flags=re.UNICODE).strip("-") or "student"


def export_answers(student: str | None = None, folder: str | os.PathLike = ".", out=None) -> Path:
    """Gather a student's answers files in ``folder`` into one hand-in file; return its path.

    The file is ``mediakit-answers-<student>.json`` in ``folder`` unless ``out`` names
    another path. Unreadable answers files are set aside and reported, not dropped silently.
    """
    if student is None:
        session = current()
        if session is None:
            raise AnswerError('Say whose answers to export, for example export_answers(student="Sam").')
        student = session.student
    student = _student(student)
    folder = Path(folder)
    if not folder.is_dir():
        raise AnswersFileError(f"There is no folder {str(folder)!r} to export answers from.")
    notebooks = {}
    for path in sorted(folder.glob("*.answers.json")):
        data = read_or_set_aside(path)
        if data is None:
            continue
        if str(data.get("student", "")).casefold() == student.casefold():
            notebooks[str(data.get("notebook") or path.name[:-len(".answers.json")])] = data
    for note in drain():
        print(note)
    if not notebooks:
        raise AnswersFileError(f"There are no saved answers of {student!r} in {str(folder)!r}. Run the exercise "
                               "notebooks first; their first cell says whose answers they save.")
    target = Path(out) if out is not None else folder / f"mediakit-answers-{safe_name(student)}.json"
    write_json(target, {"format": EXPORT_FORMAT, "version": VERSION, "student": student,
                        "notebooks": dict(sorted(notebooks.items()))})
    return target
