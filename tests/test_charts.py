"""Tests of the charts (mediakit/views/charts.py): one per lens, labelled, readable in
grey, deterministic, and polite when a layer is empty or a name is wrong.
"""

from __future__ import annotations

import io

import matplotlib
import pytest

matplotlib.use("Agg")  # tests draw off screen; the module itself never sets a backend

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from mediakit import LAYERS, MediakitError, load_article  # noqa: E402
from mediakit.lenses import furniture  # noqa: E402
from mediakit.lenses.headline import HeadlineReport, HeadlineTerm  # noqa: E402
from mediakit.markup import Markup  # noqa: E402
from mediakit.spans import Span, make_span  # noqa: E402
from mediakit.views import charts  # noqa: E402

TEXT = (
    "Minister bargains over the dam\n"
    "5 months ago\n"
    "\n"
    'The minister said the dam was "a daring gamble", according to Jane Roe.\n'
    "\n"
    "The plan makes sense. Critics worry it could fail. Everyone knows the risk.\n"
)
ARTICLE = load_article(TEXT)


def at(needle, nth=0):
    i = -1
    for _ in range(nth + 1):
        i = TEXT.index(needle, i + 1)
    return i, i + len(needle)


def span(layer, label, needle, **meta):
    a, b = at(needle)
    return make_span(TEXT, layer, label, a, b, "why", "", **meta)


class ReportedMarkup(Markup):
    """A Markup with a given headline report (charts tested apart from the headline lens)."""

    report = None

    @property
    def headline(self):
        return self.report


def full() -> ReportedMarkup:
    spans = list(furniture.find(ARTICLE, {})) + [
        span("quote", "direct", '"a daring gamble"', speaker=list(at("Jane Roe"))),
        span(
            "attribution_cue",
            "neutral",
            "according to",
            source=list(at("Jane Roe")),
            content=list(at('the dam was "a daring gamble"')),
        ),
        span("attribution_cue", "emotion", "worry", source=list(at("Critics"))),
        span("source", "named_person", "Jane Roe"),
        span("source", "vague_group", "Critics"),
        span("loaded", "loaded_verb", "bargains", voice="writer"),
        span("loaded", "loaded_adjective", "daring", voice="speaker"),
        span("loaded", "loaded_adjective", "gamble", voice="speaker"),
        span("hedge", "hedge", "could"),
        span("hedge", "certainty", "knows"),
        span("claim", "unattributed_judgement", "The plan makes sense."),
        span("claim", "mind_reading", "Everyone knows the risk."),
        span("headline", "absent", "bargains"),
        span("headline", "stated", "dam"),
        span("provenance", "missing_byline", "Minister bargains over the dam"),
    ]
    m = ReportedMarkup(ARTICLE, spans)
    m.report = HeadlineReport(
        0,
        30,
        ARTICLE.headline.text,
        0.5,
        (
            HeadlineTerm(*at("bargains"), "bargains", "absent", (), "not in the body"),
            HeadlineTerm(*at("dam"), "dam", "stated", (at("The minister said"),), ""),
        ),
    )
    return m


def empty() -> ReportedMarkup:
    m = ReportedMarkup(ARTICLE, [])
    m.report = HeadlineReport(0, 30, ARTICLE.headline.text, 0.0, ())
    return m


def texts(ax) -> str:
    return " ".join(t.get_text() for t in ax.texts)


@pytest.mark.parametrize("name", charts.CHARTS)
@pytest.mark.parametrize("which", ["full", "empty"])
def test_every_chart_has_a_title_and_labelled_axes(name, which):
    """Does every chart, full or empty, return a Figure with a title and both axes labelled?"""
    m = full() if which == "full" else empty()
    fig = charts.chart(m, name)
    assert isinstance(fig, Figure)
    ax = fig.axes[0]
    assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
    if which == "empty" and name == "attribution_by_paragraph":
        # no cues and no quotes: every body sentence is unattributed, and the chart says so
        assert sum(p.get_height() for p in ax.patches) == len(ARTICLE.sentences)
    elif which == "empty":
        assert "Nothing found" in texts(ax)
    else:
        assert "Nothing found" not in texts(ax)


