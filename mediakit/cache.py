"""A disk cache of compiled regular expressions, so that a new process starts fast.

Python compiles a regular expression in pure Python (``re._parser`` and
``re._compiler``): the lenses' few hundred patterns, some of them tries of whole
word lists, cost a new process some 35 ms, more than the markup of the seed. The
compiled form is a short list of integers handed to the C engine (``_sre.compile``);
this module keeps those lists in one file in the user's cache folder and hands them
straight to the engine the next time, skipping the pure-Python part.

- The cache is content-addressed: a pattern is found by its own text and flags, so an
  edited word list (which gives new patterns) simply misses, and never gets a stale
  pattern. The file is tied to the exact Python build and regex engine version
  (``sys.version`` and ``_sre.MAGIC`` are part of its name).
- The file holds the patterns of the last run that compiled anything new (it never
  grows without bound); it is written atomically.
- Anything unexpected (no cache folder, an unwritable one, a damaged or foreign file,
  a different Python) makes it fall back silently to plain :func:`re.compile`:
  the cache only ever changes how long a start takes, never a result. The C engine
  validates every code list it is given.
- It is used by the command line (``mediakit analyze``), which owns its process; it is not
  installed by ``import mediakit`` nor in a notebook kernel, where patching ``re`` for the whole
  process and writing to the user's cache folder would not be worth the 50 ms it saves. ``MEDIAKIT_NO_CACHE=1`` turns it off;
  ``MEDIAKIT_CACHE_DIR`` moves it (default: ``$XDG_CACHE_HOME/mediakit`` or
  ``~/.cache/mediakit``).

A lens (or any module) can keep a costly, plain-data result of its word lists in the
same file with :func:`memo`: ``memo(key, build)`` returns ``build()``, read back from
the file on the next start when ``key`` is the same (memo values that ``build`` itself
read are not kept for it: the next start reads the finished value). The key must hold everything
the value depends on (the lists' contents, e.g. their rows or a hash of them, and a
version number of the code that builds it); the value must be plain data (str, int,
float, tuple, list, dict, set). Memo values are also dropped whenever a module of mediakit
or of its lenses changes (size or modification time, :func:`code_stamp`), so that edited
code never reads a value built by the old code. Outside the command line and a process's
first markup, ``memo`` simply calls ``build()``. :func:`mediakit.lexicon._furniture_index` is an example; so are the parsed rows of
each word list (:func:`mediakit.lexicon.load`, keyed by the file's text), the word-list matchers of
:mod:`mediakit.lenses.loaded` (keyed by a digest of their rows) and the attribution cue index.

>>> import re, tempfile
>>> folder = tempfile.mkdtemp()
>>> with regex_cache(folder) as first:
...     p = re.compile(r"(?P<w>\\bdar(?:ing|ed)\\b)")
>>> first.misses >= 1, first.saved
(True, True)
>>> re.purge()
>>> with regex_cache(folder) as second:
...     q = re.compile(r"(?P<w>\\bdar(?:ing|ed)\\b)")
>>> second.hits, q.search("a daring move").group("w"), q.groupindex["w"]
(1, 'daring', 1)
"""

from __future__ import annotations

import contextlib
import os
import sys
import time

#: Bumped when the file layout changes.
_LAYOUT = 3
#: At most this many patterns in the file (a corpus run compiles a few small patterns per article).
MAX_ENTRIES = 5000
#: The file is rewritten only when the new patterns took this long (seconds) to compile, or it was empty.
WORTH_SAVING = 0.003


def code_stamp() -> tuple:
    """The size and modification time of every module of mediakit and of its lenses: a memo value
    (built by that code) is kept only while the code is the same. A few dozen ``stat`` calls.

    >>> code_stamp() == code_stamp()
    True
    """
    here = os.path.dirname(os.path.abspath(__file__))
    out = []
    for folder in (here, os.path.join(here, "lenses")):
        try:
            with os.scandir(folder) as it:
                for e in it:
                    if e.name.endswith(".py"):
                        st = e.stat()
                        out.append((e.name, st.st_size, st.st_mtime_ns))
        except OSError:
            pass
    return tuple(sorted(out))


