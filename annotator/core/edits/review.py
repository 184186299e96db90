"""Marking an unmatched passage as reviewed ("no counterpart") and taking the mark back."""

from __future__ import annotations

from ..annotations import Project
from ..reviewed import ReviewedPassage, reviewed_id
from .change import REVIEWED, Change, Edit
from .claims import ClaimEditError


def toggle_reviewed(open_project: Project | None, side: str, start: int, end: int) -> Edit:
    """Mark the passage [start, end) of side "A" or "B" as reviewed, or unmark it when it is."""
    if open_project is None:
        raise ClaimEditError("Open a pair of articles first.")
    doc = open_project.doc_a if side == "A" else open_project.doc_b
    if not 0 <= start < end <= len(doc.text):
        raise ClaimEditError("There is no passage here to mark.")
    key = reviewed_id(doc.id, start, end)
    before = open_project.reviewed.get(key)
    if before is not None:
        return Edit("Unmark passage as reviewed", [Change(REVIEWED, key, before, None)])
    mark = ReviewedPassage(doc.id, start, end)
    return Edit("Mark passage as reviewed (no counterpart)", [Change(REVIEWED, key, None, mark)])
