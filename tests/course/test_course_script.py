"""course.py, the set-up script: the JupyterLab command it builds and when it installs."""

from __future__ import annotations

import importlib.util

import pytest

from tests.conftest import REPO


@pytest.fixture
def script():
    spec = importlib.util.spec_from_file_location("course_script", REPO / "course.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_lab_serves_the_repository_and_opens_lesson_00(script):
    args = script.lab_arguments([], as_root=False)
    assert args[:2] == ["jupyter", "lab"]
    assert f"--ServerApp.root_dir={REPO}" in args
    assert "--LabApp.default_url=/lab/tree/notebooks/00_start_here.ipynb" in args
    assert (REPO / "notebooks" / "00_start_here.ipynb").exists()
    assert "--allow-root" not in args
    # No file argument: a notebook given as a file would make its folder the root again.
    assert not any(arg.endswith(".ipynb") and not arg.startswith("--") for arg in args)
    # Token protection is never switched off.
    assert not any("token" in arg.lower() or "password" in arg.lower() for arg in args)


def test_as_root_lab_adds_allow_root_and_nothing_else(script):
    plain = script.lab_arguments([], as_root=False)
    as_root = script.lab_arguments([], as_root=True)
    assert as_root.count("--allow-root") == 1
    assert [arg for arg in as_root if arg != "--allow-root"] == plain


def test_options_the_user_adds_come_last_so_they_win(script):
    extra = ["--port=9999", "--ServerApp.root_dir=/elsewhere"]
    for as_root in (False, True):
        assert script.lab_arguments(extra, as_root)[-2:] == extra


def test_lab_says_why_it_allows_root(script, monkeypatch, capsys, tmp_path):
    calls = []
    monkeypatch.setattr(script, "ensure_venv", lambda requirements: tmp_path / "python")
    monkeypatch.setattr(script.subprocess, "call", lambda args, cwd: calls.append(args) or 0)
    for root in (True, False):
        monkeypatch.setattr(script, "running_as_root", lambda root=root: root)
        assert script.lab(["--no-browser"]) == 0
        said = capsys.readouterr().out
        assert ("running as root" in said and "--allow-root" in said) == root
        assert ("--allow-root" in calls[-1]) == root
        assert calls[-1][:3] == [str(tmp_path / "python"), "-m", "jupyter"]
        assert calls[-1][-1] == "--no-browser"


def test_the_test_environment_is_enough_for_lab(script, monkeypatch, tmp_path):
    """``course.py test`` installs requirements-test.txt, which includes requirements.txt."""
    assert "-r requirements.txt" in (REPO / "requirements-test.txt").read_text(encoding="utf-8").splitlines()
    monkeypatch.setattr(script, "VENV", tmp_path)
    monkeypatch.setattr(script, "venv_python", lambda: tmp_path / "python")
    (tmp_path / "python").touch()
    installs = []
    monkeypatch.setattr(script, "run", lambda *args, **kwargs: installs.append(args))
    script.install_stamp("requirements-test.txt").touch()
    script.ensure_venv("requirements.txt")
    assert installs == []
    script.install_stamp("requirements-test.txt").unlink()
    script.ensure_venv("requirements.txt")
    assert len(installs) == 2 and script.install_stamp("requirements.txt").exists()
    installs.clear()
    script.ensure_venv("requirements-test.txt")  # the course alone is not enough for the tests
    assert len(installs) == 2


def test_the_stamp_changes_when_the_pins_change(script, monkeypatch, tmp_path):
    before = script.install_stamp("requirements.txt")
    for name in ("requirements.txt", "pyproject.toml"):
        (tmp_path / name).write_bytes((REPO / name).read_bytes())
    monkeypatch.setattr(script, "ROOT", tmp_path)
    assert script.install_stamp("requirements.txt").name == before.name
    (tmp_path / "requirements.txt").write_text("jupyterlab==0.0.1\n")
    assert script.install_stamp("requirements.txt").name != before.name