def cache_dir() -> str | None:
    """The folder for mediakit's caches (not created here), or ``None`` when caching is off."""
    if os.environ.get("MEDIAKIT_NO_CACHE"):
        return None
    explicit = os.environ.get("MEDIAKIT_CACHE_DIR")
    if explicit:
        return explicit
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "mediakit")


class RegexCache:
    """Compiled regular expressions kept on disk; see the module docstring."""

    def __init__(self, folder: str | None):
        self.folder = folder
        self.entries: dict = {}  # (type, pattern, flags) -> the arguments of _sre.compile
        self.used: dict = {}
        self.hits = self.misses = 0
        self.memo_misses = 0  # memo values built afresh: always worth keeping (they depend on the lists only)
        self.miss_seconds = 0.0
        self.saved = False
        self.path = None
        self._inner: dict | None = None  # memo values read while another value is built (see memo)
        self._engine = None
        try:
            import _sre
            from array import array
            from re import _compiler  # type: ignore[attr-defined]

            if array("I").itemsize != _sre.CODESIZE:
                return
            self._engine, self._compiler = _sre, _compiler
            tag = f"{sys.implementation.cache_tag}-{_sre.MAGIC}-{_sre.CODESIZE}-{_LAYOUT}"
        except (ImportError, AttributeError):
            return
        if folder:
            self.path = os.path.join(folder, f"regex-{tag}.marshal")
            self._load()

    def _load(self) -> None:
        import marshal

        if not self.path:
            return
        try:
            with open(self.path, "rb") as f:
                version, entries = marshal.loads(f.read())  # one read: marshal.load(f) reads item by item
            if not isinstance(entries, dict) or not isinstance(version, tuple) or version[0] != sys.version:
                return
            if version[1:] != (code_stamp(),):
                # mediakit's code changed (an upgrade, an edited lens): the memo values were built by
                # other code, so only the compiled patterns (found by their own text) are kept
                entries = {k: v for k, v in entries.items() if k[0] != "memo"}
            self.entries = entries
        except (OSError, EOFError, ValueError, TypeError):
            self.entries = {}

    # -- the hook -------------------------------------------------------------------
    def compile(self, original, pattern, flags):
        """``re._compiler.compile`` with the cache in front of it."""
        key = (type(pattern).__name__, pattern, int(flags)) if isinstance(pattern, (str, bytes)) else None
        if key is not None:
            args = self.entries.get(key)
            if args is not None:
                try:
                    compiled = self._engine.compile(args[0], args[1], _unpack(args[2]), *args[3:])
                    self.hits += 1
                    self.used[key] = args
                    return compiled
                except Exception:  # noqa: BLE001 - a damaged entry: compile it afresh
                    pass
        recorder = _Recorder(self._engine)
        self._compiler._sre = recorder
        started = time.perf_counter()
        try:
            compiled = original(pattern, flags)
        finally:
            self._compiler._sre = self._engine
        if (
            key is not None
            and recorder.args is not None
            and recorder.args[0] == pattern
            and len(self.used) < MAX_ENTRIES
        ):
            self.misses += 1
            self.miss_seconds += time.perf_counter() - started
            self.used[key] = recorder.args
        return compiled

    def memo(self, key: tuple, build):
        """``build()``, kept in the same file under ``key`` (which must hold everything the value depends
        on); the value must be plain data (``marshal``-able: str, int, tuple, list, dict ...)."""
        full = ("memo",) + tuple(key)
        value = self.entries.get(full)
        if value is not None:
            self.hits += 1
            self._keep(full, value)
            return value
        # The memo values that build() reads are needed again only when this value is built
        # again: once it is kept, they are left out of the file (unless read directly as well).
        outer, self._inner = self._inner, {}
        started = time.perf_counter()
        try:
            value = build()
        finally:
            inner, self._inner = self._inner, outer
        self.miss_seconds += time.perf_counter() - started
        if self._engine is not None and self.path:
            import marshal

            try:
                marshal.dumps(value)
            except ValueError:
                pass
            else:
                self.misses += 1
                self.memo_misses += 1
                self._keep(full, value)
                return value
        for k, v in inner.items():  # this value is not kept: what it read is needed next time
            self._keep(k, v)
        return value

    def _keep(self, key: tuple, value) -> None:
        if self._inner is None:
            self.used[key] = value
        else:
            self._inner[key] = value

    def save(self) -> None:
        """Write the patterns this run used, if any was new (atomically; silently skipped on error)."""
        if not self.path or not self.folder or not self.misses or not self.used:
            return
        if self.entries and self.miss_seconds < WORTH_SAVING and not self.memo_misses:
            return  # only patterns made from one article's words (quick to compile): keep the file as it is
        import marshal
        import tempfile

        try:
            os.makedirs(self.folder, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".regex-", suffix=".tmp", dir=self.folder)
            try:
                with os.fdopen(fd, "wb") as f:
                    marshal.dump(((sys.version, code_stamp()), self.used), f)
                os.replace(tmp, self.path)
                self.saved = True
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
        except (OSError, ValueError):
            pass


