"""What kind of text an article is: news report, analysis, opinion, press release or interview.

The genre changes how the lenses read the writer's own voice:

- in a **press release** the issuer (a city, a company, a ministry) is the source of
  its own statements, so a statement in the release's own voice is the issuer's
  claim, not an unsourced one;
- in an **opinion** piece (an editorial, a column, an op-ed, a letter) the writer's
  judgements, hopes and forecasts are expected: they are marked as the writer's,
  not as facts without a source;
- an **analysis** (explainer, news analysis) interprets the news in the writer's
  voice; the lenses treat it as a news report but say what it is;
- an **interview** in question-and-answer form (questions as paragraphs of their own,
  each followed by the answer, with or without a speaker's label): the answers are the
  interviewee's own words, the questions the interviewer's, so neither is a claim in
  the writer's voice (see :func:`qa_parts`);
- everything else is a **news report**.

The decision uses visible signals only (each one is a regular expression below):
a label in the first lines or the headline ("Opinion", "Editorial", "Review:", a rating, "Analysis",
"FOR IMMEDIATE RELEASE", "Press release"), the furniture of a release ("Media
contact", "###", "About the City of ..."), an editorial's own "we" ("We hope", "we
urge", "the board") and a writer's "I think"; a columnist's bio closing the piece ("Helen Marsh
is a retired teacher ...") and the writer's own "I" outside quotation marks (twice or more). Each signal has a weight; the genre
with the highest total wins if it reaches :data:`THRESHOLD`, else "news report".
Three or more question paragraphs, each followed by a paragraph that is not a question,
make an interview (weight 3 each, three at most). The evidence offsets point at the signals.

Not detected: a genre the page says only in its design (a column's photo, a section
colour), satire, sponsored content that reads like news, a press release rewritten
by a newsroom with no trace of the release, reviews with no "Review" label or rating
(read as opinion only if they use the other opinion signals), an interview told in prose (the questions paraphrased in
the writer's voice), and an interview with fewer than three questions set apart.

>>> from mediakit import load_article
>>> detect(load_article()).label
'news report'
>>> a = load_article("Our view: fix the bridge\\n\\nWe hope the council listens. We urge it to act now.")
>>> detect(a).label
'opinion'
>>> detect(load_article("FOR IMMEDIATE RELEASE\\n\\nThe City of Alden today announced a new park.")).label
'press release'
"""

from __future__ import annotations

import re

from ._record import FrozenRecord
from .spans import Finding

GENRES = ("news report", "analysis", "opinion", "press release", "interview")
#: The least total weight of signals for a genre other than "news report".
THRESHOLD = 2.0

