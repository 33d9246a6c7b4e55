"""Attribution lens: the cues that tie content to a source, with their stance.

A cue is a reporting verb or phrase ("says", "reports", "has voiced", "have
suggested", "are concerned", "worry", "according to", "it was reported", "is said
to", "was quoted as saying"). The word list is ``lexicons/cues.csv``; its columns:

- ``cue``: the base form; a phrase lists its words (``break the silence``), ``*``
  stands for up to three words and ``a|b`` for alternatives (``offer * explanation|explanations``);
- ``stance``: ``neutral`` (says, reports, told, named), ``loaded`` (boasted, admitted,
  claimed, confirmed: the verb carries the writer's view of the words or the
  speaker), ``hedged`` (suggested, hinted: the source did not commit) or ``emotion``
  (worry, fear, are concerned: a feeling, not a statement);
- ``kind``: ``verb`` (needs a subject), ``adjective`` (needs a form of "be":
  "are concerned"), ``preposition`` ("according to X"), ``passive`` (a participle in
  "it was reported that", "X is said to", "we were told that": no source),
  ``quoted`` ("was quoted as saying"), ``colon`` (the row for ``Name: "..."``; its
  ``forms`` stay empty) or ``nominal`` (a noun after "in": "in a poll", "in X's view");
- ``forms``: the inflected forms of the first word, separated by ``|`` (say|says|said|saying);
- ``content``: what must follow: ``clause`` (a that-clause, a quote, a colon, or a
  clause such as "say they want"), ``any`` (also a plain object: "has voiced it"),
  ``object`` (an object that is not a proper name, so "a man named John" is no cue),
  ``infinitive`` (also "to" + a verb: "declined to comment", "wants to run");
- ``explanation`` (what the verb does to a reader) and ``alternative`` (a neutral verb);
- ``subject``: ``any``, or ``person`` for verbs with common non-speech senses ("the
  weather may explain", "the video shows"): the subject must then look like someone
  who can speak (a name, a pronoun, a plural, or a noun in ``source_groups.csv`` /
  ``source_titles.csv``); or ``document`` ("a poll shows", "the survey found"): the
  head noun of the subject must be a ``document`` in ``source_groups.csv``.
A missing column or an unknown stance/kind/content raises
:class:`~mediakit.errors.LexiconError` naming the file and the line.

The list holds reporting verbs and, as general grammatical classes (not words taken from
any corpus), mental-state and stance predicates: intention and volition (want, plan,
seek, decline, refuse, agree, vow, pledge, promise, hope + "to"), cognition and perception (know, see, feel,
consider, learn), evaluation (support, back, oppose, reject, welcome), characterisation and judgment (portray,
characterize, deem, label), avowal (disavow, repudiate, reaffirm, retract), manners of speaking
(yell, mutter, muse, opine), phrasal verbs of replying and retracting ("shot back", "fired back",
"walked back"), light verbs with a noun of speech ("made clear", "made the case", "issued a
statement", "took issue with", "raised concerns"), evidentials
(find, show, indicate, seem, appear), the passive "is expected to", and phrasal cues
with their particle ("talked about", "pointed to", "focused on"). The cue span takes in
its auxiliaries and negation ("has said", "did not say"), an adverb right before the verb
("also said", "has since said"), an aspectual verb with "to" ("is continuing to insist",
"polls continue to show", "went on to say", not "did not go on to say", "are quick to point out"), the particle of a phrasal cue ("warned of", "called for"), and
the medium right after the verb ("said in a statement", "told Reuters in an interview") and the
colon that introduces the words ("said:", "added warily:").
Intention verbs (promise, pledge, vow, hope, agree, want, plan ...) take "to" + a verb,
also after a time ("pledged Saturday to ...") or a personal object ("wants his party to work";
not "wanted the library to open"), only with a subject that can speak ("the
debate promised to be lively" is no cue), and not as a noun ("his own promise to", "gave
speeches and promises to", "Trump's plan to": a cue word right after a possessive is a noun); speech-act verbs (note, mention, emphasize,
acknowledge, reveal, predict) take a plain object ("noted the rise in fares"); verbs of
seeing or naming take an object and an "as" complement ("voters see the plan as a tax",
"which he described as reckless"; "view" and "regard" are cues only so); a clause may open with a contraction ("brags that's
good news"); a colon that closes its paragraph ("Hewitt writes:") takes the next paragraph
as content.

Each cue needs content, and a plausible source (a noun phrase before it, after it in
"..., says X", or the X of "according to X"), except: agentless passives have none, and
a plain speech verb ("said", "told", "wrote", "added", "reported") whose subject the word
rules cannot find still counts (a singular person noun is a plausible source: "One lawmaker called"), with no source ("..., fire crews in the area said").
A cue inside a closed quotation is the speaker's, not the article's ("I can say that
..."), and is not marked. A cue whose subject follows "if"/"unless"/"whether" is a
condition, not a cue ("If the mayor supports the plan, ..."; "If Kyiv wants to ..."); "know" with an institution as subject ("Kiev knows", "The council
knows") is the writer reading a mind (the claim lens's business), not a cue.

``meta``: ``source`` = [start, end] of the source phrase (absent for an
agentless passive or a source not found), ``content`` = [start, end] of what is attributed
(a list after a colon runs past its semicolons), ``quoted`` =
whether the content is a direct quote; also ``role`` = [start, end] of an appositive
role description (", a research fellow at ...", or "The chairman" in "The chairman,
Tomas Reed, said") when there is one, ``quote`` = [start, end] of the linked quote
span, ``lemma`` = the cue's base form, ``kind`` = its kind in the list.

A participle after a comma (", saying that ...") takes the subject of its main
clause; a gerund after "after/before/when/since" ("left after saying ...") takes a
plainly named main subject; coordinated verbs share a subject ("broke the silence ... and indirectly
confirmed"; with no earlier cue, the noun phrase that opens the sentence: "Trump had
welcomed the result and said ..."); "who ..." relative clauses lead back to their
antecedent; "who" (or "who's") right before the cue leads to a name or a noun for people
("business leaders who say", "Graham, who's called for"), but a restrictive clause that only
defines a group ("women who sought them", "people who support it") is no cue unless its verb
takes a clause or is a plain speech verb. A dashed aside between subject and cue is skipped
("The three scholars -- A, B and C -- agreed"); a bare quantifier ("many agreed", "some want
to know") stands for people; "as reported by X" is a cue with X as source; "officials who
asked not to be named" is no cue. A list of names in an appositive is the source ("The two
candidates, Lena Park and Omar Reyes, said"). A cue between commas inside a clause takes that
clause as its content ("The plan would be aided, Reyes said, by ..."), and a semicolon ends the
content of a cue that closes its clause ("..., doctors say; the shortage ..."). An inverted cue may have a description before the name ('"...," said
Democratic pollster Stan Greenberg'). "said in an interview, ..." takes the content
after the comma.

Also found (kinds ``colon`` and ``nominal`` in the list, and one rule for questions):

- a colon after a name or a source noun that opens a sentence (or follows a spaced
  dash): ``Kasich: "We are going all the way"``, "Insiders: Trump will rebound ...".
  Not a colon after a label ("Update:", "Q:"), a title ("The Ninth Circle: ..."), a
  place heading a list, a phrase in capitals (except in an interview transcript, where
  paragraphs open with "HOST: ...", "COLE: ...": there the label's words run to the end of
  its paragraph, however short), or before fewer than five words; also a
  colon between a name and a direct quote inside a sentence ('... pollster Daron Shaw:
  "..."') or after the name that opens a headline ("Gillibrand on the speeches: '...'");
- nominal cues, only in a sentence with no reporting verb: "in a new CNN poll" (cue
  "in", source the poll) and "in Bolton's view" / "in his view" (cue "view");
- questions: "asked X whether ...", and "Asked whether ..., she said" / "when asked
  about ..." (cue "Asked", no source unless "Asked by X"); in the passive, "she was asked
  whether ...", "has been asked about ...", "after being asked to ..." (no source unless "by X").

Left out on purpose: "I think", "we believe", "you hope" (an opinion verb with a first-
or second-person subject): the speaker hedging their own words, which the hedge lens
reads, not a source being cited. Also no attribution: a question put by the writer (the
subject after an inverted auxiliary in a sentence ending in "?": "Does anyone really believe
that ...?", "What do you remember ...?"); the reader addressed as "you" with a verb of thought
or perception ("Look closer and you will see that ...", "makes you believe"); a finding not yet
made ("Fans will find that ..."); a cue word after an amount ("a £14m plan to"); content that
is only a time or an indefinite pronoun ("sends reports every two hours", "explains nothing",
"says a word"); "appeared before/for" (a physical appearance). A loaded verb with "I"/"we" as
subject ("I'll admit") is the speaker's own word about their words and is read as neutral. A
source phrase that crosses ", and" after a clause with its own verb is cut to the second
subject ("I support it, and I think" -> "I": then the speaker's hedge); a time between the
subject and its verb is no source ("The Foundation, a charity, today announced"); a
collective noun for a body ("association", "committee", "jury") can speak; "The court heard
that" (a hearing body only).

Nested attributions: a verb cue whose subject stands inside the content of an earlier cue of
the same sentence ("Natarajan said her team now plans to ...", "told reporters that ... and
that his members had opposed") is that speaker's report. ``meta``: ``nested`` = [start, end]
of the outer cue, ``outer_source`` = its source; when the inner subject is a common noun phrase
("her team", "his members") ``source`` is the outer speaker and ``inner_source`` keeps the
phrase (PolNeAR marks it, so it stays measurable), so no one reads that the inner group said
it; a named inner source ("X said that Dunne had refused") stays ``source`` (cited
second-hand). A pronoun that is the speaker themself ("Western capitals say they want") is
not nested. A new clause after ", and" is outside the first cue's content.

A loaded cue's ``alternative`` is a neutral verb that keeps the meaning; after
"indirectly"/"implicitly" it is "alluded to" (the speaker did not say it, so "said"
would change the facts).

Not detected: a scene in a film or novel described in the present ("Two sisters argue about
a house", "neither says what it is about"), read as speech; object relatives other than ", which
X says are ..." and a contact clause ("Teachers I have spoken to describe"); a cue after a predicate with an object ("met us at
the landing and said"); "put the magnitude at"; "realise" and other factive verbs not in the list; interview transcripts
set out without a colon after the name; a cue inside an unclosed quotation is still read;
nominal cues other than "in a poll/statement/interview" and "in X's view" ("his claim that",
"the report that"); pronoun sources are linked ("he said") but resolved to a person only by
the source lens (nearest named person cited in the same or the previous sentence);
cues whose subject is far away or hidden behind a relative clause other than
"who ..."; nouns with a that-clause ("his claim that", "the report that");
"reportedly"/"allegedly" (the hedge lens's business); passive agents other than
"it was reported by X", "Asked by X" and "was asked by X"; passives of other cue verbs
("was criticized", "has been told") and their cue spans (PolNeAR marks "was rejected" as a
cue); the particle after a cue ("asked about", "said of", except "talked about"-rows and a
particle that opens the content), an adverb before a cue ("then said", "now know"), and the
"'s" of a contracted pronoun ("she's said") are left out of the span (measured on PolNeAR's
dev half, each added more wrong tokens than right ones, or about as many); a capitalised cue verb outside a
Title Case headline (it is read as a name: "the United States"); "find"/"show" unless a
poll, a study or records is the subject ("a poll shows" is a cue, "the video shows" and
"he found" are not); any verb that is not in the list.
The subject is found by rules over words (no parser): a long subject with a verb
inside it ("The judge rubbed his chin, and then said") is missed, and so are subjects with
a post-modifier and a time ("A second officer at the base that evening backed ..."),
object relatives ("a deal she once supported", "who many members oppose"), predicative
cues other than "be quick/eager/careful/keen to" ("were more likely to say" is left out: a
likelihood may be the writer's forecast), a capitalised cue in a Title Case entry title
inside a live blog ("Rubio Thinks ..." after a time stamp), agent nouns missing from the
source lists (a singular in -maker/-man/-person or of a listed group counts: "One lawmaker called ..."),
and a restrictive "who" clause with a stance verb and an object ("a governor who had endorsed
him"). "as the" after "see X" is read as a clause ("saw the film as the rain fell"), so
"see X as the best" is missed.

>>> from mediakit import load_article
>>> from mediakit.lenses import run
>>> cues = run(load_article(), ["attribution_cue"])["attribution_cue"]
>>> [(c.text, c.label) for c in cues][:4]
[('reports', 'neutral'), ('broke the silence', 'loaded'), ('indirectly confirmed', 'loaded'), ('named', 'neutral')]
>>> a = load_article("Officials in the town say the bridge will reopen in May.")
>>> c = run(a, ["attribution_cue"])["attribution_cue"][0]
>>> c.text, a.text[slice(*c.get("source"))], a.text[slice(*c.get("content"))]
('say', 'Officials in the town', 'the bridge will reopen in May')
"""

from __future__ import annotations

import bisect
import contextlib
import csv
import functools
import gc
import io
import itertools
import re
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import LexiconError
from ..lexicon import lexicon_dir, load
from ..spans import Span
from . import quotes as _quotes

LAYER = "attribution_cue"

STANCES = ("neutral", "loaded", "hedged", "emotion")
KINDS = ("verb", "adjective", "preposition", "passive", "quoted", "colon", "nominal")
CONTENTS = ("clause", "any", "object", "quote", "infinitive")

