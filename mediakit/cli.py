"""The ``mediakit`` command line.

``mediakit analyze [PATH ...] --format json|jsonl|jsonl-compact|html|text [-o FILE]
[--jobs N]`` marks up articles (the seed when no path is given; ``-`` reads the
article from standard input); ``--jobs N`` shares a corpus between N processes and
keeps the output in input order. ``mediakit make-exercises`` and ``mediakit class-report`` run the classroom
tools, ``mediakit lexicon [NAME]`` shows where the word lists live, so that an
instructor can read and extend them.

Bad input (a missing file, a folder, a binary or empty file, an unknown format, an
output file that cannot be written) ends with exit code 2 and one line on standard
error, ``mediakit: error: ...``; never a traceback. Output is deterministic.

>>> main(["analyze", "--format", "text"]) == 0  # doctest: +ELLIPSIS
Ukraine prepares for “bargaining” with Trump by seizing Kursk region
...
True

This module imports neither pandas, matplotlib nor ipywidgets, nor the exercises,
and HTML extraction only for an HTML input: the command costs little more than
Python's own start-up plus the markup itself.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

from .errors import MediakitError

PROG = "mediakit"
FORMATS = ("json", "jsonl", "jsonl-compact", "html", "text")
#: Commands that belong to other modules: name -> (module, what it does).
DISPATCH = {
    "make-exercises": (
        "mediakit.classroom.make_exercises",
        "generate the student notebooks in exercises/ from solutions/",
    ),
    "class-report": (
        "mediakit.classroom.report",
        "read a class's exported answer files: gradebook, item summary, charts",
    ),
    "lessons": (
        "mediakit.classroom.lessons",
        "copy the lesson, exercise and solution notebooks into a folder (never overwriting)",
    ),
}
#: More inputs than this, with a terminal on stderr: print progress lines.
PROGRESS_AFTER = 3


class UsageError(MediakitError):
    """The command line itself is wrong (unknown option, unknown format...)."""


def _parser_class():
    """``argparse.ArgumentParser`` whose errors are one line, raised rather than printed (argparse,
    gettext and locale are imported only when the fast path of :func:`_quick_analyze_args` declines)."""
    import argparse

    class _Parser(argparse.ArgumentParser):
        """An argument parser whose errors are one line, raised rather than printed."""

        def error(self, message):  # noqa: D401 - argparse's hook
            raise UsageError(f"{message} (see '{self.prog} --help')")

    return _Parser


def _version() -> str:
    from . import __version__

    return __version__


def build_parser():
    """The ``argparse`` parser of the whole command line."""
    _Parser = _parser_class()
    p = _Parser(
        prog=PROG,
        description="Read a news article critically: sources, quotes, attribution, "
        "loaded language, hedges, claims and headline support.",
    )
    p.add_argument("--version", action="version", version=f"{PROG} {_version()}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    a = sub.add_parser(
        "analyze",
        help="mark up articles through every lens",
        description="Mark up one or more articles (the seed article when no PATH is given).",
    )
    a.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="a .txt, .md or .html file; '-' reads standard input (default: the seed article)",
    )
    a.add_argument(
        "-f",
        "--format",
        default="text",
        metavar="FORMAT",
        help="json (the JSON contract; a list for several inputs), jsonl (one line per input, "
        "in input order), jsonl-compact (jsonl with each explanation given once, in legend "
        "records: for corpora), html (a standalone page), text (a readable report; the default)",
    )
    a.add_argument(
        "--compact",
        action="store_true",
        help="with --format jsonl: the compact form (the same as --format jsonl-compact)",
    )
    a.add_argument(
        "-j",
        "--jobs",
        default="1",
        metavar="N",
        help="mark up N inputs at a time in N processes (0: one per core); the output keeps "
        "the input order (default 1)",
    )
    a.add_argument("-o", "--output", metavar="FILE", help="write to FILE (atomically) instead of standard output")

    for name, (_, helptext) in DISPATCH.items():
        sub.add_parser(name, help=helptext, add_help=False)

    lx = sub.add_parser(
        "lexicon",
        help="show where the word lists live (to read or extend them)",
        description="Print the folder of the word lists, or the path of one list.",
    )
    lx.add_argument("name", nargs="?", help="a list name such as 'loaded' or 'furniture'")
    return p


#: The options of ``analyze`` that take a value: spelling -> attribute.
_QUICK_VALUED = {
    "-f": "format",
    "--format": "format",
    "-j": "jobs",
    "--jobs": "jobs",
    "-o": "output",
    "--output": "output",
}


def _quick_analyze_args(argv: list[str]):
    """The arguments of a plain ``analyze`` command line, read without argparse (whose import costs
    a few milliseconds of every start); ``None`` for anything else (``--help``, an abbreviated or
    unknown option, a value that looks like an option, paths in two runs ...), which
    :func:`build_parser` then reads, with its messages. Where this returns arguments, argparse
    would return the same ones.

    >>> a = _quick_analyze_args(["analyze", "a.txt", "b.txt", "--format=jsonl", "-j", "2"])
    >>> a.paths, a.format, a.jobs, a.output, a.compact
    (['a.txt', 'b.txt'], 'jsonl', '2', None, False)
    >>> _quick_analyze_args(["analyze", "a.txt", "-f", "json", "b.txt"]) is None  # argparse refuses it
    True
    >>> _quick_analyze_args(["analyze", "--form", "json"]) is None
    True
    """
    if not argv or argv[0] != "analyze":
        return None
    from types import SimpleNamespace

    args = SimpleNamespace(command="analyze", paths=[], format="text", compact=False, jobs="1", output=None)
    runs = 0
    last_was_path = False
    i = 1
    while i < len(argv):
        a = argv[i]
        if a == "-" or not a.startswith("-"):
            if not last_was_path:
                runs += 1
            if runs > 1:
                return None
            args.paths.append(a)
            last_was_path = True
            i += 1
            continue
        last_was_path = False
        if a == "--compact":
            args.compact = True
            i += 1
            continue
        name, eq, value = a.partition("=")
        if name not in _QUICK_VALUED or (eq and not name.startswith("--")):
            return None
        if not eq:
            if i + 1 >= len(argv):
                return None
            value = argv[i + 1]
            i += 1
        if not value or (value.startswith("-") and value != "-"):
            return None
        setattr(args, _QUICK_VALUED[name], value)
        i += 1
    return args


# -- analyze ------------------------------------------------------------------------


def _load(path: str):
    from .article import load_article

    if path == "-":
        data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode("utf-8")
        return load_article(data, name="<stdin>")
    return load_article(Path(path))


def text_report(markup) -> str:
    """A plain-text report: headline and support, counts per layer, then every span."""
    from .spans import LAYERS

    article = markup.article
    out = io.StringIO()
    w = out.write
    w((article.headline.text if article.headline else "(no headline)") + "\n")
    w(f"source: {article.source}\n")
    report = markup.headline
    if report is not None:
        levels: dict[str, int] = {}
        for t in report.terms:
            levels[t.support] = levels.get(t.support, 0) + 1
        detail = ", ".join(f"{k} {v}" for k, v in levels.items())
        w(f"headline support: {report.support:.2f}" + (f" ({detail})" if detail else "") + "\n")
    w(
        f"paragraphs: {len(article.paragraphs)}, sentences: {len(article.sentences)}, "
        f"furniture lines: {len(article.furniture)}\n"
    )
    for note in article.notes:
        w(f"note: {note}\n")
    counts = markup.counts()
    w("\ncounts: " + ", ".join(f"{k} {v}" for k, v in counts.items()) + "\n")
    for layer in LAYERS:
        spans = [s for s in markup.spans if s.layer == layer]
        if not spans:
            continue
        w(f"\n== {layer} ({len(spans)}) ==\n")
        for s in spans:
            quoted = " ".join(s.text.split())
            if len(quoted) > 200:
                quoted = quoted[:197] + "..."
            w(f'[{s.layer}/{s.label}] "{quoted}" ({s.start}-{s.end})\n')
            if s.explanation:
                w(f"    {' '.join(s.explanation.split())}\n")
            if s.alternative:
                w(f"    alternative: {' '.join(s.alternative.split())}\n")
    return out.getvalue()


def _render(fmt: str, markups: list) -> str:
    if fmt == "html":
        return markups[0].to_html(standalone=True)
    return _render_results(fmt, [text_report(m) if fmt == "text" else m.to_dict() for m in markups])


def _render_results(fmt: str, results: list) -> str:
    """The output from one result per input: a full JSON record (json formats) or a text report."""
    if fmt == "json":
        import json  # imported here, not at the top: the default text report needs no JSON

        if len(results) == 1:
            return json.dumps(results[0], ensure_ascii=False, indent=2) + "\n"
        return json.dumps(results, ensure_ascii=False, indent=2) + "\n"
    if fmt == "jsonl":
        import json

        # a result may come already encoded (a worker's line, :func:`_result`)
        return "".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in results)
    if fmt == "jsonl-compact":
        from .compact import Compactor, _dumps

        return "".join(_dumps(rec) + "\n" for rec in Compactor().stream(results))
    return "\n\n".join(r.rstrip("\n") for r in results) + "\n"


def _jobs(value) -> int:
    try:
        n = int(value)
    except (TypeError, ValueError):
        n = -1
    if n < 0:
        raise UsageError(f"--jobs takes a number of processes (0: one per core), not {value!r}")
    return n or (os.cpu_count() or 1)


def _result(source, fmt: str):
    """Load and mark up one input; the result that :func:`_render_results` combines."""
    from .article import load_article

    if source is None:
        article = load_article()
    elif isinstance(source, tuple):  # standard input, read by the parent: (name, bytes)
        article = load_article(source[1], name=source[0])
    else:
        article = _load(source)
    markup = article.markup()
    if fmt == "text":
        return text_report(markup)
    if fmt == "jsonl":
        import json

        # the JSON line itself: a worker encodes it in parallel, and a string crosses back to the
        # parent far faster than the nested record would (see _render_results)
        return json.dumps(markup.to_dict(), ensure_ascii=False)
    return markup.to_dict()


def _work(job):
    """A worker's task: ``(ok, result or one-line message, exit code)``; never raises."""
    source, fmt = job
    try:
        return True, _result(source, fmt), 0
    except MediakitError as e:
        return False, str(e), 2
    except OSError as e:
        where = f" {e.filename!r}" if getattr(e, "filename", None) else ""
        return False, f"cannot read{where}: {e.strerror or e}", 2
    except Exception as e:  # noqa: BLE001 - reported in the parent as an internal error
        return False, f"internal error ({type(e).__name__}: {e}); please report it", 1


