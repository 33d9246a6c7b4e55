"""Tests of the claim lens: unattributed judgements, unattributed facts and mind-reading."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import mediakit
from mediakit.lenses import claims, loaded
from mediakit.spans import make_span

ARTICLES = Path(__file__).parent / "articles"


def _at(text, needle, nth=0):
    i = -1
    for _ in range(nth + 1):
        i = text.index(needle, i + 1)
    return i, i + len(needle)


def labels(text, found=None):
    a = mediakit.load_article(text)
    return [(s.text, s.label) for s in claims.find(a, found or {})]


# -- the seed --------------------------------------------------------------------

SEED_EXPECTED = [
    (
        "The ambiguity about the strategic objectives of the first invasion of Russian territory since World War II "
        "makes sense: it keeps the enemy guessing.",
        "unattributed_judgement",
    ),
    # The writer's own aside inside the analysts' reported explanations (audit of the seed).
    ("Ukrainian troops are slowly losing ground", "unattributed_fact"),
    (
        'Invading Kursk as a "bargaining chip" in future negotiations is Ukraine\'s most compelling strategic goal.',
        "unattributed_judgement",
    ),
    ("But it is also the most dangerous.", "unattributed_judgement"),
    (
        "Kiev knows it will be under pressure to negotiate an end to the war, especially if Donald Trump returns to the "
        "White House after the presidential election in November.",
        "mind_reading",
    ),
    (
        "Diplomatically, Ukraine has tried to step up, pushing its own peace formula and promising an international peace "
        "conference with an invitation to Russia by November 5.",
        "unattributed_fact",
    ),
    ("No one knows how.", "mind_reading"),
    (
        "But if Kyiv wants to trade the land it seized from Russia, it must hold on to it - and the cost could be too high.",
        "unattributed_judgement",
    ),
    (
        "Ukraine's invasion would need to be supported by a complex logistical operation, as well as troop rotations and "
        "reserves that were lacking in the east.",
        "unattributed_judgement",
    ),
]


@pytest.fixture(scope="module")
def seed_claims():
    return mediakit.load_article().markup().layer("claim")


def test_pipeline_seed_claims(seed_claims):
    """Through the real lenses, are exactly the seed's unattributed sentences claims, with the right labels?"""
    assert [(s.text, s.label) for s in seed_claims] == SEED_EXPECTED


@pytest.mark.parametrize(
    "sentence",
    [
        "Putin has voiced it.",
        "Trump has boasted that he will bring peace to Ukraine overnight.",
        "Most Western capitals say they want Kyiv to have the strongest bargaining position.",
        'Ukraine is preparing to "bargain"',
        "The Ukrainian president named only one goal",
        "Ukrainian military officials and Western analysts worry",
    ],
)
def test_pipeline_seed_attributed_sentences_are_not_claims(seed_claims, sentence):
    """Does a seed sentence that an attribution cue covers stay out of the claim layer?"""
    assert not [s for s in seed_claims if sentence in s.text]


def test_pipeline_seed_headline_and_furniture_not_claims(seed_claims):
    """Are the headline and the page furniture never claims?"""
    a = mediakit.load_article()
    assert all(not s.overlaps(a.headline.start, a.headline.end) for s in seed_claims)
    assert all(not s.overlaps(f.start, f.end) for s in seed_claims for f in a.furniture)


def test_seed_claim_evidence_points_at_the_judging_words(seed_claims):
    """Does each judgement's and mind-reading's evidence point at the words that make it one?"""
    a = mediakit.load_article()
    ev = {s.text[:20]: [a.text[x:y] for x, y in s.get("evidence")] for s in seed_claims}
    assert sorted(ev) == sorted(s[:20] for s, _ in SEED_EXPECTED)
    assert "most compelling" in ev["Invading Kursk as a "]
    assert ev["Kiev knows it will b"] == ["Kiev knows"]
    assert ev["No one knows how."] == ["No one knows"]
    assert "makes sense" in ev["The ambiguity about "]
    assert ev["Diplomatically, Ukra"] == []
    assert ev["Ukrainian troops are"] == []


