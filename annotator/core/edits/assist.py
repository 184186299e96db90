"""Claim-assistance edits: accepting or dismissing a claim candidate, recording a
check's flags, and turning a flag into a claim link or dismissing it. Each is one `Edit`, so
the GUI undoes it in one step; nothing becomes a claim unless one of these is applied."""

from __future__ import annotations

from ..annotations import Project
from ..assist.actions import claim_for, resolve_flag
from ..assist.model import Candidate, Dismissal, Flag, FlagState
from .change import CLAIM, CLAIM_LINK, DISMISSAL, FLAG, Change, Edit
from .claims import ClaimEditError


def accept_candidate(open_project: Project | None, candidate: Candidate) -> Edit:
    project = _require(open_project)
    claim = claim_for(project, candidate)
    return Edit(f"Accept {candidate.kind} candidate", [Change(CLAIM, claim.id, None, claim)],
                result=claim.id, select=(CLAIM, claim.id))


def dismiss_candidate(open_project: Project | None, candidate: Candidate) -> Edit:
    project = _require(open_project)
    dismissal = Dismissal.of(candidate)
    before = project.assist.dismissed.get(dismissal.id)
    return Edit(f"Dismiss {candidate.kind} candidate",
                [Change(DISMISSAL, dismissal.id, before, dismissal)])


def record_flags(open_project: Project | None, flags: list[Flag]) -> Edit:
    """A check's result: new flags added, open flags it no longer raises removed; flags the
    user decided on (dismissed, linked) stay whatever the check says."""
    project = _require(open_project)
    changes = []
    raised = {f.id: f for f in flags}
    for old in project.assist.flags.values():
        if old.id not in raised and old.state == FlagState.OPEN:
            changes.append(Change(FLAG, old.id, old, None))
    for flag in flags:
        known = project.assist.flags.get(flag.id)
        if known != flag:
            changes.append(Change(FLAG, flag.id, known, flag))
    return Edit("Check for discrepancies", changes)


def _require(project: Project | None) -> Project:
    if project is None:
        raise ClaimEditError("Open a pair of articles first.")
    return project


def _flag(project: Project, flag_id: str) -> Flag:
    try:
        return project.assist.flags[flag_id]
    except KeyError:
        raise ClaimEditError(f"There is no flag {flag_id}.") from None


def flag_to_claim_link(open_project: Project | None, flag_id: str) -> Edit:
    """The flag's two sides become claims (or reuse the claims already there) joined by a
    claim link with the matching relation; an omission becomes one claim."""
    project = _require(open_project)
    flag = _flag(project, flag_id)
    if flag.state == FlagState.LINKED:
        raise ClaimEditError(f"Flag {flag_id} is already a claim link.")
    resolution = resolve_flag(project, flag)
    changes = [Change(CLAIM, c.id, None, c) for c in resolution.new_claims]
    select: tuple[str, str]
    if resolution.claim_link is not None:
        link = resolution.claim_link
        changes.append(Change(CLAIM_LINK, link.id, None, link))
        select = (CLAIM_LINK, link.id)
    else:
        select = (CLAIM, resolution.flag.made)
    changes.append(Change(FLAG, flag.id, flag, resolution.flag))
    return Edit(f"Turn {flag.kind} flag into a claim link", changes, result=resolution.flag.made,
                select=select)


def dismiss_flag(open_project: Project | None, flag_id: str) -> Edit:
    project = _require(open_project)
    flag = _flag(project, flag_id)
    return Edit(f"Dismiss {flag.kind} flag",
                [Change(FLAG, flag.id, flag, flag.with_state(FlagState.DISMISSED))])
