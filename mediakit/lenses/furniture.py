"""Furniture lens: the page's own text that is not the article.

Relative timestamps ("5 months ago"), bare counters ("30"), calls to action
("SUBSCRIBE TO US!") and widget text ("Loading comments..."). The loader sets these
lines apart using the rules in ``lexicons/furniture.csv``; this lens reports them.

Not detected: furniture inside a line of body text ("Read more: ..." run into a
paragraph), menus and bylines that look like ordinary sentences, and adverts whose
wording is not in the rule list.

>>> from mediakit import load_article
>>> [(s.label, s.text) for s in find(load_article(), {})][:2]
[('timestamp', '5 months ago'), ('counter', '30')]
"""

from __future__ import annotations

from ..lexicon import classify_furniture
from ..spans import Span

LAYER = "furniture"


def find(article, found) -> list[Span]:
    out = []
    for seg in article.furniture:
        label, explanation = classify_furniture(seg.text) or (seg.label, "")
        out.append(Span(LAYER, label, seg.start, seg.end, seg.text, explanation))
    return out
