"""The package's import graph follows its layers (issue 14).

Layers, lowest first: ``kit`` (topic-free machinery and the triage source), ``records`` (what a learner
saves), ``quiz``, ``progress``, then ``topics``. A module imports only its own layer or lower ones.
Inside ``topics`` a lesson's folder imports only itself and the folders of earlier lessons (the order
of ``course.yml``), and inside one folder the pure rules (``model``, and the planner's ``catalogue``, ``plan``,
``export``) < ``figures`` < ``widgets`` < ``__init__``.
Every import counts, also one inside a function. There is no cycle, and nothing imports ``tools``.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

from lessons.kit import course
from tests.conftest import ALL_NOTEBOOKS, REPO

PACKAGE = REPO / "lessons"
LAYERS = ("kit", "records", "quiz", "progress", "topics")
RANK_IN_A_TOPIC = {"figures": 1, "widgets": 2}   # any other module is model-level (0); __init__ is last


def module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def imports_of(path: Path, modules=MODULES) -> set[str]:
    """The course modules ``path`` imports (``from lessons.x import y`` counts lessons.x.y if y is a module)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [f"{node.module}.{alias.name}" for alias in node.names]
            found.update(name for name in names if name in modules)
            attribute_of_a_module = node.module in modules and not all(name in modules for name in names)
            outside_the_package = node.module.startswith(("lessons", "tools")) and node.module not in modules
            if attribute_of_a_module or outside_the_package:
                found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith(("lessons", "tools")))
        elif isinstance(node, ast.ImportFrom) and node.level:
            found.add(f"relative import in {path.name}")
    return found


GRAPH = {name: imports_of(path) for name, path in MODULES.items()}
TOPIC_ORDER = {item.topic: index for index, item in enumerate(course.lessons())}


def layer(module: str) -> int:
    return LAYERS.index(module.split(".")[1]) if module.count(".") else -1


def topic_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[2] if len(parts) > 2 and parts[1] == "topics" else None


def rank_in_topic(module: str) -> int:
    parts = module.split(".")
    if len(parts) == 3:          # the topic's __init__
        return 3
    return RANK_IN_A_TOPIC.get(parts[3], 0)


def problems(graph: dict[str, set[str]]) -> list[str]:
    """Every import that breaks a rule of the module doc."""
    found = []
    for module, targets in sorted(graph.items()):
        for target in sorted(targets):
            why = None
            if not target.startswith("lessons.") or target not in graph:
                why = "is not a module of the package (tools, a relative import or a missing module)"
            elif module == "lessons" or target == "lessons":
                continue
            elif layer(target) > layer(module):
                why = f"imports upward, from {LAYERS[layer(target)]} into {LAYERS[layer(module)]}"
            elif topic_of(module) and topic_of(target) and topic_of(module) != topic_of(target):
                mine, theirs = topic_of(module), topic_of(target)
                if TOPIC_ORDER.get(theirs, 1e9) >= TOPIC_ORDER.get(mine, 1e9):
                    why = f"topic {mine} imports {theirs}, which is not an earlier lesson"
                elif target.count(".") == 2:
                    why = f"imports the notebook exports of {theirs} instead of the module it needs"
            elif topic_of(module) and topic_of(module) == topic_of(target) \
                    and rank_in_topic(target) > rank_in_topic(module):
                why = "imports upward inside its topic (model < figures < widgets < __init__)"
            if why:
                found.append(f"{module} -> {target}: {why}")
    return found


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Each import cycle once (depth-first search)."""
    found, state, stack = [], {}, []

    def visit(node):
        state[node] = "open"
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == "open":
                found.append(stack[stack.index(target):] + [target])
            elif target in graph and target not in state:
                visit(target)
        stack.pop()
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node)
    return found


def test_the_package_has_the_layers_and_a_folder_per_lesson():
    assert {name.split(".")[1] for name in MODULES if name.count(".")} == set(LAYERS)
    for item in course.ready_lessons():
        assert item.folder.is_dir() and (item.folder / "__init__.py").is_file(), item.file


def test_no_import_breaks_the_layers():
    assert problems(GRAPH) == []


def test_there_is_no_import_cycle():
    assert cycles(GRAPH) == []


def test_the_kit_imports_no_topic_and_nothing_imports_tools():
    for module, targets in GRAPH.items():
        assert not any(target.startswith("tools") for target in targets), module
        if layer(module) == 0:
            assert all(layer(target) <= 0 for target in targets), (module, targets)


@pytest.mark.parametrize("graph, words", [
    ({"lessons.kit.data": {"lessons.topics.sciatica.model"}, "lessons.topics.sciatica.model": set()},
     "imports upward, from topics into kit"),
    ({"lessons.topics.herniated_disc.model": {"lessons.topics.sciatica.model"},
      "lessons.topics.sciatica.model": set()}, "not an earlier lesson"),
    ({"lessons.topics.sciatica.model": {"lessons.topics.sciatica.widgets"},
      "lessons.topics.sciatica.widgets": set()}, "upward inside its topic"),
    ({"lessons.topics.sciatica.widgets": {"lessons.topics.herniated_disc"},
      "lessons.topics.herniated_disc": set()}, "notebook exports"),
    ({"lessons.quiz.bank": {"tools.site"}}, "not a module of the package"),
])
def test_the_rules_catch_a_bad_import(graph, words):
    assert any(words in problem for problem in problems(graph))


def test_a_cycle_is_found():
    graph = {"lessons.kit.a": {"lessons.kit.b"}, "lessons.kit.b": {"lessons.kit.a"}}
    assert cycles(graph) == [["lessons.kit.a", "lessons.kit.b", "lessons.kit.a"]]


# --- a notebook imports its own topic only -------------------------------------------------------------

IMPORT = re.compile(r"^\s*(?:from\s+(lessons[\w.]*)\s+import|import\s+(lessons[\w.]*))", re.M)
PACKAGE_OF_NOTEBOOK = {"my_progress": "lessons.progress", "class_results": "lessons.progress",
                       "glossary": "lessons.topics.glossary"}


def notebook_imports(path: Path) -> set[str]:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return {match.group(1) or match.group(2) for cell in cells if cell["cell_type"] == "code"
            for match in IMPORT.finditer("".join(cell["source"]))}




@pytest.mark.parametrize("path", ALL_NOTEBOOKS, ids=lambda path: path.stem)
def test_a_notebook_imports_one_topic(path):
    try:
        expected = f"lessons.topics.{course.lesson(path.stem).topic}"
    except KeyError:
        expected = PACKAGE_OF_NOTEBOOK[path.stem]
    assert notebook_imports(path) == {expected}
