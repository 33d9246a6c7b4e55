"""Quiz mode: parallel forms with no length cue, no feedback before submission, first submission counts."""

import json
import re

import pytest

from mediakit.errors import AnswerError, MediakitError
from mediakit.exercises import quiz
from mediakit.exercises.quiz import (
    Quiz,
    QuizStore,
    class_gain,
    form,
    form_order,
    length_cue,
    skill_of,
)

RIGHT_A = {e.id: next(iter(e.correct)) for e in form("A")}


def test_each_form_has_at_least_ten_scored_items():
    """Does each form hold 10 or more scored items?"""
    for name in quiz.FORMS:
        assert sum(e.max_score for e in form(name)) >= 10


def test_forms_are_parallel():
    """Do the forms ask the same kinds, on the same skills, in the same order, covering every skill?"""
    a, b = form("A"), form("B")
    assert [(e.kind, skill_of(e.id)) for e in a] == [(e.kind, skill_of(e.id)) for e in b]
    assert {skill_of(e.id) for e in a} == set(quiz.SKILLS)
    assert {e.question for e in a}.isdisjoint({e.question for e in b})


@pytest.mark.parametrize("ex", form("A") + form("B"), ids=lambda e: e.id)
def test_no_length_cue_in_the_forms(ex):
    """Is the right option never the uniquely longest one?"""
    assert length_cue(ex) == ""


@pytest.mark.parametrize(
    "lengths, cue",
    [
        ((30, 10, 12, 14), True),  # right option longest by far
        ((15, 10, 12, 14), True),  # longest by one character still counts
        ((14, 10, 12, 14), False),  # a tie is no cue
        ((10, 30, 12, 14), False),  # mirrored: right option short
    ],
)
def test_length_cue_detects_the_longest_right_option(lengths, cue):
    """Does the check flag an item whose right option is strictly the longest, and only that?"""
    from types import SimpleNamespace as O

    ex = O(id="t", options=[O(text="x" * n, correct=(i == 0)) for i, n in enumerate(lengths)])
    assert bool(length_cue(ex)) is cue


def _definitions(text):
    return dict(re.findall(r"(named|vague|anonymous) \(([^)]*)\)", text))


def test_definitions_are_the_same_everywhere():
    """Is 'anonymous' (and named, vague) defined in the same words in the seed key and the pre/post quiz?"""
    from mediakit.exercises import all_exercises

    defs = [_definitions(e.question) for e in all_exercises() if e.kind == "classify" and "anonymous" in e.categories]
    defs += [_definitions(e.question) for e in form("A") + form("B") if "anonymous (" in e.question]
    assert len(defs) >= 5
    assert all(d == defs[0] for d in defs), defs


# -- quiz mode -------------------------------------------------------------------------
def test_no_feedback_before_submission():
    """Does answering give no score or explanation, and the hint no hint, before submission?"""
    q = Quiz("A", "Ana")
    reply = q.answer("qa-sources-1", "a")
    assert "Saved" in reply and "Right" not in reply and "names" not in reply
    assert "No hints" in q.hint()
    with pytest.raises(MediakitError, match="Submit the whole quiz first"):
        q.feedback()


@pytest.mark.parametrize("item, answer", [("qa-sources-1", "z"), ("qa-sources-1", 3), ("qa-nope-1", "a")])
def test_bad_answers_are_refused_with_a_message(item, answer):
    """Is an answer of the wrong shape, or an unknown item, refused with a message (not scored)?"""
    with pytest.raises((AnswerError, MediakitError)):
        Quiz("A", "Ana").answer(item, answer)


def test_the_first_submission_is_the_one_recorded(tmp_path):
    """Does a second submission (even a better one) leave the first recorded, and say so?"""
    store = QuizStore(tmp_path / "quiz.json")
    q = Quiz("A", "Ana", store=store)
    q.answer("qa-sources-1", RIGHT_A["qa-sources-1"])
    first = q.submit()
    assert first.first and first.score == 1
    again = Quiz("A", "ana ", store=QuizStore(tmp_path / "quiz.json"))
    for item, letter in RIGHT_A.items():
        again.answer(item, letter)
    second = again.submit()
    assert not second.first and second.score == 1
    assert "first submission is the one recorded" in again.feedback()
    rows = json.loads((tmp_path / "quiz.json").read_text())["submissions"]
    assert len(rows) == 1 and rows[0]["score"] == 1


def test_feedback_after_submission_explains_every_item():
    """After submission, is there feedback with an explanation for every item, answered or not?"""
    q = Quiz("A", "Ana")
    q.answer("qa-loaded-1", "c")
    text = q.submit() and q.feedback()
    assert text.count("Score:") == len(form("A"))
    assert "botched" in text and "Explanation:" in text and "Quiz score: 1/12" in text


@pytest.mark.parametrize("name, other", [("Ana", "  ana"), ("Ben Ode", "ben  ode"), ("Zoë", "ZOË")])
def test_form_order_is_stable(name, other):
    """Is the order the same for the same name, whatever its case and spacing?"""
    assert form_order(name) == form_order(other)


