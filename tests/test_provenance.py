"""Tests of the provenance lens: spelling variants, transliteration, quote styles, formatting,
relayed reports and missing byline, date, outlet and link."""

from __future__ import annotations

from pathlib import Path

import pytest

import mediakit
from mediakit.lenses import provenance
from mediakit.spans import make_span

ARTICLES = Path(__file__).parent / "articles"


def clues(text, found=None):
    a = mediakit.load_article(text)
    return a, provenance.find(a, found or {})


def labels(spans, label):
    return [s.text for s in spans if s.label == label]


@pytest.fixture(scope="module")
def seed():
    a = mediakit.load_article()
    return a, provenance.find(a, {})


# -- the seed ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "label,texts",
    [
        ("spelling_variant", ["Kiev"]),
        ("transliteration", ["Nikolai Beleskov"]),
        ("mixed_quotes", ["\u201c", '"']),
        ("formatting", ["reports ."]),
        ("relayed_report", ["the Financial Times"]),
        ("missing_byline", []),  # document-level: a finding, never a span (below)
        ("missing_date", []),
    ],
)
def test_seed_clues(seed, label, texts):
    """Does the lens find exactly the provenance clues a careful reader finds in the seed?"""
    _a, spans = seed
    assert labels(spans, label) == texts


def test_seed_no_other_labels(seed):
    """Does the seed get no clue beyond the nine kinds listed in SEED-FINDINGS?"""
    _a, spans = seed
    assert sorted({s.label for s in spans}) == sorted(
        ["formatting", "mixed_quotes", "relayed_report", "spelling_variant", "transliteration"]
    )


def test_seed_document_findings(seed):
    """Are the seed's missing byline, date, outlet and link document findings with no evidence span?"""
    a, _spans = seed
    got = provenance.findings(a, {})
    assert [f.label for f in got] == ["missing_byline", "missing_date", "missing_link", "missing_outlet"]
    assert all(f.kind == "provenance" and f.evidence == () for f in got)
    m = a.markup()
    assert [d["label"] for d in m.to_dict()["document"] if d["kind"] == "provenance"] == [f.label for f in got]
    assert not any(s.label.startswith("missing_") for s in m.spans)


def test_seed_kiev_points_at_kyiv(seed):
    """Does the Kiev span point at every Kyiv (P10, P11, P12)?"""
    a, spans = seed
    kiev = next(s for s in spans if s.label == "spelling_variant")
    others = kiev.get("other")
    assert [a.text[x:y] for x, y in others] == ["Kyiv"] * 3
    assert [a.paragraph_index(x) + 1 for x, _ in others] == [10, 11, 12]
    assert kiev.alternative == "Kyiv"


def test_seed_transliteration_role(seed):
    """Does the Beleskov clue cite his role description, which names a Ukrainian institution?"""
    a, spans = seed
    t = next(s for s in spans if s.label == "transliteration")
    r = t.get("role")
    assert "Ukraine's Department of Military Policy" in a.text[r[0] : r[1]]
    assert t.alternative == "Mykola Beleskov"


def test_seed_relative_timestamp_is_not_a_date(seed):
    """Does the missing-date clue say that "5 months ago" is not a date?"""
    _a, spans = seed
    d = next(f for f in provenance.findings(_a, {}) if f.label == "missing_date")
    assert "5 months ago" in d.explanation and "not a date" in d.explanation


def test_seed_explanations_are_questions_not_verdicts(seed):
    """Does every clue's explanation present it as something to check, never as a verdict?"""
    _a, spans = seed
    for s in spans:
        assert "not a verdict" in s.explanation
        for word in ("propaganda", "fake", "liar", "lies", "dishonest"):
            assert word not in s.explanation.lower()


def test_seed_spans_index_text(seed):
    """Does every provenance span index the seed text exactly?"""
    a, spans = seed
    for s in spans:
        assert a.text[s.start : s.end] == s.text


# -- spelling variants -----------------------------------------------------------------


@pytest.mark.parametrize(
    "body,expected",
    [
        ("Kiev said no. Later Kyiv said yes. Kyiv waits.", ["Kiev"]),
        ("Kyiv said no. Kiev said yes. Kiev waits.", ["Kyiv"]),  # the less-used form carries the span
        ("Kyiv said no. Kiev said yes.", ["Kiev"]),  # a tie: the older form
        ("Odessa and Odesa are the same port.", ["Odessa"]),
        ("Kiev said no. Kiev waits.", []),  # one form only: not this lens's clue
        ("Kyiv said no.", []),
        ("The Kievan Rus was a state. Kyiv is a city.", []),  # a different word
    ],
)
def test_spelling_variants(body, expected):
    """Is a name flagged only when the same text spells it two ways, on the less-used form?"""
    _a, spans = clues("Title here\n\n" + body)
    assert labels(spans, "spelling_variant") == expected


