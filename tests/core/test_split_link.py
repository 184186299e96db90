"""Splitting a link at the sentence boundary nearest the cursor: two links, undoable, the
other side cut at its matching boundary; a one-sentence side cannot be split."""

from __future__ import annotations

import pytest

from annotator.core import AlignmentLink, Document, LinkStatus, Span, new_project
from annotator.core.edits import LinkEditError, apply_change, apply_edit, merge_links, split_link

A = "One sentence here. Two sentence here. Three sentence here. Four sentence here."
B = "Uno frase aqui. Dos frase aqui. Tres frase aqui. Cuatro frase aqui."


def _project():  # type: ignore[no-untyped-def]
    project = new_project(Document.from_text("A", A), Document.from_text("B", B))
    sa = [(s.start, s.end) for s in project.doc_a.sentences]
    sb = [(s.start, s.end) for s in project.doc_b.sentences]
    project.put_link(AlignmentLink("l1", (Span(sa[0][0], sa[2][1]),),
                                   (Span(sb[0][0], sb[2][1]),), 0.7, method="meaning",
                                   note="three sentences"))
    return project, sa, sb


def test_split_at_the_nearest_boundary_and_undo() -> None:
    project, sa, sb = _project()
    before = dict(project.links)
    cursor = A.index("Three") + 3  # inside the third sentence: nearest boundary is its start
    edit = split_link(project, "l1", "A", cursor)
    apply_edit(project, edit)
    first, second = project.links["l1"], project.links[edit.changes[1].id]
    assert first.a == (Span(sa[0][0], sa[1][1]),) and second.a == (Span(*sa[2]),)
    assert first.b == (Span(sb[0][0], sb[1][1]),) and second.b == (Span(*sb[2]),)
    assert first.status is second.status is LinkStatus.ACCEPTED
    assert first.note == "three sentences" and second.note == ""
    assert A[first.a[0].start:first.a[0].end].endswith("here.")  # no trailing space
    for change in reversed(edit.changes):
        apply_change(project, change.inverted())
    assert project.links == before
    # and merging the two parts covers the same passages again (the space between them aside)
    apply_edit(project, edit)
    merged = merge_links(project, "l1", edit.changes[1].id).changes[-1].after
    old = before["l1"]
    assert (merged.a[0].start, merged.a[-1].end) == (old.a[0].start, old.a[-1].end)
    assert (merged.b[0].start, merged.b[-1].end) == (old.b[0].start, old.b[-1].end)


def test_split_from_b_and_a_single_sentence_refused() -> None:
    project, sa, sb = _project()
    edit = split_link(project, "l1", "B", B.index("Dos"))
    after = {c.id: c.after for c in edit.changes}
    assert after["l1"].b == (Span(*sb[0]),)
    assert after["l1"].a == (Span(*sa[0]),)
    project.put_link(AlignmentLink("l9", (Span(*sa[3]),), (Span(*sb[3]),), 0.5))
    with pytest.raises(LinkEditError, match="single sentence"):
        split_link(project, "l9", "A", sa[3][0] + 2)
