"""Undoable edits of the project: one generic QUndoCommand over item-level changes.

Every operation, whatever its kind (alignment link, claim, claim link, settings), is a list
of `Change(kind, id, before, after)`; redo applies each `after` in order, undo each `before`
in reverse. The session does the applying (with `apply_change`), so the model is mutated in
one place and every widget hears about it through the session's per-kind signals. Claim
operations (issue 4) are just new lists of changes with kind "claim" / "claim_link".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from PySide6.QtGui import QUndoCommand

from annotator.core import Project

LINK = "link"
CLAIM = "claim"
CLAIM_LINK = "claim_link"
SETTINGS = "settings"
TAXONOMY = "taxonomy"
KINDS = (LINK, CLAIM, CLAIM_LINK, SETTINGS, TAXONOMY)


class Change(NamedTuple):
    """One item going from `before` to `after`; None means absent (added or removed).

    A named tuple, not a frozen dataclass: a re-alignment makes thousands at once, and a
    frozen dataclass's __init__ (one object.__setattr__ per field) cost 4x as much."""

    kind: str
    id: str
    before: Any
    after: Any

    def inverted(self) -> Change:
        return Change(self.kind, self.id, self.after, self.before)


def apply_change(project: Project, change: Change, checked: bool = True) -> None:
    """Put `change.after` into the project (remove the item when None). `checked=False`
    skips the range checks of a link (the aligner's links, on these very texts)."""
    after = change.after
    if change.kind == LINK:
        if after is None:
            project.links.pop(change.id, None)
        elif checked:
            project.put_link(after)
        else:
            project.links[change.id] = after
    elif change.kind == CLAIM:
        if after is None:
            project.claims.pop(change.id, None)
        else:
            project.put_claim(after)
    elif change.kind == CLAIM_LINK:
        if after is None:
            project.claim_links.pop(change.id, None)
        else:
            project.put_claim_link(after)
    elif change.kind == SETTINGS:
        project.settings = after
    elif change.kind == TAXONOMY:
        project.taxonomy = after
    else:
        raise ValueError(f"unknown item kind {change.kind!r}")


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
