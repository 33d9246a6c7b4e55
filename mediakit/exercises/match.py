"""Match: pair each claim of the headline with the body sentence that backs it, or "none".

The options are body sentences labelled with letters (``A``, ``B`` ...) plus ``none``
("not in the body"). The answer is a dictionary from each claim (its id or its text)
to an option letter: ``{"seizing": "C", "with Trump": "none"}``. A claim scores 1
when the option is one the key accepts for it, else 0. A claim left out is reported
as not answered. An option letter that does not exist is refused with the list of
letters.

Not handled: a claim backed only by two sentences together (the key picks the one
that backs it best and may accept several).

>>> from mediakit.exercises import get
>>> ex = get("headline-match")
>>> ex.option_ids()[-1]
'none'
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import AnswerError
from .base import MAX_ENTRIES, Exercise, ItemFeedback, Result, expect_text, expect_type, slug

NONE = "none"
NONE_LABEL = "not in the body"


@dataclass(frozen=True)
class Claim:
    id: str
    text: str
    start: int  # offsets into the passage (the headline)
    end: int
    answers: tuple  # accepted option ids
    why: str
    support: tuple = ()  # the headline lens's level(s) this claim may get (for the agreement test)


@dataclass(frozen=True)
class Option:
    id: str
    text: str
    start: int = -1  # offsets into the article
    end: int = -1


class Match(Exercise):
    """Pair claims with the sentences that back them."""

    kind = "match"
    default_pattern = "fill in the blanks"
    fields = ("claims", "options")

    def __init__(self, spec, context):
        super().__init__(spec, context)
        passage = spec.get("passage", dict, {"headline": True})
        self.passage = context.passage(spec, passage)
        article = self.passage.article
        body = context.passage(spec, None) if article is not None else self.passage
        options = []
        for n, row in enumerate(spec.get("options", list, nonempty=True), start=1):
            rs = spec.sub(row, f"option number {n}", ("id", "text"))
            oid = rs.get("id", str, nonempty=True)
            if oid.casefold() == NONE:
                raise spec.error("the option id 'none' is kept for \"not in the body\".")
            text = rs.get("text", str, nonempty=True)
            where = body.locate(text)
            if where is None:
                raise spec.error(f"the option '{oid}' ('{text[:40]}') is not in the body.")
            options.append(Option(oid, body.text[where[0] : where[1]], body.start + where[0], body.start + where[1]))
        ids = [o.id for o in options]
        if len(set(ids)) != len(ids):
            raise spec.error("an option id is used twice.")
        self.options = tuple(options) + (Option(NONE, NONE_LABEL),)
        claims = []
        levels = ("stated", "hedged", "attributed", "absent")
        for n, row in enumerate(spec.get("claims", list, nonempty=True), start=1):
            rs = spec.sub(row, f"claim number {n}", ("id", "text", "answer", "why", "support"))
            text = rs.get("text", str, nonempty=True)
            where = self.passage.locate(text)
            if where is None:
                raise spec.error(f"the claim '{text}' is not in {self.passage.label}.")
            ans = rs.get("answer", (list, str))
            ans = tuple([ans] if isinstance(ans, str) else ans)
            if not ans:
                raise spec.error(f"the claim '{text}' has no answer.")
            for a in ans:
                if a not in self.option_ids():
                    raise spec.error(
                        f"the correct option '{a}' of the claim '{text}' is not among the options "
                        f"({', '.join(self.option_ids())})."
                    )
            support = rs.get("support", (str, list), "")
            support = tuple([support] if isinstance(support, str) and support else support)
            for lvl in support:
                if lvl not in levels:
                    raise spec.error(f"the support '{lvl}' of the claim '{text}' should be one of {', '.join(levels)}.")
            claims.append(
                Claim(
                    rs.get("id", str, slug(text)),
                    text,
                    where[0],
                    where[1],
                    ans,
                    rs.get("why", str, nonempty=True),
                    support,
                )
            )
        cids = [c.id for c in claims]
        if len(set(cids)) != len(cids):
            raise spec.error("a claim id is used twice.")
        self.claims = tuple(claims)

    def option_ids(self) -> list[str]:
        return [o.id for o in self.options]

    def option(self, oid: str) -> Option:
        return next(o for o in self.options if o.id == oid)

    @property
    def max_score(self) -> float:
        return float(len(self.claims))

    def empty_answer(self):
        return {}

    def empty_message(self) -> str:
        return 'You have not matched anything yet. Give each claim a letter, or "none" if the body does not back it.'

    def all_items_missing(self):
        return tuple(ItemFeedback(c.text, "wrong", 0.0) for c in self.claims)

    def claim_for(self, key: str) -> Claim:
        k = key.strip().casefold()
        for c in self.claims:
            if k in (c.id.casefold(), c.text.casefold()):
                return c
        raise AnswerError(
            f"'{key}' is not one of the claims. The claims are: " + ", ".join(f'"{c.text}"' for c in self.claims) + "."
        )

    def option_for(self, value: str) -> str:
        v = value.strip()
        if v.casefold() in (NONE, NONE_LABEL):
            return NONE
        for o in self.options:
            if v.casefold() == o.id.casefold():
                return o.id
        raise AnswerError(
            f"'{value}' is not an option. Use one of the letters {', '.join(self.option_ids()[:-1])}, "
            f'or "none" when the body does not back the claim.'
        )

    def normalise(self, answer):
        first = self.claims[0]
        expect_type(answer, dict, "a dictionary from each claim to a letter", '{"' + first.text + '": "A"}')
        if len(answer) > MAX_ENTRIES:
            raise AnswerError(f"Your answer has {len(answer)} entries; there are only {len(self.claims)} claims.")
        out = {}
        for key, value in answer.items():
            if not isinstance(key, str):
                raise AnswerError(f"Each claim should be written as text in quotes; {key!r} is not.")
            c = self.claim_for(key)
            if value is None or value == "":
                continue
            out[c.id] = self.option_for(expect_text(value, f'The option for "{c.text}"', 100))
        return {c.id: out[c.id] for c in self.claims if c.id in out}

    def score(self, answer) -> Result:
        items, total = [], 0.0
        for c in self.claims:
            given = answer.get(c.id)
            if given is None:
                items.append(ItemFeedback(c.text, "wrong", 0.0, "not answered yet."))
                continue
            shown = NONE_LABEL if given == NONE else given
            if given in c.answers:
                items.append(ItemFeedback(c.text, "correct", 1.0, c.why, given=shown))
                total += 1
            else:
                items.append(ItemFeedback(c.text, "wrong", 0.0, c.why, given=shown))
        return Result(total, self.max_score, tuple(items), exercise_id=self.id)

    # -- agreement with the headline lens ----------------------------------------------
    def disagreements(self) -> list[str]:
        a = self.passage.article
        if a is None or not any(c.support for c in self.claims):
            return []
        report = a.markup().headline
        terms = report.terms if report else ()
        out = []
        for c in self.claims:
            if not c.support:
                continue
            s, e = self.passage.start + c.start, self.passage.start + c.end
            term = max(
                (t for t in terms if t.start < e and s < t.end),
                key=lambda t: min(e, t.end) - max(s, t.start),
                default=None,
            )
            if term is None:
                out.append(
                    f"the key rates '{c.text}' as {' or '.join(c.support)} but the headline lens has no term there"
                )
            elif term.support not in c.support:
                out.append(
                    f"the key rates '{c.text}' as {' or '.join(c.support)}; the headline lens says {term.support}"
                )
        return out
