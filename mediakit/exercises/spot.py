"""Spot: flag the words or phrases of a passage that do something (judge, hedge, clutter the page).

The answer is a list of the words or short phrases you flag, as they are written in
the passage (``["daring", "the enemy"]``), or of ``[start, end]`` character offsets
into the passage (what the widget sends).

The scoring rule (the feedback states it too, see :data:`RULE`): each key item is a
*hit* (+1) when each of its words is flagged (by one flag or by several), *partly
right* (+0.5) when only some of its words are, and a *miss* otherwise; each flag that
covers no key item is *not in the key* and takes off the key's ``false_alarm_penalty``
(0.25 unless set), so that flagging every word does not pay but one extra flag costs
less than a found word earns. The score never drops below 0. Items the key lists as
``optional`` cost nothing either way. A mostly right attempt (one hit, one partly
right, two extra flags) scores 1.5 - 0.5 = 1 out of 3. Every line of feedback gives a
reason, a flag that is not in the key too: which lens marks it as something else, or
that no lens marks it here.

Explanations come from the kit's own lenses when the exercise names a ``layer``
(the lexicon's explanation and neutral alternative), else from the key's ``why``.

Not handled: a flag longer than six words (flag words and short phrases, not whole
sentences) and a word that is not in the passage are refused with a clear message.

>>> from mediakit.exercises import get
>>> ex = get("furniture-spot")
>>> r = ex.check(["5 months ago", "30", "SUBSCRIBE TO US!"], save=False)
>>> r.score, r.max_score
(3.0, 3.0)
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import AnswerError
from ..segment import words
from .base import MAX_ENTRIES, Exercise, ItemFeedback, Result, expect_text, expect_type

#: A flag may cover at most this many words.
MAX_FLAG_WORDS = 6
#: What one flag that is not in the key costs, unless the key sets ``false_alarm_penalty``.
DEFAULT_PENALTY = 0.25


def rule(penalty: float = DEFAULT_PENALTY) -> str:
    """The scoring rule in one sentence, as the feedback states it.

    >>> rule()
    'How this is scored: 1 point for each word of the key you flag, 1/2 if you flag only part of it, minus 0.25 for each flag that is not in the key (never below 0).'
    """
    from .base import fmt_score

    return (
        "How this is scored: 1 point for each word of the key you flag, 1/2 if you flag only part of it, "
        f"minus {fmt_score(penalty)} for each flag that is not in the key (never below 0)."
    )


RULE = rule()


@dataclass(frozen=True)
class SpotItem:
    text: str
    start: int  # offsets into the passage
    end: int
    why: str = ""


class Spot(Exercise):
    """Click (or list) the words of a passage that the key expects, with feedback per item."""

    kind = "spot"
    default_pattern = "target practice"
    fields = ("items", "optional", "distractors", "false_alarm_penalty", "target")

    def __init__(self, spec, context):
        super().__init__(spec, context)
        self.passage = context.passage(spec, spec.get("passage", dict, None))
        self.target = spec.get("target", str, "what this exercise asks for")
        self.penalty = float(spec.get("false_alarm_penalty", (int, float), DEFAULT_PENALTY))
        if not 0 <= self.penalty <= 1:
            raise spec.error("false_alarm_penalty should be between 0 and 1.")
        self.items = self._items(spec, "items", required=True)
        self.optional = self._items(spec, "optional")
        self.distractors = self._items(spec, "distractors")
        seen = {}
        for it in self.items + self.optional:
            if (it.start, it.end) in seen:
                raise spec.error(f"the answer '{it.text}' is listed twice.")
            seen[(it.start, it.end)] = it
        for it in self.distractors:
            if any(_overlap((it.start, it.end), (k.start, k.end)) for k in self.items):
                raise spec.error(f"the distractor '{it.text}' overlaps an answer.")

    def _items(self, spec, field, required=False) -> tuple[SpotItem, ...]:
        rows = spec.get(field, list, ... if required else [], nonempty=required)
        out = []
        for n, row in enumerate(rows, start=1):
            rs = spec.sub(row, f"{field} number {n}", ("text", "occurrence", "why"))
            text = rs.get("text", str, nonempty=True)
            occurrence = rs.get("occurrence", int, 1)
            where = self.passage.locate(text, occurrence)
            if where is None:
                what = "answer" if field == "items" else field.rstrip("s")
                extra = f" (occurrence {occurrence})" if occurrence != 1 else ""
                raise spec.error(f"the {what} '{text}'{extra} is not in the passage.")
            why = rs.get("why", str, "" if field == "optional" else ...)
            out.append(SpotItem(self.passage.text[where[0] : where[1]], where[0], where[1], why))
        return tuple(sorted(out, key=lambda i: i.start))

    @property
    def max_score(self) -> float:
        return float(len(self.items))

    def empty_answer(self):
        return []

    def empty_message(self) -> str:
        return f"You have not flagged anything yet. Flag {self.target} in {self.passage.label}."

    def all_items_missing(self):
        return tuple(ItemFeedback(i.text, "miss", 0.0) for i in self.items)

    # -- answers -------------------------------------------------------------------
    def normalise(self, answer):
        expect_type(answer, (list, tuple), "a list of the words you flag", '["daring"]')
        if len(answer) > MAX_ENTRIES:
            raise AnswerError(f"Your list has {len(answer)} entries; flag at most {MAX_ENTRIES}.")
        out = []
        for entry in answer:
            if isinstance(entry, str):
                value = expect_text(entry, "A flagged word", 200)
                if not value:
                    raise AnswerError('Your list holds an empty string "": remove it or write the word.')
            elif (
                isinstance(entry, (list, tuple))
                and len(entry) == 2
                and all(isinstance(x, int) and not isinstance(x, bool) for x in entry)
            ):
                s, e = entry
                if not 0 <= s < e <= len(self.passage.text):
                    raise AnswerError(
                        f"The offsets {list(entry)} fall outside the passage (0 to {len(self.passage.text)})."
                    )
                value = [s, e]
            else:
                raise AnswerError(f'Each flag should be a word in quotes, like "daring"; {entry!r} is not.')
            if value not in out:
                out.append(value)
        return out

    def spans_of(self, entry) -> list[tuple[int, int]]:
        """Where one flag lies in the passage (a word may occur more than once)."""
        if isinstance(entry, list):
            spans = [tuple(entry)]
        else:
            spans = self.passage.find_all(entry)
            if not spans:
                raise AnswerError(
                    f"'{entry}' is not in {self.passage.label}. Copy the word exactly as it is written there."
                )
        s, e = spans[0]
        if len(self.passage.text[s:e].split()) > MAX_FLAG_WORDS:
            raise AnswerError(
                f"'{self.passage.text[s:e][:40]}...' is too long to flag: flag single words or short "
                f"phrases (at most {MAX_FLAG_WORDS} words)."
            )
        return spans

    def score(self, answer) -> Result:
        flags = [(entry, self.spans_of(entry)) for entry in answer]
        spans = [sp for _, sps in flags for sp in sps]
        lines: list[tuple[int, ItemFeedback]] = []
        total = 0.0
        for it in self.items:
            # An item is found when each of its words is flagged (one flag "the enemy", or two).
            parts = [(w.start, w.end) for w in words(self.passage.text, it.start, it.end)] or [(it.start, it.end)]
            covered = [any(_overlap(sp, p) for sp in spans) for p in parts]
            why = self.explain(it)
            if all(covered):
                lines.append((it.start, ItemFeedback(it.text, "hit", 1.0, why)))
                total += 1
            elif any(covered):
                lines.append((it.start, ItemFeedback(it.text, "partial", 0.5, f"you flagged only part of it. {why}")))
                total += 0.5
            else:
                lines.append((it.start, ItemFeedback(it.text, "miss", 0.0, why)))
        for entry, spans in flags:
            if any(_overlap(sp, (k.start, k.end)) for sp in spans for k in self.items):
                continue
            opt = next((k for sp in spans for k in self.optional if _overlap(sp, (k.start, k.end))), None)
            s, e = spans[0]
            text = self.passage.text[s:e]
            if opt is not None:
                why = "Optional: no point either way. " + (self.explain(opt) or "")
                lines.append((s, ItemFeedback(text, "hit", 0.0, why.strip())))
                continue
            dis = next((k for sp in spans for k in self.distractors if _overlap(sp, (k.start, k.end))), None)
            why = dis.why if dis else self.why_not(s, e)
            lines.append((s, ItemFeedback(text, "false_alarm", -self.penalty, why)))
            total -= self.penalty
        lines.sort(key=lambda x: x[0])
        return Result(
            max(0.0, total), self.max_score, tuple(i for _, i in lines), exercise_id=self.id, rule=rule(self.penalty)
        )

    def why_not(self, s: int, e: int) -> str:
        """Why a flag at passage offsets ``s..e`` is not in the key: what the lenses say about it."""
        base = f"Not counted as {self.target}"
        a = self.passage.article
        if a is None:
            return base + ": the key does not list it. Compare it with the words the key lists."
        from ..views.palette import STYLE, pretty

        gs, ge = self.passage.start + s, self.passage.start + e
        found = [sp for sp in a.markup().spans if sp.start < ge and gs < sp.end and sp.end > sp.start]
        own = [sp for sp in found if sp.layer == self.layer] if self.layer else []
        for sp in own:
            voice = sp.get("voice")
            speaker = sp.get("speaker")
            who = ""
            if voice in ("quoted", "speaker"):
                who = " inside a quote, so it is the speaker's word, not the writer's"
                t = a.text[speaker[0] : speaker[1]] if isinstance(speaker, (list, tuple)) and len(speaker) == 2 else ""
                if t:
                    who = f" inside a quote, so it is {t}'s word, not the writer's"
            if sp.label == "contested_naming":
                return (
                    f"{base}: '{sp.text}' is a naming choice between usual terms, not a judgement. "
                    + (sp.explanation or "")
                ).strip()
            return f"{base}: the lens marks '{sp.text}' as {pretty(sp.label)}{who}."
        other = [sp for sp in found if sp.layer not in (self.layer, "claim", "headline")]
        if other:
            sp = other[0]
            name = STYLE[sp.layer].name.lower() if sp.layer in STYLE else sp.layer
            return f"{base}: it belongs to another layer ({name}: {pretty(sp.label)})."
        return (
            f"{base}: no lens marks it here. Read its sentence again: does it describe, "
            "or does it do what the question asks?"
        )

    # -- explanations ----------------------------------------------------------------
    def explain(self, item: SpotItem) -> str:
        """The lens's explanation (and neutral alternative) for an item, else the key's ``why``."""
        span = self.markup_span(item)
        if span is not None and span.explanation:
            text = span.explanation.rstrip()
            alt = span.alternative.strip()
            if alt:
                text += f" A neutral alternative: {alt}" + ("" if alt[-1] in ".!?" else ".")
            return text
        return item.why

    def markup_span(self, item: SpotItem):
        """The span of this exercise's layer that marks the item (quote marks aside), if the lens found it."""
        a = self.passage.article
        if not self.layer or a is None:
            return None
        s, e = self.passage.start + item.start, self.passage.start + item.end
        quotes = "\"'“”‘’«»"
        for span in a.markup().layer(self.layer):
            if span.start == s and span.end == e:
                return span
            if span.overlaps(s, e) and span.text.strip(quotes).casefold() == item.text.casefold():
                return span  # the lens marks the phrase with its quote marks
        return None

    # -- agreement with the lenses -----------------------------------------------------
    def markup_spans(self):
        """The spans the lens marks in the passage (filtered by the key's ``where``/``labels``)."""
        a = self.passage.article
        out = []
        for span in a.markup().layer(self.layer):
            if not (self.passage.start <= span.start and span.end <= self.passage.end):
                continue
            if self.labels and span.label not in self.labels:
                continue
            if any(span.get(k) != v for k, v in self.where.items()):
                continue
            out.append(span)
        return out

    def disagreements(self) -> list[str]:
        """How the key and the markup differ (empty when they agree)."""
        if not self.layer or self.passage.article is None:
            return []
        found = [(s.start - self.passage.start, s.end - self.passage.start, s.text) for s in self.markup_spans()]
        out = []
        for it in self.items:
            if not any(_overlap((s, e), (it.start, it.end)) for s, e, _ in found):
                out.append(f"the key expects '{it.text}' but the {self.layer} lens does not mark it")
        for s, e, text in found:
            if not any(_overlap((s, e), (k.start, k.end)) for k in self.items + self.optional):
                out.append(f"the {self.layer} lens marks '{text}' but the key does not list it")
        return out


def _overlap(a, b) -> bool:
    return a[0] < b[1] and b[0] < a[1]
