"""The Links list sorts itself (one Python sort, not a data() call per comparison), by
value, and a row of the sorted, filtered table is still the link it shows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotator.core import AlignmentLink, Document, LinkStatus, Span, edits, new_project
from annotator.core.edits import LINK
from annotator.ui.links.link_list import A_COL, B_COL, SORT_ROLE, LinkTableModel
from annotator.ui.main_window import MainWindow
from tests.ui.test_comparison_window import small_window
from tests.ui.test_unmatched_list import click_header


def test_header_sorts_and_status_edits_resort(window: MainWindow,
                                              monkeypatch) -> None:  # type: ignore[no-untyped-def]
    s = small_window(window).session
    links = window.link_list
    asked: list[int] = []
    data = LinkTableModel.data

    def counting(self, index, role=Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        if role == SORT_ROLE:
            asked.append(index.row())
        return data(self, index, role)

    monkeypatch.setattr(LinkTableModel, "data", counting)
    links.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # status, a..z
    assert links.visible_ids() == ["l2", "l3", "l1"]  # accepted, manual, proposed
    s.edit(edits.set_link_status, "l1", LinkStatus.ACCEPTED)
    assert links.visible_ids() == ["l1", "l2", "l3"]  # re-sorted; ties in A's order
    links.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert links.visible_ids() == ["l2", "l1", "l3"]  # best score first; manual (no score) apart
    links.filter.setCurrentIndex(2)  # accepted
    assert links.visible_ids() == ["l2", "l1"]  # by score
    assert not asked  # sorting never went through data()


def test_on_a_long_pair_a_reset_waits_for_a_turn_of_its_own(
        window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from annotator.ui import session as session_module

    s = small_window(window).session
    links = window.link_list
    monkeypatch.setattr(session_module, "LONG_PAIR", 0)  # this short pair counts as long
    before = links.visible_ids()
    s.edit(edits.remove_link, "l3")
    assert links.visible_ids() == before and s.turns.pending("link list")
    s.turns.run_all()
    assert links.visible_ids() == [i for i in before if i != "l3"]


def test_links_reported_changed_but_the_same_update_no_row(window: MainWindow) -> None:
    """Sentences arriving for a loaded project re-announce every link (to redraw the shade);
    the list then has nothing to repaint: a dataChanged per row cost 80 ms on 3,600 links."""
    s = small_window(window).session
    assert s.project is not None
    rows: list[int] = []
    window.link_list.model.dataChanged.connect(lambda first, _last: rows.append(first.row()))
    s.links_changed.emit(list(s.project.links))
    assert rows == []
    s.edit(edits.set_link_status, "l1", LinkStatus.REJECTED)
    assert len(rows) == 1


def _spread_links(window: MainWindow) -> dict[str, tuple[int, int]]:
    """Four links whose B passages start at 0, two- and three-digit offsets, in an order
    that is not A's; l2 accepted. Made here, not by aligning the sample: which method
    aligns it depends on the models installed. Returns each link's (A, B) start."""
    parts = ("Alpha one.", "Beta two.", "Gamma three.", "Delta four.")

    def text(order: tuple[int, ...], filler: tuple[int, ...]) -> str:
        return "\n\n".join(parts[i] + " More words." * n for i, n in zip(order, filler,
                                                                          strict=True))

    text_a, text_b = text((0, 1, 2, 3), (2, 2, 2, 2)), text((2, 0, 3, 1), (3, 30, 1, 1))
    project = new_project(Document.from_text("A", text_a), Document.from_text("B", text_b),
                          name="spread")
    starts = {}
    for k, part in enumerate(parts):
        a, b = text_a.index(part), text_b.index(part)
        starts[f"l{k + 1}"] = (a, b)
        project.put_link(AlignmentLink(
            f"l{k + 1}", (Span(a, a + len(part)),), (Span(b, b + len(part)),), 0.5 + k / 10,
            LinkStatus.ACCEPTED if k == 1 else LinkStatus.PROPOSED))
    window.session.set_project(project, None)
    QApplication.processEvents()
    return starts


def test_a_header_click_sorts_by_position_and_a_sorted_row_selects_its_link(
        qtbot: QtBot, window: MainWindow) -> None:
    starts = _spread_links(window)
    s, links = window.session, window.link_list
    links.show_filter("To review (proposed)")  # l2 hidden: a shown row is not a model row
    b_start = {i: b for i, (_a, b) in starts.items() if i != "l2"}
    assert sorted(map(str, b_start.values())) != [str(v) for v in sorted(b_start.values())]
    click_header(qtbot, links.table, B_COL)  # a new column: ascending, as numbers
    by_b = sorted(b_start, key=b_start.__getitem__)
    assert links.visible_ids() == by_b == ["l3", "l1", "l4"]
    click_header(qtbot, links.table, B_COL)
    assert links.visible_ids() == by_b[::-1]
    links.table.setFocus()
    links.table.selectRow(1)  # model row 2: l2, B's last, is hidden above it
    QApplication.processEvents()
    assert s.current == (LINK, "l1")  # the row's own link, through the filter's mapping
    assert links.table.currentIndex().row() == 1  # and the session's link maps back to it
    s.select(LINK, "l3")
    click_header(qtbot, links.table, A_COL)  # sorting again keeps the link selected
    assert links.visible_ids() == ["l1", "l3", "l4"]
    assert links.table.currentIndex().row() == 1 and s.current == (LINK, "l3")
