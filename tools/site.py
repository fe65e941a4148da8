"""The static, read-only edition of the course: one HTML page per lesson notebook, no kernel needed.

    python -m tools.site [--out DIR]      (or ``python3 course.py site``)

Pages are made from the committed, executed notebooks (nothing is run) by nbconvert's ``lab``
template, set up to work offline and from ``file://``: no require.js, MathJax, mermaid or widget
renderer from a CDN. Plotly figures become a ``<div>`` and a ``Plotly.newPlot`` call drawn by the
``plotly.min.js`` of the installed plotly package; widgets are drawn read-only from the widget state
saved in each notebook by the vendored ``@jupyter-widgets/html-manager`` (``assets/vendor/``).
Links between notebooks point at the pages; links to other files in the repository point at GitHub.
``index.html`` lists every part and lesson from ``lessons/kit/content/course.yml``.

With ``--live`` every page also links to the same lesson in the live edition (``tools.lite``), which
``.github/workflows/pages.yml`` builds into ``live/`` beside the pages:
``live/lab/index.html?path=<edition>/<notebook>``, where ``<edition>`` is ``tools.lite.edition()``, the
folder the live build puts the notebooks in.
"""

from __future__ import annotations

import argparse
import copy
import html
import json
import re
import shutil
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from lessons.kit import course
from tools import lite

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK_DIR = ROOT / "notebooks"
DEFAULT_OUT = ROOT / "_site"
HTML_MANAGER = "jupyter-widgets-html-manager-1.0.15"
VENDOR_DIR = ROOT / "assets" / "vendor" / HTML_MANAGER
PLOTLY_JS = "assets/plotly.min.js"
WIDGET_JS = f"assets/vendor/{HTML_MANAGER}/embed.js"
SITE_TITLE = "Back Pain & Leg Pain"
LIVE_DIR = "live"   # where pages.yml puts the live edition, beside the pages (``--live``)
PLOTLY_MIME = "application/vnd.plotly.v1+json"
WIDGET_STATE_MIME = "application/vnd.jupyter.widget-state+json"
WIDGET_VIEW_MIME = "application/vnd.jupyter.widget-view+json"

# Notebooks left out of the site, with the reason shown on the index page.
SKIPPED = {
    "my_progress": "My progress shows your own saved quiz scores and plans, which are kept on your computer "
                   "by Python: open it in JupyterLab or on Binder.",
}
# Notebooks whose widgets are shown as their plain-text description instead of being drawn, with why
# (use this if the widget renderer ever fails on a page). Empty: every page's widgets draw.
TEXT_ONLY_WIDGETS: dict[str, str] = {}

_HREF = re.compile(r"""(\bhref=\\?["'])([^"'\\]*)(\\?["'])""")
_SRC = re.compile(r"""\bsrc=\\?["']([^"'\\]*)""")


class SiteError(Exception):
    """A notebook cannot be turned into a page (for example, a link to a file that does not exist)."""


@dataclass
class SiteReport:
    pages: list[str]                 # relative paths of every page written, index.html included
    seconds: float                   # how long the build took
    figures: int                     # plotly figures converted (in cells and in Output widgets)
    skipped: dict[str, str] = field(default_factory=dict)   # notebook name -> why it is not in the site


TEMPLATE = r"""{%- extends 'index.html.j2' -%}
{%- block html_head_js_requirejs -%}{%- endblock html_head_js_requirejs -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{% block extra_css %}
{{ resources.course_site.head | safe }}
{% endblock extra_css %}
{%- block body_header -%}
<body class="jp-Notebook" data-jp-theme-light="true" data-jp-theme-name="JupyterLab Light">
{{ resources.course_site.banner | safe }}
<main>
{%- endblock body_header -%}
{#- nbconvert gives each widget view a random id (uuid4) that nothing uses: leave it out, so pages are
    the same on every build. -#}
{%- block data_widget_view scoped %}
{% set datatype = (output.data | filter_data_type)[0] %}
<div class="jupyter-widgets jp-OutputArea-output {{ extra_class }}">
<script type="{{ datatype }}">
{{ output.data[datatype] | json_dumps | escape_html_script }}
</script>
</div>
{%- endblock data_widget_view -%}
"""

