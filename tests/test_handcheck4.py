"""The fourth hand check on unseen genres (docs/handcheck4.md): the general rules fixed after it.

Each table has negative cases and mirrored pairs (the same words where the rule must not fire); the
errors not fixed are ``xfail`` rows with the reason.
"""

from pathlib import Path

import pytest

from mediakit import genre, load_article
from mediakit.lenses import claims, headline, hedges, provenance
from mediakit.lexicon import classify_furniture

ARTICLES = Path(__file__).parent / "articles"


def _label(line):
    found = classify_furniture(line)
    return found[0] if found else None


@pytest.mark.parametrize(
    "line, label",
    [
        # a masthead line: section | outlet | date, or outlet, date, time
        ("Opinion | The Midland Courier | Thursday 14 September 2023, 06:00", "timestamp"),
        ("Wakefield Evening Post, 22 July 2020, 7:45pm", "timestamp"),
        ("The Coastline Review | Features", "widget"),
        ("Reading time: 4 minutes", "timestamp"),
        ("Scorers: Harlow: Tries: Hale, Okafor. Cons: Burke 3. Att: 3,412.", "widget"),
        ("Harlow 27 Brackley 24", "widget"),
        ("This interview has been edited for length and clarity.", "widget"),
        ("Editor's note: the names of two pupils have been changed.", "widget"),
        ("Photographs: Luc B\u00e9rub\u00e9 for The Coastline Review", "caption"),
        ("press@clearsprings.example.org", "release_label"),
        ("+254 700 000 000", "release_label"),
        ("Peter Mwangi, Communications Manager", "release_label"),
        # negatives: sentences of an article with a date, a name or a score in them
        ("The President said, 12 May 2020", None),
        ("Police, fire and ambulance crews arrived on 3 May 2024", None),
        ("Harlow beat Brackley 27-24 on Saturday.", None),
        ("This interview was the first she gave after the storm.", None),
        ("Peter Mwangi, who manages the project, said the pumps work.", None),
        ("Call 999 if you see smoke.", None),
    ],
)
def test_web_furniture_lines(line, label):
    """Is each masthead, reading-time, match-facts, editor's-note and contact line furniture, and no sentence?"""
    assert _label(line) == label


_QA = (
    "Keeper of the light\n\nBy Ann Lee\n\nFor 31 years Mary Fox has kept the light on Cape Morrow.\n\n"
    "What do you remember of the first day?\n\nThe smell of diesel. I thought we would stay two years.\n\n"
    "What does a keeper do now?\n\nWeather reports every three hours. The lamp has been automatic since 1995.\n\n"
    "Will you miss it?\n\nEvery day. I might write some of this down."
)
_NOT_QA = (
    "Keeper of the light\n\nBy Ann Lee\n\nFor 31 years Mary Fox has kept the light on Cape Morrow.\n\n"
    "What will happen now?\n\nThe lamp has been automatic since 1995.\n\nWho pays?\n\nThe council pays for it."
)


@pytest.mark.parametrize(
    "text, label",
    [
        (_QA, "interview"),
        (_NOT_QA, "news report"),  # two questions are not enough
        # an FAQ / explainer with question subheads: the answers do not speak in the first person
        (
            "Salt, explained\n\nBy Ann Lee\n\nWhat is salt?\n\nA mineral, sodium chloride.\n\n"
            "Why did it matter?\n\nIt preserved food.\n\nWhere is it mined?\n\nIn Austria and Poland.",
            "news report",
        ),
        ((ARTICLES / "handcheck4_interview.txt").read_text(encoding="utf-8"), "interview"),
        ((ARTICLES / "handcheck4_opinion.txt").read_text(encoding="utf-8"), "opinion"),
        ((ARTICLES / "handcheck4_science.txt").read_text(encoding="utf-8"), "news report"),
    ],
)
def test_interview_genre(text, label):
    """Is a question-and-answer interview told apart from a report with a question or two?"""
    assert genre.detect(load_article(text)).label == label


