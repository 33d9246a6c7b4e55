"""Loaded-language lens: the words that carry a judgement, and whose voice they are in.

Each hit is a ``loaded`` span whose label is a category: ``label`` ("dictator",
"the enemy"), ``loaded_adjective`` ("daring"), ``loaded_adverb`` ("brutally", and
intensifiers such as "even"), ``loaded_verb`` ("seizing", "boasted"),
``dramatic_framing`` ("broke the silence"), ``scare_quote`` (a word in quotation marks
with no speaker, read from the quote lens), ``superlative`` ("most compelling"),
``hyperbole`` ("overnight"), ``loaded_noun`` ("aggression"), ``spelling`` (a list an
instructor may fill; none shipped: "Kiev" is a provenance clue, read by the provenance
lens, not a verdict of this one) and ``contested_naming`` ("invasion", "incursion" of
Ukraine's 2024 Kursk operation: a choice explained with no verdict, meta ``verdict`` =
``"choice"``; count these apart from the loaded words, see :data:`NO_VERDICT`).
The explanation says what the word does to a reader; the alternative offers a
plainer wording. ``meta`` holds ``category`` (the finer kind, e.g. ``intensifier``) and
``voice``:

- ``writer``: the writer's own choice of word;
- ``quoted``: inside a direct or partial quotation (``quote_kind`` = ``direct``) or inside
  what an attribution cue reports, said or thought (``reported``: "Trump has boasted that he
  will bring peace overnight"; also a sentence with an attribution set between commas, "The
  regime, Trump said, is failing", :func:`mid_attribution`); ``speaker`` then names whose words they are where the quote
  and attribution lenses found a speaker, and the explanation starts by saying so
  ("In Beleskov's words (a direct quote): ...").

Neutrality is accuracy: the standard neutral word of the wire services for an event is
not listed ("invasion" of Russia's 2022 invasion of Ukraine, "militants", "seized" of
territory); the same word gets the same verdict whichever side it describes, wherever it
stands and however it is capitalised. A word's sense follows its topic: a row's
``unless_topic`` (``sport``, ``science``, ``business``) names topics where the word is
plain ("aggression" of a football team), read from the words around it and, failing
that, from the article's vocabulary (:func:`topics_of`). A label governed by a designation
in the same clause ("designated a terrorist group by Turkey", "lists X as extremist", "treating
the attack as a terrorist incident") is the designating authority's official term, attributed
to it, and is not flagged (:func:`designated`); the same label in the writer's own voice is.
The name of an offence in a charge, verdict or accusation ("convicted of genocide", "charged
with treason") reports the proceedings and is not flagged; in an accusation ("X accused Y of
genocide") it is the accuser's word, flagged in the reported voice (:func:`charged`); the same
word asserted in the writer's own voice is the writer's. A superlative of an event's magnitude
ranked against a stated record ("the worst flood in 50 years", "the bloodiest attack since 2008")
says what it is ranked against, a claim the reader can check, and is not flagged
(:func:`against_record`); "the worst president in history" or "the most important decision in a
decade" still are. A hyphenated compound is read as one word: "regime-change" is the policy, like
"regime change"; "counter-propaganda" or "anti-bigotry" names opposition to the thing, not a verdict
on anyone (:func:`against_prefix`). "So-called" (or "self-styled", :data:`DISTANCING`) with the quoted
words right after it ("so-called "reform"") is one device: one span, one verdict, not a label and a
scare quote; a label of a side before a scare-quoted noun ("far-left "activists"") is two.

>>> from mediakit import load_article
>>> a = load_article("Dictator Smith took the port. Analysts said it was a daring move.")
>>> [(s.label, s.text, s.alternative) for s in find(a, {})]
[('label', 'Dictator', 'Leader (or the office the person holds, e.g. President)'), ('loaded_adjective', 'daring', '(leave it out, and say what was done and at what risk)')]

How words are matched (the word lists are ``mediakit/lexicons/loaded.csv`` and any
``loaded_*.csv`` beside it; an instructor adds a row, no Python needed):

- case-insensitive, whole words only, curly and straight apostrophes alike; a phrase
  matches with any spaces (or one line break) between its words; "enemy's" matches
  "enemy". Where two terms overlap, the longer wins.
- ``term`` may list variants separated by ``|`` ("broke the silence|breaks the silence").
- ``match`` says how a term is inflected: ``word`` (default: exactly as written),
  ``verb`` (the first word also as -s, -ed and -ing: seize -> seizes, seized, seizing;
  slam -> slammed, slamming; a final consonant is doubled only in one-syllable words,
  so list irregular forms yourself: "broke|broken"), ``noun`` (the last word also in
  the plural: dictator -> dictators), ``superlative`` (only after "the", a possessive
  or "its/his/her/their/our/my/your": "Ukraine's most compelling"; a final ``*`` stands
  for any one following word: "most *"), ``suffix`` (a term starting with a hyphen matches
  any word ending in it: "-loving" finds "freedom-loving" and "Jew-hating" for "-hating";
  ``unless_prev`` then lists the first words that cancel it: "toll" for "toll-gate").
- ``span`` = ``phrase``: the highlight covers the phrase the term labels, not the term
  alone ("far-left activists", "so-called expert", "radical Islamic terrorism"): up to two
  more words on the same line, stopping at punctuation, function words, pronouns,
  auxiliaries, reporting verbs, -ly adverbs, a capitalised second word and a scare quote
  (:func:`phrase_end`). A listed word inside the phrase belongs to it.
- ``unless_prev`` / ``unless_next``: space-separated words that cancel a match when they
  come right before / after it ("sanctions regime", "even if"); in ``unless_next``, ``@name``
  stands for a capitalised word ("war on" is figurative in "a war on drivers", literal in
  "Russia's war on Ukraine"); in ``unless_prev``, words joined by ``_`` are read as many words
  back as they are ("play_the": "fool" is a set phrase in "play the fool", a label in "a fool").
- ``only_next``: the match counts only when the next word is one of these words,
  ``@name`` (a capitalised word) or ``@loaded`` (another listed term): "even" counts in
  "even dictator Vladimir Putin" or "even Smith", not in "even larger".
- verbs whose bare form is mostly a noun ("storm", "scheme", "blast") are listed by
  their -ed and -ing forms only ("stormed|storming").
- ``case`` = ``lower``: only when written in lower case or at the start of a sentence
  (so "May" the month or a surname is not the hedge "may").
- ``alternative``: either one wording (a single regular verb is inflected like the
  match: "take control of" -> "took control of"), five verb forms
  ``base|-s|past|participle|-ing``, or one wording per ``term`` variant. Options are
  separated by `` / ``.

The lists: ``loaded.csv`` (the seed's devices and the core vocabulary) and
``loaded_news.csv`` (general classes of devices in news and opinion writing: name-calling
and hyphenated labels, emotive adjectives both ways, verbs of attack and of speech,
dismissive and emotive nouns, dramatic phrases, hyperbole).

The loaded, hedge and claim lenses read the text once, looking each word up in one
index of all their lists (:func:`candidates`, cached on the article; the index is a
dictionary of words, built in milliseconds when a list is first used); each list then
picks its own longest, non-overlapping matches. Matching is linear in the text.

Set the environment variable ``MEDIAKIT_LEXICONS`` to a folder to read word lists from
there instead (any list missing from that folder comes from the package); call
:func:`reload` after editing a list in a running notebook.

Not detected: sarcasm and irony (a neutral word meant as its opposite, "a fine plan indeed");
in a line written all in capitals or in title case a capital says nothing, so a rule that reads
capitals (``@name``, ``case`` = ``lower``) reads every word there as a name ("WAR ON DRIVERS" is
not flagged; "war on drivers" is);
a judgement made by an ordinary word that the writer's tone turns against someone; the topic of a
text is guessed from a few marker words (three distinct sport, science or business words, or
one near the word), so a war report that mentions a football match, or a sport report with no
marker word, can get a word's other sense; a contested naming is recognised only near the
phrases its row lists ("Kursk", "Russian territory"), so another event's contested name is
not flagged unless an instructor adds a row for it; whose words a quote holds is read from the
quote and attribution lenses (a quote they miss reads as the writer's); loading by omission or by what the text chooses to
report; words that are not in the lists (and new coinages, "-gate" scandal names);
context-dependent loading ("a blast" of a bomb is not "blasted" a rival, and the lists
cannot tell every such use apart: "seized" is left alone after "police" or "officers",
but not in "the drugs were seized by police"; words with a strong literal sense, such as
"destroy", "plague", "predator" or "covered up", are not listed at all); an ordinary
adjective turned into an epithet by its place ("the hapless X" is listed, "the tired X"
is not); the noun phrase after an evaluative adjective (only label modifiers take their
phrase: "daring" is highlighted alone, not "daring offensive"); intensifiers such as
"extremely" or "absolutely" before a word that is not listed ("extremely dangerous"); a record frame is read only for a few
superlatives of magnitude ("worst", "bloodiest", "most deadly") of listed kinds of event (floods, attacks,
outbreaks...): "the worst harvest in 50 years" is still flagged; loaded metaphors spread over a sentence; judgement carried by
word order or emphasis; terms whose neutral wording itself is disputed (the lens
flags them with a symmetrical explanation, it cannot settle them). Scare quotes come
from the quote lens: without it, no ``scare_quote`` spans. Quoted words after a verb of
naming with a subject other than the writer ("the minister called it a "reform"", "dismissed
as "lies"") are that subject's words, a partial or term quote (:func:`named_by_subject`): no
scare quote, and a listed word inside is flagged in the quoted voice; a partial quote whose
source is only named elsewhere in the text is still read as a scare quote. A negated judgement
("the fight is not hopeless", "isn't a disaster") is still flagged, since naming the word puts it in the
reader's mind, but its meta ``polarity`` is ``negated`` and the explanation says the writer does not
assert it (:func:`negated`); the negation is read only a few words back in the clause, so "the
notion that the fight is hopeless is wrong" reads as asserted, and litotes ("not unfair") as negated.
A superlative of a count ("won the most votes", "the fewest seats": :data:`COUNTED`) is a measure and
is not flagged; a count noun not in that set and not after a verb of getting ("built the most bridges")
still is. Similes that judge people are read only from the listed comparisons ("like vultures", "like
sheep"), with at most one word before the noun ("like hungry vultures", :func:`similes`); a new simile
("like ants in a jar") is not caught, nor is a sweeping quantifier outside the listed phrases ("nobody asked for",
"almost nobody").
"""

from __future__ import annotations

import bisect
import functools
import os
import re
from pathlib import Path

from .. import lexicon
from .._record import FrozenRecord
from ..errors import LexiconError
from ..segment import normalize
from ..spans import Span

LAYER = "loaded"

#: The environment variable naming a folder of instructor word lists.
ENV = "MEDIAKIT_LEXICONS"

#: The labels this lens gives (its categories).
CATEGORIES = (
    "label",
    "loaded_adjective",
    "loaded_adverb",
    "loaded_verb",
    "dramatic_framing",
    "scare_quote",
    "superlative",
    "hyperbole",
    "loaded_noun",
    "spelling",
    "contested_naming",
)
#: Categories that give a choice, not a verdict: not counted as loaded words in precision-type figures.
NO_VERDICT = ("contested_naming",)

MATCH_KINDS = ("word", "verb", "noun", "superlative", "quote", "suffix")
#: Values of the optional ``span`` column: the matched words only, or the labelled phrase after them.
SPAN_KINDS = ("", "word", "phrase")

_SCARE_DEFAULT = (
    "Quotation marks around a word with no speaker (scare quotes) keep the writer at a "
    "distance from the word: they hint that it is someone else's term, or not to be taken "
    "at face value, without saying who uses it or why.",
    'Say whose word it is ("what [the source] calls ..."), or use the word without the marks.',
)

