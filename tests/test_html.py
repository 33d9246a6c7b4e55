"""Tests of the HTML view (mediakit/views/html.py): escaping, the text region, nesting,
determinism, layer switches, the legend, accessibility cues and the standalone page.

Most tests build a Markup from spans written here (so they test the view, not the
lenses); a few run the real lenses on the seed.
"""

from __future__ import annotations

import hashlib
import html as htmllib
import re
import subprocess
import sys
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mediakit import LAYERS, MediakitError, load_article
from mediakit.lenses import furniture
from mediakit.markup import Markup
from mediakit.spans import Span, make_span
from mediakit.views import html as view
from mediakit.views.palette import STYLE

TAG = re.compile(r"<[^>]+>")


def plain(fragment: str) -> str:
    """The text a reader sees in a region: tags stripped, entities unescaped."""
    return htmllib.unescape(TAG.sub("", fragment))


def find(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    i = -1
    for _ in range(nth + 1):
        i = text.index(needle, i + 1)
    return i, i + len(needle)


def markup_of(text: str, marks=(), layers=LAYERS, with_furniture=True) -> Markup:
    """A Markup of ``text`` with spans ``(layer, label, needle[, nth[, meta]])``."""
    article = load_article(text)
    spans = list(furniture.find(article, {})) if with_furniture else []
    for mark in marks:
        layer, label, needle, *rest = mark
        nth = rest[0] if rest else 0
        meta = rest[1] if len(rest) > 1 else {}
        a, b = find(article.text, needle, nth)
        spans.append(make_span(article.text, layer, label, a, b, f"why {needle} is {label}", "", **meta))
    return Markup(article, spans, layers)


SEED = load_article()


def seed_markup() -> Markup:
    """The seed with hand-placed spans in every layer (as SEED-FINDINGS describes them)."""
    t = SEED.text
    marks = [
        ("quote", "scare", "“bargaining”"),
        ("loaded", "scare_quote", "“bargaining”", 0, {"voice": "writer"}),
        ("loaded", "loaded_verb", "seizing", 0, {"voice": "writer"}),
        ("headline", "attributed", "Ukraine prepares"),
        ("headline", "stated", "Kursk region"),
        (
            "quote",
            "direct",
            '"Russia brought war to others, and now it is returning home,"',
            0,
            {"speaker": list(find(t, "President Volodymyr Zelensky"))},
        ),
        ("source", "named_person", "President Volodymyr Zelensky"),
        ("attribution_cue", "loaded", "broke the silence"),
        ("loaded", "dramatic_framing", "broke the silence", 0, {"voice": "writer"}),
        ("loaded", "loaded_adjective", "daring", 0, {"voice": "writer"}),
        (
            "claim",
            "unattributed_judgement",
            "The ambiguity about the strategic objectives of the first invasion "
            "of Russian territory since World War II makes sense: it keeps the enemy guessing.",
        ),
        ("hedge", "certainty", "makes sense"),
        ("loaded", "label", "the enemy", 0, {"voice": "writer"}),
        ("loaded", "label", "dictator", 0, {"voice": "writer"}),
        ("source", "named_person", "dictator Vladimir Putin"),
        ("provenance", "spelling_variant", "Kiev"),
        ("hedge", "certainty", "knows how. But several"),  # crosses a sentence boundary
        ("claim", "mind_reading", "No one knows how."),
    ]
    return markup_of(t, marks)


class Nesting(HTMLParser):
    """Checks that tags nest properly and collects ids, tags and attributes."""

    VOID = {"input", "meta", "br", "link", "img", "hr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.errors, self.ids, self.tags, self.attrs = [], [], [], [], []
        self.doctype = None

    def handle_decl(self, decl):
        self.doctype = decl

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.append((tag, dict(attrs)))
        d = dict(attrs)
        if "id" in d:
            self.ids.append(d["id"])
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1] if self.stack else 'nothing'}")
        else:
            self.stack.pop()


def parse(markup_html: str) -> Nesting:
    p = Nesting()
    p.feed(markup_html)
    p.close()
    return p