@pytest.mark.parametrize("name", ["furniture", "quote", "attribution_cue", "source", "provenance"])
def test_count_charts_count_each_label(name):
    """Does a count chart draw one bar per label, as long as the number of spans with that label?"""
    m = full()
    ax = charts.chart(m, name).axes[0]
    widths = sorted(int(p.get_width()) for p in ax.patches)
    assert widths == sorted(m.labels(name).values())
    ticks = [t.get_text() for t in ax.get_yticklabels()]
    assert sorted(ticks) == sorted(x.replace("_", " ") for x in m.labels(name))


def test_loaded_chart_splits_categories_by_voice():
    """Does the loaded chart stack each category by voice (writer's own words against a speaker's)?"""
    ax = charts.chart(full(), "loaded").axes[0]
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["writer's own voice", "inside a direct quote (speaker)"]
    assert sum(p.get_width() for p in ax.patches) == 3


def test_headline_chart_shows_the_overall_score():
    """Does the headline chart give the overall support score in its title and one bar per term?"""
    ax = charts.chart(full(), "headline").axes[0]
    assert ax.get_title() == "Headline support: 0.50 of 1"
    assert len(ax.patches) == 2
    assert [t.get_text() for t in ax.get_xticklabels()] == ["absent", "attributed", "hedged", "stated"]


def test_attribution_by_paragraph_chart_stacks_sentences():
    """Do the stacked bars per paragraph add up to the paragraph's sentences?"""
    ax = charts.chart(full(), "attribution_by_paragraph").axes[0]
    bars = ax.patches
    per = {}
    for p in bars:
        x = round(p.get_x() + p.get_width() / 2)
        per[x] = per.get(x, 0) + p.get_height()
    assert [per[k] for k in sorted(per)] == [1, 3]


@pytest.mark.parametrize("name", ["loaded", "hedge", "claim", "attribution_by_paragraph", "source"])
def test_series_differ_in_hatch_not_only_colour(name):
    """When a chart has several series, do they differ in hatch too, so they read in greyscale?"""
    ax = charts.chart(full(), name).axes[0]
    hatches = {p.get_hatch() or "" for p in ax.patches}
    colours = {p.get_facecolor() for p in ax.patches}
    assert len(colours) >= 2 and len(hatches) == len(colours)


@pytest.mark.parametrize("name", ["furniture", "loaded", "hedge", "claim", "attribution_by_paragraph"])
def test_count_axes_use_integer_ticks(name):
    """Are count axes ticked at whole numbers only?"""
    ax = charts.chart(full(), name).axes[0]
    axis = ax.yaxis if name in ("hedge", "claim", "attribution_by_paragraph") else ax.xaxis
    ticks = [t for t in axis.get_major_locator()() if t >= 0]
    assert ticks and all(float(t).is_integer() for t in ticks)


def test_chart_draws_into_a_given_axes():
    """With ax= given, does the chart draw there and return that Axes?"""
    fig, ax = plt.subplots()
    try:
        assert charts.chart(full(), "source", ax=ax) is ax
        assert ax.get_title().startswith("Who is cited")
    finally:
        plt.close(fig)


def test_charts_leave_no_pyplot_figure_open():
    """Does a chart leave pyplot's figure list as it was (so a notebook shows it once)?"""
    before = plt.get_fignums()
    for name in charts.CHARTS:
        charts.chart(full(), name)
    assert plt.get_fignums() == before


@pytest.mark.parametrize("bad", ["pie", "Loaded", "", "headlines"])
def test_unknown_chart_name_is_refused_helpfully(bad):
    """Does an unknown chart name raise a MediakitError that lists the charts there are?"""
    with pytest.raises(MediakitError, match="The charts are: furniture, quote"):
        charts.chart(full(), bad)


@pytest.mark.parametrize(
    "alias, name", [("quotes", "quote"), ("sources", "source"), ("claims", "claim"), ("attribution", "attribution_cue")]
)
def test_lens_module_names_are_accepted(alias, name):
    """Does a lens module name (quotes, sources ...) draw the same chart as the layer name?"""
    assert charts.chart(full(), alias).axes[0].get_title() == charts.chart(full(), name).axes[0].get_title()


def test_markup_chart_method_uses_the_view():
    """Does Markup.chart() draw the same chart as the view function?"""
    m = full()
    assert m.chart("loaded").axes[0].get_title() == charts.chart(m, "loaded").axes[0].get_title()