@pytest.mark.parametrize(
    "text, sentence, label",
    [
        # an interview: the answers are the interviewee's own words, the questions the interviewer's
        (_QA, "The lamp has been automatic since 1995.", None),
        (_QA, "I thought we would stay two years.", None),
        # the introduction stays the writer's
        (_QA, "For 31 years Mary Fox has kept the light on Cape Morrow.", "unattributed_fact"),
        # mirrored: the same sentence in a report with only two questions is a claim
        (_NOT_QA, "The lamp has been automatic since 1995.", "unattributed_fact"),
    ],
)
def test_interview_answers_are_no_claims(text, sentence, label):
    """Does an interview's answer get no "Says who?", while its introduction still does?"""
    a = load_article(text)
    got = {s.text: s.label for s in claims.find(a, {})}
    assert got.get(sentence) == label


_OPINION = "Phones at school\n\nOpinion\n\nBy Ann Lee\n\nI think the ban is right. I support it.\n\n{}\n\nAnn Lee is a teacher."
_NEWS = "Phones at school\n\nBy Ann Lee\n\nThe council met on Monday.\n\n{}"


@pytest.mark.parametrize(
    "template, sentence, label",
    [
        (_OPINION, "So yes, ban the phones.", "writer_opinion"),
        (_OPINION, "Do it quietly, and measure what happens.", "writer_opinion"),
        (_OPINION, "But let us stop pretending that a locker is a policy.", "writer_opinion"),
        (_OPINION, "Parents, too, deserve some honesty.", "writer_opinion"),
        (_OPINION, "Let me start with what the ban gets right.", None),  # a signpost, no claim
        # negatives: a plain report of what happened in the same opinion piece stays a fact
        (_OPINION, "Schools banned phones in 2019.", "unattributed_fact"),
        (_OPINION, "Cork banned them in May.", "unattributed_fact"),
        # mirrored: in a news report the same judgement is "Says who?", not the writer's expected view
        (_NEWS, "Parents, too, deserve some honesty.", "unattributed_judgement"),
    ],
)
def test_opinion_recommendations(template, sentence, label):
    """Is a columnist's command or exhortation the writer's view, and a report of events still a fact?"""
    a = load_article(template.format(sentence))
    got = {s.text: s.label for s in claims.find(a, {})}
    assert got.get(sentence) == label


def test_bio_before_page_widgets_is_no_claim():
    """Is the columnist's bio no claim when share and comment widgets follow it?"""
    text = _OPINION.format("Ban the phones.") + "\n\nShare this article\n\nComments (38)"
    got = {s.text for s in claims.find(load_article(text), {})}
    assert "Ann Lee is a teacher." not in got


@pytest.mark.parametrize(
    "sentence, word, label",
    [
        ("Many of us bought phones so that we could reach our children.", "could", None),
        ("We could reach our children by phone.", "could", "hedge"),  # mirrored: a possibility
        ("We should never have let them get that close.", "never", None),  # a regret
        ("That plan will never work.", "never", "certainty"),  # mirrored: a certainty marker
        ("Is there a moment you will never forget?", "never", None),  # a question asserts nothing
        ("Could the plan fail?", "Could", None),
        ("The plan could fail.", "could", "hedge"),
    ],
)
def test_hedges_in_purpose_regret_and_question(sentence, word, label):
    """Is "could" of purpose, "should never have" and a word in a question no hedge or certainty marker?"""
    a = load_article("Headline here\n\n" + sentence)
    got = {s.text: s.label for s in hedges.find(a, {})}
    assert got.get(word) == label


def test_interview_hedge_is_the_speakers():
    """Is a hedge in an interview's answer the interviewee's (voice speaker), not the writer's?"""
    spans = [s for s in hedges.find(load_article(_QA), {}) if s.text == "might"]
    assert [s.get("voice") for s in spans] == ["speaker"]


