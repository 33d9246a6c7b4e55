"""Claim lens: body sentences that assert something with no source ("says who?").

A body sentence is *attributed* when an attribution cue lies inside it, when the
content a cue reports reaches into it, or when it holds a direct quotation. Every other
body sentence is a claim in the writer's own voice, and gets one ``claim`` span that
covers the whole sentence, labelled:

- ``mind_reading``: a collective actor, a capital standing for a government, or "no
  one"/"everyone" is said to know, think, want, believe or fear something
  ("Kiev knows ...", "No one knows how."). Not when the sentence only supposes it
  ("if Kyiv wants ...").
- ``unattributed_judgement``: the sentence judges: it holds loaded language in the
  writer's voice, a hedge or certainty marker (a forecast or a verdict: "could be too
  high", "makes sense", "must"), a superlative ("most compelling") or an evaluative
  word from ``claim_judgement_words.csv`` ("dangerous", "too high", "should").
- ``unattributed_fact``: a plain factual assertion with no source.
- ``carried_attribution``: a sentence that goes on with the account of a study or report
  cited just before (an attribution cue whose source is a document word of
  ``source_groups.csv``: "A study published in X found ..."), in the same paragraph or the
  next, and refers back to it ("The trial, led by ...", "About one in five participants
  ...", "At the end of the study ..."), or, right after such a sentence in the same
  paragraph, opens with "Half", "Most", "They" ...: its source is the one cited in ¶N, by
  carry-over, not the writer. A judgement about the study stays a judgement.
- ``reported_event``: in a news report, a public event told in the writer's voice (a verb
  in the simple past and a time anchor of the event: "in the 55th minute", "before
  half-time", "After the break", "on Saturday"): the reporter may have seen it or taken it
  from a record, so the question is how they know, not "Says who?". A cause, a motive, a
  trend with a figure ("rose by 8 percent"), a forecast, a summing-up in the present or
  present perfect, and an agentless passive ("was confirmed on Monday") keep "Says who?".

The genre (:mod:`mediakit.genre`) changes whose voice the writer's voice is:

- ``issuer_statement`` (a **press release**): the issuer speaks about itself, so it is
  the source of its own statements: no "Says who?", but a reminder that the issuer is
  not independent;
- ``writer_opinion`` (an **opinion** piece): a judgement, a hope ("We hope ...") or a
  forecast ("will", "is going to") in the writer's voice is the writer's own opinion,
  expected in the genre, never an unattributed fact. A first-person account in the
  writer's voice ("I drive myself") and the writer's bio closing the piece ("Helen
  Marsh is a retired teacher ...") are not claims: the writer is their source; nor is a
  sentence that turns to the reader ("Write to your councillor."): it is advice; nor is
  a signpost ("Let me start with ..."). A command or an exhortation ("So yes, ban the
  phones.", "Let us stop pretending ...", "Leave before the storm.") is the writer's
  recommendation (``writer_opinion``). A
  sentence with no listed word but the shape of an argument (a modal of ability "Councils
  can help.", the editorial "we" with a verb of stance "We do not doubt", a comparison or
  superlative, a generic subject "Nobody
  ...", "A hospital that ...", a verdict "That is true", "It mostly is not.", an
  evaluative adjective after a copula "are right to", "deserve", an impression "It feels
  as if ...") is the writer's view too, unless
  it gives a figure, a date or a name a reader could look up ("after seven in the
  evening", "in April", "Scotland and Wales"): then it stays a fact. "Would" in the
  writer's voice is a projection ("Patients would pay ..."), like "will".

A cue whose source is "Nobody", "No one" or "Everyone" ("Nobody suggests shutting the fire
station ...") attributes nothing: the sentence is the writer's (in an opinion piece, with a verb
of stance, the writer's argument).

A **writer's aside** inside attributed content is the writer's own claim: a
non-restrictive clause (", where Ukrainian troops are slowly losing ground") that
describes the world rather than what the source said gets its own claim span (meta
``aside`` true, ``voice`` ``writer``) over the clause.

``meta``: ``evidence`` = the ``[start, end]`` pairs of the words that made the
judgement or the mind-reading (empty for a fact). The outlet's note on its own checking
("could not be independently verified", "Reuters could not independently verify the
report.") and, in an interview in question-and-answer form (:func:`mediakit.genre.qa_parts`),
the questions and the interviewee's answers are no claims; nor is the outlet's note on its
reporting ("could not be reached for comment", "did not respond to a request for comment"),
nor a naming verb whose subject is the source of the quoted name ('The press notice called it
a "network optimisation".'); nor is a signpost ("Here is what
we know so far."). The headline and page furniture are
never claims (they are not body sentences); questions are not claims.

>>> from mediakit import load_article
>>> a = load_article("Moscow fears the plan. The bridge opened in 1998. It was a brutal decision.")
>>> [(s.label, s.text) for s in find(a, {})]
[('mind_reading', 'Moscow fears the plan.'), ('unattributed_fact', 'The bridge opened in 1998.'), ('unattributed_judgement', 'It was a brutal decision.')]

Word lists: ``claim_actors.csv`` (collective subjects: ``term``, ``category``),
``claim_mind_verbs.csv`` (``term`` with ``|``-separated forms), and
``claim_judgement_words.csv`` (``term``, ``category``, ``explanation``, as for the
loaded lens); ``MEDIAKIT_LEXICONS`` points at an instructor's folder.

Not detected: carry-over from a person's account (only a study, report, survey ... is
carried), or from a source cited further back than the previous paragraph, or by a sentence
that does not refer back with one of the listed words; a public event with no time anchor
("The stadium opened in 1998." stays a fact), or told in the present ("The result lifts them
to third."); attribution the attribution lens misses (a sentence then counts as
unattributed), and a sentence that is attributed only by the one before it ("She
added:" on its own line is read as its own sentence); background facts that need no
source (common knowledge is flagged like any other fact); whether a fact is true;
mind-reading of a named person ("Putin knows") or with words not in the lists;
in an opinion piece, an argument with none of the shapes above ("So ask.", a command
whose verb is not followed by an object, an adverb or, in a short sentence, a preposition;
"The performances are excellent." with an adjective not in the lists) stays a fact, a
command whose first word could be a noun ("Work with the council.") is read as one, and a
checkable comparison with no figure ("A guard costs less than a camera") is read as the
writer's view;
judgement carried by word choice outside the lists, by irony, or by what is left out.
"""

