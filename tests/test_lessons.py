"""Structure of the lessons (00 to 06) and the agreement of every source with its notebook.

The lessons are MyST Markdown sources (``notebooks/*.md``); ``tools/build_notebooks.py``
executes each into its ``.ipynb``. The structure checks read the sources, without running
anything: each lesson opens with its questions, objectives and time estimates, ends with
key points and links to its exercise notebook and to the next lesson, and keeps its
instructor notes marked and apart. The output checks read the built notebooks: a table
and (lessons 1 to 5) a chart, the outputs of a clean run. Every ``.ipynb`` in
``notebooks/`` and ``solutions/`` must have the cells (source, type, tags, ids) of its
``.md``. The time rule lives in ``tools/build_notebooks.py`` and is documented in
``docs/teacher-guide.md``.

Lesson 6 is also run with papermill on another article.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
SOLUTIONS = ROOT / "solutions"
BYO = ROOT / "tests" / "articles" / "byo_example.txt"


def _load_builder():
    spec = importlib.util.spec_from_file_location("build_notebooks", ROOT / "tools" / "build_notebooks.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("build_notebooks", module)
    spec.loader.exec_module(module)
    return module


B = _load_builder()
NUMBERS = sorted(B.LESSONS)
WITH_CHARTS = ["01", "02", "03", "04", "05"]


def nb_of(number: str):
    """The built notebook of lesson ``number``, with its outputs."""
    return nbformat.read(str(NOTEBOOKS / B.LESSONS[number][0]), as_version=4)


def src_of(number: str):
    """The MyST source of lesson ``number``, as jupytext reads it (no outputs)."""
    return B.lesson_source(number)


def md_cells(nb):
    return [c for c in nb.cells if c.cell_type == "markdown"]


def tags(cell) -> set:
    return set(cell.get("metadata", {}).get("tags", []))


def bullets(text: str, heading: str) -> list[str]:
    """The ``- item`` lines that follow ``heading`` up to the next heading."""
    m = re.search(rf"(?m)^#+\s*{re.escape(heading)}\s*$", text)
    if not m:
        return []
    out = []
    for line in text[m.end() :].splitlines():
        if line.startswith("#"):
            break
        if line.startswith("- "):
            out.append(line[2:].strip())
    return out


def header_problems(nb) -> list[str]:
    """What the opening cell lacks (an empty list when it is complete)."""
    first = md_cells(nb)[0].source if md_cells(nb) else ""
    problems = []
    if not re.match(r"# \d\. \S", first):
        problems.append("title '# N. ...'")
    if B.declared_minutes(nb) is None:
        problems.append("time line")
    if len(bullets(first, "Questions")) < 1:
        problems.append("questions")
    if len(bullets(first, "Objectives")) < 2:
        problems.append("objectives")
    return problems


def instructor_problems(nb) -> list[str]:
    """Instructor notes that are unmarked, untagged, or mixed into student text."""
    problems = []
    notes = 0
    for cell in nb.cells:
        marked = cell.cell_type == "markdown" and cell.source.startswith(B.INSTRUCTOR_MARK)
        tagged = "instructor" in tags(cell)
        if marked != tagged:
            problems.append(f"{cell.get('id')}: marked={marked} tagged={tagged}")
        elif not marked and re.search(r"instructor note", cell.source, re.I):
            problems.append(f"{cell.get('id')}: student cell mentions an instructor note")
        notes += marked and tagged
    if not notes:
        problems.append("no instructor note")
    return problems


def outputs(nb, mime: str):
    return [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []) if mime in o.get("data", {})]


def instructor_cell(text: str):
    """An instructor note as a source writes it: a tagged blockquote."""
    return nbformat.v4.new_markdown_cell(f"{B.INSTRUCTOR_MARK}\n>\n> {text}", metadata={"tags": ["instructor"]})


def discuss_cell(*questions: str):
    items = "\n".join(f"{i}. {q}" for i, q in enumerate(questions, 1))
    return nbformat.v4.new_markdown_cell(f"### Discuss\n\nTalk these over in pairs.\n\n{items}")


def _notebook(*cells, first=None):
    """A small notebook for the negative cases."""
    nb = nbformat.v4.new_notebook()
    head = (
        first
        if first is not None
        else ("# 1. T\n\n**Teaching:** 5 min · **Exercises:** 5 min\n\n### Questions\n- q?\n\n### Objectives\n- a\n- b")
    )
    nb.cells = [nbformat.v4.new_markdown_cell(head), *cells]
    return nb


# ---------------------------------------------------------------------------------------
# The checkers themselves (negative cases first: each must be able to fail)
# ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "first, missing",
    [
        ("# 1. T\n\n**Teaching:** 5 min · **Exercises:** 5 min\n\n### Questions\n- q?\n\n### Objectives\n- a\n- b", []),
        ("# 1. T\n\n### Questions\n- q?\n\n### Objectives\n- a\n- b", ["time line"]),
        ("# 1. T\n\n**Teaching:** 5 min · **Exercises:** 5 min\n\n### Objectives\n- a\n- b", ["questions"]),
        ("# 1. T\n\n**Teaching:** 5 min · **Exercises:** 5 min\n\n### Questions\n- q?", ["objectives"]),
        (
            "Lesson one\n\n**Teaching:** 5 min · **Exercises:** 5 min\n\n### Questions\n- q?\n\n### Objectives\n- a\n- b",
            ["title '# N. ...'"],
        ),
    ],
)
def test_header_checker(first, missing):
    """Does the header check notice a missing title, time line, questions or objectives?"""
    assert header_problems(_notebook(first=first)) == missing


@pytest.mark.parametrize(
    "cell, ok",
    [
        (instructor_cell("Timing: 15 min."), True),
        (nbformat.v4.new_markdown_cell("> **Instructor note**\n>\n> untagged"), False),
        (nbformat.v4.new_markdown_cell("Instructor note: mixed into the student text"), False),
        (nbformat.v4.new_markdown_cell("plain text", metadata={"tags": ["instructor"]}), False),
    ],
)
def test_instructor_checker(cell, ok):
    """Does the instructor-note check catch an untagged, unmarked or mixed-in note?"""
    problems = instructor_problems(_notebook(cell) if ok else _notebook(instructor_cell("ok"), cell))
    assert (problems == []) is ok, problems


@pytest.mark.parametrize(
    "declared, estimate, ok",
    [
        (15, 15.9, True),
        (10, 14.9, True),
        (20, 15.0, True),
        (25, 15.0, False),
        (5, 14.0, False),
        (40, 32.0, True),
        (45, 32.0, False),
    ],
)
def test_teaching_rule(declared, estimate, ok):
    """Is a declared teaching time accepted only within max(5 min, 25 %) of the estimate?"""
    assert B.teaching_ok(declared, estimate) is ok


@pytest.mark.parametrize(
    "declared, estimate, ok",
    [
        (15, 15, True),
        (20, 15, True),
        (25, 15, False),
        (10, 15, False),
        (10, 10, True),
    ],
)
def test_exercise_rule(declared, estimate, ok):
    """Are declared exercise minutes accepted only when they cover the exercises with at most 5 to spare?"""
    assert B.exercises_ok(declared, estimate) is ok


@pytest.mark.parametrize(
    "ident, minutes",
    [
        ("loaded-spot-p3-4", 3),  # Spot: 1 to read + 1 per key item (2 items)
        ("sources-classify", 4.5),  # Classify: 0.75 per item (6 items)
        ("sources-choose", 1.5),  # Choose, one answer
        ("meet-missing-choose", 2),  # Choose, several answers
        ("headline-match", 7),  # Match: 2 to read the options + 1 per claim (5 claims)
        ("headline-rewrite", 5),  # Rewrite
    ],
)
def test_exercise_minutes_by_kind_and_size(ident, minutes):
    """Does each kind of exercise get the minutes the stated rule gives it?"""
    import mediakit.exercises as mx

    assert B.exercise_minutes(mx.get(ident)) == minutes


@pytest.mark.parametrize(
    "kind, size, minutes",
    [
        ("classify", 4, 3.0),
        ("classify", 8, 6.0),
        ("spot", 3, 4),
        ("match", 2, 4),
        ("choose", 0, 1.5),
    ],
)
def test_exercise_minutes_grow_with_the_items(kind, size, minutes):
    """Does a bigger exercise of the same kind need more minutes (and a key's own minutes win)?"""
    from types import SimpleNamespace

    ex = SimpleNamespace(kind=kind, items=[None] * size, claims=[None] * size, multiple=False, minutes=None)
    assert B.exercise_minutes(ex) == minutes
    assert B.exercise_minutes(SimpleNamespace(kind=kind, minutes=9)) == 9


def test_teaching_estimate_follows_the_stated_rule():
    """Is a lesson of 150 words, 2 code cells and 1 discussion question estimated at 1 + 2 + 3 minutes?"""
    text = nbformat.v4.new_markdown_cell(" ".join(["word"] * 150))
    code = [nbformat.v4.new_code_cell("1"), nbformat.v4.new_code_cell("2")]
    nb = _notebook(text, *code, discuss_cell("one?"))
    assert B.teaching_estimate(nb) == pytest.approx(6.0, abs=0.2)


def test_discussion_counter():
    """Does the discussion count read numbered items in '### Discuss' cells only?"""
    nb = _notebook(discuss_cell("one?", "two?"), nbformat.v4.new_markdown_cell("1. not a discussion item"))
    assert B.discussion_questions(nb) == 2


# ---------------------------------------------------------------------------------------
# The lessons
# ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("number", NUMBERS)
def test_opens_with_questions_objectives_and_times(number):
    """Does the lesson open with its title, the time line, questions and objectives?"""
    assert header_problems(src_of(number)) == []


@pytest.mark.parametrize("number", NUMBERS)
def test_ends_with_key_points(number):
    """Is the second-to-last cell 'Key points' with at least three points?"""
    cells = src_of(number).cells
    assert cells[-2].source.startswith("## Key points")
    assert len(bullets(cells[-2].source, "Key points")) >= 3


@pytest.mark.parametrize("number", NUMBERS)
def test_links_its_exercise_notebook(number):
    """Does the last cell link the lesson's exercise notebook, and does its solution notebook exist?"""
    stem = B.LESSONS[number][1]
    assert f"](../exercises/{stem}.ipynb)" in src_of(number).cells[-1].source
    assert (SOLUTIONS / f"{stem}.ipynb").is_file(), f"solutions/{stem}.ipynb has not landed yet"


@pytest.mark.parametrize("number", NUMBERS)
def test_links_the_next_lesson(number):
    """Does the last cell link the next lesson, and does that notebook exist?"""
    nxt = B.LESSONS[number][2]
    assert f"]({nxt})" in src_of(number).cells[-1].source
    assert (NOTEBOOKS / nxt).is_file(), f"notebooks/{nxt} does not exist"


@pytest.mark.parametrize("number", NUMBERS)
def test_instructor_notes_are_marked_and_apart(number):
    """Are the instructor notes tagged, marked as blockquotes, and absent from student cells?"""
    assert instructor_problems(src_of(number)) == []


@pytest.mark.parametrize("number", NUMBERS)
def test_has_discussion_questions(number):
    """Does the lesson ask the class at least two discussion questions?"""
    assert B.discussion_questions(src_of(number)) >= 2


@pytest.mark.parametrize("number", [n for n in NUMBERS if n != "00"])
def test_has_go_further(number):
    """Does the lesson offer an optional 'Go further' code cell, tagged apart from the core path?"""
    cells = src_of(number).cells
    assert any(c.cell_type == "code" and "go-further" in tags(c) for c in cells)
    assert all("Go further" not in c.source for c in cells if "go-further" not in tags(c))


@pytest.mark.parametrize("number", NUMBERS)
def test_teaching_time_matches_content(number):
    """Is the declared teaching time within the rule's range of the estimate from the content?"""
    nb = src_of(number)
    teaching, _ = B.declared_minutes(nb)
    estimate = B.teaching_estimate(nb)
    assert B.teaching_ok(teaching, estimate), f"declared {teaching} min, content estimates {estimate:.1f} min"


@pytest.mark.parametrize("number", NUMBERS)
def test_exercise_time_matches_exercises(number):
    """Do the declared exercise minutes cover the exercises of the linked notebook (by kind and size)?"""
    _, declared = B.declared_minutes(src_of(number))
    n, estimate = B.exercise_estimate(B.LESSONS[number][1])
    assert n > 0, f"no exercises are keyed to {B.LESSONS[number][1]} yet"
    assert B.exercises_ok(declared, estimate), f"declared {declared} min for {n} exercises needing {estimate} min"


@pytest.mark.parametrize("number", NUMBERS)
def test_every_code_cell_ran_without_error(number):
    """Was every code cell run in order from a fresh kernel, with no error output stored?"""
    code = [c for c in nb_of(number).cells if c.cell_type == "code"]
    assert [c.execution_count for c in code] == list(range(1, len(code) + 1))
    errors = [(c.id, o.get("ename")) for c in code for o in c.outputs if o.get("output_type") == "error"]
    assert errors == []


@pytest.mark.parametrize("number", NUMBERS)
def test_shows_a_table(number):
    """Does the lesson show at least one pandas table (pandas' own view or mediakit's readable one)?"""
    assert any(
        "<table" in "".join(o["data"]["text/html"])
        and ("dataframe" in "".join(o["data"]["text/html"]) or 'class="mk-frame"' in "".join(o["data"]["text/html"]))
        for o in outputs(nb_of(number), "text/html")
    )


def chart_images(nb) -> list[str]:
    """The alt text of every chart the notebook shows as an HTML image (``""`` for an image with none)."""
    found = []
    for o in outputs(nb, "text/html"):
        for tag in re.findall(r"<img\b[^>]*>", "".join(o["data"]["text/html"])):
            if "data:image/png;base64," in tag:
                alt = re.search(r'\balt="([^"]*)"', tag)
                found.append(alt.group(1) if alt else "")
    return found


def passage_views(nb) -> list[bool]:
    """For each highlighted-article output: True when it shows a passage, False for the whole article."""
    return [
        "The passage: \u00b6" in "".join(o["data"]["text/html"])
        for o in outputs(nb, "text/html")
        if "mk-text" in "".join(o["data"]["text/html"])
    ]


@pytest.mark.parametrize("number", WITH_CHARTS + ["06"])
def test_shows_a_chart_and_the_highlighted_article(number):
    """Does the lesson show a chart with alt text (no bare PNG) and the highlighted article (mediakit's HTML)?"""
    nb = nb_of(number)
    alts = chart_images(nb)
    assert alts and all(re.match(r"(Stacked bar|Bar) chart: \S", alt) for alt in alts), alts
    assert not outputs(nb, "image/png"), "a chart shown as a bare PNG has no alt text: use chart_html"
    assert passage_views(nb)


@pytest.mark.parametrize(
    "html, alts",
    [
        ('<figure><img src="data:image/png;base64,AA" alt="Bar chart: x. a: 1."></figure>', ["Bar chart: x. a: 1."]),
        ('<img src="data:image/png;base64,AA">', [""]),
        ('<img src="logo.svg" alt="">', []),
    ],
)
def test_chart_images_reads_alt_text(html, alts):
    """Does the chart check find each embedded chart and its alt text, and an image with none as empty?"""
    nb = _notebook(
        nbformat.v4.new_code_cell("x", outputs=[nbformat.v4.new_output("display_data", {"text/html": html})])
    )
    assert chart_images(nb) == alts


@pytest.mark.parametrize("number, whole", [("01", 1), ("02", 0), ("03", 0), ("04", 0), ("05", 0), ("06", 1)])
def test_lessons_show_the_passage_they_discuss(number, whole):
    """Does each lesson show passages, with the whole article drawn only where the lesson needs it?

    Lesson 1 opens with one look at the whole page; lesson 6 shows the student's own article.
    Every other highlighted view is a passage, with the whole article one click away in it.
    """
    views = passage_views(nb_of(number))
    assert views.count(False) == whole, views
    assert all(
        "The whole article" in "".join(o["data"]["text/html"])
        for o in outputs(nb_of(number), "text/html")
        if "The passage: \u00b6" in "".join(o["data"]["text/html"])
    )


@pytest.mark.parametrize("number", WITH_CHARTS)
def test_highlights_only_the_layers_it_needs(number):
    """Does each of lessons 1 to 5 show the article with a chosen few layers, not all nine?"""
    shown = [
        re.findall(r'"(\w+)"', m)
        for c in src_of(number).cells
        if c.cell_type == "code"
        for m in re.findall(r"markup\.only\(([^)]*)\)", c.source)
    ]
    assert shown and all(1 <= len(layers) <= 3 for layers in shown), shown


@pytest.mark.parametrize("number", NUMBERS)
def test_outputs_are_deterministic(number):
    """Are the stored outputs free of memory addresses, timestamps and timing metadata?"""
    nb = nb_of(number)
    for c in nb.cells:
        assert "execution" not in c.metadata
        if c.cell_type != "code":
            continue
        for o in c.outputs:
            text = "".join(o.get("text", "")) + "".join(
                "".join(v) for k, v in o.get("data", {}).items() if k.startswith("text/")
            )
            assert not re.search(r"\bat 0x[0-9a-f]{6,}|object at 0x", text), (c.id, text[:200])
            assert not re.search(r"\b20\d\d-\d\d-\d\d[T ]\d\d:\d\d", text), (c.id, text[:200])


@pytest.mark.parametrize("number", NUMBERS)
def test_no_cell_relies_on_a_semicolon(number):
    """Does no code cell end in ';'? (nbval's kernel may still show the value: use plt.show().)"""
    ends = [c.id for c in src_of(number).cells if c.cell_type == "code" and c.source.rstrip().endswith(";")]
    assert ends == []


SOURCES = [str(p.relative_to(ROOT)) for p in B.sources()]


def test_every_lesson_and_solution_has_a_source():
    """Is there a MyST source for every lesson (00 to 07) and every solution notebook, and a notebook for every source?"""
    names = {Path(s).with_suffix("").as_posix() for s in SOURCES}
    for folder in ("notebooks", "solutions"):
        for nb_path in (ROOT / folder).glob("*.ipynb"):
            assert f"{folder}/{nb_path.stem}" in names, f"{folder}/{nb_path.name} has no .md source"
    assert {f"notebooks/{B.LESSONS[n][0][:-6]}" for n in NUMBERS} | {"notebooks/07_class_discussion"} <= names
    assert not [p for p in B.check_all() if "is missing" in p or "has no source" in p]


@pytest.mark.parametrize("source", SOURCES)
def test_notebook_matches_its_source(source):
    """Has the .ipynb the cells of its MyST source (same ids, types, text and tags)? Run tools/build_notebooks.py if not."""
    assert B.source_problems(ROOT / source) == [], f"rebuild: python tools/build_notebooks.py {Path(source).stem}"


@pytest.mark.parametrize("change", ["text", "tag", "new cell", "cell type"])
def test_source_check_notices_a_change(tmp_path, change):
    """Does the source check report a changed sentence, tag, cell or cell type (and accept the unchanged copy)?"""
    import shutil

    folder = tmp_path / "notebooks"
    folder.mkdir()
    md = folder / "01_meet_the_article.md"
    shutil.copy(NOTEBOOKS / md.name, md)
    shutil.copy(NOTEBOOKS / md.with_suffix(".ipynb").name, md.with_suffix(".ipynb"))
    assert B.source_problems(md) == []
    text = md.read_text(encoding="utf-8")
    edited = {
        "text": text.replace("A web page holds more than an article.", "A web page holds more than one article."),
        "tag": text.replace('+++ {"tags": ["instructor"]}', "+++", 1),
        "new cell": text + "\n+++\n\nOne more paragraph.\n",
        "cell type": text.replace('```{code-cell}\nmarkup.only("furniture")\n```', 'markup.only("furniture")'),
    }[change]
    assert edited != text
    md.write_text(edited, encoding="utf-8")
    assert B.source_problems(md) != []


def test_lesson_6_has_a_parameters_cell():
    """Does lesson 6 have exactly one cell tagged 'parameters', defaulting ARTICLE to the seed?"""
    cells = [c for c in src_of("06").cells if "parameters" in tags(c)]
    assert len(cells) == 1
    assert re.search(r"(?m)^ARTICLE = None\b", cells[0].source)
    assert re.search(r"(?m)^COMPARE = ", cells[0].source)


@pytest.mark.parametrize("number", [n for n in NUMBERS if n != "06"])
def test_only_lesson_6_takes_parameters(number):
    """Do the other lessons stay on the seed, with no parameters cell?"""
    assert not any("parameters" in tags(c) for c in src_of(number).cells)


# ---------------------------------------------------------------------------------------
# Lesson 6 with papermill, on another article
# ---------------------------------------------------------------------------------------
def _papermill(tmp_path, **parameters):
    papermill = pytest.importorskip("papermill")
    out = tmp_path / "out.ipynb"
    papermill.execute_notebook(
        str(NOTEBOOKS / B.LESSONS["06"][0]),
        str(out),
        parameters=parameters,
        kernel_name="python3",
        cwd=str(tmp_path),
        progress_bar=False,
    )
    return nbformat.read(str(out), as_version=4)


def _text_outputs(nb) -> str:
    return "\n".join(
        "".join(o.get("text", "")) + "".join(o.get("data", {}).get("text/plain", ""))
        for c in nb.cells
        if c.cell_type == "code"
        for o in c.outputs
    )


@pytest.mark.parametrize("how", ["path", "pasted text"])
def test_lesson_6_runs_on_another_article(tmp_path, how):
    """Does lesson 6 run to the end on the example article, given as a path or as pasted text?"""
    article = str(BYO) if how == "path" else BYO.read_text(encoding="utf-8")
    nb = _papermill(tmp_path, ARTICLE=article, COMPARE=str(BYO))
    text = _text_outputs(nb)
    assert "Riverside library to open on Sundays from March" in text
    assert "Ukraine prepares" not in text  # the seed is not what ran
    assert not [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.get("output_type") == "error"]


def test_lesson_6_stops_with_a_clear_message_on_a_missing_file(tmp_path):
    """Does a wrong path stop lesson 6 with mediakit's message, not a bare traceback deep in pandas?"""
    papermill = pytest.importorskip("papermill")
    with pytest.raises(papermill.PapermillExecutionError) as info:
        _papermill(tmp_path, ARTICLE=str(tmp_path / "no_such_article.txt"), COMPARE=str(BYO))
    assert info.value.ename == "ArticleError"
    assert "There is no file at" in info.value.evalue


# ---------------------------------------------------------------------------------------
# The teacher guide
# ---------------------------------------------------------------------------------------
def test_teacher_guide_lesson_table_is_current():
    """Is the lesson plan table in docs/teacher-guide.md the one the lessons and keys give today?"""
    text = B.GUIDE.read_text(encoding="utf-8")
    table = text.split(B.TABLE_START, 1)[1].split(B.TABLE_END, 1)[0].strip()
    assert table == B.guide_table(), "run: python tools/build_notebooks.py --guide"


@pytest.mark.parametrize(
    "needle",
    [
        "../exercises/pre_quiz.ipynb",
        "../exercises/post_quiz.ipynb",
        "teaching-in-class.md",
        "papermill notebooks/06_bring_your_own_article.ipynb out.ipynb -p ARTICLE path/to/article.txt",
        "load_article(",
        "Binder",
        "JupyterHub",
        "JupyterLab",
        "Neutrality",
        "remove_cell_tags='[\"instructor\"]'",
    ],
)
def test_teacher_guide_covers(needle):
    """Does the teacher guide cover the quizzes, the three ways to run a class and how to swap the article?"""
    assert needle in B.GUIDE.read_text(encoding="utf-8")


@pytest.mark.parametrize("number", NUMBERS)
def test_teacher_guide_lists_every_lesson(number):
    """Does the guide's table link every lesson notebook with its declared minutes?"""
    nb = src_of(number)
    teaching, exercises = B.declared_minutes(nb)
    row = [
        line
        for line in B.GUIDE.read_text(encoding="utf-8").splitlines()
        if line.startswith("| [") and f"(../notebooks/{B.LESSONS[number][0]})" in line
    ]
    assert len(row) == 1 and f"| {teaching} min | {exercises} min |" in row[0]
