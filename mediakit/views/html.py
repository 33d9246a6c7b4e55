"""The highlighted article as HTML: a notebook fragment, or a whole page to project.

:func:`render` draws the article with one highlight per span, a row of layer
switches, a legend, an "About this page" box and a list of every finding. One layer
is shown at a time (loaded language first, unless ``layer=`` names another); the
others, and "All layers", are one click away. It needs no JavaScript and no network:
the switches are radio buttons that CSS sibling selectors read, so they work in
JupyterLab's output area and in a page opened from disk. ``paragraphs=[3, 4]`` shows
only the passage a lesson discusses, with the whole article in a ``<details>``.

Guarantees (each one is tested):

* Article text, explanations, labels and the source name are always HTML-escaped
  (``html.escape(..., quote=True)``): an article containing ``<script>`` shows the
  tag as text and runs nothing.
* The whole article text, furniture and line breaks included, sits inside one
  ``<div class="mk-text">`` that holds no other text: :func:`text_region` returns
  that region, and with its tags stripped and its entities unescaped it equals
  ``article.text`` exactly. Badges, tooltips and paragraph numbers are drawn by CSS
  (``::before``/``::after``), so they add no characters to the text.
* Overlapping and nested spans are cut at every boundary and nested; a span that
  crosses another is split into pieces (the first piece carries the explanation,
  the last one the badge). Spans of one layer with the same extent (say four
  "missing ..." provenance findings on the headline) share one highlight whose
  explanation lists them all.
* Output is deterministic. Element ids start with a short SHA-1 of the article text
  and the layers shown, so two different renders in one notebook never toggle each
  other. Two renders of the same text with the same layers share their ids; that is
  harmless, since their content is identical.

Accessibility: every layer has a pattern of its own that is not colour (an underline
or border style; with all layers shown, a badge letter too). Each highlight of the
chosen layer ends in a small numbered link: the keyboard stop (a hidden layer's links
are ``display: none``, so out of the tab order), named by ``aria-label``, described
by its finding (``aria-describedby``) and leading to it in the list. A skip link
goes straight to that list. The explanation (what, where as ¶N, whose voice, why,
the neutral alternative) appears on hover and on focus in a panel fixed at the
bottom of the window, so it never covers the line below. Colours are Okabe–Ito,
drawn as translucent backgrounds on the page's own text colour, thinner in dark mode
(``prefers-color-scheme`` for the page, JupyterLab's dark themes in a notebook), so
text on a highlight keeps a contrast of at least 4.5:1 (axe-core checks it).

Findings about the whole page (no byline, no date ...; zero-length spans, provenance
``missing_...`` spans, provenance spans over exactly the headline, and
``markup.findings``) go in the "About this page" box, never on the headline. Lens
notes that say "P8" are shown as "¶8", as the text numbers its paragraphs.

What it does not do: show spans of zero length in the text (they are in the "About
this page" box); the tooltips need CSS, so an untrusted notebook (whose outputs
JupyterLab sanitises) shows the highlights without them.

>>> from mediakit import load_article
>>> m = load_article().markup()
>>> page = render(m, layers=["furniture"])
>>> import html, re
>>> html.unescape(re.sub("<[^>]+>", "", text_region(page))) == m.article.text
True
>>> render(m, layers=["furniture"]) == page          # deterministic
True
"""

from __future__ import annotations

import hashlib
import html as _html
import re
from bisect import bisect_right
from collections.abc import Iterable

from ..errors import MediakitError
from ..spans import LAYERS, Span
from . import as_markup
from .palette import STYLE, pretty

__all__ = ["render", "text_region", "legend", "highlight", "show", "CSS", "block_id"]


def esc(value) -> str:
    """HTML-escape any value, quotes included (for text and for attribute values)."""
    return _html.escape(str(value), quote=True)


# -- CSS ----------------------------------------------------------------------------


def _a(c: str, alpha: float) -> str:
    """A translucent background that dark pages thin out (``--mk-k``: 1 in light, .7 in dark)."""
    r, g, b = (int(c.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r}, {g}, {b}, calc({alpha:g} * var(--mk-k, 1)))"


#: One pattern per layer (colour is never the only cue); each differs from every other.
_PATTERN = {
    "furniture": lambda c: f"text-decoration: line-through 2px {c};",
    "quote": lambda c: (
        f"background: {_a(c, 0.22)}; text-decoration: underline double {c}; text-decoration-thickness: 3px; text-underline-offset: 3px;"
    ),
    "attribution_cue": lambda c: (
        f"background: {_a(c, 0.22)}; text-decoration: underline solid {c}; text-decoration-thickness: 3px; text-underline-offset: 2px;"
    ),
    "source": lambda c: f"background: {_a(c, 0.16)}; border: 2px solid {c}; border-radius: 3px; padding: 0 1px;",
    "loaded": lambda c: (
        f"background: {_a(c, 0.24)}; text-decoration: underline wavy {c}; text-decoration-thickness: 1.5px; text-underline-offset: 4px;"
    ),
    "hedge": lambda c: (
        f"background: {_a(c, 0.40)}; text-decoration: underline dotted currentColor; text-decoration-thickness: 2px; text-underline-offset: 3px;"
    ),
    "claim": lambda c: (
        f"background: {_a(c, 0.14)}; border-left: 3px solid {c}; text-decoration: underline dashed {c}; text-decoration-thickness: 2px; text-underline-offset: 7px;"
    ),
    "headline": lambda c: (
        f"background: {_a(c, 0.22)}; text-decoration: overline solid {c}; text-decoration-thickness: 3px;"
    ),
    "provenance": lambda c: "border: 2px dashed currentColor; border-radius: 3px; padding: 0 1px;",
}


def _on(name: str, tail: str) -> str:
    """Selectors for ``tail`` inside the view when layer ``name`` (or "all layers") is chosen."""
    return f".mk-view .mk-t-{name}:checked ~ {tail}, .mk-view .mk-t-all:checked ~ {tail}, .mk-view.mk-static {tail}"