from __future__ import annotations

import bisect
import functools
import re

from .. import genre
from ..spans import Span
from . import hedges, loaded
from .loaded import (
    Regions,
    compile_lists,
    lexicon_folder,
    normalized,
    read_list,
    scan_article,
    trie_pattern,
    word_before,
)

LAYER = "claim"
LABELS = (
    "mind_reading",
    "unattributed_judgement",
    "unattributed_fact",
    "issuer_statement",
    "writer_opinion",
    "carried_attribution",
    "reported_event",
)

EXPLANATIONS = {
    "mind_reading": (
        "Says who? The writer states what a whole government, country or group knows, thinks or wants "
        "({words}), with no source. No one can see into a collective mind: who said so, and how "
        "does the writer know?"
    ),
    "unattributed_judgement": (
        "Says who? A judgement in the writer's own voice ({words}) with no source: it reads like a "
        "fact, but it is an opinion or a forecast. Ask who holds it, and on what evidence."
    ),
    "unattributed_fact": (
        "Says who? A factual statement with no source. It may be true, but the reader cannot check "
        "where it comes from: look for a source that confirms it."
    ),
    "issuer_statement": (
        "The issuer's own statement: this is a press release, so {issuer} is the source of what it says "
        "about itself. It is not independent reporting: look for another source that confirms it."
    ),
    "writer_opinion": (
        "The writer's own opinion ({words}): in an opinion piece judgements, hopes and forecasts are "
        "expected, and this one is the writer's, not a fact. Check the facts it rests on."
    ),
}
#: ``writer_opinion`` for an opinion piece's argument that holds no listed word: the writer's view, stated plainly.
ARGUMENT_EXPLANATION = (
    "The writer's own view: this is an opinion piece, and the sentence argues rather than reports (it gives no "
    "figure, date or name that a reader could look up). It is the writer's, not an established fact: ask "
    "what it rests on."
)
ASIDE_EXPLANATION = (
    "Says who? The writer's own claim, made in passing inside what others are reported to say: this clause "
    "describes the world in the writer's voice, with no source of its own."
)
ALTERNATIVE = {
    "mind_reading": 'Name who said it: "Officials in Kyiv say they expect ..."',
    "unattributed_judgement": 'Attribute the judgement ("according to ...", "X argues") or give the evidence for it.',
    "unattributed_fact": 'Name the source ("according to ...") or link to the record.',
    "issuer_statement": "",
    "writer_opinion": "",
    "carried_attribution": "",
    "reported_event": 'Say how the writer knows ("our reporter was there", "according to the official record").',
}
#: ``reported_event``: a public event told in the writer's voice, in a news report.
EVENT_EXPLANATION = (
    "The writer reports this as what happened, without naming a source: the reporter may have seen it, or "
    "taken it from a record. Ask how they know."
)
#: A verb in the simple past: "-ed" or an irregular past form.
_PAST = re.compile(
    r"(?<![\w'])(?:[a-z]{2,}ed|won|lost|ran|scored|struck|beat|threw|kicked|hit|took|gave|came|went|got|made|left"
    r"|held|led|fell|rose|grew|broke|caught|drew|shot|sent|met|told|found|began|fought|saw|swept|stood|put|set"
    r"|cut|chose|wrote|spoke|sang|brought|built|paid|sold|fled|overtook|overcame)(?![\w'])"
)
#: Time anchors of a reported event: "after six minutes", "before half-time", "After the break".
_WHEN = re.compile(
    r"(?i)^(?:After|Before|During|Early|Late|Later|Earlier|Moments|Minutes|Seconds|Soon|Then|At\s+the|In\s+the|On\s+the)"
    r"(?![\w'])|(?<![\w'])(?:minutes?|seconds?|half-time|halftime|full-time|kick-off|morning|afternoon|evening"
    r"|night|overtime|extra\s+time|innings?|quarter|lap|round|set|yesterday|today|tonight|monday|tuesday|wednesday"
    r"|thursday|friday|saturday|sunday)(?![\w'])"
)
#: An agentless passive ("The death was confirmed on Monday."): who did it, or who says so, is left out.
_PASSIVE = re.compile(
    r"(?i)(?<![\w'])(?:was|were|been|being)\s+(?:\w+ly\s+)?(?:[a-z]+ed|[a-z]+en|held|led|left|sent|told"
    r"|found|put|set|cut|hit|shot|caught|built|paid|sold|won|lost|made|beaten|struck)(?![\w'])"
)
#: What a reporter cannot witness: causes, motives, trends, forecasts, analysis, and present perfects that
#: sum up ("has tried"). A sentence with one of these keeps "Says who?".
_NOT_WITNESSED = re.compile(
    r"(?i)(?<![\w'])(?:because|since|due\s+to|as\s+a\s+result|thanks\s+to|led\s+to|caused?|causing|so\s+that|why|trend"
    r"|increasingly|growing|will|would|could|might|may|likely|expected|amid|sign|signs|reflects?|reflected|shows?|showed"
    r"|means?|meant|suggests?|suggested|wanted|hoped|feared|believed|thought|knew|felt|intended|planned|tried|sought"
    r"|seemed|appeared|has|have|had|is|are|am|usually|often|always|never|generally|typically"
    r"|(?:rose|fell|grew|increased|decreased|declined|dropped|climbed|slumped|surged|soared|plunged)\s+(?:by|to|from"
    r"|sharply|steadily|\d))(?![\w'])"
)
#: ``carried_attribution``: a sentence that goes on with the account of a study or report cited just before.
CARRIED_EXPLANATION = (
    "From the {source} cited in \u00b6{n}: this sentence goes on with that account (it refers back to it), so its "
    "source is the one named there, by carry-over, not the writer. Check that the {source} does say this."
)
#: Words that point back to a cited study or report: "the trial", "the researchers", "participants".
_BACK_REFERENCE = re.compile(
    r"(?i)(?<![\w'])(?:(?:the|this|that|its|their|these|those)\s+(?:[\w'-]+\s+)?(?:study|studies|trial|trials|report"
    r"|survey|review|analysis|paper|research|poll|audit|inquiry|investigation|experiment|findings|results|data"
    r"|researchers|authors|scientists|investigators|team|sample|cohort)"
    r"|participants|volunteers|respondents)(?![\w'])"
)
#: A sentence that continues the one before it in the same paragraph: "Half were ...", "They also found ...".
_CONTINUES = re.compile(
    r"^(?:Half|Most|Some|Many|Few|None|All|Both|Those|They|These|Its|Their|Of\s+these|Of\s+those|The\s+rest"
    r"|The\s+others?)(?![\w'])"
)

