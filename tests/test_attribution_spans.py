"""Tests of the attribution cue spans as PolNeAR's guidelines mark them (issue 10): what joins the
reporting verb in its span (the colon that introduces the words, ...) and what stays out.
Each table has negative cases and mirrored pairs; the sentences are made up for the tests."""

import pytest
from spanhelp import cue_table

from mediakit import load_article
from mediakit.lenses import run

table = cue_table


@pytest.mark.parametrize(
    "text,expected",
    [
        # the colon that introduces the words joins the cue; the content starts after it
        ('The mayor added: "We will open the bridge."', [("added:", "The mayor", "We will open the bridge.")]),
        ('Ms. Ruiz replied calmly: "Not yet."', [("replied calmly:", "Ms. Ruiz", "Not yet.")]),
        (
            "The engineer wrote: the bridge is safe for cars.",
            [("wrote:", "The engineer", "the bridge is safe for cars")],
        ),
        # mirrored: no colon, no change
        ('The mayor added, "We will open the bridge."', [("added", "The mayor", "We will open the bridge.")]),
        ("Ms. Ruiz replied calmly that the bridge was shut.", [("replied", "Ms. Ruiz", "the bridge was shut")]),
        # negative: a colon that is not right after the cue stays out of it
        ("The mayor said the plan had two parts: a bridge and a road.", [("said", "The mayor", "a bridge and a road")]),
    ],
)
def test_colon_joins_the_cue(text, expected):
    assert table(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # verbs of characterisation and judgment, avowal and volition (general verb classes)
        ("The senator portrayed the plan as a tax on families.", ["portrayed"]),
        ("Critics have characterized the deal as a giveaway.", ["have characterized"]),
        ("The agency deemed the report accurate.", ["deemed"]),
        ("The mayor has disavowed the remarks of her aide.", ["has disavowed"]),
        ("The union reaffirmed its opposition to the plan.", ["reaffirmed"]),
        ("Ms. Cole mused that the race was far from over.", ["mused"]),
        ("The two parties aim to pass the bill by June.", ["aim"]),
        # negative: a noun, not the verb ("his portrayal", "the aim of")
        ("The aim of the plan is to cut costs.", []),
        ("The weather aimed to please nobody.", []),
        # mirrored: the same verb with a subject that cannot speak is no cue
        ("The film portrays a quiet town in winter.", []),
    ],
)
def test_characterisation_and_volition_verbs(text, expected):
    assert [c for c, _, _ in table(text)] == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # a question in the passive: the asker is the source only after "by"
        ("The mayor was asked whether the bridge would open.", [("was asked", None, "whether the bridge would open")]),
        ("The mayor has been asked about the delay.", [("has been asked about", None, "the delay")]),
        (
            "The mayor was asked by reporters whether the bridge would open.",
            [("was asked", "reporters", "whether the bridge would open")],
        ),
        # mirrored: the active question keeps the asker as subject
        (
            "Reporters asked the mayor whether the bridge would open.",
            [("asked", "Reporters", "whether the bridge would open")],
        ),
        # negative: no question after the passive
        ("The price was asked in cash.", []),
        ("She was asked to the dance by a friend.", []),
    ],
)
def test_passive_question(text, expected):
    assert table(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # speech acts that take a plain object: what was tweeted, declared, suggested, questioned
        ("The senator tweeted her thanks to the nurses.", ["tweeted"]),
        ("The mayor declared victory on Tuesday night.", ["declared"]),
        ("Ms. Lee questioned the cost of the bridge.", ["questioned"]),
        ("The union suggested a shorter week.", ["suggested"]),
        # negative: an adverb alone after the verb is no content; a participle used as an adjective
        ("We will ask again.", []),
        ("The posted prices were high.", []),
    ],
)
def test_speech_verbs_with_a_plain_object(text, expected):
    assert [c for c, _, _ in table(text)] == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # phrasal verbs of replying and retracting, with their particle
        ('"We are ready," the mayor shot back.', [("shot back", "loaded")]),
        ("The mayor fired back that the plan was sound.", [("fired back", "loaded")]),
        ("An aide later walked back the remarks.", [("later walked back", "neutral")]),
        # negative: the literal senses (no particle, or an object that is not speech)
        ("The guard shot the lock off the gate.", []),
        ("The army fired at the hills.", []),
        ("The dog walked back to the house.", []),
        ("The mayor walked back to her car.", []),
    ],
)
def test_phrasal_reply_verbs(text, expected):
    a = load_article(text)
    assert [(c.text, c.label) for c in run(a, ["attribution_cue"])["attribution_cue"]] == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # light verbs with a noun of speech
        ("The mayor made clear that the bridge would open.", ["made clear"]),
        ("The mayor made it clear that the bridge would open.", ["made it clear"]),
        ("The unions have made the case that pay is too low.", ["have made the case"]),
        ("The council issued a statement that the plan was reckless.", ["issued a statement"]),
        ("Ms. Diaz took issue with the report.", ["took issue with"]),
        # negative: the same verbs in their literal senses
        ("The baker made the cake clear of nuts.", []),
        ("The court took the case to a vote.", []),
        ("The library issued new cards.", []),
        ("The rain made the road clear.", []),
    ],
)
def test_light_verbs_with_a_noun_of_speech(text, expected):
    assert [c for c, _, _ in table(text)] == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The mayor envisions a city without cars.", [("envisions", "neutral")]),
        ("Few experts foresee a quick recovery.", [("foresee", "neutral")]),
        ("The minister scoffed at the idea.", [("scoffed at", "loaded")]),
        # negative: a subject that cannot speak
        ("The plan envisions a city without cars.", []),
    ],
)
def test_foreseeing_and_deriding_verbs(text, expected):
    a = load_article(text)
    assert [(c.text, c.label) for c in run(a, ["attribution_cue"])["attribution_cue"]] == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # a noun after a possessive is no cue
        ("The mayor's plan to close the bridge failed.", []),
        ("Trump's claims about the bridge were false.", []),
        ("The senator's support for the bill grew.", []),
        # mirrored: the same words as verbs after a subject, and a contracted "has"/"is" of a pronoun
        ("The mayor plans to close the bridge.", ["plans"]),
        ("The senator supports the bill.", ["supports"]),
        ("She's planning to close the bridge.", ["planning"]),
    ],
)
def test_noun_after_a_possessive(text, expected):
    assert [c for c, _, _ in table(text)] == expected
