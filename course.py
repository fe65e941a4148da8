#!/usr/bin/env python3
"""Set up, open and test the Back Pain & Leg Pain course. Needs only Python 3.11+.

    python3 course.py lab     create .venv, install the pinned course, open JupyterLab
    python3 course.py test    install the test tools (and Chromium where possible), run every test
    python3 course.py bench   print notebook run times and sizes, planner speed and the live edition's
                              load and Run All times in Chromium
    python3 course.py sync    regenerate navigation, safety boxes, references, the README map and
                              every link to the repository (from lessons/kit/content/course.yml)
    python3 course.py execute re-run every notebook in place (after editing one)
    python3 course.py site    build the read-only HTML edition (no Python needed to read it) in _site/;
                              --live links each page to its lesson in the live edition, which
                              pages.yml then builds into _site/live/ (python3 course.py lite --out _site/live)
    python3 course.py lite    build the live edition (JupyterLite: every lesson runs in the browser, offline)
                              in _lite/; --serve also serves it on http://127.0.0.1:8000/
    python3 course.py review  write the clinician's review pack (warning signs, cited numbers, planner
                              rules) to _review/review.md

Standard library only: this script runs before anything is installed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = Path(os.environ.get("COURSE_VENV", ROOT / ".venv"))
LITE_VENV = Path(os.environ.get("COURSE_LITE_VENV", ROOT / ".venv-lite"))  # the live edition's build tools
FIRST_NOTEBOOK = "notebooks/00_start_here.ipynb"
CHROMIUM = "/usr/bin/chromium"


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def run(*args, **kwargs) -> None:
    print("+", " ".join(str(a) for a in args), flush=True)
    subprocess.run([str(a) for a in args], check=True, **kwargs)


def running_as_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def install_stamp(requirements: str) -> Path:
    """The file that marks ``requirements`` (with requirements.txt and pyproject.toml as they are) installed."""
    digest = hashlib.sha256()
    for name in (requirements, "requirements.txt", "pyproject.toml"):
        digest.update((ROOT / name).read_bytes())
    return VENV / f".installed-{Path(requirements).stem}-{digest.hexdigest()[:16]}"


def ensure_venv(requirements: str) -> Path:
    """Create .venv and install ``requirements`` plus the lessons package, once per change."""
    if sys.version_info < (3, 11):  # noqa: UP036 -- this script runs on whatever python3 the user has
        sys.exit(f"The course needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
    python = venv_python()
    if not python.exists():
        print(f"Creating a virtual environment in {VENV.name}/ ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    stamp = install_stamp(requirements)
    # requirements-test.txt starts with "-r requirements.txt": once it is installed, so is the course.
    done = stamp.exists() or (requirements == "requirements.txt"
                              and install_stamp("requirements-test.txt").exists())
    if not done:
        run(python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
            "-r", ROOT / requirements)
        run(python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
            "--no-deps", "--no-build-isolation", "-e", ROOT)
        stamp.touch()
    return python


def ensure_lite_venv() -> Path:
    """Create .venv-lite with the pinned JupyterLite build tools (requirements-lite.txt), once per change.

    A separate environment: the build tools pin versions the course's .venv must not be moved to.
    """
    python = LITE_VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    if not python.exists():
        print(f"Creating a virtual environment in {LITE_VENV.name}/ ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(LITE_VENV)
    digest = hashlib.sha256((ROOT / "requirements-lite.txt").read_bytes()).hexdigest()[:16]
    stamp = LITE_VENV / f".installed-lite-{digest}"
    if not stamp.exists():
        run(python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
            "-r", ROOT / "requirements-lite.txt")
        stamp.touch()
    return python


def lite(extra: list[str]) -> int:
    python = ensure_lite_venv()
    return subprocess.call([str(python), "-m", "tools.lite", *extra], cwd=ROOT)


def ensure_chromium() -> None:
    """Install Debian's chromium for the browser tests if it is missing and we may."""
    if Path(CHROMIUM).exists():
        return
    can_install = running_as_root() and shutil.which("apt-get")
    if not can_install:
        print("Chromium is not installed and this user cannot install it: the browser tests "
              "will be skipped. To run them: sudo apt-get install chromium", flush=True)
        return
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    run("apt-get", "update", "-qq", env=env)
    run("apt-get", "install", "-y", "-qq", "chromium", "fonts-dejavu-core", env=env)


