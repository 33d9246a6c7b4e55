"""The command line over a corpus: a light start, the compact JSONL, --jobs, the regex cache.

Speed itself is measured by ``benchmarks/speed.py``, never asserted here; these tests
check behaviour: what is imported, what is written, in which order, and that every
fast path gives the same result as the plain one.
"""

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import mediakit
from mediakit import cli, lexicon
from mediakit.cache import RegexCache, regex_cache
from mediakit.compact import Compactor, expand_compact
from mediakit.errors import LexiconError, MediakitError

ARTICLES = Path(__file__).parent / "articles"
CORPUS = sorted(str(p) for p in ARTICLES.glob("*.txt"))
PAGE = str(ARTICLES / "load_news_page.html")
HEAVY = ("pandas", "matplotlib", "ipywidgets", "trafilatura", "lxml", "nbformat", "mediakit.exercises")


def _env(tmp_path, **extra):
    return {**os.environ, "PYTHONIOENCODING": "utf-8", "MEDIAKIT_CACHE_DIR": str(tmp_path / "cache"), **extra}


def _modules_after(code: str, tmp_path) -> set:
    """The modules loaded by a fresh interpreter after running ``code``."""
    script = code + "\nimport sys\nprint('\\n'.join(sorted(sys.modules)))\n"
    p = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300, env=_env(tmp_path))
    assert p.returncode == 0, p.stderr
    return set(p.stdout.split())


# -- start-up: what is imported ------------------------------------------------------


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl-compact"])
def test_analyze_on_the_seed_imports_nothing_heavy(tmp_path, fmt):
    """Does `mediakit analyze` on the seed run without the exercises, pandas, matplotlib, widgets or HTML extraction?"""
    out = str(tmp_path / "out")
    mods = _modules_after(
        f"from mediakit.cli import main\nassert main(['analyze', '--format', {fmt!r}, '-o', {out!r}]) == 0", tmp_path
    )
    assert "mediakit.lenses.loaded" in mods  # the markup did run
    assert sorted(m for m in HEAVY if m in mods) == []
    assert "mediakit.htmltext" not in mods


def test_an_html_input_does_load_the_html_reader(tmp_path):
    """Mirror case: does an HTML page bring in the HTML reader (so the check above can fail)?"""
    out = str(tmp_path / "out")
    mods = _modules_after(
        f"from mediakit.cli import main\nassert main(['analyze', {PAGE!r}, '-o', {out!r}]) == 0", tmp_path
    )
    assert "mediakit.htmltext" in mods
    assert "mediakit.exercises" not in mods


def test_import_mediakit_is_lazy(tmp_path):
    """Does `import mediakit` load neither the lenses, the article loader nor the exercises until they are used?"""
    mods = _modules_after("import mediakit", tmp_path)
    assert not {"mediakit.article", "mediakit.lenses", "mediakit.exercises", "mediakit.markup"} & mods
    mods = _modules_after("import mediakit\nmediakit.exercise", tmp_path)
    assert "mediakit.exercises" in mods


@pytest.mark.parametrize(
    "name, module",
    [
        ("load_article", "mediakit.article"),
        ("Article", "mediakit.article"),
        ("Markup", "mediakit.markup"),
        ("Span", "mediakit.spans"),
        ("LAYERS", "mediakit.spans"),
        ("exercise", "mediakit.exercises"),
        ("export_answers", "mediakit.exercises.answers"),
    ],
)
def test_lazy_names_are_the_real_objects(name, module):
    """Is each public name, imported on first use, the very object its module defines?"""
    import importlib

    obj = getattr(mediakit, name)
    real = importlib.import_module(module)
    assert obj is getattr(real, {"exercise": "get"}.get(name, name))
    assert name in dir(mediakit)


def test_unknown_public_name_is_an_attribute_error():
    """Does a misspelt name still raise AttributeError (so hasattr and tab completion behave)?"""
    with pytest.raises(AttributeError, match="no attribute 'load_articel'"):
        mediakit.load_articel  # noqa: B018 (the lookup itself is the test)
    assert not hasattr(mediakit, "Exercise_")


# -- the compact JSONL ---------------------------------------------------------------


def _lines(text: str) -> list[dict]:
    return [json.loads(x) for x in text.splitlines()]


