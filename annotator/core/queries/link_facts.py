"""What is derived from the whole set of links: the position index, the counts per status,
coverage and the unmatched sentences.

Each is a pass over every link; on a long pair, computing them all on the UI thread in the
turn that applies an alignment would stall the window. So the alignment worker computes them
and sends a `LinkSummary` with the links, and the session keeps a `LinkFacts` per link
state, which answers from the summary and computes anything else on first use.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ..annotations import AlignmentLink, LinkStatus, Project
from ..document import Document
from ..stats import coverage
from ..taxonomy import Taxonomy
from .link_index import LinkIndex, unmatched_sentences

SIDES = ("A", "B")


@dataclass
class LinkSummary:
    """The derived views of one set of links, as the worker sends them (picklable)."""

    index: LinkIndex
    counts: dict[str, int]
    coverage: tuple[float, float]
    unmatched: dict[str, list[tuple[int, int]]] = field(default_factory=dict)


def count_statuses(links: Iterable[AlignmentLink]) -> dict[str, int]:
    counts = {status.value: 0 for status in LinkStatus}
    for link in links:
        counts[link.status] += 1  # a StrEnum hashes as its value
    return counts


def summarize(doc_a: Document, doc_b: Document, links: Iterable[AlignmentLink]) -> LinkSummary:
    """Everything `LinkFacts` would compute for these links (sentences: segmented docs only).

    Ids may repeat here (a proposal keeps an anchor's id until the session renames it), so
    the stand-in project keys the links by position."""
    listed = list(links)
    project = Project(doc_a, doc_b, Taxonomy("", "", (), ()),
                      links={str(n): link for n, link in enumerate(listed)})
    index = LinkIndex(listed)
    return LinkSummary(
        index, count_statuses(index.links), _coverage(project),
        {side: unmatched_sentences(project, side) for side in SIDES
         if (doc_a if side == "A" else doc_b).segmented})


def _coverage(project: Project) -> tuple[float, float]:
    if all(lk.status is LinkStatus.REJECTED for lk in project.links.values()):
        return 0.0, 0.0  # nothing covered: skip indexing two long texts on opening
    return coverage(project, "A"), coverage(project, "B")


class LinkFacts:
    """Derived views of a project's links, each computed on first use, valid until the links
    change (the session then makes a new one). A summary from the worker fills them in."""

    def __init__(self, project: Project | None, summary: LinkSummary | None = None,
                 with_index: bool = True) -> None:
        self.project = project
        self._index = summary.index if summary and with_index else None
        self._counts = summary.counts if summary else None
        self._coverage = summary.coverage if summary else None
        self._unmatched = dict(summary.unmatched) if summary else {}

    def carried(self, project: Project, index: LinkIndex) -> LinkFacts:
        """These facts for links that moved nowhere (a status edit among proposed, accepted
        and manual): the same coverage and unmatched sentences, `index` over the new objects."""
        facts = LinkFacts(project)
        facts._index, facts._coverage = index, self._coverage
        facts._unmatched = self._unmatched
        return facts

    @property
    def has_index(self) -> bool:
        return self._index is not None

    def index(self) -> LinkIndex:
        if self._index is None:
            self._index = LinkIndex(self.project.links.values() if self.project else [])
        return self._index

    def counts(self) -> dict[str, int]:
        if self._counts is None:
            self._counts = count_statuses(self.project.links.values() if self.project else [])
        return dict(self._counts)

    def coverage(self) -> tuple[float, float]:
        """Share of A found in B and of B found in A."""
        if self._coverage is None:
            self._coverage = _coverage(self.project) if self.project else (0.0, 0.0)
        return self._coverage

    def unmatched(self, side: str) -> list[tuple[int, int]]:
        """Sentences of one side that no accepted, manual or proposed link covers (half+);
        this segments the side's text if it was not yet (the session guards long texts)."""
        known = self._unmatched.get(side)
        if known is None:
            known = unmatched_sentences(self.project, side) if self.project else []
            self._unmatched[side] = known
        return known


def relink(summary: LinkSummary, final: Callable[[AlignmentLink], AlignmentLink]) -> bool:
    """Point the summary's index at the objects the project holds (`final` maps each link the
    worker indexed to it); False when a new id would change the order (then rebuild)."""
    index = summary.index
    links = [final(link) for link in index.links]
    for rank, (old, new) in enumerate(zip(index.links, links, strict=True)):
        if new.id != old.id and not (
                (rank == 0 or _key(links[rank - 1]) < _key(new))
                and (rank + 1 == len(links) or _key(new) < _key(links[rank + 1]))):
            return False
    index.links = links
    return True


def _key(link: AlignmentLink) -> tuple[int, int, str]:
    return link.a_start, link.b_start, link.id
