"""Views: everything that draws a :class:`~mediakit.markup.Markup` for people.

* :mod:`mediakit.views.html` -- the highlighted article (notebook fragment or standalone page);
* :mod:`mediakit.views.tables` -- pandas DataFrames of the spans and per-lens summaries;
* :mod:`mediakit.views.charts` -- one matplotlib chart per lens;
* :mod:`mediakit.views.palette` -- the Okabe–Ito colours, line styles and badges they share.

Importing this package imports neither pandas nor matplotlib: each view imports what
it needs when it is first called.
"""
