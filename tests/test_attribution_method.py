"""Tests of the attribution lens's word rules added for issue 10 (finding more cues by method, not by
vocabulary): adverbs after an auxiliary, aspect verbs before "to", rows that take their "to", an
infinitive with an object, parenthetical cues, semicolons, name lists and "who's" as subjects.
Each table has negative cases and mirrored pairs; the sentences are made up for the tests."""

import pytest
from spanhelp import cue_table

table = cue_table


def cue_texts(text):
    return [c for c, _, _ in table(text)]


@pytest.mark.parametrize(
    "text,cue,source",
    [
        # an adverb between the auxiliary and the verb
        ("Mrs. Ortiz has since said she would run again.", "has since said", "Mrs. Ortiz"),
        ("The mayor had first reported that the bridge was shut.", "had first reported", "The mayor"),
        ("The unions have long argued that pay is too low.", "have long argued", "The unions"),
        # mirrored: the same verbs without the adverb
        ("Mrs. Ortiz has said she would run again.", "has said", "Mrs. Ortiz"),
        ("The unions have argued that pay is too low.", "have argued", "The unions"),
    ],
)
def test_adverb_after_auxiliary(text, cue, source):
    """Does "has since said" keep its auxiliary and its subject?"""
    assert any(c == cue and s == source for c, s, _ in table(text)), table(text)


@pytest.mark.parametrize(
    "text,cue,source",
    [
        ("Lena Park continued to insist that the plan works.", "continued to insist", "Lena Park"),
        ("Lena Park is continuing to insist that the plan works.", "is continuing to insist", "Lena Park"),
        ("Omar Reyes went on to say that the plan works.", "went on to say", "Omar Reyes"),
        ("The unions began to argue that pay was too low.", "began to argue", "The unions"),
        # mirrored: the plain verb
        ("Lena Park insisted that the plan works.", "insisted", "Lena Park"),
    ],
)
def test_aspect_verb_before_to(text, cue, source):
    """Is "continued to insist" one cue whose span starts at the aspect verb?"""
    assert any(c == cue and s == source for c, s, _ in table(text)), table(text)


@pytest.mark.parametrize(
    "text",
    [
        "The rain continued to fall on the town.",  # no cue verb after "to"
        "After continuing to say that the plan works, Park left the room.",  # a gerund, no finite verb
        "Omar Reyes did not go on to say anything else.",  # negated: he did not say it
        "Lena Park wants to continue to say that the plan works.",  # "to continue to say": the cue is "wants"
    ],
)
def test_aspect_verb_negatives(text):
    """No aspect-verb cue where there is no finite aspect verb before "to" + a cue verb."""
    cues = cue_texts(text)
    assert not any(c.endswith(("to say", "to fall")) for c in cues), cues


@pytest.mark.parametrize(
    "text,cue,content",
    [
        ("The mayor has vowed to build a new school.", "has vowed", "to build a new school"),
        ("The mayor pledged to act.", "pledged", "to act"),
        ("The council has agreed to hold a vote.", "has agreed", "to hold a vote"),
        ('The mayor vowed to "defend the budget."', "vowed", "defend the budget."),
    ],
)
def test_rows_that_take_their_to(text, cue, content):
    """Do "vow to", "pledge to", "agree to" find their infinitive, the cue span stopping before "to"?"""
    rows = table(text)
    assert any(c == cue and k is not None and content in k for c, _, k in rows), rows


@pytest.mark.parametrize(
    "text,found",
    [
        ("If the mayor vowed to close the plant, nobody heard it.", False),  # a condition
        ("The mayor vowed to close the plant.", True),  # mirrored
        ("He wants his party to work on the plan.", True),  # an infinitive after an object
        ("He wants his party.", False),  # no infinitive, no content
    ],
)
def test_infinitive_conditions_and_objects(text, found):
    """A condition is no cue; "wants X to do" is one; "wants X" alone has no content."""
    cues = cue_texts(text)
    assert bool(cues) is found, cues


