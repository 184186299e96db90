"""Issue 13's defects, each as a user meets it in the real window."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QPalette, QWheelEvent
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from annotator import app as app_module
from annotator.core import Document, Project, edits, new_project, save_project
from annotator.core.edits import LINK
from annotator.core.recovery import RecoveryStore
from annotator.ui import dialogs
from annotator.ui.main_window import MainWindow
from annotator.ui.shortcuts_dialog import ShortcutsDialog
from annotator.ui.view.text_pane import TextPane
from tests.conftest import SAMPLE_A, SAMPLE_B
from tests.ui.claim_helpers import find, key, open_sample, open_window
from tests.ui.conftest import Dialogs, wait_aligned


def ctrl_wheel(pane: TextPane, clicks: int) -> None:
    event = QWheelEvent(QPointF(40, 40), QPointF(pane.viewport().mapToGlobal(QPoint(40, 40))),
                        QPoint(0, 0), QPoint(0, 120 * clicks), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase,
                        False)
    QApplication.sendEvent(pane.viewport(), event)
    QApplication.processEvents()


def band_matches_text(window: MainWindow, link_id: str) -> bool:
    """The selected link's band meets its text in both panes (to the pixel, give or take)."""
    view = window.view
    gutter = view.gutter
    (band,) = [b for b in gutter.bands() if b.link.id == link_id]
    link = band.link
    ya, _ = view.pane_a.span_y(link.a[0].start, link.a[-1].end)
    yb, _ = view.pane_b.span_y(link.b[0].start, link.b[-1].end)
    off_a = gutter.mapFromGlobal(view.pane_a.viewport().mapToGlobal(QPoint(0, 0))).y()
    off_b = gutter.mapFromGlobal(view.pane_b.viewport().mapToGlobal(QPoint(0, 0))).y()
    path = band.path
    left = path.elementAt(0)
    right = path.elementAt(3)  # the end of the top curve, on B's edge
    return abs(left.y - (ya + off_a)) < 1.5 and abs(right.y - (yb + off_b)) < 1.5


def test_ctrl_wheel_zooms_both_panes_and_the_link_map_follows(
        qtbot: QtBot, sample_window: MainWindow) -> None:
    window = sample_window
    view = window.view
    first = window.session.links_in_order()[0].id
    window.session.select(LINK, first)
    QApplication.processEvents()
    before = view.pane_a.font().pointSizeF()
    ctrl_wheel(view.pane_a, 2)
    a, b = view.pane_a.font().pointSizeF(), view.pane_b.font().pointSizeF()
    assert a == b > before
    assert view.pane_b.document().defaultFont().pointSizeF() == a
    view.gutter.repaint()
    assert band_matches_text(window, first)
    window.actions_by_name["zoom_reset"].trigger()
    assert view.pane_a.font().pointSizeF() == view.pane_b.font().pointSizeF() < a


def test_zoom_keys_are_remembered(qtbot: QtBot, window: MainWindow) -> None:
    start = window.view.pane_a.font().pointSizeF()
    window.actions_by_name["zoom_in"].trigger()
    window.actions_by_name["zoom_in"].trigger()
    bigger = window.view.pane_a.font().pointSizeF()
    assert bigger == start + 2
    again = MainWindow()
    qtbot.addWidget(again)
    assert again.view.pane_a.font().pointSizeF() == again.view.pane_b.font().pointSizeF() == bigger
    again.actions_by_name["zoom_out"].trigger()
    assert again.view.pane_b.font().pointSizeF() == bigger - 1


def test_dark_theme_at_run_time_keeps_the_claim_palette_readable(
        qtbot: QtBot, sample_window: MainWindow) -> None:
    window = sample_window
    window.set_theme("light")
    QApplication.processEvents()
    window.set_theme("dark")
    QApplication.processEvents()
    palette = window.claims.palette
    widgets = [*palette.buttons.values(), *palette.content.findChildren(QLabel)]
    assert len(widgets) > 10
    for widget in widgets:
        text = widget.palette().color(widget.foregroundRole())
        background = widget.palette().color(QPalette.ColorRole.Window)
        assert background.lightness() < 100, widget
        assert text.lightness() - background.lightness() > 100, widget  # light on dark
    window.set_theme("light")


