"""The loader: the seed, files of every kind, strings; offsets into the exact decoded text."""

from pathlib import Path

import pytest

import mediakit
from mediakit import load_article
from mediakit.article import decode, seed_path
from mediakit.errors import ArticleError
from mediakit.htmltext import html_to_text

HERE = Path(__file__).parent
ARTICLES = HERE / "articles"
SEED_FILE = HERE.parent / "seeds" / "000_8f5fbcc5a9dbdb78.txt"


def parts(article):
    """Every segment the loader made."""
    return (
        ([article.headline] if article.headline else [])
        + list(article.furniture)
        + list(article.paragraphs)
        + list(article.sentences)
    )


def assert_offsets(article):
    for seg in parts(article):
        assert article.text[seg.start : seg.end] == seg.text, seg
        assert seg.text == seg.text.strip() and seg.text, seg
    starts = [s.start for s in article.sentences]
    assert starts == sorted(starts)
    for p in article.paragraphs:
        assert not any(f.start < p.end and p.start < f.end for f in article.furniture)


# -- the seed -------------------------------------------------------------------


def test_seed_structure():
    """Does the seed load with its headline, four furniture lines, 13 paragraphs and 19 sentences?"""
    a = load_article()
    assert a.headline.text == "Ukraine prepares for “bargaining” with Trump by seizing Kursk region"
    assert [(f.label, f.text) for f in a.furniture] == [
        ("timestamp", "5 months ago"),
        ("counter", "30"),
        ("call_to_action", "SUBSCRIBE TO US!"),
        ("widget", "Loading comments..."),
    ]
    assert len(a.paragraphs) == 13
    assert len(a.sentences) == 19
    assert a.paragraphs[0].text.endswith("the Financial Times reports .")
    assert a.sentences[0].text.endswith("reports .")
    assert [s.text for s in a.sentences_in(6)] == [
        'Invading Kursk as a "bargaining chip" in future negotiations is Ukraine\'s most compelling strategic goal.',
        "Putin has voiced it.",
        "But it is also the most dangerous.",
    ]
    assert a.encoding == "utf-8" and a.format == "text" and a.notes == ()
    assert_offsets(a)


def test_seed_is_byte_for_byte_the_repository_seed():
    """Is the packaged seed the repository's seeds/ file, byte for byte, and its text the decoded file?"""
    assert seed_path().read_bytes() == SEED_FILE.read_bytes()
    assert load_article().text == SEED_FILE.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "source", [None, str(seed_path()), seed_path(), seed_path().read_bytes(), seed_path().read_text(encoding="utf-8")]
)
def test_seed_loads_the_same_from_every_kind_of_source(source):
    """Does the seed give the same text and structure as a path, a Path, bytes or a string?"""
    a, b = load_article(), load_article(source)
    assert (a.text, a.headline, a.furniture, a.paragraphs, a.sentences) == (
        b.text,
        b.headline,
        b.furniture,
        b.paragraphs,
        b.sentences,
    )


@pytest.mark.parametrize("offset, expected", [(0, None), (75, None), (110, 0), (10_000, None), (-1, None)])
def test_paragraph_index(offset, expected):
    """Does paragraph_index find the body paragraph of an offset, and None for headline, furniture and beyond?"""
    assert load_article().paragraph_index(offset) == expected


def test_sentence_at_and_sentences_in_agree():
    """Does every sentence lie in the paragraph that sentences_in gives it, and sentence_at find it?"""
    a = load_article()
    seen = []
    for i, p in enumerate(a.paragraphs):
        for s in a.sentences_in(i):
            assert p.start <= s.start < s.end <= p.end
            assert a.sentence_at(s.start) == s and a.sentence_at(s.end - 1) == s
            assert a.paragraph_index(s.start) == i
            seen.append(s)
    assert tuple(seen) == a.sentences
    assert a.sentence_at(a.headline.start) is None


# -- fixture files ----------------------------------------------------------------