@pytest.mark.parametrize(
    "text,cue,source,content",
    [
        # a cue between commas inside a clause: the clause before it is the content
        ("The plan would be aided, Reyes said, by the new budget.", "said", "Reyes", "The plan would be aided"),
        # a final cue before a semicolon ends the reported part
        (
            "The city needs more nurses, local doctors say; the shortage is growing.",
            "say",
            "local doctors",
            "The city needs more nurses",
        ),
        # mirrored: the same words with a full stop
        ("The city needs more nurses, local doctors say.", "say", "local doctors", "The city needs more nurses"),
    ],
)
def test_parenthetical_and_semicolon(text, cue, source, content):
    """Is a cue between commas, or before a semicolon, read with the clause before it?"""
    rows = table(text)
    assert (cue, source, content) in rows, rows


@pytest.mark.parametrize(
    "text,cue,source",
    [
        (
            "The two leading candidates, Lena Park and Omar Reyes, said the budget was too big.",
            "said",
            "Lena Park and Omar Reyes",
        ),
        ("The chairman, Tomas Reed, said the budget was too big.", "said", "Tomas Reed"),  # mirrored: one name
        ("Park, who's called for more funding, left early.", "called for", "Park"),
        ("Park, who has called for more funding, left early.", "has called for", "Park"),  # mirrored
        ("The mayor, who's said the plan works, left early.", "said", "The mayor"),
    ],
)
def test_name_lists_and_contracted_relatives(text, cue, source):
    """Is a list of names in an appositive the source, and "who's" read back to its antecedent?"""
    rows = table(text)
    assert any(c == cue and s == source for c, s, _ in rows), rows


@pytest.mark.parametrize(
    "text,cue",
    [
        # judgement and communication verbs (general classes)
        ("The mayor railed against the new tax at a rally.", "railed against"),
        ("Critics faulted the mayor for the delay.", "faulted"),
        ("The senator apologized for the remarks.", "apologized for"),
        ("The mayor answered that the plan was sound.", "answered"),
        ('"Not so," she retorted.', "retorted"),
        ("Park seriously contemplated a run for the seat.", "seriously contemplated"),
        ("The lake was a place to ponder.", None),  # no subject, an infinitive
        # negatives: the same words as nouns or in other senses
        ("Many thanks to the voters who came.", None),
        ("The fault lies with the council.", None),
        ("The railing was broken.", None),
        ("The mayor answered questions from the press.", None),  # "answer" wants a clause or a quote
    ],
)
def test_judgement_and_communication_verbs(text, cue):
    """Are judgement and communication verbs cues, and their noun senses not?"""
    cues = cue_texts(text)
    assert (cue in cues) if cue else not cues, cues


@pytest.mark.parametrize(
    "text,cue",
    [
        ("Some voters see the mayor as a reformer.", "see"),
        ("Some voters view the mayor as a reformer.", "view"),
        # negatives: "as" as a conjunction or in "as well as", the noun, a passive, a plain object
        ("The mayor saw him as he left the hall.", None),
        ("Voters saw the mayor as well as the governor.", None),
        ("The view from the hill is fine.", None),
        ("Tourists viewed the paintings.", None),
    ],
)
def test_as_complement(text, cue):
    """Is "see/view X as Y" a cue (a view), and "saw him as he left" not?"""
    cues = cue_texts(text)
    assert (cue in cues) if cue else not cues, cues


@pytest.mark.parametrize(
    "text,found",
    [
        ("If voters see the mayor as a reformer, she will win.", False),
        ("Voters see the mayor as a reformer, and she will win.", True),  # mirrored
        ("If the mayor supports the plan, it will pass.", False),
        ("The mayor supports the plan, so it will pass.", True),  # mirrored
        ("If the mayor said that, she was wrong.", False),
        ("The mayor said that she was wrong.", True),  # mirrored
    ],
)
def test_condition_is_no_cue(text, found):
    """A cue whose subject follows "if"/"unless"/"whether" is a condition, not an attribution."""
    cues = cue_texts(text)
    assert bool(cues) is found, cues


@pytest.mark.parametrize(
    "text,cue",
    [
        ("The mayor also said the plan was dead.", "also said"),
        ("The mayor also has said the plan was dead.", "also has said"),
        ("The mayor has repeatedly said the plan was dead.", "has repeatedly said"),
        ("The mayor later told reporters the plan was dead.", "later told"),
        # mirrored: no adverb
        ("The mayor said the plan was dead.", "said"),
        # a linking adverb stays out of the span; so does an adverb before a participle
        ("The mayor then said the plan was dead.", "said"),
        ("The plan works, he said, also adding that it was cheap.", "adding"),
    ],
)
def test_adverb_in_cue_span(text, cue):
    """Does the cue span take in an adverb of manner or time next to the verb ("also said")?"""
    cues = cue_texts(text)
    assert cue in cues, cues


