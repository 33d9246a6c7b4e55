"""The instructor's class report (``mediakit class-report``, ``mediakit.classroom.report``)."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

from mediakit.classroom import report as cr

ROOT = Path(__file__).resolve().parent.parent


# -- building hand-in files ------------------------------------------------------------
# Hand-ins hold real exercises of the shipped keys and real answers: the report checks every
# answer again, so a made-up exercise id or a made-up score would (rightly) not count.
LOADED = "04_loaded_language_exercises"
SPOT = "loaded-spot-p3-4"  # items: daring, the enemy (2 marks); "invasion" optional
MEET = "meet-missing-choose"  # right options a, b, d (3 marks)


def entry(ex_id, answer, checks=1, score=None):
    """One exercise as check() saves it; ``score`` forges the stored score."""
    from mediakit.exercises import get

    ex = get(ex_id)
    r = ex.check(answer, save=False)
    return {
        "kind": ex.kind,
        "answer": answer,
        "score": r.score if score is None else score,
        "max_score": r.max_score,
        "items": [i.to_dict() for i in r.items],
        "checks": checks,
    }


def answers_file(student, notebook, exercises, article=None):
    if article is None:
        article = "quiz" if notebook in ("pre_quiz", "post_quiz") else "seed"
    return {
        "format": "mediakit-answers",
        "version": 1,
        "student": student,
        "notebook": notebook,
        "article": article,
        "exercises": exercises,
    }


def export(student, notebooks, article=None):
    return {
        "format": "mediakit-export",
        "version": 1,
        "student": student,
        "notebooks": {stem: answers_file(student, stem, ex, article) for stem, ex in notebooks.items()},
    }


def write(folder: Path, name: str, data) -> Path:
    path = folder / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def good(student="ada", flags=("daring",), checks=1):
    return export(student, {LOADED: {SPOT: entry(SPOT, list(flags), checks)}})


# -- bad files -----------------------------------------------------------------------------------
DEEP = "[" * 100_000 + "]" * 100_000
BAD = [
    # (case, file name, content or None for "do not write", expected kind)
    ("missing", "mediakit-answers-bob.json", None, "missing"),
    ("cut off", "mediakit-answers-bob.json", json.dumps(good("bob"))[:60], "corrupt"),
    ("not UTF-8", "mediakit-answers-bob.json", b"\xff\xfe\x00{bad", "corrupt"),
    ("empty file", "mediakit-answers-bob.json", "", "corrupt"),
    ("nested too deeply", "mediakit-answers-bob.json", DEEP, "corrupt"),
    (
        "a number too long to read",
        "mediakit-answers-bob.json",
        json.dumps(good("bob")).replace('"checks": 1', '"checks": 1' + "0" * 5000),
        "corrupt",
    ),
    ("a JSON list", "mediakit-answers-bob.json", [], "foreign"),
    ("markup JSON", "analysis.json", {"source": "x", "text": "x", "spans": []}, "foreign"),
    ("a notebook", "notebook.json", {"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}, "foreign"),
    ("another format", "x.json", {"format": "gradebook", "version": 1}, "foreign"),
    ("a later version", "mediakit-answers-bob.json", {**good("bob"), "version": 2}, "foreign"),
    ("no student", "mediakit-answers-bob.json", {**good("bob"), "student": "  "}, "corrupt"),
    ("a student name of punctuation", "mediakit-answers-bob.json", {**good("bob"), "student": "!!!"}, "corrupt"),
    ("notebooks not a table", "mediakit-answers-bob.json", {**good("bob"), "notebooks": []}, "corrupt"),
]


@pytest.mark.parametrize("case, name, content, kind", BAD, ids=[b[0] for b in BAD])
def test_a_bad_file_is_reported_and_the_rest_is_read(tmp_path, case, name, content, kind):
    """Is a missing, corrupt or foreign file listed as a problem of the right kind, while the good file is still read?"""
    ok = write(tmp_path, "mediakit-answers-ada.json", good("ada"))
    bad = tmp_path / name
    if content is not None:
        bad.write_bytes(content) if isinstance(content, bytes) else write(tmp_path, name, content)
    report = cr.class_report([ok, bad])
    assert report.students == ["ada"]
    assert [(p.file, p.kind) for p in report.problems] == [(name, kind)]
    assert report.problems[0].message  # says what is wrong
    assert "Traceback" not in report.summary()


def test_a_good_file_has_no_problem(tmp_path):
    """Does a well-formed hand-in give no problem at all (the negative case of the tables)?"""
    report = cr.class_report([write(tmp_path, "mediakit-answers-ada.json", good("ada"))])
    assert report.problems == []
    assert "No problems with the files." in report.summary()
    assert report.gradebook.loc["ada", SPOT] == 1.0


# -- hostile answers inside a readable hand-in ----------------------------------------------------
def _forged(score):
    return export("bob", {LOADED: {SPOT: entry(SPOT, ["daring"], score=score)}})


def _nested(depth):
    answer = "daring"
    for _ in range(depth):
        answer = [answer]
    return export("bob", {LOADED: {SPOT: {**entry(SPOT, ["daring"]), "answer": answer}}})


HOSTILE = [
    # (case, bob's hand-in, the problem kinds, bob's counted score on SPOT or None when not counted)
    ("honest score", _forged(1.0), [], 1.0),
    ("forged full marks", _forged(3.0), ["rescored"], 1.0),
    ("score above the maximum", _forged(99.0), ["rescored"], 1.0),
    ("score as text", _forged("3"), ["rescored"], 1.0),
    ("score is true", _forged(True), ["rescored"], 1.0),
    ("score NaN", json.loads(json.dumps(_forged(float("nan")))), ["rescored"], 1.0),
    ("score too large for a float", _forged(10**400), ["rescored"], 1.0),
    ("negative score", _forged(-5), ["rescored"], 1.0),
    ("answer nested 50 deep", _nested(50), ["set-aside"], None),
    ("no answer", export("bob", {LOADED: {SPOT: {"score": 3.0, "max_score": 3.0}}}), ["set-aside"], None),
    ("exercise not a table", export("bob", {LOADED: {SPOT: 3}}), ["set-aside"], None),
    (
        "answer the key refuses",
        export("bob", {LOADED: {SPOT: {**entry(SPOT, []), "answer": ["not in it"]}}}),
        ["set-aside"],
        None,
    ),
    (
        "answer of the wrong type",
        export("bob", {LOADED: {SPOT: {**entry(SPOT, []), "answer": 42}}}),
        ["set-aside"],
        None,
    ),
    ("a made-up exercise id", export("bob", {LOADED: {"=cmd()": entry(SPOT, ["daring"])}}), ["set-aside"], None),
    (
        "another article's key",
        export("bob", {LOADED: {SPOT: entry(SPOT, ["daring"])}}, article="my-article"),
        ["unknown-key"],
        None,
    ),
    (
        "another student's notebook",
        {**good("bob"), "notebooks": {LOADED: answers_file("cy", LOADED, {SPOT: entry(SPOT, ["daring"])})}},
        ["mixed"],
        None,
    ),
]


@pytest.mark.parametrize("case, data, kinds, counted", HOSTILE, ids=[h[0] for h in HOSTILE])
def test_every_answer_is_checked_again_against_the_key(tmp_path, case, data, kinds, counted):
    """Is a stored score never trusted (the answer is re-checked, a disagreeing score reported) and an answer
    that cannot be graded set aside with a message, while the other student is still graded?"""
    files = [
        write(tmp_path, "mediakit-answers-ada.json", good("ada", flags=("daring", "the enemy"))),
        write(tmp_path, "mediakit-answers-bob.json", data),
    ]
    report = cr.class_report(files)
    assert report.gradebook.loc["ada", SPOT] == 2.0
    assert sorted(p.kind for p in report.problems) == kinds
    assert all(p.file == "mediakit-answers-bob.json" and p.message for p in report.problems)
    assert report.students == ["ada", "bob"]
    got = report.gradebook.loc["bob", SPOT]
    assert math.isnan(got) if counted is None else got == counted
    assert 0 <= report.gradebook["percent"].max() <= 100
    report.write(tmp_path / "out")  # the charts and CSVs survive it too


def test_a_key_given_grades_another_articles_answers(tmp_path):
    """With the other article's key given (--key), are its answers re-checked and counted instead of set aside?"""
    key = tmp_path / "my-article.toml"
    key.write_text(
        """[key]
article = "own"
[[exercise]]
id = "own-choose"
kind = "choose"
notebook = "my_exercises"
question = "Which?"
answer = "b"
passage = { text = "A short passage." }
[[exercise.options]]
id = "a"
text = "First"
why = "Not this one."
[[exercise.options]]
id = "b"
text = "Second"
why = "This one."
""",
        encoding="utf-8",
    )
    data = export(
        "bob",
        {
            "my_exercises": {
                "own-choose": {
                    "kind": "choose",
                    "answer": "a",
                    "score": 1.0,
                    "max_score": 1.0,
                    "items": [],
                    "checks": 1,
                }
            }
        },
        article="my-article",
    )
    path = write(tmp_path, "mediakit-answers-bob.json", data)
    without = cr.class_report([path])
    assert [p.kind for p in without.problems] == ["unknown-key"]
    with_key = cr.class_report([path], keys=[key])
    assert with_key.gradebook.loc["bob", "own-choose"] == 0.0  # "a" is wrong: the forged 1.0 is not kept
    assert [p.kind for p in with_key.problems] == ["rescored"]