FIXTURES = [
    # (file, encoding, format, headline, furniture labels, paragraphs, a phrase the notes must contain)
    (
        "load_crlf.txt",
        "utf-8",
        "text",
        "City council approves new bike lanes",
        ["byline", "timestamp", "call_to_action"],
        4,
        None,
    ),
    ("load_bom.txt", "utf-8", "text", "Library reopens after flood repairs", [], 3, "byte-order mark"),
    ("load_cp1252.txt", "cp1252", "text", "Café owners protest new terrace fees", [], 3, "Windows-1252"),
    ("load_latin1.txt", "latin-1", "text", "Museum returns stolen painting to Genève", [], 3, "Latin-1"),
    (
        "load_article.md",
        "utf-8",
        "markdown",
        "Volunteers clear 3 tonnes of rubbish from the river",
        ["byline", "caption"],
        3,
        None,
    ),
    ("load_news_page.html", "utf-8", "html", "Harbour town votes to rebuild its sea wall", [], 5, "HTML"),
    ("load_blog_page.html", "utf-8", "html", "Rail strike called off after late-night talks", [], 4, "HTML"),
    ("load_no_headline.txt", "utf-8", "text", None, [], 3, "No headline"),
]


@pytest.mark.parametrize("name, encoding, fmt, headline, furniture, n_paragraphs, note", FIXTURES)
def test_fixture_loads(name, encoding, fmt, headline, furniture, n_paragraphs, note):
    """Does each fixture load with the right encoding, format, headline, furniture, paragraphs and notes?"""
    a = load_article(ARTICLES / name)
    assert a.encoding == encoding and a.format == fmt
    assert (a.headline.text if a.headline else None) == headline
    assert [f.label for f in a.furniture] == furniture
    assert len(a.paragraphs) == n_paragraphs
    if note:
        assert any(note in n for n in a.notes), a.notes
    else:
        assert a.notes == ()
    assert_offsets(a)


@pytest.mark.parametrize("name", [f[0] for f in FIXTURES])
def test_fixture_markup_indexes_text(name):
    """Does every span of every lens index the fixture's text?"""
    a = load_article(ARTICLES / name)
    for s in a.markup().spans:
        assert a.text[s.start : s.end] == s.text, s


def test_crlf_is_kept_in_the_text():
    """Are CRLF line endings kept in article.text, with offsets still exact?"""
    a = load_article(ARTICLES / "load_crlf.txt")
    assert "\r\n" in a.text and a.text == (ARTICLES / "load_crlf.txt").read_bytes().decode("utf-8")
    assert all("\r" not in s.text for s in a.sentences)
    assert "Follow the money." in [p.text for p in a.paragraphs]
    assert [s.text for s in a.sentences][1].startswith('"This is a good day')
    assert a.meta("byline") == "Jana Novak"


def test_bom_is_removed_from_text_and_string():
    """Is a byte-order mark removed (from a file and from a string) and said so?"""
    a = load_article(ARTICLES / "load_bom.txt")
    assert not a.text.startswith("\ufeff") and a.headline.start == 0
    b = load_article("\ufeffHeadline here\n\nBody text of the article.")
    assert b.text.startswith("Headline") and any("byte-order mark" in n for n in b.notes)


@pytest.mark.parametrize(
    "name, word",
    [
        ("load_cp1252.txt", "“We were not asked,”"),
        ("load_cp1252.txt", "€40"),
        ("load_latin1.txt", "Zürich"),
        ("load_latin1.txt", "Faß"),
    ],
)
def test_non_utf8_text_is_decoded(name, word):
    """Are cp1252 quotes, the euro sign and Latin-1 letters decoded correctly?"""
    assert word in load_article(ARTICLES / name).text


@pytest.mark.parametrize(
    "data, encoding",
    [
        ("“Café” – 5 €".encode("cp1252"), "cp1252"),
        ("café".encode("latin-1"), "latin-1"),
        ("café".encode(), "utf-8"),
        (b"\x81\xe9t\xe9", "latin-1"),  # 0x81 is not cp1252: Latin-1 takes everything
        ("Grüße".encode("utf-16"), "utf-16"),
    ],
)
def test_decode(data, encoding):
    """Does decode pick UTF-8, then cp1252 (when its punctuation is used), then Latin-1, and say so?"""
    text, enc, notes = decode(data)
    assert enc == encoding
    assert bool(notes) == (encoding != "utf-8")