def _pack(code) -> bytes:
    """A compiled pattern's code list as bytes (marshal reads bytes far faster than a list of ints)."""
    from array import array

    return array("I", code).tobytes()


def _unpack(data: bytes) -> list:
    from array import array

    a = array("I")
    a.frombytes(data)
    return a.tolist()


class _Recorder:
    """Stands in for the ``_sre`` module while a pattern compiles, to keep ``_sre.compile``'s arguments."""

    def __init__(self, engine):
        self._engine = engine
        self.args = None

    def compile(self, pattern, flags, code, groups, groupindex, indexgroup, *rest):
        compiled = self._engine.compile(pattern, flags, code, groups, groupindex, indexgroup, *rest)
        if not rest:  # plain types only, so that marshal can write them
            self.args = (
                pattern,
                int(flags),
                _pack(code),
                int(groups),
                {str(k): int(v) for k, v in dict(groupindex).items()},
                tuple(indexgroup),
            )
        return compiled

    def __getattr__(self, name):
        return getattr(self._engine, name)


_ACTIVE: RegexCache | None = None


def text_digest(text: str) -> bytes:
    """A short digest of ``text``, for a :func:`memo` key that would otherwise hold a whole file.

    >>> len(text_digest("term,category")), text_digest("a") == text_digest("b")
    (64, False)
    """
    try:
        from _blake2 import blake2b  # the built-in module: importing hashlib costs a few milliseconds
    except ImportError:  # pragma: no cover - a Python built without it
        from hashlib import blake2b
    return blake2b(text.encode("utf-8", "surrogatepass")).digest()


def memo(key: tuple, build):
    """``build()``, or its value from the running :func:`regex_cache`'s file when one is active
    (see :meth:`RegexCache.memo`); without one, simply ``build()``.

    >>> memo(("demo", 1), lambda: {"a": (1, 2)})
    {'a': (1, 2)}
    """
    cache = _ACTIVE
    return build() if cache is None else cache.memo(key, build)


@contextlib.contextmanager
def regex_cache(folder: str | None = ""):
    """Within the block, :func:`re.compile` (and every ``re`` function) goes through a :class:`RegexCache`.

    ``folder`` defaults to :func:`cache_dir`; ``None`` keeps the cache in memory only.
    The cache is written when the block ends. Meant for a process that mediakit owns
    (the command line): the hook is global to the ``re`` module while the block runs.
    """
    cache = RegexCache(cache_dir() if folder == "" else folder)
    if cache._engine is None:
        yield cache
        return
    from re import _compiler  # type: ignore[attr-defined]

    original = _compiler.compile
    if getattr(original, "_mediakit_cache", None) is not None:
        yield original._mediakit_cache  # already inside one: leave it in charge
        return

    def hooked(p, flags=0):
        return cache.compile(original, p, flags)

    global _ACTIVE
    hooked._mediakit_cache = cache  # type: ignore[attr-defined]
    _compiler.compile = hooked
    _ACTIVE = cache
    try:
        yield cache
    finally:
        _compiler.compile = original
        _ACTIVE = None
        cache.save()