@pytest.mark.parametrize(
    "argv", [["--format", "jsonl-compact"], ["--format", "jsonl", "--compact"], ["--format", "JSONL-COMPACT"]]
)
def test_compact_and_full_forms_hold_the_same_information(capsys, argv):
    """Does the compact stream, expanded, give exactly the full jsonl records, in input order?"""
    assert cli.main(["analyze", "--format", "jsonl", *CORPUS]) == 0
    full = capsys.readouterr().out
    assert cli.main(["analyze", *argv, *CORPUS]) == 0
    compact = capsys.readouterr().out
    assert list(expand_compact(compact.splitlines())) == _lines(full)
    assert len(compact.encode()) < 0.7 * len(full.encode())  # explanations once: about 60% of the full form


def test_compact_stream_gives_each_explanation_once(capsys):
    """Does every (layer, label, explanation, alternative) appear once in the legends, with ids 0, 1, 2 ... in order?"""
    assert cli.main(["analyze", "--format", "jsonl-compact", *CORPUS, *CORPUS[:2]]) == 0
    records = _lines(capsys.readouterr().out)
    assert records[0] == {"format": "mediakit-compact", "version": 1}
    entries = [e for r in records if "legend" in r for e in r["legend"]]
    keys = [(e["layer"], e["label"], e["explanation"], e.get("alternative", "")) for e in entries]
    assert len(keys) == len(set(keys))
    assert [e["id"] for e in entries] == list(range(len(entries)))
    articles = [r for r in records if "spans" in r]
    assert [a["source"] for a in articles] == CORPUS + CORPUS[:2]
    assert "legend" not in records[-1] and "legend" not in records[-2]  # repeats need no new entries
    seen = set()
    for r in records[1:]:  # every id is defined before it is used
        seen.update(e["id"] for e in r.get("legend", ()))
        assert all(s[2] in seen for s in r.get("spans", ()))


@pytest.mark.parametrize(
    "records, message",
    [
        ([{"format": "something-else", "version": 1}], "not a mediakit-compact"),
        ([{"format": "mediakit-compact", "version": 2}], "not a mediakit-compact"),
        (
            [
                {"format": "mediakit-compact", "version": 1},
                {"source": "s", "text": "ab", "headline": None, "spans": [[0, 1, 0]]},
            ],
            "legend entry 0",
        ),
    ],
)
def test_expand_compact_rejects_a_broken_stream(records, message):
    """Does the reader refuse a foreign header or a span that points to no legend entry?"""
    with pytest.raises(MediakitError, match=message):
        list(expand_compact(records))


def test_compactor_round_trips_the_seed(seed_article):
    """Mirror of the CLI test in-process: seed markup -> compact -> expanded == to_dict()."""
    full = seed_article.markup().to_dict()
    stream = Compactor().stream([full, full])
    assert list(expand_compact(json.dumps(r) for r in stream)) == [full, full]
    assert sum(1 for r in stream if "legend" in r) == 1


