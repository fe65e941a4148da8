"""GIFT and Anki exports of the question banks."""

from __future__ import annotations

import re
import sqlite3
import zipfile

import pytest

from lessons.kit.files import write_atomically
from lessons.progress import exports
from lessons.quiz.bank import Option, Question, QuestionBank, all_banks

SPECIAL = "~=#{}:"
TRICKY = r"a~b=c#d{e}f:g\h"


# ---------------------------------------------------------------- a tiny GIFT checker

def unescaped_specials(text: str) -> list[str]:
    """Special characters in ``text`` not preceded by a backslash (``\\x`` pairs skipped)."""
    found, i = [], 0
    while i < len(text):
        if text[i] == "\\":
            assert i + 1 < len(text), f"dangling backslash in {text!r}"
            i += 2
            continue
        if text[i] in SPECIAL:
            found.append(text[i])
        i += 1
    return found


def unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) == "n" else m.group(1), text)


def plain(text: str) -> str:
    """Assert ``text`` is a clean GIFT text run and return it unescaped."""
    assert unescaped_specials(text) == [], f"unescaped special character in {text!r}"
    return unescape(text)


WEIGHT = r"(?:%(-?\d+(?:\.\d+)?)%)?"
TEXT = r"((?:\\.|[^\\~=#{}:\n])*)"


def parse_block(block: str) -> dict:
    """Parse one question block as written by the exporter; fail on anything else."""
    lines = [line for line in block.split("\n") if not line.startswith("//")]
    assert lines, "empty block"
    assert all(line.strip() for line in lines), "blank line inside a question"
    if lines[0].startswith("$CATEGORY: "):
        assert len(lines) == 1
        return {"category": lines[0][len("$CATEGORY: "):]}
    head = re.fullmatch(r"::" + TEXT + r"::" + TEXT + r"\{(#?)", lines[0])
    result = {"title": None, "prompt": None, "answers": [], "general": None}
    if head is None:  # true/false: everything on one line
        tf = re.fullmatch(r"::" + TEXT + r"::" + TEXT + r"\{(TRUE|FALSE)#" + TEXT + "#" + TEXT + r"\}",
                          lines[0])
        assert tf and len(lines) == 1, f"not a GIFT question: {lines[0]!r}"
        result.update(kind="true_false", title=plain(tf[1]), prompt=plain(tf[2]),
                      answer=tf[3] == "TRUE", wrong=plain(tf[4]), right=plain(tf[5]))
        return result
    result.update(title=plain(head[1]), prompt=plain(head[2]),
                  kind="numeric" if head[3] else "choice")
    assert lines[-1] == "}", "the answers must be closed by }"
    for line in lines[1:-1]:
        if line.startswith("\t####"):
            result["general"] = plain(line[5:])
            continue
        if result["kind"] == "numeric":
            number = re.fullmatch(r"\t=(-?\d+(?:\.\d+)?):(\d+(?:\.\d+)?)", line)
            assert number, f"bad numeric answer {line!r}"
            result["answers"].append((float(number[1]), float(number[2])))
            continue
        choice = re.fullmatch(r"\t([=~])" + WEIGHT + TEXT + "#" + TEXT, line)
        assert choice, f"bad answer line {line!r}"
        weight = None if choice[2] is None else float(choice[2])
        result["answers"].append((choice[1], weight, plain(choice[3]), plain(choice[4])))
    assert result["general"] is not None, "general feedback (####) missing"
    return result


def parse_gift(text: str) -> list[dict]:
    assert text.endswith("\n") and "\r" not in text
    blocks = [block for block in re.split(r"\n\s*\n", text.strip("\n")) if block.strip()]
    parsed = []
    for block in blocks:
        if all(line.startswith("//") for line in block.split("\n")):
            continue
        parsed.append(parse_block(block))
    return parsed


# ---------------------------------------------------------------- fixtures

def make_bank(*questions: Question) -> QuestionBank:
    return QuestionBank("99_test", "Test: quiz", tuple(questions), "test.yml")


def single(prompt="Pick B", text="B", explanation="Because.") -> Question:
    return Question("q-single", "single", prompt, explanation, options=(
        Option("A", "A is wrong."), Option(text, "Yes: " + text, correct=True)))


def multiple(n_correct: int, n_wrong: int = 2) -> Question:
    options = tuple(Option(f"right {i}", "yes", True) for i in range(n_correct))
    options += tuple(Option(f"wrong {i}", "no") for i in range(n_wrong))
    return Question("q-multi", "multiple", "Tick all", "General.", options=options)


# ---------------------------------------------------------------- escaping