_VOWELS = set("aeiou")
_AUX = frozenset("has have had having is are was were be been being got get gets".split())
DETERMINERS = frozenset("the its his her their our my your whose".split())
_WORD_AT = re.compile(r"[ \t]*(?:\r?\n[ \t]*)?([^\W_][\w'-]*)")
_SENTENCE_START = re.compile(r"(?:^|[.!?:\n][\"'\s)\]]*|^[\"'\s]*)$")


# ---------------------------------------------------------------------------
# word lists
# ---------------------------------------------------------------------------


def lexicon_folder() -> str | None:
    """The instructor's word-list folder from ``MEDIAKIT_LEXICONS``, or ``None``."""
    folder = os.environ.get(ENV, "").strip()
    if folder and not Path(folder).is_dir():
        raise LexiconError(
            f"{ENV} is set to {folder!r}, which is not a folder. Point it at the folder that holds "
            "your copies of the word lists (e.g. loaded.csv), or unset it."
        )
    return folder or None


def list_names(prefix: str, main: str, folder: str | None = None) -> tuple[str, ...]:
    """The names of the lists to read: ``main`` and every ``<prefix>_*.csv``, in name order."""
    names = {main}
    for place in (lexicon.lexicon_dir(), Path(folder) if folder else None):
        if place and place.is_dir():
            names.update(p.stem for p in place.glob(f"{prefix}_*.csv"))
    return tuple(sorted(names, key=lambda n: (n != main, n)))


def read_list(name: str, folder: str | None = None, required=("term", "category", "explanation")) -> tuple[dict, ...]:
    """The rows of list ``name``: from ``folder`` if it holds the file, else from the package."""
    if folder and (Path(folder) / f"{name}.csv").is_file():
        rows = lexicon.load(name, str(folder))
        where = Path(folder) / f"{name}.csv"
    else:
        rows = lexicon.load(name)
        where = lexicon.lexicon_dir() / f"{name}.csv"
    if name not in lexicon.REQUIRED and rows:
        missing = [c for c in required if c not in rows[0]]
        if missing:
            raise LexiconError(f"{where}: the header row lacks the column(s) {', '.join(missing)}.")
        for n, row in enumerate(rows, start=2):
            empty = [c for c in required if not row.get(c)]
            if empty:
                raise LexiconError(
                    f"{where}: a row (term {row.get('term', '')!r}) has the cell(s) {', '.join(empty)} empty."
                )
    return rows


def reload() -> None:
    """Forget every word list read so far (after an instructor edits one in a running notebook)."""
    lexicon.load.cache_clear()
    compile_lists.cache_clear()
    actor_matcher.cache_clear()
    shared.cache_clear()


# ---------------------------------------------------------------------------
# inflection
# ---------------------------------------------------------------------------


def _one_syllable_cvc(w: str) -> bool:
    groups = re.findall(r"[aeiou]+", w)
    return (
        len(groups) == 1
        and len(w) >= 3
        and w[-1] not in _VOWELS
        and w[-1] not in "wxy"
        and w[-2] in _VOWELS
        and w[-3] not in _VOWELS
    )


def verb_forms(w: str) -> dict[str, str]:
    """Regular forms of the verb ``w``: ``{"base", "s", "ed", "ing"}``.

    >>> verb_forms("seize")["ing"], verb_forms("slam")["ed"], verb_forms("boast")["s"], verb_forms("bully")["ed"]
    ('seizing', 'slammed', 'boasts', 'bullied')
    """
    if w.endswith(("s", "x", "z", "ch", "sh")):
        s = w + "es"
    elif w.endswith("y") and len(w) > 1 and w[-2] not in _VOWELS:
        s = w[:-1] + "ies"
    else:
        s = w + "s"
    if w.endswith("ie"):
        ed, ing = w + "d", w[:-2] + "ying"
    elif w.endswith("e"):
        ed, ing = w + "d", (w + "ing" if w.endswith(("ee", "ye", "oe")) else w[:-1] + "ing")
    elif w.endswith("y") and len(w) > 1 and w[-2] not in _VOWELS:
        ed, ing = w[:-1] + "ied", w + "ing"
    elif _one_syllable_cvc(w):
        ed, ing = w + w[-1] + "ed", w + w[-1] + "ing"
    else:
        ed, ing = w + "ed", w + "ing"
    return {"base": w, "s": s, "ed": ed, "ing": ing}


def plural(w: str) -> str:
    """The regular plural of ``w``: dictator -> dictators, atrocity -> atrocities."""
    if w.endswith(("s", "x", "z", "ch", "sh")):
        return w + "es"
    if w.endswith("y") and len(w) > 1 and w[-2] not in _VOWELS:
        return w[:-1] + "ies"
    return w + "s"


# ---------------------------------------------------------------------------
# compiled lists
# ---------------------------------------------------------------------------


class Term(FrozenRecord):
    """One row of a word list, ready for matching."""

    term: str
    category: str
    explanation: str
    alternative: str = ""
    match: str = "word"
    kind: str = ""
    unless_prev: frozenset = frozenset()
    unless_next: frozenset = frozenset()
    only_next: frozenset = frozenset()
    case: str = ""
    variants: int = 1
    origin: str = ""
    phrase: bool = False
    context: tuple = ()
    topics: frozenset = frozenset()

    def __init__(
        self,
        term: str,
        category: str,
        explanation: str,
        alternative: str = "",
        match: str = "word",
        kind: str = "",
        unless_prev: frozenset = frozenset(),
        unless_next: frozenset = frozenset(),
        only_next: frozenset = frozenset(),
        case: str = "",
        variants: int = 1,
        origin: str = "",
        phrase: bool = False,
        context: tuple = (),
        topics: frozenset = frozenset(),
    ) -> None:
        self.__dict__.update(
            term=term,
            category=category,
            explanation=explanation,
            alternative=alternative,
            match=match,
            kind=kind,
            unless_prev=unless_prev,
            unless_next=unless_next,
            only_next=only_next,
            case=case,
            variants=variants,
            origin=origin,
            phrase=phrase,
            context=context,
            topics=topics,
        )


class Form(FrozenRecord):
    """One concrete form of a term: which variant, which inflection, and whether a word follows."""

    term: Term
    tag: str  # "" | "base" | "s" | "ed" | "ing" | "plural"
    variant: int
    wildcard: bool  # the term ends in "*": one more word follows

    def __init__(self, term: Term, tag: str, variant: int, wildcard: bool) -> None:
        d = self.__dict__
        d["term"] = term
        d["tag"] = tag
        d["variant"] = variant
        d["wildcard"] = wildcard


class Hit(FrozenRecord):
    """A match of a word list in a text."""

    start: int
    end: int
    term: Term
    alternative: str
    tag: str = ""

    def __init__(self, start: int, end: int, term: Term, alternative: str, tag: str = "") -> None:
        d = self.__dict__
        d["start"] = start
        d["end"] = end
        d["term"] = term
        d["alternative"] = alternative
        d["tag"] = tag


def _words_of(s: str) -> list[str]:
    return normalize(s).split()


_SPACE = re.compile(r"\s+")


def _prefixes(s: int, matched: str) -> list[tuple[str, int]]:
    """The word-prefixes of a match at ``s``, longest first, as ``(key, end)``.

    >>> _prefixes(10, "most  compelling")
    [('most compelling', 26), ('most', 14)]
    """
    if " " not in matched and "\t" not in matched and "\n" not in matched:
        return [(matched, s + len(matched))]
    words, ends = [], []
    pos = 0
    for gap in _SPACE.finditer(matched):
        words.append(matched[pos : gap.start()])
        ends.append(s + gap.start())
        pos = gap.end()
    words.append(matched[pos:])
    ends.append(s + len(matched))
    return [(" ".join(words[:k]), ends[k - 1]) for k in range(len(words), 0, -1)]


def trie_pattern(forms) -> str:
    """A regular expression (without anchors) matching exactly the strings ``forms``; a space matches any spaces.

    >>> import re; bool(re.fullmatch(trie_pattern(["no one", "nobody"]), "no  one"))
    True
    """
    trie: dict = {}
    for f in forms:
        node = trie
        for ch in f:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node) -> str:
        end = "" in node
        keys = sorted(k for k in node if k)
        if not keys:
            return ""
        parts = []
        for k in keys:
            head = r"(?:[ \t]+|[ \t]*\r?\n[ \t]*)" if k == " " else re.escape(k)
            parts.append(head + emit(node[k]))
        body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
        return f"(?:{body})?" if end else body

    return emit(trie)


def _is_word(ch: str) -> bool:
    """Whether ``ch`` is a word character (what ``\\w`` matches in a regular expression)."""
    return ch.isalnum() or ch == "_"


_RUN = re.compile(r"\w+")
#: The space between two words of a phrase: spaces and tabs, with at most one line break.
_GAP = re.compile(r"[ \t]*(?:\r?\n)?[ \t]*")
#: A gap, then the run of word characters of the next word (group 1): the gap is _GAP's match there.
_GAP_RUN = re.compile(r"[ \t]*(?:\r?\n)?[ \t]*(?=(\w+))")


class _Node:
    __slots__ = ("key", "runs", "odd", "kids")

    def __init__(self):
        self.key = False  # a form ends here
        self.runs = None  # {first run of word characters of a next word: [(word, node)]}, or None
        self.odd = None  # [(word, node)] for next words that start with another character, or None
        self.kids = None  # {next word: node}, or None


class WordTrie:
    """Forms (words joined by single spaces) as a trie of words, matched where a word starts.

    It finds what ``\\b(?:form|form|...)(?!\\w)`` would (the longest form at a place, a space
    between words matching any spaces and tabs with at most one line break), but a dictionary
    of a few thousand words is built in milliseconds, where compiling that alternation takes
    a large part of a second.

    >>> t = WordTrie(["most", "most compelling", "the u.s."])
    >>> text = "the most" + chr(10) + " compelling. the u.s.-led, most-"
    >>> [text[k:t.longest(text, k)].split() for k in (4, 22, 36)]
    [['most', 'compelling'], ['the', 'u.s.'], ['most']]
    >>> t.longest("mostly", 0)
    -1
    """

    def __init__(self, forms):
        self.root = _Node()
        for form in forms:
            node = self.root
            for word in form.split(" "):
                if not word:
                    continue
                kids = node.kids
                if kids is None:
                    kids = node.kids = {}
                child = kids.get(word)
                if child is None:
                    child = kids[word] = _Node()
                    run = _RUN.match(word)
                    if run is None:
                        if node.odd is None:
                            node.odd = []
                        node.odd.append((word, child))
                    else:
                        if node.runs is None:
                            node.runs = {}
                        node.runs.setdefault(word if run.end() == len(word) else run.group(), []).append((word, child))
                node = child
            if node is not self.root:
                node.key = True
        self.root.runs = self.root.runs or {}

    def longest(self, norm: str, k: int, limit: int | None = None, first=None) -> int:
        """The end of the longest form that starts at ``k`` in ``norm[:limit]`` and ends before a
        non-word character (or at ``limit``); ``-1`` if none. ``first``: the words of the root
        that may start there, if the caller looked them up already."""
        limit = len(norm) if limit is None else limit
        return self._deeper([(self.root, k, first)], norm, limit, -1)

    @staticmethod
    def _deeper(stack: list, norm: str, limit: int, best: int) -> int:
        """:meth:`longest` from the places on ``stack`` (``(node, offset, words or None)``), at least ``best``."""
        while stack:
            node, q, words = stack.pop()
            if words is None:
                run = _RUN.match(norm, q, limit) if node.runs else None
                words = node.runs.get(run.group(), ()) if run else ()
            if node.odd:
                words = list(words) + node.odd
            for word, child in words:
                if not norm.startswith(word, q, limit):
                    continue
                e = q + len(word)
                if child.key and e > best and (e >= limit or not _is_word(norm[e])):
                    best = e
                if child.runs or child.odd:
                    g = _GAP.match(norm, e, limit).end()
                    if g > e:
                        stack.append((child, g, None))
        return best