def test_markdown_headline_drops_the_hash():
    """Does a Markdown '# Headline' give the headline without the '#', and a '---' rule no paragraph?"""
    a = load_article(ARTICLES / "load_article.md")
    assert a.text[a.headline.start - 2 : a.headline.start] == "# "
    assert all(p.text != "---" for p in a.paragraphs)
    assert any(s.text == "The next clean-up is planned for No. 5 Quay in the spring." for s in a.sentences)


# -- HTML ---------------------------------------------------------------------------

PAGE = (ARTICLES / "load_news_page.html").read_text(encoding="utf-8")
NOT_ARTICLE = [
    "TRACKING-SCRIPT-TEXT",
    "INJECTED-BY-SCRIPT",
    "pwned",
    "FOOTER-SCRIPT-TEXT",
    "secret-style-marker",
    "COMMENT-TEXT",
    "NOSCRIPT-TEXT",
    "cookies",
    "Sport",
    "Weather",
    "Privacy policy",
    "Storm damage in pictures",
    "All rights reserved",
    "Share on Facebook",
    "alert(",
]


@pytest.mark.parametrize("use_trafilatura", [True, False])
@pytest.mark.parametrize("junk", NOT_ARTICLE)
def test_html_keeps_only_the_main_text(use_trafilatura, junk):
    """Do scripts, styles, menus, comments, cookie banners, related links and footers stay out of the text?"""
    text, headline, meta, notes = html_to_text(PAGE, use_trafilatura=use_trafilatura)
    assert junk not in text


@pytest.mark.parametrize("use_trafilatura", [True, False])
def test_html_keeps_the_article(use_trafilatura):
    """Does the HTML reader keep the headline (from <h1>), every body paragraph and the page metadata?"""
    text, headline, meta, notes = html_to_text(PAGE, use_trafilatura=use_trafilatura)
    assert headline == "Harbour town votes to rebuild its sea wall"
    assert text.startswith(headline + "\n\n") and text.count(headline) == 1
    for phrase in [
        "crumbling sea wall",
        '"We cannot wait for a third winter," said councillor Ana Reyes',
        "£3.5 million",
        '"A wall buys us time, not safety,"',
        "respond within eight weeks.",
    ]:
        assert phrase in text
    assert dict(meta) == {
        "byline": "Maria Okafor",
        "date": "2024-03-12T09:30:00Z",
        "outlet": "The Coastal Herald",
        "url": "https://example.org/news/sea-wall",
    }


@pytest.mark.parametrize(
    "page, headline",
    [
        (
            "<html><head><title>Dam opens | Daily Post</title></head><body><p>The dam opened today.</p></body></html>",
            "Dam opens",
        ),
        (
            "<html><body><header><h1>Dam opens</h1></header><article><p>The dam opened today.</p></article></body></html>",
            "Dam opens",
        ),
        ("<html><body><p>The dam opened today, officials said.</p></body></html>", None),
    ],
)
def test_html_headline(page, headline):
    """Is the headline taken from <h1> (even inside <header>), else from <title> without the site name?"""
    a = load_article(page)
    assert a.format == "html"
    assert (a.headline.text if a.headline else None) == headline
    assert "The dam opened today" in a.text


BLOG = (ARTICLES / "load_blog_page.html").read_text(encoding="utf-8")
BLOG_JUNK = [
    "JSONLD-HEADLINE-TEXT",
    "ADS-SCRIPT-TEXT",
    "Skip to content",
    "Letters",
    "Share this",
    "COMMENT-ONE",
    "COMMENT-TWO",
    "Leave a Reply",
    "FORM-TEXT",
    "SIDEBAR-POST",
    "FOOTER-TEXT",
    "powered by WordPress",
]


@pytest.mark.parametrize("use_trafilatura", [True, False])
def test_blog_page_keeps_the_post_only(use_trafilatura):
    """On a WordPress-style page, are the post's paragraphs kept and its menus, share box, comments, sidebar and footer dropped?"""
    text, headline, meta, notes = html_to_text(BLOG, use_trafilatura=use_trafilatura)
    assert headline == "Rail strike called off after late-night talks" and text.count(headline) == 1
    assert text.split("\n\n")[1].startswith("A rail strike planned for Thursday")
    assert text.endswith("It is the third strike called off this year.")
    assert "“Our members will be balloted on the offer next week,” a union spokesperson said." in text
    for junk in BLOG_JUNK:
        assert junk not in text, junk


