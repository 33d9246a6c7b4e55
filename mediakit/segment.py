"""Cut text into lines, paragraphs, sentences and words, keeping offsets. No judgement here.

Every function returns :class:`Segment` records whose ``start``/``end`` index the text
they were cut from, so ``text[s.start:s.end] == s.text`` always holds.

>>> [s.text for s in sentences("He said so. Then he left! U.S. troops stayed.")]
['He said so.', 'Then he left!', 'U.S. troops stayed.']
>>> [w.text for w in words("Kyiv's 'daring' offensive")]
["Kyiv's", 'daring', 'offensive']
>>> normalize("“Trump’s” peace — now")
'"trump\\'s" peace - now'
"""

from __future__ import annotations

import re

from ._record import FrozenRecord

# One-for-one character replacements, so a normalised copy has the same offsets.
_NORMALIZE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u00a0": " ",
    }
)
_REPLACE = tuple((chr(k), v) for k, v in _NORMALIZE.items())


def normalize(text: str) -> str:
    """A same-length copy for matching: lower case, straight quotes, plain dashes.

    Only one-for-one replacements are made, so offsets found in the copy are valid in
    the original. (``str.lower`` can change length for a few characters such as "İ";
    those are left as they are.)
    """
    out = text
    for a, b in _REPLACE:  # str.replace is many times faster than str.translate here
        if a in out:
            out = out.replace(a, b)
    low = out.lower()
    if len(low) == len(out):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in out)


class Segment(FrozenRecord):
    """A stretch of text with its offsets and, for furniture, a label."""

    kind: str
    start: int
    end: int
    text: str
    label: str = ""

    def __init__(self, kind: str, start: int, end: int, text: str, label: str = "") -> None:
        d = self.__dict__
        d["kind"] = kind
        d["start"] = start
        d["end"] = end
        d["text"] = text
        d["label"] = label


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")


