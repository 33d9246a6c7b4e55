"""Tests of the loaded-language lens: categories, voice, inflection, neutrality, word lists.

Most tests hand the lens a ``found`` dict built by hand (the quote and attribution
spans the team's contract promises), so the lens is tested on its own rules;
``test_pipeline_*`` run the real lenses end to end.
"""

from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path

import pytest

import mediakit
from mediakit.errors import LexiconError
from mediakit.lenses import loaded
from mediakit.spans import make_span

ARTICLES = Path(__file__).parent / "articles"


# -- helpers ---------------------------------------------------------------------


def _at(text, needle, nth=0):
    i = -1
    for _ in range(nth + 1):
        i = text.index(needle, i + 1)
    return i, i + len(needle)


def mark(article, layer, label, needle, nth=0, **ranges):
    """A span on the ``nth`` occurrence of ``needle``; keyword values are needles for [start, end] ranges."""
    t = article.text
    a, b = _at(t, needle, nth)
    meta = {k: (list(_at(t, v)) if isinstance(v, str) and k != "lemma" else v) for k, v in ranges.items()}
    return make_span(t, layer, label, a, b, **meta)


def quote(article, needle, label="direct", nth=0):
    """A quote span on ``needle`` (marks included) with ``content`` = the text inside the marks."""
    t = article.text
    a, b = _at(t, needle, nth)
    return make_span(t, "quote", label, a, b, content=[a + 1, b - 1])


def found_of(*spans):
    out: dict = {}
    for s in spans:
        out.setdefault(s.layer, []).append(s)
    return {k: tuple(sorted(v, key=lambda s: s.start)) for k, v in out.items()}


def seed_found(a):
    """The quote and attribution spans SEED-FINDINGS lists for the seed (the contract)."""
    t = a.text
    zel = '"Russia brought war to others, and now it is returning home,"'
    bel = '"Uncertainty is the best way to avoid being cornered if things don\'t go as planned,"'
    return found_of(
        quote(a, "\u201cbargaining\u201d", "scare"),
        quote(a, '"bargain"', "scare"),
        quote(a, zel),
        quote(a, bel),
        quote(a, '"bargaining chip"', "scare"),
        quote(a, "\u201cTrump peace\u201d", "scare"),
        mark(
            a,
            "attribution_cue",
            "neutral",
            "reports",
            source="the Financial Times",
            content='Ukraine is preparing to "bargain" with potential US President Donald Trump by seizing Russian lands',
            quoted=False,
        ),
        mark(
            a,
            "attribution_cue",
            "loaded",
            "broke the silence",
            source="President Volodymyr Zelensky",
            content=[_at(t, zel)[0] + 1, _at(t, zel)[1] - 1],
            quoted=True,
        ),
        mark(
            a,
            "attribution_cue",
            "loaded",
            "indirectly confirmed",
            source="President Volodymyr Zelensky",
            content="the invasion of the Ukrainian Armed Forces into the Russian Kursk region",
            quoted=False,
            lemma="confirm",
        ),
        mark(
            a,
            "attribution_cue",
            "neutral",
            "named",
            source="The Ukrainian president",
            content="to create a buffer zone in the border region, which the Russians used to strike at the Sumy region",
            quoted=False,
        ),
        mark(
            a,
            "attribution_cue",
            "neutral",
            "says",
            source="Nikolai Beleskov",
            content=[_at(t, bel)[0] + 1, _at(t, bel)[1] - 1],
            quoted=True,
        ),
        mark(
            a,
            "attribution_cue",
            "neutral",
            "have offered their own explanations",
            source="Defense analysts, Ukrainian soldiers and even dictator Vladimir Putin",
            content="withdraw Russian troops from the front",
            quoted=False,
        ),
        mark(
            a,
            "attribution_cue",
            "neutral",
            "has voiced",
            source="Putin",
            content=[_at(t, "Putin has voiced it")[1] - 2, _at(t, "Putin has voiced it")[1]],
            quoted=False,
        ),
        mark(
            a,
            "attribution_cue",
            "loaded",
            "has boasted",
            source="Trump",
            content="he will bring peace to Ukraine overnight",
            quoted=False,
        ),
        mark(
            a,
            "attribution_cue",
            "hedged",
            "have suggested",
            source="several of his former officials and advisers",
            content="a \u201cTrump peace\u201d could include territorial concessions in exchange for significant Western security guarantees",
            quoted=False,
        ),
        mark(
            a,
            "attribution_cue",
            "emotion",
            "are concerned",
            source="Kyiv and many of its European allies",
            content="the Trump administration is forcing Ukraine into an unfair and unstable peace under the threat of cutting off U.S. arms supplies",
            quoted=False,
        ),
        mark(
            a,
            "attribution_cue",
            "neutral",
            "say",
            source="Most Western capitals",
            content="they want Kyiv to have the strongest bargaining position",
            quoted=False,
        ),
        mark(
            a,
            "attribution_cue",
            "emotion",
            "worry",
            source="Ukrainian military officials and Western analysts",
            content="moving limited resources to Kursk will make it harder for Ukraine to hold its strategically important positions in Donetsk",
            quoted=False,
        ),
    )


def lens(text_or_article, found=None):
    a = mediakit.load_article(text_or_article) if isinstance(text_or_article, str) else text_or_article
    return loaded.find(a, found or {})


def hits(text, found=None):
    return [(s.text, s.label) for s in lens(text, found)]


@pytest.fixture(scope="module")
def seed():
    return mediakit.load_article()


# -- the seed --------------------------------------------------------------------

SEED_EXPECTED = [
    # (text, label, voice) in document order
    # "seizing" / "seized" (the wire services' verb for taking territory) and "Kiev" (a provenance
    # clue, read by the provenance lens) are not loaded; the Kursk operation's "invasion" /
    # "Invading" are a contested naming: a choice, no verdict. '"bargain"' (in what the FT reports) and
    # '“Trump peace”' (in what former officials suggested) are partial quotes of a named source, not scare quotes.
    ("\u201cbargaining\u201d", "scare_quote", "writer"),
    ("broke the silence", "dramatic_framing", "writer"),
    ("invasion", "contested_naming", "writer"),
    ("daring", "loaded_adjective", "writer"),
    ("invasion", "contested_naming", "writer"),
    ("the enemy", "label", "writer"),
    ("best", "superlative", "quoted"),
    ("even", "loaded_adverb", "writer"),
    ("dictator", "label", "writer"),
    ("Invading", "contested_naming", "writer"),
    ('"bargaining chip"', "scare_quote", "writer"),
    ("most compelling", "superlative", "writer"),
    ("most dangerous", "superlative", "writer"),
    ("boasted", "loaded_verb", "writer"),
    ("overnight", "hyperbole", "quoted"),
    ("forcing", "loaded_verb", "quoted"),
    ("unfair", "loaded_adjective", "quoted"),
    ("unstable", "loaded_adjective", "quoted"),
    ("invasion", "contested_naming", "writer"),
]


def test_seed_exact_findings(seed):
    """Does the lens find exactly what a careful reader finds in the seed, with the right voice, given the contract's quotes and cues?"""
    spans = sorted(lens(seed, seed_found(seed)), key=lambda s: s.start)
    assert [(s.text, s.label, s.get("voice")) for s in spans] == SEED_EXPECTED


def test_seed_spans_index_the_text(seed):
    """Does every span's text equal the article text at its offsets, with an explanation and a category?"""
    for s in lens(seed, seed_found(seed)):
        assert seed.text[s.start : s.end] == s.text
        assert s.explanation and s.get("category")
        assert s.label in loaded.CATEGORIES