def _layer_css() -> str:
    rules = []
    for name, st in STYLE.items():
        c = st.colour
        line = "currentColor" if name == "provenance" else c
        base = _PATTERN[name](c)
        # the legend's sample, and the highlights when this layer (or all) is chosen
        rules.append(f".mk-view .mk-sw-{name}, {_on(name, f'.mk-text .mk-l-{name}')} {{ {base} }}")
        badge = "attr(data-label)" if name == "furniture" else f'"{st.badge}"'
        # the badge: the kind of furniture always; a layer's letter only when all layers are shown
        sel = (
            f".mk-view .mk-sw-{name}::after, {_on(name, f'.mk-text .mk-l-{name}.mk-end::after')}"
            if name == "furniture"
            else f".mk-view .mk-sw-{name}::after, .mk-view .mk-t-all:checked ~ .mk-text .mk-l-{name}.mk-end::after"
        )
        rules.append(f"{sel} {{ content: {badge}; border-color: {line}; background: {_a(c, 0.18)}; }}")
        # only the chosen layer's highlights are in the tab order (one link per finding)
        rules.append(
            f".mk-view .mk-t-{name}:checked ~ .mk-text .mk-l-{name} > a.mk-tab, "
            f".mk-view.mk-static .mk-text .mk-l-{name} > a.mk-tab {{ display: inline; }}"
        )
        rules.append(f"{_on(name, f'.mk-findings .mk-f-{name}')} {{ display: list-item; }}")
        tip = (
            f".mk-view .mk-t-{name}:checked ~ .mk-text .mk-l-{name}[data-tip]:hover::before, "
            f".mk-view .mk-t-all:checked ~ .mk-text .mk-l-{name}[data-tip]:hover::before, "
            f".mk-view .mk-t-{name}:checked ~ .mk-text .mk-l-{name} > a.mk-tab:focus::before, "
            f".mk-view.mk-static .mk-text .mk-l-{name}[data-tip]:hover::before, "
            f".mk-view.mk-static .mk-text .mk-l-{name} > a.mk-tab:focus::before"
        )
        rules.append(f"{tip} {{ {_TIP} }}")
        rules.append(
            f".mk-view .mk-t-{name}:checked ~ .mk-text .mk-l-{name}:hover:has(.mk-l-{name}:hover)::before "
            "{ display: none; }"
        )
    rules.append(
        ".mk-view .mk-t-headline:checked ~ .mk-report, .mk-view .mk-t-all:checked ~ .mk-report { display: block; }"
    )
    # A naming choice (a contested name for an event) is no verdict: no judging colour, a plain dotted line.
    rules.append(
        f"{_on('loaded', '.mk-text .mk-l-loaded.mk-c-contested_naming')} "
        "{ background: transparent; text-decoration: underline dotted currentColor; "
        "text-decoration-thickness: 1px; text-underline-offset: 4px; }"
    )
    return "\n".join(rules)


#: The tooltip: a panel fixed at the bottom of the window, so it never covers the line below.
_TIP = (
    "content: attr(data-tip); position: fixed; left: 1rem; right: 1rem; bottom: 1rem; max-width: 46rem; "
    "margin: 0 auto; z-index: 1000; padding: .55em .8em; white-space: pre-line; overflow-wrap: anywhere; "
    "font-size: .95rem; line-height: 1.45; font-weight: 400; font-style: normal; text-align: left; "
    "background: var(--mk-tip-bg); color: var(--mk-tip-fg); border: 2px solid var(--mk-rule); border-radius: 6px; "
    "box-shadow: 0 2px 10px rgba(0, 0, 0, .35); pointer-events: none; text-decoration: none; "
    "vertical-align: baseline; display: block;"
)


