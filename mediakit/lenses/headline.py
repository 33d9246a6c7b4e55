"""Headline lens: does the body back what the headline says, and in whose voice?

The lens cuts the headline into content terms and looks for each one in the body
sentences. Every term gets a level:

- ``stated``: a body sentence says it in the writer's own voice, with no hedge on it;
- ``hedged``: the body says it only next to a hedge ("could", "potential", "if");
- ``attributed``: the body says it only inside attributed content (the content of an
  attribution cue such as "the Financial Times reports", a direct quote, or a word the
  body only puts in quotation marks);
- ``absent``: no body sentence mentions it.

Each term also gets a **backing**, what the body does with it, and the sentences that
do it (``backing_evidence``): ``states`` (the body says it in its own voice),
``relays`` (only from a source), ``hedges``, ``contradicts`` (a backing sentence
denies or disputes it, or negates the term) or ``absent``. For a term with a
counterpart ("with Trump"), the sentences that pair the headline's action with the
same counterpart decide (P1's "bargain with potential US President Donald Trump"),
not every sentence that names Trump; a hedge on the term in the body ("potential")
that the headline drops is noted. :func:`document_scores` adds two figures for the
whole body: ``relatedness`` and ``states``.

It also notes where the headline says more than the body: a changed counterpart
("with Trump" where the body's negotiations are "with Moscow"), a changed scope (the
body's object of the same verb differs), a stronger word than the body's own
("seizing" where the body says "offensive"), a term the body disputes; and it adds a
``dropped`` span on a body phrase that names a goal or reason the headline leaves out.

How it works (each rule can be checked by hand):

- **Terms.** The headline's words are cut at function words and punctuation
  (``headline_stopwords.csv``, kind ``function``); a quoted stretch (“bargaining”) is
  one term with its quote marks; a counterpart preposition ("with", "against") stays
  at the front of the term after it ("with Trump"); the headline's own attribution
  words ("says", "reportedly") and labels of the item ("WATCH:", "Photos", and
  "Review:", "Opinion |" at the start) are not terms, nor is a URL. In a sentence-case headline a term is also cut where names
  meet lower-case words ("British hostage David Haines beheaded" -> "British hostage" |
  "David Haines" | "beheaded"), except that a generic head noun stays with its name
  ("Kursk region"), a number with the next word ("400 followers"), and a name with the
  single word after it when that is the whole term ("Ukraine prepares": subject and
  verb). The first word of the headline or of a clause (after a colon, say) counts as
  a name only if the next word is capitalised too. A title-case headline is cut at function words only.
- **Matching.** Words are compared by :func:`stem` (lower case, one suffix removed,
  final "e" and double consonants dropped; a past form of an irregular verb is its base:
  "lost" meets "loses", ``headline_irregular_verbs.csv``). A term of one or two key words
  needs all of them in one sentence, a longer one half of them. A generic head noun
  ("region", "city": kind ``classifier``) may be missing. Only when no sentence matches
  by stem, a word may meet another form of its :func:`family` ("warmer", "warmth",
  "warm"; "new", "newly"), and only when that fails too, a synonym from
  ``headline_synonyms.csv`` ("vote" = "election", "quits" = "resigns", "ruling" =
  "governing"; never for a quoted term: a quotation is a claim about the exact word).
  A negation inside a term ("don't pretend") is no key word: it sets the term's polarity,
  and a body sentence backs the term where it negates the same word ("not", "never",
  or "stop", "cease", "no longer": "let us stop pretending"); when no sentence does, the
  sentences that say it without the negation contradict it.
- **Voice.** A matched word inside the content or source of an ``attribution_cue``
  (the whole sentence when the cue gives no content) or inside a ``quote`` span is
  attributed, except after a factive cue ("confirmed", ``headline_cues.csv``) that
  presents the content as fact. A ``hedge`` span up to four words before the word in
  the same clause makes it hedged. A term takes the best level over its sentences.
- **Gaps.** Counterpart: the body pairs a headline action word (or a synonym) with
  another "with <Name>" within six words. Scope: where the body uses the headline's
  one-word, lower-case term (a verb such as "seizing"), the words after it share nothing
  with the headline's next term.
  Stronger word: the headline's word has "milder" words in its synonym group that the
  body uses, and the body never uses the headline's own word (the seed says "seized"). Disputed: a dispute word ("denied", "false") in a backing sentence, or a
  negation that governs a word of the term: it stands in the three words before it, and
  only function words, adverbs in -ly or the term's own words come between ("did not
  side", "had not properly weighed"; but "had not consulted fishermen" does not negate
  "fishermen"). Dropped: a sentence that names a
  purpose ("goal ...: to ...", "aim is to ...", "in order to ...") whose words are
  mostly not in the headline, next to a sentence that shares a headline word.
- **Support.** stated 1.0, hedged 0.6, attributed 0.4, absent 0.0; times 0.75 for each
  gap note (counterpart, scope, stronger word) and 0.5 when disputed; averaged with
  each term weighted by its number of key words; minus 0.05 per dropped goal (at most
  three); rounded to two decimals. :func:`report` only sums up what the spans say
  (each term span keeps its ``score`` and ``weight`` in its meta). At most 50
  evidence sentences are listed per term.

>>> from mediakit import load_article
>>> a = load_article("Town opens new library\\n\\nThe town opened a new library on Monday. It has 10,000 books.")
>>> spans = find(a, {})          # ``found`` is empty here: no quotes, cues or hedges to read
>>> [(s.text, s.label) for s in spans]
[('Town opens new library', 'stated')]
>>> report(a, spans).support
1.0
>>> stem("preparing"), stem("prepares"), stem("seized"), stem("bargaining")
('prepar', 'prepar', 'seiz', 'bargain')

What it does NOT detect: meaning beyond words, word forms and listed synonyms (a
paraphrase with other words is "absent": "late" vs "in the 79th minute", "driest" vs
"less rain"; "ISIS" and "Islamic State" do not meet); an irregular past form that is
also a word of its own ("left", "saw", "felt" are not read as leave, see, feel); a
word family joined by mistake ("early" and "ear"; the term still needs its other key
words in one sentence); a negation that governs a term from further away or through
another verb ("did not expect the court to side with"); which word of a term
is the verb (no part-of-speech tagging: long terms are matched by half of their
words); a term whose words the body spreads over two sentences; pronouns that refer
to a headline term ("he", "the president"); irony; a contradiction that uses no
listed dispute word or negation; numbers that differ ("15 bodies" vs "12 bodies");
a headline in the form of a question; whether the cited source is right; a denial
that is about something else in the same sentence (read as "contradicts"); the stance
of a body beyond its words (the ``states`` score reads reporting, doubt and denial
words, not meaning: on a public stance corpus it tells agreeing bodies from
discussing ones with an AUC of about 0.72). Its levels
are only as good as the quote, attribution and hedge lenses it reads.
"""

from __future__ import annotations

import functools
import math
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass

from .. import segment
from ..lexicon import load, require_columns
from ..spans import Span, make_span

LAYER = "headline"

#: The support levels of a headline term, strongest first.
LEVELS = ("stated", "hedged", "attributed", "absent")
#: What the body does with a headline term (the JSON's ``backing``): says it in its own voice,
#: only relays it from a source, hedges it, contradicts or denies it, or never mentions it.
BACKINGS = ("states", "relays", "hedges", "contradicts", "absent")
_BACKING_OF = {"stated": "states", "attributed": "relays", "hedged": "hedges", "absent": "absent"}

#: The weight of each level in the overall support score.
LEVEL_SCORE = {"stated": 1.0, "hedged": 0.6, "attributed": 0.4, "absent": 0.0}
#: Factor for each gap note (counterpart, scope, stronger word) and for a disputed term.
GAP_FACTOR = 0.75
DISPUTE_FACTOR = 0.5
#: Taken off the overall support for each goal or reason the headline drops (at most three).
DROP_PENALTY = 0.05
#: At most this many evidence sentences are listed per term (the first ones, in body order).
MAX_EVIDENCE = 50
#: How many words after a hedge it still governs (within one clause).
HEDGE_WINDOW = 4


