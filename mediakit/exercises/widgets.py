"""The exercise widgets (ipywidgets 8; no front-end build step). Imported only to show a widget.

Every widget has the same frame: the explicit question and its pattern, the
kind's inputs, and the buttons **Check**, **Hint**, **Try again** and **Reset**, a
score line and a feedback area. The Check button only gathers the answer from the
inputs and calls :meth:`Exercise.check`; a bad answer's
:class:`~mediakit.errors.AnswerError` message is shown as the feedback. All inputs
are standard ipywidgets controls, so Tab moves between them and Space or Enter
presses a button; right and wrong are shown with symbols and words, not colour
alone. When the cell runs again, the saved answer and its feedback come back.

Unit tests drive the model without a browser::

    w = get("loaded-spot-p3-4").widget()
    w.set_answer(["daring"]); w.check_button.click(); w.feedback.value
"""

from __future__ import annotations

import html
import re

import ipywidgets as W

from ..errors import AnswerError
from . import answers
from .base import fmt_score

_CHUNK = re.compile(r"\S+")
_WORDCH = re.compile(r"\w+(?:[-'\u2019]\w+)*")


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def feedback_html(text: str) -> str:
    """The feedback text as HTML: one escaped line per item, announced to screen readers."""
    lines = "".join(
        f"<li>{_esc(line)}</li>" for line in text.splitlines() if line.strip() and not line.startswith("Score: ")
    )  # the score line is shown once, above
    return (
        f'<div class="mediakit-feedback" role="status" aria-live="polite">'
        f'<ul style="list-style:none;padding-left:0">{lines}</ul></div>'
    )


class ExerciseWidget(W.VBox):
    """The frame shared by every kind. Subclasses build ``inputs`` and map answers to and from them."""

    def __init__(self, exercise):
        self.exercise = exercise
        self.feedback_text = ""
        self.title = W.HTML(f"<h4>{_esc(exercise.title or exercise.id)}</h4>")
        # The notebook's text states the question above the widget: shown once, not repeated here.
        self.question = W.HTML("")
        self.check_button = W.Button(
            description="Check", icon="check", button_style="primary", tooltip="Check your answer and see why"
        )
        self.hint_button = W.Button(description="Hint", icon="lightbulb-o", tooltip="Show the next hint")
        self.again_button = W.Button(
            description="Try again", icon="repeat", tooltip="Hide the feedback and change your answer", disabled=True
        )
        self.reset_button = W.Button(description="Reset", icon="undo", tooltip="Clear your answer")
        self.hint_area = W.HTML("")
        self.score = W.HTML("")
        self.feedback = W.HTML("")
        self.notes = W.HTML("")
        self.hints_shown = 0
        self.check_button.on_click(lambda _: self.on_check())
        self.hint_button.on_click(lambda _: self.on_hint())
        self.again_button.on_click(lambda _: self.on_try_again())
        self.reset_button.on_click(lambda _: self.on_reset())
        self.inputs = self.build_inputs()
        buttons = W.HBox([self.check_button, self.hint_button, self.again_button, self.reset_button])
        super().__init__(
            [self.title, self.question, self.inputs, buttons, self.hint_area, self.score, self.feedback, self.notes]
        )
        self.restore()

    # -- kind-specific -----------------------------------------------------------------
    def build_inputs(self):
        raise NotImplementedError

    def get_answer(self):
        raise NotImplementedError

    def set_answer(self, answer) -> None:
        raise NotImplementedError

    def clear_inputs(self) -> None:
        self.set_answer(self.exercise.empty_answer())

    # -- actions -------------------------------------------------------------------------
    def show_result(self, result) -> None:
        self.feedback_text = str(result)
        self.feedback.value = feedback_html(self.feedback_text)
        mark = "✓ Full marks" if result.full_marks else "Score"
        self.score.value = f"<b>{mark}: {fmt_score(result.score)}/{fmt_score(result.max_score)}</b>"
        self.again_button.disabled = False

    def show_message(self, message: str) -> None:
        self.feedback_text = f"! {message}"
        self.feedback.value = feedback_html(self.feedback_text)
        self.score.value = ""

    def on_check(self) -> None:
        try:
            answer = self.get_answer()
            result = self.exercise.check(answer)
        except AnswerError as e:
            self.show_message(str(e))
            return
        if result.answered and _is_empty(self.exercise, answer):
            self._set_saved()  # an empty answer kept the saved one: show it in the inputs too
        self.show_result(result)
        self.show_notes()

    def on_hint(self) -> None:
        self.hints_shown = min(self.hints_shown + 1, max(1, len(self.exercise.hints)))
        self.hint_area.value = f"<p>{_esc(self.exercise.hint(self.hints_shown))}</p>"

    def on_try_again(self) -> None:
        self.feedback.value = ""
        self.feedback_text = ""
        self.score.value = ""
        self.again_button.disabled = True

    def on_reset(self) -> None:
        self.clear_inputs()
        self.on_try_again()
        self.hints_shown = 0
        self.hint_area.value = ""

    def show_notes(self) -> None:
        notes = answers.drain()
        if answers.current() is None:
            notes.append("Your answers are not being saved: run the first cell of this notebook (mx.start(...)).")
        self.notes.value = "".join(f"<p>Note: {_esc(n)}</p>" for n in notes)

    def _set_saved(self) -> None:
        try:
            self.set_answer(self.exercise.saved_answer())
        except Exception:  # noqa: BLE001 - keep the inputs as they are
            pass

    def restore(self) -> None:
        """Show the saved answer and its feedback (when the cell runs again)."""
        saved = self.exercise.saved_answer()
        if saved is not None:
            try:
                self.set_answer(saved)
                result = self.exercise.check(saved, save=False)
            except Exception:  # noqa: BLE001 - a forged or outdated saved answer: start empty
                self.clear_inputs()
            else:
                if result.answered:
                    self.show_result(result)
        self.show_notes()


