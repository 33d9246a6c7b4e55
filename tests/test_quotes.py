"""Tests of the quote lens: direct quotations against scare quotes and term quotes."""

from pathlib import Path

import pytest
from spanhelp import text_at

from mediakit import load_article
from mediakit.lenses import quotes, run

ARTICLES = Path(__file__).parent / "articles"


def quotes_of(article):
    return run(article, ["quote"])["quote"]


@pytest.fixture(scope="module")
def seed(seed_article):
    return seed_article


@pytest.fixture(scope="module")
def seed_quotes(seed):
    return quotes_of(seed)


# -- the seed ---------------------------------------------------------------------------

SEED_QUOTES = [
    ("\u201cbargaining\u201d", "scare", None, None),
    ('"bargain"', "partial", "the Financial Times", "reports"),  # the FT's word, in the sentence naming the FT
    (
        '"Russia brought war to others, and now it is returning home,"',
        "direct",
        "President Volodymyr Zelensky",
        "broke the silence",
    ),
    (
        '"Uncertainty is the best way to avoid being cornered if things don\'t go as planned,"',
        "direct",
        "Nikolai Beleskov",
        "says",
    ),
    ('"bargaining chip"', "scare", None, None),
    ("\u201cTrump peace\u201d", "partial", "several of his former officials and advisers", "have suggested"),
]


def test_seed_quotes_are_exactly_the_lead_findings(seed_quotes):
    """Does the seed give exactly the six quotations of the findings, in order, and nothing else?"""
    assert [(q.text, q.label) for q in seed_quotes] == [(t, lab) for t, lab, _, _ in SEED_QUOTES]


@pytest.mark.parametrize("quote_text,label,speaker,cue", SEED_QUOTES)
def test_seed_quote_speaker_and_cue(seed, seed_quotes, quote_text, label, speaker, cue):
    """Does each seed quotation name the speaker and the cue the findings give (none for scare quotes)?"""
    (q,) = [q for q in seed_quotes if q.text == quote_text]
    assert text_at(seed, q.get("source")) == speaker
    assert text_at(seed, q.get("cue")) == cue


def test_seed_apostrophes_are_not_quotes(seed, seed_quotes):
    """Do "army's", "Ukraine's" and "don't" in the seed stay out of the quote layer?"""
    for word in ("army's", "Ukraine's", "don't"):
        at = seed.text.index(word)
        inside = [q for q in seed_quotes if q.start <= at < q.end]
        assert all(q.label == "direct" for q in inside), word  # only inside Beleskov's quote, never a quote itself
        assert not any(q.start == at + word.index("'") or q.end == at + word.index("'") + 1 for q in seed_quotes)


@pytest.mark.parametrize(
    "quote_text,cue",
    [
        ('"bargain"', "reports"),
        ("\u201cTrump peace\u201d", "have suggested"),
        ("\u201cbargaining\u201d", None),
        ('"bargaining chip"', None),
    ],
)
def test_seed_scare_quote_inside_reported_content(seed, seed_quotes, quote_text, cue):
    """Is a short quote inside someone's reported content a partial quote pointing (meta `within`) at that
    cue, and a quote outside any reported content a scare quote with no `within`?"""
    (q,) = [q for q in seed_quotes if q.text == quote_text]
    assert q.label == ("partial" if cue else "scare") and text_at(seed, q.get("within")) == cue


def test_full_sentence_inside_reported_speech_is_the_speakers():
    """Is a quoted full sentence inside "X said the vote was "..."" a direct quote with X as speaker?"""
    a = load_article(ARTICLES / "attr_council_bridge.txt")
    (q,) = [q for q in quotes_of(a) if q.text == '"a good day for the town"']
    assert q.label == "direct" and text_at(a, q.get("source")) == "Alan Pryce"


def test_seed_content_is_inside_the_marks(seed, seed_quotes):
    """Is `content` the text between the marks, one character in from each end?"""
    for q in seed_quotes:
        assert q.get("content") == (q.start + 1, q.end - 1)


