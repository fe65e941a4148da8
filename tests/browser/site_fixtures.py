"""The static (read-only) edition of the course, built once and served over http.

Import the fixture into a test module (``from tests.browser.site_fixtures import static_site``)
to open the pages in a browser. The site is built by ``tools.site.build_site`` into a
temporary folder and served on 127.0.0.1 from a thread for the whole session.
"""

from __future__ import annotations

import functools
import http.server
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest


@dataclass
class StaticSite:
    root: Path          # the folder holding index.html
    base_url: str       # http://127.0.0.1:PORT (no trailing slash)
    pages: list[str]    # relative paths of every HTML page, e.g. "03_herniated_disc.html", "index.html"
    seconds: float = 0.0  # how long the build took

    def url(self, page: str) -> str:
        return f"{self.base_url}/{page}"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 -- the base class's name
        pass


@pytest.fixture(scope="session")
def static_site(tmp_path_factory) -> StaticSite:
    from tools.site import build_site

    root = tmp_path_factory.mktemp("static-site") / "site"
    report = build_site(root)
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="static-site", daemon=True)
    thread.start()
    try:
        yield StaticSite(root=root, base_url=f"http://127.0.0.1:{server.server_address[1]}",
                         pages=sorted(report.pages), seconds=report.seconds)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