@pytest.mark.parametrize(
    "needle, nth, alternative",
    [
        ("Invading", 0, "Making an incursion into / launching an offensive into (each is a choice too)"),
        ("boasted", 0, "said"),
        ("broke the silence", 0, "spoke publicly"),
        ("invasion", 0, "incursion / offensive / operation (each is a choice too)"),
    ],
)
def test_seed_alternatives_are_inflected(seed, needle, nth, alternative):
    """Is the neutral alternative given in the same form as the word it replaces?"""
    a, _ = _at(seed.text, needle, nth)
    span = next(s for s in lens(seed, seed_found(seed)) if s.start == a)
    assert span.alternative == alternative


def test_seed_without_quote_lens_has_no_scare_quotes(seed):
    """Without the quote layer, does the lens report no scare quotes and call every word the writer's?"""
    spans = lens(seed, {})
    assert not [s for s in spans if s.label == "scare_quote"]
    assert {s.get("voice") for s in spans} == {"writer"}


@pytest.mark.parametrize(
    "text",
    [
        "Financial Times",
        "reports",
        "Kursk region",
        "President Volodymyr Zelensky",
        "Kyiv",
        "Most Western capitals",
        "peace formula",
    ],
)
def test_seed_neutral_words_not_flagged(seed, text):
    """Do neutral names and words of the seed ("Financial Times", "Kyiv", "Most Western capitals") stay unflagged?"""
    spans = lens(seed, seed_found(seed))
    places = [m for m in range(len(seed.text)) if seed.text.startswith(text, m)]
    assert places
    assert not [s for s in spans for m in places if s.overlaps(m, m + len(text))]


# -- matching rules --------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Dictator Smith left.", [("Dictator", "label")]),
        ("The dictators met.", [("dictators", "label")]),
        (
            "They grab it. He grabs it. They grabbed it. Grabbing it was easy.",
            [
                ("grab", "loaded_verb"),
                ("grabs", "loaded_verb"),
                ("grabbed", "loaded_verb"),
                ("Grabbing", "loaded_verb"),
            ],
        ),
        ("They seize it. He seizes it. They seized it. Seizing it was easy.", []),
        (
            "He will boast. He boasts. He boasted.",
            [("boast", "loaded_verb"), ("boasts", "loaded_verb"), ("boasted", "loaded_verb")],
        ),
        ("The senator slammed the plan.", [("slammed", "loaded_verb")]),
        ("A bomb blast hit the road.", []),
        ("The minister blasted the plan.", [("blasted", "loaded_verb")]),
        ("The Financial Times reported it.", []),
        ("The talks in Kyiv ended.", []),
        ("The talks in Kiev ended.", []),
        ("He ordered chicken Kiev.", []),
        ("The sanctions regime was tightened.", []),
        ("The regime arrested him.", [("regime", "label")]),
        ("The regime's army moved.", [("regime", "label")]),
        ("Even if it rains, we go.", []),
        (
            "Even Smith agreed. Even dictator Smith agreed.",
            [("Even", "loaded_adverb"), ("Even", "loaded_adverb"), ("dictator", "label")],
        ),
        ("Even the mayor agreed. It is even larger.", []),
        ("Most Western capitals say so.", []),
        ("Most of the town voted.", []),
        ("It is the most dangerous road.", [("most dangerous", "superlative")]),
        ("The town's most famous son returned.", [("most famous", "superlative")]),
        ("He voted the most of all.", []),
        ("It was the best result.", [("best", "superlative")]),
        ("Best wishes to all.", []),
        ("It happened overnight.", [("overnight", "hyperbole")]),
        ("An overnight stay costs 20 pounds.", []),
        ("He broke the silence on Monday.", [("broke the silence", "dramatic_framing")]),
        ("The so-called reform passed.", [("so-called reform", "label")]),
        ("It keeps the enemy guessing.", [("the enemy", "label")]),
        (
            "A daring plan, a heroic act, a shameful vote.",
            [("daring", "loaded_adjective"), ("heroic", "loaded_adjective"), ("shameful", "loaded_adjective")],
        ),
        ("It was utterly wrong.", [("utterly", "loaded_adverb")]),
        ("The dam burst at night.", []),
        ("Nothing in this sentence carries judgement.", []),
    ],
)
def test_matching_rules(text, expected):
    """Are terms matched case-insensitively, whole-word, in their inflected forms, and not in the listed neutral contexts?"""
    assert hits(text) == expected


def test_whole_words_only():
    """Does a term inside a longer word ("regimented" is not "regime"; "Kievan" is not "Kiev") stay unflagged?"""
    assert hits("Kievan Rus was a state. Regimented? Seizeable.") == []


def test_curly_apostrophe_possessive():
    """Does a term followed by a curly possessive ("regime’s") still match, with the span on the word alone?"""
    assert hits("The regime\u2019s police left.") == [("regime", "label")]


def test_longest_phrase_wins():
    """When a phrase and a word overlap ("enemy of the people" / "the enemy"), is the longer term reported once?"""
    assert hits("He called them an enemy of the people.") == [("enemy of the people", "label")]


# -- invasion: the standard word, and the one contested naming ---------------------


@pytest.mark.parametrize(
    "text",
    [
        "Russia's 2022 invasion of Ukraine began in February.",
        "The invasion of Normandy began in June 1944.",
        "The US-led invasion of Iraq began in 2003.",
        "Iraq's invasion of Kuwait began in 1990.",
    ],
)
def test_invasion_is_the_standard_word(text):
    """Is "invasion" of an event the wire services call an invasion left unflagged, whichever side invaded?"""
    assert [s for s in lens(text) if "invasion" in s.text.lower()] == []


@pytest.mark.parametrize(
    "text, word",
    [
        ("Ukraine's invasion of the Kursk region began in August.", "invasion"),
        ("Ukraine's incursion into the Kursk region began in August.", "incursion"),
        ("Invading Kursk was a gamble.", "Invading"),
        ("It was the first invasion of Russian territory since 1945.", "invasion"),
    ],
)
def test_kursk_operation_is_a_contested_naming(text, word):
    """Is each name of Ukraine's 2024 Kursk operation explained as a choice, with no verdict?"""
    spans = [s for s in lens(text) if s.text == word]
    assert len(spans) == 1
    s = spans[0]
    assert s.label == "contested_naming" and s.get("verdict") == "choice"
    for name in ("incursion", "offensive", "invasion"):
        assert name in s.explanation
    assert "no verdict" in s.explanation


def test_explanations_never_name_the_seed_people():
    """Does no explanation in the word lists name a person of the seed (it explains the device, not the person)?"""
    for t in loaded.matcher().terms:
        for name in ("Putin", "Zelensky", "Trump", "Beleskov"):
            assert name not in t.explanation, (t.term, name)


def test_kiev_is_not_loaded_language():
    """Is "Kiev" left to the provenance lens (one word, one verdict), not counted as loaded language?"""
    assert lens("Talks in Kiev resumed. KIEV, Ukraine - Kiev said so.") == []


# -- voice -------------------------------------------------------------------------

VOICE_TEXT = (
    '"He is a dictator," said Ana Ruiz. Officials said the regime would fall. '
    'The dictator left. A so-called "reform" passed.'
)


