"""Saving answers: atomic writes on every check, restore, corrupt files kept aside, export for hand-in."""

import json
import os

import pytest

import mediakit.exercises as mx
from mediakit.errors import AnswerError, AnswersFileError

STEM = "04_loaded_language_exercises"


pytestmark = pytest.mark.usefixtures("answers_sandbox")


def saved_file(tmp_path, stem=STEM, student="sam"):
    return json.loads((tmp_path / f"{stem}.{student}.answers.json").read_text(encoding="utf-8"))


def files(folder):
    """The files in a folder, without the hidden lock files."""
    return sorted(p.name for p in folder.iterdir() if not p.name.endswith(".lock"))


def test_every_check_is_saved_in_the_brief_format(tmp_path):
    """Is every check (right, wrong or empty) saved in the answers-file format, counting the checks?"""
    mx.start(STEM, student="Sam")
    ex = mx.get("loaded-spot-p3-4")
    ex.check(["daring", "region"])
    data = saved_file(tmp_path)
    assert data["format"] == "mediakit-answers" and data["version"] == 1
    assert (data["student"], data["notebook"], data["article"]) == ("Sam", STEM, "seed")
    entry = data["exercises"]["loaded-spot-p3-4"]
    assert entry["kind"] == "spot" and entry["answer"] == ["daring", "region"]
    assert (entry["score"], entry["max_score"], entry["checks"]) == (0.75, 2.0, 1)
    assert {"item": "region", "status": "false_alarm", "credit": -0.25} in entry["items"]
    ex.check(["daring"])
    entry = saved_file(tmp_path)["exercises"]["loaded-spot-p3-4"]
    assert (entry["answer"], entry["score"], entry["checks"]) == (["daring"], 1.0, 2)


def test_an_empty_check_is_saved_when_nothing_was_saved_before(tmp_path):
    """Is an empty check saved (score 0, every item missed) when there is no saved answer to keep?"""
    mx.start(STEM, student="Sam")
    mx.get("loaded-spot-p3-4").check([])
    entry = saved_file(tmp_path)["exercises"]["loaded-spot-p3-4"]
    assert (entry["answer"], entry["score"], entry["checks"]) == ([], 0.0, 1)
    assert all(i["status"] == "miss" for i in entry["items"])


def test_a_bad_answer_is_not_saved(tmp_path):
    """Does an answer refused with AnswerError leave the saved answer unchanged?"""
    mx.start(STEM, student="Sam")
    ex = mx.get("loaded-spot-p3-4")
    ex.check(["daring"])
    with pytest.raises(AnswerError):
        ex.check(None)
    assert saved_file(tmp_path)["exercises"]["loaded-spot-p3-4"]["answer"] == ["daring"]


def test_restore_after_restart(tmp_path):
    """Does a new session (a restarted kernel) bring back the saved answer?"""
    mx.start(STEM, student="Sam")
    mx.get("loaded-voice-choose").check("c")
    mx.stop()
    assert mx.get("loaded-voice-choose").saved_answer() is None  # no session: nothing to read
    mx.start(STEM, student="Sam")
    assert mx.get("loaded-voice-choose").saved_answer() == "c"
    assert mx.get("loaded-spot-p3-4").saved_answer() is None


def test_no_session_saves_nothing(tmp_path):
    """Without start() or MEDIAKIT_NOTEBOOK, does check work and write no file?"""
    mx.get("loaded-voice-choose").check("c")
    assert list(tmp_path.iterdir()) == []


def test_environment_session(tmp_path, monkeypatch):
    """Does MEDIAKIT_NOTEBOOK (with MEDIAKIT_STUDENT and MEDIAKIT_ANSWERS_DIR) start a session?"""
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setenv("MEDIAKIT_NOTEBOOK", "pre_quiz")
    monkeypatch.setenv("MEDIAKIT_STUDENT", "Ana")
    monkeypatch.setenv("MEDIAKIT_ANSWERS_DIR", str(out))
    mx.get("pre-choose").check("c")
    data = json.loads((out / "pre_quiz.ana.answers.json").read_text(encoding="utf-8"))
    assert data["student"] == "Ana" and data["article"] == "quiz"


@pytest.mark.parametrize(
    "content, reason",
    [
        ("{not json", "not valid JSON"),
        ("", "not valid JSON"),
        ('["a list"]', "not a mediakit answers file"),
        ('{"format": "mediakit-answers", "version": 99, "exercises": {}}', "version 99"),
        ('{"format": "mediakit-answers", "version": 1, "exercises": []}', "no valid 'exercises'"),
        (b"\xff\xfe\x00garbage", "not UTF-8"),
    ],
)
def test_corrupt_file_is_kept_aside_and_reported(tmp_path, content, reason, capsys):
    """Is an unreadable answers file renamed to .corrupt-<n>.json, reported, and a new file started?"""
    path = tmp_path / f"{STEM}.sam.answers.json"
    (path.write_bytes if isinstance(content, bytes) else lambda c: path.write_text(c, encoding="utf-8"))(content)
    mx.start(STEM, student="Sam")
    out = capsys.readouterr().out
    assert reason in out and f"{STEM}.sam.answers.corrupt-1.json" in out
    aside = tmp_path / f"{STEM}.sam.answers.corrupt-1.json"
    assert aside.exists() and not path.exists()
    assert aside.read_bytes() == (content if isinstance(content, bytes) else content.encode("utf-8"))
    mx.get("loaded-voice-choose").check("c")
    assert saved_file(tmp_path)["exercises"]["loaded-voice-choose"]["answer"] == "c"


