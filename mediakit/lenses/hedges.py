"""Hedge lens: the words that soften a claim (hedges) or harden it (certainty markers).

Labels: ``hedge`` ("could", "potential", "would need", "reportedly", "allegedly",
"may", "might", "appears", "seems", "likely", "possibly", "indirectly") and
``certainty`` ("clearly", "undoubtedly", "knows", "must", "makes sense", "no one
knows", "of course"). The explanation says what the word does to the claim. ``meta``
holds ``voice`` (``speaker`` inside a direct quote, ``paraphrase`` inside reported
speech, else ``writer``) and ``category``.

>>> from mediakit import load_article
>>> a = load_article("The plan could fail. Of course, the minister knows it must change.")
>>> [(s.label, s.text) for s in find(a, {})]
[('hedge', 'could'), ('certainty', 'Of course'), ('certainty', 'knows'), ('certainty', 'must')]

The word lists are ``mediakit/lexicons/hedges.csv`` and any ``hedge_*.csv`` beside it
(columns ``term``, ``category`` = ``hedge`` or ``certainty``, ``explanation``, and the
optional ``match``, ``unless_prev``, ``unless_next``, ``case`` that
:mod:`mediakit.lenses.loaded` documents). ``MEDIAKIT_LEXICONS`` points at an
instructor's folder, as for the loaded lens. "may" counts only in lower case or at the
start of a sentence (not the month, not a surname).

Not detected: hedging by structure (a claim put in a question, a conditional
sentence without one of the listed words, "if" on its own); the strength of a hedge
(all hedges count the same); certainty carried by a plain present-tense statement
(most unhedged sentences are certain without saying so: the claim lens looks at
those); sarcasm; words that are not in the lists; a listed word used in another
sense ("the must-see film", "a potential difference" in physics).
"""

from __future__ import annotations

from ..spans import Span
from .loaded import Voices, compile_lists, furniture_regions, lexicon_folder, scan_article

LAYER = "hedge"
CATEGORIES = ("hedge", "certainty")


def matcher(folder: str | None = None):
    """The compiled hedge lists (``hedges.csv`` and ``hedge_*.csv``)."""
    return compile_lists("hedge", "hedges", folder if folder is not None else lexicon_folder(), CATEGORIES)


def find(article, found) -> list[Span]:
    """The hedge and certainty spans of ``article``."""
    text = article.text
    voices = Voices(found)
    furniture = furniture_regions(article)
    out = []
    for hit in scan_article(article, "hedge"):
        if furniture.covers(hit.start, hit.end):
            continue
        t = hit.term
        meta = (("category", t.kind or t.category), ("voice", voices.at(hit.start, hit.end)))
        out.append(Span(LAYER, t.category, hit.start, hit.end, text[hit.start:hit.end], t.explanation,
                        hit.alternative, meta))
    return out