def test_form_order_splits_a_class_and_can_be_overridden():
    """Does the hash put roughly half a class each way, and does the instructor's override win?"""
    names = [f"student {i}" for i in range(200)]
    ab = sum(form_order(n) == ("A", "B") for n in names)
    assert 70 <= ab <= 130
    n = next(n for n in names if form_order(n) == ("A", "B"))
    assert form_order(n, override={n.upper(): "BA"}) == ("B", "A")
    with pytest.raises(MediakitError, match="'AB' or 'BA'"):
        form_order(n, override={n: "AA"})


@pytest.mark.parametrize("phase, index", [("pre", 0), ("post", 1)])
def test_for_student_follows_the_order(phase, index):
    """Does a student take the first form of their order before and the second after?"""
    q = Quiz.for_student("Ana", phase)
    assert q.form == form_order("Ana")[index] and q.phase == phase


def _row(student, order, phase, score, skill_score=None):
    f = order[0] if phase == "pre" else order[1]
    return {
        "student": student,
        "order": order,
        "phase": phase,
        "form": f,
        "score": score,
        "max_score": 10,
        "skills": {"sources": [skill_score if skill_score is not None else score / 2, 5]},
    }


def test_class_gain_per_order_and_skill():
    """Is the gain computed per form order and per skill, from pre/post pairs only?"""
    rows = [
        _row("a", "AB", "pre", 4),
        _row("a", "AB", "post", 8),
        _row("b", "BA", "pre", 6),
        _row("b", "BA", "post", 7),
        _row("c", "BA", "pre", 5),
    ]  # no post: not counted
    g = class_gain(rows)
    assert g["by_order"]["AB"] == {"n": 1, "mean": 0.4, "sd": None, "min": 0.4, "max": 0.4}
    assert g["by_order"]["BA"]["mean"] == 0.1 and g["by_order"]["all"]["n"] == 2
    assert g["by_skill"]["sources"]["change"]["n"] == 2
    assert "Only 2 students" in g["limits"][0]


def test_class_gain_mirrored_loss_and_a_large_class():
    """Is a loss negative (mirrored case), and does a large balanced class get no small-n warning?"""
    rows = []
    for i in range(20):
        order = "AB" if i % 2 else "BA"
        rows += [_row(f"s{i}", order, "pre", 8), _row(f"s{i}", order, "post", 6)]
    g = class_gain(rows)
    assert g["by_order"]["all"]["mean"] == -0.2
    assert not any("Only" in line for line in g["limits"]) and not any("unbalanced" in x for x in g["limits"])


def test_only_the_first_row_per_student_and_phase_counts():
    """Does class_gain ignore a later row for the same student and phase?"""
    rows = [_row("a", "AB", "pre", 4), _row("a", "AB", "pre", 10), _row("a", "AB", "post", 6)]
    assert class_gain(rows)["by_order"]["AB"]["mean"] == 0.2


@pytest.mark.parametrize("bad", ["", "   "])
def test_a_quiz_needs_a_name(bad):
    """Is a quiz without a name refused with a message?"""
    with pytest.raises(MediakitError, match="Write your name"):
        Quiz("A", bad)


def test_unreadable_store_gives_a_message(tmp_path):
    """Does a broken quiz file give a message, not a crash?"""
    p = tmp_path / "quiz.json"
    p.write_text("{not json", encoding="utf-8")
    with pytest.raises(MediakitError, match="cannot be read"):
        QuizStore(p).submissions()


def test_unknown_form():
    """Is an unknown form refused?"""
    with pytest.raises(MediakitError, match="forms are A and B"):
        form("C")


def test_quiz_passages_are_not_from_the_seed():
    """Do the forms use made-up passages that share no sentence with the seed?"""
    import mediakit

    seed = mediakit.load_article().text
    for e in form("A") + form("B"):
        for sentence in e.question.replace("'", " ").split(". "):
            assert sentence.strip(". ") not in seed or len(sentence) < 15, (e.id, sentence)


# -- the notebook paths: hand_in, show, start_quiz, the widget, the hand-in, regrade -----------
@pytest.mark.parametrize(
    "answers, recorded",
    [
        ({}, False),  # an unanswered notebook run top to bottom submits nothing
        (None, False),
        ({1: "b"}, True),  # mirrored: one answer is a submission
        ({"qa-sources-1": "b"}, True),  # by item id
        ({"2": "c"}, True),  # a number written as text
    ],
)
def test_hand_in_records_only_a_real_submission(answers, recorded):
    """Does hand_in submit nothing for an empty quiz, and record any quiz with an answer?"""
    store = QuizStore(None)
    text = Quiz("A", "Ana", store=store).hand_in(answers)
    assert (store.find("Ana", "pre") is not None) is recorded
    assert text.startswith("Nothing submitted") is (not recorded)


