"""The fast paths of issue 16 (speed only) give what the plain paths give.

- genre: a signal is not scanned when its gate's words are missing (``genre._GATES``);
- claims: the verification-note pattern is tried only where ``_may_verify`` says it can match;
- loaded: the word index reads a one-word run in line (``SharedIndex.find``), which must find
  what the one regular expression of every form finds.

Each case is run both ways; texts include the signal in capitals, a dotted or dotless i and a
long s (letters that match "i" and "s" when case is ignored), and the mirrored case without it.
"""

from __future__ import annotations

import re

import pytest

import mediakit
from mediakit import genre
from mediakit.lenses import claims, loaded

GENRE_TEXTS = [
    "FOR IMMEDIATE RELEASE\n\nThe City of Alden today announced a new park.",
    "For immediate release\n\nThe city of Alden announced a new park.\n\nMedia contact: Ann Lee\n\n###",
    "Park opens\n\nThe park opens.\n\nAbout the City of Alden\n\nContact: Ann Lee",
    "Park opens\n\nThe park opens.\n\nabout the City of Alden\n\nFor more information: call us",
    "Park opens\n\nThe company is pleased to announce a park. The Ministry of Parks LAUNCHED it.\n\n-30-",
    "Our view: fix the bridge\n\nWe hope the council listens. We urge it to act now.",
    "OPINION | Fix the bridge\n\nIn my view the bridge matters. I think so. I would argue it is time.",
    "Film review: Bridges\n\nRating: 4 out of 5\n\nThe views expressed are the writer's own.",
    "Analysis: the bridge\n\nThe editorial board believes the bridge matters. Let's hope.",
    "Fix the bridge\n\nI have crossed it. I drive it daily.\n\nHelen Marsh is a retired teacher in Alden.",
    # letters that match "i" or "s" when case is ignored: the gates are not used
    "FOR IMMED\u0130ATE RELEASE\n\nThe city of Alden announced a park.",
    "Park opens\n\nIn my v\u0131ew, the park is late. In our op\u0131n\u0131on it is.",
    "Park opens\n\nThe company \u0131\u017f pleased to announce a park. Pre\u017f\u017f release.",
    # mirrored: no signal
    "Bridge closes\n\nThe bridge closed on Monday, the council said.",
    "Bridge closes\n\nThe city said the bridge closed. Engineers hope to reopen it.",
    "",
]


def _plain_detect(article, monkeypatch):
    monkeypatch.setattr(genre, "_GATES", (None,) * len(genre._SIGNALS))
    try:
        return genre.detect(article)
    finally:
        monkeypatch.undo()


def test_one_gate_per_signal():
    assert len(genre._GATES) == len(genre._SIGNALS)


@pytest.mark.parametrize("text", [t for t in GENRE_TEXTS if t])
def test_genre_gates_change_nothing(text, monkeypatch):
    gated = genre.detect(mediakit.load_article(text))
    plain = _plain_detect(mediakit.load_article(text), monkeypatch)
    assert gated == plain


@pytest.mark.parametrize(
    "text,closed",
    [
        ("The bridge closed on Monday.", [0, 1, 2, 5, 6, 10, 12]),
        ("FOR IMMEDIATE RELEASE today", []),
        ("for immediate release", []),
        ("for immed\u0130ate release", []),  # a dotted capital I: not gated
    ],
)
def test_genre_gate_closes_only_without_its_words(text, closed):
    low = None if any(c in text for c in "\u0130\u0131\u017f") else text.lower()
    shut = [
        i
        for i, gate in enumerate(genre._GATES)
        if gate is not None
        and (low if gate[0] else text) is not None
        and not genre._open(gate, low if gate[0] else text)
    ]
    assert [i for i in closed if i in shut] == closed
    if "immediate" in text.lower() or "\u0130" in text:
        assert 0 not in shut


@pytest.mark.parametrize(
    "sentence,may",
    [
        ("The claim could not be independently verified.", True),
        ("THE CLAIM COULD NOT BE CONFIRMED.", True),
        ("It has not been corroborated.", True),
        ("It could not be ver\u0130fied.", True),  # dotted capital I matches "i" when case is ignored
        ("It could not be conf\u0131rmed.", True),  # dotless i
        ("The claim was checked.", False),
        ("", False),
    ],
)
def test_may_verify(sentence, may):
    assert claims._may_verify(sentence) is may
    if not may:
        assert claims._VERIFICATION_NOTE.search(sentence) is None
    elif "not" in sentence.lower():
        assert claims._VERIFICATION_NOTE.search(sentence) is not None


LOADED_TEXTS = [
    "the most\n compelling. the u.s.-led, most-",
    "The regime said the most radical plan was a so-called reform.",
    "the\nmost\n\ncompelling the the the",
    "most",
    " the u.s. the u.s.",
    "Thugs and the regime: the slaughter of innocents, a brutal crackdown.",
    "\u0130t was the reg\u0131me's \u017fo-called reform",
]


@pytest.mark.parametrize("text", LOADED_TEXTS)
def test_word_index_finds_what_the_regex_finds(text):
    index, _ = loaded.shared(loaded.lexicon_folder())
    norm = loaded.normalize(text)
    assert index.find(norm) == index._scan(index.regex, norm)