@pytest.mark.parametrize(
    "flags_first, flags_copy, counted, repeated_in",
    [
        (["daring"], ["daring", "invasion", "the enemy"], 2.0, LOADED),  # the better attempt is in the copy
        (["daring", "invasion", "the enemy"], ["daring"], 2.0, "04_copy"),
        (["daring"], ["daring"], 1.0, LOADED),  # a tie: the notebook named first
    ],
)
def test_the_same_exercise_counts_once_per_student(tmp_path, flags_first, flags_copy, counted, repeated_in):
    """Is an exercise found in two of a student's notebooks (a copied notebook) counted once, the best attempt,
    so that no total passes 100%, with the other attempt reported?"""
    data = export("ada", {LOADED: {SPOT: entry(SPOT, flags_first)}, "04_copy": {SPOT: entry(SPOT, flags_copy)}})
    report = cr.class_report([write(tmp_path, "a.json", data)])
    gb = report.gradebook
    assert gb.loc["ada", SPOT] == counted and gb.loc["ada", "max_total"] == 2.0
    assert gb.loc["ada", "percent"] <= 100
    assert [p.kind for p in report.problems] == ["repeated"]
    assert "counted once" in report.problems[0].message
    kept = "04_copy" if repeated_in == LOADED else LOADED
    assert f"in {kept})" in report.problems[0].message


