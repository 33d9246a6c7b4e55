"""Tests of the hedge lens: hedges soften a claim, certainty markers harden it."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

import mediakit
from mediakit.lenses import hedges, loaded
from mediakit.spans import make_span

ARTICLES = Path(__file__).parent / "articles"


def hits(text, found=None):
    a = mediakit.load_article(text)
    return [(s.text, s.label) for s in hedges.find(a, found or {})]


# -- the seed --------------------------------------------------------------------

SEED_EXPECTED = [
    ("potential", "hedge", "paraphrase"),
    ("indirectly", "hedge", "writer"),
    ("makes sense", "certainty", "writer"),
    ("most compelling", "certainty", "writer"),
    ("knows", "certainty", "writer"),
    # "especially if" is not a hedge: it stresses the condition (audit of the seed)
    ("No one knows", "certainty", "writer"),
    ("could", "hedge", "paraphrase"),
    ("must", "certainty", "writer"),
    ("could", "hedge", "writer"),
    ("would need", "hedge", "writer"),
]


def test_pipeline_seed_hedges():
    """Through the real lenses, does the seed's hedge layer hold exactly the hedges and certainty markers a careful reader finds?"""
    spans = mediakit.load_article().markup().layer("hedge")
    assert [(s.text, s.label, s.get("voice")) for s in spans] == SEED_EXPECTED


def test_seed_hedges_without_other_lenses():
    """On its own (no quotes or cues known), does the lens find the same words, all in the writer's voice?"""
    spans = hedges.find(mediakit.load_article(), {})
    assert [(s.text, s.label) for s in spans] == [(t, lab) for t, lab, _ in SEED_EXPECTED]
    assert {s.get("voice") for s in spans} == {"writer"}


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Officials can't confirm the report.", [("can't confirm", "negated")]),
        ("Police could not verify the video.", [("could not verify", "negated")]),
        ("The minister did not say when.", [("did not say", "negated")]),
        ("The agency was unable to confirm it.", [("was unable to confirm", "negated")]),
        ("He does not know the answer.", [("does not know", "negated")]),
        ("He knows the answer.", [("knows", "certainty")]),  # mirrored: no negation
        ("Police could verify the video.", [("could", "hedge")]),  # mirrored: a hedge, not negated
        ("The plan may not work.", [("may", "hedge")]),  # a negated possibility is still a hedge
        ("Prices rise, especially if rain fails.", []),  # a stressed condition is no hedge
        ("The council did not meet on Monday.", []),  # negation of an ordinary verb: nothing
    ],
)
def test_negation(text, expected):
    """Is a negated verb of checking or saying read as negated, never as a hedge or a certainty marker?"""
    assert hits(text) == expected
    for s in hedges.find(mediakit.load_article(text), {}):
        if s.label == "negated":
            assert "Negated" in s.explanation and "neither a hedge nor a certainty" in s.explanation


def test_seed_spans_explain_softening_or_hardening():
    """Does each hedge's explanation say that it softens, and each certainty marker's that it hardens, the claim?"""
    for s in hedges.find(mediakit.load_article(), {}):
        assert s.explanation
        if s.label != "negated":
            assert ("soften" if s.label == "hedge" else "harden") in s.explanation, s


# -- rules -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The plan could fail.", [("could", "hedge")]),
        ("It might rain. It may rain.", [("might", "hedge"), ("may", "hedge")]),
        ("May the best team win.", [("May", "hedge")]),
        ("The vote is on 5 May.", []),
        ("The vote is in May and Theresa May will attend.", []),
        ("The mayor reportedly resigned. He allegedly lied.", [("reportedly", "hedge"), ("allegedly", "hedge")]),
        (
            "It appears to work. It seems fine. It is likely. It is possibly true.",
            [("appears", "hedge"), ("seems", "hedge"), ("likely", "hedge"), ("possibly", "hedge")],
        ),
        ("A potential buyer called.", [("potential", "hedge")]),
        ("The bridge would need repairs.", [("would need", "hedge")]),
        (
            "Clearly, this is wrong. Undoubtedly so. Of course it is.",
            [("Clearly", "certainty"), ("Undoubtedly", "certainty"), ("Of course", "certainty")],
        ),
        ("The council must act. It makes sense.", [("must", "certainty"), ("makes sense", "certainty")]),
        ("No one knows why. She knows the way.", [("No one knows", "certainty"), ("knows", "certainty")]),
        ("The town opened a library in 1998.", []),
        ("The Financial Times reported it.", []),
        ("Coulds and mights are words.", []),
    ],
)
def test_hedge_rules(text, expected):
    """Are hedges and certainty markers found whole-word, with "May" the month or a surname left out?"""
    assert hits(text) == expected


def test_hedge_inside_quote_is_speakers():
    """Is a hedge inside a direct quotation marked as the speaker's?"""
    a = mediakit.load_article('"It could rain," said Ana Ruiz.')
    q = make_span(a.text, "quote", "direct", 0, 17, content=[1, 16])
    assert [(s.text, s.get("voice")) for s in hedges.find(a, {"quote": (q,)})] == [("could", "speaker")]


