"""A small ipywidgets front for quiz mode (:mod:`mediakit.exercises.quiz`).

The widgets only gather answers: one set of option buttons per question and one
**Submit the quiz** button. They show no score, hint or explanation before the
submission; the button calls the same plain function as the code path
(:meth:`Quiz.hand_in`) and prints its feedback, so what a student reads after
submitting is the text the solution notebooks print (and nbval compares).

Not handled: changing an answer after submission (the first submission is the one
recorded, so the buttons are locked once it is made).

ipywidgets is imported here only, never by ``import mediakit``.
"""

from __future__ import annotations

from .quiz import Quiz


def quiz_widget(quiz: Quiz):
    """The widget for one student's quiz: the questions, their options and a Submit button."""
    import ipywidgets as w

    rows, pickers = [], {}
    for n, ex in enumerate(quiz.items, start=1):
        saved = quiz.answers().get(ex.id)
        picker = w.RadioButtons(
            options=[(f"{o.id}) {o.text}", o.id) for o in ex.options],
            value=saved if saved in {o.id for o in ex.options} else None,
            layout=w.Layout(width="auto"),
        )
        pickers[ex.id] = picker
        rows.append(w.HTML(f"<b>{n}.</b> {_escape(ex.question)}"))
        rows.append(picker)
    status = w.HTML("Answers are saved as you pick them. Feedback comes after you submit the whole quiz.")
    button = w.Button(description="Submit the quiz", button_style="primary")
    out = w.Output()

    def on_pick(change, item_id):
        if change["new"] is not None:
            quiz.answer(item_id, change["new"])

    for item_id, picker in pickers.items():
        picker.observe(lambda change, i=item_id: on_pick(change, i), names="value")

    def on_submit(_):
        text = quiz.hand_in()
        out.clear_output()
        with out:
            print(text)
        if not text.startswith("Nothing submitted"):
            button.disabled = True
            for picker in pickers.values():
                picker.disabled = True
            status.value = "Submitted: your first submission is the one recorded."

    button.on_click(on_submit)
    return w.VBox([w.HTML(f"<b>{_escape(quiz.show().splitlines()[0])}</b>"), *rows, status, button, out])


def _escape(text: str) -> str:
    import html

    return html.escape(text, quote=True)
