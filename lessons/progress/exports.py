"""Export the question banks for other tools: Moodle GIFT and an Anki deck.

Pure functions build the text or the deck; ``main`` is a small command line::

    python -m lessons.progress.exports gift quizzes.gift
    python -m lessons.progress.exports anki quizzes.apkg [--force]

GIFT follows the rules in Moodle's documentation ("GIFT format") and Moodle's own
exporter (``question/format/gift/format.php``): one question per block, blocks
separated by a blank line; ``::title::``; ``=right`` / ``~wrong`` with ``#feedback``;
``~%50%`` weights for multiple answers; ``{TRUE#wrong feedback#right feedback}``;
``{#answer:tolerance}``; ``####general feedback``; and the characters
``~ = # { } :`` (and the backslash itself) escaped with a backslash.

Anki ids are derived from the quiz and question ids, so exporting again and
importing updates the cards instead of duplicating them.

The statements of the beliefs check (lessons 00 and 19, ``lessons.quiz.beliefs``) are exported too, as
true/false items "Does the research support this?" with their explanation, in their own category
(``beliefs_check``). They are for discussion; the course itself never scores them.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import sys
from collections.abc import Iterable
from pathlib import Path

import genanki

from lessons.kit.files import write_atomically
from lessons.quiz.bank import Question, QuestionBank, all_banks
from lessons.quiz.beliefs import BeliefsCheck, load_beliefs

GIFT_SPECIAL = "~=#{}:"
COURSE_NAME = "Back Pain & Leg Pain"
BELIEFS_QUIZ = "beliefs_check"          # the category and the first part of each statement's title and id
BELIEFS_PROMPT = "Does the research support this statement?"


# --------------------------------------------------------------------------- GIFT

def gift_escape(text: str) -> str:
    """Escape text for GIFT: backslash first, then ``~ = # { } :``; newlines become ``\\n``."""
    text = text.replace("\\", "\\\\")
    for char in GIFT_SPECIAL:
        text = text.replace(char, "\\" + char)
    return text.replace("\r", "").replace("\n", "\\n")


def _number(value: float) -> str:
    """A number as GIFT expects it: no exponent, no needless ``.0``."""
    text = f"{float(value):.10f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def _weight(value: float) -> str:
    return _number(round(value, 5))


def multiple_weights(n_correct: int) -> list[float]:
    """Weights (percent) for the correct options of a multiple-answer question; they sum to 100."""
    if n_correct < 1:
        raise ValueError("a multiple-answer question needs at least one correct option")
    return [100.0 / n_correct] * n_correct


def question_to_gift(question: Question, quiz: str) -> str:
    """One question as a GIFT block (no trailing blank line)."""
    title = f"::{gift_escape(f'{quiz}/{question.id}')}::"
    prompt = question.prompt
    if question.type == "numeric" and question.unit:
        prompt = f"{prompt} (Answer in {question.unit}.)"
    head = title + gift_escape(prompt)
    general = f"\t####{gift_escape(question.explanation)}"

    if question.type == "single":
        lines = [f"\t{'=' if option.correct else '~'}{gift_escape(option.text)}"
                 f"#{gift_escape(option.explanation)}" for option in question.options]
    elif question.type == "multiple":
        weights = iter(multiple_weights(len(question.correct_indices)))
        lines = []
        for option in question.options:
            weight = _weight(next(weights)) if option.correct else "-100"
            lines.append(f"\t~%{weight}%{gift_escape(option.text)}#{gift_escape(option.explanation)}")
    elif question.type == "true_false":
        answer = "TRUE" if question.answer else "FALSE"
        # Moodle: the first feedback is shown for a wrong answer, the second for a right one.
        wrong = "Not quite. " + question.explanation
        right = "Correct. " + question.explanation
        return f"{head}{{{answer}#{gift_escape(wrong)}#{gift_escape(right)}}}"
    elif question.type == "numeric":
        lines = [f"\t={_number(question.answer)}:{_number(question.tolerance)}"]
        return "\n".join([head + "{#", *lines, general, "}"])
    else:
        raise ValueError(f"unknown question type {question.type!r} in {quiz}/{question.id}")
    return "\n".join([head + "{", *lines, general, "}"])