def _is_empty(exercise, answer) -> bool:
    try:
        return bool(exercise.is_empty(exercise.normalise(answer)))
    except Exception:  # noqa: BLE001
        return False


class SpotWidget(ExerciseWidget):
    """One toggle button per word of the passage; a flagged word gets a check icon and 'flagged'."""

    def build_inputs(self):
        ex = self.exercise
        text = ex.passage.text
        self.toggles = []  # (button, (start, end) of its word part)
        rows = []
        pos = 0
        for line in text.split("\n"):
            items = []
            for m in _CHUNK.finditer(line):
                chunk = m.group(0)
                w = _WORDCH.search(chunk)
                if w is None:
                    items.append(W.Label(chunk))
                    continue
                start = pos + m.start() + w.start()
                end = pos + m.start() + _last_word_end(chunk)
                b = W.ToggleButton(
                    value=False, description=chunk, tooltip=f"flag '{chunk}'", layout=W.Layout(width="auto")
                )
                b.observe(self._on_toggle, names="value")
                self.toggles.append((b, (start, end)))
                items.append(b)
            if items:
                rows.append(W.Box(items, layout=W.Layout(flex_flow="row wrap")))
            pos += len(line) + 1
        self.flagged = W.HTML("<p>Flagged: (nothing yet)</p>")
        from .spot import rule

        return W.VBox(
            [
                W.HTML(
                    f"<p>Click the words to flag them (Tab to move, Space to flag) in "
                    f"{_esc(ex.passage.label)}. {_esc(rule(ex.penalty))}</p>"
                ),
                *rows,
                self.flagged,
            ]
        )

    def _on_toggle(self, change) -> None:
        b = change["owner"]
        b.icon = "check" if b.value else ""
        b.button_style = "warning" if b.value else ""
        b.tooltip = ("flagged: " if b.value else "flag ") + f"'{b.description}'"
        words = [self.exercise.passage.text[s:e] for b2, (s, e) in self.toggles if b2.value]
        self.flagged.value = "<p>Flagged: " + (_esc(", ".join(words)) if words else "(nothing yet)") + "</p>"

    def get_answer(self):
        return [[s, e] for b, (s, e) in self.toggles if b.value]

    def set_answer(self, answer) -> None:
        spans = []
        for entry in answer or []:
            if isinstance(entry, str):
                spans.extend(self.exercise.passage.find_all(entry))
            elif isinstance(entry, (list, tuple)) and len(entry) == 2:
                spans.append(tuple(entry))
        for b, (s, e) in self.toggles:
            b.value = any(s < se and ss < e for ss, se in spans)

    def toggle(self, word: str, occurrence: int = 1) -> None:
        """Flag a word the way a click does (for tests and demos)."""
        hits = [b for b, (s, e) in self.toggles if self.exercise.passage.text[s:e] == word]
        if len(hits) < occurrence:
            raise ValueError(f"'{word}' is not a button of this passage")
        hits[occurrence - 1].value = not hits[occurrence - 1].value


