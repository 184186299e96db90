"""Turning an alignment's proposals into project changes, and its summary into link facts.

Plain Python. The session applies what these return in one step (undoable for a re-align);
kept apart so the session stays the place that mutates, not the place that diffs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from annotator.core import AlignmentLink, Project

from .commands import LINK, Change
from .link_facts import LinkFacts, LinkSummary, relink


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
    olds = {k: v for k, v in project.links.items() if not v.status.is_anchor}
    taken = {k for k, v in project.links.items() if v.status.is_anchor}
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
        elif new == old:
            news[link_id] = old  # unchanged: the project keeps its object
        else:
            changes.append(Change(LINK, link_id, old, new))
    changes += [Change(LINK, link_id, None, new) for link_id, new in news.items()
                if link_id not in olds]
    return changes, {id(proposal): news[link_id] for proposal, link_id in named}


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
