"""Small helpers shared by the lens tests (imported as a plain module, like browserkit)."""


def text_at(article, pair):
    """The article's text between the offsets of a ``(start, end)`` pair, or ``None``."""
    return article.text[pair[0] : pair[1]] if pair else None
