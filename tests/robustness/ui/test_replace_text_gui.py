"""Issue 14.8 in the app: File ▸ Replace Article Text, the report, orphans placed or deleted,
all undoable; and the GUI's CSV export protects against formulas unless told not to."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotator.core import LinkStatus, read_project
from annotator.core.edits import add_claim
from annotator.ui import dialogs
from annotator.ui.export_menu import RAW_CSV_SETTING, export_to
from annotator.ui.main_window import MainWindow
from tests.conftest import SAMPLE_A
from tests.ui.conftest import Dialogs

GONE = "Washington has conducted strikes"


def _tag(window: MainWindow, needle: str, type_id: str = "factual") -> str:
    project = window.session.project
    assert project is not None
    start = project.doc_a.text.index(needle)
    return window.session.edit(add_claim, "A", start, start + len(needle), type_id)


def _replace(window: MainWindow, qtbot: QtBot, tmp_path: Path,
             monkeypatch: pytest.MonkeyPatch) -> str:
    old = SAMPLE_A.read_text(encoding="utf-8")
    cut = old.index(GONE)
    new = "Correction appended on Friday.\n\n" + old[:cut] + old[old.index(".", cut) + 2 :]
    path = tmp_path / "corrected.txt"
    path.write_text(new, encoding="utf-8")
    monkeypatch.setattr(dialogs, "ask_article", lambda *_a, **_k: str(path))
    window.actions_by_name["replace_a"].trigger()
    qtbot.waitUntil(lambda: not window.session.aligning, timeout=30_000)
    QApplication.processEvents()
    return new


def test_replace_article_text_keeps_claims_and_lists_orphans(
        sample_window: MainWindow, qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    window, session = sample_window, sample_window.session
    kept = _tag(window, "approximately 15,000 troops", "statistic")
    gone = _tag(window, GONE)
    project = session.project
    assert project is not None
    first = min(project.links.values(), key=lambda link: link.a_start)
    session.select("link", first.id)
    session.decide_and_advance(LinkStatus.ACCEPTED)
    new = _replace(window, qtbot, tmp_path, monkeypatch)
    project = session.project
    assert project is not None and project.doc_a.text == new
    assert new[project.claims[kept].start : project.claims[kept].end] == (
        "approximately 15,000 troops")
    assert gone in project.orphans and gone not in project.claims
    assert any(link.status is LinkStatus.ACCEPTED for link in project.links.values())
    assert any(link.status is LinkStatus.PROPOSED for link in project.links.values())
    dialog = window.replace_text.dialog
    assert dialog.isVisible() and f"ORPHANED: {gone}" in dialog.report.toPlainText()
    assert dialog.orphans.count() == 1 and session.modified
    assert window.view.pane_a.toPlainText().startswith("Correction appended")

    pane = window.view.pane_a  # place the orphan at a selection made like a user would
    start = new.index("Despite years")
    pane.select_span(start, start + 40)
    dialog.place_button.click()
    project = session.project
    assert project is not None and gone in project.claims and not project.orphans
    assert project.claims[gone].exact == new[start : start + 40]
    session.undo_stack.undo()  # placing is one undoable step
    assert session.project is not None and gone in session.project.orphans
    dialog.delete_button.click()
    assert session.project is not None and not session.project.orphans
    session.undo_stack.undo()

    save = tmp_path / "pair.xml"
    session.save(save)
    assert gone in read_project(save).orphans  # orphans are saved, never dropped
    while session.undo_stack.canUndo():
        session.undo_stack.undo()
    assert (session.project is not None and session.project.doc_a.text == SAMPLE_A.read_text(
        encoding="utf-8").replace("\r\n", "\n")) or session.project.doc_a.text != new


def test_a_file_that_cannot_be_read_leaves_the_project_alone(
        sample_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        answers: Dialogs) -> None:
    before = sample_window.session.project
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    monkeypatch.setattr(dialogs, "ask_article", lambda *_a, **_k: str(fifo))
    sample_window.actions_by_name["replace_b"].trigger()
    assert sample_window.session.project is before
    assert answers.errors and "named pipe" in answers.errors[-1][1]


def test_gui_csv_export_is_protected_unless_raw_is_chosen(
        sample_window: MainWindow, tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings

    session = sample_window.session
    project = session.project
    assert project is not None
    start = project.doc_a.text.index("Venezuelan")
    claim = session.edit(add_claim, "A", start, start + 10, "quote")
    from annotator.core.edits import set_claim_note

    session.edit(set_claim_note, claim, "=HYPERLINK(\"http://x\")")

    def notes() -> list[str]:
        path = tmp_path / "claims.csv"
        export_to(session, "csv-claims", path)
        rows = csv.DictReader(io.StringIO(path.read_text(encoding="utf-8")))
        return [row["note"] for row in rows if row["note"]]

    QSettings().setValue(RAW_CSV_SETTING, "false")
    assert notes() == ["'=HYPERLINK(\"http://x\")"]
    QSettings().setValue(RAW_CSV_SETTING, "true")
    assert notes() == ["=HYPERLINK(\"http://x\")"]
