"""While a long text is still being split into sentences (in the worker: a long pair's first
alignment, or a long project being opened), its passages without a partner are unknown. The
status bar and U used to say "every passage has a partner" then, which reads as a finished
review."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotator.core import AlignmentLink, Document, Span, new_project, save_project
from annotator.ui import session as session_module
from annotator.ui.main_window import MainWindow

SENTENCE = "The minister said on Tuesday that the budget would pass. "


@pytest.fixture(autouse=True)
def long_texts_start_small(monkeypatch: pytest.MonkeyPatch) -> None:
    """Treat these short test texts as long ones (the real limit is 50,000 characters)."""
    monkeypatch.setattr(session_module, "SEGMENT_ON_UI_THREAD_LIMIT", 100)


def test_nothing_is_called_done_before_the_sentences_are_known(
        qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    project = new_project(Document.from_text("A", SENTENCE * 50),
                          Document.from_text("B", SENTENCE * 40))
    end = len(SENTENCE) - 1
    project.put_link(AlignmentLink("l1", (Span(0, end),), (Span(0, end),), 0.9))
    path = tmp_path / "long.xml"
    save_project(project, path)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    with qtbot.waitSignal(window.session.links_changed, timeout=10_000):  # segmented
        assert window.open_project(path)
        assert not window.session.project.doc_a.segmented  # type: ignore[union-attr]
        label = window.status_area.review_label.text()
        assert "every passage has a partner" not in label and "not counted yet" in label
        window.view.pane_a.setFocus()
        qtbot.keyClick(window.view.pane_a, Qt.Key.Key_U)
        said = window.statusBar().currentMessage()
        assert "has a partner" not in said and "still being split" in said
    QApplication.processEvents()
    # 50 + 40 sentences, the linked pair aside
    assert window.status_area.review_label.text() == "unmatched: 0/88 reviewed"
