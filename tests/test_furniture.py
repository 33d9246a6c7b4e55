"""Page furniture: the page's own lines (timestamps, counters, buttons, captions) set apart from the article."""

import pytest

from mediakit import load_article
from mediakit.lenses import furniture
from mediakit.lexicon import classify_furniture, furniture_match

FURNITURE = [
    ("5 months ago", "timestamp"), ("about 2 hours ago", "timestamp"), ("Yesterday", "timestamp"),
    ("Updated 3 hours ago", "timestamp"), ("Published 12:30", "timestamp"),
    ("Published: 12 March 2024, 09:30 GMT", "timestamp"), ("Updated on March 12, 2024 at 3:45 pm", "timestamp"),
    ("12 March 2024", "timestamp"), ("2024-03-12", "timestamp"), ("Tuesday, 12 March 2024", "timestamp"),
    ("30", "counter"), ("1.2K views", "counter"), ("Comments (12)", "counter"), ("12 comments", "counter"),
    ("SUBSCRIBE TO US!", "call_to_action"), ("Share on Facebook", "call_to_action"),
    ("Click here to read the full report", "call_to_action"), ("Follow us on Telegram", "call_to_action"),
    ("Sign up for our daily newsletter", "call_to_action"), ("Share", "call_to_action"), ("Print", "call_to_action"),
    ("Loading comments...", "widget"), ("Loading comments…", "widget"), ("Advertisement", "widget"),
    ("Read more", "widget"), ("Read more: Why the wall failed", "widget"), ("Story continues below advertisement", "widget"),
    ("Tags: Ukraine, Russia", "widget"), ("© 2024 The Coastal Herald. All rights reserved.", "widget"),
    ("Copyright 2024 Reuters", "widget"), ("Related articles", "widget"),
    ("Photo: Reuters", "caption"), ("Image source, Getty Images", "caption"),
    ("Image caption, Soldiers near Sumy in August", "caption"), ("AP Photo/Efrem Lukatsky", "caption"),
    ("By Maria Okafor", "byline"), ("By John Smith and Jane Doe", "byline"), ("By Jane Doe | BBC News", "byline"),
    ("*By Sam Lee*", "byline"), ("Reporting by Tom Balmforth; Editing by Alex Richardson", "byline"),
]

BODY = [
    "Follow the money.", "It worked!", "Stop!", "NO!", "We won!", "Read the report in full.",
    "Published in 2019, the book sold a million copies.", "By Tuesday, the council had agreed.",
    "By then it was too late.", "Copyright law changed in 2019.", "Updated rules apply from May.",
    "Photographs show the damage.", "Video shows the strike.", "30 people died.", "Share prices fell 3%.",
    "Subscribers fell by half last year.", "Comments from the minister were brief.", "Advertisement revenue fell.",
    "Loading the trucks took hours.", "Today, the council voted.", "Images of the damage spread online.",
    "Donate blood, officials urged.", "Sign up was slow.", "Register now, they said.", "Print media is dying.",
    "Putin has voiced it.", "No one knows how.", "But it is also the most dangerous.",
    "Ukraine prepares for “bargaining” with Trump by seizing Kursk region",
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
        ("timestamp", "5 months ago"), ("counter", "30"), ("call_to_action", "SUBSCRIBE TO US!"),
        ("widget", "Loading comments..."),
    ]
    assert all(a.text[s.start:s.end] == s.text and s.explanation for s in spans)


@pytest.mark.parametrize("line", ["Follow the money.", "It worked!", "Stop!", "30 people died."])
def test_one_line_paragraph_stays_body_in_an_article(line):
    """Does a one-line paragraph inside an article stay a body paragraph, not furniture?"""
    text = f"Council approves budget\n\nThe council approved the budget on Monday.\n\n{line}\n\nIt takes effect in May.\n"
    a = load_article(text)
    assert line in [p.text for p in a.paragraphs]
    assert a.furniture == ()
    assert load_article(text).markup().layer("furniture") == ()


@pytest.mark.parametrize("text, meta", [
    ("Bridge reopens\n\nBy Ana Diaz\n\nThe bridge reopened on Monday.\n", ("byline", "Ana Diaz")),
    ("Bridge reopens\n\n*By Ana Diaz*\n\nThe bridge reopened on Monday.\n", ("byline", "Ana Diaz")),
    ("Bridge reopens\n\nPublished 12 March 2024\n\nThe bridge reopened on Monday.\n", ("date", "Published 12 March 2024")),
])
def test_byline_and_date_lines_become_metadata(text, meta):
    """Does a byline or date line become page metadata (article.meta) as well as furniture?"""
    a = load_article(text)
    assert a.meta(meta[0]) == meta[1]


@pytest.mark.parametrize("text", [
    "Bridge reopens\n\n5 months ago\n\nThe bridge reopened on Monday.\n",   # a relative time is no date
    "Bridge reopens\n\nThe bridge reopened on Monday, by all accounts.\n",
])
def test_no_metadata_without_a_byline_or_date_line(text):
    """Does an article without a byline or a dated line get no byline or date metadata?"""
    a = load_article(text)
    assert a.meta("byline") == "" and a.meta("date") == ""


def test_furniture_match_gives_the_meta_key():
    """Does furniture_match name the page fact a byline gives, and nothing for a counter?"""
    assert furniture_match("By Maria Okafor")[2] == "byline"
    assert furniture_match("30")[2] == ""
    assert furniture_match("Follow the money.") is None
