"""Links that cross (overlap without one holding the other): found, kept out of the
aligner's proposals, refused as manual links, and reported by `annotator validate`."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core import (
    AlignmentLink,
    AlignOptions,
    Document,
    LinkStatus,
    Span,
    edits,
    new_project,
    save_project,
)
from annotator.core.pair import align_documents
from annotator.core.queries.overlaps import crossings, resolve_crossings
from tests.conftest import SAMPLE_A, SAMPLE_B

TEXT = ("The vigil began at dusk. According to the officers, two hundred came. "
        "Candles lined the street.")


def link(link_id: str, a: tuple[int, int], b: tuple[int, int], score: float = 0.5,
         status: LinkStatus = LinkStatus.PROPOSED) -> AlignmentLink:
    return AlignmentLink(link_id, (Span(*a),), (Span(*b),), score, status)


def test_crossing_means_overlap_without_holding() -> None:
    first_end = TEXT.index(" According")
    second = TEXT.index("According"), TEXT.index(" Candles")
    runs_on = link("l5", (0, first_end + 14), (0, first_end + 14))  # into "According to the"
    nxt = link("l6", second, second)
    same = link("l7", second, (0, 5))  # the same A passage, another partner: deliberate
    inner = link("m1", (second[0], second[0] + 9), (0, 3), status=LinkStatus.MANUAL)
    found = crossings([runs_on, nxt, same, inner])
    assert {(c.side, c.first, c.second) for c in found} >= {("A", "l5", "l6"), ("B", "l5", "l6")}
    assert not any("m1" in (c.first, c.second) and "l5" not in (c.first, c.second)
                   for c in found)  # nested and identical spans are fine
    rejected = link("l8", (0, 40), (0, 40), status=LinkStatus.REJECTED)
    assert crossings([nxt, rejected]) == []


def test_the_weaker_crossing_proposal_is_cut_back() -> None:
    first_end = TEXT.index(" According")
    second = TEXT.index("According"), TEXT.index(" Candles")
    runs_on = link("l5", (0, first_end + 14), (0, first_end + 14), 0.3)
    nxt = link("l6", second, second, 0.9)
    fixed = resolve_crossings([runs_on, nxt], TEXT, TEXT)
    assert [lk.id for lk in fixed] == ["l5", "l6"] and crossings(fixed) == []
    assert TEXT[fixed[0].a[0].start:fixed[0].a[0].end] == "The vigil began at dusk."
    anchor = link("m1", second, second, 1.0, LinkStatus.ACCEPTED)
    swallowed = link("l9", (second[0] + 3, len(TEXT)), (second[0] + 3, len(TEXT)))
    kept = resolve_crossings([swallowed], TEXT, TEXT, [anchor])
    assert crossings([anchor, *kept]) == []


def test_aligned_pairs_have_no_crossing_proposals() -> None:
    a, b = Document.load(SAMPLE_A, "A"), Document.load(SAMPLE_B, "B")
    for threshold in (0.35, 0.05, 0.01):  # at 0.05 the aligner's raw output crosses in B
        assert crossings(align_documents(a, b, AlignOptions(threshold=threshold))) == []


def test_manual_link_across_another_is_refused_and_validate_reports_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = new_project(Document.from_text("A", TEXT), Document.from_text("B", TEXT))
    second = TEXT.index("According"), TEXT.index(" Candles")
    project.put_link(link("l6", second, second))
    with pytest.raises(edits.LinkEditError, match="runs into link l6"):
        edits.add_manual_link(project, (0, second[0] + 5), (0, 10))
    assert edits.add_manual_link(project, (second[0], second[0] + 9), (0, 10)).changes
    path = tmp_path / "vigil.xml"
    save_project(project, path)
    assert main(["validate", str(path)]) == 0
    project.put_link(link("l5", (0, second[0] + 12), (0, second[0] + 12)))
    save_project(project, path)
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert "links l5 and l6 overlap in A" in out and "links l5 and l6 overlap in B" in out