# -- transliteration ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "body,expected",
    [
        ('"It is hard," says Nikolai Petrenko, an analyst at a think tank in Kyiv.', ["Nikolai Petrenko"]),
        ("Ukraine's defence minister Aleksei Reznikov spoke.", ["Aleksei Reznikov"]),
        ("Vladimir Zelensky spoke first. Later Volodymyr Zelensky spoke again.", ["Vladimir Zelensky"]),
        ("Vladimir Putin spoke on Monday.", []),  # a Russian name, rightly spelled
        ("Ukrainian soldiers and even Vladimir Putin have offered explanations for the Ukrainian offensive.", []),
        ("Volodymyr Zelensky met Vladimir Putin.", []),  # different people
        ("Nikolai Petrenko, a chess player from Minsk, won.", []),  # no Ukrainian tie in the text
    ],
)
def test_transliteration(body, expected):
    """Is a Russian-style given name flagged only when the article itself ties the person to Ukraine?"""
    _a, spans = clues("Title here\n\n" + body)
    assert labels(spans, "transliteration") == expected


def test_transliteration_reads_source_role():
    """Does the clue use the source lens's role description when there is one?"""
    a = mediakit.load_article("Title here\n\nNikolai Petrenko spoke. He works for the Kyiv city council.")
    src = make_span(
        a.text,
        "source",
        "named_person",
        *_span(a.text, "Nikolai Petrenko"),
        role=list(_span(a.text, "the Kyiv city council")),
    )
    spans = provenance.find(a, {"source": (src,)})
    assert labels(spans, "transliteration") == ["Nikolai Petrenko"]
    assert labels(provenance.find(a, {}), "transliteration") == []


def _span(text, needle):
    i = text.index(needle)
    return i, i + len(needle)


# -- quotes and formatting -------------------------------------------------------------------


@pytest.mark.parametrize(
    "body,expected",
    [
        ('He said "yes" and then \u201cno\u201d.', ['"', "\u201c"]),  # document order
        ('He said "yes" and then "no".', []),
        ("He said \u201cyes\u201d and then \u201cno\u201d.", []),
        ("It's Kyiv's turn, isn\u2019t it?", []),  # apostrophes are not quote marks
    ],
)
def test_mixed_quotes(body, expected):
    """Are mixed straight and curly double quotes flagged, and one style or apostrophes left alone?"""
    _a, spans = clues("Title here\n\n" + body)
    assert labels(spans, "mixed_quotes") == expected


@pytest.mark.parametrize(
    "body,expected",
    [
        ("The city grew , the mayor says .", ["grew ,", "says ."]),
        ("Why ? Nobody knows !", ["Why ?", "knows !"]),
        ("The city grew  , and then  again .", ["grew  ,", "again ."]),
        ("The city grew, the mayor says.", []),
        ("He paused ... then spoke.", []),  # a spaced ellipsis is a style, not a slip
        ("It costs 3.5 million.", []),
    ],
)
def test_formatting(body, expected):
    """Is a space before punctuation flagged, and normal punctuation, ellipses and decimals not?"""
    _a, spans = clues("Title here\n\n" + body)
    assert labels(spans, "formatting") == expected


# -- relayed reports and missing facts ---------------------------------------------------------


@pytest.mark.parametrize(
    "body,expected",
    [
        ("The bridge will close, the Harbor Gazette reports.", ["the Harbor Gazette"]),
        ("According to Reuters, the bridge will close.", ["Reuters"]),
        ("The bridge will close, The Washington Post reported on Monday.", ["The Washington Post"]),
        ("Citing the BBC, the mayor said the bridge will close.", ["the BBC"]),
        ("The bridge will close, the mayor said.", []),
        ("According to the mayor, the bridge will close.", []),
        ("The bridge will close, the Harbor Gazette reports (https://example.org/bridge).", []),  # a link is given
    ],
)
def test_relayed_report(body, expected):
    """Is a sentence that relays another outlet's report flagged on the outlet, and a person's word or a linked report not?"""
    _a, spans = clues("Title here\n\n" + body)
    assert labels(spans, "relayed_report") == expected


