"""Choose: multiple choice, with an explanation for every option.

The answer is the letter of the option you choose (``"b"``), or a list of letters when
the question says to choose all that apply (``["a", "c"]``). One right option scores
1. With several right options, each right choice scores 1, each wrong choice costs 1,
and the score never drops below 0. The feedback explains every option you chose;
once you have full marks it also explains the options you did not choose.

>>> from mediakit.exercises import get
>>> ex = get("meet-missing-choose")
>>> [o.id for o in ex.options][:2]
['a', 'b']
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import AnswerError
from .base import Exercise, ItemFeedback, Result, expect_text, expect_type


@dataclass(frozen=True)
class ChoiceOption:
    id: str
    text: str
    why: str
    correct: bool


class Choose(Exercise):
    """Multiple choice with an explanation for every option."""

    kind = "choose"
    default_pattern = "multiple choice"
    fields = ("options", "answer", "multiple")

    def __init__(self, spec, context):
        super().__init__(spec, context)
        self.multiple = bool(spec.get("multiple", bool, False))
        rows = spec.get("options", list, nonempty=True)
        if len(rows) < 2:
            raise spec.error("a multiple-choice question needs at least two options.")
        ans = spec.get("answer", (str, list))
        ans = [ans] if isinstance(ans, str) else ans
        if not ans:
            raise spec.error("the answer is empty.")
        if not self.multiple and len(ans) != 1:
            raise spec.error("the answer lists several options; set multiple = true to allow that.")
        options, ids = [], []
        for n, row in enumerate(rows, start=1):
            rs = spec.sub(row, f"option number {n}", ("id", "text", "why"))
            oid = rs.get("id", str, nonempty=True)
            if oid in ids:
                raise spec.error(f"the option id '{oid}' is used twice.")
            ids.append(oid)
            options.append(
                ChoiceOption(oid, rs.get("text", str, nonempty=True), rs.get("why", str, nonempty=True), oid in ans)
            )
        for a in ans:
            if a not in ids:
                raise spec.error(f"the correct option '{a}' is not among the options ({', '.join(ids)}).")
        self.options = tuple(options)

    @property
    def correct(self) -> tuple[str, ...]:
        return tuple(o.id for o in self.options if o.correct)

    @property
    def max_score(self) -> float:
        return float(len(self.correct))

    def empty_answer(self):
        return [] if self.multiple else ""

    def empty_message(self) -> str:
        what = "one or more options" if self.multiple else "an option"
        return f'You have not chosen {what} yet. Write the letter, for example "{self.options[0].id}".'

    def all_items_missing(self):
        return tuple(ItemFeedback(o.id, "miss", 0.0) for o in self.options if o.correct)

    def option_for(self, value) -> str:
        v = expect_text(value, "The letter of your choice", 100).casefold().rstrip(")").strip()
        for o in self.options:
            if v in (o.id.casefold(), o.text.casefold()):
                return o.id
        raise AnswerError(
            f"'{value}' is not one of the options. Choose one of: {', '.join(o.id for o in self.options)}."
        )

    def normalise(self, answer):
        if self.multiple:
            expect_type(answer, (list, tuple, str), "a list of the letters you choose", '["a", "c"]')
            values = [answer] if isinstance(answer, str) else list(answer)
            if isinstance(answer, str) and not answer.strip():
                return []
            if len(values) > len(self.options):
                raise AnswerError(f"You chose {len(values)} options, but there are only {len(self.options)}.")
            out = []
            for v in values:
                oid = self.option_for(v)
                if oid not in out:
                    out.append(oid)
            return [o.id for o in self.options if o.id in out]
        if isinstance(answer, (list, tuple)) and len(answer) == 1:
            answer = answer[0]
        if isinstance(answer, (list, tuple)) and len(answer) > 1:
            raise AnswerError('Choose one option only: write its letter in quotes, like "b".')
        expect_type(answer, (str, list, tuple), "the letter of your choice in quotes", '"b"')
        if isinstance(answer, (list, tuple)) or not answer.strip():
            return ""
        return self.option_for(answer)

    def score(self, answer) -> Result:
        chosen = answer if isinstance(answer, list) else [answer]
        items, total = [], 0.0
        for o in self.options:
            label = f"{o.id}) {o.text}"
            if o.id in chosen and o.correct:
                items.append(ItemFeedback(label, "correct", 1.0, o.why))
                total += 1
            elif o.id in chosen:
                cost = 1.0 if self.multiple else 0.0
                items.append(ItemFeedback(label, "wrong", -cost, o.why))
                total -= cost
            elif o.correct and self.multiple:
                items.append(ItemFeedback(label, "miss", 0.0, "there is another right option: look again."))
        result = Result(max(0.0, total), self.max_score, tuple(items), exercise_id=self.id)
        if result.full_marks:
            others = [f"  {o.id}) {o.text} — {o.why}" for o in self.options if o.id not in chosen]
            if others:
                text = result.feedback_text + "\nWhy not the others:\n" + "\n".join(others)
                result = Result(result.score, result.max_score, result.items, text, self.id)
        return result
