"""Colours, line styles and names for each layer: one place, shared by HTML and charts.

The colours are the Okabe–Ito palette (safe for the common forms of colour
blindness). Colour is never the only cue: each layer also has its own underline or
border style in HTML, a short badge (``Q``, ``L`` ...) after each highlight, and a
hatch pattern in charts, so a page or a chart printed in grey still reads.

>>> STYLE["loaded"].badge, STYLE["loaded"].colour
('L', '#D55E00')
>>> len({s.badge for s in STYLE.values()}) == len(STYLE)
True
>>> sorted(STYLE) == sorted(LAYERS)
True
"""

from __future__ import annotations

from dataclasses import dataclass

from ..spans import LAYERS

#: The Okabe–Ito palette by name (Okabe & Ito 2008, "Color Universal Design").
OKABE_ITO = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "black": "#000000",
    "grey": "#999999",
}

#: Colours in the order charts use them for categories (then repeated with new hatches).
SEQUENCE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999")

#: Hatch patterns in the same order, so neighbouring bars differ in grey too. There is
#: one more hatch than colours, so a (colour, hatch) pair repeats only after 72 bars.
HATCHES = ("", "//", "..", "xx", "\\\\", "++", "oo", "--", "||")


@dataclass(frozen=True)
class LayerStyle:
    """How one layer looks and what it is called."""

    layer: str
    name: str  # a student-facing name
    meaning: str  # one line: what the layer marks
    colour: str  # an Okabe–Ito colour
    cue: str  # the non-colour cue in HTML, in words
    badge: str  # the short mark written after each highlight
    hatch: str  # the hatch used for this layer in charts


STYLE: dict[str, LayerStyle] = {
    s.layer: s
    for s in (
        LayerStyle(
            "furniture",
            "Page furniture",
            "Text of the web page that is not the article: timestamps, counters, buttons.",
            OKABE_ITO["grey"],
            "struck through, grey",
            "F",
            "--",
        ),
        LayerStyle(
            "quote",
            "Quotations",
            "Words in quotation marks: direct speech, or scare quotes with no speaker.",
            OKABE_ITO["sky_blue"],
            "double underline",
            "Q",
            "\\\\",
        ),
        LayerStyle(
            "attribution_cue",
            "Attribution cues",
            'The words that say who said or thinks something ("says", "according to").',
            OKABE_ITO["bluish_green"],
            "thick solid underline",
            "A",
            "..",
        ),
        LayerStyle(
            "source",
            "Sources",
            "Who the article cites: named people and bodies, vague groups, anonymous sources.",
            OKABE_ITO["blue"],
            "solid box",
            "S",
            "//",
        ),
        LayerStyle(
            "loaded",
            "Loaded language",
            "Words that carry a judgement (labels, loaded verbs and adjectives, scare quotes).",
            OKABE_ITO["vermillion"],
            "wavy underline",
            "L",
            "xx",
        ),
        LayerStyle(
            "hedge",
            "Hedges and certainty",
            'Words that soften a claim ("could", "potential") or present it as certain ("knows").',
            OKABE_ITO["yellow"],
            "dotted underline",
            "H",
            "oo",
        ),
        LayerStyle(
            "claim",
            "Unattributed claims",
            "Sentences that state a judgement or fact in the writer's own voice, with no source.",
            OKABE_ITO["reddish_purple"],
            "dashed underline",
            "C",
            "++",
        ),
        LayerStyle(
            "headline",
            "Headline terms",
            "Each content term of the headline, with how far the body backs it.",
            OKABE_ITO["orange"],
            "overline",
            "HL",
            "/",
        ),
        LayerStyle(
            "provenance",
            "Provenance clues",
            "Clues to where the text came from: spellings, quote styles, missing byline or date.",
            OKABE_ITO["black"],
            "dashed box",
            "P",
            "x",
        ),
    )
}

#: Colours for the headline support levels, strongest first (stated ... absent).
SUPPORT_COLOURS = {
    "stated": OKABE_ITO["bluish_green"],
    "hedged": OKABE_ITO["sky_blue"],
    "attributed": OKABE_ITO["orange"],
    "absent": OKABE_ITO["vermillion"],
}
SUPPORT_HATCHES = {"stated": "", "hedged": "..", "attributed": "//", "absent": "xx"}

assert tuple(STYLE) == LAYERS, "palette.STYLE must list the layers in lens order"


def rgba(hex_colour: str, alpha: float) -> str:
    """A CSS ``rgba()`` for a ``#RRGGBB`` colour.

    >>> rgba("#D55E00", 0.25)
    'rgba(213, 94, 0, 0.25)'
    """
    h = hex_colour.lstrip("#")
    r, g, b = (int(h[i : i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r}, {g}, {b}, {alpha:g})"


def pretty(label: str) -> str:
    """A label as students read it: ``loaded_adjective`` -> ``loaded adjective``.

    >>> pretty("unattributed_judgement")
    'unattributed judgement'
    """
    return str(label).replace("_", " ")
