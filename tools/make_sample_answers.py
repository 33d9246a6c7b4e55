"""Write the sample hand-in files of a made-up class: mediakit/data/sample_answers/*.json.

    python tools/make_sample_answers.py            # rewrite the files
    python tools/make_sample_answers.py --check    # exit 1 if the files are not what it would write

Seven made-up students (student-01 ... student-07) work through the exercise
notebooks and the two quizzes. Each answer goes through the real exercises:
``mx.start(...)``, ``ex.check(answer)`` (which saves the answers file) and
``mx.export_answers(...)`` (which writes the hand-in file), so the files follow the
answers contract exactly and their exercise ids come from the key files
(``mediakit/keys/seed.toml`` and ``quiz.toml``). Regenerate them when a key changes.

Each student has a skill level; whether they get an item right is drawn from a
random generator seeded by the student's and the exercise's names, so the files are
the same on every run. Some students check an exercise twice (a first try, then a
better one); student-07 skips the last lesson and the post-quiz.

In each quiz notebook a student also takes the quiz in quiz mode
(:func:`mediakit.exercises.quiz.start_quiz`): the form their name gives them
(``form_order``: here student-01, 04, 05 and 06 take form A first, student-02, 03 and
07 form B first), each item right with the student's quiz skill, one submission
(``hand_in``). student-05 submits the pre-quiz a second time with better answers: the
first submission is the one recorded and handed in. The whole class is synthetic: its
numbers show what the report computes, not what a real class learns.

Three more files show how the class report copes with bad hand-ins:

- ``mediakit-answers-student-03-copy.json``: student-03 handed in twice; this copy is
  an earlier state of their work (fewer checks);
- ``mediakit-answers-student-08.json``: cut off in the middle (a broken download);
- ``analysis-student-09.json``: the JSON of ``mediakit analyze``, handed in by mistake.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "mediakit" / "data" / "sample_answers"

#: (student, skill on the lessons, skill on the pre-quiz, skill on the post-quiz)
STUDENTS = [
    ("student-01", 0.90, 0.55, 0.95),
    ("student-02", 0.75, 0.40, 0.80),
    ("student-03", 0.60, 0.35, 0.70),
    ("student-04", 0.50, 0.45, 0.55),
    ("student-05", 0.40, 0.20, 0.60),
    ("student-06", 0.80, 0.60, 0.85),
    ("student-07", 0.65, 0.50, None),  # no post-quiz
]
#: Notebooks student-07 did not do.
SKIPPED = {"student-07": {"05_headline_vs_body_exercises", "post_quiz"}}
#: Rewrite answers from weakest to best: a student's skill picks one.
REWRITES = {
    "loaded-rewrite-p6": [
        "Defense analysts, Ukrainian soldiers and even dictator Vladimir Putin have offered their own "
        "explanations for the operation.",
        "Defense analysts, Ukrainian soldiers and even Vladimir Putin have offered their own explanations "
        "for the operation.",
        "Defense analysts, Ukrainian soldiers and Russian President Vladimir Putin have offered their own "
        "explanations for the operation.",
    ],
    "headline-rewrite": [
        "Ukraine prepares for “bargaining” with Trump by seizing Kursk region",
        "Ukraine takes Kursk region ahead of talks with Trump",
        "Ukrainian forces advance into Russia's Kursk region, analysts say ahead of possible talks",
    ],
}


def _skill(student: tuple, notebook: str) -> float | None:
    _, lessons, pre, post = student
    return {"pre_quiz": pre, "post_quiz": post}.get(notebook, lessons)


def answer_for(ex, skill: float, rng: random.Random):
    """A made-up student's answer to one exercise: each item right with probability ``skill``."""
    kind = ex.kind
    if kind == "spot":
        flags = [it.text for it in ex.items if rng.random() < skill]
        flags += [it.text for it in ex.distractors if rng.random() < (1 - skill) * 0.5]
        return flags
    if kind == "classify":
        out = {}
        for it in ex.items:
            wrong = [c for c in ex.categories if c != it.category]
            out[it.id] = it.category if rng.random() < skill else rng.choice(wrong)
        return out
    if kind == "match":
        out = {}
        for c in ex.claims:
            wrong = [o for o in ex.option_ids() if o not in c.answers]
            out[c.id] = c.answers[0] if rng.random() < skill else rng.choice(wrong)
        return out
    if kind == "choose":
        right = [o.id for o in ex.options if o.correct]
        wrong = [o.id for o in ex.options if not o.correct]
        if ex.multiple:
            picked = [o for o in right if rng.random() < skill]
            picked += [o for o in wrong if rng.random() < (1 - skill) * 0.5]
            return picked or [rng.choice(wrong)]
        return right[0] if rng.random() < skill else rng.choice(wrong)
    if kind == "rewrite":
        texts = REWRITES[ex.id]
        level = min(len(texts) - 1, int(skill * len(texts) + rng.random() * 0.5))
        return texts[level]
    raise SystemExit(f"make_sample_answers: no made-up answers for the kind {kind!r} ({ex.id})")


