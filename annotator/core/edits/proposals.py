"""Turning an alignment's proposals into project changes, its summary into link facts, and
carrying link facts over a hand edit that moves no link.

No Qt of their own. The session applies what these return in one step (undoable for a
re-align); kept apart so the session stays the place that mutates, not the place that diffs.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace

from ..annotations import AlignmentLink, LinkStatus, Project, Span
from ..queries.link_facts import LinkFacts, LinkSummary, relink
from .change import LINK, Change

MAX_CARRIED = 50  # link edits in one step past which the facts are simply rebuilt
# LinkStatus.is_anchor as a set: a property call per link cost more than the rest of the diff
ANCHOR_STATUSES = frozenset(status for status in LinkStatus if status.is_anchor)


def proposal_changes(project: Project, proposals: Sequence[AlignmentLink],
                     ) -> tuple[list[Change], dict[int, AlignmentLink]]:
    """The changes that swap the project's proposed links for `proposals` (decisions stay),
    and for each proposal (keyed by `id()`) the object the project holds for it afterwards.

    Ids follow passages, not the aligner's numbering (`continuing_ids`): a proposal that
    continues an old one keeps its id, so a selection or a reference never jumps to another
    passage. One equal to the proposal it replaces is no change at all (the old object
    stays). Changes come in the project's order of the old proposals, then the new ids in
    the aligner's order, so the project's dict order (and the saved file) is what applying
    them one by one always gave.
    """
    olds: dict[str, AlignmentLink] = {}
    taken: set[str] = set()
    for k, v in project.links.items():
        if v.status in ANCHOR_STATUSES:
            taken.add(k)
        else:
            olds[k] = v
    taken |= project.claims.keys() | project.claim_links.keys()
    wanted = continuing_ids(olds, taken, proposals)
    news: dict[str, AlignmentLink] = {}
    named: list[tuple[AlignmentLink, str]] = []
    for proposal in proposals:
        link_id = wanted[id(proposal)]
        news[link_id] = proposal if link_id == proposal.id else replace(proposal, id=link_id)
        named.append((proposal, link_id))
    changes: list[Change] = []
    for link_id, old in olds.items():
        new = news.get(link_id)
        if new is None:
            changes.append(Change(LINK, link_id, old, None))
            continue
        if old.note and new.note != old.note:  # the reviewer's note stays with its passage
            new = news[link_id] = replace(new, note=old.note)
        if _same(new, old):
            news[link_id] = old  # unchanged: the project keeps its object
        else:
            changes.append(Change(LINK, link_id, old, new))
    changes += [Change(LINK, link_id, None, new) for link_id, new in news.items()
                if link_id not in olds]
    return changes, {id(proposal): news[link_id] for proposal, link_id in named}


def continuing_ids(olds: dict[str, AlignmentLink], taken: set[str],
                   proposals: Sequence[AlignmentLink]) -> dict[int, str]:
    """The id each proposal (keyed by `id()`) gets: the id of the old proposal it continues,
    else an id no old proposal, anchor, claim or claim link has.

    A proposal continues the old one with exactly its spans, else the old one it overlaps
    most on both sides (a link that grew or shrank when the threshold moved); each old id
    goes to one proposal at most. A new passage never gets an id that named another passage
    a moment ago, so whatever pointed at that id (the selection) cannot land on it.
    """
    blocked = taken | olds.keys()
    olds = {k: v for k, v in olds.items() if k not in taken}  # a clashing id is not kept
    by_spans = {(link.a, link.b): link_id for link_id, link in olds.items()}
    wanted: dict[int, str] = {}
    used: set[str] = set()
    for proposal in proposals:
        old_id = by_spans.get((proposal.a, proposal.b))
        if old_id is not None and old_id not in used:
            wanted[id(proposal)] = old_id
            used.add(old_id)
    if len(wanted) < len(proposals) and len(used) < len(olds):
        free = sorted(((_extent(link.a), _extent(link.b), link_id)
                       for link_id, link in olds.items() if link_id not in used))
        starts = [a[0] for a, _b, _id in free]
        longest = max(a[1] - a[0] for a, _b, _id in free)
        for proposal in proposals:
            if id(proposal) in wanted:
                continue
            (a0, a1), (b0, b1) = _extent(proposal.a), _extent(proposal.b)
            best, best_overlap = "", 0
            for i in range(bisect_left(starts, a0 - longest), bisect_left(starts, a1)):
                (oa0, oa1), (ob0, ob1), old_id = free[i]
                over_a, over_b = min(a1, oa1) - max(a0, oa0), min(b1, ob1) - max(b0, ob0)
                if over_a > 0 and over_b > 0 and over_a + over_b > best_overlap and (
                        old_id not in used):
                    best, best_overlap = old_id, over_a + over_b
            if best:
                wanted[id(proposal)] = best
                used.add(best)
    blocked |= used
    counter = 0
    for proposal in proposals:
        if id(proposal) in wanted:
            continue
        link_id = proposal.id
        if link_id in blocked:
            counter += 1
            while f"l{counter}" in blocked:
                counter += 1
            link_id = f"l{counter}"
        wanted[id(proposal)] = link_id
        blocked.add(link_id)
    return wanted


def _extent(spans: Sequence[Span]) -> tuple[int, int]:
    return spans[0].start, spans[-1].end


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
    unmatched sentences carry over, so reviewing a long pair (accept, next, per key press)
    rebuilds none of them. Anything else starts afresh."""
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
