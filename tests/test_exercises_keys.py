"""Answer keys: validated on load with errors naming file and entry; the seed key agrees with the lenses."""

import pytest

import mediakit
import mediakit.exercises as mx
from mediakit.errors import KeyFileError, MediakitError
from mediakit.exercises import keys, load_key

GOOD_SPOT = """
[[exercise]]
id = "loaded-spot-p3"
kind = "spot"
question = "Flag the loaded words."
passage = { paragraphs = [3, 3] }
[[exercise.items]]
text = "daring"
why = "praise"
"""
HEAD = '[key]\narticle = "seed"\n'


def write(tmp_path, text, name="seed.toml"):
    p = tmp_path / name
    p.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return p


def test_a_good_key_loads(tmp_path):
    """Does a well-formed key load, with its exercise built and located?"""
    key = load_key(write(tmp_path, HEAD + GOOD_SPOT))
    ex = key.get("loaded-spot-p3")
    assert ex.kind == "spot" and ex.passage.text[ex.items[0].start : ex.items[0].end] == "daring"


BROKEN = [
    (
        GOOD_SPOT.replace("[3, 3]", "[1, 1]"),
        "seed.toml, exercise 'loaded-spot-p3': the answer 'daring' is not in the passage.",
    ),
    (
        GOOD_SPOT.replace('question = "Flag the loaded words."\n', ""),
        "seed.toml, exercise 'loaded-spot-p3': the field 'question' is missing.",
    ),
    (
        GOOD_SPOT.replace('kind = "spot"', 'kind = "essay"'),
        "seed.toml, exercise 'loaded-spot-p3': the kind 'essay' is unknown",
    ),
    (GOOD_SPOT + GOOD_SPOT, "seed.toml, exercise 'loaded-spot-p3': the id is used twice"),
    (GOOD_SPOT.replace('id = "loaded-spot-p3"\n', ""), "seed.toml, exercise number 1: the field 'id' is missing."),
    (GOOD_SPOT.replace('id = "loaded-spot-p3"', 'id = "Loaded Spot"'), "lower-case letters, digits and hyphens"),
    (GOOD_SPOT.replace("[3, 3]", "[3, 99]"), "there is no body paragraph 99"),
    (GOOD_SPOT.replace("paragraphs = [3, 3]", "chapter = 3"), "passage: the field(s) chapter are not known here"),
    (GOOD_SPOT.replace("{ paragraphs = [3, 3] }", "{}"), "use one of: paragraphs"),
    (GOOD_SPOT.replace('why = "praise"', ""), "items number 1: the field 'why' is missing."),
    (GOOD_SPOT + 'colour = "red"\n', "items number 1: the field(s) colour are not known here"),
    (
        GOOD_SPOT.replace('kind = "spot"', 'kind = "spot"\ncolour = "red"'),
        "the field(s) colour are not known for a spot",
    ),
    (GOOD_SPOT.replace("paragraphs = [3, 3]", "paragraphs = [3, 3], colour = 1"), "passage: the field(s) colour"),
    (
        GOOD_SPOT.replace('question = "Flag the loaded words."', 'question = "Q"\nhints = 3'),
        "the field 'hints' should be a list or str, not int",
    ),
    (
        GOOD_SPOT.replace('question = "Flag the loaded words."', 'question = "Q"\npattern = "quiz show"'),
        "the pattern 'quiz show' is unknown",
    ),
    (
        """
[[exercise]]
id = "c1"
kind = "choose"
question = "Which?"
answer = "z"
options = [{ id = "a", text = "A", why = "w" }, { id = "b", text = "B", why = "w" }]
""",
        "seed.toml, exercise 'c1': the correct option 'z' is not among the options (a, b).",
    ),
    (
        """
[[exercise]]
id = "c2"
kind = "choose"
question = "Which?"
answer = "a"
options = [{ id = "a", text = "A", why = "w" }, { id = "a", text = "B", why = "w" }]
""",
        "the option id 'a' is used twice",
    ),
    (
        """
[[exercise]]
id = "c3"
kind = "choose"
question = "Which?"
answer = ["a", "b"]
options = [{ id = "a", text = "A", why = "w" }, { id = "b", text = "B", why = "w" }]
""",
        "set multiple = true",
    ),
    (
        """
[[exercise]]
id = "k1"
kind = "classify"
question = "Classify."
categories = ["named", "vague"]
items = [{ text = "Nikolai Beleskov", category = "famous", why = "w" }]
""",
        "seed.toml, exercise 'k1': the item 'Nikolai Beleskov' has the category 'famous', which is not among the categories",
    ),
    (
        """
[[exercise]]
id = "k2"
kind = "classify"
question = "Classify."
categories = ["named", "vague"]
items = [{ text = "Boris Johnson", category = "named", why = "w" }]
""",
        "the item 'Boris Johnson' is not in the passage",
    ),
    (
        """
[[exercise]]
id = "m1"
kind = "match"
question = "Match."
options = [{ id = "A", text = "Putin has voiced it." }]
claims = [{ text = "seizing", answer = "B", why = "w" }]
""",
        "the correct option 'B' of the claim 'seizing' is not among the options (A, none)",
    ),
    (
        """
[[exercise]]
id = "m2"
kind = "match"
question = "Match."
options = [{ id = "A", text = "Putin has voiced it." }]
claims = [{ text = "Moscow", answer = "A", why = "w" }]
""",
        "the claim 'Moscow' is not in the headline",
    ),
    (
        """
[[exercise]]
id = "m3"
kind = "match"
question = "Match."
options = [{ id = "A", text = "Putin has never said it." }]
claims = [{ text = "seizing", answer = "A", why = "w" }]
""",
        "the option 'A' ('Putin has never said it.') is not in the body",
    ),
    (
        """
[[exercise]]
id = "r1"
kind = "rewrite"
question = "Rewrite."
target = "headline"
checks = ["no_loaded", "be_nice"]
""",
        "the check 'be_nice' is unknown",
    ),
    (
        """
[[exercise]]
id = "r2"
kind = "rewrite"
question = "Rewrite."
target = "sentence"
passage = { sentence = [6, 1] }
checks = ["supported"]
""",
        "the check 'supported' works only for a headline",
    ),
]


