"""Spot exercises: flag words in a passage; hits, misses, false alarms, partial credit, bad answers."""

import pytest

import mediakit.exercises as mx
from mediakit.errors import AnswerError
from mediakit.exercises import spot

PASSAGE = (
    "The council finally approved the controversial cycle lane after a shambolic meeting. "
    "The mayor said the lane would make the road safer."
)

KEY = f'''
[key]
article = "own"

[[exercise]]
id = "t-spot"
kind = "spot"
question = "Flag the loaded words."
target = "loaded language"
passage = {{ text = "{PASSAGE}" }}
hints = ["one", "two"]

[[exercise.items]]
text = "finally"
why = "impatience"

[[exercise.items]]
text = "controversial"
why = "dispute not shown"

[[exercise.items]]
text = "shambolic meeting"
why = "judges the meeting"

[[exercise.optional]]
text = "cycle"

[[exercise.distractors]]
text = "safer"
why = "the mayor's claim"
'''


pytestmark = pytest.mark.usefixtures("no_answers_session")


@pytest.fixture
def ex(key_from):
    return key_from(KEY).get("t-spot")


@pytest.mark.parametrize(
    "answer, score, statuses",
    [
        (["finally", "controversial", "shambolic meeting"], 3.0, ["hit", "hit", "hit"]),
        (["finally", "controversial", "shambolic", "meeting"], 3.0, ["hit", "hit", "hit"]),
        (["FINALLY"], 1.0, ["hit", "miss", "miss"]),
        (["shambolic"], 0.5, ["miss", "miss", "partial"]),
        (["finally", "safer"], 0.75, ["hit", "miss", "miss", "false_alarm"]),
        (["finally", "shambolic", "safer", "road"], 1.0, ["hit", "miss", "partial", "false_alarm", "false_alarm"]),
        (["safer", "mayor", "road"], 0.0, ["miss", "miss", "miss", "false_alarm", "false_alarm", "false_alarm"]),
        (["finally", "cycle"], 1.0, ["hit", "miss", "hit", "miss"]),
        ([[12, 19]], 1.0, ["hit", "miss", "miss"]),
        ((["finally", "finally"]), 1.0, ["hit", "miss", "miss"]),
    ],
)
def test_scores_and_statuses(ex, answer, score, statuses):
    """Does each answer get the right score and the right status for each item, in passage order?"""
    r = ex.check(answer, save=False)
    assert r.score == score and r.max_score == 3.0
    assert [i.status for i in r.items] == statuses


def test_feedback_text_explains_each_item(ex):
    """Does the text feedback give a non-colour mark, the item, the why and the score for each item?"""
    text = str(ex.check(["finally", "safer"], save=False))
    assert '✓ Correct: "finally" (+1) — impatience' in text
    assert '✗ Missed: "controversial" — dispute not shown' in text
    assert '! Not in the key: "safer" (-0.25) — the mayor\'s claim' in text
    assert text.splitlines()[-2:] == ["Score: 0.75/3", spot.RULE]


def test_full_marks_says_so(ex):
    """Does a full-marks answer end with the score and a 'well done' line?"""
    text = str(ex.check(["finally", "controversial", "shambolic meeting"], save=False))
    assert text.splitlines()[-2:] == ["Score: 3/3", "All correct. Well done!"]


@pytest.mark.parametrize("empty", [[], ()])
def test_empty_answer_scores_zero_without_revealing(ex, empty):
    """Does an empty answer score 0 with a clear message and without printing the key's items?"""
    r = ex.check(empty, save=False)
    assert r.score == 0 and not r.answered
    assert "You have not flagged anything yet" in str(r)
    for word in ("finally", "controversial", "shambolic"):
        assert word not in str(r)