_BASE_CSS = r"""
.mk-view { --mk-k: 1; --mk-tip-bg: var(--jp-layout-color1, var(--mk-page-bg, #ffffff));
  --mk-tip-fg: var(--jp-ui-font-color0, var(--mk-page-fg, #111111));
  --mk-rule: var(--jp-border-color1, rgba(127, 127, 127, .5));
  --mk-focus: var(--jp-brand-color1, #0072B2);
  font-family: var(--jp-content-font-family, system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif);
  color: inherit; line-height: 1.5; max-width: 52em; }
.mk-view { position: relative; }
.mk-view .mk-switches { margin: .2em 0 .2em; font-weight: 600; }
.mk-view input.mk-toggle { position: absolute; opacity: 0; width: 1px; height: 1px; margin: 0; }
.mk-view label.mk-key { display: inline-block; cursor: pointer; white-space: nowrap; margin: .15em .5em .15em 0;
  padding: .1em .45em .1em .3em; border: 1px solid var(--mk-rule); border-radius: 5px; font-weight: 400; }
.mk-view label.mk-key::before { content: ""; display: inline-block; width: .8em; height: .8em;
  margin-right: .35em; border: 2px solid currentColor; border-radius: 50%; vertical-align: -0.1em; box-sizing: border-box; }
.mk-view input.mk-toggle:checked + label.mk-key { border: 2px solid currentColor; font-weight: 700; }
.mk-view input.mk-toggle:checked + label.mk-key::before { background: currentColor; box-shadow: inset 0 0 0 2px var(--mk-tip-bg); }
.mk-view input.mk-toggle:focus-visible + label.mk-key { outline: 3px solid var(--mk-focus); outline-offset: 2px; }
.mk-view input.mk-toggle:focus + label.mk-key { outline: 3px solid var(--mk-focus); outline-offset: 2px; }
.mk-view input.mk-toggle:focus:not(:focus-visible) + label.mk-key { outline: none; }
.mk-view a.mk-skip { display: inline-block; margin: .1em 0; font-size: .9em; color: inherit; }
.mk-view a.mk-tab { display: none; color: inherit; text-decoration: none; }
.mk-view a.mk-tab::after { content: attr(data-n); display: inline-block; margin-left: 1px; padding: 0 2px; font-size: .66em;
  line-height: 1.2; font-weight: 700; vertical-align: super; border: 1px solid currentColor; border-radius: 3px; }
.mk-view a.mk-tab:focus { outline: 3px solid var(--mk-focus); outline-offset: 1px; }
.mk-view .mk-report { display: none; }
.mk-view section.mk-about { margin: .5em 0; padding: .3em .7em; border: 1px solid var(--mk-rule); border-radius: 6px; font-size: .95em; }
.mk-view section.mk-about summary { cursor: pointer; }
.mk-view section.mk-about ul { margin: .2em 0; padding-left: 1.2em; }
.mk-view details.mk-whole { margin: .6em 0; }
.mk-view details.mk-whole > summary { cursor: pointer; font-weight: 600; }
.mk-view details.mk-findings li.mk-f { display: none; }
.mk-view .mk-count { opacity: .75; font-variant-numeric: tabular-nums; }
.mk-view .mk-swatch { display: inline-block; padding: 0 .3em; line-height: 1.3; font-size: .9em; }
.mk-view details.mk-legend-box { margin: .3em 0; }
.mk-view details.mk-legend-box summary { cursor: pointer; font-weight: 600; }
.mk-view .mk-legend { margin: .5em 0; padding: .3em .7em; border-left: 3px solid var(--mk-rule); font-size: .92em; }
.mk-view dl.mk-legend { width: auto; overflow: visible; }
.mk-view .mk-legend dt { display: block; float: none; width: auto; padding: 0; margin: .25em 0 0; font-weight: 600; }
.mk-view .mk-legend dd { display: block; float: none; width: auto; padding: 0; margin: 0 0 0 1.5em; }
.mk-view .mk-legend .mk-how { opacity: .8; font-style: italic; }
.mk-view .mk-note { margin: .4em 0; padding: .3em .6em; border: 1px dashed var(--mk-rule); border-radius: 4px; font-size: .92em; }
.mk-view pre.mk-pre { all: unset; display: block; white-space: pre-wrap; overflow-wrap: anywhere; font: inherit;
  line-height: inherit; color: inherit; background: none; border: 0; margin: 0; padding: 0; overflow: visible; }
.mk-view .mk-text { position: relative; white-space: pre-wrap; overflow-wrap: anywhere; line-height: 2.05; font-size: 1.02em;
  margin: .6em 0; padding: .6em .8em; border: 1px solid var(--mk-rule); border-radius: 6px; }
.mk-view .mk-head { font-size: 1.3em; font-weight: 700; line-height: 1.6; }
.mk-view .mk-par::before { content: attr(data-p); font-size: .7em; opacity: .6; margin-right: .45em;
  font-variant-numeric: tabular-nums; font-weight: 400; }
.mk-view .mk-furn { opacity: .62; font-size: .88em; font-style: italic; }
.mk-view .mk-hl { color: inherit; background: none; padding: 0; border-radius: 2px; text-decoration-skip-ink: none;
  -webkit-box-decoration-break: clone; box-decoration-break: clone; }
.mk-view .mk-hl.mk-nw { white-space: pre; }
.mk-view .mk-hl.mk-end::after, .mk-view .mk-swatch::after { display: inline-block; margin-left: 2px; padding: 0 3px;
  font-size: .62em; line-height: 1.25; font-weight: 700; font-style: normal; vertical-align: super;
  border: 1px solid; border-radius: 3px; text-decoration: none; color: inherit; white-space: nowrap; }
.mk-view .mk-hl[data-tip] { cursor: help; }
.mk-view .mk-t-all:checked ~ .mk-text .mk-hl[data-tip]:hover:has(.mk-hl[data-tip]:hover)::before { display: none; }
.mk-view .mk-report { margin: .8em 0; }
.mk-view .mk-report h3 { margin: .2em 0; font-size: 1.1em; }
.mk-view .mk-score { font-size: 1.15em; font-weight: 700; }
.mk-view table.mk-table { border-collapse: collapse; font-size: .92em; margin: .4em 0; table-layout: auto; }
.mk-view table.mk-table th, .mk-view table.mk-table td { border: 1px solid var(--mk-rule); padding: .25em .5em;
  text-align: left; vertical-align: top; }
.mk-view details.mk-findings { margin: .6em 0; font-size: .92em; }
.mk-view details.mk-findings summary { cursor: pointer; font-weight: 600; }
.mk-view details.mk-findings li { margin: .2em 0; }
.mk-view .mk-quiet { opacity: .75; }
"""

#: JupyterLab's dark themes: thinner backgrounds, so that text on a highlight keeps 4.5:1.
_DARK_CSS = """
[data-jp-theme-light="false"] .mk-view { --mk-k: .7; }
"""

#: The stylesheet every render embeds (scoped under ``.mk-view``; no fonts, no URLs).
CSS = _BASE_CSS + _layer_css() + _DARK_CSS + "\n"

_PAGE_CSS = """
:root { color-scheme: light dark; }
body.mk-page { --mk-page-bg: #ffffff; --mk-page-fg: #151515; background: var(--mk-page-bg); color: var(--mk-page-fg);
  margin: 0 auto; padding: 1.2em 1.6em 3em; max-width: 56em; font-size: 18px; }
@media (prefers-color-scheme: dark) { body.mk-page { --mk-page-bg: #1b1b1d; --mk-page-fg: #e9e9e9; }
  body.mk-page .mk-view { --mk-k: .7; --mk-focus: #56B4E9; } body.mk-page a { color: #9fd3f5; } }
body.mk-page header { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
body.mk-page header h1 { font-size: 1.5em; margin: .2em 0; }
body.mk-page header p { margin: .3em 0; }
@media print { .mk-view .mk-text { line-height: 1.9; } .mk-view details.mk-findings { display: none; } }
"""


# -- helpers ---------------------------------------------------------------------------