@dataclass(frozen=True)
class HeadlineTerm:
    """One content term or phrase of the headline and how the body backs it."""

    start: int
    end: int
    text: str
    support: str  # one of LEVELS
    evidence: tuple = ()  # ((start, end), ...) of the body sentences that back it
    note: str = ""
    backing: str = ""  # one of BACKINGS: what the body does with the term
    backing_evidence: tuple = ()  # ((start, end), ...) of the sentences that do it

    def to_dict(self) -> dict:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "support": self.support,
            "evidence": [list(e) for e in self.evidence],
            "note": self.note,
            "backing": self.backing,
            "backing_evidence": [list(e) for e in self.backing_evidence],
        }


@dataclass(frozen=True)
class HeadlineReport:
    """The headline, its terms, and an overall support score from 0 to 1."""

    start: int
    end: int
    text: str
    support: float
    terms: tuple = ()
    relatedness: float = 0.0  # how much of the headline's vocabulary the body uses, and how centrally (0..1.5)
    states: float = 0.0  # how far the body states the headline in its own voice (0..1)

    def to_dict(self) -> dict:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "support": self.support,
            "terms": [t.to_dict() for t in self.terms],
            "relatedness": self.relatedness,
            "states": self.states,
        }


# -- word lists ------------------------------------------------------------------


@functools.cache
def _stopwords() -> dict:
    rows = require_columns(load("headline_stopwords"), "headline_stopwords", ("word", "kind"))
    return {r["word"].lower(): r["kind"] for r in rows}


@functools.cache
def _synonyms() -> tuple:
    """``(same, milder)``: stem -> groups it belongs to; group -> {stem: word} of milder words."""
    rows = require_columns(load("headline_synonyms"), "headline_synonyms", ("group", "word", "relation"))
    same: dict = {}
    milder: dict = {}
    for r in rows:
        s = stem(r["word"])
        if r["relation"] == "milder":
            milder.setdefault(r["group"], {}).setdefault(s, r["word"])
        else:
            same.setdefault(s, set()).add(r["group"])
    return ({k: tuple(sorted(v)) for k, v in same.items()}, milder)


@functools.cache
def _cue_patterns() -> dict:
    rows = require_columns(load("headline_cues"), "headline_cues", ("term", "kind"))
    by_kind: dict = {}
    for r in rows:
        by_kind.setdefault(r["kind"], []).append(r["term"].lower())
    out = {}
    for kind, terms in by_kind.items():
        alts = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
        if kind == "negation":
            out[kind] = re.compile(r"(?<![\w])(?:" + alts + r")(?![\w])|n't\b")
        else:
            out[kind] = re.compile(r"\b(?:" + alts + r")\b")
        # For scans of the whole text: no leading assertion, so the regex engine can skip ahead
        # to the possible first letters; callers check the word boundary before the match.
        out["scan:" + kind] = re.compile(r"(?:" + alts + r")(?![\w])")
    return out


_SUFFIXES = (
    "ations",
    "ation",
    "ings",
    "ing",
    "ions",
    "ion",
    "ments",
    "ment",
    "edly",
    "ied",
    "ies",
    "ians",
    "ian",
    "ans",
    "an",
    "ia",
    "a",
    "ed",
    "es",
    "s",
)
#: Suffixes that join a place and its people ("Nigeria", "Nigerian"): they must leave four letters.
_PLACE = frozenset(("ians", "ian", "ans", "an", "ia", "a"))
#: The suffixes by their last letter, each group in the order above: :func:`stem` tries only those.
_BY_LAST = {c: tuple(x for x in _SUFFIXES if x[-1] == c) for c in {x[-1] for x in _SUFFIXES}}


#: A label of the kind of item that opens the headline, before a colon or a bar: "Review:", "Film review |",
#: "Opinion:", "Analysis:".
_ITEM_LABEL = re.compile(
    r"\s*(?:(?:film|book|theatre|theater|album|music|restaurant|game|tv|concert)\s+)?"
    r"(?:review|opinion|analysis|comment|editorial|explainer|interview)\s*[:|]",
    re.IGNORECASE,
)


def _issuer_words(article) -> str:
    """The issuer of a press release, lower case and without a leading "the" ('' for any other genre)."""
    from .. import genre

    if not genre.detect(article).is_press_release:
        return ""
    name = genre.issuer(article).lower()
    return name[4:] if name.startswith("the ") else name


#: An amount with a short unit ("14m", "2.5bn", "300k"): it stands for the number ("£14 million").
_AMOUNT = re.compile(r"(\d+(?:\.\d+)?)(?:m|mn|bn|b|k)")


def stem(word: str, irregular: bool = True) -> str:
    """A crude stem: lower case, possessive and one suffix off, final "e" and doubled letter dropped.

    The rule, in order: lower-case and straighten apostrophes; drop a possessive "'s";
    read a listed past form of an irregular verb as its base ("lost" -> "lose", ``headline_irregular_verbs.csv``);
    remove the first of -ations -ation -ings -ing -ions -ion -ments -ment -edly -ied
    -ies -ed -es -s that leaves at least three letters ("-ied"/"-ies" become "y"; a
    final "ss" is kept), or of -ians -ian -ans -an -ia -a that leaves at least four
    (so a place and its people meet: "Nigeria", "Nigerian"); then drop a final "e",
    and one of a doubled final consonant. An amount with a short unit ("14m", "2.5bn") is
    its number, so that it meets the body's "£14 million". ``irregular=False`` skips the
    irregular-verb table (:func:`document_scores` uses that form).

    >>> [stem(w) for w in ("Kyiv's", "negotiations", "negotiate", "planned", "plans", "press")]
    ['kyiv', 'negoti', 'negotiat', 'plan', 'plan', 'press']
    >>> [stem(w) for w in ("Ukraine", "Ukrainian", "Russia", "Russians", "Nicaragua", "Nicaraguan", "woman")]
    ['ukrain', 'ukrain', 'russ', 'russ', 'nicaragu', 'nicaragu', 'woman']
    >>> [stem(w) for w in ("14m", "2.5bn", "14", "m4")]
    ['14', '2.5', '14', 'm4']
    >>> [stem(w) for w in ("lost", "loses", "slept", "sleeps", "won", "wins")]
    ['los', 'los', 'sleep', 'sleep', 'win', 'win']
    """
    w = word.lower().replace("\u2019", "'")
    m = _AMOUNT.fullmatch(w)
    if m:
        return m.group(1)  # "14m" and "£14 million" meet on the number
    if w.endswith("'s"):
        w = w[:-2]
    w = w.rstrip("'")
    if irregular:
        w = _irregular().get(w, w)
    for suf in _BY_LAST.get(w[-1:], ()):
        if w.endswith(suf) and len(w) - len(suf) >= (4 if suf in _PLACE else 3):
            if suf == "s" and w.endswith("ss"):
                break
            w = w[: -len(suf)] + ("y" if suf in ("ied", "ies") else "")
            break
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiouyls":
        w = w[:-1]
    return w


_stem = functools.lru_cache(maxsize=1 << 16)(stem)


@functools.lru_cache(maxsize=1 << 16)
def _plain_stem(word: str) -> str:
    """:func:`stem` without the irregular-verb table (for :func:`document_scores`)."""
    return stem(word, irregular=False)


@functools.cache
def _irregular() -> dict:
    """Past forms of irregular verbs -> base form (``headline_irregular_verbs.csv``): "lost" -> "lose"."""
    rows = require_columns(load("headline_irregular_verbs"), "headline_irregular_verbs", ("base", "past", "participle"))
    out: dict = {}
    for r in rows:
        base = r["base"].strip().lower()
        for cell in (r["past"], r["participle"]):
            for form in (cell or "").lower().split("/"):
                form = form.strip()
                if form and form != base:
                    out.setdefault(form, base)
    return out


@functools.cache
def _irregular_forms() -> dict:
    """The stem of a base form -> its listed irregular forms ("los" -> ("lost",))."""
    out: dict = {}
    for form, base in _irregular().items():
        out.setdefault(stem(base), []).append(form)
    return {k: tuple(v) for k, v in out.items()}


#: Derivational and degree suffixes joined to their base word (in this order; the part left must have at
#: least three letters, four before "-th", and not be a function word): "warmer", "warmest", "warmth" -> warm;
#: "newly" -> new; "heavily" -> heavy; "darkness" -> dark; "driest", "drier" -> dry.
_DERIVED = (
    ("iness", "y"),
    ("ness", ""),
    ("ily", "y"),
    ("ly", ""),
    ("iest", "y"),
    ("est", ""),
    ("ier", "y"),
    ("er", ""),
    ("th", ""),
)


