"""Bad input: every odd article gets a clear mediakit error or a correct result, never another exception."""

import html
import json
import re
from pathlib import Path

import pytest

from mediakit import load_article
from mediakit.article import MAX_BYTES, seed_path
from mediakit.errors import ArticleError, MediakitError

ARTICLES = Path(__file__).parent / "articles"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" + bytes(range(256)) * 4


@pytest.mark.parametrize(
    "source, message",
    [
        ("", "empty"),
        ("   \n\t\r\n  ", "empty"),
        ("\ufeff", "empty"),
        ("\ufeff \r\n", "empty"),
        (b"", "empty"),
        (b"\xef\xbb\xbf\n\n", "empty"),
        (PNG, "binary"),
        (bytes(range(1, 32)) * 50, "binary"),
        ("Headline\x00\n\nBody.", "NUL"),
        (b"\xff\xfe\x00", "UTF-16"),
        ("30\n\n5 months ago\n\nSUBSCRIBE TO US!", "page furniture"),
        ("<html><body><script>var a = 1;</script><nav>Home</nav></body></html>", "empty"),
        (42, "takes a file path"),
        (None.__class__, "takes a file path"),
    ],
    ids=[
        "empty",
        "blank",
        "bom",
        "bom-blank",
        "empty-bytes",
        "bom-bytes",
        "png",
        "controls",
        "nul",
        "utf16-broken",
        "furniture-only",
        "html-without-text",
        "int",
        "type",
    ],
)
def test_bad_source_gets_a_clear_article_error(source, message):
    """Does empty, blank, binary or furniture-only input get an ArticleError that says what is wrong?"""
    with pytest.raises(ArticleError) as e:
        load_article(source)
    assert message in str(e.value)
    assert "\n" not in str(e.value)


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "empty"),
        (b"  \r\n\r\n ", "empty"),
        (PNG, "binary"),
        (b"\x00" * 100, "binary"),
    ],
)
@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
def test_bad_file_gets_a_clear_article_error(tmp_path, content, message, suffix):
    """Does an empty, blank or binary file of any suffix get an ArticleError?"""
    path = tmp_path / f"bad{suffix}"
    path.write_bytes(content)
    with pytest.raises(ArticleError, match=message):
        load_article(path)


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda d: d / "missing.txt", "There is no file"),
        (lambda d: d, "is a folder"),
        (lambda d: Path(str(d) + "/a\x00b.txt"), "not a valid file name"),
    ],
)
def test_bad_path_gets_a_clear_article_error(tmp_path, make, message):
    """Does a missing file, a folder or an impossible file name get an ArticleError?"""
    with pytest.raises(ArticleError, match=message):
        load_article(make(tmp_path))