@pytest.mark.parametrize(
    "checks_first, checks_second, kept, set_aside",
    [
        (1, 3, "second.json", "first.json"),  # the later state (more checks) wins
        (3, 1, "first.json", "second.json"),
        (2, 2, "first.json", "second.json"),  # a tie keeps the file named first
    ],
)
def test_a_student_who_hands_in_twice(tmp_path, checks_first, checks_second, kept, set_aside):
    """When a student hands in twice, is the copy with more checks kept, and the other one reported as a duplicate?"""
    first = write(tmp_path, "first.json", good("ada", flags=["daring"], checks=checks_first))
    second = write(tmp_path, "second.json", good("ada", flags=["daring", "the enemy"], checks=checks_second))
    report = cr.class_report([first, second])
    assert report.students == ["ada"]
    assert [(p.file, p.kind) for p in report.problems] == [(set_aside, "duplicate")]
    assert kept in report.problems[0].message or report.problems[0].file != kept
    expected = 2.0 if kept == "second.json" else 1.0
    assert report.gradebook.loc["ada", SPOT] == expected


@pytest.mark.parametrize(
    "names, students",
    [
        (("ada", "Ada "), ["ada"]),  # case and spaces: one student
        (("Ada  Lee", "ada lee"), ["Ada Lee"]),
        (("ada", "bea"), ["ada", "bea"]),  # negative case: two students
    ],
)
def test_names_that_differ_only_in_case_or_spaces_are_one_student(tmp_path, names, students):
    """Are hand-ins under "ada" and "Ada " merged into one student (their different notebooks both counted),
    while "ada" and "bea" stay two?"""
    files = [
        write(tmp_path, "a.json", export(names[0], {LOADED: {SPOT: entry(SPOT, ["daring"])}})),
        write(tmp_path, "b.json", export(names[1], {"01_meet_the_article_exercises": {MEET: entry(MEET, ["a", "b"])}})),
    ]
    report = cr.class_report(files)
    assert report.students == students
    assert report.problems == []
    if len(students) == 1:
        assert report.gradebook.loc[students[0], [SPOT, MEET]].tolist() == [1.0, 2.0]