def block_id(text: str, layers: Iterable[str]) -> str:
    """The id prefix of a render: ``mk-`` and 10 hex digits of SHA-1(text, layers).

    >>> block_id("abc", ["quote"]) == block_id("abc", ["quote"]) != block_id("abc", ["loaded"])
    True
    """
    h = hashlib.sha1()
    h.update(text.encode("utf-8", "surrogatepass"))
    h.update(b"\x00" + ",".join(layers).encode("ascii", "replace"))
    return "mk-" + h.hexdigest()[:10]


def _layers(markup, layers) -> tuple[str, ...]:
    if layers is None:
        return tuple(getattr(markup, "layers", LAYERS))
    if isinstance(layers, str):
        layers = [layers]
    layers = list(layers)
    for name in layers:
        if name not in LAYERS:
            raise MediakitError(f"There is no layer called {name!r}. The layers are: {', '.join(LAYERS)}.")
    return tuple(x for x in LAYERS if x in layers)


_SAFE_CLASS = re.compile(r"[^a-z0-9_-]+")


def _cls(label) -> str:
    return _SAFE_CLASS.sub("-", str(label).lower())[:40] or "x"


def _slice(text: str, value) -> str:
    """The text at a ``(start, end)`` meta value, or ``""`` when it is not one."""
    if isinstance(value, (list, tuple)) and len(value) == 2 and all(isinstance(v, int) for v in value):
        a, b = value
        if 0 <= a <= b <= len(text):
            return text[a:b]
    return ""


_VOICE = {
    "writer": "the writer's own voice",
    "speaker": "the speaker's words, inside a quote",
    "quoted": "the speaker's words, inside a quote",
    "paraphrase": "paraphrase of what a source said",
}

_PNUM = re.compile(r"\bP(\d+)\b")


def pilcrow(text: str) -> str:
    """One paragraph naming scheme everywhere: ``P8`` in a lens note becomes ``¶8``.

    >>> pilcrow("as P1 says (P10, P11)")
    'as ¶1 says (¶10, ¶11)'
    """
    return _PNUM.sub("\u00b6\\1", str(text))


def _who(text: str, value) -> str:
    """A meta value naming someone: a ``(start, end)`` pair of offsets, or a name string."""
    if isinstance(value, str):
        return value.strip()
    return _slice(text, value)


def explain(span: Span, text: str, where: str = "") -> str:
    """The plain-text explanation of one finding (before escaping): what, where, whose voice, why, instead.

    >>> from mediakit.spans import Span
    >>> print(explain(Span("loaded", "label", 0, 8, "dictator", "A label judges.", "Russian President",
    ...              (("voice", "writer"),)), "dictator", "¶2"))
    Loaded language: label, ¶2 (the writer's own voice)
    A label judges.
    Neutral alternative: Russian President
    """
    st = STYLE.get(span.layer)
    if span.label == "contested_naming" or span.get("verdict") == "choice":
        head = "Naming choice (a choice between usual words, not a verdict)"
    else:
        head = f"{st.name if st else span.layer}: {pretty(span.label)}"
    if where:
        head += f", {where}"
    extra = []
    voice = span.get("voice")
    speaker = _who(text, span.get("speaker"))
    if voice in ("quoted", "speaker") and speaker:
        extra.append(f"{speaker}'s words, inside a quote")
    elif voice:
        extra.append(_VOICE.get(voice, str(voice)))
    elif speaker:
        extra.append(f"speaker: {speaker}")
    for key, word in (("source", "source"), ("role", "role")):
        t = _slice(text, span.get(key))
        if t:
            extra.append(f"{word}: {t}")
    if extra:
        head += " (" + "; ".join(extra) + ")"
    lines = [head]
    ref = _who(text, span.get("refers_to"))
    if ref:
        lines.append(f"{span.text.strip()} = {ref}")
    if span.explanation:
        lines.append(pilcrow(span.explanation))
    note = span.get("note")
    if note and note != span.explanation:
        lines.append(pilcrow(note))
    if span.alternative:
        lines.append(f"Neutral alternative: {span.alternative}")
    return "\n".join(lines)


# -- the text region ---------------------------------------------------------------------


class _Node:
    __slots__ = ("start", "end", "rank", "kind", "span", "seg", "fid", "last_open", "pieces")

    def __init__(self, start, end, rank, kind, span=None, seg=None, fid=None):
        self.start, self.end, self.rank, self.kind = start, end, rank, kind
        self.span, self.seg, self.fid = span, seg, fid
        self.last_open = -1
        self.pieces = 0


def _structure(article) -> list[_Node]:
    """Headline, body paragraphs and furniture lines, as outermost nodes."""
    if article is None:
        return []
    nodes = []
    if article.headline is not None:
        nodes.append(_Node(article.headline.start, article.headline.end, -1, "head", seg=article.headline))
    for i, p in enumerate(article.paragraphs, 1):
        nodes.append(_Node(p.start, p.end, -1, "par", seg=(i, p)))
    for f in article.furniture:
        nodes.append(_Node(f.start, f.end, -1, "furn", seg=f))
    return nodes


def _open_tag(node: _Node, text: str, uid: str, end: bool, piece: int, tips=None) -> str:
    if node.kind == "head":
        return '<span class="mk-head" role="heading" aria-level="2">'
    if node.kind == "par":
        return f'<span class="mk-par" data-p="&#182;{node.seg[0]}">'
    if node.kind == "furn":
        return f'<span class="mk-furn" data-kind="{esc(node.seg.label)}">'
    group = node.span  # the spans of one layer with the same extent
    s = group[0]
    labels = []
    for g in group:
        if g.label not in labels:
            labels.append(g.label)
    classes = f"mk-hl mk-l-{_cls(s.layer)} " + " ".join(f"mk-c-{_cls(x)}" for x in labels)
    first = piece == 1
    if not first:
        classes += " mk-cont"
    if end:
        classes += " mk-end"
    if node.end - node.start <= 32 and "\n" not in s.text and "\r" not in s.text:
        classes += " mk-nw"  # a short highlight never wraps away from its badge
    attrs = f'class="{classes}"'
    if s.layer == "furniture":
        attrs += f' data-label="{esc(", ".join(pretty(x) for x in labels))}"'
    if first:
        tip = (
            "\n\n".join(tips[i] for i in node.fid)
            if tips is not None and node.fid
            else "\n\n".join(explain(g, text) for g in group)
        )
        attrs += f' data-tip="{esc(tip)}"'
    return f"<mark {attrs}>"


