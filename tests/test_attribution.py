"""Tests of the attribution lens: cue verbs, their stance, their source and their content."""

from pathlib import Path

import pytest
from spanhelp import text_at

from mediakit import LexiconError, load_article
from mediakit.lenses import attribution, run

ARTICLES = Path(__file__).parent / "articles"


def cues_of(article):
    return run(article, ["attribution_cue"])["attribution_cue"]


@pytest.fixture(scope="module")
def seed(seed_article):
    return seed_article


@pytest.fixture(scope="module")
def seed_cues(seed):
    return cues_of(seed)


# -- the seed ---------------------------------------------------------------------------------

SEED_CUES = [
    # cue, stance, source, start of the content
    ("reports", "neutral", "the Financial Times", 'Ukraine is preparing to "bargain"'),
    ("broke the silence", "loaded", "President Volodymyr Zelensky", "Russia brought war to others"),
    ("indirectly confirmed", "loaded", "President Volodymyr Zelensky", "the invasion of the Ukrainian Armed Forces"),
    ("named", "neutral", "The Ukrainian president", "to create a buffer zone"),
    ("says", "neutral", "Nikolai Beleskov", "Uncertainty is the best way"),
    (
        "have offered their own explanations",
        "neutral",
        "Defense analysts, Ukrainian soldiers and even dictator Vladimir Putin",
        "withdraw Russian troops",
    ),
    ("has voiced", "neutral", "Putin", "it"),
    ("has boasted", "loaded", "Trump", "he will bring peace to Ukraine overnight"),
    ("have suggested", "hedged", "several of his former officials and advisers", "a \u201cTrump peace\u201d"),
    ("are concerned", "emotion", "Kyiv and many of its European allies", "the Trump administration is forcing"),
    ("say", "neutral", "Most Western capitals", "they want Kyiv"),
    ("want", "neutral", "they", "Kyiv to have the strongest"),  # a stance inside what they say
    ("worry", "emotion", "Ukrainian military officials and Western analysts", "moving limited resources"),
]


def test_seed_cues_are_exactly_the_lead_findings(seed_cues):
    """Does the seed give exactly the twelve cues of the findings, in order, with their stances?"""
    assert [(c.text, c.label) for c in seed_cues] == [(t, s) for t, s, _, _ in SEED_CUES]


@pytest.mark.parametrize("cue,stance,source,content", SEED_CUES)
def test_seed_cue_source_and_content(seed, seed_cues, cue, stance, source, content):
    """Does each seed cue link to the source and the content a careful reader finds?"""
    (c,) = [c for c in seed_cues if c.text == cue]
    assert text_at(seed, c.get("source")) == source
    assert text_at(seed, c.get("content")).startswith(content)


@pytest.mark.parametrize(
    "cue,content,quoted",
    [
        (
            "reports",
            'Ukraine is preparing to "bargain" with potential US President Donald Trump by seizing Russian lands',
            False,
        ),
        (
            "named",
            "to create a buffer zone in the border region, which the Russians used to strike at the Sumy region",
            False,
        ),
        ("says", "Uncertainty is the best way to avoid being cornered if things don't go as planned,", True),
        ("broke the silence", "Russia brought war to others, and now it is returning home,", True),
        ("has voiced", "it", False),
    ],
)
def test_seed_content_exact(seed, seed_cues, cue, content, quoted):
    """Is the attributed content exactly the clause, the quote or the object, and is `quoted` right?"""
    (c,) = [c for c in seed_cues if c.text == cue]
    assert text_at(seed, c.get("content")) == content
    assert c.get("quoted") is quoted


@pytest.mark.parametrize("words", ["Kiev knows", "No one knows how", "is preparing", "has tried", "keeps the enemy"])
def test_seed_not_cues(seed, seed_cues, words):
    """Do the writer's mind reading ("Kiev knows", "No one knows how") and plain verbs stay out of the cue layer?"""
    at = seed.text.index(words)
    assert not any(c.overlaps(at, at + len(words)) for c in seed_cues)


def test_loaded_cues_explain_and_offer_a_neutral_verb(seed_cues):
    """Does every loaded cue say what it does to a reader and offer a neutral alternative?"""
    loaded = [c for c in seed_cues if c.label == "loaded"]
    assert {c.text for c in loaded} == {"broke the silence", "indirectly confirmed", "has boasted"}
    for c in loaded:
        assert len(c.explanation) > 30 and c.alternative


# -- short texts ------------------------------------------------------------------------------