@pytest.mark.parametrize("body, message", BROKEN)
def test_broken_keys_name_file_and_entry(tmp_path, body, message):
    """Does each broken key raise KeyFileError whose message names the file, the entry and the fault?"""
    with pytest.raises(KeyFileError) as err:
        load_key(write(tmp_path, HEAD + body))
    assert message in str(err.value)
    assert str(err.value).startswith("seed.toml")


@pytest.mark.parametrize(
    "text, message",
    [
        (b"\xff\xfe[key]", "seed.toml: the file is not UTF-8 text."),
        ("[key\narticle = 1", "seed.toml: this is not valid TOML"),
        (GOOD_SPOT, "seed.toml: the field 'key' is missing."),
        ('[key]\narticle = "moon"\n' + GOOD_SPOT, 'seed.toml, [key]: article should be "seed" or "own"'),
        (HEAD, "seed.toml: the field 'exercise' is missing."),
        ("exercise = []\n" + HEAD, "seed.toml: the field 'exercise' is empty."),
        ("extra = 1\n" + HEAD + GOOD_SPOT, "unknown top-level entry extra"),
        (HEAD + "colour = 1\n" + GOOD_SPOT, "seed.toml, [key]: the field(s) colour are not known here"),
    ],
)
def test_broken_files(tmp_path, text, message):
    """Does a file that is not a key at all get a one-line error naming the file?"""
    with pytest.raises(KeyFileError, match=None) as err:
        load_key(write(tmp_path, text))
    assert message in str(err.value)


def test_missing_key_file(tmp_path):
    """Does a missing key file get a KeyFileError, not a FileNotFoundError?"""
    with pytest.raises(KeyFileError, match="no key file"):
        load_key(tmp_path / "nope.toml")


