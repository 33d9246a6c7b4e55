"""Headline lens: the headline compared with the body.

(Stub: being written.)
"""

from __future__ import annotations

from dataclasses import dataclass

from ..spans import Span

LAYER = "headline"

#: The support levels of a headline term, strongest first.
LEVELS = ("stated", "hedged", "attributed", "absent")


@dataclass(frozen=True)
class HeadlineTerm:
    """One content term or phrase of the headline and how the body backs it."""

    start: int
    end: int
    text: str
    support: str                 # one of LEVELS
    evidence: tuple = ()         # ((start, end), ...) of the body sentences that back it
    note: str = ""

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text, "support": self.support,
                "evidence": [list(e) for e in self.evidence], "note": self.note}


@dataclass(frozen=True)
class HeadlineReport:
    """The headline, its terms, and an overall support score from 0 to 1."""

    start: int
    end: int
    text: str
    support: float
    terms: tuple = ()

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text, "support": self.support,
                "terms": [t.to_dict() for t in self.terms]}


def find(article, found) -> list[Span]:
    return []


def report(article, spans) -> HeadlineReport | None:
    """The headline report, built from this lens's spans (``None`` when there is no headline)."""
    if article.headline is None:
        return None
    h = article.headline
    return HeadlineReport(h.start, h.end, h.text, 0.0, ())
