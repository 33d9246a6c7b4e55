"""Quote lens: direct quotations, told apart from scare quotes and term quotes.

(Stub: being written.)
"""

from __future__ import annotations

from ..spans import Span

LAYER = "quote"


def find(article, found) -> list[Span]:
    return []
