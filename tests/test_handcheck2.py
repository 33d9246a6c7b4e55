"""Fixes from the hand check of four fresh articles (H10c) that touch other engineers' lenses, kept in a
file of their own so that their test files merge cleanly: the noun "report" after an adjective."""

from __future__ import annotations

import pytest

import mediakit


def _cues(text):
    m = mediakit.load_article(text).markup()
    return [s.text for s in m.layer("attribution_cue")]


@pytest.mark.parametrize(
    "text,cues",
    [
        # a noun: "report" closes a noun phrase ("the charity's annual report", "The full report") before a comma
        ("Most parcels went to workers, according to the charity's annual report, published today.", ["according to"]),
        ('The full report, "Empty Cupboards", is available online.', []),
        # mirrored: the same word as a verb after a plural subject or a noun phrase with a preposition
        ("The nurses report, however, that wards are full.", ["report"]),
        ("Officials in the region report, however, that the road is open.", ["report"]),
        ("Doctors report that wards are full.", ["report"]),
        # negative: the verb after a singular name keeps its cue
        ("The charity reports that demand rose.", ["reports"]),
    ],
)
def test_report_noun_before_a_comma_is_no_cue(text, cues):
    """Is "the annual report," a noun (no cue), while "The nurses report, however, that ..." is a cue?"""
    assert _cues(text) == cues


def _pronoun(text):
    m = mediakit.load_article(text).markup()
    return [s.get("refers_to") for s in m.layer("source") if s.label == "pronoun"]


@pytest.mark.parametrize(
    "text,refers_to",
    [
        # a name inside a cited person's appositive is not the person "he" stands for
        (
            "Dr Sam Ito, a specialist at St Anne's Hospital who was not involved, said it was early. "
            '"It is one trial," he said.',
            ["Dr Sam Ito"],
        ),
        (
            'Dr Ana Ruiz, who trained under Ken Ward at the clinic, said it was early. "It is one trial," she said.',
            ["Dr Ana Ruiz"],
        ),
        # mirrored: a person only mentioned after the cited source, in a sentence of their own, is still taken
        (
            'Dr Sam Ito said it was early. Rovers captain Liam Doyle was less happy. "It hurts," he said.',
            ["Liam Doyle"],
        ),
    ],
)
def test_pronoun_skips_a_name_inside_the_appositive(text, refers_to):
    """Does "he" point at the cited expert, not at a name inside his appositive ("St Anne's Hospital")?"""
    assert _pronoun(text) == refers_to