@pytest.mark.parametrize(
    "needle, nth, voice",
    [
        ("dictator", 0, "quoted"),
        ("regime", 0, "quoted"),
        ("dictator", 1, "writer"),
        ("so-called", 0, "writer"),
    ],
)
def test_voice_from_quote_and_attribution(needle, nth, voice):
    """Is a label inside a direct quote the speaker's, inside reported speech a paraphrase, and elsewhere the writer's?"""
    a = mediakit.load_article(VOICE_TEXT)
    found = found_of(
        quote(a, '"He is a dictator,"'),
        quote(a, '"reform"', "scare"),
        mark(a, "attribution_cue", "neutral", "said", 0, source="Ana Ruiz", content="He is a dictator,", quoted=True),
        mark(
            a,
            "attribution_cue",
            "neutral",
            "said",
            1,
            source="Officials",
            content="the regime would fall",
            quoted=False,
        ),
    )
    start, _ = _at(a.text, needle, nth)
    span = next(s for s in loaded.find(a, found) if s.start == start)
    assert span.get("voice") == voice


def test_scare_quote_span_covers_marks_and_hides_inner_word():
    """Does a scare-quoted loaded word give one scare_quote span with its marks, not a second span for the word?"""
    a = mediakit.load_article('The council has a "daring" plan.')
    found = found_of(quote(a, '"daring"', "scare"))
    spans = loaded.find(a, found)
    assert [(s.text, s.label) for s in spans] == [('"daring"', "scare_quote")]


@pytest.mark.parametrize(
    "text, quoted, expected",
    [
        # a subject names something by the quoted words: their words (a partial or term quote)
        ('The council called it a "daring" plan.', '"daring"', [("daring", "loaded_adjective", "quoted")]),
        ('Moscow described the strike as "heroic".', '"heroic"', [("heroic", "loaded_adjective", "quoted")]),
        ('Kyiv described the strike as "heroic".', '"heroic"', [("heroic", "loaded_adjective", "quoted")]),
        ('Critics dismissed the report as "lies".', '"lies"', [("lies", "loaded_noun", "quoted")]),
        ('The minister branded the plan a "reform".', '"reform"', []),  # not a listed word: nothing to flag
        # no naming verb, the writer's own naming, or "so-called": the writer's scare quote
        ('The council has a "daring" plan.', '"daring"', [('"daring"', "scare_quote", "writer")]),
        ('I would call it a "daring" plan.', '"daring"', [('"daring"', "scare_quote", "writer")]),
        ('We call this "reform".', '"reform"', [('"reform"', "scare_quote", "writer")]),
        ('The so-called "reform" passed.', '"reform"', [('so-called "reform"', "label", "writer")]),
    ],
)
def test_quoted_words_a_subject_names_by_are_theirs(text, quoted, expected):
    """Are quoted words after a verb of naming with a subject ("X called it a ...") the subject's words, not a scare quote?"""
    a = mediakit.load_article(text)
    found = found_of(quote(a, quoted, "scare"))
    assert [(s.text, s.label, s.get("voice")) for s in loaded.find(a, found)] == expected


def test_term_and_direct_quotes_are_not_scare_quotes():
    """Are quotes labelled direct or term left out of the scare_quote category?"""
    a = mediakit.load_article('The word "bridge" has six letters. "We will build it," said Ana.')
    found = found_of(quote(a, '"bridge"', "term"), quote(a, '"We will build it,"'))
    assert [s for s in loaded.find(a, found) if s.label == "scare_quote"] == []


def test_most_inside_quote_is_speakers():
    """Is "the most" inside a direct quote the speaker's superlative, not the writer's?"""
    a = mediakit.load_article('"It is the most beautiful bridge," said Ana Ruiz.')
    found = found_of(quote(a, '"It is the most beautiful bridge,"'))
    assert [(s.text, s.get("voice")) for s in loaded.find(a, found)] == [("most beautiful", "quoted")]


# -- word lists ----------------------------------------------------------------------


def _rows(path):
    with open(path, encoding="utf-8") as f:
        return [r for r in csv.DictReader(f) if not r["term"].startswith("#")]


def test_every_row_is_valid():
    """Does every row of loaded.csv have a known category, a known match kind and an explanation?"""
    rows = _rows(mediakit.lexicon.lexicon_dir() / "loaded.csv")
    assert len(rows) >= 300
    for r in rows:
        assert r["category"] in loaded.CATEGORIES, r
        assert (r.get("match") or "word") in loaded.MATCH_KINDS, r
        assert r["explanation"].strip(), r


def test_every_term_matches_itself():
    """Is every listed term (its first variant) found when it stands in a plain sentence, so no row is dead?"""
    m = loaded.matcher()
    dead = []
    for t in m.terms:
        if t.match == "quote":
            continue
        v = t.term.split("|")[0].strip()
        nxt = (
            "Smith" if "@name" in t.only_next else "evil" if "@loaded" in t.only_next else min(t.only_next, default="")
        )
        sentence = (
            f"It was the {v.replace('*', 'plain')} case."
            if t.match == "superlative"
            else f"They saw freedom{v} people here."
            if t.match == "suffix"
            else f"They saw {v} {nxt} here."
            if t.only_next
            else f"They saw {v} here."
        )
        found = m.scan(sentence) + m.scan_suffixes(sentence, sentence.lower())
        if not any(h.term is t for h in found):
            dead.append(t.term)
    assert dead == []


@pytest.fixture()
def lexicon_copy(tmp_path, monkeypatch):
    folder = tmp_path / "lexicons"
    shutil.copytree(mediakit.lexicon.lexicon_dir(), folder)
    monkeypatch.setenv(loaded.ENV, str(folder))
    loaded.reload()
    yield folder
    monkeypatch.delenv(loaded.ENV)
    loaded.reload()


