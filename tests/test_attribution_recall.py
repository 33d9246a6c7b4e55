"""Cue recall on unseen news: commissive verbs with an infinitive, and their false friends.

Sentences written for these tests (none copied from any corpus).
"""

import pytest

from mediakit import load_article
from mediakit.lenses import run


def cues(text):
    a = load_article(text)
    return [c.text for c in run(a, ["attribution_cue"])["attribution_cue"]]


def cue_sources(text):
    """``[(cue text, source text or None)]`` of ``text``'s attribution cues, in order."""
    a = load_article(text)
    return [
        (c.text, a.text[slice(*c.get("source"))] if c.get("source") else None)
        for c in run(a, ["attribution_cue"])["attribution_cue"]
    ]


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


@pytest.mark.parametrize(
    "text,expected",
    [
        # "who" right before the cue: the antecedent (a name or a noun for people) is the source
        ("The plan angered business leaders who say the tax hurts workers.", [("say", "business leaders")]),
        ("Ms. Lind, who's called for new elections, left early.", [("called for", "Ms. Lind")]),
        ("He met Gov. Ann Lee, who had endorsed him.", [("had endorsed", "Gov. Ann Lee")]),
        # mirrored: no person before "who", or a restrictive clause that only defines a group
        ("Those who say it works are wrong.", []),
        ("The rules punish women who sought them.", []),
        ("The law helps people who support the arts.", []),
        ("Leaders who say the tax hurts workers met.", [("say", "Leaders")]),
    ],
)
def test_relative_who_subjects(text, expected):
    assert cue_sources(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # adverbs between the subject or auxiliary and the verb belong to the cue span
        ("Mrs. Ortiz has since said she would run.", ["has since said"]),
        ("He also said that the road was closed.", ["also said"]),
        # an aspectual verb and "to" join the cue; a progressive after "she's" is no passive
        ("The mayor is continuing to insist that the bridge is safe.", ["is continuing to insist"]),
        ("Polls continue to show that the race is close.", ["continue to show"]),
        ("She's hoping the vote will help.", ["hoping"]),
        # mirrored: "to" + a cue without an aspectual verb stays out; a comma-parenthetical is not an adverb
        ("He went home to say goodbye.", []),
        ("To continue to say that is wrong.", []),
        ("The minister, however, said the road was closed.", ["said"]),
    ],
)
def test_adverbs_and_aspectual_verbs(text, expected):
    assert cues(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # "see/describe X as Y": the object and its complement are the source's view
        ("Voters see the plan as a tax.", [("see", "the plan as a tax")]),
        ("It was a plan which he described as reckless.", [("described", "as reckless")]),
        # mirrored: "as" opening a clause or an idiom is no complement
        ("They saw the crash as it happened.", []),
        ("She saw the film as the rain fell.", []),
        ("He saw the game as well.", []),
        # a clause without "that" opened by a contraction
        ("Mr. Ruiz brags that's good news.", [("brags", "that's good news")]),
        # a colon closing the paragraph: the next paragraph is the content
        (
            "It was late. Ms. Kerr wrote:\n\nThe council kept the plan away from the public for a year.",
            [("wrote:", "The council kept the plan away from the public for a year.")],
        ),
        # mirrored: too short to be a written passage; a colon inside the sentence is unchanged
        ("It was late. Ms. Kerr wrote:\n\nYes.", []),
        ('Ms. Kerr said: "We won."', [("said:", "We won.")]),
    ],
)
def test_as_complements_and_colons(text, expected):
    a = load_article(text)
    got = [(c.text, a.text[slice(*c.get("content"))]) for c in run(a, ["attribution_cue"])["attribution_cue"]]
    assert got == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # a time after the verb is skipped before the infinitive
        ("Ms. Diaz pledged Saturday to close the plant.", [("pledged", "Ms. Diaz")]),
        ("She promised on Tuesday to cut the fares.", [("promised", "She")]),
        # mirrored: no cue when the object is a noun phrase, not an aim
        ("He agreed on Monday to a deal.", []),
        ("The meeting this week found nothing.", []),
    ],
)
def test_time_words_around_the_cue(text, expected):
    assert cue_sources(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # a bare quantifier standing for people is a (vague) source of a stance verb
        ("Some want to know if the plan works.", [("want", "Some")]),
        # mirrored: a quantifier before a noun, and evidential verbs whose subject may be a thing
        ("Some protest leaders said they would stay.", [("said", "Some protest leaders")]),
        ("Some seem to work.", []),
    ],
)
def test_quantifier_subjects(text, expected):
    assert cue_sources(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # speech-act verbs whose object is the topic of what was said
        ("The mayor noted the rise in fares.", ["noted"]),
        ("She also mentioned the closure of the bridge.", ["also mentioned"]),
        ("The minister emphasized the cost of the delay.", ["emphasized"]),
        # "stressed" with an object is also physical ("stressed the beams"): it needs a clause
        ("Officials stressed the steel beams.", []),
        # mirrored: the same forms as nouns or adjectives
        ("He wrote the notes for the meeting.", []),
        ("The noted author left early.", []),
        ("The storms highlight the risk.", []),
    ],
)
def test_speech_act_verbs_with_an_object(text, expected):
    assert cues(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # a dashed aside between the subject and the cue is skipped
        (
            "The three judges -- Ms. Ode, Mr. Fry and Ms. Lam -- agreed there was no case.",
            [("agreed", "The three judges")],
        ),
        (
            "Some economists \u2014 including two at the bank \u2014 warn that rates will rise.",
            [("warn", "Some economists")],
        ),
        # mirrored: a dash that opens no aside leaves the subject search as it was
        ("The plan failed - badly - and officials said it was over.", [("said", "officials")]),
    ],
)
def test_dashed_asides(text, expected):
    assert cue_sources(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # a gerund after "after/before/when" takes the plain subject of the main clause
        ("Ms. Lee left the room after saying she was tired.", [("saying", "Ms. Lee")]),
        # a subject pronoun is the whole subject, whatever stands before it
        ("The mayor made errors after telling his aides he planned to resign.", [("planned", "he")]),
        # mirrored: a gerund as a noun, and a sentence-initial gerund with no subject before it
        ("The saying goes that time heals.", []),
        ("After saying it was fine, he left.", []),
    ],
)
def test_gerunds_after_time_conjunctions(text, expected):
    assert cue_sources(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # "as reported by X": X is the source of the clause beside it
        (
            "As reported by the Daily Star, the mayor resigned.",
            [("As reported by", "the Daily Star", "the mayor resigned")],
        ),
        (
            "The mayor resigned, as reported by the Daily Star.",
            [("as reported by", "the Daily Star", "The mayor resigned")],
        ),
        # mirrored: "as" in a comparison is no attribution
        ("Sales rose as reported by the firm.", []),
    ],
)
def test_as_reported_by(text, expected):
    a = load_article(text)
    got = [
        (c.text, a.text[slice(*c.get("source"))] if c.get("source") else None, a.text[slice(*c.get("content"))])
        for c in run(a, ["attribution_cue"])["attribution_cue"]
    ]
    assert got == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # "went on to say": the phrasal aspectual joins the cue
        ("The email went on to say that the plan was over.", [("went on to say", "The email")]),
        # mirrored: "went on to" + a verb that is no cue, or + a place
        ("He went on to win the race.", []),
        ("She went on to the next town to say goodbye.", []),
        # the opening phrase that ran into its own verb is no source of a later coordinated cue
        ("The city released a statement on Monday, and welcomed the visit.", []),
        (
            "Ms. Ruiz had welcomed the result and said she would stay.",
            [("had welcomed", "Ms. Ruiz"), ("said", "Ms. Ruiz")],
        ),
    ],
)
def test_went_on_to_and_coordinated_subjects(text, expected):
    assert cue_sources(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # "be quick/eager to" + a cue joins the cue; "advisers to X" are the source, not X
        (
            "Advisers to Ms. Lee are quick to point out that she won.",
            [("are quick to point out", "Advisers to Ms. Lee")],
        ),
        ("An aide to Ms. Lee said it was over.", [("said", "An aide to Ms. Lee")]),
        # mirrored: readiness or likelihood is no statement; "spoke to X, who said": X speaks
        ("She is ready to talk about the plan.", []),
        ("He is likely to say no.", []),
        ("He spoke to Ms. Lee, who said it was over.", [("said", "Ms. Lee")]),
    ],
)
def test_disposition_adjectives_and_aides(text, expected):
    assert cue_sources(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # an intention verb before a quoted infinitive; a participle after an adverb
        ("On the page, she vows to \u201cdefend the law.\u201d", ["vows"]),
        ("The mayor, later alleging that the vote was rigged, left.", ["alleging"]),
        ("He spoke, while also suggesting that the plan failed.", ["suggesting"]),
        # mirrored: a noun "vow" with a quoted infinitive stays out
        ("Her vow to \u201cdefend the law\u201d was forgotten.", []),
    ],
)
def test_quoted_infinitives_and_adverb_participles(text, expected):
    assert cues(text) == expected