def test_hedge_lexicon_rows_valid():
    """Is every row of hedges.csv a hedge or a certainty marker with an explanation?"""
    with open(mediakit.lexicon.lexicon_dir() / "hedges.csv", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if not r["term"].startswith("#")]
    assert len(rows) >= 60
    for r in rows:
        assert r["category"] in hedges.CATEGORIES and r["explanation"].strip(), r
        assert ("soften" if r["category"] == "hedge" else "harden") in r["explanation"], r


def test_instructor_can_add_a_hedge(tmp_path, monkeypatch):
    """Does a hedge an instructor adds (in a MEDIAKIT_LEXICONS folder) get flagged?"""
    folder = tmp_path / "lex"
    shutil.copytree(mediakit.lexicon.lexicon_dir(), folder)
    with open(folder / "hedges.csv", "a", encoding="utf-8") as f:
        f.write('in all likelihood,hedge,"Softens the claim.",,,,,\n')
    monkeypatch.setenv(loaded.ENV, str(folder))
    loaded.reload()
    try:
        assert hits("In all likelihood the bridge opens.") == [("In all likelihood", "hedge")]
    finally:
        monkeypatch.delenv(loaded.ENV)
        loaded.reload()
    assert hits("In all likelihood the bridge opens.") == []


def test_neutral_article_has_no_writer_hedges():
    """Does the neutral control article hold no hedge in the writer's voice (its one "hope" is inside a quote and not listed)?"""
    a = mediakit.load_article(ARTICLES / "lang_neutral.txt")
    assert [s.text for s in a.markup().layer("hedge") if s.get("voice") == "writer"] == []


# -- "never" / "always" narrating the past (hand check of unseen genres) --------------------------


@pytest.mark.parametrize(
    "text,expected",
    [
        # narration of what happened: not a certainty marker
        ("Those who never napped scored lower.", []),
        ("The team never panicked.", []),
        ("She always wanted to win.", []),
        ("They never went back.", []),
        ("She has never done it.", []),
        # mirrored: the same words generalising about the present or the future are certainty markers
        ("Those who never nap score lower.", [("never", "certainty")]),
        ("The team never panics.", [("never", "certainty")]),
        ("She always wins.", [("always", "certainty")]),
        ("The plan will never work.", [("never", "certainty")]),
    ],
)
def test_never_always_narrating_the_past(text, expected):
    """Is "never"/"always" before a past form left alone, and a generalising one still a certainty marker?"""
    assert hits(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # "be" without an adverb: still a negated check, not the hedge "could"
        ("The claim could not be confirmed.", [("could not be confirmed", "negated")]),
        ("The claim could not be independently verified.", [("could not be independently verified", "negated")]),
        # mirrored: without the negation it is the hedge "could"
        ("The claim could be confirmed soon.", [("could", "hedge")]),
    ],
)
def test_negated_check_with_be(text, expected):
    """Is "could not be confirmed" read as negated, while "could be confirmed" keeps the hedge?"""
    assert hits(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # a negated obligation lifts the obligation: no certainty marker, and nothing left unchecked
        ("Families should not have to choose.", []),
        ("The board does not need to agree.", []),
        ("He did not have to go.", []),
        # mirrored: the same obligations without the negation are certainty markers
        ("Families have to choose.", [("have to", "certainty")]),
        ("The board needs to agree.", [("needs to", "certainty")]),
        # negative: a negated certainty word of knowing is still negated, and "must not" still obliges
        ("He does not know.", [("does not know", "negated")]),
        ("It must not fail.", [("must", "certainty")]),
    ],
)
def test_negated_obligation_is_no_span(text, expected):
    """Is "should not have to" neither a certainty marker nor a negated check, while "have to" is certainty?"""
    assert hits(text) == expected


# -- unseen genres (issue 11): negated ability, idiom, acquaintance, a condition, an option ------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The researchers could not show the effect lasts.", []),
        ("The researchers could show the effect lasts.", [("hedge", "could")]),  # mirror: a possibility
        ("The coach could not be reached for comment.", []),
        ("It is a city that never sleeps.", []),
        ("The city never sleeps.", [("certainty", "never")]),  # mirror: a generalisation
        ("She now relies on someone she does not know.", []),
        ("She does not know whether the bus runs.", [("negated", "does not know")]),  # mirror
        ("An appeal against the ruling is possible.", []),
        ("A recession is possible.", [("hedge", "possible")]),  # mirror: a forecast, softened
        ("They must win their last two matches to have any chance.", []),
        ("They must win their last two matches.", [("certainty", "must")]),  # mirror: a prescription
    ],
)
def test_not_hedges_on_unseen_genres(text, expected):
    """Is a failed ability, an idiom, an acquaintance, a legal option or a goal's condition no hedge or certainty?"""
    from mediakit import load_article

    assert [(s.label, s.text) for s in hedges.find(load_article(text), {})] == expected
