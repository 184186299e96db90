"""Item-level changes of a project, the one vocabulary of every edit, and their application.

Every operation, whatever its kind (alignment link, claim, claim link, settings, taxonomy),
is a list of `Change(kind, id, before, after)`; doing it applies each `after` in order,
undoing it each `before` in reverse. The edit functions of this package return an `Edit`
(a named list of changes); the GUI's session applies it with `apply_change` as one undoable
step, so the model is mutated in one place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

from ..annotations import Project

LINK = "link"
CLAIM = "claim"
CLAIM_LINK = "claim_link"
SETTINGS = "settings"
TAXONOMY = "taxonomy"
FLAG = "flag"  # a discrepancy flag, by id
DISMISSAL = "dismissal"  # a dismissed claim candidate, by candidate id
REVIEWED = "reviewed"  # an unmatched passage marked "no counterpart", by ReviewedPassage.id
KINDS = (LINK, CLAIM, CLAIM_LINK, SETTINGS, TAXONOMY, FLAG, DISMISSAL, REVIEWED)


class Change(NamedTuple):
    """One item going from `before` to `after`; None means absent (added or removed).

    A named tuple, not a frozen dataclass: a re-alignment makes thousands at once, and a
    frozen dataclass's __init__ sets each field through object.__setattr__."""

    kind: str
    id: str
    before: Any
    after: Any

    def inverted(self) -> Change:
        return Change(self.kind, self.id, self.after, self.before)


@dataclass(frozen=True)
class Edit:
    """One user-level edit: its name (for undo menus), its changes, the id it is about
    (a new claim's or link's id; "" when none) and whether to select that item."""

    text: str
    changes: list[Change] = field(default_factory=list)
    result: str = ""
    select: tuple[str, str] | None = None


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
    elif change.kind in (FLAG, DISMISSAL, REVIEWED):
        table: dict[str, Any] = (project.assist.flags if change.kind == FLAG else
                                 project.assist.dismissed if change.kind == DISMISSAL
                                 else project.reviewed)
        if after is None:
            table.pop(change.id, None)
        else:
            table[change.id] = after
    else:
        raise ValueError(f"unknown item kind {change.kind!r}")


def apply_edit(project: Project, edit: Edit) -> None:
    """Apply an edit's changes in order (for code without an undo stack: the CLI, tests)."""
    for change in edit.changes:
        apply_change(project, change)