def test_seed_writer_aside_is_the_writers_claim(seed_claims):
    """Is "Ukrainian troops are slowly losing ground" a claim in the writer's voice, and the rest of P6 not?"""
    aside = [s for s in seed_claims if s.get("aside")]
    assert [s.text for s in aside] == ["Ukrainian troops are slowly losing ground"]
    assert aside[0].get("voice") == "writer" and "writer's own claim" in aside[0].explanation
    assert not [s for s in seed_claims if "withdraw Russian troops" in s.text]


@pytest.mark.parametrize(
    "text,aside",
    [
        (
            "Analysts said the aim was to pull troops from the front, where the army is slowly losing ground.",
            "the army is slowly losing ground",
        ),
        (
            "Officials said the funds went to the north, where roads are still closed after the floods.",
            "roads are still closed after the floods",
        ),
        ("Officials said the funds went to the north.", None),  # no aside
        (
            '"We sent funds to the north, where roads are still closed," the mayor said.',
            None,
        ),  # inside a quote: the mayor's
    ],
)
def test_writer_aside(text, aside):
    """Is a descriptive aside inside attributed content the writer's claim, and never inside a direct quote?"""
    got = [s.text for s in mediakit.load_article(text).markup().layer("claim") if s.get("aside")]
    assert got == ([aside] if aside else [])


def test_seed_claim_explanations_ask_says_who(seed_claims):
    """Does every claim's explanation ask the reader "Says who?", and offer a way to attribute it?"""
    for s in seed_claims:
        assert "Says who?" in s.explanation and s.alternative


# -- rules (found built by hand) ---------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Moscow fears the plan.", [("Moscow fears the plan.", "mind_reading")]),
        ("The Kremlin wants a deal.", [("The Kremlin wants a deal.", "mind_reading")]),
        ("No one knows how.", [("No one knows how.", "mind_reading")]),
        ("Everyone knows the answer.", [("Everyone knows the answer.", "mind_reading")]),
        ("If Brussels wants a deal, it will pay.", [("If Brussels wants a deal, it will pay.", "unattributed_fact")]),
        ("The bridge opened in 1998.", [("The bridge opened in 1998.", "unattributed_fact")]),
        ("The plan is dangerous.", [("The plan is dangerous.", "unattributed_judgement")]),
        ("The price could be too high.", [("The price could be too high.", "unattributed_judgement")]),
        ("It is the most expensive bridge.", [("It is the most expensive bridge.", "unattributed_judgement")]),
        ("The council should act.", [("The council should act.", "unattributed_judgement")]),
        ("Why did the bridge close?", []),
    ],
)
def test_claim_rules(text, expected):
    """Is each unattributed sentence labelled mind_reading, judgement or fact, and a supposition ("if ... wants") not mind-reading?"""
    assert labels(text) == expected


def test_cue_inside_sentence_attributes_it():
    """Is a sentence with an attribution cue inside it left out?"""
    a = mediakit.load_article("The plan is dangerous, the mayor said. The bridge opened in 1998.")
    cue = make_span(
        a.text, "attribution_cue", "neutral", *_at(a.text, "said"), content=list(_at(a.text, "The plan is dangerous"))
    )
    assert [s.text for s in claims.find(a, {"attribution_cue": (cue,)})] == ["The bridge opened in 1998."]


def test_cue_content_reaching_into_next_sentence_attributes_it():
    """Is a sentence that a cue's content reaches into (from the sentence before) left out?"""
    a = mediakit.load_article("The mayor said: the bridge will close. It is dangerous. The town is old.")
    s, _ = _at(a.text, "the bridge")
    _, e = _at(a.text, "It is dangerous.")
    cue = make_span(a.text, "attribution_cue", "neutral", *_at(a.text, "said"), content=[s, e])
    assert [x.text for x in claims.find(a, {"attribution_cue": (cue,)})] == ["The town is old."]