@pytest.mark.parametrize(
    "text, missing",
    [
        ("Bridge opens\n\nOpinion | The Midland Courier | 3 May 2023\n\nBy Ann Lee\n\nIt opened.", False),
        ("Bridge opens\n\nWakefield Evening Post, 22 July 2020, 7:45pm\n\nIt opened.", False),
        ("Bridge opens\n\nIt opened.\n\nPhotographs: Luc Roy for The Coastline Review", False),
        # negatives: a photographer's name alone, a date alone, a section alone name no outlet
        ("Bridge opens\n\nPhoto: Ann Lee\n\nIt opened.", True),
        ("Bridge opens\n\nThursday 14 September 2023\n\nIt opened.", True),
    ],
)
def test_outlet_in_masthead(text, missing):
    """Is an outlet named in a masthead line or a picture credit found, so no "missing outlet"?"""
    labels = [f.label for f in provenance.findings(load_article(text), {})]
    assert ("missing_outlet" in labels) is missing


def _headline(text):
    a = load_article(text)
    return {s.text: s for s in a.markup().spans if s.layer == "headline"}


@pytest.mark.parametrize(
    "text, term, label",
    [
        (
            "Council approves \u00a314m plan\n\nThe council approved a \u00a314 million plan on Monday.",
            "14m plan",
            "stated",
        ),
        # mirrored: another amount is not the headline's
        (
            "Council approves \u00a314m plan\n\nThe council approved a \u00a315 million plan on Monday.",
            "14m plan",
            "absent",
        ),
        ("Harlow win at home\n\nHarlow earned a dramatic victory on Saturday.", "Harlow win", "stated"),
        ("Harlow win at home\n\nHarlow earned a draw on Saturday.", "Harlow win", "absent"),
        (
            "Clear Springs Foundation completes 120 water points\n\nFOR IMMEDIATE RELEASE\n\n"
            "The Clear Springs Foundation today announced that it has completed 120 water points.",
            "completes",
            "stated",
        ),
        # mirrored: in a news report, what a body announces is relayed
        (
            "Clear Springs Foundation completes 120 water points\n\n"
            "The Clear Springs Foundation announced that it has completed 120 water points, "
            "but residents said few of them work.",
            "completes",
            "attributed",
        ),
    ],
)
def test_headline_amounts_synonyms_issuer(text, term, label):
    """Does "£14m" meet "£14 million", "win" meet "victory", and a release's own announcement back its headline?"""
    assert _headline(text)[term].label == label


def test_quoted_headline_keeps_its_attribution():
    """Is a headline quote found in the speaker's words told that its quotation marks keep the attribution,
    and is its negation ("does not care") no dispute?"""
    a = load_article(ARTICLES / "handcheck4_interview.txt")
    span = next(s for s in a.markup().spans if s.layer == "headline" and s.text.startswith('"'))
    assert span.get("backing") == "relays"
    assert "drops the attribution" not in span.explanation and "quotation marks" in span.explanation
    assert "words of I " not in span.explanation


@pytest.mark.parametrize(
    "text, term, label",
    [
        # a negated headline term is backed where the body negates the same verb ("stop pretending")
        ("Ban phones, but don't pretend it helps\n\nLet us stop pretending that it helps.", "don't pretend", "stated"),
        pytest.param(
            "Late Okafor try seals win\n\nOkafor crossed in the 79th minute to seal the win.",
            "Late Okafor",
            "stated",
            marks=pytest.mark.xfail(reason="'late' paraphrased as 'in the 79th minute': no word in common"),
        ),
        pytest.param(
            "Pupils who sleep less learn fewer new words\n\nPupils who slept less remembered fewer newly learned words.",
            "new words",
            "stated",
            marks=pytest.mark.xfail(
                reason="'new' meets 'newly' (word family), but the headline cuts 'learn fewer new words' as one term"
            ),
        ),
    ],
)
def test_headline_paraphrases_not_yet_met(text, term, label):
    """Paraphrases with other words: a negated verb met by "stop ..."; known gaps stay xfail."""
    assert headline.find(load_article(text), {}) and _headline(text)[term].label == label


# -- second round: general errors seen in the two fresh articles (after their unseen count) -----------


