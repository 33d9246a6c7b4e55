"""The answers files as a class really uses them: Run All after a restart, shared folders, two tabs at once,
hostile saved files."""

from __future__ import annotations

import json
import threading

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import mediakit.exercises as mx
from mediakit.exercises import answers

STEM = "04_loaded_language_exercises"
SPOT = "loaded-spot-p3-4"

pytestmark = pytest.mark.usefixtures("answers_sandbox")


def saved(folder, student, stem=STEM):
    return json.loads((folder / f"{stem}.{student}.answers.json").read_text(encoding="utf-8"))


# -- Run All after a restart never erases an answer -------------------------------------------------
@pytest.mark.parametrize(
    "ex_id, answer, empty",
    [
        (SPOT, ["daring"], []),
        ("loaded-voice-choose", "c", ""),
        ("loaded-rewrite-p6", "Defense analysts and Russian President Vladimir Putin have offered explanations.", ""),
        ("sources-classify", {"most-western-capitals": "vague"}, {}),
    ],
)
def test_run_all_with_an_empty_code_cell_keeps_the_widget_answer(tmp_path, ex_id, answer, empty):
    """After a restart, does the code cell's empty answer (`answer = ""`, then check) keep the answer given in the
    widget, in the file and in what the cell shows, with a message saying so?"""
    ex = mx.get(ex_id)
    mx.start(STEM, student="Sam")
    w = ex.widget()
    w.set_answer(answer)
    w.check_button.click()
    first = saved(tmp_path, "sam")["exercises"][ex_id]
    mx.stop()
    mx.start(STEM, student="Sam")  # Restart Kernel and Run All Cells
    w2 = mx.get(ex_id).widget()  # the widget cell
    result = mx.get(ex_id).check(empty)  # the code cell, still unanswered
    assert saved(tmp_path, "sam")["exercises"][ex_id] == first
    assert result.score == first["score"] and result.answered
    assert "is empty, so it was not saved" in str(result)
    from mediakit.exercises.base import fmt_score

    assert f"{fmt_score(first['score'])}/" in w2.score.value  # the widget shows the same saved answer
    assert w2.get_answer() not in ([], {}, "")


def test_a_real_answer_still_replaces_a_saved_one(tmp_path):
    """Does a non-empty answer replace the saved one (the negative case: only empty answers are ignored)?"""
    mx.start(STEM, student="Sam")
    ex = mx.get(SPOT)
    ex.check(["daring"])
    r = ex.check(["daring", "invasion"])
    assert saved(tmp_path, "sam")["exercises"][SPOT]["answer"] == ["daring", "invasion"]
    assert "not saved" not in str(r)


def test_the_widget_with_nothing_ticked_shows_the_saved_answer(tmp_path):
    """Does pressing Check in a cleared widget keep the saved answer and put it back in the inputs?"""
    mx.start(STEM, student="Sam")
    ex = mx.get(SPOT)
    ex.check(["daring"])
    w = ex.widget()
    w.reset_button.click()
    w.check_button.click()
    assert [t.description for t, _ in w.toggles if t.value] == ["daring"]
    assert saved(tmp_path, "sam")["exercises"][SPOT]["answer"] == ["daring"]


# -- two students in one folder -------------------------------------------------------------------
def test_two_students_in_one_folder_keep_their_own_answers(tmp_path, capsys):
    """Do two students checking in one shared folder get one file each, restore and export their own answers,
    and is the second told about the first's file?"""
    mx.start(STEM, student="Ada")
    mx.get(SPOT).check(["daring"])
    capsys.readouterr()
    mx.start(STEM, student="Bob")
    note = capsys.readouterr().out
    assert "1 other student(s)" in note and "(Ada)" in note
    mx.get(SPOT).check(["invasion"])
    assert saved(tmp_path, "ada")["exercises"][SPOT]["answer"] == ["daring"]
    assert saved(tmp_path, "bob")["exercises"][SPOT]["answer"] == ["invasion"]
    mx.start(STEM, student="ada ")  # case and spaces: the same student
    assert mx.get(SPOT).saved_answer() == ["daring"]
    for student, answer in (("Ada", ["daring"]), ("Bob", ["invasion"])):
        data = json.loads(mx.export_answers(student=student, folder=tmp_path).read_text(encoding="utf-8"))
        assert data["notebooks"][STEM]["exercises"][SPOT]["answer"] == answer


