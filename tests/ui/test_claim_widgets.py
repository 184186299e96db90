"""The claim widgets one by one on the real window: nesting, clicks, drag, menus, filters,
editor boundaries, navigation keys and exports."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from lxml import etree
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from annotator.core import edits, read_project, validate_file
from annotator.core.export import EXPORTERS, ExportError
from annotator.ui import dialogs, export_menu
from annotator.ui.claims.controller import ClaimController
from annotator.ui.main_window import MainWindow
from tests.ui.claim_helpers import click_at, find, key, open_sample, open_window, point_of, select

K = Qt.Key
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
OUTER = "Venezuelan President Nicolás Maduro faces escalating geopolitical isolation"
INNER = "Nicolás Maduro"
B_PART = "Venezuelan President Nicolás Maduro is encountering dwindling support"

pytestmark = pytest.mark.usefixtures("answers")  # never a real modal dialog


@pytest.fixture
def tagged(qtbot: QtBot) -> tuple[MainWindow, ClaimController, dict[str, str]]:
    window, tools = open_window(qtbot)
    open_sample(qtbot, window)
    s = window.session
    project = s.project
    assert project is not None
    ids = {
        "outer": s.edit(edits.add_claim, "A", *find(project.doc_a.text, OUTER), "factual"),
        "inner": s.edit(edits.add_claim, "A", *find(project.doc_a.text, INNER), "attribution"),
        "b": s.edit(edits.add_claim, "B", *find(project.doc_b.text, B_PART), "factual"),
    }
    s.select("", "")
    return window, tools, ids


def test_nested_claims_stay_legible_and_clicks_walk_outwards(
        qtbot: QtBot, tagged: tuple[MainWindow, ClaimController, dict[str, str]]) -> None:
    window, _tools, ids = tagged
    pane = window.view.pane_a
    text = window.session.project.doc_a.text  # type: ignore[union-attr]
    o0, o1 = find(text, OUTER)
    i0, i1 = find(text, INNER)
    # the layer is cut into pieces: outer-only, inner (nested, darker), outer-only again
    assert pane.layer("claims") == [(o0, i0), (i0, i1), (i1, o1)]
    click_at(qtbot, pane, i0 + 2)
    assert window.session.current == ("claim", ids["inner"])
    click_at(qtbot, pane, i0 + 2)
    assert window.session.current == ("claim", ids["outer"])
    click_at(qtbot, pane, i0 + 2)
    assert window.session.current[0] == "link"  # then the alignment link underneath
    click_at(qtbot, pane, o0 + 2)
    assert window.session.current == ("claim", ids["outer"])
    shot = pane.viewport().grab().toImage()
    assert not shot.isNull()


def test_ctrl_drag_links_and_context_menu(
        qtbot: QtBot, tagged: tuple[MainWindow, ClaimController, dict[str, str]]) -> None:
    window, tools, ids = tagged
    view = window.view
    project = window.session.project
    assert project is not None
    a0 = find(project.doc_a.text, OUTER)[0] + 45  # outside the nested claim
    b0 = find(project.doc_b.text, B_PART)[0] + 30
    view.pane_a.center_on(a0, a0 + 1)
    view.pane_b.center_on(b0, b0 + 1)
    QApplication.processEvents()
    start = point_of(view.pane_a, a0)
    drop = view.pane_a.viewport().mapFromGlobal(
        view.pane_b.viewport().mapToGlobal(point_of(view.pane_b, b0)))
    ctrl = Qt.KeyboardModifier.ControlModifier
    qtbot.mousePress(view.pane_a.viewport(), Qt.MouseButton.LeftButton, ctrl, start)
    line = tools.mouse.drag_line
    assert line is not None and line.isVisible()  # a line follows the pointer
    assert line.start == line.mapFromGlobal(view.pane_a.viewport().mapToGlobal(start))
    qtbot.mouseMove(view.pane_a.viewport(), drop)
    assert line.end == line.mapFromGlobal(view.pane_b.viewport().mapToGlobal(
        point_of(view.pane_b, b0)))  # ... into the other article
    assert not line.grab().toImage().isNull()
    qtbot.mouseRelease(view.pane_a.viewport(), Qt.MouseButton.LeftButton, ctrl, drop)
    assert tools.mouse.drag_line is None and not line.isVisible()
    menu = tools.mouse.pending_menu
    assert menu is not None and menu.isVisible()
    relation = next(a for a in menu.actions() if a.objectName() == "relation_contradicts")
    relation.trigger()
    menu.close()
    assert [(cl.source, cl.target, cl.relation) for cl in project.claim_links.values()] == [
        (ids["outer"], ids["b"], "contradicts")]
    assert view.pane_a.selected_span() is None  # the drag did not select text
    (band,) = tools.bands.bands()
    assert not band.clamped and 0 < band.ya < tools.bands.height()
    gutter = window.view.gutter
    for percent, expected in ((0.2, ids["outer"]), (0.8, ids["b"])):  # click a curve's end
        window.session.select("", "")
        point = tools.bands.path(band).pointAtPercent(percent).toPoint()
        qtbot.mouseClick(gutter, Qt.MouseButton.LeftButton, pos=point)
        assert window.session.current == ("claim", expected)
    window.view.sync.enabled = False
    bar = view.pane_b.verticalScrollBar()
    bar.setValue(bar.maximum())  # the partner in B scrolls away: the curve runs to the top
    QApplication.processEvents()
    (band,) = tools.bands.bands()
    assert band.clamped and band.yb == 0.0
    window.view.sync.enabled = True

    menu = tools.mouse.context_menu("A", point_of(view.pane_a, find(project.doc_a.text,
                                                                   INNER)[0] + 2))
    titles = [a.text() for a in menu.actions()]
    assert any(t.startswith(f"Claim {ids['inner']}") for t in titles)
    outer_menu = next(sub for a in menu.actions() if isinstance(sub := a.menu(), QMenu)
                      and a.text().startswith(f"Claim {ids['outer']}"))
    go = next(a for a in outer_menu.actions() if a.text() == f"Go to Partner {ids['b']}")
    go.trigger()
    assert window.session.current == ("claim", ids["b"])
    retype = next(sub for a in outer_menu.actions() if isinstance(sub := a.menu(), QMenu)
                  and a.text() == "Change Type")
    next(a for a in retype.actions() if a.text() == "Opinion / analysis").trigger()
    assert project.claims[ids["outer"]].type == "opinion"
    menu.deleteLater()


def test_panel_filters_and_keyboard_steps(
        qtbot: QtBot, tagged: tuple[MainWindow, ClaimController, dict[str, str]]) -> None:
    window, tools, ids = tagged
    panel = tools.panel
    window.session.edit(edits.link_claims, ids["outer"], ids["b"], "same")
    assert panel.row_ids() == [ids["outer"], ids["inner"], ids["b"]]
    panel.doc_filter.setCurrentIndex(panel.doc_filter.findData("B"))
    assert panel.row_ids() == [ids["b"]]
    panel.doc_filter.setCurrentIndex(0)
    panel.linked_filter.setCurrentIndex(panel.linked_filter.findData("unlinked"))
    assert panel.row_ids() == [ids["inner"]]
    panel.linked_filter.setCurrentIndex(0)
    panel.type_filter.setCurrentIndex(panel.type_filter.findData("attribution"))
    assert panel.row_ids() == [ids["inner"]]
    panel.type_filter.setCurrentIndex(0)
    panel.relation_filter.setCurrentIndex(panel.relation_filter.findData("same"))
    assert panel.row_ids() == [ids["outer"], ids["b"]]
    panel.relation_filter.setCurrentIndex(0)
    assert "3 of 3" in panel.count_label.text()
    assert tools.counts_label.text() == "Claims: 2 in A · 1 in B · 1 claim links"

    # arrow keys in the list select claims everywhere
    panel.tree.setFocus()
    key(qtbot, panel.tree, K.Key_Down)
    first = window.session.current
    key(qtbot, panel.tree, K.Key_Down)
    assert window.session.current != first and window.session.current[0] == "claim"
    key(qtbot, panel.tree, K.Key_Return)  # Enter: into the claim's pane, ready for keys
    assert window.view.pane_b.hasFocus() or window.view.pane_a.hasFocus()

    pane = window.view.pane_a
    pane.setFocus()
    window.session.select("", "")
    key(qtbot, pane, K.Key_Right, ALT)
    assert window.session.current == ("claim", ids["outer"])
    key(qtbot, pane, K.Key_Right, ALT)
    assert window.session.current == ("claim", ids["inner"])
    key(qtbot, pane, K.Key_Left, ALT)
    assert window.session.current == ("claim", ids["outer"])
    key(qtbot, pane, K.Key_Right, ALT | SHIFT)  # the only unlinked claim
    assert window.session.current == ("claim", ids["inner"])

    # T: the next aligned passage without any claim is selected, ready to tag
    pane.moveCursor(pane.textCursor().MoveOperation.Start)
    pane.setFocus()
    key(qtbot, pane, K.Key_T)
    span = pane.selected_span()
    project = window.session.project
    assert project is not None and span is not None
    assert not any(c.start < span[1] and span[0] < c.end for c in project.claims.values())
    assert any(s.start == span[0] for lk in project.links.values() for s in lk.a)
    key(qtbot, pane, K.Key_5)
    assert any((c.start, c.end, c.type) == (*span, "opinion") for c in project.claims.values())


def test_editor_moves_boundaries_and_deletes(
        qtbot: QtBot, tagged: tuple[MainWindow, ClaimController, dict[str, str]]) -> None:
    window, tools, ids = tagged
    project = window.session.project
    assert project is not None
    editor = tools.editor
    window.session.select("claim", ids["inner"])
    assert editor.header.text().startswith(ids["inner"])
    start, end = find(project.doc_a.text, "President Nicolás Maduro")
    select(window.view.pane_a, start, end)
    editor.use_selection.click()
    moved = project.claims[ids["inner"]]
    assert (moved.start, moved.end, moved.exact) == (start, end, "President Nicolás Maduro")
    editor.end_spin.setValue(end - len(" Maduro"))
    editor.end_spin.editingFinished.emit()
    assert project.claims[ids["inner"]].exact == "President Nicolás"
    editor.start_spin.setValue(end)  # empty range: refused with a message, nothing changes
    editor.start_spin.editingFinished.emit()
    assert project.claims[ids["inner"]].exact == "President Nicolás"
    assert editor.start_spin.value() == start
    editor.type_combo.setCurrentIndex(editor.type_combo.findData("quote"))
    editor.type_combo.activated.emit(editor.type_combo.currentIndex())
    assert project.claims[ids["inner"]].type == "quote"
    assert "speaker" in editor.attr_widgets
    # a note being typed belongs to its claim even when another claim gets selected
    editor.note.setFocus()
    qtbot.keyClicks(editor.note, "check the name")
    window.session.select("claim", ids["b"])
    assert project.claims[ids["inner"]].note == "check the name"
    assert project.claims[ids["b"]].note == "" and editor.note.toPlainText() == ""
    window.session.select("claim", ids["inner"])
    editor.delete_button.click()
    assert ids["inner"] not in project.claims
    assert not editor.body.isVisible()
    window.session.undo_stack.undo()
    assert ids["inner"] in project.claims


def test_exports(qtbot: QtBot, tagged: tuple[MainWindow, ClaimController, dict[str, str]],
                 tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    window, _tools, ids = tagged
    session = window.session
    session.edit(edits.link_claims, ids["outer"], ids["b"], "paraphrase")
    target = tmp_path / "copy.xml"
    assert export_menu.export_to(session, export_menu.PROJECT_XML, target) == [target]
    assert validate_file(target) == []
    assert read_project(target).claims == session.project.claims  # type: ignore[union-attr]
    assert session.path is None  # an export is a copy, not a Save As
    for name in EXPORTERS:
        written = export_menu.export_to(session, name, tmp_path / f"out{EXPORTERS[name].suffix}")
        assert written and all(p.stat().st_size > 0 for p in written)
    tei = etree.parse(str(tmp_path / "out.tei.xml"))
    assert tei.getroot() is not None
    with pytest.raises(ExportError):
        export_menu.export_to(session, export_menu.PROJECT_XML, tmp_path / "no" / "dir.xml")

    menu = export_menu.build_export_menu(window, session, window.statusBar().showMessage,
                                         lambda msg: pytest.fail(msg))
    monkeypatch.setattr(dialogs, "ask_export_path",
                        lambda *_a: str(tmp_path / "via-menu.claims.csv"))
    next(a for a in menu.actions() if a.objectName() == "export_csv-claims").trigger()
    with (tmp_path / "via-menu.claims.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert len(rows) == 1 + len(session.project.claims)  # type: ignore[union-attr]


def test_claim_curves_are_painted_again_only_when_they_change(
        qtbot: QtBot, tagged: tuple[MainWindow, ClaimController, dict[str, str]],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The gutter repaints on every new selection and the curves with it: they come from a
    cache unless a claim link, a linked claim's selection, the scroll, zoom or theme
    changed (on a project of 2,000 claims, painting them was most of an edit's cost)."""
    window, tools, ids = tagged
    s = window.session
    s.edit(edits.link_claims, ids["outer"], ids["b"], "same")
    overlay = tools.bands
    renders: list[int] = []
    real = overlay._render
    monkeypatch.setattr(overlay, "_render", lambda p: renders.append(1) or real(p))

    def painted() -> int:
        renders.clear()
        overlay.repaint()
        return len(renders)

    assert painted() == 1  # the new link
    assert painted() == 0  # nothing changed
    s.select("claim", ids["inner"])  # an unlinked claim: no curve changes
    assert painted() == 0
    s.select("claim", ids["outer"])  # a linked one: its curve is drawn selected
    assert painted() == 1
    s.edit(edits.set_claim_note, ids["inner"], "an unlinked claim's note")
    assert painted() == 0
    window.view.pane_a.verticalScrollBar().setValue(40)
    assert painted() == 1
    window.view.zoom.set_points(window.view.pane_a.font().pointSizeF() + 2, remember=False)
    assert painted() == 1
    window.view.pane_a.verticalScrollBar().setValue(0)
    window.view.pane_b.verticalScrollBar().setValue(0)
    assert painted() == 1
    s.edit(edits.link_claims, ids["inner"], ids["b"], "contradicts")
    assert painted() == 1
    assert len(overlay.bands()) == 2
