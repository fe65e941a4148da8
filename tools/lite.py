"""The live edition of the course: a JupyterLite site that runs every lesson in the browser, offline.

    python -m tools.lite [--out DIR] [--if-stale] [--serve] [--port N]   (or ``python3 course.py lite [--serve]``)
    python -m tools.lite serve [--dir DIR] [--port N]       serve a built site (standard library only)

Run the build with the interpreter of ``.venv-lite/`` (``requirements-lite.txt``: jupyterlite-core,
jupyterlite-pyodide-kernel, pyodide-lock[uv], jupyter_server, jupyterlab_widgets, plotly); ``course.py lite``
creates it. The site holds everything a learner's browser loads, nothing comes from a CDN or PyPI:

- the Pyodide runtime core from the ``pyodide`` npm tarball (checked against its pinned sha512), whose
  ``pyodide-lock.json`` lists packages the tarball does not hold: the list is emptied;
- every wheel the kernel and the course import, resolved by jupyterlite-pyodide-kernel's
  ``PyodideLockAddon`` (``uv pip compile`` for wasm32 against PyPI at build time, constrained to the
  versions of ``requirements.txt``) and copied into the site with a new lock file;
- wheels PyPI has no pure version of: the course wheel (built from a clean copy of the sources), PyYAML
  (built from its sdist without the C extension) and the kernel's widgetsnbextension stub;
- every notebook of ``notebooks/``, in a folder named for the course edition (``edition()``, for example
  ``course-0.1.0-3f9a2c``); the site opens at lesson 00 in that folder.

Why a folder per edition: JupyterLite keeps a learner's saved (or autosaved) copy of a served notebook in
the browser (IndexedDB) and shows it instead of the served file from then on. A new edition's lessons are
in a new folder, so an edited copy of an older lesson never hides a newer one; it stays in its old folder.
Two things in JupyterLite 0.8 need help, so every app page carries a small script (``APP_PAGE_SCRIPT``):
it lists a folder only while the site serves it or the browser holds the folder itself, and saving a file
into a served folder stores only the file (the script stores the edition's folder the first time the learner
saves something in it); and it gives a notebook the running session of any notebook with the same file name,
so the learner's copy of lesson 03 from an older edition, open beside the new lesson 03, left the new one's
kernel starting for ever (the script names sessions by path). It also brings the lesson named in the address
to the front once JupyterLab has restored the last visit's tabs. tests/browser/test_lite.py checks all three.
The read-only edition (``tools.site``) links each page to its lesson here with the same ``edition()``.

Beside the edition's folder the site serves ``course-progress/README.md``, which tells a learner what the
progress files there are (``lessons.records.drive`` keeps copies of the progress store in that folder of the
browser drive; it is not in the edition's folder, so progress carries over from one edition to the next).

Downloads and the resolver's cache live in ``.lite-cache/`` so a rebuild needs no network.
Serve the folder with a server that sends ``.mjs`` as ``text/javascript`` (``serve`` here does).
"""

from __future__ import annotations

import argparse
import base64
import functools
import hashlib
import http.server
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import tomllib
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "_lite"
CACHE = Path(os.environ.get("COURSE_LITE_CACHE", ROOT / ".lite-cache"))
FIRST_NOTEBOOK = "00_start_here.ipynb"
EXTRA_CONTENTS = ROOT / "tools" / "content" / "lite"   # served beside the lessons: course-progress/README.md
STAMP = ".course-lite-build.json"   # in the output: the hash of the inputs, for reuse by the tests

PYODIDE_VERSION = "314.0.6"   # what jupyterlite-pyodide-kernel 0.8.6 expects (its PYODIDE_VERSION)
PYODIDE_TARBALL = f"https://registry.npmjs.org/pyodide/-/pyodide-{PYODIDE_VERSION}.tgz"
PYODIDE_INTEGRITY = ("sha512-BKDTJyIqFxC4BExLqeRS3f5xvXZIjOt8C3zGLN/Cc7tFxSwvKVhVkchQQ2AGLOtR4YrVOIFxbV8po"
                     "yDOOmWwxQ==")  # dist.integrity of registry.npmjs.org/pyodide/314.0.6
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
PYYAML_VERSION = "6.0.3"      # as pinned in requirements.txt
STUB_WHEEL = "widgetsnbextension-4.0.999-py3-none-any.whl"   # shipped by the kernel extension
KERNEL_EXTENSION = "share/jupyter/labextensions/@jupyterlite/pyodide-kernel-extension"

