"""Issue 13, QA pair: in the window, the copied link for "The company fired..." starts at
"The" in B (band and tint), and the link before it shows no changed "The"."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from annotator.core import link_diff
from annotator.ui.main_window import MainWindow
from tests.core.test_align_sentence_edges import A, B
from tests.ui.conftest import wait_aligned


def test_a_copied_link_starts_at_its_sentence_in_the_window(
        qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    path_a, path_b = tmp_path / "a.txt", tmp_path / "b.txt"
    path_a.write_text(A, encoding="utf-8")
    path_b.write_text(B, encoding="utf-8")
    assert window.open_pair(path_a, path_b)
    wait_aligned(qtbot, window)
    project = window.session.project
    assert project is not None
    doc_a, doc_b = project.doc_a, project.doc_b
    company = doc_b.text.index("The company")
    links = window.session.links_in_order()
    (link,) = [x for x in links if x.b[0].start <= company + 4 < x.b[-1].end]
    assert link.b[0].start == company  # the band and tint start at "The", not "company"
    assert doc_b.text[link.b[0].start : link.b[-1].end] == "The company fired 40 workers last year."
    assert link.id in {band.link.id for band in window.view.gutter.bands()}
    (before,) = [x for x in links if x.b[-1].end <= company and "repairs" in
                 doc_b.text[x.b[0].start : x.b[-1].end]]
    changed = [doc_b.text[op.b_start : op.b_end] for op in link_diff(doc_a, doc_b, before)
               if op.tag != "equal"]
    assert all("The" not in word for word in changed), changed
