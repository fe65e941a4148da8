"""Class results for teachers: loading a folder, class progress, item analysis, figures, widgets, notebook."""

from __future__ import annotations

import json
import shutil
import zipfile

import nbformat
import pytest

from lessons.kit.widget import escape
from lessons.progress import exports
from lessons.progress.classroom import (
    LEFT_OUT,
    SAMPLE_DIR,
    class_progress,
    item_analysis,
    load_class,
    wrong_choices,
)
from lessons.progress.classroom_figures import missed_figure, progress_figure, wrong_choices_figure
from lessons.progress.classroom_widget import ClassResultsWidget, QuizExportWidget, write_quiz_export
from lessons.quiz.bank import all_banks
from lessons.records.results import csv_text, parse_results
from tests.conftest import (
    BOTH_LEGS,
    FILM,
    PLOTLY,
    REPO,
    START,
    URINE,
    ana,
    ben,
    learner_doc,
    write_file,
)
from tools import sample_class as sample

TEACHER_NOTEBOOK = REPO / "teachers" / "class_results.ipynb"
HOSTILE = '<img src=x onerror="alert(1)">'


def cy() -> dict:  # lesson 03 has an attempt with no answer: started
    return learner_doc("Cy", [
        (START, "run-cell", False, ["Ctrl + S"]), (START, "saddle-numbness", False, ["True"]),
        (START, "emergency-signs", False, [URINE, BOTH_LEGS]), (START, "how-many-people", False, ["500,0"]),
        (START, "how-many-people", True, ["619"]),
    ], extra_attempts=("03_herniated_disc",))


@pytest.fixture
def learners():
    return tuple(parse_results(doc, f"{doc['display_name']}.json") for doc in (ana(), ben(), cy()))


def test_item_analysis_counts_first_answers_only(learners):
    stats = item_analysis(learners)
    got = [(s.lesson, s.question, s.answered, s.missed) for s in stats]
    assert got == [
        ("19_final_assessment", "03_herniated_disc/l5-s1-usual", 1, 1),
        (START, "emergency-signs", 3, 2), (START, "how-many-people", 3, 2), (START, "run-cell", 3, 2),
        (START, "saddle-numbness", 2, 1), (START, "urgent-signs", 1, 0), (START, "what-course-is", 2, 0),
    ]
    assert [round(s.share, 3) for s in stats] == [1.0, 0.667, 0.667, 0.667, 0.5, 0.0, 0.0]
    final = stats[0]
    assert final.label == "19 · 03/l5-s1-usual" and final.prompt.startswith("A usual herniation at L5")
    assert stats[1].label == "00 emergency-signs"


def test_item_analysis_sorts_by_share_and_leaves_out_rarely_answered(learners):
    stats = item_analysis(learners, min_learners=3)
    assert [s.question for s in stats] == ["emergency-signs", "how-many-people", "run-cell"]
    assert [s.share for s in item_analysis(learners[:1])][:1] == [1.0]
    assert item_analysis(()) == []


def test_wrong_choices_on_the_first_try(learners):
    assert wrong_choices(learners, START, "run-cell") == [("Ctrl + S", 1), ("Escape", 1)]
    assert wrong_choices(learners, START, "emergency-signs") == [(LEFT_OUT, 1), (FILM, 1)]
    assert wrong_choices(learners, START, "how-many-people") == [("500", 2)]   # "500,0" is the number 500
    assert wrong_choices(learners, START, "saddle-numbness") == [("True", 1)]
    assert wrong_choices(learners, START, "what-course-is") == []
    assert wrong_choices(learners, "19_final_assessment", "03_herniated_disc/l5-s1-usual") == [("L5", 1)]
    assert wrong_choices(learners, START, "gone-question") == []


def test_class_progress_uses_the_dashboard_rule(learners):
    counts = class_progress(learners, [START, "03_herniated_disc", "04_spinal_stenosis"])
    assert counts == {
        START: {"completed": 1, "started": 2, "not started": 0},
        "03_herniated_disc": {"completed": 0, "started": 1, "not started": 2},
        "04_spinal_stenosis": {"completed": 0, "started": 0, "not started": 3},
    }
    every = class_progress(learners)
    assert list(every)[0] == START and list(every)[-1] == "19_final_assessment"
    assert all(sum(c.values()) == 3 for c in every.values())


# --------------------------------------------------------------------------- loading a folder

