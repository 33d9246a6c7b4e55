"""Rewrite: write a neutral headline or sentence; mediakit's own lenses read it back to you.

The answer is your text, as a string. The feedback is a checklist, not a verdict:
each check the key asks for is *done* or *not yet*, with the reason, and the score is
the number of checks done. The checks:

- ``no_loaded``: no loaded words in your own voice (the loaded lens);
- ``no_scare_quotes``: no word set in scare quotes (the quote and loaded lenses);
- ``no_certainty``: no words of certainty such as "knows" or "makes sense" (the hedge lens);
- ``supported``: every term of your headline is in the body (the headline lens, run
  with your headline over the article's body: no term is ``absent``);
- ``attributed``: what the body only reports from a source, your headline says is
  reported (it names the source or uses a reporting word);
- ``length``: between ``min_words`` and ``max_words`` words;
- ``mentions``: it keeps the key facts (each ``must_mention`` group: one of its words).

For a headline, the article is rebuilt as ``load_article(your_headline + "\\n\\n" +
body)``; for a sentence, your sentence replaces the original one in the article, so
the lenses read it in its context. Your text is only read, never run as code.

Not handled: meaning. The lenses cannot tell whether your headline says something
true that the body does not say in the same words, nor judge style: read the
checklist as questions to ask yourself.

>>> from mediakit.exercises import get
>>> ex = get("headline-rewrite")
>>> ex.checks[:2]
('no_loaded', 'no_scare_quotes')
"""

from __future__ import annotations

import re

from ..errors import AnswerError, ArticleError
from .base import Exercise, ItemFeedback, Result, expect_text, expect_type

CHECKS = {
    "no_loaded": "No loaded words in your own voice",
    "no_scare_quotes": "No scare quotes",
    "no_certainty": "No words of certainty the body does not back",
    "supported": "Every part of it is in the body",
    "attributed": "It says who reports what only a source claims",
    "length": "A good length",
    "mentions": "It keeps the key facts",
}

#: Longest headline and sentence accepted (characters).
MAX_HEADLINE = 300
MAX_SENTENCE = 1000
_WORD = re.compile(r"\w+(?:[-'\u2019]\w+)*")


