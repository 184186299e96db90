"""Installs that work anywhere: the wheel is built from this checkout and installed with
`--target` and into a fresh virtual environment, then `align`, `validate` and `export` run from
another folder. Offline: no index, no dependencies fetched (they come from this environment's
site-packages), no build isolation."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from tests.conftest import SAMPLE_A, SAMPLE_B

ROOT = Path(__file__).resolve().parents[1]
SITE = sysconfig.get_paths()["purelib"]  # this environment's dependencies


def _run(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, f"{args}\n{result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    build = tmp_path_factory.mktemp("build")
    source = build / "src"  # a copy, so the build leaves nothing in the checkout
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(
        ".venv", ".git", "__pycache__", "*.egg-info", "build", ".mypy_cache", ".ruff_cache",
        ".pytest_cache", "benchmarks", "tests"))
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-index",
          "--no-build-isolation", "-q", "-w", str(out), str(source)], build)
    (found,) = out.glob("annotator-*.whl")
    return found


def test_the_wheel_carries_its_resources_and_licence(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "annotator/resources/annotator.rng" in names
    assert "annotator/resources/taxonomy/default.xml" in names
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    assert not any(n.startswith(("share/", "tests/")) or ".data/" in n for n in names)


def _use(python: str, cwd: Path, env: dict[str, str]) -> None:
    """align, validate and export from `cwd`, with the package from the install under test."""
    where = _run([python, "-c", "import annotator; print(annotator.__file__)"], cwd, env)
    assert not where.startswith(str(ROOT)), where
    _run([python, "-m", "annotator", "align", str(SAMPLE_A), str(SAMPLE_B), "-o", "pair.xml"],
         cwd, env)
    assert "pair.xml: valid" in _run([python, "-m", "annotator", "validate", "pair.xml"], cwd,
                                     env)
    _run([python, "-m", "annotator", "export", "pair.xml", "-f", "tei", "-o", "pair.tei.xml"],
         cwd, env)
    assert (cwd / "pair.tei.xml").stat().st_size > 1000


@pytest.mark.slow
def test_target_install_runs_from_another_folder(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "target"
    _run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-index",
          "--target", str(target), str(wheel)], tmp_path)
    work = tmp_path / "elsewhere"
    work.mkdir()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(target), SITE])}
    _use(sys.executable, work, env)


@pytest.mark.slow
def test_fresh_venv_install_runs_from_another_folder(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    base = getattr(sys, "_base_executable", sys.executable)
    _run([base, "-m", "venv", "--without-pip", str(venv)], tmp_path)
    python = str(venv / "bin" / "python")
    _run([sys.executable, "-m", "pip", "--python", python, "install", "-q", "--no-deps",
          "--no-index", str(wheel)], tmp_path)
    site = _run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                tmp_path).strip()
    (Path(site) / "deps.pth").write_text(SITE + "\n", encoding="utf-8")  # dependencies only
    work = tmp_path / "elsewhere"
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    _use(python, work, env)


@pytest.mark.slow
def test_user_install_runs_from_another_folder(wheel: Path, tmp_path: Path) -> None:
    """`pip install --user` (into PYTHONUSERBASE, from an interpreter that sees user sites)."""
    venv = tmp_path / "venv"
    base = getattr(sys, "_base_executable", sys.executable)
    _run([base, "-m", "venv", "--without-pip", "--system-site-packages", str(venv)], tmp_path)
    python = str(venv / "bin" / "python")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["PYTHONUSERBASE"] = str(tmp_path / "userbase")
    _run([sys.executable, "-m", "pip", "--python", python, "install", "-q", "--user",
          "--no-deps", "--no-index", str(wheel)], tmp_path, env)
    user_site = _run([python, "-c", "import site; print(site.getusersitepackages())"],
                     tmp_path, env).strip()
    assert (Path(user_site) / "annotator" / "resources" / "annotator.rng").is_file()
    (Path(user_site) / "deps.pth").write_text(SITE + "\n", encoding="utf-8")
    work = tmp_path / "elsewhere"
    work.mkdir()
    _use(python, work, env)