def test_charts_are_deterministic():
    """Does drawing a chart twice give the same PNG bytes (no dates, no randomness)?"""

    def png(name):
        buf = io.BytesIO()
        charts.chart(full(), name).savefig(buf, format="png", dpi=60)
        return buf.getvalue()

    for name in ("loaded", "attribution_by_paragraph"):
        assert png(name) == png(name)


def test_layers_left_out_of_the_markup_chart_as_empty():
    """Is a chart of a layer that a markup.only() left out an empty chart, not an error?"""
    ax = charts.chart(full().only("quote"), "loaded").axes[0]
    assert "Nothing found" in texts(ax)


def test_every_chart_works_on_the_seed_with_the_real_lenses():
    """Do all charts draw on the seed as the lenses mark it up now?"""
    m = load_article().markup()
    for name in charts.CHARTS:
        assert charts.chart(m, name).axes[0].get_title()
    assert set(LAYERS) < set(charts.CHARTS)


@pytest.mark.parametrize(
    "name, paragraphs, cut",
    [("hedge", 45, True), ("attribution_by_paragraph", 45, True), ("claim", 45, True), ("hedge", 12, False)],
)
def test_long_articles_draw_a_readable_number_of_paragraphs(name, paragraphs, cut):
    """Does a per-paragraph chart of a long article draw at most MAX_PARAGRAPHS bars and say so?"""
    text = "A headline for a long one\n\n" + "\n\n".join(
        f"Paragraph {i} could be said. It is." for i in range(paragraphs)
    )
    article = load_article(text)
    spans = []
    for i in range(paragraphs):
        a = text.index(f"Paragraph {i} could") + len(f"Paragraph {i} ")
        spans.append(make_span(text, "hedge", "hedge", a, a + 5))
        spans.append(make_span(text, "claim", "unattributed_fact", a, a + 5))
    ax = charts.chart(Markup(article, spans), name).axes[0]
    assert len(ax.get_xticks()) == min(paragraphs, charts.MAX_PARAGRAPHS)
    assert ("of 45" in ax.get_title()) == cut


@pytest.mark.parametrize("bad", ["text", None])
def test_chart_refuses_what_is_not_a_markup(bad):
    """Does chart() refuse something that is not a Markup or an Article, with a MediakitError?"""
    with pytest.raises(MediakitError, match="Markup"):
        charts.chart(bad, "loaded")


def _text_sizes(fig):
    fig.canvas.draw()
    return [
        t.get_fontsize()
        for t in fig.findobj(lambda o: hasattr(o, "get_fontsize") and hasattr(o, "get_text"))
        if t.get_text().strip()
    ]


@pytest.mark.parametrize("name", charts.CHARTS)
def test_charts_are_legible_on_a_projector(name):
    """Is every text of every chart at least 12 pt at 100 dpi (about 17 px in the notebook)?"""
    fig = charts.chart(load_article().markup(), name)
    assert fig.dpi >= 100
    sizes = _text_sizes(fig)
    assert sizes and min(sizes) >= 12


@pytest.mark.parametrize("name", charts.CHARTS)
def test_every_chart_has_alt_text_that_says_what_it_shows(name):
    """Does chart_html give an <img> whose alt names the chart and its numbers, escaped?"""
    view = charts.chart_html(load_article().markup(), name)
    out = view._repr_html_()
    assert out.count("<img ") == 1 and 'alt="' in out and "<figcaption" in out
    assert view.alt.startswith(("Bar chart:", "Stacked bar chart:")) and len(view.alt) > 40
    assert any(ch.isdigit() for ch in view.alt)


@pytest.mark.parametrize("label, counted", [("spelling", False), ("label", True), ("contested_naming", True)])
def test_loaded_chart_counts_judgements_not_spellings(label, counted):
    """Is a spelling such as "Kiev" left out of the loaded-language chart (a provenance clue), and a naming choice named so?"""
    text = "Head line\n\nOfficials in Kiev met the regime.\n"
    a = text.index("Kiev")
    m = Markup(load_article(text), [Span("loaded", label, a, a + 4, "Kiev", "Why.", "", (("voice", "writer"),))])
    ax = charts.chart(m, "loaded").axes[0]
    assert bool(sum(p.get_width() for p in ax.patches) == 1) is counted
    if label == "contested_naming":
        assert [t.get_text() for t in ax.get_yticklabels()] == ["naming choice (no verdict)"]