SITE_CSS = """
<style type="text/css">
.course-site-banner { margin: 0 0 1em 0; padding: 0.75em 1em; background: #fff8e1; color: #1a1a1a;
  border-bottom: 3px solid #e69f00; font-family: var(--jp-ui-font-family, sans-serif); font-size: 15px; }
.course-site-banner p { margin: 0.25em 0; }
.course-site-banner a { color: #0047ab; text-decoration: underline; }
.course-site-banner code { background: #f3f3f3; padding: 0 0.25em; }
.course-plot { min-height: 200px; }
/* Links in text are underlined, not told apart by colour alone (axe-core: link-in-text-block). */
body .jp-RenderedHTMLCommon a:link, body .jp-RenderedHTMLCommon a:visited,
body .widget-html-content a:link, body .widget-html-content a:visited { text-decoration: underline; }
</style>
"""

PLOT_HELPER = """
<script>
// Draw a plotly figure once its <div> is in the page (figures inside widget outputs arrive later).
window.coursePlot = function (id, figure) {
  var tries = 0;
  function draw() {
    var element = document.getElementById(id);
    if (!element || !element.isConnected) {
      if (++tries < 400) { setTimeout(draw, 25); } else { console.warn("figure " + id + " never appeared"); }
      return;
    }
    Plotly.newPlot(element, figure.data || [], figure.layout || {},
                   Object.assign({responsive: true}, figure.config || {}));
  }
  draw();
};
</script>
"""


def _script_json(value) -> str:
    """JSON that is safe inside a <script> element and inside HTML."""
    text = json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


class _Plots:
    """Turns plotly outputs into a div and a coursePlot call, numbering them in page order."""

    def __init__(self) -> None:
        self.count = 0

    def convert(self, output: dict) -> None:
        data = output.get("data", {})
        if PLOTLY_MIME not in data:
            return
        self.count += 1
        figure = data[PLOTLY_MIME]
        plot_id = f"course-plot-{self.count}"
        title = (figure.get("layout", {}).get("title") or {})
        label = title.get("text", "") if isinstance(title, dict) else str(title)
        label = re.sub(r"<[^>]+>", " ", label).strip() or "Interactive figure"
        output["data"] = {"text/html": (
            f'<div id="{plot_id}" class="course-plot" role="figure" aria-label="{html.escape(label)}"></div>'
            f'<script>coursePlot("{plot_id}", {_script_json(figure)});</script>')}
        output.setdefault("metadata", {}).pop(PLOTLY_MIME, None)


def _notebook_title(stem: str) -> str:
    try:
        item = course.lesson(stem)
        name = f"{item.number} · {item.title}"
    except KeyError:
        name = stem.replace("_", " ").capitalize()
    return f"{name} — {SITE_TITLE} (read-only edition)"


class _Links:
    """Rewrites links in a page: notebooks in the site -> their pages, other repository files -> GitHub."""

    def __init__(self, site_stems: set[str], notebook: Path) -> None:
        info = course.course_data()
        self.github = f"https://github.com/{info['repository']}"
        self.branch = info["branch"]
        self.site_stems = site_stems
        self.notebook = notebook
        self.broken: list[str] = []

    def target(self, href: str) -> str:
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or href.startswith("#") or not parts.path:
            return href
        if parts.path == "index.html" or (parts.path.endswith(".html") and parts.path[:-5] in self.site_stems):
            return href  # already a page of the site (the banner's link to the contents)
        if parts.path.startswith(f"{LIVE_DIR}/"):
            return href  # the banner's link to the live edition, built beside the pages
        fragment = f"#{parts.fragment}" if parts.fragment else ""
        path = (self.notebook.parent / parts.path).resolve()
        if path.suffix == ".ipynb" and path.parent == NOTEBOOK_DIR and path.stem in self.site_stems:
            return f"{path.stem}.html{fragment}"
        try:
            relative = path.relative_to(ROOT).as_posix()
        except ValueError:
            self.broken.append(href)
            return href
        if not path.exists():
            self.broken.append(href)
            return href
        kind = "tree" if path.is_dir() else "blob"
        return f"{self.github}/{kind}/{self.branch}/{relative}{fragment}"

    def rewrite(self, text: str) -> str:
        return _HREF.sub(lambda m: m.group(1) + self.target(m.group(2)) + m.group(3), text)


def live_link(stem: str | None, edition: str) -> str:
    """The relative address of a lesson (or, for None, the front page) in the live edition beside the pages."""
    if stem is None:
        return f"{LIVE_DIR}/"
    return f"{LIVE_DIR}/{lite.lab_page(edition, f'{stem}.ipynb')}"