def test_direct_quote_sentence_is_not_a_claim():
    """Is a sentence holding a direct quotation left out?"""
    a = mediakit.load_article('"The bridge is unsafe," Ana Ruiz told the council. The bridge opened in 1998.')
    q = make_span(a.text, "quote", "direct", *_at(a.text, '"The bridge is unsafe,"'))
    assert [x.text for x in claims.find(a, {"quote": (q,)})] == ["The bridge opened in 1998."]


def test_speaker_loaded_word_does_not_make_a_judgement():
    """Does a loaded word in the speaker's voice leave the writer's sentence a fact, not a judgement?"""
    a = mediakit.load_article("The regime fell in 1998.")
    sp = make_span(a.text, "loaded", "label", 4, 10, voice="speaker")
    assert [x.label for x in claims.find(a, {"loaded": (sp,), "hedge": ()})] == ["unattributed_fact"]


def test_instructor_can_add_an_actor(tmp_path, monkeypatch):
    """Does a collective actor an instructor adds to claim_actors.csv count for mind-reading?"""
    folder = tmp_path / "lex"
    shutil.copytree(mediakit.lexicon.lexicon_dir(), folder)
    with open(folder / "claim_actors.csv", "a", encoding="utf-8") as f:
        f.write("the guild,collective,\n")
    text = "The guild believes the rules are old."
    assert labels(text) == [(text, "unattributed_fact")]
    monkeypatch.setenv(loaded.ENV, str(folder))
    try:
        assert labels(text) == [(text, "mind_reading")]
    finally:
        monkeypatch.delenv(loaded.ENV)
        loaded.reload()


# -- hand-written articles ---------------------------------------------------------


def test_article_neutral_claims_are_facts_only():
    """In the neutral control article, are the unattributed sentences facts (no judgement, no mind-reading)?"""
    spans = mediakit.load_article(ARTICLES / "lang_neutral.txt").markup().layer("claim")
    assert spans and {s.label for s in spans} <= {"unattributed_fact", "reported_event"}
    assert "unattributed_fact" in {s.label for s in spans}
    assert not [s for s in spans if "the council said" in s.text or "said Amira Cole" in s.text]


def test_article_superlatives_writer_judgements():
    """Are the orchestra article's two superlative sentences in the writer's voice unattributed judgements?"""
    spans = mediakit.load_article(ARTICLES / "lang_superlatives.txt").markup().layer("claim")
    judged = [s.text for s in spans if s.label == "unattributed_judgement"]
    assert judged == [
        "Marrow's appointment is the orchestra's most important decision in a decade.",
        "It is also the best news the town has had this year.",
    ]


# -- genre (issue 11): a press release's issuer and an opinion piece's writer ------------------------


def test_press_release_issuer_statements_are_not_says_who():
    """In a city's press release, are the city's statements about its programme the issuer's, not "Says who?"?"""
    m = mediakit.load_article(ARTICLES / "genre_city_press_release.txt").markup()
    assert m.genre == "press release"
    got = m.layer("claim")
    assert got and {s.label for s in got} == {"issuer_statement"}
    assert all("Says who?" not in s.explanation and "Alden" in s.explanation for s in got)
    # the age banner, the subhead and the release's labels are furniture, not claims
    texts = " ".join(s.text for s in got)
    for line in ("This article is 14 years old", "A better summer for families", "FOR IMMEDIATE RELEASE", "###"):
        assert line not in texts
        assert line in [f.text for f in m.layer("furniture")]


def test_same_sentences_in_a_news_report_are_says_who():
    """Mirrored: the same statements without the release's signals are ordinary unattributed claims."""
    text = (
        "Bus passes for students\n\nThe passes are valid on every city bus route from June 1 to August 31. "
        "Students can pick up a pass at any library branch."
    )
    m = mediakit.load_article(text).markup()
    assert m.genre == "news report"
    assert {s.label for s in m.layer("claim")} == {"unattributed_fact"}