_I = re.IGNORECASE | re.MULTILINE
#: (genre, weight, where, pattern). ``where``: "head" = the headline and the first 300
#: characters; "tail" = the last 600 characters; "body" = anywhere.
_SIGNALS = (
    (
        "press release",
        3.0,
        "head",
        re.compile(r"\b(?:for immediate release|press release|news release|media release|media advisory)\b", _I),
    ),
    ("press release", 2.0, "body", re.compile(r"^\s*(?:media|press)\s+(?:contact|inquiries|enquiries)\b", _I)),
    ("press release", 1.5, "body", re.compile(r"^\s*(?:contact|for more information)\s*:", _I)),
    ("press release", 1.5, "tail", re.compile(r"^\s*(?:###|-30-|- ?end ?-)\s*$", _I)),
    (
        "press release",
        1.5,
        "body",
        re.compile(r"^\s*about (?:the )?[A-Z][\w&.'-]*(?:\s+(?:of\s+)?[A-Z][\w&.'-]*){0,5}\s*$", re.MULTILINE),
    ),
    (
        "press release",
        1.0,
        "body",
        re.compile(
            r"\b(?:today|proudly|is pleased to|are pleased to|is proud to|are proud to|is excited to|are excited to)\s+(?:announced?|announces|launch(?:ed|es)?|unveil(?:ed|s)?)\b",
            _I,
        ),
    ),
    (
        "press release",
        1.0,
        "body",
        re.compile(
            r"\b(?:the )?(?:city|town|county|council|ministry|department|company|university|agency) (?:of [A-Z]\w+ )?(?:announced|announces|is launching|launched|invites|encourages)\b",
            _I,
        ),
    ),
    (
        "opinion",
        3.0,
        "head",
        re.compile(
            r"^\s*(?:opinion|editorial|op-ed|commentary|column|comment|our view|letters? to the editor|viewpoint|perspective)\b\s*[:|\-\u2013\u2014]?",
            _I,
        ),
    ),
    (
        # a review: "Review: ...", "Film review | ...", and its rating ("Rating: 3 out of 5", "★★★☆☆")
        "opinion",
        3.0,
        "head",
        re.compile(
            r"^\s*(?:(?:film|book|theatre|theater|album|music|restaurant|game|tv|television|concert|dance|opera)\s+)?"
            r"review\b\s*[:|\-\u2013\u2014]",
            _I,
        ),
    ),
    (
        "opinion",
        1.5,
        "head",
        re.compile(
            r"^\s*(?:rating|our rating|verdict)\s*:\s*(?:\d(?:\.\d)?\s*(?:/|out of)\s*(?:5|10)|[\u2605\u2606*]{3,5})",
            _I,
        ),
    ),
    (
        "opinion",
        2.0,
        "body",
        re.compile(r"\b(?:the editorial board|this newspaper believes|the views expressed|the board believes)\b", _I),
    ),
    (
        "opinion",
        1.0,
        "body",
        re.compile(r"\b(?:we|I) (?:hope|urge|believe|think|call on|ask|expect|fear|trust|doubt|must)\b"),
    ),
    (
        "opinion",
        1.0,
        "body",
        re.compile(r"\b(?:in my view|in our view|in my opinion|in our opinion|I would argue|let us|let's hope)\b", _I),
    ),
    (
        # a columnist's bio closing the piece: "Helen Marsh is a retired teacher and ..."
        "opinion",
        1.5,
        "tail",
        re.compile(
            r"^[ \t]*[A-Z][\w'.-]+(?:[ \t]+[A-Z][\w'.-]+){1,3}[ \t]+(?:is|was)[ \t]+(?:a|an)[ \t][^\n\"\u201c\u201d]{3,240}\.\s*\Z",
            re.MULTILINE,
        ),
    ),
    (
        "analysis",
        3.0,
        "head",
        re.compile(
            r"^\s*(?:analysis|news analysis|explainer|explained|fact check|the big picture)\b\s*[:|\-\u2013\u2014]", _I
        ),
    ),
)

#: One gate per signal of :data:`_SIGNALS` (speed only): ``(folded, group, group, ...)``. Every match of
#: the signal contains a word of each group (in the lowercased text when ``folded``, for a pattern that
#: ignores case; else in the text as it is), so a text without one cannot match and is not scanned.
#: The rarer group comes first (the others are not read when it is missing). ``None``: always scanned. Not used when the text has a letter that ignoring case matches with a letter
#: of another length or form (dotted or dotless i, long s): then every signal is scanned.
_GATES: tuple = (
    (True, ("for immediate release", "press release", "news release", "media release", "media advisory")),
    (True, ("contact", "inquiries", "enquiries"), ("media", "press")),
    (True, ("contact", "for more information"), (":",)),
    (True, ("###", "-30-", "end")),
    (False, ("about ",)),
    (True, ("announc", "launch", "unveil"), ("today", "proudly", "pleased to", "proud to", "excited to")),
    (
        True,
        ("announc", "launch", "invites", "encourages"),
        ("city", "town", "county", "council", "ministry", "department", "company", "university", "agency"),
    ),
    (
        True,
        ("opinion", "editorial", "op-ed", "comment", "column", "our view", "letter", "viewpoint", "perspective"),
    ),
    (True, ("review",)),
    (True, ("rating", "verdict")),
    (True, ("the editorial board", "this newspaper believes", "the views expressed", "the board believes")),
    (
        False,
        ("we ", "I "),
        ("hope", "urge", "believe", "think", "call on", "ask", "expect", "fear", "trust", "doubt", "must"),
    ),
    (True, ("in my view", "in our view", "in my opinion", "in our opinion", "i would argue", "let us", "let's hope")),
    None,
    (True, ("analysis", "explainer", "explained", "fact check", "the big picture")),
)


