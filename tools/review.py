"""The clinician's review pack: ``python3 course.py review`` writes ``_review/review.md``.

One readable document for a physiotherapy teacher or a clinician who approves the course for a class.
It is rebuilt from the same data the lessons use, so it cannot drift from them:

1. every warning sign, with its triage level, its wording and its sources (``lessons/kit/content/red_flags.yml``);
2. the "When to get help fast" box that closes every lesson, and each lesson's own warning-sign text
   (its generated "triage" cells);
3. every number a lesson cites: each sentence with a number in a lesson's text, with the studies it
   names (or the lesson's references), and every data table behind a figure, with its source;
4. the planner's rules: each exercise's safety fields, and the safety notes of a plan for every problem.

The document is generated, never committed (``_review/`` is in .gitignore).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import nbformat

from lessons.kit import references, triage
from lessons.kit.course import LESSON_GLOB
from lessons.kit.tables import load_table, table_files

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK_DIR = ROOT / "notebooks"
OUT_DIR = ROOT / "_review"
NUMBER = re.compile(r"\d")
LESSON_LINK = re.compile(r"\b(lessons?|Lesson|Lessons) \d\d[a-z]?( (and|or|to) \d\d[a-z]?)?\b"
                         r"|\b\d\d[a-z]?_[a-z_]+\.ipynb|#[\w-]+")


def _cell_kind(cell) -> str:
    return cell.get("metadata", {}).get("course", {}).get("generated", "")


def _plain(text: str) -> str:
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)     # links -> their words
    text = re.sub(r"[*_`>|]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def sentences_with_numbers(markdown: str) -> list[str]:
    """Sentences (plain text) that state a number, leaving out lesson numbers and links."""
    found = []
    for line in markdown.splitlines():
        if line.lstrip().startswith(("#", "|")):   # headings; tables (course-map rows, prerequisites)
            continue
        for sentence in re.split(r"(?<=[.!?])\s+", _plain(line)):
            if re.fullmatch(r"\d+\.?", sentence) or sentence.startswith("Time:"):
                continue
            if NUMBER.search(LESSON_LINK.sub("", sentence)):
                found.append(sentence)
    return found


def _surname(citation: str) -> str:
    return re.split(r"[ ,.(]", citation.strip(), maxsplit=1)[0]


def cited_refs(sentence: str, ref_ids: list[str]) -> list[str]:
    """The lesson's references whose first author (or body) the sentence names."""
    bib = references.bibliography()
    named = []
    for ref_id in ref_ids:
        name = _surname(bib[ref_id]["citation"])
        if len(name) > 2 and re.search(rf"\b{re.escape(name)}\b", sentence):
            named.append(ref_id)
    return named


def lesson_refs(nb) -> list[str]:
    refs: list[str] = []
    for cell in nb.cells:
        if _cell_kind(cell) == "references":
            refs += cell.metadata["course"].get("refs", [])
    return refs


def signs_section() -> list[str]:
    bib = references.bibliography()
    lines = ["## 1. Warning signs and their triage level", "",
             f"Source of truth: `{triage.FILE}`. Every place in the course that names a sign or says how fast "
             "to get help is built from it (tests fail otherwise).", ""]
    for chosen in triage.levels().values():
        lines += [f"### {chosen.symbol} {chosen.name}: {chosen.needs}", "", f"*Heading:* {chosen.heading}", "",
                  f"*Why:* {chosen.why}", "", f"*Action:* {chosen.action} {chosen.how_fast}", "",
                  "| Sign (id) | Wording in the lessons | Checker question | Sources |", "|---|---|---|---|"]
        for sign in triage.signs(chosen.key):
            sources = "; ".join(bib[ref]["citation"] for ref in sign.refs)
            note = f" *Note:* {sign.note}" if sign.note else ""
            lines.append(f"| `{sign.id}` | {sign.text} (short: {sign.short}){note} | {sign.question} | {sources} |")
        lines.append("")
    lines += ["Sources for the list as a whole: " + "; ".join(bib[ref]["citation"] for ref in triage.sources()), ""]
    return lines