# -- escaping ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body, raw, escaped",
    [
        ("Officials said <script>alert('x')</script> nothing.", "<script>", "&lt;script&gt;"),
        ("Tom & Jerry said it.", " & ", " &amp; "),
        ('He said <img src=x onerror="alert(1)"> here.', "<img", "&lt;img"),
        ("A closing </div> tag in text must not close the region.", "</div> tag", "&lt;/div&gt; tag"),
        ("Quotes \" and ' stay text.", "\" and '", "&quot; and &#x27;"),
    ],
)
def test_article_text_is_escaped(body, raw, escaped):
    """Does markup-like article text come out escaped, so that nothing in it runs or breaks the page?"""
    text = "A headline for the test\n\n" + body + "\n"
    m = markup_of(text, [("loaded", "label", body.split()[0])])
    for out in (view.render(m), view.render(m, standalone=True)):
        region = view.text_region(out)
        assert raw not in region
        assert escaped in region
        assert plain(region) == text
        tags = parse(out).tags
        assert "script" not in tags and "img" not in tags


@pytest.mark.parametrize("field", ["explanation", "alternative", "label"])
def test_explanations_and_labels_are_escaped(field):
    """Is a span's explanation, alternative or label escaped too (lexicon rows are data, not HTML)?"""
    text = "Headline words here\n\nThe daring move happened.\n"
    a, b = find(text, "daring")
    values = {"explanation": "ok", "alternative": "", "label": "loaded_adjective"}
    values[field] = '<script>alert("x")</script>'
    span = Span("loaded", values["label"], a, b, "daring", values["explanation"], values["alternative"])
    out = view.render(Markup(load_article(text), [span]), standalone=True)
    assert "<script" not in out.lower()
    assert "&lt;script&gt;" in out


def test_a_plain_article_gets_no_stray_entities():
    """Is text without special characters left as it is (no over-escaping)?"""
    text = "Plain headline\n\nNothing special here at all.\n"
    region = view.text_region(view.render(markup_of(text)))
    assert "&" not in TAG.sub("", region)
    assert TAG.sub("", region) == text


# -- the text region -----------------------------------------------------------------------

TRICKY = {
    "nested": (
        'Head line\n\nHe said "the daring dictator left" today.\n',
        [
            ("claim", "unattributed_judgement", 'He said "the daring dictator left" today.'),
            ("quote", "direct", '"the daring dictator left"'),
            ("loaded", "label", "dictator"),
            ("loaded", "loaded_adjective", "daring"),
        ],
    ),
    "crossing": (
        "Head line\n\nOne two three four five.\n",
        [
            ("hedge", "hedge", "One two three"),
            ("loaded", "label", "two three four five"),
            ("source", "vague_group", "three four"),
        ],
    ),
    "adjacent": (
        "Head line\n\nalphabeta gamma\n",
        [("loaded", "label", "alpha"), ("hedge", "hedge", "beta"), ("source", "anonymous", " gamma")],
    ),
    "same extent, three layers": (
        "Head line\n\nKiev again.\n",
        [
            ("loaded", "spelling", "Kiev"),
            ("provenance", "spelling_variant", "Kiev"),
            ("source", "named_organisation", "Kiev"),
        ],
    ),
    "empty layers": ("Head line\n\nNothing is marked here.\n", []),
    "crlf": (
        'Head line\r\n\r\nFirst para, "quoted".\r\n\r\nSecond para.\r\n',
        [("quote", "scare", '"quoted"'), ("claim", "unattributed_fact", 'First para, "quoted".\r\n\r\nSecond')],
    ),
    "emoji and astral": (
        "Head 🚀 line\n\nThe 𝒳 daring 👍🏽 move 🇺🇦.\n",
        [("loaded", "loaded_adjective", "daring 👍🏽"), ("hedge", "hedge", "𝒳"), ("source", "anonymous", "🇺🇦")],
    ),
    "span across paragraphs": (
        'Head line\n\n"Start of a quote\n\nthat goes on" he said.\n',
        [("quote", "direct", '"Start of a quote\n\nthat goes on"'), ("attribution_cue", "neutral", "said")],
    ),
    "whole text": ("Head line\n\nBody.", [("provenance", "relayed_report", "Head line\n\nBody.")]),
    "furniture and tabs": (
        "Head line\n5 months ago\n\n\tIndented body & more.\n\nLoading comments...\n",
        [("loaded", "label", "more")],
    ),
}