def test_html_article_metadata():
    """Does an HTML article expose byline, date, outlet and url through article.meta()?"""
    a = load_article(ARTICLES / "load_news_page.html")
    assert a.meta("byline") == "Maria Okafor" and a.meta("outlet") == "The Coastal Herald"
    assert a.meta("missing", "none") == "none"


def test_html_inline_tags_do_not_split_paragraphs():
    """Does a paragraph with <b> and <a> inside stay one paragraph?"""
    a = load_article(
        "<html><body><h1>Big news</h1><p>First &amp; <b>only</b> paragraph, "
        "with <a href='x'>a link</a>.</p></body></html>"
    )
    assert [p.text for p in a.paragraphs] == ["First & only paragraph, with a link."]


# -- strings ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, is_path",
    [
        ("Headline\n\nBody.", False),
        ("Follow the money.", False),
        ("article.txt", True),
        ("notes/article.md", True),
        ("Hello world.txt is a file name with a space", False),
        ("~0", False),  # "~user" with no such user: text, not an error
        ("~nobody-here/a.txt", True),
    ],
)
def test_string_is_text_or_path(text, is_path):
    """Is a one-line string that looks like a file name read as a path, and anything else as text?"""
    from mediakit.article import _looks_like_path

    assert _looks_like_path(text) == is_path


def test_missing_path_is_a_clear_error(tmp_path):
    """Does a path to a missing file say there is no file there?"""
    with pytest.raises(ArticleError, match="There is no file at"):
        load_article(str(tmp_path / "nothing.txt"))


def test_folder_is_a_clear_error(tmp_path):
    """Does a folder get 'is a folder, not a file'?"""
    with pytest.raises(ArticleError, match="is a folder"):
        load_article(tmp_path)


def test_article_is_immutable_and_markup_is_cached():
    """Is an Article frozen, and markup() computed once?"""
    a = load_article()
    with pytest.raises(AttributeError):
        a.text = "x"
    assert a.markup() is a.markup()


def test_wrong_type_is_a_clear_error():
    """Does a number or a list get an ArticleError that says what load_article takes?"""
    for bad in (42, ["a"], 3.5):
        with pytest.raises(ArticleError, match="takes a file path or the article's text"):
            load_article(bad)


def test_analyze_is_load_then_markup():
    """Does mediakit.analyze() give the same spans as load_article().markup()?"""
    assert mediakit.analyze().spans == load_article().markup().spans


@pytest.mark.parametrize(
    "body,headline,expected",
    [
        # a headline given apart is the headline, even a long sentence ending in a full stop
        (
            "The council approved the plan on Monday.\n\nWork starts in May.",
            "Council approves the harbour plan after a long debate that ran late into the night on Monday.",
            "Council approves the harbour plan after a long debate that ran late into the night on Monday.",
        ),
        ("The council approved the plan on Monday.", "Council approves plan", "Council approves plan"),
        # its line breaks and spaces are folded into one line
        ("The council approved the plan.", "  Council\napproves   plan ", "Council approves plan"),
    ],
)
def test_headline_given_apart(body, headline, expected):
    a = load_article(body, headline=headline)
    assert a.headline is not None and a.headline.text == expected
    assert a.paragraphs[0].text.startswith("The council approved")


def test_without_headline_given_a_long_first_sentence_is_body():
    # the mirror: the same long line as the first line of the text reads as the lede, not a headline
    line = "Council approves the harbour plan after a long debate that ran late into the night on Monday."
    a = load_article(line + "\n\nThe council approved the plan on Monday.\n\nWork starts in May.")
    assert a.headline is None


@pytest.mark.parametrize(
    "body,headline,message",
    [
        ("The council approved the plan.", "", "The headline must be a line of text"),
        ("The council approved the plan.", "   ", "The headline must be a line of text"),
        ("The council approved the plan.", 42, "The headline must be a line of text"),
        ("<html><body><p>The council approved.</p></body></html>", "Council approves", "plain text"),
        ("my_article.txt", "Council approves", "plain text"),
        (b"The council approved the plan.", "Council approves", "plain text"),
    ],
)
def test_headline_given_apart_bad_input(body, headline, message):
    with pytest.raises(ArticleError, match=message):
        load_article(body, headline=headline)