# requirements.txt pins that must not constrain the browser's packages: the kernel's own stubs (ipykernel,
# widgetsnbextension), jsonschema >= 4.18 and what it needs (rpds-py has no wasm wheel on PyPI: the site
# uses jsonschema<4.18 with pyrsistent instead), server-side and native packages.
NOT_CONSTRAINED = {
    "ipykernel", "widgetsnbextension", "jsonschema", "jsonschema-specifications", "referencing", "rpds-py",
    "jupyterlab", "jupyter-server", "jupyter-server-terminals", "jupyter-lsp", "jupyterlab-server",
    "notebook-shim", "jupyter-builder", "argon2-cffi", "argon2-cffi-bindings", "cffi", "pycparser", "debugpy",
    "psutil", "pyzmq", "tornado", "terminado", "pexpect", "ptyprocess", "setuptools", "markupsafe",
    "charset-normalizer",
}
LITE_CONSTRAINTS = ["jsonschema<4.18"]
KERNEL_SPECS = ["micropip", "jedi", "ipython", "comm"]
PREFETCH_EXTRA = ["micropip", "piplite", "jedi"]
SOURCES = ("pyproject.toml", "README.md", "LICENSE", "lessons")
MIME_TYPES = {".mjs": "text/javascript", ".js": "text/javascript", ".wasm": "application/wasm",
              ".json": "application/json", ".ipynb": "application/json"}


@dataclass
class LiteReport:
    out: Path
    seconds: float
    megabytes: float
    notebooks: list[str]
    edition: str       # the folder of files/ holding the notebooks


def log(message: str) -> None:
    print(f"[lite] {message}", flush=True)


def canonical(name: str) -> str:
    return name.lower().replace("_", "-").replace(".", "-")


def course_pins() -> dict[str, str]:
    """Canonical name -> ``name==version`` for every pin of requirements.txt."""
    pins = {}
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if "==" in line:
            pins[canonical(line.split("==", 1)[0])] = line
    return pins


def course_constraints() -> list[str]:
    """The pins of requirements.txt that the in-browser packages should follow, plus the site's own."""
    pins = [pin for name, pin in course_pins().items() if name not in NOT_CONSTRAINED]
    return [*pins, *LITE_CONSTRAINTS]


def kernel_specs() -> list[str]:
    """The kernel's packages, pinned as the course pins them (the add-on drops constraints on specs)."""
    pins = course_pins()
    return [pins.get(canonical(name), name) for name in KERNEL_SPECS]


