"""Links that pull the course into each student's JupyterHub server (nbgitpuller).

The format follows nbgitpuller's documentation ("Options in an nbgitpuller URL") and
its link generator: ``{hub}/hub/user-redirect/git-pull?repo=...&branch=...&urlpath=...``
with each value URL-encoded. ``urlpath`` is relative to the student's home folder,
so it starts with the folder the repository is cloned into (the repository's name).
"""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit

DEFAULT_NOTEBOOK = "notebooks/00_start_here.ipynb"


def _check_https(url: str, what: str) -> str:
    if not isinstance(url, str) or not url.strip():
        raise ValueError(f"{what} is empty; give a full address such as https://hub.example.org")
    if url != url.strip() or any(char.isspace() for char in url):
        raise ValueError(f"{what} must not contain spaces: {url!r}")
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.netloc:
        raise ValueError(f"{what} must be an https:// address, got {url!r}")
    if parts.query or parts.fragment:
        raise ValueError(f"{what} must not contain '?' or '#': {url!r}")
    return url


def repo_folder(repo_url: str) -> str:
    """The folder nbgitpuller clones into: the last part of the repository URL, without ``.git``."""
    name = urlsplit(repo_url).path.rstrip("/").rsplit("/", 1)[-1]
    if name.endswith(".git"):
        name = name[: -len(".git")]
    if not name:
        raise ValueError(f"repository URL has no repository name: {repo_url!r}")
    return name


def nbgitpuller_link(hub_url: str, repo_url: str, branch: str = "main",
                     urlpath: str | None = None) -> str:
    """A link that clones (or updates) the course in the student's server and opens a notebook.

    ``urlpath`` defaults to ``lab/tree/<repo-folder>/notebooks/00_start_here.ipynb`` (JupyterLab).
    """
    hub_url = _check_https(hub_url, "hub URL").rstrip("/")
    repo_url = _check_https(repo_url, "repository URL")
    if not branch or any(char.isspace() for char in branch):
        raise ValueError(f"branch must be a non-empty name without spaces, got {branch!r}")
    if urlpath is None:
        urlpath = f"lab/tree/{repo_folder(repo_url)}/{DEFAULT_NOTEBOOK}"
    if not urlpath or any(char.isspace() for char in urlpath):
        raise ValueError(f"urlpath must be a non-empty path without spaces, got {urlpath!r}")
    urlpath = urlpath.lstrip("/")
    query = urlencode({"repo": repo_url, "branch": branch, "urlpath": urlpath}, safe="")
    return f"{hub_url}/hub/user-redirect/git-pull?{query}"


def class_links(hub_url: str, repo_url: str, notebooks: list[str], branch: str = "main") -> dict[str, str]:
    """One link per notebook (paths inside the repository, e.g. ``notebooks/01_....ipynb``)."""
    folder = repo_folder(_check_https(repo_url, "repository URL"))
    return {notebook: nbgitpuller_link(hub_url, repo_url, branch,
                                       f"lab/tree/{folder}/{notebook.lstrip('/')}")
            for notebook in notebooks}
