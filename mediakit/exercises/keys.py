"""Answer keys: TOML files, one per article, validated when loaded.

A key file (``mediakit/keys/seed.toml``, ``mediakit/keys/quiz.toml``) starts with a
``[key]`` table (``article = "seed"`` for the shipped article, or ``"own"`` when
every exercise brings its own short ``passage = { text = "..." }``) and lists
exercises as ``[[exercise]]`` tables with an ``id``, a ``kind`` (spot, classify,
match, rewrite, choose), a ``question`` and the kind's own fields.

Where an exercise's items lie in the article is given by ``passage``:

- ``{ paragraphs = [3, 4] }``: body paragraphs 3 to 4 (counting from 1);
- ``{ headline = true }``: the headline;
- ``{ top = 1 }``: from the first character to the end of body paragraph 1
  (headline and page furniture included);
- ``{ sentence = [6, 1] }``: sentence 1 of body paragraph 6;
- ``{ text = "..." }``: a passage written in the key itself;
- no ``passage``: the whole body.

A broken key raises :class:`~mediakit.errors.KeyFileError` naming the file and the
entry, for example ``seed.toml, exercise 'loaded-spot-p3': the answer 'daring' is
not in the passage.``

>>> ex = get("loaded-spot-p3-4")
>>> ex.kind, ex.passage.text[:28]
('spot', 'The Ukrainian president name')
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

from ..errors import KeyFileError, MediakitError
from ..segment import normalize
from .base import Exercise, Spec

#: The key files shipped with mediakit, searched in this order by :func:`get` (the issue-13
#: exercises: objectives, lateral reading, "when the machine is wrong", wired into the
#: exercise notebooks 02 to 05).
SHIPPED = ("seed", "quiz", "objectives", "lateral", "machine_wrong")


def keys_dir() -> Path:
    """The folder of the key files shipped with mediakit."""
    return Path(str(resources.files("mediakit") / "keys"))


@dataclass(frozen=True)
class Passage:
    """A stretch of text an exercise works on: its ``text`` and where it starts in the article."""

    text: str
    start: int = 0
    article: object = None
    label: str = ""

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    def find_all(self, phrase: str) -> list[tuple[int, int]]:
        """Every place the phrase occurs, as ``(start, end)`` offsets into the passage.

        Matching ignores case, curly/straight quotes and the amount of white space,
        and respects word edges ("war" is not found in "warn").
        """
        p = normalize(phrase.strip())
        if not p:
            return []
        pattern = r"\s+".join(re.escape(part) for part in p.split())
        if p[0].isalnum() or p[0] == "_":
            pattern = r"(?<!\w)" + pattern
        if p[-1].isalnum() or p[-1] == "_":
            pattern += r"(?!\w)"
        return [(m.start(), m.end()) for m in re.finditer(pattern, normalize(self.text))]

    def locate(self, phrase: str, occurrence: int = 1) -> tuple[int, int] | None:
        """The ``occurrence``-th place (from 1) the phrase occurs, or ``None``."""
        found = self.find_all(phrase)
        return found[occurrence - 1] if 0 < occurrence <= len(found) else None


class KeyContext:
    """What the exercises of one key file share: the file's name and the article."""

    def __init__(self, name: str, article_kind: str, article=None):
        self.name = name
        self.article_kind = article_kind
        self._article = article

    @property
    def article(self):
        if self._article is None and self.article_kind == "seed":
            from ..article import load_article

            self._article = load_article()
        return self._article

    def passage(self, spec: Spec, value) -> Passage:
        """Resolve a ``passage`` field (see the module docstring)."""
        if value is None:
            a = self.article
            if a is None:
                raise spec.error('this key has no article, so the exercise needs passage = { text = "..." }.')
            first, last = a.paragraphs[0], a.paragraphs[-1]
            return Passage(a.text[first.start : last.end], first.start, a, "the body")
        ps = spec.sub(value, "passage", ("text", "headline", "top", "sentence", "paragraphs"))
        if "text" in ps.data:
            return Passage(ps.get("text", str, nonempty=True), 0, None, "the passage")
        a = self.article
        if a is None:
            raise spec.error('this key has no article, so the passage must be given as { text = "..." }.')
        n = len(a.paragraphs)
        if ps.data.get("headline"):
            if a.headline is None:
                raise spec.error("the article has no headline.")
            h = a.headline
            return Passage(h.text, h.start, a, "the headline")
        if "top" in ps.data:
            last = _para(ps, ps.get("top", int), n)
            return Passage(a.text[: a.paragraphs[last].end], 0, a, "the top of the article")
        if "sentence" in ps.data:
            pair = ps.get("sentence", list)
            if len(pair) != 2 or not all(isinstance(x, int) and not isinstance(x, bool) for x in pair):
                raise ps.error("sentence should be [paragraph, sentence], both counted from 1.")
            p = _para(ps, pair[0], n)
            sents = a.sentences_in(p)
            if not 1 <= pair[1] <= len(sents):
                raise ps.error(f"paragraph {pair[0]} has {len(sents)} sentence(s), not {pair[1]}.")
            s = sents[pair[1] - 1]
            return Passage(s.text, s.start, a, f"sentence {pair[1]} of paragraph {pair[0]}")
        if "paragraphs" in ps.data:
            pair = ps.get("paragraphs", list)
            if len(pair) not in (1, 2) or not all(isinstance(x, int) and not isinstance(x, bool) for x in pair):
                raise ps.error("paragraphs should be [first, last], counted from 1.")
            first, last = _para(ps, pair[0], n), _para(ps, pair[-1], n)
            if last < first:
                raise ps.error("paragraphs should be [first, last] with first <= last.")
            p0, p1 = a.paragraphs[first], a.paragraphs[last]
            label = f"paragraph {pair[0]}" if first == last else f"paragraphs {pair[0]} to {pair[-1]}"
            return Passage(a.text[p0.start : p1.end], p0.start, a, label)
        raise ps.error("use one of: paragraphs, headline, top, sentence, text.")


