"""The student-copy generator: solutions/ in, exercises/ out, answers stripped, outputs cleared, in sync."""

from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from mediakit.classroom.make_exercises import check_in_sync, main, make_exercises, strip_code, student_copy
from mediakit.errors import MediakitError

ROOT = Path(__file__).resolve().parent.parent


def solution_notebook():
    cells = [
        new_markdown_cell(
            "# Exercises\n\nIntro.\n<!-- BEGIN SOLUTION -->\nThe answer is daring.\n<!-- END SOLUTION -->\nEnd."
        ),
        new_code_cell(
            'import mediakit.exercises as mx\n### BEGIN SOLUTION\nstudent = "solution-key"\n### END SOLUTION\n'
            'mx.start("x", student=student)'
        ),
        new_code_cell(
            '### BEGIN SOLUTION\nanswer = ["dictator", "daring"]\n### END SOLUTION\nprint(ex.check(answer))',
            execution_count=3,
            outputs=[new_output("stream", name="stdout", text="Score: 2/2\n")],
        ),
        new_code_cell("# the key, for teachers\nprint(KEY)", metadata={"tags": ["solution"]}),
        new_code_cell('if True:\n    ### BEGIN SOLUTION\n    answer = {"a": "named"}\n    ### END SOLUTION\n    pass'),
    ]
    for i, c in enumerate(cells):
        c["id"] = f"cell-{i}"
    return new_notebook(
        cells=cells, metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}
    )


@pytest.mark.parametrize(
    "source, expected",
    [
        (
            '### BEGIN SOLUTION\nanswer = ["a", "b"]\n### END SOLUTION\nprint(1)',
            "answer = []  # your answer here\nprint(1)",
        ),
        ('### BEGIN SOLUTION\nanswer = {"a": "b"}\n### END SOLUTION', "answer = {}  # your answer here"),
        ('### BEGIN SOLUTION\nanswer = "b"\n### END SOLUTION', 'answer = ""  # your answer here'),
        ('### BEGIN SOLUTION\nanswer = ("a",)\n### END SOLUTION', "answer = ()  # your answer here"),
        ("### BEGIN SOLUTION\nanswer = 42\n### END SOLUTION", "answer = 0  # your answer here"),
        ('### BEGIN SOLUTION\nstudent = "Key"\n### END SOLUTION', 'student = ""  # your name here'),
        ("### BEGIN SOLUTION\nx = compute()\n### END SOLUTION", "# YOUR ANSWER HERE"),
        ("### BEGIN SOLUTION\nfor a in b:\n    print(a)\n### END SOLUTION", "# YOUR ANSWER HERE"),
        ("### BEGIN SOLUTION\nnot python (\n### END SOLUTION", "# YOUR ANSWER HERE"),
        ("  ### BEGIN SOLUTION\n  answer = []\n  ### END SOLUTION", "  answer = []  # your answer here"),
        ('print("no solution here")', 'print("no solution here")'),
    ],
)
def test_stubs(source, expected):
    """Is each solution block replaced by an empty value of the same type, or by '# YOUR ANSWER HERE'?"""
    assert strip_code(source, "nb") == expected


@pytest.mark.parametrize(
    "source, message",
    [
        ("### BEGIN SOLUTION\nanswer = 1", "has no '### END SOLUTION'"),
        ("answer = 1\n### END SOLUTION", "without a '### BEGIN SOLUTION'"),
        ("### BEGIN SOLUTION\n### BEGIN SOLUTION\n### END SOLUTION", "inside another"),
    ],
)
def test_unbalanced_markers_are_errors(source, message):
    """Does an unbalanced solution marker raise an error naming the notebook and cell?"""
    with pytest.raises(MediakitError, match=message):
        strip_code(source, "nb.ipynb, cell 2")


def test_student_copy():
    """Does the copy strip solutions, markdown solutions, solution-tagged cells and outputs, keeping ids?"""
    nb = student_copy(solution_notebook(), "x.ipynb")
    text = nbformat.writes(nb)
    for secret in ("daring", "dictator", "solution-key", "KEY", "Score: 2/2"):
        assert secret not in text
    assert [c["id"] for c in nb.cells] == ["cell-0", "cell-1", "cell-2", "cell-4"]
    assert nb.cells[0].source == "# Exercises\n\nIntro.\nEnd."
    assert nb.cells[2].source == "answer = []  # your answer here\nprint(ex.check(answer))"
    assert nb.cells[3].source == "if True:\n    answer = {}  # your answer here\n    pass"
    assert all(c.outputs == [] and c.execution_count is None for c in nb.cells if c.cell_type == "code")


