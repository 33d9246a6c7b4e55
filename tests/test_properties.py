"""Properties that hold for any text: offsets always index the text; the HTML shows exactly the text."""

import html
import json
import os
import re

from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from mediakit import load_article
from mediakit.errors import ArticleError
from mediakit.views.html import render, text_region

# Pieces of news text, with the characters that break naive code: quotes of every
# kind, CRLF and lone CR, NBSP, dashes, ellipses, astral characters, combining marks,
# letters whose lower case is longer ("İ"), markup-like text.
TOKENS = [
    "Ukraine",
    "Kyiv",
    "Kiev",
    "Trump",
    "said",
    "says",
    "reports",
    "according to",
    "dictator",
    "daring",
    "could",
    "may",
    "the",
    "a",
    "U.S.",
    "Dr.",
    "No. 5",
    "3.5",
    "J. R.",
    "officials",
    "analysts",
    "worry",
    '"',
    "“",
    "”",
    "‘",
    "’",
    "'",
    "«",
    "»",
    ".",
    ",",
    "!",
    "?",
    "...",
    "…",
    " - ",
    "—",
    ":",
    ";",
    "(",
    ")",
    " ",
    " ",
    "  ",
    "\t",
    "\n",
    "\n\n",
    "\r\n",
    "\r\n\r\n",
    "\r",
    "\u00a0",
    "\u2028",
    "😀",
    "𝔘𝔨",
    "İ",
    "e\u0301",
    "ß",
    "ǅ",
    "<b>",
    "</p>",
    "<p>",
    "<h1>",
    '<div class="comment">',
    "<script>alert(1)</script>",
    "&amp;",
    "&",
    "<",
    ">",
    "5 months ago",
    "30",
    "SUBSCRIBE TO US!",
    "Loading comments...",
    "By Ana Diaz",
    "Photo: Reuters",
]

news_text = st.lists(st.sampled_from(TOKENS), max_size=60).map("".join)
any_text = st.one_of(
    st.text(max_size=300), news_text, st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200)
)

# MEDIAKIT_EXAMPLES=2000 runs a longer search (the default keeps the suite quick).
SETTINGS = settings(
    max_examples=int(os.environ.get("MEDIAKIT_EXAMPLES", "150")),
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def _segments(a):
    return ([a.headline] if a.headline else []) + list(a.furniture) + list(a.paragraphs) + list(a.sentences)


def _check(a):
    for seg in _segments(a):
        assert a.text[seg.start : seg.end] == seg.text, seg
        assert 0 <= seg.start < seg.end <= len(a.text)
    m = a.markup()
    for s in m.spans:
        assert 0 <= s.start <= s.end <= len(a.text)
        assert a.text[s.start : s.end] == s.text, s
    return m


@SETTINGS
@given(any_text)
@example("~0")  # expanduser() fails on "~name" with no such user
@example("~/x.txt")
@example("a.txt")
@example("\x00")
def test_any_text_loads_or_gets_a_clear_error(text):
    """For any text, does load_article either raise ArticleError or give parts and spans that index the text?"""
    try:
        a = load_article(text)
    except ArticleError as e:
        assert str(e).strip()
        return
    _check(a)


@SETTINGS
@given(news_text, st.sampled_from(["\n", "\r\n"]))
def test_text_with_a_body_always_loads(middle, nl):
    """Does any text with a headline and a real body sentence load (no error), with every offset exact?"""
    assume("<" not in middle)  # HTML-looking text is read as HTML (tested elsewhere)
    text = f"Council votes on the budget{nl}{nl}{middle}{nl}{nl}The council met on Monday and agreed.{nl}"
    a = load_article(text)
    assert "The council met on Monday and agreed." in [s.text for s in a.sentences]
    _check(a)


@SETTINGS
@given(any_text)
def test_html_text_region_is_exactly_the_text(text):
    """With its tags stripped and entities unescaped, does the HTML's text region equal the article text?"""
    try:
        a = load_article(text)
    except ArticleError:
        return
    m = a.markup()
    for standalone in (False, True):
        page = render(m, standalone=standalone)
        assert html.unescape(re.sub(r"<[^>]+>", "", text_region(page))) == a.text
        assert "<script>alert(1)</script>" not in page


@SETTINGS
@given(news_text)
def test_json_round_trips(text):
    """Does the JSON output parse back with the same text and spans that index it?"""
    try:
        a = load_article(text)
    except ArticleError:
        return
    d = json.loads(a.markup().to_json())
    assert d["text"] == a.text
    for s in d["spans"]:
        assert d["text"][s["start"] : s["end"]] == s["text"]
    if d["headline"] is not None:
        h = d["headline"]
        assert d["text"][h["start"] : h["end"]] == h["text"]
        for t in h["terms"]:
            assert d["text"][t["start"] : t["end"]] == t["text"]


@SETTINGS
@given(st.binary(max_size=400))
def test_any_bytes_load_or_get_a_clear_error(data):
    """For any bytes, does load_article either raise ArticleError or give parts that index the text?"""
    try:
        a = load_article(data)
    except ArticleError as e:
        assert str(e).strip()
        return
    _check(a)