class Matcher:
    """Every form of every term of some word lists, in a table ``form -> [Form]``.

    The lenses find where forms start through :func:`candidates` (a :class:`WordTrie` of
    all the shared lists); :meth:`scan` matches one list on its own with a regular
    expression (a character trie, compiled on first use), linear in the length of the text.
    """

    def __init__(self, terms: list[Term]):
        self.terms = tuple(terms)
        self.table: dict[str, list[Form]] = {}
        self.specials: list[Term] = []
        self._alts: dict = {}
        self.suffixes: dict[str, Term] = {}
        for t in terms:
            if t.match == "quote":
                self.specials.append(t)
                continue
            if t.match == "suffix":
                for v in t.term.split("|"):
                    v = normalize(v.strip())
                    if v.startswith("-") and len(v) > 1 and " " not in v:
                        self.suffixes.setdefault(v, t)
                continue
            variants = [v.strip() for v in t.term.split("|") if v.strip()]
            for i, v in enumerate(variants):
                words = _words_of(v)
                wildcard = bool(words) and words[-1] == "*"
                if wildcard:
                    words = words[:-1]
                if not words:
                    continue
                forms = [("", words)]
                if t.match == "verb":
                    vf = verb_forms(words[0])
                    forms = [(tag, [vf[tag]] + words[1:]) for tag in ("base", "s", "ed", "ing")]
                elif t.match == "noun":
                    forms = [("", words), ("plural", words[:-1] + [plural(words[-1])])]
                for tag, ws in forms:
                    key = " ".join(ws)
                    lst = self.table.setdefault(key, [])
                    if not any(f.term is t and f.tag == tag for f in lst):
                        lst.append(Form(t, tag, i, wildcard))
        self._regex = self._suffix_regex = self._words = None

    @property
    def words(self) -> WordTrie:
        """The forms of this list as a :class:`WordTrie` (built on first use: a few milliseconds)."""
        if self._words is None:
            self._words = WordTrie(self.table)
        return self._words

    @property
    def regex(self) -> re.Pattern:
        """Every form as one regular expression, for :meth:`scan` (compiled on first use only: a big
        alternation takes a large part of a second to compile; the lenses use :attr:`words` instead)."""
        if self._regex is None:
            pattern = trie_pattern(self.table) if self.table else r"(?!x)x"
            self._regex = re.compile(r"\b(?:" + pattern + r")(?!\w)")
        return self._regex

    @property
    def suffix_regex(self) -> re.Pattern | None:
        """The listed suffixes as one regular expression (``None`` if there are none), compiled on first use."""
        # A suffix ("-loving") is searched for as a literal, then the word it ends is read backwards.
        # (No look-behind: a pattern that starts with a literal lets the regex engine skip ahead fast.)
        if self._suffix_regex is None and self.suffixes:
            self._suffix_regex = re.compile(trie_pattern(self.suffixes) + r"(?![\w-])")
        return self._suffix_regex

    def scan_suffixes(self, text: str, norm: str, start: int = 0, end: int | None = None) -> list[Hit]:
        """The words that end in a listed suffix ("freedom-loving" for ``-loving``), left to right.

        >>> m = Matcher([Term("-loving", "label", "x", match="suffix")])
        >>> [(h.start, h.end) for h in m.scan_suffixes("A freedom-loving, fun-loving man. Loving.", "a freedom-loving, fun-loving man. loving.")]
        [(2, 16), (18, 28)]
        """
        if self.suffix_regex is None:
            return []
        end = len(text) if end is None else end
        out = []
        for m in self.suffix_regex.finditer(norm, start, end):
            k = m.start()
            if k == start or not (norm[k - 1].isalnum() or norm[k - 1] == "'"):
                continue
            while k > start and (norm[k - 1].isalnum() or norm[k - 1] in "'-"):
                k -= 1
            while k < m.start() and not norm[k].isalnum():
                k += 1
            if k >= m.start():
                continue
            t = self.suffixes[m.group()]
            if t.unless_prev and norm[k : m.start()].rsplit("-", 1)[-1] in t.unless_prev:
                continue  # for a suffix, unless_prev lists the words before it that cancel it ("toll-gate")
            out.append(Hit(k, m.end(), t, t.alternative))
        return out

    def special(self, category: str) -> Term | None:
        """The ``match = quote`` row of ``category`` (e.g. the scare-quote explanation), if any."""
        for t in self.specials:
            if t.category == category:
                return t
        return None

    def scan(self, text: str, norm: str | None = None, start: int = 0, end: int | None = None) -> list[Hit]:
        """Every match in ``text[start:end]``, left to right, never overlapping."""
        norm = normalize(text) if norm is None else norm
        end = len(text) if end is None else end
        cands = [(m.start(), _prefixes(m.start(), m.group())) for m in self.regex.finditer(norm, start, end)]
        return self.scan_candidates(cands, text, norm, start, end)

    def scan_candidates(self, cands, text: str, norm: str, start: int = 0, end: int | None = None) -> list[Hit]:
        """Like :meth:`scan`, from candidates found by one shared scan (see :func:`candidates`)."""
        end = len(text) if end is None else end
        out: list[Hit] = []
        last_end = start
        table = self.table
        first = bisect.bisect_left(cands, start, key=lambda c: c[0]) if start else 0
        for i in range(first, len(cands)):
            s, prefixes = cands[i]
            if s < last_end:
                continue
            if s >= end:
                break
            hit = None
            for key, e in prefixes:
                if e > end:
                    continue
                for form in table.get(key, ()):
                    hit = self._accept(form, text, norm, s, e, end)
                    if hit:
                        break
                if hit:
                    break
            if hit:
                out.append(hit)
                last_end = hit.end
        return out

    def _next_ok(self, only: frozenset, text: str, norm: str, nxt, limit: int) -> bool:
        """Whether the next word is one ``only_next`` allows: a listed word, ``@name`` (a capitalised
        word) or ``@loaded`` (the start of another term of this list)."""
        if not nxt:
            return False
        word = nxt.group(1)
        if word in only:
            return True
        if "@name" in only and text[nxt.start(1)].isupper():
            return True
        if "@loaded" in only:
            # A form of this list starts at the next word (as a whole word, within ``limit``).
            k = nxt.start(1)
            if k == 0 or not _is_word(norm[k - 1]):
                # a one-word form that is the whole run of word characters there: what the trie would
                # find first, without building it (a few milliseconds at a process's first markup)
                run = _RUN.match(norm, k, limit)
                if run is not None and run.group() in self.table:
                    return True
                if self.words.longest(norm, k, limit) >= 0:
                    return True
        return False

    def _accept(self, form: Form, text: str, norm: str, s: int, e: int, limit: int) -> Hit | None:
        t = form.term
        needs_prev = t.unless_prev or t.match == "superlative" or form.tag == "ed"
        prev = word_before(norm, s) if needs_prev else ""
        if t.unless_prev and (prev in t.unless_prev or (prev.endswith("'s") and prev[:-2] in t.unless_prev)):
            return None
        if t.unless_prev and any("_" in w for w in t.unless_prev) and _words_before_in(norm, s, t.unless_prev):
            return None  # a set phrase whose words before the term cancel it ("play the fool": play_the)
        if t.match == "superlative" and not (prev in DETERMINERS or prev.endswith(("'s", "s'"))):
            return None
        if form.wildcard or t.unless_next or t.only_next:
            nxt = _WORD_AT.match(norm, e, limit)
            next_word = nxt.group(1) if nxt else ""
            if form.wildcard:
                if not nxt or next_word in t.unless_next or next_word[0].isdigit():
                    return None
                e = nxt.end(1) - (2 if next_word.endswith("'s") else 0)
            elif t.unless_next and (
                next_word in t.unless_next
                or ("@name" in t.unless_next and nxt and text[nxt.start(1)].isupper())
                or _compound_next(norm, e, next_word) in t.unless_next
            ):
                return None
            if t.only_next and not self._next_ok(t.only_next, text, norm, nxt, limit):
                return None
        upper = text[s].isupper()
        if t.case == "lower" and upper:
            if not _SENTENCE_START.search(text, max(0, s - 6), s) and s != 0:
                return None
        key = (id(form), upper, prev in _AUX)
        alt = self._alts.get(key)
        if alt is None:
            alt = self._alts[key] = _alternative(t, form, text[s:e], prev)
        return Hit(s, e, t, alt, form.tag)


_HYPHEN_WORD = re.compile(r"-([^\W_][\w']*)")


def _compound_next(norm: str, e: int, next_word: str) -> str:
    """The next word as ``unless_next`` reads it in a compound or before a dash: "regime-change"
    (the word after the hyphen), "regime change--entered" (the word before the dash); ``""`` if none.

    >>> _compound_next("a regime-change plan", 8, ""), _compound_next("regime change-entered", 6, "change-entered")
    ('change', 'change')
    """
    if e < len(norm) and norm[e] == "-":
        m = _HYPHEN_WORD.match(norm, e)
        return m.group(1) if m else ""
    return next_word.split("-", 1)[0] if "-" in next_word else ""


#: A few irregular verbs that alternatives use: base -> (past, participle).
IRREGULAR = {
    "take": ("took", "taken"),
    "say": ("said", "said"),
    "make": ("made", "made"),
    "give": ("gave", "given"),
    "hold": ("held", "held"),
    "break": ("broke", "broken"),
    "speak": ("spoke", "spoken"),
    "go": ("went", "gone"),
    "get": ("got", "got"),
    "put": ("put", "put"),
    "keep": ("kept", "kept"),
    "bring": ("brought", "brought"),
    "run": ("ran", "run"),
    "win": ("won", "won"),
    "fight": ("fought", "fought"),
    "lead": ("led", "led"),
    "drive": ("drove", "driven"),
    "begin": ("began", "begun"),
    "set": ("set", "set"),
    "tell": ("told", "told"),
    "leave": ("left", "left"),
    "show": ("showed", "shown"),
    "seek": ("sought", "sought"),
    "hit": ("hit", "hit"),
    "cut": ("cut", "cut"),
    "steal": ("stole", "stolen"),
    "teach": ("taught", "taught"),
    "mislead": ("misled", "misled"),
    "spread": ("spread", "spread"),
    "find": ("found", "found"),
    "lose": ("lost", "lost"),
    "send": ("sent", "sent"),
    "spend": ("spent", "spent"),
    "pay": ("paid", "paid"),
    "sell": ("sold", "sold"),
    "buy": ("bought", "bought"),
}

#: First words of an alternative that is an instruction ("name the person ...", "say what ..."): never inflected.
INSTRUCTIONS = frozenset("name say describe quote give report explain leave drop use call".split())
#: Nouns an alternative keeps in the singular when the loaded word is plural (mass nouns).
MASS_NOUNS = frozenset(
    """
violence messaging media rhetoric control disorder hostility anger segregation discrimination rule
information evidence news advice damage harm concern criticism opposition support pressure force
""".split()
)


def word_before(norm: str, s: int) -> str:
    """The word that ends right before offset ``s`` (spaces and one line break between), or ``""``.

    >>> word_before("ukraine's most", 10)
    "ukraine's"
    """
    j = s
    while j > 0 and norm[j - 1] in " \t":
        j -= 1
    if j > 0 and norm[j - 1] == "\n":
        j -= 1
        if j > 0 and norm[j - 1] == "\r":
            j -= 1
        while j > 0 and norm[j - 1] in " \t":
            j -= 1
    k = j
    while k > 0 and (norm[k - 1].isalnum() or norm[k - 1] in "'-_"):
        k -= 1
    return norm[k:j].strip("'-")