def test_load_class_skips_every_kind_of_bad_file(tmp_path):
    write_file(tmp_path, "results-ana.json", ana())
    write_file(tmp_path, "results-ben.csv", csv_text(ben()))
    write_file(tmp_path, "results-ben.json", ben())                 # JSON is read first: the CSV is the duplicate
    write_file(tmp_path, "notes.json", "Dear teacher, ...")
    wrong = cy()
    wrong["answers"][0]["correct"] = "yes"
    write_file(tmp_path, "results-cy.json", wrong)
    unknown = ana() | {"display_name": "Dee"}
    unknown["attempts"][0]["lesson"] = unknown["answers"][0]["lesson"] = "42_made_up"
    write_file(tmp_path, "results-dee.json", unknown)
    missing = ana() | {"display_name": "Eve"}
    missing["attempts"] = missing["attempts"][1:]
    write_file(tmp_path, "results-eve.json", missing)
    (tmp_path / "results-fay.json").mkdir()
    write_file(tmp_path, "README.md", "not a results file")
    write_file(tmp_path, ".results-ana-123.tmp.json", "half a file")    # a temporary file: never read
    result = load_class(tmp_path)
    assert [learner.display_name for learner in result.learners] == ["Ana", "Ben"]
    reasons = dict(result.skipped)
    assert sorted(reasons) == ["notes.json", "results-ben.csv", "results-cy.json", "results-dee.json",
                               "results-eve.json", "results-fay.json"]
    assert reasons["notes.json"] == "is not valid JSON (line 1)"
    assert reasons["results-cy.json"] == "field 'answers.0.correct': must be true or false"
    assert "field 'attempts.0.lesson'" in reasons["results-dee.json"] and "42_made_up" in reasons["results-dee.json"]
    assert "field 'answers.0.attempt'" in reasons["results-eve.json"]
    assert "results-ben.json" in reasons["results-ben.csv"] and "display_name" in reasons["results-ben.csv"]
    assert "cannot be read" in reasons["results-fay.json"]
    assert result.notice is None


@pytest.mark.parametrize(("make", "words"), [
    (lambda tmp: tmp / "nowhere", "There is no folder called"),
    (lambda tmp: tmp, "has no .json or .csv files"),
    (lambda tmp: (tmp / "a.json").write_text("{") and tmp / "a.json", "is a file, not a folder"),
    (lambda tmp: (tmp / "a.json").write_text("{") and tmp, "None of the files could be used"),
])
def test_load_class_explains_a_bad_folder(tmp_path, make, words):
    result = load_class(make(tmp_path))
    assert result.learners == () and words in result.notice


def test_sample_class_loads_twelve_learners_and_skips_two_files():
    result = load_class(SAMPLE_DIR)
    assert [learner.display_name for learner in result.learners] == [f"Learner {n:02d}" for n in range(1, 13)]
    assert result.learners[-1].source == "results-learner-12.csv"
    assert result.skipped == (("notes-from-learner-13.json", "is not valid JSON (line 1)"),
                              ("results-learner-14.json", "field 'answers.2.correct': must be true or false"))
    assert "made-up" in (SAMPLE_DIR / "README.md").read_text(encoding="utf-8").lower()


def test_sample_class_is_what_the_generator_writes(tmp_path):
    written = sample.write_sample(tmp_path)
    committed = sorted(p.name for p in SAMPLE_DIR.iterdir() if p.name != "README.md")
    assert sorted(p.name for p in written) == committed
    for path in written:
        assert path.read_bytes() == (SAMPLE_DIR / path.name).read_bytes(), \
            f"{path.name} is out of date: run python -m tools.sample_class"


# --------------------------------------------------------------------------- figures

def test_progress_figure_stacks_three_labelled_patterned_bars(learners):
    fig = progress_figure(class_progress(learners, [START, "03_herniated_disc"]))
    assert [t.name for t in fig.data] == ["Completed", "Started", "Not started"]
    assert len({t.marker.pattern.shape for t in fig.data}) == 3 and len({t.marker.color for t in fig.data}) == 3
    assert [list(t.text) for t in fig.data] == [["1", ""], ["2", "1"], ["", "2"]]
    assert list(fig.data[0].y) == ["00 Start here", "03 Herniated disc"]
    assert fig.layout.barmode == "stack" and "3 learners" in fig.layout.title.text
    assert fig.layout.xaxis.title.text and fig.layout.yaxis.title.text


def test_missed_figure_shows_the_top_questions_with_counts(learners):
    stats = item_analysis(learners)
    fig = missed_figure(stats, top=2)
    (bars,) = fig.data
    assert list(bars.x) == [100.0, 66.7] and list(bars.text) == ["1 of 1 missed (100%)", "2 of 3 missed (67%)"]
    assert bars.y[1].startswith("00 emergency-signs: ") and "The 2 questions" in fig.layout.title.text
    assert bars.y[1].endswith("…") and bars.customdata[1] == escape(stats[1].prompt)
    assert fig.layout.xaxis.title.text and fig.layout.yaxis.title.text


def test_wrong_choices_figure_escapes_what_learners_typed(learners):
    doc = learner_doc("Hal", [(START, "how-many-people", False, [HOSTILE])])
    hal = parse_results(doc, "hal.json")
    stat = next(s for s in item_analysis([hal]) if s.question == "how-many-people")
    fig = wrong_choices_figure(stat, wrong_choices([hal], START, "how-many-people"))
    text = json.dumps(fig.to_dict())
    assert "<img" not in text and "&lt;img" in text
    assert fig.layout.title.text == "Wrong first answers to 00 how-many-people"
    empty = wrong_choices_figure(stat, [])
    assert "Nobody answered it wrong" in json.dumps(empty.to_dict())


# --------------------------------------------------------------------------- widgets

def plotly_title(output) -> str:
    return output.outputs[0]["data"][PLOTLY]["layout"]["title"]["text"]