def lines(text: str, start: int = 0, end: int | None = None) -> list[Segment]:
    """The lines of ``text[start:end]``, without their line endings."""
    end = len(text) if end is None else end
    out = []
    pos = start
    for m in _LINE.finditer(text, start, end):
        if m.start() == m.end():
            break
        raw = m.group(0)
        body = raw.rstrip("\r\n")
        out.append(Segment("line", m.start(), m.start() + len(body), body))
        pos = m.end()
    del pos
    return out


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` so it neither starts nor ends with white space."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


_WORD = re.compile(r"\w+(?:[-'\u2019]\w+)*")


def words(text: str, start: int = 0, end: int | None = None) -> list[Segment]:
    """The words of ``text[start:end]`` (letters, digits, inner hyphens and apostrophes)."""
    end = len(text) if end is None else end
    return [Segment("word", m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text, start, end)]


# Words that end with a full stop but never end a sentence: titles before a name.
TITLES = frozenset(
    """
mr mrs ms mx dr prof gen col lt sgt capt cmdr adm maj cpl pte gov sen rep rev fr hon pres supt insp det
vs e.g i.e cf fig figs approx
""".split()
)
# Abbreviations that end a sentence only when a common sentence opener follows
# ("... in the U.S. He said" ends; "the U.S. Army" does not).
ENDERS = frozenset(
    """
st jr sr inc ltd co corp plc bros etc al a.m p.m u.s u.k u.n e.u u.s.a d.c
""".split()
)
# Before a number only: "No. 5", "Jan. 2024", "p. 12".
BEFORE_NUMBER = frozenset(
    """
no nos vol pp p art ch sec para jan feb mar apr jun jul aug sep sept oct nov dec
""".split()
)
#: Every abbreviation the splitter knows (for reference and for other modules).
ABBREVIATIONS = TITLES | ENDERS | BEFORE_NUMBER
# Words that often open a sentence: after an abbreviation, they mean a new sentence began.
STARTERS = frozenset(
    """
the a an he she it they we i you this that these those there here his her its their our my your
but and or so yet then however meanwhile still also both all some many most several few no none
in on at for as if when while after before since although though because what who why how where
one two three officials critics analysts according
""".split()
)

# The look-behind makes a match start only at the first mark of a run: without it a run of
# 16 kB of "." with no space after it was re-scanned from every mark (quadratic time).
_END = re.compile(r"(?<![.!?\u2026])[.!?\u2026]+[\"'\u201d\u2019)\]]*(?=\s)")


def _token_before(text: str, dot: int) -> str:
    i = dot
    while i > 0 and (text[i - 1].isalpha() or text[i - 1] == "."):
        i -= 1
    return text[i:dot]


def _next_word(text: str, pos: int, end: int) -> str:
    m = _WORD.match(text, pos, end)
    return m.group(0).lower() if m else ""


def _continues(text: str, dot: int, nxt: int, end: int) -> bool:
    """Whether the full stop at ``dot`` closes an abbreviation or initial inside a sentence.

    ``nxt`` is where the next word starts (after the white space).
    """
    raw = _token_before(text, dot)
    token = raw.lower()
    if not token:
        return False  # "reports ." or "3 ."
    if token in TITLES:
        return True
    if token in BEFORE_NUMBER:
        return text[nxt].isdigit()
    single_initial = len(raw) == 1 and raw.isupper()
    dotted = "." in token and len(token.replace(".", "")) <= 4 and all(len(p) == 1 for p in token.split("."))
    if token in ENDERS or single_initial or dotted:
        return _next_word(text, nxt, end) not in STARTERS
    return False


_BLOCK_BREAK = re.compile(r"(?:\r\n|\r|\n)[^\S\r\n]*(?:\r\n|\r|\n)\s*")
_SPACES = re.compile(r"\s*")
_OPENERS = frozenset("\"'\u201c\u2018([")


def blocks(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """``(start, end)`` of the stretches of ``text[start:end]`` separated by blank lines."""
    end = len(text) if end is None else end
    out, pos = [], start
    for m in _BLOCK_BREAK.finditer(text, start, end):
        a, b = strip_span(text, pos, m.start())
        if a < b:
            out.append((a, b))
        pos = m.end()
    a, b = strip_span(text, pos, end)
    if a < b:
        out.append((a, b))
    return out


def sentences(text: str, start: int = 0, end: int | None = None) -> list[Segment]:
    """Split ``text[start:end]`` into sentences.

    A sentence ends at ``.``, ``!``, ``?`` or ``…`` (with any closing quotes or brackets)
    followed by white space and a capital letter, a digit or an opening quote; or at a
    blank line. A single line break inside a paragraph counts as a space, so wrapped
    text is read correctly. Titles ("Dr.", "Gen."), initials ("J. R. R. Tolkien"),
    "No. 5" and dates ("Jan. 2024") do not end a sentence; "U.S.", "etc." and "p.m."
    end one only when a word that usually opens a sentence follows ("... in the U.S.
    He said"). Decimals ("3.5") and ellipses before a lower-case word stay inside.

    >>> [s.text for s in sentences('Dr. Jones met J. R. Smith at No. 5. "It is 3.5 m." She left...')]
    ['Dr. Jones met J. R. Smith at No. 5.', '"It is 3.5 m."', 'She left...']
    >>> [s.text for s in sentences("He lives in the U.S. He likes the U.S. Army. I said no. Fine.")]
    ['He lives in the U.S.', 'He likes the U.S. Army.', 'I said no.', 'Fine.']

    Not detected: a sentence that starts with a lower-case letter after a full stop
    (it stays joined to the one before), an abbreviation the lists above do not know
    followed by a capital (it ends the sentence), and a line with no final
    punctuation that is not set apart by a blank line (it joins the next sentence).
    """
    end = len(text) if end is None else end
    out: list[Segment] = []
    spaces = _SPACES.match
    for b_start, b_end in blocks(text, start, end):
        s = b_start
        for m in _END.finditer(text, b_start, b_end):
            # (the pattern only matches marks followed by white space: not "3.5" or "U.S.A")
            stop = m.end()
            nxt = spaces(text, stop, b_end).end()
            if nxt >= b_end:
                break  # the mark ends the block
            c = text[nxt]
            if not (c.isupper() or c.isdigit() or c in _OPENERS):
                continue
            if text[m.start()] == "." and m.end() - m.start() == 1 and _continues(text, m.start(), nxt, b_end):
                continue
            # ``s`` starts on a non-blank character and ``stop`` ends on a mark: nothing to strip.
            out.append(Segment("sentence", s, stop, text[s:stop]))
            s = nxt
        if s < b_end:
            out.append(Segment("sentence", s, b_end, text[s:b_end]))
    return out
