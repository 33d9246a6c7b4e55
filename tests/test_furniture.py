"""Page furniture: the page's own lines (timestamps, counters, buttons, captions) set apart from the article."""

import pytest

from mediakit import load_article
from mediakit.lenses import furniture
from mediakit.lexicon import classify_furniture, furniture_match

FURNITURE = [
    ("5 months ago", "timestamp"),
    ("about 2 hours ago", "timestamp"),
    ("Yesterday", "timestamp"),
    ("Updated 3 hours ago", "timestamp"),
    ("Published 12:30", "timestamp"),
    ("Published: 12 March 2024, 09:30 GMT", "timestamp"),
    ("Updated on March 12, 2024 at 3:45 pm", "timestamp"),
    ("12 March 2024", "timestamp"),
    ("2024-03-12", "timestamp"),
    ("Tuesday, 12 March 2024", "timestamp"),
    ("30", "counter"),
    ("1.2K views", "counter"),
    ("Comments (12)", "counter"),
    ("12 comments", "counter"),
    ("SUBSCRIBE TO US!", "call_to_action"),
    ("Share on Facebook", "call_to_action"),
    ("Click here to read the full report", "call_to_action"),
    ("Follow us on Telegram", "call_to_action"),
    ("Sign up for our daily newsletter", "call_to_action"),
    ("Share", "call_to_action"),
    ("Print", "call_to_action"),
    ("Loading comments...", "widget"),
    ("Loading comments…", "widget"),
    ("Advertisement", "widget"),
    ("Read more", "widget"),
    ("Read more: Why the wall failed", "widget"),
    ("Story continues below advertisement", "widget"),
    ("Tags: Ukraine, Russia", "widget"),
    ("© 2024 The Coastal Herald. All rights reserved.", "widget"),
    ("Copyright 2024 Reuters", "widget"),
    ("Related articles", "widget"),
    ("Photo: Reuters", "caption"),
    ("Image source, Getty Images", "caption"),
    ("Image caption, Soldiers near Sumy in August", "caption"),
    ("AP Photo/Efrem Lukatsky", "caption"),
    ("By Maria Okafor", "byline"),
    ("By John Smith and Jane Doe", "byline"),
    ("By Jane Doe | BBC News", "byline"),
    ("*By Sam Lee*", "byline"),
    ("Reporting by Tom Balmforth; Editing by Alex Richardson", "byline"),
    # furniture of the web (issue 11)
    ("(Watch the first cars cross the bridge --1:12)", "promo"),
    ("Watch the rescue --3:34", "promo"),
    ("Up next: the storm", "promo"),
    ("No comments:", "widget"),
    ("Share this", "call_to_action"),
    ("Subscribe to: Post Comments (Atom)", "call_to_action"),
    ("Posted by Sam Lee at 9:40 PM", "byline"),
    ("5 min read", "timestamp"),
    ("March 3, 2024 \u00b7 5 min read", "timestamp"),
    ("This article is 14 years old", "timestamp"),
    ("KYIV, Ukraine (AP) \u2014", "dateline"),
    ("\u2013 Dana Ortiz, Harbor Gazette", "byline"),
    ("FOR IMMEDIATE RELEASE", "release_label"),
    ("Media contact: Press Office, City of Alden", "release_label"),
    ("###", "release_label"),
]

BODY = [
    "Follow the money.",
    "It worked!",
    "Stop!",
    "NO!",
    "We won!",
    "Read the report in full.",
    "Published in 2019, the book sold a million copies.",
    "By Tuesday, the council had agreed.",
    "By then it was too late.",
    "Copyright law changed in 2019.",
    "Updated rules apply from May.",
    "Photographs show the damage.",
    "Video shows the strike.",
    "30 people died.",
    "Share prices fell 3%.",
    "Subscribers fell by half last year.",
    "Comments from the minister were brief.",
    "Advertisement revenue fell.",
    "Loading the trucks took hours.",
    "Today, the council voted.",
    "Images of the damage spread online.",
    "Donate blood, officials urged.",
    "Sign up was slow.",
    "Register now, they said.",
    "Print media is dying.",
    "Putin has voiced it.",
    "No one knows how.",
    "But it is also the most dangerous.",
    "Ukraine prepares for “bargaining” with Trump by seizing Kursk region",
    # negatives for the web-furniture rules: sentences that start like furniture
    "Watch the skies tonight.",
    "Watch out for rain, officials said.",
    "Video shows police firing on the crowd",
    "Posted by the council, the notice was short.",
    "The article is 14 pages long.",
    "Kyiv said on Monday.",
    "No comments were made by the mayor.",
    "The report took 5 minutes to read.",
]


