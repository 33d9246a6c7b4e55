"""Hedge lens: hedges and certainty markers.

(Stub: being written.)
"""

from __future__ import annotations

from ..spans import Span

LAYER = "hedge"


def find(article, found) -> list[Span]:
    return []