def test_instructor_can_add_a_row(lexicon_copy):
    """Does a row an instructor adds to loaded.csv (in a MEDIAKIT_LEXICONS folder) get flagged, with its explanation?"""
    text = "The committee's blustery chair spoke."
    assert hits(text) == []
    with open(lexicon_copy / "loaded.csv", "a", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerow(
            ["blustery", "loaded_adjective", "Judges the manner of speaking.", "outspoken"]
        )
    loaded.reload()
    spans = lens(text)
    assert [(s.text, s.label, s.explanation, s.alternative) for s in spans] == [
        ("blustery", "loaded_adjective", "Judges the manner of speaking.", "outspoken")
    ]


def test_instructor_can_add_a_list(lexicon_copy):
    """Is a new loaded_*.csv file in the instructor's folder read too?"""
    (lexicon_copy / "loaded_class.csv").write_text(
        "term,category,explanation,alternative,match\nzap,loaded_verb,A comic-book verb.,hit,verb\n", encoding="utf-8"
    )
    loaded.reload()
    assert hits("The team zapped the idea.") == [("zapped", "loaded_verb")]


@pytest.mark.parametrize(
    "row, message",
    [
        ("blorp,loaded_thing,Explains.,x,word", "category 'loaded_thing'"),
        ("blorp,label,Explains.,x,sometimes", "match 'sometimes'"),
    ],
)
def test_bad_row_gets_clear_error(lexicon_copy, row, message):
    """Does a row with an unknown category or match kind raise a LexiconError naming the file and the problem?"""
    with open(lexicon_copy / "loaded.csv", "a", encoding="utf-8") as f:
        f.write(row + ",,,,,\n")
    loaded.reload()
    with pytest.raises(LexiconError, match=message) as info:
        lens("Some text here.")
    assert "loaded.csv" in str(info.value)


# -- hand-written articles -------------------------------------------------------------


def test_article_neutral_control_has_no_loaded_words():
    """Does a plain, neutral article (a new cycle path) yield no loaded spans at all?"""
    assert lens(mediakit.load_article(ARTICLES / "lang_neutral.txt")) == []


def test_article_label_in_quote_and_in_writers_voice():
    """Is "dictator" the speaker's inside the quote and the writer's in the last paragraph?"""
    a = mediakit.load_article(ARTICLES / "lang_quote_label.txt")
    q = '"The chairman runs this committee like a dictator,"'
    found = found_of(
        quote(a, q),
        mark(
            a,
            "attribution_cue",
            "neutral",
            "said",
            0,
            source="Lena Varga",
            content=[_at(a.text, q)[0] + 1, _at(a.text, q)[1] - 1],
            quoted=True,
        ),
    )
    assert [(s.text, s.label, s.get("voice")) for s in loaded.find(a, found)] == [
        ("dictator", "label", "quoted"),
        ("dictator", "label", "writer"),
    ]


def test_article_scare_quotes():
    """Are the two unattributed scare quotes of the library article flagged with their marks, and nothing else?"""
    a = mediakit.load_article(ARTICLES / "lang_scare_quotes.txt")
    found = found_of(
        quote(a, '"modernise"', "scare"),
        quote(a, '"modernisation"', "scare"),
        quote(a, '"annex"', "scare"),
        quote(a, '"We expect the work to take six weeks,"'),
    )
    assert [(s.text, s.label) for s in loaded.find(a, found)] == [
        ('"modernise"', "scare_quote"),
        ('"modernisation"', "scare_quote"),
        ('"annex"', "scare_quote"),
    ]


def test_article_superlatives():
    """Are the writer's superlatives flagged, "Most members" not, and the quoted one the speaker's?"""
    a = mediakit.load_article(ARTICLES / "lang_superlatives.txt")
    found = found_of(quote(a, '"She is the most gifted conductor I have worked with,"'))
    assert [(s.text, s.get("voice")) for s in loaded.find(a, found)] == [
        ("most gifted", "quoted"),
        ("most important", "writer"),
        ("best", "writer"),
    ]


# -- the real pipeline -----------------------------------------------------------------


def test_pipeline_seed_loaded_layer():
    """Through the real lenses, does the seed's loaded layer hold the contract's findings (words, labels, voices)?"""
    spans = mediakit.load_article().markup().layer("loaded")
    got = [(s.text, s.label, s.get("voice")) for s in spans]
    assert got == SEED_EXPECTED


def test_pipeline_neutral_control():
    """Through the real lenses, does the neutral control article get no loaded span?"""
    assert mediakit.load_article(ARTICLES / "lang_neutral.txt").markup().layer("loaded") == ()


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Protesters stormed the building.", []),  # forced entry: the wire services' plain verb
        ("Police stormed the hideout.", []),
        ("The minister stormed out of the meeting.", [("stormed out", "dramatic_framing")]),
        ("Senator slams bill", [("slams", "loaded_verb")]),  # the headline's present tense
        ("Minister Blasts Critics", [("Blasts", "loaded_verb")]),
        ("Two blasts hit the city.", []),  # explosions
        ("Blasts rocked the capital.", []),
        ("She has won three grand slams.", []),
        ("A storm hit the coast.", []),
        ("The critics are scheming.", [("scheming", "loaded_verb")]),
        ("The pension scheme changed.", []),
        ("The most recent figures are out.", []),
        ("It was the most widely read paper.", []),
        ("Even Smith agreed.", [("Even", "loaded_adverb")]),
        ("Even so, the vote passed.", []),
    ],
)
def test_noun_like_verbs_and_context_rules(text, expected):
    """Are verbs whose bare form is mostly a noun ("storm", "scheme") flagged only as -ed/-ing, and "even"/"most" only where they judge?"""
    assert hits(text) == expected


@pytest.mark.parametrize(
    "name, expected",
    [
        ("lang_quote_label.txt", [("dictator", "label", "quoted"), ("dictator", "label", "writer")]),
        # "modernisation" sits in what "according to a notice" reports: a partial quote of the notice, not a scare quote.
        ("lang_scare_quotes.txt", [('"modernise"', "scare_quote", "writer"), ('"annex"', "scare_quote", "writer")]),
        (
            "lang_superlatives.txt",
            [
                ("most gifted", "superlative", "quoted"),
                ("most important", "superlative", "writer"),
                ("best", "superlative", "writer"),
            ],
        ),
        ("lang_neutral.txt", []),
    ],
)
def test_pipeline_articles(name, expected):
    """Through the real lenses, does each hand-written article get exactly its loaded spans, with the right voice?"""
    spans = mediakit.load_article(ARTICLES / name).markup().layer("loaded")
    assert [(s.text, s.label, s.get("voice")) for s in spans] == expected


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st

_WORDS = st.sampled_from(
    [
        "the",
        "most",
        "dangerous",
        "Kiev",
        "Kyiv",
        "even",
        "dictator",
        "seized",
        "regime",
        "\u201c",
        "\u201d",
        '"',
        "'",
        "\u2019s",
        ".",
        ",",
        "\n",
        "\n\n",
        " ",
        "May",
        "could",
        "No one knows",
        "makes sense",
        "overnight",
        "broke the silence",
        "\u0130",
        "\u00df",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(_WORDS, st.text(max_size=6)), min_size=1, max_size=40))
def test_any_text_gives_spans_that_index_it(parts):
    """For any text, does every loaded, hedge and claim span index the text exactly, without overlaps inside the loaded layer?"""
    from mediakit.errors import ArticleError
    from mediakit.lenses import claims, hedges

    text = " ".join(parts)
    try:
        a = mediakit.load_article(text)
    except ArticleError:
        return
    found = {"loaded": tuple(loaded.find(a, {}))}
    found["hedge"] = tuple(hedges.find(a, found))
    found["claim"] = tuple(claims.find(a, found))
    for layer, spans in found.items():
        for s in spans:
            assert a.text[s.start : s.end] == s.text, (layer, s)
    ends = sorted((s.start, s.end) for s in found["loaded"])
    assert all(b <= c for (_, b), (c, _) in zip(ends, ends[1:]))


@pytest.mark.parametrize(
    "text, alternative",
    [
        ("The board slashed the budget.", "cut (give the figure)"),
        ("The army has grabbed the hill.", "taken"),
        ("The army grabbed the hill.", "took"),
        ("She tore into the plan.", "criticised"),
        ("They clung to power.", "remained in power"),
        ("Blasting the plan, he left.", "Criticising"),
        ("The dictators met.", "leaders (or the office the person holds, e.g. President)"),
    ],
)
def test_alternatives_follow_the_form(text, alternative):
    """Is the alternative inflected like the matched word (past, participle after "has", -ing, plural, capital)?"""
    assert [s.alternative for s in lens(text)] == [alternative]


def test_missing_lexicon_folder_gets_clear_error(tmp_path, monkeypatch):
    """Does MEDIAKIT_LEXICONS naming a folder that does not exist raise a LexiconError that says what to fix?"""
    monkeypatch.setenv(loaded.ENV, str(tmp_path / "nowhere"))
    with pytest.raises(LexiconError, match="not a folder"):
        lens("The regime fell.")


