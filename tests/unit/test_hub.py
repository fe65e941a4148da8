"""nbgitpuller links for a class on JupyterHub."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from lessons.hub import class_links, nbgitpuller_link, repo_folder

HUB = "https://hub.example.org"
REPO = "https://github.com/back-pain-leg-pain/course"


def test_default_link_matches_documented_format():
    link = nbgitpuller_link(HUB, REPO)
    assert link == (
        "https://hub.example.org/hub/user-redirect/git-pull"
        "?repo=https%3A%2F%2Fgithub.com%2Fback-pain-leg-pain%2Fcourse"
        "&branch=main"
        "&urlpath=lab%2Ftree%2Fcourse%2Fnotebooks%2F00_start_here.ipynb"
    )


def test_link_decodes_to_the_given_values():
    link = nbgitpuller_link(HUB + "/", REPO + ".git", branch="release/2025",
                            urlpath="lab/tree/course/notebooks/a&b=c?.ipynb")
    parts = urlsplit(link)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "hub.example.org", "/hub/user-redirect/git-pull")
    assert parse_qs(parts.query) == {"repo": [REPO + ".git"], "branch": ["release/2025"],
                                     "urlpath": ["lab/tree/course/notebooks/a&b=c?.ipynb"]}


def test_hub_under_a_path_prefix():
    link = nbgitpuller_link("https://example.org/jupyter/", REPO)
    assert link.startswith("https://example.org/jupyter/hub/user-redirect/git-pull?repo=")


@pytest.mark.parametrize("url, folder", [(REPO, "course"), (REPO + ".git", "course"), (REPO + "/", "course"),
                                         ("https://gitlab.com/a/b/my-course.git", "my-course")])
def test_repo_folder(url, folder):
    assert repo_folder(url) == folder


def test_default_urlpath_uses_repo_folder():
    link = nbgitpuller_link(HUB, "https://gitlab.com/teach/back-pain.git")
    assert parse_qs(urlsplit(link).query)["urlpath"] == ["lab/tree/back-pain/notebooks/00_start_here.ipynb"]


@pytest.mark.parametrize("hub, repo, message", [
    ("http://hub.example.org", REPO, "https://"),
    ("hub.example.org", REPO, "https://"),
    ("", REPO, "empty"),
    ("https://hub.example.org/my hub", REPO, "spaces"),
    (" https://hub.example.org", REPO, "spaces"),
    ("https://hub.example.org/?x=1", REPO, "'?'"),
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
        nbgitpuller_link(HUB, REPO, branch=branch)


def test_bad_urlpath():
    with pytest.raises(ValueError, match="urlpath"):
        nbgitpuller_link(HUB, REPO, urlpath="lab/tree/my file.ipynb")


def test_class_links_one_per_notebook():
    links = class_links(HUB, REPO, ["notebooks/01_anatomy_of_the_lower_back.ipynb", "/notebooks/08_sciatica.ipynb"])
    assert list(links) == ["notebooks/01_anatomy_of_the_lower_back.ipynb", "/notebooks/08_sciatica.ipynb"]
    urlpaths = [parse_qs(urlsplit(link).query)["urlpath"][0] for link in links.values()]
    assert urlpaths == ["lab/tree/course/notebooks/01_anatomy_of_the_lower_back.ipynb",
                        "lab/tree/course/notebooks/08_sciatica.ipynb"]