def words_before(norm: str, s: int, n: int) -> list[str]:
    """The ``n`` words that end right before offset ``s`` (fewer at the start of the text), in order.

    >>> words_before("they play the fool", 14, 2)
    ['play', 'the']
    """
    out: list[str] = []
    while len(out) < n:
        w = word_before(norm, s)
        if not w:
            break
        out.append(w)
        s = norm.rfind(w, 0, s)
        if s < 0:
            break
    return out[::-1]


def _words_before_in(norm: str, s: int, entries: frozenset) -> bool:
    """Whether an ``unless_prev`` entry of several words joined by ``_`` ("play_the") stands right
    before offset ``s`` (the exception reads as many words back as the entry has)."""
    for entry in entries:
        if "_" not in entry:
            continue
        words = entry.split("_")
        if words_before(norm, s, len(words)) == words:
            return True
    return False


def _inflect_regular(alt: str, tag: str, participle: bool = False) -> str:
    """Inflect the first word (verbs) or the last word before any "(...)" note (plurals) of ``alt``.

    >>> _inflect_regular("leader (or the office held)", "plural"), _inflect_regular("take control of", "ed", True)
    ('leaders (or the office held)', 'taken control of')
    """
    alt, sep, note = alt.partition(" (")
    return _inflect_words(alt, tag, participle) + sep + note


def _inflect_words(alt: str, tag: str, participle: bool) -> str:
    """Inflect one wording; an instruction, a word already inflected or a mass noun stays as it is.

    >>> _inflect_words("dismissals", "plural", False), _inflect_words("name them and say what they did", "plural", False)
    ('dismissals', 'name them and say what they did')
    >>> _inflect_words("deaths and injuries", "plural", False), _inflect_words("violence", "plural", False)
    ('deaths and injuries', 'violence')
    >>> _inflect_words("failure", "plural", False), _inflect_words("non-believer", "plural", False), _inflect_words("spend", "ed", False)
    ('failures', 'non-believers', 'spent')
    """
    words = alt.split(" ")
    if not words or words[0] in INSTRUCTIONS:
        return alt
    if tag == "plural":
        last = words[-1]
        if (
            not last.replace("-", "").isalpha()
            or last in MASS_NOUNS
            or len(words) > 3
            or (last.endswith("s") and not last.endswith("ss"))
        ):
            return alt
        words[-1] = plural(last)
        return " ".join(words)
    if tag in ("s", "ed", "ing") and words and words[0].isalpha() and words[0].islower():
        if tag == "ed" and words[0] in IRREGULAR:
            words[0] = IRREGULAR[words[0]][1 if participle else 0]
        else:
            words[0] = verb_forms(words[0])[tag]
    return " ".join(words)


def _alternative(t: Term, form: Form, matched: str, prev: str) -> str:
    alt = t.alternative
    if not alt:
        return ""
    parts = [p.strip() for p in alt.split("|")]
    if len(parts) > 1 and len(parts) == t.variants:
        choice = parts[form.variant]
    elif len(parts) == 5 and t.match == "verb":
        idx = {"base": 0, "s": 1, "ed": 2 if prev not in _AUX else 3, "ing": 4}.get(form.tag, 0)
        choice = parts[idx]
    elif len(parts) == 1:
        choice = " / ".join(_inflect_regular(o.strip(), form.tag, prev in _AUX) for o in alt.split(" / "))
    else:
        choice = parts[0]
    if matched[:1].isupper() and choice[:1].islower():
        choice = choice[0].upper() + choice[1:]
    return choice


_EMPTY: frozenset = frozenset()


def _set(cell: str) -> frozenset:
    return frozenset(normalize(cell).split()) if cell else _EMPTY


def terms_from_rows(rows, origin: str, categories=None) -> list[Term]:
    """Turn word-list rows into :class:`Term` records, checking ``match`` and ``category``."""
    out = []
    for n, row in enumerate(rows, start=2):
        match = (row.get("match") or "word").strip().lower()
        if match not in MATCH_KINDS:
            raise LexiconError(
                f"{origin}: the term {row['term']!r} has match {match!r}; use one of {', '.join(MATCH_KINDS)}."
            )
        cat = row["category"].strip()
        span = (row.get("span") or "").strip().lower()
        if span not in SPAN_KINDS:
            raise LexiconError(
                f"{origin}: the term {row['term']!r} has span {span!r}; use {' or '.join(k for k in SPAN_KINDS if k)} "
                "(or leave it empty)."
            )
        if categories is not None and cat not in categories:
            raise LexiconError(
                f"{origin}: the term {row['term']!r} has category {cat!r}; use one of {', '.join(categories)}."
            )
        out.append(
            Term(
                term=row["term"],
                category=cat,
                explanation=row["explanation"],
                alternative=row.get("alternative", "") or "",
                match=match,
                kind=(row.get("kind") or "").strip(),
                unless_prev=_set(row.get("unless_prev", "") or ""),
                unless_next=_set(row.get("unless_next", "") or ""),
                only_next=frozenset((row.get("only_next") or "").lower().split()),
                case=(row.get("case") or "").strip().lower(),
                variants=len([v for v in row["term"].split("|") if v.strip()]),
                origin=origin,
                phrase=span == "phrase",
                context=tuple(normalize(c.strip()) for c in (row.get("context") or "").split("|") if c.strip()),
                topics=frozenset((row.get("unless_topic") or "").lower().split()),
            )
        )
    return out


_TERM_FIELDS = Term._fields


def _digest(value) -> bytes:
    """A digest of plain data (the rows of some lists), for a cache key."""
    import marshal

    data = marshal.dumps(value, 0)  # version 0: the same bytes for the same values, whatever their sharing
    try:
        from _blake2 import blake2b  # the built-in module: importing hashlib costs a few milliseconds
    except ImportError:  # pragma: no cover - a Python built without it
        from hashlib import blake2b
    return blake2b(data).digest()


def _plain(m: Matcher) -> tuple:
    """``m`` as plain data (for :func:`mediakit.cache.memo`): terms as field tuples, forms by term index."""
    index = {id(t): i for i, t in enumerate(m.terms)}
    return (
        [tuple(getattr(t, f) for f in _TERM_FIELDS) for t in m.terms],
        {k: [(index[id(f.term)], f.tag, f.variant, f.wildcard) for f in forms] for k, forms in m.table.items()},
        [index[id(t)] for t in m.specials],
        {v: index[id(t)] for v, t in m.suffixes.items()},
    )


def _from_plain(data) -> Matcher:
    """The :class:`Matcher` that :func:`_plain` describes (the same terms, forms and tables)."""
    fields, table, specials, suffixes = data
    new, fill = object.__new__, zip
    terms = []
    for values in fields:
        t = new(Term)  # the frozen dataclass's __init__ sets each field in turn: slow for a thousand terms
        t.__dict__.update(fill(_TERM_FIELDS, values))
        terms.append(t)
    m = new(Matcher)
    m.terms = tuple(terms)
    m.table = {}
    for k, forms in table.items():
        out = m.table[k] = []
        for i, tag, variant, wildcard in forms:
            f = new(Form)
            f.__dict__.update(term=terms[i], tag=tag, variant=variant, wildcard=wildcard)
            out.append(f)
    m.specials = [terms[i] for i in specials]
    m._alts = {}
    m.suffixes = {v: terms[i] for v, i in suffixes.items()}
    m._regex = m._suffix_regex = m._words = None
    return m


def _cached_matcher(kind: str, sources: list, build) -> Matcher:
    """``build()`` (a :class:`Matcher`), kept as plain data in the command line's cache file under the
    digest of ``sources`` (the lists' names and rows): see :func:`mediakit.cache.memo`."""
    from ..cache import memo

    key = (kind, 1, _digest(sources))
    return _from_plain(memo(key, lambda: _plain(build())))


def _read_lists(names, folder: str | None, required) -> list:
    return [(name, read_list(name, folder, required)) for name in names]


def _texts_key(kind: str, names, folder: str | None, extra) -> tuple | None:
    """When a cache is running (:mod:`mediakit.cache`): a memo key made of a digest of the lists'
    texts (the files :func:`read_list` would read) and ``extra``, so that a warm start reads neither
    the lists nor their rows; ``None`` otherwise, or when a list cannot be read (its rows are then
    read as before, with their messages)."""
    from .. import cache

    if cache._ACTIVE is None:
        return None
    parts = []
    for name in names:
        path = Path(folder) / f"{name}.csv" if folder else None
        if path is None or not path.is_file():
            path = lexicon.lexicon_dir() / f"{name}.csv"
        try:
            raw = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None
        parts.append((name, cache.text_digest(raw)))
    return (kind, 2, _digest([extra, parts]))


@functools.cache
def compile_lists(prefix: str, main: str, folder: str | None, categories: tuple | None) -> Matcher:
    """The :class:`Matcher` for list ``main`` and every ``<prefix>_*.csv`` (cached)."""
    names = list_names(prefix, main, folder)
    required = ("term", "category", "explanation")

    def build(sources) -> Matcher:
        terms: list[Term] = []
        for name, rows in sources:
            terms.extend(terms_from_rows(rows, f"{name}.csv", categories))
        return Matcher(terms)

    key = _texts_key("loaded-table", names, folder, [categories, required])
    if key is not None:  # the rows are read only when the table is built
        from ..cache import memo

        return _from_plain(memo(key, lambda: _plain(build(_read_lists(names, folder, required)))))
    sources = _read_lists(names, folder, required)
    return _cached_matcher("loaded-table", [categories, sources], lambda: build(sources))


def matcher(folder: str | None = None) -> Matcher:
    """The compiled loaded-language lists (``loaded.csv`` and ``loaded_*.csv``)."""
    return compile_lists("loaded", "loaded", folder if folder is not None else lexicon_folder(), CATEGORIES)


#: The word lists that share one scan of the text: name -> (prefix, main list, categories).
SHARED_LISTS = {
    "loaded": ("loaded", "loaded", CATEGORIES),
    "hedge": ("hedge", "hedges", ("hedge", "certainty")),
    "claim_judgement": ("claim_judgement", "claim_judgement_words", None),
}


@functools.cache
def actor_matcher(folder: str | None) -> Matcher:
    """The collective subjects of ``claim_actors.csv`` (and ``claim_actors_*.csv``), as a :class:`Matcher`."""
    names = list_names("claim_actors", "claim_actors", folder)
    required = ("term", "category")

    def build(sources) -> Matcher:
        terms = []
        for name, rows in sources:
            for row in rows:
                terms.append(
                    Term(
                        term=row["term"],
                        category=row["category"],
                        explanation=row.get("note", ""),
                        origin=f"{name}.csv",
                    )
                )
        return Matcher(terms)

    key = _texts_key("actor-table", names, folder, [required])
    if key is not None:  # the rows are read only when the table is built
        from ..cache import memo

        return _from_plain(memo(key, lambda: _plain(build(_read_lists(names, folder, required)))))
    sources = _read_lists(names, folder, required)
    return _cached_matcher("actor-table", sources, lambda: build(sources))


@functools.cache
def shared(folder: str | None) -> tuple[SharedIndex, dict]:
    """An index of every form of every shared list (:class:`SharedIndex`), and the lists' matchers.

    The three word lenses read the text once through it (see :func:`candidates`).
    """
    lists = {name: compile_lists(*spec[:2], folder, spec[2]) for name, spec in SHARED_LISTS.items()}
    lists["claim_actor"] = actor_matcher(folder)
    keys = set()
    for m in lists.values():
        keys.update(m.table)
    return SharedIndex(keys), lists


#: From this many characters on, :class:`SharedIndex` compiles one regular expression of all the
#: forms and scans the text with it: compiling costs about a quarter of a second, once per process,
#: which pays off only on long texts (the word-by-word look-up costs about that much per megabyte).
REGEX_MIN_CHARS = 250_000