def _banner(stem: str | None, edition: str | None = None) -> str:
    """The note at the top of every page; ``edition``: link to the live edition's lesson in that folder."""
    if stem is None:
        binder = html.escape(course.binder_url("notebooks/00_start_here.ipynb"))
        where = "open the course on Binder"
    else:
        binder = html.escape(course.binder_url(f"notebooks/{stem}.ipynb"))
        where = "open this lesson on Binder"
    if edition:
        what = "the course" if stem is None else "this lesson"
        where = (f'<a href="{html.escape(live_link(stem, edition))}">run {what} in your browser</a> '
                 f'(the live edition: nothing to install), <a href="{binder}">{where}</a>')
    else:
        where = f'<a href="{binder}">{where}</a>'
    back = ('' if stem is None else
            f'<p><a href="index.html">All lessons: {html.escape(SITE_TITLE)} course contents</a></p>')
    text_only = TEXT_ONLY_WIDGETS.get(stem or "")
    note = f"<p>The interactive parts of this page are shown as text only: {html.escape(text_only)}</p>" \
        if text_only else ""
    return (f'<header class="course-site-banner">{back}'
            f'<p><strong>Read-only edition:</strong> quizzes, calculators and the planner need Python — '
            f'{where} or run <code>python3 course.py lab</code>.</p>{note}</header>')


def _exporter():
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="lab", extra_loaders=[DictLoader({"course_site.html.j2": TEMPLATE})])
    exporter.template_file = "course_site.html.j2"
    exporter.widget_renderer_url = WIDGET_JS
    exporter.require_js_url = ""
    exporter.mathjax_url = ""
    return exporter


def _prepare(nb, stem: str) -> int:
    """Convert plotly outputs (also inside saved Output widgets); return how many there were."""
    plots = _Plots()
    nb.metadata["title"] = _notebook_title(stem)
    text_only = stem in TEXT_ONLY_WIDGETS
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            plots.convert(output)
            if text_only and WIDGET_VIEW_MIME in output.get("data", {}):
                output["data"].pop(WIDGET_VIEW_MIME)
    state = nb.metadata.get("widgets", {}).get(WIDGET_STATE_MIME, {}).get("state", {})
    if text_only:
        nb.metadata.pop("widgets", None)
    else:
        for model in state.values():
            if model.get("model_name") == "OutputModel":
                for output in model.get("state", {}).get("outputs", []):
                    plots.convert(output)
    return plots.count


def _page(exporter, path: Path, site_stems: set[str], edition: str | None = None) -> tuple[str, int]:
    import nbformat

    nb = nbformat.read(path, as_version=4)
    nb = copy.deepcopy(nb)
    figures = _prepare(nb, path.stem)
    head = SITE_CSS + (f'<script src="{PLOTLY_JS}"></script>' + PLOT_HELPER if figures else "")
    resources = {"metadata": {"name": path.stem, "path": str(path.parent)},
                 "course_site": {"head": head, "banner": _banner(path.stem, edition)}}
    body, _ = exporter.from_notebook_node(nb, resources=resources)
    links = _Links(site_stems, path)
    body = links.rewrite(body)
    if links.broken:
        raise SiteError(f"notebooks/{path.name}: links to files that do not exist: {sorted(set(links.broken))}")
    external = [src for src in _SRC.findall(body) if "http" in src]
    if external:
        raise SiteError(f"notebooks/{path.name}: the page would load {external} from the internet")
    return body, figures