#: The quiz notebooks and their phase.
QUIZ_NOTEBOOKS = {"pre_quiz": "pre", "post_quiz": "post"}
#: Students who submit a quiz a second time (with better answers): not recorded.
RESUBMIT = {("student-05", "pre")}


def take_quiz(phase: str, name: str, skill: float) -> None:
    """A made-up student takes the quiz of ``phase`` in quiz mode and submits it (in the current session's folder)."""
    from mediakit.exercises.quiz import start_quiz

    quiz = start_quiz(phase)
    rng = random.Random(f"{name}:quiz:{phase}")
    quiz.hand_in({n: answer_for(ex, skill, rng) for n, ex in enumerate(quiz.items, start=1)})
    if (name, phase) in RESUBMIT:
        again = start_quiz(phase)
        better = {n: next(iter(ex.correct)) for n, ex in enumerate(again.items, start=1)}
        again.hand_in(better)  # shows the first submission; records nothing


def write_class(folder: Path) -> list[Path]:
    """Write the hand-in files of the made-up class into ``folder``; return them."""
    import mediakit.exercises as mx
    from mediakit.exercises import answers

    notebooks: dict[str, list] = {}
    for ex in mx.all_exercises():
        notebooks.setdefault(ex.notebook, []).append(ex)
    written = []
    for student in STUDENTS:
        name = student[0]
        with tempfile.TemporaryDirectory() as work:
            for stem, exercises in sorted(notebooks.items()):
                skill = _skill(student, stem)
                if skill is None or stem in SKIPPED.get(name, ()):
                    continue
                mx.start(stem, student=name, folder=work)
                if stem in QUIZ_NOTEBOOKS:
                    take_quiz(QUIZ_NOTEBOOKS[stem], name, skill)
                for ex in exercises:
                    rng = random.Random(f"{name}:{ex.id}")
                    if rng.random() < 0.4:  # a first, weaker try
                        ex.check(answer_for(ex, skill * 0.6, random.Random(f"{name}:{ex.id}:first")))
                    ex.check(answer_for(ex, skill, rng))
                mx.stop()
                answers.drain()
                if name == "student-03" and stem == "03_attribution_and_quotes_exercises":
                    # student-03 also handed in an early export, after the first three notebooks
                    written.append(
                        mx.export_answers(name, folder=work, out=folder / f"mediakit-answers-{name}-copy.json")
                    )
            written.append(mx.export_answers(name, folder=work, out=folder / f"mediakit-answers-{name}.json"))
    # a hand-in cut off in the middle
    broken = (folder / "mediakit-answers-student-04.json").read_text(encoding="utf-8")
    corrupt = folder / "mediakit-answers-student-08.json"
    corrupt.write_text(broken.replace('"student-04"', '"student-08"')[:700], encoding="utf-8")
    # the JSON of `mediakit analyze`, handed in instead of the answers
    import mediakit

    foreign = folder / "analysis-student-09.json"
    text = "Minister hails daring plan\n\nThe minister said the plan was daring."
    foreign.write_text(mediakit.load_article(text).markup().to_json() + "\n", encoding="utf-8")
    return sorted(written + [corrupt, foreign])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare with the files on disk; change nothing")
    args = parser.parse_args(argv)
    os.environ.pop("MEDIAKIT_NOTEBOOK", None)
    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            files = write_class(Path(tmp))
            names = sorted(p.name for p in files)
            on_disk = sorted(p.name for p in OUT.glob("*.json"))
            same = names == on_disk and all(filecmp.cmp(Path(tmp) / n, OUT / n, shallow=False) for n in names)
        print("sample answers are up to date" if same else "sample answers differ: run tools/make_sample_answers.py")
        return 0 if same else 1
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.json"):
        old.unlink()
    files = write_class(OUT)
    for p in files:
        print(p.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
