"""The values claim assistance keeps in a project: raised flags with their state and the
candidates a person dismissed. Plain immutable data, saved in the project XML."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum

from ..document import Span

FLAG_KINDS = ("number", "quote", "attribution", "hedge", "omission")

RELATION_FOR_KIND = {
    "number": "number-changed",
    "quote": "quote-altered",
    "attribution": "attribution-changed",
    "hedge": "contradicts",
    "omission": "elaborates",
}
"""The claim-link relation (default taxonomy ids) a flag of each kind becomes."""

CLAIM_TYPE_FOR_KIND = {
    "number": "statistic",
    "quote": "quote",
    "attribution": "attribution",
    "hedge": "factual",
    "omission": "factual",
}
"""The claim type given to the two ends of a flag that is turned into a claim link."""


class FlagState(StrEnum):
    OPEN = "open"
    DISMISSED = "dismissed"
    LINKED = "linked"  # turned into a claim link (`Flag.made` names it)


@dataclass(frozen=True)
class Flag:
    """Where two versions of the same statement disagree; a side is None when the statement
    has no counterpart there (an omission)."""

    id: str
    kind: str
    a: Span | None
    b: Span | None
    explanation: str
    state: FlagState = FlagState.OPEN
    made: str = ""  # the claim link it became (for an omission, the claim)

    @property
    def key(self) -> tuple[str, int, int, int, int]:
        """What identifies a discrepancy across re-checks (its id is only a name)."""
        a = (self.a.start, self.a.end) if self.a else (-1, -1)
        b = (self.b.start, self.b.end) if self.b else (-1, -1)
        return (self.kind, *a, *b)

    def with_state(self, state: FlagState, made: str = "") -> Flag:
        return replace(self, state=state, made=made)


@dataclass(frozen=True)
class Candidate:
    """A checkable statement found in one document, offered (never applied) as a claim."""

    doc: str
    kind: str  # quote | statistic | date | attribution | hedge
    start: int
    end: int
    exact: str
    claim_type: str
    attributes: tuple[tuple[str, str], ...] = ()
    note: str = ""

    @property
    def id(self) -> str:
        return f"{self.doc}:{self.kind}:{self.start}-{self.end}"


@dataclass(frozen=True)
class Dismissal:
    """A candidate a person turned down; `exact` guards against a changed text."""

    doc: str
    kind: str
    start: int
    end: int
    exact: str

    @property
    def id(self) -> str:
        """The id of the candidate it dismisses."""
        return f"{self.doc}:{self.kind}:{self.start}-{self.end}"

    @classmethod
    def of(cls, candidate: Candidate) -> Dismissal:
        return cls(candidate.doc, candidate.kind, candidate.start, candidate.end, candidate.exact)


@dataclass
class AssistState:
    """Flags by id and dismissed candidates by candidate id, as a project holds them."""

    flags: dict[str, Flag] = field(default_factory=dict)
    dismissed: dict[str, Dismissal] = field(default_factory=dict)

    def copy(self) -> AssistState:
        return AssistState(dict(self.flags), dict(self.dismissed))

    def is_dismissed(self, candidate: Candidate) -> bool:
        found = self.dismissed.get(candidate.id)
        return found is not None and found.exact == candidate.exact

    def flags_sorted(self) -> list[Flag]:
        def order(flag: Flag) -> tuple[int, int, str]:
            a = flag.a.start if flag.a else -1
            b = flag.b.start if flag.b else -1
            return (a if a >= 0 else 10**12, b, flag.id)

        return sorted(self.flags.values(), key=order)