@pytest.mark.parametrize("name", sorted(TRICKY))
def test_text_region_is_exactly_the_article_text(name):
    """Does the text region, tags stripped and entities unescaped, equal the article text, whatever the spans?"""
    text, marks = TRICKY[name]
    m = markup_of(text, marks)
    out = view.render(m)
    assert plain(view.text_region(out)) == m.article.text
    assert plain(view.text_region(view.render(m, standalone=True))) == m.article.text
    nest = parse(out)
    assert nest.errors == [] and nest.stack == []


def test_seed_text_region_and_nesting():
    """On the seed with spans in every layer (crossing ones too), is the text exact and are tags well nested?"""
    m = seed_markup()
    out = view.render(m, standalone=True)
    assert plain(view.text_region(out)) == SEED.text
    nest = parse(out)
    assert nest.errors == [] and nest.stack == []


def test_seed_with_the_real_lenses():
    """With the lenses as they stand, does the seed render with its text intact and every span shown?"""
    m = SEED.markup()
    out = view.render(m)
    region = view.text_region(out)
    assert plain(region) == SEED.text
    drawn, about = view.document_level(m, m.spans)
    shown = {(s.layer, s.start, s.end) for s in drawn}
    assert region.count('class="mk-tab"') == len(shown)  # one keyboard stop per highlight
    assert about and "tabindex" not in region


def test_a_crossing_span_is_split_into_pieces():
    """When two spans cross, is one split so that both stay highlighted over their whole extent?"""
    text, marks = TRICKY["crossing"]
    region = view.text_region(view.render(markup_of(text, marks)))
    pieces = re.findall(r'<mark class="mk-hl mk-l-loaded[^"]*"', region)
    assert len(pieces) >= 2
    assert sum("mk-cont" in p for p in pieces) == len(pieces) - 1  # only the first piece is focusable
    assert sum("mk-end" in p for p in pieces) == 1  # only the last piece has the badge


@pytest.mark.parametrize(
    "text, offsets",
    [
        ("Head line\n\nBody text.", (0, 0)),
        ("Head line\n\nBody text.", (21, 21)),
    ],
)
def test_zero_length_spans_are_listed_not_drawn(text, offsets):
    """Is a finding with no place in the text (a missing byline) in the "About this page" box, not drawn?"""
    span = Span("provenance", "missing_byline", offsets[0], offsets[1], "", "No byline, see P1.")
    out = view.render(Markup(load_article(text), [span]))
    assert plain(view.text_region(out)) == text
    about = out[out.index('class="mk-about"') :]
    assert "About this page" in about and "No byline, see \u00b61." in about
    assert "mk-l-provenance" not in view.text_region(out)


@pytest.mark.parametrize(
    "label, whole_headline, in_about",
    [
        ("missing_date", True, True),  # a document-level clue drawn on the headline: moved
        ("missing_outlet", False, True),  # wherever it is drawn
        ("spelling_variant", True, True),  # any provenance span over exactly the headline
        ("spelling_variant", False, False),  # a clue on one word stays a highlight
    ],
)
def test_document_level_findings_go_to_the_about_box(label, whole_headline, in_about):
    """Is a clue about the whole page shown in "About this page", never as a highlight on the headline?"""
    text = "Head line here\n\nBody text with Kiev.\n"
    a, b = (0, 14) if whole_headline else find(text, "Kiev")
    out = view.render(Markup(load_article(text), [Span("provenance", label, a, b, text[a:b], "Why.")]))
    assert ("mk-l-provenance" in view.text_region(out)) is not in_about
    about = out[out.index('class="mk-about"') :] if 'class="mk-about"' in out else ""
    about = about[: about.find("</section>")]
    assert ("Why." in about) is in_about  # the page's own findings (no byline ...) are in the box anyway


def test_markup_findings_are_shown_in_the_about_box():
    """Are document-level findings (markup.findings, when present) shown in the About box with their paragraph?"""
    from types import SimpleNamespace

    text = "Head line\n\nFirst body line.\n\nSecond one.\n"
    a, b = find(text, "Second one.")
    m = Markup(
        load_article(text),
        [],
        findings=(
            SimpleNamespace(
                kind="provenance", label="missing_byline", explanation="No byline <b>.", evidence=((a, b),)
            ),
        ),
    )
    out = view.render(m)
    assert "No byline &lt;b&gt;." in out and "(see \u00b62)" in out