def test_editorial_hope_and_forecast_are_the_writers_opinion():
    """In an editorial, are "We hope ..." and a forecast the writer's opinion, never unattributed facts?"""
    m = mediakit.load_article(ARTICLES / "genre_editorial.txt").markup()
    assert m.genre == "opinion"
    by = {s.text[:22]: s.label for s in m.layer("claim")}
    assert by["We hope the council li"] == "writer_opinion"
    assert by["The cuts will save lit"] == "writer_opinion"
    assert by["The council will vote "] == "unattributed_fact"  # a scheduled event, not a forecast
    assert by["Night buses carry nurs"] == "unattributed_fact"  # a fact the argument rests on
    labels_ = {f.label for f in m.findings}
    assert "credit" in labels_ and "missing_byline" not in labels_ and "missing_outlet" not in labels_
    assert "\u2013 Dana Ortiz, Harbor Gazette" not in " ".join(s.text for s in m.layer("claim"))


@pytest.mark.parametrize(
    "sentence,label",
    [
        ("We hope the council listens.", "writer_opinion"),
        ("The cuts will leave thousands without a way home.", "writer_opinion"),
        ("The council will vote on Monday.", "unattributed_fact"),
        ("The buses carry nurses home.", "unattributed_fact"),
    ],
)
def test_opinion_labels(sentence, label):
    """In an opinion piece, a hope or forecast is the writer's; a plain or scheduled fact stays a fact."""
    m = mediakit.load_article("Opinion: Keep the night buses\n\n" + sentence).markup()
    assert [s.label for s in m.layer("claim")] == [label]


# -- hand check of unseen genres: a column told by its "I" and its closing bio -----------------------

_COLUMN_BODY = (
    "Every morning, I watch the buses pass my window half empty. The council plans a new car park. "
    "I drive myself when I have to. I am not against drivers. This plan is a mistake."
)
_BIO_LINE = "Helen Marsh is a retired teacher in the town."


@pytest.mark.parametrize(
    "text,genre_label,sentence,label",
    [
        # a column: the writer's "I" and a closing bio make it opinion; first-person accounts and the bio
        # are the writer's own, not claims; the writer's judgement is the writer's opinion
        (
            f"Buses, not cars\n\nBy Helen Marsh\n\n{_COLUMN_BODY}\n\n{_BIO_LINE}",
            "opinion",
            "I drive myself when I have to.",
            None,
        ),
        (f"Buses, not cars\n\nBy Helen Marsh\n\n{_COLUMN_BODY}\n\n{_BIO_LINE}", "opinion", _BIO_LINE, None),
        (
            f"Buses, not cars\n\nBy Helen Marsh\n\n{_COLUMN_BODY}\n\n{_BIO_LINE}",
            "opinion",
            "This plan is a mistake.",
            "writer_opinion",
        ),
        (
            f"Buses, not cars\n\nBy Helen Marsh\n\n{_COLUMN_BODY}\n\n{_BIO_LINE}",
            "opinion",
            "The council plans a new car park.",
            "unattributed_fact",
        ),
        # negative: a news report whose "I" is only inside a quotation stays a news report, and a
        # sentence about a named person at its end is still a claim
        (
            'Bus plan approved\n\nThe council approved the plan. "I drive myself," said Ann Lee. "I am not against drivers," she said.\n\n'
            + _BIO_LINE,
            "news report",
            _BIO_LINE,
            "unattributed_fact",
        ),
        # negative: a bio alone (no first person) is not enough for opinion
        (
            "Bus plan approved\n\nThe council approved the plan on Monday.\n\n" + _BIO_LINE,
            "news report",
            _BIO_LINE,
            "unattributed_fact",
        ),
    ],
)
def test_column_first_person_and_bio(text, genre_label, sentence, label):
    """Is a column with the writer's own "I" and a closing bio read as opinion, its first-person accounts not claims?"""
    m = mediakit.load_article(text).markup()
    assert m.genre == genre_label
    got = [s.label for s in m.layer("claim") if s.text == sentence]
    assert got == ([label] if label else []), [(s.label, s.text) for s in m.layer("claim")]


