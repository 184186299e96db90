"""Keyboard navigation over claims: next / previous claim, next unlinked claim, next aligned
passage nobody has tagged, and jumping between partners.

Kept apart from the controller's wiring so that the "where next" rules read in one place; the
orders themselves come from `annotator.core.queries.claims`.
"""

from __future__ import annotations

from collections.abc import Callable

from annotator.core import edits
from annotator.core.edits import CLAIM
from annotator.core.queries import claims as q

from ..session import Session
from ..view.comparison_view import ComparisonView
from .current import current_claim, require_project, side_of


class ClaimNavigator:
    """Moves the selection between claims; refusals raise `ClaimEditError` for the caller."""

    def __init__(self, session: Session, view: ComparisonView,
                 say: Callable[[str], None]) -> None:
        self.session = session
        self.view = view
        self.panes = {"A": view.pane_a, "B": view.pane_b}
        self.say = say
        self.jump: tuple[str, int] | None = None  # (origin claim, partner index) of J presses

    def forget_jump(self) -> None:
        self.jump = None

    def jump_to_partner(self) -> None:
        claim = current_claim(self.session)
        if claim is None:
            raise edits.ClaimEditError("Select a claim first.")
        project = require_project(self.session)
        if self.jump is not None:
            origin, index = self.jump
            others = q.partners(project, origin) if origin in project.claims else []
            if index < len(others) and others[index].id == claim.id:
                nxt = index + 1
                target = others[nxt].id if nxt < len(others) else origin
                self._select(target)
                self.jump = (origin, nxt) if nxt < len(others) else None
                return
        others = q.partners(project, claim.id)
        if not others:
            raise edits.ClaimEditError(f"{claim.id} is not linked to any claim.")
        self._select(others[0].id)
        self.jump = (claim.id, 0) if len(others) > 1 else None

    def go_to_claim(self, claim_id: str) -> None:
        """Enter in the Claims list: select the claim and put the focus in its pane."""
        project = require_project(self.session)
        claim = project.claims.get(claim_id)
        if claim is not None:
            self.session.select(CLAIM, claim_id)
            self.panes[side_of(project, claim)].setFocus()

    def _select(self, claim_id: str) -> None:
        jump = self.jump
        self.session.select(CLAIM, claim_id)
        self.jump = jump

    def step_claim(self, direction: int) -> None:
        project = require_project(self.session)
        found = q.step(q.claims_in_order(project), project, current_claim(self.session),
                       direction)
        if found is None:
            raise edits.ClaimEditError("There are no claims yet.")
        self.session.select(CLAIM, found.id)

    def step_unlinked(self, direction: int) -> None:
        found = q.next_unlinked(require_project(self.session), current_claim(self.session),
                                direction)
        if found is None:
            raise edits.ClaimEditError("Every claim is linked.")
        self.session.select(CLAIM, found.id)

    def step_untagged(self, direction: int) -> None:
        project = require_project(self.session)
        pane = self.panes["B"] if self.panes["B"].hasFocus() else self.panes["A"]
        cursor = pane.textCursor()
        after = pane.cp_pos(cursor.selectionEnd() if direction > 0 else cursor.selectionStart())
        found = q.next_untagged(project, pane.side, after - (1 if direction > 0 else 0),
                                direction)
        if found is None:
            raise edits.ClaimEditError(f"Every aligned passage of {pane.side} has a claim.")
        self.session.select("", "")
        self.view.reveal_passage(pane.side, *found)
        pane.setFocus()
        self.say("Untagged aligned passage selected: press a type's key to tag all of it, "
                 "or select the claim inside it.")
