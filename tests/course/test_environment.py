"""The pinned environments agree, and Binder can build the course."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement

from tests.conftest import REPO

PIN = re.compile(r"^([A-Za-z0-9_.\-]+)==([^\s#]+)$")


def pins(lines) -> dict[str, str]:
    found = {}
    for line in lines:
        match = PIN.match(line.strip())
        if match:
            found[match.group(1).lower().replace("_", "-")] = match.group(2)
    return found


def requirement_pins(name: str) -> dict[str, str]:
    return pins((REPO / name).read_text().splitlines())


def test_every_requirement_is_pinned_exactly():
    for name in ("requirements.txt", "requirements-test.txt"):
        for line in (REPO / name).read_text().splitlines():
            line = line.strip()
            if line and not line.startswith(("#", "-r ")):
                assert PIN.match(line), f"{name}: {line!r} is not pinned with =="


def test_binder_environment_matches_requirements():
    env = yaml.safe_load((REPO / "environment.yml").read_text())
    assert env["channels"] == ["conda-forge"]
    pip_section = next(item["pip"] for item in env["dependencies"] if isinstance(item, dict))
    conda_python = next(item for item in env["dependencies"] if isinstance(item, str) and item.startswith("python="))
    assert pins(pip_section) == requirement_pins("requirements.txt")
    assert conda_python == "python=3.11"


def test_pins_satisfy_the_package_dependencies():
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    pinned = requirement_pins("requirements.txt")
    for dependency in project["dependencies"]:
        requirement = Requirement(dependency)
        version = pinned.get(requirement.name.lower())
        assert version, f"{requirement.name} is not pinned in requirements.txt"
        assert requirement.specifier.contains(version), f"{requirement.name}=={version} breaks {requirement}"


def test_course_tools_are_pinned():
    pinned = requirement_pins("requirements-test.txt") | requirement_pins("requirements.txt")
    for name in ("jupyterlab", "ipywidgets", "plotly", "nbval", "pytest", "playwright", "ruff", "nbclient"):
        assert name in pinned


def test_postbuild_installs_the_lessons_package():
    script = (REPO / "postBuild").read_text()
    assert "pip install" in script and "-e ." in script
    assert (REPO / "postBuild").stat().st_mode & 0o111, "postBuild must be executable"


def repo2docker() -> str | None:
    beside_python = Path(sys.executable).parent / "jupyter-repo2docker"
    return str(beside_python) if beside_python.exists() else shutil.which("jupyter-repo2docker")


@pytest.mark.skipif(repo2docker() is None, reason="repo2docker is installed by requirements-test.txt")
def test_repo2docker_uses_environment_and_postbuild():
    """Binder's builder, without Docker: it must pick environment.yml and run postBuild."""
    command = repo2docker()
    result = subprocess.run([command, "--no-build", "--no-run", "--debug", str(REPO)],
                            capture_output=True, text=True, timeout=120)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-2000:]
    assert "environment.yml" in output
    assert "./postBuild" in output
    assert "python=3.11" in output