@pytest.mark.parametrize(
    "text,expected",
    [
        # the writer's note on its own checking is not a claim with no source
        ("The claim could not be independently verified.", []),
        ("The video was not verified.", []),
        ("The report wasn't confirmed.", []),
        # mirrored: a positive verification is a claim the reader can ask "says who?" of
        ("The death was confirmed on Monday.", ["unattributed_fact"]),
        ("The claim has been verified.", ["unattributed_fact"]),
    ],
)
def test_verification_note_is_not_a_claim(text, expected):
    """Is "could not be independently verified" the writer's note on checking, not an unsourced judgement?"""
    m = mediakit.load_article(text).markup()
    assert [s.label for s in m.layer("claim")] == expected


@pytest.mark.parametrize(
    "text,sentence,label",
    [
        # in an opinion piece, a sentence that turns to the reader is advice, not a claim of fact
        (
            "Opinion: Walk to school\n\nI walk every day. I think we should all walk. Write to your councillor.",
            "Write to your councillor.",
            None,
        ),
        (
            "Opinion: Walk to school\n\nI walk every day. I think we should all walk. You can make the walk safer.",
            "You can make the walk safer.",
            None,
        ),
        # mirrored: the same sentence in a news report is still read as a claim
        (
            "Walk to school\n\nThe council met on Monday. Write to your councillor.",
            "Write to your councillor.",
            "unattributed_fact",
        ),
        # negative: a sentence without "you" in the opinion piece is still marked
        (
            "Opinion: Walk to school\n\nI walk every day. I think we should all walk. The school has 300 pupils.",
            "The school has 300 pupils.",
            "unattributed_fact",
        ),
    ],
)
def test_opinion_address_to_reader_is_not_a_claim(text, sentence, label):
    """Is "Write to your councillor." in a column advice (no claim), but still a claim in a news report?"""
    m = mediakit.load_article(text).markup()
    got = [s.label for s in m.layer("claim") if s.text == sentence]
    assert got == ([label] if label else []), (m.genre, [(s.label, s.text) for s in m.layer("claim")])


# -- hand check of fresh unseen articles (H10c): an opinion piece's argument, a projection, a study's finding --

_OPINION = "Opinion: Keep the clinic open\n\nI think the plan is a mistake. I have said so before. "
_NEWS = "Clinic to close\n\nThe health board met on Monday. "


