"""UI test setup: temporary settings, Qt warnings fail the test, dialogs answered in code."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QtMsgType
from PySide6.QtWidgets import QApplication

from annotator.app import configure_application
from annotator.core.recovery import AUTOSAVE_ENV
from annotator.ui import dialogs
from annotator.ui.main_window import MainWindow
from tests.conftest import SAMPLE_A, SAMPLE_B

# Offscreen-platform chatter that says nothing about our code.
IGNORED = ("This plugin does not support",)


@pytest.fixture(autouse=True)
def settings_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Point QSettings at a fresh folder so tests never touch the user's configuration."""
    path = tmp_path_factory.mktemp("settings")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(path))
    yield path


@pytest.fixture(autouse=True)
def data_dir(tmp_path_factory: pytest.TempPathFactory,
             monkeypatch: pytest.MonkeyPatch) -> Path:
    """Autosaves and their locks go to a fresh folder, never the user's data directory."""
    path = tmp_path_factory.mktemp("data")
    monkeypatch.setenv(AUTOSAVE_ENV, str(path))
    return path


@pytest.fixture(autouse=True)
def fail_on_qt_warnings(request: pytest.FixtureRequest) -> Iterator[None]:
    """Any Qt warning (or worse) logged during a UI test fails it."""
    qtlog = request.getfixturevalue("qtlog")
    yield
    bad = [r.message for r in qtlog.records
           if r.type in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg)
           and not r.message.startswith(IGNORED)]
    assert not bad, f"Qt warnings: {bad}"


class Dialogs:
    """Records what the window would have shown, and answers its questions."""

    def __init__(self) -> None:
        self.errors: list[tuple[str, str]] = []
        self.save_path: str | None = None
        self.unsaved = dialogs.Unsaved.DISCARD
        self.asked_unsaved = 0
        self.confirm_answer = True
        self.confirmations: list[str] = []
        self.reviewed: list[list[tuple[str, str, object]]] = []  # extraction previews shown
        self.review_answer: object = "as-is"  # or None (cancel), or a list of Extracted

    def confirm(self, _parent: object, _title: str, question: str) -> bool:
        self.confirmations.append(question)
        return self.confirm_answer

    def show_error(self, _parent: object, title: str, message: str) -> None:
        self.errors.append((title, message))

    def ask_save_path(self, _parent: object, _suggestion: str) -> str | None:
        return self.save_path

    def ask_unsaved(self, _parent: object, _name: str) -> dialogs.Unsaved:
        self.asked_unsaved += 1
        return self.unsaved

    def review_extraction(self, _parent: object, items: list) -> object:  # type: ignore[type-arg]
        self.reviewed.append(list(items))
        return [found for _l, _s, found in items] if self.review_answer == "as-is" \
            else self.review_answer


@pytest.fixture(autouse=True)
def answers(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    """Autouse: a modal box would block an offscreen test for ever (closing a window with
    unsaved changes asks whether to save), so every UI test gets these answers."""
    fake = Dialogs()
    monkeypatch.setattr(dialogs, "show_error", fake.show_error)
    monkeypatch.setattr(dialogs, "ask_save_path", fake.ask_save_path)
    monkeypatch.setattr(dialogs, "ask_unsaved", fake.ask_unsaved)
    monkeypatch.setattr(dialogs, "confirm", fake.confirm)
    monkeypatch.setattr(dialogs, "review_extraction", fake.review_extraction)
    return fake


@pytest.fixture
def window(qapp: QApplication, qtbot, answers: Dialogs) -> MainWindow:  # type: ignore[no-untyped-def]
    configure_application(qapp)
    win = MainWindow()
    win.resize(1300, 800)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def wait_aligned(qtbot, win: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not win.session.aligning, timeout=30_000)
    QApplication.processEvents()


@pytest.fixture
def sample_window(window: MainWindow, qtbot) -> MainWindow:  # type: ignore[no-untyped-def]
    assert window.open_pair(SAMPLE_A, SAMPLE_B)
    wait_aligned(qtbot, window)
    assert window.session.project is not None and window.session.project.links
    return window
