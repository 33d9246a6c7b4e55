"""Furniture lens: the page's own text that is not the article.

Relative timestamps ("5 months ago") and dated lines ("Published 12:30", "Updated 3
hours ago"), bare counters ("30", "1.2K views"), calls to action ("SUBSCRIBE TO
US!", "Share on Facebook", "Click here to ..."), widget text ("Loading
comments...", "Advertisement", "Read more"), picture captions and credits ("Photo:
...", "Image source, Getty Images") and bylines ("By Maria Okafor", "By the Editorial Board"). The loader sets
these lines apart using the rules in ``lexicons/furniture.csv`` (an instructor can
add a row: a regular expression for the whole line, a label, an explanation); this
lens reports them. A line is furniture only as a whole line: a short sentence of the
article ("Follow the money.", "It worked!") stays in the body.

Some lines are furniture only in context, so the loader sets them apart itself: a
``repeated_headline`` (a line equal to the headline), a ``subhead`` (a short line with
no end punctuation between two blocks of the body, followed by a longer sentence), and
a ``promo`` that starts with "Watch" or "Listen". Rules in the list also catch video
promos with a running time ("(Watch ... --3:34)"), share and comment widgets ("No
comments:", "Share this"), reading times ("5 min read", with or without a date), age
banners ("This article is 14 years old"), datelines on their own line ("KYIV,
Ukraine (AP) —") and signatures at the end ("– Dana Ortiz, Harbor Gazette").

Not detected: a subhead that ends with a full stop or is longer than eight words, a
repeated headline that differs in wording, furniture inside a line of body text ("Read more: ..." run into a
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

#: Explanations for the lines the loader sets apart by context (they have no rule in the list).
CONTEXT = {
    "repeated_headline": "The headline again, repeated by the page layout. It is not a new part of the article.",
    "subhead": (
        "A subhead: a short heading between parts of the article, put there by the editor. It organises "
        "the text; it is not a claim of its own."
    ),
    "promo": 'A video or audio promo from the page ("Watch ..."): a link to a clip, not part of the article.',
}


def find(article, found) -> list[Span]:
    out = []
    for seg in article.furniture:
        label, explanation = (
            (seg.label, CONTEXT[seg.label]) if seg.label in CONTEXT else classify_furniture(seg.text) or (seg.label, "")
        )
        out.append(Span(LAYER, label, seg.start, seg.end, seg.text, explanation))
    return out