@pytest.mark.parametrize("ident", ["no-such-exercise", ""])
def test_get_unknown_exercise(ident):
    """Does get() of an unknown id list the exercises that exist?"""
    with pytest.raises(MediakitError, match="loaded-spot-p3-4"):
        mx.get(ident)


def test_shipped_keys_load_and_ids_are_unique():
    """Do both shipped keys load, with exercise ids unique across them?"""
    ids = [e.id for e in mx.all_exercises()]
    assert len(ids) == len(set(ids)) >= 20


LESSONS = [
    "01_meet_the_article_exercises",
    "02_sourcing_exercises",
    "03_attribution_and_quotes_exercises",
    "04_loaded_language_exercises",
    "05_headline_vs_body_exercises",
]


@pytest.mark.parametrize("stem", LESSONS + ["pre_quiz", "post_quiz"])
def test_every_notebook_has_at_least_two_exercises(stem):
    """Does every lesson's exercise notebook (and each quiz) have at least two exercises?"""
    assert len(mx.for_notebook(stem)) >= 2


def test_all_kinds_are_used_in_the_lessons():
    """Are all five kinds used across the lesson exercises 01 to 05?"""
    kinds = {e.kind for stem in LESSONS for e in mx.for_notebook(stem)}
    assert kinds == {"spot", "classify", "match", "rewrite", "choose"}


def test_quizzes_test_the_same_skills_on_passages_not_from_the_seed():
    """Do the pre- and post-quiz use the same kinds, on passages that share no sentence with the seed?"""
    pre, post = mx.for_notebook("pre_quiz"), mx.for_notebook("post_quiz")
    assert [e.kind for e in pre] == [e.kind for e in post]
    seed = mediakit.load_article().text
    for e in pre + post:
        text = getattr(getattr(e, "passage", None), "text", "") or e.question
        for sentence in text.split(". "):
            assert sentence.strip(". ") not in seed or len(sentence) < 15, (e.id, sentence)
    assert {e.id for e in pre}.isdisjoint({e.id for e in post})


# -- one truth per fact: the key agrees with the lenses -------------------------------------
def agreement_cases():
    return [
        e for e in keys.shipped("seed") if e.layer or getattr(e, "claims", None) and any(c.support for c in e.claims)
    ]


@pytest.mark.parametrize("ex", agreement_cases(), ids=lambda e: e.id)
def test_key_agrees_with_markup(ex):
    """Does the key agree with what the lens marks (or explain a deliberate difference that really exists)?"""
    found = ex.disagreements()
    if ex.differs_from_markup:
        assert found, f"{ex.id} says it differs from the markup ({ex.differs_from_markup}) but it now agrees"
    else:
        assert found == [], f"{ex.id}: " + "; ".join(found)


def test_agreement_detects_a_disagreement(tmp_path):
    """Does the agreement check report a key item the lens does not mark (a negative case)?"""
    body = (
        GOOD_SPOT.replace('text = "daring"', 'text = "buffer zone"')
        .replace('why = "praise"', 'why = "w"\n')
        .replace('question = "Flag the loaded words."', 'question = "Q"\nlayer = "loaded"')
    )
    ex = load_key(write(tmp_path, HEAD + body)).get("loaded-spot-p3")
    assert any("'buffer zone'" in d for d in ex.disagreements())


# -- issue 13: no length cue, contested namings not scored, good paraphrases accepted -----
@pytest.mark.parametrize("ex", [e for e in mx.all_exercises() if e.kind == "choose"], ids=lambda e: e.id)
def test_no_choose_item_is_answered_by_the_longest_option(ex):
    """Is the right option of every shipped multiple-choice item never the uniquely longest?"""
    from mediakit.exercises.quiz import length_cue

    assert length_cue(ex) == ""