@pytest.mark.parametrize(
    "text,missing",
    [
        (
            "Bridge closes\n\nBy Dana Ortiz\n\nThe bridge closes on 12 March 2024, the council said. "
            "The Harbor Gazette, https://example.org",
            [],
        ),
        (
            "Bridge closes\n\nThe bridge closes on Aug. 12, 2024, the council said. \u00a9 2024 Harbor Gazette",
            ["missing_byline", "missing_outlet"],
        ),
        ("Bridge closes\n\nBy Dana Ortiz\n\nThe bridge closes on 2024-03-12.", ["missing_outlet"]),
        (
            "Bridge closes\n\n3 hours ago\n\nThe bridge closes on Monday.",
            ["missing_byline", "missing_date", "missing_outlet"],
        ),
        (
            "Bridge closes\n\nThe bridge closes, Reuters reports.",
            ["missing_byline", "missing_date", "missing_link", "missing_outlet"],
        ),
    ],
)
def test_missing(text, missing):
    """Are byline, date, outlet and link reported missing only when the text and page give none?"""
    a, spans = clues(text)
    got = sorted(f.label for f in provenance.findings(a, {}) if f.label.startswith("missing_"))
    assert got == missing
    assert not any(s.label.startswith("missing_") for s in spans)


def test_missing_without_headline_is_no_span():
    """Without a headline, a missing-X finding is still a finding, never a span at 0..0."""
    a = mediakit.load_article(
        "This is one long body sentence that reads like text and ends with a full stop. "
        "And another one follows it here."
    )
    assert not any(s.label.startswith("missing_") for s in provenance.find(a, {}))
    assert {"missing_byline", "missing_date"} <= {f.label for f in provenance.findings(a, {})}


@pytest.mark.parametrize(
    "text,dateline,outlet_missing",
    [
        ("Quake hits\n\nKYIV, Ukraine (AP) \u2014 A quake hit the city.", "KYIV, Ukraine (AP) \u2014", False),
        ("Storm\n\n(CNN) -- A storm hit the coast.", "(CNN) --", False),
        ("Vote\n\nLONDON, March 3 (Reuters) - Lawmakers voted.", "LONDON, March 3 (Reuters) -", False),
        ("Vote\n\nWASHINGTON \u2014 The Senate voted.", "WASHINGTON \u2014", True),  # a place, no outlet
        ("Vote\n\nThe Senate voted \u2014 narrowly.", None, True),  # a dash mid-sentence
        ("Vote\n\nA - B test results came in.", None, True),  # no capitalised place
    ],
)
def test_dateline(text, dateline, outlet_missing):
    """Is a wire dateline a provenance finding, and does one that names its outlet stop 'missing outlet'?"""
    a = mediakit.load_article(text)
    got = provenance.findings(a, {})
    lines = [a.text[x:y] for f in got if f.label == "dateline" for x, y in f.evidence]
    assert lines == ([dateline] if dateline else [])
    assert ("missing_outlet" in {f.label for f in got}) is outlet_missing


@pytest.mark.parametrize(
    "last,byline_missing,outlet_missing",
    [
        ("\u2013 Dana Ortiz, Harbor Gazette", False, False),
        ("\u2014 Dana Ortiz", False, True),
        ("(Reporting by Jane Doe; Editing by Tom Roe)", False, True),
        ("The Associated Press contributed to this report.", True, False),
        ("The council will meet again \u2014 on Monday.", True, True),  # a sentence, not a credit
    ],
)
def test_credit_at_the_end(last, byline_missing, outlet_missing):
    """Is a signature or credit line at the end a byline and/or an outlet?"""
    a = mediakit.load_article("Fix the bridge\n\nThe bridge is closed.\n\n" + last)
    got = {f.label for f in provenance.findings(a, {})}
    assert ("credit" in got) is not (byline_missing and outlet_missing)
    assert ("missing_byline" in got) is byline_missing
    assert ("missing_outlet" in got) is outlet_missing


def test_html_metadata_counts():
    """Does an HTML page's metadata (byline, date, outlet) stop the missing-X clues?"""
    a = mediakit.load_article("Bridge closes\n\nThe bridge closes on Monday.")
    a2 = type(a)(
        **{
            **{
                k: getattr(a, k)
                for k in (
                    "text",
                    "source",
                    "headline",
                    "furniture",
                    "paragraphs",
                    "sentences",
                    "format",
                    "encoding",
                    "notes",
                )
            },
            "metadata": (("byline", "Dana Ortiz"), ("date", "2024-03-12"), ("outlet", "Harbor Gazette")),
        }
    )
    assert [f.label for f in provenance.findings(a2, {}) if f.label.startswith("missing_")] == []