def test_installed_without_a_source_tree_the_widget_looks_beside_teachers(tmp_path, monkeypatch):
    import lessons.progress.classroom_widget as module

    monkeypatch.setattr(module, "SAMPLE_DIR", tmp_path / "site-packages" / "assets" / "sample_class")
    (tmp_path / "teachers").mkdir()
    monkeypatch.chdir(tmp_path / "teachers")
    widget = ClassResultsWidget()                       # no sample class anywhere: a plain message
    assert widget.folder.value == "../assets/sample_class"
    assert "There is no folder called &#x27;../assets/sample_class&#x27;" in widget.status.value
    shutil.copytree(SAMPLE_DIR, tmp_path / "assets" / "sample_class")   # the course folder, as cloned
    widget = ClassResultsWidget()
    assert widget.folder.value == "../assets/sample_class" and "12 learners" in widget.status.value


def test_widget_starts_on_the_sample_folder_as_a_relative_path(monkeypatch):
    monkeypatch.chdir(REPO / "teachers")
    widget = ClassResultsWidget()
    assert widget.folder.value == "../assets/sample_class"
    assert "12 learners" in widget.status.value and "Learner 01" in widget.status.value
    assert "notes-from-learner-13.json" in widget.skipped.value and "results-learner-14.json" in widget.skipped.value
    assert plotly_title(widget.progress).startswith("Class progress by lesson (12 learners)")
    assert len(widget.picker.options) == len(widget.stats) > 10
    first = plotly_title(widget.wrong)
    widget.picker.value = widget.picker.options[1][1]
    second = plotly_title(widget.wrong)
    assert second != first and widget.picker.options[1][0].split(":")[0] in second


def test_widget_escapes_names_and_file_names(tmp_path):
    write_file(tmp_path, "results-x.json", ana() | {"display_name": HOSTILE})
    write_file(tmp_path, f"{HOSTILE}.json", "not json")
    widget = ClassResultsWidget(str(tmp_path))
    html = widget.status.value + widget.skipped.value
    assert "<img" not in html and html.count("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;") == 2


@pytest.mark.parametrize(("folder", "words"), [("no/such/folder", "There is no folder called"),
                                               ("   ", "Type the folder")])
def test_widget_says_what_is_wrong_with_a_folder(tmp_path, folder, words):
    widget = ClassResultsWidget(str(tmp_path))
    write_file(tmp_path, "results-ana.json", ana())
    widget.load()
    assert widget.progress.outputs and widget.picker.options
    widget.folder.value = folder
    widget.load_button.click()
    assert "course-feedback-wrong" in widget.status.value and words in widget.status.value
    assert widget.progress.outputs == () and widget.missed.outputs == () and widget.wrong.outputs == ()
    assert widget.picker.options == ()


def test_quiz_export_writes_gift_and_anki_into_a_relative_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    banks = all_banks()
    n = sum(len(bank) for bank in banks)
    message = write_quiz_export("gift")
    assert message == (f"Wrote {n} questions from {len(banks)} quizzes and the 7 statements of the beliefs check "
                       "to exports/course-quizzes.gift.")
    assert (tmp_path / "exports" / "course-quizzes.gift").read_text(encoding="utf-8") == exports.all_banks_to_gift()
    widget = QuizExportWidget()
    widget.anki_button.click()
    assert "course-quizzes.apkg" in widget.status.value and "course-feedback-right" in widget.status.value
    assert zipfile.is_zipfile(tmp_path / "exports" / "course-quizzes.apkg")
    with pytest.raises(ValueError):
        write_quiz_export("pdf")


def test_quiz_export_reports_a_folder_it_cannot_write(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "taken").write_text("a file where the folder should be")
    widget = QuizExportWidget("taken")
    widget.gift_button.click()
    assert "course-feedback-wrong" in widget.status.value and "could not be written" in widget.status.value


# --------------------------------------------------------------------------- the teacher notebook

def test_teacher_notebook_follows_the_notebook_rules():
    raw = TEACHER_NOTEBOOK.read_text(encoding="utf-8")
    nb = nbformat.reads(raw, as_version=4)
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert text.startswith("# Class results (for teachers)")
    for words in ("my_progress.ipynb", "Download as JSON", "Privacy", "made-up", "Keyboard", "first answer",
                  "GIFT", "(README.md)"):
        assert words in text, words
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert any("ClassResultsWidget()" in c.source for c in code) and any("QuizExportWidget()" in c.source for c in code)
    for cell in code:
        assert len(cell.source.strip().splitlines()) <= 8
        assert cell.execution_count is not None, "commit it executed: python -m tools.authoring execute ..."
        assert not [o for o in cell.outputs if o.output_type == "error" or o.get("name") == "stderr"]
    outputs = json.dumps([c.get("outputs", []) for c in nb.cells])
    assert TEACHER_NOTEBOOK.stat().st_size < 1_000_000
    assert str(REPO) not in raw and "/home/" not in outputs and "/tmp/" not in outputs and "<script" not in outputs
    assert "../assets/sample_class" in raw