def test_too_large_is_refused_clearly(tmp_path):
    """Is a text over the size limit refused with a message giving its size and the limit (string and file)?"""
    big = "Headline\n\n" + "word " * (MAX_BYTES // 5 + 10)
    with pytest.raises(ArticleError, match="too large"):
        load_article(big)
    path = tmp_path / "big.txt"
    path.write_text(big, encoding="utf-8")
    with pytest.raises(ArticleError, match="too large"):
        load_article(path)


def test_errors_are_mediakit_and_value_errors():
    """Is ArticleError a MediakitError and a ValueError, so a student's `except ValueError` still works?"""
    assert issubclass(ArticleError, MediakitError) and issubclass(ArticleError, ValueError)


def _five_mb():
    seed = load_article()
    body = "\n\n".join(p.text for p in seed.paragraphs)
    copies = 5_000_000 // (len(body.encode("utf-8")) + 2) + 1
    return seed, seed.headline.text + "\n\n" + "\n\n".join([body] * copies), copies


def test_five_megabytes_load_correctly():
    """Does a 5 MB article (the seed's body repeated) load with the right headline, paragraphs and sentences?"""
    seed, text, copies = _five_mb()
    assert len(text.encode("utf-8")) > 5_000_000
    a = load_article(text)
    assert a.headline.text == seed.headline.text
    assert len(a.paragraphs) == copies * len(seed.paragraphs)
    assert len(a.sentences) == copies * len(seed.sentences)
    last = a.sentences[-1]
    assert a.text[last.start : last.end] == last.text == seed.sentences[-1].text
    middle = a.sentences[len(a.sentences) // 2]
    assert a.text[middle.start : middle.end] == middle.text
    assert a.sentence_at(middle.start + 1) == middle


def test_five_megabytes_mark_up_correctly():
    """Does marking up a 5 MB article give, in its last copy of the body, the spans the seed's body gets?"""
    seed, text, copies = _five_mb()
    a = load_article(text)
    spans = a.markup().spans
    for s in spans:
        assert a.text[s.start : s.end] == s.text
    # The last copy of the body must get the spans the seed's body gets, at the same relative offsets.
    seed_body_start = seed.paragraphs[0].start
    expected = {
        (s.layer, s.label, s.text, s.start - seed_body_start)
        for s in seed.markup().spans
        if s.start >= seed_body_start and s.layer in ("quote", "loaded", "attribution_cue")
    }
    last_start = a.paragraphs[-len(seed.paragraphs)].start
    got = {
        (s.layer, s.label, s.text, s.start - last_start)
        for s in spans
        if s.start >= last_start and s.layer in ("quote", "loaded", "attribution_cue")
    }
    assert expected and got == expected


SCRIPT_TEXT = "Alarm sounded\n\nThe page said <script>alert('pwned')</script> and <img src=x onerror=alert(2)> twice.\n"


def test_script_in_text_is_escaped_in_html():
    """Does an article whose text contains <script> come out escaped in the HTML, so nothing runs?"""
    a = load_article(SCRIPT_TEXT)
    assert "<script>alert('pwned')</script>" in a.text  # it is text: kept as written
    for page in (a.markup().to_html(), a.markup().to_html(standalone=True)):
        assert "<script>alert(" not in page and "<img src=x" not in page
        assert "&lt;script&gt;alert(" in page


def test_script_in_html_page_never_reaches_the_text():
    """Is the content of <script> in an HTML page dropped from the text and the output?"""
    page = (
        "<html><head><title>Alarm</title><script>alert('pwned')</script></head><body><h1>Alarm sounded</h1>"
        "<p>The alarm sounded at noon, officials said.</p><script>document.write('INJECTED')</script>"
        "<p>Nobody was hurt.</p></body></html>"
    )
    a = load_article(page)
    assert "pwned" not in a.text and "INJECTED" not in a.text
    out = a.markup().to_html(standalone=True)
    assert "pwned" not in out and "INJECTED" not in out
    assert [p.text for p in a.paragraphs] == ["The alarm sounded at noon, officials said.", "Nobody was hurt."]


def test_no_headline_gives_a_correct_result():
    """Does an article with no headline load as body only, with headline null in JSON and a note?"""
    a = load_article(ARTICLES / "load_no_headline.txt")
    assert a.headline is None and any("No headline" in n for n in a.notes)
    m = a.markup()
    assert m.headline is None
    d = json.loads(m.to_json())
    assert d["headline"] is None and d["text"] == a.text
    assert "<!doctype html>" in m.to_html(standalone=True).lower()


def test_one_line_article_has_no_headline():
    """Is a single pasted sentence body text (not a headline with no body)?"""
    a = load_article("Follow the money.")
    assert a.headline is None and [s.text for s in a.sentences] == ["Follow the money."]


def test_headline_only():
    """Does a text with a headline-like line only load as body, with a note (there is nothing to compare)?"""
    a = load_article("Council approves budget")
    assert a.headline is None and len(a.paragraphs) == 1


def test_lone_surrogates_are_replaced():
    """Are broken characters (lone surrogates) replaced one for one, so output can be written as UTF-8?"""
    a = load_article("Head line here\n\nBody \ud800 text.")
    assert "\ud800" not in a.text and "\ufffd" in a.text and len(a.text) == len("Head line here\n\nBody \ud800 text.")
    a.markup().to_json().encode("utf-8")


def test_deeply_nested_html():
    """Does a page of 3000 nested <div>s load without a recursion error?"""
    page = (
        "<html><body>"
        + "<div>" * 3000
        + "<p>Deep text here, said the council.</p>"
        + "</div>" * 3000
        + "</body></html>"
    )
    a = load_article(page)
    assert "Deep text here, said the council." in a.text


@pytest.mark.parametrize(
    "text",
    [
        "x" * 200_000,  # one long line, no stops
        ("word. " * 50_000),  # many tiny sentences
        "\r" * 1000 + "Body text here.",  # old Mac line ends
        "“" * 5000 + "Unclosed quotes everywhere",
        "Head\n\n" + "\u2028".join(["line"] * 100),
    ],
    ids=["one-long-line", "many-tiny-sentences", "lone-CRs", "unclosed-quotes", "line-separators"],
)
def test_odd_shapes_give_correct_offsets(text):
    """Do degenerate shapes (one huge line, thousands of sentences, lone CRs, unclosed quotes) index the text?"""
    a = load_article(text)
    for s in list(a.sentences) + list(a.paragraphs) + list(a.markup().spans):
        assert a.text[s.start : s.end] == s.text


def test_html_output_strips_back_to_the_text_with_tricky_characters():
    """Does the HTML text region give back the exact text with &, <, quotes and CRLF in it?"""
    from mediakit.views.html import text_region

    a = load_article('Tom & Jerry <b>say</b> “hi”\r\n\r\nThey said "5 < 6" & left.\r\n')
    region = text_region(a.markup().to_html())
    assert html.unescape(re.sub(r"<[^>]+>", "", region)) == a.text


def test_seed_file_is_not_modified_by_loading():
    """Does loading leave the packaged seed file untouched?"""
    before = seed_path().read_bytes()
    load_article().markup()
    assert seed_path().read_bytes() == before
