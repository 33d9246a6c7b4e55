"""Tests of the pandas tables (mediakit/views/tables.py): one row per span, and the
per-lesson summaries built from the cross-lens meta keys.

The Markups here are built from spans written in the test, so the tables are tested
apart from the lenses.
"""

from __future__ import annotations

import pandas as pd
import pytest

from mediakit import LAYERS, MediakitError, load_article
from mediakit.lenses import furniture
from mediakit.lenses.headline import HeadlineReport, HeadlineTerm
from mediakit.markup import Markup
from mediakit.spans import Span, make_span
from mediakit.views import tables

TEXT = (
    "Minister \u201cbargains\u201d over the dam\n"
    "5 months ago\n"
    "\n"
    'The minister said the dam was "a daring gamble", according to Jane Roe, an engineer at the Water Board.\n'
    "\n"
    "The plan makes sense. Critics worry it could fail. Everyone knows the risk.\n"
    "\n"
    "Loading comments...\n"
)


def at(needle: str, nth: int = 0) -> tuple[int, int]:
    i = -1
    for _ in range(nth + 1):
        i = TEXT.index(needle, i + 1)
    return i, i + len(needle)


def span(layer, label, needle, nth=0, explanation="", alternative="", **meta):
    a, b = at(needle, nth)
    return make_span(TEXT, layer, label, a, b, explanation, alternative, **meta)


ARTICLE = load_article(TEXT)
SPANS = [
    span("quote", "scare", "\u201cbargains\u201d"),
    span(
        "quote",
        "direct",
        '"a daring gamble"',
        content=list(at("a daring gamble")),
        speaker=list(at("Jane Roe")),
        cue=list(at("according to")),
    ),
    span(
        "attribution_cue",
        "neutral",
        "according to",
        source=list(at("Jane Roe")),
        content=list(at('the dam was "a daring gamble"')),
        quoted=True,
    ),
    span("attribution_cue", "emotion", "worry", source=list(at("Critics")), content=list(at("it could fail"))),
    span("source", "named_person", "Jane Roe", role=list(at("an engineer at the Water Board")), cited=True),
    span("source", "vague_group", "Critics", cited=True),
    span("source", "named_organisation", "the Water Board"),
    span(
        "loaded",
        "scare_quote",
        "\u201cbargains\u201d",
        voice="writer",
        explanation="Distances.",
        alternative="negotiates",
    ),
    span("loaded", "loaded_adjective", "daring", voice="speaker", explanation="Praise.", alternative="risky"),
    span("hedge", "hedge", "could"),
    span("hedge", "certainty", "knows"),
    span("claim", "unattributed_judgement", "The plan makes sense."),
    span("claim", "mind_reading", "Everyone knows the risk."),
    span("headline", "attributed", "bargains"),
]


def build(layers=LAYERS, spans=None) -> Markup:
    spans = list(furniture.find(ARTICLE, {})) + (SPANS if spans is None else spans)
    return Markup(ARTICLE, spans, layers)


def test_article_structure_is_as_the_tests_assume():
    """Is the test article cut the way these tests expect (headline, two paragraphs, two furniture lines)?"""
    assert ARTICLE.headline.text.startswith("Minister")
    assert len(ARTICLE.paragraphs) == 2
    assert [f.text for f in ARTICLE.furniture] == ["5 months ago", "Loading comments..."]


@pytest.mark.parametrize("layer", [None, *LAYERS])
def test_to_frame_has_one_row_per_span_in_document_order(layer):
    """Does to_frame give the contract columns and exactly the markup's spans, in order, for each layer?"""
    m = build()
    df = tables.to_frame(m, layer)
    expected = m.spans if layer is None else m.layer(layer)
    assert list(df.columns) == list(tables.COLUMNS) + (["refers_to"] if layer == "source" else [])
    assert len(df) == len(expected)
    assert df["text"].tolist() == [s.text for s in expected]
    assert df["start"].tolist() == [s.start for s in expected]
    assert df["layer"].tolist() == [s.layer for s in expected]


def test_to_frame_is_the_markup_method():
    """Does Markup.to_frame() give the same table as the view function?"""
    m = build()
    pd.testing.assert_frame_equal(m.to_frame(), tables.to_frame(m))
    pd.testing.assert_frame_equal(m.to_frame("loaded"), tables.to_frame(m, "loaded"))


@pytest.mark.parametrize(
    "needle, layer, paragraph",
    [
        ("bargains", "headline", 0),  # the headline is paragraph 0
        ("according to", "attribution_cue", 1),
        ("could", "hedge", 2),
        ("5 months ago", "furniture", None),  # furniture has no paragraph
        ("Loading comments...", "furniture", None),
    ],
)
def test_paragraph_numbers_count_body_paragraphs_from_one(needle, layer, paragraph):
    """Is the paragraph column 1-based for the body, 0 for the headline and empty for furniture?"""
    df = tables.to_frame(build())
    row = df[(df["text"] == needle) & (df["layer"] == layer)].iloc[0]
    if paragraph is None:
        assert pd.isna(row["paragraph"])
    else:
        assert row["paragraph"] == paragraph