def test_one_file_per_notebook_and_student_in_one_folder(tmp_path):
    """Does a folder of answers files (one per notebook and student, as two students leave them in a shared
    folder) give each student their own notebooks, with no duplicate?"""
    for student, flags in (("Ada", ["daring"]), ("Bea", ["daring", "the enemy"])):
        write(
            tmp_path,
            f"{LOADED}.{student.lower()}.answers.json",
            answers_file(student, LOADED, {SPOT: entry(SPOT, flags)}),
        )
        write(
            tmp_path,
            f"01_meet_the_article_exercises.{student.lower()}.answers.json",
            answers_file(student, "01_meet_the_article_exercises", {MEET: entry(MEET, ["a"])}),
        )
    report = cr.class_report([tmp_path])
    assert report.students == ["Ada", "Bea"] and report.problems == []
    assert report.gradebook[SPOT].tolist() == [1.0, 2.0]
    assert report.gradebook[MEET].tolist() == [1.0, 1.0]


# -- the gradebook ---------------------------------------------------------------------------
QUIZ_WRONG, QUIZ_RIGHT = "a", None


def _class(tmp_path):
    files = [
        write(
            tmp_path,
            "mediakit-answers-ada.json",
            export(
                "ada",
                {
                    "01_meet_the_article_exercises": {MEET: entry(MEET, ["a", "b"], checks=2)},
                    LOADED: {SPOT: entry(SPOT, ["daring", "invasion", "the enemy"])},
                    "pre_quiz": {"pre-choose": entry("pre-choose", "a")},
                    "post_quiz": {"post-choose": entry("post-choose", "b")},
                },
            ),
        ),
        write(
            tmp_path,
            "mediakit-answers-bea.json",
            export(
                "bea",
                {
                    LOADED: {SPOT: entry(SPOT, ["daring", "invasion", "Russian"])},
                    "pre_quiz": {"pre-choose": entry("pre-choose", "c")},
                },
            ),
        ),
        write(
            tmp_path,
            "mediakit-answers-cy.json",
            export(
                "cy",
                {
                    LOADED: {SPOT: entry(SPOT, ["invasion"])},
                    "pre_quiz": {"pre-choose": entry("pre-choose", "c")},
                    "post_quiz": {"post-choose": entry("post-choose", "b")},
                },
            ),
        ),
    ]
    return cr.class_report(files)


def test_gradebook_has_one_row_per_student_and_one_column_per_exercise(tmp_path):
    """Does the gradebook hold one row per student, one column per lesson exercise, then total, max_total and percent?"""
    gb = _class(tmp_path).gradebook
    assert list(gb.index) == ["ada", "bea", "cy"]
    assert list(gb.columns) == [MEET, SPOT, "total", "max_total", "percent"]
    assert gb.loc["ada"].tolist() == [2.0, 2.0, 4.0, 5.0, 80.0]


def test_an_exercise_not_checked_is_empty_and_counts_zero(tmp_path):
    """Is an exercise a student never checked left empty in its column and counted 0 in the total?"""
    gb = _class(tmp_path).gradebook
    assert math.isnan(gb.loc["bea", MEET])
    assert gb.loc["bea", "total"] == gb.loc["bea", SPOT]


def test_quizzes_are_not_in_the_total(tmp_path):
    """Are the pre- and post-quiz kept out of the gradebook's columns and total?"""
    gb = _class(tmp_path).gradebook
    assert "pre-choose" not in gb.columns and "post-choose" not in gb.columns


# -- items ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "item, right, missed, false_alarm, missed_by",
    [
        ("daring", 2, 1, 0, "cy"),
        ("the enemy", 1, 2, 0, "bea; cy"),
        ("Russian", 0, 0, 1, ""),
    ],
)
def test_how_the_class_answered_each_item(tmp_path, item, right, missed, false_alarm, missed_by):
    """Does the item table count who flagged each item, who missed it (and who they are), and false alarms?"""
    row = _class(tmp_path).item(item).iloc[0]
    assert (row["right"], row["missed"], row["false_alarm"]) == (right, missed, false_alarm)
    assert row["students"] == 3
    assert row["share_right"] == round(right / 3, 3)
    assert row["share_missed"] == round(missed / 3, 3)
    assert row["missed_by"] == missed_by


