"""Tests of the records (spans.py), the lens registry and the Markup object."""

import json

import pytest

import mediakit
from mediakit import LAYERS, MediakitError, load_article
from mediakit.lenses import LENSES, run
from mediakit.spans import make_span, sort_key


@pytest.fixture(scope="module")
def markup():
    return load_article().markup()


def test_every_span_indexes_the_text(markup):
    """Does every span of every layer point at exactly its own text in the article?"""
    text = markup.article.text
    assert markup.spans, "the seed must produce spans"
    for s in markup.spans:
        assert text[s.start : s.end] == s.text, s


def test_spans_are_in_document_order(markup):
    """Are the spans sorted by position, so views can walk them once?"""
    keys = [sort_key(s) for s in markup.spans]
    assert keys == sorted(keys)


def test_layers_run_in_the_declared_order():
    """Do the lenses run in the order the layer list declares (later lenses read earlier ones)?"""
    assert tuple(lens.LAYER for lens in LENSES) == LAYERS


def test_run_passes_earlier_layers_read_only():
    """Can a lens see only the layers that ran before it, and not change them?"""
    seen = {}
    article = load_article("Headline here\n\nBody text of the article. It says things.")
    original = [lens.find for lens in LENSES]
    try:
        for lens in LENSES:

            def spy(art, found, _name=lens.LAYER, _orig=lens.find):
                seen[_name] = tuple(found)
                with pytest.raises(TypeError):
                    found["x"] = ()
                return _orig(art, found)

            lens.find = spy
        run(article)
    finally:
        for lens, f in zip(LENSES, original):
            lens.find = f
    for i, name in enumerate(LAYERS):
        assert seen[name] == LAYERS[:i]


@pytest.mark.parametrize("bad", ["loaded_language", "quotes", "", "Loaded"])
def test_unknown_layer_names_are_refused_with_the_list(markup, bad):
    """Does asking for a layer that does not exist name the layers that do?"""
    with pytest.raises(MediakitError, match="The layers are: furniture"):
        markup.layer(bad)


def test_only_returns_a_new_markup_and_keeps_the_original(markup):
    """Does only() give a new, smaller object and leave the original untouched?"""
    before = markup.spans
    small = markup.only("furniture")
    assert small is not markup
    assert small.layers == ("furniture",)
    assert all(s.layer == "furniture" for s in small.spans)
    assert markup.spans == before


def test_where_filters_on_fields_and_meta():
    """Does where() filter on a span's fields and on its meta values?"""
    article = load_article()
    m = article.markup()
    counters = m.where(label="counter")
    assert [s.text for s in counters] == ["30"]
    assert len(m.where(label="no-such-label")) == 0


def test_json_contract_keys(markup):
    """Does to_json() write exactly the contract's top-level and span keys?"""
    data = json.loads(markup.to_json())
    assert set(data) == {"source", "text", "headline", "genre", "document", "spans"}
    assert all(set(d) == {"kind", "label", "explanation", "evidence"} for d in data["document"])
    assert data["text"] == markup.article.text
    for s in data["spans"]:
        assert {"layer", "label", "start", "end", "text", "explanation"} <= set(s)
        assert set(s) <= {"layer", "label", "start", "end", "text", "explanation", "alternative", "meta"}
        assert s["layer"] in LAYERS
    h = data["headline"]
    assert {"start", "end", "text", "support", "terms"} <= set(h)
    assert data["text"][h["start"] : h["end"]] == h["text"]
    assert 0.0 <= h["support"] <= 1.0


def test_json_is_deterministic():
    """Does marking up the same article twice give byte-identical JSON?"""
    assert load_article().markup().to_json() == load_article().markup().to_json()


def test_markup_is_cached_per_article():
    """Does an article compute its markup once and hand back the same object?"""
    a = load_article()
    assert a.markup() is a.markup()


def test_article_is_not_changed_by_markup():
    """Does marking up leave the article's text and parts exactly as loaded?"""
    a = load_article()
    before = (a.text, a.headline, a.paragraphs, a.sentences, a.furniture)
    a.markup()
    assert (a.text, a.headline, a.paragraphs, a.sentences, a.furniture) == before


@pytest.mark.parametrize("start,end", [(-1, 3), (2, 1), (0, 99)])
def test_make_span_refuses_offsets_outside_the_text(start, end):
    """Does make_span refuse offsets that do not fit the text, instead of a wrong span?"""
    with pytest.raises(ValueError):
        make_span("short text", "loaded", "label", start, end)


def test_span_meta_is_immutable_and_json_friendly():
    """Are a span's meta values frozen (hashable) and thawed back to lists in JSON?"""
    s = make_span("abc def", "source", "named_person", 0, 3, role=[4, 7], cited=True)
    hash(s)
    assert s.get("role") == (4, 7)
    assert s.to_dict()["meta"] == {"cited": True, "role": [4, 7]}


def test_analyze_is_load_then_markup():
    """Is mediakit.analyze(x) the same as load_article(x).markup()?"""
    assert mediakit.analyze().to_json() == load_article().markup().to_json()


def test_import_mediakit_stays_light():
    """Does `import mediakit` plus a full markup avoid pandas, matplotlib and ipywidgets?"""
    import subprocess
    import sys

    code = (
        "import sys, mediakit; mediakit.analyze(); "
        "print(sorted(m for m in ('pandas', 'matplotlib', 'ipywidgets') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# -- document-level findings and genre (issue 11) ---------------------------------------------

import mediakit as _mk
from mediakit.spans import Finding


@pytest.mark.parametrize(
    "text,genre",
    [
        (None, "news report"),
        ("Opinion: Keep the night buses\n\nWe hope the council listens. We urge it to vote no.", "opinion"),
        ("Analysis: Why the buses matter\n\nThe vote shows how the budget has changed.", "analysis"),
        (
            "FOR IMMEDIATE RELEASE\n\nThe City of Alden today announced free bus passes.\n\nMedia contact: Press Office",
            "press release",
        ),
        ('Council keeps night buses\n\n"We hope the council listens," a rider said.', "news report"),  # a quoted hope
        ("Council keeps night buses\n\nThe council voted on Monday to keep the buses.", "news report"),
    ],
)
def test_genre(text, genre):
    """Is the genre read from visible signals, and is it in the JSON and the findings?"""
    m = _mk.load_article(text).markup() if text else _mk.load_article().markup()
    assert m.genre == genre
    d = m.to_dict()
    assert d["genre"] == genre
    g = [f for f in d["document"] if f["kind"] == "genre"]
    assert len(g) == 1 and genre in g[0]["explanation"]


def test_findings_are_never_spans():
    """Are document-level findings kept out of the span layers (no span at 0-0 or over the headline)?"""
    m = _mk.load_article().markup()
    h = m.article.headline
    assert all(isinstance(f, Finding) for f in m.findings)
    assert not any(s.start == s.end for s in m.spans)
    assert not any(s.layer == "provenance" and (s.start, s.end) == (h.start, h.end) for s in m.spans)
    assert m.only("loaded").findings == m.findings and m.where(layer="claim").findings == m.findings