def test_to_frame_fills_sentence_voice_and_alternative():
    """Does each row carry its sentence, the loaded word's voice and the neutral alternative?"""
    df = tables.to_frame(build(), "loaded")
    daring = df[df["text"] == "daring"].iloc[0]
    assert daring["voice"] == "speaker" and daring["alternative"] == "risky"
    assert daring["sentence"].startswith("The minister said")
    head = df[df["text"] == "\u201cbargains\u201d"].iloc[0]
    assert head["sentence"] == "" and head["voice"] == "writer"


def test_empty_markup_gives_empty_tables_with_their_columns():
    """With no spans at all, does every table come back empty but with its columns (no error)?"""
    m = Markup(ARTICLE, [])
    assert list(tables.to_frame(m).columns) == list(tables.COLUMNS) and tables.to_frame(m).empty
    for fn, first in [(tables.sources_table, "source"), (tables.quotes_table, "quote"), (tables.loaded_table, "term")]:
        df = fn(m)
        assert df.empty and df.columns[0] == first


@pytest.mark.parametrize("bad", ["loaded_language", "quotes", ""])
def test_unknown_layer_is_refused(bad):
    """Does asking for a table of a layer that does not exist raise a MediakitError?"""
    with pytest.raises(MediakitError):
        tables.to_frame(build(), bad)


def test_sources_table_links_cues_and_roles():
    """Does the sources table give each source's role and the cue (with its stance) that cites it?"""
    df = tables.sources_table(build()).set_index("source")
    assert df.loc["Jane Roe", "role"] == "an engineer at the Water Board"
    assert (df.loc["Jane Roe", "cue"], df.loc["Jane Roe", "stance"]) == ("according to", "neutral")
    assert (df.loc["Critics", "cue"], df.loc["Critics", "stance"]) == ("worry", "emotion")
    assert (df.loc["the Water Board", "cue"], df.loc["the Water Board", "role"]) == ("", "")  # not cited
    assert df.loc["Critics", "label"] == "vague_group"


@pytest.mark.parametrize(
    "cue_source, expected",
    [
        ("Jane Roe, an engineer", "according to"),  # the cue's source phrase overlaps the source span
        ("Jane Roe", "according to"),  # exact
        ("The minister", ""),  # elsewhere: no link
    ],
)
def test_sources_table_matches_cue_sources_by_overlap(cue_source, expected):
    """Is a source linked to the cue whose source phrase overlaps it, and only then?"""
    spans = [
        span("attribution_cue", "neutral", "according to", source=list(at(cue_source))),
        span("source", "named_person", "Jane Roe"),
    ]
    df = tables.sources_table(build(spans=spans))
    assert df["cue"].tolist() == [expected]


def test_sources_table_without_the_cue_layer():
    """With only the source layer kept, does the sources table still list sources (with empty cues)?"""
    df = tables.sources_table(build().only("source"))
    assert len(df) == 3 and set(df["cue"]) == {""}


def test_quotes_table_reads_speaker_and_cue():
    """Does the quotes table give the speaker and cue of a direct quote, and leave them empty for a scare quote?"""
    df = tables.quotes_table(build())
    assert df["label"].tolist() == ["scare", "direct"]
    direct = df.iloc[1]
    assert (direct["speaker"], direct["cue"], direct["paragraph"]) == ("Jane Roe", "according to", 1)
    assert (df.iloc[0]["speaker"], df.iloc[0]["cue"]) == ("", "")


def test_loaded_table_gives_category_voice_and_alternative():
    """Does the loaded table list each term with its category, voice and neutral alternative?"""
    df = tables.loaded_table(build())
    assert df[["term", "category", "voice", "alternative"]].values.tolist() == [
        ["\u201cbargains\u201d", "scare_quote", "writer", "negotiates"],
        ["daring", "loaded_adjective", "speaker", "risky"],
    ]


class ReportedMarkup(Markup):
    """A Markup whose headline report is given (so the table is tested apart from the lens)."""

    report = None

    @property
    def headline(self):
        return self.report