class SharedIndex:
    """Where any of a set of forms starts in a text (see :func:`candidates`).

    A form matches at the start of a word (after a non-word character or at offset 0) and
    ends before a non-word character; at each place the longest form counts. A text shorter
    than :data:`REGEX_MIN_CHARS` is read word by word, each word looked up in a
    :class:`WordTrie` (built in milliseconds); a longer one is scanned by one regular
    expression of all the forms, compiled on first use (both ways find the same places).
    Forms that start with a non-word character (none in the shipped lists) always go
    through a small regular expression.
    """

    def __init__(self, keys):
        self.keys = frozenset(keys)
        self.trie = WordTrie(sorted(k for k in self.keys if _RUN.match(k)))
        odd = sorted(k for k in self.keys if not _RUN.match(k))
        self.odd_regex = re.compile(r"[^\w](?=(" + trie_pattern(odd) + r")(?!\w))") if odd else None
        self._regex = None

    @property
    def regex(self) -> re.Pattern:
        """One regular expression for every form (compiled on first use)."""
        if self._regex is None:
            pattern = trie_pattern(self.keys) if self.keys else r"(?!x)x"
            # Starting on a non-word character lets the regex engine skip quickly to word starts.
            self._regex = re.compile(r"[^\w](?=(" + pattern + r")(?!\w))")
        return self._regex

    @staticmethod
    def _scan(regex: re.Pattern, norm: str) -> list[tuple[int, list[tuple[str, int]]]]:
        # The text is read with a space in front, so that a form at offset 0 is found too.
        first = regex.match(" " + norm[:200])
        out = [(0, _prefixes(0, first.group(1)))] if first else []
        out += [(m.start(1), _prefixes(m.start(1), m.group(1))) for m in regex.finditer(norm)]
        return out

    def find(self, norm: str, min_regex: int | None = None) -> list[tuple[int, list[tuple[str, int]]]]:
        """``(start, [(key, end), ...])`` for every place a form starts in ``norm``, in text order."""
        if len(norm) >= (REGEX_MIN_CHARS if min_regex is None else min_regex):
            return self._scan(self.regex, norm)
        trie = self.trie
        runs = trie.root.runs
        plain = not trie.root.odd
        n = len(norm)
        out = []
        for m in _RUN.finditer(norm):
            words = runs.get(m.group())
            if words is None:
                continue
            k = m.start()
            if k and plain and len(words) == 1 and len(words[0][0]) == m.end() - k:
                # The common case, as WordTrie.longest would find it (speed only): one first word, the
                # whole run of word characters, so it ends before a non-word character.
                child = words[0][1]
                e = m.end() if child.key else -1
                if child.odd:
                    g = _GAP.match(norm, m.end(), n).end()
                    if g > m.end():
                        e = WordTrie._deeper([(child, g, None)], norm, n, e)
                elif child.runs:
                    # the next word's run, after a gap that is not empty
                    r = _GAP_RUN.match(norm, m.end(), n)
                    if r is not None and r.end() > m.end():
                        nxt = child.runs.get(r.group(1))
                        if nxt is not None:
                            e = WordTrie._deeper([(child, r.end(), nxt)], norm, n, e)
            else:
                # At offset 0 only the first 200 characters are read (as in :meth:`_scan`).
                e = trie.longest(norm, k, n if k else min(n, 200), words)
            if e >= 0:
                out.append((k, _prefixes(k, norm[k:e])))
        if self.odd_regex is not None:
            out += self._scan(self.odd_regex, norm)
            out.sort(key=lambda c: c[0])
        return out


def candidates(article, folder: str | None = None) -> list[tuple[int, list[tuple[str, int]]]]:
    """Where any shared list's term may start: ``(start, [(key, end), ...])``, in text order (cached).

    Each position carries the longest form found there and its shorter word-prefixes, so each
    list can pick its own longest match.
    """
    folder = folder if folder is not None else lexicon_folder()
    cache = getattr(article, "_cache", None)
    key = ("mediakit.candidates", folder)
    if cache is not None and key in cache:
        return cache[key]
    index, _ = shared(folder)
    out = index.find(normalized(article))
    if cache is not None:
        cache[key] = out
    return out


def scan_article(article, name: str, start: int = 0, end: int | None = None, cands=None) -> list[Hit]:
    """The hits of shared list ``name`` in ``article`` (or in ``[start, end)`` of it)."""
    folder = lexicon_folder()
    _, lists = shared(folder)
    cands = candidates(article, folder) if cands is None else cands
    m = lists[name]
    hits = m.scan_candidates(cands, article.text, normalized(article), start, end)
    if m.suffix_regex is not None:
        hits = merge_hits(hits, m.scan_suffixes(article.text, normalized(article), start, end))
    return hits


def merge_hits(a: list[Hit], b: list[Hit]) -> list[Hit]:
    """Two lists of non-overlapping hits as one, in text order; where two overlap, the longer wins.

    >>> h = lambda s, e: Hit(s, e, None, "")
    >>> [(x.start, x.end) for x in merge_hits([h(0, 3), h(10, 14)], [h(2, 8), h(20, 25)])]
    [(2, 8), (10, 14), (20, 25)]
    """
    if not b:
        return a
    out: list[Hit] = []
    for hit in sorted(a + b, key=lambda x: (x.start, -(x.end - x.start))):
        if out and hit.start < out[-1].end:
            if hit.end - hit.start > out[-1].end - out[-1].start:
                out[-1] = hit
            continue
        out.append(hit)
    return out


# ---------------------------------------------------------------------------
# voice
# ---------------------------------------------------------------------------


class Regions:
    """Stretches of text (possibly nested), answering "is [s, e) inside one of them?" by bisection."""

    def __init__(self, pairs):
        pairs = sorted((int(a), int(b)) for a, b in pairs if a is not None and b is not None and a < b)
        self.starts = [a for a, _ in pairs]
        self.max_end = []
        m = -1
        for _, b in pairs:
            m = max(m, b)
            self.max_end.append(m)

    def covers(self, s: int, e: int) -> bool:
        i = bisect.bisect_right(self.starts, s) - 1
        return i >= 0 and self.max_end[i] >= e

    def __bool__(self) -> bool:
        return bool(self.starts)


def _pair(value):
    if value is None:
        return None
    try:
        a, b = value
        return int(a), int(b)
    except (TypeError, ValueError):
        return None


class Voices:
    """Who speaks at each place of the text: ``speaker``, ``paraphrase`` or ``writer``.

    Built from the ``quote`` spans (label ``direct``: their ``content``) and the
    ``attribution_cue`` spans (their ``content``; ``quoted`` content is speech too).
    """

    def __init__(self, found):
        speech, reported = [], []
        for q in found.get("quote", ()) if found else ():
            if q.label == "direct":
                speech.append(_pair(q.get("content")) or (q.start, q.end))
        for c in found.get("attribution_cue", ()) if found else ():
            content = _pair(c.get("content"))
            if content:
                (speech if c.get("quoted") else reported).append(content)
        self.speech = Regions(p for p in speech if p)
        self.reported = Regions(reported)

    def at(self, s: int, e: int) -> str:
        if self.speech.covers(s, e):
            return "speaker"
        if self.reported.covers(s, e):
            return "paraphrase"
        return "writer"


def _name(text: str, value) -> str:
    """A speaker or source given as an offset pair or as a string, as text ("" if none)."""
    pair = _pair(value) if not isinstance(value, str) else None
    if pair:
        a, b = pair
        return " ".join(text[max(0, a) : max(0, b)].split()) if 0 <= a < b <= len(text) else ""
    return " ".join(value.split()) if isinstance(value, str) else ""


#: Factive cues: the writer presents what they introduce as fact ("confirmed", "admitted").
_FACTIVE_LEMMAS = frozenset("confirm acknowledge admit reveal".split())
_NP_START = re.compile(r"(?:the|a|an|his|her|its|their|this|these|those)\s", re.IGNORECASE)
_FINITE_IN_NP = re.compile(
    r"\b(?:that|is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|do|does|did)\b",
    re.IGNORECASE,
)


def _factive_object(text: str, c, where) -> bool:
    """Whether a cue's content is the noun-phrase object of a factive verb ("indirectly confirmed the
    invasion of ..."): the words naming what was confirmed are the writer's, who vouches for the fact, and
    not the source's paraphrase. A clause after the verb ("confirmed the plan was dropped") stays reported.

    >>> t = "He confirmed the invasion of the region. He confirmed the plan was dropped."
    >>> from mediakit.spans import Span
    >>> c = Span("attribution_cue", "loaded", 3, 12, "confirmed", "", "", (("lemma", "confirm"),))
    >>> _factive_object(t, c, (13, 39)), _factive_object(t, c, (53, 74))
    (True, False)
    """
    if c.get("quoted") or c.get("lemma") not in _FACTIVE_LEMMAS:
        return False
    content = text[where[0] : where[1]]
    return bool(_NP_START.match(content)) and not _FINITE_IN_NP.search(content)


class Speakers:
    """Whose words stand at each place of the text: the stretches of quoted and reported speech with their speakers.

    Built from the quote spans (``direct`` and ``partial`` quotes: their ``content`` and ``speaker``) and
    the ``attribution_cue`` spans (their ``content`` and ``source``); every meta value is read
    defensively (an offset pair or a string, or missing).

    >>> from mediakit.spans import Span
    >>> t = 'Smith said the plan was "a disaster". Jones warned that it was reckless.'
    >>> q = Span("quote", "direct", 24, 37, t[24:37], "", "", (("content", (25, 36)), ("speaker", (0, 5))))
    >>> c = Span("attribution_cue", "neutral", 44, 50, "warned", "", "", (("content", (56, 71)), ("source", (38, 43))))
    >>> sp = Speakers(t, {"quote": (q,), "attribution_cue": (c,)})
    >>> sp.at(27, 35), sp.at(62, 70), sp.at(0, 5)
    (('direct', 'Smith'), ('reported', 'Jones'), ('', ''))
    """

    def __init__(self, text: str, found):
        rows = []
        for q in found.get("quote", ()) if found else ():
            if q.label in ("direct", "partial"):
                where = _pair(q.get("content")) or (q.start, q.end)
                rows.append((where[0], where[1], "direct", _name(text, q.get("speaker"))))
        for c in found.get("attribution_cue", ()) if found else ():
            where = _pair(c.get("content"))
            if where and _factive_object(text, c, where):
                continue  # "confirmed the invasion": the naming of the confirmed fact is the writer's
            if where:
                rows.append(
                    (where[0], where[1], "direct" if c.get("quoted") else "reported", _name(text, c.get("source")))
                )
        rows.sort(key=lambda r: (r[0], -r[1]))
        self.rows = rows
        self.starts = [r[0] for r in rows]

    def add(self, rows) -> None:
        """Add stretches ``(start, end, kind, speaker)`` of quoted speech (each inserted in place:
        logarithmic search, no re-sort)."""
        for r in rows:
            i = bisect.bisect_left(self.starts, r[0])
            while i < len(self.rows) and self.rows[i][0] == r[0] and self.rows[i][1] > r[1]:
                i += 1
            self.rows.insert(i, r)
            self.starts.insert(i, r[0])

    def at(self, s: int, e: int) -> tuple[str, str]:
        """``(kind, speaker)`` of the innermost stretch holding ``[s, e)``: kind ``direct`` / ``reported``
        (``("", "")`` in the writer's own voice); a direct quote wins over reported speech, and a
        named speaker over an unnamed one."""
        i = bisect.bisect_right(self.starts, s) - 1
        best = None
        steps = 0
        while i >= 0 and steps < 64:
            a, b, kind, name = self.rows[i]
            if a <= s and e <= b:
                rank = (kind == "direct", bool(name), -(b - a))
                if best is None or rank > best[0]:
                    best = (rank, kind, name)
            i -= 1
            steps += 1
        return (best[1], best[2]) if best else ("", "")


