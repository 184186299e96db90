"""QA's small defects: the shortcuts list fits a small screen, a hidden suggestions list still
tells the user its best suggestion, Weakest speaks Score's unit, the assist keys are named
after candidates and flags, and claim-type swatches stay visible on a dark dock."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import QApplication, QDockWidget, QPushButton

from annotator.core.suggest import Candidate
from annotator.ui.claims.panel import swatch
from annotator.ui.main_window import MainWindow
from annotator.ui.theme import dark_palette
from tests.ui.test_comparison_window import small_window
from tests.ui.test_suggestions import _put_caret, _ready


def test_shortcuts_dialog_fits_the_screen_with_its_ok_button(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    free = window.screen().availableGeometry()
    seen: dict[str, object] = {}

    def inspect() -> None:
        box = QApplication.activeModalWidget()
        assert box is not None
        ok = next(b for b in box.findChildren(QPushButton) if b.text().replace("&", "") == "OK")
        corner = ok.mapToGlobal(QPoint(ok.width(), ok.height()))
        seen["height"], seen["ok_inside"] = box.frameGeometry().height(), free.contains(corner)
        box.close()

    QTimer.singleShot(0, inspect)
    window.show_shortcuts()
    assert seen, "the shortcuts dialog did not open"
    assert seen["height"] <= free.height()  # type: ignore[operator]
    assert seen["ok_inside"]


def test_shortcuts_table_lists_every_key_and_filters(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from annotator.ui.shortcuts_dialog import ShortcutsDialog, shortcut_rows

    actions = list(window.actions_by_name.values())
    rows = shortcut_rows(actions)
    dialog = ShortcutsDialog(window, rows)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == len(rows) > 20
    dialog.filter.setText("unmatched")
    shown = [item.text() for r in range(dialog.table.rowCount())
             if not dialog.table.isRowHidden(r) and (item := dialog.table.item(r, 1))]
    assert shown and all("unmatched" in text.lower() for text in shown)


def _list_behind_a_tab(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _ready(qtbot, window)
    tools = window.suggestions
    links_dock = next(d for d in window.findChildren(QDockWidget)
                      if d.objectName() == "linksDock")
    window.tabifyDockWidget(links_dock, tools.dock)  # a bottom tab, as at 1024x700
    links_dock.raise_()
    QApplication.processEvents()
    assert tools.panel.visibleRegion().isEmpty()  # behind the Links tab


def test_hidden_suggestion_list_puts_the_best_suggestion_in_the_status_bar(
        qtbot, sample_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _list_behind_a_tab(qtbot, sample_window)
    tools = sample_window.suggestions
    _put_caret(sample_window, "A", 0)
    focused = QApplication.focusWidget()
    qtbot.keyClick(sample_window.view.pane_a, "u")
    bar = sample_window.statusBar()
    qtbot.waitUntil(lambda: bar.currentMessage().startswith("Alt+1 links suggestion 1 ("))
    assert tools.passage is not None and tools.passage[0] == "A"
    best, message = tools.candidates[0], bar.currentMessage()
    listed = tools._rows(*_docs(sample_window))[0].split(" B ", 1)[1]  # "3 · As President…"
    assert message.startswith(f"Alt+1 links suggestion 1 ({best.score:.2f}): B {listed[:20]}")
    assert QApplication.focusWidget() is focused  # the keys still go to the pane
    assert tools.bands.ghosts  # the numbered bands are drawn as well


def test_a_find_match_is_not_offered_for_linking(
        qtbot, sample_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Find selects its match in a pane while the user types in the find field: the status
    bar must not offer to link that one word (Alt+1) with a whole sentence."""
    _list_behind_a_tab(qtbot, sample_window)
    bar, find = sample_window.statusBar(), sample_window.view.find_bar
    sample_window.actions_by_name["find"].trigger()
    qtbot.keyClicks(find.edit, "Maduro")
    qtbot.keyClick(find.edit, Qt.Key.Key_Return)
    qtbot.wait(300)  # the suggestions follow the selection on the next turns
    assert sample_window.view.pane_a.textCursor().selectedText() == "Maduro"
    assert QApplication.focusWidget() is find.edit
    assert not bar.currentMessage().startswith("Alt+1 links suggestion")


def test_a_long_shot_shows_as_under_a_hundredth(qtbot, sample_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _ready(qtbot, sample_window)
    tools = sample_window.suggestions
    _put_caret(sample_window, "A", 0)
    qtbot.waitUntil(lambda: bool(tools.candidates))
    first = tools.candidates[0]
    tools.candidates = (Candidate(first.span, 0.003), Candidate(first.span, 0.005))
    rows = tools._rows(*_docs(sample_window))
    assert "   <0.01   " in rows[0] and "   0.01   " in rows[1]  # not "0.00"


def _docs(win: MainWindow):  # type: ignore[no-untyped-def]
    project = win.session.project
    assert project is not None
    return project.doc_a, project.doc_b


def test_weakest_column_uses_the_unit_of_score(window: MainWindow) -> None:
    links = small_window(window).link_list
    model = links.table.model()
    texts = [model.index(r, 2).data() for r in range(model.rowCount())]
    assert any(texts)
    for text in filter(None, texts):
        value = text.replace("⚠", "").strip()
        assert "%" not in value and 0.0 <= float(value) <= 1.0


def test_assist_actions_speak_of_candidates_and_flags(window: MainWindow) -> None:
    names = [a.text().replace("&", "") for a in window.findChildren(QAction)]
    assert {"Accept Candidate or Flag", "Dismiss Candidate or Flag", "Next Candidate or Flag",
            "Previous Candidate or Flag"} <= set(names)
    # "suggestion" is left to the suggested partners (Link Suggestion 1-3)
    assert [n for n in names if "Suggestion" in n] == [f"Link Suggestion {k}" for k in (1, 2, 3)]


def test_dark_swatch_has_an_outline_that_shows_on_the_dark_dock() -> None:
    dock = dark_palette().window().color()
    brown = QColor("#4e342e")  # the default taxonomy's Prediction
    edge = swatch(brown, 14).toImage().pixelColor(0, 7)
    centre = swatch(brown, 14).toImage().pixelColor(7, 7)
    assert centre == brown  # the taxonomy's colour itself is untouched
    assert _contrast(edge, dock) >= 3.0 > _contrast(brown, dock)
    light = QColor("#fff59d")
    assert _contrast(swatch(light, 14).toImage().pixelColor(0, 7), QColor("#ffffff")) >= 3.0


def _contrast(a: QColor, b: QColor) -> float:
    def lum(c: QColor) -> float:
        def ch(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
        return 0.2126 * ch(c.redF()) + 0.7152 * ch(c.greenF()) + 0.0722 * ch(c.blueF())
    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)