@st.composite
def text_and_spans(draw):
    text = draw(
        st.text(
            alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1, max_size=60
        )
    )
    n = len(text)
    spans = []
    for _ in range(draw(st.integers(0, 8))):
        a = draw(st.integers(0, n))
        b = draw(st.integers(a, n))
        layer = draw(st.sampled_from(LAYERS))
        spans.append(Span(layer, draw(st.sampled_from(["x", "label", "a b"])), a, b, text[a:b], "<why & how>"))
    return text, spans


@settings(max_examples=150, deadline=None)
@given(text_and_spans())
def test_any_spans_on_any_text_keep_the_text_and_nest(data):
    """For any text and any overlapping spans, is the text exact and is every tag closed in order?"""
    text, spans = data
    out = view.highlight(text, spans)
    assert plain(view.text_region(out)) == text
    nest = parse(out)
    assert nest.errors == [] and nest.stack == []


def test_spans_with_the_same_extent_share_one_highlight():
    """Do two findings of one layer on the same words make one highlight that explains both?"""
    text = "Head line\n\nBody text.\n"
    a, b = find(text, "Head line")
    a, b = find(text, "Body")
    spans = [
        Span("claim", "unattributed_fact", a, b, "Body", "A fact."),
        Span("claim", "mind_reading", a, b, "Body", "A mind read."),
        Span("loaded", "label", a, b, "Body", "Other layer."),
    ]
    out = view.render(Markup(load_article(text), spans))
    marks = [at for t, at in parse(out).attrs if t == "mark"]
    claim = [m for m in marks if "mk-l-claim" in m["class"]]
    assert len(marks) == 2 and len(claim) == 1
    assert "A fact." in claim[0]["data-tip"] and "A mind read." in claim[0]["data-tip"]
    tabs = [at for t, at in parse(out).attrs if t == "a" and "mk-tab" in at.get("class", "")]
    assert len(tabs) == 2 and sorted(len(t["aria-describedby"].split()) for t in tabs) == [1, 2]
    assert out.count('class="mk-f mk-f-claim"') == 2  # both are listed


def test_text_region_refuses_foreign_html():
    """Does text_region() say clearly when the HTML was not made by render()?"""
    with pytest.raises(MediakitError, match="mk-text"):
        view.text_region("<p>hello</p>")


# -- determinism and ids ---------------------------------------------------------------------


def test_render_is_deterministic():
    """Does rendering the same markup twice give the same bytes (no random ids, no time)?"""
    m = seed_markup()
    assert view.render(m) == view.render(m)
    assert view.render(m, standalone=True) == view.render(seed_markup(), standalone=True)


def test_ids_are_unique_within_a_render_and_derived_from_a_hash():
    """Are element ids unique in one render, and made from SHA-1 of the text and layers shown?"""
    m = seed_markup()
    out = view.render(m, layers=["loaded", "quote"])
    ids = parse(out).ids
    assert len(ids) == len(set(ids)) and ids
    expected = "mk-" + hashlib.sha1(SEED.text.encode() + b"\x00quote,loaded").hexdigest()[:10]
    assert ids[0] == expected
    assert all(i.startswith(expected) for i in ids)


@pytest.mark.parametrize(
    "a, b",
    [
        (("Head\n\nOne text.", ["loaded"]), ("Head\n\nOther text.", ["loaded"])),
        (("Head\n\nOne text.", ["loaded"]), ("Head\n\nOne text.", ["quote"])),
        (("Head\n\nOne text.", ["loaded"]), ("Head\n\nOne text.", ["loaded", "quote"])),
    ],
)
def test_two_different_blocks_never_share_ids(a, b):
    """Do two different renders in one notebook get different ids, so their switches stay apart?"""
    ida = parse(view.render(markup_of(a[0]), layers=a[1])).ids
    idb = parse(view.render(markup_of(b[0]), layers=b[1])).ids
    assert not set(ida) & set(idb)


# -- layers, legend, switches ------------------------------------------------------------------


