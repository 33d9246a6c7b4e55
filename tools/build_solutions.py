#!/usr/bin/env python
"""Build the exercise notebooks: write ``solutions/*.ipynb`` from the cell lists below, run them,
then generate the student copies in ``exercises/``.

    python tools/build_solutions.py                 # write, execute, regenerate exercises/
    python tools/build_solutions.py --only 04       # one notebook (a prefix of its name)
    python tools/build_solutions.py --no-execute    # write the cells, keep no outputs

The exercises themselves (question, items, explanations) live in the answer keys
``mediakit/keys/seed.toml`` and ``mediakit/keys/quiz.toml``; this script lays them
out as notebooks. The solution answers are taken from the keys too (one truth),
except for the Rewrite exercises, whose model answers are written below.

Every exercise gets the same three cells:

1. markdown: ``## Exercise N: title``, the explicit question, the pattern and how to
   answer in code;
2. code, tagged ``nbval-ignore-output``: ``exN = mx.get("id")`` and ``exN`` (the widget);
3. code: the answer between ``### BEGIN SOLUTION`` / ``### END SOLUTION``, then
   ``print(exN.check(answer))``: strict nbval compares this full-marks feedback.

Notebooks are executed with nbclient (kernel ``python3``, working directory
``solutions/``, no timing metadata); answers go to ``solutions/*.answers.json``
under the student name ``solution-key`` (git-ignored).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

ROOT = Path(__file__).resolve().parent.parent
SOLUTIONS = ROOT / "solutions"
EXERCISES = ROOT / "exercises"
sys.path.insert(0, str(ROOT))

from mediakit.exercises import for_notebook  # noqa: E402

IGNORE = "nbval-ignore-output"

#: (stem, title, lesson notebook or None, intro text, next notebook stem or None)
NOTEBOOKS = [
    ("pre_quiz", "Pre-quiz: what do you notice already?", None,
     "This short quiz comes **before** the lessons. It uses short made-up news items, not the article "
     "you will study. Do not worry about your score: it shows what you notice now, so that you can "
     "compare it with the post-quiz at the end.", "01_meet_the_article_exercises"),
    ("01_meet_the_article_exercises", "Exercises: Meet the article", "01_meet_the_article",
     "You have met the article. Now check that you can tell the article from the web page around it, "
     "and what the page does not tell you.", "02_sourcing_exercises"),
    ("02_sourcing_exercises", "Exercises: Sourcing", "02_sourcing",
     "Who does the article rely on? Practise telling named sources from vague ones.",
     "03_attribution_and_quotes_exercises"),
    ("03_attribution_and_quotes_exercises", "Exercises: Attribution and quotes", "03_attribution_and_quotes",
     "Who said what, and how does the article tell you? Practise reading the words that report speech.",
     "04_loaded_language_exercises"),
    ("04_loaded_language_exercises", "Exercises: Loaded language", "04_loaded_language",
     "Which words judge instead of describing? Spot them, then rewrite a sentence without them.",
     "05_headline_vs_body_exercises"),
    ("05_headline_vs_body_exercises", "Exercises: Headline against body", "05_headline_vs_body",
     "Does the body back the headline? Match each part of the headline with the body, then write a "
     "headline of your own.", "post_quiz"),
    ("post_quiz", "Post-quiz: what do you notice now?", None,
     "This quiz comes **after** the lessons. It tests the same skills as the pre-quiz, on different "
     "made-up news items. Compare your two scores.", None),
]

#: Model answers for the Rewrite exercises (the keys cannot hold one right text).
REWRITE_ANSWERS = {
    "loaded-rewrite-p6": "Defense analysts, Ukrainian soldiers and Russian President Vladimir Putin have "
                         "offered their own explanations for the operation.",
    "headline-rewrite": "Ukraine may use Kursk region for bargaining, Financial Times reports",
}

#: The lesson titles, for the links back.
LESSON_TITLES = {
    "01_meet_the_article": "01 Meet the article",
    "02_sourcing": "02 Sourcing",
    "03_attribution_and_quotes": "03 Attribution and quotes",
    "04_loaded_language": "04 Loaded language",
    "05_headline_vs_body": "05 Headline against body",
}
#: What a widget cell shows when the notebook is opened without running it (deterministic).
WIDGET_PLACEHOLDER = "(Run this cell to show the exercise.)"

HOW = {
    "spot": "**In code:** write the words or short phrases you flag as a list of strings, exactly as they "
            "are written in the passage, for example `answer = [\"word\", \"two words\"]`.",
    "classify": "**In code:** write a dictionary: each item in quotes, a colon, then its category in quotes, "
                "for example `answer = {\"item\": \"category\"}`.",
    "match": "**In code:** write a dictionary: each part of the headline in quotes, a colon, then a letter "
             "(or `\"none\"`), for example `answer = {\"part of the headline\": \"A\"}`.",
    "rewrite": "**In code:** write your text between the quotes: `answer = \"...\"`. The kit reads it back "
               "with its own lenses and gives you a checklist.",
    "choose": "**In code:** write the letter of your choice in quotes, for example `answer = \"a\"`.",
}
NEXT_TITLES = {stem: title if title.startswith("Exercises") else title.split(":")[0]
               for stem, title, *_ in NOTEBOOKS}

HOW_MULTIPLE = ("**In code:** write the letters of all the options you choose as a list, for example "
                "`answer = [\"a\", \"c\"]`.")


def md(text: str, *tags: str):
    return new_markdown_cell(text.strip("\n"), metadata={"tags": list(tags)} if tags else {})


def code(src: str, *tags: str):
    return new_code_cell(src.strip("\n"), metadata={"tags": list(tags)} if tags else {})


def literal(value) -> str:
    """Python source for plain data (JSON syntax is valid Python for strings, lists and dicts)."""
    if isinstance(value, dict) and len(value) > 1:
        inner = ",\n".join(f"    {json.dumps(k, ensure_ascii=False)}: {json.dumps(v, ensure_ascii=False)}"
                           for k, v in value.items())
        return "{\n" + inner + ",\n}"
    return json.dumps(value, ensure_ascii=False)


def solution(ex):
    """The full-marks answer, taken from the key."""
    if ex.kind == "spot":
        return [it.text for it in ex.items]
    if ex.kind == "classify":
        return {it.text: it.category for it in ex.items}
    if ex.kind == "match":
        return {c.text: c.answers[0] for c in ex.claims}
    if ex.kind == "choose":
        return list(ex.correct) if ex.multiple else ex.correct[0]
    if ex.kind == "rewrite":
        return REWRITE_ANSWERS[ex.id]
    raise ValueError(ex.kind)


def listing(ex) -> str:
    """What the code answer needs to name (never the answers themselves)."""
    if ex.kind == "spot":
        return f"The passage ({ex.passage.label}):\n\n" + "\n".join(
            "> " + line if line.strip() else ">" for line in ex.passage.text.split("\n"))
    if ex.kind == "classify":
        items = "\n".join(f"- `{it.text}`" for it in ex.items)
        return f"The items:\n\n{items}\n\nThe categories: " + ", ".join(f"`{c}`" for c in ex.categories) + "."
    if ex.kind == "match":
        opts = "\n".join(f"- **{o.id}**: {o.text}" for o in ex.options[:-1])
        claims = ", ".join(f"`{c.text}`" for c in ex.claims)
        return (f"The headline: *{ex.passage.text}*\n\nThe parts of the headline: {claims}.\n\n"
                f"The body sentences:\n\n{opts}\n- **none**: not in the body")
    if ex.kind == "choose":
        return "\n".join(f"- **{o.id})** {o.text}" for o in ex.options)
    if ex.kind == "rewrite":
        return f"The original {ex.target}: *{ex.original}*"
    return ""


def exercise_cells(n: int, ex) -> list:
    how = HOW_MULTIPLE if ex.kind == "choose" and ex.multiple else HOW[ex.kind]
    name = f"ex{n}"
    return [
        md(f"## Exercise {n}: {ex.title}\n\n**Question:** {ex.question}\n\n*Pattern: {ex.pattern}.*\n\n"
           f"{listing(ex)}\n\n**With the widget:** answer below, then press **Check**. **Hint** shows one hint "
           f"at a time; **Try again** hides the feedback; **Reset** clears your answer.\n\n{how}"),
        code(f'{name} = mx.get("{ex.id}")\n{name}', IGNORE),
        code(f"### BEGIN SOLUTION\nanswer = {literal(solution(ex))}\n### END SOLUTION\nprint({name}.check(answer))"),
    ]


def build(stem: str, title: str, lesson: str | None, intro: str, nxt: str | None):
    exercises = for_notebook(stem)
    if not exercises:
        raise SystemExit(f"no exercises in the keys for {stem}")
    back = (f"These exercises go with the lesson [{LESSON_TITLES[lesson]}](../notebooks/{lesson}.ipynb)."
            if lesson else "Take it after the lessons and [the last exercises](05_headline_vs_body_exercises.ipynb)."
            if stem == "post_quiz" else "Then start the lessons with [00 Start here](../notebooks/00_start_here.ipynb).")
    cells = [
        md(f"# {title}\n\n{intro}\n\n{back}\n\n"
           "**How it works.** Each exercise has a question, a widget to answer it, and a code cell where you "
           "can write your answer as Python data instead. Every time you check an answer, it is saved in a "
           f"file beside this notebook (`{stem}.answers.json`), so it comes back if you restart. Run the next "
           "cell first, with your name in it."),
        code(f'import mediakit.exercises as mx\n\n### BEGIN SOLUTION\nstudent = "solution-key"\n'
             f'### END SOLUTION\nmx.start("{stem}", student=student)'),
    ]
    for n, ex in enumerate(exercises, start=1):
        cells.extend(exercise_cells(n, ex))
    nav = [f"- Back to the lesson: [{LESSON_TITLES[lesson]}](../notebooks/{lesson}.ipynb)"] if lesson else []
    if nxt:
        nav.append(f"- Next: [{NEXT_TITLES[nxt]}]({nxt}.ipynb)")
    cells.append(md("## Hand in\n\nWhen you have finished all the exercise notebooks, run "
                     "`mx.export_answers()` in a new cell: it gathers your saved answers into one file, "
                     "`mediakit-answers-<your name>.json`, for your teacher.\n\n" + "\n".join(nav)))
    for i, cell in enumerate(cells):
        cell["id"] = f"{stem.split('_')[0] if stem[0].isdigit() else stem.replace('_', '-')}-{i:02d}"
    nb = new_notebook(cells=cells, metadata={
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
    })
    nb.nbformat_minor = 5
    return nb


def execute(nb, folder: Path):
    from nbclient import NotebookClient
    for stale in folder.glob("*.answers.json"):
        stale.unlink()
    client = NotebookClient(nb, kernel_name="python3", timeout=300, record_timing=False,
                            store_widget_state=False, resources={"metadata": {"path": str(folder)}})
    client.execute()
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        if IGNORE in cell.metadata.get("tags", []):
            # A widget's stored view has a random model id and no state: keep a plain line instead.
            cell.outputs = [nbformat.v4.new_output("display_data", data={"text/plain": WIDGET_PLACEHOLDER})]
    nb.metadata.pop("widgets", None)
    for stale in folder.glob("*.answers.json"):
        stale.unlink()
    nb.metadata.get("language_info", {}).pop("version", None)
    return nb


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--only", action="append", default=[], help="build only notebooks whose name starts so")
    p.add_argument("--no-execute", action="store_true")
    args = p.parse_args(argv)
    SOLUTIONS.mkdir(exist_ok=True)
    for spec in NOTEBOOKS:
        stem = spec[0]
        if args.only and not any(stem.startswith(o) for o in args.only):
            continue
        nb = build(*spec)
        if not args.no_execute:
            execute(nb, SOLUTIONS)
        nbformat.write(nb, str(SOLUTIONS / f"{stem}.ipynb"))
        print(f"wrote solutions/{stem}.ipynb")
    from mediakit.classroom.make_exercises import make_exercises
    for path in make_exercises(SOLUTIONS, EXERCISES):
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