def whose(kind: str, speaker: str) -> str:
    """The sentence that says whose word a quoted judgement is (put before its explanation).

    >>> whose("direct", "Nikolai Beleskov")
    "In Beleskov's words (a direct quote): the judgement is the speaker's, not the writer's. "
    >>> whose("reported", "Kyiv and many of its European allies")
    "In what the text reports of Kyiv and many of its European allies: the view is theirs as reported, in the writer's paraphrase (not a direct quote), so the exact word may be the writer's. "
    >>> whose("direct", "")
    "Inside a quote: the word is the speaker's, not the writer's. "
    """
    if not speaker:
        return (
            "Inside a quote: the word is the speaker's, not the writer's. "
            if kind == "direct"
            else "Inside reported speech or thought: the view is the source's as reported, in the writer's paraphrase, so the exact word may be the writer's. "
        )
    words = speaker.split()
    person = 1 <= len(words) <= 3 and all(w[:1].isupper() for w in words)
    if kind == "direct":
        where = f"{_possessive(words[-1])} words" if person else f"the words of {speaker}"
        return f"In {where} (a direct quote): the judgement is the speaker's, not the writer's. "
    return (
        f"In what the text reports of {speaker}: the view is theirs as reported, in the writer's paraphrase "
        "(not a direct quote), so the exact word may be the writer's. "
    )


def _possessive(name: str) -> str:
    return name + ("'" if name.endswith("s") else "'s")


def normalized(article) -> str:
    """The article's normalised text (computed once, by :meth:`mediakit.Article.normalized`)."""
    return article.normalized()


def furniture_regions(article) -> Regions:
    return Regions((f.start, f.end) for f in article.furniture)


#: A line shorter than this (characters, spaces squeezed) is never read as a repeat ("Yes.", "* * *").
REPEAT_MIN = 20
#: Nor a line longer than this: a repeated paragraph of body text is read each time (only short lines,
#: a widget's question, a pull quote or a headline, are the page's furniture).
REPEAT_MAX = 160
#: And only a copy this close (characters) to the line it repeats: a widget or a pull quote repeats
#: within a few lines; a text pasted twice is read twice.
REPEAT_NEAR = 600


#: A line printed this many times in a row (each copy near the last) is the page's widget (a poll asking
#: its question again and again): the first copy is furniture too.
WIDGET_COPIES = 3


def repeated_lines(text: str) -> Regions:
    """The short lines that repeat an earlier line of the text word for word (a poll widget asking
    the same question three times, a pull quote, a headline printed twice): the page repeating
    itself, read once. The first copy is not included (unless the line is printed three times
    or more: a widget); a line longer than :data:`REPEAT_MAX`
    (a paragraph of body text), or further than :data:`REPEAT_NEAR` from its last copy (a text
    pasted twice), is never included.

    >>> t = "Who is the worst mayor ever?\\nWho is the worst mayor ever?\\nThe worst mayor ever spoke."
    >>> r = repeated_lines(t)
    >>> r.covers(0, 5), r.covers(29, 34), r.covers(58, 63)
    (False, True, False)

    A line printed :data:`WIDGET_COPIES` times near each other is a widget: no copy is the writer's.

    >>> q = "Who is the worst mayor ever?"
    >>> r = repeated_lines("\\n".join([q, q, q, "The worst mayor ever spoke."]))
    >>> r.covers(0, 5), r.covers(29, 34), r.covers(58, 63), r.covers(87, 92)
    (True, True, True, False)
    """
    seen: dict = {}
    first: dict = {}  # the first copy of a run of copies, and how many copies the run holds
    out = []
    pos = 0
    for line in text.split("\n"):
        key = " ".join(line.split())
        if REPEAT_MIN <= len(key) <= REPEAT_MAX:
            if key in seen and pos - seen[key] <= REPEAT_NEAR:
                out.append((pos, pos + len(line)))
                run = first[key]
                run[2] += 1
                if run[2] == WIDGET_COPIES:
                    out.append((run[0], run[1]))  # printed three times: a widget, no copy is the writer's
            else:
                first[key] = [pos, pos + len(line), 1]
            seen[key] = pos
        pos += len(line) + 1
    return Regions(out)


# ---------------------------------------------------------------------------
# labelled phrases
# ---------------------------------------------------------------------------

#: Words that end a labelled phrase: function words, pronouns, auxiliaries and reporting verbs.
PHRASE_STOP = frozenset(
    """
a an the this that these those some any all each every no both either neither such what which who whom whose
where when while why how whether if than then as so and or but nor yet for of in on at to from by with without
into onto upon about above below over under between among against during before after since until through via
per like unlike near off out up down around across along beyond behind toward towards within amid amidst
i me my mine we us our ours you your yours he him his she her hers it its they them their theirs one ones
is are was were be been being am has have had having do does did done will would shall should can could may
might must not no also just only even still too very more most less least much many few other another own same
say says said tell tells told claim claims claimed call calls called think thinks thought believe believes
believed want wants wanted make makes made get gets got go goes went come comes came see sees saw know knows knew
""".split()
)
_MODIFIER_ENDINGS = ("ic", "al", "an", "ist", "ive", "ish", "ary", "wing", "ite")
_NEXT_WORD = re.compile(r"(?:[ \t]+|-)([^\W\d_][\w'-]*)")


def phrase_end(text: str, norm: str, end: int, limit: int | None = None, words: int = 2) -> int:
    """Where the labelled phrase after a label modifier ends ("far-left| activists", "radical| Islamic terrorism").

    Up to ``words`` more words, on the same line, separated by one space (or a hyphen); stops
    before punctuation, function words, pronouns, auxiliaries, reporting verbs and -ly adverbs.
    A second word is taken only after a modifier (a capitalised word that is not a plural, or
    one ending like an adjective: "-ic", "-al", "-ist", ...) and only in lower case ("radical Islamic terrorism",
    "so-called expert", not "so-called expert spoke" nor "far-left Antifa Smith").

    >>> t = "The far-left activists said so. A so-called expert. The radical Islamic terrorism threat."
    >>> [t[t.index(w):phrase_end(t, t.lower(), t.index(w) + len(w))] for w in ("far-left", "so-called", "radical")]
    ['far-left activists', 'so-called expert', 'radical Islamic terrorism']
    >>> t = "Radical Islamists attacked it. Far-right Republicans voted."
    >>> [t[t.index(w):phrase_end(t, t.lower(), t.index(w) + len(w))] for w in ("Radical", "Far-right")]
    ['Radical Islamists', 'Far-right Republicans']
    """
    limit = len(text) if limit is None else limit
    out = end
    for k in range(words):
        m = _NEXT_WORD.match(norm, out, limit)
        if not m:
            break
        w = m.group(1)
        if w.endswith("'s"):
            w = w[:-2]
        if w in PHRASE_STOP or w.endswith("ly") or (k > 0 and text[m.start(1)].isupper()):
            break
        out = m.start(1) + len(w)
        if not (text[m.start(1)].isupper() or w.endswith(_MODIFIER_ENDINGS)):
            break  # a noun ends the phrase; only a modifier ("Islamic", "radical") lets it go on
        if text[m.start(1)].isupper() and w.endswith("s") and not w.endswith(("ss", "'s")):
            break  # a capitalised plural is a noun too ("radical Islamists", "far-left Democrats")
    return out


# ---------------------------------------------------------------------------
# topic: a word's sense follows what the text is about ("aggression" in sport is not war)
# ---------------------------------------------------------------------------

#: Words that mark a topic. A row's ``unless_topic`` names topics in which its word has a plain,
#: descriptive sense ("aggression" of a football team, "aggressive" tumours, "aggressive" pricing).
TOPIC_WORDS = {
    "sport": frozenset(
        """
goal goals goalkeeper striker strikers midfielder midfielders defender defenders coach coaches referee
league premiership tournament championship championships playoff playoffs semifinal semi-final final finals
half-time halftime kick-off stadium football soccer rugby cricket tennis hockey basketball baseball golf
innings wicket wickets quarterback touchdown touchdowns penalty penalties scored scorer equaliser equalizer
fixture fixtures squad season olympic olympics athlete athletes teammate teammates derby relegation
""".split()
    ),
    "science": frozenset(
        """
tumour tumours tumor tumors cancer cancers cells cell species patients disease diseases bacteria virus
viruses infection infections clinical researchers chemotherapy surgery gene genes protein organism
fish marine biologist biologists wildlife habitat habitats
""".split()
    ),
    "business": frozenset(
        """
shares stock stocks investors investor revenue revenues profit profits earnings shareholders ceo
takeover merger acquisition pricing market markets quarterly sales competitor competitors startup
""".split()
    ),
}
#: Words that mark armed conflict: near them, a word keeps its military sense whatever the article's topic.
WAR_WORDS = frozenset(
    """
troops army armies military war wars missile missiles soldiers invasion airstrike airstrikes shelling
bombing militia militias rebels insurgents ceasefire artillery drone drones
""".split()
)
_ALPHA = re.compile(r"[a-z][a-z-]*")
#: How far (characters) around a word its local context reaches.
LOCAL = 120


def topics_of(norm: str) -> frozenset:
    """The topics of a text: those with at least three distinct marker words (one cheap pass).

    >>> sorted(topics_of("the coach praised the squad after the derby; the striker scored twice"))
    ['sport']
    >>> sorted(topics_of("troops crossed the border"))
    []
    """
    seen: dict[str, set] = {t: set() for t in TOPIC_WORDS}
    for m in _ALPHA.finditer(norm):
        w = m.group()
        for t, words in TOPIC_WORDS.items():
            if w in words:
                seen[t].add(w)
    return frozenset(t for t, ws in seen.items() if len(ws) >= 3)


def _local_words(norm: str, s: int, e: int) -> set:
    a, b = max(0, s - LOCAL), min(len(norm), e + LOCAL)
    para_a = norm.rfind("\n\n", a, s)
    para_b = norm.find("\n\n", e, b)
    return set(_ALPHA.findall(norm[para_a + 1 if para_a >= 0 else a : para_b if para_b >= 0 else b]))


def other_sense(t: Term, norm: str, s: int, e: int, article_topics: frozenset) -> bool:
    """Whether the word at ``[s, e)`` is used in a topic where its sense is plain (``unless_topic``).

    Local context first: a marker word of the topic nearby counts, a war word nearby keeps the
    military sense; else the article's topic decides.
    """
    if not t.topics:
        return False
    near = _local_words(norm, s, e)
    if near & WAR_WORDS:
        return False
    return any(near & TOPIC_WORDS.get(tp, frozenset()) or tp in article_topics for tp in t.topics)


def in_context(t: Term, norm: str, s: int, e: int) -> bool:
    """Whether the term's ``context`` holds near it (same paragraph, within :data:`LOCAL`
    characters): one of its phrases stands near (a contested naming is flagged only for the event
    its row names), and none of its ``!``-phrases does (``!rwanda``: "genocide" is the legal
    finding's own word for the 1994 genocide in Rwanda, a judgement elsewhere).

    >>> t = Term("genocide", "loaded_noun", "", "", context=("!rwanda",))
    >>> in_context(t, "the genocide in rwanda began in 1994", 4, 12), in_context(t, "it was genocide, he said", 7, 15)
    (False, True)
    """
    a, b = max(0, s - LOCAL), min(len(norm), e + LOCAL)
    para_a = norm.rfind("\n\n", a, s)
    para_b = norm.find("\n\n", e, b)
    window = norm[para_a + 1 if para_a >= 0 else a : para_b if para_b >= 0 else b]

    def near(c: str) -> bool:
        return re.search(r"(?<!\w)" + re.escape(c) + r"(?!\w)", window) is not None

    pos = [c for c in t.context if not c.startswith("!")]
    if any(near(c[1:]) for c in t.context if c.startswith("!")):
        return False
    return not pos or any(near(c) for c in pos)