def bank_to_gift(bank: QuestionBank) -> str:
    """A whole bank as GIFT: a comment, a category line, then one block per question."""
    blocks = [f"// {bank.title.replace(chr(10), ' ')} ({bank.source})\n"
              f"$CATEGORY: $course$/top/{bank.quiz}"]
    blocks += [question_to_gift(question, bank.quiz) for question in bank.questions]
    return "\n\n".join(blocks) + "\n"


def beliefs_to_gift(check: BeliefsCheck) -> str:
    """The beliefs check as GIFT: a comment, its category, then one true/false block per statement
    (TRUE when the research supports the statement), its explanation as the feedback."""
    blocks = [f"// {check.title} (beliefs check of lessons 00 and 19; {check.source})\n"
              f"$CATEGORY: $course$/top/{BELIEFS_QUIZ}"]
    for statement in check.statements:
        answer = "TRUE" if statement.research_says == "agree" else "FALSE"
        title = f"::{gift_escape(f'{BELIEFS_QUIZ}/{statement.id}')}::"
        wrong, right = "Not quite. " + statement.explanation, "Yes. " + statement.explanation
        blocks.append(f"{title}{gift_escape(f'{BELIEFS_PROMPT} {statement.text}')}"
                      f"{{{answer}#{gift_escape(wrong)}#{gift_escape(right)}}}")
    return "\n\n".join(blocks) + "\n"


def all_banks_to_gift(banks: Iterable[QuestionBank] | None = None, beliefs: BeliefsCheck | None = None) -> str:
    """Every bank shipped with the course and its beliefs check in one GIFT file; or the given banks (and
    the given beliefs check, if any)."""
    if banks is None:
        banks, beliefs = all_banks(), beliefs or load_beliefs()
    header = f"// {COURSE_NAME}: every quiz question, Moodle GIFT format (UTF-8).\n"
    text = header + "\n" + "\n".join(bank_to_gift(bank) for bank in banks)
    return text + ("\n" + beliefs_to_gift(beliefs) if beliefs is not None else "")


# --------------------------------------------------------------------------- Anki