def test_generator_is_stable_and_sync_check_detects_staleness(tmp_path):
    """Is a second run byte-identical, and are missing, stale and orphan copies reported?"""
    src, dst = tmp_path / "solutions", tmp_path / "exercises"
    src.mkdir()
    nbformat.write(solution_notebook(), str(src / "a.ipynb"))
    written = make_exercises(src, dst)
    assert written == [dst / "a.ipynb"]
    first = (dst / "a.ipynb").read_bytes()
    make_exercises(src, dst)
    assert (dst / "a.ipynb").read_bytes() == first
    assert check_in_sync(src, dst) == []
    nb = solution_notebook()
    nb.cells[0].source = "# Changed"
    nbformat.write(nb, str(src / "a.ipynb"))
    assert check_in_sync(src, dst) == [f"{dst / 'a.ipynb'} (out of date)"]
    nbformat.write(nb, str(src / "b.ipynb"))
    (dst / "orphan.ipynb").write_text("{}", encoding="utf-8")
    assert check_in_sync(src, dst) == [
        f"{dst / 'a.ipynb'} (out of date)",
        f"{dst / 'b.ipynb'} (missing)",
        f"{dst / 'orphan.ipynb'} (no solution notebook)",
    ]


def test_main_exit_codes(tmp_path, capsys):
    """Does the command exit 0 when written or in sync, 1 when --check finds stale copies, 2 on error?"""
    src, dst = tmp_path / "s", tmp_path / "e"
    src.mkdir()
    nbformat.write(solution_notebook(), str(src / "a.ipynb"))
    assert main(["--src", str(src), "--dst", str(dst), "--check"]) == 1
    assert main(["--src", str(src), "--dst", str(dst)]) == 0
    assert main(["--src", str(src), "--dst", str(dst), "--check"]) == 0
    assert main(["--src", str(tmp_path / "none"), "--dst", str(dst)]) == 2
    assert "error: There is no folder" in capsys.readouterr().err
    (src / "broken.ipynb").write_text("not a notebook", encoding="utf-8")
    assert main(["--src", str(src), "--dst", str(dst)]) == 2
    capsys.readouterr()
    assert main(["--bogus"]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_repo_exercises_are_in_sync_with_solutions():
    """Is exercises/ exactly what make-exercises generates from solutions/ (regenerated in memory)?"""
    assert sorted(p.name for p in (ROOT / "solutions").glob("*.ipynb")), "no solution notebooks yet"
    assert check_in_sync(ROOT / "solutions", ROOT / "exercises") == []


EXERCISE_NOTEBOOKS = [
    "01_meet_the_article_exercises",
    "02_sourcing_exercises",
    "03_attribution_and_quotes_exercises",
    "04_loaded_language_exercises",
    "05_headline_vs_body_exercises",
    "pre_quiz",
    "post_quiz",
]


@pytest.mark.parametrize("stem", EXERCISE_NOTEBOOKS)
def test_student_notebooks_hide_the_answers(stem):
    """Does no student notebook print or write a key answer, and does each link back to its lesson?"""
    import mediakit.exercises as mx

    path = ROOT / "exercises" / f"{stem}.ipynb"
    nb = nbformat.read(str(path), as_version=4)
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    assert "solution-key" not in code and "BEGIN SOLUTION" not in code
    assert all(not c.outputs for c in nb.cells if c.cell_type == "code")
    for ex in mx.for_notebook(stem):
        assert f'mx.get("{ex.id}")' in code
        if ex.kind == "spot":
            for it in ex.items:
                assert f'"{it.text}"' not in code, (ex.id, it.text)
    text = "\n".join(c.source for c in nb.cells)
    if stem[0].isdigit():
        assert f"](../notebooks/{stem.replace('_exercises', '')}.ipynb)" in text


@pytest.mark.parametrize("stem", EXERCISE_NOTEBOOKS)
def test_solution_notebooks_show_full_marks_for_every_exercise(stem):
    """Does each solution notebook have, per exercise, a question cell, a widget cell and a check cell showing full marks?"""
    import re

    import mediakit.exercises as mx

    nb = nbformat.read(str(ROOT / "solutions" / f"{stem}.ipynb"), as_version=4)
    cells = nb.cells
    for n, ex in enumerate(mx.for_notebook(stem), start=1):
        i = next(k for k, c in enumerate(cells) if c.cell_type == "code" and f'mx.get("{ex.id}")' in c.source)
        question, widget, check = cells[i - 1], cells[i], cells[i + 1]
        assert question.cell_type == "markdown" and f"## Exercise {n}:" in question.source
        assert "**Question:**" in question.source and "Pattern" not in question.source  # no designer label
        assert widget.metadata.get("tags") == ["nbval-ignore-output"]
        assert "### BEGIN SOLUTION" in check.source and f"print(ex{n}.check(answer))" in check.source
        out = "".join(o.get("text", "") for o in check.outputs)
        m = max(ex.max_score, 0)
        assert re.search(rf"^Score: {int(m)}/{int(m)}$", out, re.M), (ex.id, out[-200:])


def test_stored_outputs_are_deterministic():
    """Do the stored solution outputs hold no memory addresses, timestamps or widget model ids?"""
    import re

    for path in sorted((ROOT / "solutions").glob("*.ipynb")):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"0x[0-9a-f]{6,}|model_id|\d{4}-\d\d-\d\dT\d\d:", text), path.name