#: A hope or a forecast in the writer's voice (an opinion piece's "We hope ...", "will").
_HOPE_FORECAST = re.compile(
    r"(?<![\w'])(?:(?:we|i|let's|let us)\s+(?:still\s+|also\s+|sincerely\s+)?(?:hope|wish|trust|expect|urge|believe|fear|doubt)"
    r"|hopefully|will(?:\s+not)?|won't|would(?:\s+not)?|wouldn't|is going to|are going to|is likely to|are likely to|is bound to|are bound to"
    r"|should|must|ought to)(?![\w'])"
)
#: A detail a reader can look up: a figure, a number word, a date or a proper name after the first word
#: ("after seven in the evening", "Scotland and Wales", "in April"). In an opinion piece a sentence in the
#: writer's voice with none of these is the writer's argument, not a checkable fact.
_CHECKABLE = re.compile(
    r"\d|(?<![\w'])(?i:one(?!\s*[.,;:!?)])|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty"
    r"|hundred|hundreds|thousand|thousands|million|millions|billion|billions|dozen|dozens|half|quarter|third"
    r"|per\s?cent|percent|once|twice|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february"
    r"|march|april|june|july|august|september|october|november|december|yesterday|today|tomorrow|last\s+year"
    r"|last\s+week|last\s+month)(?![\w'])"
    r"|(?<=[\w,;:)] )(?!I(?![\w']))[A-Z][\w'\u2019-]*"
)
#: The shape of an argument rather than a report, in an opinion piece: a modal of ability ("Councils can
#: help."), the editorial "we" with a verb of stance ("We do not doubt"), a comparison or superlative
#: ("more capable than", "fall hardest"), a
#: generic subject ("Nobody chooses ...", "A hospital that ..."), a verdict on what was just said ("That is
#: true", "It mostly is not.") or an evaluative adjective after a copula ("are right to", "is fair").
_ARGUMENT = re.compile(
    r"(?<![\w'])(?:can|cannot|can't)(?![\w'])"
    r"|(?<![\w'])we\s+(?:(?:do|did)\s+not\s+|don't\s+|all\s+|simply\s+)?"
    r"(?:doubt|think|believe|know|agree|disagree|accept|understand|need|want|owe|deserve)(?![\w'])"
    r"|(?<![\w'])(?:is|are|was|were)(?:\s+not|n't)\s+(?:a|an|like\s+a|like\s+an)\s+[\w'-]+(?:\s+[\w'-]+)?\s+(?:that|which|who)\s"
    r"|(?<![\w'])(?:more|less|fewer|most|least|than|best|worst|deserves?|deserved)(?![\w'])"
    r"|(?<![\w'])(?:feels?|felt|seems?|seemed|looks?|looked)\s+(?:as\s+if|as\s+though|like)(?![\w'])"
    r"|(?<![\w'])(?!(?:for|inter|pro|re|sugg|harv|gu|ch|arr|inv|cont|dig|manif|mod|hon|lat|qu|conqu|prot|att)est\b)"
    r"[a-z]{2,}(?:i|[^aeiou\W\d_])est(?![\w'])"
    r"|^[\"'\u201c]?(?:Nobody|No one|Nothing|Everyone|Everybody|Everything|Anyone|Anything)(?![\w'])"
    r"|^[\"'\u201c]?(?:An?)\s+[\w'-]+(?:\s+[\w'-]+)?\s+(?:that|who|which|whose)\s"
    r"|^(?:But\s+|And\s+|So\s+|Yet\s+)?(?:(?:That|This)(?:\s+\w+ly)?\s+(?:is|was|isn't|wasn't)|It(?:\s+\w+ly)?\s+(?:is|isn't))"
    r"(?![\w'])"
    r"|(?<![\w'])(?:is|are|was|were|be|been|seems?|looks?)(?:\s+not|n't)?(?:\s+\w+ly)?\s+"
    r"(?:right|wrong|true|false|fair|unfair|reasonable|unreasonable|possible|impossible|necessary|unnecessary"
    r"|important|clear|simple|easy|hard|enough|worth|beside the point|the point)(?![\w'])",
    re.IGNORECASE,
)
#: "Nobody suggests shutting the fire station because ...": a rhetorical "nobody" with a verb of stance argues,
#: whatever figures or dates its example holds ("No one was hurt on Monday." stays a fact).
_RHETORICAL_NOBODY = re.compile(
    r"^(?:But\s+|And\s+|Yet\s+)?(?:Nobody|No one|No-one)\s+(?:\w+ly\s+)?(?:suggests|argues|thinks|says|wants|believes"
    r"|claims|proposes|expects|would|asks|doubts|disputes|pretends|seriously)(?![\w'])"
)
#: A sentence about the writer in the first person, possibly after an opening phrase: "I drive myself",
#: "Every weekday at half past seven, I watch ...".
_FIRST_PERSON_ACCOUNT = re.compile(
    r"^(?:[^,.;:!?\"\u201c]{0,60},\s+|(?:Every|Each|On|In|At|Last|This|Most|Some|Twice|Once|Often|Sometimes|Then|Now)"
    r"(?:\s+[A-Za-z]+){0,3}\s+(?=I\s))?I(?:'m|\u2019m|'ve|\u2019ve)?\s+[a-z]"
)
#: The writer's note on its own checking, in the passive: "could not be independently verified".
_VERIFICATION_NOTE = re.compile(
    r"(?:\b(?:could|can|has|have|had|was|were|is|are)\s+not|\bcannot|n't)\s+(?:yet\s+)?(?:be\s+|been\s+)?"
    r"(?:immediately\s+|independently\s+)*(?:verified|confirmed|corroborated)\b",
    re.IGNORECASE,
)


