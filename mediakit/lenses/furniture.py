"""Furniture lens: the page's own text that is not the article.

Relative timestamps ("5 months ago") and dated lines ("Published 12:30", "Updated 3
hours ago"), bare counters ("30", "1.2K views"), calls to action ("SUBSCRIBE TO
US!", "Share on Facebook", "Click here to ..."), widget text ("Loading
comments...", "Advertisement", "Read more"), picture captions and credits ("Photo:
...", "Image source, Getty Images") and bylines ("By Maria Okafor"). The loader sets
these lines apart using the rules in ``lexicons/furniture.csv`` (an instructor can
add a row: a regular expression for the whole line, a label, an explanation); this
lens reports them. A line is furniture only as a whole line: a short sentence of the
article ("Follow the money.", "It worked!") stays in the body.

Not detected: furniture inside a line of body text ("Read more: ..." run into a
paragraph), menus and bylines that look like ordinary sentences, captions longer
than 160 characters, and adverts whose wording is not in the rule list.

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
