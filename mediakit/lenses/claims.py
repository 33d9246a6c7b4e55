"""Claim lens: sentences that assert with no attribution, and mind-reading of collective actors.

(Stub: being written.)
"""

from __future__ import annotations

from ..spans import Span

LAYER = "claim"


def find(article, found) -> list[Span]:
    return []