@pytest.mark.parametrize(
    "text, label",
    [
        ("Review: a patient family drama\n\nBy Ann Lee\n\nThe film opens in a harbour town.", "opinion"),
        ("Film review | A patient family drama\n\nThe film opens in a harbour town.", "opinion"),
        (
            "A patient family drama\n\nRating: 3 out of 5\n\nBy Ann Lee\n\nI think the film is fine. I liked it.",
            "opinion",
        ),
        # negatives: a review as a news event, a rating in a news sense
        ("Review of police powers ordered\n\nThe minister ordered a review on Monday.", "news report"),
        ("Ratings agency cuts Peru\n\nThe agency cut the rating to BBB on Monday.", "news report"),
    ],
)
def test_review_is_opinion(text, label):
    """Is a review (a "Review" label or a rating) read as an opinion piece, and a news "review" not?"""
    assert genre.detect(load_article(text)).label == label


@pytest.mark.parametrize(
    "line, label",
    [
        ("Rating: 3 out of 5", "widget"),
        ("Rating: \u2605\u2605\u2605\u2606\u2606", "widget"),
        ("The Harbour Light (12A), 118 minutes, in cinemas from Friday", "widget"),
        ("(Reporting by Marco Aquino in Lima; Editing by Tom Hogue)", "byline"),
        # negatives
        ("Rating agencies downgraded the bank.", None),
        ("The film (her third) runs for 118 minutes and opens on Friday.", None),
        ("(Reporting by a colleague.) He said", None),
    ],
)
def test_review_and_wire_furniture(line, label):
    """Are a rating, a review's facts line and a wire credit furniture, and sentences about them not?"""
    assert _label(line) == label


_REVIEW = "Review: a drama\n\nBy Ann Lee\n\nThe film opens in a harbour town.\n\n{}\n\nIt is a good film."


@pytest.mark.parametrize(
    "template, sentence, label",
    [
        (_REVIEW, "Leave before the storm.", "writer_opinion"),
        (_REVIEW, "Go for the corridor scene.", "writer_opinion"),
        (_REVIEW, "It feels as if the film stopped trusting its audience.", "writer_opinion"),
        (_REVIEW, "Cinematographer Ana Ruiz deserves much of the credit.", "writer_opinion"),
        (_REVIEW, "The performances are excellent.", "writer_opinion"),
        # negatives: a short sentence of fact with a preposition after its first word, a plain description
        (_REVIEW, "Snow before the storm was light.", "unattributed_fact"),
        (_REVIEW, "The camera stays on the sisters for three minutes.", "unattributed_fact"),
        # mirrored: the same judgement in a news report is "Says who?"
        (_NEWS, "The performances are excellent.", "unattributed_judgement"),
    ],
)
def test_review_verdicts(template, sentence, label):
    """Are a critic's commands, impressions and verdicts the writer's view, and a description still a fact?"""
    a = load_article(template.format(sentence))
    got = {s.text: s.label for s in claims.find(a, {})}
    assert got.get(sentence) == label


@pytest.mark.parametrize(
    "sentence, claim",
    [
        ("Reuters could not independently verify the report.", False),
        ("We have not been able to confirm the figure.", False),
        # negatives: the outlet's verification done, a claim about what an agency did
        ("Reuters verified the video on Tuesday.", True),
        ("The agency could not reach the village until Tuesday.", True),
        # the outlet's note on its reporting (clm); mirror: what the council did
        ("The council did not respond to a request for comment on the figure.", False),
        ("Customers could not be reached on Sunday.", False),
        ("The council did not respond to the flooding until Friday.", True),
    ],
)
def test_outlet_verification_note(sentence, claim):
    """Is the outlet's note that it could not verify something no claim, while what it did is one?"""
    a = load_article("Quake hits Peru\n\nThe quake hit at dawn, officials said.\n\n" + sentence)
    got = {s.text for s in claims.find(a, {})}
    assert (sentence in got) is claim


