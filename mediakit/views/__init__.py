"""Views: everything that draws a :class:`~mediakit.markup.Markup` for people.

* :mod:`mediakit.views.html` -- the highlighted article (notebook fragment or standalone page);
* :mod:`mediakit.views.tables` -- pandas DataFrames of the spans and per-lens summaries;
* :mod:`mediakit.views.charts` -- one matplotlib chart per lens;
* :mod:`mediakit.views.palette` -- the Okabe–Ito colours, line styles and badges they share.

Importing this package imports neither pandas nor matplotlib: each view imports what
it needs when it is first called.
"""


def as_markup(obj):
    """The Markup to draw: a Markup as it is, an Article marked up through every lens.

    >>> import mediakit
    >>> as_markup(mediakit.load_article()).counts()["furniture"]
    4
    >>> as_markup("some text")
    Traceback (most recent call last):
    ...
    mediakit.errors.MediakitError: The views draw a Markup (article.markup()) or an Article (load_article(...)), not str.
    """
    from ..errors import MediakitError

    if hasattr(obj, "spans") and hasattr(obj, "article"):
        return obj
    if hasattr(obj, "markup") and hasattr(obj, "paragraphs"):
        return obj.markup()
    raise MediakitError(
        f"The views draw a Markup (article.markup()) or an Article (load_article(...)), not {type(obj).__name__}."
    )
