"""Small helpers shared by the lens tests (imported as a plain module, like browserkit)."""


def text_at(article, pair):
    """The article's text between the offsets of a ``(start, end)`` pair, or ``None``."""
    return article.text[pair[0] : pair[1]] if pair else None


def cue_table(text):
    """``(cue, source, content)`` texts of every attribution cue in ``text``, in order."""
    from mediakit import load_article
    from mediakit.lenses import run

    a = load_article(text)
    return [
        (c.text, text_at(a, c.get("source")), text_at(a, c.get("content")))
        for c in run(a, ["attribution_cue"])["attribution_cue"]
    ]