@pytest.mark.parametrize("char", list(SPECIAL))
def test_every_special_character_is_escaped_everywhere(char):
    question = Question("q" + str(ord(char)), "single", f"prompt {char} here", f"why {char}",
                        options=(Option(f"right {char}", f"fb {char}", True), Option("wrong", f"no {char}")))
    block = exports.question_to_gift(question, "99_test")
    assert f"prompt \\{char} here" in block
    assert f"right \\{char}" in block and f"fb \\{char}" in block and f"no \\{char}" in block
    parsed = parse_block(block)
    assert parsed["prompt"] == f"prompt {char} here"
    assert parsed["answers"][0][2:] == (f"right {char}", f"fb {char}")
    assert parsed["answers"][1][3] == f"no {char}"
    assert parsed["general"] == f"why {char}"


def test_escape_round_trips_backslash_and_newline():
    escaped = exports.gift_escape(TRICKY + "\nnext")
    assert escaped == r"a\~b\=c\#d\{e\}f\:g\\h\nnext"
    assert unescaped_specials(escaped) == []
    assert unescape(escaped) == TRICKY + "\nnext"


def test_title_is_escaped():
    question = Question("a:b", "true_false", "P", "E", answer=True)
    assert exports.question_to_gift(question, "q").startswith(r"::q/a\:b::")


# ---------------------------------------------------------------- each question type

def test_single_choice_syntax():
    block = exports.question_to_gift(single(), "99_test")
    assert block.splitlines() == ["::99_test/q-single::Pick B{", "\t~A#A is wrong.", "\t=B#Yes\\: B",
                                  "\t####Because.", "}"]
    parsed = parse_block(block)
    assert [a[0] for a in parsed["answers"]] == ["~", "="]


@pytest.mark.parametrize("n_correct", [1, 2, 3, 4, 6, 7])
def test_multiple_answer_weights(n_correct):
    parsed = parse_block(exports.question_to_gift(multiple(n_correct), "99_test"))
    weights = [a[1] for a in parsed["answers"]]
    assert all(a[0] == "~" for a in parsed["answers"]), "multiple answers use ~%weight% only"
    correct = [w for w, a in zip(weights, parsed["answers"], strict=True) if a[2].startswith("right")]
    wrong = [w for w, a in zip(weights, parsed["answers"], strict=True) if a[2].startswith("wrong")]
    assert abs(sum(correct) - 100) < 0.001
    assert all(w > 0 for w in correct) and wrong == [-100, -100]


def test_multiple_weights_requires_a_correct_option():
    with pytest.raises(ValueError):
        exports.multiple_weights(0)


@pytest.mark.parametrize("answer", [True, False])
def test_true_false_syntax_with_wrong_then_right_feedback(answer):
    question = Question("q-tf", "true_false", "Is it {so}?", "Explained: yes.", answer=answer)
    block = exports.question_to_gift(question, "99_test")
    keyword = "TRUE" if answer else "FALSE"
    assert block == (r"::99_test/q-tf::Is it \{so\}?{" + keyword
                     + r"#Not quite. Explained\: yes.#Correct. Explained\: yes.}")
    parsed = parse_block(block)
    assert parsed["answer"] is answer and parsed["right"].startswith("Correct.")


def test_numeric_syntax_and_tolerance():
    question = Question("q-num", "numeric", "How many?", "Five.", answer=5, tolerance=0.5, unit="discs")
    block = exports.question_to_gift(question, "99_test")
    assert block.splitlines() == ["::99_test/q-num::How many? (Answer in discs.){#", "\t=5:0.5",
                                  "\t####Five.", "}"]
    assert parse_block(block)["answers"] == [(5.0, 0.5)]


@pytest.mark.parametrize("value, text", [(5, "5"), (5.0, "5"), (0.25, "0.25"), (-3.5, "-3.5"),
                                         (1e-7, "0.0000001"), (619.0, "619"), (0, "0")])
def test_numbers_have_no_exponent(value, text):
    assert exports._number(value) == text


def test_bank_blocks_are_separated_by_blank_lines():
    text = exports.bank_to_gift(make_bank(single(), multiple(2)))
    blocks = text.strip().split("\n\n")
    assert blocks[0] == "// Test: quiz (test.yml)\n$CATEGORY: $course$/top/99_test"
    assert len(blocks) == 3 and text.endswith("}\n")


# ---------------------------------------------------------------- every shipped bank

@pytest.fixture(scope="module")
def banks():
    return all_banks()