def _tab_link(node: _Node, text: str, uid: str, tips=None, nums=None) -> str:
    """The keyboard stop of one highlight: a numbered link to its finding in the list.

    CSS shows it (and so puts it in the tab order) only while its layer is chosen.
    """
    group = node.span
    s = group[0]
    if tips is not None and node.fid:
        tip = "\n\n".join(tips[i] for i in node.fid)
    else:
        tip = "\n\n".join(explain(g, text) for g in group)
    st = STYLE.get(s.layer)
    n = (nums[node.fid[0]] if nums else node.fid[0] + 1) if node.fid else "i"
    name = f"Finding {n}: " if node.fid else ""
    name += f"{st.name if st else s.layer}, {pretty(s.label)}: {_short(s.text, 60)}"
    href = f' href="#{uid}-f{node.fid[0]}"' if node.fid else ""
    described = (' aria-describedby="' + " ".join(f"{uid}-f{i}" for i in node.fid) + '"') if node.fid else ""
    return f'<a class="mk-tab"{href} data-n="{esc(n)}" data-tip="{esc(tip)}" aria-label="{esc(name)}"{described}></a>'


def _close_tag(node: _Node) -> str:
    return "</span>" if node.kind in ("head", "par", "furn") else "</mark>"


def _text_html(
    text: str,
    spans: Iterable[Span],
    structure: list[_Node],
    uid: str,
    fids: dict | None = None,
    tips: list | None = None,
    nums: list | None = None,
) -> str:
    """Escaped ``text`` with every span (and the structure) wrapped in nested elements."""
    n = len(text)
    nodes = list(structure)
    order = {name: i for i, name in enumerate(LAYERS)}
    groups: dict[tuple, list[Span]] = {}
    for s in spans:
        if 0 <= s.start < s.end <= n:
            groups.setdefault((s.layer, s.start, s.end), []).append(s)
    for (layer, a, b), group in groups.items():
        fid = [fids[id(g)] for g in group if id(g) in fids] if fids else []
        nodes.append(_Node(a, b, order.get(layer, len(LAYERS)), "span", span=group, fid=fid))
    nodes.sort(key=lambda x: (x.start, -x.end, x.rank))
    starts: dict[int, list[_Node]] = {}
    ends: dict[int, int] = {}
    for x in nodes:
        starts.setdefault(x.start, []).append(x)
        ends[x.end] = ends.get(x.end, 0) + 1
    points = sorted(set(starts) | set(ends) | {0, n})

    out: list = []  # strings, or [node, is_last_piece, piece_number] for open tags
    stack: list[_Node] = []
    pos = 0
    for p in points:
        if p > pos:
            out.append(esc(text[pos:p]))
            pos = p
        reopen: list[_Node] = []
        left = ends.get(p, 0)
        while left and stack:
            x = stack.pop()
            if x.end == p and x.kind == "span":
                out.append(_tab_link(x, text, uid, tips, nums))
            out.append(_close_tag(x))
            if x.end == p:
                left -= 1
                out[x.last_open][1] = True  # its last piece: carries the badge
            else:
                reopen.append(x)
        opening = reopen + starts.get(p, [])
        opening.sort(key=lambda x: (-x.end, x.rank, x.start))
        for x in opening:
            x.pieces += 1
            x.last_open = len(out)
            out.append([x, False, x.pieces])
            stack.append(x)
    if pos < n:  # cannot happen (n is a point), kept for safety
        out.append(esc(text[pos:n]))
    for x in reversed(stack):  # cannot happen either: every node ends at a point
        out.append(_close_tag(x))
    parts = []
    for item in out:
        if isinstance(item, list):
            parts.append(_open_tag(item[0], text, uid, item[1], item[2], tips))
        else:
            parts.append(item)
    return "".join(parts)


#: The text sits in a ``<pre>`` (styled as ordinary text) so that tools that re-serialise
#: HTML, such as nbconvert's "export as HTML" (BeautifulSoup), keep blank lines and runs
#: of spaces between highlights. The empty span keeps a leading newline of the article:
#: the HTML parser drops a newline that comes straight after ``<pre>``.
_PRE = '<pre class="mk-pre"><span class="mk-start"></span>'

_REGION_OPEN = re.compile(r'<div class="mk-text"[^>]*>')


def text_region(html: str) -> str:
    """The inner HTML of the ``<div class="mk-text">`` of a render: the article text alone.

    The region holds only the article's text inside one ``<pre>`` and inline elements
    (``span``, ``mark``), never a ``<div>``, so it ends at the first ``</div>`` after it
    opens. With its
    tags stripped and its entities unescaped it equals the article's text exactly.

    >>> text_region('<div class="mk-view"><div class="mk-text">a &amp; <mark>b</mark></div></div>')
    'a &amp; <mark>b</mark>'
    >>> text_region("<p>no text here</p>")
    Traceback (most recent call last):
    ...
    mediakit.errors.MediakitError: This HTML has no <div class="mk-text"> region: it was not made by mediakit.views.html.render().
    """
    m = _REGION_OPEN.search(html)
    if not m:
        raise MediakitError(
            'This HTML has no <div class="mk-text"> region: it was not made by mediakit.views.html.render().'
        )
    end = html.find("</div>", m.end())
    if end < 0:
        raise MediakitError('The <div class="mk-text"> region of this HTML is not closed.')
    return html[m.end() : end]


# -- legend, report, findings ------------------------------------------------------------


def _swatch(layer: str, sample: str = "Abc") -> str:
    return (
        f'<span class="mk-swatch mk-hl mk-sw-{_cls(layer)}" aria-hidden="true"'
        + (' data-label="kind"' if layer == "furniture" else "")
        + f">{esc(sample)}</span>"
    )