class Rewrite(Exercise):
    """Free text, read back through the lenses as a checklist."""

    kind = "rewrite"
    default_pattern = "notebook as an app"
    fields = ("target", "checks", "min_words", "max_words", "must_mention", "attribution_words")

    def __init__(self, spec, context):
        super().__init__(spec, context)
        self.target = spec.get("target", str)
        if self.target not in ("headline", "sentence"):
            raise spec.error(f'target should be "headline" or "sentence", not {self.target!r}.')
        default = {"headline": True} if self.target == "headline" else None
        self.passage = context.passage(spec, spec.get("passage", dict, default))
        if self.passage.article is None:
            raise spec.error('a rewrite exercise needs the article (key article = "seed").')
        checks = spec.get("checks", list, nonempty=True)
        for c in checks:
            if c not in CHECKS:
                raise spec.error(f"the check '{c}' is unknown; use some of: {', '.join(CHECKS)}.")
            if c in ("supported", "attributed") and self.target != "headline":
                raise spec.error(f"the check '{c}' works only for a headline.")
        self.checks = tuple(checks)
        self.min_words = spec.get("min_words", int, 3)
        self.max_words = spec.get("max_words", int, 14 if self.target == "headline" else 40)
        if not 0 < self.min_words <= self.max_words:
            raise spec.error("min_words and max_words should satisfy 0 < min_words <= max_words.")
        self.must_mention = []
        for n, row in enumerate(spec.get("must_mention", list, []), start=1):
            rs = spec.sub(row, f"must_mention number {n}", ("any", "why"))
            words = rs.get("any", list, nonempty=True)
            if not all(isinstance(w, str) and w.strip() for w in words):
                raise rs.error("'any' should list words in quotes.")
            self.must_mention.append((tuple(words), rs.get("why", str, nonempty=True)))
        if "mentions" in self.checks and not self.must_mention:
            raise spec.error("the check 'mentions' needs at least one [[exercise.must_mention]].")
        self.attribution_words = tuple(
            spec.get("attribution_words", list, ["report", "reports", "says", "say", "according", "claims"])
        )

    @property
    def original(self) -> str:
        return self.passage.text

    @property
    def max_score(self) -> float:
        return float(len(self.checks))

    def empty_answer(self):
        return ""

    def empty_message(self) -> str:
        return f"You have not written your {self.target} yet. Write it between the quotes."

    def all_items_missing(self):
        return tuple(ItemFeedback(CHECKS[c], "unmet", 0.0) for c in self.checks)

    def normalise(self, answer):
        expect_type(answer, str, f"your {self.target} as text in quotes", '"Ukraine ..."')
        limit = MAX_HEADLINE if self.target == "headline" else MAX_SENTENCE
        text = expect_text(answer, f"Your {self.target}", limit)
        if "\n" in text or "\r" in text:
            raise AnswerError(f"Write your {self.target} on one line (it has a line break).")
        return text

    # -- reading the student's text through the lenses ------------------------------
    def read_back(self, text: str):
        """``(article, start, end)``: the article with the student's text in it, and where it lies."""
        from ..article import load_article

        a = self.passage.article
        if self.target == "headline":
            try:
                new = load_article(text + "\n\n" + a.body, name="your headline")
            except ArticleError as e:  # pragma: no cover - the body is never empty
                raise AnswerError(str(e)) from None
            h = new.headline
            if h is None or h.text != text:
                return new, None, None
            return new, h.start, h.end
        s = self.passage.start
        new_text = a.text[:s] + text + a.text[s + len(self.passage.text) :]
        new = load_article(new_text, name="your sentence")
        return new, s, s + len(text)

    def score(self, text) -> Result:
        article, start, end = self.read_back(text)
        markup = article.markup()
        inside = [] if start is None else [sp for sp in markup.spans if start <= sp.start and sp.end <= end]
        items, total = [], 0.0
        for c in self.checks:
            ok, why = getattr(self, f"_check_{c}")(text, inside, markup, start)
            items.append(ItemFeedback(CHECKS[c], "met" if ok else "unmet", 1.0 if ok else 0.0, why))
            total += ok
        head = f"Checklist for your {self.target} (a checklist, not a verdict: read each line as a question):"
        return Result(total, self.max_score, tuple(items), exercise_id=self.id, message=head)

    def _check_no_loaded(self, text, inside, markup, start):
        # A word inside a direct quote is the speaker's; a paraphrase ("..., FT reports") is still worded by
        # the student, so its judging words count as the student's own.
        found = [
            sp
            for sp in inside
            if sp.layer == "loaded"
            and sp.label not in ("scare_quote", "contested_naming")
            and not (
                sp.get("voice") == "speaker"
                or (sp.get("voice") == "quoted" and sp.get("quote_kind", "direct") == "direct")
            )
        ]
        if not found:
            return True, "the loaded lens finds no judging words in your own voice."
        parts = []
        for sp in found:
            p = f"'{sp.text}' ({sp.label.replace('_', ' ')})"
            if sp.alternative:
                p += f", try: {sp.alternative}"
            parts.append(p)
        return False, "the loaded lens flags " + "; ".join(parts) + "."

    def _check_no_scare_quotes(self, text, inside, markup, start):
        found = [
            sp
            for sp in inside
            if (sp.layer == "quote" and sp.label == "scare") or (sp.layer == "loaded" and sp.label == "scare_quote")
        ]
        if not found:
            return True, "no word is set apart in quotes without a speaker."
        words = sorted({sp.text for sp in found})
        verb = "is" if len(words) == 1 else "are"
        return False, (
            ", ".join(words) + f" {verb} in quotes with no speaker: quotes like these hint that the word "
            "is doubtful. Say who used the word, or use a plain word without quotes."
        )

    def _check_no_certainty(self, text, inside, markup, start):
        found = [sp.text for sp in inside if sp.layer == "hedge" and sp.label == "certainty"]
        if not found:
            return True, "no word claims more certainty than the body has."
        return False, f"{', '.join(found)} claims certainty: does the body back it?"

    def _check_supported(self, text, inside, markup, start):
        if start is None:
            return False, "the kit could not read this as a headline: write one line with no full stop at the end."
        report = markup.headline
        names = _source_names(self.passage.article)
        absent = [
            t.text
            for t in (report.terms if report else ())
            if t.support == "absent" and not _names_a_source(t.text, names)
        ]
        if absent:
            return False, "the body does not say: " + ", ".join(f"'{t}'" for t in absent) + "."
        return True, "the headline lens finds every part of it in the body."

    def _check_attributed(self, text, inside, markup, start):
        if start is None:
            return False, "the kit could not read this as a headline: write one line with no full stop at the end."
        report = markup.headline
        needs = [t.text for t in (report.terms if report else ()) if t.support == "attributed"]
        if not needs:
            return True, "nothing in it rests only on what a source claims."
        has_cue = any(sp.layer in ("attribution_cue", "source") for sp in inside)
        words = _words(text)
        cues = [w.casefold() for w in self.attribution_words]
        if (
            has_cue
            or words & set(cues)
            or any(_has_phrase(text, c) for c in cues if " " in c)
            or _names_a_source(text, _source_names(markup.article, _evidence(markup)), anywhere=True)
        ):
            return True, "it says that this is reported, so the reader knows who claims it."
        return False, (
            "the body only reports "
            + ", ".join(f"'{t}'" for t in needs)
            + " from a source: say who reports it (e.g. 'FT: ...' or '..., report says')."
        )

    def _check_length(self, text, inside, markup, start):
        n = len(_WORD.findall(text))
        if n < self.min_words:
            return False, f"{n} word(s): too short to say what happened (aim for {self.min_words} to {self.max_words})."
        if n > self.max_words:
            return False, f"{n} words: too long for a {self.target} (aim for {self.min_words} to {self.max_words})."
        return True, f"{n} words."

    def _check_mentions(self, text, inside, markup, start):
        words = _words(text)
        missing = [
            why
            for group, why in self.must_mention
            if not any((g.casefold() in words) if " " not in g else _has_phrase(text, g) for g in group)
        ]
        if missing:
            return False, " ".join(missing)
        return True, "every fact the key asks for is there."


