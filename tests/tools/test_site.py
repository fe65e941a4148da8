"""The static, read-only edition (tools.site): a small site of three lessons, built once."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import nbformat
import pytest

from lessons.kit import course
from tools import lite, site

BUILT = ["00_start_here", "03_herniated_disc", "19_final_assessment"]
VENDOR_FILES = {"embed.js", "embed.js.LICENSE.txt", "LICENSE", "package.json", "README.md"}


class _Page(HTMLParser):
    """The parts of a page the tests look at: attributes, ids, scripts' src, headings, title."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []
        self.srcs: list[str] = []
        self.ids: set[str] = set()
        self.lang = None
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        if tag == "title":
            self._in_title = True
        if "href" in attrs and tag == "a":
            self.hrefs.append(attrs["href"])
        if "src" in attrs:
            self.srcs.append(attrs["src"])
        if "id" in attrs:
            self.ids.add(attrs["id"])

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("site") / "site"
    return out, site.build_site(out, notebooks=BUILT)


def plotly_outputs(name: str) -> int:
    nb = nbformat.read(site.NOTEBOOK_DIR / f"{name}.ipynb", as_version=4)
    count = sum(site.PLOTLY_MIME in output.get("data", {})
                for cell in nb.cells for output in cell.get("outputs", []))
    state = nb.metadata.get("widgets", {}).get(site.WIDGET_STATE_MIME, {}).get("state", {})
    for model in state.values():
        if model["model_name"] == "OutputModel":
            count += sum(site.PLOTLY_MIME in output.get("data", {}) for output in model["state"].get("outputs", []))
    return count


def test_report_lists_every_page_and_figure(built):
    out, report = built
    assert report.pages == [f"{name}.html" for name in BUILT] + ["index.html"]
    assert all((out / page).is_file() for page in report.pages)
    assert report.figures == sum(plotly_outputs(name) for name in BUILT) > 0
    assert "my_progress" in report.skipped
    assert report.seconds > 0


def test_nothing_is_loaded_from_the_internet(built):
    out, report = built
    for name in report.pages:
        text = (out / name).read_text(encoding="utf-8")
        page = parse(out / name)
        assert not [src for src in page.srcs if "http" in src], name
        assert not re.findall(r"""src=\\?["'][^"']*http""", text), name
        for cdn in ("cdn.jsdelivr", "cdnjs.cloudflare", "unpkg.com", "require.min.js", "MathJax.js"):
            assert cdn not in text, (name, cdn)


def test_plotly_figures_become_divs_with_plotly_js_once(built):
    out, _ = built
    for name in BUILT:
        text = (out / f"{name}.html").read_text(encoding="utf-8")
        figures = plotly_outputs(name)
        assert text.count('<script src="assets/plotly.min.js"></script>') == (1 if figures else 0), name
        assert site.PLOTLY_MIME not in text, name  # also converted inside saved Output widgets
        ids = re.findall(r'coursePlot\(\\?"(course-plot-\d+)\\?"', text)
        assert ids == [f"course-plot-{n}" for n in range(1, figures + 1)], name
    assert (out / "assets" / "plotly.min.js").stat().st_size > 1_000_000


def test_herniated_disc_keeps_its_widgets_and_their_figures(built):
    out, _ = built
    text = (out / "03_herniated_disc.html").read_text(encoding="utf-8")
    assert 'type="application/vnd.jupyter.widget-state+json"' in text
    assert text.count('type="application/vnd.jupyter.widget-view+json"') >= 2
    assert f"widgetRendererSrc = '{site.WIDGET_JS}'" in text
    state = re.search(r'<script type="application/vnd.jupyter.widget-state\+json">(.*?)</script>', text, re.S)
    outputs = [output for model in json.loads(state.group(1))["state"].values()
               if model["model_name"] == "OutputModel" for output in model["state"]["outputs"]]
    assert outputs and all("coursePlot(" in output["data"]["text/html"] for output in outputs)


def test_links_between_lessons_point_at_pages_and_resolve(built):
    out, report = built
    repo = course.course_data()["repository"]
    for name in report.pages:
        page = parse(out / name)
        for href in page.hrefs:
            parts = urlsplit(href)
            assert not parts.path.endswith(".ipynb") or parts.netloc == "github.com", (name, href)
            if parts.scheme or parts.netloc or not parts.path:
                continue
            target = out / parts.path
            assert target.is_file(), (name, href)
            if parts.fragment:
                assert parts.fragment in parse(target).ids, (name, href)
    start = parse(out / "00_start_here.html").hrefs
    assert "03_herniated_disc.html" in start
    assert "00_start_here.html#Course-map" in parse(out / "03_herniated_disc.html").hrefs
    # lessons not in this small site, and my_progress, go to the repository on GitHub
    assert f"https://github.com/{repo}/blob/HEAD/notebooks/04_spinal_stenosis.ipynb" in start
    assert f"https://github.com/{repo}/blob/HEAD/notebooks/my_progress.ipynb" in start


def test_without_live_no_page_links_to_the_live_edition(built):
    out, report = built
    for name in report.pages:
        assert not [href for href in parse(out / name).hrefs if href.startswith(f"{site.LIVE_DIR}/")], name


