"""The window title names the two documents by their titles (as the pane headers derive them:
metadata, else a headline first line, else the file name), then the project file."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from annotator.core import Document, new_project
from annotator.core.inputs.model import SourceMeta
from annotator.ui.pane_header import document_title
from annotator.ui.window.title import TITLE_CHARS, short
from tests.ui.claim_helpers import open_sample, open_window


def test_title_shows_both_titles_then_the_project_file(qtbot: QtBot, tmp_path: Path) -> None:
    window, _tools = open_window(qtbot)
    assert window.windowTitle() == "Annotator"
    open_sample(qtbot, window)
    session = window.session
    project = session.project
    assert project is not None
    a, b = (short(document_title(d)) for d in (project.doc_a, project.doc_b))
    assert a == "As Trump targets Venezuela, its allies Russia and China…"
    assert window.windowTitle() == f"{a} ↔ {b} — not saved[*] — Annotator"
    for side in ("A", "B"):  # the same titles as the pane headers (uncut there)
        doc = project.doc_a if side == "A" else project.doc_b
        assert window.view.titles[side].text() == f"{side} · {document_title(doc)}"
    session.save(tmp_path / "venezuela.xml")
    assert window.windowTitle() == f"{a} ↔ {b} — venezuela.xml[*] — Annotator"
    assert "000_7ef15a09e7207d90" not in window.windowTitle()  # no file names of articles


def test_metadata_titles_win_and_a_headline_less_text_shows_its_file(qtbot: QtBot) -> None:
    window, _tools = open_window(qtbot)
    text = "The council met on Monday and voted, after a long debate, to close the bridge."
    doc_a = Document("A", text, "Bridge to close", "https://example.org/news/bridge",
                     meta=SourceMeta(title="Bridge to close", site="example.org"))
    doc_b = Document.from_text("B", text, source="/data/wire/bridge-story.txt")
    window.session.set_project(new_project(doc_a, doc_b), None)
    assert window.windowTitle() == "Bridge to close ↔ bridge-story.txt — not saved[*] — Annotator"


def test_short_cuts_long_titles_at_a_word() -> None:
    assert short("  A   short\ntitle ") == "A short title"
    long = "Venezuelan President Nicolás Maduro faces escalating geopolitical isolation as allies"
    cut = short(long)
    assert len(cut) <= TITLE_CHARS and cut.endswith("…") and long.startswith(cut[:-1])
    assert cut[-2] != " " and long[len(cut) - 1] == " "  # cut between words
    assert short("x" * 80).endswith("…") and len(short("x" * 80)) == TITLE_CHARS