@pytest.mark.parametrize(
    "text, partial",
    [
        ("Quake hits Peru\n\nAREQUIPA, Peru, Nov 14 (Reuters) - A quake hit the coast.", True),
        ("Quake hits Peru\n\nLIMA (AP) \u2014 A quake hit the coast.", False),
    ],
)
def test_dateline_day_without_year(text, partial):
    """Does a dateline with a day but no year get a "missing date" that says only the year is missing?"""
    found = [f for f in provenance.findings(load_article(text), {}) if f.label == "missing_date"]
    assert found and found[0].explanation.startswith("Only part of a date") is partial


@pytest.mark.parametrize(
    "text, terms",
    [
        ("Review: a patient drama\n\nThe drama is patient.", ["patient drama"]),
        ("Opinion | Ban the phones\n\nBan the phones.", ["Ban", "phones"]),
        # negative: "Review" as the news itself stays a term
        (
            "Review of police powers ordered\n\nThe minister ordered a review of police powers.",
            ["Review", "police powers ordered"],
        ),
    ],
)
def test_item_label_is_no_headline_term(text, terms):
    """Is a label of the kind of item ("Review:") left out of the headline's terms, and a news "Review" kept?"""
    assert list(_headline(text)) == terms


# -- third round: general errors seen in the court report and the book review (after their unseen count) --


@pytest.mark.parametrize(
    "line, label",
    [
        ("Reviewed by Clara Oyelaran", "byline"),
        ("Interview by Ann Lee", "byline"),
        ("Salt Roads: How One Mineral Built the Modern World, by Yusuf Demir", "widget"),
        ("Hartwell Press, 512 pages, \u00a325", "widget"),
        # negatives: sentences that mention pages or an author
        ("It runs to 512 pages, and it is long.", None),
        ("The book was reviewed by Clara Oyelaran last week.", None),
    ],
)
def test_book_review_furniture(line, label):
    """Are "Reviewed by", a book's title line and its facts line furniture, and sentences about them not?"""
    assert _label(line) == label


def test_masthead_below_a_facts_block_names_the_outlet():
    """Is the outlet in a masthead line found when a review's facts line comes before it?"""
    text = (
        "Book review: a history of salt\n\nSalt Roads, by Yusuf Demir\nHartwell Press, 512 pages\n\n"
        "The Sunday Ledger | Books | 21 January 2024\n\nThe book is long.\n\nIt is good."
    )
    assert "missing_outlet" not in [f.label for f in provenance.findings(load_article(text), {})]


@pytest.mark.parametrize(
    "sentence, word, label",
    [
        ("He appeared for sentencing on Tuesday.", "appeared", None),
        ("A phrase that appears, in other words, five times.", "appears", None),
        ("It appears, however, that the plan failed.", "appears", "hedge"),  # mirrored: it seems
        ("He appeared tired.", "appeared", "hedge"),
        ("The council changed its rules so that no single staff member could approve invoices.", "could", None),
        ("The need to preserve food shaped trade.", "need to", None),
        ("Councils need to act now.", "need to", "certainty"),  # mirrored: an obligation
    ],
)
def test_hedges_literal_senses(sentence, word, label):
    """Is "appeared for sentencing", "the need to" and a long purpose clause no hedge, and the hedge sense kept?"""
    got = {s.text: s.label for s in hedges.find(load_article("Headline here\n\n" + sentence), {})}
    assert got.get(word) == label


@pytest.mark.parametrize(
    "template, sentence, label",
    [
        (_REVIEW, "It is also about 150 pages too long.", "writer_opinion"),
        (_REVIEW, "A chapter on the women of Norway is a small masterpiece.", "writer_opinion"),
        (_NEWS, "The sentence was too lenient.", "unattributed_judgement"),
        # negative: "too" as "also"
        (_NEWS, "The council met on Tuesday too.", "reported_event"),  # no verdict: an event in the writer's voice
        pytest.param(
            _REVIEW,
            "Where the book stumbles is in its claims.",
            "writer_opinion",
            marks=pytest.mark.xfail(reason="a verdict in a figure of speech with no listed word"),
        ),
    ],
)
def test_verdict_words(template, sentence, label):
    """Are "too long" and "masterpiece" verdicts in any genre, and "too" meaning "also" not?"""
    got = {s.text: s.label for s in claims.find(load_article(template.format(sentence)), {})}
    assert got.get(sentence) == label