def input_digest() -> str:
    """A hash of everything the site is built from, so a fresh build can be recognised and reused."""
    digest = hashlib.sha256()
    files = [ROOT / "pyproject.toml", ROOT / "requirements.txt", ROOT / "requirements-lite.txt", Path(__file__)]
    files += sorted(p for p in EXTRA_CONTENTS.rglob("*") if p.is_file())
    files += sorted((ROOT / "notebooks").glob("*.ipynb"))
    files += sorted(p for p in (ROOT / "lessons").rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    for path in files:
        name = path.relative_to(EXTRA_CONTENTS if path.is_relative_to(EXTRA_CONTENTS) else ROOT)
        digest.update(name.as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def is_fresh(out: Path = DEFAULT_OUT) -> bool:
    stamp = out / STAMP
    return stamp.is_file() and json.loads(stamp.read_text()).get("inputs") == input_digest()


def download(url: str, dest: Path) -> Path:
    if not dest.exists():
        log(f"downloading {url}")
        dest.parent.mkdir(parents=True, exist_ok=True)
        part = dest.with_suffix(dest.suffix + ".part")
        with urllib.request.urlopen(url, timeout=120) as response, part.open("wb") as fh:
            shutil.copyfileobj(response, fh)
        part.replace(dest)
    return dest


def pyodide_tarball() -> Path:
    tarball = download(PYODIDE_TARBALL, CACHE / "downloads" / f"pyodide-{PYODIDE_VERSION}.tgz")
    algorithm, expected = PYODIDE_INTEGRITY.split("-", 1)
    actual = base64.b64encode(hashlib.new(algorithm, tarball.read_bytes()).digest()).decode()
    if actual != expected:
        tarball.unlink()
        raise SystemExit(f"{PYODIDE_TARBALL} does not match its pinned {algorithm} ({actual}); removed it")
    return tarball


def unpack_pyodide(lite_dir: Path) -> None:
    """The runtime core into ``static/pyodide/``, with a lock listing none of the packages it lacks."""
    target = lite_dir / "static" / "pyodide"
    target.mkdir(parents=True)
    with tarfile.open(pyodide_tarball()) as tar:
        for name in (*PYODIDE_FILES, "pyodide-lock.json"):
            member = tar.extractfile(f"package/{name}")
            (target / name).write_bytes(member.read())
    lock_path = target / "pyodide-lock.json"
    lock = json.loads(lock_path.read_text())
    lock["packages"] = {}   # the npm package holds none of them (they are on the CDN only)
    lock["info"].setdefault("version", PYODIDE_VERSION)   # pyodide-lock 0.1.2's schema requires it
    lock_path.write_text(json.dumps(lock, indent=1))


def pip(*args: str, env: dict | None = None, cwd: Path | None = None) -> None:
    subprocess.run([sys.executable, "-m", "pip", *args, "--quiet", "--disable-pip-version-check"],
                   check=True, env=env, cwd=cwd)


def pyyaml_wheel() -> Path:
    """PyYAML without its C extension (a pure wheel: PyPI has no wasm one), built once and cached."""
    wheels = CACHE / "wheels"
    found = sorted(wheels.glob(f"pyyaml-{PYYAML_VERSION}-py3-none-any.whl"))
    if found:
        return found[0]
    sdists = CACHE / "downloads"
    sdist = sdists / f"pyyaml-{PYYAML_VERSION}.tar.gz"
    if not sdist.exists():
        # --no-binary names PyYAML only: with ":all:" pip also builds its build tools (Cython) from source
        # to read the sdist's metadata, which took minutes on a fresh machine
        pip("download", "--no-deps", "--no-binary", "PyYAML", f"PyYAML=={PYYAML_VERSION}", "-d", str(sdists))
    env = dict(os.environ, PYYAML_FORCE_LIBYAML="0")
    with tempfile.TemporaryDirectory() as tmp:
        pip("wheel", "--no-deps", "--no-build-isolation", "--no-index", "-w", str(wheels), str(sdist),
            env=env, cwd=Path(tmp))
    (wheel,) = wheels.glob(f"pyyaml-{PYYAML_VERSION}-py3-none-any.whl")
    return wheel


def course_wheel(dest: Path, source: Path = ROOT, names: tuple[str, ...] = SOURCES) -> Path:
    """The course wheel, built from a clean copy of ``names`` in ``source`` (never writes build/ in the repo).

    tests/course/test_installed.py builds its wheel here too, from a copy that also holds ``tools/``.
    """
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "source"
        copy.mkdir()
        for name in names:
            path = source / name
            if path.is_dir():
                shutil.copytree(path, copy / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
            elif path.exists():
                shutil.copy2(path, copy / name)
        pip("wheel", "--no-deps", "--no-build-isolation", "--no-index", "-w", str(dest), str(copy), cwd=Path(tmp))
    (wheel,) = dest.glob("backpain_lessons-*.whl")
    return wheel


def lite_notebook_text(source: Path) -> str:
    """A copy of a lesson for the browser drive: list-valued output data joined into one string.

    JupyterLite serves the file as it is, and JupyterLab's table of contents fails on the list form
    that a Jupyter server would have joined ("e.replace is not a function").
    """
    notebook = json.loads(source.read_text(encoding="utf-8"))
    for cell in notebook["cells"]:
        for output in cell.get("outputs", []):
            for mime, data in list(output.get("data", {}).items()):
                if isinstance(data, list):
                    output["data"][mime] = "".join(data)
    return json.dumps(notebook, indent=1, ensure_ascii=False) + "\n"


def lite_notebook(source: Path, dest: Path) -> None:
    dest.write_text(lite_notebook_text(source), encoding="utf-8")


def edition(root: Path = ROOT) -> str:
    """The name of the folder the live edition serves the notebooks in: ``course-<version>-<hash>``.

    ``<version>`` is the version in ``pyproject.toml``; ``<hash>`` is the first 6 hex digits of a sha256 over
    the names and the browser copies (``lite_notebook_text``) of every notebook in ``notebooks/``, so any
    change to a notebook gives a new folder. The live build and the read-only site's links both call this.
    """
    version = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    digest = hashlib.sha256()
    for path in sorted((root / "notebooks").glob("*.ipynb")):
        for part in (path.name.encode(), lite_notebook_text(path).encode("utf-8")):
            digest.update(len(part).to_bytes(8, "big"))
            digest.update(part)
    return f"course-{version}-{digest.hexdigest()[:6]}"


def lab_page(folder: str, notebook: str) -> str:
    """The address, relative to the site's root, that opens ``notebook`` of the edition ``folder`` in JupyterLab."""
    return f"lab/index.html?path={folder}/{notebook}"


def configure(lite_dir: Path, out: Path) -> None:
    config = {
        "LiteBuildConfig": {"contents": ["files"], "output_dir": str(out), "no_sourcemaps": True},
        "PyodideLockAddon": {
            "enabled": True,
            "wheels": ["wheels"],
            "specs": kernel_specs(),
            "constraints": course_constraints(),
            "prefetch_extra": PREFETCH_EXTRA,
        },
    }
    (lite_dir / "jupyter_lite_config.json").write_text(json.dumps(config, indent=2))
    settings = {
        "jupyter-lite-schema-version": 0,
        "jupyter-config-data": {
            "appName": "Back Pain & Leg Pain (live)",
            "exposeAppInBrowser": "true",   # for APP_PAGE_SCRIPT (JupyterLite compares the string "true")
            "litePluginSettings": {
                "@jupyterlite/pyodide-kernel-extension:kernel": {"disablePyPIFallback": True},
            },
        },
    }
    (lite_dir / "jupyter-lite.json").write_text(json.dumps(settings, indent=2))


def open_at_first_lesson(out: Path, folder: str) -> None:
    """The site's front page goes straight to lesson 00 (in the edition's ``folder``) in JupyterLab.

    The front page must keep its ``jupyter-config-data`` script: every app page reads it as the root of
    the site's configuration. Only its redirect (to the bare ``appUrl``) is replaced.
    """
    page = out / "index.html"
    text = page.read_text(encoding="utf-8")
    redirect = "<script type=\"module\">\n      await import('./config-utils.js');\n    </script>"
    if redirect not in text:
        raise SystemExit(f"{page}: JupyterLite's front page changed; cannot point it at lesson 00")
    target = lab_page(folder, FIRST_NOTEBOOK)
    page.write_text(text.replace(redirect, f'<meta http-equiv="refresh" content="0; url={target}">'),
                    encoding="utf-8")


APP_PAGE_SCRIPT = """<script>
      // Added by tools/lite.py for the edition folders (see its module docstring).
      (function () {
        const folder = __FOLDER__;
        const requested = new URLSearchParams(window.location.search).get("path");   // before JupyterLab drops it
        function withApp(app) {
          const contents = app.serviceManager.contents;
          // 1. One kernel per notebook. JupyterLite 0.8 (LiteSessionClient.startNew) gives a new notebook the
          // running session that has the same name, and a notebook's session is named after its file name
          // alone: a lesson of this edition opened beside the learner's copy of it from an older edition got
          // that copy's session, and its kernel never started. Name notebook sessions by their whole path.
          const client = app.serviceManager.sessions._sessionAPIClient;
          if (client && typeof client.startNew === "function") {
            const startNew = client.startNew.bind(client);
            client.startNew = options => startNew(options && options.type === "notebook" && options.path
              ? {...options, name: options.path} : options);
          } else {
            console.warn("tools/lite.py: JupyterLite's session client changed; sessions keep their names");
          }
          app.restored.then(async () => {
            // 2. Keep this edition's folder. The first time something is saved in it (a learner's edited
            // lesson, a file Python wrote), store the folder itself in the browser too: JupyterLite lists a
            // folder only while the site serves it or the browser holds it, and a newer edition serves another.
            let kept = false;
            contents.fileChanged.connect(async (_, change) => {
              const path = change.newValue && change.newValue.path;
              if (kept || !path || !path.startsWith(folder + "/")) {
                return;
              }
              kept = true;
              try {
                await contents.save(folder, {type: "directory"});
              } catch (error) {
                kept = false;
                console.warn("tools/lite.py: could not keep the folder " + folder + " in this browser:", error);
              }
            });
            // 3. The lesson in the address is the one in front. JupyterLab opens it once the app has started,
            // then restores the last visit's tabs, which can bring an older copy of the same lesson (same tab
            // name) to the front.
            if (requested && document.body.dataset.notebook === "lab") {
              const found = await contents.get(requested, {content: false}).catch(() => null);
              if (found) {
                await app.commands.execute("docmanager:open", {path: requested});
              }
            }
          });
        }
        // JupyterLite sets window.jupyterapp (exposeAppInBrowser) before it starts the app and restores its
        // tabs: this classic script runs first, while the app's code is still loading.
        let app = window.jupyterapp;
        if (app) {
          withApp(app);
        } else {
          Object.defineProperty(window, "jupyterapp", {
            configurable: true, enumerable: true,
            get: () => app,
            set: value => { app = value; withApp(value); },
          });
        }
      })();
    </script>
"""


def add_app_page_script(out: Path, folder: str) -> list[str]:
    """Put ``APP_PAGE_SCRIPT`` into every app page of the site (JupyterLab, Notebook, ...); returns their paths.

    The script reaches the app through ``window.jupyterapp`` (``exposeAppInBrowser`` in ``configure``).
    """
    pages = sorted(page for page in out.glob("*/index.html") if 'id="jupyter-config-data"' in page.read_text())
    if not any(page.parent.name == "lab" for page in pages):
        raise SystemExit(f"{out}: JupyterLite's app pages changed; cannot add the edition folder's script")
    script = APP_PAGE_SCRIPT.replace("__FOLDER__", json.dumps(folder))
    for page in pages:
        text = page.read_text(encoding="utf-8")
        if text.count("</head>") != 1:
            raise SystemExit(f"{page}: JupyterLite's app page changed; cannot add the edition folder's script")
        page.write_text(text.replace("</head>", f"{script}  </head>"), encoding="utf-8")
    return [page.relative_to(out).as_posix() for page in pages]


def _jupyter_lite_build() -> int:
    """``jupyter lite build``, with the wheels the lock add-on fetches from PyPI kept in ``.lite-cache/pypi``.

    pyodide-lock 0.1.2 downloads every resolved wheel again on each build (``UvPipCompile.fetch_wheel``);
    with this cache a rebuild (resolved by uv from its own cache, ``UV_OFFLINE``) needs no network.
    """
    from urllib.parse import urlsplit

    from jupyterlite_core.app import main as lite_main
    from pyodide_lock.uv_pip_compile import UvPipCompile

    def fetch_wheel(self, wheel_dir: Path, url: str) -> tuple[Path, str]:
        name = urlsplit(url).path.rsplit("/", 1)[-1]
        cached = download(url, CACHE / "pypi" / name)
        dest = (wheel_dir / name).resolve()
        shutil.copy2(cached, dest)
        return dest, url

    UvPipCompile.fetch_wheel = fetch_wheel
    sys.argv = ["jupyter-lite", "build"]
    return lite_main()


def run_lite_build(lite_dir: Path, out: Path) -> None:
    jupyter = [sys.executable, "-c", "import sys, tools.lite; sys.exit(tools.lite._jupyter_lite_build())"]
    env = dict(os.environ, UV_CACHE_DIR=str(CACHE / "uv"), UV_PYTHON_DOWNLOADS="never",
               UV_NO_PROGRESS="1", PYTHONWARNINGS="ignore",
               PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    offline = (CACHE / "uv").is_dir()
    for attempt_offline in ([True, False] if offline else [False]):
        attempt_env = dict(env, UV_OFFLINE="1") if attempt_offline else env
        (lite_dir / ".jupyterlite.doit.db").unlink(missing_ok=True)
        shutil.rmtree(out, ignore_errors=True)
        logfile = CACHE / ("build-offline.log" if attempt_offline else "build.log")
        with logfile.open("w") as fh:
            code = subprocess.call(jupyter, cwd=lite_dir, env=attempt_env, stdout=fh, stderr=subprocess.STDOUT)
        if code == 0:
            return
        if attempt_offline:
            log("the offline rebuild failed (a package is not in the cache yet): resolving against PyPI")
    tail = "\n".join(logfile.read_text(errors="replace").splitlines()[-40:])
    raise SystemExit(f"jupyter lite build failed (log: {logfile}):\n{tail}")


def megabytes(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def build_lite(out: Path = DEFAULT_OUT) -> LiteReport:
    start = time.monotonic()
    out = out.resolve()
    lite_dir = CACHE / "work"
    for sub in ("files", "wheels", "static"):   # the resolver's cache (.cache/) is kept
        shutil.rmtree(lite_dir / sub, ignore_errors=True)
    for sub in ("files", "wheels"):
        (lite_dir / sub).mkdir(parents=True)
    log(f"Pyodide {PYODIDE_VERSION} runtime")
    unpack_pyodide(lite_dir)
    log("wheels: course, pure PyYAML, widgetsnbextension stub")
    course_wheel(lite_dir / "wheels")
    shutil.copy2(pyyaml_wheel(), lite_dir / "wheels")
    shutil.copy2(Path(sys.prefix) / KERNEL_EXTENSION / "static" / "pypi" / STUB_WHEEL, lite_dir / "wheels")
    folder = edition()
    (lite_dir / "files" / folder).mkdir()
    shutil.copytree(EXTRA_CONTENTS, lite_dir / "files", dirs_exist_ok=True)
    notebooks = sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))
    for name in notebooks:
        lite_notebook(ROOT / "notebooks" / name, lite_dir / "files" / folder / name)
    configure(lite_dir, out)
    log(f"jupyter lite build of {folder} (resolves the wasm wheels; log in {CACHE / 'build.log'})")
    run_lite_build(lite_dir, out)
    open_at_first_lesson(out, folder)
    add_app_page_script(out, folder)
    (out / STAMP).write_text(json.dumps({"inputs": input_digest(), "edition": folder, "pyodide": PYODIDE_VERSION},
                                        indent=1))
    return LiteReport(out=out, seconds=time.monotonic() - start, megabytes=megabytes(out), notebooks=notebooks,
                      edition=folder)


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site with the MIME types Pyodide needs (``.mjs`` as JavaScript), quietly."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **MIME_TYPES}

    def log_message(self, format, *args):  # noqa: A002 -- the base class's name
        pass


def make_server(folder: Path, port: int = 0) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(SiteHandler, directory=str(folder))
    return http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)


def serve(folder: Path, port: int) -> None:
    if not (folder / "index.html").exists():
        raise SystemExit(f"No site in {folder}: build it with `python3 course.py lite`.")
    server = make_server(folder, port)
    print(f"Serving {folder} at http://127.0.0.1:{server.server_address[1]}/ (Ctrl+C stops)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


def how_to_serve(out: Path) -> str:
    where = "" if out == DEFAULT_OUT.resolve() else f" --dir {out}"
    return (f"Serve it: python3 -m tools.lite serve{where}   (or python3 course.py lite --serve), then open "
            "http://127.0.0.1:8000/\nAny static web host works if it sends .mjs files as text/javascript.")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("action", nargs="?", choices=["build", "serve"], default="build")
    parser.add_argument("--out", "--dir", dest="out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--serve", action="store_true", help="serve the site after building it")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--if-stale", action="store_true",
                        help="build only if the site was not built from the current sources")
    args = parser.parse_args(argv)
    if args.action == "serve":
        serve(args.out.resolve(), args.port)
        return 0
    if args.if_stale and is_fresh(args.out):
        print(f"The live edition in {args.out.resolve()} is up to date.", flush=True)
        if args.serve:
            serve(args.out.resolve(), args.port)
        return 0
    report = build_lite(args.out)
    print(f"Built the live (JupyterLite) edition in {report.out}: {len(report.notebooks)} notebooks in "
          f"{report.edition}/, {report.megabytes:.0f} MB, in {report.seconds:.0f} s.", flush=True)
    print(how_to_serve(report.out), flush=True)
    if args.serve:
        serve(report.out, args.port)
    return 0


if __name__ == "__main__":
    sys.exit(main())
