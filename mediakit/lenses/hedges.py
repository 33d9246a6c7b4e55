"""Hedge lens: the words that soften a claim (hedges) or harden it (certainty markers).

Labels: ``hedge`` ("could", "potential", "would need", "reportedly", "allegedly",
"may", "might", "appears", "seems", "likely", "possibly", "indirectly") and
``certainty`` ("clearly", "undoubtedly", "knows", "must", "makes sense", "no one
knows", "of course"). The explanation says what the word does to the claim. ``meta``
holds ``voice`` (``speaker`` inside a direct quote, ``paraphrase`` inside reported
speech, else ``writer``) and ``category``.

>>> from mediakit import load_article
>>> a = load_article("The plan could fail. Of course, the minister knows it must change.")
>>> [(s.label, s.text) for s in find(a, {})]
[('hedge', 'could'), ('certainty', 'Of course'), ('certainty', 'knows'), ('certainty', 'must')]

The word lists are ``mediakit/lexicons/hedges.csv`` and any ``hedge_*.csv`` beside it
(columns ``term``, ``category`` = ``hedge`` or ``certainty``, ``explanation``, and the
optional ``match``, ``unless_prev``, ``unless_next``, ``case`` that
:mod:`mediakit.lenses.loaded` documents). ``MEDIAKIT_LEXICONS`` points at an
instructor's folder, as for the loaded lens. "may" counts only in lower case or at the
start of a sentence (not the month, not a surname).

Negation: a ``negated`` span covers a negated verb of checking or saying ("can't
confirm", "could not verify", "did not say", "was unable to confirm", "declined to
comment"): it is neither a hedge nor a certainty marker. It says that someone could
not check or would not say something, so the claim it governs is unverified, not
softened; a hedge or certainty word inside it ("could" in "could not verify") is not
reported on its own. A certainty word right after a negation ("does not know", "not
clear") is ``negated`` as well, never ``certainty``; a negated obligation ("should not have
to", "do not need to") is neither and gets no span. "Especially if" and "particularly
if" are not hedges: they stress a condition, which strengthens the claim.
"Never" or "always" before a past form ("those who never napped", "the team never
panicked") narrates what happened and is not a certainty marker; "it will never work" is;
"should never have let them" is a regret, not a certainty marker. A word in a question
("Is there a moment you will never forget?") gets no span: a question asserts nothing.
"Could" / "might" / "may" in a purpose clause ("so that we could reach them") state an aim
or an ability, not a possibility. "Appears" before a comma ("a phrase that appears, in other
words, five times") or a place ("appeared in court", "appeared for sentencing") says that
something occurs, not that it seems. "Could not" before a verb ("could not show", "could not be reached") is a failed ability, told as a
fact: no hedge. "Never" / "always" in a relative clause on one indefinite noun ("a city that never
sleeps") describes the noun, an idiom or a habit: no certainty marker ("those who never nap ..." still
generalises). "Does not know" about a person ("someone she does not know") is an acquaintance, not
something left unchecked: no span. "Must" with the goal it serves ("must win their last two matches to
have any chance") is a condition, not a prescription; "possible" after an option that rules allow ("while
an appeal is possible", "a refund is possible") is a status, not a hedge. In an interview's answers (:func:`mediakit.genre.qa_parts`)
the voice is the interviewee's (``speaker``), not the writer's.

>>> [(s.label, s.text) for s in find(load_article("Police could not verify the video. She did not say why."), {})]
[('negated', 'could not verify'), ('negated', 'did not say')]

Not detected: negation further away than the words just before ("not, as some say,
clearly ..."), double negation; hedging by structure (a claim put in a question, a conditional
sentence without one of the listed words, "if" on its own); the strength of a hedge
(all hedges count the same); certainty carried by a plain present-tense statement
(most unhedged sentences are certain without saying so: the claim lens looks at
those); sarcasm; words that are not in the lists; a listed word used in another
sense ("the must-see film", "a potential difference" in physics).
"""

from __future__ import annotations

import re

from .. import genre
from ..spans import Span
from .loaded import Voices, compile_lists, furniture_regions, lexicon_folder, scan_article

LAYER = "hedge"
CATEGORIES = ("hedge", "certainty")


def matcher(folder: str | None = None):
    """The compiled hedge lists (``hedges.csv`` and ``hedge_*.csv``)."""
    return compile_lists("hedge", "hedges", folder if folder is not None else lexicon_folder(), CATEGORIES)


