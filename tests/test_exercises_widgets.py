"""The widgets, driven without a browser: set values, click, read the feedback and the score."""

import json

import pytest

import mediakit.exercises as mx

pytestmark = pytest.mark.usefixtures("answers_sandbox")


def click(w):
    w.check_button.click()
    return w.feedback.value, w.score.value


def test_spot_widget_right_partial_wrong_empty():
    """Does the Spot widget score flagged words: empty, partial, with a false alarm, and full marks?"""
    w = mx.get("loaded-spot-p3-4").widget()
    fb, score = click(w)
    assert "You have not flagged anything yet" in fb and "Score: 0/2" in score
    w.toggle("daring")
    w.toggle("region")
    fb, score = click(w)
    assert "✓ Correct: &quot;daring&quot;" in fb and "! Not in the key: &quot;region&quot;" in fb
    assert "Score: 0.75/2" in score and "Score:" not in fb  # the score is shown once
    w.toggle("region")
    w.toggle("invasion")
    w.toggle("enemy")
    fb, score = click(w)
    assert "~ Partly right: &quot;the enemy&quot;" in fb and "Score: 1.5/2" in score
    w.toggle("the", 6)
    fb, score = click(w)
    assert "✓ Full marks: 2/2" in score and "All correct" in fb


def test_spot_toggle_changes_more_than_colour():
    """Does flagging a word change its icon, its tooltip and the 'Flagged:' line, not only its colour?"""
    w = mx.get("loaded-spot-p3-4").widget()
    b = next(b for b, _ in w.toggles if b.description == "daring")
    assert b.icon == "" and "Flagged: (nothing yet)" in w.flagged.value
    b.value = True
    assert b.icon == "check" and b.tooltip.startswith("flagged") and "Flagged: daring" in w.flagged.value


def test_classify_widget():
    """Does the Classify widget score drop-down choices, with partial credit?"""
    ex = mx.get("sources-classify")
    w = ex.widget()
    w.dropdowns["the-financial-times"].value = "named"
    w.dropdowns["defense-analysts"].value = "named"
    fb, score = click(w)
    assert "Score: 1/6" in score and "you said: named" in fb
    for it in ex.items:
        w.dropdowns[it.id].value = it.category
    fb, score = click(w)
    assert "Full marks: 6/6" in score


def test_match_widget():
    """Does the Match widget score each claim's letter, including 'none'?"""
    ex = mx.get("headline-match")
    w = ex.widget()
    w.dropdowns["kursk-region"].value = "none"
    w.dropdowns["prepares"].value = "A"
    fb, score = click(w)
    assert "Score: 1/5" in score and "you said: not in the body" in fb
    for c in ex.claims:
        w.dropdowns[c.id].value = c.answers[0]
    assert "5/5" in click(w)[1]


@pytest.mark.parametrize(
    "ident, pick, expected",
    [
        ("sources-choose", "b", "Full marks: 1/1"),
        ("sources-choose", "a", "Score: 0/1"),
        ("sources-choose", None, "Score: 0/1"),
    ],
)
def test_choose_widget_single(ident, pick, expected):
    """Does the radio-button widget score the chosen option (or none)?"""
    w = mx.get(ident).widget()
    w.radio.value = pick
    assert expected in click(w)[1]


def test_choose_widget_multiple():
    """Do the check boxes give partial credit and full marks?"""
    w = mx.get("meet-missing-choose").widget()
    w.boxes["a"].value = True
    w.boxes["c"].value = True
    assert "Score: 0/3" in click(w)[1]
    w.boxes["c"].value = False
    w.boxes["b"].value = True
    w.boxes["d"].value = True
    assert "Full marks: 3/3" in click(w)[1]


def test_rewrite_widget_shows_bad_answer_message_not_traceback():
    """Does a 1 MB paste or a two-line headline show a clear message as feedback, with no score?"""
    w = mx.get("headline-rewrite").widget()
    w.text.value = "x " * 500_000
    fb, score = click(w)
    assert fb.count("too long") == 1 and score == ""
    w.text.value = "Line one\nLine two"
    assert "on one line" in click(w)[0]
    w.text.value = ""
    assert "You have not written your headline yet" in click(w)[0]


def test_rewrite_widget_reads_the_text_back():
    """Does the Rewrite widget return a checklist with the lenses' findings for a loaded headline?"""
    w = mx.get("headline-rewrite").widget()
    w.text.value = "Ukraine prepares for “bargaining” with Trump by seizing Kursk region"
    fb, score = click(w)
    assert "[ ] Not yet: No scare quotes" in fb and "Checklist" in fb


def test_hint_try_again_reset():
    """Do Hint (one at a time), Try again (hides feedback) and Reset (clears the answer) work?"""
    w = mx.get("loaded-spot-p6-7").widget()
    w.hint_button.click()
    assert "Hint 1 of 3" in w.hint_area.value
    w.hint_button.click()
    assert "Hint 2 of 3" in w.hint_area.value
    w.toggle("dictator")
    click(w)
    assert not w.again_button.disabled
    w.again_button.click()
    assert w.feedback.value == "" and w.score.value == "" and w.get_answer() != []
    w.reset_button.click()
    assert w.get_answer() == [] and w.hint_area.value == ""


def test_check_saves_and_a_new_widget_restores(tmp_path):
    """Does the Check button save the answer, and a widget built again show it with its feedback?"""
    mx.start("04_loaded_language_exercises", student="Sam")
    w = mx.get("loaded-spot-p3-4").widget()
    w.toggle("daring")
    click(w)
    data = json.loads((tmp_path / "04_loaded_language_exercises.sam.answers.json").read_text(encoding="utf-8"))
    assert data["exercises"]["loaded-spot-p3-4"]["score"] == 1.0
    w2 = mx.get("loaded-spot-p3-4").widget()
    assert [t.description for t, _ in w2.toggles if t.value] == ["daring"]
    assert "Score: 1/2" in w2.score.value and "daring" in w2.feedback.value
    c = mx.get("loaded-voice-choose").widget()
    c.radio.value = "c"
    click(c)
    assert mx.get("loaded-voice-choose").widget().radio.value == "c"


def test_unsaved_note_without_session():
    """Does the widget tell the student when answers are not being saved?"""
    w = mx.get("sources-choose").widget()
    assert "not being saved" in w.notes.value


def test_feedback_is_html_escaped(tmp_path):
    """Is the feedback HTML-escaped (a student's text never becomes markup)?"""
    w = mx.get("headline-rewrite").widget()
    w.text.value = "<script>alert(1)</script> Ukraine Kursk"
    fb, _ = click(w)
    assert "<script>" not in fb


def test_widget_shows_no_repeated_question_no_pattern_and_has_keyboard_controls():
    """Does a widget leave the question to the notebook text (shown once), show no designer label, and use focusable standard controls?"""
    import ipywidgets as W

    for ex in mx.all_exercises():
        w = ex.widget()
        assert ex.question[:30] not in w.question.value
        shown = " ".join(str(getattr(c, "value", "")) for c in w.children)
        assert "Pattern" not in shown and ex.pattern not in shown
        assert isinstance(w.check_button, W.Button) and w.check_button.description == "Check"
        assert {b.description for b in (w.hint_button, w.again_button, w.reset_button)} == {
            "Hint",
            "Try again",
            "Reset",
        }
