"""A manual link has no score: the status bar must not show a fake "score 1.00" for it, as
the Links list ("–") and the band tooltip already do not."""

from __future__ import annotations

from annotator.core import LinkStatus, edits
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