def _link_holding(window: MainWindow, b_text: str) -> str:
    project = window.session.project
    assert project is not None
    return next(link.id for link in project.links.values()
                if project.doc_b.text[link.b[0].start:].startswith(b_text))


def test_selection_stays_on_its_passage_when_the_threshold_moves(
        qtbot: QtBot, sample_window: MainWindow) -> None:
    window = sample_window
    session = window.session
    session.realign(0.35)
    wait_aligned(qtbot, window)
    chosen = _link_holding(window, "As Maduro grapples")
    session.select(LINK, chosen)
    before = session.current_link()
    assert before is not None
    session.realign(0.11)  # more links: the aligner numbers them afresh
    wait_aligned(qtbot, window)
    assert session.settings.threshold == 0.11
    now = session.current_link()
    assert now is not None and (now.a, now.b) == (before.a, before.b)  # the same passage
    assert now.id == chosen  # and the same id
    window.actions_by_name["accept"].trigger()  # A accepts what the user sees
    project = session.project
    assert project is not None and project.links[chosen].status.value == "accepted"
    session.undo_stack.undo()
    session.undo_stack.undo()  # back to 0.35: still that passage
    again = session.project.links[chosen]  # type: ignore[union-attr]
    assert (again.a, again.b) == (before.a, before.b)


def test_a_selected_link_that_disappears_is_cleared_and_said(
        qtbot: QtBot, sample_window: MainWindow) -> None:
    window = sample_window
    session = window.session
    session.realign(0.11)
    wait_aligned(qtbot, window)
    weak = min(session.links_in_order(), key=lambda link: link.score)
    session.select(LINK, weak.id)
    said: list[str] = []
    session.notice.connect(said.append)
    session.realign(0.6)
    wait_aligned(qtbot, window)
    assert weak.id not in session.project.links  # type: ignore[union-attr]
    assert session.current == ("", "") and said and weak.id in said[0]
    assert weak.id in window.statusBar().currentMessage()


def test_f2_is_no_keyboard_trap(qtbot: QtBot) -> None:
    """In the claim editor, letters, digits, arrows and Delete belong to the field with the
    focus: no global shortcut fires, and Tab walks Type, then the type's own fields."""
    window, tools = open_window(qtbot)
    open_sample(qtbot, window)
    session = window.session
    project = session.project
    assert project is not None
    cid = session.edit(edits.add_claim, "A", *find(project.doc_a.text, "15,000 troops"),
                       "factual")
    session.select(LINK, session.links_in_order()[0].id)
    session.select("claim", cid)
    window.view.pane_a.setFocus()
    key(qtbot, window.view.pane_a, Qt.Key.Key_F2)
    combo = tools.editor.type_combo
    assert combo.hasFocus()
    messages: list[str] = []
    window.statusBar().messageChanged.connect(messages.append)
    claims_before = dict(project.claims)
    for k in (Qt.Key.Key_M, Qt.Key.Key_A, Qt.Key.Key_1, Qt.Key.Key_Delete, Qt.Key.Key_U):
        key(qtbot, combo, k)
    assert tools.marked == "" and dict(project.claims) == claims_before
    assert not any("Mark a claim" in m or "Tagged" in m for m in messages)
    assert all(link.status.value == "proposed" for link in project.links.values())
    key(qtbot, combo, Qt.Key.Key_Tab)
    first_field = next(iter(tools.editor.attr_widgets.values()))
    assert first_field.objectName() == "attr_source" and first_field.hasFocus()


