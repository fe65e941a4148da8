"""One source of triage: no module, content file or notebook types its own safety wording.

Every warning sign, its wording and its level live in lessons/kit/content/red_flags.yml (read by
lessons/kit/triage.py). These tests fail when

- a Python string in lessons/ or course.py (not a docstring) types triage wording;
- a hand-written notebook cell (not a generated one) types triage wording, or a generated "triage"
  cell's template types level wording instead of a placeholder;
- a content file other than the triage file itself (and the references, which quote their sources)
  says how fast to get help in its own words instead of a placeholder;
- a sentence anywhere in the course names a warning sign together with a level that is not the sign's.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest
import yaml

from lessons.kit import data, triage
from lessons.kit.data import CONTENT_DIR
from tests.conftest import ALL_NOTEBOOKS, REPO

# Triage wording: where a sign is felt, and how fast to get help. Checked without regard to case.
SIGN_WORDS = ("back passage", "saddle", "both legs")
LEVEL_WORDS = (r"(?<![#\w])999\b", r"(?<![#\w.])112\b", r"(?<![#\w.])911\b", "emergenc", r"\bthe same day\b",
               r"\bsame-day\b", r"\ba ?& ?e\b", "ambulance")
ALL_WORDS = re.compile("|".join([*(re.escape(w) for w in SIGN_WORDS), *LEVEL_WORDS]), re.I)
LEVEL_ONLY = re.compile("|".join(LEVEL_WORDS), re.I)
IDENTIFIER = re.compile(r"^[a-z0-9_.-]+$")        # ids and keys such as "emergency" or "both-legs"


def python_files() -> list[Path]:
    return sorted((REPO / "lessons").rglob("*.py")) + sorted((REPO / "tools").rglob("*.py")) + [REPO / "course.py"]


def docstring_nodes(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def typed_strings(source: str) -> list[tuple[int, str]]:
    """(line, text) of every string constant that is not a docstring or an identifier."""
    tree = ast.parse(source)
    skip = docstring_nodes(tree)
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip
            and not IDENTIFIER.match(node.value)]


def without_placeholders(text: str) -> str:
    return triage.PLACEHOLDER.sub(" ", text)


def notebooks() -> list[Path]:
    return ALL_NOTEBOOKS


def cells(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def source(cell) -> str:
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


# ---- nothing typed twice ------------------------------------------------------------------------------

@pytest.mark.parametrize("path", python_files(), ids=lambda p: str(p.relative_to(REPO)))
def test_no_triage_wording_in_python(path):
    found = [f"line {line}: {text!r}" for line, text in typed_strings(path.read_text(encoding="utf-8"))
             if ALL_WORDS.search(text)]
    assert not found, (f"{path.relative_to(REPO)} types triage wording; take it from lessons.kit.triage "
                       "(lessons/kit/content/red_flags.yml) instead:\n" + "\n".join(found))


@pytest.mark.parametrize("path", notebooks(), ids=lambda p: p.name)
def test_no_triage_wording_in_hand_written_notebook_cells(path):
    found = []
    for index, cell in enumerate(cells(path)):
        meta = cell.get("metadata", {}).get("course", {})
        if meta.get("generated") == "triage":
            bad = LEVEL_ONLY.findall(without_placeholders(meta.get("template", "")))
            if bad:
                found.append(f"cell {index} (triage template) types {bad}: use a placeholder")
        elif meta.get("generated"):
            continue
        elif cell["cell_type"] == "markdown":
            bad = ALL_WORDS.findall(source(cell))
            if bad:
                found.append(f"cell {index} (markdown) types {bad}")
        elif cell["cell_type"] == "code":
            bad = [text for _line, text in typed_strings(source(cell)) if ALL_WORDS.search(text)]
            if bad:
                found.append(f"cell {index} (code) types {bad}")
    assert not found, (f"{path.name}: triage wording outside the generated cells; write it as a generated "
                       "'triage' cell with placeholders (lessons/kit/triage.py):\n" + "\n".join(found))


def content_files() -> list[Path]:
    """Every content file except the triage file itself and the references (which quote their sources)."""
    found = data.content_files("**/content/**/*.yml") + sorted((REPO / "tools" / "content").glob("*.yml"))
    return [path for path in found
            if path != CONTENT_DIR / "red_flags.yml" and not path.stem.startswith("references")]


def strings(node, where=""):
    if isinstance(node, str):
        yield where, node
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from strings(value, f"{where}.{index}")
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from strings(value, f"{where}.{key}")


@pytest.mark.parametrize("path", content_files(), ids=lambda p: str(p.relative_to(REPO)))
def test_content_files_name_levels_only_through_placeholders(path):
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    found = [f"{where}: {text[:90]!r}" for where, text in strings(document)
             if not IDENTIFIER.match(text) and LEVEL_ONLY.search(without_placeholders(text))]
    assert not found, (f"{path.relative_to(REPO)} says how fast to get help in its own words; use "
                       "{{needs:LEVEL}}, {{needs-of:SIGN}}, {{lead:LEVEL}} ... (lessons/kit/triage.py):\n"
                       + "\n".join(found))


# ---- every sign has one level -------------------------------------------------------------------------

def test_every_sign_has_one_level_and_the_levels_are_known():
    ids = [sign.id for sign in triage.signs()]
    assert len(ids) == len(set(ids))
    assert {sign.level for sign in triage.signs()} == set(triage.LEVELS)
    owner = {}
    for sign in triage.signs():
        for wording in {sign.text.lower(), sign.short.lower()}:
            assert wording not in owner, f"{sign.id} and {owner[wording]} share the wording {wording!r}"
            owner[wording] = sign.id


def level_phrases() -> dict[str, str]:
    """{phrase (lower case): level} for the words a sentence uses to say how fast."""
    found = {}
    for key, chosen in triage.levels().items():
        for phrase in (chosen.needs, chosen.lead, chosen.heading, chosen.headline):
            found[phrase.lower()] = key
    return found


def sentences(text: str) -> list[str]:
    return [part for part in re.split(r"(?<=[.!?])\s+|\n+", text) if part.strip()]


def conflicts(text: str) -> list[str]:
    """Sentences that name a sign together with a level that is not the sign's (nor another named sign's)."""
    phrases = level_phrases()
    problems = []
    for line in sentences(text):
        lower = line.lower()
        named = {sign.level for sign in triage.signs() if sign.short.lower() in lower or sign.text.lower() in lower}
        said = {level for phrase, level in phrases.items() if phrase in lower}
        if named and said - named:
            problems.append(line.strip())
    return problems


def course_text() -> dict[str, str]:
    """Everything a learner reads: notebook markdown and outputs' text, and every content file, expanded."""
    from lessons.kit import data

    found = {}
    for path in notebooks():
        parts = []
        for cell in cells(path):
            if cell["cell_type"] == "markdown":
                parts.append(source(cell))
            for output in cell.get("outputs", []):
                for kind in ("text/plain", "text/html", "text/markdown"):
                    value = output.get("data", {}).get(kind)
                    if value:
                        parts.append(re.sub(r"<[^>]+>", " ", "".join(value)))
        found[path.name] = "\n".join(parts)
    for path in content_files():
        document = data.read_yaml(path)
        expanded = triage.expand_all(document, path.name)
        found[str(path.relative_to(REPO))] = "\n".join(text for _where, text in strings(expanded))
    return found


