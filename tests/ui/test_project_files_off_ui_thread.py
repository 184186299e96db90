"""Project files are read and written off the UI thread while the window keeps handling its
events; a long project's texts arrive in turns of their own and keep every layer; a save
that an alignment overtook leaves the project marked modified."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from annotator.core import LinkStatus, edits, read_project, save_project
from annotator.ui import session as session_module
from annotator.ui.main_window import MainWindow
from annotator.ui.worker.background import call_off_ui_thread
from tests.ui.conftest import Dialogs
from tests.ui.pair_helpers import paragraph_linked_project


def test_the_call_returns_its_value_and_raises_its_error(qapp: QApplication) -> None:
    assert call_off_ui_thread(lambda: 6 * 7) == 42

    def broken() -> int:
        raise ValueError("bad file")

    with pytest.raises(ValueError, match="bad file"):
        call_off_ui_thread(broken)


def test_timers_fire_on_the_ui_thread_while_the_work_runs(qapp: QApplication) -> None:
    """The work waits for three ticks of a UI-thread timer: with the UI thread blocked on
    the call they could never come, and the work would give up."""
    ticked = threading.Event()
    ticks = [0]

    def tick() -> None:
        ticks[0] += 1
        if ticks[0] >= 3:
            ticked.set()

    timer = QTimer()
    timer.setInterval(1)
    timer.timeout.connect(tick)
    timer.start()
    try:
        assert call_off_ui_thread(lambda: ticked.wait(timeout=30)) is True
    finally:
        timer.stop()
    assert threading.current_thread() is threading.main_thread()


def test_a_long_saved_project_opens_with_its_texts_links_and_claims(
        window: MainWindow, tmp_path: Path, qtbot, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
        ) -> None:
    project = paragraph_linked_project(1500)  # past Session.long_pair: texts come in turns
    text_a = project.doc_a.text
    assert len(text_a) + len(project.doc_b.text) > session_module.LONG_PAIR
    start = text_a.index("Paragraph 700")
    project.put_claim(project.make_claim("A", start, start + 13, "factual"))
    path = tmp_path / "long.xml"
    save_project(project, path)
    readers: list[str] = []
    real_read = session_module.read_project

    def read(where: str | Path) -> object:
        readers.append(threading.current_thread().name)
        return real_read(where)

    monkeypatch.setattr(session_module, "read_project", read)

    assert window.open_project(path)
    assert readers and readers[0] != threading.main_thread().name
    session = window.session
    assert session.long_pair and session.turns.pending("text A")
    qtbot.waitUntil(lambda: not session.turns.pending(), timeout=30_000)
    pane_a, pane_b = window.view.pane_a, window.view.pane_b
    assert pane_a.text() == text_a and pane_b.text() == project.doc_b.text
    assert pane_a.layer("claims") == [(start, start + 13)]
    assert len(pane_a.layer("links")) == len(project.links) == len(pane_b.layer("links"))


def test_a_broken_project_file_still_reports_and_keeps_the_work(
        window: MainWindow, tmp_path: Path, answers: Dialogs) -> None:
    bad = tmp_path / "broken.xml"
    bad.write_text("<annotatorProject><unclosed>", encoding="utf-8")
    assert not window.open_project(bad)
    assert answers.errors and answers.errors[0][0] == "Cannot open the project"
    assert window.session.project is None


def test_saving_writes_a_copy_in_a_thread_and_an_edit_meanwhile_stays_unsaved(
        window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    session = window.session
    session.set_project(paragraph_linked_project(5), None)
    edited = threading.Event()
    writers: list[str] = []
    real_save = session_module.save_project

    def save(project: object, where: Path) -> None:
        writers.append(threading.current_thread().name)
        assert edited.wait(timeout=30)  # the edit below lands while this save runs
        real_save(project, where)  # type: ignore[arg-type]

    def edit() -> None:
        session.edit(edits.set_link_status, "l1", LinkStatus.ACCEPTED)
        edited.set()

    monkeypatch.setattr(session_module, "save_project", save)
    QTimer.singleShot(0, edit)
    target = tmp_path / "p.xml"
    session.save(target)
    assert writers and writers[0] != threading.main_thread().name
    assert read_project(target).links["l1"].status is LinkStatus.PROPOSED  # the copy taken
    assert session.project is not None
    assert session.project.links["l1"].status is LinkStatus.ACCEPTED
    assert session.modified and session.path == target  # the file lacks the edit

    monkeypatch.setattr(session_module, "save_project", real_save)
    session.save()
    assert not session.modified
    assert read_project(target).links["l1"].status is LinkStatus.ACCEPTED


def test_exports_write_a_copy_in_a_thread(window: MainWindow, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from annotator.ui import export_menu

    session = window.session
    session.set_project(paragraph_linked_project(5), None)
    writers: list[tuple[str, bool]] = []
    real_save = export_menu.save_project

    def save(project: object, where: Path) -> None:
        writers.append((threading.current_thread().name, project is session.project))
        real_save(project, where)  # type: ignore[arg-type]

    monkeypatch.setattr(export_menu, "save_project", save)
    target = tmp_path / "copy.xml"
    assert export_menu.export_to(session, export_menu.PROJECT_XML, target) == [target]
    assert writers == [(writers[0][0], False)] and writers[0][0] != threading.main_thread().name
    assert len(read_project(target).links) == 5 and session.path is None
