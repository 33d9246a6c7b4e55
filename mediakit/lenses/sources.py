"""Source lens: who is cited (named person, named organisation, vague or anonymous group).

(Stub: being written.)
"""

from __future__ import annotations

from ..spans import Span

LAYER = "source"


def find(article, found) -> list[Span]:
    return []