def lessons_section() -> list[str]:
    lines = ["## 2. The safety box and each lesson's warning-sign text", "",
             "Every lesson ends with this box (generated from the triage file):", "", triage.safety_markdown(), ""]
    numbers = ["## 3. Numbers the lessons cite", "",
               "Each sentence with a number, with the study it names; where it names none, check it against "
               "the lesson's references (listed under the lesson).", ""]
    bib = references.bibliography()
    for path in sorted(NOTEBOOK_DIR.glob(LESSON_GLOB)):
        nb = nbformat.read(path, as_version=4)
        refs = lesson_refs(nb)
        own = [cell.source for cell in nb.cells if _cell_kind(cell) == "triage"]
        lines += [f"### {path.stem}", ""]
        lines += ([f"> {_plain(text)}" for text in own] if own else ["(No warning-sign text besides the box.)"])
        lines.append("")
        numbers += [f"### {path.stem}", ""]
        count = 0
        for cell in nb.cells:
            if cell.cell_type != "markdown" or _cell_kind(cell) not in ("", "triage"):
                continue
            for sentence in sentences_with_numbers(cell.source):
                named = cited_refs(sentence, refs)
                where = "; ".join(_surname(bib[r]["citation"]) for r in named) if named else "lesson references"
                numbers.append(f"- {sentence} — *{where}*")
                count += 1
        if not count:
            numbers.append("- (no numbers in the text)")
        numbers += ["", "References of this lesson:", ""]
        numbers += [f"{n}. {references.reference_markdown(ref)}" for n, ref in enumerate(refs, start=1)] + [""]
    tables = ["### Data tables behind the figures", ""]
    for meta in sorted(table_files().values()):
        table = load_table(meta.stem)
        tables += [f"#### {table.title} (`{meta.stem}`)", "", f"*Source:* {table.citation}", "", table.note, ""]
        columns = list(table.rows[0]) if table.rows else []
        tables += ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
        tables += ["| " + " | ".join(str(row[c]) for c in columns) + " |" for row in table.rows] + [""]
    return lines + numbers + tables


def planner_section() -> list[str]:
    from lessons.topics.planner.catalogue import PROBLEMS, load_catalogue
    from lessons.topics.planner.plan import PROBLEM_LABELS, PlanError, PlanRequest, make_plan, not_advised

    fields = ("spine", "prone", "balance", "sides")
    lines = ["## 4. The planner's rules (lesson 12)", "", "### Exercises and their safety fields", "",
             "| Exercise | Level | Position | " + " | ".join(fields) + " | Not advised for | Stop if |",
             "|---|---|---|" + "---|" * len(fields) + "---|---|"]
    catalogue = load_catalogue()
    for ex in catalogue:
        values = " | ".join(str(getattr(ex, name)) for name in fields)
        never = ", ".join(problem for problem in PROBLEMS if not_advised(ex, problem)) or "—"
        lines.append(f"| {ex.name} | {ex.level} | {ex.position} | {values} | {never} | "
                     f"{ex.stop_if} |")
    lines += ["", "### Safety notes of a plan for each problem", "",
              "Built by the planner itself (20 minutes, 3 sessions a week, advanced level, every position), so "
              "they are the notes a learner sees.", ""]
    for problem in PROBLEMS:
        lines += [f"#### {PROBLEM_LABELS[problem]}", ""]
        try:
            plan = make_plan(PlanRequest(problem=problem, minutes=20, sessions_per_week=3, level="advanced",
                                         positions=("standing", "sitting", "hands-and-knees", "lying")))
        except PlanError as error:
            lines += [f"(no plan: {error})", ""]
            continue
        names = sorted({item.exercise.name for week in plan.weeks for item in week.items})
        lines += [f"*Exercises used:* {', '.join(names)}", ""]
        lines += [f"- **{note.kind}:** {note.text}" for note in plan.notes] + [""]
    return lines


def build() -> str:
    header = ["# Back Pain & Leg Pain: clinical review pack", "",
              "Generated by `python3 course.py review` from the course's own data; do not edit by hand. "
              "It lists what a clinician should check before using the course with a class: the warning signs "
              "and how fast each needs help, the safety text of every lesson, every number the lessons cite "
              "with its source, and the stretching planner's safety rules.", ""]
    return "\n".join(header + signs_section() + lessons_section() + planner_section()) + "\n"


def write(out_dir: Path = OUT_DIR) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / "review.md"
    text = build()
    temporary = path.with_suffix(".md.tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python3 course.py review", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT_DIR, help="folder to write review.md into")
    args = parser.parse_args(argv)
    path = write(args.out)
    text = path.read_text(encoding="utf-8")
    shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    print(f"Wrote {shown} ({len(text.splitlines())} lines, {len(triage.signs())} warning signs).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