@pytest.mark.parametrize("layers", [["loaded"], ["quote", "source"], ["furniture"], "hedge", list(LAYERS)])
def test_layers_filter_shows_only_those_layers(layers):
    """Does layers= keep only the layers asked for, in the text, the switches and the legend?"""
    wanted = [layers] if isinstance(layers, str) else layers
    out = view.render(seed_markup(), layers=layers)
    region = view.text_region(out)
    for name in LAYERS:
        inside = f"mk-l-{name} " in region
        switch = f'class="mk-toggle mk-t-{name}"' in out
        legend_entry = f'class="mk-lg-{name}"' in out
        assert inside == (name in wanted), name
        assert switch == legend_entry == (name in wanted), name


@pytest.mark.parametrize("bad", ["loaded_language", "Quote", ""])
def test_unknown_layer_is_refused(bad):
    """Does an unknown layer name give a MediakitError that lists the layers?"""
    with pytest.raises(MediakitError, match="The layers are"):
        view.render(seed_markup(), layers=[bad])


def test_markup_only_limits_the_default_layers():
    """Does a markup made with only() render just its own layers by default?"""
    out = view.render(seed_markup().only("loaded"))
    assert 'class="mk-toggle mk-t-loaded"' in out and 'class="mk-toggle mk-t-quote"' not in out


@pytest.mark.parametrize("layers", [["loaded"], ["quote", "hedge"], list(LAYERS)])
def test_legend_lists_only_the_layers_shown(layers):
    """Does the legend explain exactly the layers shown, with their names and non-colour cues?"""
    out = view.legend(layers)
    for name in LAYERS:
        assert (STYLE[name].name in out) == (name in layers)
        assert (STYLE[name].cue in out) == (name in layers)


def test_every_switch_is_a_labelled_radio_that_css_reads():
    """Is there one labelled radio per layer plus "All layers", exactly one chosen, and a CSS rule that draws a layer only when chosen?"""
    out = view.render(seed_markup())
    p = parse(out)
    inputs = [a for t, a in p.attrs if t == "input"]
    labels = {a.get("for") for t, a in p.attrs if t == "label"}
    assert len(inputs) == len(LAYERS) + 1
    assert len({a["name"] for a in inputs}) == 1
    assert sum("checked" in a for a in inputs) == 1
    for a in inputs:
        assert a["type"] == "radio" and a["id"] in labels
    for name in LAYERS:
        assert f".mk-view .mk-t-{name}:checked ~ .mk-text .mk-l-{name}," in view.CSS
        assert f".mk-view .mk-t-{name}:checked ~ .mk-text .mk-l-{name} > a.mk-tab" in view.CSS
    # the switches come before the text region, so the sibling selector can reach it
    assert out.index('class="mk-toggle') < out.index('class="mk-text"')


@pytest.mark.parametrize(
    "layers, layer, chosen",
    [
        (None, None, "loaded"),
        (["source", "quote"], None, "source"),
        (["source", "quote"], "quote", "quote"),
        (["furniture"], None, "furniture"),
    ],
)
def test_one_layer_is_chosen_first(layers, layer, chosen):
    """Is one layer shown first (loaded language by default, or the one asked for), the others a click away?"""
    p = parse(view.render(SEED.markup(), layers=layers, layer=layer))
    checked = [a["class"] for t, a in p.attrs if t == "input" and "checked" in a]
    assert checked == [f"mk-toggle mk-t-{chosen}"]


def test_a_layer_not_shown_cannot_be_chosen():
    """Does asking to show first a layer that is filtered out give a clear error?"""
    with pytest.raises(MediakitError, match="not among the layers shown"):
        view.render(SEED.markup(), layers=["quote"], layer="loaded")


def test_empty_layers_are_noted():
    """When a layer shown has nothing in it, does the view say so instead of showing nothing?"""
    out = view.render(markup_of("Head line\n\nA plain body.\n"), layers=["loaded", "hedge"])
    assert "Nothing was found in: Loaded language, Hedges and certainty" in out
    full = view.render(seed_markup(), layers=["loaded"])
    assert "Nothing was found in" not in full


# -- accessibility -----------------------------------------------------------------------------