@pytest.mark.parametrize(
    "ident, flags, score",
    [
        # contested namings of the Kursk operation are optional: flagging them costs nothing
        ("loaded-spot-p3-4", ["daring", "the enemy"], 2.0),
        ("loaded-spot-p3-4", ["daring", "the enemy", "invasion", "offensive"], 2.0),
        # "makes sense" is the writer's judgement: not penalised here either
        ("loaded-spot-p3-4", ["daring", "the enemy", "makes sense"], 2.0),
        # negative case: a descriptive term is still a false alarm
        ("loaded-spot-p3-4", ["daring", "the enemy", "buffer zone"], 1.75),
        ("loaded-spot-p6-7", ["dictator", "bargaining chip", "most compelling", "most dangerous"], 4.0),
        ("loaded-spot-p6-7", ["dictator", "bargaining chip", "most compelling", "most dangerous", "Invading"], 4.0),
        ("loaded-spot-p6-7", ["dictator", "bargaining chip", "most compelling", "most dangerous", "operation"], 3.75),
    ],
)
def test_contested_namings_are_explained_not_scored(ident, flags, score):
    """Are 'invasion', 'Invading', 'offensive' and 'makes sense' neither required nor penalised?"""
    assert mx.get(ident).check(flags, save=False).score == score


@pytest.mark.parametrize(
    "ident, answer, category, ok",
    [
        ("sources-classify", "Ukrainian military officials and Western analysts", "vague", True),
        ("sources-classify", "Ukrainian military officials and Western analysts", "anonymous", True),
        ("sources-classify", "Ukrainian military officials and Western analysts", "named", False),
        ("sources-classify", "Defense analysts", "anonymous", False),
        ("sources-classify", "several of his former officials and advisers", "anonymous", True),
    ],
)
def test_source_categories_follow_the_kit_definitions(ident, answer, category, ok):
    """Are unnamed officials accepted as vague or anonymous, a general category only as vague?"""
    r = mx.get(ident).check({answer: category}, save=False)
    assert (r.score == 1) is ok


HEADLINES = [
    # (headline, check, met)
    ("FT: Ukraine could use Kursk region as bargaining chip with Trump", "attributed", True),
    ("Ukraine could use Kursk region as bargaining chip with Trump, Financial Times says", "attributed", True),
    ("Ukraine prepares to bargain with Trump over Kursk region", "attributed", False),  # negative
    ("Ukraine's Kursk region operation could be used in talks, FT reports", "mentions", True),
    ("Kursk region operation could be used in talks, FT reports", "mentions", False),  # who acts is lost
    ("FT: Ukraine could use Kursk region as bargaining chip with Trump", "supported", True),
    ("Ukraine could use Kursk region as bargaining chip with Trump, says Guardian", "supported", False),
]


@pytest.mark.parametrize("headline, check, met", HEADLINES)
def test_headline_rewrite_accepts_good_paraphrases(headline, check, met):
    """Are 'FT' for the Financial Times and "Ukraine's" for Ukraine accepted, and a missing source still caught?"""
    r = mx.get("headline-rewrite").check(headline, save=False)
    start = {"attributed": "It says who", "mentions": "It keeps", "supported": "Every part"}[check]
    line = next(i for i in r.items if i.item.startswith(start))
    assert (line.status == "met") is met, line.why


@pytest.mark.parametrize(
    "sentence, met",
    [
        ("Defense analysts, Ukrainian soldiers and Vladimir Putin have offered their own explanations.", True),
        ("Defense analysts, Ukrainian soldiers and Russia's president have offered their own explanations.", True),
        ("Defense analysts, Ukrainian soldiers and the Kremlin have offered their own explanations.", True),
        ("Defense analysts and Ukrainian soldiers have offered their own explanations.", False),  # Putin lost
    ],
)
def test_sentence_rewrite_keeps_the_meaning_not_the_string(sentence, met):
    """Is Putin accepted by name or by office, and his absence still caught?"""
    r = mx.get("loaded-rewrite-p6").check(sentence, save=False)
    line = next(i for i in r.items if i.item.startswith("It keeps"))
    assert (line.status == "met") is met, line.why