def _mark_words(name: str) -> str:
    """What the page writes after a highlight of this layer, in words (the legend matches the page)."""
    if name == "furniture":
        return "its kind is written after it (for example: timestamp)"
    return (
        f"a number after it leads to its explanation; with all layers shown, the letter \u201c{STYLE[name].badge}\u201d"
    )


def legend(layers: Iterable[str] = LAYERS, counts: dict | None = None) -> str:
    """A ``<dl class="mk-legend">`` that explains each layer shown (only those).

    >>> "Loaded language" in legend(["loaded"]) and "Sources" not in legend(["loaded"])
    True
    """
    if isinstance(layers, str):
        layers = [layers]
    rows = []
    for name in layers:
        st = STYLE.get(name)
        if st is None:
            raise MediakitError(f"There is no layer called {name!r}. The layers are: {', '.join(LAYERS)}.")
        count = ""
        if counts is not None:
            k = counts.get(name, 0)
            count = f' <span class="mk-count">({k} found)</span>'
        rows.append(
            f'<dt class="mk-lg-{name}">{_swatch(name)} {esc(st.name)}{count}</dt>'
            f'<dd>{esc(st.meaning)} <span class="mk-how">Marked with: {esc(st.cue)}; {esc(_mark_words(name))}.'
            "</span></dd>"
        )
    return '<dl class="mk-legend" aria-label="Legend">' + "".join(rows) + "</dl>"


def _report_html(markup) -> str:
    """The headline as a short table: each term, how far the body backs it, where."""
    try:
        report = markup.headline
    except Exception as exc:  # a lens being rewritten must not break the page
        return f'<p class="mk-note">The headline report could not be made: {esc(exc)}</p>'
    if report is None:
        return '<p class="mk-note">This article has no headline, so there is nothing to compare with the body.</p>'
    text = markup.article.text
    terms = list(report.terms)
    backing = any(getattr(t, "backing", None) for t in terms)
    out = [
        '<section class="mk-report" aria-label="Headline check">',
        "<h3>Headline check: does the body back the headline?</h3>",
        f'<p>Overall support: <span class="mk-score">{float(report.support):.2f}</span> out of 1 '
        "(1: the body states every term of the headline in its own voice; 0: the body never mentions them).</p>",
    ]
    if not terms:
        out.append('<p class="mk-quiet">The headline lens found no terms to check.</p>')
    else:
        out.append(
            '<table class="mk-table"><thead><tr><th scope="col">Headline term</th>'
            '<th scope="col">Support in the body</th>'
            + ('<th scope="col">How the body backs it</th>' if backing else "")
            + '<th scope="col">Where</th><th scope="col">Why</th></tr></thead><tbody>'
        )
        for t in terms:
            where = []
            for e in t.evidence or ():
                e = tuple(e) if isinstance(e, list) else e
                if _slice(text, e):
                    p = markup.article.paragraph_index(e[0])
                    w = f"\u00b6{p + 1}" if p is not None else ""
                    if w and w not in where:
                        where.append(w)
            b = getattr(t, "backing", None)
            out.append(
                f"<tr><td>{esc(t.text)}</td><td>{esc(t.support)}</td>"
                + (f"<td>{esc(pretty(b) if b else '')}</td>" if backing else "")
                + f"<td>{esc(', '.join(where)) or '&#8212;'}</td><td>{esc(pilcrow(t.note))}</td></tr>"
            )
        out.append("</tbody></table>")
    out.append("</section>")
    return "".join(out)


#: Provenance labels that speak of the whole document, not of the words they are drawn on.
DOCUMENT_LABELS = ("missing_byline", "missing_date", "missing_outlet", "missing_link", "missing_author")


def document_level(markup, spans) -> tuple[list, list]:
    """Split ``spans`` into (drawn in the text, about the whole page).

    A finding about the whole page (no byline, no date ...) belongs in the "About this
    page" box, never as a highlight on the headline: spans of zero length, provenance
    spans with a ``missing_...`` label, and provenance spans that cover exactly the
    headline. ``markup.findings`` (document-level findings, when the markup has them)
    are added to the second list.
    """
    head = markup.article.headline
    drawn, about = [], []
    for s in spans:
        whole_head = head is not None and s.layer == "provenance" and (s.start, s.end) == (head.start, head.end)
        if (
            s.start == s.end
            or (s.layer == "provenance" and (s.label in DOCUMENT_LABELS or s.label.startswith("missing_")))
            or whole_head
        ):
            about.append(s)
        else:
            drawn.append(s)
    about.extend(getattr(markup, "findings", ()) or ())
    return drawn, about


def _about_html(markup, about, uid) -> str:
    if not about:
        return ""
    text = markup.article.text
    items = []
    for f in about:
        label = getattr(f, "label", "") or getattr(f, "kind", "")
        why = getattr(f, "explanation", "")
        where = []
        for e in getattr(f, "evidence", ()) or ():
            if isinstance(e, (list, tuple)) and len(e) == 2 and _slice(text, tuple(e)):
                p = markup.article.paragraph_index(e[0])
                if p is not None and f"\u00b6{p + 1}" not in where:
                    where.append(f"\u00b6{p + 1}")
        tail = f" (see {', '.join(where)})" if where else ""
        items.append(f"<li><strong>{esc(pretty(label).capitalize())}</strong>: {esc(pilcrow(why))}{esc(tail)}</li>")
    short = ", ".join(
        dict.fromkeys(
            pretty(getattr(f, "label", "") or getattr(f, "kind", "")).replace("missing ", "no ") for f in about
        )
    )
    return (
        f'<section class="mk-about" id="{uid}-about" aria-label="About this page">'
        f"<details><summary><strong>About this page</strong>: {esc(short)}</summary>"
        f'<p class="mk-quiet">Clues about the page as a whole (where it comes from), not about any one word:</p>'
        f"<ul>{''.join(items)}</ul></details></section>"
    )


def _short(s: str, n: int = 160) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1].rstrip() + "\u2026"


