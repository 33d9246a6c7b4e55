"""Source lens: who is cited (named person or organisation, role, vague group, anonymous, document, pronoun).

It reads the source phrase of every attribution cue (the subject of "says", the X of
"according to X") and cuts it into the sources it names: "Defense analysts, Ukrainian
soldiers and even dictator Vladimir Putin" gives three sources. Labels:

- ``named_person``: a capitalised name ("Nikolai Beleskov", "Trump"), with a title that
  is part of how the person is named ("President Volodymyr Zelensky"). The span is the
  whole noun phrase: words that describe the person before the name belong to it
  ("Republican pollster Ann Cole", "former Mayor Ann Cole", "the ferry pilot Tom Hale":
  meta ``name`` = the bare name, ``role`` = the description), but a loaded label from
  ``loaded.csv`` does not ("dictator Vladimir Putin" gives "Vladimir Putin"), nor does
  anything when a word before the name is no modifier (a verb, an adverb, a pronoun).
- ``named_organisation``: a name with an organisation word ("the Financial Times", a
  newspaper is never a person), "the" + a capitalised name ("the Kremlin", "the FBI",
  "the Supreme Court"), "the ministry", or a place standing for its government ("Kyiv",
  "Moscow": meta ``kind`` = ``government``; the city is not a person).
- ``role``: one person identified by a role, not a name: "The Ukrainian president", "the
  Kremlin spokesman", "a Pentagon official", "the head coach", "Tom Hale's lawyer" (meta
  ``named`` = False for a definite one; a possessor counts as definite). A part of a named
  body behind a possessive ("The Daily Post's investigative unit") is a ``named_organisation``. When a named person cited in the same or the two previous sentences was
  given that title ("President Volodymyr Zelensky" before "The Ukrainian president"),
  meta ``refers_to`` names them.
- ``vague``: a group with no names ("analysts", "experts", "officials", "Most Western
  capitals", "several of his former officials and advisers"), and members of a party or
  nation in the plural ("Republicans" where the article also says "Republican", "many
  Democrats", "two Americans"; one of them, "a Vermont Democrat", is a ``role``, as is
  an indefinite person known by role and a capitalised place or company: "an Iowa
  voter", "a Carrier executive"). Groups joined by "and" with
  no comma stay one span; items of a comma list are separate sources. (This label was
  ``vague_group``; :data:`LEGACY_LABELS` maps the old name.)
- ``anonymous``: truly anonymous: "sources say", "a source familiar with the plans",
  "officials who asked not to be named", "insiders".
- ``document``: a report, a ruling, a study, a poll, minutes, a statement as a document
  ("The minutes show", "A Reuters rolling poll shows", "Study finds"): a ruling is a
  document, not an anonymous source.
- ``pronoun``: "he", "she", "they", "we", "I", "it" as the source of a cue ("He's said":
  the span is "He"). meta ``refers_to`` = the name string of the source it stands for,
  ``refers_to_span`` = [start, end] of that name: the nearest named person (for he/she) or
  named organisation or group (for they/we/it) cited as a source in the same or the two
  previous sentences, or for he/she a full name just mentioned there ("Tom Hale spoke
  first. He said ..."; never a name after "the": "the Islamic State" is no "he"). "I" is not resolved. No ``refers_to`` when
  nothing fits. A relative "who" that is the subject of a cue ("Ann Cole, who said ...",
  "voters who said ...", "Ann Cole, who on Tuesday endorsed ...") is a pronoun span with
  meta ``relative`` = True; it refers to the noun phrase just before it (the bare name of
  that source when it has one: "The host Bill Maher, who ..." refers to "Bill Maher").

Adjectives ("French", "credible") are never sources: only a cue's subject phrase is read.

``meta``: ``cited`` = True (every span here is cited by a cue: uncited mentions are not
marked), ``cue`` = [start, end] of the first cue citing it, ``role`` = [start, end] of
the role description (an appositive ", a research fellow at ..." or a title
"President"), ``named`` = False for a definite description, ``kind`` = ``document``
for a cited document or ``government`` for a place standing for its government,
``refers_to`` / ``refers_to_span`` for a resolved pronoun or role, ``name`` = [start, end] of
the bare name when the span takes in more: a source's span is the full noun phrase
("Nikolai Beleskov, a research fellow at the National Institute ..., part of Ukraine's
Department of Military Policy"; "Ann Cole, who lives by the bridge"; "Ann Cole, 58"), and
pronouns resolve to the bare name. A role that opens the sentence before a comma joins it
("A harbour spokesman, Tom Hale, said": meta ``role``), and so does a definite role after an
opening phrase and its comma, or after "and"/"but", or right after the cue ("In a statement,
the council's press secretary, Tom Hale, said"), and a party tag ("Sen. Ann Cole (D-Vt.)",
"Rep. Ann Cole, R-Utah,": a tag the attribution lens took for the source gives the source to
the name before it). Names with a hyphen or an apostrophe inside ("Shanklin-Hawkins",
"O’Donnell") are names; a possessive alone ("Clinton's" in "Clinton's support") is not.
An appositive the attribution lens cut at the full stop of an abbreviation or an initial
("a former aide to Mr. Obama", "an adviser to George W. Bush", "in Tampa, Fla.") runs on to
the end of its sentence or the next cue. The commas around an appositive before the cue both belong to the span ("Ann
Cole, a teacher, said": PolNeAR's guidelines count parenthetical commas as part of the
source). An appositive joins the span only when it describes the
source: not a preposition or participle phrase ("in a statement", "speaking on radio",
", on Monday" after the description,
"angered that ..."), a clause opener ("though"), a count ("51 percent of ..."), and never
past a cue: a relative clause whose verb is a cue ("Ann Cole, who said ...") is an
attribution of its own (unless it says why the source is anonymous: "who asked not to be
named because ..."), and any other appositive stops before the cue. A noun phrase cited by
two cues gets one span, the longer one.

Word lists (``mediakit/lexicons``), checked when first read (a bad row raises
:class:`~mediakit.errors.LexiconError`):

- ``source_groups.csv``: ``word`` (a lower-case head noun), ``type`` (``group``,
  ``anonymous``, ``document`` or ``organisation``), ``explanation`` (may be empty);
- ``source_titles.csv``: ``title`` (lower case, may be two words), ``unique``
  (``yes`` if "the <title>" names one person, like "the president", else ``no``);
- ``source_names.csv``: ``name`` (a capitalised word), ``kind`` (``organisation``
  for words that make a name an organisation's, ``place`` for places whose name stands
  for a government). A company's name ending in such a word ("Halden Motors", "Northgate
  Water") is an organisation, and so is its first word used alone later ("Halden said"),
  unless the article gives that word as someone's surname ("Anna Halden").

A capitalised name with no title and no organisation word is a body when the text says so: a
relative "which"/"that" after it ("Nordvik Energi, which builds ..."; "who" makes it a person), a
name built on "of the" ("Keepers of the Marsh"), an appositive whose head is a body word ("Blue
Meadow, a local charity,"), a party's plural ("Rural Federalists"), or "it"/"its" right after it
and its verb ("Tarn Haulage said it would appeal") or opening the next sentence ("It called ..."),
or a next sentence that opens with "The group"/"The charity" when the name's last word is never
used alone (a surname is: "Hale said"); "The group" then points back to that body (``refers_to``);
"he"/"she"/"his"/"her" first, or a person's appositive, keep it a person. A definite group the
text has named before is a ``role`` with ``refers_to``: the same noun earlier ("The judges" after
"a three-judge panel"), the authors of a study "led by" a named person, or "her"/"his" + group
resolved to the person ("her team"); "analysts", "some experts", "Critics" stay ``vague``. A
plural common noun that opens a sentence ("Neighbours said") is a group; "Relatives of Voss" is a
``role``. A title before its body word is the head ("A council spokesperson": a ``role``). In a
question-and-answer interview (:func:`mediakit.genre.qa_parts`) "I" in an answer resolves to the
interviewee: the full name in the introduction whose surname the text uses alone. A source the
attribution lens cut inside its noun phrase runs on to the head ("a study of more than 2,000
pupils", "a local residents' group"), and an agent after "commissioned by"/"led by" before the
cue gives the whole noun phrase ("An independent review commissioned by the council last year
found": a ``document``), never a clause ("Pence said in a statement released by ...").

Not detected: a body's name with none of the cues above ("Sea Watch argued": a person); a
group linked to an earlier word of another form ("a jury" ... "The jurors": vague); "it" as the
subject of a cue (the attribution lens gives it no source); pronouns that refer further back than two sentences, or to a person who is
only mentioned (not cited) unless given in full just before; the gender or number of a
pronoun (the nearest fitting source is taken); a relative "who" whose cue the attribution
lens does not find, or that stands far from its cue ("who, after trading insults, said");
a role before a name across a comma unless it opens the sentence, or follows a comma, "and",
"but" or the cue and is definite ("..., his campaign manager, Tom Hale, said" is found; "...,
a campaign manager, Tom Hale, said" gives "Tom Hale"); a parenthesis after a name other than a
party tag ("Ann Cole (who has 25 delegates)"); a definite
description with no title or person word ("the billionaire real estate magnate"; "the
46-year-old", "The actress", "the Gawker employee" are roles: an age, or a head ending in "-ess",
"-ee", "-tive" that is no thing or body); a role resolved to someone not given that title nearby ("the head coach" far from "head
coach Ann Cole"); uncited people and
organisations that are only mentioned; a person with a one-word name that is not
given in full elsewhere in the article and is also a place in the list; the person
behind a possessive ("Putin's spokesman" is a ``role``; Putin is not marked); a company name
with no word for a body in it ("Acme said": a person); a nationality standing for a person ("the
Pole told reporters" is read as a body). A single capitalised word not in the
lists is taken as a person's name (a plural one, "Republicans", only when the article
also has the singular).

>>> from mediakit import load_article
>>> from mediakit.lenses import run
>>> [(s.label, s.text) for s in run(load_article(), ["source"])["source"]][:3]
[('named_organisation', 'the Financial Times'), ('named_person', 'President Volodymyr Zelensky'), ('role', 'The Ukrainian president')]
"""

from __future__ import annotations

import bisect
import functools
import re

from ..errors import LexiconError
from ..spans import Span
from . import attribution

LAYER = "source"

