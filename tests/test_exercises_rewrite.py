"""Rewrite exercises: the student's text is read back by the lenses and scored as a checklist."""

import pytest

import mediakit.exercises as mx
from mediakit.errors import AnswerError, KeyFileError
from mediakit.exercises import load_key

ORIGINAL = "Ukraine prepares for “bargaining” with Trump by seizing Kursk region"
MODEL = "Ukraine may use Kursk region for bargaining, Financial Times reports"


pytestmark = pytest.mark.usefixtures("no_answers_session")


def checklist(result):
    """{check label: met?} from a result."""
    return {i.item: i.status == "met" for i in result.items}


@pytest.fixture(scope="module")
def headline():
    return mx.get("headline-rewrite")


@pytest.fixture(scope="module")
def sentence():
    return mx.get("loaded-rewrite-p6")


def test_model_headline_meets_every_check(headline):
    """Does the model headline (attributed, plain words, from the body) meet every check?"""
    r = headline.check(MODEL, save=False)
    assert r.full_marks, str(r)
    assert str(r).startswith("Checklist for your headline (a checklist, not a verdict")


@pytest.mark.parametrize(
    "text, unmet, why",
    [
        (
            "Daring Ukraine prepares to bargain with Trump by seizing Kursk region, FT reports",
            "No loaded words in your own voice",
            "'Daring'",
        ),  # a paraphrase is worded by the student
        (
            "Ukraine's daring raid seizes Kursk region before talks with Trump",
            "No loaded words in your own voice",
            "'daring'",
        ),
        (ORIGINAL, "No scare quotes", "“bargaining” is in quotes with no speaker"),
        (ORIGINAL, "It says who reports what only a source claims", "say who reports it"),
        (
            "Ukraine launches moon rocket from Kursk region, report says",
            "Every part of it is in the body",
            "moon rocket",
        ),
        ("Kursk", "A good length", "too short"),
        ("Kursk", "It keeps the key facts", "Keep who acts: Ukraine."),
        ("Ukraine " * 20 + "Kursk", "A good length", "too long"),
        (
            "Ukraine is preparing to bargain with potential US President Donald Trump by seizing the Kursk region "
            "of Russia, reports say.",
            "Every part of it is in the body",
            "could not read this as a headline",
        ),
    ],
)
def test_headline_checks_that_fail(headline, text, unmet, why):
    """Does each flawed headline leave the right check 'not yet' with a reason from the lenses?"""
    r = headline.check(text, save=False)
    item = next(i for i in r.items if i.item == unmet)
    assert item.status == "unmet" and why in item.why, str(r)
    assert r.score < r.max_score
    assert f"[ ] Not yet: {unmet}" in str(r)


@pytest.mark.parametrize(
    "text, met, unmet",
    [
        (
            "Defense analysts, Ukrainian soldiers and Russian President Vladimir Putin have offered their own "
            "explanations for the operation.",
            {"No loaded words in your own voice", "No scare quotes", "A good length", "It keeps the key facts"},
            set(),
        ),
        (
            "Defense analysts, Ukrainian soldiers and even dictator Vladimir Putin have offered their own explanations "
            "for the operation.",
            {"No scare quotes"},
            {"No loaded words in your own voice"},
        ),
        (
            'Defense analysts and "experts" and Vladimir Putin have offered explanations for the operation.',
            {"No loaded words in your own voice"},
            {"No scare quotes"},
        ),
        ("Soldiers explained the operation in their own words today.", {"A good length"}, {"It keeps the key facts"}),
    ],
)
def test_sentence_checks(sentence, text, met, unmet):
    """Is the rewritten sentence read in its place in the article, with the right checks met and not met?"""
    got = checklist(sentence.check(text, save=False))
    assert {k for k in met if got[k]} == met
    assert {k for k in unmet if not got[k]} == unmet


def test_loaded_feedback_offers_the_lexicon_alternative(sentence):
    """Does the feedback on a loaded word name it and offer the lexicon's neutral alternative?"""
    r = sentence.check(
        "Analysts, soldiers and dictator Vladimir Putin have offered their own explanations.", save=False
    )
    item = next(i for i in r.items if i.item == "No loaded words in your own voice")
    assert "'dictator' (label)" in item.why and "try:" in item.why


@pytest.mark.parametrize(
    "bad, words",
    [
        (None, "None"),
        (42, "text in quotes"),
        (["Ukraine", "Kursk"], "text in quotes"),
        ("x" * 1_000_000, "too long"),
        ("Line one\nLine two", "on one line"),
    ],
)
def test_bad_answers(headline, bad, words):
    """Does a malformed or pasted answer raise AnswerError with a clear message?"""
    with pytest.raises(AnswerError, match=words):
        headline.check(bad, save=False)


@pytest.mark.parametrize("empty", ["", "   "])
def test_empty_text(headline, empty):
    """Does an empty text score 0 and ask for a headline, without a checklist?"""
    r = headline.check(empty, save=False)
    assert r.score == 0 and "You have not written your headline yet" in str(r) and "[x]" not in str(r)


def test_code_in_the_answer_is_only_text(headline, tmp_path, monkeypatch):
    """Is a student's text that looks like code only read, never run?"""
    monkeypatch.chdir(tmp_path)
    r = headline.check("__import__('pathlib').Path('pwned').touch()", save=False)
    assert not (tmp_path / "pwned").exists()
    assert r.score < r.max_score


@pytest.mark.parametrize(
    "body, message",
    [
        ('target = "poem"\nchecks = ["length"]', "target should be"),
        ('target = "headline"\nchecks = ["mentions"]', "needs at least one"),
        ('target = "headline"\nchecks = ["length"]\nmin_words = 9\nmax_words = 3', "min_words"),
        ('target = "headline"\nchecks = []', "the field 'checks' is empty"),
    ],
)
def test_broken_rewrite_keys(tmp_path, body, message):
    """Does a broken Rewrite key name the file, the exercise and the fault?"""
    p = tmp_path / "k.toml"
    p.write_text(
        f'[key]\narticle = "seed"\n[[exercise]]\nid = "r"\nkind = "rewrite"\nquestion = "Q"\n{body}\n', encoding="utf-8"
    )
    with pytest.raises(KeyFileError, match=message) as err:
        load_key(p)
    assert str(err.value).startswith("k.toml, exercise 'r': ")