@functools.lru_cache(maxsize=1 << 16)
def family(word: str) -> str:
    """The stem of the word a derived or graded form comes from, or ``""`` ("warmer" -> "warm").

    Only a second try, when no body sentence has a term by :func:`stem`: it joins the degrees of
    an adjective and a few derivations (-er, -est, -ly, -ness, -th), so it also joins an agent noun
    and its verb ("driver", "drive"), and it can join two words that are not related ("early",
    "ear"): a term still needs its other key words in the same sentence.

    >>> [family(w) for w in ("warmer", "warmest", "warmth", "newly", "heavily", "darkness", "bigger", "driest")]
    ['warm', 'warm', 'warm', 'new', 'heavy', 'dark', 'big', 'dry']
    >>> [family(w) for w in ("warm", "forest", "death", "only", "water")]
    ['', '', '', '', 'wat']
    """
    w = word.lower().replace("\u2019", "'")
    if w.endswith("'s"):
        w = w[:-2]
    for suf, add in _DERIVED:
        if w.endswith(suf):
            rest = w[: -len(suf)] + add
            if len(rest) < (4 if suf == "th" else 3) or not rest.isalpha():
                return ""
            if _stopwords().get(rest, "") == "function":
                return ""
            return _stem(rest)
    return ""


#: A negation just before a cue ("can't confirm", "did not confirm"): the cue is then not factive.
_NEGATED_CUE = re.compile(r"(?:\bnot|\bnever|n't|\bcannot|\bunable to)\s*$")


@functools.lru_cache(maxsize=4096)
def _is_factive(cue_text: str) -> bool:
    pat = _cue_patterns().get("factive")
    low = segment.normalize(cue_text)
    if re.search(r"\bnot\b|\bnever\b|n't\b|\bcannot\b|\bunable\b", low):
        return False  # "can't confirm", "did not confirm": negated, not a confirmation
    return bool(pat and pat.search(low))


def normalized(article) -> str:
    """``segment.normalize(article.text)``, computed once per article (:meth:`mediakit.Article.normalized`).

    >>> from mediakit import load_article
    >>> a = load_article("Kyiv’s “talks” — now\\n\\nA body sentence here. İstanbul too.")
    >>> normalized(a) == segment.normalize(a.text)
    True
    """
    return article.normalized()


_WORDS = re.compile(r"\w+(?:[-'\u2019]\w+)*")
#: Verbs that negate the verb after them ("stop pretending", "ceased trading").
_STOP_VERB = re.compile(r"stop|stops|stopped|stopping|cease|ceases|ceased|quit|quits|quitting")
#: A negation word inside a headline term ("don't pretend"): it sets the term's polarity, it is no key word.
_NEG_WORD = re.compile(r"(?:\w+n't|cannot|never|not|no)")


# -- the body, indexed once -------------------------------------------------------


class _Body:
    """The body sentences, their words by stem and by synonym group, and the spans per sentence."""

    def __init__(self, article, found, targets=None):
        self.article = article
        self.text = article.text
        self.norm = normalized(article)
        self.sents = article.sentences
        self.starts = [s.start for s in self.sents]
        self.para_starts = [p.start for p in article.paragraphs]
        same, _ = _synonyms()
        self._disputes: dict = {}
        self.by_stem: dict = {}
        self.by_group: dict = {}
        self.by_family: dict = {}  # family(word) -> [(sentence, start, end)]: "warmth" under "warm"
        self._words: dict = {}
        if not self.sents:
            pass
        elif targets is None:
            for i in range(len(self.sents)):
                for st, a, b in self.words(i):
                    self._post(i, st, a, b, same)
        elif targets:
            # Only words that could match a headline stem are stemmed: a word must start
            # with the first three letters of a target stem (one pass of a compiled regex).
            # (ties in a fixed order: the same pattern text in every process, so the cache file finds it)
            prefixes = sorted({t[:3] for t in targets}, key=lambda x: (-len(x), x))
            cand = re.compile(r"(?:" + "|".join(re.escape(x) for x in prefixes) + r")[\w]*(?:[-'][\w]+)*")
            lo, hi = self.sents[0].start, self.sents[-1].end
            norm, text, starts, sents = self.norm, self.text, self.starts, self.sents
            by_stem, by_group = self.by_stem, self.by_group
            for m in cand.finditer(norm, lo, hi):
                a, b = m.span()
                if a and (norm[a - 1].isalnum() or norm[a - 1] == "_"):
                    continue
                st = _stem(text[a:b])
                fam = family(text[a:b])
                if st not in targets and fam not in targets:
                    continue
                i = bisect_right(starts, a) - 1
                if i < 0 or a >= sents[i].end:
                    continue
                if fam in targets:
                    self.by_family.setdefault(fam, []).append((i, a, b))
                if st not in targets:
                    continue
                by_stem.setdefault(st, []).append((i, a, b))
                for g in same.get(st, ()):
                    by_group.setdefault(g, []).append((i, a, b))

        # Quotes, attribution ranges and hedges, sorted by start, looked up with bisect when a
        # matched word asks for its level (most sentences never ask).
        self.quotes = sorted(found.get("quote", ()), key=lambda q: q.start)
        self.q_starts = [q.start for q in self.quotes]
        self.q_max = max((q.end - q.start for q in self.quotes), default=0)
        ranges = []
        own = _issuer_words(article)
        for c in found.get("attribution_cue", ()):
            if own and self._issuer_speaks(c, own):
                continue  # a press release: the issuer announcing its own news speaks in the release's own voice
            content = source = None
            for k, v in c.meta:
                if k == "content":
                    content = v
                elif k == "source":
                    source = v
            if content:
                ranges.append((int(content[0]), int(content[1]), c, "content"))
            else:
                sent = self.sentence_of(c.start)
                if sent is not None:
                    ranges.append((self.sents[sent].start, self.sents[sent].end, c, "content"))
            if source:
                ranges.append((int(source[0]), int(source[1]), c, "source"))
        ranges.sort(key=lambda r: (r[0], r[1]))
        self.ranges = ranges
        self.r_starts = [r[0] for r in ranges]
        self.r_max = max((r[1] - r[0] for r in ranges), default=0)
        self.hedges = sorted((h for h in found.get("hedge", ()) if h.label == "hedge"), key=lambda h: h.start)
        self.h_starts = [h.start for h in self.hedges]

    def _issuer_speaks(self, cue, own) -> bool:
        """Whether the sentence of ``cue`` names the press release's issuer before the cue."""
        i = self.sentence_of(cue.start)
        if i is None:
            return False
        before = self.norm[self.sents[i].start : cue.start].lower()
        return own in before

    def _post(self, i, st, a, b, same):
        self.by_stem.setdefault(st, []).append((i, a, b))
        fam = family(self.text[a:b])
        if fam:
            self.by_family.setdefault(fam, []).append((i, a, b))
        for g in same.get(st, ()):
            self.by_group.setdefault(g, []).append((i, a, b))

    def words(self, i):
        """``[(stem, start, end)]`` of the words of sentence ``i`` (computed when first asked)."""
        ws = self._words.get(i)
        if ws is None:
            s = self.sents[i]
            ws = [(_stem(m.group(0)), m.start(), m.end()) for m in _WORDS.finditer(self.text, s.start, s.end)]
            self._words[i] = ws
        return ws

    def sentence_of(self, offset):
        i = bisect_right(self.starts, offset) - 1
        return i if i >= 0 and offset < self.sents[i].end else None

    def hit_sentences(self, pattern):
        """Indices of the sentences where ``pattern`` matches the normalised text, in order."""
        out = []
        if not self.sents:
            return out
        norm = self.norm
        for m in pattern.finditer(norm, self.sents[0].start, self.sents[-1].end):
            if m.start() and (norm[m.start() - 1].isalnum() or norm[m.start() - 1] == "_"):
                continue  # not at the start of a word
            i = self.sentence_of(m.start())
            if i is not None and (not out or out[-1] != i):
                out.append(i)
        return out

    def para(self, offset) -> str:
        i = bisect_right(self.para_starts, offset) - 1
        if i >= 0 and offset < self.article.paragraphs[i].end:
            return f"\u00b6{i + 1}"
        return "the body"

    def level_at(self, si, pos):
        """``(level, reason)`` for a matched word at ``pos`` in sentence ``si``."""
        factive = None
        j = bisect_right(self.r_starts, pos) - 1
        while j >= 0 and self.r_starts[j] >= pos - self.r_max:
            a, b, cue, kind = self.ranges[j]
            j -= 1
            if a <= pos < b:
                if (
                    kind == "content"
                    and _is_factive(cue.text)
                    and not _NEGATED_CUE.search(self.norm, max(0, cue.start - 14), cue.start)
                ):
                    factive = cue
                    continue
                return "attributed", (kind, cue)
        j = bisect_right(self.q_starts, pos) - 1
        while j >= 0 and self.q_starts[j] >= pos - self.q_max:
            q = self.quotes[j]
            j -= 1
            if q.start <= pos < q.end:
                return "attributed", ("quote", q)
        h = self.hedge_before(si, pos)
        if h is not None:
            return "hedged", ("hedge", h)
        return "stated", ("factive", factive) if factive is not None else None

    def hedge_before(self, si, pos):
        """The ``hedge`` span that governs the word at ``pos`` (same clause, at most four words before), or None."""
        s_start = self.sents[si].start
        j = bisect_right(self.h_starts, pos) - 1
        while j >= 0 and self.h_starts[j] >= s_start:
            h = self.hedges[j]
            j -= 1
            if h.start <= pos < h.end:
                return h
            if h.end <= pos:
                gap = self.text[h.end : pos]
                if len(gap) > 80:
                    return None
                if (
                    not re.search(r"[,;:()\[\]\"\u201c\u201d]|\s[-\u2013\u2014]\s", gap)
                    and len(segment.words(gap)) <= HEDGE_WINDOW
                ):
                    return h
        return None

    def negates(self, si, p, term_stems=frozenset(), stop_verbs=False) -> bool:
        """Whether a negation governs the word at ``p``: it stands in the three words before it (same
        clause) and only function words, adverbs in -ly or the term's own words come between
        ("had not properly weighed", "did not side"), so "not consulted fishermen" does not negate
        "fishermen". ``stop_verbs``: "stop", "cease", "quit" or "no longer" before the word negate it too
        ("stop pretending")."""
        pats = _cue_patterns()
        neg = pats.get("negation")
        s = self.sents[si]
        window = self.norm[max(s.start, p - 40) : p]
        cut = max(window.rfind(","), window.rfind(";"), window.rfind(":"))
        window = window[cut + 1 :]
        words = window.split()[-3:]
        stop = _stopwords()
        for i in range(len(words) - 1, -1, -1):
            w = words[i]
            is_neg = bool(neg and neg.search(w)) or (
                stop_verbs
                and (_STOP_VERB.fullmatch(w.strip(".,\"'")) or (w == "longer" and i and words[i - 1] == "no"))
            )
            if is_neg:
                between = words[i + 1 :]
                return all(
                    stop.get(x.strip(".,\"'"), "") == "function"
                    or x.endswith("ly")
                    or _stem(x.strip(".,\"'")) in term_stems
                    for x in between
                )
        return False

    def disputed(self, si, positions, negated_term=False, term_stems=frozenset()) -> str:
        """A dispute word in the sentence, or a negation that governs a matched word (:meth:`negates`):
        the word, else ''. When the headline's term is negated itself ("does not care"), a negation in
        the body agrees."""
        s = self.sents[si]
        pats = _cue_patterns()
        if si not in self._disputes:
            found_word = ""
            scan = pats.get("scan:dispute")
            for m in scan.finditer(self.norm, s.start, s.end) if scan else ():
                if not (self.norm[m.start() - 1].isalnum() or self.norm[m.start() - 1] == "_"):
                    found_word = self.text[m.start() : m.end()]
                    break
            self._disputes[si] = found_word
        if self._disputes[si]:
            return self._disputes[si]
        if not negated_term:
            for p in positions:
                if self.negates(si, p, term_stems):
                    return "not"
        return ""


