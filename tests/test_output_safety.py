"""Output files: `-o` of the command line and the class report never replace a symbolic link or a device."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest


def run(*args, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "mediakit.cli", *args], capture_output=True, text=True, timeout=180, cwd=cwd
    )


@pytest.mark.parametrize("kind", ["symlink to a file", "dangling symlink", "device", "regular file", "new file"])
def test_analyze_output_is_a_regular_file_or_refused(tmp_path, kind):
    """Does `analyze -o` refuse a symbolic link or a device with exit 2 and one line (the link's target left
    untouched), while a regular or new file is written?"""
    out = tmp_path / "out.txt"
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    if kind == "symlink to a file":
        out.symlink_to(victim)
    elif kind == "dangling symlink":
        out.symlink_to(tmp_path / "nowhere.txt")
    elif kind == "device":
        out = Path(os.devnull)
    elif kind == "regular file":
        out.write_text("old", encoding="utf-8")
    r = run("analyze", "--format", "text", "-o", str(out))
    if kind in ("regular file", "new file"):
        assert r.returncode == 0, r.stderr
        assert out.is_file() and not out.is_symlink() and "headline support" in out.read_text(encoding="utf-8")
    else:
        assert r.returncode == 2
        assert len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr
        assert "symbolic link" in r.stderr or "not a regular file" in r.stderr
        assert victim.read_text(encoding="utf-8") == "keep me"
        assert not (tmp_path / "nowhere.txt").exists()
        if kind != "device":
            assert out.is_symlink()
        else:
            assert Path(os.devnull).is_char_device()


def test_class_report_does_not_write_through_a_symlink(tmp_path):
    """Does `class-report -o DIR` refuse (exit 2, one line) when an output file there is a symbolic link?"""
    from mediakit.classroom.report import sample_answers_dir

    out = tmp_path / "report"
    out.mkdir()
    victim = tmp_path / "victim.csv"
    victim.write_text("keep me", encoding="utf-8")
    (out / "gradebook.csv").symlink_to(victim)
    r = run("class-report", str(sample_answers_dir()), "-o", str(out))
    assert r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1
    assert victim.read_text(encoding="utf-8") == "keep me"


@pytest.mark.parametrize(
    "key, code, has",
    [
        ("good", 0, "1 student(s)"),
        ("missing", 2, "no key file"),
        ("broken", 2, "not valid TOML"),
    ],
)
def test_class_report_key_option(tmp_path, key, code, has):
    """Does `class-report --key FILE` grade another article's hand-in, and refuse a missing or broken key
    with exit 2 and one line?"""
    path = tmp_path / "mine.toml"
    if key == "good":
        path.write_text(
            '[key]\narticle = "own"\n[[exercise]]\nid = "own-spot"\nkind = "spot"\n'
            'question = "Flag it."\ntarget = "loaded language"\n'
            'passage = { text = "A shambolic meeting." }\n'
            '[[exercise.items]]\ntext = "shambolic"\nwhy = "It judges."\n',
            encoding="utf-8",
        )
    elif key == "broken":
        path.write_text("[key\n", encoding="utf-8")
    hand_in = {
        "format": "mediakit-export",
        "version": 1,
        "student": "ada",
        "notebooks": {
            "mine": {
                "format": "mediakit-answers",
                "version": 1,
                "student": "ada",
                "notebook": "mine",
                "article": "mine",
                "exercises": {
                    "own-spot": {
                        "kind": "spot",
                        "answer": ["shambolic"],
                        "score": 1.0,
                        "max_score": 1.0,
                        "items": [],
                        "checks": 1,
                    }
                },
            }
        },
    }
    (tmp_path / "a.json").write_text(json.dumps(hand_in), encoding="utf-8")
    r = run("class-report", str(tmp_path / "a.json"), "--key", str(path))
    assert r.returncode == code, r.stderr
    assert has in (r.stdout if code == 0 else r.stderr)
    if code == 0:
        assert "unknown-key" not in r.stdout and "own-spot" not in r.stdout.split("problem")[-1]
    else:
        assert len(r.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    "content, ok",
    [
        ("term,category,explanation,alternative\ncaf\u00e9,label,It judges.,a shop\n".encode("cp1252"), False),
        ("term,category,explanation,alternative\ncaf\u00e9,label,It judges.,a shop\n".encode("utf-8"), True),
    ],
)
def test_a_cp1252_word_list_gives_a_clear_message(tmp_path, content, ok):
    """Does a word list saved as Windows-1252 give a LexiconError saying to save it as UTF-8 (not a crash),
    while the same list in UTF-8 loads?"""
    from mediakit.errors import LexiconError
    from mediakit.lexicon import load

    (tmp_path / "mine.csv").write_bytes(content)
    if ok:
        assert load("mine", str(tmp_path))[0]["term"] == "caf\u00e9"
    else:
        with pytest.raises(LexiconError, match="not UTF-8.*CSV UTF-8"):
            load("mine", str(tmp_path))