def test_an_item_nobody_met_is_not_in_the_table(tmp_path):
    """Is an item that appears in no answers file absent from the item table (negative case)?"""
    assert _class(tmp_path).item("dictator").empty


# -- quiz --------------------------------------------------------------------------------------
def submission(student, form_name, phase, right, score=None, answers=None):
    """A quiz submission as export_answers hands it in: the first ``right`` items right, the rest wrong."""
    from mediakit.exercises.quiz import form

    if answers is None:
        answers = {}
        for n, e in enumerate(form(form_name)):
            good = next(iter(e.correct))
            answers[e.id] = good if n < right else next(o.id for o in e.options if o.id != good)
    return {
        "student": student,
        "form": form_name,
        "phase": phase,
        "order": "AB",  # a stored order is not trusted either: the forms taken give it
        "score": float(right) if score is None else score,
        "max_score": 12.0,
        "skills": {},
        "answers": answers,
    }


def quiz_export(student, *subs):
    data = export(student, {LOADED: {SPOT: entry(SPOT, ["daring"])}})
    data["quiz"] = list(subs)
    return data


def _quiz_class(tmp_path):
    files = [
        write(
            tmp_path, "a.json", quiz_export("ada", submission("ada", "A", "pre", 3), submission("ada", "B", "post", 9))
        ),
        write(tmp_path, "b.json", quiz_export("bea", submission("bea", "A", "pre", 6))),
        write(tmp_path, "c.json", quiz_export("cy", submission("cy", "B", "pre", 6), submission("cy", "A", "post", 6))),
    ]
    return cr.class_report(files)


def test_quiz_gain_needs_both_quizzes(tmp_path):
    """Does the quiz table list only the students with both submissions, with their gain, order and the class mean?"""
    report = _quiz_class(tmp_path)
    q = report.quiz_gain
    assert list(q.index) == ["ada", "cy"]  # bea has no post-quiz
    assert q.loc["ada"].tolist() == [25.0, 75.0, 50.0, "AB"]
    assert q.loc["cy"].tolist() == [50.0, 50.0, 0.0, "BA"]
    assert report.mean_gain == 25.0
    assert report.problems == []


@pytest.mark.parametrize(
    "order, n, mean",
    [("AB", 1, 0.5), ("BA", 1, 0.0), ("all", 2, 0.25)],
)
def test_quiz_gain_per_form_order_on_a_tiny_class(tmp_path, order, n, mean):
    """Is the gain computed per form order (A first, B first) and overall, from first submissions re-checked?"""
    g = _quiz_class(tmp_path).quiz_class
    assert (g["by_order"][order]["n"], g["by_order"][order]["mean"]) == (n, mean)


def test_quiz_summary_states_order_skill_and_limits(tmp_path):
    """Does the summary give the gain per form order, the change per skill and the limits of a small class?"""
    text = _quiz_class(tmp_path).summary()
    assert "Gain by form order (points): form A first: n = 1, mean +50.0" in text
    assert "form B first: n = 1, mean +0.0" in text
    assert "Change per skill (points): sources:" in text
    assert "Limits: Only 2 students took both quizzes" in text


@pytest.mark.parametrize(
    "stored, rescored, pre",
    [
        (12.0, True, 25.0),  # forged: full marks stored, 3 right answers: the answers count
        ("12", True, 25.0),  # a string score is not trusted either
        (3.0, False, 25.0),  # mirrored: the honest stored score
    ],
)
def test_a_forged_quiz_score_is_ignored(tmp_path, stored, rescored, pre):
    """Is a quiz score recomputed from the answers, a disagreeing stored score reported, and the honest one not?"""
    subs = (submission("ada", "A", "pre", 3, score=stored), submission("ada", "B", "post", 3))
    report = cr.class_report([write(tmp_path, "a.json", quiz_export("ada", *subs))])
    assert report.quiz_gain.loc["ada", "pre"] == pre
    assert any(p.kind == "rescored" and "pre-quiz" in p.message for p in report.problems) is rescored


