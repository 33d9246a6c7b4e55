"""The command line: formats, batches, atomic output, one-line errors, and a light import."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import mediakit
from mediakit import cli, load_article

ARTICLES = Path(__file__).parent / "articles"
CRLF = str(ARTICLES / "load_crlf.txt")
BOM = str(ARTICLES / "load_bom.txt")
NOHEAD = str(ARTICLES / "load_no_headline.txt")
PAGE = str(ARTICLES / "load_news_page.html")


def run(*args, stdin=None, cwd=None):
    """Run ``python -m mediakit`` in a subprocess; return (code, stdout, stderr)."""
    p = subprocess.run(
        [sys.executable, "-m", "mediakit", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        timeout=300,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


# -- formats ---------------------------------------------------------------------------


def test_analyze_without_path_gives_the_seed_contract():
    """Does `mediakit analyze --format json` with no path print the seed's markup.to_json()?"""
    code, out, err = run("analyze", "--format", "json")
    assert code == 0 and err == ""
    assert out == load_article().markup().to_json() + "\n"
    d = json.loads(out)
    assert set(d) == {"source", "text", "headline", "genre", "document", "spans"}
    assert d["headline"]["text"].startswith("Ukraine prepares")


def test_json_for_several_paths_is_a_list_in_input_order(capsys):
    """Does --format json with several paths write a JSON list, one object per path, in order?"""
    assert cli.main(["analyze", CRLF, BOM, NOHEAD, "--format", "json"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert [x["source"] for x in d] == [CRLF, BOM, NOHEAD]


@pytest.mark.parametrize("order", [[CRLF, BOM, NOHEAD], [NOHEAD, CRLF, BOM], [BOM, BOM]])
def test_jsonl_keeps_input_order(capsys, order):
    """Does jsonl write exactly one line per input, in the order given (repeats included)?"""
    assert cli.main(["analyze", "--format", "jsonl", *order]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(x)["source"] for x in lines] == order
    assert json.loads(lines[0])["text"] == load_article(Path(order[0])).text


def test_text_report_is_readable_and_deterministic(capsys):
    """Does the text report give headline, support, counts and every span with label, text and explanation, the same each time?"""
    assert cli.main(["analyze"]) == 0
    first = capsys.readouterr().out
    assert cli.main(["analyze", "--format", "text"]) == 0
    assert capsys.readouterr().out == first
    lines = first.splitlines()
    assert lines[0] == load_article().headline.text
    assert lines[2].startswith("headline support: ")
    m = load_article().markup()
    assert "counts: " + ", ".join(f"{k} {v}" for k, v in m.counts().items()) in first
    assert '[furniture/counter] "30" (83-85)' in first
    for s in m.spans:
        assert f"[{s.layer}/{s.label}]" in first


def test_text_report_without_headline(capsys):
    """Does the text report say '(no headline)' and give no support line for an article without one?"""
    assert cli.main(["analyze", NOHEAD, "--format", "text"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("(no headline)\n") and "headline support" not in out


def test_html_is_a_standalone_page(tmp_path):
    """Does --format html write a whole page with the escaped headline and no live script from the article?"""
    src = tmp_path / "a.txt"
    src.write_text(
        "Mayor <script>alert(1)</script> & “friends” win\n\nThe mayor won the vote, officials said.\n", encoding="utf-8"
    )
    out = tmp_path / "page.html"
    assert cli.main(["analyze", str(src), "--format", "html", "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.lower().startswith("<!doctype html>")
    assert "Mayor &lt;script&gt;alert(1)&lt;/script&gt; &amp; “friends” win" in page
    assert "<script>alert(1)" not in page


def test_html_takes_one_input(capsys):
    """Is --format html with two inputs refused with a one-line error (one page per article)?"""
    assert cli.main(["analyze", CRLF, BOM, "--format", "html"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("mediakit: error: --format html writes one page") and err.count("\n") == 1


def test_stdin_is_read_with_a_dash():
    """Does `mediakit analyze -` read the article from standard input?"""
    code, out, err = run("analyze", "-", "--format", "json", stdin=Path(CRLF).read_bytes())
    assert code == 0
    d = json.loads(out)
    assert d["source"] == "<stdin>" and d["text"] == load_article(Path(CRLF)).text


# -- output files ----------------------------------------------------------------------


def test_output_file_is_written_atomically(tmp_path, capsys):
    """Does -o replace the file in one step, leave no temporary file and print nothing on stdout?"""
    out = tmp_path / "seed.json"
    out.write_text("old", encoding="utf-8")
    assert cli.main(["analyze", "--format", "json", "-o", str(out)]) == 0
    assert capsys.readouterr().out == ""
    assert json.loads(out.read_text(encoding="utf-8")) == load_article().markup().to_dict()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["seed.json"]
    assert oct(out.stat().st_mode & 0o777) != oct(0o600)  # not the temporary file's private mode


def test_dash_output_is_stdout(capsys):
    """Does `-o -` write to standard output, like no -o at all?"""
    assert cli.main(["analyze", "--format", "json", "-o", "-"]) == 0
    assert capsys.readouterr().out == load_article().markup().to_json() + "\n"


def test_failed_run_leaves_the_old_output(tmp_path, capsys):
    """Does a run that fails (missing input) leave the old output file as it was, with no temporary file?"""
    out = tmp_path / "out.json"
    out.write_text("old", encoding="utf-8")
    assert cli.main(["analyze", str(tmp_path / "missing.txt"), "-o", str(out)]) == 2
    assert out.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]


def test_write_atomic_cleans_up_on_failure(tmp_path, monkeypatch):
    """If the final rename fails, is the temporary file removed and the old file kept?"""
    target = tmp_path / "x.txt"
    target.write_text("old", encoding="utf-8")

    def boom(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(cli.os, "replace", boom)
    with pytest.raises(OSError):
        cli.write_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "old" and [p.name for p in tmp_path.iterdir()] == ["x.txt"]


# -- errors: exit 2, one line -----------------------------------------------------------


def _bad_inputs(tmp, write=True):
    empty, binary, blank = tmp / "empty.txt", tmp / "image.txt", tmp / "blank.md"
    if write:
        empty.write_bytes(b"")
        binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
        blank.write_bytes(b" \r\n\r\n\t")
    return {
        "missing file": (["analyze", str(tmp / "nope.txt")], "There is no file"),
        "folder": (["analyze", str(tmp)], "is a folder"),
        "binary file": (["analyze", str(binary)], "binary"),
        "empty file": (["analyze", str(empty)], "empty"),
        "blank file": (["analyze", str(blank)], "empty"),
        "unknown format": (["analyze", "--format", "xml"], "unknown format 'xml'"),
        "output in missing folder": (["analyze", "-o", str(tmp / "no" / "out.json")], "does not exist"),
        "output is a folder": (["analyze", "-o", str(tmp)], "it is a folder"),
        "unknown option": (["analyze", "--colour"], "unrecognized arguments"),
        "unknown command": (["analyse"], "invalid choice"),
        "stdin twice": (["analyze", "-", "-"], "only once"),
        "unknown word list": (["lexicon", "nonsense"], "no word list called 'nonsense'"),
        "second input bad": (["analyze", CRLF, str(tmp / "nope.txt")], "There is no file"),
    }


BAD = list(_bad_inputs(Path("unused"), write=False))


@pytest.mark.parametrize("case", BAD)
def test_bad_input_exits_2_with_one_line(tmp_path, capsys, case):
    """Does each kind of bad input exit with code 2 and one line on stderr that says what to fix, and nothing on stdout?"""
    argv, message = _bad_inputs(tmp_path)[case]
    code = cli.main(argv)
    captured = capsys.readouterr()
    assert code == 2
    assert captured.out == ""
    assert captured.err.startswith("mediakit: error: ") and captured.err.count("\n") == 1
    assert message in captured.err
    assert "Traceback" not in captured.err


@pytest.mark.parametrize("case", ["missing file", "binary file", "unknown format", "unknown command"])
def test_bad_input_in_a_subprocess_has_no_traceback(tmp_path, case):
    """Does the real command exit 2 with a single stderr line and no traceback?"""
    argv, message = _bad_inputs(tmp_path)[case]
    code, out, err = run(*argv)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("mediakit: error: ") and message in err


def test_internal_error_is_one_line(monkeypatch, capsys):
    """Does a bug inside a lens give exit 1 and one line (not a traceback) that says how to see more?"""

    def broken(self):
        raise KeyError("boom")

    monkeypatch.setattr(mediakit.article.Article, "markup", broken)
    monkeypatch.delenv("MEDIAKIT_DEBUG", raising=False)
    assert cli.main(["analyze"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "internal error (KeyError" in err and "MEDIAKIT_DEBUG=1" in err


# -- other commands ------------------------------------------------------------------------


def test_version(capsys):
    """Does --version print the package version and exit 0?"""
    assert cli.main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"mediakit {mediakit.__version__}"


def test_help_exits_0(capsys):
    """Does --help list the commands and exit 0?"""
    assert cli.main(["--help"]) == 0
    out = capsys.readouterr().out
    for name in ("analyze", "make-exercises", "class-report", "lexicon"):
        assert name in out


def test_no_command_prints_help_and_exits_2(capsys):
    """Does `mediakit` with no command print the help and exit 2?"""
    assert cli.main([]) == 2
    assert "analyze" in capsys.readouterr().out


@pytest.mark.parametrize(
    "argv, expected",
    [
        (["lexicon"], "furniture.csv"),
        (["lexicon", "furniture"], "furniture.csv"),
        (["lexicon", "furniture.csv"], "furniture.csv"),
    ],
)
def test_lexicon_shows_where_the_lists_live(capsys, argv, expected):
    """Does `mediakit lexicon [NAME]` print the folder or the file an instructor can edit?"""
    assert cli.main(argv) == 0
    out = capsys.readouterr().out
    assert expected in out
    assert str(mediakit.lexicon.lexicon_dir()) in out


@pytest.mark.parametrize(
    "command, module",
    [("make-exercises", "mediakit.classroom.make_exercises"), ("class-report", "mediakit.classroom.report")],
)
def test_dispatch_calls_the_module_main(monkeypatch, command, module):
    """Do make-exercises and class-report hand their arguments to the module's main(argv) and return its code?"""
    import types

    calls = []
    fake = types.ModuleType(module)
    fake.main = lambda argv: calls.append(argv) or 3
    monkeypatch.setitem(sys.modules, module, fake)
    assert cli.main([command, "--flag", "x y"]) == 3
    assert calls == [["--flag", "x y"]]


@pytest.mark.parametrize(
    "command, module",
    [("make-exercises", "mediakit.classroom.make_exercises"), ("class-report", "mediakit.classroom.report")],
)
def test_dispatch_to_a_missing_module_is_one_line(monkeypatch, capsys, command, module):
    """If the classroom module is missing, does the command exit 2 with one line naming it?"""
    monkeypatch.setitem(sys.modules, module, None)  # makes the import fail
    assert cli.main([command]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and module in err and "not available" in err


def test_progress_goes_to_a_terminal_only(monkeypatch, capsys):
    """Are 'analysed i/n' lines printed to stderr for a long batch on a terminal, and never to stdout?"""
    paths = [CRLF, BOM, NOHEAD, CRLF, BOM]
    monkeypatch.setattr(cli, "_isatty", lambda stream: True)
    assert cli.main(["analyze", "--format", "jsonl", *paths]) == 0
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 5
    assert captured.err.splitlines() == [f"analysed {i}/5: {p}" for i, p in enumerate(paths, 1)]
    monkeypatch.setattr(cli, "_isatty", lambda stream: False)
    assert cli.main(["analyze", "--format", "jsonl", *paths]) == 0
    assert capsys.readouterr().err == ""


def test_cli_does_not_import_heavy_packages(tmp_path):
    """Does `mediakit analyze` run without importing pandas, matplotlib or ipywidgets (html and json alike)?"""
    code = (
        "import sys\n"
        "from mediakit.cli import main\n"
        f"assert main(['analyze', '--format', 'json', '-o', {str(tmp_path / 'a.json')!r}]) == 0\n"
        f"assert main(['analyze', '--format', 'html', '-o', {str(tmp_path / 'a.html')!r}]) == 0\n"
        f"assert main(['analyze', '--format', 'text', '-o', {str(tmp_path / 'a.txt')!r}]) == 0\n"
        "heavy = sorted(m for m in ('pandas', 'matplotlib', 'ipywidgets', 'numpy') if m in sys.modules)\n"
        "print(','.join(heavy))\n"
    )
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, p.stderr
    assert p.stdout.strip() == ""


def test_module_and_function_agree(tmp_path):
    """Does `python -m mediakit analyze` write the same JSON as main(argv)?"""
    out = tmp_path / "a.json"
    assert cli.main(["analyze", CRLF, "--format", "json", "-o", str(out)]) == 0
    code, stdout, _ = run("analyze", CRLF, "--format", "json")
    assert code == 0 and stdout == out.read_text(encoding="utf-8")


def test_broken_pipe_is_quiet():
    """When the reader stops early (`| head -1`), does the command stay quiet instead of printing a traceback?"""
    p = subprocess.Popen(
        [sys.executable, "-m", "mediakit", "analyze", "--format", "json", CRLF, BOM, NOHEAD, PAGE],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    p.stdout.read(10)
    p.stdout.close()
    err = p.stderr.read().decode("utf-8")
    p.wait(timeout=300)
    assert "Traceback" not in err