_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|\w+(?:[-'\u2019]\w+)*|[^\w\s]")
_TOKEN_SPLIT = re.compile("(" + _TOKEN.pattern + ")")

AUX = frozenset(
    "has have had 've 'd will would shall should can could may might must do does did "
    "is are was were be been being am 's 're 'm not n't never".split()
)
BE = frozenset("is are was were be been being am 's 're 'm".split())
COPULA = BE | frozenset(
    "remain remains remained become becomes became grow grows grew "
    "feel feels felt seem seems seemed appear appears appeared".split()
)
ADVERBS = frozenset(
    "also still already just even now then again never often repeatedly however instead too "
    "once reportedly publicly privately openly previously recently later "
    "long further separately additionally initially originally finally immediately "
    "subsequently ultimately always usually sometimes frequently regularly constantly consistently".split()
)
DETERMINERS = frozenset(
    "the a an this that these those his her its their our my your no any some each every such what which whose".split()
)
PRONOUNS = frozenset("he she they we i you it one someone somebody everyone nobody".split())
# Words that end the subject when reading backwards from the cue.
SUBJECT_STOP = frozenset(
    """
that which whom whose when where while whereas because if unless although though since
after before as than whether until once so but is are was were be been being am has have had
do does did will would can could may might must should shall not to by into about over under
through during against without within between then there here what how why onto upon toward
towards across despite around
""".split()
)
LEADING = frozenset(
    "and but or so yet however meanwhile now still also instead then thus indeed "
    "moreover furthermore nevertheless nonetheless even".split()
)
PREPOSITIONS = frozenset(
    "with in on at for from of after before during by into about over under "
    "through against without within between since across despite".split()
)
ADDRESSEE = frozenset(
    "tell tells told telling warn warns warned warning ask asks asked asking "
    "assure assures assured remind reminds reminded inform informs informed".split()
)
CLAUSE_START = frozenset("that whether if how why what when where who which there this these those".split())
FINITE = frozenset(
    "is are was were will would can could has have had should must may might did does do "
    "want wants wanted need needs needed shall".split()
)
EMOTION_PREP = frozenset("about over by at with for".split())
NOT_SOURCES = frozenset(
    "plan plans schedule preference preferences script taste tradition instructions "
    "rules size age rank order need needs".split()
)
# Words before a colon that label a section, not a speaker ("Update: ...", "Q: ...").
COLON_LABELS = frozenset(
    """q a about notes update updated note editor editors watch video photo photos image images read related
source sources credit credits caption by breaking exclusive opinion analysis review quiz timeline explainer
fact check live tags tag topics category share listen subscribe correction clarification advertisement
warning chapter part step day week year example examples question answer summary bottom line
plus also previously contributing contributor news bonus background context meanwhile why what how who when where
""".split()
)
# Opinion verbs that, with "I"/"we"/"you" as subject, hedge the speaker's own words ("I think it
# will pass"): the hedge lens's business, not a source being cited.
SPEAKER_HEDGES = frozenset("think believe hope guess suppose doubt suspect assume reckon feel".split())
TIME_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april
may june july august september october november december week weekend month year morning afternoon evening
night day days weeks months today yesterday tonight""".split()
)
# Prepositions that a reporting verb takes as its particle ("warned of", "talked about", "called for"):
# they belong to the cue span, as PolNeAR's guidelines mark multi-word cues.
PARTICLES = frozenset("about of for against over".split())
INDIRECT_ADVERBS = frozenset("indirectly implicitly tacitly obliquely".split())
ASK = frozenset("ask asks asked asking".split())
INVERTED_FOLLOW = frozenset("who when during in on at after before while as about".split())
NAME_PARTICLES = frozenset("de del della da di du van von der den la le al el bin ibn".split())
TITLE_ABBREVIATIONS = frozenset("mr mrs ms dr gen sen rep gov lt col prof st sgt capt adm cmdr rev jr sr".split())
QUANTIFIERS = frozenset("some many most several others few both all none".split())
NOT_SUBJECT = frozenset("this that these those which what there here who whom".split())
_PUNCT_STOP = set(".;:!?()[]{}\"\u201c\u201d\u2018\u2019'\u2014\u2013\u2026")
_OPEN_QUOTE = set("\"\u201c\u2018'")

_IT_PASSIVE = re.compile(
    r"\bit\s+(?:is|was|has\s+been|had\s+been|will\s+be|would\s+be|may\s+be|might\s+be|"
    r"could\s+be|can\s+be|is\s+being|was\s+being)\s+(?:widely\s+|also\s+|now\s+)?$"
)
_BEING_PASSIVE = re.compile(
    r"\b(?:is|are|was|were|has\s+been|have\s+been|had\s+been|will\s+be|"
    r"(?:is|are|was|were)\s+being)\s+(?:now\s+|also\s+|repeatedly\s+)?$"
)
# "was asked", "has been asked", "after being asked", "is often asked": the auxiliaries of a passive question
_ASKED_PASSIVE = re.compile(
    r"(?:^|(?<=[^\w']))(?:(?:has|have|had|will|would|could|may|might|must|should)\s+(?:not\s+|never\s+)?)?"
    r"(?:is|are|was|were|be|been|being|'s|'re)\s+(?:(?:not|never|also|often|again|then|later|first|once|still|"
    r"repeatedly|specifically|directly|\w+ly)\s+){0,2}$"
)
_ASKED_NEXT = frozenset("about whether if to why how what who which when where for".split())
_NP_PASSIVE = re.compile(r"\b(?:is|are|was|were|has\s+been|have\s+been|had\s+been)\s+(?:widely\s+|also\s+|now\s+)?$")


@dataclass(frozen=True)
class CueRow:
    cue: str
    stance: str
    kind: str
    forms: tuple[str, ...]
    rest: tuple[str, ...]  # the words after the first one ("the", "silence"); "*" = gap
    content: str
    explanation: str
    alternative: str
    subject: str = "any"


@dataclass(frozen=True)
class Cue:
    """One attribution found in the text (offsets into ``article.text``)."""

    start: int
    end: int
    row: CueRow
    source: tuple[int, int] | None
    content: tuple[int, int]
    quoted: bool = False
    quote: tuple[int, int] | None = None
    role: tuple[int, int] | None = None
    also: tuple = ()  # other quotes cited by the same cue
    nested: Cue | None = None  # the cue whose content holds this one ("X said her team plans ...")


def _inflect(lemma: str) -> tuple[str, ...]:
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        third = lemma + "es"
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        third = lemma[:-1] + "ies"
    else:
        third = lemma + "s"
    if lemma.endswith("e"):
        past, ing = lemma + "d", lemma[:-1] + "ing"
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        past, ing = lemma[:-1] + "ied", lemma + "ing"
    else:
        past, ing = lemma + "ed", lemma + "ing"
    return (lemma, third, past, ing)


def rows_with_lines(name: str, folder: str | None = None):
    """``(path, line number, row)`` for each row of ``<name>.csv`` (comments and blank lines skipped).

    :func:`mediakit.lexicon.load` checks the file first (header, required columns), so
    that its messages stay the same; the line numbers let a lens name the bad line.
    """
    load(name, folder)
    path = Path(folder) / f"{name}.csv" if folder else lexicon_dir() / f"{name}.csv"
    raw = path.read_text(encoding="utf-8")
    from ..cache import memo, text_digest  # the command line keeps the rows in its cache file, keyed by the file's text

    return [(path, n, row) for n, row in memo(("rows-with-lines", 2, text_digest(raw)), lambda: _numbered_rows(raw))]


def _numbered_rows(raw: str) -> list[tuple[int, dict]]:
    """``(line number, row)`` for each row of a list's text (see :func:`rows_with_lines`)."""
    reader = csv.DictReader(io.StringIO(raw))
    out = []
    for row in reader:
        values = [(v or "") for k, v in row.items() if k is not None]
        if not any(v.strip() for v in values) or (values and values[0].lstrip().startswith("#")):
            continue
        out.append((reader.line_num, {k: (v or "").strip() for k, v in row.items() if k is not None}))
    return out


@functools.cache
def cue_rows(folder: str | None = None) -> tuple[CueRow, ...]:
    """The rows of ``cues.csv``, checked. A bad row raises :class:`LexiconError`.

    >>> sorted({r.stance for r in cue_rows()})
    ['emotion', 'hedged', 'loaded', 'neutral']
    >>> [r.subject for r in cue_rows() if r.cue == "know"]
    ['person']
    """
    out = []
    for path, n, row in rows_with_lines("cues", folder):
        where = f"{path}, line {n}"
        for col, allowed in (("stance", STANCES), ("kind", KINDS), ("content", CONTENTS)):
            value = row.get(col, "")
            if value not in allowed:
                raise LexiconError(
                    f"{where}: the row for {row.get('cue', '')!r} has {col} {value!r}; "
                    f"it must be one of {', '.join(allowed)}."
                )
        words = row["cue"].lower().split()
        forms = tuple(f.strip().lower() for f in row.get("forms", "").split("|") if f.strip())
        if row["kind"] == "colon":
            forms = ()  # found by its punctuation, not by a word
        elif not forms:
            forms = _inflect(words[0]) if row["kind"] == "verb" else (words[0],)
        if any(not re.fullmatch(r"[a-z][a-z'\-]*", f) for f in forms):
            raise LexiconError(
                f"{where}: the row for {row['cue']!r} has a form that is not a single word: {'|'.join(forms)}."
            )
        subject = row.get("subject", "") or "any"
        if subject not in ("any", "person", "document"):
            raise LexiconError(
                f"{where}: the row for {row['cue']!r} has subject {subject!r}; it must be any, person or document."
            )
        out.append(
            CueRow(
                row["cue"],
                row["stance"],
                row["kind"],
                forms,
                tuple(words[1:]),
                row["content"],
                row["explanation"],
                row.get("alternative", ""),
                subject,
            )
        )
    return tuple(out)


@functools.cache
def _index(folder: str | None = None):
    by_form: dict[str, list[CueRow]] = {}
    for r in cue_rows(folder):
        for f in r.forms:
            by_form.setdefault(f, []).append(r)
    # The pattern's text is kept in the command line's cache file, keyed by the forms it is built from.
    from ..cache import memo

    forms = sorted(by_form)
    pattern = re.compile(memo(("cue-trie", 1, tuple(forms)), lambda: r"\b" + _trie(forms) + r"\b"))
    return by_form, pattern


def _trie(words) -> str:
    """One regular expression that matches any of ``words``, built as a trie (fast to scan)."""
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [re.escape(k) + build(v) for k, v in sorted(node.items()) if k]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return build(root)


class _Raw:
    """The original spelling of a unit's tokens, sliced on demand."""

    __slots__ = ("text", "s", "e")

    def __init__(self, text, s, e):
        self.text, self.s, self.e = text, s, e

    def __getitem__(self, i: int) -> str:
        return self.text[self.s[i] : self.e[i]]


class _Unit:
    """A sentence (or the headline), cut into tokens."""

    __slots__ = ("start", "end", "tok_s", "tok_e", "low", "raw", "cues", "n")

    def __init__(self, text: str, norm: str, start: int, end: int):
        self.start, self.end = start, end
        # re.split with a capturing group alternates gaps and tokens: their lengths give the offsets
        parts = _TOKEN_SPLIT.split(norm[start:end])
        offsets = list(itertools.accumulate(map(len, parts), initial=start))
        self.low = parts[1::2]
        self.tok_s = offsets[1:-1:2]
        self.tok_e = offsets[2::2]
        self.n = len(self.low)  # len(unit), without a method call
        self.raw = _Raw(text, self.tok_s, self.tok_e)
        self.cues: list[Cue] = []

    def index_at(self, offset: int) -> int:
        return bisect.bisect_left(self.tok_s, offset)

    def __len__(self) -> int:
        return len(self.tok_s)


def _units(article) -> list[tuple[int, int]]:
    units = []
    if article.headline is not None:
        units.append((article.headline.start, article.headline.end))
    units.extend((s.start, s.end) for s in article.sentences)
    units.sort()
    return units


def _is_punct(tok: str) -> bool:
    return len(tok) == 1 and not tok.isalnum()


def _is_cap(tok: str) -> bool:
    return tok[:1].isupper()


class _Analyser:
    def __init__(self, article, folder=None):
        self.article = article
        self.text = article.text
        self.norm = article.normalized()
        self.by_form, self.pattern = _index(folder)
        self.rows = cue_rows(folder)
        self.nominal_forms = frozenset(f for r in self.rows if r.kind == "nominal" for f in r.forms)
        self.verb_forms = frozenset(f for r in self.rows if r.kind not in ("nominal", "colon") for f in r.forms)
        # the plain reporting verbs (not the stance and mental-state verbs, whose forms are often nouns:
        # "the plan", "his view"): a sentence with one of them needs no nominal cue
        self.speech_forms = frozenset(
            f
            for r in self.rows
            if r.kind not in ("nominal", "colon") and r.subject != "person" and r.content != "infinitive"
            for f in r.forms
        )
        self.units = _units(article)
        self.unit_starts = [u[0] for u in self.units]
        self.unit_cache: dict[int, _Unit] = {}
        self.stretches = _quotes.stretches(article)
        self.q_starts = [q.start for q in self.stretches]
        self.q_ends = sorted((q.end, i) for i, q in enumerate(self.stretches))
        self.para_starts = [p.start for p in article.paragraphs]
        self._speech: dict[tuple[int, int], bool] = {}
        self._breaks: dict[int, tuple] = {}
        self._transcript: bool | None = None
        self._person_nouns = None
        # A headline in Title Case ("County Says Trump Should Win") may have a capitalised cue.
        self.title_case_headline = -1
        self.head_end = article.headline.end if article.headline is not None else 0
        if article.headline is not None:
            words = [
                w
                for w in _WORDS.findall(article.headline.text)
                if w.lower() not in ("a", "an", "the", "of", "and", "to", "in", "on", "for")
            ]
            if len(words) >= 3 and sum(w[:1].isupper() for w in words) >= 0.8 * len(words):
                self.title_case_headline = article.headline.start

    # -- helpers -----------------------------------------------------------------
    def unit(self, offset: int) -> _Unit | None:
        i = bisect.bisect_right(self.unit_starts, offset) - 1
        if i < 0:
            return None
        s, e = self.units[i]
        if not (s <= offset < e):
            return None
        u = self.unit_cache.get(i)
        if u is None:
            u = self.unit_cache[i] = _Unit(self.text, self.norm, s, e)
        return u

    def para(self, offset: int) -> int:
        return bisect.bisect_right(self.para_starts, offset) - 1

    def in_quote(self, offset: int):
        i = bisect.bisect_right(self.q_starts, offset) - 1
        for q in self.stretches[max(0, i - 2) : i + 1]:  # a nested pair may start after its outer quote
            if q.start <= offset < q.end:
                return q
        return None

    def abbreviation_dot(self, u: _Unit, k: int) -> bool:
        """Whether token ``k`` is the full stop of "Mr." or of an initial ("George W. Bush")."""
        return (
            u.low[k] == "."
            and k > 0
            and u.tok_s[k] == u.tok_e[k - 1]
            and (u.low[k - 1] in TITLE_ABBREVIATIONS or (len(u.low[k - 1]) == 1 and u.raw[k - 1].isupper()))
        )

    def possessive_mark(self, u: _Unit, k: int) -> bool:
        """Whether token ``k`` is the apostrophe of a plural possessive ("Sanders' campaign manager")."""
        return (
            u.low[k] == "'"
            and k > 0
            and u.tok_s[k] == u.tok_e[k - 1]
            and u.low[k - 1].endswith("s")
            and k + 1 < u.n
            and u.tok_s[k + 1] > u.tok_e[k]
        )

    def role_words(self, u: _Unit, a: int, b: int) -> bool:
        """Whether tokens ``a`` to ``b`` hold a lower-case title or role noun ("South Carolina
        director for Sanders"): a capitalised appositive that describes a person."""
        nouns = self.person_nouns()
        return any(not _is_cap(u.raw[t]) and (u.low[t] in nouns or u.low[t].rstrip("s") in nouns) for t in range(a, b))

    def source_nouns(self):
        """Head nouns of sources that are people or documents (``source_groups.csv``, ``source_titles.csv``)."""
        return self.person_nouns()

    def person_nouns(self):
        from .sources import _lists

        if self._person_nouns is None:
            groups, titles, _ = _lists()
            self._person_nouns = groups.keys() | titles.keys()
        return self._person_nouns

    # -- the scan ----------------------------------------------------------------
    def run(self) -> list[Cue]:
        out: list[Cue] = []
        norm = self.norm
        text = self.text
        for m in self.pattern.finditer(norm):
            pos = m.start()
            # cheap checks before the sentence is cut into tokens
            word = m.group(0)
            if word in self.nominal_forms and norm.find("in ", max(0, pos - 60), pos) == -1:
                if word not in self.verb_forms:
                    continue  # a nominal cue needs "in" before it
                nominal_ok = False
            else:
                nominal_ok = True
            if (
                _NOUN_BEFORE.search(norm, max(0, pos - 12), pos)
                and not norm.startswith(("according", "quoted"), pos)
                and not (nominal_ok and word in self.nominal_forms)
                and not _ASPECTUAL_TO.search(norm, max(0, pos - 16), pos)
                and not _SPOKEN_TO.search(norm, max(0, pos - 40), pos)
            ):
                continue  # "the reports", "to say", "his claims"
            if text[pos].isupper() and pos >= self.head_end:
                back = pos - 1
                while back >= 0 and text[back] in " \t\"'\u201c\u2018(":
                    back -= 1
                if back >= 0 and text[back] not in ".!?\n\r:\u201d\u2019":
                    continue  # "the United States", "Washington Post"
            u = self.unit(pos)
            if u is None:
                continue
            i = u.index_at(m.start())
            if i >= u.n or u.tok_s[i] != m.start() or u.low[i] != m.group(0):
                continue  # inside a longer token ("say-so", "claim's")
            if u.cues and any(c.start <= pos < c.end for c in u.cues[-4:]):  # cues come in text order: linear
                continue
            q_in = self.in_quote(pos)
            if q_in is not None and not q_in.unclosed:
                continue  # "I can say ..." inside a quotation is the speaker's
            cue = self.try_at(u, i)
            if cue is not None:
                cue = self.widen(u, cue)
                if u.cues:
                    prev = u.cues[-1]
                    if prev.source == cue.source and prev.content[0] < cue.start < prev.content[1] and not prev.quoted:
                        # "He claimed that ..., and insisted that ...": the first content stops at "and"
                        ce = cue.start
                        if cue.source is not None and cue.source[1] <= ce and cue.source[0] >= prev.content[0]:
                            ce = cue.source[0]
                        head = self.text[prev.content[0] : ce].rstrip(" \t\r\n,")
                        for joint in (" and", " but"):
                            if head.endswith(joint):
                                head = head[: -len(joint)].rstrip(" \t\r\n,")
                        ce = prev.content[0] + len(head)
                        if ce > prev.content[0]:
                            i_prev = next(k for k in range(len(out) - 1, -1, -1) if out[k] is prev)
                            prev = Cue(
                                prev.start,
                                prev.end,
                                prev.row,
                                prev.source,
                                (prev.content[0], ce),
                                prev.quoted,
                                prev.quote,
                                prev.role,
                                prev.also,
                            )
                            out[i_prev] = u.cues[-1] = prev
                also = self.other_quote(u, cue)
                if also:
                    cue = Cue(
                        cue.start, cue.end, cue.row, cue.source, cue.content, cue.quoted, cue.quote, cue.role, also
                    )
                outer = self.outer(u, cue)
                if outer is not None:
                    # "Natarajan said her team now plans to ...": the inner attribution is the outer
                    # speaker's report; the outer content runs on over it
                    cue = replace(cue, nested=outer)
                    if outer.content[1] < cue.content[1] and not outer.quoted:
                        k = next(k for k in range(len(out) - 1, -1, -1) if out[k] is outer)
                        wider = replace(outer, content=(outer.content[0], cue.content[1]))
                        out[k] = wider
                        for x in range(len(u.cues) - 1, max(-1, len(u.cues) - 6), -1):
                            if u.cues[x] is outer:
                                u.cues[x] = wider
                                break
                        cue = replace(cue, nested=wider)
                u.cues.append(cue)
                out.append(cue)
        out.extend(self.colons())
        out.sort(key=lambda c: (c.start, c.end))
        return out

    def object_relative(self, u: _Unit, before: int) -> bool:
        """Whether the cue's subject opens a relative clause whose verb follows the cue ("the figures,
        which the union says are wrong"): "which"/"that" after a comma, then a short noun phrase."""
        k = before
        while k >= 0 and before - k < 4 and not _is_punct(u.low[k]) and u.low[k] not in ("which", "that"):
            k -= 1
        return k >= 1 and k < before and u.low[k] == "which" and u.low[k - 1] == ","

    def outer(self, u: _Unit, cue: Cue) -> Cue | None:
        """The earlier cue of the same sentence whose (not quoted) content holds this cue and its source."""
        if (
            cue.source is None
            or cue.source[0] >= cue.start
            or cue.content[0] < cue.end
            or cue.row.kind not in ("verb", "adjective")
        ):
            return None  # "according to X", "..., said X", "..., Castell said": the cue stands outside the words
        at = cue.source[0]
        for prev in reversed(u.cues[-4:]):
            if (
                prev.quoted
                or prev.source == cue.source
                or prev.source is None
                or prev.row.kind not in ("verb", "adjective")
                or not (prev.row.content == "clause" or prev.row.cue in _CLAUSE_VERBS)
            ):
                continue  # only a verb that reports a clause holds another's words ("referred to X" does not)
            if prev.content[0] <= at < prev.content[1] + 1 and prev.content[0] > prev.start:
                if _COORDINATED.search(self.norm, prev.content[0], at):
                    return None  # "X criticised the delay, and several have asked ...": a new clause, not the words
                return prev.nested or prev
        return None

    def widen(self, u: _Unit, cue: Cue) -> Cue:
        """The cue span with the colon that introduces the words, as PolNeAR's guidelines mark a cue
        ("said:", "added warily:", "was quoted as saying:"); the content then starts after the colon."""
        if cue.row.kind not in ("verb", "adjective", "passive", "quoted"):
            return cue
        low = u.low
        c = u.index_at(cue.end)
        if c < u.n and low[c].endswith("ly") and low[c].isalpha() and c + 1 < u.n and low[c + 1] == ":":
            c += 1  # "added warily:"
        if c >= u.n or low[c] != ":" or u.tok_s[c] < cue.end:
            return cue
        cs, ce = cue.content
        if cs < u.tok_s[c] < ce:
            return cue  # the colon is inside the content: "..., she said, adding: ..." is another cue's
        end = u.tok_e[c]
        if cs < end <= ce:
            cs = end
        if cs >= ce:
            cs = cue.content[0]
        return Cue(cue.start, end, cue.row, cue.source, (cs, ce), cue.quoted, cue.quote, cue.role, cue.also)

    def colons(self) -> list[Cue]:
        """'Kasich: "We are going all the way"', 'Insiders: Trump will rebound': a name or a
        source noun at the start of a sentence (or after a dash), then a colon and what they said."""
        rows = [r for r in self.rows if r.kind == "colon"]
        if not rows:
            return []
        r = rows[0]
        out = []
        text = self.text
        pos = text.find(":")
        while pos != -1:
            nxt = pos + 1
            cue = self.colon_at(pos, r)
            if cue is None:
                cue = self.colon_name_quote(pos, r)
            if cue is not None:
                out.append(cue)
            pos = text.find(":", nxt)
        return out

    def transcript(self) -> bool:
        """Whether the article reads as an interview transcript: at least two paragraphs open with the
        same speaker label in capitals and a colon ("TRUMP: ...", "HOST: ..."), or three with any."""
        if self._transcript is None:
            labels = [
                m.group(1) for m in _TRANSCRIPT_LABEL.finditer(self.text) if m.group(1).lower() not in COLON_LABELS
            ]
            counts = {}
            for lab in labels:
                counts[lab] = counts.get(lab, 0) + 1
            self._transcript = len(labels) >= 3 or any(n >= 2 for n in counts.values())
        return self._transcript

    def colon_name_quote(self, pos: int, r: CueRow) -> Cue | None:
        """A colon right after a person's name and right before a direct quote, inside a sentence:
        'The timing does not surprise pollster Daron Shaw: "Historically, ..."', or a headline
        'Gillibrand on the speeches: 'I think she will.''. The source is the capitalised name that
        ends (or, in a headline, opens) the words before the colon."""
        u = self.unit(pos)
        if u is None or (u.cues and any(c.start <= pos < c.content[1] for c in u.cues[-8:])):
            return None
        i = u.index_at(pos)
        if i >= u.n or u.tok_s[i] != pos or i == 0 or self.in_quote(pos) is not None:
            return None
        q = self.quote_after(pos + 1)
        if q is None or not self.speech(q):
            return None
        is_head = u.start < self.head_end
        k = i - 1
        while k >= 0 and _is_cap(u.raw[k]) and not _is_punct(u.low[k]) and i - k <= 4:
            k -= 1
        first, last = k + 1, i - 1
        if is_head:
            # headline "Name on/to/at something: '...'": the name opens the headline
            first = 0
            while first < u.n and _is_punct(u.low[first]):
                first += 1
            last = first
            while last + 1 < i and _is_cap(u.raw[last + 1]) and last - first < 3:
                last += 1
            if last + 1 >= i or u.low[last + 1] not in ("on", "to", "at", "about", "in", "for"):
                return None
        if first > last or not _is_cap(u.raw[first]):
            return None
        words = [u.low[t] for t in range(first, last + 1)]
        if any(w in COLON_LABELS or w in TIME_WORDS or w in DETERMINERS for w in words) or all(
            u.raw[t].isupper() for t in range(first, last + 1)
        ):
            return None
        from .sources import _lists

        if _lists()[2].get(self.text[u.tok_s[first] : u.tok_e[last]]) == "place":
            return None
        return Cue(pos, pos + 1, r, (u.tok_s[first], u.tok_e[last]), q.content, True, (q.start, q.end), None)

    def colon_at(self, pos: int, r: CueRow) -> Cue | None:
        u = self.unit(pos)
        if u is None or (u.cues and any(c.start <= pos < c.content[1] for c in u.cues[-8:])):
            return None
        i = u.index_at(pos)
        if i >= u.n or u.tok_s[i] != pos or i + 1 >= u.n or self.in_quote(pos) is not None:
            return None
        # the phrase before the colon: from the sentence start, or from a dash ("Pollsters agree - Carl Bialik:")
        k = i - 1
        while (
            k >= 0
            and u.low[k] not in ("-", "\u2014", "\u2013")
            and (not _is_punct(u.low[k]) or self.abbreviation_dot(u, k) or u.low[k] in ("'", "&"))
        ):
            k -= 1
        if k >= 0 and (u.low[k] not in ("-", "\u2014", "\u2013") or k == 0 or u.tok_s[k] == u.tok_e[k - 1]):
            return None  # only at the sentence start, or after a spaced dash
        first = k + 1
        n = i - first
        if not 1 <= n <= 7:
            return None
        words = [u.low[t] for t in range(first, i) if not _is_punct(u.low[t])]
        if (
            not words
            or words[0] in COLON_LABELS
            or any(w.isdigit() or w in COLON_LABELS for w in words)
            or (len(words) == 1 and len(words[0]) < 3)
            or words[-1] in PRONOUNS
            or words[-1] in DETERMINERS
        ):
            return None
        capitalised = all(
            _is_cap(u.raw[t])
            or u.low[t] in NAME_PARTICLES
            or u.low[t] in ("and", "of", "'s", "&")
            or _is_punct(u.low[t])
            for t in range(first, i)
        )
        nouns = self.person_nouns()
        head = words[-1]
        noun_head = head in nouns or head.rstrip("s") in nouns
        if not (capitalised or noun_head) or (words[0] in DETERMINERS and not noun_head):
            return None  # "The Ninth Circle: The Hellish View ..." is a title
        if all(u.raw[t].isupper() for t in range(first, i) if len(u.low[t]) > 1 and not _is_punct(u.low[t])) and not (
            self.transcript() and i - first <= 3
        ):
            return None  # "PREVIOUSLY:", "WASHINGTON:" are labels (not in a transcript)
        from .sources import _lists

        if _lists()[2].get(self.text[u.tok_s[first] : u.tok_e[i - 1]]) == "place":
            return None  # "Iowa: Tim Albrecht, Brad Anderson": a list under a place
        if "'s" in words or head in ("warning", "message", "line", "answer", "verdict", "question"):
            return None
        # what follows: a quote, or a clause of at least three words
        q = self.quote_after(pos + 1)
        if q is not None:
            return Cue(pos, pos + 1, r, (u.tok_s[first], u.tok_e[i - 1]), q.content, True, (q.start, q.end), None)
        if self.transcript() and self.text[self.text.rfind("\n", 0, u.tok_s[first]) + 1 : u.tok_s[first]].strip() == "":
            # an answer in a transcript ("ABARA: In 2019, I think. The water came up ..."): the label's
            # words run to the end of its paragraph, however short
            cs = u.tok_s[i + 1]
            ce = self.text.find("\n", cs)
            ce = len(self.text) if ce == -1 else ce
            while ce > cs and self.text[ce - 1].isspace():
                ce -= 1
            if ce > cs:  # the speaker's own words, as in a direct quote
                return Cue(pos, pos + 1, r, (u.tok_s[first], u.tok_e[i - 1]), (cs, ce), True, None, None)
        cs, ce = self.to_end(u, u.tok_s[i + 1])
        if ce <= cs or len(_WORDS.findall(self.text, cs, ce)) < 5 or self.text.count(",", cs, ce) >= 3:
            return None
        return Cue(pos, pos + 1, r, (u.tok_s[first], u.tok_e[i - 1]), (cs, ce), False, None, None)

    def other_quote(self, u: _Unit, cue: Cue):
        """Other quotes the same cue cites: '"It's a relief," Ward said, "because ..."', and
        '"...," he said. "The company has offered nothing."' (the next sentence of the paragraph)."""
        if cue.quote is None:
            return ()
        out = []
        anchor = cue.source[0] if cue.source is not None and cue.source[0] < cue.start else cue.start
        q = self.quote_near_before(anchor, speech_only=False)
        if q is not None and (q.start, q.end) != cue.quote and q.end <= anchor:
            out.append((q.start, q.end))
        q = self.quote_after(max(cue.end, cue.source[1] if cue.source else 0))
        if q is not None and (q.start, q.end) != cue.quote and q.start >= cue.end:
            out.append((q.start, q.end))
        last = max([cue.quote[1], u.end] + [e for _, e in out])
        i = bisect.bisect_left(self.q_starts, last)
        if i < len(self.stretches):
            q = self.stretches[i]
            if (
                self.text[last : q.start].strip() == ""
                and self.para(q.start) == self.para(cue.start)
                and q.double
                and self.speech(q)
            ):
                out.append((q.start, q.end))
        return tuple(out)

    def try_at(self, u: _Unit, i: int) -> Cue | None:
        word = u.low[i]
        rows = self.by_form.get(word, ())
        # Passives first: "it was reported", "is said to", "was quoted as saying".
        for r in rows:
            if r.kind in ("passive", "quoted"):
                c = self.passive(u, i, r)
                if c is not None:
                    return c
        options = []
        for r in rows:
            if r.kind == "preposition":
                if i + 1 < u.n and u.low[i + 1] == "to":
                    return self.according(u, i, r)
                continue
            if r.kind not in ("verb", "adjective"):
                continue
            end_i = self.match_rest(u, i, r)
            if end_i is not None:
                options.append((-end_i, len(options), r))
        for neg_end, _, r in sorted(options):  # the longest phrase first
            cue = self.verb(u, i, -neg_end, r) if r.kind == "verb" else self.adjective(u, i, -neg_end, r)
            if cue is not None:
                cue = self.judge(u, cue)
            if cue is not None:
                return cue
        for r in rows:
            if r.kind == "nominal":
                cue = self.nominal(u, i, r)
                if cue is not None:
                    return cue
        return None

    def judge(self, u: _Unit, cue: Cue) -> Cue | None:
        """Second look at a verb cue in its sentence (fixed windows): ``None`` when it is no attribution.

        - a question put to someone ("Does anyone honestly believe that ...?", "What do you
          remember ...?"): the subject follows an inverted auxiliary in a sentence ending in "?";
        - generic or addressed "you" with a verb of thought or perception ("Look closer and you will
          find ...", "make you believe"): the writer addressing the reader, not a source;
        - a finding not yet made ("Readers ... will find that"): perception verbs after a modal;
        - a noun after a quantity ("a £14 million plan to");
        - content that is only a time ("weather reports every three hours") or "a word" ("Neither
          says a word");
        - a source that crosses ", and" before a pronoun ("I support it, and I think") is cut to
          the pronoun (then "I think" is the speaker's own hedge);
        - a loaded verb with "I"/"we" as subject ("I'll admit") is the speaker's own word about
          their words, not the writer's framing: it is read as neutral.
        """
        r = cue.row
        lemma = r.cue
        i = u.index_at(cue.start)
        if lemma in ("appear", "seem") and self.norm[cue.start : cue.end].split()[-1] in PARTICLES:
            return None  # "He appeared for sentencing": he came to court, no impression of a source
        if lemma == "hear" and (
            cue.source is None or self.norm[cue.source[0] : cue.source[1]].split()[-1] not in _HEARING_BODIES
        ):
            return None  # "The court heard that ...": evidence given to a court; "I heard that" is hearsay
        src = cue.source
        if src is not None and not (cue.start <= src[0] < src[1] <= cue.end):
            a = u.index_at(src[0])
            b = bisect.bisect_right(u.tok_s, src[1] - 1) - 1
            if src[1] <= cue.start:
                # ", and I": the subject of the second clause is the pronoun
                t = self.second_clause(u, a, b)
                if t is not None:
                    # "I support it, and I think", "X criticised the delay, and several asked":
                    # the second clause has its own subject
                    src = (u.tok_s[t], u.tok_e[b])
                    a = t
                    if lemma in SPEAKER_HEDGES and self.norm[src[0] : src[1]] in ("i", "we", "you"):
                        return None  # "I think": the speaker's hedge
                    cue = replace(cue, source=src)
                # a question: "Does anyone ... believe", "What do you remember"
                if (
                    a >= 1
                    and u.low[a - 1] in _INVERT_AUX
                    and "," not in self.text[src[1] : cue.start]
                    and self.question(u)
                ):
                    k = a - 2
                    while k >= 0 and _is_punct(u.low[k]) and u.low[k] not in (",", ";"):
                        k -= 1
                    if k < 0 or u.low[k] in _WH or u.low[k] in (",", ";", "and", "but", "so"):
                        return None
            if u.low[b] == "you" and lemma in _THOUGHT:
                return None  # "you will find", "make you believe": the reader, not a source
        v = i
        while v + 1 < u.n and u.tok_s[v + 1] < cue.end and u.low[v] not in r.forms:
            v += 1
        if lemma in _PERCEPTION:
            k = v - 1
            while k >= 0 and u.low[k] in ADVERBS:
                k -= 1
            if k >= 0 and u.low[k] in _MODALS:
                return None  # "will find": a finding not yet made
        if i >= 1 and (u.low[i - 1] in _QUANTITY or u.low[i - 1] in ("£", "$", "€") or _AMOUNT.fullmatch(u.low[i - 1])):
            return None  # "a £14 million plan": a noun
        if not cue.quoted:
            # the content up to its first comma, short ones only (linear time): "reports every three
            # hours, ..." has only a time
            head = self.norm[cue.content[0] : min(cue.content[1], cue.content[0] + 40)]
            comma = head.find(", ")
            words = (
                head[:comma].split() if comma != -1 else head.split() if cue.content[1] - cue.content[0] <= 40 else []
            )
            if words and (
                all(w.strip(".,") in TIME_WORDS or w.strip(".,") in _TIME_ONLY or w[:1].isdigit() for w in words)
                or (lemma == "say" and words[:2] == ["a", "word"])
                or (len(words) == 1 and words[0].strip(".,") in _INDEFINITE)
            ):
                return None  # "reports every three hours", "says a word", "nobody explains anything"
        if r.stance == "loaded" and cue.source is not None and self.norm[cue.source[0] : cue.source[1]] in ("i", "we"):
            cue = replace(cue, row=replace(r, stance="neutral", explanation=_OWN_WORD, alternative=""))
        return cue

    def second_clause(self, u: _Unit, a: int, b: int) -> int | None:
        """The first token of the subject after ", and"/", but" in the phrase of tokens a..b, when the part
        before has its own verb (not a list: "unions, groups, and many lawmakers"); else None."""
        for t in range(b - 1, max(a, b - 5), -1):
            if (
                u.low[t] in ("and", "but")
                and u.low[t - 1] == ","
                and (
                    u.low[t + 1] in _PERSONAL
                    or u.low[t + 1] in QUANTIFIERS
                    or u.low[t + 1] in DETERMINERS
                    or u.low[t + 1] == "one"
                    or _is_cap(u.raw[t + 1])
                )
                and not any(u.low[x].endswith("ed") for x in range(t + 1, b + 1))
                and any(
                    u.low[x] in AUX
                    or u.low[x] in FINITE
                    or u.low[x].endswith("ed")
                    or (u.low[x] in self.by_form and x > 0 and u.low[x - 1] in _PERSONAL)
                    for x in range(a, t - 1)
                )
            ):
                return t + 1
        return None

    def question(self, u: _Unit) -> bool:
        """Whether the sentence ends in a question mark (closing quotes and brackets aside)."""
        k = u.n - 1
        while k >= 0 and u.low[k] in ('"', "\u201d", "\u2019", "'", ")"):
            k -= 1
        return k >= 0 and u.low[k] == "?"

    def nominal(self, u: _Unit, i: int, r: CueRow) -> Cue | None:
        """A noun that attributes, in a sentence with no reporting verb: "in a new Washington Post-ABC
        News poll" (the cue is "in", the source the poll) and "in Bolton's view" (the cue is "view",
        the source Bolton). The content is the rest of the sentence."""
        if any(w in self.speech_forms for w in u.low):
            return None  # "In a statement, the company said ...": the verb is the cue
        low = u.low
        possessive = r.rest[-1:] == ("view",)  # the row for "in X's view|words|opinion"
        if possessive:
            # in + (his|her|their|its | Name 's) + view
            if i < 2:
                return None
            if low[i - 1] in ("his", "her", "their", "its") and low[i - 2] == "in":
                src_s, src_e, in_i = u.tok_s[i - 1], u.tok_e[i - 1], i - 2
            else:
                j = i - 1
                if low[j] in ("'s", "\u2019s", "'"):
                    j -= 1
                elif low[j].endswith(("'s", "\u2019s")):
                    pass
                else:
                    return None
                e = j
                while j >= 0 and (_is_cap(u.raw[j]) or self.abbreviation_dot(u, j)) and e - j < 5:
                    j -= 1
                if j == e or j < 0 or low[j] != "in":
                    return None
                src_s = u.tok_s[j + 1]
                src_e = u.tok_e[e]
                raw = self.text[src_s:src_e]
                for tail in ("'s", "\u2019s"):
                    if raw.endswith(tail):
                        src_e -= len(tail)
                in_i = j
            start, end = u.tok_s[i], u.tok_e[i]
        else:
            j = i - 1
            while (
                j >= 0
                and i - j <= 7
                and low[j] != "in"
                and (not _is_punct(low[j]) or low[j] in ("-", "/", "'"))
                and low[j] not in SUBJECT_STOP
            ):
                j -= 1
            if (
                j < 0
                or low[j] != "in"
                or j == i - 1
                or not (low[j + 1] in ("a", "an", "the", "its", "their", "his", "her") or _is_cap(u.raw[j + 1]))
            ):
                return None
            if i == j + 2 and low[j + 1] == "the" and low[i].endswith("s"):
                return None  # "a lead in the polls" is the state of a race, not a source
            if j >= 1 and low[j - 1] in _IN_VERBS:
                return None  # "who was not involved in the study": the verb's "in", no source
            in_i = j
            src_s, src_e = u.tok_s[j + 1], u.tok_e[i]
            start, end = u.tok_s[j], u.tok_e[j]
        lead = 0
        while lead < u.n and (low[lead] in LEADING or _is_punct(low[lead])):
            lead += 1
        if in_i <= lead:  # "In a CNN poll released Monday, 31% of ..."
            k = i + 1
            while k < u.n and low[k] != "," and k - i <= 6:
                k += 1
            if k >= u.n - 1 or low[k] != ",":
                return None
            cs, ce = self.to_end(u, u.tok_s[k + 1])
        else:  # "... of Trump in a new Washington Post-ABC News poll."
            k = i + 1
            while k < u.n and not _is_punct(low[k]) and k - i <= 4:
                k += 1
            if k < u.n and low[k] not in (".", ",", ";", "!", "?") or self.in_quote(start) is not None:
                return None
            cs = u.tok_s[lead] if lead < u.n else u.start
            ce = u.tok_s[in_i]
            while ce > cs and (self.text[ce - 1].isspace() or self.text[ce - 1] in ",;("):
                ce -= 1
        if ce <= cs or len(_WORDS.findall(self.text, cs, ce)) < 4:
            return None
        return Cue(start, end, r, (src_s, src_e), (cs, ce), False, None, None)

    def match_rest(self, u: _Unit, i: int, r: CueRow) -> int | None:
        """Index of the last token of the cue phrase, or None if the phrase does not follow."""
        j = i
        k = 0
        rest = r.rest
        while k < len(rest):
            w = rest[k]
            if w == "*":
                nxt = rest[k + 1].split("|") if k + 1 < len(rest) else None
                for gap in range(0, 4):
                    jj = j + 1 + gap
                    if jj >= u.n or _is_punct(u.low[jj]):
                        return None
                    if nxt and u.low[jj] in nxt:
                        j = jj
                        k += 2
                        break
                else:
                    return None
                continue
            j += 1
            if j >= u.n or u.low[j] not in w.split("|"):
                return None
            k += 1
        return j

    # -- verbs ---------------------------------------------------------------------
    def chain(self, u: _Unit, i: int) -> tuple[int, bool, bool]:
        """(index of the first token of the cue span, has a "be" auxiliary, has any auxiliary)."""
        j = i - 1
        first = i
        has_be = has_aux = aspectual = False
        while j >= 0:
            w = u.low[j]
            if w.endswith("n't"):
                w = "not"  # don't, didn't, won't
            elif "'" in w and _CONTRACTION.search(w) and w[: w.index("'")] in PRONOUNS | {"who"}:
                has_aux = True  # "we've", "he's": the subject and its auxiliary
                if w.endswith(("'s", "'re", "'m")) and u.low[i].endswith("ing") and first == i:
                    has_be = True  # "She's hoping": a progressive, not "she has"
                break
            if w == "to" and j > 1 and j == first - 1 and u.low[j - 1] in _DISPOSITION:
                # "Advisers are quick to point out", "voters were more likely to say": be + a disposition
                # adjective + "to" join the cue
                b = j - 2
                while b >= 0 and u.low[b] in ("more", "less", "very", "so", "too", "all", "quite", "most"):
                    b -= 1
                if b >= 0 and u.low[b] in BE:
                    first = b
                    has_aux = aspectual = True
                    j = b - 1
                    continue
                break
            if (
                w == "to"
                and j > 2
                and j == first - 1
                and u.low[j - 1] == "on"
                and u.low[j - 2] in ("go", "goes", "went", "going", "gone")
            ):
                if j > 2 and (u.low[j - 3] in ("not", "never", "to") or u.low[j - 3].endswith("n't")):
                    break  # "did not go on to say", "to go on to say": no cue
                first = j - 2  # "The email went on to say"
                has_aux = aspectual = True
                j -= 3
                continue
            if (
                w == "to"
                and j > 0
                and j == first - 1
                and u.low[j - 1] in _ASPECTUAL
                and not (j > 1 and u.low[j - 2] == "to")
            ):
                # "is continuing to insist", "polls continue to show": an aspectual verb and "to" join the cue
                first = j - 1
                has_aux = aspectual = True
                j -= 2
                continue
            if w in AUX:
                has_aux = True
                has_be = has_be or w in BE
                first = j
            elif w in _SPAN_ADVERBS and j == first - 1:
                first = j  # "also said", "has since said": PolNeAR's cue spans take in the adverb
            elif w == "since" and j > 0 and u.low[j - 1] in AUX and j == first - 1:
                first = j  # "has since said"
            elif w in ADVERBS or (
                w.endswith("ly")
                and w.isalpha()
                and len(w) > 3
                and not _is_cap(u.raw[j])
                and w not in ("only", "early", "family", "daily", "weekly", "rally", "ally")
            ):
                if first == j + 1 and not has_aux and j == i - 1 and w.endswith("ly"):
                    first = j  # "indirectly confirmed"
            else:
                break
            j -= 1
        # trim adverbs before the first auxiliary ("also has said": the span starts at "has")
        if aspectual:
            has_be = False  # "is continuing to insist": the "be" belongs to "continuing"
        return first, has_be, has_aux

    def verb(self, u: _Unit, i: int, end_i: int, r: CueRow) -> Cue | None:
        word = u.low[i]
        if word == "asked":
            fronted = self.fronted_asked(u, i, r)
            if fronted is not None:
                return fronted
        if _is_cap(u.raw[i]) and not (u.start == self.title_case_headline and not u.raw[i].isupper()):
            k = 0
            while k < i and _is_punct(u.low[k]):
                k += 1
            if k != i or u.raw[i].isupper():
                return None  # "the United States", "Washington Post"
        first, has_be, has_aux = self.chain(u, i)
        before = first - 1
        while before >= 0 and u.low[before] in ADVERBS:
            before -= 1
        if before >= 3 and u.low[before] in ("to", "with") and u.low[before - 1] in _SPOKEN:
            # "Teachers I have spoken to describe ...": a contact clause after the subject
            b = before - 2
            while b >= 0 and u.low[b] in AUX:
                b -= 1
            if b >= 1 and u.low[b] in PRONOUNS and not _is_punct(u.low[b - 1]):
                before = b - 1
        if before >= 0 and u.low[before] == "to":
            return None  # "to say", "declined to comment"
        if word.endswith("ing") and not has_be:
            if (
                (first == i or (not has_aux and all(u.low[t] in _SPAN_ADVERBS for t in range(first, i))))
                and before >= 0
                and u.low[before]
                in (",", "and", "while", "by", "-", "\u2013", "\u2014", "after", "before", "when", "since")
                and r.kind == "verb"
            ):
                # "..., saying that ...", "he left after saying that ...": the subject of the main clause
                return self.participle(u, i, end_i, r)
            return None  # a gerund: "after saying", "the saying"
        if has_be and not word.endswith("ing"):
            return None  # passive: "was told", "was named"
        if word in ASK and end_i + 1 < u.n and u.low[end_i + 1] == "not":
            return None  # "officials who asked not to be named": a request for anonymity, not a cue
        if has_aux and word == r.forms[0] and u.low[first] in ("should", "must") and first == i - 1:
            return None  # "Councillors should ask themselves": advice to someone, not what they said
        if (
            not has_aux
            and before >= 0
            and u.low[before] in DETERMINERS
            and not (u.low[before] in QUANTIFIERS and not word.endswith("s"))
        ) or (not has_aux and before >= 1 and u.low[before] == "own" and u.low[before - 1] in DETERMINERS):
            return None  # a noun: "the reports", "his claims", "his own promise"
        if (
            not has_aux
            and first == i
            and before >= 0
            and u.low[before].endswith(("'s", "\u2019s"))
            and u.low[before][:-2].rstrip("'\u2019") not in PRONOUNS | NOT_SUBJECT | {"what", "who", "there", "that"}
            and not word.endswith("ing")
        ):
            return None  # a noun after a possessive: "Trump's plan to", "the mayor's call for"
        if (
            r.content == "infinitive"
            and not has_aux
            and word.endswith("s")
            and before >= 1
            and u.low[before] == "and"
            and u.low[before - 1].endswith("s")
            and u.low[before - 1].isalpha()
            and u.low[before - 1] not in PRONOUNS
            and not _is_cap(u.raw[before - 1])
        ):
            return None  # coordinated nouns: "gave speeches and promises to shake things up"
        if (
            end_i + 1 < u.n
            and (u.low[end_i + 1] in FINITE or u.low[end_i + 1] in self.by_form)
            and word.endswith("s")
            and not has_aux
            and not u.low[end_i + 1].endswith("ing")  # "Rwanda denies supporting ...": a verb and its gerund
            and not self.object_relative(u, before)
        ):
            return None  # "media reports say", "claims are"
        if not has_aux and first == i and end_i == i and word == r.forms[0] and before >= 0:
            # a base form right after a singular noun phrase is a noun: "a news report published ...",
            # "the AP report is misleading", "a new report compares"
            opener, ob = "", -1
            for b in range(before, max(-1, before - 4), -1):
                w = u.low[b]
                if w in ("a", "an", "the", "this", "that"):
                    opener, ob = w, b
                    break
                if _is_punct(w) or w in SUBJECT_STOP or w in DETERMINERS or w in self.by_form:
                    break
            nxt = u.low[end_i + 1] if end_i + 1 < u.n else ""
            if opener in ("a", "an") or (
                opener in ("the", "this", "that")
                and (
                    nxt in FINITE
                    or nxt.endswith(("ed", "es"))
                    or nxt in self.by_form
                    # "the charity's annual report, published ...", "The full report, ..., is available"; not
                    # "Officials in the region report, ..." nor "The nurses report, however, ..."
                    or (
                        nxt in (",", ";", ")")
                        and (
                            ob == 0
                            or _is_punct(u.low[ob - 1])
                            or any("'s" in u.low[x] or u.low[x] == "'s" for x in range(ob, i))
                        )
                        and not (u.low[before].endswith("s") and not u.low[before].endswith("'s"))
                    )
                )
            ):
                return None
        start, end = u.tok_s[first], u.tok_e[end_i]
        source = role = None
        inverted = loose = False
        # Inverted: '"...," says Nikolai Beleskov' / '..., said the minister.'
        if (
            first == i
            and not word.endswith("ing")
            and (
                (before >= 0 and u.low[before] in (",", '"', "'"))
                or (before < 0 and self.quote_ending_before(u.tok_s[i]) is not None)
            )
            # "Keller, who is 25, said the team ...": a name with its appositive before the comma is
            # the subject, not an inversion
            and not (
                before >= 0
                and u.low[before] == ","
                and (lambda sj: sj is not None and sj[0] is not None and sj[1] is not None)(self.subject(u, before))
            )
        ):
            np = self.forward_np(u, end_i + 1)
            if np is not None:
                nxt = u.index_at(np[1])
                if nxt >= u.n or _is_punct(u.low[nxt]):  # "..., said the minister." not "said the vote was"
                    source, np_end = np
                    inverted = True
                    role = self.forward_role(u, np_end)
            if source is None:
                np = self.inverted_name(u, end_i + 1)  # '"...," said Democratic pollster Stan Greenberg'
                if np is not None:
                    source, np_end = np
                    inverted = loose = True
                    role = self.forward_role(u, np_end)
        if source is None:
            subj = self.subject(u, before)
            if (
                before >= 2
                and u.low[before] in ("today", "yesterday", "tonight")
                and (subj is None or subj[0] == (u.tok_s[before], u.tok_e[before]))
                and u.low[before - 1] not in PREPOSITIONS
            ):
                # "The Foundation, a charity in Nairobi, today announced": the time is no subject
                subj = self.subject(u, before - 1) or subj
                if subj is not None and subj[0] is not None:
                    s0, s1 = subj[0]
                    while s0 < s1 and (self.text[s0] in "-\u2013\u2014" or self.text[s0].isspace()):
                        s0 += 1  # "NAIROBI, 3 March -- The Foundation, ..., today announced"
                    subj = ((s0, s1), subj[1])
            elif (
                subj is not None
                and before >= 1
                and u.low[before] in ("today", "yesterday", "tonight")
                and subj[0][0] < u.tok_s[before]
                and subj[0][1] == u.tok_e[before]
            ):
                subj = ((subj[0][0], u.tok_e[before - 1]), subj[1])  # "The ministry today announced"
            if subj is not None and subj[0] is not None and subj[0][1] <= start:
                sa = u.index_at(subj[0][0])
                sb = bisect.bisect_right(u.tok_s, subj[0][1] - 1) - 1
                t2 = self.second_clause(u, sa, sb)
                if t2 is not None:
                    subj = ((u.tok_s[t2], subj[0][1]), None)  # "Critics praised it, and one called it ..."
            if subj is None:
                if not self.sourceless_ok(u, i, first, before, r):
                    return None
                subj = (None, None)
            source, role = subj
            if source is None:
                pass
            elif r.subject != "any" and self.norm[source[0] : source[1]] in ("it", "there", "this", "that", "what"):
                return None  # "It seems ...", "it knows": an empty subject, no source
            elif (
                r.subject == "person"
                and not plausible_source(self.text[source[0] : source[1]])
                and not (
                    # "many agreed", "some want to know": a bare quantifier standing for people
                    (
                        self.norm[source[0] : source[1]] in ("many", "some", "others", "several", "few", "most")
                        # ", and one called it ...", not "named one aim of"
                        or (
                            self.norm[source[0] : source[1]] == "one"
                            and u.index_at(source[0]) >= 1
                            and u.low[u.index_at(source[0]) - 1] in ("and", "but")
                        )
                    )
                    and r.cue not in ("seem", "appear", "show", "find", "indicate", "explain", "look")
                    and not (end_i + 2 < u.n and u.low[end_i + 1] != "to" and u.low[end_i + 2] in self.by_form)
                )
            ):
                return None  # "the weather may explain"
            if (
                source is not None
                and r.content != "clause"
                and r.cue not in ("say", "tell", "write", "report", "claim")
                and not (r.content == "infinitive" and end_i + 1 < u.n and u.low[end_i + 1] == "to")
                and u.low[before] in _WHO
                and before > 0
                and u.low[before - 1] != ","
                and not (
                    _is_cap(u.raw[before - 1])
                    # "People who support it" opening the sentence: a capitalised group noun, not a name
                    and not (
                        (before == 1 or _is_punct(u.low[before - 2]))
                        and (
                            u.low[before - 1] in _group_nouns()
                            # "Viewers who want ...": a plural common noun opening the sentence, not a name
                            or (u.low[before - 1].endswith("s") and not u.low[before - 1].endswith(("ss", "'s")))
                        )
                    )
                )
            ):
                return None  # "women who sought them", "people who support it": a restrictive relative clause
                # defines a group by what it does; only a speech or thought verb with a clause is kept
                # ("business leaders who say the law ...")
            if r.subject == "document" and not document_source(self.text[source[0] : source[1]]):
                return None  # "a poll shows", not "the video shows"
            if (
                word == "called"
                and not has_aux
                and any(u.low[t] in ("a", "an") for t in range(max(0, before - 3), before + 1))
            ):
                return None  # "a super PAC called Future45" names a thing
            if (
                source is not None
                and r.cue in SPEAKER_HEDGES
                and self.norm[source[0] : source[1]] in ("i", "we", "you")
            ):
                return None  # "I think", "we hope": the speaker's hedge, not a source
        if source is not None and not inverted:
            b = u.index_at(source[0]) - 1
            if b >= 0 and u.low[b] in ("if", "unless", "whether"):
                return None  # "If Kyiv wants to trade ...", "If the mayor supports ...": a condition, not a cue
            if r.cue == "know":
                from .sources import _lists

                groups, _, names = _lists()
                phrase = self.text[source[0] : source[1]]
                head = phrase.split()[-1].lower() if phrase.split() else ""
                if names.get(phrase) in ("place", "organisation") or groups.get(head) == "organisation":
                    return None  # "Kiev knows ...", "The council knows ...": the writer
                    # reading an institution's mind (the claim lens's business)
        relative = False
        if not inverted and source is not None:
            b = u.index_at(source[0]) - 1
            relative = b >= 0 and u.low[b] in ("which", "whom")  # "which the town calls its ..."
        after_i = end_i + 1
        if inverted:
            after_i = u.index_at(role[1] if role else source[1])
        content = self.content(u, start, end, after_i, source, r, word, inverted)
        if content is None or (loose and content[0] > start):
            return None  # an inverted cue's content comes before it
        cs, ce, quoted, q = content
        pp_end = self.medium_after(u, end_i)
        if pp_end is not None and (cs >= pp_end or ce <= start):
            end = pp_end  # "said in a statement", "told Reuters in an interview"
        if not quoted and cs > end and self.norm[end:cs].strip() in PARTICLES:
            end = cs - 1 if self.text[cs - 1] == " " else end  # the particle joins the cue: "talked about"
            while end > start and self.text[end - 1].isspace():
                end -= 1
        if relative and not quoted:
            comma = self.text.find(",", cs, ce)
            while comma != -1 and self.in_quote(comma) is not None:
                comma = self.text.find(",", comma + 1, ce)
            if comma != -1:
                ce = comma
        return Cue(start, end, r, source, (cs, ce), quoted, q, role)

    def medium_after(self, u: _Unit, end_i: int):
        """End offset of "in/during a statement|an interview|a letter ..." right after the cue verb (up to
        three words between the preposition and the noun), as PolNeAR's guidelines mark such cues; else None."""
        k = end_i + 1
        if (
            k < u.n
            and u.low[k] not in ("in", "during")
            and u.low[k] not in DETERMINERS
            and not _is_punct(u.low[k])
            and _is_cap(u.raw[k])
            and k + 1 < u.n
            and u.low[k + 1] in ("in", "during")
        ):
            k += 1  # "told Reuters in an interview"
        if k >= u.n or u.low[k] not in ("in", "during"):
            return None
        for t in range(k + 1, min(u.n, k + 5)):
            w = u.low[t]
            if _is_punct(w):
                return None
            if w in self.nominal_forms and w not in ("view", "words", "opinion", "estimation"):
                return u.tok_e[t]
        return None

    def sourceless_ok(self, u: _Unit, i: int, first: int, before: int, r: CueRow) -> bool:
        """Whether a finite reporting verb whose subject the word rules cannot find still counts as a
        cue (its source is then absent): a plain speech verb ("said", "told") after a word that can
        end a subject (a noun, a name, a closing bracket or quote), not after a preposition or "to"."""
        if r.subject != "any" or r.kind != "verb" or r.stance not in ("neutral", "loaded", "hedged"):
            return False
        if before < 0:
            return False
        w = u.low[before]
        if (
            w in SUBJECT_STOP
            and w not in ("is", "are", "was", "were", "has", "have", "had")
            or w in DETERMINERS
            or w in ("or", "(", "-", ":", ";")
            or w in PREPOSITIONS
        ):
            return False
        if w == "and":
            return False  # "The weather turned cold and said nothing"
        if w == "," and (r.cue not in ("say", "tell", "add", "write", "report") or u.low[i] == r.forms[0]):
            return False  # ", said" / "and said" only for the plainest speech verbs
        word = u.low[i]
        if i + 1 < u.n and u.low[i + 1] in ("not", "to", "for", "them", "him", "her", "me", "us", "by"):
            return False  # "who asked not to be named", "asked for", "told by"
        return not word.endswith("ing") and word != r.forms[0] or first < i

    def fronted_asked(self, u: _Unit, i: int, r: CueRow) -> Cue | None:
        """'Asked whether ..., she said ...', '..., he said when asked about ...': a question put by
        someone the text does not name (or names after "by"). Source absent, content = the question."""
        b = i - 1
        if (
            not (b >= 0 and u.low[b] in ("when", "if", "after", "once", "while"))
            and b >= 0
            and not (_is_punct(u.low[b]) and u.low[b] not in ("'", "-"))
        ):
            return None  # "when asked ...", or "Asked ..." opening a clause
        k = i + 1
        if k >= u.n or u.low[k] not in (
            "whether",
            "if",
            "about",
            "by",
            "what",
            "why",
            "how",
            "who",
            "which",
            "when",
            "where",
            "for",
            "to",
        ):
            return None
        source = None
        start = u.tok_s[i - 1] if i > 0 and u.low[i - 1] in ("when", "if", "after", "once", "while") else u.tok_s[i]
        if u.low[k] == "by":
            np = self.forward_np(u, k + 1)
            if np is None:
                return None
            source = np[0]
            k = u.index_at(np[1])
            if k >= u.n or u.low[k] in (",", "."):
                return None
        t = k
        while t < u.n and not (u.low[t] in (",", ";", ".", "?", "!") and self.in_quote(u.tok_s[t]) is None):
            t += 1
        cs = u.tok_s[k]
        ce = u.tok_s[t] if t < u.n else u.end
        while ce > cs and self.text[ce - 1].isspace():
            ce -= 1
        if ce <= cs or t - k < 2:
            return None
        return Cue(start, u.tok_e[i], r, source, (cs, ce), False, None, None)

    def main_subject(self, u: _Unit, j: int):
        """``(start, end)`` of the noun phrase that opens the sentence and is followed by its verb,
        if it ends before token ``j`` and can name someone who speaks; else None."""
        k = 0
        while k < j and (u.low[k] in LEADING or _is_punct(u.low[k])):
            k += 1
        if (
            k >= j
            or not (_is_cap(u.raw[k]) or u.low[k] in PRONOUNS or u.low[k] == "the")
            or u.low[k] in ("it", "one", "you", "i", "we")
            or u.start == self.title_case_headline
        ):
            return None
        np = self.forward_np(u, k)
        if np is None or np[1] > u.tok_s[j]:
            return None
        a, b = u.index_at(np[0][0]), u.index_at(np[0][1]) - 1
        if b > a and u.low[b].endswith("ed") and not _is_cap(u.raw[b]):
            # "The judge accepted the plea but said": the phrase ran into the first verb; the noun
            # phrase before it is the subject (not across a comma: "The city released ..., and welcomed")
            if b - 1 <= a or _is_punct(u.low[b - 1]) or u.low[b - 1] in DETERMINERS or "," in u.low[b:j]:
                return None
            np = ((np[0][0], u.tok_e[b - 1]), u.tok_e[b - 1])
        nxt = u.index_at(np[1])
        if nxt >= j or _is_punct(u.low[nxt]) or u.low[nxt] in ("and", "or", "of", "who", "which", "that"):
            return None
        if any(
            u.low[t] in (";", ":", '"', "\u201c", "\u201d")
            or (
                u.low[t] in ("who", "which", "that", "when", "if", "because", "while", "after")
                # "The judge accepted that ... but said": "but" goes back to the main clause
                and not (u.low[t] == "that" and t == nxt + 1 and u.low[j] == "but")
            )
            for t in range(nxt, j)
        ):
            return None  # the "and" may join a subordinate clause
        phrase = self.text[np[0][0] : np[0][1]]
        if not plausible_source(phrase):
            return None
        return np[0]

    def participle(self, u: _Unit, i: int, end_i: int, r: CueRow) -> Cue | None:
        """'He left, saying that ...': the source is the subject of the main clause."""
        source = role = None
        if u.cues and u.cues[-1].end <= u.tok_s[i] and u.cues[-1].source is not None:
            source, role = u.cues[-1].source, u.cues[-1].role
        else:
            k = 0
            while k < i and (u.low[k] in LEADING or _is_punct(u.low[k])):
                k += 1
            if k < i and (_is_cap(u.raw[k]) or u.low[k] in PRONOUNS or u.low[k] == "the"):
                np = self.forward_np(u, k)
                if np is not None and np[1] <= u.tok_s[i]:
                    source = np[0]
        if source is None:
            return None
        if i > 0 and u.low[i - 1] in ("after", "before", "when", "since"):
            # "he left after saying ...": only a plain name or "the" + nouns as the main subject, so that a
            # verb is never taken into the source ("The candidate made gaffes after telling ...")
            words = self.text[source[0] : source[1]].split()
            if any(not w[:1].isupper() and w.lower() not in DETERMINERS for w in words[1:]) and len(words) > 2:
                return None
        start, end = u.tok_s[i], u.tok_e[end_i]
        rc = replace(r, content="any") if r.content == "clause" else r
        content = self.content(u, start, end, end_i + 1, source, rc, u.low[i], False)
        if content is None or content[2] is False and content[0] < start:
            return None
        cs, ce, quoted, q = content
        return Cue(start, end, r, source, (cs, ce), quoted, q, role)

    def adjective(self, u: _Unit, i: int, end_i: int, r: CueRow) -> Cue | None:
        j = i - 1
        while j >= 0 and (
            u.low[j] in ADVERBS
            or u.low[j].endswith("ly")
            or u.low[j] in ("very", "deeply", "so", "too", "more", "increasingly")
        ):
            j -= 1
        if j < 0 or u.low[j] not in COPULA:
            return None
        first = j
        while first - 1 >= 0 and u.low[first - 1] in AUX:
            first -= 1
        subj = self.subject(u, first - 1)
        if subj is None:
            return None
        source, role = subj
        start, end = u.tok_s[first], u.tok_e[end_i]
        k = end_i + 1
        if k < u.n and u.low[k] in EMOTION_PREP:
            if k + 1 < u.n and not _is_punct(u.low[k + 1]):
                cs, ce = self.to_end(u, u.tok_s[k + 1])
                if ce > cs:
                    return Cue(start, end, r, source, (cs, ce), False, None, role)
            return None
        content = self.content(u, start, end, end_i + 1, source, r, u.low[i], False)
        if content is None:
            return None
        cs, ce, quoted, q = content
        return Cue(start, end, r, source, (cs, ce), quoted, q, role)

    # -- passives and "according to" ------------------------------------------------
    def passive(self, u: _Unit, i: int, r: CueRow) -> Cue | None:
        pos = u.tok_s[i]
        window = self.norm[max(u.start, pos - 40) : pos]
        if r.kind == "quoted":
            if not (i + 2 < u.n and u.low[i + 1] == "as" and u.low[i + 2] in ("saying", "telling", "writing")):
                return None
            m = _NP_PASSIVE.search(window)
            if m is None:
                return None
            start = pos - (len(window) - m.start())
            first = u.index_at(start)
            subj = self.subject(u, first - 1)
            if subj is None:
                return None
            end_i = i + 2
            end = u.tok_e[end_i]
            content = self.content(u, start, end, end_i + 1, subj[0], r, "say", False)
            if content is None:
                return None
            cs, ce, quoted, q = content
            return Cue(start, end, r, subj[0], (cs, ce), quoted, q, subj[1])
        if (
            r.cue in ("reported", "said")
            and i > 0
            and u.low[i - 1] == "as"
            and i + 2 < u.n
            and u.low[i + 1] == "by"
            and (i == 1 or u.low[i - 2] in (",", "(", "-", "\u2013", "\u2014") or _is_punct(u.low[0]) and i == 2)
        ):
            # "As reported by the Daily Star, the mayor resigned" / "..., as reported by X": X is the source
            np = self.forward_np(u, i + 2)
            if np is None:
                return None
            source, np_end = np
            k = u.index_at(np_end)
            start = u.tok_s[i - 1]
            if i - 1 <= 1 and k < u.n and u.low[k] == "," and k + 1 < u.n:
                cs, ce = self.to_end(u, u.tok_s[k + 1])
            elif i >= 2 and u.low[i - 2] == "," and (k >= u.n or _is_punct(u.low[k])):
                lead = 0
                while lead < i - 2 and (u.low[lead] in LEADING or _is_punct(u.low[lead])):
                    lead += 1
                cs, ce = u.tok_s[lead], u.tok_s[i - 2]
            else:
                return None
            if ce <= cs:
                return None
            return Cue(start, u.tok_e[i + 1], r, source, (cs, ce), False, None, None)
        if r.cue == "asked":
            return self.asked_passive(u, i, r, window, pos)
        m = _IT_PASSIVE.search(window)
        if m is not None:
            start = pos - (len(window) - m.start())
            end = u.tok_e[i]
            k = i + 1
            source = role = None
            if k < u.n and u.low[k] == "by":
                np = self.forward_np(u, k + 1)
                if np is None:
                    return None
                source, np_end = np
                k = u.index_at(np_end)
            content = self.content(u, start, end, k, source, r, "say", False)
            if content is None:
                return None
            cs, ce, quoted, q = content
            return Cue(start, end, r, source, (cs, ce), quoted, q, role)
        if i + 1 < u.n and u.low[i + 1] == "to":
            # "X is said to ...": said by whom? (no source)
            return self.agentless(u, r, window, pos, _NP_PASSIVE, u.tok_e[i + 1], u.tok_e[i + 1])
        if i + 1 < u.n and u.low[i + 1] == "that":
            # "we are now being told that ...": told by whom? (no source)
            return self.agentless(u, r, window, pos, _BEING_PASSIVE, u.tok_e[i], u.tok_e[i + 1])
        return None

    def asked_passive(self, u: _Unit, i: int, r: CueRow, window: str, pos: int) -> Cue | None:
        """A question in the passive: "Sanders was asked whether ...", "she has been asked about the
        loan", "after being asked to name one". The cue runs from the auxiliary to "asked" (and its
        particle "about"/"for"); the source is the asker of "by X", else absent (the one asked is not
        the source); the content is the question, after the verb."""
        m = _ASKED_PASSIVE.search(window)
        if m is None:
            return None
        start = pos - (len(window) - m.start())
        k = i + 1
        while k < u.n and u.low[k] in ("again", "repeatedly", "also", "later", "yet", "directly", "specifically"):
            k += 1
        source = None
        if k < u.n and u.low[k] == "by":
            np = self.forward_np(u, k + 1, allow_lower=True)
            if np is None:
                return None
            source, np_end = np
            k = u.index_at(np_end)
        if k >= u.n or u.low[k] not in _ASKED_NEXT:
            return None  # "was asked" with no question after it ("the price asked", "he was asked out")
        if u.low[k] == "to" and not (k + 1 < u.n and u.low[k + 1].isalpha() and u.low[k + 1] not in DETERMINERS):
            return None  # "was asked to the dance"
        end = u.tok_e[i]
        if u.low[k] in ("about", "for") and source is None and k == i + 1:
            end = u.tok_e[k]  # "was asked about": the particle joins the cue
            k += 1
        cs, ce = self.to_end(u, u.tok_s[k] if k < u.n else u.end)
        if ce <= cs:
            return None
        return Cue(start, end, r, source, (cs, ce), False, None, None)

    def agentless(
        self, u: _Unit, r: CueRow, window: str, pos: int, pattern, cue_end: int, content_from: int
    ) -> Cue | None:
        """A passive cue with no agent: its start is where ``pattern`` matches the ``window``
        before the verb, which must follow a subject; its content runs from ``content_from``."""
        m = pattern.search(window)
        if m is None:
            return None
        start = pos - (len(window) - m.start())
        first = u.index_at(start)
        if first == 0 or self.subject(u, first - 1) is None:
            return None
        cs, ce = self.to_end(u, content_from)
        if ce <= cs:
            return None
        return Cue(start, cue_end, r, None, (cs, ce), False, None, None)

    def according(self, u: _Unit, i: int, r: CueRow) -> Cue | None:
        start, end = u.tok_s[i], u.tok_e[i + 1]
        np = self.forward_np(u, i + 2, allow_lower=True)
        if np is None:
            return None
        source, np_end = np
        words = _WORDS.findall(self.text[source[0] : source[1]].lower())
        if (
            words
            and words[0] in ("their", "his", "her", "its", "our", "my", "your")
            and not any(
                w in self.source_nouns()
                or w.rstrip("s") in self.source_nouns()
                or (w.endswith("ies") and w[:-3] + "y" in self.source_nouns())  # "their foreign ministries"
                for w in words[1:5]
            )
        ):
            return None  # "according to their instinctive preference"
        if words and words[0] in ("plan", "plans") or any(w in NOT_SOURCES for w in words[:4]):
            return None  # but "according to his campaign finance documents"
        k = u.index_at(np_end)
        role = None
        if k < u.n and u.low[k] == ",":
            role = self.forward_role(u, np_end, to_end=False)
            if role is not None:
                k = u.index_at(role[1])
        lead = 0
        while lead < u.n and (u.low[lead] in LEADING or _is_punct(u.low[lead])):
            lead += 1
        if i <= lead:  # "According to X, content."
            while k < u.n and _is_punct(u.low[k]):
                k += 1
            if k >= u.n:
                return None
            cs, ce = self.to_end(u, u.tok_s[k])
        else:  # "content, according to X."
            cs = u.tok_s[lead] if lead < u.n else u.start
            ce = start
            while ce > cs and (self.text[ce - 1].isspace() or self.text[ce - 1] in ",;("):
                ce -= 1
        if ce <= cs:
            return None
        q = self.quote_covering(cs, ce)
        if q is not None:
            return Cue(start, end, r, source, q.content, True, (q.start, q.end), role)
        return Cue(start, end, r, source, (cs, ce), False, None, role)

    # -- the source ---------------------------------------------------------------------
    def subject(self, u: _Unit, j: int, depth: int = 0):
        """``((start, end), role)`` of the noun phrase that ends at token ``j``, or None."""
        if j < 0:
            return None
        role = None
        # Appositive: "Nikolai Beleskov, a research fellow at ..., says"
        if u.low[j] == ",":
            if j > 0 and u.low[j - 1] == ")":
                return self.subject(u, j - 1, depth)  # "Sen. Jack Reed (D-R.I.), said"
            k = j - 1
            while (
                k >= 0
                and u.low[k] != ","
                and (u.low[k] not in _PUNCT_STOP or self.abbreviation_dot(u, k) or self.possessive_mark(u, k))
                and j - k <= 25
            ):
                k -= 1
            if (
                k > 0
                and u.low[k] == ","
                and k + 1 < j
                # "Lt. Col. Guillaume Njike Kaiko"
                and sum(1 for t in range(k + 1, j) if u.low[t] not in (".", "and")) <= 6
                and all(_is_cap(u.raw[t]) or u.low[t] in (".", "and") for t in range(k + 1, j))
                and u.low[k + 1] != "and"
                and u.low[j - 1] != "and"  # "The two candidates, Lena Park and Omar Reyes, said"
            ):
                # "The chairman, Tomas Reed, said": the name is the source, the noun phrase its role
                before_np = self.subject(u, k - 1, depth + 1) if depth < 2 else None
                if before_np is not None:
                    return (u.tok_s[k + 1], u.tok_e[j - 1]), before_np[0]
            if k > 0 and u.low[k] == "," and k + 1 < j:
                opener = u.low[k + 1]
                if (
                    opener in ("a", "an", "the", "who", "whose")
                    or opener.isdigit()
                    or not _is_cap(u.raw[k + 1])
                    or self.role_words(u, k + 1, j)
                ):
                    role_s, role_e = u.tok_s[k + 1], u.tok_e[j - 1]
                    if opener in ("who", "whose"):
                        role_s = u.tok_s[k + 1]
                    inner = self.subject(u, k - 1)
                    if inner is not None and inner[0][1] == u.tok_e[k - 1]:
                        return inner[0], (role_s, role_e)
                    if inner is None and depth < 2:
                        inner = self.subject(u, k, depth + 1)  # "Jillian Chase, 27, a Tinder user, said"
                        if inner is not None and inner[1] is not None:
                            return inner[0], (inner[1][0], role_e)
            return None
        # Coordinated verbs share a subject: "Zelensky broke the silence ... and indirectly confirmed"
        if u.low[j] in ("and", "but") and u.cues:
            prev = u.cues[-1]
            if prev.end <= u.tok_s[j] and prev.source is not None:
                return prev.source, prev.role
        if u.low[j] in ("and", "but") and not u.cues and depth == 0:
            # "Trump had welcomed Khan's election and said he would ...": the subject of the main clause
            main = self.main_subject(u, j)
            if main is not None:
                return main, None
        if u.low[j] in _DASHES and j > 0 and depth < 2:
            # "The three scholars -- Mr. Tribe, Ms. Epstein and Mr. Amar -- agreed": skip the dashed aside
            k = j
            while k > 0 and u.low[k - 1] in _DASHES:
                k -= 1
            m = k - 1
            while (
                m > 0
                and k - m <= 20
                and u.low[m] not in _DASHES
                and (u.low[m] not in _PUNCT_STOP or self.abbreviation_dot(u, m))
            ):
                m -= 1
            if m > 0 and u.low[m] in _DASHES and m < k - 1:
                while m > 0 and u.low[m - 1] in _DASHES:
                    m -= 1
                inner = self.subject(u, m - 1, depth + 1)
                if inner is not None and inner[0][1] == u.tok_e[m - 1]:
                    return inner[0], (u.tok_s[m], u.tok_e[j])
            return None
        if u.low[j] == ")":
            # "Sen. Elizabeth Warren (D-MA) said": skip the parenthesis
            k = j - 1
            while k >= 0 and u.low[k] != "(" and j - k <= 12:
                k -= 1
            if k > 0 and u.low[k] == "(":
                inner = self.subject(u, k - 1)
                return inner if inner is None else (inner[0], inner[1])
            return None
        if u.low[j] in _WHO and depth < 2:
            # "business leaders who say ...", "Graham, who's called for ...": the antecedent of the relative
            # pronoun right before the cue is the source (a name, or a noun for people)
            ante = self.antecedent(u, j - 1)
            if ante is not None:
                return ante, None
            if u.low[j] != "who":
                return None
        if u.low[j] in ("he", "she", "they", "we", "i") and (j == 0 or u.low[j - 1] not in ("and", "or", "nor")):
            return (u.tok_s[j], u.tok_e[j]), role  # a subject pronoun is the whole subject: "... his aides he said"
        toks: list[int] = []
        k = j
        while k >= 0:
            w = u.low[k]
            # cues come in text order, and scanning back the first cue met is one of the last: linear
            if u.cues and any(c.start <= u.tok_s[k] < c.end for c in u.cues[-4:]):
                break
            if w == ",":
                if any(u.low[t] in ("and", "or") for t in toks):
                    m = k - 1
                    elem = []
                    while m >= 0 and u.low[m] != "," and u.low[m] not in _PUNCT_STOP and u.low[m] not in SUBJECT_STOP:
                        elem.append(m)
                        m -= 1
                    if 1 <= len(elem) <= 5 and (m < 0 or u.low[m] in (",",) or u.low[m] in _PUNCT_STOP):
                        toks.append(k)
                        toks.extend(elem)
                        k = m
                        continue
                break
            if (
                w == "."
                and k > 0
                and u.tok_s[k] == u.tok_e[k - 1]
                and (u.low[k - 1] in TITLE_ABBREVIATIONS or (len(u.low[k - 1]) == 1 and u.raw[k - 1].isupper()))
            ):
                toks.append(k)  # "Mr. Rubio"
                k -= 1
                continue
            if (
                w == "'"
                and k > 0
                and u.tok_s[k] == u.tok_e[k - 1]
                and u.low[k - 1].endswith("s")
                and toks
                and u.tok_s[toks[-1]] > u.tok_e[k]
            ):
                toks.append(k)  # "the drivers' union"
                k -= 1
                continue
            if w in _PUNCT_STOP or (w == "-" and k > 0 and u.tok_s[k] > u.tok_e[k - 1]):
                break
            if w == "to" and k > 0 and u.low[k - 1] in ("close", "next", "loyal", "near"):
                toks.append(k)
                k -= 1
                continue
            if (
                w == "to"
                and k > 0
                and toks
                and _is_cap(u.raw[toks[-1]])
                and (u.low[k - 1] in self.person_nouns() or u.low[k - 1].rstrip("s") in self.person_nouns())
            ):
                toks.append(k)  # "Advisers to Mr. Rubio said": the advisers speak, not Mr. Rubio
                k -= 1
                continue
            if w in SUBJECT_STOP:
                # "officials who asked not to be named said": skip back over the relative clause
                r = k - 1
                while r >= 0 and j - r <= 14 and u.low[r] != "who" and u.low[r] not in _PUNCT_STOP:
                    r -= 1
                if r > 0 and u.low[r] == "who":
                    inner = self.subject(u, r - 1 if u.low[r - 1] != "," else r - 2)
                    if inner is not None:
                        return (inner[0][0], u.tok_e[j]), inner[1]
                break
            toks.append(k)
            k -= 1
            if len(toks) > 16:
                return None
        if not toks:
            return None
        if len(toks) == 1 and "'" in u.low[toks[0]]:
            w = u.low[toks[0]]
            if w[: w.index("'")] in PRONOUNS:  # "She's said": the source is "She"
                s0 = u.tok_s[toks[0]]
                return (s0, s0 + w.index("'")), role
        if len(toks) == 1 and u.low[toks[0]] == "who" and depth < 2:
            # "Mr. Leenders, who estimated that ...": the antecedent is the source
            b = toks[0] - 1
            if b >= 0 and u.low[b] == ",":
                b -= 1
            if b >= 0 and not _is_punct(u.low[b]):
                inner = self.subject(u, b, depth + 1)
                if inner is not None and (_is_cap(u.raw[b]) or u.low[b] in self.person_nouns()):
                    return inner
            return None
        toks.reverse()
        # strip leading conjunctions and adverbs: "But several of ..."
        while toks and u.low[toks[0]] in LEADING:
            toks.pop(0)
        while toks and u.low[toks[0]] in (",", "and", "or"):
            toks.pop(0)
        # a fronted prepositional phrase: "with these words President Volodymyr Zelensky"
        if toks and u.low[toks[0]] in PREPOSITIONS:
            p = 1
            if p < len(toks) and u.low[toks[p]] in DETERMINERS:
                p += 1
            if p < len(toks):
                cap = _is_cap(u.raw[toks[p]])
                while (
                    p < len(toks)
                    and _is_cap(u.raw[toks[p]]) == cap
                    and u.low[toks[p]] not in DETERMINERS
                    and u.low[toks[p]] != ","
                ):
                    p += 1
                while p < len(toks) and u.low[toks[p]] == ",":
                    p += 1
            toks = toks[p:]
        if not toks:
            return None
        head = u.low[toks[-1]]
        if (
            head not in QUANTIFIERS
            and head in DETERMINERS
            or head in NOT_SUBJECT
            or head in LEADING
            or _is_punct(head)
            or head in PREPOSITIONS
            or head.isdigit()
            or (head.endswith("ly") and not _is_cap(u.raw[toks[-1]]))
        ):
            return None
        if len(toks) == 1 and head in NOT_SUBJECT:
            return None
        return (u.tok_s[toks[0]], u.tok_e[toks[-1]]), role

    def antecedent(self, u: _Unit, b: int):
        """``(start, end)`` of the noun phrase that ends at token ``b`` (or before its comma) and can be
        the antecedent of "who": a name ("Graham, who"), or a noun for people ("business leaders who",
        "a governor who"); the phrase stops at a preposition, a verb-like stop word or punctuation."""
        if b >= 0 and u.low[b] == ",":
            b -= 1
        if b < 0 or _is_punct(u.low[b]) and not (u.low[b] == "." and self.abbreviation_dot(u, b)):
            return None
        head = u.low[b]
        if head in DETERMINERS or head in NOT_SUBJECT or head in PRONOUNS or head in QUANTIFIERS:
            return None  # "those who say", "one who said": no one in particular
        if not _is_cap(u.raw[b]):
            from .sources import _lists

            groups, titles, _ = _lists()
            kinds = {groups.get(head), groups.get(head.rstrip("s"))}
            if not (head in titles or head.rstrip("s") in titles or kinds & {"group", "anonymous"}):
                return None  # "a food bank who": a person noun is needed, not an organisation or a document
        k = b
        while k - 1 >= 0 and b - k < 8:
            w = u.low[k - 1]
            if w == "." and self.abbreviation_dot(u, k - 1):
                k -= 1
                continue
            if w == "'s" or (w.endswith("'s") and len(w) > 2):
                k -= 1
                continue
            if _is_punct(w) or w in SUBJECT_STOP or w in PREPOSITIONS or w in LEADING or w in self.by_form:
                break
            if _is_cap(u.raw[b]) and not _is_cap(u.raw[k - 1]) and w not in DETERMINERS:
                break  # a name: "met Gov. Ann Lee, who"
            if w.endswith("ed") and not _is_cap(u.raw[k - 1]) and not (k >= 2 and u.low[k - 2] in DETERMINERS):
                break  # "The plan angered business leaders who": a verb, not "a retired general"
            k -= 1
            if w in DETERMINERS:
                break  # "met a local governor who": the phrase opens with its article
        while k < b and (u.low[k] in DETERMINERS and u.low[k] not in ("a", "an", "the", "his", "her", "their")):
            k += 1
        phrase = self.text[u.tok_s[k] : u.tok_e[b]]
        if not plausible_source(phrase):
            return None
        return (u.tok_s[k], u.tok_e[b])

    def forward_np(self, u: _Unit, k: int, allow_lower: bool = False):
        """``((start, end), end)`` of a noun phrase starting at token ``k`` (", says X")."""
        if k >= u.n:
            return None
        first = u.low[k]
        if not (
            _is_cap(u.raw[k])
            or first in DETERMINERS
            or first in PRONOUNS
            or (allow_lower and first not in SUBJECT_STOP and not _is_punct(first))
            or first
            in (
                "several",
                "many",
                "some",
                "most",
                "officials",
                "people",
                "analysts",
                "experts",
                "sources",
                "diplomats",
                "two",
                "three",
                "one",
            )
        ):
            return None
        if first in ("this", "that", "these", "those", "what", "which"):
            return None
        if first in PRONOUNS and not (
            first == "one"
            and k + 1 < u.n
            and not _is_punct(u.low[k + 1])
            and u.low[k + 1] not in SUBJECT_STOP
            and u.low[k + 1] not in FINITE
            and u.low[k + 1] not in self.by_form
        ):
            return (u.tok_s[k], u.tok_e[k]), u.tok_e[k]  # but "one former campaign staffer"
        j = k
        last = None
        seen_noun = False
        while j < u.n and j - k < 14:
            w = u.low[j]
            if (
                w == "."
                and j > k
                and u.tok_s[j] == u.tok_e[j - 1]
                and j + 1 < u.n
                and _is_cap(u.raw[j + 1])
                and (u.low[j - 1] in TITLE_ABBREVIATIONS or (len(u.low[j - 1]) == 1 and u.raw[j - 1].isupper()))
            ):
                last = j  # "..., said Mr. Kopachko", "said George W. Bush"
                j += 1
                continue
            if (
                w in ("'", "\u2019")
                and j > k
                and u.low[j - 1].endswith("s")
                and u.tok_s[j] == u.tok_e[j - 1]
                and j + 1 < u.n
                and u.low[j + 1].isalpha()
                and not _is_cap(u.raw[j + 1])
                and self.in_quote(u.tok_s[j]) is None
            ):
                last = j  # "a local residents' group": a plural possessive inside the phrase
                j += 1
                continue
            if _is_punct(w) and w not in ("-",):
                break
            if w in SUBJECT_STOP and not (w == "to" and j > k and u.low[j - 1] in ("close", "near", "loyal")):
                break
            if seen_noun and w in DETERMINERS and (j == 0 or u.low[j - 1] not in PREPOSITIONS):
                break
            if (
                seen_noun
                and last is not None
                and _is_cap(u.raw[last])
                and not _is_cap(u.raw[j])
                and w not in PREPOSITIONS
                and w not in ("and", "'s", "-", "close", "familiar")
                and j > k
                and u.low[j - 1] not in PREPOSITIONS
                and not (w in NAME_PARTICLES and j + 1 < u.n and _is_cap(u.raw[j + 1]))
                and not (w in self.person_nouns() or w.rstrip("s") in self.person_nouns())
            ):
                break  # but "the Florida senator"
            if w in PREPOSITIONS and j + 1 < u.n and _is_punct(u.low[j + 1]):
                break
            if w not in DETERMINERS and w not in PREPOSITIONS and w != "and":
                seen_noun = True
            last = j
            j += 1
        if last is None:
            return None
        scanned = last
        while last >= k and (
            u.low[last] in PREPOSITIONS or u.low[last] in DETERMINERS or u.low[last] in ("and", "or", "-")
        ):
            last -= 1
        if last < k:
            return None
        if (
            scanned != last
            and scanned + 1 < u.n
            and _is_punct(u.low[scanned + 1])
            and u.low[scanned + 1] not in (",", ".")
        ):
            # "wrote the authors of the "Growth Project"": the phrase goes on into a quoted name
            return (u.tok_s[k], u.tok_e[last]), u.tok_e[scanned]
        return (u.tok_s[k], u.tok_e[last]), u.tok_e[last]

    def inverted_name(self, u: _Unit, k: int):
        """``((start, end), end)`` of a name after an inverted cue, with the words before it that
        describe the person: "said Democratic pollster Stan Greenberg", "said former tech executive
        Carly Fiorina during ...", "said one New Hampshire Democrat". The name must be followed by
        punctuation or a word that starts an adjunct ("when", "in", "who" ...)."""
        nouns = self.person_nouns()
        j, last, seen_cap = k, None, False  # a lower-case word between capitals: "Democratic pollster Stan"
        while j < u.n and j - k < 12:
            w = u.low[j]
            if seen_cap and self.abbreviation_dot(u, j):
                last = j
            elif _is_punct(w):
                break
            elif _is_cap(u.raw[j]):
                seen_cap, last = True, j
            elif seen_cap and not (
                self.cap_within(u, j + 1, 2)
                and w not in SUBJECT_STOP
                and w not in PREPOSITIONS
                and w not in self.by_form
                and w not in FINITE
                and (w in NAME_PARTICLES or w in nouns or w.rstrip("s") in nouns or w.replace("-", "").isalpha())
            ):
                break
            elif (
                w in SUBJECT_STOP
                or w in FINITE
                or w in self.by_form
                or (w in PRONOUNS and w != "one")
                or (w in DETERMINERS and w not in ("the", "a", "an"))
                or w.endswith("ly")
                or w.isdigit()
            ):
                return None
            j += 1
        if not seen_cap or last is None or _is_punct(u.low[last]) and not self.abbreviation_dot(u, last):
            return None
        nxt = last + 1
        if nxt < u.n and not _is_punct(u.low[nxt]) and u.low[nxt] not in INVERTED_FOLLOW:
            return None
        return (u.tok_s[k], u.tok_e[last]), u.tok_e[last]

    def cap_within(self, u: _Unit, j: int, n: int) -> bool:
        """Whether a capitalised word comes within ``n`` tokens from ``j``, with only lower-case words
        before it ("Montclair State University political scientist Brigid Harrison")."""
        for t in range(j, min(u.n, j + n)):
            if _is_cap(u.raw[t]):
                return True
            if _is_punct(u.low[t]) or u.low[t] in SUBJECT_STOP or u.low[t] in FINITE:
                return False
        return False

    def forward_role(self, u: _Unit, after: int, to_end: bool = True):
        """The appositive after a source: ", a research fellow at ..." up to the end of the sentence."""
        k = u.index_at(after)
        if k >= u.n or u.low[k] != ",":
            return None
        k += 1
        if k >= u.n:
            return None
        w = u.low[k]
        if not (
            w in ("a", "an", "the", "who", "whose")
            or w.isdigit()
            or not _is_cap(u.raw[k])
            or w in ("president", "minister", "head", "director", "chief", "spokesman", "spokeswoman")
        ):
            return None
        if w in ("said", "says", "told", "added", "and", "but", "which", "that") or w in PRONOUNS:
            return None
        end_k = k
        while end_k + 1 < u.n and not (u.low[end_k + 1] in '.;!?"\u201c\u201d()' and _is_punct(u.low[end_k + 1])):
            if not to_end and u.low[end_k + 1] == ",":
                break
            end_k += 1
        if not to_end and (end_k + 1 >= u.n or u.low[end_k + 1] != ","):
            return None  # "According to X, the bridge will ..." is content, not a role
        s, e = u.tok_s[k], u.tok_e[end_k]
        return (s, e) if e > s else None

    # -- the content ----------------------------------------------------------------------
    def quote_ending_before(self, pos: int):
        """The quote that ends just before ``pos`` (only spaces and commas between)."""
        i = bisect.bisect_right(self.q_ends, (pos, 1 << 60)) - 1
        if i < 0:
            return None
        q = self.stretches[self.q_ends[i][1]]
        if pos - q.end > 20:
            return None
        gap = self.text[q.end : pos]
        if gap.strip(" \t\r\n,") == "" and self.para(q.start if q.paragraphs == 1 else q.end - 1) == self.para(pos):
            return q
        return None

    def quote_near_before(self, pos: int, max_words: int = 4, speech_only: bool = True):
        i = bisect.bisect_right(self.q_ends, (pos, 1 << 60)) - 1
        if i < 0:
            return None
        q = self.stretches[self.q_ends[i][1]]
        if pos - q.end > 80:
            return None
        if q.end < pos and _GAP_BEFORE.search(self.text, q.end, pos) is not None:
            return None
        if len(self.text[q.end : pos].split()) > max_words:
            return None
        if (
            speech_only
            and not self.speech(q)
            and not self.text[q.content[0] : q.content[1]].rstrip().endswith((",", "?", "!"))
        ):
            return None
        return q

    def speech(self, q) -> bool:
        """:func:`quotes.is_speech` of a stretch, remembered."""
        key = (q.start, q.end)
        found = self._speech.get(key)
        if found is None:
            found = self._speech[key] = _quotes.is_speech(self.text, q)
        return found

    def quote_after(self, pos: int, max_words: int = 6):
        i = bisect.bisect_left(self.q_starts, pos)
        if i >= len(self.stretches):
            return None
        q = self.stretches[i]
        if q.start - pos > 80:
            return None
        if pos < q.start and _GAP_AFTER.search(self.text, pos, q.start) is not None:
            return None
        gap = self.text[pos : q.start]
        if len(gap.split()) > max_words:
            return None
        stripped = gap.strip()
        if stripped not in ("", ":", ",", "that") and not stripped.endswith((":", ",")):
            return None
        return q

    def quote_covering(self, cs: int, ce: int):
        q = self.in_quote(cs)
        if q is not None and q.end >= ce - 1:
            return q
        while cs < ce and self.text[cs] in " ,":
            cs += 1
        i = bisect.bisect_left(self.q_starts, cs)
        if i < len(self.stretches):
            q = self.stretches[i]
            if q.start == cs and q.end >= ce - 1:
                return q
        return None

    def to_end(self, u: _Unit, pos: int) -> tuple[int, int]:
        """From ``pos`` to the end of the sentence, without the final punctuation."""
        e = u.end
        brk = self.clause_break(u, pos)
        if brk is not None and brk[1] == ";" and self.text[max(u.start, pos - 3) : pos].strip().endswith(":"):
            brk = None  # a list after a colon: "explanations: a; b; c"
        if brk is not None and self.in_quote(brk[0]) is None:
            e = brk[0]
        while e > pos and (self.text[e - 1].isspace() or self.text[e - 1] in ".!?;:,\u2026"):
            e -= 1
        s = pos
        while s < e and self.text[s].isspace():
            s += 1
        return s, e

    def clause_break(self, u: _Unit, pos: int):
        """``(offset, text)`` of the first clause break (";" or ", but") at or after ``pos`` in the unit, or
        None. Cached per unit: the cues of a sentence come in text order, so each stretch of a long
        sentence is searched once (linear time on a one-sentence text of "according to X, ...")."""
        cache = self._breaks.get(u.start)
        if cache is not None and cache[0] <= pos and (cache[1] is None or pos <= cache[1][0]):
            return cache[1]
        m = _CLAUSE_BREAK.search(self.norm, pos, u.end)
        found = (m.start(), m.group(0)) if m is not None else None
        self._breaks[u.start] = (pos, found)
        return found

    def content(self, u: _Unit, start: int, end: int, k: int, source, r: CueRow, word: str, inverted: bool):
        """``(start, end, quoted, quote)`` of what the cue attributes, or None."""
        found = self._content(u, start, end, k, source, r, word, inverted)
        if found is not None and found[3] is not None:
            cs, ce, quoted, q = found
            if cs < start < ce:  # an unclosed quote ran over its own cue
                ce = start
                while ce > cs and (self.text[ce - 1].isspace() or self.text[ce - 1] in ",—–-"):
                    ce -= 1
                return (cs, ce, quoted, q) if ce > cs else None
        return found

    def _content(self, u: _Unit, start: int, end: int, k: int, source, r: CueRow, word: str, inverted: bool):
        text = self.text
        # (a) a quote right after the cue: 'X said: "..."'
        q = self.quote_after(end if not inverted else u.tok_s[k] if k < u.n else u.end)
        if q is not None and not inverted:
            return q.content[0], q.content[1], True, (q.start, q.end)
        # (b) a that-clause or a colon right after the cue (after an addressee for "told")
        limit = 4 if word in ADDRESSEE else 2
        j = k
        # "The plant will close, officials said, adding that ...": a clause before the cue and a participle
        # after it: the participle is a cue of its own, and this one reports the clause before (d)
        clause_before = not inverted and u.index_at(start if source is None else min(start, source[0])) > 2
        while j < u.n and j - k <= 10:
            w = u.low[j]
            if (
                j == k
                and w == ","
                and clause_before
                and k + 1 < u.n
                and u.low[k + 1].endswith("ing")
                and u.low[k + 1].isalpha()
            ):
                break
            if w == ":":
                nq = self.quote_after(u.tok_e[j])
                if nq is not None:
                    return nq.content[0], nq.content[1], True, (nq.start, nq.end)
                if j + 1 < u.n:
                    cs, ce = self.to_end(u, u.tok_s[j + 1])
                    if ce > cs:
                        return cs, ce, False, None
                elif j == k and self.text[u.tok_e[j] : u.tok_e[j] + 4].lstrip(" \t\xa0")[:1] in ("\n", "\r"):
                    # "Hewitt writes:" closing its paragraph: the next paragraph is what was written
                    cs = u.tok_e[j]
                    while cs < len(self.text) and self.text[cs].isspace():
                        cs += 1
                    ce = self.text.find("\n", cs)
                    ce = len(self.text) if ce == -1 else ce
                    while ce > cs and self.text[ce - 1].isspace():
                        ce -= 1
                    if ce - cs > 20:
                        nq = self.quote_covering(cs, ce)
                        if nq is not None:
                            return nq.content[0], nq.content[1], True, (nq.start, nq.end)
                        return cs, ce, False, None
                return None
            if (
                w == "that"
                and j - k <= (limit if u.low[k] not in PREPOSITIONS else 10)
                and (
                    j == k
                    or word in ADDRESSEE
                    or u.low[k] in PREPOSITIONS
                    or all(u.low[t] not in DETERMINERS for t in range(k, j))
                )
            ):
                if j + 1 < u.n:
                    cs, ce = self.to_end(u, u.tok_s[j + 1])
                    if ce > cs:
                        nq = self.quote_covering(cs, ce)
                        if nq is not None:
                            return nq.content[0], nq.content[1], True, (nq.start, nq.end)
                        return cs, ce, False, None
                return None
            if j == k and w in ("that's", "that\u2019s", "there's", "it's", "he's", "she's", "they're", "we're"):
                cs, ce = self.to_end(u, u.tok_s[j])  # "Trump brags that's good news": a clause without "that"
                return (cs, ce, False, None) if ce > cs else None
            if w in ("whether", "if") and word in ASK and j - k <= limit:
                cs, ce = self.to_end(u, u.tok_s[j])  # "asked the minister whether ..."
                return (cs, ce, False, None) if ce > cs else None
            if w in ".;!?" or w in ('"', "\u201c", "\u201d") or (w == "," and u.low[k] in PREPOSITIONS):
                break
            j += 1
        # (c) a quote just before the cue or its source: '"...," says X' / '"...," X said'
        anchor = start if (inverted or source is None or source[0] > start) else source[0]
        q = self.quote_near_before(anchor)
        if q is not None and not any(c.start >= q.end and c.end <= start for c in u.cues):
            return q.content[0], q.content[1], True, (q.start, q.end)
        # (d) the cue ends the sentence: "..., the Financial Times reports."
        rest = []  # the first four words after the cue
        low = u.low
        for t in range(k, u.n):
            w = low[t]
            if w == ";":
                break  # "..., local doctors say; the shortage ...": a semicolon ends the reported part
            if len(w) != 1 or w.isalnum():
                rest.append(t)
                if len(rest) > 3:
                    break
        # "..., local officials said, as the rebels pushed closer": a comma and a subordinate clause
        # after the cue end the reported part as a full stop would
        trailing = k + 1 < u.n and u.low[k] == "," and u.low[k + 1] in _TRAILING_SUBORDINATE
        if not trailing and k + 1 < u.n and u.low[k] == "," and not inverted and source is not None:
            # "The plan would be aided, Reyes said, by the budget": a cue between commas inside a
            # clause that has its own finite verb before it; the reported part is that clause
            a_i = u.index_at(anchor)
            trailing = (
                a_i > 1
                and u.low[a_i - 1] == ","
                and any(low[t] in FINITE for t in range(0, a_i - 1))
                and not any(low[t] in CLAUSE_START or low[t] in _SUBORDINATORS for t in range(0, min(2, a_i)))
            )
        if not trailing and not inverted:
            # "..., the company said on Tuesday, blaming weak demand": a time, then a comma and a
            # participle after the cue end the reported part as a full stop would
            t = k
            while t < u.n and (low[t] in TIME_WORDS or low[t] in ("on", "in", "last", "this", "late", "earlier")):
                t += 1
            trailing = (
                t + 1 < u.n
                and low[t] == ","
                and (
                    (low[t + 1].endswith("ing") and low[t + 1].isalpha() and len(low[t + 1]) > 4)
                    # "..., officials said on Wednesday, as the season lengthens"
                    or (t > k and low[t + 1] in _TRAILING_SUBORDINATE)
                )
            )
        kept_rest = rest
        if trailing:
            rest = []
        if len(rest) <= 3 and not (rest and u.low[rest[0]] in ("that", "it", "them", "him", "her", "this", "so")):
            if (
                len(rest) == 0
                or u.low[rest[0]] in TIME_WORDS
                or u.low[rest[0]]
                in (
                    "on",
                    "in",
                    "last",
                    "this",
                    "yesterday",
                    "today",
                    "earlier",
                    "recently",
                    "late",
                )
            ):
                ce = anchor
                while ce > u.start and (text[ce - 1].isspace() or text[ce - 1] in ",\u2014\u2013-"):
                    ce -= 1
                lead = 0
                while lead < u.n and (u.low[lead] in LEADING or _is_punct(u.low[lead])):
                    lead += 1
                cs = u.tok_s[lead] if lead < u.n else u.start
                if (
                    ce > cs
                    and text[ce:anchor].strip(" ").startswith((",", "\u2014", "-"))
                    or (ce > cs and ce < anchor and text[ce] == ",")
                ):
                    nq = self.quote_covering(cs, ce)
                    if nq is not None:
                        return nq.content[0], nq.content[1], True, (nq.start, nq.end)
                    return cs, ce, False, None
            if trailing:
                rest = kept_rest  # "Police said, after a pause, that ...": read on
            if not rest:
                return None
        # (e) the rest of the sentence after the cue
        j = k
        while j < u.n and u.low[j] in (",",):
            j += 1
        if j >= u.n:
            return None
        first = u.low[j]
        if _is_punct(first) and first not in ('"', "\u201c", "'", "\u2018"):
            return None
        if r.content == "quote":
            return None
        if first in ADVERBS and (j + 1 >= u.n or u.low[j + 1] in (".", "!", "?", ";")):
            return None  # "we will ask again.": an adverb alone is no content
        if r.stance == "emotion" and first in ("about", "over") and j + 1 < u.n:
            cs, ce = self.to_end(u, u.tok_s[j + 1])
            return (cs, ce, False, None) if ce > cs else None
        if r.content == "infinitive" and r.kind == "verb" and (first in TIME_WORDS or first in ("on", "last", "this")):
            # "pledged Saturday to rid ...", "promised on Tuesday to refrain ...": skip the time, keep the aim
            t = j + 1 if first in ("on", "last", "this") else j
            n_time = 0
            while t < u.n and u.low[t] in TIME_WORDS and n_time < 2:
                t += 1
                n_time += 1
            if (
                n_time
                and t + 1 < u.n
                and u.low[t] == "to"
                and not _is_punct(u.low[t + 1])
                and not _is_cap(u.raw[t + 1])
                and u.low[t + 1] not in DETERMINERS
            ):
                cs, ce = self.to_end(u, u.tok_s[t])
                return (cs, ce, False, None) if ce > cs else None
        if first in ("on", "in", "last", "this", "earlier", "late") and r.kind == "verb" and j + 1 < u.n:
            # "said on Friday he met ...", "said last week that ...": skip the time, keep the clause
            t = j + 1 if first in ("on", "in") else j
            n_time = 0
            while t < u.n and (u.low[t] in TIME_WORDS or u.low[t].isdigit()) and n_time < 3:
                t += 1
                n_time += 1
            if n_time and t < u.n and not _is_punct(u.low[t]):
                if u.low[t] == "that":
                    t += 1
                if t < u.n and (
                    u.low[t] in PRONOUNS
                    and u.low[t] not in ("it", "one")
                    or (
                        (u.low[t] in CLAUSE_START or _is_cap(u.raw[t]) or u.low[t] == "the")
                        and any(w in FINITE or w.endswith("ed") for w in u.low[t : t + 8])
                    )
                ):
                    cs, ce = self.to_end(u, u.tok_s[t])
                    if ce > cs:
                        nq = self.quote_covering(cs, ce)
                        if nq is not None:
                            return nq.content[0], nq.content[1], True, (nq.start, nq.end)
                        return cs, ce, False, None
        if first in ("in", "on", "at", "during") and r.kind == "verb" and r.content != "object":
            # "said in an interview, ...", "said at a town hall on Monday, "...": the content follows the comma
            t = j + 1
            while t < u.n and t - j <= 12 and not _is_punct(u.low[t]):
                t += 1
            if t + 1 < u.n and u.low[t] == "," and self.in_quote(u.tok_s[t]) is None:
                nq = self.quote_after(u.tok_e[t])
                if nq is not None:
                    return nq.content[0], nq.content[1], True, (nq.start, nq.end)
                nxt = u.low[t + 1]
                if nxt in CLAUSE_START or nxt in PRONOUNS or _is_cap(u.raw[t + 1]) or nxt == "the":
                    cs, ce = self.to_end(u, u.tok_s[t + 1])
                    if ce > cs and any(w in FINITE for w in u.low[t + 1 : t + 12]):
                        return cs, ce, False, None
            return None
        approximately = (
            first == "about"
            and j + 1 < u.n
            and (u.low[j + 1][:1].isdigit() or u.low[j + 1] in ("half", "a", "one", "two", "three", "twice", "$"))
        )
        if (
            (
                word in ADDRESSEE
                or r.cue in ("urge", "ask")
                # "wants his party to work", "wants them to stay": an infinitive verb with a personal object
                or (r.content == "infinitive" and first in _PERSONAL_OBJECT)
            )
            and r.kind == "verb"
            and not _is_punct(first)
        ):
            # "asked the network to donate ...", "urged voters to stay home": a request, its content the
            # addressee and what they are asked to do
            for t in range(j + 1, min(u.n - 1, j + 5)):
                if _is_punct(u.low[t]) or u.low[t] in SUBJECT_STOP and u.low[t] != "to":
                    break
                if (
                    u.low[t] == "to"
                    and not _is_punct(u.low[t + 1])
                    and u.low[t + 1] not in DETERMINERS
                    and not _is_cap(u.raw[t + 1])
                ):
                    cs, ce = self.to_end(u, u.tok_s[j])
                    return (cs, ce, False, None) if ce > cs else None
        if (
            first in PARTICLES
            and r.kind == "verb"
            and r.content != "object"
            and not r.rest
            and j + 1 < u.n
            and not (
                first == "about"
                and (u.low[j + 1][:1].isdigit() or u.low[j + 1] in ("half", "a", "one", "two", "three", "twice", "$"))
            )
            and not _is_punct(u.low[j + 1])
            and u.low[j + 1] not in TIME_WORDS
            and not u.low[j + 1].isdigit()
            and u.low[j + 1]
            not in (
                "years",
                "decades",
                "months",
                "weeks",
                "hours",
                "minutes",
                "example",
                "instance",
                "now",
                "once",
                "the first",
                "a while",
                "long",
            )
        ):
            cs, ce = self.to_end(u, u.tok_s[j + 1])  # "warned of ...", "complained about ...", "called for ..."
            return (cs, ce, False, None) if ce > cs else None
        if (
            first == "to"
            and r.content == "infinitive"
            and j + 1 < u.n
            and (not _is_punct(u.low[j + 1]) or u.low[j + 1] in ('"', "\u201c", "'", "\u2018"))
            and not _is_cap(u.raw[j + 1])
            and u.low[j + 1] not in DETERMINERS
        ):
            cs, ce = self.to_end(u, u.tok_s[j])  # "declined to comment", "wants to run"
            return (cs, ce, False, None) if ce > cs else None
        if r.cue in _AS_VERBS and r.kind == "verb" and not _is_punct(first):
            # "Voters see the plan as a tax", "which he described as ...": an object and its "as" complement
            for t in range(j, min(u.n, j + 9)):
                if _is_punct(u.low[t]) or (u.low[t] in SUBJECT_STOP and u.low[t] != "as"):
                    break
                if (
                    u.low[t] == "as"
                    and t + 1 < u.n
                    and not _is_punct(u.low[t + 1])
                    and u.low[t + 1] not in _AS_NOT
                    and u.low[t + 1] not in PRONOUNS
                ):
                    cs, ce = self.to_end(u, u.tok_s[j])
                    return (cs, ce, False, None) if ce > cs else None
        if r.cue in ("view", "regard"):
            return None  # a cue only with an as-complement ("whichever view seems ...")
        if (first in PREPOSITIONS and not approximately) or first in (
            "to",
            "as",
            "up",
            "out",
            "off",
            "down",
            "back",
            "away",
        ):
            return None  # "continued to ...", "named on the list" (not "said about half")
        if r.content in ("clause", "infinitive"):
            window = u.low[j : j + 12]
            if not (first in CLAUSE_START or first in PRONOUNS or any(w in FINITE for w in window)):
                return None
            if first in PRONOUNS and (j + 1 >= u.n or _is_punct(u.low[j + 1])):
                return None  # "when I see it.": a pronoun object alone is no reported clause
            if r.content == "clause" and first not in CLAUSE_START and first not in PRONOUNS:
                # "added a second from the penalty spot after she was brought down": the only finite
                # verb is in a subordinate clause, so the words after the cue are its object, not speech
                for w in window:
                    if w in FINITE:
                        break
                    if w in _SUBORDINATORS or w == ";":
                        return None
        if r.content == "object" and _is_cap(u.raw[j]):
            return None
        cs, ce = self.to_end(u, u.tok_s[j])
        if ce <= cs:
            return None
        nq = self.quote_covering(cs, ce)
        if nq is not None:
            return nq.content[0], nq.content[1], True, (nq.start, nq.end)
        return cs, ce, False, None


_TRAILING_SUBORDINATE = frozenset("as while after before when because although though since amid despite".split())
_SUBORDINATORS = frozenset("after before when while because since until unless although though once than".split())
_SECOND_HAND = re.compile(r"[\s,\u201d\"']*(?:as\s+)?(?:quoted|cited|reported)\s+(?:by|in)\b", re.IGNORECASE)
_TRANSCRIPT_LABEL = re.compile(r"(?m)^[ \t]*([A-Z][A-Z.'\-]+(?:[ \t]+[A-Z][A-Z.'\-]+){0,2}):[ \t]+\S")
_SECOND_HAND_IN = re.compile(r",\s+as\s+(?:quoted|cited|reported)\s+(?:by|in)\b", re.IGNORECASE)
_GAP_BEFORE = re.compile('[.!?;:"\u201c\u201d\n]')
_GAP_AFTER = re.compile('[.!?;"\u201c\u201d\n]')
_NOUN_BEFORE = re.compile(r"(?:^|[^\w'])(?:the|a|an|his|her|its|their|our|my|your|these|those|to)\s+$")
_CLAUSE_BREAK = re.compile(r";|,\s+(?:but|while|whereas|although|though|yet)\s")
_PARTITIVE = frozenset(
    "percent per cent majority half third quarter number share most many some all none "
    "one two three four five six seven eight nine ten dozens hundreds thousands "
    "millions".split()
)
_CONTRACTION = re.compile(r"'(?:ve|s|re|ll|d|m)$")
_ASPECTUAL = frozenset(
    "continue continues continued continuing begin begins began begun beginning start starts started starting".split()
)
_SPAN_ADVERBS = frozenset(
    "also later first once previously repeatedly publicly privately openly recently further separately "
    "additionally initially originally finally subsequently again already still often".split()
)
# adverbs that PolNeAR's cue spans take in before the verb group ("now know", "then asked", "just say")
_DISPOSITION = frozenset("quick quicker eager careful keen".split())
_ASPECTUAL_TO = re.compile(
    r"(?:^|[^\w'])(?:(?:continu|begi|began|start)\w*|(?:go|goes|went|going|gone)\s+on|"
    + "|".join(sorted(_DISPOSITION))
    + r")\s+to\s+$"
)
# verbs of seeing or naming that take an object and an "as" complement ("see X as Y", "describe X as Y")
_AS_VERBS = frozenset("see view regard describe portray characterize characterise depict".split())
_AS_NOT = frozenset("well soon long much many far if though to the".split())
# object pronouns and possessive determiners that open an object before "to" ("wants his party to")
_PERSONAL_OBJECT = frozenset("him them us me his their our my your".split())
_DASHES = frozenset(("-", "\u2013", "\u2014"))
_INVERT_AUX = frozenset(
    "do does did can could will would should shall may might must is are was were has have had".split()
)
_WH = frozenset("what why how who when where which whom whose".split())
_PERSONAL = frozenset("i we you he she they".split())
# verbs of thought and perception that the writer uses with the reader as "you" ("you will find")
_THOUGHT = SPEAKER_HEDGES | frozenset(
    "find see know remember learn discover notice realise realize understand forget recall want wish wonder".split()
)
_PERCEPTION = frozenset("find discover".split())
_MODALS = frozenset("will 'll would".split())
_QUANTITY = frozenset("million billion trillion bn".split())
_TIME_ONLY = frozenset(
    "every each hour hours minute minutes second seconds other few couple of a an the "
    "two three four five six seven eight nine ten twelve twenty".split()
)
NESTED_EXPLANATION = "Inside what {who} reported: the account of {who}, not a separate source speaking. "
NESTED_NAMED = "Second-hand: {who} reports what this source said or did. "
_COORDINATED = re.compile(r"[,;]\s+(?:and|but|while|whereas|yet)\s+(?!that\b)")
# collective nouns for a body of people that speaks as one ("the fishermen's association welcomed")
_BODIES = frozenset(
    "association federation society committee council commission board agency authority institute foundation "
    "ministry department union league club party company firm court tribunal inquiry panel charity jury cooperative "
    "coalition alliance trust".split()
)
_HEARING_BODIES = frozenset("court jury tribunal inquiry inquest hearing committee panel commission".split())
_INDEFINITE = frozenset("anything nothing something everything".split())
_AMOUNT = re.compile(r"\d[\d.,]*(?:m|bn|k)")  # "a £14m plan"
# verbs whose content may be a whole clause without "that" ("said the team plans to ...")
_CLAUSE_VERBS = frozenset(
    "say tell write add report announce explain state insist argue claim warn predict suggest believe think "
    "know hope expect fear admit acknowledge confirm deny note estimate".split()
)
# verbs whose complement takes "in" ("involved in the study", "took part in the survey")
_IN_VERBS = frozenset("involved part participated participate participating enrolled included engaged".split())
# "the teachers I have spoken to say ...": a contact clause between the subject and the cue
_SPOKEN = frozenset("spoken spoke talked talk speak interviewed met".split())
_SPOKEN_TO = re.compile(
    r"\b(?:i|we|you|he|she|they)\s+(?:(?:have|has|had|'ve)\s+)?(?:spoken|spoke|talked|talk|speak)\s+(?:to|with)\s+$"
)
# a wire dateline that opens the sentence: "SÃO PAULO, April 3 (Reuters) - ", "NAIROBI, Kenya -- "
_DATELINE = re.compile(
    r"[A-Z\u00c0-\u00de][A-Z\u00c0-\u00de .'\-]+,[^\n\u2013\u2014]{0,40}?\s(?:-{1,2}|\u2013|\u2014)\s+"
)
_OWN_WORD = (
    "The speaker's own word about their own words (\"I'll admit\"): their framing, not the writer's, so it "
    "does not judge them."
)
_WHO = frozenset(("who", "who's", "who've", "who'd", "who'll"))
_WORDS = re.compile(r"[\w'\u2019-]+")


# Documents that show a scene rather than report a finding: "the video shows a man running".
_NOT_WITNESSES = frozenset("video recording ad website photo picture image footage".split())
_DOCUMENT_STOP = frozenset(
    "of by from in for on at with conducted released compiled published taken that which who".split()
)


def document_source(phrase: str) -> bool:
    """Whether a phrase names a poll, a study, a report or records (a ``document`` in
    ``source_groups.csv``), judged by its head noun.

    >>> document_source("A Reuters rolling poll"), document_source("records compiled by the Center")
    (True, True)
    >>> document_source("the weather"), document_source("he")
    (False, False)
    """
    from .sources import _lists

    groups = _lists()[0]
    head = None
    for w in _WORDS.findall(phrase):
        lw = w.lower()
        if head is not None and lw in _DOCUMENT_STOP:
            break
        head = lw
    if head is None or head in _NOT_WITNESSES or head.rstrip("s") in _NOT_WITNESSES:
        return False
    return groups.get(head) == "document" or groups.get(head.rstrip("s")) == "document"


def _group_nouns():
    """The source lists' nouns for groups of people ("people", "voters")."""
    from .sources import _lists

    return _lists()[0]


def plausible_source(phrase: str) -> bool:
    """Whether a phrase can name someone who speaks: a name, a pronoun, or a known source noun.

    >>> plausible_source("the Financial Times"), plausible_source("their instinctive preference")
    (True, False)
    """
    from .sources import _lists

    groups, titles, _ = _lists()
    words = _WORDS.findall(phrase)
    if not words:
        return False
    head = words[-1]
    for n, w in enumerate(words):
        lw = w.lower()
        if lw == "of" and n > 0 and (words[n - 1].lower() in _PARTITIVE or words[n - 1].isdigit()):
            continue  # "8 percent of voters": the head is "voters"
        if lw in ("of", "at", "for", "from", "in", "with", "who", "close", "familiar", "on"):
            break
        head = w
    low = _CONTRACTION.sub("", head.lower().replace("\u2019", "'"))
    if low in _PARTITIVE:
        return False
    if (
        head[:1].isupper()
        or low in PRONOUNS
        or low.endswith(("ist", "ian"))
        or low.endswith(("maker", "spokesman", "spokeswoman", "person", "woman", "chairman", "congressman"))
        or (low.endswith("s") and not low.endswith(("ss", "'s")) and low.isalpha())
        or low in _BODIES
    ):
        return True
    # any noun before the post-modifier: "the minutes published on ...", "the head librarian"
    for w in words:
        lw = w.lower()
        if lw in ("of", "at", "for", "from", "in", "with", "who", "close", "familiar", "on"):
            break
        if lw in groups or lw.rstrip("s") in groups or lw in titles or lw.rstrip("s") in titles:
            return True
        if lw + "s" in groups:
            return True  # "a lawmaker": the singular of a group of people in the list
    return False


def analyse(article, folder: str | None = None) -> list[Cue]:
    """Every attribution cue in ``article`` (cached on the article)."""
    key = ("mediakit.attribution.cues", folder)
    cache = getattr(article, "_cache", None)
    if cache is not None and key in cache:
        return cache[key]
    with no_gc():
        cues = _Analyser(article, folder).run()
    if cache is not None:
        cache[key] = cues
    return cues


@contextlib.contextmanager
def no_gc():
    """Pause Python's cyclic garbage collector while a lens runs, then restore it.

    The analysis builds many short-lived lists and records and no reference cycles, so the
    collector finds nothing to free; on a long article it would still walk every live object
    many times (about a third of the time on 1 MB). Nesting is safe: only the outermost call
    switches the collector back on, and only if it was on.
    """
    was_enabled = gc.isenabled()
    if was_enabled:
        gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def quote_links(article) -> dict[tuple[int, int], Cue]:
    """``{(quote start, quote end): first cue that cites it}``."""
    out: dict[tuple[int, int], Cue] = {}
    for c in analyse(article):
        if c.quote is not None and c.quote not in out:
            out[c.quote] = c
    for c in analyse(article):
        for q in c.also:
            if q not in out:
                out[q] = c
    return out


def find(article, found) -> list[Span]:
    text = article.text
    out = []
    for c in analyse(article):
        content = c.content
        if not c.quoted:
            m = _DATELINE.match(text, content[0], min(content[1], content[0] + 80))
            if m is not None and m.end() < content[1]:
                content = (m.end(), content[1])  # "SÃO PAULO, April 3 (Wire) - Cases doubled, officials said"
        meta = {"content": list(content), "quoted": bool(c.quoted), "lemma": c.row.cue, "kind": c.row.kind}
        explanation = c.row.explanation
        inner = text[c.source[0] : c.source[1]] if c.source is not None else ""
        if c.nested is not None and c.nested.source is not None and inner.lower() not in _PERSONAL | {"it"}:
            # "X said her team plans ...": the inner attribution is the outer speaker's report
            meta["nested"] = [c.nested.start, c.nested.end]
            meta["outer_source"] = list(c.nested.source)
            who = text[c.nested.source[0] : c.nested.source[1]]
            if c.source is not None and inner[:1].isupper() and inner != "I":
                meta["source"] = list(c.source)  # a named source cited second-hand ("X said Smith told him")
                explanation = NESTED_NAMED.format(who=who) + explanation
            else:
                # "her team", "his members": a group in the outer speaker's words is no separate source
                if c.source is not None:
                    meta["inner_source"] = list(c.source)
                meta["source"] = list(c.nested.source)
                explanation = NESTED_EXPLANATION.format(who=who) + explanation
        elif c.source is not None:
            meta["source"] = list(c.source)
        if c.role is not None:
            meta["role"] = list(c.role)
        if c.quote is not None:
            meta["quote"] = list(c.quote)
        if (
            c.row.kind == "quoted"
            or _SECOND_HAND.match(text, c.content[1], min(len(text), c.content[1] + 80))
            or _SECOND_HAND_IN.search(text, max(c.content[0], c.content[1] - 200), c.content[1])
        ):
            meta["second_hand"] = True  # "..., as quoted by the league's website"
        alternative = c.row.alternative if c.row.stance == "loaded" else ""
        if alternative and text[c.start : c.end].split()[0].lower() in INDIRECT_ADVERBS:
            # "indirectly confirmed": the speaker did not say it, so "said" would change the facts;
            # "alluded to" keeps the meaning (spoke of it without stating it) and judges nothing
            alternative = "alluded to"
        out.append(fast_span(text, LAYER, c.row.stance, c.start, c.end, explanation, alternative, meta))
    return out


def fast_span(
    text: str, layer: str, label: str, start: int, end: int, explanation: str, alternative: str, meta: dict
) -> Span:
    """Like :func:`mediakit.spans.make_span`, for meta values that are lists of ints or scalars."""
    frozen = tuple([(k, tuple(v) if type(v) is list else v) for k, v in sorted(meta.items())])
    return Span(layer, label, start, end, text[start:end], explanation, alternative, frozen)
