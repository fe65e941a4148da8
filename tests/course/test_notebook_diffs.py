"""Reviewable notebook diffs: git hands every notebook to nbdime's cell diff and merge (CONTRIBUTING.md)."""

from __future__ import annotations

import subprocess

import pytest

from tests.conftest import REPO

LINE = "*.ipynb diff=jupyternotebook merge=jupyternotebook"


def notebook_rule(text: str) -> bool:
    return LINE in [" ".join(line.split()) for line in text.splitlines() if not line.lstrip().startswith("#")]


def test_gitattributes_sends_notebooks_to_nbdime():
    assert notebook_rule((REPO / ".gitattributes").read_text(encoding="utf-8"))


@pytest.mark.parametrize("text", ["", "# *.ipynb diff=jupyternotebook merge=jupyternotebook",
                                  "*.ipynb diff=jupyternotebook", "*.py diff=jupyternotebook merge=jupyternotebook"])
def test_a_missing_or_partial_rule_is_caught(text):
    assert not notebook_rule(text)


def test_contributing_says_how_to_set_up_nbdime():
    text = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert "pip install nbdime" in text and "nbdime config-git --enable" in text


def test_git_reads_the_rule_for_every_lesson():
    if not (REPO / ".git").exists():
        pytest.skip("not a git checkout")
    names = sorted(str(path.relative_to(REPO)) for path in (REPO / "notebooks").glob("*.ipynb"))
    try:
        out = subprocess.run(["git", "check-attr", "diff", "merge", "--", *names], cwd=REPO, check=True,
                             capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.CalledProcessError) as error:
        pytest.skip(f"git is not usable here: {error}")
    assert out.count(": diff: jupyternotebook") == len(names) > 20
    assert out.count(": merge: jupyternotebook") == len(names)
