"""Classify exercises: one category per item, partial credit, accepted alternatives, bad answers."""

import pytest

import mediakit.exercises as mx
from mediakit.errors import AnswerError

KEY = """
[key]
article = "own"

[[exercise]]
id = "t-classify"
kind = "classify"
question = "Classify the sources."
categories = ["named", "vague", "anonymous"]
passage = { text = "Dana Okafor said the blaze started in a kitchen. Residents heard an alarm. One official, who asked not to be named, said the building failed an inspection." }

[[exercise.items]]
text = "Dana Okafor"
category = "named"
why = "a name"

[[exercise.items]]
text = "Residents"
category = "vague"
accept = ["anonymous"]
why = "no names"

[[exercise.items]]
id = "official"
text = "One official, who asked not to be named"
category = "anonymous"
why = "unnamed on purpose"
"""


pytestmark = pytest.mark.usefixtures("no_answers_session")


@pytest.fixture
def ex(key_from):
    return key_from(KEY).get("t-classify")


@pytest.mark.parametrize(
    "answer, score, statuses",
    [
        ({"Dana Okafor": "named", "Residents": "vague", "official": "anonymous"}, 3.0, ["correct"] * 3),
        ({"dana okafor": "Named", "residents": "anonymous", "OFFICIAL": "anonymous"}, 3.0, ["correct"] * 3),
        (["named", "vague", "anonymous"], 3.0, ["correct"] * 3),
        ({"Dana Okafor": "vague"}, 0.0, ["wrong"] * 3),
        ({"Dana Okafor": "named", "Residents": "named"}, 1.0, ["correct", "wrong", "wrong"]),
        ({"Dana Okafor": "named", "Residents": "", "official": None}, 1.0, ["correct", "wrong", "wrong"]),
        ({"One official, who asked not to be named": "named"}, 0.0, ["wrong"] * 3),
    ],
)
def test_scores(ex, answer, score, statuses):
    """Does each answer score one point per right category, accepting the key's alternatives?"""
    r = ex.check(answer, save=False)
    assert (r.score, r.max_score) == (score, 3.0)
    assert [i.status for i in r.items] == statuses


def test_feedback_says_what_you_said_and_why(ex):
    """Does a wrong item's feedback say what the student chose and why, and an unanswered one say so?"""
    text = str(ex.check({"Dana Okafor": "vague", "Residents": "vague"}, save=False))
    assert '✗ Not right: "Dana Okafor" — you said: vague — a name' in text
    assert '✓ Correct: "Residents" (+1) — you said: vague — no names' in text
    assert '✗ Not right: "One official, who asked not to be named" — not answered yet.' in text
    assert text.endswith("Score: 1/3")


@pytest.mark.parametrize("empty", [{}, []])
def test_empty_answer(ex, empty):
    """Does an empty answer score 0 with a message listing the categories, and no key?"""
    r = ex.check(empty, save=False)
    assert r.score == 0 and "named, vague, anonymous" in str(r) and "unnamed on purpose" not in str(r)


@pytest.mark.parametrize(
    "bad, words",
    [
        (None, "None"),
        ("named", "dictionary"),
        (7, "dictionary"),
        ({"Dana Okafor": "famous"}, "not a category"),
        ({"Somebody": "named"}, "not one of the items"),
        ({1: "named"}, "in quotes"),
        ({"Dana Okafor": 3}, "text in quotes"),
        ({"Dana Okafor": "x" * 1_000_000}, "too long"),
        (["named", "vague"], "one category per item"),
        ({"Dana Okafor": "named", "dana okafor": "vague"}, "two different categories"),
    ],
)
def test_bad_answers(ex, bad, words):
    """Does a malformed answer raise AnswerError with a message a student understands?"""
    with pytest.raises(AnswerError, match=words):
        ex.check(bad, save=False)


def test_seed_sources_classify_full_marks():
    """Does the seed source exercise give full marks for the key's own categories?"""
    ex = mx.get("sources-classify")
    r = ex.check({it.text: it.category for it in ex.items}, save=False)
    assert r.full_marks and r.max_score == 6