# -- headline terms ---------------------------------------------------------------


@dataclass
class _Term:
    start: int
    end: int
    words: list  # [(stem, start, end, kind)] kind: key | classifier
    quoted: bool = False
    prep: str = ""

    def key(self):
        ks = [w for w in self.words if w[3] == "key"]
        return ks or list(self.words)


_URL = re.compile(r"(?:https?://|www\.)\S+|\bread more\b.*$")
_BREAK = re.compile(r"[,;:!?()\[\]|]|\s[-\u2013\u2014]+\s|[\u2013\u2014]|\.\s")
_QUOTED = re.compile(r"\"([^\"]{1,80})\"|(?<![\w'])'([^']{1,80})'(?![\w])")


def terms_of(text: str, start: int, end: int) -> list:
    """The content terms of ``text[start:end]`` as ``[(start, end)]`` (used for the headline).

    >>> h = "Ukraine prepares for “bargaining” with Trump by seizing Kursk region"
    >>> [h[a:b] for a, b in terms_of(h, 0, len(h))]
    ['Ukraine prepares', '“bargaining”', 'with Trump', 'seizing', 'Kursk region']
    >>> h = "Carmaker to cut 1,200 jobs, 2.5 percent of staff"
    >>> [h[a:b] for a, b in terms_of(h, 0, len(h))]
    ['Carmaker', 'cut', '1,200 jobs', '2.5 percent', 'staff']
    """
    return [(t.start, t.end) for t in _terms(text, start, end)]


def _terms(text: str, start: int, end: int, casing=None) -> list:
    stop = _stopwords()
    norm = segment.normalize(text[start:end])
    quoted = []
    for m in _QUOTED.finditer(norm):
        quoted.append((start + m.start(), start + m.end()))
    urls = [(start + m.start(), start + m.end()) for m in _URL.finditer(norm)]
    ws = [w for w in segment.words(text, start, end) if not any(a <= w.start < b for a, b in urls)]
    content = [
        w for w in ws if stop.get(w.text.lower().replace("\u2019", "'"), "") not in ("function", "attribution", "label")
    ]
    title_case = len(content) >= 3 and sum(w.text[:1].isupper() for w in content) >= 0.7 * len(content)
    out: list = []
    cur = None
    prep = None
    prev_end = start
    done_quotes = set()
    initial: set = set()  # starts of clause-initial words (capitalised anyway)
    clause_start = True
    prev_text = ""
    for w in ws:
        gap = text[prev_end : w.start]
        prev_end = w.end
        number_part = gap in (",", ".") and prev_text.isdigit() and w.text[:1].isdigit()  # "1,200", "2.5"
        prev_text = w.text
        if _BREAK.search(gap) and not number_part:
            cur, prep = None, None
            clause_start = True
        if clause_start:
            initial.add(w.start)
            clause_start = False
        q = next((r for r in quoted if r[0] <= w.start < r[1]), None)
        if q is not None:
            cur = None
            if q not in done_quotes:
                done_quotes.add(q)
                inner = [x for x in segment.words(text, q[0], q[1])]
                kept = [
                    x for x in inner if stop.get(x.text.lower(), "") not in ("function", "attribution", "label")
                ] or inner
                t = _Term(
                    prep[0] if prep else q[0],
                    q[1],
                    [(_stem(x.text), x.start, x.end, "key") for x in kept],
                    True,
                    prep[1] if prep else "",
                )
                out.append(t)
                prep = None
            prev_end = max(prev_end, q[1])
            continue
        low = w.text.lower().replace("\u2019", "'")
        kind = stop.get(low, "")
        if kind in ("function", "attribution", "label"):
            cur, prep = None, None
            if kind == "label" and w.start in initial:
                clause_start = True  # "WATCH: Dog rescues boy": the next word starts the clause
            continue
        if kind == "counterpart":
            cur, prep = None, (w.start, low)
            continue
        if len(low) == 1 and not low.isdigit():
            cur = None
            continue
        wkind = "classifier" if kind == "classifier" else "neg" if _NEG_WORD.fullmatch(low) else "key"
        if cur is not None and len(cur.words) == 1 and not cur.prep and not title_case:
            first = text[cur.words[0][1] : cur.words[0][2]]
            if first.endswith("ing") and len(first) >= 5 and first.islower() and w.text[:1].isupper():
                cur = None
        if cur is None:
            cur = _Term(prep[0] if prep else w.start, w.end, [], False, prep[1] if prep else "")
            prep = None
            out.append(cur)
        cur.words.append((_stem(w.text), w.start, w.end, wkind))
        cur.end = w.end
    if title_case:
        if casing is None:
            return out
        return [piece for t in out for piece in _split_case(t, text, initial, casing)]
    return [piece for t in out for piece in _split_case(t, text, initial)]