def _may_verify(sentence: str) -> bool:
    """Whether :data:`_VERIFICATION_NOTE` may match ``sentence`` (speed only): each of its matches ends
    on "verified", "confirmed" or "corroborated" in any case; a dotted or dotless i also matches "i".

    >>> _may_verify("It could not be independently VERIFIED."), _may_verify("It was not checked.")
    (True, False)
    """
    low = sentence.lower()
    return "verified" in low or "confirmed" in low or "corroborated" in low or "\u0130" in sentence or "\u0131" in low


#: The writer's note on its own reporting: "could not be reached for comment", "did not respond to a request
#: for comment".
_REACH_NOTE = re.compile(
    r"(?i)(?<![\w'])(?:could|can)(?:\s+not|not|n't|\u2019t)\s+(?:immediately\s+)?be\s+reached(?![\w'])"
    r"|(?<![\w'])did(?:\s+not|n't|\u2019t)\s+(?:immediately\s+)?(?:respond|reply)\s+to\s+(?:an?\s+|our\s+)?"
    r"(?:requests?|emails?|calls?|messages?|questions?)(?:\s+for\s+comment)?(?![\w'])"
)
#: A naming verb whose subject (in the sentence) is the source of the quoted name: 'The press notice called it
#: a "network optimisation".', 'Officials described the move as "temporary".'
_NAMING_QUOTE = re.compile(
    r"^(?:[A-Z][^.!?\"\u201c]{2,80}?)\s(?:called|calls|described|describes|dubbed|dubs|termed|terms|labelled|labels"
    r"|labeled|branded|brands|billed|bills)\s+(?:[^\"\u201c.!?]{0,50}?\s)?[\"\u201c]"
)
#: The writer's signpost to the reader: "Let me start with ...", "Let me be clear."
_SIGNPOST = re.compile(r"^(?:(?:So|But|And|Now|First|Finally),?\s+)?Let\s+me\s")
#: A signpost in any genre: "Here is what we know so far.", "Here's how it works."
_HERE_IS = re.compile(r"^(?:Here\s+is|Here's|Here\u2019s|Here\s+are)\s+(?:what|how|why|when|where|who|everything)\b")
#: Openers before an imperative: "So yes, ban the phones.", "But let us stop ...".
_OPENERS = re.compile(
    r"^(?:(?:so|but|and|yes|no|now|then|instead|please|rather|simply|just|first|finally|above all|in short)"
    r"(?:,\s*|\s+))*",
    re.IGNORECASE,
)
#: A word after a bare verb of command: its object or an adverb of manner ("ban the phones", "Do it quietly").
_OBJECT_AFTER = re.compile(
    r"[\w'-]+\s+(?:the|a|an|it|them|us|me|him|her|this|that|these|those|your|our|their|his|its|some|more|less"
    r"|every|each|all|no|[a-z]+ly)\b"
)
#: Closed-class words that open a sentence but never as a bare verb of command (determiners, pronouns,
#: prepositions, conjunctions, adverbs of time and place, numbers).
_NOT_IMPERATIVE = frozenset(
    """a an the this that these those my your our their his her its some any every each all both no many much
    few several most more less one two three i you we they he she it there here today yesterday tomorrow now
    then soon later once after before during since until when while where why how what who which if unless
    although though because as at by for from in into of on onto over under with without about against among
    between through across behind beyond near around like than so but and or nor yet also only even still
    already never always often sometimes perhaps maybe certainly surely indeed however meanwhile instead
    last next first second third""".split()
)
#: ``writer_opinion`` for a recommendation in the writer's voice (an imperative, "let us ...").
RECOMMENDATION_EXPLANATION = (
    "The writer's own recommendation: this is an opinion piece, and the sentence tells the reader or the "
    "authorities what to do. It is the writer's view, not a fact: ask what the recommendation rests on."
)