def test_every_highlight_has_a_keyboard_stop_with_an_explanation():
    """Has every highlight one numbered link (shown only with its layer) with its explanation, named and linked by aria?"""
    m = seed_markup()
    out = view.render(m)
    p = parse(out)
    marks = [a for t, a in p.attrs if t == "mark" and "mk-cont" not in a["class"]]
    tabs = [a for t, a in p.attrs if t == "a" and "mk-tab" in a.get("class", "")]
    drawn, _ = view.document_level(m, m.spans)
    assert len(marks) == len(tabs) == len({(s.layer, s.start, s.end) for s in drawn})
    for a in marks:
        assert "tabindex" not in a and a["data-tip"].strip()
    for a in tabs:
        assert a["data-tip"].strip() and a["aria-label"].startswith("Finding ")
        assert a["href"][1:] in p.ids and set(a["aria-describedby"].split()) <= set(p.ids)
    css = view.CSS
    assert ".mk-view a.mk-tab { display: none;" in css  # hidden layers: out of the tab order
    assert ":focus::before" in css and ":hover::before" in css and "attr(data-tip)" in css
    assert "position: fixed" in css  # the tip never covers the next line


def test_skip_link_leads_to_the_findings_list():
    """Does the view start with a link that skips to the list of findings?"""
    out = view.render(SEED.markup())
    p = parse(out)
    first = next(a for t, a in p.attrs if t == "a")
    assert "mk-skip" in first["class"] and first["href"][1:] in p.ids
    assert p.ids.index(first["href"][1:]) >= 0 and first["href"].endswith("-findings")


@pytest.mark.parametrize(
    "note, shown",
    [
        ("as P8 says", "as \u00b68 says"),
        ("(P10, P11)", "(\u00b610, \u00b611)"),
        ("APP1 and P.1", "APP1 and P.1"),
    ],
)
def test_paragraphs_are_named_one_way(note, shown):
    """Are lens notes' "P8" shown as "¶8", the text's own naming, and other words left alone?"""
    assert view.pilcrow(note) == shown


@pytest.mark.parametrize(
    "meta, expect, absent",
    [
        ((("voice", "writer"),), "the writer's own voice", "inside a quote"),
        ((("voice", "quoted"), ("speaker", "Mr Smith")), "Mr Smith's words, inside a quote", "writer's own"),
        ((("refers_to", "Volodymyr Zelensky"),), "he = Volodymyr Zelensky", "quote"),
    ],
)
def test_explanations_say_whose_voice_and_who_is_meant(meta, expect, absent):
    """Does a tooltip say whose voice a word is in (writer or named speaker) and whom a pronoun means?"""
    text = "Head\n\nThen he spoke.\n"
    a, b = find(text, "he")
    tip = view.explain(Span("source", "pronoun", a, b, "he", "A pronoun.", "", meta), text)
    assert expect in tip and absent not in tip


def test_contested_naming_is_a_choice_not_loaded():
    """Is a contested naming shown as a naming choice, not as loaded language?"""
    text = "Head\n\nThe incursion went on.\n"
    a, b = find(text, "incursion")
    tip = view.explain(
        Span("loaded", "contested_naming", a, b, "incursion", "A choice.", "", (("verdict", "choice"),)), text
    )
    assert tip.startswith("Naming choice") and "Loaded language" not in tip


@pytest.mark.parametrize("label, plain_line", [("contested_naming", True), ("label", False)])
def test_a_naming_choice_is_drawn_without_a_judging_colour(label, plain_line):
    """Is a naming choice drawn with a plain dotted line (no judging colour), and a label not?"""
    text = "Head\n\nThe incursion went on.\n"
    a, b = find(text, "incursion")
    out = view.render(Markup(load_article(text), [Span("loaded", label, a, b, "incursion", "Why.")]))
    assert f"mk-c-{label}" in view.text_region(out)
    rule = re.search(r"\.mk-l-loaded\.mk-c-" + label + r"(?![\w-])[^{]*\{([^}]*)\}", out)
    assert (rule is not None and "background: transparent" in rule.group(1) and "dotted" in rule.group(1)) is plain_line