CASES = [
    # (text, [(cue, stance, source or None)])
    ("Kiev knows it will be under pressure.", []),
    ("No one knows how.", []),
    ("The army is preparing an attack.", []),
    # refusals and intentions are stance cues (the mirror: an intention in an if-clause is a condition)
    ("He declined to say what happened.", [("declined", "neutral", "He")]),
    ("If he declines to say what happened, we will ask again.", []),
    ("The minister wants to cut the budget.", [("wants", "neutral", "The minister")]),
    ("If the minister wants to cut the budget, she must ask first.", []),
    ("The town council knows the move is unpopular.", []),
    ("The minister knows the move is unpopular.", [("knows", "neutral", "The minister")]),
    # no source found: a plain speech verb still counts; not after a relative "who"
    (
        "The fire, which started at noon, was out by two, fire crews in the area said.",
        [("said", "neutral", "fire crews in the area")],
    ),
    (
        "Officials who asked not to be named said it was late.",
        [("said", "neutral", "Officials who asked not to be named")],
    ),
    # a cue inside a quotation belongs to the speaker, not the article
    ('"I can say that we will win," the coach said.', [("said", "neutral", "the coach")]),
    ("The reports were wrong.", []),
    ("A man named John Smith arrived late.", []),
    ("The minister was told that the plan had failed.", [("was told", "neutral", None)]),  # told by whom?
    ("The weather may explain the result.", []),
    ("The United States began a new programme.", []),
    ("Officials say the road will reopen.", [("say", "neutral", "Officials")]),
    ("The mayor has admitted that the budget was wrong.", [("has admitted", "loaded", "The mayor")]),
    ("Experts have suggested that prices may fall.", [("have suggested", "hedged", "Experts")]),
    ("Farmers fear that the river will flood.", [("fear", "emotion", "Farmers")]),
    ("Parents are concerned that the school will close.", [("are concerned", "emotion", "Parents")]),
    ("According to the police, the road is closed.", [("According to", "neutral", "the police")]),
    ("The road is closed, according to the police.", [("according to", "neutral", "the police")]),
    ("It was reported that the road was closed.", [("It was reported", "neutral", None)]),
    ("The bridge is said to be unsafe.", [("is said to", "hedged", None)]),
    (
        "The engineer was quoted as saying that the bridge was safe.",
        [("was quoted as saying", "neutral", "The engineer")],
    ),
    ('"We are ready," says Anna Berg, a teacher at the school.', [("says", "neutral", "Anna Berg")]),
    ('"We are ready," she said.', [("said", "neutral", "she")]),
    # the colon that introduces the words is part of the cue (PolNeAR's guidelines)
    ('The mayor said: "We are ready."', [("said:", "neutral", "The mayor")]),
    ("Tom Reyes, the festival's organiser, said the boats were back.", [("said", "neutral", "Tom Reyes")]),
    ('The council broke the silence: "The road will close."', [("broke the silence:", "loaded", "The council")]),
    (
        "The mayor announced the plan and admitted that it was late.",
        [("announced", "neutral", "The mayor"), ("admitted", "loaded", "The mayor")],
    ),
    ("He left the room, saying that he was tired.", [("saying", "neutral", "He")]),
    ("In Washington officials say the talks failed.", [("say", "neutral", "officials")]),
    (
        "Officials who asked not to be named said the talks failed.",
        [("said", "neutral", "Officials who asked not to be named")],
    ),
    ("The Kremlin has not commented.", []),
    ("Reuters reported that the talks had failed.", [("reported", "neutral", "Reuters")]),
    (
        "Bellwether County Says Trump Will Win\n\nThe county has picked every winner since 1956.",
        [("Says", "neutral", "Bellwether County")],
    ),
    ("Traders read the Daily Reports that the bank prints.", []),
    ("''We are looking for partners,'' Mr. Pruzan said.", [("said", "neutral", "Mr. Pruzan")]),
    ("The chairman, Tomas Reed, said the vote followed the rules.", [("said", "neutral", "Tomas Reed")]),
    ("Jillian Chase, 27, a nurse in Leeds, said the ward was full.", [("said", "neutral", "Jillian Chase")]),
    ("Sen. Ann Cole (D-Ore.) said the bill would pass.", [("said", "neutral", "Sen. Ann Cole")]),
    ("Sanders said on Twitter on Thursday that the comment was wrong.", [("said", "neutral", "Sanders")]),
    (
        "Mr. Lee, who estimated that half the staff had left, said he was worried.",
        [("estimated", "neutral", "Mr. Lee"), ("said", "neutral", "Mr. Lee")],
    ),
    ("To have people believe in you, and to believe that you can win, is hard.", []),
    ("She\u2019s said that the plan works.", [("said", "neutral", "She")]),
    ("The strike will go ahead, the drivers' union said on Friday.", [("said", "neutral", "the drivers' union")]),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_cues_on_short_texts(text, expected):
    """Is each cue found with its stance and source, and are non-cues (know, nouns, "to say") left out?

    A passive "was told" is an agentless cue: the minister heard it, so the minister is not the source.
    """
    a = load_article(text)
    got = [(c.text, c.label, text_at(a, c.get("source"))) for c in cues_of(a)]
    assert got == expected


@pytest.mark.parametrize(
    "text,cue,content,quoted",
    [
        ('"We are ready," says Anna Berg, a teacher at the school.', "says", "We are ready,", True),
        ('The mayor said: "We are ready."', "said:", "We are ready.", True),
        ("Officials say the road will reopen.", "say", "the road will reopen", False),
        ("The road is closed, according to the police.", "according to", "The road is closed", False),
        ("According to the police, the road is closed.", "According to", "the road is closed", False),
        ("He claimed that prices rose, and insisted that wages fell.", "claimed", "prices rose", False),
        ("It was reported that the road was closed.", "It was reported", "the road was closed", False),
        ("Local people worry about parking.", "worry about", "parking", False),  # the particle joins the cue
        ("She warned of a long winter.", "warned of", "a long winter", False),
        ("He said for years that it was fine.", "said", "it was fine", False),  # "for years" is no particle
    ],
)
def test_content_on_short_texts(text, cue, content, quoted):
    """Is the content what is attributed: the quote, the that-clause, or the rest of the sentence?"""
    a = load_article(text)
    (c,) = [c for c in cues_of(a) if c.text == cue]
    assert text_at(a, c.get("content")) == content
    assert c.get("quoted") is quoted


def test_role_from_an_appositive():
    """Does '"...," says Anna Berg, a teacher at the school.' record the role description in meta?"""
    a = load_article('"We are ready," says Anna Berg, a teacher at the school.')
    (c,) = cues_of(a)
    assert text_at(a, c.get("role")) == "a teacher at the school"


@pytest.mark.parametrize(
    "text,role",
    [
        ("The chairman, Tomas Reed, said the vote followed the rules.", "The chairman"),
        ("Jillian Chase, 27, a nurse in Leeds, said the ward was full.", "27, a nurse in Leeds"),
        ("Alan Pryce, a retired engineer, said the vote was fair.", "a retired engineer"),
    ],
)
def test_role_before_the_cue(text, role):
    """Is the description set off by commas before the cue recorded as the source's role?"""
    a = load_article(text)
    (c,) = cues_of(a)
    assert text_at(a, c.get("role")) == role


def test_agentless_passive_has_no_source_key():
    """Does an agentless passive ("it was reported") leave `source` out of meta, as the contract says?"""
    (c,) = cues_of(load_article("It was reported that the road was closed."))
    assert c.get("source") is None and "source" not in dict(c.meta)


def test_every_cue_has_content_and_quoted_flag(seed_cues):
    """Does every cue carry `content` (a non-empty range) and a boolean `quoted`?"""
    for c in seed_cues:
        s, e = c.get("content")
        assert s < e and isinstance(c.get("quoted"), bool)


# -- the word list -------------------------------------------------------------------------------


def test_know_is_a_person_only_cue():
    """Is "know" in cues.csv only for someone who can speak (a government or a council "knowing" is
    the writer reading an institution's mind, which the claim lens marks)?"""
    rows = [r for r in attribution.cue_rows() if r.cue == "know"]
    assert rows and all(r.subject == "person" for r in rows)
    forms = {f for r in attribution.cue_rows() for f in r.forms}
    assert {"say", "says", "said"} <= forms


@pytest.mark.parametrize(
    "row,problem",
    [
        ("say,angry,verb,say|says|said,any,Some explanation.,", "stance"),
        ("say,neutral,noun,say|says|said,any,Some explanation.,", "kind"),
        ("say,neutral,verb,say|says|said,maybe,Some explanation.,", "content"),
        ("say,neutral,verb,say|two words,any,Some explanation.,", "form"),
    ],
)
def test_bad_cue_row_is_refused(tmp_path, row, problem):
    """Does a cues.csv row with an unknown stance, kind, content or form raise LexiconError naming the file?"""
    (tmp_path / "cues.csv").write_text(
        "cue,stance,kind,forms,content,explanation,alternative\n" + row + "\n", encoding="utf-8"
    )
    with pytest.raises(LexiconError) as err:
        attribution.cue_rows(str(tmp_path))
    assert "cues.csv, line 2" in str(err.value) and problem in str(err.value)


def test_bad_cue_row_names_its_line_after_a_comment(tmp_path):
    """Does the error name the real line of the bad row when comment lines come before it?"""
    (tmp_path / "cues.csv").write_text(
        "cue,stance,kind,forms,content,explanation,alternative\n# a comment,,,,,,\n"
        "say,neutral,verb,say|says|said,any,Fine.,\nboast,proud,verb,boast|boasted,any,Bad.,\n",
        encoding="utf-8",
    )
    with pytest.raises(LexiconError, match=r"cues.csv, line 4: .*'boast'.*stance 'proud'"):
        attribution.cue_rows(str(tmp_path))


# -- the hand-written test articles -----------------------------------------------------------------


def test_council_article_cues():
    """In the council article, are "according to", the anonymous sources and the loaded "insists" found?"""
    a = load_article(ARTICLES / "attr_council_bridge.txt")
    got = [(c.text, c.label, text_at(a, c.get("source"))) for c in cues_of(a)]
    assert got == [
        ("backs", "neutral", "Council"),  # the headline: a stance cue
        ("according to", "neutral", "the minutes of the meeting"),
        ("said", "neutral", "Mayor Jane Holloway"),
        ("added", "neutral", "she"),
        ("said", "neutral", "Alan Pryce"),
        ("told", "neutral", "He"),
        ("said", "neutral", "Officials who asked not to be named"),
        ("said", "neutral", "A source familiar with the contract"),
        ("call", "neutral", "Some residents"),
        ("fear", "emotion", "Critics"),
        ("insists", "loaded", "the council"),
    ]


def test_science_article_passives():
    """In the science article, are the passives found, agentless ones without a source?"""
    a = load_article(ARTICLES / "attr_science_result.txt")
    got = [(c.text, c.label, text_at(a, c.get("source"))) for c in cues_of(a)]
    assert ("It was reported", "neutral", None) in got
    assert ("is said to", "hedged", None) in got
    assert ("was quoted as saying:", "neutral", "Dr Maria Okafor") in got
    assert ("have suggested", "hedged", "some experts") in got
    assert not any("explain" in cue for cue, _, _ in got)


def test_library_article_stances():
    """In the library article, are admitted/claimed/insisted loaded, hinted hedged, worried emotion, knows absent?"""
    a = load_article(ARTICLES / "attr_library_closure.txt")
    got = [(c.text, c.label) for c in cues_of(a)]
    assert got == [
        ("announced", "neutral"),
        ("admitted", "loaded"),
        ("claimed", "loaded"),
        ("insisted", "loaded"),
        ("are worried", "emotion"),
        ("said", "neutral"),
        ("say", "neutral"),
        ("hinted", "hedged"),
    ]


def test_harbour_article_inverted_and_interrupted():
    """In the harbour article, do '"...," says Tom Reyes, the festival's organiser' and '"...," Ward said, "..."' link?"""
    a = load_article(ARTICLES / "attr_harbour_festival.txt")
    cues = cues_of(a)
    first = cues[0]
    assert (first.text, text_at(a, first.get("source")), text_at(a, first.get("role"))) == (
        "says",
        "Tom Reyes",
        "the festival\u2019s organiser",
    )
    ward = [c for c in cues if text_at(a, c.get("source")) == "Ward"]
    assert len(ward) == 1 and ward[0].get("quoted") is True


# -- patterns added for recall (PolNeAR development half); each with negative cases -------------

NEW_PATTERNS = [
    # (text, [(cue, source or None, content)])
    # a colon after a name or a source noun at the sentence start
    ('Kasich: "We are going all the way to Cleveland."', [(":", "Kasich", "We are going all the way to Cleveland.")]),
    ("Insiders: Trump will rebound in New Hampshire.", [(":", "Insiders", "Trump will rebound in New Hampshire")]),
    ("Update: the road will be closed until May.", []),  # a label, not a speaker
    ("The Ninth Circle: The Hellish View from Inside the Beltway.", []),  # a title
    ("Iowa: Tim Albrecht, Brad Anderson, Rob Barron, Jeff Boeyink.", []),  # a list under a place
    ("Sanders: Win in a walk.", []),  # too short to be a statement
    ("The reason is simple: nobody came to the meeting.", []),
    # inverted cue with a description before the name
    (
        '"It is hard to dispute," said Democratic pollster Stan Greenberg.',
        [("said", "Democratic pollster Stan Greenberg", "It is hard to dispute,")],
    ),
    ('"We lost," said one New Hampshire Democrat.', [("said", "one New Hampshire Democrat", "We lost,")]),
    (
        '"They would agree," said Cruz constituent Dan Golvach when asked about it.',
        [("said", "Cruz constituent Dan Golvach", "They would agree,"), ("when asked", None, "about it")],
    ),
    ("Prices rose, said Smith in Boston that day.", []),  # no quote, content unclear
    # appositives: a capitalised role, "Mr." inside it, a name after "said"
    (
        "Chris Covert, South Carolina director for Sanders, said the office had opened.",
        [("said", "Chris Covert", "the office had opened")],
    ),
    (
        "Jason Furman, who advises Mr. Obama, said that the plan was wrong.",
        [("said", "Jason Furman", "the plan was wrong")],
    ),
    (
        "Mr. Kopachko, the pollster, said Mr. Manafort liked the plan.",
        [("said", "Mr. Kopachko", "Mr. Manafort liked the plan")],
    ),
    ("Paris, France, was quiet.", []),
    # coordinated verbs without an earlier cue share the sentence's subject
    (
        "Trump had welcomed the result and said he would make an exception.",
        [("had welcomed", "Trump", "the result"), ("said", "Trump", "he would make an exception")],
    ),
    ("The weather turned cold and said nothing.", []),
    # "said in an interview, ...": the content follows the comma
    (
        "Mr. Rogan said in an interview, Mr. Clinton was friendly.",
        [("said in an interview", "Mr. Rogan", "Mr. Clinton was friendly")],
    ),
    ("She said in Boston, the rain fell.", []),
    (
        "The company said in a statement that it would appeal.",
        [("said in a statement", "The company", "it would appeal")],
    ),
    ("She said in March that she would run.", [("said", "She", "she would run")]),  # a time is no medium
    # questions: "asked ... whether", fronted "Asked whether ...", "when asked"
    ("HuffPost asked the senator whether he was tired.", [("asked", "HuffPost", "whether he was tired")]),
    ("Asked whether he would run, he said no.", [("Asked", None, "whether he would run"), ("said", "he", "no")]),
    (
        "Asked by Matt Lauer whether she had practised, she said she had.",
        [("Asked", "Matt Lauer", "whether she had practised"), ("said", "she", "she had")],
    ),
    ("The reporter asked.", []),
    # nominal cues: "in a poll", "in X's view", only when no verb cites
    (
        "Just 18 percent of voters like the plan in a new Washington Post-ABC News poll.",
        [("in", "a new Washington Post-ABC News poll", "Just 18 percent of voters like the plan")],
    ),
    (
        "In a national CNN poll released Monday, 31% of Republicans backed Trump.",
        [("In", "a national CNN poll", "31% of Republicans backed Trump"), ("backed", "31% of Republicans", "Trump")],
    ),
    (
        "The budget was an across-the-board failure, in Bolton's view.",
        [("view", "Bolton", "The budget was an across-the-board failure")],
    ),
    ("In his view, the plan will fail badly.", [("view", "his", "the plan will fail badly")]),
    ("In other words, the plan will fail badly.", []),
    ("Trump has a slight lead in the polls over Cruz in Indiana.", []),
    ("In a statement, the company said it would close.", [("said", "the company", "it would close")]),
    # verbs added to the list
    ("The lawyer contended that the search was illegal.", [("contended", "The lawyer", "the search was illegal")]),
    ("The minister stressed that the talks would go on.", [("stressed", "The minister", "the talks would go on")]),
    ("Engineers testified that the bridge was unsafe.", [("testified", "Engineers", "the bridge was unsafe")]),
    ("Trump called for a special prosecutor.", [("called for", "Trump", "a special prosecutor")]),
    ("Officials stressed the steel beams.", []),  # content must be a clause
    ("The remarks a few weeks ago were ambiguous.", []),  # "remarks" is a noun here
    # a base form after a singular noun phrase is a noun: "a news report", "the AP report is"
    (
        "A news report published Wednesday said the secretary used email.",
        [("said", "A news report published Wednesday", "the secretary used email")],
    ),
    ("The AP report is misleading.", []),
    ("A new report compares ten online panels.", []),
    ("The officials report that the road is closed.", [("report", "The officials", "the road is closed")]),
    # "according to" a possessive: a source noun (documents, spokesman) yes, a preference no
    (
        "He had 5 million dollars in cash, according to his campaign finance documents.",
        [("according to", "his campaign finance documents", "He had 5 million dollars in cash")],
    ),
    ("According to her spokesman, the visit is off.", [("According to", "her spokesman", "the visit is off")]),
    ("They vote R or D, according to their instinctive preference.", []),
    # inverted sources with a description, a possessive role, "about" before a number
    (
        '"It is a difficult issue," said the Florida senator.',
        [("said", "the Florida senator", "It is a difficult issue,")],
    ),
    (
        '"It was never meant to be," said Monmouth University political scientist Patrick Murray.',
        [("said", "Monmouth University political scientist Patrick Murray", "It was never meant to be,")],
    ),
    (
        '"I do not want a fight," said one former campaign staffer.',
        [("said", "one former campaign staffer", "I do not want a fight,")],
    ),
    (
        '"We are winning," Jeff Weaver, Sanders\' campaign manager, said in a statement.',
        [("said in a statement", "Jeff Weaver", "We are winning,")],
    ),
    (
        "The budget office said about half of the deficit came from taxes.",
        [("said", "The budget office", "about half of the deficit came from taxes")],
    ),
    ("She talked about the plan.", [("talked about", "She", "the plan")]),  # a multi-word cue with its particle
    ("The plan talked about nothing.", []),
    # "show" and "find" with a poll, a survey or records as the subject
    (
        "A Reuters rolling poll shows Trump at the top with 36 percent support.",
        [("shows", "A Reuters rolling poll", "Trump at the top with 36 percent support")],
    ),
    ("The survey found that people had more confidence.", [("found", "The survey", "people had more confidence")]),
    (
        "Recent polls show Clinton with a double-digit lead.",
        [("show", "Recent polls", "Clinton with a double-digit lead")],
    ),
    ("He found the area welcoming.", []),
    ("The video shows a man running.", []),
    ("The results were found in a drawer.", []),
    # "I think", "we hope": the speaker hedging their own words, not a cited source
    ("I think a lot of the things they are doing are wrong.", []),
    ("We hope the talks will resume.", []),
    ('"I don\'t think the industry is over," she said.', [("said", "she", "I don't think the industry is over,")]),
    (
        "Most voters think the country is on the wrong track.",
        [("think", "Most voters", "the country is on the wrong track")],
    ),
    # "a super PAC called Future45" names a thing; "Obama called the bankers fat cats" is a cue
    (
        "Clinton attacked a super PAC called Future45 funded by two donors.",
        [("attacked", "Clinton", "a super PAC called Future45 funded by two donors")],
    ),
    ("A super PAC called Future45 was funded by two donors.", []),
    ("Obama called the bankers fat cats.", [("called", "Obama", "the bankers fat cats")]),
    # a time between the cue and its clause: "said on Friday he met ..."
    ("Adelson said on Friday he met Trump.", [("said", "Adelson", "he met Trump")]),
    ("The mayor said last week that the bridge would reopen.", [("said", "The mayor", "the bridge would reopen")]),
    ("He said on Monday.", []),
    ("She spoke in May the plan.", []),
]


@pytest.mark.parametrize("text,expected", NEW_PATTERNS)
def test_new_patterns_on_short_texts(text, expected):
    """Are colon attribution, inverted names with a description, capitalised appositives, shared
    subjects, "said in an interview, ...", questions, nominal cues and the added verbs found, with
    their source and content, while labels, titles, lists and nouns stay out?"""
    a = load_article(text)
    got = [(c.text, text_at(a, c.get("source")), text_at(a, c.get("content"))) for c in cues_of(a)]
    assert got == expected


@pytest.mark.parametrize(
    "verb",
    [
        "argue",
        "assert",
        "announce",
        "acknowledge",
        "contend",
        "declare",
        "describe",
        "estimate",
        "predict",
        "note",
        "point out",
        "recall",
        "stress",
        "tell",
        "testify",
        "warn",
        "write",
        "tweet",
        "post",
    ],
)
def test_common_news_verbs_are_in_the_cue_list(verb):
    """Is each reporting verb common in news attribution in cues.csv?"""
    assert verb in {r.cue for r in attribution.cue_rows()}


@pytest.mark.parametrize(
    "text,cues",
    [
        ("About Northgate Water: Northgate Water supplies water to a million people in the county.", []),
        ("Priya Nair: Northgate Water supplies water to a million people in the county.", [":"]),
    ],
)
def test_boilerplate_colon_is_not_a_cue(text, cues):
    """Is the "About X:" boilerplate of a press release no colon cue, while "Name: ..." is one?"""
    assert [c.text for c in cues_of(load_article(text))] == cues


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            'The timing does not surprise pollster Daron Shaw: "Historically, lesser-known candidates do well early."',
            [(":", "Daron Shaw")],
        ),
        (
            "Gillibrand on the Speeches: \u2018I Think She Will Release Them.\u2019\n\nBody text here.",
            [(":", "Gillibrand")],
        ),
        # mirrors: a list after a colon, and a short quoted list, are no speech
        ('The list: "We will go to the shops and buy bread."', []),
        ('He brought three things: "bread, milk and eggs".', []),
    ],
)
def test_colon_between_a_name_and_a_quote(text, expected):
    """Is a colon between a name and a direct quote a cue, with the name as source (and not a colon before a list)?"""
    a = load_article(text)
    assert [(c.text, text_at(a, c.get("source"))) for c in cues_of(a)] == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The authors found that voters were angry.", [("found", "The authors")]),
        ("He found the keys.", []),  # a plain object: no finding reported
        ("Cruz made a pitch to voters, saying the law hurts the economy.", [("saying", "Cruz")]),
        ("Bolton spoke for an hour while saying that the speech reassured him.", [("saying", "Bolton")]),
        ("After saying hello, he left.", []),  # a gerund after a preposition
    ],
)
def test_findings_and_participles(text, expected):
    """Is "found that" a cue (not "found the keys"), and a participle after "while"/"," a cue sharing its
    clause's subject (not a gerund after "after")?"""
    a = load_article(text)
    assert [(c.text, text_at(a, c.get("source"))) for c in cues_of(a)] == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Trump asked the network to donate the profits.", [("asked", "the network to donate the profits")]),
        ("The mayor urged voters to stay home.", [("urged", "voters to stay home")]),
        ("He walked to the shop.", []),  # mirror: no request verb
        ("The road led to the shop.", []),
    ],
)
def test_requests_with_an_addressee(text, expected):
    """Is "asked/urged X to do Y" a cue whose content is the addressee and the request?"""
    a = load_article(text)
    assert [(c.text, text_at(a, c.get("content"))) for c in cues_of(a)] == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            (
                "Debate\n\nHOST: Welcome to the debate tonight, everyone here.\n\nCOLE: Thank you, it is good to be "
                "here with you.\n\nHOST: Ms Cole, what would you cut first in the budget?"
            ),
            [(":", "HOST"), (":", "COLE"), (":", "HOST")],
        ),
        # mirror: one capitalised label is a dateline or a section, not a transcript
        ("Storm\n\nWASHINGTON: The storm will hit the coast on Monday night, officials said.", [("said", "officials")]),
    ],
)
def test_interview_transcript_speakers(text, expected):
    """In a transcript ("HOST: ...", "COLE: ..."), is each capitalised speaker label a colon cue, while a
    lone capitalised label is not?"""
    a = load_article(text)
    assert [(c.text, text_at(a, c.get("source"))) for c in cues_of(a)] == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The minister disputed the figures.", [("disputed", "The minister")]),
        ("I doubt that the plan will work.", []),  # the writer's own hedge, not a source
        ("She doubts that the plan will work.", [("doubts", "She")]),
        ("We will repeat the work next year.", []),  # "repeat" with a plain object is no speech
        ("He repeated that the plan would work.", [("repeated", "He")]),
    ],
)
def test_more_verbs_of_communication_and_belief(text, expected):
    """Are verbs of disputing, doubting and repeating cues with a third-person source, and not for the
    writer's own "I doubt" or a repeated action?"""
    a = load_article(text)
    assert [(c.text, text_at(a, c.get("source"))) for c in cues_of(a)] == expected