def _index(site_stems: set[str], skipped: dict[str, str], edition: str | None = None) -> str:
    esc = html.escape
    parts = []
    for part in course.course_data()["parts"]:
        items = []
        for entry in part["lessons"]:
            item = course.lesson(entry["file"])
            name = f"{item.number} · {item.title}"
            if item.file in site_stems:
                link = f'<a href="{item.file}.html">{esc(name)}</a>'
            else:
                link = f"{esc(name)} <em>(not in this edition yet)</em>"
            items.append(f"<li>{link} <span class=\"course-minutes\">({item.minutes} min)</span>: "
                         f"{esc(item.summary)}</li>")
        parts.append(f"<h2>{esc(part['title'])}</h2>\n<ul>\n" + "\n".join(items) + "\n</ul>")
    if "glossary" in site_stems:
        parts.append('<h2>Reference</h2>\n<ul>\n<li><a href="glossary.html">Glossary</a>: '
                     'the medical words used in the course</li>\n</ul>')
    if skipped:
        rows = "\n".join(f"<li><strong>{esc(name.replace('_', ' ').capitalize())}</strong>: {esc(why)}</li>"
                         for name, why in skipped.items())
        parts.append(f"<h2>Not in the read-only edition</h2>\n<ul>\n{rows}\n</ul>")
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{esc(SITE_TITLE)}: course contents (read-only edition)</title>
{SITE_CSS}
<style type="text/css">
body {{ font-family: system-ui, sans-serif; line-height: 1.5; color: #1a1a1a; background: #fff; margin: 0; }}
main {{ max-width: 60em; margin: 0 auto; padding: 0 1em 2em 1em; }}
main a {{ color: #0047ab; }}
</style>
</head>
<body>
{_banner(None, edition)}
<main>
<h1>{esc(SITE_TITLE)}</h1>
<p>An open course about how back pain and leg pain are connected: the anatomy of the lower back, the common
causes, and what research says helps. This is the read-only edition: every lesson with its figures, as the
course shows them, without the parts that need Python. It is education, not medical advice.</p>
{chr(10).join(parts)}
</main>
</body>
</html>
"""


def _resolve(notebooks) -> list[Path]:
    if notebooks is None:
        found = sorted(NOTEBOOK_DIR.glob(course.LESSON_GLOB))
        if (NOTEBOOK_DIR / "glossary.ipynb").exists():
            found.append(NOTEBOOK_DIR / "glossary.ipynb")
        return found
    paths = []
    for name in notebooks:
        path = Path(name)
        if not path.is_absolute():
            path = NOTEBOOK_DIR / path.with_suffix(".ipynb").name
        if not path.exists():
            raise SiteError(f"no notebook {path}")
        paths.append(path)
    return paths


def build_site(out_dir: Path | str, notebooks=None, live: bool = False) -> SiteReport:
    """Write the read-only edition into ``out_dir`` (emptied first) and say what was written.

    ``notebooks``: names (``"03_herniated_disc"``) or paths to build, for a quick partial site;
    by default every numbered lesson, and the glossary if there is one. ``live``: link every page to its
    lesson in the live edition, which must then be built into ``out_dir/live`` (as pages.yml does).
    """
    start = time.perf_counter()
    out = Path(out_dir)
    if out.exists():
        shutil.rmtree(out)
    (out / "assets" / "vendor").mkdir(parents=True)
    paths = [path for path in _resolve(notebooks) if path.stem not in SKIPPED]
    skipped = {stem: why for stem, why in SKIPPED.items() if (NOTEBOOK_DIR / f"{stem}.ipynb").exists()}
    site_stems = {path.stem for path in paths}
    edition = lite.edition() if live else None

    import plotly

    shutil.copy2(Path(plotly.__file__).parent / "package_data" / "plotly.min.js", out / PLOTLY_JS)
    shutil.copytree(VENDOR_DIR, out / "assets" / "vendor" / HTML_MANAGER,
                    ignore=shutil.ignore_patterns("README.md"))
    exporter = _exporter()
    pages, figures = [], 0
    for path in paths:
        body, count = _page(exporter, path, site_stems, edition)
        (out / f"{path.stem}.html").write_text(body, encoding="utf-8")
        pages.append(f"{path.stem}.html")
        figures += count
    (out / "index.html").write_text(_index(site_stems, skipped, edition), encoding="utf-8")
    pages.append("index.html")
    return SiteReport(pages=pages, seconds=time.perf_counter() - start, figures=figures, skipped=skipped)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.site", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="folder to write (default: _site/)")
    parser.add_argument("--live", action="store_true",
                        help="link every page to its lesson in the live edition, built into OUT/live/ "
                             "(python3 course.py lite --out OUT/live)")
    parser.add_argument("notebooks", nargs="*", help="only these notebooks (default: every lesson)")
    args = parser.parse_args(argv)
    try:
        report = build_site(args.out, notebooks=args.notebooks or None, live=args.live)
    except SiteError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    index = (args.out / "index.html").resolve()
    print(f"Built {len(report.pages)} pages with {report.figures} figures in {report.seconds:.1f} s.")
    for name, why in report.skipped.items():
        print(f"Not included: {name}.ipynb ({why})")
    print(f"Open {index} in a browser (or serve the folder {index.parent}).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