def test_all_shipped_banks_export_to_valid_gift(banks):
    parsed = parse_gift(exports.all_banks_to_gift(banks))
    questions = [item for item in parsed if "category" not in item]
    categories = [item["category"] for item in parsed if "category" in item]
    assert categories == [f"$course$/top/{bank.quiz}" for bank in banks]
    expected = [(bank, q) for bank in banks for q in bank.questions]
    assert len(questions) == len(expected)
    for item, (bank, question) in zip(questions, expected, strict=True):
        assert item["title"] == f"{bank.quiz}/{question.id}"
        assert item["prompt"].startswith(question.prompt)
        if question.type in ("single", "multiple"):
            assert [a[2] for a in item["answers"]] == [o.text for o in question.options]
            assert [a[3] for a in item["answers"]] == [o.explanation for o in question.options]
        if question.type == "multiple":
            positive = [a[1] for a in item["answers"] if a[1] > 0]
            assert abs(sum(positive) - 100) < 0.001
        if question.type == "single":
            assert [a[0] == "=" for a in item["answers"]] == [o.correct for o in question.options]
        if question.type == "numeric":
            assert item["answers"] == [(float(question.answer), question.tolerance)]
        if question.type == "true_false":
            assert item["answer"] is question.answer


def test_shipped_text_really_exercises_escaping(banks):
    text = exports.all_banks_to_gift(banks)
    assert r"\:" in text  # the banks contain colons, so escaping is tested on real content


# ---------------------------------------------------------------- Anki

def test_deck_has_one_note_per_question(banks):
    deck = exports.bank_to_anki(banks)
    assert len(deck.notes) == sum(len(bank) for bank in banks)
    assert deck.deck_id == exports.DECK_ID
    guids = [note.guid for note in deck.notes]
    assert len(set(guids)) == len(guids)


def test_ids_and_guids_are_stable():
    bank = make_bank(single(), multiple(2))
    first = [n.guid for n in exports.bank_to_anki([bank]).notes]
    again = [n.guid for n in exports.bank_to_anki([bank]).notes]
    assert first == again == [exports.note_guid("99_test", "q-single"), exports.note_guid("99_test", "q-multi")]
    assert exports.note_guid("99_test", "q-single") != exports.note_guid("98_test", "q-single")
    assert exports.stable_id("a") == exports.stable_id("a") and (1 << 30) <= exports.DECK_ID < (1 << 31)
    assert (1 << 30) <= exports.MODEL_ID < (1 << 31)


def test_card_text_is_escaped_and_shows_answer():
    note = exports.bank_to_anki(make_bank(single(prompt="x < y & z", text="<b>B</b>"))).notes[0]
    front, back, _ = note.fields
    assert "x &lt; y &amp; z" in front and "&lt;b&gt;B&lt;/b&gt;" in front
    assert "B. &lt;b&gt;B&lt;/b&gt;" in back and "Because." in back


def test_write_anki_package(tmp_path):
    path = exports.write_anki_package(tmp_path / "deck.apkg", [make_bank(single(), multiple(3))])
    with zipfile.ZipFile(path) as archive:
        (tmp_path / "c.db").write_bytes(archive.read("collection.anki2"))
    with sqlite3.connect(tmp_path / "c.db") as db:
        guids = {row[0] for row in db.execute("select guid from notes")}
    assert guids == {exports.note_guid("99_test", "q-single"), exports.note_guid("99_test", "q-multi")}


# ---------------------------------------------------------------- command line

def test_cli_writes_gift_and_refuses_to_overwrite(tmp_path, capsys):
    out = tmp_path / "all.gift"
    assert exports.main(["gift", str(out)]) == 0
    first = out.read_text(encoding="utf-8")
    assert first == exports.all_banks_to_gift()
    assert exports.main(["gift", str(out)]) == 1
    assert "--force" in capsys.readouterr().err
    out.write_text("old", encoding="utf-8")
    assert exports.main(["gift", str(out)]) == 1 and out.read_text(encoding="utf-8") == "old"
    assert exports.main(["gift", str(out), "--force"]) == 0
    assert out.read_text(encoding="utf-8") == first
    assert [p.name for p in tmp_path.iterdir()] == ["all.gift"], "no temporary files left behind"


def test_cli_writes_anki(tmp_path):
    out = tmp_path / "deck.apkg"
    assert exports.main(["anki", str(out)]) == 0
    assert zipfile.is_zipfile(out)
    assert [p.name for p in tmp_path.iterdir()] == ["deck.apkg"]


def test_failed_write_leaves_no_file(tmp_path):
    out = tmp_path / "x.gift"

    def boom(temp):
        temp.write_text("partial")
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        write_atomically(out, boom)
    assert list(tmp_path.iterdir()) == []