# -- hand check of unseen genres: final time word, appositive subject, object after "added" ----------


def _cue_table(text):
    a = load_article(text)
    return [
        (
            c.text,
            text_at(a, c.get("source")) if c.get("source") else None,
            text_at(a, c.get("content")) if c.get("content") else None,
        )
        for c in cues_of(a)
    ]


@pytest.mark.parametrize(
    "text,cue,source,content",
    [
        # a sentence-final cue followed by a bare day: the content is the clause before it
        (
            "Fighting forced 20,000 people to flee, the agency said Thursday.",
            "said",
            "the agency",
            "Fighting forced 20,000 people to flee",
        ),
        ("Rain fell all day, the council said yesterday.", "said", "the council", "Rain fell all day"),
        # mirrored: a clause after the day is still the content
        ("The agency said Thursday that it would send aid.", "said", "The agency", "it would send aid"),
        # a name with an appositive before the comma is the subject, not an inversion
        ("Keller, who is 25, said the team never panicked.", "said", "Keller", "the team never panicked"),
        ("Nina Keller, a striker, said the team stayed calm.", "said", "Nina Keller", "the team stayed calm"),
        # mirrored: a clause before the comma still lets the cue invert
        ("The talks failed, said the minister.", "said", "the minister", "The talks failed"),
    ],
)
def test_cue_source_and_content_in_unseen_genres(text, cue, source, content):
    """Are the source and content of these cues the ones a reader would name?"""
    table = _cue_table(text)
    assert (cue, source, content) in table, table


