"""nbgitpuller links for a class on JupyterHub."""

from __future__ import annotations

import sys
from urllib.parse import parse_qs, urlsplit

import pytest

from lessons.progress.my_progress import ProgressDashboard
from lessons.records import store
from lessons.records.store import ProgressStore
from tests.conftest import REPO
from tools.hub import class_links, nbgitpuller_link, repo_folder

HUB = "https://hub.example.org"
ORIGIN = "https://github.com/back-pain-leg-pain/course"


def test_default_link_matches_documented_format():
    link = nbgitpuller_link(HUB, ORIGIN)
    assert link == (
        "https://hub.example.org/hub/user-redirect/git-pull"
        "?repo=https%3A%2F%2Fgithub.com%2Fback-pain-leg-pain%2Fcourse"
        "&branch=main"
        "&urlpath=lab%2Ftree%2Fcourse%2Fnotebooks%2F00_start_here.ipynb"
    )


def test_link_decodes_to_the_given_values():
    link = nbgitpuller_link(HUB + "/", ORIGIN + ".git", branch="release/2025",
                            urlpath="lab/tree/course/notebooks/a&b=c?.ipynb")
    parts = urlsplit(link)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "hub.example.org", "/hub/user-redirect/git-pull")
    assert parse_qs(parts.query) == {"repo": [ORIGIN + ".git"], "branch": ["release/2025"],
                                     "urlpath": ["lab/tree/course/notebooks/a&b=c?.ipynb"]}


def test_hub_under_a_path_prefix():
    link = nbgitpuller_link("https://example.org/jupyter/", ORIGIN)
    assert link.startswith("https://example.org/jupyter/hub/user-redirect/git-pull?repo=")


@pytest.mark.parametrize("url, folder", [(ORIGIN, "course"), (ORIGIN + ".git", "course"), (ORIGIN + "/", "course"),
                                         ("https://gitlab.com/a/b/my-course.git", "my-course")])
def test_repo_folder(url, folder):
    assert repo_folder(url) == folder


def test_default_urlpath_uses_repo_folder():
    link = nbgitpuller_link(HUB, "https://gitlab.com/teach/back-pain.git")
    assert parse_qs(urlsplit(link).query)["urlpath"] == ["lab/tree/back-pain/notebooks/00_start_here.ipynb"]


@pytest.mark.parametrize("hub, repo, message", [
    ("http://hub.example.org", ORIGIN, "https://"),
    ("hub.example.org", ORIGIN, "https://"),
    ("", ORIGIN, "empty"),
    ("https://hub.example.org/my hub", ORIGIN, "spaces"),
    (" https://hub.example.org", ORIGIN, "spaces"),
    ("https://hub.example.org/?x=1", ORIGIN, "'?'"),
    (HUB, "git@github.com:back-pain-leg-pain/course.git", "https://"),
    (HUB, "https://github.com/a/my course", "spaces"),
    (HUB, "https://github.com", "no repository name"),
])
def test_bad_urls_are_rejected_with_clear_errors(hub, repo, message):
    with pytest.raises(ValueError, match=message.replace("?", r"\?")):
        nbgitpuller_link(hub, repo)


@pytest.mark.parametrize("branch", ["", "my branch"])
def test_bad_branch(branch):
    with pytest.raises(ValueError, match="branch"):
        nbgitpuller_link(HUB, ORIGIN, branch=branch)


def test_bad_urlpath():
    with pytest.raises(ValueError, match="urlpath"):
        nbgitpuller_link(HUB, ORIGIN, urlpath="lab/tree/my file.ipynb")


def test_class_links_one_per_notebook():
    links = class_links(HUB, ORIGIN, ["notebooks/01_anatomy_of_the_lower_back.ipynb", "/notebooks/08_sciatica.ipynb"])
    assert list(links) == ["notebooks/01_anatomy_of_the_lower_back.ipynb", "/notebooks/08_sciatica.ipynb"]
    urlpaths = [parse_qs(urlsplit(link).query)["urlpath"][0] for link in links.values()]
    assert urlpaths == ["lab/tree/course/notebooks/01_anatomy_of_the_lower_back.ipynb",
                        "lab/tree/course/notebooks/08_sciatica.ipynb"]


def _hub_section() -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    return readme.split("## Teaching a class on JupyterHub", 1)[1].split("\n## ", 1)[0]


def test_readme_says_where_a_students_progress_is_kept_on_a_hub(monkeypatch, tmp_path):
    """On a hub (Linux) each student's store is in their own home folder, where the README says."""
    if not sys.platform.startswith("linux"):
        pytest.skip("JupyterHub servers run Linux; platformdirs uses other folders elsewhere")
    monkeypatch.delenv(store.ENV_VAR, raising=False)
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    where = "~/" + store.default_path().relative_to(tmp_path).as_posix()
    section = _hub_section()
    assert f"`{where}`" in section
    assert "not sent to you" not in section and "live in the running notebook" not in section


def test_readme_says_how_students_send_their_progress(tmp_path):
    section = _hub_section()
    for link in ("notebooks/my_progress.ipynb", "teachers/class_results.ipynb"):
        assert f"]({link})" in section and (REPO / link).exists()
    widget = ProgressDashboard(ProgressStore(tmp_path / "progress.sqlite3"), export_folder=tmp_path / "exports")
    labels = set()
    stack = [widget]
    while stack:
        item = stack.pop()
        labels.add(getattr(item, "description", ""))
        stack += list(getattr(item, "children", ()))
    assert "Download as JSON" in labels and "**Download as JSON**" in section
    # The teacher's other route is kept: the question banks for an LMS or Anki.
    assert "python -m lessons.progress.exports gift quizzes.gift" in section
    assert "python -m lessons.progress.exports anki quizzes.apkg" in section