@pytest.mark.parametrize(
    "prefix,sentence,label",
    [
        # the shape of an argument, with no figure, date or name: the writer's view in an opinion piece
        (_OPINION, "Clinics can help.", "writer_opinion"),
        (_OPINION, "Nobody chooses to wait in a corridor.", "writer_opinion"),
        (_OPINION, "We do not doubt that the money is needed.", "writer_opinion"),
        (_OPINION, "Managers are right to look for savings.", "writer_opinion"),
        (_OPINION, "That is true, and it is beside the point.", "writer_opinion"),
        (_OPINION, "Waiting lists fall hardest on the people who can least afford to wait.", "writer_opinion"),
        (_OPINION, "A clinic that turns patients away has not saved anything.", "writer_opinion"),
        (_OPINION, "Patients would travel a long way for a check-up.", "writer_opinion"),  # a projection
        # mirrored: the same sentences in a news report stay "Says who?"
        (_NEWS, "Clinics can help.", "unattributed_fact"),
        (_NEWS, "Nobody chooses to wait in a corridor.", "unattributed_fact"),
        (_NEWS, "Waiting lists fall hardest on the people who can least afford to wait.", "unattributed_fact"),
        (_NEWS, "Patients would travel a long way for a check-up.", "unattributed_fact"),
        # negative: in the opinion piece, a report with a figure, a date or a name stays a fact
        (_OPINION, "Clinics can see 40 patients a day.", "unattributed_fact"),
        (_OPINION, "Most of them cannot drive after seven in the evening.", "unattributed_fact"),
        (_OPINION, "Scotland and Wales kept their rural clinics.", "unattributed_fact"),
        (_OPINION, "The board meets again in April.", "unattributed_fact"),
        # negative: a plain report with no argument shape stays a fact, figure or not
        (_OPINION, "The clinic treats children from three villages.", "unattributed_fact"),
        (_OPINION, "The buses stop outside the clinic.", "unattributed_fact"),
        (_OPINION, "It was raining when the board voted.", "unattributed_fact"),
        (_OPINION, "The protest ended peacefully.", "unattributed_fact"),
        # negative: the editorial "we" telling what it did is an account, not an argument
        (_OPINION, "We asked the board for its plans.", "unattributed_fact"),
        (_OPINION, "We all know the clinic matters.", "writer_opinion"),
    ],
)
def test_opinion_argument_without_listed_word_is_the_writers(prefix, sentence, label):
    """In an opinion piece, is an argument with no listed judgement word the writer's view (and a report
    with a figure, date or name still a fact), while the same sentence in a news report is "Says who?"?"""
    m = mediakit.load_article(prefix + sentence).markup()
    got = [s for s in m.layer("claim") if s.text == sentence]
    assert [s.label for s in got] == [label], (m.genre, [(s.label, s.text) for s in m.layer("claim")])
    if label == "writer_opinion":
        assert "Says who?" not in got[0].explanation and "writer" in got[0].explanation


def test_opinion_argument_first_word_name_counts_when_written_mid_sentence():
    """Is a sentence-initial name a checkable detail when the body also writes it capitalised mid-sentence?"""
    text = _OPINION + "Ministers visited Harlow last year. Harlow can still appeal against the closure."
    m = mediakit.load_article(text).markup()
    by = {s.text: s.label for s in m.layer("claim")}
    assert by["Harlow can still appeal against the closure."] == "unattributed_fact"
    m2 = mediakit.load_article(_OPINION + "Towns can still appeal against the closure.").markup()
    assert {s.text: s.label for s in m2.layer("claim")}[
        "Towns can still appeal against the closure."
    ] == "writer_opinion"


@pytest.mark.parametrize(
    "sentence,claimed",
    [
        # a study's finding reported after it is named, at the end of the sentence: attributed
        ("Patients walked 2,900 more steps a day, the trial found.", False),
        ("The researchers calculate that this is a reduction of about a quarter.", False),
        ("Economists calculated that prices rose by a fifth.", False),
        # negative: "calculated" as a plain verb, and a trial as a plain subject, are no attribution
        ("The cost was calculated at three million pounds.", True),
        ("The trial was funded by a heart charity.", True),
    ],
)
def test_study_findings_and_calculations_are_attributed(sentence, claimed):
    """Is "..., the trial found." or "The researchers calculate that ..." attributed, not "Says who?"?"""
    m = mediakit.load_article("Walking study\n\n" + sentence).markup()
    assert bool(m.layer("claim")) is claimed, [(s.layer, s.label, s.text) for s in m.spans]


@pytest.mark.parametrize(
    "text,issuer",
    [
        # the issuer named by the kind of body it is, or as the subject of the release's lead
        (
            "PRESS RELEASE\n\nLEEDS, 2 May 2026 \u2013 Brightwater Food Network, a charity, said today ...",
            "Brightwater Food Network",
        ),
        ("PRESS RELEASE\n\nLEEDS, 2 May 2026 \u2013 Aldgate Bikes today launched a scheme.", "Aldgate Bikes"),
        ("FOR IMMEDIATE RELEASE\n\nThe Harbour Trust opened six hubs this week.", "The Harbour Trust"),
        ("FOR IMMEDIATE RELEASE\n\nThe City of Alden today announced a new park.", "The City of Alden"),
        # negative: no issuer in the lead
        ("PRESS RELEASE\n\nLEEDS, 2 May 2026 \u2013 demand for parcels rose again.", ""),
        ("PRESS RELEASE\n\nLEEDS, 2 May 2026 \u2013 More families asked for help.", ""),
    ],
)
def test_press_release_issuer(text, issuer):
    """Does the kit find the issuer a press release names (a charity, a firm, a trust, a city)?"""
    from mediakit import genre

    assert genre.issuer(mediakit.load_article(text)) == issuer


