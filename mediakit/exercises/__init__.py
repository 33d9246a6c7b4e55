"""Exercises with explained feedback: Spot, Classify, Match, Rewrite and Choose.

Each exercise is built from an answer key (``mediakit/keys/seed.toml`` for the seed
article, ``mediakit/keys/quiz.toml`` for the pre- and post-quiz)::

    import mediakit.exercises as mx
    mx.start("04_loaded_language_exercises", student="Sam")   # where answers are saved
    ex = mx.get("loaded-spot-p3-4")
    ex                                   # in a notebook: the widget
    print(ex.check(["daring"]))          # plain Python: the same feedback as text

``check`` never runs the answer as code. Importing this package does not import
ipywidgets: only showing a widget does.

>>> ex = get("loaded-spot-p3-4")
>>> print(ex.check(["daring", "offensive"], save=False).feedback_text.splitlines()[-2])
Score: 1/2
"""

from __future__ import annotations

from .answers import Session, current, export_answers, start, stop
from .base import Exercise, ItemFeedback, Result
from .keys import KeyFile, all_exercises, for_notebook, get, load_key, shipped

__all__ = [
    "get",
    "start",
    "stop",
    "current",
    "export_answers",
    "load_key",
    "shipped",
    "all_exercises",
    "for_notebook",
    "Exercise",
    "Result",
    "ItemFeedback",
    "KeyFile",
    "Session",
    "Spot",
    "Classify",
    "Match",
    "Rewrite",
    "Choose",
]


def __getattr__(name):
    if name in ("Spot", "Classify", "Match", "Rewrite", "Choose"):
        from .keys import kinds

        return kinds()[name.lower()]
    raise AttributeError(name)
