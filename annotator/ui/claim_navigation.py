"""Keyboard navigation over claims, as a mixin of `ClaimTools`: next / previous claim,
next unlinked claim, next aligned passage nobody has tagged, and jumping between partners.

Kept apart from the tool's wiring so that the "where next" rules read in one place; the
orders themselves come from `claim_queries`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.core import Claim, Project

from . import claim_ops as ops
from . import claim_queries as q
from .commands import CLAIM

if TYPE_CHECKING:
    from .comparison_view import ComparisonView
    from .session import Session
    from .text_pane import TextPane


class ClaimNavigation:
    """Needs `session`, `view`, `panes`, `_jump`, `current_claim`, `_project`, `side_of`, `say`
    from the class it is mixed into."""

    session: Session
    view: ComparisonView
    panes: dict[str, TextPane]
    _jump: tuple[str, int] | None

    def current_claim(self) -> Claim | None:
        raise NotImplementedError

    def _project(self) -> Project:
        raise NotImplementedError

    def side_of(self, claim: Claim) -> str:
        raise NotImplementedError

    def say(self, message: str) -> None:
        raise NotImplementedError

    def jump_to_partner(self) -> None:
        claim = self.current_claim()
        if claim is None:
            raise ops.ClaimEditError("Select a claim first.")
        project = self._project()
        if self._jump is not None:
            origin, index = self._jump
            others = q.partners(project, origin) if origin in project.claims else []
            if index < len(others) and others[index].id == claim.id:
                nxt = index + 1
                target = others[nxt].id if nxt < len(others) else origin
                self._select(target)
                self._jump = (origin, nxt) if nxt < len(others) else None
                return
        others = q.partners(project, claim.id)
        if not others:
            raise ops.ClaimEditError(f"{claim.id} is not linked to any claim.")
        self._select(others[0].id)
        self._jump = (claim.id, 0) if len(others) > 1 else None

    def _go_to_claim(self, claim_id: str) -> None:
        """Enter in the Claims list: select the claim and put the focus in its pane."""
        project = self._project()
        claim = project.claims.get(claim_id)
        if claim is not None:
            self.session.select(CLAIM, claim_id)
            self.panes[self.side_of(claim)].setFocus()

    def _select(self, claim_id: str) -> None:
        jump = self._jump
        self.session.select(CLAIM, claim_id)
        self._jump = jump

    def step_claim(self, direction: int) -> None:
        project = self._project()
        found = q.step(q.claims_in_order(project), project, self.current_claim(), direction)
        if found is None:
            raise ops.ClaimEditError("There are no claims yet.")
        self.session.select(CLAIM, found.id)

    def step_unlinked(self, direction: int) -> None:
        found = q.next_unlinked(self._project(), self.current_claim(), direction)
        if found is None:
            raise ops.ClaimEditError("Every claim is linked.")
        self.session.select(CLAIM, found.id)

    def step_untagged(self, direction: int) -> None:
        project = self._project()
        pane = self.panes["B"] if self.panes["B"].hasFocus() else self.panes["A"]
        cursor = pane.textCursor()
        after = pane.cp_pos(cursor.selectionEnd() if direction > 0 else cursor.selectionStart())
        found = q.next_untagged(project, pane.side, after - (1 if direction > 0 else 0),
                                direction)
        if found is None:
            raise ops.ClaimEditError(f"Every aligned passage of {pane.side} has a claim.")
        self.session.select("", "")
        self.view.reveal_passage(pane.side, *found)
        pane.setFocus()
        self.say("Untagged aligned passage selected: press a type's key to tag all of it, "
                 "or select the claim inside it.")
