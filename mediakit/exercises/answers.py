"""Saving answers: one JSON file per notebook *and student*, written atomically on every check.

Which file? Each exercise notebook starts with::

    import mediakit.exercises as mx
    mx.start("01_meet_the_article_exercises", student="Sam")

which names the notebook (its file name without ``.ipynb``) and the student. Answers
then go to ``01_meet_the_article_exercises.sam.answers.json`` in the current folder
(Jupyter runs a notebook in its own folder, so the file sits beside it): the file
name holds the student's id (:func:`student_id`: the name in lower case, spaces and
punctuation as ``-``), so two students working in one shared folder never write to
the same file, and "Sam", "sam" and "Sam " are one student. A blank name gets a
unique id (``anonymous-<6 hex digits>``) and the student is told to write their
name. Without ``start()``, the environment variables ``MEDIAKIT_NOTEBOOK``,
``MEDIAKIT_STUDENT`` and ``MEDIAKIT_ANSWERS_DIR`` are read (``MEDIAKIT_ANSWERS_DIR``
also moves the files of ``start()`` when no folder is given); when no notebook is
named either way, checks still work but nothing is saved. (A kernel cannot reliably
learn its notebook's name without the browser, so the notebook says it.)

Every check rewrites the file through a temporary file in the same folder and
:func:`os.replace`, so a crash never leaves half a file; the read-modify-write is
done under a lock (``fcntl.flock`` on a hidden ``.<file>.lock`` beside it, or an
exclusive lock file where there is no ``fcntl``), so two tabs or two kernels saving
at once never lose a check. **An empty answer never replaces a saved one**: after
"Restart Kernel and Run All Cells", a code cell still holding ``answer = ""`` keeps
the answer the student gave in the widget, and says so. When the cell runs again,
:meth:`Exercise.saved_answer` (and the widget) bring the answer back. A file that
cannot be read is never overwritten: it is renamed to
``<file>.corrupt-<n>.json`` (``n`` = 1, 2 ...) and the student is told.

The format (``"format": "mediakit-answers"``, version 1) is in the team brief;
:func:`export_answers` gathers a student's files into one hand-in file
``mediakit-answers-<student>.json`` (``"format": "mediakit-export"``). The files of
mediakit versions that used ``<notebook>.answers.json`` are still read.

>>> student_id("  Sam  O'Neil "), student_id("ZOË"), student_id("")
('sam-o-neil', 'zoë', '')
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import re
import secrets
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from ..errors import AnswerError, AnswersFileError, MediakitError

FORMAT = "mediakit-answers"
EXPORT_FORMAT = "mediakit-export"
VERSION = 1
_STEM = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,120}")

#: The deepest nesting and the most characters a saved answer may have to be brought back.
MAX_DEPTH = 4
MAX_ANSWER_CHARS = 50_000

_session: Session | None = None
_pending: list[str] = []
_anonymous: str = ""  # this kernel's id for a student who gave no name
_thread_lock = threading.Lock()  # one save at a time inside a kernel (the file lock is for the rest)


def student_id(name: str) -> str:
    """The id of a student in file names: lower case, anything but letters and digits as ``-``."""
    return re.sub(r"[^\w]+", "-", " ".join(str(name).split()).casefold(), flags=re.UNICODE).strip("-_")[:60]


@dataclass(frozen=True)
class Session:
    """Whose answers, for which notebook, saved in which folder."""

    notebook: str
    student: str
    folder: str

    @property
    def path(self) -> Path:
        return Path(self.folder) / f"{self.notebook}.{student_id(self.student) or 'student'}.answers.json"

    @property
    def legacy_path(self) -> Path:
        """Where mediakit versions before one-file-per-student saved (``<notebook>.answers.json``)."""
        return Path(self.folder) / f"{self.notebook}.answers.json"

    def __repr__(self) -> str:
        return f"Answers of {self.student!r} for {self.notebook} are saved on every check in {self.path.name}."


def start(notebook: str, student: str = "", folder: str | os.PathLike | None = None) -> Session:
    """Name the notebook and the student whose answers are saved from now on.

    An empty ``student`` takes ``MEDIAKIT_STUDENT``, else a unique ``anonymous-...`` id
    (and says so). ``folder`` defaults to ``MEDIAKIT_ANSWERS_DIR``, else the current
    folder. A corrupt answers file found now is set aside and reported at once; the
    answers files of other students for the same notebook are left alone (and the
    student is told they are there).
    """
    global _session
    if not isinstance(notebook, str) or not _STEM.fullmatch(notebook) or notebook.endswith(".ipynb"):
        raise AnswerError(
            f'start() needs the notebook\'s name without .ipynb, like "01_meet_the_article_exercises"; '
            f"{notebook!r} is not."
        )
    if folder is None:
        folder = os.environ.get("MEDIAKIT_ANSWERS_DIR", "").strip() or "."
    name = _student(student)
    _session = Session(notebook, name, str(Path(folder)))
    if name.startswith("anonymous-") and not _named(student):
        _pending.append(
            f"You did not write your name, so your answers are saved as {name!r} "
            f"(in {_session.path.name}). Write your name in this cell and run it again: "
            "answers saved under a name come back after a restart, and your teacher can tell they are yours."
        )
    try:
        with _locked(_session.path):
            _adopt_legacy(_session)
            read_or_set_aside(_session.path)
        others = _others(_session)
        if others:
            _pending.append(
                f"This folder also holds answers of {len(others)} other student(s) for {notebook} "
                f"({', '.join(others)}). They are kept as they are: only the answers of "
                f"{name!r} are brought back and saved here (in {_session.path.name})."
            )
    except OSError as e:
        _pending.append(
            f"Your saved answers in {_session.path.name} cannot be read ({e.strerror or e}). "
            "Checks still give feedback, but may not be saved: tell your teacher."
        )
    for note in drain():
        print(note)
    return _session


def _named(student) -> bool:
    return bool(isinstance(student, str) and student_id(student)) or bool(
        student_id(os.environ.get("MEDIAKIT_STUDENT", ""))
    )


def _others(session: Session) -> list[str]:
    """The other students with an answers file for the session's notebook in its folder."""
    mine = student_id(session.student)
    out = set()
    for path in Path(session.folder).glob(f"{glob_escape(session.notebook)}.*answers.json"):
        if path.name in (session.path.name,):
            continue
        try:
            data = read(path)
        except (AnswersFileError, OSError):
            continue
        if data.get("notebook", session.notebook) != session.notebook:
            continue
        who = data.get("student")
        if isinstance(who, str) and student_id(who) != mine:
            out.add(" ".join(who.split())[:80])
    return sorted(out)