def _imperative(sentence: str, article) -> bool:
    """Whether ``sentence`` opens with a command or an exhortation: "Let us ...", "Let's ...", or a bare
    verb followed by its object or an adverb ("Ban the phones.", "So yes, ban the phones.", "Do it
    quietly."). A first word that is a closed-class word, ends in "-s", "-ed", "-ing" or "-ly", or is
    written with a capital in mid-sentence elsewhere (a name) is no verb of command.

    >>> from mediakit import load_article
    >>> a = load_article("Phones\\n\\nSo yes, ban the phones. Do it quietly. Schools ban phones. Cork banned them.")
    >>> [_imperative(s.text, a) for s in a.sentences]
    [True, True, False, False]
    """
    opener = _OPENERS.match(sentence)
    rest = sentence[opener.end() if opener else 0 :]
    if re.match(r"(?i)let(?:'s|\u2019s|\s+us)\s", rest):
        return True
    m = _OBJECT_AFTER.match(rest) or (
        len(rest.split()) <= 8 and _PREP_AFTER.match(rest) and not _FINITE_LATER.search(rest)
    )
    if not m:
        return False
    word = rest.split(None, 1)[0].strip(",;:")
    first = word.lower()
    if first in _NOT_IMPERATIVE or not first.isalpha() or first.endswith(("s", "ed", "ing", "ly")):
        return False
    return not (word[:1].isupper() and word in _mid_sentence_capitals(article))


