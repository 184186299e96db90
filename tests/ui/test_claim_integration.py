"""The claim tools inside the main window: menus, context-sensitive Delete, the shortcut list,
File > Export, autosave on the window's life cycle, and the recovery offer at start-up."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from annotator import app as app_module
from annotator.core import edits, read_project, validate_file
from annotator.core.recovery import RecoveryStore
from annotator.ui import dialogs
from annotator.ui.autosave import Autosaver
from annotator.ui.claims.controller import ClaimController
from annotator.ui.main_window import MainWindow
from annotator.ui.shortcuts_dialog import ShortcutsDialog
from tests.conftest import SAMPLE_A, SAMPLE_B
from tests.ui.claim_helpers import find, key
from tests.ui.conftest import Dialogs


def _menu(window: MainWindow, title: str) -> QMenu:
    return next(m for a in window.menuBar().actions()
                if a.text().replace("&", "") == title and isinstance(m := a.menu(), QMenu))


def test_claims_are_part_of_the_window(sample_window: MainWindow, qtbot: QtBot,
                                       answers: Dialogs, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    window = sample_window
    assert isinstance(window.claims, ClaimController)
    assert isinstance(window.autosaver, Autosaver)
    claims_menu = _menu(window, "Claims")
    assert any(a.text() == "&Mark as Link Source" for a in claims_menu.actions())
    export = next(m for a in _menu(window, "File").actions()
                  if a.text() == "&Export" and isinstance(m := a.menu(), QMenu))
    names = {a.objectName() for a in export.actions()}
    assert {"export_project-xml", "export_tei", "export_jsonld", "export_html"} <= names

    session = window.session
    project = session.project
    assert project is not None
    cid = session.edit(edits.add_claim, "A", *find(project.doc_a.text, "15,000 troops"),
                       "statistic")
    pane = window.view.pane_a
    pane.setFocus()
    QApplication.processEvents()
    key(qtbot, pane, Qt.Key.Key_Delete)  # Delete removes the selected claim...
    assert cid not in project.claims
    link = session.links_in_order()[0]
    session.select("link", link.id)
    key(qtbot, pane, Qt.Key.Key_Delete)  # ...or the selected alignment link
    assert link.id not in project.links

    shown: list[ShortcutsDialog] = []
    monkeypatch.setattr(ShortcutsDialog, "exec", lambda self: shown.append(self) or 0)
    window.show_shortcuts()
    table = shown[0].table
    commands = {table.item(r, 1).text() for r in range(table.rowCount())}
    assert "Mark as Link Source" in commands and any("Quote" in c for c in commands)

    monkeypatch.setattr(dialogs, "ask_export_path", lambda *_a: str(tmp_path / "c.xml"))
    next(a for a in export.actions() if a.objectName() == "export_project-xml").trigger()
    assert validate_file(tmp_path / "c.xml") == []
    assert session.path is None

    saver = window.autosaver
    assert saver.slot is not None
    assert saver.autosave_now() and saver.slot.project_path.exists()
    lock = saver.slot.lock_path
    answers.unsaved = dialogs.Unsaved.DISCARD
    window.close()
    assert answers.asked_unsaved == 1  # warned about the unsaved changes first
    assert not lock.exists() and not saver.slot  # a clean exit leaves nothing to recover


def test_start_up_offers_recovery(qtbot: QtBot, qapp: QApplication, tmp_path: Path,
                                  data_dir: Path, answers: Dialogs,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from annotator.core import Document, new_project

    project = new_project(Document.load(SAMPLE_A, "A"), Document.load(SAMPLE_B, "B"))
    project.put_claim(project.make_claim("A", 0, 10, "opinion"))
    store = RecoveryStore()  # the default store: this test's folder (conftest's data_dir)
    assert store.root == data_dir
    crashed = store.start_session()
    crashed.save(project)
    crashed.lock_path.write_text(json.dumps({"pid": 2**22 + 4321, "hostname": os.uname()[1]}))
    monkeypatch.setattr(dialogs, "ask_recovery", lambda _p, _e: "recover")
    seen: list[MainWindow] = []

    def fake_exec() -> int:
        window = next(w for w in qapp.topLevelWidgets()
                      if isinstance(w, MainWindow) and w.isVisible())
        seen.append(window)
        qtbot.addWidget(window)
        qtbot.waitUntil(lambda: window.session.project is not None, timeout=5000)
        return 0

    monkeypatch.setattr(qapp, "exec", fake_exec)
    assert app_module.main([]) == 0
    window = seen[0]
    assert window.session.project is not None
    assert [c.exact for c in window.session.project.claims.values()] == [
        project.document("A").text[:10]]
    assert window.session.modified
    answers.save_path = str(tmp_path / "saved.xml")
    assert window.save()
    assert read_project(tmp_path / "saved.xml").claims == window.session.project.claims
