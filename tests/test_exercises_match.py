"""Match exercises: pair each headline claim with a body sentence or "none"."""

import pytest

import mediakit.exercises as mx
from mediakit.errors import AnswerError

KEY = """
[key]
article = "own"

[[exercise]]
id = "t-match"
kind = "match"
question = "Which sentence backs each claim?"
passage = { text = "Council bans cars from city centre after vote. The council voted on Tuesday. A plan could limit cars in parts of the centre. Shops are open." }

[[exercise.options]]
id = "A"
text = "The council voted on Tuesday."

[[exercise.options]]
id = "B"
text = "A plan could limit cars in parts of the centre."

[[exercise.claims]]
text = "bans cars"
answer = "B"
why = "only a plan that could limit"

[[exercise.claims]]
text = "after vote"
answer = ["A"]
why = "the vote on Tuesday"

[[exercise.claims]]
id = "city-centre"
text = "city centre"
answer = ["B", "none"]
why = "parts of the centre"
"""


pytestmark = pytest.mark.usefixtures("no_answers_session")


@pytest.fixture
def ex(key_from):
    return key_from(KEY).get("t-match")


@pytest.mark.parametrize(
    "answer, score, statuses",
    [
        ({"bans cars": "B", "after vote": "A", "city-centre": "B"}, 3.0, ["correct"] * 3),
        ({"bans-cars": "b", "AFTER VOTE": "a", "city centre": "not in the body"}, 3.0, ["correct"] * 3),
        ({"bans cars": "A", "after vote": "A"}, 1.0, ["wrong", "correct", "wrong"]),
        ({"bans cars": "none"}, 0.0, ["wrong"] * 3),
        ({"bans cars": "", "after vote": None}, 0.0, ["wrong"] * 3),
    ],
)
def test_scores(ex, answer, score, statuses):
    """Does each claim score 1 only for an option the key accepts?"""
    r = ex.check(answer, save=False)
    assert (r.score, r.max_score) == (score, 3.0)
    assert [i.status for i in r.items] == statuses


def test_feedback_shows_the_choice_and_why(ex):
    """Does the feedback show 'not in the body' for 'none' and explain each claim?"""
    text = str(ex.check({"bans cars": "none", "after vote": "A"}, save=False))
    assert '✗ Not right: "bans cars" — you said: not in the body — only a plan that could limit' in text
    assert '✓ Correct: "after vote" (+1) — you said: A — the vote on Tuesday' in text


@pytest.mark.parametrize(
    "bad, words",
    [
        (None, "None"),
        (["B", "A"], "dictionary"),
        ("B", "dictionary"),
        ({"bans cars": "Z"}, "not an option"),
        ({"flying cars": "A"}, "not one of the claims"),
        ({("bans", "cars"): "A"}, "in quotes"),
        ({"bans cars": 2}, "text in quotes"),
        ({"bans cars": "A" * 1_000_000}, "too long"),
    ],
)
def test_bad_answers(ex, bad, words):
    """Does a malformed answer raise AnswerError naming what is wrong?"""
    with pytest.raises(AnswerError, match=words):
        ex.check(bad, save=False)


def test_empty_answer(ex):
    """Does an empty answer score 0 and tell the student what to do, without the key?"""
    r = ex.check({}, save=False)
    assert r.score == 0 and "letter" in str(r) and "only a plan" not in str(r)


def test_seed_headline_match_full_marks():
    """Does the seed headline exercise give full marks for the key's first answers, and list 'none'?"""
    ex = mx.get("headline-match")
    assert ex.option_ids() == ["A", "B", "C", "D", "E", "none"]
    r = ex.check({c.text: c.answers[0] for c in ex.claims}, save=False)
    assert r.full_marks and r.max_score == 5