def stable_id(*parts: str) -> int:
    """A deterministic id in the range Anki expects for models and decks (1 << 30 .. 1 << 31)."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).digest()
    return (1 << 30) + int.from_bytes(digest[:8], "big") % (1 << 30)


DECK_ID = stable_id("back-pain-leg-pain", "deck", "quizzes")
MODEL_ID = stable_id("back-pain-leg-pain", "model", "quiz-card-v1")

ANKI_MODEL = genanki.Model(
    MODEL_ID,
    "Back Pain & Leg Pain quiz card",
    fields=[{"name": "Front"}, {"name": "Back"}, {"name": "Source"}],
    templates=[{
        "name": "Question",
        "qfmt": "{{Front}}",
        "afmt": "{{FrontSide}}<hr id=answer>{{Back}}<p class=source>{{Source}}</p>",
    }],
    css=".card { font-family: sans-serif; font-size: 20px; text-align: left; }\n"
        ".source { font-size: 14px; color: #555; }",
)


def note_guid(quiz: str, question_id: str) -> str:
    """The note GUID for one question: the same on every export."""
    return genanki.guid_for("back-pain-leg-pain", quiz, question_id)


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


def _front(question: Question) -> str:
    parts = [f"<p>{_esc(question.prompt)}</p>"]
    if question.type in ("single", "multiple"):
        hint = "Choose one." if question.type == "single" else "Choose all that apply."
        items = "".join(f"<li>{_esc(option.text)}</li>" for option in question.options)
        parts.append(f"<p><i>{hint}</i></p><ol type=A>{items}</ol>")
    elif question.type == "true_false":
        parts.append("<p><i>True or false?</i></p>")
    elif question.type == "numeric":
        unit = f" (in {_esc(question.unit)})" if question.unit else ""
        parts.append(f"<p><i>Give a number{unit}.</i></p>")
    return "".join(parts)


def _back(question: Question) -> str:
    if question.type in ("single", "multiple"):
        letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
        answer = "<br>".join(f"{letters[i]}. {_esc(question.options[i].text)}"
                             for i in sorted(question.correct_indices))
    elif question.type == "true_false":
        answer = "True" if question.answer else "False"
    else:
        answer = _number(question.answer)
        if question.tolerance:
            answer += f" (± {_number(question.tolerance)})"
        if question.unit:
            answer += f" {_esc(question.unit)}"
    return f"<p><b>{answer}</b></p><p>{_esc(question.explanation)}</p>"


def _belief_notes(check: BeliefsCheck) -> list[genanki.Note]:
    source = _esc(f"{check.title} (beliefs check, lessons 00 and 19)")
    return [genanki.Note(
        model=ANKI_MODEL,
        fields=[f"<p>{_esc(BELIEFS_PROMPT)}</p><p>{_esc(statement.text)}</p><p><i>Agree or disagree?</i></p>",
                f"<p><b>The research supports: {_esc(check.answer_labels[statement.research_says])}</b></p>"
                f"<p>{_esc(statement.explanation)}</p>", source],
        guid=note_guid(BELIEFS_QUIZ, statement.id), tags=[BELIEFS_QUIZ]) for statement in check.statements]


def bank_to_anki(banks: Iterable[QuestionBank] | QuestionBank | None = None,
                 deck_id: int = DECK_ID, beliefs: BeliefsCheck | None = None) -> genanki.Deck:
    """One deck with a note per question (and per statement of ``beliefs``); GUIDs come from quiz and question
    ids. Without ``banks``: every bank of the course and its beliefs check."""
    if isinstance(banks, QuestionBank):
        banks = [banks]
    if banks is None:
        banks, beliefs = all_banks(), beliefs or load_beliefs()
    banks = list(banks)
    deck = genanki.Deck(deck_id, f"{COURSE_NAME}::Quiz questions")
    for bank in banks:
        for question in bank.questions:
            tags = [bank.quiz]
            if question.topic:
                tags.append(question.topic.replace(" ", "_"))
            deck.add_note(genanki.Note(
                model=ANKI_MODEL,
                fields=[_front(question), _back(question), _esc(f"{bank.title} ({bank.quiz})")],
                guid=note_guid(bank.quiz, question.id),
                tags=tags,
            ))
    for note in _belief_notes(beliefs) if beliefs is not None else ():
        deck.add_note(note)
    return deck


def write_anki_package(path: str | Path, banks: Iterable[QuestionBank] | None = None,
                       deck_id: int = DECK_ID, beliefs: BeliefsCheck | None = None) -> Path:
    """Write an ``.apkg`` file that Anki can import (``bank_to_anki``)."""
    path = Path(path)
    genanki.Package(bank_to_anki(banks, deck_id, beliefs)).write_to_file(str(path))
    return path


# --------------------------------------------------------------------------- command line

def export_summary(banks: list[QuestionBank], beliefs: BeliefsCheck) -> str:
    """"150 questions from 20 quizzes and the 7 statements of the beliefs check"."""
    return (f"{sum(len(bank) for bank in banks)} questions from {len(banks)} quizzes and the {len(beliefs)} "
            "statements of the beliefs check")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m lessons.progress.exports",
        description="Export every quiz question to Moodle GIFT or to an Anki deck (.apkg).")
    parser.add_argument("format", choices=("gift", "anki"), help="gift (Moodle and other LMSs) or anki")
    parser.add_argument("output", type=Path, help="file to write, e.g. quizzes.gift or quizzes.apkg")
    parser.add_argument("--force", action="store_true", help="overwrite the file if it exists")
    args = parser.parse_args(argv)

    if args.output.exists() and not args.force:
        print(f"error: {args.output} already exists; use --force to overwrite it", file=sys.stderr)
        return 1
    banks, beliefs = all_banks(), load_beliefs()
    if args.format == "gift":
        text = all_banks_to_gift(banks, beliefs)
        write_atomically(args.output, lambda temp: temp.write_text(text, encoding="utf-8"))
    else:
        write_atomically(args.output, lambda temp: write_anki_package(temp, banks, beliefs=beliefs))
    print(f"Wrote {export_summary(banks, beliefs)} to {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