def test_an_old_shared_answers_file_is_brought_over_for_its_student_only(tmp_path, capsys):
    """Is an answers file of an earlier mediakit (<notebook>.answers.json) brought into its own student's file,
    and left alone for another student?"""
    old = {
        "format": "mediakit-answers",
        "version": 1,
        "student": "Ada",
        "notebook": STEM,
        "article": "seed",
        "exercises": {
            SPOT: {"kind": "spot", "answer": ["daring"], "score": 1.0, "max_score": 3.0, "items": [], "checks": 1}
        },
    }
    (tmp_path / f"{STEM}.answers.json").write_text(json.dumps(old), encoding="utf-8")
    mx.start(STEM, student="Bob")
    assert mx.get(SPOT).saved_answer() is None
    mx.start(STEM, student="Ada")
    assert "brought over" in capsys.readouterr().out
    assert mx.get(SPOT).saved_answer() == ["daring"]
    assert (tmp_path / f"{STEM}.answers.json").exists()


# -- hostile saved files ---------------------------------------------------------------------------
def _nested(depth):
    value = "daring"
    for _ in range(depth):
        value = [value]
    return value


HOSTILE = [
    ("nested answer", _nested(60)),
    ("huge number", [[10**400, 5]]),
    ("a number as answer", 1e308),
    ("an object", {"x": {"y": {"z": {"w": {"v": 1}}}}}),
    ("a long string", "x" * 200_000),
    ("null", None),
]


@pytest.mark.parametrize("case, answer", HOSTILE, ids=[h[0] for h in HOSTILE])
def test_a_hostile_saved_answer_does_not_crash_start_or_the_widget(tmp_path, case, answer):
    """Do start(), the widget and a new check survive a forged saved answer (deep, huge, wrong type)?"""
    data = {
        "format": "mediakit-answers",
        "version": 1,
        "student": "Sam",
        "notebook": STEM,
        "article": "seed",
        "exercises": {
            SPOT: {"kind": "spot", "answer": answer, "score": 10**400, "max_score": 3.0, "items": [], "checks": 10**30}
        },
    }
    (tmp_path / f"{STEM}.sam.answers.json").write_text(json.dumps(data), encoding="utf-8")
    mx.start(STEM, student="Sam")
    w = mx.get(SPOT).widget()
    assert w.get_answer() == []
    r = mx.get(SPOT).check([])
    assert r.score == 0
    assert mx.get(SPOT).check(["daring"]).score == 1.0
    assert saved(tmp_path, "sam")["exercises"][SPOT]["answer"] == ["daring"]


@pytest.mark.parametrize(
    "text",
    [
        "[" * 100_000 + "]" * 100_000,
        '{"format": "mediakit-answers", "version": 1, "exercises": {}, "x": 1' + "0" * 5000 + "}",
    ],
)
def test_an_unreadable_deep_or_huge_file_is_set_aside(tmp_path, text, capsys):
    """Is a file nested too deeply or with a number too long to read set aside with a message, not a crash?"""
    (tmp_path / f"{STEM}.sam.answers.json").write_text(text, encoding="utf-8")
    mx.start(STEM, student="Sam")
    assert "could not be read" in capsys.readouterr().out
    assert (tmp_path / f"{STEM}.sam.answers.corrupt-1.json").exists()


# -- concurrent saves --------------------------------------------------------------------------------
EXERCISES = ["loaded-spot-p3-4", "loaded-spot-p6-7", "loaded-voice-choose"]
ANSWERS = {"loaded-spot-p3-4": ["daring"], "loaded-spot-p6-7": ["dictator"], "loaded-voice-choose": "c"}


class _session_of:
    """Save as one session inside one thread (threads share the module's session otherwise)."""

    def __init__(self, session):
        self.session = session

    def __enter__(self):
        _local.session = self.session

    def __exit__(self, *exc):
        _local.session = None


