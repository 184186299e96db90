"""One stretch of text belongs to at most one link on each side (a manual link nested in
another is the deliberate exception): extending a link over another link's sentence is
refused, `annotator validate` reports nested and shared passages, proposals never have them."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core import (
    AlignmentLink,
    AlignOptions,
    Document,
    LinkStatus,
    Project,
    Span,
    edits,
    new_project,
    save_project,
)
from annotator.core.pair import align_documents
from annotator.core.queries.overlaps import overlaps, resolve_crossings
from tests.conftest import SAMPLE_A, SAMPLE_B

ASSIST = Path(__file__).parents[1] / "data" / "assist"


def link(link_id: str, a: tuple[int, int], b: tuple[int, int], score: float = 0.5,
         status: LinkStatus = LinkStatus.PROPOSED) -> AlignmentLink:
    return AlignmentLink(link_id, (Span(*a),), (Span(*b),), score, status)


def sample_project() -> tuple[Project, str]:
    """The QA case: l2 holds A's second sentence, l3 the third."""
    a, b = Document.load(SAMPLE_A, "A"), Document.load(SAMPLE_B, "B")
    project = new_project(a, b)
    second = a.text.index("Venezuelan President")
    third = a.text.index("Despite years")
    end = a.text.index("substantive.") + len("substantive.")
    project.put_link(link("l2", (second, third - 1), (0, 50), 0.78))
    project.put_link(link("l3", (third, end), (60, 120), 0.44))
    return project, a.text


def test_extending_a_link_over_the_next_links_sentence_is_refused() -> None:
    project, _ = sample_project()
    with pytest.raises(edits.LinkEditError) as refused:
        edits.resize_link(project, "l2", "A", "end", grow=True)
    message = str(refused.value)
    assert "l3" in message and "Ctrl+Shift+M" in message
    assert "l2" in message
    with pytest.raises(edits.LinkEditError, match="l2"):  # and the other way round
        edits.resize_link(project, "l3", "A", "start", grow=True)
    # growing into free text still works
    assert edits.resize_link(project, "l3", "A", "end", grow=True).changes


def test_growing_a_link_that_holds_a_manual_link_is_not_blocked_by_it() -> None:
    project, text = sample_project()
    second = text.index("Venezuelan President")
    project.put_link(link("m1", (second, second + 20), (0, 10), 1.0, LinkStatus.MANUAL))
    assert edits.resize_link(project, "l2", "A", "start", grow=True).changes


def test_validate_reports_nested_links_unless_one_is_manual(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project, text = sample_project()
    path = tmp_path / "pair.xml"
    inner = text.index("Venezuelan President")
    project.put_link(link("m1", (inner, inner + 20), (0, 10), 1.0, LinkStatus.MANUAL))
    save_project(project, path)
    assert main(["validate", str(path)]) == 0
    capsys.readouterr()
    end = text.index("substantive.") + len("substantive.")
    project.put_link(link("l2", (inner, end), (0, 50), 0.78, LinkStatus.ACCEPTED))
    save_project(project, path)
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert "links l2 and l3 overlap in A" in out and "neither is a manual link" in out
    assert "m1" not in out


def test_shared_and_nested_proposals_are_cut_to_their_own_text() -> None:
    text = "One sentence here. Another sentence there. A third one."
    whole = link("l1", (0, len(text)), (0, len(text)), 0.3)
    middle = (text.index("Another"), text.index(" A third"))
    inner = link("l2", middle, middle, 0.9)
    twin = link("l3", middle, (0, 5), 0.2)
    kept = resolve_crossings([whole, inner, twin], text, text)
    assert overlaps(kept) == []
    assert [lk.id for lk in kept] == ["l1", "l2"]
    assert [text[s.start:s.end] for s in kept[0].a] == ["One sentence here.", "A third one."]


@pytest.mark.parametrize("pair", ["sample", "orvik"])
def test_aligned_pairs_have_no_overlapping_proposals(pair: str) -> None:
    """Without the cut-back the sample pair proposes 8 overlaps at 0.05 and orvik 1 at 0.01."""
    paths = {"sample": (Path(SAMPLE_A), Path(SAMPLE_B)),
             "orvik": (ASSIST / "orvik_a.txt", ASSIST / "orvik_b.txt")}
    path_a, path_b = paths[pair]
    a, b = Document.load(path_a, "A"), Document.load(path_b, "B")
    for threshold in (0.35, 0.05, 0.01):
        links = align_documents(a, b, AlignOptions(threshold=threshold))
        assert links
        assert overlaps(links) == []