def glob_escape(text: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", text)


def _adopt_legacy(session: Session) -> None:
    """Bring this student's answers from an old shared ``<notebook>.answers.json`` into their own file."""
    old = session.legacy_path
    if session.path.exists() or not old.exists():
        return
    try:
        data = read(old)
    except (AnswersFileError, OSError):
        return
    if student_id(str(data.get("student", ""))) != student_id(session.student):
        return
    data = {**data, "student": session.student, "notebook": session.notebook}
    write_json(session.path, data)
    _pending.append(
        f"Your answers were brought over from {old.name} into {session.path.name} "
        f"(one file per student now; {old.name} is left as it was)."
    )


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
        raise AnswerError(f'The student\'s name should be text in quotes, like "Sam"; {name!r} is not.')
    name = " ".join(name.split())[:80]
    if not student_id(name):
        env = " ".join(os.environ.get("MEDIAKIT_STUDENT", "").split())[:80]
        name = env if student_id(env) else ""
    return name or _anonymous_id()


def _anonymous_id() -> str:
    """A unique id for a student who gave no name (the same for the whole kernel session)."""
    global _anonymous
    if not _anonymous:
        _anonymous = f"anonymous-{secrets.token_hex(3)}"
    return _anonymous


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
    except (RecursionError, ValueError, MemoryError):  # nested too deep, or a number too long to read
        raise AnswersFileError(
            f"{Path(path).name} is not an answers file mediakit can read (nested too deeply, or a number too long)."
        ) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise AnswersFileError(f"{Path(path).name} is not a mediakit answers file.")
    if data.get("version") != VERSION:
        raise AnswersFileError(
            f"{Path(path).name} has version {data.get('version')!r}; this mediakit reads version {VERSION}."
        )
    if not isinstance(data.get("exercises"), dict) or not all(isinstance(v, dict) for v in data["exercises"].values()):
        raise AnswersFileError(f"{Path(path).name} has no valid 'exercises' table.")
    return data


def set_aside(path: Path, reason: str) -> Path:
    """Rename an unreadable answers file to ``<stem>.corrupt-<n>.json`` and queue a message."""
    path = Path(path)
    base = path.name[: -len(".json")] if path.name.endswith(".json") else path.name
    n = 1
    while (path.parent / f"{base}.corrupt-{n}.json").exists():
        n += 1
    aside = path.parent / f"{base}.corrupt-{n}.json"
    os.replace(path, aside)
    _pending.append(
        f"Your saved answers could not be read: {reason} The file was kept as {aside.name}, not deleted, "
        f"and a new {path.name} is started. Show {aside.name} to your teacher if you need those answers back."
    )
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


@contextlib.contextmanager
def _locked(path: Path, timeout: float = 10.0):
    """Hold an exclusive lock for the answers file ``path`` (a hidden ``.<name>.lock`` beside it).

    ``fcntl.flock`` where there is one (POSIX), else a lock file created with ``O_EXCL``
    (stale after ``timeout`` seconds). Inside one kernel a thread lock comes first. The
    lock file is removed when the lock is released, so none is left behind. Where no
    lock can be taken (a read-only folder, a file system without locks), the block runs
    without one.
    """
    path = Path(path)
    lock = path.parent / f".{path.name}.lock"
    with _thread_lock:
        try:
            import fcntl
        except ImportError:  # pragma: no cover - Windows
            fcntl = None  # type: ignore[assignment]
        if fcntl is None:  # pragma: no cover - Windows
            yield from _exclusive_file(lock, timeout)
            return
        fd = _flock(fcntl, lock)
        try:
            yield
        finally:
            if fd is not None:
                try:
                    os.unlink(lock)  # while still held: a waiting process then retries on a new file
                except OSError:
                    pass
                os.close(fd)  # closing releases the lock


def _flock(fcntl, lock: Path):
    """An open, flock-ed descriptor of ``lock`` that is still the file at that path, or ``None``."""
    for _ in range(1000):
        try:
            fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o666)
        except OSError:
            return None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            same = os.fstat(fd).st_ino == os.stat(lock).st_ino
        except FileNotFoundError:
            same = False  # removed by the holder we waited for: take the new one
        except OSError:  # no flock here (some network drives, the browser)
            os.close(fd)
            return None
        if same:
            return fd
        os.close(fd)
    return None