def test_with_live_every_page_links_to_its_lesson_in_the_live_edition(tmp_path):
    out = tmp_path / "site"
    report = site.build_site(out, notebooks=["03_herniated_disc", "glossary"], live=True)
    edition = lite.edition()   # the folder the live build serves the notebooks in
    for name in report.pages:
        hrefs = parse(out / name).hrefs
        live = [href for href in hrefs if href.startswith(f"{site.LIVE_DIR}/")]
        if name == "index.html":
            assert live == ["live/"]
        else:
            assert live == [f"live/lab/index.html?path={edition}/{name.removesuffix('.html')}.ipynb"], name
        text = (out / name).read_text(encoding="utf-8")
        assert "(the live edition: nothing to install)" in text and "Read-only edition:" in text, name
    assert site.live_link("03_herniated_disc", edition) == f"live/{lite.lab_page(edition, '03_herniated_disc.ipynb')}"


def test_every_page_has_language_title_banner_and_a_way_back(built):
    out, report = built
    for name in report.pages:
        page = parse(out / name)
        text = (out / name).read_text(encoding="utf-8")
        assert page.lang == "en", name
        assert page.title.strip(), name
        assert "Read-only edition:" in text and "python3 course.py lab" in text, name
        if name != "index.html":
            assert "index.html" in page.hrefs, name
            stem = name.removesuffix(".html")
            assert course.binder_url(f"notebooks/{stem}.ipynb") in page.hrefs, name
            assert page.title.startswith(f"{course.lesson(stem).number} · {course.lesson(stem).title}")
    titles = {parse(out / name).title for name in report.pages}
    assert len(titles) == len(report.pages)


def test_index_lists_every_part_and_lesson(built):
    out, _ = built
    text = (out / "index.html").read_text(encoding="utf-8")
    hrefs = parse(out / "index.html").hrefs
    for part in course.course_data()["parts"]:
        assert f"<h2>{part['title']}</h2>".replace("&", "&amp;") in text
    for item in course.lessons():
        assert f"{item.number} · {item.title}" in text
        assert f"({item.minutes} min)" in text
        assert ((f"{item.file}.html" in hrefs) == (item.file in BUILT)), item.file
    assert "Not in the read-only edition" in text and "My progress" in text


def test_the_build_is_deterministic(built, tmp_path):
    out, _ = built
    again = site.build_site(tmp_path / "again", notebooks=["03_herniated_disc"])
    assert again.pages == ["03_herniated_disc.html", "index.html"]
    first = (out / "03_herniated_disc.html").read_text(encoding="utf-8")
    second = (tmp_path / "again" / "03_herniated_disc.html").read_text(encoding="utf-8")
    # the one page differs only where links go to lessons that are in one site and not the other
    assert re.sub(r'href="[^"]*"', "", first) == re.sub(r'href="[^"]*"', "", second)


def test_a_link_to_a_missing_file_stops_the_build(tmp_path):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("See [the notes](no_such_notes.ipynb).")])
    path = tmp_path / "05_broken.ipynb"
    nbformat.write(nb, path)
    with pytest.raises(site.SiteError, match="no_such_notes.ipynb"):
        site.build_site(tmp_path / "out", notebooks=[path])


def test_text_only_fallback_drops_the_widgets(tmp_path, monkeypatch):
    monkeypatch.setitem(site.TEXT_ONLY_WIDGETS, "19_final_assessment", "the renderer fails here.")
    site.build_site(tmp_path / "out", notebooks=["19_final_assessment"])
    text = (tmp_path / "out" / "19_final_assessment.html").read_text(encoding="utf-8")
    assert "widget-view+json" not in text and "widget-state+json" not in text
    assert "shown as text only: the renderer fails here." in text


def test_vendored_widget_renderer_is_complete(built):
    out, _ = built
    vendor = site.VENDOR_DIR
    names = {path.name for path in vendor.iterdir()}
    fonts = {name for name in names if name.endswith(".woff2")}
    assert names - fonts == VENDOR_FILES
    assert json.loads((vendor / "package.json").read_text())["version"] == "1.0.15"
    assert "BSD-3-Clause" in (vendor / "package.json").read_text()
    embed = (vendor / "embed.js").read_text(encoding="utf-8")
    assert fonts == set(re.findall(r"[0-9a-f]{20}\.woff2", embed))
    copied = out / "assets" / "vendor" / site.HTML_MANAGER
    assert {path.name for path in copied.iterdir()} == names - {"README.md"}


def test_command_line_says_where_and_how_long(tmp_path, capsys):
    assert site.main(["--out", str(tmp_path / "cli"), "00_start_here"]) == 0
    said = capsys.readouterr().out
    assert re.search(r"Built 2 pages with \d+ figures in \d+\.\d s\.", said)
    assert str((tmp_path / "cli" / "index.html").resolve()) in said


def test_readme_and_workflow_publish_the_site():
    owner, name = course.course_data()["repository"].split("/")
    url = f"https://{owner}.github.io/{name}/"
    readme = (site.ROOT / "README.md").read_text(encoding="utf-8")
    assert "## Read without Python" in readme
    section = readme.split("## Read without Python", 1)[1].split("\n## ", 1)[0]
    assert url in section and "python3 course.py site" in section and "read-only" in section
    assert "Binder" in section and "python3 course.py lab" in section
    workflow = (site.ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8")
    assert url in workflow and "run: python3 course.py site" in workflow
    assert "path: _site" in workflow and site.DEFAULT_OUT.name == "_site"
    assert "actions/deploy-pages" in workflow