# -- general classes of devices (loaded_news.csv) ------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        # label modifiers: the highlight covers the labelled phrase, not the modifier alone
        ("The far-left activists marched.", [("far-left activists", "label")]),
        ("A so-called expert spoke.", [("so-called expert", "label")]),
        ("They fear radical Islamic terrorism here.", [("radical Islamic terrorism", "label")]),
        ("The self-proclaimed socialist Bernie Smith spoke.", [("self-proclaimed socialist", "label")]),
        ("Far-right thugs marched.", [("Far-right thugs", "label")]),
        ("The far-right said no.", [("far-right", "label")]),
        ("The self-styled, loud group left.", [("self-styled", "label")]),
        # hyphenated labels: any word + a listed suffix
        ("Gun-toting protesters came.", [("Gun-toting protesters", "label")]),
        ("A freedom-loving people voted.", [("freedom-loving people", "label")]),
        ("The power-obsessed leader spoke.", [("power-obsessed leader", "label")]),
        ("Loving parents came. A well-known author spoke.", []),
        # name-calling nouns
        ("The grifters and charlatans met.", [("grifters", "label"), ("charlatans", "label")]),
        ("He is a racist, she said.", [("racist", "label")]),
        ("Party hacks cheered.", [("Party hacks", "label")]),
    ],
)
def test_labels_and_labelled_phrases(text, expected):
    """Is a label modifier ("far-left", "so-called") highlighted with the phrase it labels, and a hyphenated label found whatever its first word?"""
    assert hits(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # emotive and evaluative adjectives, both directions
        ("It was a sordid, shoddy deal.", [("sordid", "loaded_adjective"), ("shoddy", "loaded_adjective")]),
        ("A brilliant, masterful speech.", [("brilliant", "loaded_adjective"), ("masterful", "loaded_adjective")]),
        ("A noble cause.", [("noble", "loaded_adjective")]),
        ("Argon is a noble gas.", []),
        # hyperbole: "massive" judges, except as a size in science or a quantity
        ("It was a massive failure.", [("massive", "hyperbole")]),
        ("Astronomers found a massive star.", []),
        ("A massive black hole sits there.", []),
        ("They collected massive amounts of data.", []),
        ("Costs went through the roof.", [("through the roof", "hyperbole")]),
        # verbs of attack and of speech
        ("The senator excoriated the plan.", [("excoriated", "loaded_verb")]),
        ("The critics lashed out at the board.", [("lashed out at", "loaded_verb")]),
        ("He keeps whining and bleating.", [("whining", "loaded_verb"), ("bleating", "loaded_verb")]),
        ("The ads stoked fears of crime.", [("stoked", "loaded_verb")]),
        ("The fire was stoked at dawn.", []),
        # dismissive and emotive nouns
        ("The report is nonsense.", [("nonsense", "loaded_noun")]),
        ("The rubbish bins are full.", []),
        ("It was an act of betrayal.", [("betrayal", "loaded_noun")]),
        ("That is the smoking gun.", [("smoking gun", "dramatic_framing")]),
        # intensifiers count only before another loaded word
        ("It was extremely close to the venue.", []),
        ("It was absolutely clear.", []),
        ("It was extremely disgraceful.", [("extremely", "loaded_adverb"), ("disgraceful", "loaded_adjective")]),
        ("It was utterly wrong.", [("utterly", "loaded_adverb")]),
    ],
)
def test_general_classes_and_their_neutral_uses(text, expected):
    """Are emotive adjectives, hyperbole, verbs of attack, dismissive nouns and intensifiers found, and their neutral uses ("a massive star", "a noble gas", "rubbish bins") left alone?"""
    assert hits(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The army seized the port.", []),
        ("The army grabbed the port.", [("grabbed", "loaded_verb")]),
        ("Police seized the drugs.", []),
        ("Officers seized a handgun.", []),
        ("The campaign seized on the emails.", []),
        ("The radical reform passed.", []),
        ("Free radicals damage cells.", []),
        ("He called for regime change.", []),
        ("The regime arrested him.", [("regime", "label")]),
        ("It was an April fool prank.", []),
        ("He played the fool.", []),  # a set phrase: the exception reads two words back (play_the)
        ("They are playing the fool again.", []),
        ("He called the minister a fool.", [("fool", "label")]),
        ("The fool played the piano.", [("fool", "label")]),
        ("They cracked it by brute force.", []),
        ("He used the bully pulpit.", []),
        ("He was charged with assault on a police officer.", []),
        ("It is an assault on democracy.", [("assault on", "dramatic_framing")]),
        ("She will whip up a cake.", []),
        ("The cheerleading squad won.", []),
        ("Pi is an irrational number.", []),
        ("The sky was a brilliant blue.", []),
        ("The Climate-gate emails leaked. A toll-gate stood there.", [("Climate-gate", "loaded_noun")]),
    ],
)
def test_neutral_senses_of_listed_words(text, expected):
    """Do neutral senses of listed words stay unflagged (police seizing goods, "seized on", "radical reform", "free radicals", "regime change", "brute force", "a toll-gate")?"""
    assert hits(text) == expected


@pytest.mark.parametrize(
    "text, quoted, expected",
    [
        # the label right before the marks and the marks are one device: one span, one verdict
        ('The so-called "reform" passed.', '"reform"', [('so-called "reform"', "label")]),
        (
            "The so-called \u201cpeace plan\u201d failed.",
            "\u201cpeace plan\u201d",
            [("so-called \u201cpeace plan\u201d", "label")],
        ),
        ('SO-CALLED "REFORM" PASSED', '"REFORM"', [('SO-CALLED "REFORM"', "label")]),
        ('The self-styled "general" spoke.', '"general"', [('self-styled "general"', "label")]),
        # a label of a side before a scare-quoted noun: two devices, two spans
        (
            'Far-left "activists" blocked the road.',
            '"activists"',
            [("Far-left", "label"), ('"activists"', "scare_quote")],
        ),
        (
            'Far-right "activists" blocked the road.',
            '"activists"',
            [("Far-right", "label"), ('"activists"', "scare_quote")],
        ),
        # words between the label and the marks: two devices, two spans (the phrase stops at the marks)
        (
            'The so-called expert "reform" passed.',
            '"reform"',
            [("so-called expert", "label"), ('"reform"', "scare_quote")],
        ),
        # no label before the marks: a scare quote alone
        ('The "reform" passed.', '"reform"', [('"reform"', "scare_quote")]),
    ],
)
def test_label_and_scare_quote_right_after_it_are_one_span(text, quoted, expected):
    """Is "so-called" with the scare quote right after it one span (one device), and a phrase cut where the marks begin otherwise?"""
    a = mediakit.load_article(text)
    found = found_of(quote(a, quoted, "scare"))
    assert [(s.text, s.label) for s in loaded.find(a, found)] == expected


def test_labelled_phrase_is_the_speakers_inside_a_quote():
    """Is a labelled phrase inside a direct quote the speaker's, like a single word?"""
    a = mediakit.load_article('"They are far-left activists," said Ana Ruiz.')
    found = found_of(quote(a, '"They are far-left activists,"'))
    assert [(s.text, s.get("voice")) for s in loaded.find(a, found)] == [("far-left activists", "quoted")]


def test_every_new_explanation_offers_a_way_out():
    """Does every row of the general list say what the device does and offer a neutral alternative (never a verdict on people)?"""
    rows = _rows(mediakit.lexicon.lexicon_dir() / "loaded_news.csv")
    assert len(rows) >= 300
    for r in rows:
        assert r["category"] in loaded.CATEGORIES, r
        assert r["explanation"].strip() and r["alternative"].strip(), r
        assert (r.get("span") or "") in loaded.SPAN_KINDS, r
        for name in ("Putin", "Zelensky", "Trump", "Obama", "Clinton"):
            assert name not in r["explanation"], r


def test_bad_span_value_gets_clear_error(lexicon_copy):
    """Does a row whose span column is neither word nor phrase raise a LexiconError naming the file?"""
    with open(lexicon_copy / "loaded_news.csv", "a", encoding="utf-8") as f:
        f.write("blorp,label,Explains.,x,word,,,,,,sentence,\n")
    loaded.reload()
    with pytest.raises(LexiconError, match="span 'sentence'") as info:
        lens("Some text here.")
    assert "loaded_news.csv" in str(info.value)


