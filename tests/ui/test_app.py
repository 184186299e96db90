"""Start-up: the command line, and the documented screenshot command."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from annotator import app as app_module
from annotator.core import Project
from annotator.core.align.methods import DEFAULT_ENV, DEFAULT_INSTALL, resolve
from annotator.core.recovery import AUTOSAVE_ENV
from annotator.ui.main_window import MainWindow
from tests.conftest import ROOT, SAMPLE_A, SAMPLE_B
from tools import screenshots
from tools.screenshots import take_screenshots


def test_help_and_bad_arguments(capsys: pytest.CaptureFixture[str]) -> None:
    assert app_module.main(["--help"]) == 0
    assert "usage" in capsys.readouterr().out
    assert app_module.main(["a", "b", "c"]) == 2


@pytest.mark.parametrize("with_project", [False, True])
def test_command_line_opens_pair_or_project(
    qtbot,
    qapp: QApplication,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    with_project: bool,
) -> None:
    args = [str(SAMPLE_A), str(SAMPLE_B)]
    if with_project:
        from annotator.core import Document, new_project, save_project

        project = new_project(Document.load(SAMPLE_A, "A"), Document.load(SAMPLE_B, "B"))
        save_project(project, tmp_path / "p.xml")
        args = [str(tmp_path / "p.xml")]
    seen: list[MainWindow] = []

    def fake_exec() -> int:  # run the start-up, then return instead of blocking
        window = next(
            w for w in qapp.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        )
        seen.append(window)
        qtbot.addWidget(window)
        qtbot.waitUntil(lambda: window.session.project is not None, timeout=5000)
        window.session.wait_for_alignment()
        return 0

    monkeypatch.setattr(qapp, "exec", fake_exec)
    assert app_module.main(args) == 0
    window = seen[0]
    assert window.session.project is not None
    # the documents' titles, then the project file (an opened pair is not saved yet)
    title = window.windowTitle()
    assert window.isVisible() and title.startswith("As Trump targets Venezuela")
    assert title.endswith(("— p.xml" if with_project else "— not saved") + "[*] — Annotator")


def test_screenshot_command_renders_the_window(qapp: QApplication, tmp_path: Path) -> None:
    paths = take_screenshots(tmp_path, size=(900, 600))
    assert [p.name for p in paths] == ["comparison.png", "comparison-dark.png"]
    light, dark = (QImage(str(p)) for p in paths)
    assert light.width() == 900 and dark.width() == 900
    # the dark theme really is dark: compare a pixel of the pane background
    assert light.pixelColor(300, 400).lightness() > dark.pixelColor(300, 400).lightness()


def test_claims_screenshot_shows_tagged_and_linked_claims(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from annotator.ui.main_window import MainWindow
    from tools import screenshots

    projects: list[object] = []
    real_demo = screenshots.annotate_demo

    def spy(window: object) -> list[str]:
        assert isinstance(window, MainWindow)
        ids = real_demo(window)
        projects.append(window.session.project)  # plain Python: outlives the closed window
        return ids

    monkeypatch.setattr(screenshots, "annotate_demo", spy)
    path = screenshots.take_claims_screenshot(tmp_path, size=(1000, 700))
    assert path.name == "claims.png" and QImage(str(path)).width() == 1000
    project = projects[0]
    assert isinstance(project, Project)
    assert len(project.claims) == len(screenshots.DEMO_CLAIMS)
    assert len(project.claim_links) == len(screenshots.DEMO_LINKS)
    assert screenshots.SAMPLE_A.name in project.doc_a.source


@pytest.mark.parametrize("tool", ["screenshots", "assist_screenshot"])
def test_screenshot_tools_help_names_the_folder_and_the_pictures(
        tool: str, capsys: pytest.CaptureFixture[str]) -> None:
    module = importlib.import_module(f"tools.{tool}")
    with pytest.raises(SystemExit) as stop:
        module.main(["--help"])
    assert stop.value.code == 0
    out = capsys.readouterr().out
    assert f"tools/{tool}.py" in out and "OUT_DIR" in out
    assert all(name in out for name in module.OUTPUTS)
    assert not (Path.cwd() / "--help").exists()  # once, --help became an output folder


def test_screenshot_settings_go_to_a_fresh_folder_and_come_back(
        qapp: QApplication, settings_dir: Path, data_dir: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DEFAULT_ENV, "lexical")  # a user's own choice, to be given back
    before = QSettings().fileName()
    assert before.startswith(str(settings_dir))
    with screenshots.private_settings() as folder:
        QSettings().setValue("window/geometry", b"x")
        assert QSettings().fileName().startswith(str(folder))
        assert os.environ[AUTOSAVE_ENV].startswith(str(folder))
        assert resolve("default").name == DEFAULT_INSTALL  # whatever extras are installed
    assert not folder.exists()  # the run's settings and autosaves are gone with it
    assert QSettings().fileName() == before and os.environ[AUTOSAVE_ENV] == str(data_dir)
    assert os.environ[DEFAULT_ENV] == "lexical"


@pytest.mark.slow
def test_screenshot_tool_writes_its_pictures_and_leaves_home_alone(tmp_path: Path) -> None:
    """The documented command, as its own process with an empty HOME: Qt's and platformdirs'
    defaults would put settings and autosaves there."""
    home, out = tmp_path / "home", tmp_path / "out"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env.update(HOME=str(home), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "screenshots.py"), str(out)],
                          env=env, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in out.iterdir()) == sorted(screenshots.OUTPUTS)
    assert not [str(p) for p in home.rglob("*annotator*")]  # no .config or .local/share