def test_enter_in_the_threshold_box_gives_the_keys_back(qtbot: QtBot) -> None:
    window, _tools = open_window(qtbot)
    open_sample(qtbot, window)
    box = window.threshold.spin
    box.setFocus()
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), "0.30")
    key(qtbot, box.lineEdit(), Qt.Key.Key_Return)
    assert not box.hasFocus() and window.view.pane_a.hasFocus()
    qtbot.waitUntil(lambda: not window.session.aligning, timeout=20_000)
    first = window.session.links_in_order()[0].id
    window.session.select(LINK, first)
    key(qtbot, window.view.pane_a, Qt.Key.Key_A)
    assert window.session.project.links[first].status.value == "accepted"  # type: ignore[union-attr]


def _crashed_autosave(tmp_path: Path) -> Project:
    project = new_project(Document.load(SAMPLE_A, "A"), Document.load(SAMPLE_B, "B"))
    project.put_claim(project.make_claim("A", 0, 10, "opinion"))
    crashed = RecoveryStore().start_session()  # the default store, in this test's data dir
    crashed.save(project)
    crashed.lock_path.write_text(json.dumps({"pid": 2**22 + 4321, "hostname": os.uname()[1]}))
    return project


def test_recovery_still_opens_the_file_named_on_the_command_line(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _crashed_autosave(tmp_path)
    named = tmp_path / "pair.xml"
    other = new_project(Document.from_text("A", "Only A. Two."), Document.from_text("B", "B."))
    save_project(other, named)
    monkeypatch.setattr(dialogs, "ask_recovery", lambda _p, _e: "recover")
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.start([str(named)])
    assert window.session.project is not None and len(window.session.project.claims) == 1
    companion = window.companion
    qtbot.addWidget(companion)
    assert companion.session.path == named and companion.isVisible()
    assert "pair.xml" in window.statusBar().currentMessage()


def test_one_article_on_the_command_line_is_explained_in_the_terminal(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert app_module.main([str(SAMPLE_A)]) == 2
    err = capsys.readouterr().err
    assert "one article" in err and "usage" in err


def test_shortcuts_dialog_keeps_keys_and_commands_apart(
        sample_window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[ShortcutsDialog] = []
    monkeypatch.setattr(ShortcutsDialog, "exec", lambda self: shown.append(self) or 0)
    sample_window.show_shortcuts()
    table = shown[0].table
    rows = [(table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount())]
    assert ("Alt+Shift+Right", "Next Unlinked Claim") in rows  # one column each
    assert all(keys and command and keys != command for keys, command in rows)


def test_a_weak_sentence_inside_a_strong_link_is_shown(
        qtbot: QtBot, sample_window: MainWindow) -> None:
    """At 0.11 the 0.49 link also covers B's 'As President Donald Trump…' sentence, which
    shares little with A: the Links list and the band's tooltip say which sentence is weak."""
    window = sample_window
    session = window.session
    session.realign(0.11)
    wait_aligned(qtbot, window)
    glued = _link_holding(window, "As President Donald Trump")
    model = window.link_list.model
    row = model.row_of(glued)
    weakest_cell = model.data(model.index(row, 2))
    assert isinstance(weakest_cell, str) and "⚠" in weakest_cell
    tip = model.data(model.index(row, 0), Qt.ItemDataRole.ToolTipRole)
    assert isinstance(tip, str)
    weak_lines = [line for line in tip.splitlines() if "weak" in line]
    assert len(weak_lines) == 1 and "As President Donald Trump" in weak_lines[0]
    assert any("Historically" in line and "weak" not in line for line in tip.splitlines())
    # sorting by the weakest sentence puts the links with a weak passenger first
    window.link_list.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    first = window.link_list.visible_ids()[0]
    evidence = model.evidence(session.project.links[first])  # type: ignore[union-attr]
    assert min(e.support for e in evidence) < 0.25


def test_a_manual_link_running_into_another_is_refused_in_the_window(
        qtbot: QtBot, window: MainWindow) -> None:
    from tests.ui.test_comparison_window import TEXT_A, TEXT_B, small_window

    small_window(window)
    view = window.view
    # from inside "First sentence here." into "Second sentence here." (l2 and l3)
    start = TEXT_A.index("sentence here.")
    view.pane_a.select_span(start, TEXT_A.index("Second") + 6)
    view.pane_b.select_span(TEXT_B.index("Only"), len(TEXT_B))
    before = set(window.session.project.links)  # type: ignore[union-attr]
    window.actions_by_name["link_selection"].trigger()
    assert set(window.session.project.links) == before  # type: ignore[union-attr]
    assert "runs into link" in window.statusBar().currentMessage()


def test_leftover_attributes_and_the_report_use_labels(qtbot: QtBot) -> None:
    from annotator.core.export.html_report import project_to_html

    window, tools = open_window(qtbot)
    open_sample(qtbot, window)
    session = window.session
    project = session.project
    assert project is not None
    cid = session.edit(edits.add_claim, "B", *find(project.doc_b.text, "Vladimir Rouvinski"),
                       "attribution")
    session.edit(edits.set_claim_attribute, cid, "sourceKind", "document")
    session.edit(edits.set_claim_type, cid, "factual")
    session.select("claim", cid)
    editor = tools.editor
    label = editor.attrs.labelForField(editor.attr_widgets["sourceKind"])
    assert label is not None and label.text() == "Kind of source (not in this type)"
    html = project_to_html(project).decode("utf-8")
    assert "Kind of source: document" in html and "sourceKind=" not in html
    assert "verification=" not in html


def test_a_small_window_keeps_readable_articles(qtbot: QtBot, sample_window: MainWindow) -> None:
    window = sample_window
    hint = window.minimumSizeHint()
    assert hint.width() <= 800 and hint.height() <= 560  # it was 1069 x 531
    window.resize(1024, 700)
    QApplication.processEvents()
    assert window.width() == 1024
    assert window.view.pane_a.width() >= 400 and window.view.pane_b.width() >= 400
    assert window.view.pane_a.height() >= 300
    # the side docks went into the bottom tabs, Links in front; F2 still reaches the editor
    assert window.tabifiedDockWidgets(window.links_dock)
    assert not window.link_list.visibleRegion().isEmpty()
    window.resize(1500, 900)
    QApplication.processEvents()
    assert window.dockWidgetArea(window.editor_dock) == Qt.DockWidgetArea.RightDockWidgetArea


def test_the_links_tab_comes_first_when_a_pair_opens(qtbot: QtBot, window: MainWindow) -> None:
    window.panel_dock.raise_()
    assert window.open_pair(SAMPLE_A, SAMPLE_B)
    wait_aligned(qtbot, window)
    assert not window.link_list.visibleRegion().isEmpty()
    assert window.claims.panel.visibleRegion().isEmpty()


def test_ctrl_a_then_a_digit_asks_before_tagging_the_whole_article(
        qtbot: QtBot, answers: Dialogs) -> None:
    window, _tools = open_window(qtbot)
    open_sample(qtbot, window)
    pane = window.view.pane_a
    pane.setFocus()
    key(qtbot, pane, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    answers.confirm_answer = False
    key(qtbot, pane, Qt.Key.Key_1)
    project = window.session.project
    assert project is not None and not project.claims
    assert answers.confirmations and "all of article A" in answers.confirmations[0]
    answers.confirm_answer = True
    key(qtbot, pane, Qt.Key.Key_1)
    assert len(project.claims) == 1


def test_a_file_of_blank_lines_is_not_called_empty(
        qtbot: QtBot, window: MainWindow, answers: Dialogs, tmp_path: Path) -> None:
    blank = tmp_path / "blank.txt"
    blank.write_text("\n\n   \n\t\n", encoding="utf-8")
    assert not window.open_pair(blank, SAMPLE_B)
    ((_title, message),) = answers.errors
    assert "blank lines and spaces" in message and "empty" not in message


def test_default_claim_colours_do_not_pass_for_link_colours() -> None:
    """Claims tint the text over the link tints: a quote must not read as a strong link
    (blue), an attribution as shared words (green), a statistic as changed words (amber)."""
    from annotator.core import default_taxonomy
    from annotator.ui.theme import colors_for, dark_palette, light_palette

    def hue_gap(one: QColor, other: QColor) -> int:
        gap = abs(one.hslHue() - other.hslHue())
        return min(gap, 360 - gap)

    for palette in (light_palette(), dark_palette()):
        colors = colors_for(palette)
        link_hues = [colors.score(s / 20) for s in range(21)] + [colors.shared, colors.changed]
        claim_colors = [QColor(ct.color) for ct in default_taxonomy().claim_types]
        for claim in claim_colors:
            if claim.hslSaturationF() >= 0.3:  # greys and browns do not read as a link hue
                assert min(hue_gap(claim, link) for link in link_hues) >= 30, claim.name()
        for i, one in enumerate(claim_colors):  # and the types stay apart from each other
            for other in claim_colors[i + 1:]:
                distance = sum(abs(a - b) for a, b in zip(one.getRgb()[:3], other.getRgb()[:3],
                                                           strict=True))
                assert distance >= 60, (one.name(), other.name())


def test_open_pair_does_not_prefill_b_with_a(
        window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QFileDialog

    asked: list[str] = []
    a_file = str(tmp_path / "a.txt")

    def fake(_parent: object, _title: str, directory: str, _filter: str) -> tuple[str, str]:
        asked.append(directory)
        return (a_file if len(asked) == 1 else "", "")

    monkeypatch.setattr(QFileDialog, "getOpenFileName", fake)
    assert dialogs.ask_pair(window, str(tmp_path)) is None
    assert asked == [str(tmp_path), str(tmp_path)]  # B starts in A's folder, not at a.txt


def test_help_has_an_about_box_with_a_short_guide(
        window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", lambda _p, _t, text: shown.append(text))
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    next(a for a in help_menu.actions() if "About" in a.text()).trigger()
    assert "Ctrl+F" in shown[0] and "accepts" in shown[0]


def test_a_layout_saved_by_a_small_window_fits_a_large_one(qtbot: QtBot) -> None:
    small = MainWindow()
    qtbot.addWidget(small)
    small.resize(1024, 700)
    small.show()
    QApplication.processEvents()
    assert small.dockWidgetArea(small.editor_dock) == Qt.DockWidgetArea.BottomDockWidgetArea
    small.close()  # saves its dock layout
    large = MainWindow()
    qtbot.addWidget(large)
    large.resize(1600, 1000)
    large.show()
    QApplication.processEvents()
    assert large.dockWidgetArea(large.editor_dock) == Qt.DockWidgetArea.RightDockWidgetArea


def test_a_drag_inside_a_claim_selects_whole_words_and_a_double_click_one_word(
        qtbot: QtBot) -> None:
    from annotator.ui.view.utf16 import snap_to_words
    from tests.ui.claim_helpers import point_of

    assert snap_to_words("the approximately 15,000 troops", 6, 20) == (4, 24)
    assert snap_to_words("one two", 2, 5) == (0, 7)
    assert snap_to_words("one two", 3, 4) == (4, 4)  # only a space: nothing to widen
    window, _tools = open_window(qtbot)
    open_sample(qtbot, window)
    session = window.session
    project = session.project
    assert project is not None
    start, end = find(project.doc_a.text, "approximately 15,000 troops")
    session.edit(edits.add_claim, "A", start, end, "statistic")
    pane = window.view.pane_a
    pane.center_on(start, end)
    QApplication.processEvents()
    qtbot.mouseDClick(pane.viewport(), Qt.MouseButton.LeftButton, pos=point_of(pane, start + 16))
    span = pane.selected_span()
    assert span is not None and project.doc_a.text[span[0]:span[1]] in {"15", "000", "15,000"}
    qtbot.mousePress(pane.viewport(), Qt.MouseButton.LeftButton, pos=point_of(pane, start + 2))
    qtbot.mouseMove(pane.viewport(), point_of(pane, start + 20))
    qtbot.mouseRelease(pane.viewport(), Qt.MouseButton.LeftButton, pos=point_of(pane, start + 20))
    QApplication.processEvents()
    span = pane.selected_span()
    assert span is not None and project.doc_a.text[span[0]:span[1]] == "approximately 15,000"
