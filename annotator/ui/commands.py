"""Qt undo commands over the core's item-level changes (`annotator.core.edits`).

Redo applies each change's `after` in order, undo each `before` in reverse; the session does
the applying, so the model is mutated in one place and every widget hears about it through
the session's per-kind signals.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtGui import QUndoCommand

from annotator.core.edits import Change

Applier = Callable[[Sequence[Change]], None]
# apply changes that come from the aligner (no per-link checks), with the link facts after
AlignApplier = Callable[[Sequence[Change], Any], None]


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


class AlignCommand(EditCommand):
    """A re-alignment: thousands of link changes computed by the aligner on these same texts,
    so applied without the checks a hand edit needs. It carries the derived link facts (the
    position index, counts, coverage) of the state before and after, so neither redo nor undo
    recomputes them on the UI thread."""

    def __init__(self, text: str, changes: Sequence[Change], apply: AlignApplier,
                 before: Any, after: Any) -> None:
        super().__init__(text, changes, lambda _changes: None)
        self._apply_aligned = apply
        self.before = before
        self.after = after

    def redo(self) -> None:
        self._apply_aligned(self.changes, self.after)

    def undo(self) -> None:
        self._apply_aligned([c.inverted() for c in reversed(self.changes)], self.before)