# -- short texts ----------------------------------------------------------------------------

CASES = [
    # (text, [(label, quotation)]) -- the first line is a headline
    ("Head\n\nUkraine's army didn't stop; the \u201990s were different, and Kyiv\u2019s too.", []),
    ("Head\n\nThe students' union met the teachers' group on Monday.", []),
    ('Head\n\nThe so-called "peace plan" was never signed.', [("scare", '"peace plan"')]),
    ('Head\n\nThe "reform" raised prices.', [("scare", '"reform"')]),
    ('Head\n\nThe report, titled "Safe Streets", was published.', [("term", '"Safe Streets"')]),
    ('Head\n\nThe band played "Yellow Submarine" twice.', [("term", '"Yellow Submarine"')]),
    ('Head\n\nThe programme is called "clean rivers" by the council.', [("term", '"clean rivers"')]),
    ('Head\n\n"We will win," said the coach.', [("direct", '"We will win,"')]),
    ('Head\n\n"Ready," she said.', [("direct", '"Ready,"')]),
    ('Head\n\nThe mayor said: "Yes."', [("direct", '"Yes."')]),
    (
        'Head\n\nIt rained. "Nobody expected the river to rise so fast." The water fell later.',
        [("direct", '"Nobody expected the river to rise so fast."')],
    ),
    (
        "Head\n\nThe minister said: \u2018We are ready for the vote.\u2019",
        [("direct", "\u2018We are ready for the vote.\u2019")],
    ),
    ("Head\n\nIts \u2018reading hour\u2019 moves to Friday.", [("scare", "\u2018reading hour\u2019")]),
    # the quoted word sits in what "they said": their word, a partial quote (mirror: no cue, a scare quote)
    ("Head\n\nIt\u2019s the \u201cbest\u201d offer, they said.", [("partial", "\u201cbest\u201d")]),
    ("Head\n\nIt\u2019s the \u201cbest\u201d offer on the table.", [("scare", "\u201cbest\u201d")]),
    ('Head\n\nThe mayor said the plan made the town look "silly".', [("partial", '"silly"')]),
    ('Head\n\nThe plan made the town look "silly".', [("scare", '"silly"')]),
    ('Head\n\nPutin called the war a "special military operation".', [("term", '"special military operation"')]),
    ("Head\n\n''We are looking for partners,'' Mr. Pruzan said.", [("direct", "''We are looking for partners,''")]),
    ("Head\n\n``We are ready,'' she said.", [("direct", "``We are ready,''")]),
    ("Head\n\n\u201dWe are ready,\u201d she said.", [("direct", "\u201dWe are ready,\u201d")]),
    (
        "Head\n\nHe went on \u201cThe Late Show with Stephen Colbert.\u201d",
        [("term", "\u201cThe Late Show with Stephen Colbert.\u201d")],
    ),
    ('Head\n\nThe aides used the term "kitchen sink" again.', [("term", '"kitchen sink"')]),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_quote_labels_on_short_texts(text, expected):
    """Is each quotation found with the right label, and are apostrophes and unquoted text left alone?"""
    found = quotes_of(load_article(text))
    assert [(q.label, q.text) for q in found] == expected


@pytest.mark.parametrize(
    "text",
    [
        'Head\n\nThe "reform" raised prices.',
        "Head\n\nIts \u2018reading hour\u2019 moves to Friday.",
        'Head\n\nThe so-called "peace plan" was never signed.',
    ],
)
def test_scare_quote_has_no_speaker(text):
    """Does a scare-quoted word without a speaker stay without `speaker` and `cue` in its meta?"""
    (q,) = quotes_of(load_article(text))
    assert q.label == "scare" and q.get("speaker") is None and q.get("cue") is None


def test_unclosed_quote_stops_at_the_paragraph_end():
    """Does a quote with no closing mark stop at the end of its paragraph, marked unclosed?"""
    a = load_article("Head\n\nShe said: \"We will be back before the summer\n\nThe next paragraph is the writer's.")
    (q,) = quotes_of(a)
    assert q.text == '"We will be back before the summer'
    assert q.get("unclosed") is True and q.label == "direct"
    assert "next paragraph" not in q.text


def test_quote_across_two_paragraphs_newspaper_style():
    """Does a quote whose paragraph ends open and whose next paragraph reopens with a mark run over both?"""
    a = load_article('Head\n\n"The first part ends here.\n\n"The second part ends here," the chair said.\n\nAfter.')
    (q,) = quotes_of(a)
    assert q.text == '"The first part ends here.\n\n"The second part ends here,"'
    assert q.get("paragraphs") == 2 and q.get("unclosed") is None
    assert text_at(a, q.get("source")) == "the chair"


def test_nested_single_quotes_belong_to_the_outer_quote():
    """Is a single-quoted phrase inside a double-quoted quote kept in the outer quote's meta, not a span?"""
    a = load_article("Head\n\nHe said: \"My mother called it 'a small miracle' every day.\"")
    found = quotes_of(a)
    assert [q.text for q in found] == ["\"My mother called it 'a small miracle' every day.\""]
    assert [text_at(a, p) for p in found[0].get("nested")] == ["'a small miracle'"]


def test_interrupted_quote_gives_both_halves_the_speaker():
    """Do both halves of '"...," Ward said, "..."' get Ward as speaker?"""
    a = load_article("Head\n\n\u201cIt\u2019s a relief,\u201d Ward said, \u201cbecause the pier was not safe.\u201d")
    found = quotes_of(a)
    assert [q.label for q in found] == ["direct", "direct"]
    assert [text_at(a, q.get("source")) for q in found] == ["Ward", "Ward"]


def test_next_quoted_sentence_keeps_the_speaker():
    """Does a quoted sentence right after '"...," he said.' in the same paragraph get the same speaker?"""
    a = load_article('Head\n\n"We offered every compromise," he said. "The company offered nothing."\n\n"New point."')
    found = quotes_of(a)
    assert [text_at(a, q.get("source")) for q in found] == ["he", "he", None]


def test_quote_style_is_recorded():
    """Does meta `style` tell straight from curly marks (the provenance lens counts mixed styles)?"""
    a = load_article('Head\n\nThe \u201cbest\u201d and the "worst" offers.')
    assert [q.get("style") for q in quotes_of(a)] == ["curly", "straight"]


def test_text_without_quotes_gives_nothing():
    """Does an article with no quote marks give an empty quote layer?"""
    assert quotes_of(load_article("Head\n\nThe council met on Monday. It voted for the plan.")) == ()


def test_stretches_are_cached_and_in_order(seed):
    """Are the quote stretches in document order and computed once per article?"""
    first = quotes.stretches(seed)
    assert first is quotes.stretches(seed)
    assert [s.start for s in first] == sorted(s.start for s in first)


# -- the hand-written test articles ------------------------------------------------------------


def test_council_article_two_paragraph_quote_and_nested_quote():
    """In the council article, does the mayor's quote run over two paragraphs and keep the nested saying?"""
    a = load_article(ARTICLES / "attr_council_bridge.txt")
    found = quotes_of(a)
    (two,) = [q for q in found if q.get("paragraphs")]
    assert two.text.startswith('"The old ford floods') and two.text.endswith('"This bridge will change that,"')
    assert text_at(a, two.get("source")) == "she" and text_at(a, two.get("cue")) == "added"
    (nested,) = [q for q in found if q.get("nested")]
    assert [text_at(a, p) for p in nested.get("nested")] == ["'a bridge is a promise you can walk on'"]
    # "Some residents call the plan a "vanity project"": the residents' name for it, a term quote
    assert ("term", '"vanity project"') in [(q.label, q.text) for q in found]


def test_science_article_title_and_unclosed_quote():
    """In the science article, is the paper's title a term and does the unclosed quote stop at its paragraph?"""
    a = load_article(ARTICLES / "attr_science_result.txt")
    found = {q.text: q for q in quotes_of(a)}
    assert found['"Colour Choice in Garden Bees"'].label == "term"
    assert found['"slow science"'].label == "term"  # "The team calls its approach ...": their term
    (unclosed,) = [q for q in found.values() if q.get("unclosed")]
    assert unclosed.text.startswith('"We will repeat') and unclosed.text.endswith("said a member of the team.")
    assert text_at(a, unclosed.get("source")) == "a member of the team"


def test_library_article_partial_and_scare_quotes():
    """In the library article, are "painful" and 'reading hour' short quotes with no speaker of their own?"""
    a = load_article(ARTICLES / "attr_library_closure.txt")
    labels = {q.text: q.label for q in quotes_of(a)}
    assert labels == {
        '"painful"': "partial",
        '"Saturday is the only day my kids can come,"': "direct",
        "'reading hour'": "scare",
    }


def test_harbour_article_curly_single_and_unclosed():
    """In the harbour article, are curly, single and unclosed quotes found with their speakers?"""
    a = load_article(ARTICLES / "attr_harbour_festival.txt")
    found = quotes_of(a)
    got = [(q.label, text_at(a, q.get("source"))) for q in found]
    # the town's own name for the festival ("which the town calls its "summer heart"") is a term quote
    assert got == [
        ("direct", "Tom Reyes"),
        ("direct", "Tom Reyes"),
        ("term", "the town"),
        ("direct", "Harbour master Lena Ward"),
        ("direct", "Ward"),
        ("direct", "Ward"),
        ("direct", "One stallholder"),
    ]
    assert found[-1].get("unclosed") is True and found[-1].text.endswith("this year")


@pytest.mark.parametrize(
    "text, speaker, second_hand",
    [
        ('Head\n\nThe coach said the defence was "asleep", as quoted by the league\'s website.', "The coach", True),
        ('Head\n\nThe coach said the defence was "asleep" on Sunday.', "The coach", None),
        ('Head\n\nAnn Cole said it was late. She said the plan was "silly".', "Ann Cole", None),
        ('Head\n\nThe rain fell. She said the plan was "silly".', "She", None),  # nobody to resolve to
    ],
)
def test_partial_quote_names_its_speaker(text, speaker, second_hand):
    """Does a partial quote carry its speaker's name (a pronoun resolved), its source and cue offsets, and
    `second_hand` when the words were taken from another outlet?"""
    a = load_article(text)
    (q,) = quotes_of(a)
    assert q.label == "partial" and q.get("speaker") == speaker
    assert q.get("cue") is not None and q.get("source") is not None
    assert q.get("second_hand") is second_hand


def test_press_release_partial_quote_speaker_resolved():
    """In the press release, is "real jobs" (inside what "He said") a partial quote given to the
    councillor the pronoun stands for?"""
    a = load_article(ARTICLES / "genre_press_release.txt")
    (q,) = [q for q in quotes_of(a) if q.text == '"real jobs"']
    assert q.label == "partial" and "Ben Morris" in q.get("speaker")


def test_full_markup_with_a_quoted_speaker_behind_the_headline():
    """Does the whole markup run when the headline's quoted words are backed by a quote with a speaker?"""
    a = load_article(
        "Former mayor Ann Cole calls the harbour plan \u2018silly\u2019, \u2018costly.\u2019\n\n"
        "\u201cWe are not going to pay one penny for such a silly plan,\u201d Cole told reporters on "
        "Saturday. \u201cIt is going to be very costly.\u201d"
    )
    assert a.markup().layer("quote")


# -- speech without a found cue, and partial quotes in an attributed sentence (sentences written here) --


@pytest.mark.parametrize(
    "text,expected",
    [
        # a quoted sentence of its own is speech
        (
            "Head\n\nAsked about the vote, he laughed and said, \u201cWe will see.\u201d",
            ("direct", "\u201cWe will see.\u201d"),
        ),
        ('Head\n\nThe mayor spoke first. "Very good." The crowd left.', ("direct", '"Very good."')),
        ("Head\n\n''Go home,'' Ann Cole shouted at the crowd.", ("direct", "''Go home,''")),
        # mirrors: the same words inside the writer's sentence stay scare quotes
        ("Head\n\nIt was a \u201cmistake.\u201d Nobody disagreed.", ("scare", "\u201cmistake.\u201d")),
        ('Head\n\nThe harbour looked "very good" in the end.', ("scare", '"very good"')),
        # words in capitals are shouted speech, not a title; one capitalised word stays a name
        ('Head\n\nThe group sent one sentence: "THIS IS NOT OK."', ("direct", '"THIS IS NOT OK."')),
        ('Head\n\nThe group sent one sentence: "This Is Not Ok"', ("term", '"This Is Not Ok"')),
        ('Head\n\nThe members of "NATO" met in the harbour.', ("term", '"NATO"')),
        # capitals in a line of capitals say nothing: a title there stays a term quote
        ('Head\n\nWE ARE GEEKING OUT OVER THE "WONDER WOMAN" TRAILER', ("term", '"WONDER WOMAN"')),
    ],
)
def test_a_quoted_sentence_of_its_own_is_speech(text, expected):
    """Is a quote that is a sentence of its own (opening its sentence, after a colon or after a cue and a
    comma) direct speech, while the same words inside the writer's sentence stay a scare quote?"""
    (q,) = quotes_of(load_article(text))
    assert (q.label, q.text) == expected


@pytest.mark.parametrize(
    "text,label,speaker",
    [
        ('Head\n\nThe "impact," Ann Cole said, was large.', "partial", "Ann Cole"),
        ('Head\n\nThe "impact" was large.', "scare", None),  # mirror: no cue in the sentence
        ('Head\n\nAnn Cole called the plan "shameful" on Monday.', "partial", "Ann Cole"),
        ('Head\n\nAnn Cole called the plan "a costly mistake" on Monday.', "partial", "Ann Cole"),
        ('Head\n\nAnn Cole called him a "coward" on Monday.', "partial", "Ann Cole"),
        # a name for a thing after "call" stays a term quote, linked to its owner
        ('Head\n\nThe council calls its scheme "clean rivers" in leaflets.', "term", "The council"),
        ('Head\n\nAnn Cole called the closure a "temporary pause" on Monday.', "term", "Ann Cole"),
    ],
)
def test_quoted_words_in_an_attributed_sentence_are_the_speakers(text, label, speaker):
    """Are a few quoted words in a sentence with a cue the speaker's words (partial, linked to the
    speaker), a judgement after "call" partial too, and only a name for a thing a term quote?"""
    (q,) = quotes_of(load_article(text))
    assert (q.label, q.get("speaker")) == (label, speaker)


_LONG = (
    "the study had not yet been published in a journal and that the people who agreed to take part might "
    "have been healthier, younger and more motivated than most patients seen in clinics across the region, "
    "so that the result might not hold for the older and sicker people who would be offered the programme"
)


@pytest.mark.parametrize(
    "body, speaker",
    [
        # same paragraph, more than 300 characters after the name: still the named speaker
        (f'Dr Ana Ruiz, a specialist at the city hospital, said {_LONG}. "It is one trial," she said.', "Dr Ana Ruiz"),
        (f'Dr Tom Hale, a specialist at the city hospital, said {_LONG}. "It is one trial," he said.', "Dr Tom Hale"),
        # negative: the name is in an earlier paragraph, far back: the pronoun is left as the text gives it
        (
            f"Dr Tom Hale, a specialist at the city hospital, said {_LONG}.\n\nThe trial ran for a year in three "
            f'towns and {_LONG}. "It is one trial," he said.',
            "he",
        ),
    ],
)
def test_a_pronoun_speaker_resolves_within_its_paragraph(body, speaker):
    """'"...," he said.' names the speaker given earlier in the same paragraph, however long the
    sentence between; across paragraphs only a near name counts."""
    m = load_article("A headline for the test\n\n" + body).markup()
    quotes = [q for q in m.layer("quote") if q.text.startswith('"It is one trial')]
    assert quotes and quotes[0].get("speaker") == speaker


# -- a short quote linked by the quote lens's own reading of its sentence (issue 10) --------------------


@pytest.mark.parametrize(
    "text,quote,label,speaker",
    [
        # after "call": a bare "it" as object, one lowercase word, a noun after the marks, a named object
        (
            'Head\n\nAnn Cole called it a "fundamental mistake" on Monday.',
            '"fundamental mistake"',
            "partial",
            "Ann Cole",
        ),
        ('Head\n\nAnn Cole calls her record a "blueprint" for growth.', '"blueprint"', "partial", "Ann Cole"),
        (
            'Head\n\nAnn Cole denounced what she called the "deeply pessimistic" vision of the plan.',
            '"deeply pessimistic"',
            "partial",
            "Ann Cole",
        ),
        (
            'Head\n\nAnn Cole calls a smiling Tom Reyes a "paper tiger" in leaflets.',
            '"paper tiger"',
            "partial",
            "Ann Cole",
        ),
        (
            'Head\n\nAnn Cole called the judge a "friend of the council" on Monday.',
            '"friend of the council"',
            "partial",
            "Ann Cole",
        ),
        ('Head\n\nAnn Cole called harbour bankers "fat cats" on Monday.', '"fat cats"', "partial", "Ann Cole"),
        # mirrors: a name for a thing after "call" stays a term quote
        ('Head\n\nAnn Cole denounced what she called the "temporary pause".', '"temporary pause"', "term", "Ann Cole"),
        ('Head\n\nAnn Cole calls the old harbour a "paper tiger" in leaflets.', '"paper tiger"', "term", "Ann Cole"),
        # quotes listed with a partial quote share its speaker; a list with no speaker stays as it is
        (
            'Head\n\nTom Reyes portrays the plan as "silly" and "costly" in leaflets.',
            '"costly"',
            "partial",
            "Tom Reyes",
        ),
        ('Head\n\nThe plan looks "silly" and "costly" to the town.', '"costly"', "scare", None),
        # a framing verb with "as" and a subject next to it; mirror: the passive has no speaker
        (
            'Head\n\nTom Reyes routinely describes himself as a "change maker" in speeches.',
            '"change maker"',
            "partial",
            "Tom Reyes",
        ),
        ('Head\n\nThe harbour is described as a "change maker" in leaflets.', '"change maker"', "scare", None),
        # a reporting verb after the quote, in the same sentence; mirror: no verb
        (
            'Head\n\n"Extra boats" would be right, harbour master Lena Ward said after the storm.',
            '"Extra boats"',
            "partial",
            "Lena Ward",
        ),
        ('Head\n\nThe "quiet season" is over, and the harbour is full again.', '"quiet season"', "scare", None),
        # a speech noun and its owner; mirror: the noun with no owner
        ('Head\n\nTom Reyes\'s promise of "free buses" won him votes.', '"free buses"', "partial", "Tom Reyes"),
        ('Head\n\nThe promise of "free buses" won votes.', '"free buses"', "scare", None),
        # "as X put it"; mirror: "put simply"
        (
            'Head\n\nThe plan was, as one stallholder put it, a "gamble" for the town.',
            '"gamble"',
            "partial",
            "one stallholder",
        ),
        ('Head\n\nThe plan was, put simply, a "gamble" for the town.', '"gamble"', "scare", None),
        # a verb in the past with a "that" clause reports what its subject said; mirror: "decided that"
        (
            'Head\n\nTom Reyes sniped that the mayor was "asleep at the wheel" again.',
            '"asleep at the wheel"',
            "partial",
            "Tom Reyes",
        ),
        (
            'Head\n\nTom Reyes complained to the harbour board that it was "asleep" again.',
            '"asleep"',
            "partial",
            "Tom Reyes",
        ),
        ('Head\n\nThe town decided that the "reform" was over.', '"reform"', "scare", None),
        # "in the words of X"; a speech noun's owner after a capitalised opening word
        (
            'Head\n\nThe mayor was, in the words of one stallholder, "a dreamer" again.',
            '"a dreamer"',
            "partial",
            "one stallholder",
        ),
        (
            'Head\n\nWhile Tom Reyes\'s call for a "revolution" drew crowds, others left.',
            '"revolution"',
            "partial",
            "Tom Reyes",
        ),
        # a noun made from a reporting verb, with its owner ("his" resolved to the name before it)
        (
            'Head\n\nTom Reyes\'s accusation that the mayor was "asleep" spread fast.',
            '"asleep"',
            "partial",
            "Tom Reyes",
        ),
        (
            'Head\n\nTom Reyes stood by his comment on Monday that the plan was "silly" and left.',
            '"silly"',
            "partial",
            "Tom Reyes",
        ),
        ('Head\n\nThe comment that the plan was "silly" was old.', '"silly"', "scare", None),
        # "his" is the name before it, never a place after a preposition ("in Oslo"); else left as "his"
        (
            'Head\n\nAfter a week in Oslo, Tom Reyes stood by his comment that the plan was "silly".',
            '"silly"',
            "partial",
            "Tom Reyes",
        ),
        ('Head\n\nThe rally in Oslo heard his call for a "fresh start" again.', '"fresh start"', "partial", "his"),
        # a subject before an appositive, a relative "that" standing for the noun before it, an auxiliary
        (
            'Head\n\nTom Reyes, the harbour\'s oldest pilot, posted two words online - "So sad" - on Monday.',
            '"So sad"',
            "partial",
            "Tom Reyes",
        ),
        (
            'Head\n\nThe council runs a new ad that urges voters to "think twice" this year.',
            '"think twice"',
            "partial",
            "a new ad",
        ),
        ('Head\n\nAnn Cole has intimated that the plan is "dead" for now.', '"dead"', "partial", "Ann Cole"),
        # mirror: a name after "in the" is a place, not a speaker of an "-ing" verb
        ('Head\n\nThe crowd in the Harbour Hall answered by softly echoing "too late."', '"too late."', "scare", None),
        # "according to X" anywhere in the sentence
        ('Head\n\nAccording to her doctor, Ann Cole is in "excellent" health.', '"excellent"', "partial", "her doctor"),
        # the agent of a passive framing verb; mirror: no agent
        (
            'Head\n\nThe ferry is seen by many islanders as a "lifeline" for the town.',
            '"lifeline"',
            "partial",
            "many islanders",
        ),
        ('Head\n\nThe ferry is seen as a "lifeline" for the town.', '"lifeline"', "scare", None),
        # an "-ing" form after an article is a noun, not a cue
        ('Head\n\nThe saying "better late" is older than the town.', '"better late"', "scare", None),
        # "so-called" keeps a scare quote even next to a reporting verb
        ('Head\n\nAnn Cole described the so-called "peace plan" as late.', '"peace plan"', "scare", None),
    ],
)
def test_short_quote_linked_by_its_sentence(text, quote, label, speaker):
    """Is a short quote the speaker's (partial, with the speaker's name) when its own sentence names who
    used the words, even where the attribution lens gave the sentence no cue, and does the same quote
    stay a scare or term quote when no one in the sentence used the words?"""
    (q,) = [q for q in quotes_of(load_article(text)) if q.text == quote]
    assert (q.label, q.get("speaker")) == (label, speaker)


@pytest.mark.parametrize(
    "text,labels,continues",
    [
        # a quote interrupted by its cue goes on after it: both parts are direct speech
        ('Head\n\n"We will," Ann Cole said, "win."', ["direct", "direct"], True),
        ("Head\n\n\u201cWe will,\u201d Ann Cole said on Monday, \u201cwin this.\u201d", ["direct", "direct"], True),
        ("Head\n\n'We will,' Ann Cole said, 'win.'", ["direct", "direct"], True),
        # mirror: two short quotes inside reported speech stay partial quotes
        ('Head\n\nAnn Cole said the plan was "silly," adding that it was "a waste."', ["partial", "partial"], False),
        # mirror: a capital after the cue opens a title or a new sentence, not the rest of the quote
        ('Head\n\n"We tried everything," Ann Cole wrote in her memoir, "Hard Choices."', ["direct", "partial"], False),
        # mirror: a first part that ends a sentence is no interrupted quote
        ('Head\n\n"We will win." Ann Cole said it twice, and "loudly."', ["direct", "partial"], False),
    ],
)
def test_a_quote_interrupted_by_its_cue_is_one_direct_quote(text, labels, continues):
    """Is the part of a quote after its cue (""We will," she said, "win."") direct speech linked to the
    first part (meta ``continues``), while short quotes inside reported speech stay partial?"""
    found = quotes_of(load_article(text))
    assert [q.label for q in found] == labels
    assert (found[1].get("continues") is not None) is continues


@pytest.mark.parametrize(
    "text,quote,speaker",
    [
        # a quote inside the content of an earlier cue is that cue's source's, even when a later cue in
        # the same content ("her members had never opposed") has a source of its own inside that content
        (
            'Ann Cole told the council that the bridge was "a disgrace to the town" and that her members had '
            "never opposed it.",
            '"a disgrace to the town"',
            "Ann Cole",
        ),
        # mirror: a nearer cue before the quote, inside the content, speaks for it
        (
            'Ann Cole told the council that the engineers had called the bridge "a disgrace to the town".',
            '"a disgrace to the town"',
            "the engineers",
        ),
        # a quoted sentence right after a quote given to "she", in the same paragraph, goes on in her voice
        ('Ann Cole lost her farm. "We were told it would rain," she said. "It never did."', '"It never did."', "she"),
        # mirrors: a new paragraph, or a sentence of the writer's between, ends the speaker's turn
        ('Ann Cole lost her farm. "We were told it would rain," she said.\n\n"It never did."', '"It never did."', None),
        (
            'Ann Cole lost her farm. "We were told it would rain," she said. The river fell. "It never did."',
            '"It never did."',
            None,
        ),
    ],
)
def test_nested_speech_and_a_continued_quote(text, quote, speaker):
    """Is a quote inside reported speech given to the outer speaker unless a nearer cue before it speaks,
    and does a quoted sentence right after a speaker's quote keep that speaker (not across a paragraph or
    a sentence of the writer's)?"""
    got = {q.text: q.get("speaker") for q in quotes_of(load_article("Head line here\n\n" + text))}
    assert got[quote] == speaker


@pytest.mark.parametrize(
    "name,quote,label,speaker",
    [
        # quotes of engineer src2's hand-check articles: a continued quote, a partial quote, a scare quote
        # that is really the company's word (a known gap: "It called" has no source)
        ("src2_mining_water", '"It never did."', "direct", "Jorge Pizarro"),
        ("src2_rail_fares", '"delighted"', "partial", "Kenji Watanabe"),
        pytest.param(
            "src2_rail_fares",
            '"regrettable"',
            "partial",
            "Kansai Urban Rail",
            marks=pytest.mark.xfail(reason='"It called the decision ..." gets no source from the attribution lens'),
        ),
    ],
)
def test_src2_hand_check_quotes(name, quote, label, speaker):
    """Are the hand-checked quotes of the unseen articles labelled and given to the right speaker?"""
    got = {
        q.text: (q.label, q.get("speaker"))
        for q in quotes_of(load_article(Path(__file__).parent / "articles" / f"{name}.txt"))
    }
    assert got[quote] == (label, speaker)