class _InputFailed(MediakitError):
    def __init__(self, message: str, code: int):
        super().__init__(message)
        self.code = code


def _run_parallel(paths: list, fmt: str, jobs: int, progress: bool) -> list:
    """Results for ``paths`` in input order, from ``jobs`` processes.

    The first input is marked up here, so that the word lists are read and compiled
    once, before the worker processes are forked (they inherit them).
    """
    import multiprocessing

    sources = [_stdin_source() if p == "-" else p for p in paths]
    first = _result(sources[0], fmt)
    results = [first]
    if progress:
        print(f"analysed 1/{len(paths)}: {paths[0]}", file=sys.stderr, flush=True)
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if "fork" in methods else None)
    try:
        pool = ctx.Pool(min(jobs, len(sources) - 1))
    except (OSError, ImportError, NotImplementedError):  # no processes here (a sandbox): one at a time
        pool = None
    if pool is None:
        for i, source in enumerate(sources[1:], start=2):
            ok, value, code = _work((source, fmt))
            if not ok:
                raise _InputFailed(value, code)
            results.append(value)
        return results
    failed = None
    try:
        chunk = max(1, min(8, (len(sources) - 1) // (jobs * 4)))
        for i, (ok, value, code) in enumerate(pool.imap(_work, [(s, fmt) for s in sources[1:]], chunk), start=2):
            if not ok:
                # finish the queued work and close the pool cleanly: killing busy workers can leave
                # a second line on stderr (a leaked-semaphore warning), and the error must be one line
                failed = failed or _InputFailed(value, code)
                continue
            results.append(value)
            if progress:
                print(f"analysed {i}/{len(paths)}: {paths[i - 1]}", file=sys.stderr, flush=True)
        pool.close()
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.join()
    if failed is not None:
        raise failed
    return results


def _stdin_source() -> tuple:
    data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode("utf-8")
    return ("<stdin>", data)


def _analyze(args) -> int:
    fmt = (args.format or "").lower()
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {args.format!r}: choose one of {', '.join(FORMATS)}")
    if getattr(args, "compact", False):
        if fmt not in ("jsonl", "jsonl-compact"):
            raise UsageError(f"--compact applies to --format jsonl, not to --format {fmt}")
        fmt = "jsonl-compact"
    jobs = _jobs(getattr(args, "jobs", 1))
    paths = list(args.paths) or [None]
    if fmt == "html" and len(paths) > 1:
        raise UsageError("--format html writes one page: give one PATH at a time")
    if paths.count("-") > 1:
        raise UsageError("standard input ('-') can be read only once")
    if args.output == "-":
        args.output = None  # "-o -" means standard output
    if args.output:
        _check_writable(args.output)
    progress = len(paths) > PROGRESS_AFTER and _isatty(sys.stderr)
    if jobs > 1 and len(paths) > 1:
        _emit(_render_results(fmt, _run_parallel(paths, fmt, jobs, progress)), args.output)
        return 0
    markups = []
    from .article import load_article

    for i, path in enumerate(paths, start=1):
        article = load_article() if path is None else _load(path)
        markups.append(article.markup())
        if progress:
            print(f"analysed {i}/{len(paths)}: {path}", file=sys.stderr, flush=True)
    _emit(_render(fmt, markups), args.output)
    return 0


def _isatty(stream) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def _check_writable(target: str) -> None:
    """Fail before the work when ``-o`` cannot be written."""
    p = Path(target)
    if p.is_dir():
        raise UsageError(f"cannot write {target!r}: it is a folder (give a file name)")
    _refuse_special(p)
    folder = p.parent if str(p.parent) else Path(".")
    if not folder.is_dir():
        raise UsageError(f"cannot write {target!r}: the folder {str(folder)!r} does not exist")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise UsageError(f"cannot write {target!r}: no permission to write in {str(folder)!r}")


def _refuse_special(p: Path) -> None:
    """Refuse an output path that is a symbolic link or exists as anything but a regular file."""
    if p.is_symlink():
        raise UsageError(f"cannot write {str(p)!r}: it is a symbolic link; give the name of a regular file")
    if p.exists() and not p.is_file():
        raise UsageError(
            f"cannot write {str(p)!r}: it is not a regular file (a device, a pipe or a socket); "
            "give the name of a regular file"
        )


def write_atomic(target: str | os.PathLike, data: str) -> None:
    """Write ``data`` (UTF-8) to ``target`` through a temporary file and :func:`os.replace`.

    A reader never sees half a file, and a failed write leaves the old file untouched.
    """
    import tempfile

    target = Path(target)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=str(target.parent or "."))
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        _refuse_special(target)  # checked again just before: never replace a link or a device
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _emit(data: str, output: str | None) -> None:
    if output:
        write_atomic(output, data)
        return
    buf = getattr(sys.stdout, "buffer", None)
    if buf is not None:
        sys.stdout.flush()
        buf.write(data.encode("utf-8"))
        buf.flush()
    else:
        sys.stdout.write(data)
        sys.stdout.flush()


# -- other commands ---------------------------------------------------------------


def _dispatch(name: str, argv: list[str]) -> int:
    import importlib

    module_name = DISPATCH[name][0]
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as e:
        if e.name and (module_name == e.name or module_name.startswith(e.name + ".")):
            raise UsageError(f"'{name}' is not available in this installation ({module_name} is missing)") from None
        raise
    entry = getattr(module, "main", None)
    if entry is None:
        raise UsageError(f"'{name}' is not available in this installation ({module_name} has no main())")
    result = entry(argv)
    return int(result or 0)


def _lexicon(args) -> int:
    from .lexicon import lexicon_dir

    folder = lexicon_dir()
    if args.name:
        name = args.name[:-4] if args.name.endswith(".csv") else args.name
        path = folder / f"{name}.csv"
        if not path.is_file():
            known = ", ".join(sorted(p.stem for p in folder.glob("*.csv")))
            raise UsageError(f"there is no word list called {args.name!r}; the lists are: {known}")
        _emit(f"{path}\n", None)
    else:
        lines = [f"{folder}"] + [f"  {p.name}" for p in sorted(folder.glob("*.csv"))]
        _emit("\n".join(lines) + "\n", None)
    return 0


# -- entry point ------------------------------------------------------------------


def _fail(message: str, code: int = 2) -> int:
    line = " ".join(str(message).split())
    print(f"{PROG}: error: {line}", file=sys.stderr)
    return code


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code (0 ok, 2 bad input or usage, 1 internal error)."""
    own_process = argv is None and _is_command_line()
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in DISPATCH:
            return _dispatch(argv[0], argv[1:])
        args = _quick_analyze_args(argv)
        parser = None
        if args is None:
            parser = build_parser()
            args = parser.parse_args(argv)
        if args.command == "analyze":
            import gc

            from .cache import regex_cache

            # The markup makes many short-lived objects and no reference cycles: the cyclic
            # collector would walk the growing heap again and again for nothing (about 5% of a
            # corpus run, and of the start-up's imports). It is switched back on after.
            was_enabled = gc.isenabled()
            gc.disable()
            try:
                with regex_cache():
                    code = _analyze(args)
            finally:
                if was_enabled:
                    gc.enable()
            if own_process:
                _exit_now(code)
            return code
        if args.command == "lexicon":
            return _lexicon(args)
        if parser is None:
            parser = build_parser()
        parser.print_help()
        return 2
    except SystemExit as e:  # --help and --version exit 0 through argparse
        return e.code if isinstance(e.code, int) else (0 if e.code is None else _fail(e.code))
    except _InputFailed as e:
        return _fail(e, e.code)
    except MediakitError as e:
        return _fail(e)
    except BrokenPipeError:  # the reader (e.g. `| head`) closed the pipe: stop quietly
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError, AttributeError):
            pass
        return 1
    except OSError as e:
        where = f" {e.filename!r}" if getattr(e, "filename", None) else ""
        return _fail(f"cannot read or write{where}: {e.strerror or e}")
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except Exception as e:  # noqa: BLE001 - a bug: one line, not a traceback (MEDIAKIT_DEBUG=1 shows it)
        if os.environ.get("MEDIAKIT_DEBUG"):
            raise
        return _fail(
            f"internal error ({type(e).__name__}: {e}); please report it "
            "(run with MEDIAKIT_DEBUG=1 to see the traceback)",
            code=1,
        )


def _is_command_line() -> bool:
    """Whether this process is the command line itself (``mediakit ...`` or ``python -m mediakit``),
    not a program, a test or a notebook that calls :func:`main`."""
    spec = getattr(sys.modules.get("__main__"), "__spec__", None)
    if spec is not None and spec.name == "mediakit.__main__":
        return True
    return os.path.basename(sys.argv[0] if sys.argv else "").split(".")[0] in ("mediakit", "mediakit-script")


def _exit_now(code: int) -> None:
    """End the command line's process with ``code`` once its output is flushed, without the interpreter's
    clean-up: freeing every object of the word lists and the markup one by one costs about 20 ms, a
    fifth of ``mediakit analyze`` on the seed. Everything is written by then (the output, ``-o`` and the
    cache file, closed; the worker processes of ``--jobs``, joined). Under a tracer, a profiler or
    coverage, which write their results at exit, and when the flush fails, the process ends as usual.
    """
    if sys.gettrace() is not None or sys.getprofile() is not None or "coverage" in sys.modules:
        return
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        return  # (a closed pipe: the usual exit reports it as before)
    os._exit(code)


def run() -> None:
    """``python -m mediakit``: exit with :func:`main`'s code."""
    sys.exit(main())


if __name__ == "__main__":  # pragma: no cover
    run()
