#!/usr/bin/env python
"""Build the lesson notebooks in ``notebooks/`` from the cell lists below, then run them.

    python tools/build_lessons.py               # write and execute every lesson (00 to 06)
    python tools/build_lessons.py --only 03     # one lesson (repeat --only for more)
    python tools/build_lessons.py --no-execute  # write the cells, keep no outputs
    python tools/build_lessons.py --guide       # only refresh the lesson table in docs/teacher-guide.md

The lesson text lives here, in Python, so that a change in mediakit is followed by one
command that rewrites every notebook and stores fresh outputs: the notebooks are build
artefacts, checked by ``tests/test_lessons.py`` (structure), ``tests/test_narrative.py``
(the text agrees with the markup) and strict nbval (the stored outputs are what a
restarted kernel produces).

Conventions every lesson follows (the tests rely on them):

* the first markdown cell holds the title, the line
  ``**Teaching:** N min · **Exercises:** M min``, ``### Questions`` and ``### Objectives``;
* discussion questions sit in markdown cells that start with ``### Discuss`` (one numbered
  item per question);
* instructor notes are markdown cells tagged ``instructor`` whose text starts with
  ``> **Instructor note**``; nothing else says "Instructor note";
* optional cells for students who want to code are tagged ``go-further``;
* the second-to-last cell is ``## Key points``; the last links the exercise notebook and the
  next lesson;
* cell ids are ``l<lesson>-<index>``, so a rebuild gives the same ids.

The time rule (see :func:`teaching_estimate`, documented in ``docs/teacher-guide.md``):
teaching minutes are estimated as the words of the student text read at 120 words per
minute, plus half a minute per code cell on the core path (run it, look at the output),
plus 2 minutes per discussion question; the declared teaching time must lie within
``max(5, 25 %)`` of that estimate. Exercise minutes are checked against the exercise
notebook: the sum of the minutes of its exercises (:func:`exercise_estimate`: 5 per
Spot, Classify, Match or Rewrite exercise, 2 per multiple-choice question), and the
declared time must cover that sum with at most 5 minutes to spare (:func:`exercises_ok`).
:func:`build` writes that sum, rounded up to 5 minutes, into the header whenever the
keys can be read; the test checks the stored notebook against the keys of the day.

The notebooks are executed with nbclient, kernel ``python3``, with ``notebooks/`` as the
working directory, without timing metadata, so that the stored outputs are deterministic.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
import textwrap
import time
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"

#: Reading speed for the teaching estimate (words per minute).
WORDS_PER_MINUTE = 120
#: Minutes for a code cell on the core path (run it, read the output together).
CODE_CELL_MINUTES = 0.5
#: Minutes for one discussion question in class.
DISCUSSION_MINUTES = 2
#: Default minutes for one exercise when the exercise notebook declares none.
MINUTES_PER_EXERCISE = 5

TIME_LINE = re.compile(r"\*\*Teaching:\*\*\s*(\d+)\s*min\s*·\s*\*\*Exercises:\*\*\s*(\d+)\s*min")
INSTRUCTOR_MARK = "> **Instructor note**"


# ---------------------------------------------------------------------------------------
# The time rule (also used by tests/test_lessons.py)
# ---------------------------------------------------------------------------------------
def _words(text: str) -> int:
    text = re.sub(r"\]\([^)]*\)", "]", text)          # link targets are not read aloud
    return len(re.findall(r"[A-Za-z0-9’'“”\"-]+", text))


def discussion_questions(nb) -> int:
    """The number of discussion questions: numbered items in ``### Discuss`` cells."""
    n = 0
    for cell in nb.cells:
        if cell.cell_type == "markdown" and cell.source.lstrip().startswith("### Discuss"):
            n += len(re.findall(r"(?m)^\s*\d+\.\s", cell.source))
    return n


def teaching_estimate(nb) -> float:
    """Estimated teaching minutes of a lesson notebook (the rule in the module docstring)."""
    words = code = 0
    for cell in nb.cells:
        tags = set(cell.get("metadata", {}).get("tags", []))
        if "instructor" in tags or "go-further" in tags:
            continue
        if cell.cell_type == "markdown":
            if cell.source.lstrip().startswith("### Discuss"):
                continue                                    # counted as questions
            words += _words(cell.source)
        elif cell.cell_type == "code" and "parameters" not in tags:
            code += 1
    return words / WORDS_PER_MINUTE + code * CODE_CELL_MINUTES + discussion_questions(nb) * DISCUSSION_MINUTES