def test_the_bodys_own_verb_is_accepted_in_a_headline():
    """Is 'seized', the body's own verb, accepted as neutral in a headline?"""
    r = mx.get("headline-rewrite").check(
        "Ukraine seized land in Kursk region to bargain with Trump, FT reports", save=False
    )
    assert next(i for i in r.items if i.item.startswith("No loaded")).status == "met"


@pytest.mark.parametrize(
    "false_sentence",
    [
        "Only the FT report links the bargaining to Trump",
        "only reported from the FT",
        "The writer claims to know what no one knows",
        "as if a long silence had ended",
        "it changes with the day you read it",
        "depends on the day you read the page",
        "stronger than the body's own",
        "the one source a reader could look up",
    ],
)
def test_no_false_feedback_sentence_is_left_in_the_keys(false_sentence):
    """Is no sentence that the issue-13 audit found false about the seed still in a key?"""
    from mediakit.exercises.keys import keys_dir

    text = " ".join(p.read_text(encoding="utf-8") for p in keys_dir().glob("*.toml"))
    assert false_sentence not in text


NEW_KEYS = ["objectives", "lateral", "machine_wrong", "quiz_forms", "byo_judge"]


def test_ids_are_unique_across_every_key_file():
    """Are exercise ids unique across the shipped keys and the issue-13 keys?"""
    ids = [e.id for e in mx.all_exercises()]
    for name in [n for n in NEW_KEYS if n not in keys.SHIPPED]:
        ids += load_key(keys.keys_dir() / f"{name}.toml").ids()
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("ex", list(load_key(keys.keys_dir() / "objectives.toml")), ids=lambda e: e.id)
def test_objective_exercises_agree_with_the_markup(ex):
    """Does each new objective exercise agree with its lens where it names one?"""
    assert ex.disagreements() == []


@pytest.mark.parametrize(
    "ident, answer, score",
    [
        ("headline-levels-classify", {"seizing": "stated", "with Trump": "hedged"}, 2),
        ("headline-levels-classify", {"seizing": "absent", "Ukraine prepares": "stated"}, 0),  # negative
        ("quote-kinds-classify", {"bargain": "partial", "Trump peace": "partial"}, 2),
        ("quote-kinds-classify", {"bargain": "scare", "Trump peace": "direct"}, 0),  # negative
        (
            "primary-secondary-classify",
            {"President Volodymyr Zelensky": "primary", "the Financial Times": "secondary"},
            2,
        ),
        ("primary-secondary-classify", {"President Volodymyr Zelensky": "secondary"}, 0),
    ],
)
def test_objective_exercises_score(ident, answer, score):
    """Are the new objective exercises scored by their key, with negative cases?"""
    ex = load_key(keys.keys_dir() / "objectives.toml").get(ident)
    assert ex.check(answer, save=False).score == score


# -- issue 13, second audit: no wording cue either ---------------------------------------
import re  # noqa: E402
from types import SimpleNamespace as _O  # noqa: E402

#: Words a test-wise student reads as "this option overstates": never, always, all, only ...
ABSOLUTE = re.compile(r"\b(never|always|all|only|every|everything|nothing|none|no one|cannot|can't|must)\b", re.I)


def _plain_words(text: str) -> set[str]:
    """Lower-case words of five letters or more, possessive 's and quote marks stripped."""
    words = re.findall(r"[A-Za-z]+(?:'[A-Za-z]+)?", text)
    return {re.sub(r"'s$", "", w) for w in words if len(w) >= 5 and w.islower()}