@pytest.mark.parametrize(
    "text,label",
    [
        # the issuer's statement in a release names the issuer in its explanation
        (
            "Hubs open\n\nPRESS RELEASE\n\nLEEDS, 2 May 2026 \u2013 Brightwater Food Network, a charity, said today that "
            "it would open hubs.\n\nThe hubs will be run by 300 volunteers.\n\nMedia contact: Tom Reilly",
            "issuer_statement",
        ),
        # mirrored: the same sentence in a news report is "Says who?"
        (
            "Hubs open\n\nLEEDS, 2 May 2026 \u2013 Brightwater Food Network, a charity, said today that it would open "
            "hubs.\n\nThe hubs will be run by 300 volunteers.",
            "unattributed_fact",
        ),
    ],
)
def test_issuer_statement_names_the_lead_issuer(text, label):
    m = mediakit.load_article(text).markup()
    got = [s for s in m.layer("claim") if s.text == "The hubs will be run by 300 volunteers."]
    assert [s.label for s in got] == [label]
    assert ("Brightwater Food Network" in got[0].explanation) is (label == "issuer_statement")


_INTERVIEW = (
    "We spoke to Ruth Abara about the floods and what comes next.\n\n"
    "Q: When did you first notice a change?\n\n"
    "{label}: In 2019, I think. I remember the water at the gate, and I know it had never come so far.\n\n"
    "Q: What help have you had?\n\n"
    "{label}: I had sandbags from the council, and I think they helped, but I am still waiting for the insurer."
)


@pytest.mark.parametrize(
    "body, label",
    [
        # an interview transcript: the "I" of the answers is the speaker's, so the text is no opinion piece
        (_INTERVIEW.format(label="ABARA"), "news report"),
        (_INTERVIEW.format(label="A"), "news report"),
        # mirrored negative: the same sentences in the writer's own voice make it a first-person piece
        (_INTERVIEW.replace("{label}: ", ""), "opinion"),
    ],
)
def test_the_first_person_of_a_transcript_is_the_speakers(body, label):
    from mediakit import genre

    assert genre.detect(mediakit.load_article("Headline here\n\n" + body)).label == label


# -- unseen genres (issue 11): carry-over, reported events, opinion shapes, notes and naming verbs ---------

_STUDY = (
    "Walks and sugar\n\nA study published in the Journal of Health found that short walks lowered blood sugar.\n\n"
    "{}\n\n"
)


def _claims_of(text):
    return {s.text: s.label for s in mediakit.load_article(text).markup().layer("claim")}


@pytest.mark.parametrize(
    "text, sentence, label",
    [
        (_STUDY, "The trial, led by researchers at Northgate University, followed 240 adults.", "carried_attribution"),
        (_STUDY, "About one in five participants dropped out before the end.", "carried_attribution"),
        # negative: no study cited before, the same sentence has no carry-over
        ("Walks and sugar\n\n{}\n\n", "About one in five participants dropped out before the end.", None),
        # negative: a sentence that does not refer back to the study
        (_STUDY, "Diabetes affects millions of people worldwide.", "unattributed_fact"),
        # negative: two paragraphs away with nothing in between that goes on with the account
        (_STUDY.format("Diabetes affects millions of people worldwide."), "The trial followed 240 adults.", None),
    ],
)
def test_carried_attribution(text, sentence, label):
    """Does a sentence that goes on with a cited study's account say it comes from the study, and only then?"""
    got = _claims_of(text.format(sentence) if "{}" in text else text + sentence)
    if label is None:
        assert got.get(sentence) != "carried_attribution"
    else:
        assert got.get(sentence) == label
    if label == "carried_attribution":
        span = next(
            s for s in mediakit.load_article(text.format(sentence)).markup().layer("claim") if s.text == sentence
        )
        assert "cited in \u00b61" in span.explanation and not span.explanation.startswith("Says who")