@pytest.mark.parametrize("line, label", FURNITURE)
def test_page_furniture_is_recognised(line, label):
    """Is this line of page furniture recognised, with the right label and an explanation?"""
    found = classify_furniture(line)
    assert found is not None and found[0] == label and found[1]


@pytest.mark.parametrize("line", BODY)
def test_article_lines_are_not_furniture(line):
    """Does a real article line (a short sentence, an exclamation) stay out of the furniture?"""
    assert classify_furniture(line) is None


@pytest.mark.parametrize("line", ["x" * 161, "Photo: " + "a" * 200, ""])
def test_long_or_empty_lines_are_never_furniture(line):
    """Is a line longer than any caption, or an empty one, never furniture?"""
    assert classify_furniture(line) is None


def test_seed_furniture_lens():
    """Does the furniture lens report the seed's four furniture lines, in order, with labels and explanations?"""
    a = load_article()
    spans = furniture.find(a, {})
    assert [(s.label, s.text) for s in spans] == [
        ("timestamp", "5 months ago"),
        ("counter", "30"),
        ("call_to_action", "SUBSCRIBE TO US!"),
        ("widget", "Loading comments..."),
    ]
    assert all(a.text[s.start : s.end] == s.text and s.explanation for s in spans)


@pytest.mark.parametrize("line", ["Follow the money.", "It worked!", "Stop!", "30 people died."])
def test_one_line_paragraph_stays_body_in_an_article(line):
    """Does a one-line paragraph inside an article stay a body paragraph, not furniture?"""
    text = (
        f"Council approves budget\n\nThe council approved the budget on Monday.\n\n{line}\n\nIt takes effect in May.\n"
    )
    a = load_article(text)
    assert line in [p.text for p in a.paragraphs]
    assert a.furniture == ()
    assert load_article(text).markup().layer("furniture") == ()


@pytest.mark.parametrize(
    "text, meta",
    [
        ("Bridge reopens\n\nBy Ana Diaz\n\nThe bridge reopened on Monday.\n", ("byline", "Ana Diaz")),
        ("Bridge reopens\n\n*By Ana Diaz*\n\nThe bridge reopened on Monday.\n", ("byline", "Ana Diaz")),
        (
            "Bridge reopens\n\nPublished 12 March 2024\n\nThe bridge reopened on Monday.\n",
            ("date", "Published 12 March 2024"),
        ),
    ],
)
def test_byline_and_date_lines_become_metadata(text, meta):
    """Does a byline or date line become page metadata (article.meta) as well as furniture?"""
    a = load_article(text)
    assert a.meta(meta[0]) == meta[1]


@pytest.mark.parametrize(
    "text",
    [
        "Bridge reopens\n\n5 months ago\n\nThe bridge reopened on Monday.\n",  # a relative time is no date
        "Bridge reopens\n\nThe bridge reopened on Monday, by all accounts.\n",
    ],
)
def test_no_metadata_without_a_byline_or_date_line(text):
    """Does an article without a byline or a dated line get no byline or date metadata?"""
    a = load_article(text)
    assert a.meta("byline") == "" and a.meta("date") == ""


def test_furniture_match_gives_the_meta_key():
    """Does furniture_match name the page fact a byline gives, and nothing for a counter?"""
    assert furniture_match("By Maria Okafor")[2] == "byline"
    assert furniture_match("30")[2] == ""
    assert furniture_match("Follow the money.") is None


# -- whole web pages (issue 11: three pages with at least eight furniture lines each) --------------------

from pathlib import Path

ARTICLES = Path(__file__).parent / "articles"


@pytest.mark.parametrize(
    "name,expected",
    [
        (
            "furniture_wire_page.txt",
            ["repeated_headline", "byline", "timestamp", "dateline", "promo", "subhead", "call_to_action", "widget"],
        ),
        (
            "furniture_blog_page.txt",
            ["timestamp", "byline", "promo", "subhead", "call_to_action", "counter", "call_to_action"],
        ),
        (
            "furniture_news_site.txt",
            ["repeated_headline", "byline", "timestamp", "promo", "subhead", "widget", "widget"],
        ),
    ],
)
def test_web_page_furniture(name, expected):
    """Does the furniture layer find every furniture line of a web page, and leave the article's sentences?"""
    a = load_article(ARTICLES / name)
    spans = furniture.find(a, {})
    assert [s.label for s in spans] == expected
    assert all(s.explanation for s in spans)
    body = " ".join(p.text for p in a.paragraphs)
    for s in spans:
        assert s.text not in body or s.label == "repeated_headline"
    assert a.sentences and all(s.text.endswith(".") for s in a.sentences)


