"""mediakit: read a news article critically, one lens at a time.

The small public vocabulary:

>>> import mediakit
>>> article = mediakit.load_article()            # the seed article
>>> markup = article.markup()                    # every lens, run once
>>> markup.layer("furniture")[0].text
'5 months ago'

``import mediakit`` stays light: pandas, matplotlib and ipywidgets are imported only
by the views and the exercise widgets, when they are first used; the public names
themselves (``load_article``, ``Markup``, ``exercise`` ...) are imported on first use.
"""

from __future__ import annotations

from .errors import AnswerError, AnswersFileError, ArticleError, KeyFileError, LexiconError, MediakitError

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Markup",
    "Span",
    "LAYERS",
    "load_article",
    "analyze",
    "exercises",
    "exercise",
    "export_answers",
    "MediakitError",
    "ArticleError",
    "LexiconError",
    "KeyFileError",
    "AnswerError",
    "AnswersFileError",
]

#: The public names that are imported on first use (PEP 562), so that ``import mediakit``
#: and ``mediakit analyze`` load neither the exercises nor anything they pull in:
#: name -> (module, attribute; ``None`` for the module itself).
_LAZY = {
    "Article": ("mediakit.article", "Article"),
    "load_article": ("mediakit.article", "load_article"),
    "Markup": ("mediakit.markup", "Markup"),
    "Span": ("mediakit.spans", "Span"),
    "LAYERS": ("mediakit.spans", "LAYERS"),
    "exercises": ("mediakit.exercises", None),
    "exercise": ("mediakit.exercises", "get"),
    "export_answers": ("mediakit.exercises.answers", "export_answers"),
}


def __getattr__(name: str):
    """Import a public name the first time it is used (``mediakit.exercise``, ``mediakit.Markup`` ...)."""
    try:
        module_name, attr = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module 'mediakit' has no attribute {name!r}") from None
    import importlib

    module = importlib.import_module(module_name)
    value = module if attr is None else getattr(module, attr)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__():
    return sorted(set(globals()) | set(_LAZY))


def analyze(source=None):
    """Load an article (see :func:`load_article`) and mark it up through every lens: a :class:`Markup`."""
    from .article import load_article

    return load_article(source).markup()