def _words(text: str) -> set[str]:
    """The words of a text, case-folded, each also without a possessive 's.

    >>> sorted(_words("Ukraine's FT reports"))
    ['ft', 'reports', 'ukraine', "ukraine's"]
    """
    out = set()
    for w in _WORD.findall(text):
        w = w.casefold().replace("\u2019", "'")
        out.add(w)
        if w.endswith("'s"):
            out.add(w[:-2])
    return out


def _has_phrase(text: str, phrase: str) -> bool:
    """Whether ``phrase`` occurs in ``text`` as whole words (case, quotes and spaces ignored).

    >>> _has_phrase("Russia's president said", "Russia's President"), _has_phrase("Prussia", "Russia")
    (True, False)
    """
    parts = phrase.casefold().replace("\u2019", "'").split()
    if not parts:
        return False
    pattern = r"(?<!\w)" + r"\s+".join(re.escape(p) for p in parts) + r"(?!\w)"
    return re.search(pattern, text.casefold().replace("\u2019", "'")) is not None


def _evidence(markup) -> list[tuple[int, int]]:
    """Where the body backs the headline's ``attributed`` terms (the headline lens's evidence),
    and the reports the article relays (the provenance lens)."""
    report = markup.headline
    out = [ev for t in (report.terms if report else ()) if t.support == "attributed" for ev in t.evidence]
    return out + [(sp.start, sp.end) for sp in markup.layer("provenance") if sp.label == "relayed_report"]


def _source_names(article, within=None) -> set[str]:
    """The names of the sources the article names (the source lens), with their initials.

    A student who writes "FT" for "the Financial Times" names the same source. With
    ``within`` (a list of ``(start, end)`` offsets), only the sources named there.

    >>> from mediakit import load_article
    >>> a = load_article("Rain expected\\n\\nIt will rain on Monday, the Financial Times reports.")
    >>> sorted(_source_names(a))
    ['financial times', 'ft']
    """
    out: set[str] = set()
    if article is None:
        return out
    for sp in article.markup().layer("source"):
        if not sp.label.startswith("named"):
            continue
        if within is not None and not any(s <= sp.start and sp.end <= e for s, e in within):
            continue
        name = re.sub(r"^(?:the)\s+", "", sp.text.strip(), flags=re.IGNORECASE)
        out.add(name.casefold())
        parts = [p for p in name.split() if p[:1].isalpha()]
        if len(parts) >= 2 and all(p[0].isupper() for p in parts):
            out.add("".join(p[0] for p in parts).casefold())
    return out


def _names_a_source(text: str, names: set[str], anywhere: bool = False) -> bool:
    """Whether ``text`` is (or, with ``anywhere``, contains) one of the source ``names``.

    >>> _names_a_source("FT", {"ft"}), _names_a_source("Trump", {"ft"}), _names_a_source("FT: X", {"ft"}, True)
    (True, False, True)
    """
    if anywhere:
        return any(_has_phrase(text, n) for n in names)
    return text.strip(" \"'“”‘’:,").casefold() in names