#: A negated verb of checking or saying: "can't confirm", "could not verify", "did not say".
_NEGATED = re.compile(
    r"(?<![\w'])(?:(?:can|ca|could|would|wo|will|did|does|do|has|have|had|is|was|were|are)(?:n't|\s+not|not)"
    r"|cannot|(?:was|were|is|are)\s+(?:unable|not\s+able)\s+to|declined\s+to|refused\s+to|never)"
    r"(?:\s+be)?(?:\s+(?:immediately|independently|yet|publicly))?"
    r"\s+(?:confirm(?:ed)?|verif(?:y|ied)|say|said|comment(?:ed)?|establish(?:ed)?|determine(?:d)?|corroborate(?:d)?|know|known|disclose(?:d)?|reveal(?:ed)?|specify|identify|identified)\b"
)
_NEGATION_BEFORE = re.compile(r"(?:\b(?:not|never|no)|n't)\s+$")
#: Certainty words of obligation: negated ("should not have to", "do not need to") they lift the obligation,
#: which neither hardens the claim nor says that something went unchecked.
_OBLIGATION = frozenset(("must", "has to", "have to", "had to", "needs to", "need to"))
NEGATED_EXPLANATION = (
    "Negated: '{text}' says that something was not checked, confirmed or said. It is neither a hedge nor a "
    "certainty marker: the claim it governs is unverified (or unsaid), not softened or hardened. Ask who "
    "could not check it, and whether anyone else has."
)


#: Past forms that are not "-ed": "never was", "never went".
_IRREGULAR_PAST = frozenset(
    "was were had did been went came got made saw took gave knew left lost won ran felt found thought told "
    "done seen gone known given taken written spoken".split()
)
_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)")


def _narrated_past(norm: str, start: int, end: int) -> bool:
    """Whether "never" / "always" tells what happened ("those who never napped", "the team never
    panicked") rather than generalising ("he never listens", "it will never work")."""
    if norm[start:end].lower() not in ("never", "always"):
        return False
    m = _NEXT_WORD.match(norm, end)
    if m is None:
        return False
    w = m.group(1).lower()
    return (w.endswith("ed") and len(w) > 3) or w in _IRREGULAR_PAST


#: "so that we could reach ...", "in order that they might ...": a purpose clause states an aim or an ability,
#: it does not soften a claim.
_PURPOSE = re.compile(r"(?:\bso\s+that|\bin\s+order\s+that)\s+(?:[\w'-]+\s+){1,5}$", re.IGNORECASE)
#: "could not show", "could not be reached", "couldn't find": a negated ability says what someone failed to do
#: (a fact about the past), it does not soften a claim.
_NEGATED_ABILITY = re.compile(r"\s*(?:not\s+|n't\s+|\u2019t\s+)(?:be\s+)?[a-z]+", re.IGNORECASE)
#: "a city that never sleeps", "a man who always arrives early": "never" / "always" in a relative clause on
#: one indefinite noun describes it (a habit or an idiom); "those who never nap ..." still generalises.
_RELATIVE_BEFORE = re.compile(r"(?i)\ban?\s+[\w'-]+\s+(?:that|who|which)\s+$")
#: "someone she does not know", "people they did not know": an acquaintance, not something left unchecked.
_ACQUAINTANCE = re.compile(
    r"(?i)\b(?:someone|somebody|anyone|anybody|people|person|man|woman|men|women|stranger|strangers|whom?)"
    r"\s+(?:[a-z]+\s+)?(?:do|does|did)(?:\s+not|n't)\s+know\s*(?:[,.;:!?)]|$|\s+(?:and|but|or|for|from|well|at|in)\b)"
)
#: "must win their last two matches to have any chance", "must score if they are to stay up": the necessary
#: condition of a stated goal, not the writer's prescription.
_CONDITION_AFTER = re.compile(
    r"(?i)\s+[a-z]+(?:\s+[\w'-]+){0,8}?\s+(?:(?:in\s+order\s+)?to\s+(?:have|keep|stay|stand|avoid|qualify|reach|make|win"
    r"|remain|survive|secure|earn|get)|if\s+[\w'-]+(?:\s+[\w'-]+)?\s+(?:is|are|was|were)\s+to)\b"
)
#: "while an appeal is possible", "a refund is possible": an option that the rules allow, not a hedge on a claim.
_OPTION = re.compile(
    r"(?i)\b(?:an?|the)\s+(?:appeal|review|refund|extension|exemption|recount|retrial|transfer|renewal|reprieve)s?"
    r"(?:\s+[\w'-]+){0,5}?\s+(?:is|are|was|were|remains|remain)\s+(?:still\s+)?$"
)
_HOWEVER = re.compile(r",\s*(?:however|though|then|at first|on the face of it),", re.IGNORECASE)
#: "should never have", "must never have": a regret about what happened, not a certainty marker.
_REGRET = re.compile(r"\s+have\s+[a-z]+", re.IGNORECASE)