def test_article_opinion_devices_and_neutral_controls():
    """In the harbour opinion piece, are the labels, emotive words and dismissive noun found, and the police seizure, "free radicals" and "massive stars" left alone?"""
    spans = mediakit.load_article(ARTICLES / "lang_opinion.txt").markup().layer("loaded")
    assert [(s.text, s.label) for s in spans] == [
        ("so-called experts", "label"),
        ("shoddy", "loaded_adjective"),
        ("betrayal", "loaded_noun"),
        ("far-left activists", "label"),
        ("brilliant", "loaded_adjective"),
        ("noble", "loaded_adjective"),
        ("excoriated", "loaded_verb"),
        ("nonsense", "loaded_noun"),
    ]


# -- whose word: the speaker of a quoted judgement (seed audit) ---------------------------


@pytest.mark.parametrize(
    "needle, kind, speaker, opening",
    [
        ("best", "direct", "Nikolai Beleskov", "In Beleskov's words"),
        ("overnight", "reported", "Trump", "In what the text reports of Trump"),
        ("forcing", "reported", "Kyiv and many of its European allies", "In what the text reports of Kyiv"),
        ("unfair", "reported", "Kyiv and many of its European allies", "In what the text reports of Kyiv"),
        ("unstable", "reported", "Kyiv and many of its European allies", "In what the text reports of Kyiv"),
    ],
)
def test_seed_quoted_judgements_say_whose(seed, needle, kind, speaker, opening):
    """Does a judgement inside a quote or inside attributed content carry voice 'quoted', its speaker, and an explanation that says whose it is?"""
    span = next(s for s in lens(seed, seed_found(seed)) if s.text == needle)
    assert (span.get("voice"), span.get("quote_kind"), span.get("speaker")) == ("quoted", kind, speaker)
    assert span.explanation.startswith(opening)
    # a direct quote is the speaker's own word; a paraphrase gives their view in the writer's words
    assert ("not the writer's" in span.explanation) is (kind == "direct")
    assert ("paraphrase" in span.explanation) is (kind == "reported")


@pytest.mark.parametrize("needle", ["dictator", "the enemy", "daring", "boasted"])
def test_seed_writers_own_judgements_stay_the_writers(seed, needle):
    """Do the writer's own judgements ("dictator", "the enemy", "daring") stay flagged in the writer's voice, with no speaker?"""
    span = next(s for s in lens(seed, seed_found(seed)) if s.text == needle)
    assert span.get("voice") == "writer" and span.get("speaker") is None
    assert not span.explanation.startswith("In ")


def test_quoted_word_without_a_named_speaker_still_says_it_is_not_the_writers():
    """With a quote but no speaker found, does the explanation still say the word is the speaker's?"""
    a = mediakit.load_article('"He is a dictator," a man shouted.')
    found = found_of(quote(a, '"He is a dictator,"'))
    span = loaded.find(a, found)[0]
    assert span.get("voice") == "quoted" and span.get("speaker") is None
    assert "the speaker's, not the writer's" in span.explanation


@pytest.mark.parametrize(
    "text, expected",
    [
        # a word's sense follows its topic: sport is not war
        ("The coach praised the squad's aggression after the derby; the striker scored twice.", []),
        ("We played with aggression and the goals came, the manager said after the league match.", []),
        ("The army's aggression against its neighbour continued.", [("aggression", "loaded_noun")]),
        ("The striker scored, but troops showed aggression at the border.", [("aggression", "loaded_noun")]),
        ("The league leaders crushed the visitors 5-0 at the stadium.", []),
        ("The regime crushed the protests.", [("regime", "label"), ("crushed", "loaded_verb")]),
        ("Doctors found an aggressive tumour in the patients' cells.", []),
        ("The senator's aggressive attacks on the press continued.", [("aggressive", "loaded_adjective")]),
    ],
)
def test_sense_follows_topic(text, expected):
    """Is a word with a plain sense in sport, science or business ("aggression" of a team, an "aggressive" tumour) left alone there, and flagged elsewhere?"""
    assert hits(text) == expected


@pytest.mark.parametrize(
    "term, tag, expected",
    [
        ("tyrant", "plural", "name the person or group and say what they did"),
        ("purge", "plural", "dismissals (say how many and who)"),
        ("squander", "ed", "spent"),
    ],
)
def test_alternatives_are_never_misinflected(term, tag, expected):
    """Is an instruction or an already plural alternative left as it is ("what they did", not "what they dids"; "dismissals", not "dismissalses")?"""
    m = loaded.matcher()
    form = next(f for forms in m.table.values() for f in forms if f.term.term == term and f.tag == tag)
    assert loaded._alternative(form.term, form, term, "").startswith(expected)


def test_no_generated_alternative_is_misinflected():
    """Does no inflected alternative of any list end a word in a double inflection ("-ses", "-eds", "dids")?"""
    m = loaded.matcher()
    bad = []
    for key, forms in m.table.items():
        for f in forms:
            if f.tag in ("plural", "s", "ed", "ing"):
                alt = loaded._alternative(f.term, f, key, "")
                if re.search(r"\b\w+(?:[^aeious\W]ses|ieses|dids|eds)\b", alt):
                    bad.append((key, alt))
    assert bad == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The inspections regime was expanded.", []),
        ("The drug regime lasted six weeks.", []),
        ("The immigration regime was tightened.", []),
        ("The Iranian regime denied it.", [("regime", "label")]),
    ],
)
def test_regime_in_its_technical_sense(text, expected):
    """Is "regime" in its technical sense (a set of rules: inspections, drugs, immigration) left alone, and flagged of a government?"""
    assert hits(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a poll widget repeating its question: read once
        (
            "Which is the most corrupt council in the land?\nWhich is the most corrupt council in the land?\n",
            ["most corrupt"],
        ),
        # the same words in two different sentences: both read
        (
            "Which is the most corrupt council in the land?\nIt is the most corrupt council in the land.\n",
            ["most corrupt", "most corrupt"],
        ),
        # a short line repeated ("Shameful!") is not page furniture: each counts
        ("The council met on Monday.\n\nShameful!\nShameful!\n", ["Shameful", "Shameful"]),
        # mirrored: the same widget about the other side
        (
            "Which is the most corrupt party in the land?\nWhich is the most corrupt party in the land?\n",
            ["most corrupt"],
        ),
    ],
)
def test_a_line_the_page_repeats_is_read_once(text, expected):
    """Is a line repeated word for word (a poll widget, a pull quote) read once, and different or short lines each time?"""
    assert [s.text for s in loaded.find(mediakit.load_article(text), {})] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the name of the offence in a charge or verdict: the proceedings, not a verdict of the writer
        ("Mladic was convicted of genocide in 2017.", []),
        ("The colonel was charged with treason.", []),
        ("The senator was charged with treason.", []),
        ("She was acquitted of treason.", []),
        ("He was arrested on suspicion of treason.", []),
        # an accusation: the accuser's word, in the reported voice (mirrored)
        ("South Africa accused Israel of genocide.", [("genocide", "loaded_noun", "quoted")]),
        ("Russia accused Ukraine of genocide.", [("genocide", "loaded_noun", "quoted")]),
        ("Ukraine accuses Russia of genocide.", [("genocide", "loaded_noun", "quoted")]),
        ("Trump accused Biden of treason.", [("treason", "loaded_noun", "quoted")]),
        ("Biden accused Trump of treason.", [("treason", "loaded_noun", "quoted")]),
        # asserted in the writer's own voice: the writer's
        ("Israel is committing genocide.", [("genocide", "loaded_noun", "writer")]),
        ("Hamas is committing genocide.", [("genocide", "loaded_noun", "writer")]),
        ("It was treason, plain and simple.", [("treason", "loaded_noun", "writer")]),
    ],
)
def test_charges_verdicts_and_accusations(text, expected):
    """Is an offence named in a charge or verdict left alone, an accusation's word the accuser's, and an assertion the writer's?"""
    assert [(s.text, s.label, s.get("voice")) for s in loaded.find(mediakit.load_article(text), {})] == expected


