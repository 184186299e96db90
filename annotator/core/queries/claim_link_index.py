"""Claim links by claim, kept in step with edits: which links touch a claim without scanning
every claim link (the Claims panel asks for each of its rows)."""

from __future__ import annotations

from collections.abc import Iterable

from ..annotations import ClaimLink, Project


class ClaimLinkIndex:
    def __init__(self, project: Project | None = None) -> None:
        self._links: dict[str, ClaimLink] = {}
        self._by_claim: dict[str, dict[str, ClaimLink]] = {}
        if project is not None:
            self.update(project, project.claim_links)

    def links_of(self, claim_id: str) -> list[ClaimLink]:
        """The claim links touching `claim_id`, by id (as `queries.claims.links_of`)."""
        found = self._by_claim.get(claim_id)
        return sorted(found.values(), key=lambda cl: cl.id) if found else []

    def linked(self, claim_id: str) -> bool:
        return bool(self._by_claim.get(claim_id))

    def update(self, project: Project, link_ids: Iterable[str]) -> set[str]:
        """Take the current state of these links from the project; returns the claims whose
        links changed (the ends before and after)."""
        touched: set[str] = set()
        for link_id in link_ids:
            old = self._links.pop(link_id, None)
            if old is not None:
                for end in (old.source, old.target):
                    touched.add(end)
                    links = self._by_claim.get(end)
                    if links is not None:
                        links.pop(link_id, None)
                        if not links:
                            del self._by_claim[end]
            new = project.claim_links.get(link_id)
            if new is not None:
                self._links[link_id] = new
                for end in (new.source, new.target):
                    touched.add(end)
                    self._by_claim.setdefault(end, {})[link_id] = new
        return touched
