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
from dataclasses import dataclass

# One-for-one character replacements, so a normalised copy has the same offsets.
_NORMALIZE = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"',
    "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u00a0": " ",
})


def normalize(text: str) -> str:
    """A same-length copy for matching: lower case, straight quotes, plain dashes.

    Only one-for-one replacements are made, so offsets found in the copy are valid in
    the original. (``str.lower`` can change length for a few characters such as "İ";
    those are left as they are.)
    """
    out = text.translate(_NORMALIZE)
    low = out.lower()
    if len(low) == len(out):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in out)


@dataclass(frozen=True)
class Segment:
    """A stretch of text with its offsets and, for furniture, a label."""

    kind: str
    start: int
    end: int
    text: str
    label: str = ""


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


# Words that end with a full stop but do not end a sentence.
ABBREVIATIONS = frozenset("""
mr mrs ms dr prof gen col lt sgt capt cmdr adm gov sen rep rev st sr jr inc ltd co corp
vs etc e.g i.e a.m p.m no fig jan feb mar apr jun jul aug sep sept oct nov dec
u.s u.k u.n e.u u.s.a d.c
""".split())

_END = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019)\]]*")


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at ``dot`` closes an abbreviation or an initial."""
    i = dot
    while i > 0 and (text[i - 1].isalpha() or text[i - 1] == "."):
        i -= 1
    token = text[i:dot].lower()
    if not token:
        return False
    if token in ABBREVIATIONS:
        return True
    # Single capital initial ("J. Smith") or dotted acronym ("U.S.").
    return len(token.replace(".", "")) == 1 and text[i:dot].isupper() or "." in token and len(token) <= 5


_BLOCK_BREAK = re.compile(r"(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)\s*")


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
    text is read correctly. Abbreviations ("Mr.", "U.S.") and initials do not end a
    sentence. Not detected: a sentence that starts with a lower-case letter after a
    full stop (it stays joined to the one before), and a line with no final
    punctuation that is not set apart by a blank line (it joins the next sentence).
    """
    end = len(text) if end is None else end
    out: list[Segment] = []
    for b_start, b_end in blocks(text, start, end):
        s = b_start
        for m in _END.finditer(text, b_start, b_end):
            stop = m.end()
            nxt = stop
            while nxt < b_end and text[nxt].isspace():
                nxt += 1
            if nxt >= b_end or nxt == stop:
                continue  # end of block, or "3.5" / "U.S.A" with no space after the mark
            c = text[nxt]
            if not (c.isupper() or c.isdigit() or c in "\"'\u201c\u2018(["):
                continue
            if text[m.start()] == "." and m.end() - m.start() == 1 and _is_abbreviation(text, m.start()):
                continue
            a, b = strip_span(text, s, stop)
            if a < b:
                out.append(Segment("sentence", a, b, text[a:b]))
            s = nxt
        a, b = strip_span(text, s, b_end)
        if a < b:
            out.append(Segment("sentence", a, b, text[a:b]))
    return out
