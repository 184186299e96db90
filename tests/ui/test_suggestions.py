"""Suggested partners in the window: scored in the worker, listed and drawn for the passage at
the cursor, one key links a suggestion and moves on to the next unmatched passage."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from annotator.core import (
    AlignmentLink,
    Document,
    LinkStatus,
    Project,
    Span,
    edits,
    new_project,
)
from annotator.core import suggest as suggest_module
from annotator.ui.main_window import MainWindow


def _sentence(doc: Document, phrase: str) -> Span:
    at = doc.text.index(phrase)
    seg = next(s for s in doc.sentences if s.start <= at < s.end)
    return Span(seg.start, seg.end)


def _partners(doc_b: Document) -> set[Span]:
    """B's two sentences that say what A's "October request" sentence says."""
    return {_sentence(doc_b, "In light of the growing threats"),
            _sentence(doc_b, "Reports indicate that he reached out")}


def _ready(qtbot, win: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: win.suggestions.table is not None, timeout=30_000)
    QApplication.processEvents()


def _ready_at_october(qtbot, win: MainWindow,  # type: ignore[no-untyped-def]
                      ) -> tuple[Project, Span]:
    """The window once its suggestions are ready, its project, and A's "October request"
    sentence (which the aligner leaves unmatched)."""
    _ready(qtbot, win)
    project = win.session.project
    assert project is not None
    return project, _sentence(project.doc_a, "reported October request")


def _put_caret(win: MainWindow, side: str, offset: int) -> None:
    pane = win.view.pane(side)
    pane.setFocus()
    cursor = pane.textCursor()
    cursor.setPosition(pane.qt_pos(offset))
    pane.setTextCursor(cursor)
    QApplication.processEvents()


def test_suggestions_are_scored_in_the_worker_not_the_window(
        qtbot, sample_window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("scored on the UI thread")

    monkeypatch.setattr(suggest_module, "score_pairs", refuse)  # only this process's copy
    _ready(qtbot, sample_window)
    project = sample_window.session.project
    assert project is not None
    october = _sentence(project.doc_a, "reported October request")
    _put_caret(sample_window, "A", october.start + 3)
    tools = sample_window.suggestions
    qtbot.waitUntil(lambda: tools.passage == ("A", october))
    assert len(tools.candidates) == 3
    assert _partners(project.doc_b) & {c.span for c in tools.candidates}


def test_passage_at_the_cursor_lists_ranked_partners_and_draws_ghosts(
        qtbot, sample_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _ready(qtbot, sample_window)
    project = sample_window.session.project
    assert project is not None
    tools = sample_window.suggestions
    reached = _sentence(project.doc_b, "Reports indicate that he reached out")
    _put_caret(sample_window, "B", reached.start)
    qtbot.waitUntil(lambda: tools.passage == ("B", reached))
    rows = tools.panel.suggestion_rows()
    assert [r.split()[0] for r in rows] == ["Alt+1", "Alt+2", "Alt+3"]
    scores = [float(r.split()[1]) for r in rows]
    assert scores == sorted(scores, reverse=True)
    assert any("Despite Maduro’s reported October request" in r for r in rows)
    ghosts = [g for g in tools.bands.ghosts if g.rank]
    assert [g.rank for g in ghosts] == [1, 2, 3]
    assert all(g.side == "B" and g.passage == reached for g in ghosts)
    assert [g.candidate for g in ghosts] == [c.span for c in tools.candidates]
    unmatched = {side: set(sample_window.session.unmatched(side)) for side in "AB"}
    for guess in (g for g in tools.bands.ghosts if not g.rank):  # other passages' best
        assert (guess.passage.start, guess.passage.end) in unmatched[guess.side]
        assert guess.passage != reached
    third, pane_a = tools.candidates[2].span, sample_window.view.pane_a
    bar = pane_a.verticalScrollBar()
    with sample_window.view.sync.suspended():  # scroll A away from it, B stays
        bar.setValue(0 if third.start > len(pane_a.text()) / 2 else bar.maximum())
    QApplication.processEvents()
    top, bottom = pane_a.span_y(third.start, third.end)
    assert not (top >= 0 and bottom <= pane_a.viewport().height())
    tools.panel.setCurrentRow(3)  # a click on the third row: its sentence comes into view
    top, bottom = pane_a.span_y(third.start, third.end)
    assert top >= 0 and bottom <= pane_a.viewport().height()
    marked = sample_window.view.pane_a.layer("suggestions")  # the candidates, underlined
    assert sorted(marked) == sorted((c.span.start, c.span.end) for c in tools.candidates)
    assert not sample_window.view.pane_b.layer("suggestions")


def test_one_key_links_a_suggestion_and_moves_to_the_next_unmatched_passage(
        qtbot, sample_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    project, october = _ready_at_october(qtbot, sample_window)
    session, tools = sample_window.session, sample_window.suggestions
    _put_caret(sample_window, "A", october.start)
    qtbot.waitUntil(lambda: tools.passage == ("A", october))
    k, partner = next((k, c.span) for k, c in enumerate(tools.candidates)
                      if c.span in _partners(project.doc_b))
    before = len(project.links)
    qtbot.keyClick(sample_window.view.pane_a, Qt.Key.Key_1 + k,
                   Qt.KeyboardModifier.AltModifier)
    QApplication.processEvents()
    assert len(project.links) == before + 1
    made = [lk for lk in project.links.values() if lk.status is LinkStatus.MANUAL]
    assert [(lk.a, lk.b) for lk in made] == [((october,), (partner,))]
    following = session.next_unmatched("A", october.end - 1, 1)
    assert following is not None
    assert tools.passage == ("A", Span(*following))  # moved on, and shows its suggestions
    assert tools.panel.suggestion_rows() and tools.bands.ghosts
    session.undo_stack.undo()
    assert len(project.links) == before


def test_after_linking_a_suggestion_passages_marked_reviewed_are_skipped(
        qtbot, sample_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _, october = _ready_at_october(qtbot, sample_window)
    session, tools = sample_window.session, sample_window.suggestions
    following = session.next_unmatched("A", october.end - 1, 1)
    assert following is not None
    session.edit(edits.toggle_reviewed, "A", *following)  # settled: "no counterpart"
    after = session.next_unmatched("A", following[1] - 1, 1)
    assert after is not None and after != following
    _put_caret(sample_window, "A", october.start)
    qtbot.waitUntil(lambda: tools.passage == ("A", october))
    qtbot.keyClick(sample_window.view.pane_a, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    QApplication.processEvents()
    assert tools.passage == ("A", Span(*after))


def test_linked_and_rejected_partners_drop_out_of_the_list(
        qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    a = Document.from_text("A", "The mayor opened the new bridge on Monday. Rain fell all day.")
    b = Document.from_text("B", "On Monday the mayor opened a bridge. It rained all day long. "
                                "The mayor spoke about the new bridge.")
    project = new_project(a, b)
    window.session.set_project(project, None)
    _ready(qtbot, window)
    tools = window.suggestions
    first = Span(a.sentences[0].start, a.sentences[0].end)
    _put_caret(window, "A", 2)
    qtbot.waitUntil(lambda: tools.passage == ("A", first))
    best = tools.candidates[0].span
    assert best == Span(b.sentences[0].start, b.sentences[0].end)
    project.put_link(AlignmentLink("r1", (first,), (best,), 0.5, LinkStatus.REJECTED))
    window.session.links_changed.emit(["r1"])
    qtbot.waitUntil(lambda: best not in [c.span for c in tools.candidates])
    assert tools.candidates  # the others are still offered


def test_hiding_the_dock_hides_the_ghosts(qtbot, sample_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _ready(qtbot, sample_window)
    tools = sample_window.suggestions
    _put_caret(sample_window, "A", 0)
    qtbot.waitUntil(lambda: bool(tools.bands.ghosts))
    tools.dock.hide()
    qtbot.waitUntil(lambda: not tools.bands.ghosts)


def test_stepping_with_u_shows_each_unmatched_passage_s_suggestions(
        qtbot, sample_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _ready(qtbot, sample_window)
    session, tools = sample_window.session, sample_window.suggestions
    _put_caret(sample_window, "A", 0)
    seen = []
    for _ in range(3):
        qtbot.keyClick(sample_window.view.pane_a, Qt.Key.Key_U)
        QApplication.processEvents()
        assert tools.passage is not None
        side, span = tools.passage
        assert side == "A" and (span.start, span.end) in session.unmatched("A")
        assert len(tools.candidates) == 3 and len(tools.panel.suggestion_rows()) == 3
        seen.append(span)
    assert seen == sorted(set(seen), key=lambda s: s.start)  # three different, in order


def test_suggestions_follow_the_pane_in_use_not_a_caret_moved_elsewhere(
        qtbot, sample_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _ready(qtbot, sample_window)
    tools = sample_window.suggestions
    project = sample_window.session.project
    assert project is not None
    october = _sentence(project.doc_a, "reported October request")
    _put_caret(sample_window, "A", october.start)
    qtbot.waitUntil(lambda: tools.passage == ("A", october))
    pane_b = sample_window.view.pane_b
    cursor = pane_b.textCursor()  # B's caret moves while A has the focus
    cursor.setPosition(pane_b.qt_pos(project.doc_b.sentences[3].start))
    pane_b.setTextCursor(cursor)
    QApplication.processEvents()
    assert tools.passage == ("A", october)
    pane_b.setFocus()  # now the user is in B
    qtbot.waitUntil(lambda: tools.passage is not None and tools.passage[0] == "B")


def test_a_suggestion_that_would_cross_a_link_is_refused_with_a_message(
        qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    a = Document.from_text("A", "The mayor opened the new bridge on Monday. Rain fell all day.")
    b = Document.from_text("B", "On Monday the mayor opened a bridge. It rained all day long.")
    project = new_project(a, b)
    rain_b = b.sentences[1]
    # a link from the end of B's first sentence into its second: linking all of the second
    # would run into it
    project.put_link(AlignmentLink("l1", (Span(0, 5),),
                                   (Span(rain_b.start - 8, rain_b.start + 9),), 0.5,
                                   LinkStatus.MANUAL))
    window.session.set_project(project, None)
    _ready(qtbot, window)
    tools = window.suggestions
    rain_a = Span(a.sentences[1].start, a.sentences[1].end)
    _put_caret(window, "A", rain_a.start + 1)
    qtbot.waitUntil(lambda: tools.passage == ("A", rain_a))
    k = [c.span for c in tools.candidates].index(Span(rain_b.start, rain_b.end))
    tools.link_suggestion(k)
    assert set(project.links) == {"l1"}
    assert "runs into link l1" in window.statusBar().currentMessage()
