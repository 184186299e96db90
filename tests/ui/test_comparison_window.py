"""The real window, offscreen: open, paint, navigate, decide, undo, re-align, save, re-open."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtWidgets import QApplication

from annotator.core import (
    AlignmentLink,
    Document,
    LinkStatus,
    Span,
    edits,
    new_project,
    read_project,
)
from annotator.core.edits import LINK
from annotator.ui.main_window import MainWindow
from tests.conftest import SAMPLE_A, SAMPLE_B
from tests.ui.conftest import Dialogs, wait_aligned
from tests.ui.pair_helpers import paragraph_linked_project

TEXT_A = "Headline one 😀\n\nFirst sentence here. Second sentence here.\n\nOnly in A, alone."
TEXT_B = "Headline uno 😀\n\nSecond sentence here! First sentence here.\n\nOnly in B, too."


def small_window(window: MainWindow) -> MainWindow:
    """Three known links (proposed, accepted, manual) over two short texts, all on screen."""
    a, b = Document.from_text("A", TEXT_A), Document.from_text("B", TEXT_B)
    project = new_project(a, b, name="small")

    def span(text: str, part: str) -> Span:
        start = text.index(part)
        return Span(start, start + len(part))

    project.put_link(AlignmentLink("l1", (span(TEXT_A, "Headline one 😀"),),
                                   (span(TEXT_B, "Headline uno 😀"),), 0.7))
    project.put_link(AlignmentLink("l2", (span(TEXT_A, "First sentence here."),),
                                   (span(TEXT_B, "First sentence here."),), 0.95,
                                   LinkStatus.ACCEPTED))
    project.put_link(AlignmentLink("l3", (span(TEXT_A, "Second sentence here."),),
                                   (span(TEXT_B, "Second sentence here!"),), 0.9,
                                   LinkStatus.MANUAL, "manual"))
    window.session.set_project(project, None)
    QApplication.processEvents()
    return window


def key(qtbot, window: MainWindow, k: Qt.Key,  # type: ignore[no-untyped-def]
        mod: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    window.view.pane_a.setFocus()
    qtbot.keyClick(window.view.pane_a, k, mod)
    QApplication.processEvents()


def test_bands_painted_for_each_link(window: MainWindow) -> None:
    small_window(window)
    window.view.gutter.grab()
    assert sorted(window.view.gutter.painted) == [("l1", ""), ("l2", ""), ("l3", "")]
    # the passage only A has, and the one only B has, are shaded as unmatched
    assert window.view.pane_a.layer("unmatched") == [(TEXT_A.index("Only"), len(TEXT_A))]
    assert window.view.pane_b.layer("unmatched") == [(TEXT_B.index("Only"), len(TEXT_B))]


def test_sample_pair_paints_bands_and_stubs(sample_window: MainWindow) -> None:
    win = sample_window
    links = win.session.project.links  # type: ignore[union-attr]
    win.view.gutter.grab()
    painted = win.view.gutter.painted
    assert painted, "no band painted for the sample pair"
    assert len(painted) <= len(links)
    assert {link_id for link_id, _ in painted} <= set(links)
    # scroll A to its end: links whose B side is far above now show as stubs or vanish
    bar = win.view.pane_a.verticalScrollBar()
    win.actions_by_name["sync_scroll"].setChecked(False)
    bar.setValue(bar.maximum())
    QApplication.processEvents()
    win.view.gutter.grab()
    assert win.view.gutter.painted != painted


def test_keyboard_navigation_accept_reject_undo(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    s = small_window(window).session
    down, up = Qt.Key.Key_Down, Qt.Key.Key_Up
    alt = Qt.KeyboardModifier.AltModifier
    key(qtbot, window, down, alt)
    assert s.current == (LINK, "l1")
    key(qtbot, window, down, alt)
    assert s.current == (LINK, "l2")
    key(qtbot, window, down, alt)
    key(qtbot, window, up, alt)
    assert s.current == (LINK, "l2")
    key(qtbot, window, up, alt)
    assert s.current == (LINK, "l1")

    assert not window.isWindowModified()
    key(qtbot, window, Qt.Key.Key_A)  # accept l1 and go on
    assert s.project.links["l1"].status is LinkStatus.ACCEPTED  # type: ignore[union-attr]
    assert window.isWindowModified() and "[*]" in window.windowTitle()
    key(qtbot, window, Qt.Key.Key_Up, alt)
    key(qtbot, window, Qt.Key.Key_R)  # reject l1
    assert s.project.links["l1"].status is LinkStatus.REJECTED  # type: ignore[union-attr]
    ctrl = Qt.KeyboardModifier.ControlModifier
    key(qtbot, window, Qt.Key.Key_Z, ctrl)
    assert s.project.links["l1"].status is LinkStatus.ACCEPTED  # type: ignore[union-attr]
    key(qtbot, window, Qt.Key.Key_Z, ctrl)
    assert s.project.links["l1"].status is LinkStatus.PROPOSED  # type: ignore[union-attr]
    assert not window.isWindowModified()
    key(qtbot, window, Qt.Key.Key_Z, ctrl | Qt.KeyboardModifier.ShiftModifier)
    assert s.project.links["l1"].status is LinkStatus.ACCEPTED  # type: ignore[union-attr]


def test_selected_pair_marks_shared_and_changed_words(window: MainWindow) -> None:
    s = small_window(window).session
    s.select(LINK, "l1")
    QApplication.processEvents()
    diff_a = window.view.pane_a.layer("diff")
    words_a = [TEXT_A[x:y] for x, y in diff_a]
    assert "Headline" in words_a and "one" in words_a and "😀" in words_a
    ops = {op.tag for op in s.word_ops(s.current_link())}  # type: ignore[arg-type]
    assert ops == {"equal", "replace"}
    assert window.view.pane_b.layer("current") == [(0, len("Headline uno 😀"))]


def test_click_band_and_passage_select_link(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    s = small_window(window).session
    gutter = window.view.gutter
    band = next(b for b in gutter.bands() if b.link.id == "l3")
    centre = band.path.boundingRect().center()
    point = centre if band.path.contains(centre) else QPointF(gutter.width() / 2, centre.y())
    qtbot.mouseClick(gutter, Qt.MouseButton.LeftButton, pos=point.toPoint())
    assert s.current == (LINK, "l3")
    pane = window.view.pane_b
    start = TEXT_B.index("First sentence")
    rect = pane.cursorRect(pane.textCursor())
    pane.select_span(start + 3, start + 3)
    rect = pane.cursorRect()
    qtbot.mouseClick(pane.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert s.current == (LINK, "l2")
    qtbot.mouseClick(pane.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(rect.center().x(), pane.viewport().height() - 5))
    assert s.current == ("", "")


def test_manual_link_from_selections_then_remove(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    s = small_window(window).session
    a0 = TEXT_A.index("Only in A")
    b0 = TEXT_B.index("Only in B")
    window.view.pane_a.select_span(a0, a0 + 9)
    window.view.pane_b.select_span(b0, b0 + 9)
    key(qtbot, window, Qt.Key.Key_L)
    link = s.current_link()
    assert link is not None and link.status is LinkStatus.MANUAL
    assert (link.a, link.b) == ((Span(a0, a0 + 9),), (Span(b0, b0 + 9),))
    key(qtbot, window, Qt.Key.Key_Delete)
    assert link.id not in s.project.links  # type: ignore[union-attr]
    assert s.current == ("", "")
    key(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert s.project.links[link.id] == link  # type: ignore[union-attr]


def test_next_unmatched_passage(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    small_window(window)
    key(qtbot, window, Qt.Key.Key_U)
    assert window.view.pane_a.selected_span() == (TEXT_A.index("Only"), len(TEXT_A))


def test_threshold_realigns_in_worker_and_undoes(qtbot, sample_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    win = sample_window
    s = win.session
    project = s.project
    assert project is not None
    first = s.links_in_order()[0].id
    s.edit(edits.set_link_status, first, LinkStatus.ACCEPTED)
    before = dict(project.links)
    win.threshold.spin.setValue(0.95)
    qtbot.waitUntil(lambda: s.settings.threshold == 0.95, timeout=30_000)
    wait_aligned(qtbot, win)
    assert project.links[first].status is LinkStatus.ACCEPTED  # decisions survive
    assert all(lk.score >= 0.95 for lk in project.links.values()
               if lk.status is LinkStatus.PROPOSED)
    assert win.threshold.slider.value() == 95
    s.undo_stack.undo()
    assert project.links == before and s.settings.threshold != 0.95
    assert win.threshold.value() == s.settings.threshold


def test_alignment_can_be_cancelled(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    big_a, big_b = tmp_path / "a.txt", tmp_path / "b.txt"
    big_a.write_text("\n\n".join([SAMPLE_A.read_text()] * 40), encoding="utf-8")
    big_b.write_text("\n\n".join([SAMPLE_B.read_text()] * 40), encoding="utf-8")
    assert window.open_pair(big_a, big_b)
    assert window.session.aligning and window.progress.isVisibleTo(window)
    window.cancel_button.click()
    wait_aligned(qtbot, window)
    assert not window.progress.isVisibleTo(window)
    assert window.session.project is not None and not window.session.project.links


def test_save_and_reopen_same_state(qtbot, sample_window: MainWindow, answers: Dialogs,  # type: ignore[no-untyped-def]
                                    tmp_path: Path) -> None:
    win = sample_window
    s = win.session
    ids = [lk.id for lk in s.links_in_order()]
    s.edit(edits.set_link_status, ids[0], LinkStatus.ACCEPTED)
    s.edit(edits.set_link_status, ids[-1], LinkStatus.REJECTED)
    a0 = s.project.doc_a.text.index("Venezuelan")  # type: ignore[union-attr]
    s.edit(edits.add_manual_link, (a0, a0 + 10), (0, 4))
    answers.save_path = str(tmp_path / "pair.xml")
    key(qtbot, win, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not answers.errors
    saved = Path(answers.save_path)
    assert saved.is_file() and not win.isWindowModified()
    assert win.windowTitle().endswith("↔ COMP Why Venezuela's allies Russia and China are "
                                      "slinking… — pair.xml[*] — Annotator")
    state = s.project

    other = MainWindow()
    qtbot.addWidget(other)
    assert other.open_project(saved)
    assert other.session.project == state == read_project(saved)
    other.session.select(LINK, ids[0])
    other.grab()
    assert other.view.gutter.painted and not other.isWindowModified()
    from annotator.ui.window.recent import recent_projects
    assert recent_projects()[0] == str(saved.resolve())


def test_bad_input_keeps_current_work(window: MainWindow, answers: Dialogs, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    small_window(window)
    state = window.session.project
    empty, binary, broken = tmp_path / "e.txt", tmp_path / "b.txt", tmp_path / "p.xml"
    empty.write_text("")
    binary.write_bytes(bytes(range(256)) * 20)
    broken.write_text("<annotationSet><unclosed></annotationSet>")
    assert not window.open_pair(empty, SAMPLE_B)
    assert not window.open_pair(SAMPLE_A, binary)
    assert not window.open_project(broken)
    assert not window.open_paths([str(SAMPLE_A)])
    assert len(answers.errors) == 4
    assert "empty" in answers.errors[0][1] and "binary" in answers.errors[1][1]
    assert "well-formed" in answers.errors[2][1]
    monkeypatch.setattr("annotator.core.textio.MAX_INPUT_BYTES", 1000)  # a "huge" file
    assert not window.open_pair(SAMPLE_A, SAMPLE_B)
    assert "limit" in answers.errors[-1][1]
    assert window.session.project is state


def test_unsaved_changes_are_asked_about(window: MainWindow, answers: Dialogs) -> None:
    s = small_window(window).session
    s.edit(edits.set_link_status, "l1", LinkStatus.ACCEPTED)
    answers.unsaved = answers.unsaved.CANCEL
    assert not window.open_pair(SAMPLE_A, SAMPLE_B)
    assert answers.asked_unsaved == 1 and s.project is not None and s.project.name == "small"
    answers.unsaved = answers.unsaved.DISCARD


def test_status_bar_and_link_list(window: MainWindow) -> None:
    s = small_window(window).session
    assert window.counts_label.text() == "3 links · 1 to review"
    assert "3 links: 1 proposed · 1 accepted · 1 manual · 0 rejected" in (
        window.counts_label.toolTip())
    assert window.coverage_label.text().startswith("A in B ")
    assert "Coverage" in window.coverage_label.toolTip()
    links = window.link_list
    assert links.visible_ids() == ["l2", "l1", "l3"]  # by score, best first; manual last
    links.filter.setCurrentIndex(2)  # accepted
    assert links.visible_ids() == ["l2"]
    links.filter.setCurrentIndex(0)
    links.table.selectRow(1)
    assert s.current == (LINK, "l1")
    s.select(LINK, "l3")
    assert links.table.currentIndex().row() == 2


def test_scroll_sync_follows_and_unlocks(window: MainWindow, tmp_path: Path) -> None:
    window.session.set_project(paragraph_linked_project(80), None)
    QApplication.processEvents()
    bar_a = window.view.pane_a.verticalScrollBar()
    bar_b = window.view.pane_b.verticalScrollBar()
    bar_a.setValue(bar_a.maximum() // 2)
    assert abs(bar_b.value() - bar_a.value()) <= 2
    window.actions_by_name["sync_scroll"].trigger()  # unlock
    bar_a.setValue(0)
    assert bar_b.value() > 10


def test_drop_two_files_opens_pair(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QMimeData, QUrl
    from PySide6.QtGui import QDropEvent

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(SAMPLE_A)), QUrl.fromLocalFile(str(SAMPLE_B))])
    event = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    qtbot.waitUntil(lambda: window.session.project is not None, timeout=5000)
    wait_aligned(qtbot, window)
    assert window.session.project.doc_b.source == str(SAMPLE_B)  # type: ignore[union-attr]


def test_decision_during_alignment_is_respected(qtbot, sample_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    s = sample_window.session
    project = s.project
    assert project is not None
    first = s.links_in_order()[0]
    s.realign(0.2)
    # before the worker's result is handled:
    s.edit(edits.set_link_status, first.id, LinkStatus.ACCEPTED)
    wait_aligned(qtbot, sample_window)
    assert project.links[first.id].status is LinkStatus.ACCEPTED
    assert s.settings.threshold == 0.2
    same_spans = [lk for lk in project.links.values() if (lk.a, lk.b) == (first.a, first.b)]
    assert len(same_spans) == 1  # the accepted pair was not proposed a second time


def test_theme_switch_recolours_the_view(qapp, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    small_window(window)
    window.session.select(LINK, "l2")
    window.set_theme("dark")
    QApplication.processEvents()
    assert window.view.gutter.colors().dark and window.view.colors().dark
    window.view.gutter.grab()
    assert len(window.view.gutter.painted) == 3
    window.set_theme("light")
    QApplication.processEvents()
    assert not window.view.colors().dark


def test_controls_have_accessible_names(window: MainWindow) -> None:
    view = window.view
    named = [view.pane_a, view.pane_b, view.gutter, window.link_list.table,
             window.link_list.filter, window.threshold.spin, window.threshold.slider,
             window.progress, window.cancel_button]
    assert all(w.accessibleName() for w in named)
    for name, action in window.actions_by_name.items():
        assert action.toolTip(), name