@pytest.mark.parametrize(
    "text, speaker",
    [
        # the same attribution before, after and in the middle of the sentence: the source's word each time
        ("Trump said the regime is failing.", "Trump"),
        ("The regime is failing, Trump said.", "Trump"),
        ("The regime, Trump said, is failing.", "Trump"),
        ("The regime, Biden said, is failing.", "Biden"),  # mirrored
        ("Israeli terrorists, Hamas said, fired the shells.", "Hamas"),
        ("Hamas terrorists, Israel said, fired the rockets.", "Israel"),  # mirrored
        # no attribution, or one inside a relative clause: the writer's
        ("The regime is failing.", None),
        ("The regime, which Trump said was weak, fell.", None),
    ],
)
def test_an_attribution_anywhere_in_the_sentence_gives_the_source_voice(text, speaker):
    """Through the real lenses, is a label the source's wherever the attribution stands (before, after, between commas)?"""
    spans = mediakit.load_article(text).markup().layer("loaded")
    assert [(s.get("voice"), s.get("speaker")) for s in spans] == [("quoted" if speaker else "writer", speaker)]


@pytest.mark.parametrize(
    "sentence, lemma, voice",
    [
        # the object of a factive verb: the writer names the fact the source confirmed
        ("Kyiv confirmed the incursion into Kursk.", "confirm", ""),
        ("Moscow confirmed the incursion into Kursk.", "confirm", ""),  # mirrored
        ("Officials admitted the massacre in the village.", "admit", ""),
        # a clause after the factive verb stays the source's, as reported
        ("Kyiv confirmed the incursion was over.", "confirm", "reported"),
        ("Moscow confirmed the incursion was over.", "confirm", "reported"),
        # a non-factive verb with an object: the source's view, as reported
        ("Kyiv denied the incursion into Kursk.", "deny", "reported"),
        ("Moscow denied the incursion into Kursk.", "deny", "reported"),
    ],
)
def test_the_object_of_a_factive_cue_is_the_writers_naming(sentence, lemma, voice):
    """'X confirmed the invasion of ...': the words naming what was confirmed are the writer's, who
    vouches for it; a clause or a non-factive verb leaves them the source's, as reported."""
    from mediakit.lenses.loaded import Speakers

    verb = sentence.split()[1]
    a = sentence.index(verb)
    content = (a + len(verb) + 1, len(sentence) - 1)
    cue = make_span(
        sentence, "attribution_cue", "neutral", a, a + len(verb), content=list(content), lemma=lemma, source=[0, a - 1]
    )
    kind, _ = Speakers(sentence, {"attribution_cue": (cue,)}).at(content[0] + 4, content[0] + 12)
    assert kind == voice


# -- superlatives: a ranking against a stated record, and idioms that rank nothing ----------------


@pytest.mark.parametrize(
    "text, expected",
    [
        # an event's magnitude ranked against a record: a checkable claim, not a judgement
        ("It was the worst mass shooting in American history.", []),
        ("It was the country's worst flood in 50 years.", []),
        ("The region's bloodiest attack since 2008 killed 40.", []),
        ("THE WORST DROUGHT ON RECORD HIT THE SOUTH", []),
        ("Officials called it the deadliest earthquake in more than a century.", []),
        ("The market had its worst fall since records began.", []),
        # the same superlative with no record, or of a thing a record does not measure: a judgement
        ("It was the worst mass shooting anyone could imagine.", [("worst", "superlative")]),
        ("He is the worst president in American history.", [("worst", "superlative")]),
        ("It was the worst crisis in its history.", [("worst", "superlative")]),
        ("It was the orchestra's most important decision in a decade.", [("most important", "superlative")]),
        ("It was the worst papacy of all time.", [("worst", "superlative"), ("of all time", "hyperbole")]),
        ("It was the worst flood. In 50 years nothing changed.", [("worst", "superlative")]),
        # idioms in which "best" or "worst" ranks nothing
        ("The students did their best to finish.", []),
        ("Her best friend denied it.", []),
        ("Their best bet is to wait.", []),
        ("The best way to end the war is talks.", [("best", "superlative")]),
    ],
)
def test_superlative_against_a_record_and_idioms(text, expected):
    """Is a superlative of an event's magnitude ranked against a stated record left alone, and the same word with no record (or a judgement word) flagged?"""
    assert hits(text) == expected


@pytest.mark.parametrize(
    "left, right",
    [
        (
            "Russia's worst attack on Kyiv since 2022 killed 20.",
            "Ukraine's worst attack on Belgorod since 2022 killed 20.",
        ),
        ("Israel's deadliest attack in decades hit Gaza.", "Hamas's deadliest attack in decades hit Israel."),
        ("It was Gaza's bloodiest day of the war.", "It was Israel's bloodiest day of the war."),
        ("It was the worst attack in Israel's history.", "It was the worst attack in Pakistan's history."),
        ("Biden's worst decision in years.", "Trump's worst decision in years."),
    ],
)
def test_superlative_record_rule_is_the_same_for_both_sides(left, right):
    """With the sides swapped, does a superlative get the same verdict (record or not)?"""
    assert [s.label for s in lens(left)] == [s.label for s in lens(right)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a compound or a dash does not hide the word that cancels a match ("regime change" the policy)
        ("Bolton backed a regime-change operation.", []),
        ("Bolton, a backer of regime change\u2014and of war\u2014spoke.", []),
        ("He backed regime change.", []),
        ("The regime-backed militia attacked.", [("regime", "label")]),
        ("The regime changed its tune.", [("regime", "label")]),
        # a compound that names opposition to the thing does not pass its verdict on anyone
        ("The ministry launched a counter-propaganda campaign.", []),
        ("The council passed an anti-bigotry law.", []),
        ("The ministry spread propaganda.", [("propaganda", "loaded_noun")]),
        ("State-propaganda outlets repeated it.", [("propaganda", "loaded_noun")]),
        ("Their bigotry was on show.", [("bigotry", "loaded_noun")]),
    ],
)
def test_compounds_read_as_compounds(text, expected):
    """Are hyphenated compounds read as one word ("regime-change", "counter-propaganda"), and the listed word alone still flagged?"""
    assert hits(text) == expected