EXPLANATIONS = {
    "named_person": "A named person: you can look up who they are and whether they were in a position to know.",
    "named_organisation": "A named organisation or document: you can check what it actually said, "
    "and what interest it may have.",
    "vague_group": "A vague group: you cannot tell who exactly, how many of them, or whether they "
    "all agree. Ask: which ones?",
    "anonymous": "An anonymous source: the reader cannot check who it is. Good reporting says why "
    "the source is not named and how they know.",
}

PRONOUN_UNRESOLVED = (
    "A pronoun as the source: the reader must work out who it stands for; the kit found no "
    "named source just before it to point at."
)
EXPLANATIONS.update(
    {
        "vague": EXPLANATIONS["vague_group"],
        "role": 'A source identified by role ("the Kremlin spokesman", "a Pentagon official"): you know the '
        "job, so you can judge whether they were in a position to know, but not always who it is.",
        "document": "A document (a report, a ruling, a study, a statement): you can look it up and check what "
        "it actually says.",
        "pronoun": "A pronoun standing for a source named earlier.",
    }
)

PRONOUN_EXPLANATION = (
    "A pronoun standing for a named person: the nearest person named as a source just "
    "before it ({name}, in the same or the previous sentence). Check that the pronoun "
    "really points at that person."
)

GROUP_ROLE_EXPLANATION = (
    'A group the text has already identified ("{name}"): you know who they are, so you can judge '
    "whether they were in a position to know. Check that it really points there."
)

INTERVIEWEE_EXPLANATION = (
    'The interviewee speaking in the first person: in a question-and-answer interview, "I" in an answer '
    "is the person interviewed ({name}, named in the introduction)."
)

RELATIVE_EXPLANATION = (
    'A relative "who": it stands for "{name}", just before it, the source of the cue in its clause. '
    "Check that it really points there."
)