#: The outlet's own note on its checking, in the active voice: "Reuters could not independently verify the report."
_VERIFICATION_ACTIVE = re.compile(
    r"^(?:We|(?:The\s+)?[A-Z][\w&.'\u2019-]*(?:\s+[A-Z][\w&.'\u2019-]*){0,3})\s+"
    r"(?:could|can|did|does|has|have|was|were|is|are)(?:\s+not|n't)\s+(?:been\s+able\s+to\s+|able\s+to\s+)?"
    r"(?:immediately\s+|independently\s+)*(?:verify|confirm|corroborate)\b"
)
#: After a bare verb of command in a short sentence, a preposition: "Go for the corridor scene.",
#: "Leave before the storm."
_FINITE_LATER = re.compile(r"\s(?:is|was|are|were|has|had|have|will|would|can|could|may|might|must|should)\b")
_PREP_AFTER = re.compile(r"[\w'-]+\s+(?:for|before|after|with|into|to|on|at|from|out|away|back|early|now)\b")
#: The writer addressing the reader: "Write to your councillor.", "You can help."
_ADDRESS = re.compile(r"(?<![\w'])(?:you|your|yours|yourself|yourselves)(?![\w'])", re.IGNORECASE)
#: A columnist's bio closing an opinion piece: "Helen Marsh is a retired teacher ...".
_BIO = re.compile(
    r"^[A-Z][\w'.-]+(?:\s+[A-Z][\w'.-]+){1,3}\s+(?:(?:is|was)\s+(?:a|an)|(?:runs|writes|teaches|works|lives|owns|leads|chairs"
    r"|manages|directs|edits|farms|founded|taught|worked|lived|ran|has\s+(?:run|written|taught|worked|lived)))\s"
)
#: A time expression that makes "will" a schedule rather than a forecast.
_SCHEDULED = re.compile(
    r"\b(?:next|this|on|by|until|from)\s+(?:week|month|year|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"january|february|march|april|may|june|july|august|september|october|november|december)\b|\btomorrow\b"
    r"|\b(?:on|at|by)\s+\d"
)
#: A non-restrictive clause that describes the world: ", where troops are losing ground".
_ASIDE = re.compile(
    r",\s+(?:where|which|as)\s+(?:[\w'-]+\s+){1,5}?(?:is|are|was|were|has|have|had|remains?|continues?)"
    r"\s+[^,;.!?]{3,120}"
)

#: Words just before a collective subject that turn the sentence into a supposition.
CONDITIONAL = frozenset("if whether unless once until when whenever as though".split())
_ADVERBS = r"(?:also|still|already|surely|clearly|certainly|now|really|well|only|too|all|alone|long|probably|likely|no\s+doubt)"


@functools.cache
def _mind_verbs(folder: str | None) -> re.Pattern:
    verbs = [
        v.strip()
        for r in read_list("claim_mind_verbs", folder, ("term", "category"))
        for v in r["term"].split("|")
        if v.strip()
    ]
    norm = lambda s: " ".join(s.lower().replace("\u2019", "'").split())  # noqa: E731
    return re.compile(r"(?:[ \t]+" + _ADVERBS + r")?[ \t]+(?:" + trie_pattern({norm(v) for v in verbs}) + r")(?!\w)")


def judgement_matcher(folder: str | None = None):
    """The compiled ``claim_judgement_words.csv`` (and ``claim_judgement_*.csv``)."""
    return compile_lists(
        "claim_judgement", "claim_judgement_words", folder if folder is not None else lexicon_folder(), None
    )


#: A universal or empty source ("Nobody suggests ...", "Everyone knows ...") names no one: the cue attributes nothing.
_NO_ONE = frozenset(("nobody", "no one", "no-one", "none", "everyone", "everybody", "nothing"))


def _attributed_regions(found, text: str = "") -> Regions:
    pairs = []
    for c in found.get("attribution_cue", ()) if found else ():
        src = c.get("source")
        if text and src and " ".join(text[src[0] : src[1]].lower().split()) in _NO_ONE:
            continue  # "Nobody suggests shutting the fire station ...": the writer's own claim
        pairs.append((c.start, c.end))
        content = c.get("content")
        if content:
            pairs.append(tuple(content))
    for q in found.get("quote", ()) if found else ():
        if q.label == "direct":
            pairs.append((q.start, q.end))
    return Regions(pairs)


def _overlaps(regions: Regions, s: int, e: int) -> bool:
    # Some region starts before e and ends after s.
    i = bisect.bisect_left(regions.starts, e) - 1
    return i >= 0 and regions.max_end[i] > s


def _pairs_in(pairs, s: int, e: int, starts: list[int]):
    """The ``(start, end)`` pairs (sorted by start) that lie within ``[s, e)``."""
    i = bisect.bisect_left(starts, s)
    while i < len(pairs) and pairs[i][0] < e:
        if pairs[i][1] <= e:
            yield pairs[i]
        i += 1


def _outermost(pairs):
    """The pairs not nested inside another, sorted: [(1, 5), (2, 4), (7, 9)] -> [(1, 5), (7, 9)]."""
    if len(pairs) == 1:
        return list(pairs)
    out = []
    for a, b in sorted(set(pairs), key=lambda p: (p[0], -p[1])):
        if out and a >= out[-1][0] and b <= out[-1][1]:
            continue
        out.append((a, b))
    return out