@pytest.mark.parametrize(
    "text,cue",
    [
        # the words after the verb are its object; the only finite verb is in a subordinate clause
        ("Keller levelled and added a second from the penalty spot after she was brought down.", None),
        ("Older adults who nap may remember word lists better than those who do not.", None),
        # mirrored: a real clause after the same verbs is reported speech or thought
        ("Keller added that the team was tired.", "added"),
        ("He remembered the war had started in May.", "remembered"),
        ("Police said a man was killed after the crash.", "said"),
    ],
)
def test_object_after_clause_verb_is_not_speech(text, cue):
    """Is "added a second ... after she was" an object, while "added that ..." is still a cue?"""
    found = [c.text for c in cues_of(load_article(text))]
    assert found == ([cue] if cue else []), found


@pytest.mark.parametrize(
    "text,cue",
    [
        # advice to someone ("should ask", "must explain") is not a report of what they said
        ("Councillors should ask themselves a simple question.", None),
        ("The councillor should ask whether the plan is needed.", None),
        ("The minister must explain the delay.", None),
        # mirrored: the same verbs reporting what was said are cues
        ("The councillor asked whether the plan was needed.", "asked"),
        ("The minister explained the delay was caused by rain.", "explained"),
    ],
)
def test_advice_modal_is_not_a_cue(text, cue):
    """Is "should ask" advice (no cue), while "asked" reports a question?"""
    found = [c.text for c in cues_of(load_article(text))]
    assert found == ([cue] if cue else []), found