def _body_casing(article, norm):
    """``casing(word) -> "N" | "L"``: how the body writes a word (for a headline in title case).

    "N" (a name) when the body mostly capitalises the word inside a sentence, "L" when it
    mostly writes it in lower case; a word the body never uses is "N" only if it is a
    short acronym ("NASA") in a headline that is not all capitals.
    """
    text = article.text
    lo = article.sentences[0].start if article.sentences else len(text)
    h = article.headline.text if article.headline else ""
    shouting = sum(c.isupper() for c in h) > 0.6 * max(1, sum(c.isalpha() for c in h))
    cache: dict = {}

    def casing(word: str) -> str:
        low = word.lower()
        if low in cache:
            return cache[low]
        upper = lower = 0
        for m in re.compile(re.escape(low)).finditer(norm, lo):
            a, b = m.start(), m.end()
            if norm[a - 1].isalnum() or (b < len(norm) and norm[b].isalnum()):
                continue
            if text[a].isupper():
                before = text[max(lo, a - 3) : a].rstrip()
                if before and before[-1] not in ".!?\"\u201c\u2018'\n:":
                    upper += 1
            else:
                lower += 1
            if upper + lower >= 5:
                break
        if upper or lower:
            cls = "N" if upper > lower else "L"
        else:
            cls = "N" if (not shouting and _is_acronym(word) and len(word) <= 5) else "L"
        cache[low] = cls
        return cls

    return casing


def _is_acronym(word: str) -> bool:
    return len(word) > 1 and word.isupper()


def _split_case(t: _Term, text: str, initial=frozenset(), casing=None) -> list:
    """Split a sentence-case term where names meet lower-case words.

    "British hostage David Haines beheaded" -> "British" | "hostage" | "David Haines" |
    "beheaded". A generic head noun stays with the name before it ("Kursk region"), a
    number with the word after it ("400 followers"), and a name followed by one
    lower-case word stays whole when that is the whole term (subject and verb:
    "Ukraine prepares").
    """
    if t.quoted or len(t.words) < 2:
        return [t]
    segs: list = []
    for i, w in enumerate(t.words):
        first = text[w[1]]
        if first.isdigit():
            cls = "D"
        elif casing is not None:
            cls = casing(text[w[1] : w[2]])
        else:
            cls = "N" if first.isupper() else "L"
            if (
                cls == "N"
                and i == 0
                and w[1] in initial
                and not text[t.words[1][1]].isupper()
                and not _is_acronym(text[w[1] : w[2]])
            ):
                cls = "L"  # the first word is capitalised anyway: a name only if the next one is too
        if segs and (cls == segs[-1][0] or (w[3] == "classifier" and segs[-1][0] == "N") or segs[-1][0] == "D"):
            segs[-1][1].append(w)
            if segs[-1][0] == "D":
                segs[-1][0] = cls
        else:
            segs.append([cls, [w]])
    if len(segs) == 1 or (len(segs) == 2 and segs[0][0] == "N" and segs[1][0] == "L" and len(segs[1][1]) == 1):
        return [t]
    out = []
    for i, (_cls, ws) in enumerate(segs):
        start = t.start if i == 0 else ws[0][1]
        out.append(_Term(start, ws[-1][2], ws, False, t.prep if i == 0 else ""))
    return out


# -- the lens --------------------------------------------------------------------

_DETERMINERS = frozenset("the a an its his her their our your this that these those some all any".split())


def find(article, found) -> list[Span]:
    """One span per headline term (label = level) and one per dropped goal (label ``dropped``)."""
    h = article.headline
    if h is None:
        return []
    terms = _terms(article.text, h.start, h.end, _body_casing(article, normalized(article)))
    label = _ITEM_LABEL.match(article.text, h.start, h.end)
    if label:
        # "Review: ...", "Opinion | ...": the label names the kind of item, it is not a claim
        terms = [t for t in terms if t.start >= label.end()]
    # The headline's own attribution verb ("..., study suggests") is not a claim the body must back:
    # drop the words of a reporting verb the attribution lens found in the headline.
    own_cues = [c for c in found.get("attribution_cue", ()) if h.start <= c.start < h.end]
    if own_cues:
        kept = []
        for t in terms:
            ws = [w for w in t.words if not any(c.start <= w[1] < c.end for c in own_cues)]
            if len(ws) == len(t.words):
                kept.append(t)
            elif ws and any(w[3] == "key" for w in ws):
                start = t.start if ws[0] is t.words[0] else ws[0][1]
                kept.append(_Term(start, ws[-1][2], ws, t.quoted, t.prep))
        terms = kept
    same, milder = _synonyms()
    loaded_in_headline = [s for s in found.get("loaded", ()) if h.start <= s.start and s.end <= h.end]
    head_stems = {w[0] for t in terms for w in t.words}
    head_groups = {g for st in head_stems for g in same.get(st, ())}
    targets = set(head_stems)
    targets.update(st for st, gs in same.items() if head_groups.intersection(gs))
    for g in head_groups:
        targets.update(milder.get(g, {}))
    # Other forms of a headline word: its family ("warmer" -> "warm"), and the irregular past forms of
    # every target (only their first letters matter to the body's scan: "went" for "go").
    text = article.text
    targets.update(f for t in terms for w in t.words if (f := family(text[w[1] : w[2]])))
    targets.update(form for st in list(targets) for form in _irregular_forms().get(st, ()))
    targets.discard("")
    body = _Body(article, found, targets)
    _post_acronyms(article, body, terms, same)

    results = []
    for t in terms:
        results.append(_judge(t, body, same, milder, loaded_in_headline, head_groups, terms))
    # Scope: the body's object of the same verb differs from the headline's.
    for i, t in enumerate(terms[:-1]):
        nxt = terms[i + 1]
        if (
            len(t.words) != 1
            or t.quoted
            or t.prep
            or nxt.quoted
            or nxt.prep
            or not article.text[t.words[0][1]].islower()
        ):
            continue  # the verb must be a lower-case word of the headline
        if article.text[t.end : nxt.start].strip():
            continue
        note = _scope_note(t, nxt, body, article)
        if note:
            results[i + 1]["notes"].append(note)
            results[i + 1]["factor"] *= GAP_FACTOR

    spans = []
    for t, r in zip(terms, results):
        level = r["level"]
        note = " ".join(r["notes"])
        score = round(LEVEL_SCORE[level] * r["factor"], 2)
        weight = max(1, len([w for w in t.words if w[3] == "key"]))
        explanation = (r["why"] + (" " + note if note else "")).strip()
        spans.append(
            make_span(
                article.text,
                LAYER,
                level,
                t.start,
                t.end,
                explanation,
                evidence=[list(e) for e in r["evidence"]],
                note=note,
                score=score,
                weight=weight,
                backing=r["backing"],
                backing_evidence=[list(e) for e in r["backing_evidence"]],
            )
        )
    spans.extend(_dropped(article, body, head_stems, head_groups, same, milder))
    return spans


_NAME_WORD = re.compile(r"[A-Z][\w'-]*|of|and|for|the|on|de|du")
_CAP_RUN = re.compile(r"[A-Z][\w'-]*(?:\s+(?:(?:of|and|for|the|on|de|du)\s+)?[A-Z][\w'-]*)+")


def _post_acronyms(article, body, terms, same) -> None:
    """Let a headline acronym ("UN") match the body's dotted form ("U.N.") or the name it stands for
    ("United Nations": the initials of its capitalised words)."""
    text = article.text
    if not body.sents:
        return
    lo, hi = body.sents[0].start, body.sents[-1].end
    for t in terms:
        for w in t.words:
            raw = text[w[1] : w[2]]
            if not (_is_acronym(raw) and raw.isalpha() and 2 <= len(raw) <= 5) or body.by_stem.get(w[0]):
                continue
            found = [
                m.span() for m in re.finditer(r"(?<![\w.])" + r"\.".join(raw) + r"\.", text[:hi]) if m.start() >= lo
            ]
            for m in _CAP_RUN.finditer(text, lo, hi):
                words = m.group(0).split()
                a = m.start()
                if words[0] == "The":  # "The European Union" at the start of a sentence
                    a = m.start() + len(m.group(0)) - len(m.group(0)[3:].lstrip())
                    words = words[1:]
                if "".join(x[0] for x in words if x[0].isupper()) == raw:
                    found.append((a, m.end()))
            for a, b in found:
                i = body.sentence_of(a)
                if i is not None:
                    body._post(i, w[0], a, b, same)


