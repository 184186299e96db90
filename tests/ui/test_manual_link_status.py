"""What the status bar and the Links list say of a link's score: nothing for a manual link
(no fake "score 1.00", as the list's "–" and the band tooltip), and for a proposed one the
method that made it."""

from __future__ import annotations

from PySide6.QtCore import Qt

from annotator.core import LinkStatus, edits
from annotator.ui.links.link_list import ID_ROLE
from annotator.ui.main_window import MainWindow


def test_status_bar_shows_no_score_for_a_manual_link(sample_window: MainWindow) -> None:
    session = sample_window.session
    project = session.project
    assert project is not None
    a_text, b_text = project.doc_a.text, project.doc_b.text
    a0 = a_text.index("Despite Maduro’s reported October")
    b0 = b_text.index("Reports indicate that he reached")
    session.edit(edits.add_manual_link, (a0, a_text.index(".", a0) + 1),
                 (b0, b_text.index(".", b0) + 1))
    manual = next(link for link in project.links.values()
                  if link.status is LinkStatus.MANUAL)
    session.select("link", manual.id)
    message = sample_window.statusBar().currentMessage()
    assert f"Link {manual.id}" in message and "manual" in message
    assert "score" not in message, message


def test_a_proposed_link_names_what_made_it(sample_window: MainWindow) -> None:
    """The status bar and the Score cell's tooltip say which method made the link."""
    session = sample_window.session
    project = session.project
    assert project is not None
    link = session.links_in_order()[0]
    assert link.method == "wordllama"  # the sample pair is a rewrite: the model scores it
    session.select("link", link.id)
    message = sample_window.statusBar().currentMessage()
    assert f"score {link.score:.2f} (words + WordLlama)" in message, message
    model = sample_window.link_list.model
    row = next(r for r in range(model.rowCount())
               if model.index(r, 0).data(ID_ROLE) == link.id)
    tip = model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith(f"score {link.score:.2f} (words + WordLlama)"), tip