_TOK = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?:[A-Za-z]\.){2,}|\w+(?:[-'\u2019]\w+)*\.?|[^\w\s]")
_CONNECT = frozenset("of for the and de del da van von der al bin 's on at in".split())
_LEADING = frozenset("even also both either neither only including".split())
_PRONOUNS = frozenset(
    "he she they we i you it him her them us me one someone somebody nobody everyone everybody who".split()
)
_QUANT = frozenset("several many most some few all both two three four five dozens hundreds one none each a an".split())
_POST = frozenset(
    "of at for from in with who close familiar on by whose briefed involved speaking behind against among "
    "across inside within".split()
)
#: Cardinal numbers: "Four in ten people", "Two of the players": a counted group, never a name.
_CARDINALS = frozenset(
    "two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred hundreds "
    "thousand thousands dozens".split()
)
_ANON_PHRASES = re.compile(
    r"familiar with|close to|with knowledge|briefed on|not (?:to be |being )?(?:named|identified)|anonymity|"
    r"not authori[sz]ed|declined to be|on condition|speaking privately",
    re.I,
)
# endings of nouns for people by what they do (coach, master and chief are in the titles list or here)
_PERSON_SUFFIXES = (
    "er",
    "or",
    "ist",
    "ian",
    "ant",
    "ent",
    "man",
    "woman",
    "person",
    "coach",
    "chief",
    "head",
    "aide",
    "expert",
    "official",
)
_TRAILING_TIME = frozenset("today yesterday tonight now also earlier later".split())
_TRULY_ANONYMOUS = frozenset("source sources insider insiders person people someone somebody".split())
_HONORIFICS = frozenset("mr mrs ms miss mx".split())
# words that never describe a person before a name ("told Reuters Ann Cole", "as Ann Cole")
_NOT_MODIFIERS = frozenset("said says told tells as like including both even also only".split())
_GROUP_TYPES = ("group", "anonymous", "document", "organisation")


@functools.cache
def _outlets():
    """``(whole names, head words)`` of news outlets, read from ``provenance_outlets.csv`` (the
    provenance lens's list, read only): "Reuters"; "Times", "Post", "Monde" ending a name."""
    whole, heads = set(), set()
    try:
        rows = attribution.rows_with_lines("provenance_outlets")
    except (LexiconError, OSError):  # the list is optional for this lens
        return frozenset(), frozenset()
    for _, _, row in rows:
        name, kind = row.get("name", ""), row.get("kind", "")
        (heads if kind == "head" else whole).add(name)
    return frozenset(whole), frozenset(heads)


@functools.cache
def _loaded_words() -> frozenset:
    """Single words of the loaded-language list (``loaded.csv``, read only): a label such as "dictator"
    before a name stays out of the source's span."""
    from .. import cache
    from ..lexicon import lexicon_dir

    try:
        if cache._ACTIVE is None:
            return _build_loaded_words()
        # The command line keeps the set itself in its cache file, keyed by a digest of the list's
        # text: not the list's rows twice over (about half of the file, read at every start).
        raw = (lexicon_dir() / "loaded.csv").read_text(encoding="utf-8")
        return cache.memo(("loaded-words", 1, cache.text_digest(raw)), _build_loaded_words)
    except (LexiconError, OSError, UnicodeDecodeError):  # the list is optional for this lens
        return frozenset()


def _build_loaded_words() -> frozenset:
    out = set()
    for _, _, row in attribution.rows_with_lines("loaded"):
        for term in row.get("term", "").lower().split("|"):
            if term and " " not in term.strip():
                out.add(term.strip())
    return frozenset(out)


@functools.cache
def _lists(folder: str | None = None):
    groups: dict[str, str] = {}
    for path, n, row in attribution.rows_with_lines("source_groups", folder):
        word, typ = row.get("word", ""), row.get("type", "")
        if not word or typ not in _GROUP_TYPES:
            raise LexiconError(
                f"{path}, line {n}: need a word and a type ({', '.join(_GROUP_TYPES)}); got {word!r}, {typ!r}."
            )
        groups[word.lower()] = typ
    titles: dict[str, bool] = {}
    for path, n, row in attribution.rows_with_lines("source_titles", folder):
        title, unique = row.get("title", ""), row.get("unique", "")
        if not title or unique not in ("yes", "no"):
            raise LexiconError(f"{path}, line {n}: need a title and unique = yes or no; got {title!r}, {unique!r}.")
        titles[title.lower()] = unique == "yes"
    names: dict[str, str] = {}
    for path, n, row in attribution.rows_with_lines("source_names", folder):
        name, kind = row.get("name", ""), row.get("kind", "")
        if not name or kind not in ("organisation", "place"):
            raise LexiconError(
                f"{path}, line {n}: need a name and kind = organisation or place; got {name!r}, {kind!r}."
            )
        names[name] = kind
    return groups, titles, names


def _tokens(text: str, s: int, e: int) -> list[tuple[int, int, str]]:
    out = []
    for m in _TOK.finditer(text, s, e):
        w = m.group(0)
        end = m.end()
        if (
            w.endswith(".")
            and len(w) > 1
            and w[:-1].lower() + "."
            not in ("mr.", "mrs.", "ms.", "dr.", "gen.", "sen.", "rep.", "col.", "prof.", "st.")
        ):
            w, end = w[:-1], end - 1
        out.append((m.start(), end, w))
    return out


# common nouns for a body that name no person (besides the organisation words of source_groups.csv)
_BODY_NOUNS = frozenset(
    "group foundation association movement organisation organization coalition alliance society trust".split()
)
_REFLEXIVES = frozenset("himself herself itself themselves".split())
_AGE = re.compile(r"\d+-year-old")
# English endings of words for a person ("actress", "employee", "executive"), and the common nouns with
# those endings that name a thing or a body instead
_PERSON_ENDINGS = ("ess", "ee", "tive")
_NOT_PERSONS = frozenset(
    "committee press address business process access success congress fitness witness-stand darkness "
    "initiative directive narrative objective alternative incentive perspective legislative "
    "administrative collective cooperative".split()
)


def _wordlike(w: str) -> bool:
    """Whether a token is a word, hyphens and apostrophes inside allowed ("Shanklin-Hawkins", "O’Donnell");
    a possessive ("Clinton's" in "Clinton's support") is not: it names no one on its own."""
    if w.endswith(("'s", "\u2019s", "'", "\u2019")):
        return False
    return w.replace("-", "").replace("'", "").replace("\u2019", "").isalpha()


def _split(toks):
    """Cut a source phrase at commas and "and"/"or": ``[(tokens, joined_by_and_only)]``."""
    parts, cur, joins = [], [], []
    depth_of = False
    for t in toks:
        w = t[2].lower()
        if w in ("of", "for", "at", "from", "with", "who"):
            depth_of = True
        if w == "," or (w in ("and", "or") and not (depth_of and cur and cur[-1][2][:1].isupper())):
            if cur:
                parts.append(cur)
                joins.append(w)
            cur = []
            if w == ",":
                depth_of = False
            continue
        cur.append(t)
    if cur:
        parts.append(cur)
    # joins[i] is what sits between parts[i] and parts[i+1] (a comma before "and" counts as a comma)
    return parts, joins


#: A capitalised word of letters, digits and underscores (maximal, as ``\\bword\\b`` finds it).
_CAPITAL_WORD = re.compile(r"(?<!\w)[A-Z\u00c0-\u00d6\u00d8-\u00de]\w*")


class _Classifier:
    def __init__(self, article):
        self.text = article.text
        self.groups, self.titles, self.names = _lists()
        self.loaded = _loaded_words()
        self._full_names: dict[str, bool] | None = None
        self._capitalised: frozenset[str] | None = None
        self._body_openers: frozenset[str] | None = None
        self._openers: dict[str, bool] = {}
        self._capital_at: dict[str, list[int]] | None = None  # capitalised word -> its starts
        self._alone: dict[tuple[str, str], bool] = {}

    def plural_of_a_word(self, word: str) -> bool:
        """Whether a capitalised word ending in "s" is the plural of a capitalised word the article also
        uses ("Republicans" where "Republican" stands elsewhere): a group, not a person's name."""
        if not (len(word) > 3 and word.endswith("s") and word[:1].isupper() and not word.isupper()):
            return False
        if self._capitalised is None:
            # every capitalised word of the text, found once (linear in the text)
            self._capitalised = frozenset(re.findall(r"\b[A-Z][a-z]+\b", self.text))
        return word[:-1] in self._capitalised

    def opens_a_body_name(self, word: str) -> bool:
        """Whether ``word`` opens the name of a body elsewhere in the text ("Halden" in "Halden Motors":
        capitalised words ending in an organisation word of ``source_names.csv``), found once per text."""
        if self._body_openers is None:
            heads = sorted((n for n, k in self.names.items() if k == "organisation" and n[:1].isupper()), key=len)
            pat = re.compile(
                r"\b([A-Z][a-z]+)(?:[ \t]+[A-Z][a-z]+){0,3}?[ \t]+(?:" + "|".join(map(re.escape, heads[::-1])) + r")\b"
            )
            self._body_openers = frozenset(m.group(1) for m in pat.finditer(self.text))
        return word in self._body_openers

    def given_in_full(self, name: str) -> bool:
        """Whether the article also gives ``name`` after a first name ("Donald Trump" for "Trump")."""
        if self._full_names is None:
            self._full_names = {}
        if name not in self._full_names:
            # Find the name first (fast), then the capitalised word before it: the same
            # non-overlapping matches as one regular expression r"\b([A-Z][a-z]+)[ \t]+Name\b".
            hit = False
            text = self.text
            consumed = 0
            for m in re.finditer(re.escape(name) + r"\b", text):
                j = m.start()
                if j == 0 or text[j - 1] not in " \t":
                    continue
                while j > 0 and text[j - 1] in " \t":
                    j -= 1
                k = j
                while k > 0 and "a" <= text[k - 1] <= "z":
                    k -= 1
                g = k - 1
                if (
                    k == j
                    or g < consumed
                    or not "A" <= text[g] <= "Z"
                    or (g > 0 and (text[g - 1].isalnum() or text[g - 1] == "_"))
                ):
                    continue
                consumed = m.end()
                word = text[g:j]
                if word not in self.names and word.lower() not in self.titles:
                    hit = True
                    break
            self._full_names[name] = hit
        return self._full_names[name]

    def classify(self, toks):
        """``(label, start, end, role, extra_meta)`` for one conjunct, or None (a pronoun)."""
        while toks and toks[0][2].lower() in _LEADING:
            toks = toks[1:]
        while len(toks) > 1 and toks[-1][2].lower() in _TRAILING_TIME and not toks[-1][2][:1].isupper():
            toks = toks[:-1]  # "Northgate Water today announced": the source is the company
        if len(toks) > 1 and toks[-1][2].lower() in _REFLEXIVES:
            toks = toks[:-1]  # "Ford itself said": the source is Ford
        if not toks:
            return None
        words = [t[2] for t in toks]
        low = [w.lower() for w in words]
        s, e = toks[0][0], toks[-1][1]
        if len(toks) == 1 and low[0] in _PRONOUNS:
            return None
        if (
            low[0] in attribution.PREPOSITIONS
            or all(w in _TIME_WORDS or not _wordlike(w) for w in low)
            or (len(toks) == 1 and low[0].endswith("ing"))
        ):
            return None  # "On Thursday", "Tuesday", "Facing ...": a time or a clause opening, no source
        phrase = self.text[s:e]
        # head: the last word before a post-modifier ("officials who ...", "minutes of the meeting")
        h = len(toks) - 1
        start_q = 1 if low[0] in _QUANT and len(low) > 1 and low[1] == "of" else 0
        for i in range(start_q + 1 if start_q else 1, len(toks)):
            if low[i] in _POST and not (start_q and i == 1):
                if (
                    low[i] == "of"
                    and words[0][:1].isupper()
                    and len(toks) - i >= 3
                    and all(w[:1].isupper() or lw in _CONNECT for w, lw in zip(words[i + 1 :], low[i + 1 :]))
                    and (low[0] in self.titles or " ".join(low[:3]) in self.titles)
                ):
                    break  # "Secretary of State John F. Kerry", "Speaker of the House Paul Ryan": one name
                h = i - 1
                break
        if start_q:
            # "several of his former officials and advisers": the head follows "of"
            for i in range(2, len(toks)):
                if low[i] in _POST and i > 2:
                    h = i - 1
                    break
        while h > 0 and (low[h] in _TIME_WORDS or low[h] in ("on", "last", "this", "next")) and not words[h].isupper():
            h -= 1  # "A court document filed Thursday": a day is never the head
        if (
            low[h] not in self.groups
            and not words[h][:1].isupper()
            and low[h] not in self.titles
            and not low[h].endswith(("person", "man", "woman", "official"))
        ):
            # ("A council spokesperson": a title is the head, "council" only says whose)
            for g in range(h - 1, start_q, -1):  # "the minutes published on ...": head "minutes"
                if low[g] in self.groups:
                    h = g
                    break
        head, head_low = words[h], low[h]
        if (
            head_low in _TIME_UNITS
            and low[0] not in ("the", "this", "that", "these", "those")
            and not (h > 0 and words[h - 1][:1].isupper() and words[h][:1].isupper())
        ):
            return None  # "A few minutes later, Ann Cole ...": a stretch of time is no source
        anon_phrase = bool(_ANON_PHRASES.search(phrase))
        # A capitalised name ending the pre-head part? ("The Washington Post" is a name, though "post" is
        # also a document word: an outlet's head word after another capitalised word)
        outlet_head = (
            head in _outlets()[1] and h >= 1 and words[h - 1][:1].isupper() and low[h - 1] not in ("the", "a", "an")
        )
        # "the United Nations", "the Free Syrian Army": a lower-case "the" (so not a title-case line)
        # before capitalised words only is a proper name, even when its head is a group word
        # ("The United Nations said" too: the lower-case verb after it shows the line is not title case)
        after = self.text[e : e + 40].split()
        proper_the = (
            (words[0] == "the" or (words[0] == "The" and bool(after) and after[0][:1].islower()))
            and h >= 2
            and all(w[:1].isupper() for w in words[1 : h + 1])
        )
        if (head_low in _CARDINALS or head_low.isdigit()) and h == 0 and len(toks) > 1:
            return "vague_group", s, e, None, {}  # "Four in ten people said": a counted group, not a name
        if head[:1].isupper() and (head_low not in self.groups or outlet_head or proper_the or head in _outlets()[0]):
            return self.name(toks[: h + 1], toks, anon_phrase)
        typ = self.groups.get(head_low) or self.groups.get(head_low.rstrip("s"))
        # "Trump's campaign manager": a possessor before the head works like "the"
        possessive = any(w.endswith(("'s", "\u2019s")) for w in low[:h])
        title_unique = self._title_at(low[: h + 1])
        indefinite = low[0] in ("a", "an", "one", "another") or (
            low[0] in _QUANT and not start_q and low[0] not in ("most", "all", "both")
        )
        if anon_phrase:
            return "anonymous", s, e, None, {}
        if title_unique is not None:
            if low[0] == "the" and title_unique:
                return "named_person", s, e, None, {"named": False}
            plural = head_low.endswith("s") and not head_low.endswith("ss")
            # a singular title is one person known by a role, with or without an article (a headline drops
            # it: "... as former finance chief alleges ..."); only a plural title is a group
            return (
                ("role" if not plural else "vague_group"),
                s,
                e,
                None,
                {},
            )
        if typ == "document":
            # a bare noun ("Study finds ...", "Polls show ...") names no one, even when capitalised
            return (
                (
                    "anonymous"
                    if indefinite
                    or len(toks) == 1
                    or low[0] not in ("the", "this", "that")
                    and not words[0][:1].isupper()
                    else "named_organisation"
                ),
                s,
                e,
                None,
                {"kind": "document"},
            )
        if typ == "organisation":
            return "named_organisation" if not indefinite else "anonymous", s, e, None, {}
        if (
            typ == "anonymous"
            and head_low not in _TRULY_ANONYMOUS
            and h >= 1
            and (low[0] in ("a", "an", "the", "one") and h >= 2 or possessive and not head_low.endswith("s"))
        ):
            return "role", s, e, None, {}  # "a Pentagon official", "the Kremlin spokesman"
        if typ == "anonymous":
            return (
                (
                    "anonymous"
                    if head_low.endswith("s") is False or head_low in ("sources", "insiders")
                    else "vague_group"
                ),
                s,
                e,
                None,
                {},
            )
        if (typ == "group" or head_low.endswith("s") and not head_low.endswith("ss")) and h >= 1:
            back = self.group_named_before(low, h, s)
            if back is not None:
                # "The judges" after "a three-judge panel", "The authors" of a study led by a named
                # scientist, "her family": a group the text has already identified, not a vague one
                return "role", s, e, None, {"named": False, "group": True, **back}
        if typ == "group":
            return "vague_group", s, e, None, {}
        if head_low.endswith("s") and not head_low.endswith("ss"):
            return "vague_group", s, e, None, {}
        if (
            low[0] in ("a", "an", "another")
            and any(w[:1].isupper() for w in words[1:h])
            and (head_low in self.titles or head_low.endswith(_PERSON_SUFFIXES + ("ive",)))
        ):
            return "role", s, e, None, {}  # "a Carrier executive", "an Iowa voter": known by role and place
        if low[0] in ("a", "an", "one", "another", "someone", "somebody"):
            return "anonymous", s, e, None, {}
        if head_low in _PRONOUNS:
            return None
        if (
            (low[0] in ("the", "this", "that") or possessive)
            and len(toks) >= 2
            and not anon_phrase
            and h < 4
            and (head_low in self.titles or head_low.endswith(_PERSON_SUFFIXES))
            and not (head_low.endswith("s") and not head_low.endswith("ss"))
        ):
            # "the head coach", "the harbour master", "Tom Hale's lawyer"
            return "role", s, e, None, {"named": False}
        if possessive and words[0][:1].isupper() and h < 5 and not head_low.endswith("s"):
            # "The Daily Post's investigative unit": a part of a named body
            return "named_organisation", s, e, None, {}
        if (
            low[0] in ("the", "this", "that")
            and 2 <= len(toks) <= 6
            and h == len(toks) - 1
            and (_AGE.fullmatch(head_low) or (head_low.endswith(_PERSON_ENDINGS) and head_low not in _NOT_PERSONS))
            and not any(w in attribution.PREPOSITIONS or w in _PRONOUNS for w in low[1:])
        ):
            # "the 46-year-old", "The actress", "the Gawker employee": one person known by a description
            return "role", s, e, None, {"named": False}
        if low[0] == "those" and len(toks) == 2 and low[1].endswith("ed"):
            return "vague_group", s, e, None, {}  # "those surveyed", "those polled"
        if not (head_low in self.titles or head_low.endswith(_PERSON_SUFFIXES) or low[0] in ("a", "an", "one")):
            return None  # "disrupt terror networks": no person or body the lists know
        if len(toks) == 1 and head_low not in self.titles and words[0].islower():
            return None  # "weather reports": a bare lower-case noun with no article is no source
        return "anonymous", s, e, None, {}

    def group_named_before(self, low, h: int, s: int):
        """For a definite group ("the judges", "The authors", "her team"): a dict pointing at what the
        text named before it (``refers`` = a span, or ``possessor`` = True for "her"/"his"/"their" whose
        owner the caller resolves), or None when the group is not one the text identified ("analysts",
        "some experts", "the critics" with nothing before them stay vague)."""
        det = low[0]
        if det in ("his", "her"):
            return {"possessor": True}
        if det not in ("the", "these", "those") or any(w in _QUANT for w in low[1:h]):
            return None
        head = low[h]
        if head in _BODY_NOUNS and h == 1:
            return {"body": True}  # "The group said": the body named just before, if any
        stem = head[:-1] if head.endswith("s") and not head.endswith("ss") else head
        if len(stem) < 4:
            return None
        before = self.text[max(0, s - 2000) : s]
        # the same noun before, inside a compound or as a member ("a three-judge panel", "a team of
        # researchers"): the nearest one
        hits = list(
            re.finditer(
                r"\b(?:[\w]+-)?" + re.escape(stem) + r"s?\b(?:[ \t]+(?:panel|team|group|board|committee|jury))?",
                before,
                re.I,
            )
        )
        for m in reversed(hits):
            pre = before[max(0, m.start() - 12) : m.start()].lower().split()
            if pre and pre[-1] in ("the", "these", "those"):
                continue  # an earlier "the judges" is no antecedent of its own
            off = max(0, s - 2000)
            a, b = off + m.start(), off + m.end()
            # the whole phrase: "the study's lead author", "researchers at the University of Aldgate"
            tail = re.match(
                r"[ \t]+(?:at|of|from)[ \t]+(?:the[ \t]+)?[A-Z][\w'\u2019-]*(?:[ \t]+(?:of[ \t]+|the[ \t]+)*[A-Z][\w'\u2019-]*)*",
                self.text[b:s],
            )
            if tail is not None:
                b += tail.end()
            lead = re.search(r"(?:\b[a-z]+(?:['\u2019]s)?[ \t]+){1,3}$", self.text[max(0, a - 40) : a])
            if lead is not None:
                words = lead.group(0).split()
                while words and words[0] in attribution.DETERMINERS | attribution.PREPOSITIONS | {"and", "or"}:
                    words = words[1:]
                if words and not any(w in attribution.PREPOSITIONS | {"and", "or"} for w in words):
                    a -= len(lead.group(0)) - lead.group(0).index(words[0])
            return {"refers": (a, b)}
        if head in ("authors", "researchers", "scientists", "team"):
            # the people behind a study named before it: "The study was led by Dr Ann Berg"
            m = None
            for m in re.finditer(
                r"\bled by[ \t]+(?:(?:Dr|Prof|Professor)\.?[ \t]+)?([A-Z][\w'\u2019-]+(?:[ \t]+[A-Z][\w'\u2019-]+)*)",
                before,
            ):
                pass
            if m is not None:
                return {"refers": (max(0, s - 2000) + m.start(1), max(0, s - 2000) + m.end(1))}
        return None

    def _title_at(self, low):
        """Whether the pre-head words end with a title: True (unique), False, or None."""
        if len(low) >= 2 and " ".join(low[-2:]) in self.titles:
            return self.titles[" ".join(low[-2:])]
        if low and low[-1] in self.titles:
            return self.titles[low[-1]]
        return None

    def name(self, pre, toks, anon_phrase):
        """A conjunct whose head is capitalised: person or organisation."""
        # The capitalised run that ends at the head (connectors allowed inside).
        i = len(pre) - 1
        while i - 1 >= 0 and (
            pre[i - 1][2][:1].isupper()
            or (pre[i - 1][2].lower() in _CONNECT and i - 2 >= 0 and pre[i - 2][2][:1].isupper())
            or (
                # a plural possessive inside a name: "the Ontario Teachers' Federation"
                pre[i - 1][2] in ("'", "\u2019")
                and pre[i - 1][0] == pre[i - 2][1]
                and i - 2 >= 0
                and pre[i - 2][2][:1].isupper()
                and pre[i - 2][2].endswith("s")
            )
        ):
            i -= 1
        while i + 1 < len(pre) and (pre[i][2].lower() in attribution.DETERMINERS or pre[i][2].lower() in _QUANT):
            i += 1  # a capitalised "The", "A", "Many" opening the sentence: "The FBI said"
        run = pre[i:]
        role = None
        # A leading capitalised title is part of the name: "President Volodymyr Zelensky"
        lows = [t[2].lower() for t in run]
        title_len = 0
        for n in range(min(3, len(run) - 1), 0, -1):
            # "President ...", "Prime Minister ...", "Transport Secretary ..."
            if " ".join(lows[:n]) in self.titles or lows[n - 1] in self.titles:
                title_len = n
                break
        if title_len and not (title_len == 1 and lows[0].rstrip(".") in _HONORIFICS):
            role = (run[0][0], run[title_len - 1][1])
        elif i > 0:
            # a lower-case title before the name gives the role but stays out of the span
            before = [t[2].lower() for t in pre[:i]]
            for n in (2, 1):
                if len(before) >= n and " ".join(before[-n:]) in self.titles:
                    role = (pre[i - n][0], pre[i - 1][1])
                    break
        the = i > 0 and pre[i - 1][2].lower() == "the"
        name_words = [t[2] for t in run[title_len:]]
        if all(t[2].lower() in self.titles for t in run):
            return "role", s_role_start(pre, i), run[-1][1], None, {"named": False}  # "Minister hails ..."
        s = pre[i - 1][0] if the else run[0][0]
        e = (
            toks[-1][1]
            if len(toks) > len(pre)
            and not anon_phrase
            and any(t[2][:1].isupper() for t in toks[len(pre) :])
            and toks[len(pre)][2].lower() in ("of", "for")
            else run[-1][1]
        )
        kinds = {self.names.get(w) for w in name_words}
        whole, heads = _outlets()
        if name_words and (
            " ".join(name_words) in whole
            or (
                name_words[-1] in heads
                and (the or name_words[0] in ("Le", "La", "Les", "El", "Il", "Die", "Der", "Het", "De"))
            )
        ):
            kinds.add("organisation")  # a newspaper or an agency ("Le Monde", "Reuters") is no person
        shouted = all(w.isupper() and len(w) > 1 for w in name_words)
        if shouted and all(
            w[:1] + w[1:].lower() in self.names or self.given_in_full(w[:1] + w[1:].lower()) for w in name_words
        ):
            shouted = False  # "ABARA:" in a transcript, where the text gives "Ruth Abara": a person, not an acronym
        if "organisation" in kinds or (the and not title_len) or shouted:
            return "named_organisation", s, e, role, {}
        if len(name_words) == 1 and not title_len and "place" in kinds and not self.given_in_full(name_words[0]):
            return "named_organisation", s, e, role, {}
        if (
            len(name_words) == 1
            and not title_len
            and self.opens_a_body_name(name_words[0])
            and not self.given_in_full(name_words[0])
        ):
            return "named_organisation", s, e, role, {}  # "Halden" after "Halden Motors": the company, short
        rest = [t[2].lower() for t in toks[len(pre) :]]
        if not title_len and rest[:2] == ["of", "the"] and len(rest) > 2:
            # "Friends of the Fjord", "Guardians of the Loa": a name built on "of the" names a body
            return "named_organisation", s, e, role, {}
        if (
            not title_len
            and rest[:1] == ["of"]
            and len(rest) > 1
            and toks[len(pre) + 1][2][:1].isupper()
            and len(name_words) == 1
            and name_words[0].endswith("s")
            and not name_words[0].endswith("ss")
        ):
            # "Colleagues of Nair": people known by their tie to a named person, not a name
            return "role", s, e, None, {"named": False}
        if not title_len and self.reads_as_body(s, e, name_words):
            return "named_organisation", s, e, role, {}
        if (
            len(name_words) == 1
            and not title_len
            and i == 0
            and len(name_words[0]) > 4
            and name_words[0].endswith("s")
            and not name_words[0].endswith(("ss", "'s", "\u2019s"))
            and name_words[0].lower() not in _PRONOUNS
            and self.only_opens_sentences(name_words[0])
            and not self.given_in_full(name_words[0])
        ):
            # "Colleagues recalled ...": a plural common noun capitalised only because it opens the
            # sentence is a group, not a person's name
            return "vague_group", s, e, None, {}
        before = [t[2].lower() for t in pre[:i]]
        if (
            len(name_words) == 1
            and not title_len
            and (
                any(w in _QUANT and w not in ("a", "an", "one") or w.isdigit() for w in before)
                or self.plural_of_a_word(name_words[0])
            )
        ):
            # "Republicans", "many Democrats", "two Americans": members of a party or a nation, a group
            k = next((n for n, w in enumerate(before) if w in _QUANT or w.isdigit()), i)
            return "vague_group", pre[k][0] if k < i else run[0][0], e, None, {}
        if i > 0 and before[-1] in ("a", "an", "another") and not title_len and len(name_words) <= 4:
            # "a South Carolina Democrat", "an Iowa Republican": one person identified by affiliation
            return "role", pre[i - 1][0], e, None, {}
        j = self._premodifiers(pre, i - 1 if the else i)
        if j is not None and not the:
            # the whole noun phrase: "Republican pollster Daron Shaw", "former President Bill Clinton",
            # "the conservative radio host Charlie Sykes"; meta ``name`` keeps the bare name and ``role``
            # the words that describe the person ("pollster", "former President")
            k = j + 1 if pre[j][2].lower() in attribution.DETERMINERS else j
            role_end = run[title_len - 1][1] if title_len else pre[i - 1][1]
            if k < i or title_len:
                role = (pre[k][0] if k < i else run[0][0], role_end)
            return "named_person", pre[j][0], e, role, {"name": (run[title_len][0], e)}
        return "named_person", s, e, role, {}

    def _capital_words(self) -> dict[str, list[int]]:
        """Where each capitalised word stands in the text, found in one pass (linear), so that the
        questions below read a word's own places, not the whole text once per word."""
        if self._capital_at is None:
            at: dict[str, list[int]] = {}
            for m in _CAPITAL_WORD.finditer(self.text):
                at.setdefault(m.group(0), []).append(m.start())
            self._capital_at = at
        return self._capital_at

    def _places(self, word: str) -> list[int]:
        """The starts of ``word`` as a whole word in the text."""
        if _CAPITAL_WORD.fullmatch(word):
            return self._capital_words().get(word, [])
        return [m.start() for m in re.finditer(r"\b" + re.escape(word) + r"\b", self.text)]

    def only_opens_sentences(self, word: str) -> bool:
        """Whether ``word`` is capitalised in the text only where it opens a sentence or a line (a common
        noun, "Colleagues recalled ..."), never inside a sentence (a name, "said Reynolds")."""
        cache = self._openers
        if word not in cache:
            cache[word] = all(self._opens(at) for at in self._places(word))
        return cache[word]

    def _opens(self, start: int) -> bool:
        """Whether a word at ``start`` opens a sentence or a line (or the text)."""
        lead = self.text[max(0, start - 3) : start].rstrip(" \t\"\u201c'\u2018")
        return not lead or lead.endswith((".", "!", "?", "\n", ":"))

    def used_alone(self, first: str, last: str) -> bool:
        """Whether the text uses ``last`` without ``first`` and one space or tab just before it (a
        surname used alone), once per name."""
        cache = self._alone
        if (first, last) not in cache:
            text, n = self.text, len(first)
            cache[(first, last)] = any(
                not (at > n and text[at - 1] in " \t" and text[at - n - 1 : at - 1] == first)
                for at in self._places(last)
            )
        return cache[(first, last)]

    def reads_as_body(self, s: int, e: int, name_words) -> bool:
        """Whether the capitalised name at ``s:e`` (no title, no organisation word) is used as a body's
        name: a relative "which"/"that" after it ("Nordvik Energi, which is building ..."), an
        appositive that calls it a group or body ("Clear Springs, a local foundation,"), a plural
        party or movement name ("Opposition Socialists"), or "it"/"its" as the next personal pronoun
        after it, before any "he"/"she". Positive evidence of a person ("who", "he", "she", "his",
        "her") wins."""
        text = self.text
        after = text[e : e + 160]
        last = name_words[-1] if name_words else ""
        if len(name_words) <= 2 and last.endswith(("ists", "ites")) and last[:1].isupper():
            return True  # "Opposition Socialists": a party's members, not a person
        if re.match(r"[ \t]*,?[ \t]*who\b", after):
            return False
        if re.match(r"[ \t]*,[ \t]*(?:which|that)\b", after):
            return True
        app = re.match(r"[ \t]*,[ \t]*(?:a|an|the)[ \t]+([^,.;:\n]{0,60}?)(?=[,.;:\n]|$)", after)
        if app is not None:
            # the head noun stands before any preposition ("a sleep scientist at McGill University")
            words = re.split(r"[ \t]+(?:at|of|in|for|from|with|on|by|based)\b", app.group(1))[0].split()
            head = words[-1:]
            h = head[0].lower().strip("'\u2019") if head else ""
            if (
                self.groups.get(h) == "organisation"
                or self.names.get(h[:1].upper() + h[1:]) == "organisation"
                or h in _BODY_NOUNS
            ):
                return True
            return False
        if len(name_words) < 2:
            return False
        # the next personal pronoun in this and the next sentence
        window = text[e : e + 400]
        stop = [m.end() for m in re.finditer(r"[.!?][\"\u201d]?[ \t\n]", window)]
        window = window[: stop[1]] if len(stop) > 1 else window
        m = re.search(r"\b(he|she|his|her|him|its|it)\b", window, re.I)
        if m is None:
            # "Sea Watch argued ... The group said ...": the next sentence opens with "The" + a body
            # word, and the name's last word is never used alone (as a surname would be)
            nxt = re.match(r"[ \t\n]*The[ \t]+([a-z]+)\b", window[stop[0] :]) if stop else None
            return bool(
                nxt is not None
                and (self.groups.get(nxt.group(1)) == "organisation" or nxt.group(1) in _BODY_NOUNS)
                and not self.used_alone(name_words[-2], name_words[-1])
            )
        w = m.group(1).lower()
        if any(q in window[: m.start()] for q in '"\u201c\u201d'):
            return False  # a pronoun inside a quotation is the speaker's, not about the name
        # "it"/"its" speak of the name only when nothing else could be meant: right after the name and
        # its verb ("said it would", "said its costs"), or opening the next sentence ("It called ...")
        between = window[: m.start()]
        close = (
            (not stop or m.start() < stop[0])
            and re.fullmatch(r"[ \t]*(?:[a-z]+[ \t]+){0,3}(?:that[ \t]+)?", between)
            and not re.search(r"\b(?:the|a|an|this|that)[ \t]+(?!$)", between)
        )
        opens_next = bool(stop) and m.start() == stop[0] and m.group(1)[:1].isupper()
        if not (close or opens_next):
            return False
        if w == "its":
            return True
        if w == "it":
            return bool(
                re.match(
                    r"[ \t]+(?:would|will|had|has|could|plans|planned|intends|expects|says|said|called|added)\b",
                    window[m.end() :],
                )
            )
        return False

    def _premodifiers(self, pre, i: int):
        """Index of the first word of the words that describe a name before it ("Republican pollster",
        "the former", "Donald Trump's longtime adviser"), or None: only words that can modify a noun
        (no verb, adverb, preposition or pronoun), at most six, and never a loaded label ("dictator":
        a judgement stays out of the source's span)."""
        j = i
        while j > 0 and i - j < 6:
            w = pre[j - 1][2]
            low = w.lower()
            if (
                not (w[:1].isalnum())
                or low in self.loaded
                or low in _NOT_MODIFIERS
                or low in attribution.SUBJECT_STOP
                or low in attribution.PREPOSITIONS
                or low in _PRONOUNS
                or low.endswith("ly")
                or (low.endswith(("ing", "ed")) and not w[:1].isupper() and low not in self.titles)
            ):
                break
            if low in attribution.DETERMINERS:
                j -= 1
                break  # "the", "a", "his": the noun phrase starts here
            j -= 1
        if j > 0 or j == i or (j == i - 1 and pre[j][2].lower() in attribution.DETERMINERS):
            return None  # not the whole front of the phrase ("met Ann Cole"): no noun phrase to trust
        if pre[i - 1][2].lower() in attribution.DETERMINERS:
            return None
        return j


#: Old label names, kept readable: ``vague_group`` is now ``vague``.
LEGACY_LABELS = {"vague_group": "vague"}
_RESOLVE_HE = frozenset("he she him her".split())
_RESOLVE_THEY = frozenset("they them we us it".split())
_PRONOUN_SOURCES = frozenset("he she they we i it".split())


def _relabel(label: str, extra: dict, s: int, e: int, text: str) -> tuple[str, dict]:
    """The contract's labels: ``role`` for a definite or indefinite role ("the Ukrainian president",
    "a Pentagon official"), ``document`` for a cited document, ``vague`` for an unnamed group."""
    extra = dict(extra)
    if extra.get("kind") == "document":
        return "document", extra
    if label == "named_person" and extra.get("named") is False:
        return "role", extra
    if label == "vague_group":
        return "vague", extra
    return label, extra


def find(article, found) -> list[Span]:
    with attribution.no_gc():
        return _find(article, found)


def _find(article, found) -> list[Span]:
    text = article.text
    cls = _Classifier(article)
    cues = found.get("attribution_cue") if found is not None else None
    if cues is None:
        cues = [s for s in attribution.find(article, {})]
    cue_starts = sorted(c.start for c in cues)
    ends: dict[int, tuple[int, int]] = {}  # end offset -> key of a source that is not a pronoun
    starts: dict[int, tuple[int, int]] = {}  # start offset -> key of a source that is not a pronoun
    by_span: dict[tuple[int, int], dict] = {}
    order: list[tuple[int, int]] = []
    sentence_starts = [st.start for st in article.sentences]
    persons: list[tuple[int, int]] = []  # named_person spans so far, in text order
    bodies: list[tuple[int, int]] = []  # named_organisation and vague spans so far
    org_spans: set[tuple[int, int]] = set()  # the named_organisation ones among them
    for cue in cues:
        src = cue.get("source")
        low_src = text[src[0] : src[1]].lower() if src else ""
        m = _CONTRACTED.match(low_src)
        if m is not None:
            # "He's said", "They're saying": the pronoun is the source, the contraction is the verb's
            src = (src[0], src[0] + m.end(1))
            low_src = m.group(1)
        if low_src in _PRONOUN_SOURCES:
            # "he said": a pronoun span, resolved to the nearest fitting named source cited before it
            # (a person for he/she, an organisation or group for they/we/it) in the same or the two
            # previous sentences; "I" is not resolved (the writer, or a speaker inside a quote)
            key = (src[0], src[1])
            if key in by_span:
                continue
            pool = persons if low_src in _RESOLVE_HE else bodies if low_src in _RESOLVE_THEY else []
            target = _resolve(pool, sentence_starts, src[0], back=2)
            if low_src == "i":
                # an answer of a question-and-answer interview speaks for the interviewee
                target = _interviewee(article, cls, src[0])
            if low_src in _RESOLVE_HE:
                # a person only mentioned (not cited) just before: "Rovers captain Liam Doyle was less
                # happy. He said ..." -- the nearer of the two is taken
                k = bisect.bisect_right(sentence_starts, src[0]) - 1
                # at most 2,000 characters back, so a pasted run-on "sentence" stays linear
                floor = max(sentence_starts[k - 1] if k >= 1 else 0, src[0] - 2000)
                mentioned = _mentioned_person(text, floor, src[0], cls)
                if mentioned is not None and any(
                    k[0] <= mentioned[0] and mentioned[1] <= k[1] and by_span[k]["label"] == "named_person"
                    for k in order[-4:]
                ):
                    mentioned = None  # a name inside a cited person's appositive ("... at St Anne's Hospital")
                if (
                    mentioned is not None
                    and target is not None
                    and _inside_its_words(cues, target, mentioned, src[0], text, low_src)
                ):
                    # "Frost said he had raised it with Alan Pemberton. He said ...": a name inside what the
                    # cited speaker said is not the speaker; "He" goes on with Frost
                    mentioned = None
                if mentioned is not None and (target is None or mentioned[0] >= target[1]):
                    target = mentioned
            meta = {"cited": True, "cue": [cue.start, cue.end]}
            explanation = PRONOUN_UNRESOLVED
            if target is not None:
                meta["refers_to"] = text[target[0] : target[1]]
                meta["refers_to_span"] = list(target)
                explanation = (INTERVIEWEE_EXPLANATION if low_src == "i" else PRONOUN_EXPLANATION).format(
                    name=text[target[0] : target[1]]
                )
            elif low_src == "it":
                continue  # "it" with no organisation before it names nothing
            by_span[key] = {"label": "pronoun", "explanation": explanation, "meta": meta}
            order.append(key)
            continue
        who_at = None
        if src and re.match(r"who\b", text[src[0] : src[1]]) and not text[src[0] : src[0] + 4].startswith("who'"):
            who_at = src[0]
        elif not src:
            # "voters who said ...", "Mike Lee, who declared ...": the cue has no source phrase, but a
            # relative "who" just before it is its subject
            m = _WHO_BEFORE.search(text, max(0, cue.start - 50), cue.start)
            if m is not None:
                who_at = m.start(1)
        if who_at is not None:
            # "Bernie Sanders, who on Tuesday endorsed Clinton": the cue's subject is the relative "who";
            # it stands for the noun phrase just before it
            key = (who_at, who_at + 3)
            if key not in by_span:
                ante = _antecedent(text, who_at, by_span, ends, sentence_starts)
                meta = {"cited": True, "cue": [cue.start, cue.end], "relative": True}
                explanation = PRONOUN_UNRESOLVED
                if ante is not None:
                    meta["refers_to"] = text[ante[0] : ante[1]]
                    meta["refers_to_span"] = list(ante)
                    explanation = RELATIVE_EXPLANATION.format(name=text[ante[0] : ante[1]])
                by_span[key] = {"label": "pronoun", "explanation": explanation, "meta": meta}
                order.append(key)
            continue
        if not src or text[src[0] : src[1]].lower() in _PRONOUNS:
            continue  # no source, or a pronoun: no span
        role_span = cue.get("role")
        if (
            _BARE_PARTY_TAG.fullmatch(text, src[0], src[1])
            and role_span
            and role_span[1] < src[0]
            and text[role_span[1] : src[0]].strip() == ","
        ):
            # "Rep. Jason Chaffetz, R-Utah, said": the party tag is no source; the name before it is
            src = (role_span[0], role_span[1])
        rel = _relative_who(text, src, cue.start)
        if rel is not None and rel not in by_span:
            # "Lee Epstein, who teaches law, said" / "officials who have said": the relative pronoun
            # is the cue's grammatical subject; it refers to the source phrase before it
            by_span[rel] = {
                "label": "pronoun",
                "explanation": RELATIVE_EXPLANATION.format(name=text[src[0] : src[1]]),
                "meta": {
                    "cited": True,
                    "cue": [cue.start, cue.end],
                    "relative": True,
                    "refers_to": text[src[0] : src[1]],
                    "refers_to_span": list(src),
                },
            }
            order.append(rel)
        src = _past_initials(text, src, cue.start)
        src = _past_cut(text, src, cue.start)
        src = _before_passive_by(text, src, cue.start, sentence_starts, cue_starts)
        toks = _tokens(text, src[0], src[1])
        parts, joins = _split(toks)
        results = [cls.classify(p) for p in parts]
        # Merge groups joined by "and" alone: "Ukrainian military officials and Western analysts"
        merged: list = []
        for idx, r in enumerate(results):
            if (
                r is not None
                and merged
                and merged[-1] is not None
                and idx > 0
                and joins[idx - 1] in ("and", "or")
                and merged[-1][0] == r[0] == "vague_group"
            ):
                p = merged[-1]
                merged[-1] = (p[0], p[1], r[2], p[3] or r[3], {**p[4], **r[4]})
            else:
                merged.append(r)
        appositive = cue.get("role")
        last_key = None
        last = max((k for k, r in enumerate(merged) if r is not None), default=None)
        for k, r in enumerate(merged):
            if r is None:
                continue
            label, s, e, role, extra = r
            name_span = None
            if "name" in extra:
                extra = dict(extra)
                name_span = tuple(extra.pop("name"))
            if appositive and k == last:
                appositive = _clean_appositive(text, appositive, cue_starts, cls)
            if appositive and k == last:
                role = tuple(appositive)
                first_word = text[appositive[0] : appositive[1]].split()[:1]
                if (
                    appositive[0] >= e
                    and appositive[0] - e <= 3
                    and text[e : appositive[0]].strip() in (",", "(", "-")
                    and first_word
                    and first_word[0].lower().strip(",") not in attribution.LEADING | attribution.ADVERBS
                ):
                    # the full noun phrase: "Nikolai Beleskov, a research fellow at ...": the span takes in
                    # the appositive; meta ``name`` keeps the bare name (used to resolve pronouns)
                    name_span = name_span or (s, e)
                    e = appositive[1]
            if label == "named_person":
                tag = _PARTY_TAG.match(text, name_span[1] if name_span and name_span[1] == e else e)
                if tag is not None and tag.end() <= cue.start + (0 if cue.start > e else len(text)):
                    # "Sen. Ann Cole (D-Vt.)": the party and state tag is part of how she is named
                    name_span = name_span or (s, e)
                    e = max(e, tag.end())
                if k == 0 and s == src[0]:
                    before = _role_before(text, s, sentence_starts, cls, cue.end if cue.end <= s else None)
                    if before is not None:
                        # "A harbour spokesman, Tom Hale, said": the role before the name, across a comma
                        name_span = name_span or (s, e)
                        role = role or before
                        s = before[0]
            if (
                name_span is not None
                and e < cue.start
                and text[e : e + 1] == ","
                and text[name_span[1] : name_span[1] + 1] == ","
            ):
                # "Ann Cole, a teacher, said": the commas around an appositive work like brackets, and
                # both belong to the noun phrase (PolNeAR's guidelines: parenthetical commas are part of
                # the source)
                e += 1
            key = (s, e)
            same = starts.get(s)
            if key not in by_span and same is not None and by_span[same]["label"] != "pronoun":
                # one source span per noun phrase: "A diplomat, who asked not to be named, said" is cited
                # by two cues, with and without the appositive; the longer span is kept
                d = by_span[same]
                if e > d.get("end", same[1]):
                    d["end"] = e
                    ends[e] = same
                    if name_span is not None and "name" not in d["meta"]:
                        d["meta"]["name"] = list(name_span)
                    if role and "role" not in d["meta"]:
                        d["meta"]["role"] = list(role)
                last_key = same
                continue
            if key not in by_span:
                starts[s] = key
                label, extra = _relabel(label, extra, s, e, text)
                meta = {"cited": True, "cue": [cue.start, cue.end], **extra}
                if name_span is not None:
                    meta["name"] = list(name_span)
                if role:
                    meta["role"] = list(role)
                group_role = label == "role" and "group" in meta
                if group_role:
                    meta.pop("group")
                    refers = meta.pop("refers", None)
                    target = (refers[0], refers[1]) if isinstance(refers, tuple) else None
                    if meta.pop("body", False):
                        target = _resolve(bodies, sentence_starts, s, back=2)
                        if target not in org_spans:
                            target = None  # "Critics said ... The group said": no named body to point at
                        label = "named_organisation" if target is not None else "vague"
                        meta.pop("named", None)
                    if meta.pop("possessor", False):
                        target = _resolve(persons, sentence_starts, s, back=2)
                        if target is None:
                            # "Ines Voss retired. Her colleagues said ...": a person only mentioned before
                            k = bisect.bisect_right(sentence_starts, s) - 1
                            floor = max(sentence_starts[k - 2] if k >= 2 else 0, s - 2000)
                            target = _mentioned_person(text, floor, s, cls)
                            if target is not None:
                                words = text[target[0] : target[1]].split()
                                if not cls.used_alone(words[-2], words[-1]):
                                    target = None  # a person is named again by the surname alone; a place is not
                    if target is not None:
                        meta["refers_to"] = text[target[0] : target[1]]
                        meta["refers_to_span"] = list(target)
                elif label == "role":
                    target = _resolve(persons, sentence_starts, s, back=2)
                    if target is None or not _same_role(text, s, e, target):
                        target = _titled_name(text, s, e)
                    if target is not None:
                        meta["refers_to"] = text[target[0] : target[1]]
                        meta["refers_to_span"] = list(target)
                if label == "named_organisation" and cls.names.get(text[s:e]) == "place":
                    meta["kind"] = "government"  # "Kyiv" stands for Ukraine's government
                by_span[key] = {"label": label, "meta": meta}
                if group_role and "refers_to" in meta:
                    by_span[key]["explanation"] = GROUP_ROLE_EXPLANATION.format(name=meta["refers_to"])
                order.append(key)
                ends[e] = key
                if label == "named_person":
                    bisect.insort(persons, name_span or key)
                elif label in ("named_organisation", "vague"):
                    bisect.insort(bodies, name_span or key)
                    if label == "named_organisation":
                        org_spans.add(name_span or key)
            elif role and "role" not in by_span[key]["meta"]:
                by_span[key]["meta"]["role"] = list(role)
            last_key = key
        if rel is not None and last_key is not None and by_span[rel]["meta"].get("refers_to_span") == list(src):
            # "The host Bill Maher, who ...": "who" stands for the last source of the phrase, by its bare name
            bare = by_span[last_key]["meta"].get("name") or list(last_key)
            rmeta = by_span[rel]["meta"]
            rmeta["refers_to_span"] = list(bare)
            rmeta["refers_to"] = text[bare[0] : bare[1]]
            by_span[rel]["explanation"] = RELATIVE_EXPLANATION.format(name=rmeta["refers_to"])
    out = []
    for s, e0 in order:
        d = by_span[(s, e0)]
        e = d.get("end", e0)
        if e != e0 and "name" not in d["meta"]:
            d["meta"]["name"] = [s, e0]  # the shorter span a cue gave is the bare name
        out.append(
            attribution.fast_span(
                text, LAYER, d["label"], s, e, d.get("explanation") or EXPLANATIONS[d["label"]], "", d["meta"]
            )
        )
    return out


_NOT_APPOSITIVE = frozenset(
    "such like unlike along as though although because while whereas since after before when where "
    "if unless until whom that this these those you he she they we i it there here not".split()
)
_TIME_UNITS = frozenset(
    "second seconds minute minutes hour hours day days week weeks month months year years decade decades "
    "moment moments while morning afternoon evening night weekend".split()
)
_TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december today yesterday tonight".split()
)


_APPOSITIVE_TAIL = re.compile(
    r",[ \t]+(?:on|in|at|after|before|during|when|while|as|according|speaking|told|said|says|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday)\b",
    re.IGNORECASE,
)


# abbreviations that end in a full stop inside a noun phrase: titles, AP state abbreviations, company words
_ABBREVIATIONS = attribution.TITLE_ABBREVIATIONS | frozenset(
    "ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo mont neb nev okla "
    "ore pa tenn tex va vt wash wis wyo inc corp co ltd bros no vs".split()
)
_STOP_AT = re.compile(r"[.!?\n]")


def _past_abbreviations(text: str, a: int, b: int, cue_starts: list[int]) -> int:
    """The end of an appositive that the attribution lens cut at the full stop of an abbreviation or an
    initial ("a former aide to Mr. Obama", "a broker in Tampa, Fla.", "an adviser to George W. Bush"):
    the phrase runs on to the real end of its sentence, or to the next cue, at most 200 characters."""
    limit = min(len(text), a + 400)
    i = bisect.bisect_right(cue_starts, a)
    if i < len(cue_starts):
        limit = min(limit, cue_starts[i])
    while b < limit and text[b : b + 1] == "." and text[b + 1 : b + 2] in (" ", "\t") and b - a < 400:
        w = re.search(r"([A-Za-z]+)$", text[max(a, b - 12) : b])
        if w is None or not (len(w.group(1)) == 1 and w.group(1).isupper() or w.group(1).lower() in _ABBREVIATIONS):
            break
        m = _STOP_AT.search(text, b + 1, limit)
        nb = m.start() if m is not None else limit
        while nb > b and text[nb - 1] in " \t,;:":
            nb -= 1
        if nb <= b + 1:
            break
        b = nb
    return b


_NAME_GOES_ON = re.compile(r"\.[ \t]+((?:[A-Z][\w'\u2019-]*\.?[ \t]+)*[A-Z][\w'\u2019-]*\.?)")


def _past_initials(text: str, src: tuple[int, int], cue_start: int) -> tuple[int, int]:
    """A source phrase the attribution lens cut at a middle initial ("Sen. Robert P" of "Sen. Robert P.
    Casey Jr."): the capitalised words after the initial belong to the name. A phrase ending in a
    longer word is left as it is."""
    s, e = src
    w = re.search(r"(?:^|[\s.])([A-Z])$", text[max(s, e - 3) : e])
    if w is None or e >= len(text) or text[e] != ".":
        return src
    m = _NAME_GOES_ON.match(text, e, min(len(text), e + 60))
    if m is None or (s <= cue_start < m.end() + 1 and cue_start >= e):
        return src
    end = m.end(1)
    if text[end - 1] == "." and text[end - 3 : end] != "Jr." and text[end - 3 : end] != "Sr.":
        end -= 1  # a sentence's full stop, not part of the name
    return s, end


_CUT_TAIL = re.compile(
    r"(?:(?:(?<=\bmore)|(?<=\bless)|(?<=\bfewer))[ \t]+than[ \t]+[\d][\d,.]*|(?<=\d),\d{3}(?:,\d{3})*)"
    r"(?:(?:[ \t]+[a-z]+){0,2}[ \t]+[a-z]+s\b)?"
    r"|(?<=s)['\u2019][ \t]+[a-z]+\b"
)


_PASSIVE_BY = re.compile(r"[ \t]([a-z]+ed|led|made|written|run|paid|done)[ \t]+by[ \t]+$")


_CLAUSE_VERBS = frozenset("is are was were be been being has have had will would said says".split())


def _before_passive_by(
    text: str, src: tuple[int, int], cue_start: int, sentence_starts: list[int], cue_starts: list[int]
):
    """A source the attribution lens took from after "commissioned by" is the agent inside the real
    subject: "An independent review commissioned by the council last year found ..." -> the whole noun
    phrase from the start of its clause (the sentence, or after a comma or a colon)."""
    if cue_start < src[1]:
        return src  # the source after the cue: "..., said a review commissioned by ..."
    k = bisect.bisect_right(sentence_starts, src[0]) - 1
    floor = max(sentence_starts[k] if k >= 0 else 0, src[0] - 200)
    m = _PASSIVE_BY.search(text, floor, src[0])
    if m is None or m.end() != src[0]:
        return src
    start = max(text.rfind(",", floor, m.start()), text.rfind(":", floor, m.start()), text.rfind(";", floor, m.start()))
    start = floor if start < 0 else start + 1
    while start < m.start() and text[start] in " \t\n":
        start += 1
    words = text[start : m.start()].split()
    if (
        not words
        or not (words[0].lower() in attribution.DETERMINERS or words[0][:1].isupper())
        or len(words) > 10
        or any(w.lower() in _CLAUSE_VERBS for w in words)
        or any(start <= c < src[0] for c in cue_starts[bisect.bisect_left(cue_starts, start) :][:1])
    ):
        return src  # a clause, not a noun phrase ("Pence said in a statement released by ...")
    return (start, src[1])


def _past_cut(text: str, src: tuple[int, int], cue_start: int) -> tuple[int, int]:
    """A source phrase cut inside its noun phrase goes on to its head: "a study of more" ->
    "a study of more than 2,000 pupils", "a local residents" -> "a local residents' group"."""
    m = _CUT_TAIL.match(text, src[1])
    if m is None or (src[1] <= cue_start < m.end()):
        return src
    return (src[0], m.end())


def _clean_appositive(text: str, app, cue_starts: list[int], cls):
    """The part of an appositive that describes the source ("a research fellow at ...", "executive
    director of the council", "who runs the club", an age "58"), or None when it is no description:
    a preposition or participle phrase ("in a statement", "speaking on radio", "angered that ..."),
    a clause ("though he added ..."), a count ("51 percent of ..."). It never runs into a cue: a
    relative clause holding a cue ("Ann Cole, who acknowledged ...") is an attribution of its own and
    is left out whole; any other appositive stops before the cue."""
    a, b = app
    b = _past_abbreviations(text, a, b, cue_starts)
    words = text[a:b].split()
    if not words:
        return None
    first = words[0].strip(",;:")
    low = first.lower()
    if (
        low in _NOT_APPOSITIVE
        or low in _TIME_WORDS
        or low in attribution.PREPOSITIONS
        or low in attribution.LEADING
        or (low in attribution.ADVERBS and low not in ("now", "then", "once"))
        or (low in _NOT_MODIFIERS and low != "including")
        or (first[:1].islower() and low.endswith(("ing", "ed")) and low not in cls.titles)
        or (low.isdigit() and not (len(low) <= 3 and (len(words) == 1 or words[0].endswith(","))))
    ):
        return None
    i = bisect.bisect_right(cue_starts, a)
    if low == "who" and _ANON_PHRASES.search(text, a, b):
        pass  # "who asked not to be named because ...": why the source is anonymous belongs to it
    elif i < len(cue_starts) and cue_starts[i] < b:
        if low in ("who", "which") and len(text[a : cue_starts[i]].split()) <= 4:
            return None  # "Ann Cole, who said ...": the clause is an attribution of its own
        b = cue_starts[i]
        # "a consultant who said ...": the relative clause holding the cue goes too
        m = None
        for m in re.finditer(r"(?:,\s*|\s)(?:who|which|that)\b", text[a:b]):
            pass
        if m is not None:
            b = a + m.start()
    m = _APPOSITIVE_TAIL.search(text, a, b)
    if m is not None:
        b = m.start()  # "a harbour spokesman, on Monday": the time or place of speaking is no description
    while b > a and (text[b - 1].isspace() or text[b - 1] in ",;:-(\u2014\u2013"):
        b -= 1
    if b - a < 2 or text[a:b].split()[-1].lower() in attribution.DETERMINERS | {"who", "whom"}:
        return None
    return a, b


_WHO_BEFORE = re.compile(
    r"(?:^|[\s,\u2014\u2013(])(who)\s+(?:on\s+[A-Z][a-z]+day\s+)?(?:(?:has|have|had|is|are|was|were|also|then|later|once|"
    r"previously|recently|repeatedly|publicly|often|never|not|already|first)\s+){0,3}$",
    re.IGNORECASE,
)


def _relative_who(text: str, src, cue_start: int):
    """``(start, end)`` of a relative "who" that is the subject of the cue at ``cue_start`` and follows
    the source phrase ``src`` within a few words, else None."""
    if src[1] > cue_start or cue_start - src[1] > 40:
        return None
    m = _WHO_BEFORE.search(text, src[1], cue_start)
    if m is None:
        return None
    return m.start(1), m.end(1)


_PARTY_TAG = re.compile(
    r"[ \t]*\((?:[RDI]|GOP|Dem|Rep|Ind)[-\u2013][A-Z][A-Za-z.]*(?:[ \t][A-Z][A-Za-z.]*)?\)"
    r"|,[ \t]*[RDI][-\u2013][A-Z][A-Za-z.]*(?:[ \t][A-Z][A-Za-z.]*)?(?=[,;]|[ \t]+[a-z])"
)
_BARE_PARTY_TAG = re.compile(r"[RDI][-\u2013][A-Z][A-Za-z.]*(?:[ \t][A-Z][A-Za-z.]*)?")
_ROLE_BEFORE = re.compile(r"([^\s,;:()\"\u201c\u201d][^,;:()\"\u201c\u201d\n]{0,80}?),[ \t]+$")


def _role_before(text: str, at: int, sentence_starts: list[int], cls, cue_end: int | None = None):
    """``(start, end)`` of a role that opens the sentence and names the person after a comma ("A harbour
    spokesman, Tom Hale, said"; "His campaign manager, Tom Hale, said"), else None: from the
    sentence start, a noun phrase of at most eight words whose last word is a title or a word for a
    person by what they do, with no verb, adverb or pronoun in it."""
    k = bisect.bisect_right(sentence_starts, at) - 1
    start = sentence_starts[k] if k >= 0 else 0
    if cue_end is not None and start <= cue_end <= at:
        start = cue_end  # ""...," said the company's chief executive, John Ferriola": the role follows the cue
    m = _ROLE_BEFORE.search(text, max(start, at - 90), at)
    if m is None:
        return None
    if m.start(1) != start:
        # "In a statement, the White House press secretary, Tom Hale, said": a role after an opening phrase
        # and its comma, or after "and"/"but": only a definite one ("the", a possessive)
        lead = text[max(start, m.start(1) - 8) : m.start(1)]
        first = text[m.start(1) : m.end(1)].split()[0]
        if not (
            re.search(r"(?:,|;|\band|\bbut)\s+$", lead)
            and (first.lower() in ("the", "his", "her", "their", "its", "our") or first.endswith(("'s", "\u2019s")))
        ):
            return None
    words = m.group(1).split()
    if not 2 <= len(words) <= 8:
        return None
    low = [w.lower().strip(".") for w in words]
    if (low[0] not in attribution.DETERMINERS and not words[0][:1].isupper()) or (
        low[0] in attribution.PREPOSITIONS
        or low[0] in attribution.LEADING
        or low[0] in attribution.ADVERBS
        or low[0] in attribution.SUBJECT_STOP
    ):
        return None
    head = low[-1]
    if any(w in _TIME_UNITS or w in _TIME_WORDS or w in _TRAILING_TIME for w in low) or head in attribution.ADVERBS:
        return None  # "A few minutes later, Ann Cole said": a time, no role
    if (
        not (head in cls.titles or head.endswith(_PERSON_SUFFIXES))
        or head.endswith("ment")
        or cls.groups.get(head) in ("document", "organisation")
    ):
        return None
    for w, lw in zip(words[1:], low[1:]):
        if (
            lw in attribution.SUBJECT_STOP
            or lw in _PRONOUNS
            or lw in _NOT_MODIFIERS
            or lw.endswith("ly")
            or (lw in attribution.PREPOSITIONS and lw not in ("of", "for", "at"))
        ):
            return None
    return m.span(1)


_CONTRACTED = re.compile(r"(he|she|they|we|i|it)['\u2019](?:s|re|ve|ll|d|m)$")
_NAME_BEFORE = re.compile(r"((?:[A-Z][\w.'\u2019-]*[ \t]+){0,3}[A-Z][\w.'\u2019-]*)[ \t]*$")


def _antecedent(text: str, at: int, by_span: dict, ends: dict, sentence_starts: list[int]):
    """``(start, end)`` of what a relative "who" at ``at`` stands for: the source that ends just before
    it (", who" or "\u2014who"; its bare name when it has one), else the capitalised name just before
    it, else None."""
    j = at
    while j > 0 and text[j - 1] in " \t,\u2014\u2013-(":
        j -= 1
    k = bisect.bisect_right(sentence_starts, at) - 1
    floor = sentence_starts[k] if k >= 0 else 0
    key = ends.get(j)
    if key is not None and key[0] >= floor:
        return tuple(by_span[key]["meta"].get("name") or key)
    m = _NAME_BEFORE.search(text, max(floor, j - 80), j)
    if m is not None and m.start(1) >= floor:
        return m.span(1)
    # a noun phrase in lower case: "voters who said", "a young child, who said": back to its determiner
    words = list(re.finditer(r"[\w'\u2019-]+", text[max(floor, j - 80) : j]))
    base = max(floor, j - 80)
    start = None
    for w in reversed(words[-6:]):
        low = w.group(0).lower()
        if text[base + w.end() : j].strip(" \t") and start is None:
            break  # punctuation between the last word and "who" that is not a comma before it
        if low in attribution.SUBJECT_STOP or low in attribution.PREPOSITIONS or low in _PRONOUNS:
            break
        start = base + w.start()
        if low in attribution.DETERMINERS:
            break
    if start is not None and start < j:
        return start, j
    return None


_FULL_NAME = re.compile(r"(?<![\w.])([A-Z][a-z]+(?:[ \t]+(?:[A-Z][a-z]+|[A-Z]\.))*[ \t]+[A-Z][a-z]+)(?![\w])")


_INTRO_NAME = re.compile(
    r"(?<![\w.])((?:[A-Z][a-z]+(?:['\u2019-]?[A-Z][a-z]+)?[ \t]+)+[A-Z][a-z]+(?:['\u2019-]?[A-Z][a-z]+)?)(?![\w])"
)


def _interviewee(article, cls, at: int):
    """In an interview in question-and-answer form (``genre.qa_parts``), for an "I" at ``at`` inside an
    answer and outside quotation marks: the interviewee, the full name in the introduction (before the
    first question, not a byline) whose last word the text uses most; else None."""
    from .. import genre

    cache = article._cache
    if "src_interviewee" not in cache:
        questions, answers = genre.qa_parts(article)
        who = None
        if questions:
            text = article.text
            best = 0
            tried = 0
            for m in _INTRO_NAME.finditer(text, max(0, questions[0][0] - 3000), questions[0][0]):
                a, b = m.span(1)
                words = m.group(1).split()
                if (
                    text[max(0, a - 3) : a].lower() == "by "
                    or words[0].lower() in attribution.DETERMINERS
                    or any(cls.names.get(w) for w in words)
                ):
                    continue
                # a person is named again by the surname alone ("MacIsaac, 63,"); a place keeps both words
                tried += 1
                if tried > 12:
                    break  # a few names of the introduction: linear in the text
                n = len(re.findall(r"(?<!" + re.escape(words[-2]) + r"[ \t])\b" + re.escape(words[-1]) + r"\b", text))
                if n > best:
                    best, who = n, (a, b)
        cache["src_interviewee"] = (answers, who)
    answers, who = cache["src_interviewee"]
    if who is None or not any(a <= at < b for a, b in answers):
        return None
    text = article.text
    para = text.rfind("\n", 0, at) + 1
    if sum(text.count(q, para, at) for q in ('"', "\u201c", "\u201d")) % 2:
        return None  # "I" inside a quotation the interviewee repeats is someone else's
    return who


def _mentioned_person(text: str, floor: int, at: int, cls):
    """The last full name (two or more capitalised words, not a sentence opening alone, none of them an
    organisation or place word in the lists) between ``floor`` and ``at``."""
    best = None
    for m in _FULL_NAME.finditer(text, floor, at):
        a, b = m.span(1)
        words = m.group(1).split()
        opening = a == floor or (a > 0 and text[a - 1] in ".!?\n") or text[max(0, a - 2) : a].strip() in (".", "\n")
        first = words[0].lower()
        if opening and (
            first in attribution.DETERMINERS
            or first in attribution.LEADING
            or first in attribution.ADVERBS
            or first in attribution.PREPOSITIONS
            or first in attribution.SUBJECT_STOP
            or first in _QUANT
            or first in _PRONOUNS
            or first in cls.titles
            or first in cls.groups
        ):
            words = words[1:]  # "After Tom Hale ...": the first word only opens the sentence
            if len(words) < 2:
                continue
            a = b - len(" ".join(words)) if " ".join(words) == text[b - len(" ".join(words)) : b] else a
        if any(cls.names.get(w) for w in words) or any(w.lower() in cls.groups for w in words):
            continue
        if re.search(r"(?:^|\W)(?:the|an?)[ \t]+$", text[max(0, a - 5) : a], re.IGNORECASE):
            continue  # "the Islamic State", "a Senate Democrat": no person's name
        best = (a, b)
    return best


def _titled_name(text: str, s: int, e: int):
    """For a definite role ("The head coach"), the name given that title earlier in the text
    ("head coach Mia Santos", within 20,000 characters): ``(start, end)`` of the last such name
    before ``s``, else None."""
    words = re.findall(r"[A-Za-z]+", text[s:e])
    if len(words) < 2 or words[0].lower() not in ("the", "this"):
        return None
    title = r"[ \t]+".join(re.escape(w) for w in words[1:])
    best = None
    # at most 20,000 characters back (a long article), so that a pasted corpus stays linear
    pattern = re.compile(r"(?i:" + title + r")[ \t]+((?:[A-Z][a-z]+[ \t]+)*[A-Z][a-z]+)")
    for m in pattern.finditer(text, max(0, s - 20000), s):
        best = m.span(1)
    return best


def s_role_start(pre, i: int) -> int:
    """Start of a capitalised title used as a source, with "the" before it if there is one."""
    return pre[i - 1][0] if i > 0 and pre[i - 1][2].lower() == "the" else pre[i][0]


def _same_role(text: str, s: int, e: int, target: tuple[int, int]) -> bool:
    """Whether a definite role ("The Ukrainian president") fits the named person ``target``: the
    role's head word is the title the name was given earlier ("President Volodymyr Zelensky"), or
    appears in the few words around the name (", the head coach,")."""
    words = re.findall(r"[a-z]+", text[s:e].lower())
    if not words or words[0] not in ("the", "this"):
        return False
    head = words[-1]
    near = text[max(0, target[0] - 60) : min(s, target[1] + 80)].lower()
    return re.search(r"\b" + re.escape(head) + r"\b", near) is not None


_OTHER_GENDER = {"he": ("she", "her"), "him": ("she", "her"), "she": ("he", "his", "him"), "her": ("he", "his", "him")}


def _inside_its_words(cues, target, mentioned, at: int, text: str, pronoun: str) -> bool:
    """Whether ``mentioned`` lies inside the content of a cue before ``at`` whose source is ``target`` (the
    last few cues only, so the check stays linear), and the speaker is not referred to there by a pronoun of
    the other gender ("Ann Cole said she had met Tom Hale. He said ...": "He" is not Ann Cole)."""
    i = bisect.bisect_left(cues, at, key=lambda c: c.start)
    for c in cues[max(0, i - 4) : i]:
        src, content = c.get("source"), c.get("content")
        if (
            src
            and content
            and tuple(src) == tuple(target)
            and content[0] <= mentioned[0]
            and mentioned[1] <= content[1]
        ):
            first = text[content[0] : content[0] + 5].split(" ", 1)[0].lower()
            return first not in _OTHER_GENDER.get(pronoun, ())
    return False


def _resolve(persons: list[tuple[int, int]], sentence_starts: list[int], at: int, back: int = 1):
    """The nearest span in ``persons`` before offset ``at``, in the same or the ``back`` previous
    sentences."""
    i = bisect.bisect_left(persons, (at, at)) - 1
    if i < 0:
        return None
    k = bisect.bisect_right(sentence_starts, at) - 1
    floor = sentence_starts[k - back] if k >= back else 0
    target = persons[i]
    return target if target[0] >= floor and target[1] <= at else None