class _Places:
    """Where an offset lies: "headline", "¶3", "page furniture" or "" (binary search)."""

    def __init__(self, article):
        self.article = article
        self.pstarts = [p.start for p in article.paragraphs] if article is not None else []
        self.fstarts = [f.start for f in article.furniture] if article is not None else []

    def __call__(self, offset: int) -> str:
        a = self.article
        if a is None:
            return ""
        h = a.headline
        if h is not None and h.start <= offset < max(h.end, h.start + 1):
            return "headline"
        i = bisect_right(self.pstarts, offset) - 1
        if i >= 0 and offset < a.paragraphs[i].end:
            return f"\u00b6{i + 1}"
        i = bisect_right(self.fstarts, offset) - 1
        if i >= 0 and offset < a.furniture[i].end:
            return "page furniture"
        return ""


def _numbers(spans) -> list[int]:
    """Each finding's number within its layer (1, 2, ... per layer, in reading order)."""
    seen: dict[str, int] = {}
    out = []
    for s in spans:
        seen[s.layer] = seen.get(s.layer, 0) + 1
        out.append(seen[s.layer])
    return out


def _findings_html(spans, text, uid, article, tips) -> str:
    nums = _numbers(spans)
    items = []
    for i, s in enumerate(spans):
        st = STYLE.get(s.layer)
        quoted = f"&#8220;{esc(_short(s.text, 120))}&#8221;" if s.text else "<em>(no place in the text)</em>"
        body = esc(tips[i]).replace("\n", "<br>")
        items.append(
            f'<li id="{uid}-f{i}" value="{nums[i]}" class="mk-f mk-f-{_cls(s.layer)}">'
            f"{_swatch(s.layer, st.badge if st else '?')} {quoted}<br>{body}</li>"
        )
    return (
        f'<details class="mk-findings" id="{uid}-findings"><summary>The findings of the layer shown, '
        f"in reading order</summary><ol>{''.join(items)}</ol></details>"
    )


#: The layer chosen first when none is named: the one a reader most needs, if it has findings.
FIRST_CHOICE = ("loaded", "source", "quote", "attribution_cue", "hedge", "claim", "headline", "provenance", "furniture")


def _passage(article, paragraphs):
    """(start, end, first, last) of body paragraphs ``paragraphs`` (numbers from 1, as ¶1)."""
    if isinstance(paragraphs, int):
        paragraphs = [paragraphs]
    nums = sorted({int(p) for p in paragraphs})
    n = len(article.paragraphs)
    if not nums or nums[0] < 1 or nums[-1] > n:
        raise MediakitError(
            f"There is no paragraph {paragraphs!r} here: the article has paragraphs \u00b61 to \u00b6{n}."
        )
    return article.paragraphs[nums[0] - 1].start, article.paragraphs[nums[-1] - 1].end, nums[0], nums[-1]


def _shift(spans, lo: int, hi: int, text: str) -> list:
    from dataclasses import replace

    out = []
    for s in spans:
        a, b = max(s.start, lo), min(s.end, hi)
        if a < b:
            out.append(replace(s, start=a - lo, end=b - lo, text=text[a:b]))
    return out


