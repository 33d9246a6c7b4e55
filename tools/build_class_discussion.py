"""Build notebooks/07_class_discussion.ipynb: the class report on the sample hand-ins, run and saved.

    python tools/build_class_discussion.py          # write and execute the notebook
    python tools/build_class_discussion.py --check  # exit 1 if the notebook on disk differs

The notebook keeps its outputs (nbval compares them strictly), so they must be the
same on every run: the report reads the sample files shipped in
``mediakit/data/sample_answers`` (see ``tools/make_sample_answers.py``), names files
without their folder, and its charts are drawn by matplotlib without timestamps.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
TARGET = NOTEBOOKS / "07_class_discussion.ipynb"

CELLS = [
    ("md", """\
# 7. Class discussion: what did we miss?

**Teaching:** 15 min · **Exercises:** 20 min

### Questions
- Which devices did most of the class catch, and which slipped past most of us?
- Why is a label such as "dictator" easier to spot than praise such as "daring"?
- Did the class read more carefully after the lessons than before?

### Objectives
- Read a class report: a gradebook, an item table and three charts.
- Name the items most students missed and find them in the article again.
- Explain, for one missed item, what it does to a reader and offer a neutral alternative.
- Compare the pre-quiz and the post-quiz without reading too much into a small class.

*For the instructor:* this notebook runs the class report on a **made-up class** of seven
students that ships with mediakit, so that it works before your own class hands anything in.
The last section shows how to run it on your class's files."""),
    ("md", """\
## How the answers get here

Every time a student presses **Check** in an exercise notebook, the answer is saved beside the
notebook (`01_meet_the_article_exercises.answers.json`, ...). At the end, each student runs one
line in any notebook of their folder and hands in the file it writes:

```python
import mediakit.exercises as mx
mx.export_answers(student="Sam")     # writes mediakit-answers-Sam.json
```

The instructor puts the hand-ins in one folder and runs the report. Run the cell below: it reads
the sample folder."""),
    ("code", """\
%matplotlib inline
import pandas as pd
pd.set_option("display.max_colwidth", 60)
pd.set_option("display.width", 120)
from mediakit.classroom.report import class_report, sample_answers_dir

report = class_report([sample_answers_dir()])
print(report.summary())"""),
    ("md", """\
## Files that could not be used

A real pile of hand-ins always has a few bad files. The report never stops at one: it lists the file,
says what is wrong, and reads the rest. The sample class has three on purpose:

- **duplicate**: student-03 handed in twice. The report keeps the copy with more checks (a student's
  number of checks only grows, so that is their later work) and names the one it set aside.
- **corrupt**: a file cut off in the middle (a broken download). Ask the student to export it again:
  their answers are still saved beside their notebooks.
- **foreign**: a JSON file that is not an answers file (here, the output of `mediakit analyze`).

A **missing** file (a name given on the command line that does not exist) is reported the same way."""),
    ("code", """\
for problem in report.problems:
    print(problem)"""),
    ("md", """\
## The gradebook

One row per student, one column per exercise (its score), then the total, the maximum and the
per cent. An empty cell is an exercise the student never checked: it counts 0 in the total.
The quizzes are not in the total (see the last section)."""),
    ("code", """\
report.gradebook"""),
    ("md", """\
**Before you project it:** the gradebook and the item table name students. Show the class the
charts and the shares, not the names. The cell below drops them."""),
    ("code", """\
shares = report.exercise_shares().mul(100).round(0).rename("% of the marks")
shares.to_frame()"""),
    ("code", """\
report.chart("exercises")"""),
    ("md", """\
## How the class answered each item

The item table has one row per item of each exercise: how many students who checked the exercise
got it right, missed it, or flagged something that is not in the key (a false alarm). Start with the
two words of the loaded-language exercises: the label "dictator" and the adjective "daring"."""),
    ("code", """\
columns = ["exercise", "item", "students", "right", "missed", "share_right", "share_missed"]
pd.concat([report.item("dictator"), report.item("daring")])[columns]"""),
    ("code", """\
report.chart("missed_items")"""),
    ("code", """\
(report.items[~report.items["notebook"].isin(["pre_quiz", "post_quiz"])]
 .sort_values(["share_missed", "exercise", "item"], ascending=[False, True, True], kind="stable")
 .head(8)[columns])"""),
    ("md", """\
### Discussion (in pairs, then with the class)

1. Find each of the three most-missed items in the article again (lesson 1's markup helps). For each
   one: is it in the writer's own voice or inside a quotation? Who does it favour, and what does it
   do to a reader who has not noticed it?
2. A label like "dictator" announces itself; praise like "daring" feels like description. Which
   other words in the article work like "daring"? Do they all favour the same side? (Remember
   "invasion" and the spelling "Kiev": a method flags devices whichever side they favour.)
3. Pick one missed item and write a neutral alternative. Check it with the Rewrite exercise of
   lesson 4 or 5: does the loaded lens still flag it?
4. Where the class got an item "wrong" that the key marks right, is the key arguable? Say why: a
   key is a reading, and the lenses are a machine's first reading, not a verdict."""),
    ("md", """\
## Before and after: the quizzes

The same kind of questions, on short made-up passages, before lesson 1 and after lesson 5. The table
shows each student who took both, in per cent of the quiz marks, and the gain in points."""),
    ("code", """\
report.quiz_gain"""),
    ("code", """\
report.chart("quiz_gain")"""),
    ("md", """\
### Discussion

- Most students gained, one did worse. With seven students and a few questions, one lucky guess moves
  a score by more than ten points: what would you need before saying the lessons *caused* the gain?
- Which kind of question improved most? Open the item table for `pre-spot` and `post-spot`."""),
    ("md", """\
## Your own class

Put the hand-in files in one folder and run, in a terminal:

```bash
mediakit class-report handins/ -o class-report/
```

It prints the summary and writes `gradebook.csv`, `items.csv`, `quiz.csv`, `summary.txt` and the
three charts as PNG files into `class-report/`. In a notebook, `class_report(["handins/"])` gives
the same tables as here. The report trusts the scores saved by `check()`: a student could edit
their file, so for marks that count, re-run their notebooks."""),
    ("md", """\
## Key points

- A class report turns saved checks into a gradebook, an item table and charts in one command.
- The most useful view is the item table: what most students missed is what to teach again.
- Praise in the writer's voice ("daring") slips past readers more easily than a label ("dictator").
- Bad hand-in files are reported and set aside, never silently dropped.
- Show shares and charts to the class, not names; read a small class's quiz gain with care."""),
]


def build() -> nbformat.NotebookNode:
    nb = new_notebook(metadata={
        "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
        "mediakit": {"lesson": "07", "built_by": "tools/build_class_discussion.py"},
    })
    for i, (kind, source) in enumerate(CELLS):
        cell = new_markdown_cell(source) if kind == "md" else new_code_cell(source)
        cell["id"] = f"l07-{i:02d}"
        nb.cells.append(cell)
    return nb


def execute(nb):
    from nbclient import NotebookClient
    client = NotebookClient(nb, timeout=180, kernel_name="python3", record_timing=False,
                            resources={"metadata": {"path": str(NOTEBOOKS)}})
    client.execute()
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
    return nb


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare with the notebook on disk")
    args = parser.parse_args(argv)
    nb = execute(build())
    text = nbformat.writes(nb) + "\n"
    if args.check:
        same = TARGET.exists() and TARGET.read_text(encoding="utf-8") == text
        print("07_class_discussion.ipynb is up to date" if same else "07_class_discussion.ipynb differs: rebuild it")
        return 0 if same else 1
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
