"""Quote lens: direct quotations, told apart from scare quotes and term quotes.

A quotation is found by pairing quote marks inside a paragraph (or the headline):
straight ``"``, curly ``“ ”`` (also when typed the wrong way round), low ``„``,
guillemets ``« »`` and the typewriter pairs ``''`` and ````` `` `````; single marks
``' ‘ ’`` are used as quote marks only when they open before a word and close after
one (so ``don't``, ``Ukraine's``, ``students'`` and ``’90s`` stay apostrophes).

Labels (the span covers the quotation INCLUDING its marks):

- ``direct``: speech. It has a reporting cue next to it (``"...," says X``,
  ``X said: "..."``, ``"...," X said``, ``"...," with these words X broke the
  silence``), or it reads as a full sentence on its own: at least five words, or four
  words ending in ``.``, ``!`` or ``?``, or a shorter quote that is a sentence of its own
  (it opens its sentence or paragraph, or follows a colon or a comma, and its words end
  with ``.``, ``!`` or ``?``: ``he laughed and said, "We'll see."``, ``"Very good."``;
  or they end with a comma that a speaker and a verb follow: ``"Go home," Ann Cole
  shouted``). A cue-linked quote of a few words inside a sentence (``The "impact," X
  said, was large``) is ``partial``.
- ``term``: a quoted phrase with no cue that names a thing: it follows a naming word
  ("called", "dubbed", "titled", "known as", "the term", "the word"), or every word
  is capitalised (a title, an operation: "Saturday Night Live", "Colour Choice in
  Garden Bees"; up to ten words, a final full stop allowed from three capitalised words).
- ``partial``: a few quoted words inside the content of an attribution cue (``X said
  the standoff only makes all sides look "silly"``; the seed's "bargain", in what the
  Financial Times reports, and "Trump peace", in what former officials suggested), or
  elsewhere in a sentence that holds a cue with a source (before or after the quote):
  the speaker's own words, linked to that speaker. After "call"/"name" the quoted words
  are the owner's name for a thing (``term``: "the town calls its "summer heart"",
  "called the war a "special military operation"": the article outside the marks, or two
  or more words) unless they judge ("called it "shameful"", one word with no article;
  "called the deal "a terrible deal"", the article inside the marks; "calls her record a
  "blueprint"", one lowercase word; "called it a "fundamental mistake"", a bare "it" as
  object; "what they call the "fraudulent" nomination", a noun after the marks) or label a
  person ("called him a "coward"", "calls a screaming Tom Reyes a "fascist"", an object
  ending in a name): then they are a ``partial`` quote. After "describe" they are always
  ``partial``. Words in capitals ("THIS IS NOT OK.") are never taken for a title.
  When the attribution lens gave the sentence no cue with a source, the
  quote lens reads the sentence itself: a one-word reporting verb of the attribution
  lens's list with a name or pronoun right before it ("Fiorina routinely characterizes
  herself as a "change warrior"", the framing verbs "see/view/describe/portray ... as"
  only before "as"), or after the quote (""Extra boats" would be right, harbour master
  Lena Ward said"), a speech noun and its owner ("Tom Reyes's promise of "free buses"",
  "his promise of", "Trump's accusation that": the lemma of a reporting verb or a noun made from it
  by an English suffix, "-ion", "-ation", "-ment", "-al", "-ism"; "his"/"her" resolved to the
  name before it), "as X put it", "what it calls", "according to X" anywhere in the
  sentence, the agent of a passive framing verb ("seen by organizers as a "lifeboat""), and a
  name or pronoun with any verb in the past and a "that" clause ("Tom Reyes sniped that the
  mayor was "asleep"", not "decided/showed/found that"). The subject may stand before an
  appositive ("Jack Dorsey, Twitter's chief executive, posted") or be a relative "that"/"who"
  standing for the noun phrase before it ("a new ad that urges voters to "think twice""); a
  name after "in"/"in the" is a place, never the subject. Quotes listed together with a
  partial quote (""silly" and "costly"", joined by a comma, "and"/"or" and an article)
  are partial quotes of the same speaker.
- ``scare``: any other short quoted phrase with no speaker ("bargaining", "bargaining
  chip"; anything after "so-called", even inside reported content). The marks put
  distance between the writer and the word.

``meta``: ``content`` = [start, end] inside the marks; for a quote with a cue (and a
partial or term quote inside a cue's content), ``speaker`` = the speaker's name as a
string (a pronoun "he"/"she"/"they" replaced by the nearest named source cited before it
within 300 characters), ``source`` = [start, end] of the source phrase as the text gives
it, and ``cue`` = [start, end] of the cue (the attribution lens finds both);
``second_hand`` = True when the words were taken from another outlet ("as quoted by the
league's website", "was quoted as saying"); ``unclosed`` = True when the closing mark is missing
(the quote then stops at the end of its paragraph); ``paragraphs`` = how many
paragraphs a quote runs over (newspaper convention: a paragraph that ends inside a
quote has no closing mark and the next paragraph opens with a quote mark again);
``within`` = [start, end] of the attribution cue whose reported content (or, failing
that, whose sentence) holds a short quote (``partial`` or ``term``: "the FT reports that
Ukraine will "bargain"");
``continues`` = [start, end] of the first part of a quote interrupted by its cue (""We
will," Ann Cole said, "win."": the second part is ``direct`` too);
``nested`` = [[start, end], ...] of single-quoted passages inside a double-quoted
quote (they belong to the outer quote and get no span of their own); ``style`` =
``straight`` or ``curly``.

Not detected: quotations set off without quote marks (block quotes, indented
interviews, "Q:/A:" transcripts, a dash before speech); double marks nested inside
single marks; quotes whose closing mark falls in a later paragraph without the
newspaper convention (they are cut at the paragraph end and marked ``unclosed``);
a plural possessive right after a single-quoted opening (``'The students' union``)
can be misread as the closing mark. A partial quote is found only in a sentence where
the attribution lens found a cue with a source, or where a known reporting verb has a
name or pronoun next to it: quoted words in a sentence whose reporting verb neither
lens knows ("groused that CNN "doesn't treat me properly"") stay ``scare``, and so do
quoted words whose speaker is a lowercase noun phrase before the verb ("the U.S. media
has claimed") or a passive ("is described as a "riveting book""); a speaker found by the
quote lens alone is the name next to the verb, without its title ("Lena Ward" for
"harbour master Lena Ward"), "it" in "what it calls" is not resolved, and "his"/"her"
before a speech noun with no name before them in the paragraph stay "his"/"her" (a place after
a preposition is never taken: "in Oslo"); a word the writer put in scare quotes inside an attributed sentence is
taken for the speaker's word. After "call", a judgement put as a noun with its article
outside the marks ("called it a "paperwork error"") is taken for a name (``term``); a
title inside reported content ("on "Good Morning America"") is a ``term``. A quoted
sentence that continues a speaker's quote in the same paragraph, right after it, takes that
speaker (meta ``continues`` = True); after a sentence of the writer's or a new paragraph it gets
none. A quote inside the content of an earlier cue ("Brekke told reporters that the ruling was
"a victory ..." and that his members had never opposed it") is that cue's source's, even when
the attribution lens links it to a later cue whose source stands inside that content. A
pronoun speaker ("he", "she") is resolved only to a source cited in its paragraph or just
before it (no gender check); "they", "we" and "it" are left as the text gives them.

>>> from mediakit import load_article
>>> from mediakit.lenses import run
>>> [(s.label, s.text) for s in run(load_article(), ["quote"])["quote"]][:3]
[('scare', '“bargaining”'), ('partial', '"bargain"'), ('direct', '"Russia brought war to others, and now it is returning home,"')]
>>> a = load_article('Headline here\\n\\nShe said: "We don\\'t know yet." It was a \\'fair\\' call.')
>>> [(s.label, s.text) for s in run(a, ["quote"])["quote"]]
[('direct', '"We don\\'t know yet."'), ('scare', "'fair'")]
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from ..spans import Span

LAYER = "quote"

# literal branches (not a character class) let the regex engine skip ahead fast
_DOUBLE = re.compile("''|``|\"|\u201c|\u201d|\u201e|\u00ab|\u00bb")
_SINGLE = re.compile("['\u2018\u2019]")
_OPEN_D = "\u201c\u201e\u00ab"
_CLOSE_D = "\u201d\u00bb"
_OPEN_BEFORE = "([{\u2014\u2013-/" + _OPEN_D + "\u2018"
_CLOSE_AFTER = ",.;:!?)]}\u2014\u2013-\u2026'\u2019\"" + _CLOSE_D
_ELISIONS = ("em ", "tis ", "twas ", "til ", "cause ", "n ", "n'", "bout ")
_WORD = re.compile(r"\w+(?:[-'\u2019]\w+)*")
_SMALL = frozenset("a an the of and or in on at to for by with from de la von van der".split())
_NAMING = re.compile(
    r"(?:\bcalled|\bdubbed|\btitled|\bentitled|\bnamed|\bknown as|\bthe (?:term|word|phrase|slogan|motto|book|film|song|album|show|series|play|report|novel|headline|title)|\boperation|\bcode-?named)\s*$"
)
_SO_CALLED = re.compile(r"\bso[- ]called\s*$")

EXPLANATIONS = {
    "direct": "A direct quotation: the words are the speaker's, not the writer's. Check who "
    "the speaker is and whether the quote is given in full.",
    "partial": "A partial quotation: a few of the speaker's own words, quoted inside a sentence that "
    "reports what they said. The words are the speaker's, the rest is the writer's paraphrase.",
    "scare": "Quote marks around a word or short phrase with no speaker: they put distance "
    'between the writer and the word ("so-called"), hinting doubt or irony without '
    "saying why. Ask whose word it is.",
    "term": "Quote marks around a name or a title (a book, an operation, a slogan): they "
    "mark the words as a name, not as anyone's speech.",
}


@dataclass(frozen=True)
class Stretch:
    """A stretch of text between paired quote marks (the span includes the marks)."""

    start: int
    end: int
    content: tuple[int, int]
    unclosed: bool = False
    paragraphs: int = 1
    nested: tuple[tuple[int, int], ...] = ()
    double: bool = True
    style: str = "straight"


def _blocks(article) -> list[tuple[int, int, bool]]:
    """``(start, end, is_headline)`` of the headline and the body paragraphs."""
    out = []
    if article.headline is not None:
        out.append((article.headline.start, article.headline.end, True))
    out.extend((p.start, p.end, False) for p in article.paragraphs)
    return out


def _role_double(text: str, pos: int, n: int, bs: int, be: int) -> str:
    """``open``, ``close`` or ``either`` for the double mark of ``n`` characters at ``pos``."""
    c = text[pos]
    p = text[pos - 1] if pos > bs else None
    nx = text[pos + n] if pos + n < be else None
    can_open = (p is None or p.isspace() or p in _OPEN_BEFORE) and nx is not None and not nx.isspace()
    can_close = p is not None and not p.isspace() and (nx is None or nx.isspace() or nx in _CLOSE_AFTER)
    if c in _OPEN_D or c == "`":
        return "close" if can_close and not can_open else "open"  # a mark typed the wrong way round
    if c in _CLOSE_D:
        return "open" if can_open and not can_close else "close"
    if can_open and not can_close:
        return "open"
    if can_close and not can_open:
        return "close"
    return "either"


def _single_pairs(text: str, a: int, b: int, marks: list[int] | None = None) -> list[tuple[int, int]]:
    """Single-quote pairs ``(open, close)`` in ``text[a:b]``; apostrophes are skipped.

    ``marks``, if given, holds the offsets of every single mark in ``text`` (sorted).
    """
    pairs = []
    pending = None
    if marks is None:
        found = [m.start() for m in _SINGLE.finditer(text, a, b)]
    else:
        found = marks[bisect.bisect_left(marks, a) : bisect.bisect_left(marks, b)]
    for pos in found:
        p = text[pos - 1] if pos > a else None
        n = text[pos + 1] if pos + 1 < b else None
        p_word = p is not None and (p.isalnum())
        n_word = n is not None and (n.isalnum())
        if p_word and n_word:
            continue  # don't, Ukraine's, Kyiv’s
        can_open = (
            text[pos] != "\u2019"
            and not p_word
            and n is not None
            and n.isalpha()
            and (p is None or p.isspace() or p in _OPEN_BEFORE or p in '"\u201c')
            and not text[pos + 1 : pos + 6].lower().startswith(_ELISIONS)
        )
        can_close = (
            text[pos] != "\u2018"
            and p is not None
            and not p.isspace()
            and (n is None or n.isspace() or n in _CLOSE_AFTER)
        )
        if can_open:
            pending = pos
        elif can_close and pending is not None:
            if pos - pending <= 400:
                pairs.append((pending, pos + 1))
            pending = None
    return pairs


def _style(text: str, start: int, end: int) -> str:
    return "curly" if text[start] not in "\"'" or text[end - 1] not in "\"'" else "straight"


def stretches(article) -> list[Stretch]:
    """Every quoted stretch of the article (headline and body), in document order.

    Cached on the article, as the quote and attribution lenses both read it.
    """
    cache = getattr(article, "_cache", None)
    if cache is not None and "mediakit.quotes.stretches" in cache:
        return cache["mediakit.quotes.stretches"]
    text = article.text
    # Every mark of the text, found once; a block takes its own with bisect.
    all_double = [(m.start(), m.end()) for m in _DOUBLE.finditer(text)]
    double_starts = [d[0] for d in all_double]
    single_marks = [m.start() for m in _SINGLE.finditer(text)]
    out: list[Stretch] = []
    carry = None  # (open position, mark length, paragraphs so far) of a quote left open at a paragraph end
    prev_end = 0

    def emit(o: int, olen: int, c: int | None, clen: int, block_end: int, paras: int) -> None:
        if c is None:
            end = block_end
            while end > o + olen and text[end - 1].isspace():
                end -= 1
            st = Stretch(o, end, (o + olen, end), True, paras, (), True, _style(text, o, o + olen))
        else:
            st = Stretch(o, c + clen, (o + olen, c), False, paras, (), True, _style(text, o, c + clen))
        nested = tuple(_single_pairs(text, st.content[0], st.content[1], single_marks))
        if nested:
            st = Stretch(st.start, st.end, st.content, st.unclosed, st.paragraphs, nested, True, st.style)
        out.append(st)

    for bs, be, is_head in _blocks(article):
        if carry is None and (not out or out[-1].start < bs):
            lo = bisect.bisect_left(double_starts, bs)
            if (lo == len(double_starts) or double_starts[lo] >= be) and (lo == 0 or all_double[lo - 1][1] <= bs):
                s_lo = bisect.bisect_left(single_marks, bs)
                if s_lo == len(single_marks) or single_marks[s_lo] >= be:
                    prev_end = be  # no quote mark in this block: nothing to pair
                    continue
        first_new = len(out)
        lo = bisect.bisect_left(double_starts, bs)
        if lo > 0 and all_double[lo - 1][1] > bs:
            # a two-character mark runs over the block start: scan the block on its own
            marks = [(m.start(), m.end() - m.start()) for m in _DOUBLE.finditer(text, bs, be)]
        else:
            marks = [(ms, me - ms) for ms, me in all_double[lo : bisect.bisect_left(double_starts, be)] if me <= be]
        opened, paras = None, 1  # (position, length) of the open mark
        if carry is not None:
            if not is_head and marks and marks[0][0] == bs and _role_double(text, bs, marks[0][1], bs, be) != "close":
                opened, paras = (carry[0], carry[1]), carry[2] + 1
                marks = marks[1:]
            else:
                emit(carry[0], carry[1], None, 0, prev_end, carry[2])
            carry = None
        for pos, n in marks:
            role = _role_double(text, pos, n, bs, be)
            if opened is None:
                if role != "close":
                    opened = (pos, n)
            elif role == "open":
                emit(opened[0], opened[1], None, 0, pos, paras)  # a new opening mark: the last quote never closed
                opened, paras = (pos, n), 1
            else:
                emit(opened[0], opened[1], pos, n, be, paras)
                opened, paras = None, 1
        if opened is not None:
            if is_head:
                emit(opened[0], opened[1], None, 0, be, 1)
            else:
                carry = (opened[0], opened[1], paras)
        prev_end = be
        # Single-quoted passages outside double quotes (British style, headlines).
        covered = sorted((s.start, s.end) for s in out[max(0, first_new - 1) :] if bs <= s.start < be)
        pos = bs
        for cs, ce in covered + [(be, be)]:
            for o, c in _single_pairs(text, pos, min(cs, be), single_marks):
                out.append(Stretch(o, c, (o + 1, c - 1), False, 1, (), False, _style(text, o, c)))
            pos = max(pos, ce)
    if carry is not None:
        emit(carry[0], carry[1], None, 0, prev_end, carry[2])
    out.sort(key=lambda s: (s.start, -s.end))
    if cache is not None:
        cache["mediakit.quotes.stretches"] = out
    return out


def _shouted(words: list[str], text: str = "", st: Stretch | None = None) -> bool:
    """Whether quoted words are all in capitals ("THIS IS NOT OK.") in a line that is not itself in
    capitals: capitals then say nothing about a title, so the words are read as speech or a scare quote
    like lower-case ones. One word ("NATO") is not shouting, nor a quote inside a line of capitals
    ("WE'RE GEEKING OUT OVER THE 'WONDER WOMAN' TRAILER": a title in a capitals headline)."""
    letters = [w for w in words if any(c.isalpha() for c in w)]
    if len(letters) < 2 or not all(w.isupper() for w in letters):
        return False
    if st is not None:
        line_start = text.rfind("\n", 0, st.start) + 1
        line_end = text.find("\n", st.end)
        before = [w for w in _WORD.findall(text, max(line_start, st.start - 60), st.start) if w[:1].isalpha()][-3:]
        after_end = st.end + 60 if line_end < 0 else min(line_end, st.end + 60)
        after = [w for w in _WORD.findall(text, st.end, after_end) if w[:1].isalpha()][:3]
        if any(w.isupper() and len(w) > 1 for w in before + after):
            return False  # capitals next to the quote: a line of capitals
        if (
            not text[line_start : st.start].strip()
            and not text[st.end : len(text) if line_end < 0 else line_end].strip()
        ):
            return False  # a line that is only a quote in capitals: a subheading, set in capitals
    return True


def _short_label(text: str, st: Stretch) -> str:
    """``term`` or ``scare`` for a short quote with no speaker."""
    cs, ce = st.content
    before = text[max(0, st.start - 40) : st.start].lower()
    if _SO_CALLED.search(before):
        return "scare"
    if _NAMING.search(before):
        return "term"
    words = [w.group(0) for w in _WORD.finditer(text, cs, ce)]
    significant = [w for w in words if w.lower() not in _SMALL]
    if (
        significant
        and all(w[0].isupper() or w[0].isdigit() for w in significant)
        and not _shouted(significant, text, st)
    ):
        return "term"
    return "scare"


def _names_a_thing(text: str, st: Stretch) -> bool:
    """A longer quote that is a title: after "titled"/"called", or in Title Case."""
    cs, ce = st.content
    if _NAMING.search(text[max(0, st.start - 40) : st.start].lower()):
        return True
    inner = text[cs:ce].rstrip()
    words = [w.group(0) for w in _WORD.finditer(text, cs, ce)]
    significant = [w for w in words if w.lower() not in _SMALL]
    title_case = (
        len(words) <= 10
        and bool(significant)
        and all(w[0].isupper() or w[0].isdigit() for w in significant)
        and not _shouted(significant, text, st)
    )
    if inner.endswith(("!", "?", ":", ";", "…")):
        return False
    if inner.endswith((".", ",")):
        # American style puts the full stop inside: "The Late Show with Stephen Colbert."
        return title_case and len(significant) >= 3
    return title_case


def is_speech(text: str, st: Stretch) -> bool:
    """Whether the quoted words read as a full sentence on their own."""
    cs, ce = st.content
    n = len(_WORD.findall(text, cs, ce))
    if n >= 5:
        return True
    tail = text[cs:ce].rstrip(" \"'\u201d\u2019")
    return n >= 4 and tail.endswith((".", "!", "?", "\u2026"))


_SECOND_HAND = re.compile(r"^[\s,\u201d\"']*(?:as\s+)?(?:quoted|cited|reported)\s+(?:by|in)\b", re.IGNORECASE)
_PRONOUN_SPEAKERS = frozenset("he she they we it".split())


def _speaker_name(text: str, cue, named, floor: int | None = None) -> str:
    """The speaker's name as the text gives it; for "he"/"she" (or "his"/"her" before a speech noun:
    "his promise of "free college""), the nearest earlier cue's named
    source ending within 300 characters, or anywhere in the pronoun's own paragraph (which starts at
    ``floor``): the pronoun resolved as the source lens does, without its lists."""
    s, e = cue.source
    name = text[s:e]
    for mark in ("'s", "\u2019s"):
        if name.endswith(mark) and len(name) > len(mark) + 1:
            name = name[: -len(mark)]  # "Tom Reyes's call for": the speaker is Tom Reyes
    if name.lower() not in ("he", "she", "his", "her"):
        return name  # a name, or "they"/"we"/"it": the nearest named speaker is often one person, not them
    if name.lower() in ("his", "her"):
        # "Trump stood by his comment that ...": the owner is the name just before it in the paragraph
        near = _near_name(text, max(floor if floor is not None else 0, s - 200), s)
        if near is not None and text[near[0] : near[1]].lower() not in _PRONOUN_SPEAKERS | {"i"}:
            return text[near[0] : near[1]]
    # ``cues`` is the sorted list of named sources (start, end): walk back from the pronoun, a few steps
    i = bisect.bisect_left(named, (s, s)) - 1
    while i >= 0 and (s - named[i][1] <= 300 or (floor is not None and named[i][0] >= floor)):
        a, b = named[i]
        if b <= s:
            return text[a:b]
        i -= 1
    return name


_SPEAKER_AFTER = re.compile(
    r"[\s\u201d\"']*(?:(?:he|she|they|I|we|it)|(?:the\s+)?[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3})"
    r"\s+(?:also\s+|then\s+)?[a-z]+(?:ed|s)\b"
)
_OBJECT_PERSON = re.compile(
    r"^\s*(?:him|her|them|me|us|you|himself|herself|themselves|myself|ourselves|[A-Z][\w.'\u2019-]*"
    r"(?:\s+[A-Z][\w.'\u2019-]*)*)\s*,?\s*(?:a|an|the|as)?\s*$"
)


def _stands_alone(text: str, st: Stretch, before: str, cue_ends) -> bool:
    """Whether a quote is a sentence of speech on its own: the words inside the marks end a sentence
    ("We'll see.") or end with a comma that a speaker and a verb follow ("Go back," Trump barked), and
    the quote opens its sentence or paragraph, or follows a colon or a cue and a comma ("said, ")."""
    cs, ce = st.content
    inner = text[cs:ce].rstrip()
    if not _WORD.search(text, cs, ce) or _names_a_thing(text, st):
        return False
    lead = before.rstrip()
    after_cue = lead.endswith(",") and (st.start - len(before) + len(lead) - 1) in cue_ends
    opens = not lead or lead.endswith(":") or after_cue
    if inner.endswith((".", "!", "?", "\u2026")) and (
        opens or (lead.endswith(",") and len(_WORD.findall(text, cs, ce)) >= 2)
    ):
        return True  # "..., he laughed and said, "We'll see."": a clause of its own that ends the sentence
    if not opens:
        return False
    return inner.endswith(",") and _SPEAKER_AFTER.match(text, st.end, st.end + 60) is not None


def _opens_sentence(text: str, at: int, sentence_starts: list[int]) -> bool:
    """Whether only spaces, a colon, a dash or a line break stand between the sentence start and ``at``."""
    k = bisect.bisect_right(sentence_starts, at) - 1
    lead = text[max(sentence_starts[k] if k >= 0 else 0, at - 300) : at]
    lead = lead[lead.rfind("\n") + 1 :].strip()
    return not lead or lead.endswith((":", "\u2014", "\u2013", "-"))


def _sentence_cue(by_start, cue_starts, sent_start: int, sent_end: int, at: int):
    """The last cue with a source that starts in the sentence (``sent_start`` to ``sent_end``) and ends
    before offset ``at``, else the first one after it in the sentence, else None."""
    i = bisect.bisect_left(cue_starts, at) - 1
    low = i - 8  # the last few cues only, so that one long sentence stays linear
    while i >= 0 and i > low and cue_starts[i] >= sent_start:
        c = by_start[i]
        if c.end <= at and c.source is not None:
            return c
        i -= 1
    # ""the "impact," Jacobs said, that ...": a cue after the quote in the same sentence
    i = bisect.bisect_left(cue_starts, at)
    if i < len(by_start) and by_start[i].source is not None and by_start[i].start < sent_end:
        return by_start[i]
    return None


_DETERMINER_END = re.compile(r"\b(?:a|an|the|its|their|his|her|our|my|your|this|that)\s*$", re.IGNORECASE)
_DETERMINER_START = re.compile(r"(?:a|an|the|its|their|his|her|our|my|your|this|that)\b", re.IGNORECASE)


def _reads_as_a_name(text: str, cue_end: int, st: Stretch) -> bool:
    """After "call"/"name": whether the quoted words read as a name for a thing ("called the war a
    "special military operation"", "calls its approach "slow science"") rather than the speaker's
    judgement ("called it "shameful"", "called the deal "a terrible deal""): a name has its article
    outside the marks, or is two or more words that open with no article."""
    cs, ce = st.content
    if _DETERMINER_START.match(text, cs):
        return False  # "a terrible deal" inside the marks: a description, not a name
    if _DETERMINER_END.search(text, max(cue_end, st.start - 12), st.start):
        return True
    return len(_WORD.findall(text, cs, ce)) >= 2


_PRONOUN_OBJECT = re.compile(r"^\s*(?:it|this|that)\s*,?\s*(?:a|an|the|their|his|her|its|our|my)?\s*$", re.IGNORECASE)
_PREPOSITIONS = frozenset("of in on at for with to from by about over under into".split())
_MODIFIED_NOUN = re.compile(r"[ \t]*(?:[a-z][\w-]*|[\"\u201c])")
_NOT_A_NOUN = frozenset(
    "and or but that which who whom whose than as if when while because to of in on at for with from by "
    "about over into after before since during until against through".split()
)


def _judgement_after_call(text: str, cue_end: int, st: Stretch) -> bool:
    """After "call"/"name": whether the quoted words are the speaker's judgement of something rather
    than its name, read from the words around the marks: the object is a bare "it"/"this"/"that"
    ("called it a "fundamental mistake"": the speaker's comment on what was just mentioned), or the
    quoted words are one lowercase word ("calls her record a "blueprint""), or they modify a noun that follows the closing mark ("what they call the "fraudulent"
    nomination", ""immoral" "lie""), or the object ends in a capitalised name or a word for a person and
    has no preposition ("called a screaming Santilli a "fascist"", "called the judge a "hater of ..."")."""
    between = text[cue_end : st.start]
    if _PRONOUN_OBJECT.match(between) or len(between) > 80 or _DOUBLE.search(between):
        return True  # also: another quote or a long stretch between: the quote is not what was called
    words = _WORD.findall(text, st.content[0], st.content[1])
    if len(words) == 1 and words[0].islower():
        return True  # one word: the speaker's label ("calls her record a "blueprint""), not a name
    m = _MODIFIED_NOUN.match(text, st.end, st.end + 30)
    if m is not None and text[st.end - 2 : st.end - 1] not in ",.;:!?":
        word = m.group(0).strip()
        if word in ('"', "\u201c") or word.lower() not in _NOT_A_NOUN:
            return True
    words = _WORD.findall(between)
    while words and words[-1].lower() in ("a", "an", "the"):
        words.pop()
    if len(words) >= 2 and not any(w.lower() in _PREPOSITIONS for w in words) and words[-1][0].isupper():
        return True
    if words and not any(w.lower() in _PREPOSITIONS for w in words) and _person_word(words[-1].lower()):
        return True  # "called the judge a "hater of ..."", "called Wall Street bankers "fat cats""
    return False


def _person_word(word: str) -> bool:
    """Whether a noun names a person by role, by the source lens's own test: a title of its list
    ("judge", "senator") or a word for a person by what they do ("frontrunner", "bankers")."""
    from . import sources

    titles = sources._lists()[1]
    for w in (word, word[:-1] if word.endswith("s") else word):
        if w in titles or (len(w) > 4 and w.endswith(sources._PERSON_SUFFIXES)):
            return True
    return False


def _names_a_person(text: str, cue_end: int, at: int) -> bool:
    """Whether the words between a naming cue and a quote are a person ("called Ann Cole a "clown"",
    "called him a "hero""): then the quoted words are the speaker's label for someone, a partial quote,
    not the name of a thing."""
    return _OBJECT_PERSON.match(text[cue_end:at]) is not None


_SUBJECT_BEFORE = re.compile(
    r"(?:^|(?<=[\s,(\u2014]))(?:he|she|they|I|we|[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3})\s+"
    r"(?:(?:has|have|had|did|does|do|will|would|also|then|again|later|once|even|\w+ly)\s+){0,2}$"
)
_NOT_SUBJECT = frozenset(
    "the a an in on at but and or as if when while after before since this that these those it its there "
    "for from with by of to what which who whose how why where across around among under over into "
    "through during despite amid without within behind beyond near then still yet so".split()
)
_ING_AFTER = re.compile(r"(?:^|[^\w'\u2019])(?:the|a|an|his|her|its|their|our|my|your|of)\s+$", re.IGNORECASE)


def _near_name(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """The last name or pronoun between ``lo`` and ``hi`` that can be a speaker: sentence-opening
    function words dropped ("While", "Across"), no single letter ("(R)"), no name after a preposition
    ("in Iowa", "in the White House East Room": a place), a possessive "'s" left out."""
    found = None
    for m in _NEAR_SPEAKER.finditer(text, lo, hi):
        words = m.group(0).split()
        start = m.start()
        while words and words[0].lower() in _NOT_SUBJECT:
            start = text.index(words[1], start + len(words[0])) if len(words) > 1 else m.end()
            words = words[1:]
        if not words or (len(words[-1].strip(".'\u2019")) < 2 and words[-1] != "I"):
            continue
        prev = [w.lower() for w in _WORD.findall(text, max(lo, start - 20), start)]
        places = _PREPOSITIONS | {"from", "across", "near"}
        if prev and (prev[-1] in places or (len(prev) >= 2 and prev[-1] == "the" and prev[-2] in places)):
            continue  # "in Iowa", "in the White House East Room": a place
        end = m.end()
        for mark in ("'s", "\u2019s"):
            if text.endswith(mark, start, end):
                end -= len(mark)
        found = (start, end)
    return found


_NEAR_SPEAKER = re.compile(r"\b(?:he|she|they|I|we|[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3})\b")
# cue rows that report perception, knowledge or seeming, not words: no speaker for a quote
_NOT_WORDS = frozenset("appear seem continue see show find know learn realize understand remember".split())


# verbs that frame someone or something "as" a thing: the quoted words after "as" are the subject's
_FRAMING = "see view regard describe portray characterize characterise depict".split()
_AS_BEFORE = re.compile(r"\bas\s+(?:a|an|the)?\s*$")


@functools.cache
def _verb_cues(attribution) -> tuple[re.Pattern, dict, frozenset]:
    """The attribution lens's one-word reporting verbs (and the framing verbs of "X described Y as
    "..."", as the row of "describe"): one pattern over their forms, form -> row, and the nouns made
    from reporting verbs by :func:`_nominals` (which have an owner, no subject)."""
    rows = attribution.cue_rows()
    by_form: dict = {}
    nouns: set = set()
    for r in rows:
        if r.kind == "verb" and not r.rest and r.cue not in _NOT_WORDS:
            for f in r.forms:
                by_form.setdefault(f, r)
    describe = next((r for r in rows if r.cue == "describe"), None)
    if describe is not None:
        for lemma in _FRAMING:
            for f in attribution._inflect(lemma):
                by_form.setdefault(f, describe)
    for r in rows:
        if r.kind == "verb" and not r.rest and r.cue not in _NOT_WORDS and " " not in r.cue:
            for noun in _nominals(r.cue):
                if noun not in by_form:
                    by_form[noun] = r
                    nouns.add(noun)
    pattern = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, by_form), key=len, reverse=True)) + r")\b")
    return pattern, by_form, frozenset(nouns)


def _nominals(lemma: str) -> tuple[str, ...]:
    """Nouns of a reporting verb: the lemma ("comment") and nouns made by English suffixes ("assert" -> "assertion", "accuse" ->
    "accusation", "state" -> "statement", "argue" -> "argument", "propose" -> "proposal", "deny" ->
    "denial", "criticize" -> "criticism"); a made-up form that is no word never matches a text."""
    out = [lemma, lemma + "ion", lemma + "ment"]  # the lemma too: "his comment that" ("comment" is a noun)
    if lemma.endswith("e"):
        out += [lemma[:-1] + "ment", lemma[:-1] + "al"]
        if not lemma.endswith("te"):
            out.append(lemma[:-1] + "ation")  # not "state" -> "station"
    if lemma.endswith("y"):
        out.append(lemma[:-1] + "ial")
    if lemma.endswith("ize"):
        out.append(lemma[:-3] + "ism")
    return tuple(out + [n + "s" for n in out])


def _subject_of(text: str, lo: int, verb_start: int, ing: bool) -> tuple[int, int] | None:
    """The subject of a reporting verb that the attribution lens did not link: a name or a pronoun
    right before it (auxiliaries and adverbs skipped: "Fiorina routinely characterizes"); for an
    "-ing" form ("an email saying", "portraying Sanders as"), the nearest name or pronoun before it in
    the sentence. None when there is none, or the words before are not a subject ("the"/"It")."""
    m = _SUBJECT_BEFORE.search(text, lo, verb_start)
    if m is not None and _near_name(text, max(lo, m.start() - 20), m.end()) is None:
        m = None  # "The crowd in the Harbour Hall answered": a place, not the subject
    if m is not None and m.group(0).rstrip().endswith(("'", "\u2019", "'s", "\u2019s")):
        return None  # "Sanders' call for": a possessive, so the verb form is a noun (see _owner_of)
    if m is not None:
        s = m.start()
        words = _WORD.findall(m.group(0))
        name = [w for w in words[: len(words)] if w[0].isupper() or w.lower() in ("he", "she", "they", "i", "we")]
        while name and name[0].lower() in _NOT_SUBJECT:
            s = text.index(name[1], s) if len(name) > 1 else s
            name = name[1:]
        if name:
            e = text.index(name[-1], s) + len(name[-1])
            return s, e
    if not ing:
        m = _APPOSITIVE_SUBJECT.search(text, max(lo, verb_start - 160), verb_start)
        if m is not None and m.group("who").split()[0].lower() not in _NOT_SUBJECT:
            return m.span("who")  # "Jack Dorsey, Twitter's chief executive, posted": the name before the commas
        m = _RELATIVE_SUBJECT.search(text, max(lo, verb_start - 80), verb_start)
        if m is not None:
            return m.span("np")  # "a new ad that urges voters to "send a message"": the ad's words
        return None
    if _ING_AFTER.search(text, max(lo, verb_start - 12), verb_start) is not None:
        return None
    return _near_name(text, lo, verb_start)


_OWNER_BEFORE = re.compile(
    r"(?:(?<=[\s,(\u2014])|^)(?:(?P<name>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3})(?:'s|\u2019s|'|\u2019)|"
    r"(?P<pron>[Hh]is|[Hh]er|(?:[Tt]he|[Ii]ts|[Tt]heir)\s+[a-z][\w-]*(?=['\u2019]s\s)))(?:['\u2019]s)?\s+"
    r"(?:[a-z][\w-]*\s+){0,2}$"
)


_NOUN_LINK = re.compile(
    r"\s+(?:(?:[Mm]onday|[Tt]uesday|[Ww]ednesday|[Tt]hursday|[Ff]riday|[Ss]aturday|[Ss]unday|today|yesterday)\s+)?"
    r"(?:of|for|that|about|on)\b"
)


def _owner_of(text: str, lo: int, noun_start: int) -> tuple[int, int] | None:
    """The owner of a speech noun ("Sanders' call for", "his promise of", "Trump's comment that"): a
    name with "'s", or "his"/"her", at most two words before the noun."""
    m = _OWNER_BEFORE.search(text, lo, noun_start)
    if m is None:
        return None
    if m.group("name") is not None:
        start, words = m.start("name"), m.group("name").split()
        while words and words[0].lower() in _NOT_SUBJECT:  # "While Sanders's call": not "While"
            start = text.index(words[1], start + len(words[0])) if len(words) > 1 else start
            words = words[1:]
        if not words:
            return None
        return start, m.end("name")
    return m.start("pron"), m.end("pron")


_AS_PUT_IT = re.compile(
    r"\bas\s+(?P<who>(?:an?|the|one)\s+[\w\s.'\u2019-]{1,50}?|[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3}"
    r"|he|she|they|we|I)\s+(?:has\s+|had\s+)?(?P<cue>put|puts)\s+it\b"
)
_ACCORDING_TO = re.compile(
    r"\b(?P<cue>[Aa]ccording to)\s+(?P<who>(?:[\w.'\u2019-]+\s+){0,7}?[\w.'\u2019-]*\w)(?=\s*[,.;]|\s*$)"
)
_BY_AGENT_AS = re.compile(
    r"\b(?P<cue>\w+ed|seen|known|thought)\s+by\s+(?P<who>(?:[\w.'\u2019-]+\s+){0,5}?[\w.'\u2019-]*\w)"
    r"\s+as\s+(?:an?\s+|the\s+)?$"
)
_VERB_THAT = re.compile(
    r"(?:^|(?<=[\s,(\u2014]))(?P<who>he|she|they|I|we|[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3})\s+"
    r"(?:(?:has|have|had)\s+)?(?:\w+ly\s+)?(?P<cue>[a-z]+ed)(?:\s+to\s+(?:[\w.'\u2019-]+,?\s+){1,8}?|,?\s+)that\b"
)
_APPOSITIVE_SUBJECT = re.compile(
    r"(?:^|(?<=[\s(\u2014]))(?P<who>[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3})(?:\s*\([^()]{1,12}\))?,"
    r"\s+(?:an?|the|another|one|[A-Z][\w'\u2019]*(?:'s|\u2019s))\s[^,;:\"\u201c\u201d()]{2,80},\s+"
    r"(?:(?:has|have|had|also|then|later|once)\s+|\w+ly\s+){0,2}$"
)
_RELATIVE_SUBJECT = re.compile(
    r"(?P<np>\b(?:an?|the|this|that|his|her|its|their)\s+"
    r"(?:(?!(?:an?|the|this|that|his|her|its|their)\s)[\w$][\w'\u2019$-]*\s+){0,4}?\w[\w'\u2019-]*)\s+"
    r"(?:that|which|who)\s+(?:(?:has|have|had|also|then|later|once)\s+|\w+ly\s+){0,2}$",
    re.IGNORECASE,
)
_NOT_SAYING_ED = frozenset("showed proved seemed appeared learned realized realised noticed ensured decided".split())
_IN_THE_WORDS_OF = re.compile(
    r"\b(?P<cue>[Ii]n\s+the\s+words\s+of)\s+(?P<who>(?:[\w.'\u2019-]+\s+){0,7}?[\w.'\u2019-]*\w)(?=\s*[,.;:])"
)
_WHAT_IT = re.compile(r"\bwhat\s+(?P<who>it)\s+(?:\w+ly\s+)?$")


def _local_cue(text: str, attribution, lo: int, at: int):
    """A reporting verb of the attribution lens's list before ``at`` in the sentence (from ``lo``) with a
    subject next to it, as a cue record (``source`` = the subject), when the attribution lens gave the
    sentence no cue with a source ("Will described Trump as a "caricature"", "Fiorina routinely
    characterizes herself as a "change warrior""). Only the last three verbs are tried."""
    pattern, by_form, nouns = _verb_cues(attribution)
    put = None
    for put in _AS_PUT_IT.finditer(text, lo, at):
        pass
    by = _BY_AGENT_AS.search(text, max(lo, at - 120), at)
    if by is not None and "describe" in {r.cue for r in by_form.values()}:
        # "an option seen by organizers as a "lifeboat"": the agent of a passive framing verb
        row = next(r for r in by_form.values() if r.cue == "describe")
        return attribution.Cue(by.start("cue"), by.end("cue"), row, by.span("who"), (by.end(), at))
    if put is not None and "say" in by_form:
        # "as an American diplomat put it, an "extreme makeover"": the words are the one who put it so
        return attribution.Cue(put.start("cue"), put.end(), by_form["say"], put.span("who"), (put.end(), at))
    said_that = None
    for said_that in _VERB_THAT.finditer(text, lo, at):
        pass
    if said_that is not None and (
        said_that.group("cue") in _NOT_SAYING_ED or said_that.group("who").split()[0].lower() in _NOT_SUBJECT
    ):
        said_that = None
    verbs = [m for m in pattern.finditer(text, lo, at) if len(_DOUBLE.findall(text, m.end(), at)) % 2 == 0][-3:]
    as_frame = _AS_BEFORE.search(text, max(lo, at - 8), at) is not None
    for m in reversed(verbs):
        form = m.group(0)
        if by_form[form].cue == "describe" and not form.startswith("describ") and not as_frame:
            continue  # "see", "view", "portray" report words only in "X portrayed Y as "...""
        if form in nouns:
            # "Trump's accusation that ...": a noun made from a reporting verb has an owner, no subject
            src = _owner_of(text, lo, m.start()) if _NOUN_LINK.match(text, m.end()) else None
            if src is not None:
                return attribution.Cue(m.start(), m.end(), by_form[form], src, (m.end(), at))
            continue
        src = _subject_of(text, lo, m.start(), form.endswith("ing"))
        if src is not None and said_that is not None and m.start() < said_that.start("cue"):
            break  # a verb with a "that" clause nearer the quote speaks for it (below)
        what = _WHAT_IT.search(text, max(lo, m.start() - 30), m.start()) if src is None else None
        if what is not None:
            src = what.span("who")  # "what it calls "psychographic" profiles": the company's words
        if src is None and not form.endswith(("ed", "ing")) and _NOUN_LINK.match(text, m.end()):
            src = _owner_of(text, lo, m.start())  # "his promise of "free college"": a speech noun and its owner
            if src is not None:  # a noun ("his call for"): no naming verb, whatever its lemma
                return attribution.Cue(m.start(), m.end(), by_form.get("say", by_form[form]), src, (m.end(), at))
        if src is not None:
            return attribution.Cue(m.start(), m.end(), by_form[form], src, (m.end(), at))
    if said_that is not None and "say" in by_form:
        # "Walter Hewlett sniped that Fiorina was "learning on the job,"": a verb in the past with a
        # "that" clause after it reports what the subject said or thought, whatever the verb
        return attribution.Cue(
            said_that.start("cue"), said_that.end("cue"), by_form["say"], said_that.span("who"), (said_that.end(), at)
        )
    return None


_AFTER_QUOTE = re.compile(r"[,\s]*(?:(?:[A-Z][\w.'\u2019-]*|[a-z]+)\s+){0,6}?")


def _according_to(text: str, attribution, lo: int, hi: int, st: Stretch):
    """A cue record for "according to X" or "in the words of X" in the quote's sentence (before or after
    the quote, not inside it), whose source is X up to the next comma ("According to his physician, he
    had "excellent" results"). The attribution lens's row for "according to" is used."""
    rows = [r for r in attribution.cue_rows() if r.cue == "according to"]
    if not rows:
        return None
    found = list(_ACCORDING_TO.finditer(text, max(lo, st.start - 300), min(hi, st.end + 300)))
    found += _IN_THE_WORDS_OF.finditer(text, max(lo, st.start - 300), min(hi, st.end + 300))
    for m in found:
        if st.start <= m.start() < st.end or "\n" in text[min(m.start(), st.start) : max(m.end(), st.end)]:
            continue
        who = m.group("who")
        if who.split()[0].lower() in ("the", "a", "an") and len(who.split()) == 1:
            continue
        return attribution.Cue(m.start("cue"), m.end("cue"), rows[0], m.span("who"), (st.start, st.end))
    return None


def _local_cue_after(text: str, attribution, at: int, hi: int):
    """A reporting verb with its subject after a quote, before the sentence ends at ``hi`` (""Boots on
    the ground" would be appropriate, Republican candidate Ben Carson said"): the first one only."""
    pattern, by_form, _ = _verb_cues(attribution)
    brk = text.find("\n", at, hi)
    for m in pattern.finditer(text, at, min(hi if brk < 0 else brk, at + 200)):
        form = m.group(0)
        if by_form[form].cue == "describe" and not form.startswith("describ"):
            return None
        if form.endswith("ing") or text[m.end() : m.end() + 1].isalpha():
            return None
        after_comma = text.rfind(",", at, m.start())
        if after_comma < 0:
            return None
        src = _subject_of(text, after_comma + 1, m.start(), False)
        if src is not None and src[0] > after_comma:
            return attribution.Cue(m.start(), m.end(), by_form[form], src, (at, after_comma))
        return None
    return None


def find(article, found) -> list[Span]:
    from . import attribution

    with attribution.no_gc():
        return _find(article, attribution)


class _Continued:
    """The cue, source and speaker of the quote just before, for a quoted sentence that goes on in the
    same voice."""

    def __init__(self, meta: dict):
        self.meta = {k: meta[k] for k in ("cue", "source", "speaker", "second_hand") if k in meta}


def _find(article, attribution) -> list[Span]:
    text = article.text
    links = attribution.quote_links(article)
    cues = sorted(attribution.analyse(article), key=lambda c: c.content)
    content_starts = [c.content[0] for c in cues]
    named = sorted(
        {
            c.source
            for c in cues
            if c.source is not None
            and text[c.source[0] : c.source[0] + 1].isupper()
            and text[c.source[0] : c.source[1]].lower() not in _PRONOUN_SPEAKERS
        }
    )
    by_start = sorted(cues, key=lambda c: c.start)
    cue_starts = [c.start for c in by_start]
    cue_ends = {c.end: c for c in by_start}
    sentence_starts = [s.start for s in article.sentences]
    sentence_ends = [s.end for s in article.sentences]
    recs: list = []
    for st in stretches(article):
        cue = links.get((st.start, st.end))
        if cue is not None and cue.source is not None and cue.start > st.end:
            # nested reported speech: "Brekke told reporters that the ruling was "a victory ..." and that
            # his members had never opposed ...": a quote inside the content of an earlier cue is that
            # cue's source's words, unless its own cue has a source outside that content
            k = bisect.bisect_right(content_starts, st.start) - 1
            for c in cues[max(0, k - 3) : k + 1]:
                if (
                    c is not cue
                    and c.source is not None
                    and c.end <= st.start
                    and c.content[0] <= st.start
                    and st.end <= c.content[1] + 1
                    and c.content[0] <= cue.source[0]
                    and cue.source[1] <= c.content[1]
                ):
                    cue = c
        within = None
        if cue is None:
            k = bisect.bisect_right(content_starts, st.start) - 1
            for c in cues[max(0, k - 3) : k + 1]:
                if c.content[0] <= st.start and st.end <= c.content[1] + 1:
                    within = c
        if within is not None and not is_speech(text, st):
            # "Trump called the assault ..., but he also noted the "senseless" deaths": a cue with a source
            # nearer the quote in its sentence is the one whose words these are
            k = bisect.bisect_right(sentence_starts, st.start) - 1
            near = _sentence_cue(by_start, cue_starts, sentence_starts[k] if k >= 0 else 0, st.start, st.start)
            if near is not None and within.end <= near.start:
                within = near
        if within is not None and is_speech(text, st):
            cue = within  # a full quoted sentence inside reported speech is that speaker's
        if cue is None and within is None and not st.unclosed:
            k = bisect.bisect_right(sentence_starts, st.start) - 1
            sent_start = sentence_starts[k] if k >= 0 else 0
            before = text[max(sent_start, st.start - 300) : st.start]  # a window: linear on one long sentence
            para = text.rfind("\n", max(0, st.start - 300), st.start)
            if para >= sent_start:
                before = text[para + 1 : st.start]
            if _stands_alone(text, st, before, cue_ends):
                # "He laughed and said, “We'll see.”", "Tester said. "Very good."", "“Go back,” Trump
                # barked": a quoted sentence of its own is speech; it takes the cue just before it
                label_alone = True
                c = cue_ends.get(len(before.rstrip(" \t,:")) + (st.start - len(before)))
                if c is None and before.rstrip().endswith(","):
                    # "an old fellow called Angus, met us at the landing and said, "...": a reporting verb
                    # just before the comma whose subject stands further back in the sentence
                    c = _local_cue(text, attribution, max(sent_start, st.start - 300, para + 1), st.start)
                    if c is not None and c.end < st.start - len(before) + len(before.rstrip(" \t,")):
                        c = None  # the verb must end right before the comma
                if c is None and not before.strip() and recs:
                    # ""We were told it would come back," he said. "It never did."": a quoted sentence right
                    # after a quote with a speaker, in the same paragraph, goes on in that speaker's voice
                    p_st, p_label, p_meta = recs[-1]
                    gap = text[p_st.end : st.start]
                    if (
                        p_label == "direct"
                        and "speaker" in p_meta
                        and "\n" not in gap
                        and len(gap) < 60
                        and not any(q in gap for q in ('"', "\u201c", "\u201d"))
                        and k >= 1
                        and p_st.start >= sentence_starts[k - 1]
                    ):
                        c = _Continued(p_meta)
                cue = c
            else:
                label_alone = False
                owned = _local_cue(text, attribution, max(sent_start, st.start - 80, para + 1), st.start)
                if (
                    owned is not None
                    and owned.source is not None
                    and (
                        text[owned.source[1] : owned.source[1] + 2] in ("'s", "\u2019s")
                        or text[owned.source[0] : owned.source[1]].lower() in ("his", "her", "its", "their")
                    )
                    and re.fullmatch(r"\s+(?:of|for|that|about|on)\s*", text[owned.end : st.start])
                ):
                    # "the government's promise of "a generation free from the screen"": the words are the
                    # owner's of the speech noun right before them, whatever cue the sentence has
                    cue = owned
                    c = None
                else:
                    c = _sentence_cue(by_start, cue_starts, sent_start, sentence_ends[k] if k >= 0 else 0, st.start)
                if cue is None and c is None and not _names_a_thing(text, st) and _short_label(text, st) == "scare":
                    c = _local_cue(text, attribution, max(sent_start, st.start - 300, para + 1), st.start)
                    if c is None and k >= 0 and st.end <= sentence_ends[k]:
                        c = _local_cue_after(text, attribution, st.end, sentence_ends[k])
                    if c is None and k >= 0:
                        c = _according_to(text, attribution, sent_start, sentence_ends[k], st)
                if c is not None and not _names_a_thing(text, st):
                    within = c  # a few quoted words after a cue in the same sentence: the speaker's
        else:
            label_alone = False
        if (
            cue is not None
            and not st.unclosed
            and not label_alone
            and not is_speech(text, st)
            and not _opens_sentence(text, st.start, sentence_starts)
        ):
            # "The "impact," Ann Cole said, was large": a few quoted words inside the sentence, not a
            # quoted sentence: the speaker's words, a partial quote
            label = "partial"
        elif cue is not None or st.unclosed or label_alone:
            label = "direct"
        elif is_speech(text, st):
            label = "term" if _names_a_thing(text, st) else "direct"
        else:
            label = _short_label(text, st)
            if (
                within is not None
                and not _SO_CALLED.search(text[max(0, st.start - 40) : st.start].lower())
                and not _NAMING.search(text[max(0, st.start - 40) : st.start].lower())
            ):
                # a few of the speaker's words inside their reported content; after a naming verb
                # ("the town calls its "summer heart"") the owner's name for a thing: a term quote
                label = (
                    "term"
                    if within.row.cue in ("call", "name")
                    and text[within.start : within.end].lower() not in _verb_cues(attribution)[2]
                    and not _names_a_person(text, within.end, st.start)
                    and not _judgement_after_call(text, within.end, st)
                    and _reads_as_a_name(text, within.end, st)
                    else "partial"
                )
        meta = {"content": list(st.content), "style": st.style}
        linked = cue if cue is not None else within if label in ("partial", "term") and within is not None else None
        if isinstance(linked, _Continued):
            meta.update(linked.meta)
            meta["continues"] = True
            linked = None
        if linked is not None:
            meta["cue"] = [linked.start, linked.end]
            if linked.source is not None:
                meta["source"] = list(linked.source)
                para = article.paragraph_index(linked.source[0])
                floor = article.paragraphs[para].start if para is not None else None
                meta["speaker"] = _speaker_name(text, linked, named, floor)
        if within is not None and cue is None:
            meta["within"] = [within.start, within.end]
        if (
            linked is not None
            and linked.row.kind == "quoted"
            or _SECOND_HAND.search(text[st.end : st.end + 60])
            or (linked is not None and _SECOND_HAND.search(text[linked.end : linked.end + 60]))
        ):
            meta["second_hand"] = True
        if st.unclosed:
            meta["unclosed"] = True
        if st.paragraphs > 1:
            meta["paragraphs"] = st.paragraphs
        if st.nested:
            meta["nested"] = [list(p) for p in st.nested]
        recs.append((st, label, meta))
    _share_coordinated(text, recs)
    _join_interrupted(text, recs)
    return [
        attribution.fast_span(text, LAYER, label, st.start, st.end, EXPLANATIONS[label], "", meta)
        for st, label, meta in recs
    ]


def _join_interrupted(text: str, recs: list) -> None:
    """A quote interrupted by its cue (""We will," Ann Cole said, "win."") goes on after the cue: the
    part after it is ``direct`` like the first part (not a partial quote), and its meta ``continues``
    = [start, end] of the first part. Only when the first part ends with a comma inside its marks, the
    second opens with a lower-case word, and the speaker, the cue and a comma stand between the two."""
    for i in range(1, len(recs)):
        (sa, la, ma), (sb, lb, mb) = recs[i - 1], recs[i]
        cue = ma.get("cue")
        if la != "direct" or lb != "partial" or cue is None or mb.get("cue") != cue:
            continue
        if not text[sa.content[0] : sa.content[1]].rstrip().endswith(","):
            continue
        first = _WORD.search(text, sb.content[0], sb.content[1])
        if first is None or not first.group(0)[0].islower():
            continue  # "..., she wrote in her memoir, "Tough Choices."": a capital opens a new sentence or a title
        gap = text[sa.end : sb.start]
        if (
            "\n" in gap
            or len(gap) > 120
            or not gap.rstrip().endswith(",")
            or not (sa.end <= cue[0] and cue[1] <= sb.start)
        ):
            continue
        meta = {k: v for k, v in mb.items() if k != "within"}
        meta["continues"] = [sa.start, sa.end]
        recs[i] = (sb, "direct", meta)


_COORDINATED = re.compile(r"\s*(?:,\s*)?(?:(?:and|or|but|nor)\s+)?(?:(?:yes|also|even),?\s+)?(?:(?:a|an|the)\s+)?$")


def _share_coordinated(text: str, recs: list) -> None:
    """Quotes listed together (""incredibly ugly," "a huge shock" and "a fight"", "a "train wreck" and
    "outsourcer in chief"") share one reading: a scare or term quote next to a partial quote of the same
    list, joined only by a comma, "and"/"or" and an article, becomes a partial quote of the same speaker.
    A run of quotes with no partial quote in it is left as it is."""
    for i in range(1, len(recs)):
        for a, b in ((i - 1, i), (i, i - 1)):
            (sa, la, ma), (sb, lb, mb) = recs[a], recs[b]
            if la != "partial" or lb not in ("scare", "term"):
                continue
            first, second = (sa, sb) if sa.start < sb.start else (sb, sa)
            gap = text[first.end : second.start]
            if (
                len(gap) > 20
                or "\n" in gap
                or not _COORDINATED.fullmatch(gap)
                or _SO_CALLED.search(text[max(0, sb.start - 40) : sb.start].lower())
            ):
                continue
            meta = {k: v for k, v in ma.items() if k not in ("content", "style", "unclosed", "paragraphs", "nested")}
            meta.update({k: v for k, v in mb.items() if k in ("content", "style", "unclosed", "paragraphs", "nested")})
            recs[b] = (sb, "partial", meta)