def wording_cue(ex) -> str:
    """Why a multiple-choice item could be answered from its wording alone ("" if it cannot).

    Two classic cues: (1) every wrong option overstates (an absolute word such as "never", "all",
    "only") and the right one does not; (2) the right option is the only one that repeats a word
    of the question (names, written with a capital, do not count: a "whose word?" item must name
    the speaker).
    """
    right = [o for o in ex.options if o.correct]
    wrong = [o for o in ex.options if not o.correct]
    if not right or not wrong:
        return ""
    if all(ABSOLUTE.search(o.text) for o in wrong) and not any(ABSOLUTE.search(o.text) for o in right):
        return f"{ex.id}: every wrong option overstates (an absolute word); the right one does not"
    asked = _plain_words(ex.question)
    echoes = {id(o): bool(_plain_words(o.text) & asked) for o in ex.options}
    if any(echoes[id(o)] for o in right) and not any(echoes[id(o)] for o in wrong):
        return f"{ex.id}: only the right option repeats a word of the question"
    return ""


def _all_choose_items():
    from mediakit.exercises import quiz

    found = {e.id: e for e in mx.all_exercises() if e.kind == "choose"}
    for name in ("A", "B"):
        found.update({e.id: e for e in quiz.form(name) if e.kind == "choose"})
    return list(found.values())


def _item(question, *options):
    """A made-up item: options as (text, correct) pairs."""
    return _O(id="x", question=question, options=[_O(text=t, correct=c) for t, c in options])


@pytest.mark.parametrize(
    "item, cued",
    [
        # (1) absolutes: every wrong option overstates, the right one does not -> cue
        (_item("How well?", ("Partly", True), ("It never does", False), ("All of it", False)), True),
        # mirrored: the right option overstates too -> no cue
        (_item("How well?", ("Only partly", True), ("It never does", False), ("All of it", False)), False),
        # one wrong option does not overstate -> no cue
        (_item("How well?", ("Partly", True), ("It never does", False), ("Mostly", False)), False),
        # (2) echo: only the right option repeats "survey" -> cue
        (_item("A survey found less reading. What next?", ("Trace the survey", True), ("Trust it", False)), True),
        # mirrored: a wrong option repeats it too -> no cue
        (
            _item("A survey found less reading. What next?", ("Trace the survey", True), ("Trust the survey", False)),
            False,
        ),
        # a name in the question is not an echo ("whose word?" must name the speaker)
        (_item("'A farce,' said Priya Shah. Whose word?", ("Priya Shah's", True), ("The writer's", False)), False),
    ],
)
def test_wording_cue_finds_the_cue_and_only_the_cue(item, cued):
    assert bool(wording_cue(item)) is cued


@pytest.mark.parametrize("ex", _all_choose_items(), ids=lambda e: e.id)
def test_no_choose_item_is_answered_by_its_wording(ex):
    """Can no shipped multiple-choice item (exercises, lateral pack, quiz forms A and B) be answered
    from its wording: neither by the longest option nor by a wording cue?"""
    from mediakit.exercises.quiz import length_cue

    assert length_cue(ex) == ""
    assert wording_cue(ex) == ""


@pytest.mark.parametrize(
    "false_sentence",
    [
        "A counter (comments or shares)",  # the page does not say what "30" counts
        "the writer could name but does not",  # the text does not say the writer knows their names
        "rather than reporting what he said",  # ¶2 quotes what he said
        "Keep the three groups of people",  # Putin is one person, not a group
        "when the piece was written Trump was a candidate",  # ¶10 speaks of a Trump administration
        "calls Kursk a 'bargaining chip'",  # ¶7 says "Invading Kursk as a ..."
        "¶2 names 'the Russian Kursk region' in the writer's voice",  # ¶2 reports what Zelensky confirmed
        "His name and his title look garbled",  # the name is a Russian form, not garbled
        "We cannot tell without reading the FT article",  # an absolute, with all other wrong options
        "Neutral: 'has said' or 'has claimed'",  # the attribution lens calls "has claimed" loaded
    ],
)
def test_no_sentence_of_the_second_audit_is_left_in_the_keys(false_sentence):
    """Is no key sentence that the second issue-13 audit found false or misleading still there?"""
    from mediakit.exercises.keys import keys_dir

    text = " ".join(p.read_text(encoding="utf-8") for p in keys_dir().glob("*.toml"))
    assert false_sentence not in text