def _matches(t, body, use_synonyms, same, use_family=False):
    """``{sentence index: {word index: [positions]}}`` of the sentences that cover the term.

    ``use_family``: a word also meets the other forms of its family ("warmer", "warm", "warmth")."""
    key = t.key()
    need = len(key) if len(key) <= 2 else -(-len(key) // 2)
    hits: dict = {}
    for wi, w in enumerate(t.words):
        posts = list(body.by_stem.get(w[0], ()))
        if use_family:
            fam = family(body.text[w[1] : w[2]])
            posts.extend(body.by_family.get(w[0], ()))
            if fam:
                posts.extend(body.by_stem.get(fam, ()))
                posts.extend(body.by_family.get(fam, ()))
        if use_synonyms:
            for g in same.get(w[0], ()):
                posts.extend(body.by_group.get(g, ()))
        for si, a, _b in posts:
            hits.setdefault(si, {}).setdefault(wi, []).append(a)
    key_idx = {i for i, w in enumerate(t.words) if w in key}
    return {si: d for si, d in hits.items() if len(key_idx & d.keys()) >= need}


_RANK = {lvl: i for i, lvl in enumerate(LEVELS)}


def _judge(t, body, same, milder, loaded, head_groups, terms) -> dict:
    text = body.text
    notes: list = []
    factor = 1.0
    hits = _matches(t, body, False, same)
    via_synonym = False
    if not hits and not t.quoted:
        hits = _matches(t, body, False, same, use_family=True)
    if not hits and not t.quoted:
        hits = _matches(t, body, True, same, use_family=True)
        via_synonym = bool(hits)
    counterpart = _counterpart_note(t, body, same, terms) if t.prep else ("", [])
    if counterpart[1]:
        # "with Trump": the sentences that pair the headline's action with the same counterpart
        # are the ones that back the term (not every sentence that names Trump).
        paired = {si: hits[si] for si in counterpart[1] if si in hits}
        hits = paired or hits
    best, best_reason, best_si = "absent", None, None
    neg_pat = _cue_patterns().get("negation")
    negated_term = bool(neg_pat and neg_pat.search(segment.normalize(text_of_term(t, body)).lower()))
    term_stems = frozenset(w[0] for w in t.words)
    if negated_term and any(w[3] == "neg" for w in t.words):
        # "don't pretend": a body sentence backs it only where it negates the same word ("stop pretending")
        # the body's sentences that say it without a negation contradict it ("will raise taxes")
        key_idx = [i for i, w in enumerate(t.words) if w[3] == "key"]
        negating = {
            si: d
            for si, d in hits.items()
            if any(body.negates(si, p, term_stems, stop_verbs=True) for i in key_idx for p in d.get(i, ()))
        }
        unnegated = [] if negating else sorted(hits)
        hits = negating or hits
    else:
        unnegated = []
    disputed = ""
    by_level: dict = {}  # level -> [sentence index], in body order
    disputing: list = []  # sentences that dispute or deny the term
    dropped_hedge = None  # (hedge span, matched position): a hedge on the term in the body
    for si in sorted(hits)[:MAX_EVIDENCE]:
        worst, worst_reason = "stated", None
        positions = []
        for wi, ps in sorted(hits[si].items()):
            word_best, word_reason = "absent", None
            for p in sorted(set(ps)):
                positions.append(p)
                lvl, reason = body.level_at(si, p)
                if _RANK[lvl] < _RANK[word_best]:
                    word_best, word_reason = lvl, reason
                if dropped_hedge is None:
                    hh = body.hedge_before(si, p)
                    if hh is not None:
                        dropped_hedge = (hh, p)
            if _RANK[word_best] > _RANK[worst] or (word_best == worst and worst_reason is None):
                worst, worst_reason = word_best, word_reason
        by_level.setdefault(worst, []).append(si)
        if _RANK[worst] < _RANK[best]:
            best, best_reason, best_si = worst, worst_reason, si
        d = body.disputed(si, positions, negated_term, term_stems)
        if d:
            disputing.append(si)
            if not disputed:
                disputed = d
    evidence = [(body.sents[si].start, body.sents[si].end) for si in sorted(hits)[:MAX_EVIDENCE]]
    phrase = text[t.start : t.end]
    if best == "absent":
        seen = sorted({text[w[1] : w[2]] for w in t.words if w[0] in body.by_stem})
        if seen and len(t.words) > 1:
            notes.append(
                f"The body mentions {_list(seen)} but never the whole of '{phrase}' in one sentence: "
                "nothing in the body backs this term as the headline puts it."
            )
        else:
            notes.append(f"The body never mentions '{phrase}': nothing in the body backs it.")
        why = ""
    else:
        sent = body.sents[best_si]
        where = body.para(sent.start)
        own = (
            _headline_cue(t, body)
            if best == "attributed" and best_reason is not None and best_reason[0] not in ("quote", "source")
            else None
        )
        if own is not None and best_reason is not None:
            who = _who(best_reason, body)
            why = ""
            notes.append(
                f"The body says this in the words of {who or 'a source it cites'} ({where}: '{best_reason[1].text}'), "
                f"and the headline keeps the attribution ('{own.text}')."
            )
        elif best in ("attributed", "hedged"):
            why = ""
            others = []
            for si in sorted(hits):  # best is the strongest level found, so the others are no stronger
                para = body.para(body.sents[si].start)
                if si != best_si and para != where and para not in others:
                    others.append(para)
            notes.append(_certainty_note(best, best_reason, body, where, others))
            if t.quoted:
                # The headline quotes the words itself: its quotation marks keep them someone's words.
                notes[-1] = notes[-1].replace(_DROPS, _KEEPS_QUOTED)
        else:
            why = _level_sentence(best, best_reason, body, where)
        if via_synonym:
            used = sorted(
                {text[p : p + 40].split()[0].strip(".,;:\"'") for d in hits.values() for ps in d.values() for p in ps}
            )
            notes.append(f"The body does not use the headline's word; it says {_list(used[:3])}.")
    if unnegated and best != "absent":
        notes.append(
            f"The body says it without the headline's negation ({body.para(body.sents[unnegated[0]].start)}): "
            "it contradicts the headline."
        )
        factor *= DISPUTE_FACTOR
        disputing = unnegated
    elif disputed and best != "absent":
        notes.append(f"The body also disputes or denies it ('{disputed}'): read that sentence.")
        factor *= DISPUTE_FACTOR
    if dropped_hedge is not None and best != "hedged":
        hh, p = dropped_hedge
        if hh.text.lower() not in text[t.start : t.end].lower():
            end = p
            while end < len(text) and (text[end].isalnum() or text[end] in "-'\u2019"):
                end += 1
            notes.append(
                f"The body hedges it where it says '{text[hh.start : end]}' ({body.para(hh.start)}): "
                f"the headline drops '{hh.text}'."
            )
    # What the body does with the term, and which sentences do it.
    if best == "absent":
        backing, doing = "absent", []
    elif disputing:
        backing, doing = "contradicts", disputing
    else:
        backing, doing = _BACKING_OF[best], by_level.get(best, [best_si])
    backing_evidence = [(body.sents[si].start, body.sents[si].end) for si in doing[:MAX_EVIDENCE]]
    # Stronger word: the headline's word has milder words in the body.
    for w in t.words:
        if w[0] in body.by_stem:
            continue  # the body uses the headline's own word: it is not "stronger than the body's"
        for g in same.get(w[0], ()):
            used = []
            for st, word in sorted(milder.get(g, {}).items()):
                if st in body.by_stem:
                    used.append(word)
            if used:
                hw = text[w[1] : w[2]]
                is_loaded = any(s.start <= w[1] and w[2] <= s.end for s in loaded)
                notes.append(
                    f"The headline's '{hw}' is a stronger word than the body's own {_list(used[:3])}"
                    + (" (a loaded word: see the loaded layer)." if is_loaded else ".")
                )
                factor *= GAP_FACTOR
                break
        else:
            continue
        break
    if t.prep:
        note = counterpart[0]
        if note:
            notes.append(note)
            factor *= GAP_FACTOR
    return {
        "level": best,
        "evidence": evidence,
        "notes": notes,
        "factor": factor,
        "why": why,
        "backing": backing,
        "backing_evidence": backing_evidence,
    }


_PRONOUNS = frozenset("i you he she we they it me him her us them".split())
_DROPS = "the headline drops the attribution and states it as fact."
_KEEPS_QUOTED = "the headline keeps the words in quotation marks: it quotes them, it does not state them as its own."


def text_of_term(t, body) -> str:
    """The headline text of term ``t``."""
    return body.text[t.start : t.end]


def _list(words) -> str:
    words = [f"'{w}'" for w in words]
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def _who(reason, body) -> str:
    kind, span = reason
    if kind == "quote":
        sp = span.get("speaker")
        if isinstance(sp, str):
            return sp
        src = span.get("source")
        if src:
            return body.text[src[0] : src[1]]
        return ""
    src = span.get("source")
    if src:
        return body.text[src[0] : src[1]]
    return ""


def _level_sentence(level, reason, body, where) -> str:
    """Why a ``stated`` term counts as stated."""
    if reason and reason[0] == "factive":
        return f"The body presents this as fact ({where}: '{reason[1].text}'), so the writer vouches for it."
    return f"The body says this in the writer's own voice ({where})."


def _headline_cue(t, body):
    """The headline's own attribution cue whose content holds the term ("..., UN says"), else None."""
    h = body.article.headline
    for a, b, c, role in body.ranges:
        if role == "content" and h.start <= c.start < h.end and a <= t.start and t.end <= b:
            return c
    return None


def _certainty_note(level, reason, body, where, others=()) -> str:
    """What the headline dropped when the body only hedges or attributes the term.

    ``others`` are the other paragraphs whose sentences back the term at the same level: then the
    note names them instead of saying that one source is the only one.
    """
    kind, span = reason
    if others and level == "attributed" and kind not in ("quote", "source"):
        who = _who(reason, body)
        return (
            f"The body says this in the words of {who or 'a source it cites'} ({where}: '{span.text}'); "
            f"the other sentences that mention it ({', '.join(others)}) also attribute it, put it in quotation "
            "marks or make it conditional: none states it plainly in the writer's own voice, and the headline "
            "states it as fact."
        )
    if level == "hedged":
        return (
            f"The body only says this with a hedge ({where}: '{span.text}'): "
            "the headline drops the hedge and says it as certain."
        )
    who = _who(reason, body)
    if kind == "quote" and span.label == "direct":
        return (
            f"The body has this only inside a direct quote ({where}{', from ' + who if who else ''}): "
            "the headline turns someone's words into its own statement."
        )
    if kind == "quote":
        return (
            f"The body has this word only in quotation marks ({where}: {span.text}): "
            "the headline repeats a quoted word without saying whose word it is."
        )
    if kind == "source":
        return (
            f"The body mentions this only as someone who speaks ({where}: '{span.text}'), not as part of what happens."
        )
    if who.lower() in _PRONOUNS:
        who = ""  # "in the words of I": say "a source it cites" rather than a bare pronoun
    return (
        f"The body only says this in the words of {who or 'a source it cites'} ({where}: '{span.text}'): "
        "the headline drops the attribution and states it as fact."
    )


_NAME = re.compile(r"[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)*")
_MODIFIERS = re.compile(r"(?:[a-z][\w-]*\s+){1,2}(?=[A-Z])")


def _counterpart_note(t, body, same, terms) -> tuple[str, list[int]]:
    """The body pairs the headline's action with a different counterpart ("with Moscow").

    The action words are the lower-case words of the headline's other terms (all words
    in a title-case headline) and their synonyms; the body's "with <Name>" must follow
    one of them within six words.
    """
    text = body.text
    key = {w[0] for w in t.words}
    title = all(text[w[1]].isupper() or not text[w[1]].isalpha() for o in terms for w in o.words)
    act_stems = {w[0] for o in terms if o is not t and not o.prep for w in o.words if title or not text[w[1]].isupper()}
    act_groups = {g for st in act_stems for g in same.get(st, ())}
    if not act_stems:
        return "", []

    def is_action(st):
        return st in act_stems or any(g in act_groups for g in same.get(st, ()))

    pat = re.compile(r"\b" + re.escape(t.prep) + r"\s+(?:the\s+)?")
    cand = {si for g in act_groups for si, _a, _b in body.by_group.get(g, ())}
    cand.update(si for st in act_stems for si, _a, _b in body.by_stem.get(st, ()))
    others, agree, agree_sis = [], False, []
    for si in sorted(cand):
        s = body.sents[si]
        for m in pat.finditer(body.norm, s.start, s.end):
            mod = _MODIFIERS.match(text, m.end(), s.end)  # "with potential US President Donald Trump"
            nm = _NAME.match(text, mod.end() if mod else m.end(), s.end)
            if not nm:
                continue
            before = [
                (_stem(w.group(0)), w.start()) for w in _WORDS.finditer(text, max(s.start, m.start() - 80), m.start())
            ][-6:]
            acts = [a for st, a in before if is_action(st)]
            if not acts:
                continue
            if {_stem(x) for x in nm.group(0).split()} & key:
                agree = True
                if not agree_sis or agree_sis[-1] != si:
                    agree_sis.append(si)
            else:
                others.append((text[acts[-1] : nm.end()], body.para(s.start)))
    if others and not agree:
        phrase, where = others[0]
        return (f"A changed counterpart: the body has '{phrase}' ({where}), not '{text[t.start : t.end]}'."), []
    return "", agree_sis


def _scope_note(verb, obj, body, article) -> str:
    """The body's object of the headline's verb is different ("Russian lands" vs "Kursk region")."""
    stop = _stopwords()
    text = body.text
    vstem = verb.words[0][0]
    obj_stems = {w[0] for w in obj.words}
    found_other = []
    for si, a, b in body.by_stem.get(vstem, ()):
        s_end = body.sents[si].end
        ws = []
        for m in _WORDS.finditer(text, b, s_end):
            ws.append((_stem(m.group(0)), m.start(), m.end()))
            if len(ws) >= 6:
                break
        phrase = []
        last = b
        for st, ws_a, ws_b in ws:
            gap = text[last:ws_a]
            if re.search(r"[,;:.!?()\"\u201c\u201d]", gap):
                break
            word = text[ws_a:ws_b].lower()
            if not phrase and word in _DETERMINERS:
                last = ws_b
                continue
            if stop.get(word, "") in ("function", "counterpart", "attribution") or len(phrase) >= 3:
                break
            phrase.append((st, ws_a, ws_b))
            last = ws_b
        if not phrase:
            continue
        if {p[0] for p in phrase} & obj_stems:
            return ""
        found_other.append((text[a:b], text[phrase[0][1] : phrase[-1][2]], body.para(a)))
    if found_other:
        v, p, where = found_other[0]
        return (
            f"A changed scope: where the body says '{v}', the object is '{p}' ({where}), "
            f"not '{text[obj.start : obj.end]}'."
        )
    return ""


def _dropped(article, body, head_stems, head_groups, same, milder) -> list:
    """Body phrases that name a goal or reason the headline leaves out."""
    goal = _cue_patterns().get("goal")
    if goal is None:
        return []
    scan = _cue_patterns()["scan:goal"]
    stop = _stopwords()
    related = set(head_stems)
    related_groups = set(head_groups)
    for g in head_groups:
        related.update(milder.get(g, {}).keys())
    text = body.text
    out = []
    for si in body.hit_sentences(scan):
        s = body.sents[si]
        low = body.norm[s.start : s.end]
        for m in goal.finditer(low):  # the sentence, or the one before it, must share a headline word
            rest = low[m.end() :]
            if m.group(0).endswith(" to"):
                start = m.start() + len(m.group(0)) - 2
            else:
                # the goal is named as a purpose: "goal ...: to create", "aim is to secure"
                mm = re.match(r"[^:;.!?]{0,60}?(?::\s*|\b(?:is|was|are|were)\s+)(?=to\s+\w)", rest)
                if not mm:
                    continue
                start = m.end() + mm.end()
            end_m = re.search(r",\s*(?:which|who|where|while|but)\b|[;.!?]", low[start:])
            end = start + (end_m.start() if end_m else len(low) - start)
            a, b = segment.strip_span(text, s.start + start, s.start + end)
            if b - a < 3:
                continue
            ws = [
                w
                for w in segment.words(text, a, b)
                if stop.get(w.text.lower(), "") not in ("function", "attribution", "label") and w.text.lower() != "to"
            ]
            stems = [_stem(w.text) for w in ws]
            if len(stems) < 2:
                continue
            covered = sum(1 for st in stems if st in head_stems or set(same.get(st, ())) & related_groups)
            sent_words = {w[0] for w in body.words(si)} | ({w[0] for w in body.words(si - 1)} if si else set())
            if covered * 2 >= len(stems) or not (
                sent_words & related or any(set(same.get(st, ())) & related_groups for st in sent_words)
            ):
                continue
            where = body.para(a)
            out.append(
                make_span(
                    text,
                    LAYER,
                    "dropped",
                    a,
                    b,
                    f"The body names a goal or reason that the headline leaves out ({where}: '{text[a:b]}'). "
                    "A headline that drops the stated purpose can change what readers think the action is for.",
                    sentence=[s.start, s.end],
                )
            )
            if len(out) >= 3:
                return out
            break
    return out


def report(article, spans) -> HeadlineReport | None:
    """The headline report, built from this lens's spans (``None`` when there is no headline).

    The overall support is the weighted mean of the terms' ``score`` (weights from
    their ``weight``), minus 0.05 per ``dropped`` span (three at most), kept within 0..1.
    """
    if article.headline is None:
        return None
    h = article.headline
    terms = sorted((s for s in spans if s.layer == LAYER and s.label in LEVELS), key=lambda s: (s.start, s.end))
    dropped = sum(1 for s in spans if s.layer == LAYER and s.label == "dropped")
    total = sum(s.get("weight", 1) for s in terms)
    if total:
        support = sum(s.get("score", LEVEL_SCORE[s.label]) * s.get("weight", 1) for s in terms) / total
    else:
        support = 0.0
    support = min(1.0, max(0.0, support - DROP_PENALTY * min(3, dropped)))
    out = tuple(
        HeadlineTerm(
            s.start,
            s.end,
            s.text,
            s.label,
            tuple(tuple(e) for e in s.get("evidence", ())),
            s.get("note", ""),
            s.get("backing", _BACKING_OF[s.label]),
            tuple(tuple(e) for e in s.get("backing_evidence", ())),
        )
        for s in terms
    )
    related, states = document_scores(article)
    return HeadlineReport(h.start, h.end, h.text, round(support + 1e-9, 2), out, related, states)


# -- document-level scores: relatedness and stance ---------------------------------


def _cue_hits(kind, text) -> bool:
    pat = _cue_patterns().get(kind)
    return bool(pat and pat.search(text))


def document_scores(article) -> tuple:
    """``(relatedness, states)`` of the body to the headline (cached on the article).

    **relatedness** (0 to about 1.5): the mean of two lexical measures, computed from the
    article alone (no corpus, no model), on stems without the irregular-verb table (on the
    FNC-1 dev half the table did not help these scores). (1) *Backing*: the headline's content words (stems;
    not function, attribution or label words), each weighted 1.3 when it is a name or a
    number and 0.7 when it has three letters or fewer; the weighted share of them that the
    body uses, plus 0.3 times a term-frequency share (each word counts up to eight uses, on
    a log scale). (2) *Focus*: twice the cosine between the headline's content stems and
    the body's content-stem counts (log-scaled), so a body that mentions the headline's
    words in passing among much else scores lower than one about them.

    **states** (0 to 1): how far the body states the headline in its own voice rather than
    discussing it. Body sentences that share at least half of the headline's words are
    its *matching* sentences. The score falls with the share of all body sentences that
    relay (a reporting word: "said", "according to", "reportedly", ``headline_cues.csv``
    kind ``relay``) or doubt ("may", "unconfirmed", "if": kind ``doubt``), with the share of
    matching sentences that relay or doubt, and when the headline itself asks a question
    or relays or doubts; it rises with the share of matching sentences that do none of
    this and hold no denial or negation (stated in the body's own voice). The weights are
    round numbers (:data:`STANCE_WEIGHTS`), set on one half of a public stance corpus and
    checked on the other (``benchmarks/fnc1.py``).

    >>> from mediakit import load_article
    >>> a = load_article("Town opens new library\\n\\nThe town opened a new library on Monday.")
    >>> b = load_article("Town opens new library\\n\\nThe town may open a new library, officials said.")
    >>> document_scores(a)[1] > document_scores(b)[1]
    True
    >>> document_scores(load_article("Town opens new library\\n\\nRain fell on the coast."))[0]
    0.0
    """
    cache = article._cache
    if "headline_scores" in cache:
        return cache["headline_scores"]
    h = article.headline
    if h is None:
        return (0.0, 0.0)
    text = article.text
    stop = _stopwords()
    weights: dict = {}
    for m in _WORDS.finditer(text, h.start, h.end):
        w = m.group(0)
        if stop.get(w.lower().replace("\u2019", "'"), "") in ("function", "attribution", "label"):
            continue
        wt = 1.3 if (w[:1].isupper() and not w.isupper()) or w.isdigit() else 1.0
        if len(w) <= 3:
            wt *= 0.7
        st = _plain_stem(w)
        weights[st] = max(weights.get(st, 0.0), wt)
    norm = normalized(article)
    # Each distinct body word is stemmed and looked up once: Counter counts the words (in order of
    # first use, so the stems come in the order and with the counts of a word-by-word pass).
    sent_words = [_WORDS.findall(text, sent.start, sent.end) for sent in article.sentences]
    freq: Counter = Counter()
    for ws in sent_words:
        freq.update(ws)
    counts: dict = {}
    body_counts: dict = {}  # the content stems of the body, for the focus below
    hit: dict = {}  # body word -> its stem, for the words that share a stem with the headline
    for w, c in freq.items():
        st = _plain_stem(w)
        if st in weights:
            counts[st] = counts.get(st, 0) + c
            hit[w] = st
        if stop.get(w.lower().replace("\u2019", "'"), "") not in ("function", "attribution", "label"):
            body_counts[st] = body_counts.get(st, 0) + c
    sent_stems = [{hit[w] for w in hit.keys() & ws} for ws in sent_words]
    total = sum(weights.values())
    if not total or not article.sentences:
        cache["headline_scores"] = (0.0, 0.0)
        return cache["headline_scores"]
    share = sum(wt for st, wt in weights.items() if counts.get(st)) / total
    tf = (
        sum(wt * min(1.0, math.log(1 + counts[st]) / math.log(8)) for st, wt in weights.items() if counts.get(st))
        / total
    )
    # Focus: cosine of the headline's content stems against the body's content-stem counts.
    norm_body = math.sqrt(sum((1 + math.log(c)) ** 2 for c in body_counts.values()))
    cosine = (
        sum(1 + math.log(body_counts[st]) for st in weights if body_counts.get(st))
        / (math.sqrt(len(weights)) * norm_body)
        if norm_body
        else 0.0
    )
    related = round((share + 0.3 * tf + 2 * cosine) / 2, 4)

    n = len(article.sentences)
    relay_all = doubt_all = 0
    matched = m_relay = m_doubt = m_stated = 0
    for sent, stems in zip(article.sentences, sent_stems):
        low = norm[sent.start : sent.end]
        r, d = _cue_hits("relay", low), _cue_hits("doubt", low)
        relay_all += r
        doubt_all += d
        if sum(1 for st in stems) * 2 >= len(weights):
            matched += 1
            m_relay += r
            m_doubt += d
            m_stated += not (r or d or _cue_hits("dispute", low) or _cue_hits("negation", low))
    hl = norm[h.start : h.end]
    sw = STANCE_WEIGHTS
    z = (
        sw["relay_all"] * relay_all / n
        + sw["doubt_all"] * doubt_all / n
        + (sw["m_relay"] * m_relay + sw["m_doubt"] * m_doubt + sw["m_stated"] * m_stated) / max(1, matched)
        + sw["question"] * ("?" in hl)
        + sw["headline_relays"] * (_cue_hits("relay", hl) or _cue_hits("doubt", hl))
    )
    states = round(1 / (1 + math.exp(-2 * (z + 0.5))), 4)
    cache["headline_scores"] = (related, states)
    return cache["headline_scores"]


#: Weights of the stance score (:func:`document_scores`): round numbers, signs as the linguistics say.
STANCE_WEIGHTS = {
    "relay_all": -1.0,
    "doubt_all": -0.6,
    "m_relay": -0.5,
    "m_doubt": -0.4,
    "m_stated": 0.5,
    "question": -0.4,
    "headline_relays": -1.0,
}
