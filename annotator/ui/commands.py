"""Undoable edits of the project: one generic QUndoCommand over item-level changes.

Every operation, whatever its kind (alignment link, claim, claim link, settings), is a list
of `Change(kind, id, before, after)`; redo applies each `after` in order, undo each `before`
in reverse. The session does the applying, so the model is mutated in exactly one place and
every widget hears about it through the session's per-kind signals. Claim operations
(issue 4) are just new lists of changes with kind "claim" / "claim_link".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtGui import QUndoCommand

LINK = "link"
CLAIM = "claim"
CLAIM_LINK = "claim_link"
SETTINGS = "settings"
TAXONOMY = "taxonomy"
KINDS = (LINK, CLAIM, CLAIM_LINK, SETTINGS, TAXONOMY)


@dataclass(frozen=True)
class Change:
    """One item going from `before` to `after`; None means absent (added or removed)."""

    kind: str
    id: str
    before: Any
    after: Any

    def inverted(self) -> Change:
        return Change(self.kind, self.id, self.after, self.before)


Applier = Callable[[Sequence[Change]], None]


class EditCommand(QUndoCommand):
    """A named group of changes; the applier is the session's single mutation entry point."""

    def __init__(self, text: str, changes: Sequence[Change], apply: Applier) -> None:
        super().__init__(text)
        self.changes = list(changes)
        self._apply = apply

    def redo(self) -> None:
        self._apply(self.changes)

    def undo(self) -> None:
        self._apply([c.inverted() for c in reversed(self.changes)])