def test_test_article_with_byline_and_date():
    """Does the hand-written article with a byline and a date get no missing-byline or missing-date clue?"""
    a = mediakit.load_article(ARTICLES / "head_stated.txt")
    got = {f.label for f in provenance.findings(a, {})}
    assert "missing_byline" not in got and "missing_date" not in got
    assert "missing_outlet" in got


def test_deterministic(seed):
    """Does running the lens twice give the same spans in the same order?"""
    a, spans = seed
    assert provenance.find(a, {}) == spans


@pytest.mark.parametrize(
    "text,dateline",
    [
        # a release label on the line above is not part of the dateline
        ("Hubs open\n\nPRESS RELEASE\n\nLEEDS, 2 May 2026 \u2013 The Trust opened hubs.", "LEEDS, 2 May 2026 \u2013"),
        ("Hubs open\n\nNEWS RELEASE\n\nYORK \u2014 The Trust opened hubs.", "YORK \u2014"),
        # mirrored: the same datelines without the label above
        ("Hubs open\n\nLEEDS, 2 May 2026 \u2013 The Trust opened hubs.", "LEEDS, 2 May 2026 \u2013"),
        ("Hubs open\n\nYORK \u2014 The Trust opened hubs.", "YORK \u2014"),
    ],
)
def test_dateline_stays_on_its_line(text, dateline):
    """Does a dateline below a release label start at the place name, not at the label?"""
    a = mediakit.load_article(text)
    lines = [a.text[x:y] for f in provenance.findings(a, {}) if f.label == "dateline" for x, y in f.evidence]
    assert lines == [dateline]


@pytest.mark.parametrize(
    "lead,missing",
    [
        # a release whose issuer the lead names (a charity, a firm with no "Ltd"): it is the author and outlet
        ("LEEDS, 2 May 2026 \u2013 Brightwater Food Network, a charity, said today that demand rose.", set()),
        ("LEEDS, 2 May 2026 \u2013 Aldgate Bikes today launched a scheme for students.", set()),
        ("The Harbour Trust opened six hubs this week.", set()),
        # negative: a lead with no issuer to name keeps the missing byline and outlet
        (
            "LEEDS, 2 May 2026 \u2013 demand for food parcels rose again this year.",
            {"missing_byline", "missing_outlet"},
        ),
    ],
)
def test_press_release_issuer_is_its_byline_and_outlet(lead, missing):
    """In a press release, does the issuer named in the lead stop "missing byline" and "missing outlet"?"""
    a = mediakit.load_article("Demand rises\n\nPRESS RELEASE\n\n" + lead + "\n\nMedia contact: Tom Reilly")
    got = {f.label for f in provenance.findings(a, {})}
    assert got & {"missing_byline", "missing_outlet"} == missing


@pytest.mark.parametrize(
    "lead,missing",
    [
        # mirrored: the same leads in a news report (no release signals) still lack a byline and an outlet
        ("LEEDS, 2 May 2026 \u2013 Brightwater Food Network, a charity, said today that demand rose.", True),
        ("The Harbour Trust opened six hubs this week.", True),
    ],
)
def test_news_report_with_the_same_lead_keeps_missing_findings(lead, missing):
    a = mediakit.load_article("Demand rises\n\n" + lead)
    got = {f.label for f in provenance.findings(a, {})}
    assert ("missing_byline" in got and "missing_outlet" in got) is missing


@pytest.mark.parametrize(
    "line,missing_outlet",
    [
        # a place and a date: nothing names the outlet
        ("Old Trafford, 21 May 2026", True),
        ("Wellington, 3 March 2025", True),
        # mirrors: an outlet's name and a date
        ("The Harbour Post, 21 May 2026", False),
        ("Opinion | Harbour Voices | 21 May 2026", False),
    ],
)
def test_a_place_and_date_line_is_no_outlet(line, missing_outlet):
    a = mediakit.load_article(
        f"Lancashire win at the last\n\nBy Ann Lee\n{line}\n\nLancashire won by two wickets on Thursday."
    )
    labels = [f.label for f in a.markup().findings]
    assert ("missing_outlet" in labels) is missing_outlet
