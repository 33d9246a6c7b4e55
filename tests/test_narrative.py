"""The lessons' text must not disagree with the markup.

Where a lesson's text names a finding ("the article uses "invasion" three times ...",
"the headline's support score is below 0.6"), a row of :data:`FINDINGS` ties the exact
phrase of the text to a check run on ``load_article().markup()``. If the text changes,
the phrase lookup fails and the row must be updated; if a lens changes, the check
fails and the text (in ``notebooks/NN_*.md``) must be updated, then rebuilt.

Each check is a function of a Markup that returns True or False, so the negative cases
below can run it on an article where the finding is false.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import nbformat
import pytest

import mediakit

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
BYO = ROOT / "tests" / "articles" / "byo_example.txt"
FILES = {
    "00": "00_start_here.ipynb", "01": "01_meet_the_article.ipynb", "02": "02_sourcing.ipynb",
    "03": "03_attribution_and_quotes.ipynb", "04": "04_loaded_language.ipynb",
    "05": "05_headline_vs_body.ipynb", "06": "06_bring_your_own_article.ipynb",
}


def squash(text: str) -> str:
    """Text with blockquote marks and runs of white space folded, for phrase lookup."""
    return " ".join(re.sub(r"(?m)^>\s?", "", text).split())


def notebook_text(number: str) -> str:
    nb = nbformat.read(str(NOTEBOOKS / FILES[number]), as_version=4)
    return squash("\n".join(c.source for c in nb.cells if c.cell_type == "markdown"))


# ---------------------------------------------------------------------------------------
# Helpers on a Markup
# ---------------------------------------------------------------------------------------
def texts(m, layer, label=None, **meta):
    return [s.text for s in m.layer(layer)
            if (label is None or s.label == label) and all(s.get(k) == v for k, v in meta.items())]


def span(m, layer, text):
    found = [s for s in m.layer(layer) if s.text.casefold() == text.casefold()]
    return found[0] if found else None


def inner(quote_text: str) -> str:
    return quote_text.strip("\"“”‘’'").strip(" ,.")


def paragraph_of(m, offset):
    a = m.article
    if a.headline and a.headline.start <= offset < a.headline.end:
        return 0
    i = a.paragraph_index(offset)
    return None if i is None else i + 1


def direct_quotes(m):
    return [s for s in m.layer("quote") if s.label == "direct"]


def speaker_of(m, q):
    sp = q.get("speaker")
    return m.article.text[sp[0]:sp[1]] if sp else ""


def word_count(m, word):
    return len(re.findall(rf"\b{re.escape(word)}\b", m.article.text))


def headline_term(m, start_of_term):
    rep = m.headline
    if rep is None:
        return None
    found = [t for t in rep.terms if t.text.casefold().startswith(start_of_term.casefold())]
    return found[0] if found else None


def support_of(headline: str, m) -> float:
    a = m.article
    body = a.text[a.paragraphs[0].start:]
    return mediakit.load_article(headline + "\n\n" + body).markup().headline.support


def inside_direct_quote(m, s):
    return any(q.start <= s.start and s.end <= q.end for q in direct_quotes(m))


# ---------------------------------------------------------------------------------------
# The checks: one function per finding, each True when the markup agrees with the text
# ---------------------------------------------------------------------------------------
def seed_words_about_460(m):
    return 430 <= len(m.article.text.split()) <= 490


def four_furniture_lines(m):
    return texts(m, "furniture") == ["5 months ago", "30", "SUBSCRIBE TO US!", "Loading comments..."]


def no_byline_date_outlet(m):
    return {"missing_byline", "missing_date", "missing_outlet"} <= set(m.labels("provenance"))


def no_link_to_relayed_ft(m):
    return "missing_link" in m.labels("provenance") and texts(m, "provenance", "relayed_report") == ["the Financial Times"]


def kiev_once_kyiv_three_times(m):
    return (word_count(m, "Kiev"), word_count(m, "Kyiv")) == (1, 3) and texts(m, "provenance", "spelling_variant") == ["Kiev"]


def nikolai_transliteration(m):
    return texts(m, "provenance", "transliteration") == ["Nikolai Beleskov"]


def curly_quotes_in_headline_and_p9(m):
    t = m.article.text
    places = {paragraph_of(m, i) for i, c in enumerate(t) if c in "“”"}
    return places == {0, 9} and "mixed_quotes" in m.labels("provenance")


def reports_space_full_stop(m):
    p1 = m.article.paragraphs[0].text
    return p1.endswith("reports .") and "reports ." in texts(m, "provenance")


NAMED = ("Zelensky", "Beleskov", "Putin", "Trump")


def four_people_named(m):
    names = [s.text for s in m.layer("source") if s.label == "named_person" and s.get("named") is not False]
    return names != [] and all(any(n in x for n in NAMED) for x in names) and all(any(n in x for x in names) for n in NAMED)


def only_beleskov_role_in_full(m):
    t = m.article.text
    full = [s.text for s in m.layer("source") if s.get("role") and len(t[slice(*s.get("role"))].split()) >= 3]
    return full == ["Nikolai Beleskov"]


def six_named_mentions(m):
    named = texts(m, "source", "named_person")
    return (len(named) == 6 and sum("Zelensky" in x or x == "The Ukrainian president" for x in named) == 2
            and sum("Putin" in x for x in named) == 2)


def claims_in_paragraphs_4_7_8_9_12(m):
    return sorted({paragraph_of(m, s.start) for s in m.layer("claim")}) == [4, 7, 8, 9, 12]


def two_organisations(m):
    return sorted(texts(m, "source", "named_organisation")) == ["Kyiv", "the Financial Times"]


VAGUE = ("Defense analysts", "Ukrainian soldiers", "several of his former officials and advisers",
         "Most Western capitals", "Ukrainian military officials and Western analysts")


def the_groups_are_vague(m):
    groups = [s.text for s in m.layer("source") if s.label in ("vague_group", "anonymous")]
    return all(g in groups for g in VAGUE)


def relays_ft_from_first_sentence(m):
    cue = span(m, "attribution_cue", "reports")
    first = m.article.sentences[0]
    return (cue is not None and first.start <= cue.start < first.end and cue.get("source") is not None
            and m.article.text[slice(*cue.get("source"))] == "the Financial Times")


def two_direct_quotes(m):
    q = direct_quotes(m)
    return len(q) == 2 and "Zelensky" in speaker_of(m, q[0]) and "Beleskov" in speaker_of(m, q[1])


def four_scare_quotes(m):
    scare = sorted(inner(s.text) for s in m.layer("quote") if s.label in ("scare", "term"))
    return scare == ["Trump peace", "bargain", "bargaining", "bargaining chip"]


def capitals_say_is_paraphrase(m):
    cue = span(m, "attribution_cue", "say")
    return (cue is not None and cue.get("quoted") is False
            and m.article.text[slice(*cue.get("source"))] == "Most Western capitals")


def cue_stance(*pairs):
    def check(m):
        return all(span(m, "attribution_cue", text) is not None and span(m, "attribution_cue", text).label == label
                   for text, label in pairs)
    check.__name__ = "cue_stance_" + "_".join(re.sub(r"\W+", "", t) for t, _ in pairs)
    return check


def claim_starting(prefix, *labels):
    def check(m):
        return any(s.text.startswith(prefix) and s.label in labels for s in m.layer("claim"))
    check.__name__ = "claim_" + re.sub(r"\W+", "_", prefix)
    return check


def rankings_are_judgements(m):
    judged = [s.text for s in m.layer("claim") if s.label == "unattributed_judgement"]
    return any("most compelling" in t for t in judged) and any("most dangerous" in t for t in judged)


def kiev_knows_cites_nobody(m):
    t = m.article.text
    k = t.index("Kiev knows")
    sentence = m.article.sentence_at(k)
    return (claim_starting("Kiev knows", "mind_reading")(m)
            and not any(sentence.start <= c.start < sentence.end for c in m.layer("attribution_cue")))


def loaded(text, label, voice):
    def check(m):
        s = span(m, "loaded", text)
        return s is not None and s.label == label and s.get("voice") == voice and not inside_direct_quote(m, s)
    check.__name__ = "loaded_" + re.sub(r"\W+", "_", text)
    return check


def seizing_headline_p1_seized(m):
    verbs = [(s.text, paragraph_of(m, s.start)) for s in m.layer("loaded") if s.label == "loaded_verb"]
    return ("seizing", 0) in verbs and ("seizing", 1) in verbs and any(t == "seized" for t, _ in verbs)


def invasion_three_invading_once(m):
    inv = [s for s in m.layer("loaded") if s.text.casefold() == "invasion"]
    ing = [s for s in m.layer("loaded") if s.text.casefold() == "invading"]
    return (len(inv), len(ing)) == (3, 1) and not any(inside_direct_quote(m, s) for s in inv + ing)


def superlatives(m):
    return {"most compelling", "most dangerous"} <= set(texts(m, "loaded", "superlative"))


def only_best_in_quotes(m):
    inside = [s for s in m.layer("loaded") if inside_direct_quote(m, s)]
    return [s.text for s in inside] == ["best"] and inside[0].get("voice") == "speaker"


def unfair_unstable_paraphrase(m):
    return all(span(m, "loaded", w) is not None and span(m, "loaded", w).get("voice") == "paraphrase"
               for w in ("unfair", "unstable"))


def rewrite_loses_even_and_dictator(m):
    original = ("Defense analysts, Ukrainian soldiers and even dictator Vladimir Putin have offered "
                "their own explanations for the operation.")
    rewrite = ("Defense analysts, Ukrainian soldiers and Russian President Vladimir Putin have offered "
               "their own explanations for the operation.")
    before = [s.text for s in mediakit.load_article(original).markup().layer("loaded")]
    after = [s.text for s in mediakit.load_article(rewrite).markup().layer("loaded")]
    return before == ["even", "dictator"] and after == []


def ukraine_prepares_attributed(m):
    t = headline_term(m, "Ukraine prepares")
    return t is not None and t.support == "attributed"


def kursk_region_stated(m):
    t = headline_term(m, "Kursk region")
    return t is not None and t.support == "stated"


def only_p1_bargain_with_trump(m):
    both = [s for s in m.article.sentences if "bargain" in s.text.casefold() and "Trump" in s.text]
    return len(both) == 1 and paragraph_of(m, both[0].start) == 1 and relays_ft_from_first_sentence(m)


def with_trump_changed_counterpart(m):
    t = headline_term(m, "with Trump")
    return (t is not None and "counterpart" in t.note and "negotiations with Moscow" in m.article.text
            and "future negotiations" in m.article.text)


def fts_claim_is_russian_lands(m):
    return "seizing Russian lands" in m.article.paragraphs[0].text


def body_mostly_offensive(m):
    body = m.article.text[m.article.paragraphs[0].start:]
    return len(re.findall(r"\b(offensive|operation)\b", body)) > len(re.findall(r"\bseiz", body))


def headline_leaves_out_buffer_zone(m):
    p3 = m.article.paragraphs[2].text
    return ("buffer zone" not in m.article.title and "buffer zone" in p3 and "named only one goal" in p3)


def support_below_0_6(m):
    return m.headline is not None and 0 < m.headline.support < 0.6


def rewrites_score_higher(m):
    original = support_of(m.article.title, m)
    return all(support_of(h, m) > original for h in (
        "Ukraine may use Kursk offensive in future talks, Financial Times reports",
        "Zelensky names a buffer zone as the goal of Ukraine's Kursk offensive"))


@functools.lru_cache(maxsize=None)
def _byo():
    return mediakit.load_article(BYO).markup()


def byo_no_writer_loaded(m):
    return not [s for s in _byo().layer("loaded") if s.get("voice") == "writer"]


def byo_quotes_one_named_person(m):
    b = _byo()
    q = direct_quotes(b)
    lopez = span(b, "source", "Maria Lopez")
    return len(q) == 1 and speaker_of(b, q[0]) == "Maria Lopez" and lopez is not None and lopez.get("role")


def byo_councillors_unattributed_fact(m):
    return any(s.text.startswith("Two councillors, Tom Becker and Ana Silva, voted against the plan.")
               and s.label == "unattributed_fact" for s in _byo().layer("claim"))


def byo_support_higher(m):
    return _byo().headline.support > m.headline.support


#: (lesson, the phrase exactly as the lesson's text has it, the check on the seed's markup)
FINDINGS = [
    ("00", "A short news item (about 460 words)", seed_words_about_460),
    ("01", 'mediakit finds four lines of page furniture in the captured page: "5 months ago", "30", '
           '"SUBSCRIBE TO US!" and "Loading comments..."', four_furniture_lines),
    ("01", "The article has no byline, no date and no outlet.", no_byline_date_outlet),
    ("01", "there is no link to the Financial Times piece it relays", no_link_to_relayed_ft),
    ("01", '"Kiev" appears once and "Kyiv" three times', kiev_once_kyiv_three_times),
    ("01", '"Nikolai Beleskov" is the Russian form of a Ukrainian researcher\'s name', nikolai_transliteration),
    ("01", "The headline and paragraph 9 use curly quotes", curly_quotes_in_headline_and_p9),
    ("01", 'The first paragraph ends "reports ." with a space before the full stop', reports_space_full_stop),
    ("02", "Four people are named: Zelensky, Beleskov, Putin and Trump.", four_people_named),
    ("02", "Only Beleskov's job is described in full", only_beleskov_role_in_full),
    ("02", 'Two organisations are named: the Financial Times, and "Kyiv" standing for Ukraine\'s government.',
     two_organisations),
    ("02", 'The other sources are groups: "Defense analysts", "Ukrainian soldiers", "several of his former '
           'officials and advisers", "Most Western capitals", "Ukrainian military officials and Western analysts".',
     the_groups_are_vague),
    ("02", 'The article relays the Financial Times from its first sentence', relays_ft_from_first_sentence),
    ("02", "six mentions of named people, because Zelensky is cited twice", six_named_mentions),
    ("03", "The article has two: Zelensky's", two_direct_quotes),
    ("03", 'A **scare quote** puts a word in quote marks with no speaker: “bargaining” in the headline, '
           '"bargain", "bargaining chip" and “Trump peace”.', four_scare_quotes),
    ("03", '"Most Western capitals say they want Kyiv to have the strongest bargaining position." You read '
           "the writer's summary", capitals_say_is_paraphrase),
    ("03", '| "says", "say", "reports", "named", "has voiced" | neutral |',
     cue_stance(("says", "neutral"), ("say", "neutral"), ("reports", "neutral"), ("named", "neutral"),
                ("has voiced", "neutral"))),
    ("03", '| "has boasted" (Trump) | loaded |', cue_stance(("has boasted", "loaded"))),
    ("03", '| "broke the silence", "indirectly confirmed" (Zelensky) | loaded |',
     cue_stance(("broke the silence", "loaded"), ("indirectly confirmed", "loaded"))),
    ("03", '| "have suggested" (former officials and advisers) | hedged |', cue_stance(("have suggested", "hedged"))),
    ("03", '| "are concerned", "worry" | emotional |', cue_stance(("are concerned", "emotion"), ("worry", "emotion"))),
    ("03", 'it keeps the enemy guessing." A judgement, with no source.',
     claim_starting("The ambiguity", "unattributed_judgement")),
    ("03", 'and "But it is also the most dangerous." Rankings, with no source.', rankings_are_judgements),
    ("03", '"Kiev knows" looks like attribution, but nobody is cited', kiev_knows_cites_nobody),
    ("03", "Five paragraphs (4, 7, 8, 9 and 12) hold sentences that cite nobody.", claims_in_paragraphs_4_7_8_9_12),
    ("04", '"dictator" is in the writer\'s own voice', loaded("dictator", "label", "writer")),
    ("04", '**Loaded adjective**: "daring" praises the offensive.', loaded("daring", "loaded_adjective", "writer")),
    ("04", '"seizing" (headline and paragraph 1) and "seized" stress force', seizing_headline_p1_seized),
    ("04", '"boasted" presents Trump\'s claim as self-praise', loaded("boasted", "loaded_verb", "writer")),
    ("04", 'the article uses "invasion" three times and "Invading" once for Ukraine\'s operation, never inside '
           "a direct quote", invasion_three_invading_once),
    ("04", "**\"the enemy\"**: the writer takes one side's point of view", loaded("the enemy", "label", "writer")),
    ("04", '**Superlatives**: "most compelling" and "most dangerous" rank with no evidence.', superlatives),
    ("04", '**Spelling**: "Kiev", the Russian-derived spelling', loaded("Kiev", "spelling", "writer")),
    ("04", 'an unfair and unstable peace". The word may be theirs or the writer\'s', unfair_unstable_paraphrase),
    ("04", 'the only loaded word there is "best" in Beleskov\'s quote, and it is marked as the speaker\'s',
     only_best_in_quotes),
    ("04", 'The lens finds "even" and "dictator" in the original and nothing in the rewrite.',
     rewrite_loses_even_and_dictator),
    ("05", '"Ukraine prepares" is attributed only', ukraine_prepares_attributed),
    ("05", 'Only the first paragraph, which relays the Financial Times, puts "bargain" and Trump in the same '
           "sentence.", only_p1_bargain_with_trump),
    ("05", 'Elsewhere the body talks of "any negotiations with Moscow" and "future negotiations"',
     with_trump_changed_counterpart),
    ("05", '"Kursk region" is stated in the body', kursk_region_stated),
    ("05", 'is about "seizing Russian lands" in general', fts_claim_is_russian_lands),
    ("05", 'the body mostly says "offensive" and "operation"', body_mostly_offensive),
    ("05", "The headline leaves out the one goal Zelensky names: a buffer zone", headline_leaves_out_buffer_zone),
    ("05", "The headline's support score is below 0.6", support_below_0_6),
    ("05", "Both rewrites score higher than the original.", rewrites_score_higher),
    ("06", "the example has no loaded words in the writer's voice", byo_no_writer_loaded),
    ("06", "it quotes one named person directly (the head librarian, with her role)", byo_quotes_one_named_person),
    ("06", "its headline support score is higher than the seed's", byo_support_higher),
    ("06", 'Its claim layer marks "Two councillors, Tom Becker and Ana Silva, voted against the plan." as a fact '
           "with no source.", byo_councillors_unattributed_fact),
]


@pytest.fixture(scope="module")
def seed():
    return mediakit.load_article().markup()


@pytest.mark.parametrize("number, phrase, check", FINDINGS,
                         ids=[f"{n}-{c.__name__}" for n, _, c in FINDINGS])
def test_the_text_names_the_finding(number, phrase, check):
    """Does the lesson's text still say this finding, word for word?"""
    assert squash(phrase) in notebook_text(number)