# -- a student's worked notebook is never overwritten without a copy ---------------------------------
def _worked(nb, how):
    """A student copy as a student leaves it, worked in the way ``how`` names."""
    nb = nbformat.reads(nbformat.writes(nb), as_version=4)
    if how == "outputs":
        nb.cells[2].outputs = [new_output("stream", name="stdout", text="Score: 1/2\n")]
        nb.cells[2].execution_count = 4
    elif how == "answer written in":
        nb.cells[2].source = nb.cells[2].source.replace("answer = []  # your answer here", 'answer = ["daring"]')
    elif how == "name written in":
        nb.cells[1].source = nb.cells[1].source.replace('student = ""  # your name here', 'student = "Sam"')
    elif how == "cell added":
        cell = new_code_cell("# my notes")
        cell["id"] = "mine"
        nb.cells.append(cell)
    elif how == "widget state":
        nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {}}}
    return nb


@pytest.mark.parametrize(
    "how, kept",
    [
        ("outputs", True),
        ("answer written in", True),
        ("name written in", True),
        ("cell added", True),
        ("widget state", True),
        ("untouched", False),  # an untouched student copy is simply rewritten (negative case)
    ],
)
def test_a_worked_notebook_is_copied_before_it_is_rewritten(tmp_path, capsys, how, kept):
    """Does make-exercises keep a copy of a student's worked notebook (and say so) before it regenerates it,
    while an untouched copy is rewritten with no copy?"""
    src, dst = tmp_path / "solutions", tmp_path / "exercises"
    src.mkdir()
    nbformat.write(solution_notebook(), str(src / "a.ipynb"))
    make_exercises(src, dst)
    fresh = (dst / "a.ipynb").read_text(encoding="utf-8")
    nb = solution_notebook()
    nb.cells[0].source = "# Exercises, version 2"  # the teacher changed the solutions
    nbformat.write(nb, str(src / "a.ipynb"))
    student = _worked(nbformat.reads(fresh, as_version=4), how) if how != "untouched" else None
    if student is not None:
        nbformat.write(student, str(dst / "a.ipynb"))
    before = (dst / "a.ipynb").read_bytes()
    assert main(["--src", str(src), "--dst", str(dst)]) == 0
    out = capsys.readouterr().out
    backups = sorted(p.name for p in dst.glob("*.backup-*.ipynb"))
    assert backups == (["a.backup-1.ipynb"] if kept else [])
    if kept:
        assert (dst / "a.backup-1.ipynb").read_bytes() == before
        assert "kept a copy" in out and "a.backup-1.ipynb" in out
    assert "version 2" in (dst / "a.ipynb").read_text(encoding="utf-8")
    assert check_in_sync(src, dst) == []  # a backup is not a stale copy
    assert not [p for p in dst.iterdir() if p.name.endswith(".tmp")]


def test_backups_are_numbered_and_never_overwritten(tmp_path):
    """Does a second regeneration over worked notebooks make backup 2, leaving backup 1 as it was?"""
    src, dst = tmp_path / "solutions", tmp_path / "exercises"
    src.mkdir()
    nbformat.write(solution_notebook(), str(src / "a.ipynb"))
    make_exercises(src, dst)
    for n in (1, 2):
        worked = _worked(nbformat.read(str(dst / "a.ipynb"), as_version=4), "outputs")
        worked.cells[2].outputs[0]["text"] = f"try {n}\n"
        nbformat.write(worked, str(dst / "a.ipynb"))
        notes = []
        make_exercises(src, dst, notes)
        assert len(notes) == 1 and f"a.backup-{n}.ipynb" in notes[0]
    assert "try 1" in (dst / "a.backup-1.ipynb").read_text(encoding="utf-8")
    assert "try 2" in (dst / "a.backup-2.ipynb").read_text(encoding="utf-8")


def test_a_symlinked_target_is_not_replaced(tmp_path):
    """Is a student copy that is a symbolic link refused (exit 2, one line), and its target left alone?"""
    src, dst = tmp_path / "solutions", tmp_path / "exercises"
    src.mkdir()
    dst.mkdir()
    nbformat.write(solution_notebook(), str(src / "a.ipynb"))
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("keep me", encoding="utf-8")
    (dst / "a.ipynb").symlink_to(elsewhere)
    assert main(["--src", str(src), "--dst", str(dst)]) == 2
    assert elsewhere.read_text(encoding="utf-8") == "keep me" and (dst / "a.ipynb").is_symlink()
