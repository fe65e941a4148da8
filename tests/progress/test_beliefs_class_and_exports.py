"""The beliefs check for teachers (issue 16): class aggregation, the class chart and table, the sample class,
and the GIFT / Anki exports of its statements."""

from __future__ import annotations

import re
import zipfile

from lessons.progress import exports
from lessons.progress.classroom import SAMPLE_DIR, class_beliefs, load_class
from lessons.progress.classroom_widget import ClassResultsWidget, beliefs_table_html
from lessons.quiz.bank import all_banks
from lessons.quiz.beliefs import load_beliefs
from lessons.quiz.beliefs_figures import class_beliefs_figure
from lessons.records.results import read_results
from tests.conftest import ana, shown_figure, write_file

START, END = "00_start_here", "19_final_assessment"


def belief(lesson, statement, answer, sureness="fairly", minute=0):
    return {"lesson": lesson, "statement": statement, "answer": answer,
            "sureness": "" if answer == "not_sure" else sureness, "answered_at": f"2026-11-25T10:{minute:02d}:00Z"}


def learner(tmp_path, name, beliefs):
    doc = ana() | {"display_name": name, "version": 2, "beliefs": beliefs}
    return read_results(write_file(tmp_path, f"results-{name.lower()}.json", doc))


def test_the_class_counts_first_start_and_latest_end_answers(tmp_path):
    sam = learner(tmp_path, "Sam", [
        belief(START, "scan_shows_cause", "agree", minute=1), belief(START, "scan_shows_cause", "disagree", minute=2),
        belief(END, "scan_shows_cause", "agree", minute=3), belief(END, "scan_shows_cause", "disagree", minute=4),
        belief(START, "exercise_is_safe", "not_sure"), belief(END, "exercise_is_safe", "disagree")])
    kim = learner(tmp_path, "Kim", [belief(START, "scan_shows_cause", "not_sure"),
                                    belief(START, "gone_statement", "agree")])     # no longer asked: left out
    moves = {m.statement.id: m for m in class_beliefs([sam, kim])}
    scan = moves["scan_shows_cause"]
    assert scan.start == {"agree": 1, "not_sure": 1, "disagree": 0}     # Sam's first answer, not the second
    assert scan.end == {"agree": 0, "not_sure": 0, "disagree": 1}       # Sam's latest answer
    assert scan.both == 1 and scan.moved == {"toward": 1, "no change": 0, "away from": 0}
    assert moves["exercise_is_safe"].moved == {"toward": 0, "no change": 0, "away from": 1}
    assert moves["rest_is_best"].both == 0 and sum(moves["rest_is_best"].start.values()) == 0


def test_the_class_chart_and_table_show_counts_in_words_and_escape(tmp_path):
    check = load_beliefs()
    sam = learner(tmp_path, "Sam", [belief(START, "rest_is_best", "agree"), belief(END, "rest_is_best", "disagree")])
    moves = class_beliefs([sam], check)
    fig = class_beliefs_figure(check, moves)
    assert [t.name for t in fig.data] == ["Agree", "Not sure", "Disagree"]
    assert len({t.marker.pattern.shape for t in fig.data}) == 3          # not colour alone
    agree = fig.data[0]
    assert list(agree.y[1][:4]) == ["Start", "End", "Start", "End"] and agree.x[2] == 1 and agree.text[2] == "1"
    html = beliefs_table_html(check, moves)
    assert "<th scope='row'>2. When my back hurts" in html and "Agree 1, Not sure 0, Disagree 0" in html
    assert "1 / 0 / 0 (of 1)" in html and "score" not in html.lower() and "%" not in html


def test_statement_text_is_escaped_in_the_class_view(tmp_path):
    check = load_beliefs()
    odd = check.__class__(check.title, check.answer_labels, check.sureness_labels, check.feedback, check.texts,
                          (check.statements[0].__class__("x", 1, "<b>bold</b> & co", "agree", "Why.", ("nice-ng59",)),),
                          "test.yml")
    moves = class_beliefs([], odd)
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; co" in beliefs_table_html(odd, moves)
    assert "<b>" not in str(class_beliefs_figure(odd, moves).data[0].customdata)


