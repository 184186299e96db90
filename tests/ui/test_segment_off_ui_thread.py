"""Opening a long project never segments on the UI thread; shading arrives when it is done."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from annotator.core import AlignmentLink, Document, Span, new_project, save_project
from annotator.ui import session as session_module
from annotator.ui.session import Session

SENTENCE = "The minister said on Tuesday that the budget would pass. "


@pytest.fixture(autouse=True)
def long_texts_start_small(monkeypatch: pytest.MonkeyPatch) -> None:
    """Treat these short test texts as long ones (the real limit is 50,000 characters)."""
    monkeypatch.setattr(session_module, "SEGMENT_ON_UI_THREAD_LIMIT", 100)


def test_open_project_segments_in_background(qtbot: QtBot, tmp_path: Path) -> None:
    a = Document.from_text("A", SENTENCE * 50)
    b = Document.from_text("B", SENTENCE * 40)
    project = new_project(a, b)
    project.put_link(
        AlignmentLink("l1", (Span(0, len(SENTENCE) - 1),), (Span(0, len(SENTENCE) - 1),), 0.9)
    )
    path = tmp_path / "p.xml"
    save_project(project, path)

    session = Session()
    session.open_project(path)
    loaded = session.project
    assert loaded is not None
    # right after opening, nothing was segmented on this thread: no shading yet, no stall
    with qtbot.waitSignal(session.links_changed, timeout=10_000) as blocker:
        pass
    assert blocker.args == [["l1"]]
    assert loaded.doc_a.segmented and loaded.doc_b.segmented
    gaps = session.unmatched("A")
    assert len(gaps) == 49  # every sentence but the linked first one
    assert gaps[0][0] == len(SENTENCE)


def test_unmatched_never_segments_on_the_ui_thread() -> None:
    project = new_project(Document.from_text("A", SENTENCE * 5), Document.from_text("B", SENTENCE))
    session = Session()
    session.set_project(project, None)
    assert session.unmatched("A") == []
    assert not project.doc_a.segmented
    _ = project.doc_a.sentences
    assert len(session.unmatched("A")) == 5
