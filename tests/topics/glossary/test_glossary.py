"""The glossary: its data, look-ups, the "Words in this lesson" cells, the notebook and the widget."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
import yaml

from lessons.kit import course
from lessons.kit.data import ContentError, validate
from lessons.topics.glossary import model as glossary
from tests.conftest import LESSON_NOTEBOOKS, REPO
from tools import authoring, readability

NOTEBOOK = REPO / "notebooks" / "glossary.ipynb"
MAX_EXPLANATION_GRADE = 9.0


def kind(cell) -> str | None:
    return cell.get("metadata", {}).get("course", {}).get("generated")


def lesson_text(file: str) -> str:
    nb = nbformat.read(REPO / "notebooks" / f"{file}.ipynb", as_version=4)
    return "\n".join(c.source for c in nb.cells if c.cell_type == "markdown" and kind(c) != "glossary")


# --------------------------------------------------------------------------- the data

def test_the_glossary_covers_the_course_words():
    terms = glossary.terms()
    assert 40 <= len(terms) <= 120     # a sanity bound: about 4 new words per new lesson
    assert {"sciatica", "herniated-disc", "spinal-stenosis", "cauda-equina-syndrome", "red-flag",
            "referred-pain", "radicular-pain", "dermatome"} <= {term.id for term in terms}


def test_every_word_is_in_the_lesson_that_first_explains_it():
    """Traceable: the word (or one of its names) is in that lesson's own text, not only in its glossary box."""
    for term in glossary.terms():
        text = glossary.normalise(re.sub(r"[*_`]", "", lesson_text(term.first_lesson)))
        assert any(glossary.normalise(name) in text for name in term.names), (term.id, term.first_lesson)


def test_explanations_are_short_and_plain():
    for term in glossary.terms():
        sentences = re.findall(r"[.!?](?=\s|$)", term.explanation)
        assert 1 <= len(sentences) <= 2, term.id
        assert readability.grade(term.explanation) <= MAX_EXPLANATION_GRADE, term.id


def test_see_also_points_at_other_entries():
    ids = {term.id for term in glossary.terms()}
    for term in glossary.terms():
        assert set(term.see) <= ids - {term.id}


@pytest.fixture
def broken(tmp_path):
    """Write a one-entry glossary changed by ``change`` and load it."""
    def load(change=None, extra=None):
        entry = {"id": "disc", "term": "Disc", "aliases": ["discs"], "explanation": "A cushion.",
                 "first_lesson": "01_anatomy_of_the_lower_back"}
        if change:
            entry.update(change)
        path = tmp_path / "glossary.yml"
        path.write_text(yaml.safe_dump({"terms": [entry, *(extra or [])]}), encoding="utf-8")
        return glossary.load_terms(path)
    return load


def test_a_good_file_loads(broken):
    (term,) = broken()
    assert term.term == "Disc" and term.aliases == ("discs",) and term.see == ()


@pytest.mark.parametrize("change, field, words", [
    ({"explanation": None}, "terms.0.explanation", "must be string"),
    ({"first_lesson": "99_missing_lesson"}, "terms.0.first_lesson", "not a lesson in the course map"),
    ({"see": ["nerve"]}, "terms.0.see.0", "not another glossary entry"),
    ({"aliases": ["DISC"]}, "terms.0.aliases.0", "already a word or alias"),
])
def test_mistakes_name_the_file_the_item_and_the_field(broken, change, field, words):
    with pytest.raises(ContentError) as error:
        broken(change)
    message = str(error.value)
    assert message.startswith("glossary.yml") and "item 'disc'" in message and f"field '{field}'" in message
    assert words in message


def test_a_missing_field_and_a_word_used_twice_are_reported(broken):
    no_term = {"terms": [{"id": "disc", "aliases": [], "explanation": "A cushion.",
                          "first_lesson": "01_anatomy_of_the_lower_back"}]}
    with pytest.raises(ContentError, match=r"item 'disc', field 'terms\.0\.term': is required"):
        validate(no_term, "glossary", Path("glossary.yml"))
    other = {"id": "disk", "term": "Discs", "aliases": [], "explanation": "Another cushion.",
             "first_lesson": "01_anatomy_of_the_lower_back"}
    with pytest.raises(ContentError, match=r"item 'disk', field 'terms\.1\.term'.*already a word or alias of 'disc'"):
        broken(extra=[other])


# --------------------------------------------------------------------------- look-ups

@pytest.mark.parametrize("word", ["Sciatica", "sciatica", "  SCIATICA ", "sciatica?", "lumbosacral radicular pain"])
def test_explain_ignores_capitals_spaces_punctuation_and_knows_aliases(word):
    assert glossary.explain(word) == glossary.by_id("sciatica").explanation


def test_aliases_and_hyphens():
    assert glossary.find("slipped disc").id == "herniated-disc"
    assert glossary.find("Slipped-disc").id == "herniated-disc"
    assert glossary.find("straight leg raise").id == "straight-leg-raise"
    assert glossary.find("vertebrae").id == "vertebra"


def test_an_unknown_word_suggests_close_matches():
    with pytest.raises(KeyError, match="Did you mean: Sciatica"):
        glossary.explain("siatica")
    assert glossary.close_matches("stenossis")[0] == "Spinal stenosis"
    assert glossary.find("banana") is None
    with pytest.raises(KeyError) as error:
        glossary.explain("zzzzzz")
    assert "Did you mean" not in str(error.value)


