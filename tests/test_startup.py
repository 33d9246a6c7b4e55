"""The start-up shortcuts of issue 16 change how fast things start, never what they give.

- the command line reads a plain ``analyze`` without argparse: the same arguments as argparse,
  or it hands the command line to argparse (with argparse's messages);
- the cache file's memo values are dropped when mediakit's code changes (compiled patterns,
  found by their own text, are kept);
- a process's first markup goes through the cache, later ones and ``MEDIAKIT_NO_CACHE=1`` do not;
- ``mediakit analyze`` pauses the garbage collector and restores it as it was.

Speed itself is measured by ``benchmarks/speed.py``, never asserted here.
"""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mediakit import cache, cli


@pytest.mark.parametrize(
    "argv",
    [
        ["analyze"],
        ["analyze", "a.txt"],
        ["analyze", "a.txt", "b.md", "--format", "jsonl"],
        ["analyze", "--format=json", "a.txt"],
        ["analyze", "-f", "text", "-j", "0", "a.txt", "b.txt"],
        ["analyze", "a.txt", "--jobs=2", "--compact", "-o", "out.json"],
        ["analyze", "-", "--output", "-"],
        ["analyze", "-o", "x.json", "--output=y.json"],  # the last one wins, as in argparse
        ["analyze", "x=y.txt", "-f", "json"],
    ],
)
def test_quick_reader_gives_what_argparse_gives(argv):
    quick = cli._quick_analyze_args(argv)
    assert quick is not None
    assert vars(quick) == vars(cli.build_parser().parse_args(argv))


@pytest.mark.parametrize(
    "argv",
    [
        ["analyze", "a.txt", "-f", "json", "b.txt"],  # paths in two runs: argparse refuses it
        ["analyze", "--form", "json"],  # an abbreviation: argparse decides
        ["analyze", "-fjson"],
        ["analyze", "--help"],
        ["analyze", "--", "a.txt"],
        ["analyze", "--format"],  # no value
        ["analyze", "--format="],
        ["analyze", "--jobs", "-1"],  # a value that looks like an option
        ["analyze", "-f=json"],
        ["lexicon"],
        [],
    ],
)
def test_quick_reader_leaves_the_rest_to_argparse(argv):
    assert cli._quick_analyze_args(argv) is None


def test_memo_values_are_rebuilt_when_the_code_changes(tmp_path, monkeypatch):
    calls = []

    def build():
        calls.append(1)
        return {"rows": (1, 2)}

    with cache.regex_cache(str(tmp_path)):
        cache.memo(("test-startup", 1), build)
        import re

        re.compile(r"startup-test-(?:alpha|beta)\d+")
    with cache.regex_cache(str(tmp_path)) as same:
        assert cache.memo(("test-startup", 1), build) == {"rows": (1, 2)}
    assert len(calls) == 1 and same.hits >= 1

    monkeypatch.setattr(cache, "code_stamp", lambda: (("edited.py", 1, 1),))
    with cache.regex_cache(str(tmp_path)) as edited:
        assert cache.memo(("test-startup", 1), build) == {"rows": (1, 2)}
        assert any(k[0] == "str" and k[1].startswith("startup-test-") for k in edited.entries)
    assert len(calls) == 2  # built again by the "new" code; the compiled pattern was kept


@pytest.mark.parametrize("enabled", [True, False])
def test_analyze_restores_the_garbage_collector(enabled, capsys):
    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        assert cli.main(["analyze", "--format", "text"]) == 0
        assert gc.isenabled() == enabled
    finally:
        (gc.enable if was else gc.disable)()
    assert capsys.readouterr().out


ARTICLES = Path(__file__).parent / "articles"


@pytest.mark.parametrize(
    "args, out_file, code",
    [
        (["analyze"], False, 0),
        (["analyze", "--format", "json"], False, 0),
        (["analyze", "--format", "json"], True, 0),  # -o FILE: written and closed before the process ends
        (["analyze", "--format", "jsonl", "--jobs", "2", "A", "B"], False, 0),  # worker processes joined first
        (["analyze", "no-such-file.txt"], False, 2),
        (["analyze", "--format", "bogus"], False, 2),
    ],
)
def test_command_line_process_gives_what_main_gives(tmp_path, capsys, args, out_file, code):
    """``python -m mediakit analyze`` ends its process without the interpreter's clean-up: its output,
    its file and its exit code are those of :func:`mediakit.cli.main` called in this process."""
    args = [str(ARTICLES / "attr_council_bridge.txt") if a == "A" else a for a in args]
    args = [str(ARTICLES / "attr_library_closure.txt") if a == "B" else a for a in args]
    extra = ["-o", str(tmp_path / "out.json")] if out_file else []
    assert cli.main(args + (["-o", str(tmp_path / "in.json")] if out_file else [])) == code
    inproc = capsys.readouterr()
    env = {**os.environ, "MEDIAKIT_CACHE_DIR": str(tmp_path / "cache")}
    p = subprocess.run([sys.executable, "-m", "mediakit", *args, *extra], capture_output=True, text=True, env=env)
    assert p.returncode == code
    assert p.stdout == inproc.out
    assert p.stderr == inproc.err
    if out_file:
        assert (tmp_path / "out.json").read_text(encoding="utf-8") == (tmp_path / "in.json").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "trace, profile, coverage, exits",
    [
        (None, None, False, True),
        (print, None, False, False),  # a tracer (a debugger, coverage) writes its results at exit
        (None, print, False, False),  # a profiler (python -m cProfile) too
        (None, None, True, False),
    ],
)
def test_exit_now_only_without_tracer_profiler_or_coverage(monkeypatch, trace, profile, coverage, exits):
    ended = []
    monkeypatch.setattr(os, "_exit", ended.append)
    monkeypatch.setattr(sys, "gettrace", lambda: trace)
    monkeypatch.setattr(sys, "getprofile", lambda: profile)
    if coverage:
        monkeypatch.setitem(sys.modules, "coverage", sys)
    else:
        monkeypatch.delitem(sys.modules, "coverage", raising=False)
    cli._exit_now(3)
    assert ended == ([3] if exits else [])


def test_main_called_by_a_program_is_not_the_command_line():
    assert not cli._is_command_line()  # (pytest here): main() returns its code, the process goes on