def find(article, found) -> list[Span]:
    """One ``claim`` span per unattributed body sentence of ``article``."""
    text = article.text
    norm = normalized(article)
    folder = lexicon_folder()
    verbs = _mind_verbs(folder)
    attributed = _attributed_regions(found, text)
    found = dict(found or {})
    if "loaded" not in found:  # run on its own (e.g. in a doctest): read the word lists here
        found["loaded"] = tuple(loaded.find(article, found))
    if "hedge" not in found:
        found["hedge"] = tuple(hedges.find(article, found))
    evaluative = [
        (x.start, x.end) for layer in ("loaded", "hedge") for x in found[layer] if x.get("voice", "writer") == "writer"
    ]
    evaluative += [(h.start, h.end) for h in scan_article(article, "claim_judgement")]
    evaluative.sort()
    minds = []
    for h in scan_article(article, "claim_actor"):
        m = verbs.match(norm, h.end)
        if m and word_before(norm, h.start) not in CONDITIONAL:
            minds.append((h.start, m.end()))
    ev_starts = [a for a, _ in evaluative]
    mind_starts = [a for a, _ in minds]
    kind = genre.detect(article)
    issuer = genre.issuer(article) if kind.is_press_release else ""
    direct = Regions(
        [(q.start, q.end) for q in found.get("quote", ()) if q.label == "direct"]
        + [tuple(c.get("content")) for c in found.get("attribution_cue", ()) if c.get("quoted") and c.get("content")]
    )  # the speaker's own words (a direct quote, a transcript answer): an aside there is theirs
    questions, answers = genre.qa_parts(article) if kind.is_interview else ([], [])
    qa = Regions(questions + answers)
    last_body = article.sentences[-1].start if article.sentences else -1
    accounts = sorted(_document_cues(article, found))
    next_cue = 0
    account = None  # (the source's head noun, its paragraph, the last paragraph that went on with it)
    previous_carried = False
    out = []
    for sent in article.sentences:
        s, e = sent.start, sent.end
        carried_here, previous_carried = previous_carried, False
        while next_cue < len(accounts) and accounts[next_cue][0] < e:  # one pass: cues and sentences in order
            start, noun = accounts[next_cue]
            next_cue += 1
            para = article.paragraph_index(s)
            if start >= s and para is not None:
                account = (noun, para, para)
        if _overlaps(attributed, s, e):
            out.extend(_asides(article, norm, s, e, direct))
            continue
        sentence = sent.text
        if " " not in sentence or sentence.rstrip("\"'\u201d\u2019)] ").endswith("?"):
            continue
        if questions and _overlaps(qa, s, e):
            continue  # an interview: the interviewer's question, or the interviewee's answer (their own words)
        if kind.is_interview and _FIRST_PERSON_ACCOUNT.match(sentence.replace("We ", "I ", 1)):
            continue  # "We spoke to her by phone": the interviewer's own account of the interview
        if kind.is_opinion and (
            _FIRST_PERSON_ACCOUNT.match(sentence)
            or _BIO.match(sentence)
            and (e >= len(text.rstrip()) - 1 or s == last_body)
            or _SIGNPOST.match(sentence)
        ):
            continue  # the writer's first-hand account ("I drive myself") or their bio: the writer is the source
        if kind.is_opinion and _ADDRESS.search(sentence):
            continue  # the writer turns to the reader ("Write to your councillor."): advice, not a claim of fact
        if kind.is_opinion and _imperative(sentence, article):
            label = "writer_opinion"  # "So yes, ban the phones.", "Let us stop pretending ...": a recommendation
            out.append(
                Span(
                    LAYER,
                    label,
                    s,
                    e,
                    text[s:e],
                    RECOMMENDATION_EXPLANATION,
                    ALTERNATIVE[label],
                    (("evidence", ()), ("voice", "writer")),
                )
            )
            continue
        if _HERE_IS.match(sentence):
            continue  # "Here is what we know so far.": a signpost to what follows, no claim
        if _REACH_NOTE.search(sentence):
            continue  # "The coach could not be reached for comment.": the writer's note on its own reporting
        if _NAMING_QUOTE.match(sentence):
            continue  # 'The press notice called it a "network optimisation".': the source is the sentence's subject
        if (_may_verify(sentence) and _VERIFICATION_NOTE.search(sentence)) or _VERIFICATION_ACTIVE.match(sentence):
            continue  # "The claim could not be independently verified.": the writer's note on its own checking
        label, evidence = "unattributed_fact", []
        mind = list(_pairs_in(minds, s, e, mind_starts)) if minds else []
        if mind:
            label, evidence = "mind_reading", mind[:1]
        else:
            evidence = list(_pairs_in(evaluative, s, e, ev_starts))
            if evidence:
                label, evidence = "unattributed_judgement", _outermost(evidence)
        if kind.is_opinion and label != "mind_reading":
            more = [m.span() for m in _HOPE_FORECAST.finditer(norm, s, e)]
            if more and all(norm[a:b].startswith(("will", "won't")) for a, b in more) and _SCHEDULED.search(norm, s, e):
                more = []  # "The council will vote next week": a scheduled event, not a forecast
            if label == "unattributed_judgement" or more:
                label, evidence = "writer_opinion", _outermost(evidence + more)
            elif label == "unattributed_fact" and (
                _ARGUMENT.search(sentence) and not _checkable(sentence, article) or _RHETORICAL_NOBODY.match(sentence)
            ):
                label = "writer_opinion"  # "Councils can help.", "That is beside the point.": the writer argues
        elif kind.is_press_release and label in ("unattributed_fact", "unattributed_judgement"):
            label = "issuer_statement"
        if label == "unattributed_fact" and account is not None:
            para = article.paragraph_index(s)
            if para is not None and (
                (para - account[2] in (0, 1) and _BACK_REFERENCE.search(sentence))
                or (para == account[2] and carried_here and _CONTINUES.match(sentence))
            ):
                account = (account[0], account[1], para)
                previous_carried = True
                out.append(
                    Span(
                        LAYER,
                        "carried_attribution",
                        s,
                        e,
                        text[s:e],
                        CARRIED_EXPLANATION.format(source=account[0], n=account[1] + 1),
                        "",
                        (("carried_from", account[1] + 1), ("evidence", ()), ("voice", "source")),
                    )
                )
                continue
        if (
            label == "unattributed_fact"
            and kind.label == "news report"
            and _PAST.search(sentence)
            and _WHEN.search(sentence)
            and not _PASSIVE.search(sentence)
            and not _NOT_WITNESSED.search(sentence)
        ):
            label = "reported_event"  # "Harbourside's captain crossed the line in the 55th minute."
        words = ", ".join(f"\u201c{text[a:b]}\u201d" for a, b in evidence[:4]) if evidence else ""
        out.append(
            Span(
                LAYER,
                label,
                s,
                e,
                text[s:e],
                ARGUMENT_EXPLANATION
                if label == "writer_opinion" and not words
                else EVENT_EXPLANATION
                if label == "reported_event"
                else EXPLANATIONS[label].format(words=words, issuer=issuer or "the issuer"),
                ALTERNATIVE[label],
                (
                    ("evidence", tuple(tuple(p) for p in evidence)),
                    ("voice", "issuer" if label == "issuer_statement" else "writer"),
                ),
            )
        )
    return out


