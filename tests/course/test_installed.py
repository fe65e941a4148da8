"""Installed, it works: the built wheel, installed (not editable) in a fresh environment, runs every notebook.

A teacher installs the course package with ``pip install`` (see README, "Teaching a class on
JupyterHub"), not as an editable copy of the repository. So this test:

1. builds the wheel from a copy of the package's sources (``pip wheel --no-deps --no-build-isolation``,
   so nothing is downloaded and no stale ``build/`` folder of the repository can add files);
2. makes a fresh virtual environment without pip and installs the wheel into its site-packages
   (``pip install --no-deps --no-index --target``);
3. lends it the test environment's libraries (Jupyter, nbval, plotly...) with a ``.pth`` line that
   appends that site-packages folder to ``sys.path``. A path line does not run the ``.pth`` files of
   that folder, so the test environment's editable install (which points at a source tree) stays off;
   the test checks that ``lessons`` is imported from the new environment;
4. copies the notebooks, the Class results notebook and the sample class into a folder outside the
   repository, in the repository's layout, and runs strict nbval there with the new environment's
   Python (``--nbval-current-env``: the kernels run that Python too), offline, with a fresh progress file.

A file the lessons read at run time that is not package data makes a notebook fail here.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO
from tools.lite import course_wheel

OFFLINE_GUARD = REPO / "tests" / "offline"
SOURCES = ("pyproject.toml", "README.md", "LICENSE", "lessons", "tools")   # tools/ is there but not packaged


def build_wheel(out: Path, source: Path = REPO) -> Path:
    """The wheel of ``source``, built from a clean copy of what packaging needs (as ``course.py lite`` does)."""
    return course_wheel(out / "wheel", source, SOURCES)


def fresh_environment(folder: Path, wheel: Path) -> tuple[Path, Path]:
    """A new virtual environment with the wheel installed: (its python, its site-packages)."""
    venv.EnvBuilder(with_pip=False, symlinks=os.name != "nt").create(folder)
    python = folder / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               check=True, capture_output=True, text=True).stdout.strip())
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "--quiet",
                    "--target", str(site), str(wheel)], check=True, capture_output=True, text=True, timeout=120)
    # Borrow the test environment's libraries: one path line, appended after the new site-packages.
    (site / "zz_borrowed_test_environment.pth").write_text(sysconfig.get_paths()["purelib"] + "\n",
                                                           encoding="utf-8")
    return python, site


def course_folder(folder: Path) -> Path:
    """The notebooks, the Class results notebook and the sample class, laid out as in the repository."""
    shutil.copytree(REPO / "notebooks", folder / "notebooks",
                    ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
    (folder / "teachers").mkdir()
    for notebook in (REPO / "teachers").glob("*.ipynb"):
        shutil.copy2(notebook, folder / "teachers" / notebook.name)
    shutil.copytree(REPO / "assets" / "sample_class", folder / "assets" / "sample_class")
    shutil.copy2(REPO / "tests" / "nbval_sanitize.cfg", folder / "nbval_sanitize.cfg")
    return folder


def installed_env(tmp: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items()
           if key not in {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSTARTUP"}}
    env.update(PYTHONPATH=str(OFFLINE_GUARD), COURSE_OFFLINE="1", PYTHONDONTWRITEBYTECODE="1",
               BACKPAIN_PROGRESS_DB=str(tmp / "progress" / "progress.sqlite3"))
    return env


def test_every_runtime_file_is_in_the_wheel(tmp_path):
    names = set(zipfile.ZipFile(build_wheel(tmp_path)).namelist())
    wanted = [path.relative_to(REPO).as_posix() for path in sorted((REPO / "lessons").rglob("*"))
              if path.is_file() and path.suffix in {".py", ".yml", ".json", ".csv", ".svg"}
              and "__pycache__" not in path.parts]
    assert len(wanted) > 150
    assert [name for name in wanted if name not in names] == []
    # The authoring and publishing tools stay in the repository: learners do not install them.
    assert (REPO / "tools" / "site.py").is_file()
    assert [name for name in names if name.startswith(("tools/", "tests/"))] == []


def test_the_wheel_misses_a_file_that_is_not_package_data(tmp_path):
    """The check above can fail: without the package-data line for the tables, they are not shipped."""
    source = tmp_path / "broken"
    source.mkdir()
    for name in SOURCES:
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(REPO / name, source / name)
    pyproject = (source / "pyproject.toml").read_text(encoding="utf-8")
    assert '"topics/*/content/tables/*.csv",' in pyproject
    (source / "pyproject.toml").write_text(pyproject.replace('"topics/*/content/tables/*.csv",', ""),
                                           encoding="utf-8")
    names = zipfile.ZipFile(build_wheel(tmp_path / "out", source)).namelist()
    assert "lessons/topics/herniated_disc/content/tables/chiu_2015_disc_regression.yml" in names
    assert "lessons/topics/herniated_disc/content/tables/chiu_2015_disc_regression.csv" not in names


@pytest.mark.skipif(os.name == "nt", reason="the fresh environment is made the POSIX way")
def test_every_notebook_passes_strict_nbval_against_the_installed_wheel(tmp_path):
    python, site = fresh_environment(tmp_path / "venv", build_wheel(tmp_path / "build"))
    folder = course_folder(tmp_path / "course")
    env = installed_env(tmp_path)

    probe = ("import lessons, sys; from lessons.topics.planner.export import image_data_uri; "
             "from lessons.kit.tables import load_table; load_table('brinjikji_2015_asymptomatic_imaging'); "
             "print(lessons.__file__); print(sys.prefix); "
             "print(image_data_uri('pictures/stretches/knee-rolls.svg')[:26])")
    where = subprocess.run([str(python), "-c", probe], cwd=folder, env=env, check=True, capture_output=True,
                           text=True).stdout.split("\n")
    assert Path(where[0]).resolve().is_relative_to(site.resolve()), where   # the wheel, not the source tree
    assert not Path(where[0]).resolve().is_relative_to(REPO), where
    assert Path(where[1]).resolve() == (tmp_path / "venv").resolve(), where
    assert where[2] == "data:image/svg+xml;base64,", where        # lesson 12's pictures, from package data

    notebooks = sorted(str(path.relative_to(folder)) for path in folder.rglob("*.ipynb"))
    assert len(notebooks) == len(list((REPO / "notebooks").glob("*.ipynb"))) + 1
    run = subprocess.run([str(python), "-m", "pytest", "--nbval", "--nbval-current-env", "--nbval-sanitize-with",
                          "nbval_sanitize.cfg", "-p", "no:cacheprovider", "-q", "-x", *notebooks],
                         cwd=folder, env=env, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-3000:]
    assert " passed" in run.stdout and " failed" not in run.stdout