def test_passage_shows_only_its_paragraphs_with_the_whole_article_a_click_away():
    """Does paragraphs=[3, 4] show ¶3–¶4 only, with the whole article in a <details>?"""
    m = SEED.markup()
    out = view.render(m, paragraphs=[3, 4])
    a, b = m.article.paragraphs[2].start, m.article.paragraphs[3].end
    assert plain(view.text_region(out)) == m.article.text[a:b]
    whole = out[out.index('<details class="mk-whole">') :]
    assert plain(view.text_region(whole)) == m.article.text
    p = parse(out)
    assert p.errors == [] and p.stack == [] and len(p.ids) == len(set(p.ids))


@pytest.mark.parametrize("bad", [[0], [99], []])
def test_passage_refuses_a_paragraph_that_is_not_there(bad):
    """Does asking for a paragraph the article lacks give a clear error naming the range?"""
    with pytest.raises(MediakitError, match="\u00b61 to"):
        view.render(SEED.markup(), paragraphs=bad)


@pytest.mark.parametrize("name", LAYERS)
def test_every_layer_has_a_cue_that_is_not_colour(name):
    """Does each layer have its own line style or border and a badge, so that colour is never the only cue?"""

    def rule(n):
        return re.search(rf"\.mk-view \.mk-sw-{n}, [^{{]*\{{([^}}]*)\}}", view.CSS).group(1)

    assert re.search(r"wavy|dotted|dashed|double|solid|line-through|overline", rule(name))
    assert re.search(rf"\.mk-l-{name}\.mk-end::after \{{ content: [^;]+;", view.CSS)
    patterns = [re.sub(r"rgba\([^)]*\)\)|#[0-9A-F]{{6}}", "", rule(n)) for n in LAYERS]
    assert patterns.count(patterns[LAYERS.index(name)]) == 1  # a pattern of its own, not just a colour


