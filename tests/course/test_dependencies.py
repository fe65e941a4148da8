"""Every library the package imports is one of its declared dependencies (pyproject.toml).

A library that only arrives as a dependency of another one (platformdirs came with jupyter_core, IPython
with ipywidgets) can disappear when that one changes, and a plain ``pip install`` of the course would then
fail on a hub. Imports inside functions count too.
"""

from __future__ import annotations

import ast
import importlib.metadata as metadata
import re
import sys
import tomllib

from tests.conftest import REPO


def imported_top_level_modules() -> set[str]:
    found = set()
    for path in (REPO / "lessons").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
    return {name for name in found if name not in sys.stdlib_module_names and name not in {"lessons", "__future__"}}


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def declared() -> set[str]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return {normalise(re.split(r"[<>=!~\[; ]", item, maxsplit=1)[0]) for item in project["dependencies"]}


def distributions(modules: set[str]) -> dict[str, set[str]]:
    owners = metadata.packages_distributions()
    return {module: {normalise(name) for name in owners.get(module, [module])} for module in modules}


def test_every_imported_library_is_declared():
    modules = imported_top_level_modules()
    assert {"plotly", "ipywidgets", "yaml", "platformdirs"} <= modules
    missing = {module: names for module, names in distributions(modules).items() if not names & declared()}
    assert missing == {}


def test_the_check_finds_an_undeclared_library():
    assert not distributions({"platformdirs"})["platformdirs"] & (declared() - {"platformdirs"})
