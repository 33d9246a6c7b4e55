"""Cue recall on unseen news: commissive verbs with an infinitive, and their false friends.

Sentences written for these tests (none copied from any corpus).
"""

import pytest

from mediakit import load_article
from mediakit.lenses import run


def cues(text):
    a = load_article(text)
    return [c.text for c in run(a, ["attribution_cue"])["attribution_cue"]]


@pytest.mark.parametrize(
    "text,expected",
    [
        # a promise, pledge, vow, hope or agreement with "to" + a verb is the speaker's stated intention
        ("The mayor has vowed to reopen the bridge by May.", ["has vowed"]),
        ("Ms. Ortiz pledged to cut the waiting lists.", ["pledged"]),
        ("The governor promised to veto the bill.", ["promised"]),
        ("The union agreed to pay the fine.", ["agreed"]),
        ("Garcia hopes to win the seat in June.", ["hopes"]),
        # mirrored: the same words as nouns, or before a noun phrase, are not cues
        ("His own promise to reopen the bridge was forgotten.", []),
        ("The union agreed to a deal.", []),
        ("The promises to voters were forgotten.", []),
        # a thing that "promises to be" is a forecast in the writer's voice, not a source's pledge
        ("The debate promised to be lively.", []),
        ("The season promises to be long.", []),
        # a condition is not a stance
        ("If the council agrees to pay, the road will open.", []),
    ],
)
def test_commissive_verbs_with_infinitive(text, expected):
    assert cues(text) == expected