def _exclusive_file(lock: Path, timeout: float):  # pragma: no cover - used where there is no fcntl
    deadline = time.monotonic() + timeout
    fd = None
    while fd is None:
        try:
            fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666)
        except FileExistsError:
            if time.monotonic() > deadline:
                try:
                    os.unlink(lock)  # a stale lock left by a crashed kernel
                except OSError:
                    pass
                deadline = time.monotonic() + timeout
            time.sleep(0.01)
        except OSError:
            break
    try:
        yield
    finally:
        if fd is not None:
            os.close(fd)
            try:
                os.unlink(lock)
            except OSError:
                pass


def plain_answer(value, depth: int = 0) -> bool:
    """Whether a saved answer is plain JSON data an exercise can take back.

    Strings, whole numbers that fit in 64 bits, and lists or objects of them, at most
    :data:`MAX_DEPTH` levels deep and :data:`MAX_ANSWER_CHARS` characters long: a
    forged file with a huge number or deep nesting is not brought back (and cannot crash
    the notebook).

    >>> plain_answer(["daring", [3, 9]]), plain_answer([[[[["x"]]]]]), plain_answer(10 ** 40)
    (True, False, False)
    """
    if depth > MAX_DEPTH:
        return False
    if isinstance(value, str):
        return len(value) <= MAX_ANSWER_CHARS
    if isinstance(value, bool) or value is None:
        return True
    if isinstance(value, int):
        return abs(value) < 2**63
    if isinstance(value, float):
        return math.isfinite(value) and abs(value) < 1e300
    if isinstance(value, (list, tuple)):
        return len(value) <= 1000 and all(plain_answer(v, depth + 1) for v in value)
    if isinstance(value, dict):
        return len(value) <= 1000 and all(isinstance(k, str) and plain_answer(v, depth + 1) for k, v in value.items())
    return False


def article_name(exercise) -> str:
    ctx = exercise.context
    return "seed" if ctx.article_kind == "seed" else ctx.name.rsplit(".", 1)[0]


def _empty(exercise, answer) -> bool:
    try:
        return bool(exercise.is_empty(answer))
    except Exception:  # noqa: BLE001 - a forged answer: not empty
        return False


def record(exercise, answer, result) -> list[str]:
    """Save one checked answer in the current session's file; return messages for the student.

    An empty answer never replaces a saved, non-empty one: the file is left as it was and
    the message says so (the check that called this shows the saved answer instead).
    """
    session = current()
    if session is None:
        return drain()
    path = session.path
    try:
        with _locked(path):
            data = read_or_set_aside(path) or {
                "format": FORMAT,
                "version": VERSION,
                "student": session.student,
                "notebook": session.notebook,
                "article": article_name(exercise),
                "exercises": {},
            }
            before = data["exercises"].get(exercise.id, {})
            if (
                _empty(exercise, answer)
                and "answer" in before
                and plain_answer(before["answer"])
                and not _empty(exercise, before["answer"])
            ):
                return drain()
            data["student"] = session.student
            checks = before.get("checks", 0)
            checks = checks if isinstance(checks, int) and not isinstance(checks, bool) and 0 <= checks < 2**53 else 0
            data["exercises"][exercise.id] = {
                "kind": exercise.kind,
                "answer": answer,
                "score": float(result.score),
                "max_score": float(result.max_score),
                "items": [i.to_dict() for i in result.items],
                "checks": checks + 1,
            }
            write_json(path, data)
    except OSError as e:
        _pending.append(
            f"Your answer could not be saved in {path.name} ({e.strerror or e}). "
            "Copy your answer somewhere safe and tell your teacher."
        )
    return drain()


