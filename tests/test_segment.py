"""The segmenter: lines, blocks, sentences and words, always with offsets that index the text."""

import pytest

from mediakit import segment
from mediakit.segment import blocks, lines, normalize, sentences, strip_span, words

SPLITS = [
    # (text, expected sentences)
    ("He said so. Then he left! U.S. troops stayed.", ["He said so.", "Then he left!", "U.S. troops stayed."]),
    ("The U.S. Army left. Then it came back.", ["The U.S. Army left.", "Then it came back."]),
    ("He lives in the U.S. He likes it.", ["He lives in the U.S.", "He likes it."]),
    ("Dr. Smith arrived. He spoke.", ["Dr. Smith arrived.", "He spoke."]),
    (
        "Gen. Mark Milley said so. Mr. and Mrs. Smith agreed.",
        ["Gen. Mark Milley said so.", "Mr. and Mrs. Smith agreed."],
    ),
    ("J. R. R. Tolkien wrote it. He died in 1973.", ["J. R. R. Tolkien wrote it.", "He died in 1973."]),
    ("Harry S. Truman won. He was happy.", ["Harry S. Truman won.", "He was happy."]),
    ("It grew 3.5 per cent. Then it fell to 2.1.", ["It grew 3.5 per cent.", "Then it fell to 2.1."]),
    ('"We will win." He left.', ['"We will win."', "He left."]),
    ("“We will win.” He left.", ["“We will win.”", "He left."]),
    ('He asked "why?" She said nothing.', ['He asked "why?"', "She said nothing."]),
    ('"Why?" she asked.', ['"Why?" she asked.']),
    ("He paused... Then he spoke.", ["He paused...", "Then he spoke."]),
    ("He paused... then he spoke.", ["He paused... then he spoke."]),
    ("He paused… Then he spoke.", ["He paused…", "Then he spoke."]),
    ("He was No. 5 on the list. Then No. 6.", ["He was No. 5 on the list.", "Then No. 6."]),
    ("I said no. Then he left.", ["I said no.", "Then he left."]),
    ("It was 5 p.m. The shops had shut.", ["It was 5 p.m.", "The shops had shut."]),
    ("It happened in Jan. 2024. Then more.", ["It happened in Jan. 2024.", "Then more."]),
    ("See e.g. the report. It is long.", ["See e.g. the report.", "It is long."]),
    ("Apples, pears etc. The rest was sold.", ["Apples, pears etc.", "The rest was sold."]),
    ("(This is an aside.) Next one.", ["(This is an aside.)", "Next one."]),
    ("Wait! What? OK.", ["Wait!", "What?", "OK."]),
    # the seed's "reports ." spacing ends a sentence like any full stop
    ("the Financial Times reports .\n\nNext paragraph.", ["the Financial Times reports .", "Next paragraph."]),
    ("the Financial Times reports . Then more.", ["the Financial Times reports .", "Then more."]),
    # a single line break is a space; a blank line always ends a sentence
    ("A wrapped\nsentence here. And another.", ["A wrapped\nsentence here.", "And another."]),
    ("No final stop\n\nNext block.", ["No final stop", "Next block."]),
    ("CRLF one.\r\n\r\nCRLF two.", ["CRLF one.", "CRLF two."]),
    # negative: a full stop before a lower-case word does not split (documented gap)
    ("It ended. and then it began.", ["It ended. and then it began."]),
    ("", []),
    ("   \n\n  ", []),
]


@pytest.mark.parametrize("text, expected", SPLITS)
def test_sentences_split_hard_cases(text, expected):
    """Does the splitter cut abbreviations, initials, decimals, quotes and ellipses where a reader would?"""
    got = sentences(text)
    assert [s.text for s in got] == expected
    for s in got:
        assert text[s.start : s.end] == s.text


@pytest.mark.parametrize("start, end", [(0, None), (5, 40), (12, 13), (20, 20)])
def test_sentences_respect_a_window(start, end):
    """Do sentences cut from a window of the text stay inside it and index the whole text?"""
    text = "Intro. The U.S. Army left. Then it came back! Done."
    stop = len(text) if end is None else end
    for s in sentences(text, start, end):
        assert start <= s.start < s.end <= stop
        assert text[s.start : s.end] == s.text


@pytest.mark.parametrize(
    "text, expected",
    [
        ("a\nb", ["a", "b"]),
        ("a\r\nb\r\n", ["a", "b"]),
        ("a\rb", ["a", "b"]),
        ("a\n\nb", ["a", "", "b"]),
        ("", []),
        ("only", ["only"]),
    ],
)
def test_lines_drop_their_endings(text, expected):
    """Do lines come without their line endings (LF, CRLF, CR) but with offsets into the text?"""
    got = lines(text)
    assert [x.text for x in got] == expected
    assert all(text[x.start : x.end] == x.text for x in got)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("a\n\nb", ["a", "b"]),
        ("a\r\n\r\nb", ["a", "b"]),
        ("a\n \t\nb\nc", ["a", "b\nc"]),
        ("  \n\n", []),
        ("one block\nstill one", ["one block\nstill one"]),
    ],
)
def test_blocks_split_at_blank_lines(text, expected):
    """Are blocks cut at blank lines only (a single line break stays inside a block)?"""
    assert [text[a:b] for a, b in blocks(text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Kyiv's 'daring' offensive", ["Kyiv's", "daring", "offensive"]),
        ("Trump’s peace-plan", ["Trump’s", "peace-plan"]),
        ("3.5 per-cent", ["3", "5", "per-cent"]),
        ("— … !", []),
    ],
)
def test_words(text, expected):
    """Are words letters and digits with inner hyphens and apostrophes, and nothing else?"""
    assert [w.text for w in words(text)] == expected


@pytest.mark.parametrize("text", ["“Trump’s” peace — now", "İstanbul ǅ ß ﬁ", "Ελλάδα ΣΟΦΙΑ", "a\u00a0b", "😀 𝔘", ""])
def test_normalize_keeps_length(text):
    """Does the normalised copy keep every offset (same length), even for letters whose lower case grows?"""
    assert len(normalize(text)) == len(text)


@pytest.mark.parametrize("text, expected", [("“x” — ‘y’", "\"x\" - 'y'"), ("ABC", "abc")])
def test_normalize_straightens(text, expected):
    """Does normalize straighten curly quotes and dashes and lower the case?"""
    assert normalize(text) == expected


@pytest.mark.parametrize(
    "text, span, expected", [("  ab  ", (0, 6), (2, 4)), ("ab", (0, 2), (0, 2)), ("   ", (0, 3), (3, 3))]
)
def test_strip_span(text, span, expected):
    """Does strip_span shrink a span to its non-blank part (and to nothing when it is all blank)?"""
    assert strip_span(text, *span) == expected


def test_abbreviation_lists_do_not_overlap_in_meaning():
    """Is no title also listed as a sentence-ending abbreviation (the two rules would fight)?"""
    assert not (segment.TITLES & segment.ENDERS)
    assert "dr" in segment.ABBREVIATIONS and "u.s" in segment.ABBREVIATIONS