@pytest.mark.parametrize("same, problem", [(False, True), (True, False)])
def test_a_second_quiz_submission_does_not_replace_the_first(tmp_path, same, problem):
    """With two different pre-quiz submissions handed in, is the first kept (and the other reported); an identical copy is not a problem?"""
    first = quiz_export("ada", submission("ada", "A", "pre", 2), submission("ada", "B", "post", 8))
    later = quiz_export("ada", submission("ada", "A", "pre", 2 if same else 12))
    report = cr.class_report([write(tmp_path, "a1.json", first), write(tmp_path, "a2.json", later)])
    assert report.quiz_gain.loc["ada", "pre"] == round(100 * 2 / 12, 1)
    assert any(p.kind == "duplicate" and "first one" in p.message for p in report.problems) is problem


@pytest.mark.parametrize(
    "sub, kind",
    [
        (submission("bea", "A", "pre", 12), "mixed"),  # another student's submission
        (submission("ada", "C", "pre", 0, answers={}), "set-aside"),  # no such form
        (submission("ada", "A", "during", 12), "set-aside"),  # no such phase
        ("not an object", "set-aside"),
        (submission("ada", "A", "pre", 0, answers={"qa-made-up-1": "a"}), "set-aside"),  # item not on the form
    ],
)
def test_a_bad_quiz_submission_is_set_aside(tmp_path, sub, kind):
    """Is a quiz submission that cannot be a student's own real quiz reported and never counted as a right answer?"""
    report = cr.class_report([write(tmp_path, "a.json", quiz_export("ada", sub))])
    assert any(p.kind == kind for p in report.problems), report.problems
    assert report.quiz_gain.empty and report.students == ["ada"]


def test_the_same_form_twice_is_not_a_form_order(tmp_path):
    """Does a student who took form A twice count in the overall gain only, with a note (negative case)?"""
    subs = (submission("ada", "A", "pre", 3), submission("ada", "A", "post", 6))
    report = cr.class_report([write(tmp_path, "a.json", quiz_export("ada", *subs))])
    g = report.quiz_class["by_order"]
    assert (g["AB"]["n"], g["BA"]["n"], g["all"]["n"]) == (0, 0, 1)
    assert any("took form A twice" in p.message for p in report.problems)


def test_no_quiz_gives_an_empty_quiz_table(tmp_path):
    """Without quiz submissions (even with the quiz notebooks' practice exercises), is the quiz table empty?"""
    files = [write(tmp_path, "a.json", good("ada"))]
    files.append(
        write(
            tmp_path,
            "b.json",
            export(
                "bea",
                {
                    "pre_quiz": {"pre-choose": entry("pre-choose", "c")},
                    "post_quiz": {"post-choose": entry("post-choose", "b")},
                },
            ),
        )
    )
    report = cr.class_report(files)
    assert report.quiz_gain.empty and report.quiz_class == {}
    assert report.mean_gain is None
    assert "no student has both" in report.summary()


def test_exported_quiz_reaches_the_report(tmp_path):
    """From the notebook to the report: a quiz submitted twice, exported, read back with the first submission only?"""
    import mediakit.exercises as mx
    from mediakit.exercises.quiz import form_for, start_quiz

    for phase, letter in (("pre", "a"), ("post", None)):
        mx.start(f"{phase}_quiz", student="Ada", folder=tmp_path)
        q = start_quiz(phase)
        right = {n: next(iter(e.correct)) for n, e in enumerate(q.items, start=1)}
        q.hand_in({1: letter} if letter else right)
        start_quiz(phase).hand_in(right)  # a second try: not recorded
    out = mx.export_answers("Ada", folder=tmp_path)
    mx.stop()
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [d["phase"] for d in data["quiz"]] == ["pre", "post"]
    assert all("feedback_text" not in d for d in data["quiz"])
    report = cr.class_report([out])
    first = 1.0 if form_for("Ada", "pre") == "B" else 0.0  # "a" is right for item 1 of form B only
    assert report.quiz_gain.loc["Ada", "pre"] == round(100 * first / 12, 1)
    assert report.quiz_gain.loc["Ada", "post"] == 100.0
    assert report.quiz_gain.loc["Ada", "order"] == "".join((form_for("Ada", "pre"), form_for("Ada", "post")))


# -- inputs ---------------------------------------------------------------------------------------
def test_a_folder_stands_for_its_json_files(tmp_path):
    """Does a folder stand for the *.json files in it (and ignore other files)?"""
    write(tmp_path, "mediakit-answers-ada.json", good("ada"))
    write(tmp_path, "mediakit-answers-bea.json", good("bea"))
    write(tmp_path, "notes.txt", "not read")
    report = cr.class_report([tmp_path])
    assert report.students == ["ada", "bea"]
    assert report.problems == []


