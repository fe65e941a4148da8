"""The glossary: the course's medical words in plain words (``lessons/topics/glossary/content/glossary.yml``).

- ``explain("Sciatica")`` gives a word's plain explanation (capitals, hyphens and extra spaces do
  not matter, and aliases such as "slipped disc" work too); ``find`` gives the whole entry.
- ``terms_first_in("03_herniated_disc")`` lists the words a lesson explains first; the generated
  "Words in this lesson" cell near the top of each lesson (``lesson_words_markdown``) shows them.
- ``glossary_markdown()`` is the full list, A to Z, for ``notebooks/glossary.ipynb``.
- ``glossary_lookup()`` is a small widget: type a word, press Explain (or Enter).

The file is checked when loaded: against its schema, then that ids, words and aliases are unique,
that each ``first_lesson`` is in the course map and that each ``see`` names another entry.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import ipywidgets as widgets

from lessons.kit import course, data, triage
from lessons.kit.widget import CourseWidget, card_html, feedback_html

GLOSSARY_FILE = Path(__file__).parent / "content" / "glossary.yml"
GLOSSARY_NOTEBOOK = "glossary.ipynb"
LESSON_HEADING = "## Words in this lesson"
LIST_HEADING = "## All the words, A to Z"
MAX_SHOWN_INPUT = 60


@dataclass(frozen=True)
class Term:
    id: str
    term: str
    aliases: tuple[str, ...]
    explanation: str
    first_lesson: str
    see: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.term, *self.aliases)


def normalise(text: str) -> str:
    """The form words are matched in: no capitals, hyphens and dashes as spaces, single spaces,
    no quotes or punctuation around the word ("Slipped-disc?" → "slipped disc")."""
    text = re.sub(r"[-‐‑–—_]", " ", str(text).casefold())
    return " ".join(text.split()).strip(" .,;:!?\"'“”‘’()")


def _check(raw: list[dict], lesson_files: set[str], shown: str) -> None:
    """Problems the schema cannot see; each names the file, the item and the field."""
    ids: set[str] = set()
    owners: dict[str, str] = {}
    for index, item in enumerate(raw):
        if item["id"] in ids:
            raise data.ContentError(shown, "this id is used twice", item=item["id"], field=f"terms.{index}.id")
        ids.add(item["id"])
        for field, name in [("term", item["term"])] + [(f"aliases.{n}", a) for n, a in enumerate(item["aliases"])]:
            key = normalise(name)
            if key in owners:
                raise data.ContentError(shown, f"{name!r} is already a word or alias of {owners[key]!r}",
                                        item=item["id"], field=f"terms.{index}.{field}")
            owners[key] = item["id"]
        if item["first_lesson"] not in lesson_files:
            raise data.ContentError(shown, f"{item['first_lesson']!r} is not a lesson in the course map",
                                    item=item["id"], field=f"terms.{index}.first_lesson")
    for index, item in enumerate(raw):
        for n, other in enumerate(item.get("see", [])):
            if other not in ids or other == item["id"]:
                raise data.ContentError(shown, f"'see' names {other!r}, which is not another glossary entry",
                                        item=item["id"], field=f"terms.{index}.see.{n}")


def load_terms(path: Path | str = GLOSSARY_FILE) -> tuple[Term, ...]:
    """Read and check a glossary file (the course's own by default)."""
    path = Path(path)
    if not path.is_absolute() and not path.exists():
        path = data.PACKAGE_DIR / path
    raw = triage.load(path, "glossary")["terms"]
    _check(raw, {lesson.file for lesson in course.lessons()}, data.display_name(path))
    return tuple(Term(**{**item, "aliases": tuple(item["aliases"]), "see": tuple(item.get("see", ()))})
                 for item in raw)


@cache
def terms() -> tuple[Term, ...]:
    """Every glossary entry, in file order (grouped by the lesson that first explains it)."""
    return load_terms()


@cache
def _index() -> dict[str, Term]:
    return {normalise(name): term for term in terms() for name in term.names}


def by_id(term_id: str) -> Term:
    for term in terms():
        if term.id == term_id:
            return term
    raise KeyError(term_id)


def find(word: str) -> Term | None:
    """The entry for a word or one of its aliases, or None."""
    return _index().get(normalise(word))


def close_matches(word: str, limit: int = 3) -> list[str]:
    """Glossary words that look like ``word`` (for "did you mean ...?"), best first."""
    found: list[str] = []
    for name in difflib.get_close_matches(normalise(word), list(_index()), n=limit * 3, cutoff=0.6):
        term = _index()[name].term
        if term not in found:
            found.append(term)
    return found[:limit]


def explain(word: str) -> str:
    """A word's plain explanation; KeyError (with close matches) if it is not in the glossary."""
    term = find(word)
    if term is None:
        matches = close_matches(word)
        hint = f" Did you mean: {', '.join(matches)}?" if matches else ""
        raise KeyError(f"{word!r} is not in the glossary.{hint}")
    return term.explanation


def terms_first_in(lesson_file: str | Path) -> tuple[Term, ...]:
    """The entries first explained in a lesson (a name like ``03_herniated_disc`` or a path)."""
    stem = Path(str(lesson_file)).stem
    return tuple(term for term in terms() if term.first_lesson == stem)


def _shown_aliases(term: Term) -> list[str]:
    """Aliases worth showing a reader: not part of the word itself, nor a plural of it or of another name."""
    def plurals(word: str) -> set[str]:
        word = word.casefold()
        return {word + "s", word + "es", word[:-1] + "ies", word + "e", word[:-2] + "es"}

    shown: list[str] = []
    for alias in term.aliases:
        if normalise(alias) in normalise(term.term):  # "BMI" in "Body mass index (BMI)"
            continue
        if not any(alias.casefold() in plurals(name) for name in (term.term, *term.aliases) if name != alias):
            shown.append(alias)
    return shown


def lesson_words_markdown(lesson_file: str) -> str:
    """The generated "Words in this lesson" cell: the words this lesson explains first."""
    found = terms_first_in(lesson_file)
    link = f"[Glossary]({GLOSSARY_NOTEBOOK})"
    if not found:
        return (f"{LESSON_HEADING}\n\nThis lesson brings in no new medical words. "
                f"You can look up any word from the course in the {link}.")
    lines = [LESSON_HEADING, "",
             f"These medical words are explained in this lesson. Here they are in plain words first. "
             f"You can look up any word from the course in the {link}.", ""]
    lines += [f"- **{term.term}**: {term.explanation}" for term in found]
    return "\n".join(lines)


def entry_markdown(term: Term) -> str:
    """One line of the full list: the word, other names, the explanation, where it is taught."""
    aliases = _shown_aliases(term)
    also = f" (also: {', '.join(aliases)})" if aliases else ""
    see = ", ".join(by_id(other).term for other in term.see)
    where = f" *Explained in {course.lesson_link(term.first_lesson)}.*"
    return f"- **{term.term}**{also}: {term.explanation}{where}" + (f" See also: {see}." if see else "")


def glossary_markdown() -> str:
    """Every entry A to Z, under a letter heading each (the generated list in the glossary notebook)."""
    lines = [LIST_HEADING]
    letter = None
    for term in sorted(terms(), key=lambda item: normalise(item.term)):
        first = term.term[0].upper()
        if first != letter:
            letter = first
            lines += ["", f"### {letter}", ""]
        lines.append(entry_markdown(term))
    return "\n".join(lines)


# --------------------------------------------------------------------------- widget

def _shown_input(text: str) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= MAX_SHOWN_INPUT else text[: MAX_SHOWN_INPUT - 1] + "…"


def answer_html(word: str) -> str:
    """What the look-up shows for ``word`` (everything escaped, announced to screen readers)."""
    if not normalise(word):
        return feedback_html(None, "Type a word in the box, then press Explain (or Enter).")
    term = find(word)
    if term is None:
        matches = close_matches(word)
        notes = (f"Did you mean: {', '.join(matches)}?",) if matches else (
            "Check the spelling, or look through the full list below.",)
        return feedback_html(None, f"“{_shown_input(word)}” is not in this glossary.", notes=notes)
    lesson = course.lesson(term.first_lesson)
    rows = [("In plain words", term.explanation),
            ("Explained in", f"Lesson {lesson.number}, {lesson.title}")]
    aliases = _shown_aliases(term)
    if aliases:
        rows.insert(1, ("Also called", ", ".join(aliases)))
    if term.see:
        rows.append(("See also", ", ".join(by_id(other).term for other in term.see)))
    return f'<div role="status" aria-live="polite">{card_html(term.term, rows)}</div>'


class GlossaryLookup(CourseWidget):
    """A text box and an Explain button. Enter in the box works like the button."""

    plain_text = "Glossary look-up: type a word and press Explain (run this notebook in JupyterLab to use it)."

    def __init__(self, word: str = ""):
        self.box = widgets.Text(value=word, description="Word:", placeholder="for example: sciatica",
                                continuous_update=False, layout=widgets.Layout(width="24em"))
        self.button = widgets.Button(description="Explain", button_style="primary", icon="book",
                                     tooltip="Explain the word in the box")
        self.answer = widgets.HTML()
        self.button.on_click(lambda _button: self.explain())
        self.box.observe(lambda _change: self.explain(), names="value")  # Enter, or leaving the box
        super().__init__([widgets.HBox([self.box, self.button]), self.answer])
        self.add_class("course-glossary-lookup")
        self.explain()

    def explain(self) -> None:
        self.answer.value = answer_html(self.box.value)


def glossary_lookup(word: str = "") -> GlossaryLookup:
    """The look-up widget, optionally with a word already typed."""
    return GlossaryLookup(word)