@pytest.mark.parametrize(
    "text,cue,source,content",
    [
        # a comma and a subordinate clause after a final cue: the content is the clause before
        (
            "Fighting killed 12 civilians, local officials said, as the rebels advanced.",
            "said",
            "local officials",
            "Fighting killed 12 civilians",
        ),
        ("The road reopened, police said, after the crash was cleared.", "said", "police", "The road reopened"),
        # mirrored: a that-clause after the cue is still its content
        ("Local officials said that the rebels advanced.", "said", "Local officials", "the rebels advanced"),
    ],
)
def test_final_cue_before_subordinate_clause(text, cue, source, content):
    """Is "..., officials said, as ..." read with the clause before it as the content?"""
    table = _cue_table(text)
    assert (cue, source, content) in table, table


@pytest.mark.parametrize(
    "text,cue,source,content",
    [
        # a verb followed by its gerund is a cue ("denies supporting"), unlike "reports say"
        ("Rwanda denies supporting the rebels.", "denies", "Rwanda", "supporting the rebels"),
        ("The ministry denies arming the militia.", "denies", "The ministry", "arming the militia"),
        ("Media reports say the plan failed.", "say", "Media reports", "the plan failed"),
        # a name with abbreviated ranks in an appositive is the source
        (
            "The army spokesman, Lt. Col. Ann Marie Kabila, said troops held.",
            "said",
            "Lt. Col. Ann Marie Kabila",
            "troops held",
        ),
        ("The chairman, Tomas Reed, said it was over.", "said", "Tomas Reed", "it was over"),
    ],
)
def test_gerund_content_and_ranked_appositive(text, cue, source, content):
    """Is "denies supporting" a cue, and "Lt. Col. ..." in an appositive the source?"""
    table = _cue_table(text)
    assert (cue, source, content) in table, table
