"""The GitHub Actions workflows: the tests (the README's command, on every push and pull request) and the
site (the read-only edition with the live edition beside it, published to GitHub Pages)."""

from __future__ import annotations

import re

import yaml

from tests.conftest import REPO

WORKFLOW = REPO / ".github" / "workflows" / "tests.yml"
PAGES = REPO / ".github" / "workflows" / "pages.yml"


def load(path=WORKFLOW) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


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


def caches(job: dict) -> dict[str, dict]:
    """path -> the ``with:`` of every actions/cache step."""
    found = [step["with"] for step in job["steps"] if step.get("uses", "").startswith("actions/cache@")]
    return {cache["path"]: cache for cache in found}


def step_index(job: dict, run: str | None = None, uses: str | None = None, path: str | None = None) -> int:
    for index, step in enumerate(job["steps"]):
        if run is not None and step.get("run", "").strip() == run:
            return index
        if (uses is not None and step.get("uses", "").startswith(uses)
                and (path is None or step.get("with", {}).get("path") == path)):
            return index
    raise AssertionError(f"no step {run or uses} {path or ''}")


def test_caches_the_environments_and_the_live_downloads_keyed_on_what_they_are_made_from():
    job = the_job()
    found = caches(job)
    # .venv: the course and the test tools; .venv-lite: the live edition's build tools (course.py creates
    # both from the requirements files); .lite-cache: Pyodide, the wheels and the resolver's cache of tools/lite.py.
    assert set(found) == {".venv", ".venv-lite", ".lite-cache"}
    assert "hashFiles('requirements*.txt', 'pyproject.toml')" in found[".venv"]["key"]
    assert "hashFiles('requirements-lite.txt')" in found[".venv-lite"]["key"]
    assert "debian-bookworm-py3.11" in found[".venv-lite"]["key"]   # the container's python3, as for .venv
    lite_cache = found[".lite-cache"]
    assert "hashFiles('requirements.txt', 'requirements-lite.txt', 'tools/lite.py')" in lite_cache["key"]
    assert lite_cache["key"].startswith(lite_cache["restore-keys"])   # an older cache is a safe start
    assert len({cache["key"].split("$")[0] for cache in found.values()}) == 3, "one key per cache"
    checkout = step_index(job, uses="actions/checkout@")
    test = step_index(job, run="python3 course.py test")
    for path in found:
        assert checkout < step_index(job, uses="actions/cache@", path=path) < test, path
    course_py = (REPO / "course.py").read_text(encoding="utf-8")
    assert 'ROOT / ".venv-lite"' in course_py and '"-r", ROOT / "requirements-lite.txt"' in course_py
    assert 'ROOT / ".lite-cache"' in (REPO / "tools" / "lite.py").read_text(encoding="utf-8")


def pages_job() -> dict:
    return load(PAGES)["jobs"]["build"]


def test_pages_builds_the_read_only_site_then_the_live_edition_beside_it():
    from tools import site

    job = pages_job()
    commands = run_steps(job)
    live = f"{site.DEFAULT_OUT.name}/{site.LIVE_DIR}"
    assert commands == ["python3 course.py site --live", f"python3 course.py lite --out {live}"]
    # the site empties its folder first, so the live edition must come after it
    assert step_index(job, run=commands[0]) < step_index(job, run=commands[1])
    upload = next(step for step in job["steps"] if step.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == site.DEFAULT_OUT.name
    assert step_index(job, run=commands[1]) < job["steps"].index(upload)
    python = next(step for step in job["steps"] if step.get("uses", "").startswith("actions/setup-python@"))
    assert str(python["with"]["python-version"]) == "3.11"


def test_pages_caches_the_live_tools_and_downloads():
    job = pages_job()
    found = caches(job)
    assert set(found) == {".venv-lite", ".lite-cache"}
    # the venv links to setup-python's interpreter: key it on the exact version that step installed
    python = next(step for step in job["steps"] if step.get("uses", "").startswith("actions/setup-python@"))
    assert f"steps.{python['id']}.outputs.python-version" in found[".venv-lite"]["key"]
    assert "hashFiles('requirements-lite.txt')" in found[".venv-lite"]["key"]
    assert found[".lite-cache"]["key"] == caches(the_job())[".lite-cache"]["key"]   # the same downloads
    build = step_index(job, run="python3 course.py site --live")
    for path in found:
        assert step_index(job, uses="actions/cache@", path=path) < build, path
