"""What the claim commands act on: the open project, the selected claim, a claim's side."""

from __future__ import annotations

from annotator.core import Claim, Project, edits
from annotator.core.edits import CLAIM

from ..session import Session


def require_project(session: Session) -> Project:
    """The open project; a claim command without one is refused with a message."""
    if session.project is None:
        raise edits.ClaimEditError("Open a pair of articles first.")
    return session.project


def current_claim(session: Session) -> Claim | None:
    project = session.project
    kind, item_id = session.current
    return project.claims.get(item_id) if project is not None and kind == CLAIM else None


def side_of(project: Project, claim: Claim) -> str:
    return "A" if claim.doc == project.doc_a.id else "B"