@pytest.mark.parametrize(
    "bad, words",
    [
        (None, "None"),
        (3, "int"),
        ("finally", "list"),
        ({"finally": 1}, "dict"),
        (["zebra"], "not in the passage"),
        (["(.*)"], "not in the passage"),
        ([b"finally"], "in quotes"),
        ({"finally"}, "set"),
        ([""], "empty string"),
        ([42], "in quotes"),
        ([[0, 10_000]], "outside the passage"),
        ([["a", "b"]], "in quotes"),
        (["x" * 1_000_000], "too long"),
        (["The council finally approved the controversial cycle lane"], "too long to flag"),
        (["w"] * 600, "at most"),
    ],
)
def test_bad_answers_raise_a_clear_answer_error(ex, bad, words):
    """Does a malformed answer raise AnswerError with a message that says what to fix?"""
    with pytest.raises(AnswerError, match=words):
        ex.check(bad, save=False)


def test_word_edges_are_respected(ex):
    """Is 'lane' not found inside another word, and a word that is not in the text refused?"""
    with pytest.raises(AnswerError):
        ex.check(["counci"], save=False)
    assert [PASSAGE[s:e] for s, e in ex.passage.find_all("lane")] == ["lane", "lane"]
    assert ex.passage.find_all("an") == [] and ex.passage.find_all("ouncil") == []


def test_hints_one_at_a_time(ex):
    """Are hints revealed one at a time, stopping at the last one?"""
    assert ex.hint() == "Hint 1 of 2: one"
    assert ex.hint() == "Hint 2 of 2: two"
    assert ex.hint() == "Hint 2 of 2: two"


def test_seed_spot_uses_the_lexicon_explanation_when_the_lens_marks_it():
    """Does a seed Spot item take the lens's (lexicon's) explanation when the lens marks that exact word?"""
    ex = mx.get("loaded-spot-p3-4")
    item = next(i for i in ex.items if i.text == "daring")
    span = ex.markup_span(item)
    assert span is not None, "the loaded lens does not mark 'daring' yet"
    assert ex.explain(item).startswith(span.explanation.rstrip())


def test_seed_furniture_spot_full_marks():
    """Does the furniture exercise give full marks for the three furniture lines above paragraph 1?"""
    r = mx.get("furniture-spot").check(["5 months ago", "30", "SUBSCRIBE TO US!"], save=False)
    assert r.full_marks
    r2 = mx.get("furniture-spot").check(["5 months ago", "Kursk region"], save=False)
    assert r2.score == 0.75 and "headline" in str(r2)


@pytest.mark.parametrize(
    "answer, least",
    [
        (["finally", "shambolic", "safer", "road"], 1.0),  # one right, one half right, two extra
        (["finally", "controversial", "safer"], 1.75),
    ],
)
def test_a_mostly_right_attempt_keeps_most_of_its_credit(ex, answer, least):
    """Does a mostly sensible attempt keep what it found minus a quarter per extra flag (not 0.5/3)?"""
    assert ex.check(answer, save=False).score >= least


def test_flagging_every_word_does_not_pay(ex):
    """Does flagging every word of the passage score less than flagging the key's words alone?"""
    every = [[s, e] for s, e in (m.span() for m in __import__("re").finditer(r"\w+", PASSAGE))]
    assert ex.check(every, save=False).score < 1.0


@pytest.mark.parametrize("answer", [["safer"], ["mayor"], ["road", "finally"]])
def test_every_line_gives_a_reason(ex, answer):
    """Does every feedback line, 'not in the key' included, say why after the item?"""
    for item in ex.check(answer, save=False).items:
        assert item.why.strip(), item


def test_seed_false_alarm_says_why_not():
    """Does a seed flag that is not in the key get a reason that names what the lenses say, not a bare refusal?"""
    ex = mx.get("loaded-spot-p3-4")
    word = next(w for w in ("region", "border", "president", "goal") if ex.passage.find_all(w))
    line = next(i for i in ex.check([word], save=False).items if i.status == "false_alarm")
    assert line.why.startswith("Not counted as") and len(line.why) > 40


@pytest.mark.parametrize(
    "item, why, repeated",
    [
        ("It keeps the key facts", "it keeps the key facts.", False),
        ("daring", "It praises.", True),
    ],
)
def test_a_feedback_line_never_repeats_itself(item, why, repeated):
    """Is a reason that only restates the item left out ('X — X.'), and a real reason kept?"""
    from mediakit.exercises.base import ItemFeedback

    line = ItemFeedback(item, "met", 1.0, why).line()
    assert (f"— {why}" in line) is repeated