#: A designation that governs a label: the label is then the designating authority's official term
#: ("designated a terrorist organisation by the United States", "Russia lists the foundation as
#: extremist", "police are treating the attack as a terrorist incident"), attributed to its owner,
#: not the writer's verdict. Read in the same clause, before the label.
_DESIGNATION = re.compile(
    r"\b(?:designat\w*|proscrib\w*|blacklist\w*|classif(?:y|ies|ied|ying)|outlaw(?:s|ed|ing)?"
    r"|list(?:s|ed|ing)?\b[^.;:!?()\n]{0,40}?\bas|(?:treat|investigat)\w*\b[^.;:!?()\n]{0,40}?\bas)"
    r"\b[^.;:!?()\n]{0,30}$"
    r"|(?<![\w-])most[- ]wanted\s+$"  # an authority's wanted list ("the FBI's most wanted terrorists")
)
#: How far back (characters) a designation is looked for.
DESIGNATION_REACH = 80


def designated(norm: str, s: int) -> bool:
    """Whether a label at ``s`` is governed by a designation in the same clause before it.

    >>> designated("the pkk, designated a terrorist group by turkey", 19)
    True
    >>> designated("the terrorist group attacked", 4)
    False
    >>> designated("the fbi's most wanted terrorists", 22), designated("the most terrorists", 9)
    (True, False)
    """
    a = max(0, s - DESIGNATION_REACH)
    return bool(_DESIGNATION.search(norm, a, s))


#: A legal charge, verdict or accusation before a word: the word is then the name of the offence the
#: court, the prosecutor or the accuser uses ("convicted of genocide", "charged with treason",
#: "South Africa accused Israel of genocide"), a report of the proceedings or of the accusation,
#: not the writer's verdict.
_CHARGE = re.compile(
    r"(?<![\w-])(?:(?:charged|indicted|tried|jailed|sentenced|arrested|detained|investigated|prosecuted)"
    r"\s+(?:\w+\s+)?(?:with|for|on)|(?:convicted|acquitted|cleared|guilty|innocent)\s+(?:\w+\s+)?of"
    r"|accus(?:e|es|ed|ing)\s+(?:[\w'-]+\s+){0,3}?of"
    r"|(?:charges?|counts?|accusations?|suspicion|allegations?)\s+of"
    r"|(?:convictions?|impeachments?|indictments?|trials?|prosecutions?)\s+(?:for|of|on))"
    r"\s*,?\s+(?:(?:high|aggravated|attempted|alleged|state|crimes?|and|or|,)\s+){0,3}$"
)


def charged(norm: str, s: int) -> str:
    """Whether the word at ``s`` names the offence of a charge or verdict (``"charge"``) or of an
    accusation (``"accusation"``: the accuser's word) right before it; ``""`` if neither.

    >>> charged("he was convicted of genocide", 20), charged("he was charged with high treason", 25)
    ('charge', 'charge')
    >>> charged("critics accuse the army of genocide", 27), charged("it was genocide", 7)
    ('accusation', '')
    >>> charged("removed on impeachment for, and conviction of, treason", 47), charged("on trial for treason", 13)
    ('charge', 'charge')
    """
    m = _CHARGE.search(norm, max(0, s - 60), s)
    if not m:
        return ""
    return "accusation" if m.group(0).startswith(("accus", "accusation", "allegation")) else "charge"


#: An attribution set in the middle of a sentence between commas ("The regime, Trump said, is
#: failing."): the whole sentence is then what the source said, wherever the word stands in it.
_MID_ATTRIBUTION = re.compile(
    r"(,\s+((?:the\s+)?[^,.;:!?\n\"\u201c\u201d]{1,40}?)\s+(?:said|says|told\s+\w+|added|adds|claimed|claims"
    r"|insisted|insists|argued|argues|wrote|writes|warned|warns|alleged|alleges)\s*,)\s+\S"
)


def mid_attribution(norm: str, sentence_start: int, sentence_end: int) -> tuple[int, int, int, int] | None:
    """``(start, end, source_start, source_end)`` of an attribution set between commas inside the
    sentence, or ``None``.

    >>> t = "the regime, trump said, is failing."
    >>> mid_attribution(t, 0, len(t))
    (10, 23, 12, 17)
    >>> mid_attribution("the regime is failing, trump said.", 0, 34) is None
    True
    """
    m = _MID_ATTRIBUTION.search(norm, sentence_start, sentence_end)
    return (m.start(1), m.end(1), m.start(2), m.end(2)) if m else None


#: A record that a superlative of magnitude is measured against, in the same clause after it ("the
#: worst mass shooting in American history", "the country's worst outbreak in 50 years", "the bloodiest
#: attack since 2008"): the ranking says what it is ranked against and by what (a toll, a count), a
#: claim the reader can check against the record, not a judgement without a measure. Only a superlative
#: of magnitude (:data:`MAGNITUDE`) of an event that has one (:data:`EVENTS`, named within three words):
#: "the most important decision in a decade" or "the worst crisis in its history" stay judgements.
_RECORD = re.compile(
    r"[^.;:!?()\n\"]{0,60}?(?<![\w-])(?:in\s+(?:[\w'-]+\s+){0,3}?history"
    r"|in\s+(?:(?:more\s+than|over|almost|nearly|at\s+least|about|the\s+past|the\s+last)\s+)?"
    r"(?:(?:\d[\d,]*|a|one|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|a\s+hundred|several|many)\s+)?"
    r"(?:years?|decades?|centur(?:y|ies)|months?)"
    r"|on\s+record|since\s+(?:records\s+began|(?:the\s+)?\d{4}s?\b)|ever\s+recorded)(?![\w-])"
)
#: Superlatives of magnitude: the size or toll of an event, which a record can measure.
MAGNITUDE = frozenset(
    "worst deadliest bloodiest biggest largest heaviest deadly severe destructive costly lethal".split()
)
#: Events with a size or a toll that a record counts (general news vocabulary).
EVENTS = frozenset(
    """
shooting shootings attack attacks bombing bombings massacre outbreak outbreaks epidemic pandemic flood floods
flooding drought droughts storm storms hurricane hurricanes typhoon cyclone earthquake earthquakes wildfire
wildfires fire fires heatwave crash crashes accident accidents spill famine recession slump downturn decline
fall drop loss losses violence fighting riots unrest
""".split()
)


_EVER = re.compile(r"(?:-|[ \t]+)ever(?![\w-])")


def against_record(norm: str, s: int, e: int) -> bool:
    """Whether the superlative at ``[s, e)`` ranks an event's magnitude against a record later in its clause.

    >>> t = "the worst mass shooting in american history"
    >>> against_record(t, 4, 9)
    True
    >>> t = "the country's worst outbreak in 50 years, officials said"
    >>> against_record(t, 14, 19)
    True
    >>> t = "the most important decision in a decade"
    >>> against_record(t, 4, 18)
    False
    >>> against_record("the worst papacy of all time", 4, 9), against_record("the worst crisis in its history", 4, 9)
    (False, False)
    >>> against_record("the worst-ever ebola outbreak", 4, 9), against_record("the worst-ever papacy", 4, 9)
    (True, False)
    """
    if norm[s:e].split()[-1] not in MAGNITUDE:
        return False
    ever = _EVER.match(norm, e)
    if ever:
        # "the worst-ever outbreak", "the deadliest ever attack": ranked against every recorded one
        return any(w.strip(",.;:!?") in EVENTS for w in norm[ever.end() :].split()[:3])
    m = _RECORD.match(norm, e)
    return m is not None and any(w in EVENTS for w in norm[e : m.end()].split()[:4])


#: Nouns of what is counted (votes, seats, goals...): "the most votes" is a count the reader can check,
#: a measure, not a ranking by judgement (:func:`counted`).
COUNTED = frozenset(
    """votes vote seats seat goals points medals wins victories titles trophies runs tries wickets caps
    appearances assists delegates signatures nominations awards downloads subscribers followers members
    viewers customers users passengers visitors entries applications""".split()
)
_SUPERLATIVE_COUNT = frozenset("most least fewest".split())


#: Verbs of getting before "the most": "won the most bids" counts what was won.
GOT = frozenset(
    """won win wins winning received receive receives receiving got gets getting scored score scores scoring
    took take takes taking collected collect collects drew draw draws attracted attract attracts gained
    gain gains secured secure secures earned earn earns""".split()
)
_NOT_PLURAL = ("ss", "ous", "ius", "us", "is", "ics")


def counted(norm: str, s: int, e: int) -> bool:
    """Whether a superlative ranks a count: a measure. The counted noun is one of :data:`COUNTED`
    ("the most votes", "the fewest seats"), or any plural after a verb of getting ("won the most bids",
    "attracted the most complaints"); "won the most prestigious prize" still ranks by judgement.

    >>> text = "her list won the most votes. the most shameful vote. it won the most bids. won the most famous"
    >>> [counted(text, text.find(w), text.find(w) + len(w)) for w in ("most votes", "most shameful", "most bids", "most famous")]
    [True, False, True, False]
    """
    words = norm[s:e].split()
    if len(words) != 2 or words[0] not in _SUPERLATIVE_COUNT:
        return False
    noun = words[1].strip("'")
    if noun in COUNTED:
        return True
    before = words_before(norm, s, 2)
    return (
        len(before) == 2
        and before[0] in GOT
        and before[1] == "the"
        and noun.endswith("s")
        and not noun.endswith(_NOT_PLURAL)
    )


_SIMILE_NOUN = re.compile(r"like\s+(?:(?:a|an)\s+)?(?:(?:pack|herd|flock|swarm|bunch)\s+of\s+)?([a-z][\w-]*)$")
_NOT_ADJECTIVE = frozenset("a an of the these those other some many most all such two three".split())
_ADJECTIVE_GAP = r"(?:[A-Za-z][\w-]*[ \t]+)?"


@functools.lru_cache(maxsize=8)
def _simile_pattern(m: Matcher) -> tuple[re.Pattern | None, dict]:
    """One pattern for the listed similes with one word between "like" and the noun ("like hungry vultures")."""
    nouns: dict = {}
    for t in m.terms:
        if t.kind != "simile":
            continue
        for v in t.term.split("|"):
            g = _SIMILE_NOUN.match(normalize(v.strip()))
            if g:
                nouns.setdefault(g.group(1), t)
    if not nouns:
        return None, nouns
    body = "|".join(sorted((re.escape(n) for n in nouns), key=len, reverse=True))
    pattern = re.compile(
        r"(?<![\w-])[Ll]ike[ \t]+(?:(?:an?|a pack of|a herd of|a flock of)[ \t]+)?"
        + _ADJECTIVE_GAP
        + r"(?P<noun>"
        + body
        + r")(?![\w-])"
    )
    return pattern, nouns


def similes(text: str, m: Matcher) -> list[Hit]:
    """Listed similes with one more word before the noun ("like hungry vultures", "like obedient sheep"):
    the rows of kind ``simile`` name the nouns; the exact listed phrases are matched by the word lists.

    >>> from mediakit.lenses.loaded import matcher
    >>> [text for text in ("They circled like hungry vultures.", "Fish like sharks.")
    ...  if similes(text, matcher())]
    ['They circled like hungry vultures.']
    """
    pattern, nouns = _simile_pattern(m)
    if pattern is None or "like" not in text.lower():
        return []
    out = []
    for g in pattern.finditer(text):
        between = text[g.start() : g.start("noun")].split()
        if len(between) < 2 or between[-1].lower() in _NOT_ADJECTIVE:
            continue  # the plain listed phrase (matched by the word list itself), or "like the rats", "like other sharks"
        t = nouns[g.group("noun")]
        out.append(Hit(g.start(), g.end(), t, t.alternative))
    return out