def test_colours_are_okabe_ito():
    """Are the layer colours taken from the Okabe–Ito palette?"""
    okabe = {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000", "#999999"}
    assert {s.colour for s in STYLE.values()} <= okabe


# -- standalone page ---------------------------------------------------------------------------


def test_standalone_page_is_well_formed_and_offline():
    """Is the standalone page a whole HTML document with a title, a charset, and no external URL?"""
    out = view.render(seed_markup(), standalone=True)
    assert out.startswith("<!doctype html>")
    p = parse(out)
    assert p.doctype.lower() == "doctype html"
    assert p.errors == [] and p.stack == []
    assert p.tags.count("title") == 1 and p.tags.count("html") == 1 and "body" in p.tags
    assert any(t == "meta" and a.get("charset") == "utf-8" for t, a in p.attrs)
    assert not re.search(r"https?://", out)
    assert not any("src" in a or ("href" in a and not a["href"].startswith("#")) for _, a in p.attrs)
    assert "@import" not in out and "url(" not in out
    assert "Ukraine prepares for “bargaining” with Trump by seizing Kursk region" in out.split("</title>")[0]


def test_standalone_title_is_escaped():
    """Is a headline with markup escaped in the page title?"""
    m = markup_of("Head <b>bold</b> & co\n\nBody text here.\n")
    head = view.render(m, standalone=True).split("</title>")[0]
    assert "<title>Head &lt;b&gt;bold&lt;/b&gt; &amp; co" in head


@pytest.mark.parametrize("layers, has_report", [(["headline"], True), (list(LAYERS), True), (["loaded"], False)])
def test_headline_report_appears_with_the_headline_layer(layers, has_report):
    """Does the page show the headline check (overall score) only when the headline layer is shown?"""
    out = view.render(seed_markup(), layers=layers, standalone=True)
    assert ("Overall support:" in out) == has_report


def test_fragment_is_not_a_page():
    """Is the notebook fragment a single block, without <html> or <title>?"""
    out = view.render(seed_markup())
    tags = parse(out).tags
    assert "html" not in tags and "title" not in tags and tags[0] == "div"


# -- helpers ------------------------------------------------------------------------------------


def test_highlight_refuses_spans_from_another_text():
    """Does highlight() refuse a span whose text is not at its offsets in the passage?"""
    with pytest.raises(MediakitError, match="does not match"):
        view.highlight("a daring plan", [Span("loaded", "x", 0, 6, "daring")])


def test_views_do_not_import_pandas_or_matplotlib():
    """Does importing the views (and rendering HTML) leave pandas and matplotlib unimported until a table or chart is made?"""
    code = (
        "import sys, mediakit; from mediakit.views import html, tables, charts, palette; "
        "m = mediakit.load_article('Head\\n\\nBody.').markup(); html.render(m, standalone=True); "
        "print(any(m in sys.modules for m in ('pandas', 'matplotlib')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_markup_repr_html_uses_the_view():
    """Does a Markup display in a notebook through this view?"""
    m = seed_markup()
    assert m._repr_html_() == view.render(m)


def test_text_survives_nbconvert_style_reserialisation():
    """Does the text keep its blank lines and double spaces when BeautifulSoup re-serialises it (nbconvert's HTML export)?"""
    from bs4 import BeautifulSoup

    text = "Head line\n\nOne  two\n\n\nThree.\n"
    m = markup_of(text, [("loaded", "label", "One"), ("hedge", "hedge", "two"), ("source", "anonymous", "Three")])
    again = str(BeautifulSoup(view.render(m), features="html.parser"))
    assert plain(view.text_region(again)) == text


@pytest.mark.parametrize("layers", [[], ()])
def test_no_layers_still_shows_the_text(layers):
    """With no layer chosen, is the article still shown in full, with a note on how to choose layers?"""
    m = seed_markup()
    out = view.render(m, layers=layers)
    assert plain(view.text_region(out)) == SEED.text
    assert "No layers are shown" in out and "<mark" not in view.text_region(out)


def test_show_wraps_render_for_a_notebook():
    """Does show() give an IPython HTML object holding exactly the render?"""
    m = seed_markup()
    shown = view.show(m, layers=["loaded"])
    assert shown.data == view.render(m, layers=["loaded"])


@pytest.mark.parametrize("layers, note", [(["loaded"], "Not in this markup"), (["quote"], None)])
def test_a_layer_left_out_by_only_is_not_called_empty(layers, note):
    """Is a layer that only() left out reported as left out, not as 'nothing found'?"""
    out = view.render(seed_markup().only("quote"), layers=layers)
    assert ("Not in this markup" in out) == (note is not None)
    assert "Nothing was found in" not in out


def test_render_is_the_same_in_two_processes():
    """Do two Python processes with different hash seeds render the seed to the same bytes (no set order, no ids from memory)?"""
    import os

    code = (
        "import hashlib, mediakit; m = mediakit.load_article().markup(); "
        "print(hashlib.sha1((m.to_html() + m.to_html(standalone=True)).encode()).hexdigest())"
    )
    digests = set()
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
        digests.add(out.stdout.strip())
    assert len(digests) == 1


@pytest.mark.parametrize("bad", ["plain text", None, 42])
def test_render_refuses_what_is_not_a_markup(bad):
    """Does render() refuse a string or a number with a MediakitError that says what it wants?"""
    with pytest.raises(MediakitError, match="Markup"):
        view.render(bad)


def test_render_accepts_an_article():
    """Does render() mark up an Article given instead of a Markup?"""
    a = load_article("Head line\n\nBody text.\n")
    assert view.render(a) == view.render(a.markup())


def test_a_highlighted_passage_needs_no_switch_to_show():
    """Is a highlight() passage (exercises, feedback) drawn without switches: styled and focusable as it is?"""
    t = "He is a daring man."
    out = view.highlight(t, [make_span(t, "loaded", "loaded_adjective", 8, 14)])
    assert 'class="mk-view mk-passage mk-static"' in out and "<input" not in out
    assert ".mk-view.mk-static .mk-text .mk-l-loaded" in view.CSS
    assert ".mk-view.mk-static .mk-text .mk-l-loaded > a.mk-tab" in view.CSS


def test_a_passage_offers_only_the_layers_it_has():
    """Does a passage's row of switches leave out layers with nothing in that passage (but keep the one asked for)?"""
    m = SEED.markup()
    a, b = m.article.paragraphs[2].start, m.article.paragraphs[3].end
    held = {s.layer for s in m.spans if s.start < b and s.end > a and s.end > s.start}
    out = view.render(m, paragraphs=[3, 4])
    head = out[: out.index('<details class="mk-whole">')]
    offered = set(re.findall(r'class="mk-toggle mk-t-([a-z_]+)"', head)) - {"all"}
    assert offered and offered <= held | {"loaded"}
    assert "furniture" not in offered