def _para(spec: Spec, number, n: int) -> int:
    if not isinstance(number, int) or isinstance(number, bool) or not 1 <= number <= n:
        raise spec.error(f"there is no body paragraph {number!r}; the article has paragraphs 1 to {n}.")
    return number - 1


def kinds() -> dict[str, type]:
    """The exercise kinds by name."""
    from .choose import Choose
    from .classify import Classify
    from .match import Match
    from .rewrite import Rewrite
    from .spot import Spot

    return {"spot": Spot, "classify": Classify, "match": Match, "rewrite": Rewrite, "choose": Choose}


@dataclass(frozen=True)
class KeyFile:
    """A loaded, validated key file."""

    name: str
    path: str
    article: str
    title: str
    exercises: tuple

    def __iter__(self):
        return iter(self.exercises)

    def __len__(self) -> int:
        return len(self.exercises)

    def ids(self) -> list[str]:
        return [e.id for e in self.exercises]

    def get(self, exercise_id: str) -> Exercise:
        for e in self.exercises:
            if e.id == exercise_id:
                return e
        raise MediakitError(f"{self.name} has no exercise called {exercise_id!r}. It has: {', '.join(self.ids())}.")


def load_key(path, article=None) -> KeyFile:
    """Read and validate one key file (not cached). ``article`` overrides the seed article."""
    path = Path(path)
    name = path.name
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise KeyFileError(f"{name}: there is no key file at {str(path)!r}.") from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise KeyFileError(f"{name}: the file is not UTF-8 text.") from None
    except tomllib.TOMLDecodeError as e:
        raise KeyFileError(f"{name}: this is not valid TOML ({e}).") from None
    top = Spec(data, name)
    unknown = sorted(set(data) - {"key", "exercise"})
    if unknown:
        raise top.error(f"unknown top-level entry {', '.join(unknown)} (expected [key] and [[exercise]]).")
    head = top.sub(top.get("key", dict), "[key]", ("article", "title"))
    article_kind = head.get("article", str)
    if article_kind not in ("seed", "own"):
        raise head.error(f'article should be "seed" or "own", not {article_kind!r}.')
    context = KeyContext(name, article_kind, article)
    entries = top.get("exercise", list, nonempty=True)
    table = kinds()
    seen: dict[str, int] = {}
    exercises = []
    for n, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            raise top.error(f"exercise number {n} is not a table.")
        ident = entry.get("id")
        label = f"exercise {ident!r}" if isinstance(ident, str) and ident else f"exercise number {n}"
        spec = Spec(entry, f"{name}, {label}")
        ident = spec.get("id", str, nonempty=True)
        if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", ident):
            raise spec.error("the id should use only lower-case letters, digits and hyphens.")
        if ident in seen:
            raise spec.error(f"the id is used twice (exercises number {seen[ident]} and {n}).")
        seen[ident] = n
        kind = spec.get("kind", str)
        if kind not in table:
            raise spec.error(f"the kind {kind!r} is unknown; use one of: {', '.join(table)}.")
        exercises.append(table[kind](spec, context))
    return KeyFile(name, str(path), article_kind, head.get("title", str, ""), tuple(exercises))


@functools.cache
def shipped(name: str = "seed") -> KeyFile:
    """A key file shipped with mediakit, by name (``seed`` or ``quiz``), loaded once."""
    if name not in SHIPPED:
        raise MediakitError(f"There is no key called {name!r}; the keys are: {', '.join(SHIPPED)}.")
    return load_key(keys_dir() / f"{name}.toml")


def get(exercise_id: str) -> Exercise:
    """The exercise with this id, from the shipped keys (``seed``, then ``quiz``)."""
    if not isinstance(exercise_id, str):
        raise MediakitError(f"An exercise id is a string, like 'loaded-spot-p3-4', not {type(exercise_id).__name__}.")
    for name in SHIPPED:
        key = shipped(name)
        if exercise_id in key.ids():
            return key.get(exercise_id)
    every = [i for name in SHIPPED for i in shipped(name).ids()]
    raise MediakitError(f"There is no exercise called {exercise_id!r}. The exercises are: {', '.join(every)}.")


def all_exercises() -> list[Exercise]:
    """Every shipped exercise, key by key, in key order."""
    return [e for name in SHIPPED for e in shipped(name)]


def for_notebook(stem: str) -> list[Exercise]:
    """The shipped exercises that belong to one exercise notebook."""
    return [e for e in all_exercises() if e.notebook == stem]
