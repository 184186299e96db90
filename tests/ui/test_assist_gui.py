"""The claim-assistance flow in the real window: candidates on request (quiet, listed, never
claims by themselves), Y accepts and X dismisses, flags on both sides turned into a claim link
in one step or dismissed, all undoable and saved."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.core import read_project
from annotator.core.assist.model import FlagState
from annotator.ui.main_window import MainWindow

from .claim_helpers import key, open_sample, open_window

A = ("Rescuers searched the valley overnight. A landslide destroyed 85 houses in Orvik on "
     "Sunday, the county said. “We lost everything,” said resident Ana Ruiz. Roads stayed "
     "shut.")
B = A.replace("85 houses", "58 houses")


def open_texts(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(B, encoding="utf-8")
    assert window.open_pair(tmp_path / "a.txt", tmp_path / "b.txt")
    qtbot.waitUntil(lambda: not window.session.aligning and bool(
        window.session.project and window.session.project.links), timeout=20000)


def test_candidates_are_listed_quietly_and_never_claims(qtbot: QtBot) -> None:
    window, _ = open_window(qtbot)
    open_sample(qtbot, window)
    assert "Candidates" in [a.iconText() for a in window.toolbar.actions()]
    key(qtbot, window, Qt.Key.Key_F6)
    assist = window.assist
    assert assist.candidates
    panel = window.claims.panel
    rows = [panel.tree.topLevelItem(i) for i in range(panel.tree.topLevelItemCount())]
    candidate_rows = [r for r in rows if r is not None and r.text(2).endswith("(candidate)")]
    assert len(candidate_rows) == len(assist.candidates)
    assert all(r.font(3).italic() for r in candidate_rows)
    assert window.session.project is not None and window.session.project.claims == {}
    layer_a = window.view.pane_a.layer("assist")
    assert len(layer_a) == sum(c.doc == "A" for c in assist.candidates)


def test_accept_with_y_fills_type_and_speaker_and_undoes(qtbot: QtBot, tmp_path: Path) -> None:
    window, _ = open_window(qtbot)
    open_texts(qtbot, window, tmp_path)
    key(qtbot, window, Qt.Key.Key_F6)
    assist = window.assist
    quote = next(c for c in assist.candidates if c.kind == "quote" and c.doc == "A")
    window.claims.panel.tree.setCurrentItem(window.claims.panel.candidate_row(quote.id))
    assert assist.current == ("candidate", quote.id)
    key(qtbot, window, Qt.Key.Key_Y)
    project = window.session.project
    assert project is not None
    claim = next(iter(project.claims.values()))
    assert (claim.type, claim.exact, claim.attrs["speaker"]) == (
        "quote", "“We lost everything,”", "resident Ana Ruiz")
    assert quote not in assist.candidates
    window.session.undo_stack.undo()
    assert project.claims == {}


def test_dismiss_with_x_is_saved(qtbot: QtBot, tmp_path: Path) -> None:
    window, _ = open_window(qtbot)
    open_texts(qtbot, window, tmp_path)
    key(qtbot, window, Qt.Key.Key_F6)
    assist = window.assist
    first = assist.candidates[0]
    assert assist.current == ("candidate", first.id)
    key(qtbot, window, Qt.Key.Key_X)
    project = window.session.project
    assert project is not None and first.id in project.assist.dismissed
    assert project.claims == {}
    key(qtbot, window, Qt.Key.Key_F6)
    assert first.id not in [c.id for c in assist.candidates]
    path = tmp_path / "pair.xml"
    window.session.save(path)
    assert first.id in read_project(path).assist.dismissed


def test_flag_becomes_claim_link_in_one_step(qtbot: QtBot, tmp_path: Path) -> None:
    window, _ = open_window(qtbot)
    open_texts(qtbot, window, tmp_path)
    assert "Check" in [a.iconText() for a in window.toolbar.actions()]
    key(qtbot, window, Qt.Key.Key_F7)
    project = window.session.project
    assert project is not None
    flag = next(iter(project.assist.flags.values()))
    assert flag.kind == "number" and window.assist.current == ("flag", flag.id)
    assert window.assist.flag_panel.row_ids() == [flag.id]
    assert flag.a is not None and flag.b is not None
    assert (flag.a.start, flag.a.end) in window.view.pane_a.layer("assist")
    assert (flag.b.start, flag.b.end) in window.view.pane_b.layer("assist")
    assert "85" in window.statusBar().currentMessage()

    key(qtbot, window, Qt.Key.Key_Y)
    link = next(iter(project.claim_links.values()))
    assert link.relation == "number-changed"
    assert project.assist.flags[flag.id].state == FlagState.LINKED
    assert {project.claims[link.source].exact, project.claims[link.target].exact} == {
        "A landslide destroyed 85 houses in Orvik on Sunday, the county said.",
        "A landslide destroyed 58 houses in Orvik on Sunday, the county said."}
    window.session.undo_stack.undo()
    assert project.claim_links == {} and project.claims == {}
    assert project.assist.flags[flag.id].state == FlagState.OPEN

    window.assist.choose("flag", flag.id)
    key(qtbot, window, Qt.Key.Key_X)
    assert project.assist.flags[flag.id].state == FlagState.DISMISSED
    assert (flag.a.start, flag.a.end) not in window.view.pane_a.layer("assist")
    window.session.undo_stack.undo()
    assert project.assist.flags[flag.id].state == FlagState.OPEN
    window.session.undo_stack.undo()  # the check itself
    assert project.assist.flags == {}


def test_undoing_an_acceptance_or_dismissal_brings_the_candidate_back(
        qtbot: QtBot, tmp_path: Path) -> None:
    """Ctrl+Z puts the candidate back in the list at once, not only on the next F6."""
    window, _ = open_window(qtbot)
    open_texts(qtbot, window, tmp_path)
    key(qtbot, window, Qt.Key.Key_F6)
    assist, panel = window.assist, window.claims.panel
    found = [c.id for c in assist.candidates]
    quote = next(c for c in assist.candidates if c.kind == "quote" and c.doc == "A")
    panel.tree.setCurrentItem(panel.candidate_row(quote.id))
    key(qtbot, window, Qt.Key.Key_Y)
    assert quote not in assist.candidates and panel.candidate_row(quote.id) is None
    window.session.undo_stack.undo()
    assert [c.id for c in assist.candidates] == found  # back, in reading order
    assert panel.candidate_row(quote.id) is not None
    window.session.undo_stack.redo()  # the claim is back, so the candidate goes again
    assert quote not in assist.candidates and panel.candidate_row(quote.id) is None
    window.session.undo_stack.undo()
    first = assist.candidates[0]
    assist.choose("candidate", first.id)
    key(qtbot, window, Qt.Key.Key_X)
    assert first not in assist.candidates
    window.session.undo_stack.undo()
    assert [c.id for c in assist.candidates] == found
    assert panel.candidate_row(first.id) is not None