@pytest.mark.parametrize(
    "ident, claim, paragraphs",
    [
        ("headline-support-choose", "Kursk in ¶2, ¶7 and ¶13", (2, 7, 13)),
    ],
)
def test_paragraph_lists_in_the_feedback_hold(ident, claim, paragraphs):
    """Does 'Kursk in ¶2, ¶7 and ¶13' list exactly the body paragraphs that say 'Kursk'?"""
    ex = mx.get(ident)
    assert any(claim in o.why for o in ex.options)
    said = tuple(i + 1 for i, p in enumerate(mediakit.load_article().paragraphs) if "Kursk" in p.text)
    assert said == paragraphs


def test_trump_paragraphs_in_the_feedback_hold():
    """'Trump in ¶1, ¶8, ¶9 and ¶10' lists exactly the body paragraphs that name Trump."""
    ex = mx.get("headline-support-choose")
    assert any("Trump in ¶1, ¶8, ¶9 and ¶10" in o.why for o in ex.options)
    said = [i + 1 for i, p in enumerate(mediakit.load_article().paragraphs) if "Trump" in p.text]
    assert said == [1, 8, 9, 10]


def test_contested_namings_are_not_in_the_model_answers():
    """The solution notebooks' model answers flag no contested naming as loaded ("invasion",
    "Invading", "offensive" are explained in the keys as choices, not scored)."""
    from pathlib import Path

    src = (Path(__file__).resolve().parent.parent / "solutions" / "04_loaded_language_exercises.md").read_text(
        encoding="utf-8"
    )
    answers = re.findall(r"^answer = \[(.*)\]$", src, re.M)
    assert answers, "no list answers found in the lesson-4 solutions"
    for line in answers:
        assert not re.search(r'"(invasion|Invading|offensive)"', line), line
    for ident in ("loaded-spot-p3-4", "loaded-spot-p6-7"):
        ex = mx.get(ident)
        assert not {"invasion", "Invading", "offensive"} & {i.text for i in ex.items}


# -- lesson 6: judge the machine on the example article ------------------------------------
def _byo_judge():
    return load_key(keys.keys_dir() / "byo_judge.toml").get("byo-judge-classify")


def _byo_markup():
    ex = _byo_judge()
    return mediakit.load_article(ex.passage.text.strip()).markup()


def _marked(layer, label, start_of_text):
    return any(s.label == label and s.text.startswith(start_of_text) for s in _byo_markup().layer(layer))


@pytest.mark.parametrize(
    "phrase, layer, label, category",
    [
        # "error" rows: the lens marks it today, and the mark is wrong; if a lens is fixed the row fails
        # (then move the item to "correct" and rewrite its why)
        ("The Riverside public library will open on Sundays from 1 March", "claim", "unattributed_fact", "error"),
        ("A survey by the library last year found", "claim", "unattributed_fact", "error"),
        ("Two councillors, Tom Becker and Ana Silva, voted against the plan", "claim", "unattributed_fact", "correct"),
        ("Maria Lopez, the head librarian", "source", "named_person", "correct"),
        ("could", "hedge", "hedge", "correct"),
    ],
)
def test_byo_judge_premises_hold_on_the_current_markup(phrase, layer, label, category):
    """Does each item of the lesson-6 exercise name a mark the lenses really make on the example,
    with the category the key gives it?"""
    ex = _byo_judge()
    item = next(i for i in ex.items if i.text == phrase)
    assert item.category == category
    assert _marked(layer, label, phrase)
    # the example in the key is the article lesson 6 compares with
    from pathlib import Path

    byo = (Path(__file__).resolve().parent / "articles" / "byo_example.txt").read_text(encoding="utf-8")
    assert ex.passage.text.strip() == byo.strip()


@pytest.mark.parametrize(
    "answer, score",
    [
        ({"A survey by the library last year found": "error", "could": "correct"}, 2),
        ({"A survey by the library last year found": "correct", "could": "error"}, 0),  # mirrored
    ],
)
def test_byo_judge_scores(answer, score):
    assert _byo_judge().check(answer, save=False).score == score