@pytest.mark.parametrize(
    "text,cue,source",
    [
        (
            "A spokesman for the firm - a small business with ten staff - noted that sales were down.",
            "noted",
            "A spokesman for the firm",
        ),
        (
            "A spokesman for the firm \u2014 a small business with ten staff \u2014 said that sales were down.",
            "said",
            "A spokesman for the firm",
        ),
        # mirrored: the same appositive between commas
        (
            "A spokesman for the firm, a small business with ten staff, said that sales were down.",
            "said",
            "A spokesman for the firm",
        ),
    ],
)
def test_dash_appositive(text, cue, source):
    """Is the noun phrase before an appositive between dashes the source?"""
    rows = table(text)
    assert any(c == cue and s == source for c, s, _ in rows), rows


def test_hyphen_inside_a_word_is_no_dash():
    """A hyphenated word before the verb is not read as an appositive between dashes."""
    rows = table("The long-time mayor said that sales were down.")
    assert ("said", "The long-time mayor", "sales were down") in rows, rows


@pytest.mark.parametrize(
    "text,found",
    [
        ('One lawmaker called the mayor "a menace to the city."', True),  # singular of "lawmakers"
        ('Two lawmakers called the mayor "a menace to the city."', True),  # mirrored: the plural
        ('The chairwoman called the plan "a mess."', True),
        ("The weather called for rain.", False),  # not someone who speaks
    ],
)
def test_person_nouns_as_sources(text, found):
    """Is a singular person noun ("a lawmaker", "the chairwoman") a plausible speaker, and "the weather" not?"""
    cues = cue_texts(text)
    assert bool(cues) is found, cues


@pytest.mark.parametrize(
    "text,cue,source",
    [
        ("She's hoping Saturday's vote will go her way.", "hoping", "She"),
        ("They're saying that the vote will go her way.", "saying", "They"),
        # mirrored: the full auxiliary
        ("She is hoping Saturday's vote will go her way.", "is hoping", "She"),
        ("She's said that the vote will go her way.", "said", "She"),  # "'s" = has
    ],
)
def test_contracted_be_before_participle(text, cue, source):
    """Is "she's hoping" read as "she is hoping" (a cue), not as a gerund?"""
    rows = table(text)
    assert any(c == cue and s == source for c, s, _ in rows), rows


@pytest.mark.parametrize(
    "text,found",
    [
        # a defining relative clause describes whom the sentence is about: no attribution
        ("People who support the plan will vote for it.", False),
        # mirrored: a non-defining relative clause after a name reports that person's stance
        ("The mayor, who supports the plan, will vote for it.", True),
    ],
)
def test_defining_relative_clause_is_no_cue(text, found):
    """ "people who support X" names a group; "the mayor, who supports X" reports a stance."""
    cues = cue_texts(text)
    assert bool(cues) is found, cues


@pytest.mark.parametrize(
    "text,cue",
    [
        # nouns that look like "vow to" / "promise to" / "pledge to" rows
        ("The fans chanted about the candidate's vow to build a wall.", None),
        ("He revisited his own promise to unite the country.", None),
        ("Cruz gave speeches and promises to shake things up.", None),
        ("The debate promised to be a crucial moment.", None),  # likelihood, not a promise
        # mirrored: the verbs
        ("She vows to defend the budget.", "vows"),
        ("Park promises to defend the budget.", "promises"),
        ("They pledge to act.", "pledge"),
        # "view" only with an as-complement; "answers" is a noun
        ("Whichever view ultimately seems more credible will win.", None),
        ("Officials sought more answers about the deal.", None),
    ],
)
def test_nouns_are_not_infinitive_cues(text, cue):
    """Is "his own promise to ..." a noun (no cue), and "Park promises to ..." a cue?"""
    cues = cue_texts(text)
    assert (cue in cues) if cue else not cues, cues
