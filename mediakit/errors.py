"""Every error mediakit raises on purpose.

All of them derive from :class:`MediakitError`, which is a ``ValueError``, so that
``except ValueError`` in a student's own code still catches them. The messages are
written for a student: they say what went wrong and what to do about it.
"""


class MediakitError(ValueError):
    """Base class of every error that mediakit raises on purpose."""


class ArticleError(MediakitError):
    """The article could not be loaded (empty, binary, missing file, too large)."""


class LexiconError(MediakitError):
    """A word list in ``mediakit/lexicons`` is malformed."""


class KeyFileError(MediakitError):
    """An exercise answer key is malformed; the message names the file and the entry."""


class AnswerError(MediakitError):
    """A student's answer has the wrong shape (unknown option, wrong type, too long)."""


class AnswersFileError(MediakitError):
    """A saved answers file could not be read; it has been kept aside, not overwritten."""
