"""Rules fixed after the fourth hand check (tests/articles/handcheck3_*.txt): each a parametrize table
with negative cases and mirrored pairs, in sentences written for these tests."""

from __future__ import annotations

import pytest

from mediakit import load_article


def _cues(text):
    a = load_article("A headline for the test\n\n" + text)
    m = a.markup()

    def part(c, key):
        v = c.get(key)
        return a.text[v[0] : v[1]] if v else None

    return [(c.text, part(c, "source"), part(c, "content")) for c in m.layer("attribution_cue")], m


@pytest.mark.parametrize(
    "text, cue, source, content",
    [
        # a time, a comma and a participle after a sentence-final cue: the cue reports the clause before
        (
            "The firm will cut 300 jobs next year, the company said on Tuesday, blaming weak demand.",
            "said",
            "the company",
            "The firm will cut 300 jobs next year",
        ),
        (
            "The plant will close in March, officials said, adding that talks had failed.",
            "said",
            "officials",
            "The plant will close in March",
        ),
        # mirrored: the participle is a cue of its own, with the same source
        (
            "The plant will close in March, officials said, adding that talks had failed.",
            "adding",
            "officials",
            "talks had failed",
        ),
        # negative: with no clause before the cue, a "that" clause after the participle stays the content
        ("The council said, citing a report, that the bridge was unsafe.", "said", "The council", None),
    ],
)
def test_a_trailing_participle_ends_the_reported_clause(text, cue, source, content):
    cues, _ = _cues(text)
    hit = [c for c in cues if c[0] == cue]
    assert hit and hit[0][1] == source
    if content is not None:
        assert hit[0][2] == content
    else:
        assert "bridge was unsafe" in hit[0][2]


@pytest.mark.parametrize(
    "text, source",
    [
        ("My father farmed here, and he always said the river would never reach the house.", "he"),
        ("The minister usually says that the budget is fine.", "The minister"),
        ("The minister says that the budget is fine.", "The minister"),  # mirrored: no adverb
    ],
)
def test_an_adverb_of_frequency_is_not_part_of_the_source(text, source):
    cues, _ = _cues(text)
    assert cues and cues[0][1] == source


@pytest.mark.parametrize(
    "text, cue",
    [
        ("I'll believe it when I see it.", None),  # a pronoun object alone is no reported clause
        ("He heard it.", None),
        ("I see that the council has changed its mind.", "see"),  # negative: a that-clause is
        ("He said he would stay.", "said"),  # a pronoun opening a clause is still a clause
    ],
)
def test_a_pronoun_object_alone_is_no_reported_clause(text, cue):
    cues, _ = _cues(text)
    assert [c[0] for c in cues] == ([cue] if cue else [])


_TRANSCRIPT = (
    "We spoke to Ruth Abara about the floods.\n\n"
    "Q: When did it start?\n\n"
    "ABARA: In 2019, I think. The water came up to the gate, which it had never done.\n\n"
    "Q: And the insurer?\n\n"
    "ABARA: They paid for the kitchen. They won't cover the fields, though."
)


def test_a_transcript_answer_is_the_speakers_to_the_end_of_its_paragraph():
    """In a transcript, 'ABARA: ...' gives the whole paragraph to Abara, however short its first
    sentence; nothing in it is the writer's claim or the writer's aside."""
    cues, m = _cues(_TRANSCRIPT)
    colon = [c for c in cues if c[0] == ":"]
    assert [c[1] for c in colon] == ["ABARA", "ABARA"]
    assert colon[0][2] == "In 2019, I think. The water came up to the gate, which it had never done."
    assert colon[1][2] == "They paid for the kitchen. They won't cover the fields, though."
    claims = [c.text for c in m.layer("claim")]
    assert not any("water" in t or "kitchen" in t or "never done" in t or "fields" in t for t in claims)


def test_outside_a_transcript_a_short_colon_phrase_is_still_no_cue():
    """Mirrored negative: one 'Name: few words' line in a report is not a transcript answer."""
    cues, _ = _cues("The council met on Monday.\n\nAgenda: roads, schools.\n\nThe vote is next week.")
    assert not [c for c in cues if c[0] == ":"]


@pytest.mark.parametrize(
    "text, speaker",
    [
        # "they" is not resolved to the one person named before: the number does not fit
        ('Ann Cole said the farm was fine. They told her crops are "a business risk".', "They"),
        # mirrored: "she" is resolved to the person named before
        ('Ann Cole said the farm was fine. She told them crops are "a business risk".', "Ann Cole"),
    ],
)
def test_a_plural_pronoun_speaker_is_not_resolved_to_one_person(text, speaker):
    _, m = _cues(text)
    quotes = [q for q in m.layer("quote") if "business risk" in q.text]
    assert quotes and quotes[0].get("speaker") == speaker