@pytest.mark.parametrize("fmt", ["json", "text", "html"])
def test_compact_flag_applies_to_jsonl_only(capsys, fmt):
    """Is --compact with another format a usage error (exit 2, one line)?"""
    assert cli.main(["analyze", "--format", fmt, "--compact"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--compact applies to --format jsonl" in err


# -- --jobs ---------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["jsonl", "jsonl-compact", "text", "json"])
@pytest.mark.parametrize("order", ["forward", "reversed"])
def test_jobs_give_the_same_output_in_input_order(capsys, fmt, order):
    """Does --jobs 2 write byte for byte what --jobs 1 writes, in the input order?"""
    paths = CORPUS if order == "forward" else CORPUS[::-1]
    assert cli.main(["analyze", "--format", fmt, *paths]) == 0
    one = capsys.readouterr().out
    assert cli.main(["analyze", "--format", fmt, "--jobs", "2", *paths]) == 0
    two = capsys.readouterr()
    assert two.out == one and two.err == ""


def test_jobs_with_stdin_and_the_seed(tmp_path):
    """Are '-' (standard input) and the seed read right when the work is shared out?"""
    text = (ARTICLES / "lang_opinion.txt").read_bytes()
    args = [sys.executable, "-m", "mediakit", "analyze", "--format", "jsonl", CORPUS[0], "-", CORPUS[1]]
    one = subprocess.run(args, input=text, capture_output=True, timeout=300, env=_env(tmp_path))
    two = subprocess.run(args + ["-j", "2"], input=text, capture_output=True, timeout=300, env=_env(tmp_path))
    assert one.returncode == two.returncode == 0
    assert one.stdout == two.stdout
    assert [json.loads(x)["source"] for x in two.stdout.splitlines()] == [CORPUS[0], "<stdin>", CORPUS[1]]


@pytest.mark.parametrize("position", [0, 3, -1])
def test_jobs_stop_at_a_bad_input_with_one_line(tmp_path, position):
    """Does a bad file anywhere in a parallel run exit 2 with one line, no traceback, and no output file?"""
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    paths = list(CORPUS)
    paths.insert(position if position >= 0 else len(paths), str(bad))
    out = tmp_path / "out.jsonl"
    p = subprocess.run(
        [sys.executable, "-m", "mediakit", "analyze", "--format", "jsonl", "-j", "2", "-o", str(out), *paths],
        capture_output=True,
        text=True,
        timeout=300,
        env=_env(tmp_path),
    )
    assert p.returncode == 2 and p.stdout == ""
    assert p.stderr.count("\n") == 1 and p.stderr.startswith("mediakit: error: ") and "empty" in p.stderr
    assert "Traceback" not in p.stderr
    assert not out.exists()


@pytest.mark.parametrize(
    "value, ok", [("0", True), ("1", True), ("3", True), ("-1", False), ("two", False), ("", False)]
)
def test_jobs_value(capsys, value, ok):
    """Is --jobs a whole number >= 0 (0: one per core), and anything else a one-line usage error?"""
    code = cli.main(["analyze", "--format", "jsonl", "--jobs", value, *CORPUS[:3]])
    captured = capsys.readouterr()
    if ok:
        assert code == 0 and len(captured.out.splitlines()) == 3
    else:
        assert code == 2 and "--jobs takes a number" in captured.err and captured.out == ""


# -- the regex cache -----------------------------------------------------------------


def test_cached_run_writes_what_an_uncached_run_writes(tmp_path):
    """Do a first run (cache written), a second (cache read) and a run without cache give the same JSON?"""
    args = [sys.executable, "-m", "mediakit", "analyze", "--format", "jsonl", *CORPUS[:6]]
    runs = [
        subprocess.run(args, capture_output=True, timeout=300, env=_env(tmp_path, **extra))
        for extra in ({}, {}, {"MEDIAKIT_NO_CACHE": "1"})
    ]
    assert [r.returncode for r in runs] == [0, 0, 0]
    assert runs[0].stdout == runs[1].stdout == runs[2].stdout
    assert list((tmp_path / "cache").glob("regex-*.marshal"))


def test_cache_hits_give_working_patterns(tmp_path):
    """Does a pattern read back from the cache match as the freshly compiled one does (groups, flags, names)?"""
    import re

    src = r"(?i)(?P<verb>seiz(?:e|es|ed|ing))\s+(?:the\s+)?(\w+)"
    with regex_cache(str(tmp_path)) as first:
        fresh = re.compile(src)
    re.purge()
    with regex_cache(str(tmp_path)) as second:
        cached = re.compile(src)
    assert first.misses >= 1 and second.hits >= 1
    text = "Rebels SEIZED the port; police seize goods"
    assert [m.groups() for m in cached.finditer(text)] == [m.groups() for m in fresh.finditer(text)]
    assert cached.groupindex == fresh.groupindex and cached.flags == fresh.flags


@pytest.mark.parametrize("damage", [b"", b"not marshal at all", b"\x00" * 64])
def test_damaged_cache_falls_back_silently(tmp_path, damage):
    """Does a damaged cache file give correct patterns, no error, and get replaced?"""
    import re

    probe = RegexCache(str(tmp_path))
    Path(probe.path).write_bytes(damage)
    re.purge()
    with regex_cache(str(tmp_path)) as c:
        p = re.compile(r"\bdaring(?!\w)")
    assert p.search("a daring move").group() == "daring"
    assert c.hits == 0 and c.saved


def test_unwritable_cache_folder_is_ignored(tmp_path):
    """Does a cache folder that cannot be created (a file is in the way) leave the run unharmed?"""
    import re

    blocker = tmp_path / "file"
    blocker.write_text("x")
    re.purge()
    with regex_cache(str(blocker / "sub")) as c:
        p = re.compile(r"\bboasted(?!\w)")
    assert p.search("he boasted") and not c.saved


# -- the word lists are read as before -----------------------------------------------


def _dictreader_rows(raw: str) -> list[dict]:
    """The reference reading (csv.DictReader) that lexicon.load must agree with on well-formed rows."""
    rows = []
    for row in csv.DictReader(io.StringIO(raw)):
        first = next(iter(row.values()), "") or ""
        if not any((v or "").strip() for v in row.values() if not isinstance(v, list)) or first.lstrip().startswith(
            "#"
        ):
            continue
        rows.append({k: (v or "").strip() for k, v in row.items()})
    return rows


@pytest.mark.parametrize("name", sorted(p.stem for p in lexicon.lexicon_dir().glob("*.csv")))
def test_shipped_lists_read_as_dictreader_reads_them(name):
    """Does the fast reader give every shipped list exactly the rows (keys, order, values) DictReader gives?"""
    raw = (lexicon.lexicon_dir() / f"{name}.csv").read_text(encoding="utf-8")
    rows = lexicon.load(name)
    assert [list(r.items()) for r in rows] == [list(r.items()) for r in _dictreader_rows(raw)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("term,category\n a ,b\n", [{"term": "a", "category": "b"}]),
        ("term,category,note\nx,y\n", [{"term": "x", "category": "y", "note": ""}]),  # short row: padded
        ('term,category\n"a, b",c\n\n# x,y\n,\n', [{"term": "a, b", "category": "c"}]),  # quoted, blank, comment
        ('term,category\n"two\nlines",c\n', [{"term": "two\nlines", "category": "c"}]),
    ],
)
def test_rows_are_read_like_dictreader(tmp_path, text, expected):
    """Do padding, quoting, blank and comment rows behave as with csv.DictReader?"""
    (tmp_path / "demo.csv").write_text(text, encoding="utf-8")
    assert list(lexicon.load("demo", str(tmp_path))) == expected == _dictreader_rows(text)


def test_extra_cells_name_the_line(tmp_path):
    """Does a row with more cells than the header still give a LexiconError that names its line?"""
    (tmp_path / "demo.csv").write_text("term,category\na,b\nc,d,e\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="line 3: this row has more cells"):
        lexicon.load("demo", str(tmp_path))


def test_memo_keeps_plain_values_and_is_keyed_by_content(tmp_path):
    """Does memo() give the built value, read it back from the file, and rebuild when the key changes?"""
    from mediakit.cache import memo

    calls = []

    def build(tag):
        calls.append(tag)
        return {"a": (tag, 2)}

    for _ in range(2):
        with regex_cache(str(tmp_path)):
            assert memo(("demo", "v1"), lambda: build("v1")) == {"a": ("v1", 2)}
    with regex_cache(str(tmp_path)):
        assert memo(("demo", "v2"), lambda: build("v2")) == {"a": ("v2", 2)}
    assert calls == ["v1", "v2"]
    assert memo(("demo", "v1"), lambda: "no cache running") == "no cache running"


def test_furniture_index_from_the_cache_agrees(tmp_path):
    """Does the furniture index read back from the cache classify lines as the rules do?"""
    for f in (lexicon._furniture_index,):
        f.cache_clear()
    with regex_cache(str(tmp_path)):
        first = lexicon._furniture_index()
    lexicon._furniture_index.cache_clear()
    with regex_cache(str(tmp_path)) as c:
        second = lexicon._furniture_index()
    lexicon._furniture_index.cache_clear()
    assert c.hits >= 1 and first == second
    for line in ("5 months ago", "30", "SUBSCRIBE TO US!", "By Maria Okafor", "Putin has voiced it."):
        assert lexicon.furniture_match(line) == lexicon._furniture_match_slow(line)


def test_jobs_without_processes_run_one_at_a_time(monkeypatch, capsys):
    """Where no worker process can be started, does --jobs fall back to one process, same output, same errors?"""
    import multiprocessing.context

    def no_pool(self, *args, **kwargs):
        raise OSError("no processes in this sandbox")

    monkeypatch.setattr(multiprocessing.context.BaseContext, "Pool", no_pool)
    assert cli.main(["analyze", "--format", "jsonl", *CORPUS[:4]]) == 0
    one = capsys.readouterr().out
    assert cli.main(["analyze", "--format", "jsonl", "-j", "2", *CORPUS[:4]]) == 0
    assert capsys.readouterr().out == one
    assert cli.main(["analyze", "--format", "jsonl", "-j", "2", CORPUS[0], "missing.txt"]) == 2
    assert "There is no file" in capsys.readouterr().err