# -- after the third fresh pair (explainer, obituary) -------------------------------------------------


@pytest.mark.parametrize(
    "text, sentence, label",
    [
        (_NEWS, "Here is what we know so far.", None),
        (_NEWS, "The city will install smart meters in 40,000 homes.", "unattributed_fact"),
        # mirrored: "smart" as a verdict, and a sentence that only starts like a signpost
        (_NEWS, "The plan is smart.", "unattributed_judgement"),
        (_NEWS, "Here the river floods every spring.", "unattributed_fact"),
    ],
)
def test_signpost_and_smart_meters(text, sentence, label):
    """Is "Here is what we know" no claim, and "smart meters" no judgement while "the plan is smart" is?"""
    got = {s.text: s.label for s in claims.find(load_article(text.format(sentence)), {})}
    assert got.get(sentence) == label


@pytest.mark.parametrize(
    "text, term, label",
    [
        ("Ann Oduya, pioneering surgeon, dies aged 87\n\nAnn Oduya has died. She was 87.", "dies", "stated"),
        ("Ann Oduya, pioneering surgeon, dies aged 87\n\nAnn Oduya has retired. She is 87.", "dies", "absent"),
    ],
)
def test_headline_aged(text, term, label):
    """Is "aged" in "dies aged 87" no term the body must repeat, while "dies" still is one?"""
    assert _headline(text)[term].label == label


@pytest.mark.parametrize(
    "name,phrase,label,refers_to",
    [
        # sources fixed by engineer src2 (general rules in sources.py, see its docstring)
        ("handcheck4_local_gov", "A council spokesperson", "role", None),
        ("handcheck4_local_gov", "a local residents' group", "vague", None),
        ("handcheck4_science", "a study of more than 2,000 secondary school pupils", "document", None),
        ("handcheck4_obituary", "Colleagues", "vague", None),
        ("handcheck4_interview", "I", "pronoun", "Elaine MacIsaac"),
        ("handcheck4_court", "An independent review commissioned by the council last year", "document", None),
        # not changed: a bare group with nothing before it stays vague
        ("handcheck4_interview", "People", "vague", None),
        pytest.param(
            "handcheck4_obituary",
            "her family",
            "role",
            "Margaret Oduya",
            marks=pytest.mark.xfail(reason="the owner of 'her' is two sentences back behind a place name"),
        ),
    ],
)
def test_sources_on_the_unseen_articles(name, phrase, label, refers_to):
    """Are the sources the hand check found wrong now labelled and resolved right, by general rules?"""
    from mediakit.lenses import run

    spans = run(load_article(ARTICLES / f"{name}.txt"), ["source"])["source"]
    got = [(s.label, s.get("refers_to")) for s in spans if s.text == phrase]
    assert got and got[0] == (label, refers_to)


def test_the_obituary_she_is_never_the_colleagues():
    """A singular "she" never resolves to the plural "Colleagues"."""
    from mediakit.lenses import run

    spans = run(load_article(ARTICLES / "handcheck4_obituary.txt"), ["source"])["source"]
    assert all(s.get("refers_to") != "Colleagues" for s in spans if s.text.lower() == "she")


def test_a_group_inside_what_a_speaker_reported_is_not_a_source_of_its_own():
    """ "Solberg said her team now hopes to ..." is Solberg's account: "hopes" is given to Solberg (the
    outer speaker), "her team" stays inside the content, and no source span makes the team a speaker."""
    from mediakit.lenses import run

    a = load_article(ARTICLES / "handcheck4_science.txt")
    found = run(a, ["attribution_cue", "source"])
    hopes = [c for c in found["attribution_cue"] if c.text == "hopes"]
    assert len(hopes) == 1
    s, e = hopes[0].get("source")
    assert a.text[s:e] == "Solberg"
    assert hopes[0].explanation.startswith("Inside what Solberg reported")
    assert not [x for x in found["source"] if x.text == "her team"]