def test_terms_first_in_a_lesson():
    words = [term.term for term in glossary.terms_first_in("03_herniated_disc")]
    assert "Bulge" in words and "Sciatica" not in words
    assert glossary.terms_first_in("notebooks/03_herniated_disc.ipynb") == glossary.terms_first_in("03_herniated_disc")
    assert glossary.terms_first_in("09_causes_compared") == ()


# --------------------------------------------------------------------------- generated text

def test_words_in_this_lesson_lists_the_lessons_own_words_and_links_the_glossary():
    text = glossary.lesson_words_markdown("04_spinal_stenosis")
    assert text.startswith("## Words in this lesson\n") and "(glossary.ipynb)" in text
    for term in glossary.terms_first_in("04_spinal_stenosis"):
        assert f"- **{term.term}**: {term.explanation}" in text
    assert "**Sciatica**" not in text
    empty = glossary.lesson_words_markdown("09_causes_compared")
    assert "no new medical words" in empty and "(glossary.ipynb)" in empty


def test_full_list_is_a_to_z_with_every_word_once():
    text = glossary.glossary_markdown()
    words = re.findall(r"^- \*\*(.+?)\*\*", text, flags=re.M)
    assert sorted(words, key=glossary.normalise) == words
    assert sorted(words) == sorted(term.term for term in glossary.terms())
    assert re.findall(r"^### (\w)$", text, flags=re.M) == sorted({w[0].upper() for w in words})
    assert "*Explained in [03 Herniated disc](03_herniated_disc.ipynb).*" in text
    assert "**Herniated disc** (also: herniation, disc herniation, slipped disc, prolapsed disc)" in text
    assert "**Body mass index (BMI)**:" in text  # "BMI" is part of the word, so not repeated


# --------------------------------------------------------------------------- notebooks

@pytest.mark.parametrize("path", LESSON_NOTEBOOKS, ids=[p.stem for p in LESSON_NOTEBOOKS])
def test_each_lesson_explains_its_words_right_after_the_objectives(path):
    nb = nbformat.read(path, as_version=4)
    positions = [i for i, cell in enumerate(nb.cells) if kind(cell) == "glossary"]
    assert len(positions) == 1
    before = nb.cells[positions[0] - 1]
    assert "## What you will learn here" in before.source
    assert nb.cells[positions[0]].source == glossary.lesson_words_markdown(path.stem)


def test_glossary_notebook():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    assert nb.cells[0].source.startswith("# Glossary\n")
    assert "(00_start_here.ipynb" in nb.cells[0].source and "(00_start_here.ipynb" in nb.cells[-1].source
    assert "Tab" in nb.cells[0].source and "Enter" in nb.cells[0].source
    (listing,) = [cell for cell in nb.cells if kind(cell) == "glossary-list"]
    assert listing.source == glossary.glossary_markdown()
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    assert any("glossary_lookup()" in cell.source for cell in code)
    for cell in code:
        assert len(cell.source.splitlines()) <= 8 and cell.execution_count is not None
        assert not [o for o in cell.outputs if o.output_type == "error" or o.get("name") == "stderr"]


def test_start_here_and_readme_link_the_glossary():
    start = "\n".join(c.source for c in nbformat.read(REPO / "notebooks" / "00_start_here.ipynb", 4).cells
                      if kind(c) is None and c.cell_type == "markdown")
    assert "](glossary.ipynb)" in start
    assert "](notebooks/glossary.ipynb)" in (REPO / "README.md").read_text(encoding="utf-8")


def test_sync_keeps_the_glossary_notebook_in_sync():
    assert NOTEBOOK in authoring.synced_paths()


# --------------------------------------------------------------------------- widget

def test_lookup_explains_a_word_typed_and_pressed():
    widget = glossary.glossary_lookup()
    assert "Type a word" in widget.answer.value
    widget.box.value = "Slipped disc"  # what Enter (or leaving the box) sends
    assert "Herniated disc" in widget.answer.value and "Lesson 01, Anatomy of the lower back" in widget.answer.value
    assert 'aria-live="polite"' in widget.answer.value
    widget.answer.value = ""
    widget.button.click()
    assert "Herniated disc" in widget.answer.value


def test_lookup_of_an_unknown_word_is_friendly_and_escaped():
    widget = glossary.glossary_lookup("<b>siatica</b>")
    shown = widget.answer.value
    assert "is not in this glossary" in shown and "Did you mean: Sciatica" in shown
    assert "<b>siatica" not in shown and "&lt;b&gt;siatica&lt;/b&gt;" in shown
    assert "✘" not in shown  # a question, not a wrong answer
    widget.box.value = "qqqqqqqq " * 20
    assert "Check the spelling" in widget.answer.value and "…" in widget.answer.value


def test_lookup_controls_work_from_the_keyboard_and_read_well_as_text():
    widget = glossary.GlossaryLookup()
    assert widget.box.continuous_update is False  # Enter in the box explains the word
    assert widget.button.description == "Explain"
    assert "course-glossary-lookup" in widget._dom_classes
    assert widget._repr_mimebundle_()["text/plain"] == widget.plain_text


def test_every_lesson_word_links_to_a_real_lesson():
    for term in glossary.terms():
        assert course.lesson(term.first_lesson).ready