_MATCH = "Cup final\n\nBy Lena Marsh\n\nHarbourside met the Kestrels in the final.\n\n{}\n\nThe coach said the win was deserved.\n"


@pytest.mark.parametrize(
    "sentence, label",
    [
        ("Harbourside's captain crossed the line in the 55th minute.", "reported_event"),
        ("Harbourside won the final 21-18 on Saturday.", "reported_event"),
        # mirrored: a cause, a trend, a summary, an agentless passive keep "Says who?"
        ("Harbourside won the final because the Kestrels tired in the 55th minute.", "unattributed_fact"),
        ("Ticket sales rose by 8 percent on Saturday.", "unattributed_fact"),
        ("Harbourside has improved since the autumn.", "unattributed_fact"),
        ("The red card was confirmed on Monday.", "unattributed_fact"),
        # no time anchor of the event: a background fact
        ("The stadium opened in 1998.", "unattributed_fact"),
    ],
)
def test_reported_event(sentence, label):
    """Is a public event told in a news report's own voice a reported event, and a cause or trend still 'Says who?'?"""
    assert _claims_of(_MATCH.format(sentence)).get(sentence) == label


_COLUMN = (
    "OPINION: Keep the bus\n\nThe council plans to cut the number 7 bus. I think that is wrong.\n\n{}\n\n"
    "We should keep it.\n"
)


@pytest.mark.parametrize(
    "text, sentence, label",
    [
        (_COLUMN, "It is a cut, and a shortsighted one.", "writer_opinion"),
        (_COLUMN, "It is a cut of one bus a day.", "unattributed_fact"),  # mirror: a figure a reader can check
        (_COLUMN, "A bus service is not a shop that closes when trade is slow.", "writer_opinion"),
        (_COLUMN, "Nobody suggests shutting the fire station because there was no fire last week.", "writer_opinion"),
        (_COLUMN, "No one was hurt when the fire station shut last week.", "unattributed_fact"),  # mirror: a fact
        (_COLUMN, "Every Saturday morning I watch pensioners wait at the stop.", None),
        (_COLUMN, "Every Saturday morning pensioners wait at the stop.", "unattributed_fact"),  # mirror: not the writer
        (_COLUMN + "\nHelen Marsh runs a bookshop in the town centre.\n", "", None),
        # a naming verb whose subject owns the quoted name; mirror: the same name in the writer's voice
        (_MATCH, 'The press notice called the cut a "network optimisation".', None),
        (_MATCH, "The cut is a network optimisation.", "unattributed_fact"),
        # the outlet's note on its reporting; mirror: a fact about the coach
        (_MATCH, "Coach Sam Ortiz could not be reached for comment.", None),
        (_MATCH, "Coach Sam Ortiz could not attend the final.", "unattributed_fact"),
    ],
)
def test_opinion_shapes_and_notes(text, sentence, label):
    """Are an evaluative predicate and an analogy the writer's view, a first-person account and a bio no claim,
    a naming verb with its source and a 'could not be reached' note no claim, and their mirrors claims?"""
    if not sentence:  # the bio closing the column
        got = _claims_of(text.format("It is a cut."))
        assert "Helen Marsh runs a bookshop in the town centre." not in got
        got = _claims_of(text.format("Helen Marsh runs a bookshop in the town centre."))
        assert got.get("Helen Marsh runs a bookshop in the town centre.") is not None  # mirror: not at the end
        return
    assert _claims_of(text.format(sentence)).get(sentence) == label