def test_the_sample_class_answers_the_beliefs_check():
    result = load_class(SAMPLE_DIR)
    with_beliefs = [learner for learner in result.learners if learner.beliefs]
    assert len(with_beliefs) >= 8                                          # every JSON learner; the CSV one has none
    moves = class_beliefs(result.learners)
    assert all(sum(m.start.values()) == len(with_beliefs) for m in moves)
    assert any(m.both for m in moves) and sum(m.moved["toward"] for m in moves) > 0


def test_the_class_widget_draws_the_beliefs_chart_and_table():
    widget = ClassResultsWidget()
    figure = shown_figure(widget.beliefs)
    assert figure["layout"]["title"]["text"].startswith("The class's answers to the beliefs check")
    assert "course-class-beliefs" in widget.beliefs_table.value
    widget.folder.value = "no-such-folder"
    widget.load_button.click()
    assert widget.beliefs.outputs == () and widget.beliefs_table.value == ""


GIFT_TEXT = r"((?:\\.|[^\\~=#{}:\n])*)"          # a run of text with GIFT's special characters escaped
TRUE_FALSE = re.compile(r"::" + GIFT_TEXT + r"::" + GIFT_TEXT + r"\{(TRUE|FALSE)#" + GIFT_TEXT + "#" + GIFT_TEXT
                        + r"\}")


def unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: m.group(1), text)


def test_gift_exports_each_statement_as_true_false_with_its_explanation():
    check = load_beliefs()
    text = exports.all_banks_to_gift()
    block = text[text.index("$CATEGORY: $course$/top/beliefs_check"):]
    items = [TRUE_FALSE.fullmatch(line) for line in block.strip().split("\n\n")[1:]]
    assert all(items) and len(items) == len(check)
    for item, statement in zip(items, check.statements, strict=True):
        assert unescape(item[1]) == f"beliefs_check/{statement.id}"
        assert (item[3] == "TRUE") is (statement.research_says == "agree")
        assert unescape(item[2]) == f"{exports.BELIEFS_PROMPT} {statement.text}"
        assert unescape(item[4]).endswith(statement.explanation) and unescape(item[5]).endswith(statement.explanation)
    banks = all_banks()
    assert "beliefs_check" not in exports.all_banks_to_gift(banks)          # only what is asked for
    assert exports.all_banks_to_gift(banks, check) == exports.all_banks_to_gift()


def test_anki_has_one_stable_note_per_statement(tmp_path):
    check = load_beliefs()
    deck = exports.bank_to_anki()
    notes = [n for n in deck.notes if n.tags == ["beliefs_check"]]
    assert len(notes) == len(check) and len(deck.notes) == sum(len(b) for b in all_banks()) + len(check)
    assert [n.guid for n in notes] == [exports.note_guid("beliefs_check", s.id) for s in check.statements]
    back = notes[0].fields[1]
    assert "The research supports: Disagree" in back and check.statements[0].explanation in back
    path = exports.write_anki_package(tmp_path / "deck.apkg", [], beliefs=check)
    assert zipfile.is_zipfile(path)


# ---------------------------------------------------------------- My progress

def test_my_progress_shows_the_beliefs_check_in_words_and_brings_it_back(store, tmp_path):
    from lessons.progress.my_progress import ProgressDashboard, merged_text, progress_texts
    from lessons.records.results import export_results, merge_results

    dashboard = ProgressDashboard(store, export_folder=tmp_path)
    assert progress_texts().no_beliefs in dashboard.beliefs.value
    store.record_beliefs(START, [("scan_shows_cause", "agree", "very")], "2026-11-25T10:00:00Z")
    store.record_beliefs(END, [("scan_shows_cause", "disagree", "fairly")], "2026-12-01T10:00:00Z")
    dashboard.refresh()
    assert "At the start: Agree (very sure). At the end: Disagree (fairly sure)." in dashboard.beliefs.value
    assert "%" not in dashboard.beliefs.value and " of 7" not in dashboard.beliefs.value      # no score, no total
    other = type(store)(tmp_path / "other.sqlite3")
    merged = merge_results(other, read_results(export_results(store, tmp_path)))
    assert merged_text(merged) == "Added 2 answers to the beliefs check."
    assert merged_text(merge_results(other, read_results(export_results(store, tmp_path)))) == (
        progress_texts().import_nothing_new)
