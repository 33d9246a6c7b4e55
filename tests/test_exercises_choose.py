"""Choose exercises: multiple choice with an explanation for every option."""

import pytest

import mediakit.exercises as mx
from mediakit.errors import AnswerError

KEY = """
[key]
article = "own"

[[exercise]]
id = "t-one"
kind = "choose"
question = "Which?"
answer = "b"
options = [
  { id = "a", text = "Alpha", why = "why a" },
  { id = "b", text = "Beta", why = "why b" },
  { id = "c", text = "Gamma", why = "why c" },
]

[[exercise]]
id = "t-many"
kind = "choose"
question = "Which ones?"
multiple = true
answer = ["a", "c"]
options = [
  { id = "a", text = "Alpha", why = "why a" },
  { id = "b", text = "Beta", why = "why b" },
  { id = "c", text = "Gamma", why = "why c" },
]
"""


pytestmark = pytest.mark.usefixtures("no_answers_session")


@pytest.fixture
def key(key_from):
    return key_from(KEY)


@pytest.mark.parametrize(
    "ident, answer, score",
    [
        ("t-one", "b", 1.0),
        ("t-one", "B", 1.0),
        ("t-one", "b)", 1.0),
        ("t-one", "Beta", 1.0),
        ("t-one", ["b"], 1.0),
        ("t-one", "a", 0.0),
        ("t-one", "c", 0.0),
        ("t-many", ["a", "c"], 2.0),
        ("t-many", ["c", "a", "a"], 2.0),
        ("t-many", ["a"], 1.0),
        ("t-many", ["a", "b"], 0.0),
        ("t-many", ["a", "b", "c"], 1.0),
        ("t-many", ["b"], 0.0),
        ("t-many", "a", 1.0),
    ],
)
def test_scores(key, ident, answer, score):
    """Does each choice score right, with a wrong pick costing a point when several are right?"""
    assert key.get(ident).check(answer, save=False).score == score


def test_every_option_is_explained_once_right(key):
    """Does a right answer explain the chosen option and then every other option?"""
    text = str(key.get("t-one").check("b", save=False))
    assert '✓ Correct: "b) Beta" (+1) — why b' in text
    assert "Why not the others:\n  a) Alpha — why a\n  c) Gamma — why c" in text


def test_wrong_answer_explains_the_choice_but_not_the_others(key):
    """Does a wrong answer explain why it is wrong, without giving the right one away?"""
    text = str(key.get("t-one").check("a", save=False))
    assert '✗ Not right: "a) Alpha" — why a' in text and "why b" not in text


def test_missed_option_in_multiple(key):
    """Does a partial multiple answer say that another right option is missing?"""
    r = key.get("t-many").check(["a"], save=False)
    assert [i.status for i in r.items] == ["correct", "miss"]


@pytest.mark.parametrize(
    "ident, bad, words",
    [
        ("t-one", None, "None"),
        ("t-one", 2, "letter"),
        ("t-one", "z", "not one of the options"),
        ("t-one", ["a", "b"], "one option only"),
        ("t-one", "b" * 1_000_000, "too long"),
        ("t-many", ["a", "z"], "not one of the options"),
        ("t-many", ["a", "a", "a", "a"], "only 3"),
        ("t-many", 1.5, "list"),
        ("t-many", [None], "text in quotes"),
    ],
)
def test_bad_answers(key, ident, bad, words):
    """Does a malformed choice raise AnswerError that lists what to do?"""
    with pytest.raises(AnswerError, match=words):
        key.get(ident).check(bad, save=False)


@pytest.mark.parametrize(
    "ident, empty", [("t-one", ""), ("t-one", "  "), ("t-one", []), ("t-many", []), ("t-many", "")]
)
def test_empty(key, ident, empty):
    """Does an empty choice score 0 with a message and no explanations?"""
    r = key.get(ident).check(empty, save=False)
    assert r.score == 0 and "not chosen" in str(r) and "why" not in str(r)


def test_seed_choose_exercises_have_full_marks_for_their_key():
    """Does every shipped Choose exercise score full marks for its own key answer?"""
    for ex in mx.all_exercises():
        if ex.kind == "choose":
            ans = list(ex.correct) if ex.multiple else ex.correct[0]
            assert ex.check(ans, save=False).full_marks, ex.id
