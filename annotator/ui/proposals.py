"""Turning an alignment's proposals into project changes, its summary into link facts, and
carrying link facts over a hand edit that moves no link.

No Qt of their own. The session applies what these return in one step (undoable for a
re-align); kept apart so the session stays the place that mutates, not the place that diffs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from annotator.core import AlignmentLink, LinkStatus, Project

from .commands import LINK, Change
from .link_facts import LinkFacts, LinkSummary, relink

MAX_CARRIED = 50  # link edits in one step past which the facts are simply rebuilt
# LinkStatus.is_anchor as a set: a property call per link cost more than the rest of the diff
ANCHOR_STATUSES = frozenset(status for status in LinkStatus if status.is_anchor)


def proposal_changes(project: Project, proposals: Sequence[AlignmentLink],
                     ) -> tuple[list[Change], dict[int, AlignmentLink]]:
    """The changes that swap the project's proposed links for `proposals` (decisions stay),
    and for each proposal (keyed by `id()`) the object the project holds for it afterwards.

    A proposal whose id an anchor, claim or claim link already has gets the next free
    "l<n>" that no old proposal had either; one equal to the proposal it replaces is no
    change at all (the old object stays). Changes come in the project's order of the old
    proposals, then the new ids in the aligner's order, so the project's dict order (and
    the saved file) is what applying them one by one always gave.
    """
    olds: dict[str, AlignmentLink] = {}
    taken: set[str] = set()
    for k, v in project.links.items():
        if v.status in ANCHOR_STATUSES:
            taken.add(k)
        else:
            olds[k] = v
    taken |= project.claims.keys() | project.claim_links.keys()
    counter = 0
    news: dict[str, AlignmentLink] = {}
    named: list[tuple[AlignmentLink, str]] = []
    for proposal in proposals:
        link_id = proposal.id
        if link_id in taken:
            counter += 1
            while f"l{counter}" in taken or f"l{counter}" in olds:
                counter += 1
            link_id = f"l{counter}"
            news[link_id] = replace(proposal, id=link_id)
        else:
            news[link_id] = proposal
        taken.add(link_id)
        named.append((proposal, link_id))
    changes: list[Change] = []
    for link_id, old in olds.items():
        new = news.get(link_id)
        if new is None:
            changes.append(Change(LINK, link_id, old, None))
        elif _same(new, old):
            news[link_id] = old  # unchanged: the project keeps its object
        else:
            changes.append(Change(LINK, link_id, old, new))
    changes += [Change(LINK, link_id, None, new) for link_id, new in news.items()
                if link_id not in olds]
    return changes, {id(proposal): news[link_id] for proposal, link_id in named}


def _same(new: AlignmentLink, old: AlignmentLink) -> bool:
    """`new == old`; one span a side (most links) compared without Span.__eq__ calls."""
    na, nb, oa, ob = new.a, new.b, old.a, old.b
    if len(na) == len(nb) == len(oa) == len(ob) == 1:
        sa, sb, ta, tb = na[0], nb[0], oa[0], ob[0]
        return (sa.start == ta.start and sa.end == ta.end and sb.start == tb.start
                and sb.end == tb.end and new.score == old.score and new.status is old.status
                and new.id == old.id and new.method == old.method
                and type(sa) is type(ta) and type(sb) is type(tb))
    return new == old


def facts_after(project: Project, summary: LinkSummary | None,
                final: dict[int, AlignmentLink]) -> LinkFacts | None:
    """The link facts of `project` once the proposals are in, from the worker's summary
    (None without one: then they are computed when first asked for). The summary's index
    holds the worker's copies; it is pointed at the project's own objects, and rebuilt on
    first use in the rare case a renamed proposal would sort differently."""
    if summary is None:
        return None
    ok = relink(summary, lambda link: final.get(id(link)) or project.links[link.id])
    return LinkFacts(project, summary, with_index=ok)


def facts_after_edit(facts: LinkFacts, project: Project, changes: Sequence[Change],
                     ) -> LinkFacts:
    """The facts after a hand edit of links. Changing a link's status between proposed,
    accepted and manual moves nothing, so the index (with the new objects), coverage and the
    unmatched sentences carry over; the review loop (accept, next) on the 100k pair rebuilt
    them per key press (20 + 8 + 27 ms). Anything else starts afresh."""
    links = [c for c in changes if c.kind == LINK]
    if not facts.has_index or not links or len(links) > MAX_CARRIED or not all(
            _status_only(c) for c in links):
        return LinkFacts(project)
    index = facts.index()
    ranks = {id(link): rank for rank, link in enumerate(index.links)}
    moved = index.with_links(list(index.links))
    for change in links:
        rank = ranks.get(id(change.before))
        if rank is None:
            return LinkFacts(project)
        moved.links[rank] = change.after
    return facts.carried(project, moved)


def _status_only(change: Change) -> bool:
    before, after = change.before, change.after
    return (before is not None and after is not None and before.id == after.id
            and before.status is not LinkStatus.REJECTED
            and after.status is not LinkStatus.REJECTED
            and before.a == after.a and before.b == after.b)


def anchors_unchanged(project: Project, anchors: Sequence[AlignmentLink]) -> bool:
    """Whether the project's decisions are still the ones an alignment was given."""
    current = [link for link in project.links.values() if link.status in ANCHOR_STATUSES]
    return sorted(a.id for a in anchors) == sorted(a.id for a in current) and all(
        project.links.get(a.id) == a for a in anchors)