def test_conflict_detector_finds_a_sign_with_the_wrong_level():
    both_legs = triage.sign("both-legs")
    assert conflicts(f"{triage.capital(both_legs.short)} needs {triage.level('urgent').needs}.")
    assert not conflicts(f"{triage.capital(both_legs.short)} needs {triage.level('emergency').needs}.")
    assert not conflicts(triage.sentence(["both-legs", "fever"]))


def test_no_sentence_in_the_course_gives_a_sign_another_level():
    found = [f"{name}: {line}" for name, text in course_text().items() for line in conflicts(text)]
    assert not found, "A sign is given a level that is not its own:\n" + "\n".join(found)


def test_placeholders_expand_and_unknown_ones_name_the_file_and_field():
    from lessons.kit.data import ContentError

    assert triage.expand("{{sign:both-legs|cap}}") == triage.capital(triage.sign("both-legs").short)
    assert triage.expand("{{needs-of:fever}}") == triage.level("urgent").needs
    assert triage.expand("{{signs:fever,cancer-history}}") == (
        f"{triage.sign('fever').short} or {triage.sign('cancer-history').short}")
    with pytest.raises(ContentError, match=r"quiz\.yml, item 'q1', field 'explanation': unknown warning sign"):
        triage.expand("{{sign:no-such-sign}}", "quiz.yml", "explanation", "q1")
    with pytest.raises(ContentError, match="unknown placeholder"):
        triage.expand("{{colour:red}}", "quiz.yml", "explanation")
    with pytest.raises(ContentError, match="not a triage placeholder"):
        triage.expand("{{ sign:fever", "quiz.yml", "explanation")


def test_groups_name_known_signs_and_expand_like_their_sign_lists():
    from lessons.kit.data import ContentError

    ids = triage.group("cauda-equina")
    assert ids == ("saddle-numbness", "bladder-bowel", "both-legs", "worsening-weakness")
    assert triage.expand("{{signs:cauda-equina|cap}}") == triage.expand("{{signs:" + ",".join(ids) + "|cap}}")
    with pytest.raises(KeyError, match="unknown group"):
        triage.group("no-such-group")
    with pytest.raises(ContentError, match="unknown warning sign"):
        triage.expand("{{signs:no-such-group}}", "quiz.yml", "explanation")


def test_a_group_naming_an_unknown_sign_is_refused(monkeypatch):
    from lessons.kit.data import ContentError

    document = {**triage._document(), "groups": {"cauda-equina": ["saddle-numbness", "made-up"]}}
    monkeypatch.setattr(triage, "_document", lambda: document)
    triage.groups.cache_clear()
    try:
        with pytest.raises(ContentError, match=r"field 'groups\.cauda-equina\.1': unknown warning sign 'made-up'"):
            triage.groups()
    finally:
        triage.groups.cache_clear()
