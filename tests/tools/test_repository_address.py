"""One place for the repository's address: ``repository:`` in lessons/kit/content/course.yml.

Binder badges, the read-only site's address, the JupyterHub examples and the GitHub links all come
from it (``python3 course.py sync`` writes them), so a fork changes one line.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lessons.kit import course
from tests.conftest import REPO
from tools import authoring, hub, site

SCANNED = ["README.md", "CONTRIBUTING.md", "course.py", "environment.yml", "postBuild", "pyproject.toml",
           "notebooks", "teachers", "lessons", ".github"]
TEXT_SUFFIXES = {".md", ".ipynb", ".py", ".yml", ".yaml", ".json", ".toml", ".txt", ".cfg", ""}
SLASH = r"(?:/|%2F)"
NAME = r"([A-Za-z0-9_.-]+)"
ADDRESSES = [
    re.compile(rf"(?:github\.com|githubusercontent\.com|mybinder\.org/v2/gh)(?:{SLASH}|:){NAME}{SLASH}{NAME}", re.I),
    re.compile(rf"{NAME}\.github\.io{SLASH}{NAME}", re.I),
]
PLACEHOLDERS = re.compile(r"\bOWNER(?:/|%2F)REPO\b|\bOWNER\b|`REPO/`")
# Other projects' repositories that a file may name (none yet): add "owner/name" here.
OTHER_PROJECTS: frozenset[str] = frozenset()


def repository_addresses(text: str) -> set[str]:
    """Every ``owner/name`` that ``text`` links to on GitHub, Binder, GitHub Pages or raw GitHub."""
    found = set()
    for pattern in ADDRESSES:
        for owner, name in pattern.findall(text):
            name = name.removesuffix(".git")
            found.add(f"{owner}/{name}")
    return found


def scanned_files() -> list[Path]:
    files = []
    for entry in SCANNED:
        path = REPO / entry
        candidates = sorted(path.rglob("*")) if path.is_dir() else [path]
        files += [file for file in candidates if file.is_file() and file.suffix in TEXT_SUFFIXES
                  and "__pycache__" not in file.parts]
    return files


def test_the_address_finder_finds_every_form():
    text = ("[b](https://mybinder.org/v2/gh/a-b/c.d/HEAD?urlpath=x) https://someone.github.io/fork/ "
            "git+https://github.com/x/y.git https://raw.githubusercontent.com/p/q/main/requirements.txt "
            "?repo=https%3A%2F%2Fgithub.com%2Fenc%2Foded&branch=main git@github.com:ssh/form.git "
            "https://github.com/{info['repository']}")
    assert repository_addresses(text) == {"a-b/c.d", "someone/fork", "x/y", "p/q", "enc/oded", "ssh/form"}


def test_no_file_names_another_repository_or_a_placeholder():
    repository = course.repository()
    assert repository == "back-pain-leg-pain/course"
    files = scanned_files()
    assert REPO / "README.md" in files and REPO / ".github" / "workflows" / "pages.yml" in files
    assert any(file.suffix == ".ipynb" for file in files) and any(file.parent.name == "teachers" for file in files)
    wrong, placeholders, named = [], [], set()
    for file in files:
        text = file.read_text(encoding="utf-8", errors="replace")
        found = repository_addresses(text)
        named |= found
        wrong += [f"{file.relative_to(REPO)}: {address}" for address in sorted(found - {repository} - OTHER_PROJECTS)]
        placeholders += [f"{file.relative_to(REPO)}: {match}" for match in PLACEHOLDERS.findall(text)]
    assert not wrong, "addresses that are not `repository:` in lessons/kit/content/course.yml:\n" + "\n".join(wrong)
    assert not placeholders, "placeholders left in:\n" + "\n".join(placeholders)
    assert repository in named  # the scan does see the course's own links


def test_readme_and_pages_workflow_carry_the_generated_addresses():
    readme = authoring.README.read_text(encoding="utf-8")
    for name, block in authoring.README_BLOCKS.items():
        start, end = authoring.repository_markers(name)
        assert readme.count(start) == 1 and readme.count(end) == 1, name
        assert readme.split(start, 1)[1].split(end, 1)[0].strip() == block().strip()
    assert course.binder_url("notebooks/00_start_here.ipynb") in readme
    assert f"**<{course.pages_url()}>**" in readme.split("## Read without Python", 1)[1]
    assert hub.nbgitpuller_link("https://hub.example.org", course.github_url()) in readme
    workflow = authoring.PAGES_WORKFLOW.read_text(encoding="utf-8")
    assert f"{authoring.PAGES_LINE}{course.pages_url()}\n" in workflow
    assert "edit `repository:` in lessons/kit/content/course.yml" in readme
    fork = readme.split("## Teaching a class on JupyterHub", 1)[1]
    assert "`repository:` in `lessons/kit/content/course.yml`" in fork and "python3 course.py sync" in fork


@pytest.fixture
def forked(monkeypatch):
    """The course as a fork would have it: only ``repository:`` changed."""
    data = dict(course.course_data(), repository="Someone/back-pain-fork")
    monkeypatch.setattr(course, "course_data", lambda: data)
    return data


def test_a_fork_changes_one_line_and_sync_moves_every_link(forked):
    readme = authoring.readme_with_map(authoring.README.read_text(encoding="utf-8"))
    workflow = authoring.workflow_with_pages_url(authoring.PAGES_WORKFLOW.read_text(encoding="utf-8"))
    for text in (readme, workflow):
        assert repository_addresses(text) <= {"Someone/back-pain-fork", "someone/back-pain-fork"}
        assert "back-pain-leg-pain.github.io" not in text
    assert repository_addresses(readme) == {"Someone/back-pain-fork", "someone/back-pain-fork"}
    assert "https://someone.github.io/back-pain-fork/" in readme and "https://someone.github.io/back-pain-fork/" \
        in workflow
    assert "mybinder.org/v2/gh/Someone/back-pain-fork/HEAD?urlpath=lab/tree/notebooks/00_start_here.ipynb" in readme
    assert "git+https://github.com/Someone/back-pain-fork" in readme
    assert "(`back-pain-fork/`)" in readme and "lab%2Ftree%2Fback-pain-fork%2Fnotebooks" in readme
    # The live edition's address follows, in the README and in every lesson's note on it.
    assert "**<https://someone.github.io/back-pain-fork/live/>**" in readme
    assert "](https://someone.github.io/back-pain-fork/live/)" in authoring.live_edition_markdown()
    # The read-only site's Binder links and GitHub links follow too.
    assert "Someone/back-pain-fork" in site._banner("03_herniated_disc")
    assert site._Links(set(), site.NOTEBOOK_DIR / "00_start_here.ipynb").github == \
        "https://github.com/Someone/back-pain-fork"


def test_the_pages_workflow_needs_its_address_line():
    with pytest.raises(ValueError, match="Published at"):
        authoring.workflow_with_pages_url("name: Read-only site\n")
