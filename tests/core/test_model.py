"""The Project model's edits keep it consistent."""

from __future__ import annotations

import pytest

from annotator.core import (
    AlignmentLink,
    ClaimLink,
    Document,
    LinkStatus,
    ProjectError,
    Span,
    coverage,
    new_project,
)


def _project():  # type: ignore[no-untyped-def]
    a = Document.from_text("A", "Alpha one. Beta two.\n\nGamma three.")
    b = Document.from_text("B", "Gamma three! Alpha one.")
    return new_project(a, b)


def test_make_claim_fills_quote_and_context() -> None:
    p = _project()
    claim = p.make_claim("A", 11, 20, "quote")
    assert claim.exact == "Beta two."
    assert claim.prefix == "Alpha one. "
    assert claim.suffix == "\n\nGamma three."
    assert claim.id == "c1"
    p.put_claim(claim)
    assert p.make_claim("B", 0, 5, "quote").id == "c2"


def test_claim_outside_text_is_refused() -> None:
    p = _project()
    with pytest.raises(ProjectError):
        p.make_claim("A", 5, 500, "quote")
    with pytest.raises(ProjectError):
        p.make_claim("C", 0, 1, "quote")


def test_removing_a_claim_removes_its_links() -> None:
    p = _project()
    p.put_claim(p.make_claim("A", 0, 10, "quote"))
    p.put_claim(p.make_claim("B", 13, 23, "quote"))
    p.put_claim_link(ClaimLink("r1", "c1", "c2", "same"))
    dropped = p.remove_claim("c1")
    assert [cl.id for cl in dropped] == ["r1"]
    assert p.claim_links == {}


def test_claim_link_must_join_the_two_documents() -> None:
    p = _project()
    p.put_claim(p.make_claim("A", 0, 5, "quote"))
    p.put_claim(p.make_claim("A", 11, 15, "quote"))
    with pytest.raises(ProjectError):
        p.put_claim_link(ClaimLink("r1", "c1", "c2", "same"))
    with pytest.raises(ProjectError):
        p.put_claim_link(ClaimLink("r1", "c1", "c9", "same"))


def test_replace_proposals_keeps_decisions() -> None:
    p = _project()
    accepted = AlignmentLink("l1", (Span(0, 10),), (Span(13, 23),), 0.9, LinkStatus.ACCEPTED)
    proposed = AlignmentLink("l2", (Span(22, 34),), (Span(0, 12),), 0.7)
    p.put_link(accepted)
    p.put_link(proposed)
    p.replace_proposals([AlignmentLink("l1", (Span(22, 34),), (Span(0, 12),), 0.8)])
    assert p.links["l1"] == accepted
    assert len(p.links) == 2
    new = next(link for link in p.links.values() if link.id != "l1")
    assert new.score == 0.8 and new.status is LinkStatus.PROPOSED


def test_link_span_must_fit_document() -> None:
    p = _project()
    with pytest.raises(ProjectError):
        p.put_link(AlignmentLink("l1", (Span(0, 10),), (Span(0, 999),), 0.5))


def test_coverage_counts_non_space_characters_of_live_links() -> None:
    p = _project()
    assert coverage(p, "A") == 0.0
    p.put_link(AlignmentLink("l1", (Span(0, 10),), (Span(13, 23),), 0.9))
    non_space_a = sum(1 for ch in p.doc_a.text if not ch.isspace())
    assert coverage(p, "A") == pytest.approx(9 / non_space_a)
    assert coverage(p, "B") == pytest.approx(9 / sum(1 for c in p.doc_b.text if not c.isspace()))
    p.put_link(p.links["l1"].with_status(LinkStatus.REJECTED))
    assert coverage(p, "A") == 0.0