@pytest.mark.parametrize("key", [0, 13, "qa-nope-1", "qb-sources-1", True])
def test_submit_refuses_an_unknown_question(key):
    """Is a question number or id that is not on the form refused with a message, and nothing recorded?"""
    store = QuizStore(None)
    with pytest.raises(MediakitError):
        Quiz("A", "Ana", store=store).submit({key: "a"})
    assert store.submissions() == []


@pytest.mark.parametrize("bad", [["a", "b"], "b"])
def test_submit_needs_a_dictionary(bad):
    """Is a list or a string instead of the answers dictionary refused with a message saying the shape?"""
    with pytest.raises(MediakitError, match="dictionary"):
        Quiz("A", "Ana").hand_in(bad)


def test_a_second_hand_in_shows_the_first_submission():
    """Does a second hand_in (all right) show the first submission's score and say it is the one recorded?"""
    store = QuizStore(None)
    Quiz("A", "Ana", store=store).hand_in({1: "a"})  # wrong
    text = Quiz("A", "Ana", store=store).hand_in(RIGHT_A)
    assert "first submission is the one recorded" in text and text.endswith("Quiz score: 0/12")
    assert len(store.submissions()) == 1


def test_show_gives_the_questions_not_the_answers():
    """Does the quiz text list every question and option but no explanation or verdict?"""
    q = Quiz("A", "Ana")
    text = q.show()
    assert text.count("\n   a) ") == len(form("A"))
    for e in form("A"):
        assert e.question in text
        assert all(o.why not in text for o in e.options)
    assert "Right" not in text and "Score" not in text


@pytest.mark.parametrize("phase, index", [("pre", 0), ("post", 1)])
def test_start_quiz_keeps_the_submission_beside_the_notebook(tmp_path, phase, index):
    """Does start_quiz use the session's student and folder, and the student's form for the phase?"""
    import mediakit.exercises as mx
    from mediakit.exercises.quiz import quiz_path, start_quiz

    mx.start(f"{phase}_quiz", student="Ana Lee", folder=tmp_path)
    try:
        q = start_quiz(phase)
        q.hand_in({1: "a"})
    finally:
        mx.stop()
    assert q.form == form_order("Ana Lee")[index]
    assert quiz_path("Ana Lee", tmp_path).name == "quiz.ana-lee.submissions.json"
    assert QuizStore(quiz_path("Ana Lee", tmp_path)).find("ana lee", phase)["form"] == q.form


def test_export_holds_the_first_submissions_only(tmp_path):
    """Does export_answers hand in the first quiz submission (no feedback text), not a later one?"""
    import mediakit.exercises as mx
    from mediakit.exercises.quiz import start_quiz

    mx.start("pre_quiz", student="Ana", folder=tmp_path)
    try:
        first = start_quiz("pre")
        first.hand_in({2: "a"})
        start_quiz("pre").hand_in({n: "a" for n in range(1, 13)})
        out = mx.export_answers("Ana", folder=tmp_path)
    finally:
        mx.stop()
    rows = json.loads(out.read_text(encoding="utf-8"))["quiz"]
    assert len(rows) == 1 and rows[0]["answers"] == {first.items[1].id: "a"}
    assert "feedback_text" not in rows[0]


@pytest.mark.parametrize(
    "stored, answers, score",
    [
        (12, {"qa-sources-1": "a"}, 0.0),  # forged full marks, a wrong answer
        (0, {"qa-sources-1": "b"}, 1.0),  # mirrored: a right answer stored as 0
        (5, {"qa-sources-1": "b", "qa-nope-1": "a", "qb-sources-1": "a"}, 1.0),  # foreign items never score
        (5, {"qa-sources-1": ["b", "c"]}, 0.0),  # an answer the key refuses scores nothing
    ],
)
def test_regrade_ignores_the_stored_score(stored, answers, score):
    """Is a handed-in submission scored from its answers and the key only, whatever score it stores?"""
    from mediakit.exercises.quiz import regrade

    new, _ = regrade({"student": "ana", "form": "A", "phase": "pre", "score": stored, "answers": answers})
    assert new["score"] == score and new["max_score"] == 12.0


def test_the_widget_gives_no_feedback_before_submission():
    """Does the widget save picks silently, then print the plain feedback once on Submit and lock itself?"""
    pytest.importorskip("ipywidgets")
    from mediakit.exercises.quiz_widget import quiz_widget

    store = QuizStore(None)
    q = Quiz("A", "Ana", store=store)
    box = quiz_widget(q)
    pickers = [c for c in box.children if type(c).__name__ == "RadioButtons"]
    button = next(c for c in box.children if type(c).__name__ == "Button")
    out = box.children[-1]
    assert len(pickers) == len(form("A"))
    pickers[0].value = RIGHT_A["qa-sources-1"]
    assert q.answers() == {"qa-sources-1": "b"} and out.outputs == () and store.submissions() == []
    button.click()
    assert store.find("Ana", "pre")["score"] == 1.0
    assert button.disabled and all(p.disabled for p in pickers)
