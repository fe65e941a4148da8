"""Write the made-up sample class in ``assets/sample_class/`` (run ``python -m tools.sample_class``).

Twelve invented learners ("Learner 01" ... "Learner 12") answer the real question banks with a
seeded ``random.Random``, so the files are the same on every run. Each also answers the beliefs check
in lesson 00 and, if they reached it, again in lesson 19 (from a generator of its own, so the quiz
answers do not depend on it). Learner 12 is saved as CSV to show that both formats load (a CSV file
carries no beliefs). Two broken files show how the class view skips what it cannot read.
"""

from __future__ import annotations

import json
import random
import sys
from datetime import datetime, timedelta
from pathlib import Path

from lessons.progress.classroom import SAMPLE_DIR, quiz_lessons
from lessons.quiz.assessment import FINAL_ASSESSMENT, draw_questions, question_key
from lessons.quiz.bank import Question, load_bank
from lessons.quiz.beliefs import POSITION, load_beliefs
from lessons.records.results import FORMAT, VERSION, csv_text, safe_file_name

SEED = 7
LEARNERS = 12
START = datetime(2026, 11, 2, 9, 0, 0)
BROKEN = {
    "notes-from-learner-13.json": "Learner 13 sent their notes instead of their results file.\n",
}


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _response(question: Question, right: bool, rng: random.Random) -> list[str]:
    """The learner's answer as text, right or (a plausible) wrong."""
    if question.type == "true_false":
        return ["True" if question.answer == right else "False"]
    if question.type == "numeric":
        step = max(1, question.tolerance * 3)   # always outside the tolerance
        value = question.answer if right else question.answer + rng.choice([-2, -1, 1, 2, 5]) * step
        return [f"{value:g}"]
    correct = [o.text for o in question.options if o.correct]
    wrong = [o.text for o in question.options if not o.correct]
    if question.type == "single":
        return correct if right else [rng.choice(wrong)]
    if right:
        return correct
    if wrong and rng.random() < 0.7:
        return sorted(set(correct[:-1] + [rng.choice(wrong)]), key=[o.text for o in question.options].index)
    return correct[:-1] or [rng.choice(wrong)]


def learner_results(number: int, rng: random.Random, difficulty: dict[str, float]) -> dict:
    """One invented learner: lessons in course order up to a point, first tries, some retries."""
    ability = rng.uniform(0.45, 0.95)
    lessons = quiz_lessons()
    reach = min(len(lessons), rng.randint(6, len(lessons) + 10))
    attempts, answers, clock = [], [], START + timedelta(days=number)
    for lesson in lessons[:reach]:
        if lesson == FINAL_ASSESSMENT:
            items = [(question_key(f, q), q) for f, q in draw_questions()]
        else:
            items = [(q.id, q) for q in load_bank(lesson).questions]
        pending = items if rng.random() < 0.85 else items[: rng.randint(1, len(items) - 1)]
        for _ in range(2):
            if not pending:
                break
            attempts.append({"attempt": len(attempts) + 1, "lesson": lesson, "total": len(items),
                             "started_at": _stamp(clock)})
            missed = []
            for key, question in pending:
                right = rng.random() < ability * difficulty[f"{lesson}/{key}"]
                clock += timedelta(seconds=rng.randint(20, 90))
                answers.append({"attempt": len(attempts), "lesson": lesson, "question": key, "correct": right,
                                "chosen": _response(question, right, rng), "answered_at": _stamp(clock)})
                missed += [] if right else [(key, question)]
            pending = missed if rng.random() < 0.6 else []
        clock += timedelta(hours=rng.randint(20, 60))
    beliefs = learner_beliefs(number, START + timedelta(days=number, minutes=-10),
                              clock if FINAL_ASSESSMENT in lessons[:reach] else None)
    return {"format": FORMAT, "version": VERSION, "display_name": f"Learner {number:02d}",
            "attempts": attempts, "answers": answers, "plans": [], "beliefs": beliefs}


SIDES = {-1: "disagree", 0: "not_sure", 1: "agree"}


def learner_beliefs(number: int, start: datetime, end: datetime | None) -> list[dict]:
    """One invented learner's beliefs check: every statement in lesson 00; in lesson 19 (``end``) most answers
    stay or move one step toward what research supports, a few move away."""
    rng = random.Random(f"{SEED}-beliefs-{number}")
    found = []
    for statement in load_beliefs().statements:
        target = POSITION[statement.research_says]
        first = rng.choices([target, 0, -target], weights=[35, 25, 40])[0]
        found.append(("00_start_here", statement.id, first, start))
        if end is not None:
            step = rng.choices([1, 0, -1], weights=[55, 35, 10])[0]
            last = max(-1, min(1, first + step * target)) if first != target or step < 0 else first
            found.append((FINAL_ASSESSMENT, statement.id, last, end))
    return [{"lesson": lesson, "statement": statement, "answer": SIDES[side],
             "sureness": "" if side == 0 else rng.choice(["a_little", "fairly", "very"]), "answered_at": _stamp(at)}
            for lesson, statement, side, at in found]


def write_sample(folder: Path = SAMPLE_DIR) -> list[Path]:
    """(Re)write every sample results file in ``folder``; returns the files written."""
    rng = random.Random(SEED)
    keys = [f"{lesson}/{q.id}" for lesson in quiz_lessons() if lesson != FINAL_ASSESSMENT
            for q in load_bank(lesson).questions]
    keys += [f"{FINAL_ASSESSMENT}/{question_key(f, q)}" for f, q in draw_questions()]
    difficulty = {key: rng.choice([1.0, 1.0, 0.95, 0.85, 0.7, 0.5]) for key in keys}
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for number in range(1, LEARNERS + 1):
        results = learner_results(number, rng, difficulty)
        fmt = "csv" if number == LEARNERS else "json"
        text = csv_text(results) if fmt == "csv" else json.dumps(results, ensure_ascii=False, indent=1) + "\n"
        written.append(folder / safe_file_name(results["display_name"], fmt))
        written[-1].write_text(text, encoding="utf-8", newline="")
    wrong = learner_results(14, rng, difficulty)
    wrong["display_name"] = "Learner 14"
    wrong["answers"][2]["correct"] = "yes"    # must be true or false: the class view skips this file
    written.append(folder / "results-learner-14.json")
    written[-1].write_text(json.dumps(wrong, indent=1) + "\n", encoding="utf-8", newline="")
    for name, text in BROKEN.items():
        written.append(folder / name)
        written[-1].write_text(text, encoding="utf-8", newline="")
    return written


if __name__ == "__main__":
    files = write_sample(Path(sys.argv[1]) if len(sys.argv) > 1 else SAMPLE_DIR)
    print(f"Wrote {len(files)} files to {files[0].parent.name}/")