@pytest.mark.parametrize("text", LOADED_TEXTS)
def test_word_index_fast_path_equals_trie_longest(text):
    """Every start the index reports ends where WordTrie.longest says, and no word start is left out."""
    index, _ = loaded.shared(loaded.lexicon_folder())
    norm = loaded.normalize(text)
    trie = index.trie
    expect = []
    for m in loaded._RUN.finditer(norm):
        words = trie.root.runs.get(m.group())
        if words is None:
            continue
        k = m.start()
        e = trie.longest(norm, k, len(norm) if k else min(len(norm), 200), words)
        if e >= 0:
            expect.append((k, e))
    got = [(k, max(end for _, end in ends)) for k, ends in index.find(norm)]
    assert got == expect


@pytest.mark.parametrize("text", LOADED_TEXTS + ["dictator vladimir putin", "a regime", "regimes regime"])
@pytest.mark.parametrize("cut", [0, 3])
def test_one_word_form_is_what_the_trie_finds(text, cut):
    """Matcher._next_ok answers "@loaded" from the table when the next word is a one-word form: the
    trie must find a form there too (within the same limit)."""
    _, lists = loaded.shared(loaded.lexicon_folder())
    m = lists["loaded"]
    norm = loaded.normalize(text)
    limit = max(0, len(norm) - cut)
    seen = 0
    for w in loaded._RUN.finditer(norm, 0, limit):
        if w.group() in m.table:
            seen += 1
            assert m.words.longest(norm, w.start(), limit) >= w.end()
    if text.startswith(("dictator", "regimes")):
        assert seen


# -- records without dataclasses (Segment, Genre, Finding, Term, Form, Hit): as a frozen dataclass --
def _records():
    from mediakit.genre import Genre
    from mediakit.segment import Segment
    from mediakit.spans import Finding

    t = loaded.Term("regime", "label", "A label.", unless_prev=frozenset({"the"}))
    return [
        (Segment, ("line", 0, 3, "abc"), {"label": "x"}, "Segment(kind='line', start=0, end=3, text='abc', label='')"),
        (Genre, ("opinion",), {"scores": (("opinion", 3.0),)}, "Genre(label='opinion', evidence=(), scores=())"),
        (Finding, ("provenance", "dateline", "A dateline."), {"evidence": ((0, 4),)}, None),
        (loaded.Term, ("regime", "label", "A label."), {"phrase": True}, None),
        (
            loaded.Form,
            (t, "s", 1, False),
            {"wildcard": True},
            "Form(term=" + repr(t) + ", tag='s', variant=1, wildcard=False)",
        ),
        (loaded.Hit, (4, 10, t, "government"), {"tag": "base"}, None),
    ]


@pytest.mark.parametrize("cls,args,change,shown", _records(), ids=lambda x: getattr(x, "__name__", None))
def test_record_behaves_as_a_frozen_dataclass(cls, args, change, shown):
    import copy
    import pickle

    a, b = cls(*args), cls(*args)
    other = cls(**{**{f: getattr(a, f) for f in cls._fields}, **change})
    assert a == b and hash(a) == hash(b) and not (a != b)
    assert a != other  # mirrored: one field differs
    assert a != tuple(getattr(a, f) for f in cls._fields)  # never equal to a plain tuple
    assert repr(a) == cls.__name__ + "(" + ", ".join(f"{f}={getattr(a, f)!r}" for f in cls._fields) + ")"
    if shown:
        assert repr(a) == shown
    assert cls(**{f: getattr(a, f) for f in cls._fields}) == a  # keywords as the dataclass took them
    with pytest.raises(AttributeError):
        setattr(a, cls._fields[0], None)
    with pytest.raises(AttributeError):
        delattr(a, cls._fields[0])
    assert pickle.loads(pickle.dumps(a)) == a == copy.deepcopy(a)
    assert cls.__match_args__ == cls._fields


# -- sources: a word's places from one pass over the text, against a regex over the whole text --

_PLACE_TEXTS = [
    "Colleagues recalled her. Colleagues said so.",
    "Colleagues recalled her, said Colleagues.",
    "Ann Cole spoke. Cole said it. Then Ann  Cole left.",
    "Ann Cole spoke.\nCole said it.",
    "Ann\tCole spoke. XAnn Cole left. O'Cole came. Cole_x went.",
    "Ann Cole spoke. \u00c9mile Zola wrote. Zola said. \u00c9mile left.",
    "Cole",
    "Ann\tCole spoke. Ann Cole left.",
]


@pytest.mark.parametrize("text", _PLACE_TEXTS)
@pytest.mark.parametrize("first,last", [("Ann", "Cole"), ("Emile", "Zola"), ("\u00c9mile", "Zola"), ("X", "O'Cole")])
def test_used_alone_equals_its_regex(text, first, last):
    from mediakit.lenses.sources import _Classifier

    regex = re.search(r"(?<!" + re.escape(first) + r"[ \t])\b" + re.escape(last) + r"\b", text) is not None
    assert _Classifier(mediakit.load_article("Head\n\n" + text)).used_alone(first, last) is regex


@pytest.mark.parametrize("text", _PLACE_TEXTS)
@pytest.mark.parametrize("word", ["Colleagues", "Cole", "Zola", "\u00c9mile", "O'Cole", "Nobody"])
def test_only_opens_sentences_equals_its_regex(text, word):
    from mediakit.lenses.sources import _Classifier

    full = "Head\n\n" + text
    c = _Classifier(mediakit.load_article(full))
    expected = all(c._opens(m.start()) for m in re.finditer(r"\b" + re.escape(word) + r"\b", full))
    assert c.only_opens_sentences(word) is expected