def test_corrupt_counter_and_note_in_result(tmp_path):
    """Does a second corrupt file get counter 2, with the note shown in the check's feedback?"""
    mx.start(STEM, student="Sam")
    ex = mx.get("loaded-voice-choose")
    for n in (1, 2):
        (tmp_path / f"{STEM}.sam.answers.json").write_text("garbage", encoding="utf-8")
        r = ex.check("c")
        assert "Note: Your saved answers could not be read" in str(r)
        assert f".corrupt-{n}.json" in str(r)
    assert files(tmp_path) == [
        f"{STEM}.sam.answers.corrupt-1.json",
        f"{STEM}.sam.answers.corrupt-2.json",
        f"{STEM}.sam.answers.json",
    ]


def test_atomic_write_leaves_no_temporary_file_and_keeps_old_on_failure(tmp_path, monkeypatch):
    """Does a failed write leave the previous file whole and no temporary file behind?"""
    mx.start(STEM, student="Sam")
    ex = mx.get("loaded-voice-choose")
    ex.check("c")
    before = (tmp_path / f"{STEM}.sam.answers.json").read_text(encoding="utf-8")

    def boom(*a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    r = ex.check("a")
    assert "could not be saved" in str(r) and "No space left" in str(r)
    assert (tmp_path / f"{STEM}.sam.answers.json").read_text(encoding="utf-8") == before
    assert files(tmp_path) == [f"{STEM}.sam.answers.json"]


@pytest.mark.parametrize("notebook", ["", "../x", "a/b", "x.ipynb", None, 3])
def test_start_refuses_bad_notebook_names(notebook):
    """Does start() refuse a notebook name that is not a plain file stem?"""
    with pytest.raises(AnswerError):
        mx.start(notebook, student="Sam")


@pytest.mark.parametrize("student, expected", [("  Sam   Lee ", "Sam Lee"), ("Zoë", "Zoë")])
def test_student_names(student, expected):
    """Is the student's name tidied (spaces), and kept otherwise?"""
    assert mx.start(STEM, student=student).student == expected


@pytest.mark.parametrize("student", ["", None, "   ", "!!!"])
def test_a_blank_name_gets_a_unique_id_and_is_told(student, capsys):
    """Does a blank name get an anonymous-<hex> id (not a shared "student"), with a message saying so?"""
    from mediakit.exercises import answers

    session = mx.start(STEM, student=student)
    assert session.student.startswith("anonymous-") and len(session.student) == len("anonymous-") + 6
    assert "did not write your name" in capsys.readouterr().out
    answers._anonymous = ""  # another kernel: another id
    assert mx.start(STEM, student=student).student != session.student


def test_session_repr_is_deterministic():
    """Does the start() line say whose answers go where, with nothing that changes between runs?"""
    assert repr(mx.start(STEM, student="solution-key")) == (
        f"Answers of 'solution-key' for {STEM} are saved on every check in {STEM}.solution-key.answers.json."
    )


def test_export_gathers_one_students_notebooks(tmp_path):
    """Does export_answers write one hand-in file with the student's notebooks only?"""
    mx.start(STEM, student="Sam")
    mx.get("loaded-voice-choose").check("c")
    mx.start("pre_quiz", student="Sam")
    mx.get("pre-choose").check("a")
    mx.start("post_quiz", student="Ana")
    mx.get("post-choose").check("b")
    path = mx.export_answers(student="Sam", folder=tmp_path)
    assert path == tmp_path / "mediakit-answers-Sam.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert (data["format"], data["version"], data["student"]) == ("mediakit-export", 1, "Sam")
    assert list(data["notebooks"]) == [STEM, "pre_quiz"]
    assert data["notebooks"]["pre_quiz"]["exercises"]["pre-choose"]["score"] == 0.0


def test_export_defaults_and_out(tmp_path):
    """Does export use the session's student by default and write to 'out' when given?"""
    mx.start(STEM, student="Zoë O'Neil")
    mx.get("loaded-voice-choose").check("c")
    assert mx.export_answers().name == "mediakit-answers-Zoë-O-Neil.json"
    out = tmp_path / "hand-in.json"
    assert mx.export_answers(out=out) == out and out.exists()


@pytest.mark.parametrize(
    "setup, error",
    [
        ("nothing", AnswersFileError),
        ("no-student", AnswerError),
        ("no-folder", AnswersFileError),
    ],
)
def test_export_errors(tmp_path, setup, error):
    """Does export say clearly when there is nothing to export, no student or no folder?"""
    if setup == "nothing":
        with pytest.raises(error, match="no saved answers"):
            mx.export_answers(student="Sam", folder=tmp_path)
    elif setup == "no-student":
        with pytest.raises(error, match="whose answers"):
            mx.export_answers(folder=tmp_path)
    else:
        with pytest.raises(error, match="no folder"):
            mx.export_answers(student="Sam", folder=tmp_path / "missing")


def test_import_does_not_pull_widgets():
    """Do `import mediakit` and a check run without importing ipywidgets?"""
    import subprocess
    import sys

    code = (
        "import sys, mediakit, mediakit.exercises as mx; from mediakit.exercises.answers import export_answers; "
        "mx.get('sources-choose').check('b', save=False); print('ipywidgets' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