def declared_minutes(nb) -> tuple[int, int] | None:
    """``(teaching, exercises)`` from the first markdown cell, or ``None``."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            m = TIME_LINE.search(cell.source)
            return (int(m.group(1)), int(m.group(2))) if m else None
    return None


def teaching_ok(declared: int, estimate: float) -> bool:
    """Whether a declared teaching time matches the estimate: within max(5 min, 25 %)."""
    return abs(declared - estimate) <= max(5.0, 0.25 * estimate)


#: Minutes a student needs for one exercise, by kind (a Choose item is a quick question).
KIND_MINUTES = {"spot": 5, "classify": 5, "match": 5, "rewrite": 5, "choose": 2}


def exercise_estimate(stem: str) -> tuple[int, int]:
    """``(number of exercises, minutes)`` for the exercise notebook ``stem``.

    The exercises are the ones the answer keys assign to that notebook
    (``mediakit.exercises.for_notebook``); each counts its own ``minutes`` if the key
    gives them, else :data:`KIND_MINUTES` for its kind (5 for an unknown kind).
    """
    from mediakit.exercises import for_notebook
    exercises = for_notebook(stem)
    minutes = sum(getattr(e, "minutes", None) or KIND_MINUTES.get(e.kind, MINUTES_PER_EXERCISE)
                  for e in exercises)
    return len(exercises), minutes


def exercises_ok(declared: int, estimate: int) -> bool:
    """Whether declared exercise minutes cover the exercises: at least the estimate, at most 5 more."""
    return estimate <= declared <= estimate + 5


# ---------------------------------------------------------------------------------------
# Cell helpers
# ---------------------------------------------------------------------------------------
def _clean(text: str) -> str:
    return textwrap.dedent(text).strip("\n")


def md(text: str, *tags: str):
    return new_markdown_cell(_clean(text), metadata={"tags": list(tags)} if tags else {})


def code(src: str, *tags: str):
    return new_code_cell(_clean(src), metadata={"tags": list(tags)} if tags else {})


def instructor(text: str):
    """An instructor note: a blockquote cell, tagged, kept apart from the student text."""
    body = _clean(text)
    lines = "\n".join("> " + line if line else ">" for line in body.splitlines())
    return md(f"{INSTRUCTOR_MARK}\n>\n{lines}", "instructor")


def header(title: str, teaching: int, exercises: int, questions: list[str], objectives: list[str]):
    q = "\n".join(f"- {x}" for x in questions)
    o = "\n".join(f"- {x}" for x in objectives)
    return new_markdown_cell(
        f"# {title}\n\n**Teaching:** {teaching} min · **Exercises:** {exercises} min\n\n"
        f"### Questions\n{q}\n\n### Objectives\n{o}")


def discuss(*questions: str):
    items = "\n".join(f"{i}. {' '.join(q.split())}" for i, q in enumerate(questions, 1))
    return md(f"### Discuss\n\nTalk these over in pairs, then with the class.\n\n{items}")


def key_points(*points: str):
    return md("## Key points\n\n" + "\n".join(f"- {' '.join(p.split())}" for p in points))


def next_links(exercise: str | None, exercise_title: str, nxt: str | None, nxt_title: str):
    lines = ["## Next", ""]
    if exercise:
        lines.append(f"- **Practise:** [{exercise_title}](../exercises/{exercise}) "
                     "(your answers are saved as you check them).")
    if nxt:
        lines.append(f"- **Next lesson:** [{nxt_title}]({nxt})")
    return md("\n".join(lines))


def go_further(text: str, src: str):
    return [md("### Go further (optional, for those who like code)\n\n" + _clean(text), "go-further"),
            code(src, "go-further")]


def SETUP():
    return code('''
    %matplotlib inline
    import matplotlib
    matplotlib.rcParams.update({"figure.dpi": 72, "svg.hashsalt": "mediakit"})
    import pandas as pd
    pd.set_option("display.max_colwidth", 160)
    import mediakit

    article = mediakit.load_article()   # the seed article that ships with mediakit
    markup = article.markup()           # every lens, run once
''')

def SETUP_NOTE():
    return md('''
    Run the cell below first (click in it and press **Shift + Enter**). It loads the article and
    runs every mediakit lens on it. You do not need to change anything in it.
''')


# ---------------------------------------------------------------------------------------
# 0. Start here
# ---------------------------------------------------------------------------------------
def lesson_00():
    return [
        header("0. Start here", 10, 10,
               ["What will this course teach me?",
                "How do I run a notebook, and how do the exercises give feedback?"],
               ["Run a notebook cell by cell, and from the top after a restart.",
                "Explain how the exercises check an answer, give feedback and save it.",
                "Take the pre-quiz, so you can see later what you have learnt."]),
        md('''
            ## What this course is about

            You will read one short news article very slowly, through a set of **lenses**: who the
            sources are, who said what, which words carry a judgement, and whether the headline says
            more than the article. The aim is a habit you can use on any article: notice how a text
            is built before deciding what to believe.

            The course does not ask you what to think about the events or the people in the article.
            It asks what the text does to a reader, and how you could check it.
        '''),
        md('''
            ## How a notebook works

            A notebook is a list of **cells**. Text cells (like this one) explain; grey **code cells**
            do something when you run them, and show their output below.

            - Run a cell: click in it and press **Shift + Enter** (or the ▶ button).
            - Start again from a clean state: menu **Kernel ▸ Restart Kernel and Run All Cells**.
            - You never need to write code. Every code cell on the main path is written for you: you
              run it and read the output. Cells headed **Go further** are optional, for those who
              would like to try changing some code.

            Try it now: run the cell below. It loads the article we read in every lesson.
        '''),
        code('''
            import mediakit

            article = mediakit.load_article()
            article
        '''),
        md('''
            The output is a one-line summary: the headline, how many paragraphs and sentences the
            article has, and how many lines of the page are not part of the article at all. The next
            cell prints the text as it was captured from the web page. Read it once, without
            judging; lesson 1 starts from your first impression.
        '''),
        code('''
            print(article.text)
        '''),
        md('''
            Each lesson looks at the article through one or two **lenses**. The table below is a
            preview: how many things each mediakit lens marks in this article. You will meet them
            one by one.
        '''),
        code('''
            import pandas as pd

            markup = article.markup()
            pd.Series(markup.counts(), name="marked").rename_axis("lens").to_frame()
        '''),
        md('''
            ## How the exercises work

            Each lesson from 1 to 5 has an **exercise notebook** in the `exercises/` folder, linked at
            the end of the lesson. An exercise asks you to click words, pick from a list, pair up
            sentences or write a sentence of your own. Then:

            - press **Check**: each part of your answer gets feedback that says *why* it is right or
              not, and you get partial credit for partial answers;
            - ask for a **hint**, change your answer and **Check** again as often as you like, or
              **Reset** to start over;
            - your answers are **saved automatically** every time you press Check, in a file next to
              the notebook (`…exercises.answers.json`). If you close the notebook or restart it, run
              the exercise cell again and your answer comes back.

            When your instructor asks you to hand in, open any exercise notebook and run
            `mx.export_answers()` in a new cell: it gathers all your saved answers into one file,
            `mediakit-answers-<your name>.json`, to hand in.
        '''),
        md('''
            ## Before you start: the pre-quiz

            Open the [pre-quiz](../exercises/pre_quiz.ipynb) and answer it now, before lesson 1:
            three short exercises on made-up news items. It is not graded. After the last lesson you take the
            [post-quiz](../exercises/post_quiz.ipynb): the same skills on different items, so you and
            your instructor can see what you gained.

            ## The lessons

            | Lesson | The question it asks |
            | --- | --- |
            | [1. Meet the article](01_meet_the_article.ipynb) | What is the article, what is the page around it, and where does the text come from? |
            | [2. Sourcing](02_sourcing.ipynb) | Who is cited, and how would you check them? |
            | [3. Attribution and quotes](03_attribution_and_quotes.ipynb) | Who said what, and how does the verb colour it? |
            | [4. Loaded language](04_loaded_language.ipynb) | Which words carry a judgement, and whose is it? |
            | [5. Headline against body](05_headline_vs_body.ipynb) | Does the article back up its headline? |
            | [6. Bring your own article](06_bring_your_own_article.ipynb) | Do the same lenses work on another article? |
            | [7. Class discussion](07_class_discussion.ipynb) | What did the class find, and what did it miss? |
        '''),
        discuss('''Where do you usually read news? What makes you trust an article, before you have
                   read it?''',
                '''Think of a headline that made you click and then disappointed you. What did it
                   promise that the article did not deliver?'''),
        instructor('''
            **Lesson plan.** Seven lessons of about half an hour each, plus their exercise notebooks;
            the table with objectives and minutes is in `docs/teacher-guide.md`. Run the pre-quiz
            now and the post-quiz after lesson 6; lesson 7 (class discussion) shows the class's
            answers and the gain between the quizzes.

            **Where the article comes from.** A short news item (about 460 words) on Ukraine's
            cross-border operation into Russia's Kursk region in August 2024. It was captured from a
            news website together with its page furniture ("5 months ago", a counter "30",
            "SUBSCRIBE TO US!", "Loading comments..."), and it relays a report by the *Financial
            Times*.

            **Why this article.** It is real, short and flawed in instructive ways: no byline, date,
            outlet or link; a relayed report; direct quotes next to paraphrase and scare quotes;
            labels and loaded words that pull in *different* directions; a headline that says more
            than the body. One page holds most of what the course teaches. It was not chosen for its
            topic, and the course takes no side on it.

            **Swapping the article.** Lesson 6 runs every lens on any article: set `ARTICLE` in its
            first code cell to a file path or pasted text, or run
            `papermill notebooks/06_bring_your_own_article.ipynb out.ipynb -p ARTICLE path/to/article.txt`.
            Lessons 1 to 5 and their exercise keys are written for the seed article.
        '''),
        instructor('''
            **Keep the discussion on the text.** The topic is a war, and students may hold strong
            views. The kit's rule, which you can state at the start: we describe what a word or a
            choice does to a reader, and we flag devices whichever side they favour. We do not grade
            anyone's opinion of the people named. If a discussion turns to who is right in the war,
            bring it back to: *what does the text give the reader to judge that with?*
        '''),
        key_points("A notebook runs cell by cell; **Restart Kernel and Run All Cells** gives a clean start.",
                   "No coding is needed: run the cells and read the output. *Go further* cells are optional.",
                   "Exercises explain their feedback, give partial credit, and save your answers on every Check.",
                   "Take the pre-quiz now; the post-quiz after lesson 6 shows what you gained."),
        next_links("pre_quiz.ipynb", "the pre-quiz", "01_meet_the_article.ipynb", "1. Meet the article"),
    ]


# ---------------------------------------------------------------------------------------
# 1. Meet the article
# ---------------------------------------------------------------------------------------
def lesson_01():
    return [
        header("1. Meet the article", 15, 15,
               ["What on the page is the article, and what is the website around it?",
                "What does the page not tell us about who wrote it, when, and where it first appeared?",
                "What clues in the text hint at where it came from?"],
               ["Tell the article apart from page furniture.",
                "List what is missing (byline, date, outlet, link to the original) and say why each matters.",
                "Spot provenance clues: one name spelled two ways, a transliterated name, mixed quote styles.",
                "Describe the article as a rewrite of a rewrite."]),
        SETUP_NOTE(),
        SETUP(),
        md('''
            ## Article and page furniture

            A web page holds more than an article. Around the text sit the website's own parts:
            buttons, counters, dates relative to today, comment boxes. We call these **page
            furniture**. They are not written by the journalist, but they are easy to mistake for
            part of the story.

            mediakit finds four lines of page furniture in the captured page: "5 months ago", "30",
            "SUBSCRIBE TO US!" and "Loading comments...". Run the cell below to see them marked.
        '''),
        code('''
            markup.only("furniture")
        '''),
        md('''
            "5 months ago" looks like a date, but it is not one: it was counted from the day the page
            was captured, and it changes every day. It tells us nothing about when the article was
            written. "30" is a bare number with no label (a count of views, shares or comments?).
        '''),
        code('''
            markup.to_frame("furniture")[["label", "text", "explanation"]]
        '''),
        md('''
            ## What is missing

            Before reading an article closely, a careful reader looks for four things:

            | What | Why it matters |
            | --- | --- |
            | **Byline**: who wrote it | You can look up a writer's record and ask who they work for. |
            | **Date**: when it was published | News ages fast: "potential US President" was true only before the November 2024 election. |
            | **Outlet**: who published it | An outlet has an editor, corrections and a reputation you can check. |
            | **Link**: where it comes from | A relayed report should let you read the original. |

            The article has no byline, no date and no outlet. Its first sentence ends "the
            Financial Times reports", but there is no link to the Financial Times piece it relays,
            and no title of that piece either. mediakit's provenance lens lists these gaps.
        '''),
        code('''
            markup.to_frame("provenance")[["label", "text", "explanation"]]
        '''),
        md('''
            ## Provenance clues

            Some clues inside the text hint at how it was made. None of them proves anything on its
            own; together they suggest questions to ask.

            - **One name spelled two ways.** "Kiev" appears once and "Kyiv" three times. *Kyiv* is
              the spelling from Ukrainian, which the Ukrainian government and most English-language
              style guides have used since about 2019; *Kiev* comes from Russian and was the usual
              English spelling before. A text that mixes both was probably put together from
              different sources, or not edited as a whole.
            - **A transliterated name.** "Nikolai Beleskov" is the Russian form of a Ukrainian
              researcher's name, which is usually written *Mykola Bielieskov* in English. The
              spelling hints that the text, or the quote, passed through Russian on its way to
              English.
            - **Mixed quote styles.** The headline and paragraph 9 use curly quotes (“ ”); the rest
              uses straight quotes (" "). Text pasted together from different places often looks
              like this.
            - **A stray space.** The first paragraph ends "reports ." with a space before the full
              stop, a common trace of copying or machine translation.

            The highlighted text below shows only the provenance layer.
        '''),
        code('''
            markup.only("provenance")
        '''),
        md('''
            The chart counts how many times each spelling of the capital appears, paragraph by
            paragraph: the switch is easier to see than to read.
        '''),
        code('''
            import matplotlib.pyplot as plt
            from mediakit.views import palette

            counts = {"Kiev": [], "Kyiv": []}
            for p in article.paragraphs:
                for name in counts:
                    counts[name].append(p.text.count(name))
            numbers = range(1, len(article.paragraphs) + 1)
            fig, ax = plt.subplots(figsize=(7, 2.6))
            ax.bar([n - 0.2 for n in numbers], counts["Kiev"], width=0.4, label="Kiev (from Russian)",
                   color=palette.SEQUENCE[1], hatch=palette.HATCHES[1], edgecolor="black")
            ax.bar([n + 0.2 for n in numbers], counts["Kyiv"], width=0.4, label="Kyiv (from Ukrainian)",
                   color=palette.SEQUENCE[0], edgecolor="black")
            ax.set_xticks(list(numbers))
            ax.set_yticks([0, 1])
            ax.set_xlabel("paragraph")
            ax.set_ylabel("times used")
            ax.set_title("One city, two spellings, in the same article")
            ax.legend(frameon=False)
            plt.show()
        '''),
        md('''
            ## A rewrite of a rewrite

            Put the clues together and the article looks like the end of a chain:

            1. **Events**: Ukraine's army crosses into Russia's Kursk region (August 2024).
            2. **First accounts**: Zelensky's public words; analysts and officials talk to reporters.
            3. **The Financial Times** writes a report from those accounts.
            4. **This article** relays the FT report, perhaps through another language, and adds
               sentences of its own.
            5. **The web page** wraps it in furniture, and we capture it months later.

            Each step can drop something, add something or change a word. We only hold step 5. From
            here on, for every sentence, ask: *which step did this come from?*
        '''),
        discuss('''Which missing piece (byline, date, outlet or link) would you most want to have, and
                   what would you do with it?''',
                '''"Kiev" and "Kyiv" in the same article: list three explanations. What would you need
                   to know to choose between them?''',
                '''Why might a website relay another outlet's report instead of linking to it? What
                   does the reader lose?'''),
        instructor('''
            **Timing.** 15 minutes of teaching; let pairs discuss question 2 for 3 to 4 minutes, it
            is the one that teaches "a clue is not a verdict".

            **A common misreading.** Students may take "Kiev" as proof of a pro-Russian writer.
            Push back: *Kiev* was standard English until about 2019 and survives in older text,
            in style guides that were slow to change, and in machine translation from Russian. The
            clue says something about the text's path, not about anyone's loyalty. The same goes for
            "Nikolai": the Russian form may come from a Russian-language intermediate source, a
            translation tool or an editor's habit.

            **Background you may need.** The operation began on 6 August 2024. The phrase "potential
            US President Donald Trump" dates the original to before the 5 November 2024 election,
            although the page says only "5 months ago".
        '''),
        *go_further('''
            Every lens stores its findings as *spans*: a layer, a label, where the text starts and
            ends, and an explanation. Print the provenance spans one per line, then try the same with
            `"furniture"`.
        ''', '''
            for span in markup.layer("provenance"):
                print(f"{span.label:18} {span.text!r:40.40} {span.explanation[:60]}")
        '''),
        key_points("Page furniture (relative times, counters, buttons) is not part of the article: set it aside first.",
                   "The article has no byline, date, outlet or link to the report it relays, so a reader cannot check who, when or where.",
                   "Provenance clues (Kiev/Kyiv, a Russian-style transliteration, mixed quote styles) suggest questions, not verdicts.",
                   "The text is a rewrite of a rewrite: ask which step each sentence came from."),
        next_links("01_meet_the_article_exercises.ipynb", "exercises for lesson 1",
                   "02_sourcing.ipynb", "2. Sourcing"),
    ]


# ---------------------------------------------------------------------------------------
# 2. Sourcing
# ---------------------------------------------------------------------------------------
def lesson_02():
    return [
        header("2. Sourcing: who says so?", 15, 15,
               ["Who is cited in the article, and could a reader check them?",
                "Which sources are named, and which are vague or anonymous?",
                "What changes when a whole article relays another outlet?"],
               ["List the sources and sort them into named person, named organisation, vague group or anonymous.",
                "Tell a primary source from a secondary one.",
                "Explain what it means for a reader that the article relays the Financial Times.",
                "Plan a lateral-reading check with SIFT."]),
        SETUP_NOTE(),
        SETUP(),
        md('''
            ## Who is cited?

            A **source** is whoever the article says its information comes from. The cell below marks
            the sources and the words that tie them to what they said (the *attribution cues*, the
            topic of lesson 3). Hover over a highlight, or focus it with the keyboard, to read why
            it is marked.
        '''),
        code('''
            markup.only("source", "attribution_cue")
        '''),
        md('''
            The table lists each source with its type, its role when the article gives one, and the
            cue that cites it.
        '''),
        code('''
            from mediakit.views import tables
            tables.sources_table(markup)
        '''),
        md('''
            ## Named, vague, anonymous

            Four people are named: Zelensky, Beleskov, Putin and Trump. Only Beleskov's job is
            described in full ("a research fellow at the National Institute for Strategic Studies"),
            so he is the one source a reader could look up from the article alone. Two organisations
            are named: the Financial Times, and "Kyiv" standing for Ukraine's government.

            The other sources are groups: "Defense analysts", "Ukrainian soldiers", "several of his
            former officials and advisers", "Most Western capitals", "Ukrainian military officials
            and Western analysts". A **vague source** leaves the reader unable to ask *who*, *how
            many*, and *do they agree with each other?* Journalists sometimes have good reasons for
            it (a source may be at risk), and a careful article says so. This one gives no reason,
            so the reader has to take the writer's word.

            The chart counts mentions, not people: six mentions of named people, because Zelensky
            is cited twice (once as "The Ukrainian president") and so is Putin.
        '''),
        code('''
            markup.chart("source")
        '''),
        md('''
            ## Primary and secondary

            A **primary** source speaks from first hand: a person about what they did, saw or
            decided. A **secondary** source reports what others said or did.

            - Zelensky speaking about his own army's operation is a primary source, but we only read
              him through this article.
            - The Financial Times is a secondary source: it reports what it learnt from others.
            - The article itself is secondary to the FT: it relays a report about reports.

            The article relays the Financial Times from its first sentence ("..., the Financial
            Times reports"), and never says where the FT's material stops and the writer's own begins.
            Did Beleskov speak to the FT, to this writer, or somewhere else? The text does not say.

            The table turns the sources into a checking plan: for each, what a reader would search for.
        '''),
        code('''
            import pandas as pd

            plan = {"named_person": "their public statements, official site or profile",
                    "named_organisation": "the original report on the outlet's own site",
                    "vague_group": "other coverage that names who they are",
                    "anonymous": "other coverage that names who they are"}
            pd.DataFrame([{"source": s.text, "type": s.label.replace("_", " "),
                           "what to look for": plan.get(s.label, "")}
                          for s in markup.layer("source")])
        '''),
        md('''
            ## Lateral reading with SIFT

            Professional fact-checkers do not read a doubtful page from top to bottom. They leave it,
            open new tabs and read *across* the web about the source: this is **lateral reading**.
            The SIFT routine gives four moves:

            1. **Stop.** Before you share or believe it, ask: do I know this website and its record?
               Here we do not even know its name.
            2. **Investigate the source.** Search for the outlet and, when there is one, the writer.
               What do others say about them?
            3. **Find better coverage.** Look for the Financial Times report itself and for other
               outlets' coverage of the Kursk operation in August 2024. Do they say the same?
            4. **Trace claims, quotes and media to the original context.** Find Zelensky's words in
               his own address, Beleskov's quote where it first appeared, and check who first wrote
               "bargaining chip".
        '''),
        discuss('''Why might a journalist write "Defense analysts" instead of naming them? When is that
                   fair to the reader, and what should the article then tell you?''',
                '''If you could ask the writer one question about their sources, what would it be?''',
                '''Which sentence of the article would you trace first with SIFT, and where would you
                   look?'''),
        instructor('''
            **Background.** SIFT is Mike Caulfield's routine; lateral reading comes from the Stanford
            History Education Group's studies of professional fact-checkers (Wineburg and McGrew).

            **With internet in the room**, give pairs 5 minutes to actually find the Financial Times
            coverage of the Kursk operation from August 2024 and compare one sentence. Without
            internet, have them write the search queries they would use: that is the skill.

            **Watch for** students equating "vague" with "false". A vague source is *unverifiable
            from the text*, which is a weaker and more useful statement.
        '''),
        *go_further('''
            `markup.where(...)` keeps only the spans that match. List the vague groups, then change
            `"vague_group"` to `"named_person"`.
        ''', '''
            [s.text for s in markup.only("source").where(label="vague_group")]
        '''),
        key_points("Sort sources into named person, named organisation, vague group or anonymous: only named ones can be checked from the text.",
                   "Four people are named; only Beleskov's role is given in full. Most of the other sources are unnamed groups.",
                   "The article relays the Financial Times: it is a secondary source of a secondary source.",
                   "Lateral reading with SIFT: Stop, Investigate the source, Find better coverage, Trace claims to the original."),
        next_links("02_sourcing_exercises.ipynb", "exercises for lesson 2",
                   "03_attribution_and_quotes.ipynb", "3. Attribution and quotes"),
    ]


# ---------------------------------------------------------------------------------------
# 3. Attribution and quotes
# ---------------------------------------------------------------------------------------
def lesson_03():
    return [
        header("3. Attribution and quotes: who said what?", 15, 15,
               ["How does an article tell us who said what?",
                "What does the choice of verb (\"says\", \"has boasted\", \"worry\") do to a reader?",
                "Which sentences assert something with no source at all?"],
               ["Tell a direct quote from a paraphrase and from a scare quote.",
                "Classify cue verbs as neutral, loaded, hedged or emotional, and say what each does.",
                "Find sentences that assert with no source, including claims about what a group knows."]),
        SETUP_NOTE(),
        SETUP(),
        md('''
            ## Quotes of three kinds

            - A **direct quote** gives a speaker's exact words in quote marks, with the speaker named.
              The article has two: Zelensky's "Russia brought war to others, and now it is returning
              home" and Beleskov's "Uncertainty is the best way to avoid being cornered ...".
            - A **paraphrase** reports what someone said in the writer's words, with no quote marks:
              "Most Western capitals say they want Kyiv to have the strongest bargaining position."
              You read the writer's summary, not the speaker's words.
            - A **scare quote** puts a word in quote marks with no speaker: “bargaining” in the
              headline, "bargain", "bargaining chip" and “Trump peace”. It can mean *someone else's
              word*, *so-called*, or irony, and the reader cannot tell which, or whose word it was.
        '''),
        code('''
            markup.only("quote")
        '''),
        code('''
            from mediakit.views import tables
            tables.quotes_table(markup)
        '''),
        md('''
            ## Cue verbs and what they do

            The **cue** is the verb or phrase that ties words to a source. It is never neutral by
            accident: it tells the reader how to take what follows.

            | Cue in the article | Stance | What it does to a reader |
            | --- | --- | --- |
            | "says", "say", "reports", "named", "has voiced" | neutral | tells who, adds no judgement |
            | "has boasted" (Trump) | loaded | tells you the claim is self-praise before you read it |
            | "broke the silence", "indirectly confirmed" (Zelensky) | loaded | dramatises, and presents an inference as settled |
            | "have suggested" (former officials and advisers) | hedged | signals a tentative, unconfirmed idea |
            | "are concerned", "worry" | emotional | reports a feeling, and invites the reader to share it |

            A neutral test: replace the cue with "said". If the sentence now tells you less *fact*,
            the cue carried information; if it only judges less, the cue carried a stance.
        '''),
        code('''
            markup.only("attribution_cue", "source")
        '''),
        code('''
            markup.to_frame("attribution_cue")[["text", "label", "paragraph", "explanation"]]
        '''),
        md('''
            ## Sentences with no source

            Some sentences cite nobody: the writer speaks in their own voice. That is normal in
            analysis, but a reader should see which sentences they are. mediakit marks them in the
            claim layer, for example:

            - "The ambiguity about the strategic objectives ... makes sense: it keeps the enemy
              guessing." A judgement, with no source.
            - "... is Ukraine's most compelling strategic goal." and "But it is also the most
              dangerous." Rankings, with no source.
            - "Kiev knows it will be under pressure to negotiate ..." This reads the mind of a whole
              government. "Kiev knows" looks like attribution, but nobody is cited: it is the
              writer's claim about what Kyiv thinks.

            The table and the chart count, paragraph by paragraph, the sentences that cite a source
            and those that do not. Five paragraphs (4, 7, 8, 9 and 12) hold sentences that cite
            nobody.
        '''),
        code('''
            tables.attribution_by_paragraph(markup)
        '''),
        code('''
            markup.chart("attribution_by_paragraph")
        '''),
        code('''
            markup.only("claim", "attribution_cue")
        '''),
        discuss('''Replace "has boasted" with "has said". Does the sentence tell you less, or only
                   judge less?''',
                '''Give three reasons a writer might put "bargain" in quote marks. Which one can you
                   rule out from the text?''',
                '''"Kiev knows it will be under pressure": how could a writer know what a government
                   knows? Write a version that says who thinks so.'''),
        instructor('''
            **The key distinction** of this lesson is between *reporting* a stance ("Kyiv and its
            allies are concerned") and *taking* one ("the most dangerous"). Students often count
            every sentence with a name in it as attributed; "Kiev knows" and "Putin has voiced it"
            are good test cases (the first cites nobody, the second cites Putin for an idea the
            writer has just ranked).

            **Neutrality.** "has boasted" colours a claim by Trump; "broke the silence" dramatises
            Zelensky. Point out that the cues in this article colour people on more than one side,
            and that the exercise is to see the device, not to defend or attack the person.
        '''),
        *go_further('''
            Each attribution cue records the span of its source. Print each cue with its source and
            stance; try changing the layer to `"quote"` and printing `s.label`.
        ''', '''
            for s in markup.layer("attribution_cue"):
                src = s.get("source")
                who = article.text[src[0]:src[1]] if src else "(no source named)"
                print(f"{s.text!r:28} {s.label:8} {who}")
        '''),
        key_points("A direct quote gives the speaker's words; a paraphrase gives the writer's summary; a scare quote gives a word with no speaker.",
                   "Cue verbs carry a stance: neutral (says), loaded (has boasted), hedged (have suggested) or emotional (worry).",
                   "Sentences with no source are the writer's own claims; \"Kiev knows ...\" reads a government's mind without citing anyone."),
        next_links("03_attribution_and_quotes_exercises.ipynb", "exercises for lesson 3",
                   "04_loaded_language.ipynb", "4. Loaded language"),
    ]


# ---------------------------------------------------------------------------------------
# 4. Loaded language
# ---------------------------------------------------------------------------------------
def lesson_04():
    return [
        header("4. Loaded language: whose judgement is it?", 15, 15,
               ["Which words in the article carry a judgement?",
                "Whose judgement is it: the writer's, or a speaker's?",
                "What changes when we rewrite a sentence in neutral words?"],
               ["Find labels, loaded adjectives and verbs, scare quotes and superlatives.",
                "Say what each device does to a reader, whichever side it favours.",
                "Tell the writer's own voice from a quoted voice.",
                "Rewrite a sentence in neutral terms and say what is lost or gained."]),
        SETUP_NOTE(),
        SETUP(),
        md('''
            ## Words that judge

            **Loaded language** is a choice of word that makes the reader feel or judge something
            that the plain facts do not state. The cell below marks the loaded words and the quotes,
            so you can see which words sit inside someone's quoted speech.
        '''),
        code('''
            markup.only("loaded", "quote")
        '''),
        md('''
            ## Devices and what they do

            - **Label**: "dictator" before "Vladimir Putin" tells the reader how to judge the man
              before reading what he said. Neutral: "Russian President Vladimir Putin".
            - **Loaded adjective**: "daring" praises the offensive. Neutral: "cross-border offensive".
            - **Loaded verbs**: "seizing" (headline and paragraph 1) and "seized" stress force and
              grabbing; "boasted" presents Trump's claim as self-praise. Neutral: "taking control of",
              "said".
            - **Loaded noun**: the article uses "invasion" three times and "Invading" once for
              Ukraine's operation, never inside a direct quote. It is the word used for Russia's
              full-scale invasion of Ukraine in 2022, and invites the comparison; other outlets
              chose "incursion" (which makes it sound small) or "offensive". Neutral: "offensive"
              or "cross-border operation".
            - **"the enemy"**: the writer takes one side's point of view as the reader's own.
              Neutral: "Russia" or "Russian commanders".
            - **Scare quotes**: "bargain", "bargaining chip", “Trump peace” (lesson 3).
            - **Superlatives**: "most compelling" and "most dangerous" rank with no evidence.
            - **Spelling**: "Kiev", the Russian-derived spelling, in an article that otherwise
              writes "Kyiv".

            The devices do not all pull the same way. "dictator", "daring" and "the enemy" invite
            the reader to side with Ukraine; "invasion" for Ukraine's operation and the spelling
            "Kiev" point the other way. The job is to notice each device and say what it does, not
            to add them up into a verdict on the writer or on the people named.
        '''),
        code('''
            from mediakit.views import tables
            tables.loaded_table(markup)
        '''),
        code('''
            markup.chart("loaded")
        '''),
        md('''
            ## The writer's voice and a quoted voice

            "dictator" is in the writer's own voice: it stands outside any quote and nobody is cited
            for it. Had the article quoted someone saying "the dictator Putin", the label would be
            that speaker's, and the writer's choice would only be to quote it. That is why mediakit
            records a **voice** for each loaded word:

            - `writer`: the writer chose it, in their own sentence;
            - `speaker`: it sits inside a direct quote, so it is the speaker's word;
            - `paraphrase`: it sits in a sentence that reports someone's view without quote marks,
              such as "Kyiv and many of its European allies are concerned that ... an unfair and
              unstable peace". The word may be theirs or the writer's: the reader cannot tell.

            Inside the two direct quotes, mediakit flags nothing as the writer's: the only loaded
            word there is "best" in Beleskov's quote, and it is marked as the speaker's.
        '''),
        code('''
            tables.loaded_table(markup).groupby("voice").size().rename("loaded words").to_frame()
        '''),
        md('''
            ## Rewriting in neutral terms

            Here is the start of paragraph 6 as written, and a neutral rewrite. The cell runs the loaded-language
            lens on both.
        '''),
        code('''
            original = ("Defense analysts, Ukrainian soldiers and even dictator Vladimir Putin have offered "
                        "their own explanations for the operation.")
            rewrite = ("Defense analysts, Ukrainian soldiers and Russian President Vladimir Putin have offered "
                       "their own explanations for the operation.")
            for name, text in [("original", original), ("rewrite", rewrite)]:
                found = [s.text for s in mediakit.load_article(text).markup().layer("loaded")]
                print(f"{name:9} loaded words: {found}")
        '''),
        md('''
            The lens finds "even" and "dictator" in the original and nothing in the rewrite.

            What is lost or gained? The rewrite loses the writer's view, which was never presented
            as a view. It gains a sentence every reader can accept as fact, and leaves the judgement
            to the reader. Some rewrites lose information: "daring" may stand for "risky and
            unexpected", which the writer could state with evidence ("the first invasion of Russian
            territory since World War II" already does part of that work).
        '''),
        discuss('''"invasion", "incursion", "offensive", "operation": what does each word do to a
                   reader? Which would you use, and why?''',
                '''Should a news writer ever use a label like "dictator" in their own voice? What
                   would the article need to show the reader?''',
                '''Rewrite the headline without "seizing" and without scare quotes. What did you
                   lose?'''),
        instructor('''
            **Keep the discussion on devices.** If students argue about whether the label is
            deserved, redirect: a label can be widely used and still be a judgement the reader
            should see as the writer's. The question is *whose voice says it* and *what the article
            gives the reader to judge with*.

            **Balance.** Make sure the class finds devices in both directions ("dictator", "daring",
            "the enemy" and "invasion", "Kiev"). If only one direction comes up, ask for the other.

            **Timing.** 15 minutes of teaching; the rewrite cell is a good point to let pairs write
            their own version of paragraph 3 ("daring offensive") before running it.
        '''),
        *go_further('''
            Every loaded span carries an explanation and a neutral alternative from the word lists
            in `mediakit/lexicons/`. Print them; then write a sentence of your own in `mine` and run
            the lens on it.
        ''', '''
            for s in markup.layer("loaded"):
                print(f"{s.text!r:22} {s.label:18} -> {s.alternative}")
            mine = "The brave soldiers seized the town."
            [s.text for s in mediakit.load_article(mine).markup().layer("loaded")]
        '''),
        key_points("Labels, loaded adjectives and verbs, scare quotes and superlatives make the reader judge before the facts do.",
                   "Devices in this article pull in different directions; flag each one and say what it does, whichever side it favours.",
                   "A word inside a direct quote is the speaker's; outside any quote it is the writer's choice.",
                   "A neutral rewrite removes the writer's unlabelled judgement; check whether it also removes a fact."),
        next_links("04_loaded_language_exercises.ipynb", "exercises for lesson 4",
                   "05_headline_vs_body.ipynb", "5. Headline against body"),
    ]


# ---------------------------------------------------------------------------------------
# 5. Headline against body
# ---------------------------------------------------------------------------------------
def lesson_05():
    return [
        header("5. Headline against body: does the article back it up?", 15, 15,
               ["Does the body support what the headline says?",
                "Where does the headline say more than the body, or something else?",
                "What would a headline that the body supports look like?"],
               ["Map each part of the headline to the body sentences that back it.",
                "Classify the support as stated, hedged, attributed only, or absent.",
                "Name gaps of certainty, scope and counterpart, and what the headline leaves out.",
                "Write a headline the body supports."]),
        SETUP_NOTE(),
        SETUP(),
        md('''
            ## The headline, part by part

            Most readers see only the headline. mediakit splits it into its content terms and looks
            for each in the body. Support comes in four levels: **stated** (the body says it in the
            writer's voice), **hedged** (the body says it with "could", "may", ...), **attributed**
            (the body only reports someone else saying it), and **absent**.
        '''),
        code('''
            from mediakit.views import tables
            tables.headline_table(markup)
        '''),
        code('''
            markup.chart("headline")
        '''),
        code('''
            markup.only("headline", "attribution_cue")
        '''),
        md('''
            ## Gaps of certainty, scope and counterpart

            - **Certainty.** "Ukraine prepares" is attributed only: the body says "Ukraine is
              preparing to "bargain" ..., the Financial Times reports". The headline drops "the
              FT reports" and states it as fact.
            - **Counterpart.** Only the first paragraph, which relays the Financial Times, puts
              "bargain" and Trump in the same sentence. Elsewhere the body talks of "any negotiations
              with Moscow" and "future negotiations", and Trump appears as a candidate who may press
              Kyiv to negotiate.
            - **Scope.** "Kursk region" is stated in the body, but the FT's claim, as relayed, is about
              "seizing Russian lands" in general.
            - **A stronger verb.** "seizing" is the headline's word; the body mostly says "offensive"
              and "operation".
            - **Left out.** The headline leaves out the one goal Zelensky names: a buffer zone in the
              border region.

            mediakit weighs the levels into one support score from 0 (the body never says it) to 1
            (the body states all of it). The headline's support score is below 0.6: not invented,
            but mostly resting on one relayed sentence.
        '''),
        code('''
            print(f"support score: {markup.headline.support:.2f}")
        '''),
        md('''
            ## Write a headline the body supports

            The cell below puts candidate headlines on top of the same body and scores each one. The
            first is the original; the second keeps the attribution and drops Trump; the third
            reports the goal Zelensky named. Both rewrites score higher than the original.

            None of them scores near 1, and that is a lesson too: the score measures what the body
            says *in its own voice*. The body states little in its own voice, so even a headline that
            honestly says "Financial Times reports" finds mostly attributed support. The score is a
            prompt to read the evidence, not a grade.
        '''),
        code('''
            import pandas as pd

            body = article.text[article.paragraphs[0].start:]
            candidates = [
                article.title,
                "Ukraine may use Kursk offensive in future talks, Financial Times reports",
                "Zelensky names a buffer zone as the goal of Ukraine's Kursk offensive",
            ]
            pd.DataFrame([{"headline": c,
                           "support": round(mediakit.load_article(c + "\\n\\n" + body).markup().headline.support, 2)}
                          for c in candidates])
        '''),
        discuss('''Who gains and who loses when a headline drops "the Financial Times reports"?''',
                '''The headline says "with Trump", the body mostly "with Moscow". Does that change
                   what a reader who sees only the headline believes?''',
                '''Write your own headline of at most 12 words that the body supports. Compare it
                   with a partner's: what did each of you choose to leave out?'''),
        instructor('''
            **What the score is.** The support score is a rough summary, not a grade of the
            journalist: it counts how each headline term is backed, with stated > hedged >
            attributed > absent. Use it to start the discussion and then read the sentences
            together. The mapping table is the real teaching tool.

            **Counterpart gap** is the hardest idea here. Ask: "bargaining with whom?" and let
            students find the answer in paragraphs 6 and 7.

            **Timing.** Leave 5 minutes for the last discussion question; the Rewrite exercise in
            the exercise notebook gives automatic feedback on a student's headline.
        '''),
        *go_further('''
            Each headline term records the body sentences that back it (its *evidence*). Print them
            for one term, and try another.
        ''', '''
            term = markup.headline.terms[0]
            print(term.text, "->", term.support)
            for start, end in term.evidence:
                print("  ", article.text[start:end])
        '''),
        key_points("Map the headline term by term: stated, hedged, attributed only, or absent.",
                   "Headlines often drop attribution (certainty), widen or narrow the scope, or change who is involved (counterpart).",
                   "Ask what the headline leaves out, here the only goal Zelensky named.",
                   "A supported headline is often less exciting, and more useful."),
        next_links("05_headline_vs_body_exercises.ipynb", "exercises for lesson 5",
                   "06_bring_your_own_article.ipynb", "6. Bring your own article"),
    ]


# ---------------------------------------------------------------------------------------
# 6. Bring your own article
# ---------------------------------------------------------------------------------------
def lesson_06():
    return [
        header("6. Bring your own article", 15, 10,
               ["Do the same lenses work on another article?",
                "What does putting two articles side by side show?"],
               ["Run every mediakit lens on an article you choose.",
                "Compare two articles lens by lens and explain the differences.",
                "Treat a highlight as a prompt to read closely, not as a verdict."]),
        md('''
            ## Choose an article

            Put your article in the cell below, in one of three ways:

            - a **file**: `ARTICLE = "my_article.txt"` (a `.txt`, `.md` or `.html` file in this
              folder, or a path to one);
            - **pasted text**: `ARTICLE = """`, then the article (headline on the first line, a
              blank line between paragraphs), then `"""` to close;
            - **nothing**: `ARTICLE = None` uses the seed article from lessons 1 to 5.

            `COMPARE` is the second article for the side-by-side comparison at the end. Then run
            **Kernel ▸ Restart Kernel and Run All Cells**.
        '''),
        code('''
            ARTICLE = None                                   # None: the seed article; or a path; or pasted text
            COMPARE = "../tests/articles/byo_example.txt"    # the article to compare it with
        ''', "parameters"),
        code('''
            %matplotlib inline
            import matplotlib
            matplotlib.rcParams.update({"figure.dpi": 72, "svg.hashsalt": "mediakit"})
            import mediakit

            article = mediakit.load_article(ARTICLE)
            markup = article.markup()
            for note in article.notes:
                print("Note:", note)
            print(article.title or "(no headline found)")
            print(len(article.paragraphs), "paragraphs,", len(article.sentences), "sentences")
        '''),
        md('''
            ## Every lens at once

            The highlighted article with all layers. Use the layer switches above the text to show
            one layer at a time; hover over a highlight (or focus it with the keyboard) to read why
            it is marked.
        '''),
        code('''
            markup
        '''),
        code('''
            import pandas as pd
            from mediakit.views import tables
            pd.Series(markup.counts(), name="findings").to_frame()
        '''),
        md('''
            ## Lens by lens

            Run each cell and compare with what you learnt: sources (lesson 2), cues (lesson 3),
            loaded words (lesson 4), the headline (lesson 5).
        '''),
        code('''
            tables.sources_table(markup)
        '''),
        code('''
            markup.to_frame("attribution_cue")
        '''),
        code('''
            tables.loaded_table(markup)
        '''),
        code('''
            tables.headline_table(markup)
        '''),
        md('''
            ## Two articles side by side

            The example article that ships with the kit (`tests/articles/byo_example.txt`) is a short
            local news story written to be neutral. Compared with the seed: the example has no loaded
            words in the writer's voice, it quotes one named person directly (the head librarian,
            with her role), and its headline support score is higher than the seed's.
        '''),
        code('''
            other = mediakit.load_article(COMPARE).markup()
            print("Compared with:", other.article.title or "(no headline)")
            def summary(m):
                row = dict(m.counts())
                row["loaded, writer's voice"] = sum(s.get("voice") == "writer" for s in m.layer("loaded"))
                row["headline support"] = f"{m.headline.support:.2f}" if m.headline else "no headline"
                return row

            pd.DataFrame({"this article": summary(markup), "compared with": summary(other)})
        '''),
        code('''
            import matplotlib.pyplot as plt
            from mediakit.views import palette

            layers = ["quote", "attribution_cue", "source", "loaded", "hedge", "claim"]
            fig, ax = plt.subplots(figsize=(7.5, 3.6))
            for k, (name, m) in enumerate([("this article", markup), ("compared with", other)]):
                per100 = [100 * len(m.layer(x)) / max(1, len(m.article.text.split())) for x in layers]
                ax.barh([i + 0.4 * k for i in range(len(layers))], per100, height=0.4, label=name,
                        color=palette.SEQUENCE[k], hatch=palette.HATCHES[k], edgecolor="black")
            ax.set_yticks([i + 0.2 for i in range(len(layers))], [palette.pretty(x) for x in layers])
            ax.invert_yaxis()
            ax.set_xlabel("findings per 100 words")
            ax.set_title("Two articles, lens by lens (per 100 words, so length does not count)")
            ax.legend(frameon=False, loc="lower right")
            fig.tight_layout()
            plt.show()
        '''),
        md('''
            ## A tool, not a judge

            mediakit works from word lists and patterns. It misses what needs knowledge of the world
            (a false fact in a neutral tone looks fine to it) and it can mark a word that is
            neutral in context. Every lens says in its own documentation what it does not detect:
            run `help(mediakit.lenses.loaded)`. A highlight is a reason to read a sentence again, not
            a verdict.

            The example shows it. Its claim layer marks "Two councillors, Tom Becker and Ana Silva,
            voted against the plan." as a fact with no source. A reporter who watched the vote may
            well state it in their own voice: an unattributed sentence is not a wrong one. Ask
            whether the writer could know it first-hand.
        '''),
        discuss('''Which lens found the biggest difference between the two articles? Is the difference
                   in the writing, or in the topic?''',
                '''Find one highlight in your article that you think is wrong. What does the lens
                   not know that you know?''',
                '''Would you trust your article more or less after this lesson? Which finding changed
                   your mind?'''),
        instructor('''
            **Running it for the class.** Collect articles as `.txt` files (headline on the first
            line) or `.html` pages saved from the browser. To make one notebook per article without
            opening Jupyter: `papermill notebooks/06_bring_your_own_article.ipynb out.ipynb -p ARTICLE
            path/to/article.txt`.

            **Choose pairs to compare** that differ in one way (same event, two outlets) so that the
            comparison teaches: differences in topic swamp differences in writing.

            **Neutrality.** Students will bring articles they agree or disagree with. Apply the same
            rule as before: every device is described by what it does, on every side.
        '''),
        *go_further('''
            `to_json()` gives the whole markup in a stable format that other programs can read.
            Save it, or look at the first spans.
        ''', '''
            import json
            data = json.loads(markup.to_json())
            data["spans"][:2]
        '''),
        key_points("Every lens runs on any English news article: a file, an HTML page or pasted text.",
                   "Comparing two articles lens by lens shows differences in sourcing, attribution, loaded language and headline support.",
                   "The lenses use word lists and patterns: a highlight is a prompt to read closely, not a verdict.",
                   "Take the post-quiz to see what you have learnt since the pre-quiz."),
        next_links("post_quiz.ipynb", "the post-quiz",
                   "07_class_discussion.ipynb", "7. Class discussion"),
    ]


#: number -> (notebook file, cell-list function, its exercise notebook stem, the next lesson's file)
LESSONS = {
    "00": ("00_start_here.ipynb", lesson_00, "pre_quiz", "01_meet_the_article.ipynb"),
    "01": ("01_meet_the_article.ipynb", lesson_01, "01_meet_the_article_exercises", "02_sourcing.ipynb"),
    "02": ("02_sourcing.ipynb", lesson_02, "02_sourcing_exercises", "03_attribution_and_quotes.ipynb"),
    "03": ("03_attribution_and_quotes.ipynb", lesson_03, "03_attribution_and_quotes_exercises",
           "04_loaded_language.ipynb"),
    "04": ("04_loaded_language.ipynb", lesson_04, "04_loaded_language_exercises", "05_headline_vs_body.ipynb"),
    "05": ("05_headline_vs_body.ipynb", lesson_05, "05_headline_vs_body_exercises",
           "06_bring_your_own_article.ipynb"),
    "06": ("06_bring_your_own_article.ipynb", lesson_06, "post_quiz", "07_class_discussion.ipynb"),
}


# ---------------------------------------------------------------------------------------
# Build and run
# ---------------------------------------------------------------------------------------
def build(number: str):
    """The notebook object of lesson ``number`` (no outputs), with deterministic cell ids."""
    name, make = LESSONS[number][:2]
    nb = new_notebook()
    nb.metadata = {
        "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
        "mediakit": {"lesson": number, "built_by": "tools/build_lessons.py"},
    }
    nb.cells = make()
    try:                    # exercise minutes come from the answer keys (see exercise_estimate)
        n_ex, minutes = exercise_estimate(LESSONS[number][2])
    except Exception:       # keys not importable: keep the minutes written in the lesson
        n_ex = 0
    if n_ex:
        declared = 5 * math.ceil(minutes / 5)
        nb.cells[0].source = TIME_LINE.sub(
            lambda m: f"**Teaching:** {m.group(1)} min · **Exercises:** {declared} min", nb.cells[0].source)
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"l{number}-{i:02d}"
    return nb


def execute(nb, allow_errors: bool = False):
    from nbclient import NotebookClient
    client = NotebookClient(nb, timeout=120, kernel_name="python3", allow_errors=allow_errors,
                            record_timing=False, resources={"metadata": {"path": str(NOTEBOOKS)}})
    client.execute()
    for cell in nb.cells:                           # nothing that changes between runs
        cell.metadata.pop("execution", None)
    nb.metadata.pop("widgets", None)
    return nb


GUIDE = ROOT / "docs" / "teacher-guide.md"
TABLE_START, TABLE_END = "<!-- lesson-table:start -->", "<!-- lesson-table:end -->"


def guide_table() -> str:
    """The lesson plan table of the teacher guide, built from the lessons and the answer keys."""
    rows = ["| Lesson | Objectives: students can ... | Teaching | Exercises | Exercise notebook |",
            "| --- | --- | ---: | ---: | --- |"]
    total_t = total_e = 0
    for number in sorted(LESSONS):
        name, _, stem, _ = LESSONS[number]
        nb = build(number)
        first = nb.cells[0].source
        title = first.splitlines()[0].lstrip("# ").strip()
        objectives = re.findall(r"(?m)^- (.+)$", first.split("### Objectives", 1)[1])
        teaching, exercises = declared_minutes(nb)
        total_t, total_e = total_t + teaching, total_e + exercises
        try:
            from mediakit.exercises import for_notebook
            listed = "; ".join(f"{e.title} ({e.kind})" for e in for_notebook(stem))
        except Exception:
            listed = ""
        rows.append(f"| [{title}](../notebooks/{name}) | {' '.join(objectives)} | {teaching} min | "
                    f"{exercises} min | [{stem}](../exercises/{stem}.ipynb): {listed} |")
    rows.append(f"| **Total** | | **{total_t} min** | **{total_e} min** | |")
    return "\n".join(rows)


def update_guide() -> bool:
    """Rewrite the table between the markers in docs/teacher-guide.md; True if it changed."""
    text = GUIDE.read_text(encoding="utf-8")
    a, b = text.index(TABLE_START) + len(TABLE_START), text.index(TABLE_END)
    new = text[:a] + "\n" + guide_table() + "\n" + text[b:]
    if new != text:
        GUIDE.write_text(new, encoding="utf-8")
    return new != text


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", action="append", choices=sorted(LESSONS), help="build only this lesson (repeatable)")
    ap.add_argument("--no-execute", action="store_true", help="write the cells without running them")
    ap.add_argument("--allow-errors", action="store_true", help="keep going when a cell fails (for drafting)")
    ap.add_argument("--guide", action="store_true", help="only refresh the lesson table in docs/teacher-guide.md")
    args = ap.parse_args(argv)
    if args.guide:
        print("docs/teacher-guide.md", "updated" if update_guide() else "already up to date")
        return 0
    NOTEBOOKS.mkdir(exist_ok=True)
    failed = 0
    print(f"{'lesson':34} {'teaching':>8} {'estimate':>8} {'exercises':>9} {'run':>6}")
    for number in args.only or sorted(LESSONS):
        nb = build(number)
        teaching, exercises = declared_minutes(nb)
        estimate = teaching_estimate(nb)
        flag = "" if teaching_ok(teaching, estimate) else "  <- teaching time does not match the content"
        try:
            n_ex, ex_minutes = exercise_estimate(LESSONS[number][2])
        except Exception as exc:                     # the keys may not have landed yet
            n_ex, ex_minutes = 0, 0
        if not n_ex:
            flag += f"  <- no exercises found for {LESSONS[number][2]}"
        elif not exercises_ok(exercises, ex_minutes):
            flag += f"  <- {n_ex} exercises need {ex_minutes} min"
        t0 = time.perf_counter()
        if not args.no_execute:
            try:
                execute(nb, args.allow_errors)
            except Exception as exc:             # report, write what ran, go on with the others
                failed += 1
                flag += f"  <- FAILED: {str(exc).strip().splitlines()[-1] if str(exc).strip() else exc!r}"
        errors = [f"{c.id}: {o.get('ename')}: {o.get('evalue', '')[:80]}" for c in nb.cells
                  if c.cell_type == "code" for o in c.get("outputs", []) if o.get("output_type") == "error"]
        if errors:
            failed += 1
            flag += "".join(f"\n    error in {e}" for e in errors)
        path = NOTEBOOKS / LESSONS[number][0]
        nbformat.validate(nb)
        nbformat.write(nb, str(path))
        print(f"{path.name:34} {teaching:>8} {estimate:>8.1f} {exercises:>9} {time.perf_counter() - t0:>5.1f}s{flag}")
    if GUIDE.exists() and TABLE_START in GUIDE.read_text(encoding="utf-8"):
        print("docs/teacher-guide.md", "lesson table updated" if update_guide() else "lesson table up to date")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