def render(
    markup,
    layers: Iterable[str] | str | None = None,
    standalone: bool = False,
    *,
    findings: bool = True,
    report: bool | None = None,
    show_legend: bool = True,
    layer: str | None = None,
    paragraphs=None,
) -> str:
    """The highlighted article as HTML.

    ``layers`` keeps only those layers (default: the markup's own layers; a single
    name is accepted). One layer is shown at a time: ``layer`` names the one shown
    first (default: loaded language, else the first layer with findings); the others,
    and "All layers", are one click away. ``paragraphs`` (numbers from 1, as ¶1)
    shows only that passage, with the whole article one click away in a
    ``<details>``. ``standalone=True`` returns a whole ``<!doctype html>`` page with
    the stylesheet inline, for projecting without Jupyter. ``findings`` adds the list
    of every finding; ``report`` the headline check (default: when the ``headline``
    layer is shown); ``show_legend`` the legend.

    >>> from mediakit import load_article
    >>> part = render(load_article().markup(), paragraphs=[3, 4])
    >>> "The whole article" in part and part.count('class="mk-text"') == 2
    True
    """
    markup = as_markup(markup)
    article = markup.article
    text = article.text
    shown = _layers(markup, layers)
    if layer is not None and layer not in shown:
        raise MediakitError(f"The layer {layer!r} is not among the layers shown: {', '.join(shown) or 'none'}.")
    uid = block_id(text, shown) + (
        f"-p{'-'.join(str(p) for p in sorted(set([paragraphs] if isinstance(paragraphs, int) else paragraphs)))}"
        if paragraphs is not None
        else ""
    )
    every = [s for s in markup.spans if s.layer in shown]
    inline, about = document_level(markup, every)
    lo, hi = 0, len(text)
    if paragraphs is not None:
        lo, hi, first, last = _passage(article, paragraphs)
        inline = [s for s in inline if s.start < hi and s.end > lo]
        about = []
    spans = inline
    fids = {id(s): i for i, s in enumerate(spans)}
    places = _Places(article)
    tips = [explain(s, text, places(s.start)) for s in spans]
    counts = {name: 0 for name in shown}
    for s in spans:
        counts[s.layer] += 1
    first_choice = layer or next((x for x in FIRST_CHOICE if x in shown and counts[x]), shown[0] if shown else None)

    parts = [f'<div class="mk-view" id="{uid}" lang="en">', f"<style>{CSS}</style>"]
    if findings and spans:
        parts.append(f'<a class="mk-skip" href="#{uid}-findings">Skip to the list of findings</a>')
    if shown:
        parts.append(f'<div class="mk-switches" id="{uid}-sw">Show one layer at a time:</div>')
        offer = [n for n in shown if counts[n] or n == first_choice] if paragraphs is not None else list(shown)
        choices = offer + (["all"] if len(offer) > 1 else [])  # a passage offers the layers it has
        for name in choices:
            label = STYLE[name].name if name != "all" else "All layers"
            count = counts[name] if name != "all" else len(spans)
            swatch = _swatch(name) if name != "all" else ""
            checked = " checked" if name == first_choice else ""
            parts.append(
                f'<input type="radio" name="{uid}-layer" class="mk-toggle mk-t-{name}" id="{uid}-t-{name}"'
                f'{checked} aria-describedby="{uid}-sw">'
                f'<label class="mk-key mk-k-{name}" for="{uid}-t-{name}">{swatch} {esc(label)} '
                f'<span class="mk-count">({count})</span></label>'
            )
    else:
        parts.append('<p class="mk-note">No layers are shown: pass layers=["quote", ...] to see highlights.</p>')
    if show_legend and shown:
        opened = " open" if len(shown) <= 3 else ""
        parts.append(
            f'<details class="mk-legend-box"{opened}><summary>What the layers mean</summary>'
            f"{legend(shown, counts)}</details>"
        )
    held = tuple(getattr(markup, "layers", LAYERS))
    missing = [STYLE[n].name for n in shown if n not in held]
    if missing:
        parts.append(
            '<p class="mk-note">Not in this markup (it was made with only()): ' + esc(", ".join(missing)) + ".</p>"
        )
    empty = [STYLE[n].name for n in shown if counts[n] == 0 and n in held]
    if empty and paragraphs is None:
        parts.append(
            '<p class="mk-note">Nothing was found in: ' + esc(", ".join(empty)) + ". "
            "Either the article has none, or the lens missed them: read the text yourself.</p>"
        )
    parts.append(_about_html(markup, about, uid))
    if (report if report is not None else ("headline" in shown)) and paragraphs is None:
        parts.append(_report_html(markup))
    if paragraphs is None:
        region = _text_html(text, spans, _structure(article), uid, fids, tips, _numbers(spans))
    else:
        sub = text[lo:hi]
        shifted = _shift(spans, lo, hi, text)
        sfids = {id(x): fids[id(s)] for x, s in zip(shifted, spans)}
        structure = []
        for i, p in enumerate(article.paragraphs, 1):
            if first <= i <= last:
                structure.append(_Node(p.start - lo, p.end - lo, -1, "par", seg=(i, p)))
        for f in article.furniture:
            if lo <= f.start and f.end <= hi:
                structure.append(_Node(f.start - lo, f.end - lo, -1, "furn", seg=f))
        region = _text_html(sub, shifted, structure, uid, sfids, tips, _numbers(spans))
        where = f"\u00b6{first}" + (f" to \u00b6{last}" if last != first else "")
        parts.append(f'<p class="mk-quiet">The passage: {esc(where)}.</p>')
    parts.append(f'<div class="mk-text" id="{uid}-text">{_PRE}{region}</pre></div>')
    if findings and spans:
        parts.append(_findings_html(spans, text, uid, article, tips))
    if paragraphs is not None:
        whole = render(markup, layers=shown, findings=findings, report=report, show_legend=False, layer=first_choice)
        parts.append(f'<details class="mk-whole"><summary>The whole article</summary>{whole}</details>')
    parts.append("</div>")
    fragment = "".join(parts)
    if not standalone:
        return fragment
    return _page(markup, fragment, shown)


def _page(markup, fragment: str, shown) -> str:
    from .. import __version__

    article = markup.article
    title = article.headline.text if article.headline is not None else f"Article from {article.source}"
    notes = "".join(f'<p class="mk-quiet">{esc(n)}</p>' for n in getattr(article, "notes", ()))
    return (
        "<!doctype html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)} &#8212; mediakit</title>\n"
        f"<style>{_PAGE_CSS}</style>\n</head>\n"
        '<body class="mk-page">\n<header>\n'
        f"<h1>{esc(title)}</h1>\n"
        f"<p>A close reading made by mediakit {esc(__version__)} from <code>{esc(article.source)}</code>. "
        "Each layer marks one kind of device; choose one layer at a time. Hover over a highlight, or move to "
        "its number with the Tab key, to read why it is marked. The marks are a machine's first reading: "
        "check them against the text.</p>\n"
        f"{notes}</header>\n<main>\n{fragment}\n</main>\n</body>\n</html>\n"
    )


# -- small helpers for lessons and exercises ------------------------------------------------


def highlight(source, spans: Iterable[Span], *, explanations: bool = True) -> str:
    """Highlight ``spans`` in a passage: ``source`` is a string, an Article or a Markup.

    No switches, legend or list: just the text region, for exercises and feedback.

    >>> from mediakit.spans import make_span
    >>> t = "He is a <b>daring</b> man"
    >>> out = highlight(t, [make_span(t, "loaded", "loaded_adjective", 11, 17)])
    >>> "&lt;b&gt;<mark" in out and "</a></mark>&lt;/b&gt;" in out
    True
    """
    article = getattr(source, "article", None) or (source if hasattr(source, "paragraphs") else None)
    text = article.text if article is not None else source
    if not isinstance(text, str):
        raise MediakitError("highlight() takes the passage as a string, an Article or a Markup.")
    spans = list(spans)
    for s in spans:
        if not (0 <= s.start <= s.end <= len(text)) or text[s.start : s.end] != s.text:
            raise MediakitError(
                f"The span {s.text!r} ({s.start}..{s.end}) does not match this passage: "
                "build spans from the same text you highlight."
            )
    if not explanations:
        spans = [Span(s.layer, s.label, s.start, s.end, s.text) for s in spans]
    layers = sorted({s.layer for s in spans})
    uid = block_id(text, layers)
    return (
        f'<div class="mk-view mk-passage mk-static" id="{uid}"><style>{CSS}</style>'
        f'<div class="mk-text">{_PRE}{_text_html(text, spans, _structure(article), uid)}</pre></div></div>'
    )


def show(markup, layers: Iterable[str] | str | None = None, **kwargs):
    """An ``IPython.display.HTML`` object of :func:`render` (for a notebook cell's last line)."""
    from IPython.display import HTML

    return HTML(render(markup, layers=layers, **kwargs))
