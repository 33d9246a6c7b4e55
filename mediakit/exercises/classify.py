"""Classify: give each item a category (sources named/vague/anonymous, cue verbs neutral/loaded/...).

The answer is a dictionary from each item (its id or its text as the key writes it)
to a category: ``{"Nikolai Beleskov": "named", "Defense analysts": "vague"}``. Each
item scores 1 when its category is the key's (or one the key also ``accept``s),
0 otherwise; an item left out scores 0 and is reported as not answered. A category
that does not exist, or an item that is not in the exercise, is refused with a
message listing the choices.

Not handled: an item may have only one category per answer (no "both").

>>> from mediakit.exercises import get
>>> ex = get("cue-stance-classify")
>>> ex.categories[:2]
('neutral', 'loaded')
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import AnswerError
from .base import MAX_ENTRIES, Exercise, ItemFeedback, Result, expect_text, expect_type, slug


@dataclass(frozen=True)
class ClassifyItem:
    id: str
    text: str
    start: int  # offsets into the passage
    end: int
    category: str
    accept: tuple
    why: str


class Classify(Exercise):
    """Pick a category for each item from a fixed list."""

    kind = "classify"
    default_pattern = "fill in the blanks"
    fields = ("categories", "items", "markup_labels")

    def __init__(self, spec, context):
        super().__init__(spec, context)
        self.passage = context.passage(spec, spec.get("passage", dict, None))
        cats = spec.get("categories", list, nonempty=True)
        if not all(isinstance(c, str) and c == c.strip().lower() and c for c in cats):
            raise spec.error('categories should be lower-case words, like ["named", "vague"].')
        if len(set(cats)) != len(cats):
            raise spec.error("a category is listed twice.")
        self.categories = tuple(cats)
        ml = spec.get("markup_labels", dict, {})
        self.markup_labels = {}
        for cat, labels in ml.items():
            if cat not in self.categories:
                raise spec.error(f"markup_labels names the category '{cat}', which is not among the categories.")
            for lab in [labels] if isinstance(labels, str) else labels:
                self.markup_labels[lab] = cat
        items = []
        for n, row in enumerate(spec.get("items", list, nonempty=True), start=1):
            rs = spec.sub(row, f"item number {n}", ("id", "text", "occurrence", "category", "accept", "why"))
            text = rs.get("text", str, nonempty=True)
            occ = rs.get("occurrence", int, 1)
            where = self.passage.locate(text, occ)
            if where is None:
                raise spec.error(f"the item '{text}' is not in the passage.")
            cat = rs.get("category", str)
            accept = tuple(rs.get("accept", list, []))
            for c in (cat,) + accept:
                if c not in self.categories:
                    raise spec.error(
                        f"the item '{text}' has the category '{c}', which is not among the "
                        f"categories ({', '.join(self.categories)})."
                    )
            items.append(
                ClassifyItem(
                    rs.get("id", str, slug(text)),
                    text,
                    where[0],
                    where[1],
                    cat,
                    accept,
                    rs.get("why", str, nonempty=True),
                )
            )
        ids = [i.id for i in items]
        dup = sorted({i for i in ids if ids.count(i) > 1})
        if dup:
            raise spec.error(f"the item id(s) {', '.join(dup)} are used twice.")
        self.items = tuple(items)

    @property
    def max_score(self) -> float:
        return float(len(self.items))

    def empty_answer(self):
        return {}

    def empty_message(self) -> str:
        return f"You have not classified anything yet. Give each item one of: {', '.join(self.categories)}."

    def all_items_missing(self):
        return tuple(ItemFeedback(i.text, "wrong", 0.0) for i in self.items)

    def item_for(self, key: str) -> ClassifyItem:
        k = key.strip().casefold()
        for it in self.items:
            if k in (it.id.casefold(), it.text.casefold()):
                return it
        raise AnswerError(
            f"'{key}' is not one of the items to classify. The items are: "
            + ", ".join(f'"{i.text}"' for i in self.items)
            + "."
        )

    def normalise(self, answer):
        expect_type(
            answer,
            (dict, list, tuple),
            "a dictionary from each item to its category",
            '{"' + self.items[0].text + '": "' + self.categories[0] + '"}',
        )
        if len(answer) > MAX_ENTRIES:
            raise AnswerError(f"Your answer has {len(answer)} entries; there are only {len(self.items)} items.")
        if isinstance(answer, (list, tuple)):
            if answer and len(answer) != len(self.items):
                raise AnswerError(
                    f"A list answer needs one category per item, in order: {len(self.items)} "
                    f"categories, not {len(answer)}. Or use a dictionary."
                )
            answer = {it.id: v for it, v in zip(self.items, answer)}
        out = {}
        for key, value in answer.items():
            if not isinstance(key, str):
                raise AnswerError(f"Each item should be written as text in quotes; {key!r} is not.")
            it = self.item_for(key)
            if value is None or value == "":
                continue
            cat = expect_text(value, f'The category for "{it.text}"', 100).lower()
            if cat not in self.categories:
                raise AnswerError(f"'{value}' is not a category here. Choose one of: {', '.join(self.categories)}.")
            if it.id in out and out[it.id] != cat:
                raise AnswerError(f'"{it.text}" is given two different categories. Give it one.')
            out[it.id] = cat
        return {it.id: out[it.id] for it in self.items if it.id in out}

    def score(self, answer) -> Result:
        items, total = [], 0.0
        for it in self.items:
            given = answer.get(it.id)
            if given is None:
                items.append(ItemFeedback(it.text, "wrong", 0.0, "not answered yet."))
            elif given == it.category or given in it.accept:
                items.append(ItemFeedback(it.text, "correct", 1.0, it.why, given=given))
                total += 1
            else:
                items.append(ItemFeedback(it.text, "wrong", 0.0, it.why, given=given))
        return Result(total, self.max_score, tuple(items), exercise_id=self.id)

    # -- agreement with the lenses -----------------------------------------------------
    def disagreements(self) -> list[str]:
        """How the key and the markup differ (empty when they agree)."""
        a = self.passage.article
        if not self.layer or a is None:
            return []
        spans = a.markup().layer(self.layer)
        out = []
        for it in self.items:
            s, e = self.passage.start + it.start, self.passage.start + it.end
            best = max(
                (sp for sp in spans if sp.start < e and s < sp.end),
                key=lambda sp: min(e, sp.end) - max(s, sp.start),
                default=None,
            )
            if best is None:
                out.append(f"the key classifies '{it.text}' but the {self.layer} lens does not mark it")
                continue
            cat = self.markup_labels.get(best.label, best.label)
            if cat != it.category and cat not in it.accept:
                out.append(f"the key says '{it.text}' is {it.category}; the {self.layer} lens says {best.label}")
        return out
