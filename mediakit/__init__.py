"""mediakit: read a news article critically, one lens at a time.

The small public vocabulary:

>>> import mediakit
>>> article = mediakit.load_article()            # the seed article
>>> markup = article.markup()                    # every lens, run once
>>> markup.layer("furniture")[0].text
'5 months ago'

``import mediakit`` stays light: pandas, matplotlib and ipywidgets are imported only
by the views and the exercise widgets, when they are first used.
"""

from __future__ import annotations

from .article import Article, load_article
from .errors import (AnswerError, AnswersFileError, ArticleError, KeyFileError, LexiconError,
                     MediakitError)
from .markup import Markup
from .spans import LAYERS, Span
from . import exercises
from .exercises import get as exercise
from .exercises.answers import export_answers

__version__ = "0.1.0"

__all__ = [
    "Article", "Markup", "Span", "LAYERS", "load_article", "analyze",
    "exercises", "exercise", "export_answers",
    "MediakitError", "ArticleError", "LexiconError", "KeyFileError", "AnswerError", "AnswersFileError",
]


def analyze(source=None) -> Markup:
    """Load an article (see :func:`load_article`) and mark it up through every lens."""
    return load_article(source).markup()
