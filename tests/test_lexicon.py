"""The word lists: CSV files an instructor can read and extend, checked when they are read."""

import csv

import pytest

from mediakit import lexicon
from mediakit.errors import LexiconError


def test_furniture_list_has_its_columns_and_labels():
    """Does furniture.csv have the pattern, label and explanation columns and only known labels?"""
    rows = lexicon.load("furniture")
    assert rows and all(r["pattern"] and r["label"] and r["explanation"] for r in rows)
    assert {r["label"] for r in rows} == {
        "timestamp",
        "counter",
        "call_to_action",
        "widget",
        "caption",
        "byline",
        "promo",
        "dateline",
        "release_label",
    }
    assert {r.get("meta", "") for r in rows} <= {"", "byline", "date"}


def test_every_furniture_rule_compiles_and_anchors():
    """Is every furniture pattern a valid regular expression anchored to the whole line?"""
    for pattern, label, explanation in lexicon.furniture_rules():
        assert pattern.pattern.lstrip("(?i)").startswith("^") and pattern.pattern.endswith("$"), pattern.pattern
        assert explanation.endswith(".")


def _write(folder, name, text):
    (folder / f"{name}.csv").write_text(text, encoding="utf-8")
    return str(folder)


@pytest.mark.parametrize(
    "name, text, message",
    [
        ("furniture", "pattern,label\nx,y\n", "lacks the column(s) explanation"),
        ("furniture", "pattern,label,explanation\n^a$,widget,\n", "line 2: the cell(s) explanation are empty"),
        ("furniture", "pattern,label,explanation\n^a$,widget,ok,extra\n", "line 2: this row has more cells"),
        (
            "loaded",
            "term,category,explanation,alternative\ndictator,,judges,leader\n",
            "the cell(s) category are empty",
        ),
    ],
)
def test_malformed_lists_name_file_and_line(tmp_path, name, text, message):
    """Does a malformed list get a LexiconError that names the file and the line to fix?"""
    folder = _write(tmp_path, name, text)
    with pytest.raises(LexiconError) as e:
        lexicon.load(name, folder)
    assert message in str(e.value) and f"{name}.csv" in str(e.value)


@pytest.mark.parametrize(
    "text, count",
    [
        ("pattern,label,explanation\n^a$,widget,An a.\n\n# a comment,,\n^b$,widget,A b.\n", 2),
        ("term,category,explanation,alternative\ndictator,label,Judges.,\n", 1),  # alternative may be empty
    ],
)
def test_blank_and_comment_rows_are_skipped(tmp_path, text, count):
    """Are blank rows and rows starting with # ignored, and an empty alternative allowed?"""
    name = "furniture" if text.startswith("pattern") else "loaded"
    assert len(lexicon.load(name, _write(tmp_path, name, text))) == count


def test_missing_list_is_a_clear_error(tmp_path):
    """Does asking for a list that does not exist say which file was looked for?"""
    with pytest.raises(LexiconError, match="no word list called 'nothing'"):
        lexicon.load("nothing", str(tmp_path))


def test_shipped_lists_are_valid_utf8_csv():
    """Can every shipped list be read as UTF-8 CSV with a header row?"""
    for path in sorted(lexicon.lexicon_dir().glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as f:
            header = next(csv.reader(f))
        assert header and all(h.strip() for h in header), path.name


# -- the furniture index: a fast path that must agree with trying every rule ----------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

STARTS = [
    "5 months ago",
    "Yesterday",
    "Updated 3 hours ago",
    "Published: 12 March 2024, 09:30 GMT",
    "2024-03-12",
    "30",
    "1.2K views",
    "Comments (12)",
    "SUBSCRIBE TO US!",
    "Share on Facebook",
    "Click here to read",
    "Loading comments...",
    "Advertisement",
    "Read more: x",
    "Tags: a, b",
    "© 2024 The Herald",
    "Copyright 2024 X",
    "Photo: Reuters",
    "Image source, Getty Images",
    "AP Photo/X",
    "By Maria Okafor",
    "*By Sam Lee*",
    "Reporting by Tom B",
    "Follow the money.",
    "It worked!",
    "By Tuesday, the council had agreed.",
    "Published in 2019, the book sold.",
    "“Quote” here",
    "Élan",
    "ſubscribe now",
    "٣ comments",
    "K views",
    "\u0345x",
    "_by_",
    "«Photo: x»",
    "Putin has voiced it.",
]


@settings(max_examples=300, deadline=None, database=None)
@given(st.sampled_from(STARTS), st.text(max_size=30), st.booleans())
def test_indexed_match_agrees_with_every_rule(start, tail, upper):
    """Does the first-character index give exactly what trying every furniture rule in order gives?"""
    line = (start.upper() if upper else start) + tail
    assert lexicon.furniture_match(line) == lexicon._furniture_match_slow(line)
    assert lexicon.furniture_match(tail) == lexicon._furniture_match_slow(tail)


@pytest.fixture
def custom_rules(monkeypatch):
    """Swap in other furniture rows (as an instructor's edited CSV would give) and restore the caches after."""

    def use(rows):
        for f in (lexicon.furniture_rules, lexicon._furniture_index):
            f.cache_clear()
        monkeypatch.setattr(lexicon, "_furniture_rows", lambda: tuple(rows))

    yield use
    monkeypatch.undo()
    for f in (lexicon.furniture_rules, lexicon._furniture_index):
        f.cache_clear()


@pytest.mark.parametrize(
    "line, label",
    [
        ("Breaking: storm hits", "unanchored"),  # an unanchored rule matches anywhere
        ("ſtory here", "nonascii"),  # (?i) folds ſ and s
        ("story here", "nonascii"),
        ("Kelvin", "kelvin"),  # Kelvin sign K under (?i)
        ("x9", "digit"),
        ("hello", None),
    ],
)
def test_index_is_safe_for_any_rule(custom_rules, line, label):
    """With unanchored, non-ASCII and case-folding rules, does the index still agree with every rule in order?"""
    custom_rules(
        [
            (r"storm", "unanchored", "e", ""),
            (r"(?i)^ſtory", "nonascii", "e", ""),
            ("(?i)^\u212aelvin", "kelvin", "e", ""),
            (r"^x\d", "digit", "e", ""),
        ]
    )
    got = lexicon.furniture_match(line)
    assert (got[0] if got else None) == label
    assert got == lexicon._furniture_match_slow(line)


def test_broken_pattern_names_the_row(custom_rules):
    """Does a pattern that is not a valid regular expression get a LexiconError quoting it?"""
    custom_rules([(r"^(unclosed", "widget", "e", "")])
    with pytest.raises(LexiconError, match=r"the pattern '\^\(unclosed' is not a valid regular expression"):
        lexicon.furniture_match("anything")