@pytest.mark.parametrize(
    "copies, expected",
    [
        (1, [("worst", "superlative")]),  # printed once: the writer's
        (2, [("worst", "superlative")]),  # printed twice (a headline repeated): read once, in the first copy
        (3, []),  # printed three times or more: a poll widget, no copy is the writer's
        (4, []),
    ],
)
def test_a_line_printed_three_times_is_a_widget(copies, expected):
    """Is a poll question the page prints three times read as a widget (no copy flagged), and a line printed twice read once?"""
    line = "Who do you think is the worst candidate this year?"
    text = "\n".join([line] * copies + ["", "The vote is on Tuesday."])
    assert hits(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # technical or literal senses: the word describes
        ("Panic buying emptied the shelves.", []),
        ("She had a panic attack before the exam.", []),
        ("The town applied for disaster recovery funds.", []),
        ("Congress approved disaster aid for the state.", []),
        ("He was her friend and collaborator for ten years.", []),
        ("Pneumonic plague is the most deadly form of the disease.", []),
        ("Gunmen hijacked a bus carrying 40 passengers.", []),
        ("Pirates hijacked an oil tanker off Somalia.", []),
        ("He is on the FBI's most wanted terrorists list.", []),
        ("INDIA'S MOST WANTED TERRORIST WAS ARRESTED", []),
        ("The hijacking of the airliner ended in Entebbe.", []),
        # the same words where they judge
        ("The minister's reform was a disaster.", [("disaster", "loaded_noun")]),
        ("The markets reacted with panic.", [("panic", "loaded_noun")]),
        ("He was branded a collaborator after the war.", [("collaborator", "label")]),
        ("Big donors hijacked the party.", [("hijacked", "loaded_verb")]),
        ("The FBI arrested the terrorists.", [("terrorists", "label")]),
        ("Activists are hijacking the debate.", [("hijacking", "loaded_verb")]),
        ("It was the most shameful vote in years.", [("most shameful", "superlative")]),
    ],
)
def test_technical_and_literal_senses(text, expected):
    """Do technical or literal senses ("panic buying", "disaster aid", "friend and collaborator", "most deadly form") stay unflagged, and the judging senses flagged?"""
    assert hits(text) == expected


# -- counts, negation, set phrases, opinion devices (issue 11, unseen genres) ---------------------


def _loaded(text):
    return [s for s in loaded.find(mediakit.load_article(text), {}) if s.label not in loaded.NO_VERDICT]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a superlative of a count is a measure: not flagged; of a judgement it is
        ("Her list still won the most votes.", []),
        ("His list still won the most votes.", []),
        ("The party took the fewest seats.", []),
        ("The striker scored the most goals.", []),
        ("Her list ran the most shameful campaign.", [("most shameful", "superlative")]),
        ("His list ran the most shameful campaign.", [("most shameful", "superlative")]),
        ("The most votes went to Labour.", []),
        ("It was the worst-ever Ebola outbreak.", []),  # a magnitude ranked against every recorded one
        ("It was the worst-ever policy.", [("worst", "superlative")]),
        ("The contractor won the most bids.", []),  # any plural after a verb of getting is a count
        ("The ministry attracted the most complaints.", []),
        ("The contractor won the most prestigious prize.", [("most prestigious", "superlative")]),
        pytest.param(
            "The contractor built the most bridges.",
            [],
            marks=pytest.mark.xfail(reason="known gap: a count after a verb that is not of getting", strict=True),
        ),
        # similes that judge people, and the same animal in a plain comparison
        ("Developers circled the site like vultures.", [("like vultures", "dramatic_framing")]),
        ("Unions circled the site like vultures.", [("like vultures", "dramatic_framing")]),
        ("Ministers followed him like sheep.", [("like sheep", "dramatic_framing")]),
        ("Cartilaginous species like sharks have no bones, researchers said.", []),
        ("Lobbyists circled the bill like hungry vultures.", [("like hungry vultures", "dramatic_framing")]),
        ("Like hungry vultures, lobbyists circled the bill.", [("Like hungry vultures", "dramatic_framing")]),
        ("Ministers queued like obedient sheep.", [("like obedient sheep", "dramatic_framing")]),
        ("Predators like other sharks hunt at night.", []),  # a determiner, not a judging adjective
        ("Researchers tagged species like tiger sharks, the clinical team said.", []),
        # evaluative noun phrases in the writer's voice
        ("It was the same sad spectacle again.", [("sad spectacle", "loaded_noun")]),
        ("The budget is a textbook case of waste.", [("textbook case of", "dramatic_framing")]),
        ("It is a textbook case of measles, the clinical researchers said.", []),
        ("The rule defies common sense.", [("defies common sense", "loaded_noun")]),
        ("He had lost his common sense.", []),
        ("Common Sense Media rated the film.", []),
        # sweeping quantifiers as a judgement, and the same words as a count
        ("It is a plan that almost nobody asked for.", [("almost nobody", "hyperbole")]),
        ("Almost nobody was injured in the fire.", []),
        ("Nobody wants another tax.", [("Nobody wants", "hyperbole")]),
        ("No one was hurt.", []),
        # set phrases: the exception reads as many words back as it has
        ("Critics play the fool.", []),
        ("Critics played the fool.", []),
        ("Critics called him a fool.", [("fool", "label")]),
        ("The fool of the piece is the minister.", [("fool", "label")]),
    ],
)
def test_counts_similes_phrases_and_quantifiers(text, expected):
    """Is a count after "most" a measure, a judging simile or evaluative phrase flagged, a sweeping "nobody" a
    judgement but "nobody was hurt" a count, and "play the fool" a set phrase (read two words back)?"""
    assert [(s.text, s.label) for s in _loaded(text)] == expected


@pytest.mark.parametrize(
    "text, word, is_negated",
    [
        ("The fight is not hopeless.", "hopeless", True),
        ("The fight isn't hopeless.", "hopeless", True),
        ("The fight is hopeless.", "hopeless", False),
        ("The reform was never a disaster.", "disaster", True),
        ("The reform is far from a disaster.", "disaster", True),
        ("The reform is no disaster.", "disaster", True),
        ("The reform was not only a disaster but a scandal.", "disaster", False),  # "not only" strengthens
        ("The reform is no less than a disaster.", "disaster", False),
        ("It has never been so hopeless.", "hopeless", False),  # "never so" strengthens
        ("He did not criticise the corrupt courts.", "corrupt", False),  # the object is still called corrupt
        ("The courts are not corrupt, he said.", "corrupt", True),
        ("It failed, not hopeless, but disastrous.", "disastrous", False),  # a clause break ends the negation
    ],
)
def test_negated_judgements_say_so(text, word, is_negated):
    """Is a negated judgement still flagged (the word reaches the reader) but marked ``polarity`` = negated,
    with an explanation that says the writer does not assert it, and an asserted one not?"""
    span = next(s for s in _loaded(text) if s.text.lower() == word)
    assert (span.get("polarity") == "negated") is is_negated
    assert span.explanation.startswith("Negated here") is is_negated
    if is_negated:
        assert "does not assert" in span.explanation


@pytest.mark.parametrize(
    "left, right",
    [
        ("Kyiv's fight is not hopeless.", "Moscow's fight is not hopeless."),
        ("Not hopeless: Kyiv's fight.", "Moscow's fight? Not hopeless."),
        ("Labour won the most seats.", "The Tories won the most seats."),
        ("Developers circled Gaza like vultures.", "Developers circled Kharkiv like vultures."),
    ],
)
def test_negation_and_counts_mirrored(left, right):
    """Do mirrored sentences get the same devices, polarity and explanations, whichever side and place?"""

    def devices(text):
        return [(s.label, s.get("polarity"), s.explanation) for s in _loaded(text)]

    assert devices(left) == devices(right)


@pytest.mark.parametrize(
    "sentence,flagged",
    [
        # "lie" the verb, after a subject, an auxiliary or a frequency adverb: no noun, no label
        ("I won't lie, the second half was hard.", False),
        ("I won\u2019t lie, the second half was hard.", False),
        ("We never lie to our readers.", False),
        ("The figures don't lie.", False),
        ("They lie awake at night.", False),
        # mirrors: "lie" the noun, after a determiner or an adjective, is the writer's judgement
        ("The minister's answer was a lie.", True),
        ("The big lie spread quickly.", True),
        ("That claim is a lie.", True),
    ],
)
def test_lie_the_verb_is_not_the_noun(sentence, flagged):
    assert any(w == "lie" for w, _ in hits("Head\n\n" + sentence)) is flagged