def _last_word_end(chunk: str) -> int:
    ends = [m.end() for m in _WORDCH.finditer(chunk)]
    return ends[-1]


class ClassifyWidget(ExerciseWidget):
    """One drop-down per item."""

    def build_inputs(self):
        ex = self.exercise
        self.dropdowns = {}
        rows = []
        for it in ex.items:
            d = W.Dropdown(
                options=[("choose…", "")] + [(c, c) for c in ex.categories],
                value="",
                description="",
                layout=W.Layout(width="12em"),
            )
            self.dropdowns[it.id] = d
            rows.append(W.HBox([d, W.HTML(f"<span>{_esc(it.text)}</span>")]))
        return W.VBox(rows)

    def get_answer(self):
        return {i: d.value for i, d in self.dropdowns.items() if d.value}

    def set_answer(self, answer) -> None:
        answer = answer or {}
        if isinstance(answer, (list, tuple)):
            answer = {it.id: v for it, v in zip(self.exercise.items, answer)}
        for i, d in self.dropdowns.items():
            v = answer.get(i, "")
            d.value = v if v in self.exercise.categories else ""


class MatchWidget(ExerciseWidget):
    """The body sentences, lettered; one drop-down per headline claim."""

    def build_inputs(self):
        ex = self.exercise
        listing = "".join(f"<li><b>{_esc(o.id)}</b>: {_esc(o.text)}</li>" for o in ex.options[:-1])
        opts = [("choose…", "")] + [(o.id, o.id) for o in ex.options[:-1]] + [("none: not in the body", "none")]
        self.dropdowns = {}
        rows = []
        for c in ex.claims:
            d = W.Dropdown(options=opts, value="", layout=W.Layout(width="14em"))
            self.dropdowns[c.id] = d
            rows.append(W.HBox([W.HTML(f"<span>Headline: <b>{_esc(c.text)}</b> is backed by </span>"), d]))
        return W.VBox([W.HTML(f"<ul style='list-style:none'>{listing}</ul>"), *rows])

    def get_answer(self):
        return {i: d.value for i, d in self.dropdowns.items() if d.value}

    def set_answer(self, answer) -> None:
        answer = answer or {}
        ids = self.exercise.option_ids()
        for i, d in self.dropdowns.items():
            v = answer.get(i, "")
            d.value = v if v in ids else ""


class ChooseWidget(ExerciseWidget):
    """Radio buttons (one answer) or check boxes (several)."""

    def build_inputs(self):
        ex = self.exercise
        if ex.multiple:
            self.boxes = {
                o.id: W.Checkbox(
                    value=False, description=f"{o.id}) {o.text}", indent=False, layout=W.Layout(width="auto")
                )
                for o in ex.options
            }
            return W.VBox(list(self.boxes.values()))
        self.radio = W.RadioButtons(
            options=[(f"{o.id}) {o.text}", o.id) for o in ex.options], value=None, layout=W.Layout(width="auto")
        )
        return self.radio

    def get_answer(self):
        if self.exercise.multiple:
            return [i for i, b in self.boxes.items() if b.value]
        return self.radio.value or ""

    def set_answer(self, answer) -> None:
        if self.exercise.multiple:
            chosen = [answer] if isinstance(answer, str) else list(answer or [])
            for i, b in self.boxes.items():
                b.value = i in chosen
        else:
            ids = [o.id for o in self.exercise.options]
            self.radio.value = answer if answer in ids else None


class RewriteWidget(ExerciseWidget):
    """A text box; the checklist comes back from the lenses."""

    def build_inputs(self):
        ex = self.exercise
        self.text = W.Textarea(
            value="", placeholder=f"Write your {ex.target} here", layout=W.Layout(width="100%", height="4em")
        )
        return W.VBox([W.HTML(f"<p>The original {ex.target}: <q>{_esc(ex.original)}</q></p>"), self.text])

    def get_answer(self):
        return self.text.value

    def set_answer(self, answer) -> None:
        self.text.value = answer if isinstance(answer, str) else ""


WIDGETS = {
    "spot": SpotWidget,
    "classify": ClassifyWidget,
    "match": MatchWidget,
    "choose": ChooseWidget,
    "rewrite": RewriteWidget,
}


def build(exercise) -> ExerciseWidget:
    """The widget for one exercise."""
    return WIDGETS[exercise.kind](exercise)
