"""Edits as data, without a window: each function returns the changes and mutates nothing;
applying them, and then their inverses, leaves the project as it was."""

from __future__ import annotations

import pytest

from annotator.core import (
    Document,
    LinkStatus,
    Project,
    default_taxonomy,
    edits,
    new_project,
    project_to_bytes,
)
from annotator.core.edits import CLAIM, CLAIM_LINK, LINK, TAXONOMY, Edit, apply_change
from annotator.core.taxonomy import Taxonomy

TEXT_A = "Officials said 12 percent of funds were cut. The mayor said so."
TEXT_B = "About 15 percent of funds were cut, officials said. The mayor agreed."


def _project() -> Project:
    return new_project(Document.from_text("A", TEXT_A), Document.from_text("B", TEXT_B))


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def _do(project: Project, edit: Edit) -> str:
    edits.apply_edit(project, edit)
    return edit.result


def _undo(project: Project, edit: Edit) -> None:
    for change in reversed(edit.changes):
        apply_change(project, change.inverted())


def test_an_edit_function_changes_nothing_until_applied() -> None:
    project = _project()
    before = project_to_bytes(project)
    start, end = _span(TEXT_A, "12 percent of funds")
    edit = edits.add_claim(project, "A", start - 1, end + 1, "statistic")  # sloppy selection
    assert project_to_bytes(project) == before and not project.claims
    assert [c.kind for c in edit.changes] == [CLAIM] and edit.select == (CLAIM, edit.result)
    _do(project, edit)
    claim = project.claims[edit.result]
    assert (claim.start, claim.end, claim.exact) == (start, end, "12 percent of funds")
    _undo(project, edit)
    assert project_to_bytes(project) == before


def test_claim_edits_round_trip() -> None:
    project = _project()
    a = _do(project, edits.add_claim(project, "A", *_span(TEXT_A, "12 percent"), "statistic"))
    b = _do(project, edits.add_claim(project, "B", *_span(TEXT_B, "15 percent"), "statistic"))
    _do(project, edits.set_claim_attribute(project, a, "source", "city\x07 office "))
    assert project.claims[a].attrs["source"] == "city office"
    link = _do(project, edits.link_claims(project, a, b, "number-changed"))
    relink = edits.link_claims(project, b, a, "paraphrase")  # the same pair: a retype
    assert relink.result == link and [c.kind for c in relink.changes] == [CLAIM_LINK]
    assert edits.set_claim_note(project, a, "").changes == []  # no change, no step
    removal = edits.remove_claim(project, a)
    assert {(c.kind, c.id) for c in removal.changes} == {(CLAIM_LINK, link), (CLAIM, a)}
    kept = project.snapshot()
    _do(project, removal)
    assert a not in project.claims and link not in project.claim_links
    _undo(project, removal)
    assert project == kept  # the same items (an undone removal re-adds them at the end)


def test_bad_requests_raise_for_the_user() -> None:
    project = _project()
    with pytest.raises(edits.ClaimEditError, match="Open a pair"):
        edits.add_claim(None, "A", 0, 5, "quote")
    with pytest.raises(edits.ClaimEditError):
        edits.add_claim(project, "A", 3, 3, "quote")
    with pytest.raises(edits.ClaimEditError):
        edits.add_claim(project, "A", 0, 5, "no-such-type")
    a1 = _do(project, edits.add_claim(project, "A", 0, 9, "attribution"))
    a2 = _do(project, edits.add_claim(project, "A", 15, 25, "statistic"))
    with pytest.raises(edits.ClaimEditError, match="both in A"):
        edits.link_claims(project, a1, a2, "same")
    with pytest.raises(edits.ClaimEditError, match="attribute name"):
        edits.set_claim_attribute(project, a1, "two words", "x")


def test_taxonomy_swap_names_the_orphans() -> None:
    project = _project()
    claim = _do(project, edits.add_claim(project, "A", 0, 9, "attribution"))
    base = default_taxonomy()
    narrow = Taxonomy("narrow", base.version, tuple(
        t for t in base.claim_types if t.id != "attribution"), base.relations)
    edit = edits.set_taxonomy(project, narrow)
    assert [c.kind for c in edit.changes] == [TAXONOMY]
    assert edits.orphans(project, narrow) == [claim]
    assert edits.set_taxonomy(project, project.taxonomy).changes == []


def test_link_edits_use_the_same_vocabulary() -> None:
    project = _project()
    add = edits.add_manual_link(project, (0, 10), (0, 10))
    assert add.select == (LINK, add.result)
    link_id = _do(project, add)
    assert project.links[link_id].status is LinkStatus.MANUAL
    accept = edits.set_link_status(project, link_id, LinkStatus.ACCEPTED)
    _do(project, accept)
    assert project.links[link_id].status is LinkStatus.ACCEPTED
    assert edits.set_link_status(project, link_id, LinkStatus.ACCEPTED).changes == []
    _do(project, edits.remove_link(project, link_id))
    assert link_id not in project.links