def lab_arguments(extra: list[str], as_root: bool) -> list[str]:
    """The arguments after ``python -m``: JupyterLab serving the whole repository, open at lesson 00.

    The root folder is the repository, so teachers/ and the README open too; the first page is
    lesson 00. Token protection stays on: JupyterLab prints the link with the token to open.
    Options the user adds come last, so they win.
    """
    args = ["jupyter", "lab", f"--ServerApp.root_dir={ROOT}", f"--LabApp.default_url=/lab/tree/{FIRST_NOTEBOOK}"]
    if as_root:
        args.append("--allow-root")
    return [*args, *extra]


def lab(extra: list[str]) -> int:
    python = ensure_venv("requirements.txt")
    as_root = running_as_root()
    if as_root:
        print("You are running as root (as in a container); starting JupyterLab with --allow-root.", flush=True)
    return subprocess.call([str(python), "-m", *lab_arguments(extra, as_root)], cwd=ROOT)


def test(extra: list[str]) -> int:
    python = ensure_venv("requirements-test.txt")
    ensure_chromium()
    # tests/browser/test_lite.py drives the live edition: build it here, where the network may be used
    # (the tests block it); COURSE_LITE_VENV tells the test which tools rebuild it from the cache.
    run(ensure_lite_venv(), "-m", "tools.lite", "--if-stale", cwd=ROOT)
    os.environ["COURSE_LITE_VENV"] = str(LITE_VENV)
    os.chdir(ROOT)
    steps = [
        [python, "-m", "ruff", "check", "course.py", "conftest.py", "lessons", "tools", "tests"],
        [python, "-m", "tools.authoring", "sync", "--check"],
        # Every notebook runs under strict nbval once, in tests/course/test_installed.py: against the built
        # wheel installed in a fresh environment, offline. Running it here as well, against the source tree,
        # checked the same outputs twice and cost CI about 2.5 minutes. (To check one notebook while
        # writing it: pytest notebooks/NN_name.ipynb --nbval --nbval-current-env ..., see CONTRIBUTING.md.)
        [python, "-m", "pytest", "tests", "-p", "no:cacheprovider", *extra],
    ]
    if Path(CHROMIUM).exists():   # numbers, never a pass/fail line: the live edition's size, visits, lessons
        steps.append([python, "-m", "tests.benchmark_lite", "--visits-only"])
    for step in steps:
        print("+", " ".join(str(a) for a in step), flush=True)
        code = subprocess.call([str(a) for a in step])
        if code:
            return code
    return 0


def bench_lite() -> int:
    """The live edition in Chromium: size, first and second visit, Run All per lesson (builds _lite/ if stale)."""
    ensure_lite_venv()
    os.environ["COURSE_LITE_VENV"] = str(LITE_VENV)
    return in_venv("tests.benchmark_lite", "requirements-test.txt", [])


def in_venv(module: str, requirements: str, extra: list[str]) -> int:
    python = ensure_venv(requirements)
    return subprocess.call([str(python), "-m", *module.split(), *extra], cwd=ROOT)


COMMANDS = {
    "lab": lab,
    "test": test,
    "bench": lambda extra: (in_venv("tests.benchmark", "requirements-test.txt", extra)
                            or in_venv("tests.benchmark_planner", "requirements-test.txt", [])
                            or bench_lite()),
    "sync": lambda extra: in_venv("tools.authoring sync", "requirements-test.txt", extra),
    "execute": lambda extra: in_venv("tools.authoring execute", "requirements-test.txt", extra),
    # tools.site prints where the site is and how long the build took
    "site": lambda extra: in_venv("tools.site", "requirements.txt", extra),
    "lite": lite,
    "review": lambda extra: in_venv("tools.review", "requirements.txt", extra),
}


def main() -> int:
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        print(__doc__)
        return 2
    return COMMANDS[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