def saved(exercise):
    """The answer last saved for ``exercise`` in the current session, or ``None``.

    An answer that is not plain data (see :func:`plain_answer`) is not brought back.
    """
    session = current()
    if session is None:
        return None
    try:
        with _locked(session.path):
            data = read_or_set_aside(session.path)
    except OSError:
        return None
    if not data:
        return None
    entry = data["exercises"].get(exercise.id)
    if not isinstance(entry, dict) or "answer" not in entry:
        return None
    if not plain_answer(entry["answer"]):
        _pending.append(
            f"The answer saved for {exercise.id} in {session.path.name} is not one mediakit can "
            "bring back (nested too deeply, too long, or a huge number): answer again."
        )
        return None
    return entry["answer"]


# -- handing in -----------------------------------------------------------------------------
def safe_name(student: str) -> str:
    """A student's name as it can appear in a file name.

    >>> safe_name("Sam O'Neil"), safe_name("Zoë")
    ('Sam-O-Neil', 'Zoë')
    """
    return re.sub(r"[^\w-]+", "-", student, flags=re.UNICODE).strip("-") or "student"


def export_answers(student: str | None = None, folder: str | os.PathLike | None = None, out=None) -> Path:
    """Gather a student's answers files in ``folder`` into one hand-in file; return its path.

    ``folder`` defaults to the folder the current session saves in (the current folder,
    or ``MEDIAKIT_ANSWERS_DIR``). Only this student's files are read: another student's
    files in the same folder are left out.

    The student's first quiz submissions (``quiz.<student>.submissions.json``, see
    :mod:`mediakit.exercises.quiz`) go in the file too, under ``"quiz"``.

    The file is ``mediakit-answers-<student>.json`` in ``folder`` unless ``out`` names
    another path. Unreadable answers files are set aside and reported, not dropped silently.
    """
    if student is None:
        session = current()
        if session is None:
            raise AnswerError('Say whose answers to export, for example export_answers(student="Sam").')
        student = session.student
    student = _student(student)
    sid = student_id(student)
    if folder is None:
        session = current()
        folder = session.folder if session is not None else (os.environ.get("MEDIAKIT_ANSWERS_DIR", "").strip() or ".")
    folder = Path(folder)
    if not folder.is_dir():
        raise AnswersFileError(f"There is no folder {str(folder)!r} to export answers from.")
    notebooks: dict[str, dict] = {}
    for path in sorted(folder.glob("*.answers.json")):
        with _locked(path):
            data = read_or_set_aside(path)
        if data is None or student_id(str(data.get("student", ""))) != sid:
            continue
        stem = str(data.get("notebook") or path.name.split(".")[0])
        # an old shared <notebook>.answers.json and the student's own file: keep the one with more checks
        if stem not in notebooks or _checks(data) > _checks(notebooks[stem]):
            notebooks[stem] = data
    for note in drain():
        print(note)
    from .quiz import submissions_in

    try:
        quiz = submissions_in(folder, student)
    except MediakitError as err:  # an unreadable quiz file: say so, export the rest
        print(err)
        quiz = []
    if not notebooks and not quiz:
        raise AnswersFileError(
            f"There are no saved answers of {student!r} in {str(folder)!r}. Run the exercise "
            "notebooks first; their first cell says whose answers they save."
        )
    target = Path(out) if out is not None else folder / f"mediakit-answers-{safe_name(student)}.json"
    if target.is_symlink() or (target.exists() and not target.is_file()):
        raise AnswersFileError(f"{str(target)!r} is not a regular file: choose another name with out=.")
    data = {
        "format": EXPORT_FORMAT,
        "version": VERSION,
        "student": student,
        "notebooks": dict(sorted(notebooks.items())),
    }
    if quiz:  # the first quiz submissions (mediakit.exercises.quiz), re-checked by the class report
        data["quiz"] = quiz
    write_json(target, data)
    return target


def _checks(data: dict) -> int:
    total = 0
    for e in data.get("exercises", {}).values():
        c = e.get("checks", 0) if isinstance(e, dict) else 0
        total += c if isinstance(c, int) and not isinstance(c, bool) and 0 <= c < 2**53 else 0
    return total
