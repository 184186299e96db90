"""File > Import Claims: brat claims come into the open pair as one undoable step, and the
user reads what was left out."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from annotator.core import Document, new_project
from annotator.core.export import EXPORTERS
from annotator.ui import dialogs, import_menu

from .claim_helpers import open_sample, open_window


def test_import_claims_through_the_file_menu(qtbot: QtBot, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    window, _tools = open_window(qtbot)
    open_sample(qtbot, window)
    session = window.session
    project = session.project
    assert project is not None and not project.claims
    # claims tagged in brat on the same article B, plus a type the taxonomy lacks
    other = new_project(Document.from_text("A", project.doc_a.text),
                        Document.from_text("B", project.doc_b.text))
    words = project.doc_b.text.split()[:2]
    start = project.doc_b.text.index(words[0])
    other.put_claim(other.make_claim("B", start, start + len(words[0]), "factual"))
    EXPORTERS["brat"].write(other, tmp_path / "brat")
    ann = tmp_path / "brat" / "B.ann"
    ann.write_text(ann.read_text("utf-8") + f"T9\tPerson {start} {start + len(words[0])}\t"
                   f"{words[0]}\n", encoding="utf-8")

    shown: list[str] = []
    monkeypatch.setattr(import_menu, "ask_import_path", lambda *_a: str(ann))
    monkeypatch.setattr(dialogs, "show_info", lambda _p, _t, msg: shown.append(msg))
    monkeypatch.setattr(dialogs, "show_error", lambda _p, _t, msg: pytest.fail(msg))
    file_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")
    submenu = next(a.menu() for a in file_menu.actions()
                   if a.menu() is not None and a.menu().title() == "&Import Claims")
    submenu.aboutToShow.emit()
    action = next(a for a in submenu.actions() if a.objectName() == "import_claims_B")
    assert action.isEnabled()
    action.trigger()
    assert len(project.claims) == 1
    (claim,) = project.claims.values()
    assert (claim.doc, claim.type, claim.exact) == ("B", "factual", words[0])
    assert shown and "1 claims imported" in shown[0] and "'Person'" in shown[0]
    session.undo_stack.undo()  # one step takes the whole import back
    assert not project.claims