def _open(gate, seen: str) -> bool:
    """Whether ``seen`` has a word of each group of ``gate``."""
    for group in gate[1:]:
        for word in group:
            if word in seen:
                break
        else:
            return False
    return True


class Genre(FrozenRecord):
    """The genre, the signals that decided it (``(start, end)`` offsets), and the scores."""

    label: str
    evidence: tuple = ()
    scores: tuple = ()

    def __init__(self, label: str, evidence: tuple = (), scores: tuple = ()) -> None:
        d = self.__dict__
        d["label"] = label
        d["evidence"] = evidence
        d["scores"] = scores

    @property
    def is_opinion(self) -> bool:
        return self.label == "opinion"

    @property
    def is_press_release(self) -> bool:
        return self.label == "press release"

    @property
    def is_interview(self) -> bool:
        return self.label == "interview"


def detect(article) -> Genre:
    """The :class:`Genre` of ``article`` (computed once per article)."""
    cache = article._cache
    if "genre" in cache:
        return cache["genre"]
    text = article.text
    n = len(text)
    head_end = min(n, (article.headline.end if article.headline else 0) + 300)
    zones = {"head": (0, head_end), "tail": (max(0, n - 600), n), "body": (0, n)}
    scores = {g: 0.0 for g in GENRES}
    evidence: dict = {g: [] for g in GENRES}
    # the gates: a signal none of whose words is in the text cannot match (see _GATES)
    low = None if "\u0130" in text or "\u0131" in text or "\u017f" in text else text.lower()
    for (genre, weight, where, pat), gate in zip(_SIGNALS, _GATES):
        seen = None if gate is None else low if gate[0] else text
        if seen is not None and not _open(gate, seen):
            continue
        a, b = zones[where]
        hits = [m.span() for m in pat.finditer(text, a, b) if m.end() > m.start()]
        if not hits:
            continue
        # Repeated signals count, with diminishing weight (three at most).
        scores[genre] += weight * min(len(hits), 3) ** 0.5
        evidence[genre].extend((x, y) for x, y in hits[:3])
    first_person = _first_person_outside_quotes(text)
    if len(first_person) >= 2:
        # the writer speaks as "I" in their own voice (not inside a quotation)
        scores["opinion"] += 1.0
        evidence["opinion"].extend(first_person[:3])
    questions, _answers = qa_parts(article)
    if len(questions) >= 3:
        # an interview in question-and-answer form: the questions are the interviewer's
        scores["interview"] += 3.0 * min(len(questions), 3) ** 0.5
        evidence["interview"].extend(questions[:3])
    best = max(("opinion", "press release", "analysis", "interview"), key=lambda g: scores[g])
    label = best if scores[best] >= THRESHOLD else "news report"
    ev = tuple(sorted(_strip(text, a, b) for a, b in evidence.get(label, ()))) if label != "news report" else ()
    out = Genre(label, ev, tuple((g, round(s, 2)) for g, s in scores.items()))
    cache["genre"] = out
    return out


#: A paragraph that is the interviewer's question: it ends with a question mark (not inside a quotation)
#: and is short; a speaker's label ("Q:", "INTERVIEWER:") may open it.
_QUESTION_END = re.compile(r"\?[ \t]*$")
_QUESTION_MAX = 400


_FIRST_PERSON_ANSWER = re.compile(r"(?<![\w'])(?:I|I'm|I've|I'd|I'll|[Mm]y|me|[Ww]e|[Oo]ur|us)(?![\w'])")