def test_headline_table_lists_terms_with_evidence():
    """Does the headline table give each term's support level, its evidence sentences and the note?"""
    m = ReportedMarkup(ARTICLE, SPANS)
    ev = at('The minister said the dam was "a daring gamble", according to Jane Roe, an engineer at the Water Board.')
    m.report = HeadlineReport(
        0,
        36,
        ARTICLE.headline.text,
        0.4,
        (
            HeadlineTerm(*at("bargains"), "bargains", "attributed", (ev,), "Only a source says so."),
            HeadlineTerm(*at("dam"), "dam", "stated", (), ""),
        ),
    )
    df = tables.headline_table(m)
    assert list(df.columns) == ["term", "support", "evidence", "note"]
    assert df["support"].tolist() == ["attributed", "stated"]
    assert df.iloc[0]["evidence"].startswith("\u00b61: The minister said")
    assert df.iloc[1]["evidence"] == "" and df.iloc[0]["note"] == "Only a source says so."


def test_headline_table_without_a_headline():
    """With no headline at all, is the headline table empty (not an error)?"""
    m = ReportedMarkup(ARTICLE, [])
    assert tables.headline_table(m).empty


def test_attribution_by_paragraph_counts_sentences():
    """Does the per-paragraph table count sentences, attributed ones, claims and quotes correctly?"""
    df = tables.attribution_by_paragraph(build())
    assert df["paragraph"].tolist() == [1, 2]
    assert df["sentences"].tolist() == [1, 3]
    assert df["attributed"].tolist() == [1, 1]  # P2: only "Critics worry ..." is attributed
    assert df["unattributed"].tolist() == [0, 2]
    assert df["unattributed_claims"].tolist() == [0, 2]
    assert df["quoted"].tolist() == [1, 0]


@pytest.mark.parametrize(
    "keep, attributed", [(("claim",), [0, 0]), (("quote",), [1, 0]), (("attribution_cue",), [1, 1])]
)
def test_attribution_by_paragraph_uses_only_the_layers_held(keep, attributed):
    """Does the per-paragraph count use only the layers the markup holds (no hidden lens run)?"""
    df = tables.attribution_by_paragraph(build().only(*keep))
    assert df["attributed"].tolist() == attributed


def test_tables_are_deterministic():
    """Do two builds of the same markup give equal tables?"""
    for fn in (
        tables.to_frame,
        tables.sources_table,
        tables.quotes_table,
        tables.loaded_table,
        tables.attribution_by_paragraph,
    ):
        pd.testing.assert_frame_equal(fn(build()), fn(build()))


@pytest.mark.parametrize(
    "fn",
    [tables.to_frame, tables.sources_table, tables.quotes_table, tables.loaded_table, tables.attribution_by_paragraph],
)
def test_an_article_is_marked_up_and_anything_else_refused(fn):
    """Does a table accept an Article (marking it up), and refuse a string with a MediakitError?"""
    pd.testing.assert_frame_equal(fn(ARTICLE), fn(ARTICLE.markup()))
    with pytest.raises(MediakitError, match="Markup"):
        fn("The minister said so.")


def test_a_source_table_says_whom_a_pronoun_means():
    """Does to_frame(m, "source") show a pronoun's refers_to (a name or offsets), and an empty cell without one?"""
    text = "Head line\n\nVolodymyr Zelensky spoke. Then he left.\n"
    a = text.index(" he ") + 1
    z = text.index("Volodymyr")
    spans = [
        Span("source", "named_person", z, z + 18, text[z : z + 18]),
        Span("source", "pronoun", a, a + 2, "he", meta=(("refers_to", (z, z + 18)),)),
        Span("source", "role", a, a + 2, "he", meta=(("refers_to", "Volodymyr Zelensky"),)),
    ]
    df = tables.to_frame(Markup(load_article(text), spans), "source")
    assert df["refers_to"].tolist() == ["", "Volodymyr Zelensky", "Volodymyr Zelensky"]


@pytest.mark.parametrize(
    "cell, shown, hidden",
    [
        ("first line\nsecond line", "first line\nsecond line", "\\n"),
        ("<script>x</script>", "&lt;script&gt;", "<script>"),
        ("A clue to check, not a verdict: look for the original source in a new tab.", "in a new tab.", "\u2026"),
    ],
)
def test_tables_show_whole_cells_left_aligned_and_escaped(cell, shown, hidden):
    """Does a table's notebook view keep whole cells (no cut, no literal \\n), escape them and align left?"""
    df = tables._frame([{"note": cell, "paragraph": None}], ("note", "paragraph"), ("paragraph",))
    out = df._repr_html_()
    assert shown in out and hidden not in out.replace(_css(), "")
    assert "text-align: left" in out and "white-space: pre-line" in out and "&lt;NA&gt;" not in out


def _css():
    return tables._TABLE_CSS


def test_lesson_notes_name_paragraphs_with_the_pilcrow():
    """Do table notes say "¶1", as the text does, not "P1"?"""
    df = tables.headline_table(load_article())
    assert not df["note"].str.contains(r"\bP\d+\b").any()
