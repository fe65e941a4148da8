"""The GitHub Actions workflow that runs the tests: the README's command, on every push and pull request."""

from __future__ import annotations

import re

import yaml

from tests.conftest import REPO

WORKFLOW = REPO / ".github" / "workflows" / "tests.yml"


def load() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def triggers(workflow: dict) -> dict:
    # YAML 1.1 reads a bare `on:` key as the boolean True.
    found = workflow.get("on", workflow.get(True))
    return {name: None for name in found} if isinstance(found, list) else found


def the_job() -> dict:
    jobs = load()["jobs"]
    assert len(jobs) == 1, "one job: the README's test command"
    return next(iter(jobs.values()))


def run_steps(job: dict) -> list[str]:
    return [step["run"].strip() for step in job["steps"] if "run" in step]


def test_runs_on_every_push_and_pull_request():
    on = triggers(load())
    assert "push" in on and "pull_request" in on
    # No branch or path filter: every push and every pull request is tested.
    assert not on["push"] and not on["pull_request"]


def test_runs_exactly_the_readme_test_command():
    job = the_job()
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert re.search(r"^python3 course\.py test\b", readme, re.MULTILINE)
    commands = run_steps(job)
    assert commands.count("python3 course.py test") == 1
    # Nothing else runs tests or installs the course's packages by hand: course.py does that.
    others = "\n".join(command for command in commands if command != "python3 course.py test")
    assert "pytest" not in others and "pip install" not in others and "chromium" not in others
    assert str(job["env"]["CI"]) == "true"


def test_uses_python_3_11_from_debian_where_course_py_installs_chromium():
    job = the_job()
    assert job["runs-on"] == "ubuntu-latest"
    container = job["container"]
    assert container["image"] == "debian:bookworm"  # Debian 12: python3 is 3.11, chromium is a real package
    assert "--shm-size" in container.get("options", "")
    assert str(job["env"]["PYTHON_VERSION"]) == "3.11"
    setup = run_steps(job)[0]
    assert "python3-venv" in setup and "sys.version_info" in setup and "$PYTHON_VERSION" in setup
    # The oldest Python the course supports is the one CI tests.
    assert 'requires-python = ">=3.11"' in (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert "sys.version_info < (3, 11)" in (REPO / "course.py").read_text(encoding="utf-8")
    course_py = (REPO / "course.py").read_text(encoding="utf-8")
    assert 'CHROMIUM = "/usr/bin/chromium"' in course_py and '"apt-get", "install"' in course_py


def test_caches_the_virtual_environment_keyed_on_the_pins():
    job = the_job()
    caches = [step for step in job["steps"] if step.get("uses", "").startswith("actions/cache@")]
    assert len(caches) == 1
    cache = caches[0]["with"]
    assert cache["path"] == ".venv"
    assert "hashFiles('requirements*.txt', 'pyproject.toml')" in cache["key"]
    steps = job["steps"]
    checkout = next(i for i, step in enumerate(steps) if step.get("uses", "").startswith("actions/checkout@"))
    test = next(i for i, step in enumerate(steps) if step.get("run", "").strip() == "python3 course.py test")
    assert checkout < steps.index(caches[0]) < test