def qa_parts(article) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The question paragraphs and the answer paragraphs of an interview in question-and-answer form,
    as ``(start, end)`` offsets: ``([], [])`` unless three or more questions, each followed by a
    paragraph that is not a question, are found, and two answers or more speak in the first person ("I",
    "we": an FAQ or an explainer with question subheads is no interview). An answer runs from the paragraph
    after its question to the paragraph before the next question; after the last question it is one
    paragraph. A paragraph in quotation marks is no question (a quoted line).

    >>> from mediakit import load_article
    >>> t = "Life on the island\\n\\nWe met her in May.\\n\\nWhy stay?\\n\\nI like the quiet.\\n\\nAnd winter?"
    >>> t += "\\n\\nLong. We cope."
    >>> q, a = qa_parts(load_article(t + "\\n\\nRegrets?\\n\\nNone at all.\\n\\nShe leaves in June."))
    >>> len(q), len(a)
    (3, 3)
    >>> qa_parts(load_article(t))  # two questions
    ([], [])
    >>> faq = "Salt FAQ\\n\\nWhat is salt?\\n\\nA mineral.\\n\\nWhy salt roads?\\n\\nIt was taxed."
    >>> qa_parts(load_article(faq + "\\n\\nWhere is it mined?\\n\\nIn Austria."))  # no first person: an FAQ
    ([], [])
    """
    cache = article._cache
    if "qa_parts" in cache:
        return cache["qa_parts"]
    paras = article.paragraphs
    text = article.text
    is_q = [
        p.end - p.start <= _QUESTION_MAX
        and bool(_QUESTION_END.search(p.text))
        and not p.text.lstrip().startswith(('"', "\u201c", "'", "\u2018"))
        for p in paras
    ]
    questions: list[tuple[int, int]] = []
    answers: list[tuple[int, int]] = []
    for i, p in enumerate(paras):
        if not is_q[i] or i + 1 >= len(paras) or is_q[i + 1]:
            continue
        j = i + 1
        while j + 1 < len(paras) and not is_q[j + 1]:
            j += 1
        last = not any(is_q[i + 1 :])
        if last:
            j = i + 1  # after the last question only one paragraph is surely the answer
        questions.append((p.start, p.end))
        answers.append((paras[i + 1].start, paras[j].end))
    # the interviewee speaks in the first person: an FAQ or an explainer with question subheads does not
    spoken = sum(1 for a, b in answers if _FIRST_PERSON_ANSWER.search(text, a, b))
    out = (questions, answers) if len(questions) >= 3 and spoken >= 2 else ([], [])
    cache["qa_parts"] = out
    return out


_QUOTE_MARK = re.compile('["\u201c\u201d]')
# "I" not after a word character or an apostrophe; written with the "I" first (and the look-behind
# after it) so that the regex engine can skip straight to each capital I.
_FIRST_PERSON = re.compile(r"I(?<![\w'\u2019]I)(?:'m|\u2019m|'ve|\u2019ve)?(?=\s+[a-z])")


#: A transcript paragraph: it opens with a speaker's label in capitals ("ABARA: ...", "Q: ...").
_SPEAKER_LABEL = re.compile(r"[ \t]*[A-Z][A-Z.'\u2019-]*(?:[ \t]+[A-Z][A-Z.'\u2019-]*){0,2}:[ \t]")


def _first_person_outside_quotes(text: str) -> list[tuple[int, int]]:
    """The writer's own "I" (outside double quotation marks, paragraph by paragraph). In a transcript
    paragraph ("ABARA: In 2019, I think.") the "I" is the speaker's, not the writer's.

    >>> _first_person_outside_quotes("I think so.\\nABARA: I think so.\\nShe said \\"I think so.\\"")
    [(0, 1)]
    """
    out: list[tuple[int, int]] = []
    pos = 0
    for para in text.split("\n"):
        if "I" not in para:  # no "I" to find (speed only)
            pos += len(para) + 1
            continue
        if _SPEAKER_LABEL.match(para):
            pos += len(para) + 1
            continue
        inside = False
        last = 0
        # only the quotation marks change the state: visit those, not every character
        for q in _QUOTE_MARK.finditer(para):
            i, ch = q.start(), q.group()
            if not inside:
                out.extend((pos + last + m.start(), pos + last + m.end()) for m in _FIRST_PERSON.finditer(para[last:i]))
            inside = ch == "\u201c" or (ch == '"' and not inside)
            if ch == "\u201d":
                inside = False
            last = i + 1
        if not inside:
            out.extend((pos + last + m.start(), pos + last + m.end()) for m in _FIRST_PERSON.finditer(para[last:]))
        pos += len(para) + 1
    return out


def _strip(text, a, b):
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


_EXPLAIN = {
    "news report": (
        "This reads as a news report: the writer reports events and what sources said. "
        "Claims in the writer's own voice should rest on a source or on the writer's own reporting."
    ),
    "analysis": (
        "This reads as an analysis: the writer interprets the news. Interpretations in the writer's "
        "voice are expected, but they are the writer's reading, not established fact."
    ),
    "opinion": (
        "This reads as an opinion piece (an editorial, column, op-ed or review): the writer's judgements, hopes "
        "and forecasts are expected and are the writer's own. Check the facts the argument rests on."
    ),
    "interview": (
        "This reads as an interview in question-and-answer form: the questions are the interviewer's, "
        "the answers are the interviewee's own words. What the interviewee says is their account, not "
        "checked reporting: look for another source that confirms the facts it gives."
    ),
    "press release": (
        "This reads as a press release: the issuer speaks about itself. Its statements are the "
        "issuer's own claims (the issuer is the source), not independent reporting: look for "
        "another source that confirms them."
    ),
}


def finding(article) -> Finding:
    """The genre as a document-level :class:`~mediakit.spans.Finding` (kind and label ``genre``).

    >>> from mediakit import load_article
    >>> f = finding(load_article())
    >>> f.kind, f.label, f.explanation.split(":")[0]
    ('genre', 'genre', 'This reads as a news report')
    """
    g = detect(article)
    return Finding("genre", "genre", _EXPLAIN[g.label], g.evidence)


_ISSUER = re.compile(
    r"\b(?:[Tt]he[ \t]+)?(?:City|Town|County|Council|Ministry|Department|Office|University|Government)"
    r"(?:[ \t]+of)?(?:[ \t]+[A-Z][\w&'-]*){1,4}|\b(?:[Tt]he[ \t]+)?[A-Z][\w&'-]*(?:[ \t]+[A-Z][\w&'-]*){0,3}[ \t]+"
    r"(?:Inc\.?|Ltd\.?|LLC|Corporation|Corp\.?|Company|Council|Authority|Agency|Network|Trust|Foundation"
    r"|Charity|Association|Society|Institute|Alliance|Coalition|Federation|Fund|Group|Union|Hospital|Museum"
    r"|Commission|Partnership|Plc|PLC)(?![\w&'-])"
)
#: The subject of a release's first sentence, after its dateline: "LEEDS, 2 May – Brightwater, a charity ...,
#: said today", "Aldgate Bikes today launched ...".
_LEAD_ISSUER = re.compile(
    r"^[A-Z][A-Z .'-]+,[^\n\u2013\u2014]{0,40}?(?:--|[\u2013\u2014]|\s-)\s*"
    r"((?:The\s+)?[A-Z][\w&'-]*(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w&'-]*){0,4})"
    r"(?=,\s+(?:a|an|the|which|one)\s|\s+(?:today|this\s+week|has|have|will|is|announced|said|says|launched|opened|"
    r"reported|published|released|unveiled|welcomed|confirmed)\b)",
    re.MULTILINE,
)


def issuer(article) -> str:
    """The issuer a press release names first ("The City of Alden"), else ''.

    >>> from mediakit import load_article
    >>> issuer(load_article("FOR IMMEDIATE RELEASE\\n\\nThe City of Alden today announced a new park."))
    'The City of Alden'
    >>> issuer(load_article("PRESS RELEASE\\n\\nLEEDS, 2 May 2026 \u2013 Aldgate Bikes today launched a scheme."))
    'Aldgate Bikes'
    """
    m = _ISSUER.search(article.text)
    if m:
        return m.group(0)
    lead = _LEAD_ISSUER.search(article.text)
    return lead.group(1) if lead else ""