def _question(article, a: int) -> bool:
    """Whether offset ``a`` lies in a sentence that is a question."""
    s = article.sentence_at(a)
    return s is not None and s.text.rstrip("\"'\u201d\u2019)] ").endswith("?")


def _voice(voices, article, answers, a: int, b: int) -> str:
    """The voice at ``a``-``b``; in an interview's answer the writer's voice is the interviewee's."""
    v = voices.at(a, b)
    if v == "writer" and answers and any(x <= a < y for x, y in answers):
        return "speaker"
    return v


def find(article, found) -> list[Span]:
    """The hedge and certainty spans of ``article`` (and the ``negated`` ones)."""
    text = article.text
    norm = article.normalized()
    voices = Voices(found)
    furniture = furniture_regions(article)
    answers = genre.qa_parts(article)[1] if genre.detect(article).is_interview else []
    out = []
    negated = []
    for m in _NEGATED.finditer(norm):
        a, b = m.span()
        if furniture.covers(a, b):
            continue
        if _ACQUAINTANCE.search(norm, max(0, a - 30), min(len(norm), b + 6)):
            continue  # "someone she does not know": an acquaintance, nothing left unchecked
        negated.append((a, b))
        out.append(
            Span(
                LAYER,
                "negated",
                a,
                b,
                text[a:b],
                NEGATED_EXPLANATION.format(text=text[a:b]),
                "",
                (("category", "negated"), ("voice", _voice(voices, article, answers, a, b))),
            )
        )
    for hit in scan_article(article, "hedge"):
        if furniture.covers(hit.start, hit.end):
            continue
        if any(a <= hit.start < b for a, b in negated):
            continue
        t = hit.term
        if t.category == "certainty" and _narrated_past(norm, hit.start, hit.end):
            continue
        if _question(article, hit.start):
            continue  # "Is there a moment you will never forget?": a question asserts nothing
        word = norm[hit.start : hit.end].lower()
        if word in ("could", "might", "may") and _PURPOSE.search(norm, max(0, hit.start - 40), hit.start):
            continue  # "so that we could reach our children": a purpose, not a possibility
        if (
            word in ("never", "always")
            and _REGRET.match(norm, hit.end)
            and re.search(r"(?i)\b(?:should|must|would|could)\s+$", norm[max(0, hit.start - 12) : hit.start])
        ):
            continue  # "we should never have let them": a regret about what happened
        if word == "could" and _NEGATED_ABILITY.match(norm, hit.end):
            continue  # "could not show", "could not be reached": a failed ability, told as a fact
        if word in ("never", "always") and _RELATIVE_BEFORE.search(norm, max(0, hit.start - 40), hit.start):
            continue  # "a city that never sleeps": the clause describes the noun
        if word == "must" and _CONDITION_AFTER.match(norm, hit.end):
            continue  # "must win their last two matches to have any chance": a condition, not a prescription
        if word == "possible" and _OPTION.search(norm, max(0, hit.start - 40), hit.start):
            continue  # "while an appeal is possible": an option the rules allow
        if word.startswith("appear") and norm[hit.end : hit.end + 1] == "," and not _HOWEVER.match(norm, hit.end):
            continue  # "a phrase that appears, in other words, five times": it occurs, it does not seem
        meta = (("category", t.kind or t.category), ("voice", _voice(voices, article, answers, hit.start, hit.end)))
        if t.category == "certainty" and _NEGATION_BEFORE.search(norm, max(0, hit.start - 12), hit.start):
            if norm[hit.start : hit.end].lower() == "know" and _ACQUAINTANCE.search(
                norm, max(0, hit.start - 40), min(len(norm), hit.end + 6)
            ):
                continue  # "someone she does not know": an acquaintance, nothing left unchecked
            if norm[hit.start : hit.end].lower() in _OBLIGATION:
                continue  # "Families should not have to choose.": no obligation, and nothing left unchecked
            a = norm.rfind(" ", 0, hit.start - 1)
            a = max(a + 1, 0)
            while a > 0 and norm[a - 1] != " " and norm[a - 1].isalnum():
                a -= 1
            out.append(
                Span(
                    LAYER,
                    "negated",
                    a,
                    hit.end,
                    text[a : hit.end],
                    NEGATED_EXPLANATION.format(text=text[a : hit.end]),
                    "",
                    (("category", "negated"), ("voice", voices.at(a, hit.end))),
                )
            )
            continue
        out.append(
            Span(LAYER, t.category, hit.start, hit.end, text[hit.start : hit.end], t.explanation, hit.alternative, meta)
        )
    return sorted(out, key=lambda s: (s.start, -s.end))
