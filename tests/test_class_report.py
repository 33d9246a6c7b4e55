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
def entry(score, max_score, items=(), checks=1, kind="spot"):
    return {"kind": kind, "answer": [], "score": score, "max_score": max_score,
            "items": [{"item": i, "status": s, "credit": 1.0 if s in ("hit", "correct") else 0.0} for i, s in items],
            "checks": checks}


def answers_file(student, notebook, exercises):
    return {"format": "mediakit-answers", "version": 1, "student": student, "notebook": notebook,
            "article": "seed", "exercises": exercises}


def export(student, notebooks):
    return {"format": "mediakit-export", "version": 1, "student": student,
            "notebooks": {stem: answers_file(student, stem, ex) for stem, ex in notebooks.items()}}


def write(folder: Path, name: str, data) -> Path:
    path = folder / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


LOADED = "04_loaded_language_exercises"


def good(student="ada", dictator="hit", daring="miss", checks=1):
    return export(student, {LOADED: {"loaded-spot": entry(
        (dictator == "hit") + (daring == "hit"), 2.0, [("dictator", dictator), ("daring", daring)], checks)}})


# -- bad files -----------------------------------------------------------------------------------
BAD = [
    # (case, file name, content or None for "do not write", expected kind)
    ("missing", "mediakit-answers-bob.json", None, "missing"),
    ("cut off", "mediakit-answers-bob.json", json.dumps(good("bob"))[:60], "corrupt"),
    ("not UTF-8", "mediakit-answers-bob.json", b"\xff\xfe\x00{bad", "corrupt"),
    ("empty file", "mediakit-answers-bob.json", "", "corrupt"),
    ("a JSON list", "mediakit-answers-bob.json", [], "foreign"),
    ("markup JSON", "analysis.json", {"source": "x", "text": "x", "spans": []}, "foreign"),
    ("a notebook", "notebook.json", {"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}, "foreign"),
    ("another format", "x.json", {"format": "gradebook", "version": 1}, "foreign"),
    ("a later version", "mediakit-answers-bob.json", {**good("bob"), "version": 2}, "foreign"),
    ("no student", "mediakit-answers-bob.json", {**good("bob"), "student": "  "}, "corrupt"),
    ("notebooks not a table", "mediakit-answers-bob.json", {**good("bob"), "notebooks": []}, "corrupt"),
    ("score above max", "mediakit-answers-bob.json",
     export("bob", {LOADED: {"loaded-spot": entry(3.0, 2.0)}}), "corrupt"),
    ("score as text", "mediakit-answers-bob.json",
     export("bob", {LOADED: {"loaded-spot": entry("2", 2.0)}}), "corrupt"),
    ("score NaN", "mediakit-answers-bob.json",
     json.dumps(export("bob", {LOADED: {"loaded-spot": entry(float("nan"), 2.0)}})), "corrupt"),
    ("unknown item status", "mediakit-answers-bob.json",
     export("bob", {LOADED: {"loaded-spot": entry(1.0, 2.0, [("dictator", "great")])}}), "corrupt"),
    ("exercise not a table", "mediakit-answers-bob.json",
     export("bob", {LOADED: {"loaded-spot": 3}}), "corrupt"),
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
    assert report.problems[0].message          # says what is wrong
    assert "Traceback" not in report.summary()


def test_a_good_file_has_no_problem(tmp_path):
    """Does a well-formed hand-in give no problem at all (the negative case of the table above)?"""
    report = cr.class_report([write(tmp_path, "mediakit-answers-ada.json", good("ada"))])
    assert report.problems == []
    assert "No problems with the files." in report.summary()


@pytest.mark.parametrize("checks_first, checks_second, kept, set_aside", [
    (1, 3, "second.json", "first.json"),     # the later state (more checks) wins
    (3, 1, "first.json", "second.json"),
    (2, 2, "first.json", "second.json"),     # a tie keeps the file named first
])
def test_a_student_who_hands_in_twice(tmp_path, checks_first, checks_second, kept, set_aside):
    """When a student hands in twice, is the copy with more checks kept, and the other one reported as a duplicate?"""
    first = write(tmp_path, "first.json", good("ada", daring="miss", checks=checks_first))
    second = write(tmp_path, "second.json", good("ada", daring="hit", checks=checks_second))
    report = cr.class_report([first, second])
    assert report.students == ["ada"]
    assert [(p.file, p.kind) for p in report.problems] == [(set_aside, "duplicate")]
    assert kept in report.problems[0].message
    expected = 2.0 if kept == "second.json" else 1.0
    assert report.gradebook.loc["ada", "loaded-spot"] == expected


def test_the_same_name_is_one_student_but_different_names_are_two(tmp_path):
    """Are "ada" and "Ada " the same student (names are trimmed) while "ada" and "bea" are two (negative case)?"""
    files = [write(tmp_path, "a.json", good("ada")), write(tmp_path, "b.json", good("ada ")),
             write(tmp_path, "c.json", good("bea"))]
    report = cr.class_report(files)
    assert report.students == ["ada", "bea"]
    assert [p.kind for p in report.problems] == ["duplicate"]


# -- the gradebook ---------------------------------------------------------------------------
def _class(tmp_path):
    files = [
        write(tmp_path, "mediakit-answers-ada.json", export("ada", {
            "01_meet": {"spot-a": entry(2.0, 3.0, checks=2)},
            LOADED: {"loaded-spot": entry(2.0, 2.0, [("dictator", "hit"), ("daring", "hit")])},
            "pre_quiz": {"pre-1": entry(1.0, 4.0)}, "post_quiz": {"post-1": entry(3.0, 4.0)}})),
        write(tmp_path, "mediakit-answers-bea.json", export("bea", {
            LOADED: {"loaded-spot": entry(1.0, 2.0, [("dictator", "hit"), ("daring", "miss"), ("Kiev", "false_alarm")])},
            "pre_quiz": {"pre-1": entry(2.0, 4.0)}})),
        write(tmp_path, "mediakit-answers-cy.json", export("cy", {
            LOADED: {"loaded-spot": entry(0.0, 2.0, [("dictator", "miss"), ("daring", "miss")])},
            "pre_quiz": {"pre-1": entry(2.0, 4.0)}, "post_quiz": {"post-1": entry(2.0, 4.0)}})),
    ]
    return cr.class_report(files)


def test_gradebook_has_one_row_per_student_and_one_column_per_exercise(tmp_path):
    """Does the gradebook hold one row per student, one column per lesson exercise, then total, max_total and percent?"""
    gb = _class(tmp_path).gradebook
    assert list(gb.index) == ["ada", "bea", "cy"]
    assert list(gb.columns) == ["spot-a", "loaded-spot", "total", "max_total", "percent"]
    assert gb.loc["ada"].tolist() == [2.0, 2.0, 4.0, 5.0, 80.0]


def test_an_exercise_not_checked_is_empty_and_counts_zero(tmp_path):
    """Is an exercise a student never checked left empty in its column and counted 0 in the total?"""
    gb = _class(tmp_path).gradebook
    assert math.isnan(gb.loc["bea", "spot-a"])
    assert gb.loc["bea", "total"] == 1.0
    assert gb.loc["bea", "percent"] == 20.0


def test_quizzes_are_not_in_the_total(tmp_path):
    """Are the pre- and post-quiz kept out of the gradebook's columns and total?"""
    gb = _class(tmp_path).gradebook
    assert "pre-1" not in gb.columns and "post-1" not in gb.columns


# -- items ------------------------------------------------------------------------------------
@pytest.mark.parametrize("item, right, missed, false_alarm, missed_by", [
    ("dictator", 2, 1, 0, "cy"),
    ("daring", 1, 2, 0, "bea; cy"),
    ("Kiev", 0, 0, 1, ""),
])
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
    assert _class(tmp_path).item("invasion").empty


# -- quiz --------------------------------------------------------------------------------------
def test_quiz_gain_needs_both_quizzes(tmp_path):
    """Does the quiz table list only the students who took both quizzes, with their gain and the class mean?"""
    report = _class(tmp_path)
    q = report.quiz_gain
    assert list(q.index) == ["ada", "cy"]             # bea has no post-quiz
    assert q.loc["ada"].tolist() == [25.0, 75.0, 50.0]
    assert q.loc["cy"].tolist() == [50.0, 50.0, 0.0]
    assert report.mean_gain == 25.0


def test_no_quiz_gives_an_empty_quiz_table(tmp_path):
    """Without pre- and post-quiz notebooks, is the quiz table empty and the mean gain None?"""
    report = cr.class_report([write(tmp_path, "a.json", good("ada"))])
    assert report.quiz_gain.empty
    assert report.mean_gain is None
    assert "no student has both" in report.summary()


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
    data = answers_file("ada", LOADED, {"loaded-spot": entry(1.0, 2.0, [("dictator", "hit")])})
    report = cr.class_report([write(tmp_path, f"{LOADED}.answers.json", data)])
    assert report.gradebook.loc["ada", "loaded-spot"] == 1.0


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
    assert header == "student,spot-a,loaded-spot,total,max_total,percent"


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


@pytest.mark.parametrize("args, code, out_has, err_has", [
    (["{ok}", "-o", "{out}"], 0, "1 student(s)", ""),
    (["{ok}", "{missing}"], 0, "missing: no such file", ""),
    (["{missing}"], 2, "", "no answers file could be read"),
    ([], 2, "", "the following arguments are required"),
    (["--bogus", "{ok}"], 2, "", "unrecognized arguments"),
    (["{ok}", "-o", "{blocked}/sub"], 2, "", "Cannot write the report"),
])
def test_command_line(tmp_path, args, code, out_has, err_has):
    """Does `mediakit class-report` exit 0 with a summary, or 2 with one line on stderr, never a traceback?"""
    ok = write(tmp_path, "mediakit-answers-ada.json", good("ada"))
    blocked = write(tmp_path, "a-file", "x")
    names = {"ok": ok, "missing": tmp_path / "gone.json", "out": tmp_path / "out", "blocked": blocked}
    argv = [a.format(**names) for a in args]
    run = subprocess.run([sys.executable, "-m", "mediakit.cli", "class-report", *argv],
                         capture_output=True, text=True, timeout=120)
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
    code = ("import sys, mediakit.classroom.report; "
            "print(sorted(m for m in ('pandas', 'matplotlib') if m in sys.modules))")
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
    run = subprocess.run([sys.executable, str(ROOT / "tools" / "make_sample_answers.py"), "--check"],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr


@pytest.mark.parametrize("kind, status, column", [
    ("choose", "wrong", "false_alarm"),    # a wrong option ticked
    ("choose", "miss", "missed"),          # a right option left out
    ("classify", "wrong", "missed"),       # a wrong category is a missed item (negative case of the first row)
    ("spot", "false_alarm", "false_alarm"),
    ("match", "partial", "partial"),
])
def test_statuses_fall_in_the_right_column(tmp_path, kind, status, column):
    """Is each saved item status counted in the right column of the item table, by kind of exercise?"""
    data = export("ada", {"01_x": {"ex": entry(0.0, 1.0, [("b", status)], kind=kind)}})
    row = cr.class_report([write(tmp_path, "a.json", data)]).item("b").iloc[0]
    counts = {c: row[c] for c in ("right", "missed", "partial", "false_alarm")}
    assert counts == {c: int(c == column) for c in counts}


@pytest.mark.parametrize("name, written", [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK"),
    ("+1", "'+1"),
    ("@sum", "'@sum"),
    ("Zoë-Ann", "Zoë-Ann"),                 # a name that is not a formula is written as it is
])
def test_csv_cells_cannot_run_as_formulas(tmp_path, name, written):
    """Is a student name that a spreadsheet would run as a formula written with a leading quote in the CSVs?"""
    (tmp_path / "in").mkdir()
    data = export(name, {"01_x": {"ex": entry(0.0, 1.0, [("daring", "miss")])}})
    report = cr.class_report([write(tmp_path / "in", "a.json", data)])
    assert report.students == [name]                      # the tables in Python keep the name as given
    report.write(tmp_path / "out")
    gradebook = (tmp_path / "out" / "gradebook.csv").read_text(encoding="utf-8").splitlines()
    items = (tmp_path / "out" / "items.csv").read_text(encoding="utf-8")
    assert gradebook[1].lstrip('"').startswith(written)
    assert written.replace('"', '""') in items
