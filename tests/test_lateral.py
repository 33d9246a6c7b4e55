"""The lateral-reading pack and the "when the machine is wrong" exercise."""

import pytest

from mediakit.errors import MediakitError
from mediakit.exercises import lateral
from mediakit.exercises.quiz import length_cue

DOCS = ["01_outlet_about.md", "02_report_standin.md", "03_wire_story.md", "04_fact_check.md", "05_staff_page.md"]


@pytest.mark.parametrize("name", DOCS)
def test_every_document_is_labelled_dated_and_bylined(name):
    """Does each document say it is written for the kit, what it stands in for, and have a byline and a date?"""
    d = lateral.document(name)
    assert d.label.startswith("Written for mediakit as") and "stand-in" in d.label
    assert d.byline and d.date and d.title


def test_the_pack_has_the_five_kinds_of_document():
    """Does the pack hold the about page, the relayed report, a wire story, a fact-check and a staff page?"""
    assert [d.name for d in lateral.pack()] == DOCS


def test_the_report_standin_invents_nothing_about_the_real_report():
    """Does the FT stand-in say it is fictional and quote only the seed's own first sentence?"""
    import mediakit

    d = lateral.document("02_report_standin.md")
    assert "FICTIONAL" in d.label and "NOT the FT's text" in d.text
    quoted = [line[2:] for line in d.text.splitlines() if line.startswith("> ") and "Written" not in line]
    seed = " ".join(mediakit.load_article().text.split())
    body_quote = " ".join(q for q in quoted if "Ukraine is preparing" in q or "Russian lands" in q)
    assert body_quote.replace(" reports.", " reports .") in seed


@pytest.mark.parametrize(
    "text, message",
    [
        ("# Title\nByline: x\nDate: y\n", "first line should say"),
        ("> Written for mediakit as a stand-in.\nByline: x\nDate: y\n", "no title"),
        ("> Written for mediakit as a stand-in.\n# T\nDate: y\n", "no byline"),
        ("> Written for mediakit as a stand-in.\n# T\nByline: x\n", "no date"),
    ],
)
def test_a_document_without_label_byline_or_date_is_refused(tmp_path, text, message):
    """Is a pack document that is not labelled, or has no title, byline or date, refused?"""
    p = tmp_path / "09_x.md"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(MediakitError, match=message):
        lateral._read(p)


@pytest.mark.parametrize("ex", lateral.exercises(), ids=lambda e: e.id)
def test_sift_items_have_no_length_cue_and_explain_every_option(ex):
    """Is no SIFT item answerable by length, and does every option have an explanation?"""
    assert length_cue(ex) == ""
    assert all(o.why.strip() for o in ex.options)


def test_sift_covers_every_move():
    """Do the exercises practise Stop, Investigate, Find and Trace (a claim and a quote)?"""
    ids = {e.id for e in lateral.exercises()}
    assert {
        "lateral-stop",
        "lateral-investigate",
        "lateral-find-coverage",
        "lateral-trace-claim",
        "lateral-trace-quote",
    } <= ids


@pytest.mark.parametrize(
    "ident, answer, full",
    [
        ("lateral-stop", ["a", "b", "c"], True),
        ("lateral-stop", ["a", "d"], False),
        ("lateral-trace-claim", "b", True),
        ("lateral-trace-claim", "a", False),
        ("lateral-trace-quote", "a", True),
        ("lateral-trace-quote", "b", False),
        ("lateral-provenance-clues", "c", True),
        ("lateral-provenance-clues", "a", False),
    ],
)
def test_sift_feedback(ident, answer, full):
    """Does each right answer get full marks and each wrong one an explanation, not full marks?"""
    ex = next(e for e in lateral.exercises() if e.id == ident)
    r = ex.check(answer, save=False)
    assert r.full_marks is full and "—" in str(r)


@pytest.mark.parametrize(
    "fact",
    [
        "Kiev knows",
        "Kyiv and many",
        "potential US President",
        "the Trump administration is forcing",
        "part of Ukraine's Department of Military Policy",
        "Nikolai Beleskov",
    ],
)
def test_the_clues_the_pack_teaches_are_in_the_seed(fact):
    """Is every seed phrase the SIFT exercise relies on really in the seed?"""
    import mediakit

    assert fact in mediakit.load_article().text


# -- when the machine is wrong ---------------------------------------------------------------
def test_the_key_passage_is_the_bundled_column():
    """Is the key's passage exactly the bundled opinion column?"""
    ex = lateral.machine_wrong()[0]
    assert ex.passage.text.strip() == (lateral.genre_dir() / "opinion_bus_lanes.txt").read_text().strip()


def _marks(phrase):
    a = lateral.genre_article()
    s = a.text.index(phrase)
    e = s + len(phrase)
    return {(sp.layer, sp.label) for sp in a.markup().spans if sp.start < e and s < sp.end}


# What the lenses did when the key was written: the premise of each item.
PREMISES = [
    ("By Jo Marsh", None, "the byline is in the text, yet the page-level findings say it is missing"),
    ('"a war on drivers"', ("quote", "partial"), "a named speaker's words, rightly a partial quote"),
    ("studies in other towns", ("source", "document"), "unnamed studies, rightly a document source"),
    ("The council's own survey counted", ("claim", "unattributed_fact"), "a sourced sentence called unattributed"),
    ("nonsense", ("loaded", "loaded_noun"), "a loaded word, right, in a column"),
    ("dithering", ("loaded", "loaded_verb"), "a loaded verb, right, in a column"),
    ('"consultation"', ("quote", "scare"), "a real scare quote"),
    ("Councillor Tim Ward", ("source", "named_person"), "a named source"),
]
# items whose "error" a lens engineer may fix: then the test fails, and the item must move to 'correct'
LENS_FIXES: set[str] = set()  # "a war on drivers" moved to 'correct' when the quote lens learnt partial quotes


@pytest.mark.parametrize(
    "phrase, mark, what",
    [
        pytest.param(
            *row,
            marks=pytest.mark.xfail(
                reason="a lens engineer may fix this (issue 10/11): then move the item to 'correct'", strict=False
            ),
        )
        if row[0] in LENS_FIXES
        else row
        for row in PREMISES
    ],
)
def test_each_item_premise_holds_on_the_current_markup(phrase, mark, what):
    """Does the lens still do what each item of the key says it does?"""
    if mark is None:
        a = lateral.genre_article()
        assert any(f.label == "missing_byline" for f in a.markup().findings)
    else:
        assert mark in _marks(phrase), what


@pytest.mark.parametrize(
    "answer, score",
    [
        ({"By Jo Marsh": "error", "a war on drivers": "correct", "nonsense": "genre", "consultation": "correct"}, 4),
        ({"a war on drivers": "error"}, 0),  # negative: the partial quote is right now
        ({"nonsense": "error", "consultation": "error"}, 0),  # negative: both wrong
        ({"studies in other towns": "error", "Councillor Tim Ward": "error"}, 0),
        ({"studies in other towns": "correct"}, 1),  # mirrored: the right judgement of the same item
    ],
)
def test_machine_wrong_scores(answer, score):
    """Are the judgements scored by the key, right and wrong alike?"""
    assert lateral.machine_wrong()[0].check(answer, save=False).score == score


def test_unknown_genre_article():
    """Is an unknown bundled article refused with a message?"""
    with pytest.raises(MediakitError, match="no bundled article"):
        lateral.genre_article("nope.txt")