_local = threading.local()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    plan=st.lists(st.tuples(st.sampled_from(["Ada", "Bob"]), st.sampled_from(EXERCISES)), min_size=1, max_size=12),
    tabs=st.integers(min_value=2, max_value=4),
)
def test_no_interleaving_of_saves_loses_an_answer(tmp_path, monkeypatch, plan, tabs):
    """However the saves of two students, each in several tabs (threads), interleave, does every check land:
    each student's file holds every exercise they checked, with the right count of checks?"""
    folder = tmp_path / f"run-{len(list(tmp_path.iterdir()))}"
    folder.mkdir()
    monkeypatch.setattr(answers, "current", lambda: getattr(_local, "session", None))
    sessions = {s: answers.Session(STEM, s, str(folder)) for s in ("Ada", "Bob")}
    work = [[] for _ in range(tabs)]
    for i, step in enumerate(plan):
        work[i % tabs].append(step)
    barrier = threading.Barrier(tabs)

    def tab(steps):
        barrier.wait()
        for student, ex_id in steps:
            ex = mx.get(ex_id)
            answer = ex.normalise(ANSWERS[ex_id])
            with _session_of(sessions[student]):
                answers.record(ex, answer, ex.check(answer, save=False))

    threads = [threading.Thread(target=tab, args=(w,)) for w in work]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for student in ("Ada", "Bob"):
        expected: dict[str, int] = {}
        for s, ex_id in plan:
            if s == student:
                expected[ex_id] = expected.get(ex_id, 0) + 1
        path = sessions[student].path
        if not expected:
            assert not path.exists()
            continue
        got = json.loads(path.read_text(encoding="utf-8"))["exercises"]
        assert {k: v["checks"] for k, v in got.items()} == expected


def test_saves_from_two_processes_all_land(tmp_path):
    """Do two kernels (processes) checking at once in one student's file keep every check?"""
    import subprocess
    import sys
    import time

    go = tmp_path / "go"
    code = (
        "import os, sys, time, mediakit.exercises as mx\n"
        "mx.start(%r, student='Sam', folder=sys.argv[1])\n"
        "ex = mx.get(sys.argv[2])\n"
        "while not os.path.exists(sys.argv[3]): time.sleep(0.001)\n"
        "for i in range(40):\n"
        "    ex.check(%s)\n"
    )
    procs = [
        subprocess.Popen([sys.executable, "-c", code % (STEM, repr(ANSWERS[ex])), str(tmp_path), ex, str(go)])
        for ex in ("loaded-spot-p3-4", "loaded-voice-choose")
    ]
    time.sleep(3)
    go.write_text("", encoding="utf-8")
    for p in procs:
        assert p.wait(timeout=120) == 0
    got = saved(tmp_path, "sam")["exercises"]
    assert {k: v["checks"] for k, v in got.items()} == {"loaded-spot-p3-4": 40, "loaded-voice-choose": 40}


# -- a broken paste ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "ex_id, answer, saved_as",
    [
        (
            "loaded-rewrite-p6",
            "Defense analysts \ud83d and Putin offered explanations.",
            "Defense analysts \ufffd and Putin offered explanations.",
        ),  # half an emoji
        (
            "loaded-rewrite-p6",
            "Defense\x00 analysts and Putin offered explanations.",
            "Defense analysts and Putin offered explanations.",
        ),  # a NUL from a PDF
        (SPOT, ["dar\x00ing", "invasion\x07"], ["daring", "invasion"]),
        (SPOT, ["daring"], ["daring"]),  # a clean answer (negative case)
    ],
)
def test_a_broken_paste_is_cleaned_checked_and_saved(tmp_path, ex_id, answer, saved_as):
    """Is an answer pasted with control characters or half a surrogate pair checked and saved (cleaned), never a
    crash or an unsaved check, in the code cell and in the widget?"""
    mx.start(STEM, student="Sam")
    r = mx.get(ex_id).check(answer)
    assert "could not be saved" not in str(r)
    assert saved(tmp_path, "sam")["exercises"][ex_id]["answer"] == saved_as
    w = mx.get(ex_id).widget()
    w.set_answer(answer)
    w.check_button.click()
    assert "Score" in w.score.value or "Checklist" in w.feedback_text