@pytest.mark.parametrize("number, phrase, check", FINDINGS,
                         ids=[f"{n}-{c.__name__}" for n, _, c in FINDINGS])
def test_the_markup_agrees_with_the_text(number, phrase, check, seed):
    """Does mediakit's markup of the seed agree with what the lesson says?"""
    assert check(seed), f"lesson {number} says: {phrase}"


# ---------------------------------------------------------------------------------------
# Negative cases: each check can fail
# ---------------------------------------------------------------------------------------
COUNTER = {
    "quoted label": 'A historian on the war\n\n"The dictator Vladimir Putin has offered his own '
                    'explanations," says Ana Silva, a historian.\n\nThe council met on Tuesday.',
    "example": None,                                # tests/articles/byo_example.txt
    "one spelling": "Kyiv talks resume\n\nOfficials met in Kyiv on Monday, the Financial Times reports.\n\n"
                    "Kyiv said the talks would go on, according to Anna Berg, a spokeswoman.",
}

NEGATIVE = [
    ("quoted label", loaded("dictator", "label", "writer")),
    ("example", four_furniture_lines),
    ("example", no_link_to_relayed_ft),
    ("example", two_direct_quotes),
    ("example", four_scare_quotes),
    ("example", four_people_named),
    ("example", invasion_three_invading_once),
    ("example", support_below_0_6),
    ("example", rankings_are_judgements),
    ("example", six_named_mentions),
    ("example", claims_in_paragraphs_4_7_8_9_12),
    ("example", cue_stance(("has boasted", "loaded"))),
    ("one spelling", kiev_once_kyiv_three_times),
    ("quoted label", relays_ft_from_first_sentence),
    ("one spelling", loaded("Kiev", "spelling", "writer")),
]


@pytest.mark.parametrize("article, check", NEGATIVE, ids=[f"{a}-{c.__name__}" for a, c in NEGATIVE])
def test_a_check_fails_where_the_finding_is_false(article, check):
    """Does each check say False on an article where the seed's finding does not hold?"""
    src = BYO if COUNTER[article] is None else COUNTER[article]
    assert not check(mediakit.load_article(src).markup())


@pytest.mark.parametrize("phrase", ["the article cites twelve named sources", "The headline is fully supported"])
def test_a_phrase_the_lessons_do_not_say_is_not_found(phrase):
    """Does the phrase lookup fail for words no lesson says (so a stale row cannot pass)?"""
    assert not any(squash(phrase) in notebook_text(n) for n in FILES)
