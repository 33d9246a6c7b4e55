"""``mediakit lessons DIR``: copies the kit's notebooks, never overwriting a changed one.

The wheel itself is tested in ``tests/test_wheel.py`` (slow); here the command runs on the
checkout, where the notebooks are read from the repository.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mediakit.classroom.lessons import COPIED, SKIPPED, UNCHANGED, copy_lessons, kit_files, main
from mediakit.cli import main as cli_main
from mediakit.errors import MediakitError

ROOT = Path(__file__).resolve().parent.parent


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob("*.ipynb"))


@pytest.mark.parametrize(
    "student, folders, absent",
    [
        (False, ["notebooks", "exercises", "solutions"], []),
        (True, ["notebooks", "exercises"], ["solutions"]),
    ],
)
def test_copies_the_notebooks(tmp_path, student, folders, absent):
    """Does it copy every lesson and exercise notebook (and the solutions unless --student), in the kit's layout?"""
    done = copy_lessons(tmp_path / "kit", student=student)
    assert done and all(status == COPIED for _, status in done)
    for folder in folders:
        assert names(tmp_path / "kit" / folder) == names(ROOT / folder), folder
        assert all(
            (tmp_path / "kit" / folder / n).read_bytes() == (ROOT / folder / n).read_bytes()
            for n in names(ROOT / folder)
        )
    for folder in absent:
        assert not (tmp_path / "kit" / folder).exists()
    # lesson 6 compares the seed with this article, by a path relative to notebooks/
    assert (tmp_path / "kit" / "tests" / "articles" / "byo_example.txt").is_file()


@pytest.mark.parametrize(
    "change, status",
    [
        (None, UNCHANGED),  # identical: fine, reported as unchanged
        (b"\n", SKIPPED),  # changed (run, or edited): kept as it is
        (b"", SKIPPED),  # emptied: still never overwritten
    ],
)
def test_never_overwrites_a_changed_notebook(tmp_path, change, status):
    """Is an existing identical notebook left unchanged, and a changed one left exactly as it is?"""
    copy_lessons(tmp_path)
    target = tmp_path / "notebooks" / "01_meet_the_article.ipynb"
    if change is not None:
        target.write_bytes(target.read_bytes() + change if change else b"")
    before = target.read_bytes()
    done = dict(copy_lessons(tmp_path))
    assert done["notebooks/01_meet_the_article.ipynb"] == status
    assert target.read_bytes() == before
    assert {s for rel, s in done.items() if rel != "notebooks/01_meet_the_article.ipynb"} == {UNCHANGED}


def test_a_file_is_not_a_folder(tmp_path):
    """Does a file given as DIR raise a clear mediakit error (exit 2 on the command line), touching nothing?"""
    f = tmp_path / "notes.txt"
    f.write_text("mine", encoding="utf-8")
    with pytest.raises(MediakitError, match="is a file, not a folder"):
        copy_lessons(f)
    assert cli_main(["lessons", str(f)]) == 2
    assert f.read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize(
    "argv, code",
    [
        (["DIR"], 0),
        (["DIR", "--student"], 0),
        ([], 2),
        (["DIR", "--bogus"], 2),
        (["--help"], 0),
    ],
)
def test_exit_codes_and_how_to_open(tmp_path, capsys, argv, code):
    """Does the command exit 0 when done (and say how to open the lessons), 2 on a usage error in one line?"""
    argv = [str(tmp_path / "out") if a == "DIR" else a for a in argv]
    assert main(argv) == code
    out, err = capsys.readouterr()
    if code == 0 and "--help" not in argv:
        assert "jupyter lab notebooks/00_start_here.ipynb" in out
        assert f"cd {tmp_path / 'out'}" in out
    if code == 2:
        assert len(err.strip().splitlines()) == 1 and err.startswith("mediakit lessons: error:")


def test_the_cli_dispatches_lessons(tmp_path, capsys):
    """Does 'mediakit lessons DIR' run the command through the main command line?"""
    assert cli_main(["lessons", str(tmp_path / "k"), "--student"]) == 0
    assert "copied" in capsys.readouterr().out
    assert len(list((tmp_path / "k").rglob("*.ipynb"))) == len(kit_files(student=True)) - 1
