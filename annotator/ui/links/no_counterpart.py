"""Marking unmatched passages as reviewed ("no counterpart") from the keyboard, stepping to
the next one still to review (U, and after Alt+1-3), and the review's progress: how many of
the passages without a partner a person has looked at."""

from __future__ import annotations

from collections.abc import Callable

from annotator.core import edits
from annotator.core.queries.links import next_to_review
from annotator.core.reviewed import review_progress, reviewed_id, split_reviewed

from ..session import Session, split_by_worker
from ..view.comparison_view import ComparisonView


def passage_at(session: Session, side: str, offset: int) -> tuple[int, int] | None:
    """The unmatched passage of `side` that holds `offset` (its end counts: the cursor sits
    there after U), else a passage marked reviewed that holds it (to unmark it)."""
    project = session.project
    if project is None:
        return None
    for start, end in session.unmatched(side):
        if start <= offset <= end:
            return start, end
    doc = (project.doc_a if side == "A" else project.doc_b).id
    for mark in project.reviewed.values():
        if mark.doc == doc and mark.start <= offset <= mark.end:
            return mark.start, mark.end
    return None


def not_split_yet(session: Session, side: str | None = None) -> bool:
    """Whether `side` (else either side) is a long text the worker has not split into
    sentences yet (while a long pair first aligns, or a long project is being opened):
    `session.unmatched` is empty then because nothing is known, not because every passage
    has a partner, and saying so would tell a fact-checker the review was done."""
    project = session.project
    if project is None:
        return False
    docs = {"A": project.doc_a, "B": project.doc_b}
    return any(split_by_worker(doc) for s, doc in docs.items() if side in (None, s))


def progress(session: Session) -> tuple[int, int]:
    """(reviewed, total) over both sides' unmatched passages."""
    project = session.project
    if project is None:
        return 0, 0
    done = total = 0
    for side, doc in (("A", project.doc_a), ("B", project.doc_b)):
        d, t = review_progress(session.unmatched(side), doc.id, project.reviewed)
        done, total = done + d, total + t
    return done, total


def progress_text(session: Session) -> str:
    if not_split_yet(session):
        return "unmatched: not counted yet"
    done, total = progress(session)
    if not total:
        return "every passage has a partner"
    if done == total:
        return f"unmatched: all {total} reviewed"
    return f"unmatched: {done}/{total} reviewed"


def toggle_at_cursor(session: Session, view: ComparisonView,
                     say: Callable[[str, int], None]) -> None:
    """Mark (or unmark) the unmatched passage at the focused pane's cursor (A by default)."""
    pane = view.pane_b if view.pane_b.hasFocus() else view.pane_a
    cursor = pane.textCursor()
    offset = pane.cp_pos(cursor.selectionStart())
    found = passage_at(session, pane.side, offset)
    if found is None:
        say(f"The cursor in {pane.side} is not in a passage without a partner "
            "(U goes to the next one).", 6000)
        return
    toggle_passage(session, pane.side, found, say)


def toggle_passage(session: Session, side: str, passage: tuple[int, int],
                   say: Callable[[str, int], None]) -> None:
    """Mark (or unmark) one unmatched passage of `side` reviewed, and say so with the
    progress: D in a pane and D on a row of the unmatched list are the same edit."""
    try:
        session.edit(edits.toggle_reviewed, side, *passage)
    except edits.ClaimEditError as exc:
        say(str(exc), 6000)
        return
    project = session.project
    doc = "" if project is None else (project.doc_a if side == "A" else project.doc_b).id
    marked = project is not None and reviewed_id(doc, *passage) in project.reviewed
    state = "reviewed (no counterpart)" if marked else "to review again"
    say(f"Passage of {side} marked {state} · {progress_text(session)}", 5000)


def step_to_review(session: Session, view: ComparisonView, side: str, after: int,
                   direction: int, say: Callable[[str, int], None]) -> bool:
    """Select and reveal the next (or previous) passage of `side` without a partner that is
    not marked reviewed, wrapping around; a marked one is settled, so stepping never stops
    there. When none is left, say why. True when it moved."""
    project = session.project
    if not_split_yet(session, side):
        say(f"{side} is still being split into sentences: press U again in a moment.", 6000)
        return False
    gaps = session.unmatched(side)
    if project is None or not gaps:
        say(f"Every passage of {side} has a partner.", 4000)
        return False
    doc = (project.doc_a if side == "A" else project.doc_b).id
    found = next_to_review(gaps, doc, project.reviewed, after, direction)
    if found is None:
        say(all_reviewed_text(session, side), 8000)
        return False
    session.select("", "")
    view.reveal_passage(side, *found)
    view.pane(side).setFocus()
    return True


def all_reviewed_text(session: Session, side: str) -> str:
    """What U says when every passage of `side` without a partner is marked reviewed, with
    where any work is left (the other article), so the reviewer knows whether they are done."""
    project = session.project
    if project is None:
        return ""
    other = "B" if side == "A" else "A"
    counts: dict[str, tuple[int, int]] = {}  # side: (still to review, reviewed)
    for s, doc in (("A", project.doc_a), ("B", project.doc_b)):
        todo, done = split_reviewed(session.unmatched(s), doc.id, project.reviewed)
        counts[s] = (len(todo), len(done))
    # the news first: a narrow window elides the end of a long message
    head = f"All {counts[side][1]} unmatched passages of {side} are reviewed"
    left = counts[other][0]
    if left:
        return (f"{head}; {other} has {left} still to review: click in {other}, then U "
                "(D unmarks a passage)")
    return f"{head}; none is left in {other} either ({progress_text(session)})"
