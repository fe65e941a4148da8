"""The live edition's build helpers that need no build tools: its edition folder, front page and app pages.

The whole build runs in tests/browser/test_lite.py (it needs .venv-lite); these run everywhere.
"""

from __future__ import annotations

import json
import re
import shutil
import tomllib
from pathlib import Path

import pytest

from tools import lite

VERSION = tomllib.loads((lite.ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def course_copy(tmp_path: Path, names: list[str] | None = None) -> Path:
    """A folder with the course's pyproject.toml and (some of) its notebooks: all edition() reads."""
    root = tmp_path / "course"
    (root / "notebooks").mkdir(parents=True)
    shutil.copy2(lite.ROOT / "pyproject.toml", root / "pyproject.toml")
    for path in sorted((lite.ROOT / "notebooks").glob("*.ipynb")):
        if names is None or path.stem in names:
            shutil.copy2(path, root / "notebooks" / path.name)
    return root


def test_the_edition_names_the_version_and_a_hash_of_the_notebooks():
    name = lite.edition()
    assert re.fullmatch(rf"course-{re.escape(VERSION)}-[0-9a-f]{{6}}", name), name
    assert lite.edition() == name, "the same inputs give the same name"


def test_the_same_notebooks_elsewhere_give_the_same_edition(tmp_path):
    assert lite.edition(course_copy(tmp_path)) == lite.edition()


def test_the_edition_is_a_hash_of_the_browser_copies(tmp_path):
    # the copies the build serves (output data joined into one string) name the same edition as the sources
    root = course_copy(tmp_path)
    for path in (root / "notebooks").glob("*.ipynb"):
        lite.lite_notebook(path, path)
    assert lite.edition(root) == lite.edition()


def test_any_change_to_a_notebook_gives_a_new_edition(tmp_path):
    root = course_copy(tmp_path, ["00_start_here", "03_herniated_disc"])
    before = lite.edition(root)
    path = root / "notebooks" / "03_herniated_disc.ipynb"
    notebook = json.loads(path.read_text(encoding="utf-8"))
    markdown = next(cell for cell in notebook["cells"] if cell["cell_type"] == "markdown")
    markdown["source"] = [*markdown["source"], " One more word."]
    path.write_text(json.dumps(notebook, indent=1), encoding="utf-8")
    changed = lite.edition(root)
    assert changed != before and changed.startswith(f"course-{VERSION}-")
    path.rename(path.with_name("03_renamed.ipynb"))    # a renamed notebook is a change too
    assert lite.edition(root) not in {before, changed}
    (root / "notebooks" / "03_renamed.ipynb").unlink()  # and a removed one
    assert lite.edition(root) not in {before, changed}


def test_a_new_version_gives_a_new_edition(tmp_path):
    root = course_copy(tmp_path, ["00_start_here"])
    before = lite.edition(root)
    pyproject = root / "pyproject.toml"
    pyproject.write_text(pyproject.read_text(encoding="utf-8").replace(f'version = "{VERSION}"',
                                                                       'version = "9.9.9"', 1), encoding="utf-8")
    assert lite.edition(root) == "course-9.9.9-" + before.rsplit("-", 1)[1]


def test_the_lab_page_of_a_lesson():
    assert lite.lab_page("course-1.0.0-abcdef", "03_herniated_disc.ipynb") == \
        "lab/index.html?path=course-1.0.0-abcdef/03_herniated_disc.ipynb"


FRONT_PAGE = """<html><head>
    <script id="jupyter-config-data" type="application/json">{}</script>
    <script type="module">
      await import('./config-utils.js');
    </script>
</head></html>"""


def test_the_front_page_opens_lesson_00_in_the_edition_folder(tmp_path):
    (tmp_path / "index.html").write_text(FRONT_PAGE, encoding="utf-8")
    lite.open_at_first_lesson(tmp_path, "course-1.0.0-abcdef")
    text = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert ('<meta http-equiv="refresh" content="0; url=lab/index.html?path=course-1.0.0-abcdef/'
            '00_start_here.ipynb">') in text
    assert 'id="jupyter-config-data"' in text and "config-utils.js" not in text
    with pytest.raises(SystemExit, match="front page changed"):
        lite.open_at_first_lesson(tmp_path, "course-1.0.0-abcdef")   # its redirect is gone now


APP_PAGE = """<html><head>
    <script id="jupyter-config-data" type="application/json" data-jupyter-lite-root="..">{}</script>
  </head><body></body></html>"""


def test_every_app_page_gets_the_edition_script(tmp_path):
    for app in ("lab", "notebooks", "tree"):
        (tmp_path / app).mkdir()
        (tmp_path / app / "index.html").write_text(APP_PAGE, encoding="utf-8")
    (tmp_path / "static").mkdir()
    (tmp_path / "static" / "index.html").write_text("<html><head></head></html>", encoding="utf-8")
    assert lite.add_app_page_script(tmp_path, "course-1.0.0-abcdef") == \
        ["lab/index.html", "notebooks/index.html", "tree/index.html"]
    for app in ("lab", "notebooks", "tree"):
        text = (tmp_path / app / "index.html").read_text(encoding="utf-8")
        assert text.count("<script>") == 1 and text.index("</script>\n  </head>") > text.index("jupyter-config-data")
        script = text.split("<script>", 1)[1].split("</script>", 1)[0]
        assert 'const folder = "course-1.0.0-abcdef";' in script
        assert "{...options, name: options.path}" in script                   # sessions named by path
        assert 'contents.save(folder, {type: "directory"})' in script          # the folder kept
        assert 'execute("docmanager:open", {path: requested})' in script      # the requested lesson in front
    assert "script" not in (tmp_path / "static" / "index.html").read_text(encoding="utf-8")


def test_without_a_lab_page_the_build_stops(tmp_path):
    with pytest.raises(SystemExit, match="app pages changed"):
        lite.add_app_page_script(tmp_path, "course-1.0.0-abcdef")


def test_the_site_exposes_the_app_for_the_page_script(tmp_path):
    lite.configure(tmp_path, tmp_path / "out")
    settings = json.loads((tmp_path / "jupyter-lite.json").read_text())["jupyter-config-data"]
    assert settings["exposeAppInBrowser"] == "true"   # JupyterLite compares this string, not a boolean
