"""The Links list sorts itself (one Python sort, not a data() call per comparison)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from annotator.core import LinkStatus, edits
from annotator.ui.links.link_list import SORT_ROLE, LinkTableModel
from annotator.ui.main_window import MainWindow
from tests.ui.test_comparison_window import small_window


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