def test_a_plain_answers_file_is_read_too(tmp_path):
    """Is a notebook's own <stem>.answers.json (format mediakit-answers) read as that student's notebook?"""
    data = answers_file("ada", LOADED, {SPOT: entry(SPOT, ["daring"])})
    report = cr.class_report([write(tmp_path, f"{LOADED}.ada.answers.json", data)])
    assert report.gradebook.loc["ada", SPOT] == 1.0


# -- output files and the command line -----------------------------------------------------------
def test_write_produces_every_file_and_is_deterministic(tmp_path):
    """Does writing the report produce the CSVs, the summary and the PNG charts, byte-identical on a second run?"""
    (tmp_path / "in").mkdir()
    a, b = tmp_path / "a", tmp_path / "b"
    _class(tmp_path / "in").write(a)
    _class(tmp_path / "in").write(b)
    names = sorted(p.name for p in a.iterdir())
    assert names == sorted(cr.OUTPUT_FILES)
    for name in names:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name
    assert (a / "exercises.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    header = (a / "gradebook.csv").read_text().splitlines()[0]
    assert header == f"student,{MEET},{SPOT},total,max_total,percent"


@pytest.mark.parametrize("chart", ["exercises", "missed_items", "quiz_gain"])
def test_charts_draw_for_an_empty_class(tmp_path, chart):
    """Do the charts draw (saying there is nothing to show) when no file could be read?"""
    report = cr.class_report([tmp_path / "nobody.json"])
    fig = report.chart(chart)
    assert fig.axes and fig.axes[0].get_title()


def test_an_unknown_chart_is_a_clear_error(tmp_path):
    """Is asking for a chart that does not exist a MediakitError that lists the charts?"""
    from mediakit.errors import MediakitError

    with pytest.raises(MediakitError, match="exercises, missed_items, quiz_gain"):
        cr.class_report([]).chart("pie")


@pytest.mark.parametrize(
    "args, code, out_has, err_has",
    [
        (["{ok}", "-o", "{out}"], 0, "1 student(s)", ""),
        (["{ok}", "{missing}"], 0, "missing: no such file", ""),
        (["{missing}"], 2, "", "no answers file could be read"),
        ([], 2, "", "the following arguments are required"),
        (["--bogus", "{ok}"], 2, "", "unrecognized arguments"),
        (["{ok}", "-o", "{blocked}/sub"], 2, "", "Cannot write the report"),
    ],
)
def test_command_line(tmp_path, args, code, out_has, err_has):
    """Does `mediakit class-report` exit 0 with a summary, or 2 with one line on stderr, never a traceback?"""
    ok = write(tmp_path, "mediakit-answers-ada.json", good("ada"))
    blocked = write(tmp_path, "a-file", "x")
    names = {"ok": ok, "missing": tmp_path / "gone.json", "out": tmp_path / "out", "blocked": blocked}
    argv = [a.format(**names) for a in args]
    run = subprocess.run(
        [sys.executable, "-m", "mediakit.cli", "class-report", *argv], capture_output=True, text=True, timeout=120
    )
    assert run.returncode == code, run.stderr
    assert out_has in run.stdout
    assert err_has in run.stderr
    assert "Traceback" not in run.stderr
    if code == 2:
        assert len(run.stderr.strip().splitlines()) == 1
    if "-o" in args and code == 0:
        assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(cr.OUTPUT_FILES)


def test_main_takes_argv_without_or_with_the_command_name(tmp_path, capsys):
    """Does main() accept its arguments both as the CLI passes them and with "class-report" first?"""
    ok = str(write(tmp_path, "a.json", good("ada")))
    assert cr.main([ok]) == 0
    assert cr.main(["class-report", ok]) == 0
    assert capsys.readouterr().out.count("1 student(s)") == 2


def test_import_stays_light():
    """Does importing the report module leave pandas and matplotlib unimported?"""
    code = (
        "import sys, mediakit.classroom.report; print(sorted(m for m in ('pandas', 'matplotlib') if m in sys.modules))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert run.stdout.strip() == "[]"


# -- the shipped sample class ----------------------------------------------------------------------
def test_the_sample_class_shows_every_kind_of_problem():
    """Does the shipped sample class give 7 students and exactly one foreign, one duplicate and one corrupt file?"""
    report = cr.class_report([cr.sample_answers_dir()])
    assert report.students == [f"student-0{i}" for i in range(1, 8)]
    assert sorted(p.kind for p in report.problems) == ["corrupt", "duplicate", "foreign"]
    assert not report.quiz_gain.empty
    assert not report.item("dictator").empty and not report.item("daring").empty


def test_sample_exercise_ids_match_the_key_files():
    """Does every exercise in the sample answers exist in the shipped key files?"""
    from mediakit.exercises import all_exercises

    known = {ex.id for ex in all_exercises()}
    report = cr.class_report([cr.sample_answers_dir()])
    assert {a.exercise for a in report.attempts} <= known


def test_sample_answers_are_up_to_date():
    """Are the shipped sample answers what tools/make_sample_answers.py writes from the current keys?"""
    run = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "make_sample_answers.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stdout + run.stderr


@pytest.mark.parametrize(
    "ex_id, answer, item, column",
    [
        (MEET, ["a", "c"], "c) Which paper's report the article retells", "false_alarm"),  # a wrong option ticked
        (MEET, ["a", "c"], "b) The exact date it was published", "missed"),  # a right option left out
        (MEET, ["a", "c"], "a) Who wrote the article", "right"),
        ("pre-classify", {"dana-okafor": "vague"}, "Dana Okafor", "missed"),  # a wrong category is a missed item
        (SPOT, ["daring", "Russian"], "Russian", "false_alarm"),
        (SPOT, ["daring", "Russian"], "the enemy", "missed"),
    ],
)
def test_statuses_fall_in_the_right_column(tmp_path, ex_id, answer, item, column):
    """Is each re-checked item counted in the right column of the item table, by kind of exercise?"""
    from mediakit.exercises import get

    stem = get(ex_id).notebook
    data = export("ada", {stem: {ex_id: entry(ex_id, answer)}})
    row = cr.class_report([write(tmp_path, "a.json", data)]).item(item).iloc[0]
    counts = {c: row[c] for c in ("right", "missed", "partial", "false_alarm")}
    assert counts == {c: int(c == column) for c in counts}


@pytest.mark.parametrize(
    "name, written",
    [
        ('=HYPERLINK("http://x")', "'=HYPERLINK"),
        ("+1", "'+1"),
        ("-2+3", "'-2+3"),
        ("@sum", "'@sum"),
        ("\tcmd", "cmd"),  # white space around a name is dropped
        ("Zoë-Ann", "Zoë-Ann"),  # a name that is not a formula is written as it is
    ],
)
def test_csv_cells_cannot_run_as_formulas(tmp_path, name, written):
    """Is a student name that a spreadsheet would run as a formula written with a leading quote in the CSVs,
    in the gradebook's rows and in the item table's missed_by cells?"""
    (tmp_path / "in").mkdir()
    data = export(name, {"=cmd|' /C calc'!A0": {SPOT: entry(SPOT, ["invasion"])}})
    report = cr.class_report([write(tmp_path / "in", "a.json", data)])
    assert report.students == [name.strip()]  # the tables in Python keep the name as given
    report.write(tmp_path / "out")
    gradebook = (tmp_path / "out" / "gradebook.csv").read_text(encoding="utf-8").splitlines()
    items = (tmp_path / "out" / "items.csv").read_text(encoding="utf-8")
    csv_text = gradebook + items.splitlines()
    assert not any(
        cell.lstrip('"').startswith(("=", "+", "-", "@", "\t", "\r")) for line in csv_text for cell in line.split(",")
    )
    if written.startswith("'"):
        assert gradebook[1].lstrip('"').startswith(written[:3])


@pytest.mark.parametrize("name", ["$x^2$", "a $ b", "\\frac{1}{0} $$", "$\\undefinedmacro$"])
def test_dollar_signs_in_names_and_items_do_not_break_the_charts(tmp_path, name):
    """Do `$` signs (matplotlib's mathtext) in a student's name, notebook or item text leave the charts drawable?"""
    data = export(name, {name: {SPOT: entry(SPOT, ["invasion"])}})
    report = cr.class_report([write(tmp_path, "a.json", data)])
    written = report.write(tmp_path / "out")
    assert sorted(p.name for p in written) == sorted(cr.OUTPUT_FILES)