@pytest.mark.parametrize(
    "text,label",
    [
        ("Bridge reopens\n\nBridge reopens\n\nThe bridge reopened on Monday after repairs.", "repeated_headline"),
        (
            "Bridge reopens\n\nThe bridge reopened on Monday.\n\nWhat comes next\n\nThe council will meet again in June "
            "to decide on the tolls.",
            "subhead",
        ),
        (
            "Bridge reopens\n\nThe bridge reopened on Monday.\n\nWatch the first cars cross\n\nTraffic was light.",
            "promo",
        ),
    ],
)
def test_context_furniture(text, label):
    """Are a repeated headline, a subhead and a Watch promo set apart by their place in the page?"""
    got = [s.label for s in furniture.find(load_article(text), {})]
    assert got == [label]


@pytest.mark.parametrize(
    "text",
    [
        "Bridge reopens\n\nThe bridge reopened on Monday.\n\nIt was late.\n\nThe council will meet again in June.",
        "Bridge reopens\n\nThe bridge reopened on Monday.\n\nThe toll is gone\n\nNo.",  # next line not longer
        "Bridge reopens\n\nThe bridge reopened on Monday after a long wait for everyone in town.",
    ],
)
def test_no_context_furniture(text):
    """Do ordinary short sentences and last lines stay in the body (no subhead without a longer sentence after)?"""
    assert [s.label for s in furniture.find(load_article(text), {})] == []


@pytest.mark.parametrize(
    "first,is_headline",
    [
        ("Video: Marine survives sniper attack in the desert", True),
        ("Watch: Dog rescues boy from the river", True),
        ("Watch: the flood", False),  # too short to be a title: a promo link
        ("Photo: John Smith / Reuters", False),  # a caption, never a headline
    ],
)
def test_labelled_first_line(first, is_headline):
    """Is a first line "Video: <title>" the headline, and a short promo or a caption still furniture?"""
    a = load_article(first + "\n\nThe marine was shot during a mission, officials said. He survived.")
    assert (a.title == first) is is_headline


@pytest.mark.parametrize(
    "name",
    [
        "furniture_wire_page.txt",
        "furniture_blog_page.txt",
        "furniture_news_site.txt",
        "genre_city_press_release.txt",
        "genre_editorial.txt",
    ],
)
def test_no_lens_reads_furniture_as_article(name):
    """Is no furniture line of a web page read as a source, a claim, a quote or loaded language?"""
    m = load_article(ARTICLES / name).markup()
    fur = m.layer("furniture")
    assert fur
    assert not [s for s in m.spans if s.layer != "furniture" and any(s.overlaps(f.start, f.end) for f in fur)]


@pytest.mark.parametrize(
    "line,label",
    [
        # a byline that names a board, a desk or an agency
        ("By the Editorial Board", "byline"),
        ("By The Associated Press", "byline"),
        ("BY THE EDITORS", "byline"),
        # mirrored: a person's byline
        ("By Lucy Adebayo", "byline"),
        # negative: sentences that start "By the ..."
        ("By the end of the day, the board had agreed.", None),
        ("By the time we arrived, it was over.", None),
        ("By the Editorial Board's own count, 40 letters came in.", None),
    ],
)
def test_group_byline(line, label):
    """Is "By the Editorial Board" a byline (so no claim and no "missing byline"), but not "By the end ..."?"""
    got = furniture_match(line)
    assert (got[0] if got else None) == label


def test_group_byline_is_no_claim_and_no_missing_byline():
    """An editorial signed "By the Editorial Board": the line is furniture, not a claim, and a byline is found."""
    a = load_article("Fix the bridge\n\nBy the Editorial Board\n\nWe hope the council listens.")
    m = a.markup()
    assert "By the Editorial Board" in [s.text for s in m.layer("furniture")]
    assert "By the Editorial Board" not in [s.text for s in m.layer("claim")]
    assert "missing_byline" not in {f.label for f in m.findings}


@pytest.mark.parametrize(
    "line, place_and_date",
    [
        ("Old Trafford, 21 May 2026", True),
        ("Kingsmead, Saturday 14 March 2026", True),
        ("The Guardian | 21 May 2026", False),  # mirror: a masthead, the outlet and the date
        ("It rained, 21 May 2026", None),  # negative: a sentence fragment, no furniture
    ],
)
def test_place_and_date_line(line, place_and_date):
    """Is a place-and-date line furniture explained as where and when the story was filed, and a masthead not?"""
    found = classify_furniture(line)
    if place_and_date is None:
        assert found is None
    else:
        assert found is not None and found[0] == "timestamp"
        assert ("place-and-date" in found[1]) is place_and_date