def _document_cues(article, found) -> list[tuple[int, str]]:
    """``(start, head noun)`` of the attribution cues whose source is a document ("A study published in X
    found ...": ``study``), from the ``document`` words of ``source_groups.csv``."""
    cues = found.get("attribution_cue", ()) if found else ()
    if not cues:
        return []
    words = _document_words(lexicon_folder())
    out = []
    for c in cues:
        src = c.get("source")
        if not src:
            continue
        for w in re.findall(r"[A-Za-z]+", article.text[src[0] : src[1]].lower()):
            if w in words:
                out.append((c.start, w))
                break
    return out


@functools.cache
def _document_words(folder: str | None) -> frozenset:
    return frozenset(
        r["word"].strip().lower()
        for r in read_list("source_groups", folder, ("word", "type"))
        if r.get("type", "").strip() == "document"
    )


_FIRST_WORD = re.compile(r"[\"'\u201c\u2018(]*([A-Z][\w'\u2019-]*)")


def _checkable(sentence: str, article) -> bool:
    """Whether ``sentence`` holds a figure, a date or a proper name (see :data:`_CHECKABLE`). Its first word
    counts as a name when the body also writes it capitalised in mid-sentence ("Wales" in "Scotland and Wales")."""
    if _CHECKABLE.search(sentence):
        return True
    m = _FIRST_WORD.match(sentence)
    return m is not None and m.group(1) in _mid_sentence_capitals(article)


def _mid_sentence_capitals(article) -> frozenset:
    cache = getattr(article, "_cache", {})
    if "claims_capitals" not in cache:
        cache["claims_capitals"] = frozenset(
            m.group(0)
            for sent in article.sentences
            for m in _CHECKABLE.finditer(sent.text)
            if m.group(0)[:1].isupper() and m.group(0) != "I"
        )
    return cache["claims_capitals"]


def _asides(article, norm, s, e, direct) -> list[Span]:
    """Claims in the writer's voice inside an attributed sentence (", where troops are losing ground")."""
    out = []
    text = article.text
    for m in _ASIDE.finditer(norm, s, e):
        a = m.start() + 1
        while a < m.end() and text[a].isspace():
            a += 1
        while a < m.end() and text[a].isalpha():  # the relative word ("where") joins, it claims nothing
            a += 1
        while a < m.end() and text[a].isspace():
            a += 1
        b = m.end()
        while b > a and text[b - 1] in " \t-\u2013\u2014":
            b -= 1
        if _overlaps(direct, a, b) or b - a < 12:
            continue
        out.append(
            Span(
                LAYER,
                "unattributed_fact",
                a,
                b,
                text[a:b],
                ASIDE_EXPLANATION,
                ALTERNATIVE["unattributed_fact"],
                (("aside", True), ("evidence", ()), ("voice", "writer")),
            )
        )
    return out