#: Words that negate the judgement after them in the same clause ("is not hopeless", "was never a
#: disaster", "far from a failure"), with at most two words between them that are articles, forms of
#: "be" or adverbs; "not only", "not just", "no less", "never so" and "not to mention" strengthen it, and
#: a judgement in the object of a negated verb ("never criticized the corrupt ...") is still asserted.
_NEGATION = re.compile(
    r"(?:(?<![\w'])(?:not|never|hardly|no\s+longer|far\s+from)|n't)(?:\s+(?!only\b|just\b|merely\b|simply\b|less\b|least\b|so\b|more\b)(?:a|an|be|been|being|really|entirely|quite|very|that|all|at|any|always|necessarily|exactly"
    r"|particularly|even|[a-z]+ly)){0,2}\s+$"
    r"|(?<![\w'])no\s+$"
)
NEGATION_REACH = 40


def negated(norm: str, s: int) -> bool:
    """Whether the word at ``s`` is negated in its clause: "the fight is not hopeless", "isn't a
    disaster", "never a catastrophe" (at most two words between: articles, "be", adverbs). "Not only",
    "not just", "no less", "never so" and "not to mention" strengthen and do not count, nor does a word in
    the object of a negated verb ("did not criticize the corrupt courts" still calls them corrupt); a clause break (punctuation) stops the look back.

    >>> t = "the fight is not hopeless. it was not only hopeless. it is hopeless. not a disaster, a failure."
    >>> [negated(t, t.find(w, k)) for w, k in (("hopeless", 0), ("hopeless", 27), ("hopeless", 52), ("failure", 0))]
    [True, False, False, False]
    >>> t = "he did not criticize the corrupt courts. it isn't really a disaster."
    >>> negated(t, t.find("corrupt")), negated(t, t.find("disaster"))
    (False, True)
    """
    window = norm[max(0, s - NEGATION_REACH) : s]
    cut = max(window.rfind(c) for c in '.,;:!?()\n"')
    if cut >= 0:
        window = window[cut + 1 :]
    if window[:1].isalnum() and s - NEGATION_REACH > 0:
        window = " " + window.split(" ", 1)[-1] if " " in window else ""
    return bool(_NEGATION.search(" " + window))


#: Said before the explanation of a negated judgement: the word still reaches the reader.
NEGATED_NOTE = (
    "Negated here (the text says it is not so): the writer does not assert this judgement, but naming "
    "it still puts the word and its picture in the reader's mind. "
)


#: Labels that cast doubt on the name right after them: with quote marks around that name they are one
#: device ("so-called "reform""), not a label and a scare quote. A label of a person or a side before a
#: scare-quoted noun ("far-left "activists"") is two devices, two spans.
DISTANCING = frozenset("so-called self-proclaimed self-styled self-appointed".split())


def _distancing(t: Term) -> bool:
    return any(v.strip().lower() in DISTANCING for v in t.term.split("|"))


_AGAINST = re.compile(r"(?<![\w-])(?:anti|counter|non)-$", re.IGNORECASE)


def against_prefix(text: str, s: int) -> bool:
    """Whether the word at ``s`` is the second half of a compound that names opposition to it or its
    absence ("counter-propaganda campaign", "anti-bigotry law", "non-violent"): the compound does not
    pass the word's verdict on anyone.

    >>> against_prefix("a counter-propaganda unit", 10), against_prefix("an Anti-Bigotry Law", 8)
    (True, True)
    >>> against_prefix("state propaganda", 6), against_prefix("Jew-hatred", 4)
    (False, False)
    """
    return s > 0 and text[s - 1] in "-\u2010\u2011" and _AGAINST.search(text, max(0, s - 9), s) is not None


#: A verb of naming that makes the quoted words that follow it someone's words: "what the minister
#: calls a ``"reform"``", "described the protesters as ``"rioters"``", "dismissed as ``"lies"``". The
#: quotation marks then mark a partial or term quote (the words are the subject's), not a scare quote.
_NAMING = re.compile(
    r"(?<![\w-])(?:call(?:s|ed|ing)?|describ(?:es|ed|ing)|dubb(?:ed|ing)|dubs|brand(?:s|ed|ing)|term(?:s|ed)"
    r"|labell?(?:s|ed|ing)?|dismiss(?:es|ed|ing)|denounc(?:es|ed|ing)|condemn(?:s|ed|ing)|hail(?:s|ed|ing)"
    r"|refer(?:s|red|ring)\s+to)\b[^.;!?\n\"\u201c\u201d]{0,40}?\s*$"
)
_FIRST_PERSON = re.compile(r"(?<![\w-])(?:i|we|i'd|we'd|i'll|we'll|let's)(?![\w-])")


def named_by_subject(norm: str, s: int) -> bool:
    """Whether the quotation mark at ``s`` follows a verb of naming with a subject other than the
    writer, in the same clause ("the minister called it a ``"reform"``"): a partial or term quote.

    >>> named_by_subject('the minister called it a "reform" again', 24)
    True
    >>> named_by_subject('a so-called "reform" passed', 12)
    False
    >>> named_by_subject('i would call it a "reform"', 18)
    False
    >>> named_by_subject('the "reform" passed', 4)
    False
    """
    a = max(0, s - 80)
    m = _NAMING.search(norm, a, s)
    if not m or norm[max(0, m.start() - 3) : m.start()] == "so-":
        return False
    clause = norm[a : m.start()]
    cut = max(clause.rfind(c) for c in ".;!?\n")
    return not _FIRST_PERSON.search(clause[cut + 1 :])


# ---------------------------------------------------------------------------
# the lens
# ---------------------------------------------------------------------------


def find(article, found) -> list[Span]:
    """The loaded-language spans of ``article`` (``found`` gives the quote and attribution layers)."""
    text = article.text
    m = matcher()
    speakers = Speakers(text, found)
    hits = scan_article(article, "loaded")
    extra = similes(article.text, m)
    if extra:
        hits = merge_hits(hits, extra)
    furniture = furniture_regions(article)
    repeats = repeated_lines(text)
    scares = [q for q in (found.get("quote", ()) if found else ()) if q.label == "scare"]
    norm = normalized(article) if scares or any(h.term.phrase or h.term.topics or h.term.context for h in hits) else ""
    named = [q for q in scares if named_by_subject(norm, q.start)]
    if named:
        # Quoted words a subject names something by are that subject's words: a partial or term quote,
        # not a scare quote; a listed word inside is flagged as the speaker's (voice quoted).
        scares = [q for q in scares if q not in named]
        speakers.add((q.start, q.end, "direct", "") for q in named)
    scare_regions = Regions((q.start, q.end) for q in scares)
    scare_at = {q.start: q for q in scares}
    absorbed: set = set()  # scare quotes that belong to the label right before them ("so-called "reform"")
    out: list[Span] = []
    article_topics = topics_of(norm) if any(h.term.topics for h in hits) else frozenset()
    covered = -1  # the end of the last labelled phrase: hits inside it belong to it
    mid_read: set = set()  # sentences already read for an attribution between commas
    for i, hit in enumerate(hits):
        if hit.start < covered:
            continue
        if furniture.covers(hit.start, hit.end) or scare_regions.covers(hit.start, hit.end):
            continue
        if repeats and repeats.covers(hit.start, hit.end):
            continue  # a line the page repeats word for word: its words were read in the first copy
        t = hit.term
        if against_prefix(text, hit.start):
            continue  # "counter-propaganda", "anti-bigotry": the compound names opposition to the thing
        if t.context and not in_context(t, norm, hit.start, hit.end):
            continue  # the standard word for another event: it describes
        if t.topics and other_sense(t, norm, hit.start, hit.end, article_topics):
            continue  # the word's plain sense in this topic ("aggression" of a football team)
        if t.category == "superlative" and against_record(norm or normalized(article), hit.start, hit.end):
            continue  # ranked against a stated record ("the worst flood in 50 years"): a checkable claim
        if t.category == "superlative" and counted(norm or normalized(article), hit.start, hit.end):
            continue  # "won the most votes": a count the reader can check, a measure, not a judgement
        if t.category == "label" and designated(norm or normalized(article), hit.start):
            continue  # an authority's official designation, attributed to it: its term, not the writer's label
        charge = charged(norm or normalized(article), hit.start) if t.category in ("loaded_noun", "label") else ""
        if charge == "charge":
            continue  # the name of the offence in a charge or verdict ("convicted of genocide")
        if charge == "accusation" and speakers.at(hit.start, hit.end)[0] == "":
            speakers.add([(hit.start, hit.end, "reported", "")])  # the accuser's word, as reported
        if found and speakers.at(hit.start, hit.end)[0] == "":
            sent = article.sentence_at(hit.start)
            if sent and sent.start not in mid_read:
                mid_read.add(sent.start)  # each sentence is read once
                mid = mid_attribution(norm or normalized(article), sent.start, sent.end)
                if mid:
                    # "The regime, Trump said, is failing.": the sentence is the source's, as reported
                    who = text[mid[2] : mid[3]]
                    speakers.add([(sent.start, mid[0], "reported", who), (mid[1], sent.end, "reported", who)])
        end = hit.end
        if t.phrase and hit.tag in ("", "base"):
            end = phrase_end(text, norm, hit.end)
            if scare_regions and scare_regions.starts:
                j = bisect.bisect_left(scare_regions.starts, hit.end)
                if j < len(scare_regions.starts):
                    q0 = scare_regions.starts[j]
                    q = scare_at.get(q0)
                    if q is not None and not text[hit.end : q0].strip() and _distancing(t):
                        # "so-called "reform"": the label and the quote marks right after it are one
                        # device (both put distance on the name), one span and one verdict
                        end = q.end
                        absorbed.add(q0)
                    else:
                        end = min(end, q0) if q0 < end else end
            covered = end
        out.append(
            _span(
                text,
                t.category,
                hit.start,
                end,
                t.explanation,
                hit.alternative,
                t.kind or t.category,
                speakers,
                negated(norm or normalized(article), hit.start),
            )
        )
    special = m.special("scare_quote")
    explanation, alternative = (special.explanation, special.alternative) if special else _SCARE_DEFAULT
    for q in scares:
        if q.start in absorbed:
            continue
        if furniture.covers(q.start, q.end) or (repeats and repeats.covers(q.start, q.end)):
            continue
        kind, speaker = speakers.at(q.start, q.end)
        if kind == "reported" and speaker:
            continue  # words in quotation marks inside what a named source reports: a partial quote, not a scare quote
        out.append(_span(text, "scare_quote", q.start, q.end, explanation, alternative, "scare_quote", speakers))
    return out


def _span(
    text: str,
    label: str,
    s: int,
    e: int,
    explanation: str,
    alternative: str,
    category: str,
    speakers: Speakers,
    negative: bool = False,
) -> Span:
    """A loaded span with its voice: ``writer``, or ``quoted`` with ``quote_kind`` (``direct`` /
    ``reported``), the ``speaker`` where one was found, and an explanation that says whose word it is;
    a negated judgement ("not hopeless") has meta ``polarity`` = ``negated`` and says so first."""
    kind, speaker = speakers.at(s, e)
    meta = [("category", category)]
    if negative:
        meta.append(("polarity", "negated"))
        explanation = NEGATED_NOTE + explanation
    if kind:
        meta.append(("voice", "quoted"))
        meta.append(("quote_kind", kind))
        if speaker:
            meta.append(("speaker", speaker))
        explanation = whose(kind, speaker) + explanation
    else:
        meta.append(("voice", "writer"))
    if label in NO_VERDICT:
        meta.append(("verdict", "choice"))
    return Span(LAYER, label, s, e, text[s:e], explanation, alternative, tuple(sorted(meta)))
