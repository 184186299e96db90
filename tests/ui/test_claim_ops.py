"""Claim operations over a real Session: each is one undo step and keeps the project valid."""

from __future__ import annotations

import random
import time
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from annotator.core import Document, edits, new_project, project_to_bytes, read_project
from annotator.core.queries import claims as q
from annotator.ui.claims.highlights import claim_layer
from annotator.ui.session import Session

TEXT_A = "Officials said 12 percent of funds 😀 were cut. \"We will recover\", the mayor said."
TEXT_B = "About 15 percent of funds were cut, officials said. The mayor promised a recovery."


@pytest.fixture
def session(qtbot: QtBot) -> Iterator[Session]:
    s = Session()
    s.set_project(new_project(Document.from_text("A", TEXT_A), Document.from_text("B", TEXT_B)),
                  None)
    yield s
    s.undo_stack.cleanChanged.disconnect()  # the stack outlives the session's Python side


def span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def test_tag_trims_fills_defaults_and_undoes(session: Session) -> None:
    seen: list[list[str]] = []
    session.claims_changed.connect(seen.append)
    start, end = span(TEXT_A, "12 percent of funds")
    cid = session.edit(edits.add_claim, "A", start - 1, end + 1, "statistic")  # sloppy selection
    claim = session.project.claims[cid]  # type: ignore[union-attr]
    assert (claim.start, claim.end, claim.exact) == (start, end, "12 percent of funds")
    assert claim.attrs == {"verification": "unchecked"}
    assert session.current == ("claim", cid)
    assert seen == [[cid]]
    session.undo_stack.undo()
    assert cid not in session.project.claims  # type: ignore[union-attr]
    session.undo_stack.redo()
    assert session.project.claims[cid] == claim  # type: ignore[union-attr]


def test_bad_requests_raise_for_the_user(session: Session) -> None:
    with pytest.raises(edits.ClaimEditError):
        session.edit(edits.add_claim, "A", 3, 3, "quote")
    with pytest.raises(edits.ClaimEditError):
        session.edit(edits.add_claim, "A", 0, 5, "no-such-type")
    a1 = session.edit(edits.add_claim, "A", 0, 9, "attribution")
    a2 = session.edit(edits.add_claim, "A", 15, 25, "statistic")
    with pytest.raises(edits.ClaimEditError, match="both in A"):
        session.edit(edits.link_claims, a1, a2, "same")
    assert session.undo_stack.count() == 2


def test_edit_link_delete_round_trip(session: Session) -> None:
    a = session.edit(edits.add_claim, "A", *span(TEXT_A, "12 percent of funds 😀 were cut"),
                     "statistic")
    b = session.edit(edits.add_claim, "B", *span(TEXT_B, "15 percent of funds were cut"),
                     "statistic")
    session.edit(edits.set_claim_attribute, a, "source", "city budget office")
    session.edit(edits.set_claim_note, b, "  rounded up?  ")
    session.edit(edits.set_claim_type, b, "factual")
    link = session.edit(edits.link_claims, a, b, "number-changed")
    assert session.edit(edits.link_claims, b, a, "paraphrase") == link  # relinking retypes
    project = session.project
    assert project is not None
    assert project.claim_links[link].relation == "paraphrase"
    assert project.claims[b].note == "rounded up?"
    assert q.partners(project, a) == [project.claims[b]]
    session.edit(edits.move_claim, a, *span(TEXT_A, "12 percent"))
    assert project.claims[a].exact == "12 percent"
    assert read_project(project_to_bytes(project)) == project
    depth = session.undo_stack.count()
    session.edit(edits.remove_claim, a)
    assert a not in project.claims and not project.claim_links
    session.undo_stack.undo()  # claim and its link come back together
    assert project.claim_links[link].source == a
    assert session.undo_stack.count() == depth + 1
    for _ in range(depth + 1):
        session.undo_stack.undo()
    assert not project.claims and not project.claim_links


def test_navigation_queries(session: Session) -> None:
    project = session.project
    assert project is not None
    outer = session.edit(edits.add_claim, "A", *span(TEXT_A, "Officials said 12 percent"),
                         "attribution")
    inner = session.edit(edits.add_claim, "A", *span(TEXT_A, "12 percent"), "statistic")
    b = session.edit(edits.add_claim, "B", *span(TEXT_B, "15 percent"), "statistic")
    assert [c.id for c in q.claims_in_order(project)] == [outer, inner, b]
    assert [c.id for c in q.claims_at(project, "A", TEXT_A.index("12"))] == [inner, outer]
    session.edit(edits.link_claims, inner, b, "number-changed")
    first = q.next_unlinked(project, None)
    assert first is not None and first.id == outer
    assert q.next_unlinked(project, first) == first  # wraps: the only unlinked claim


def test_claim_layer_pieces_match_brute_force(session: Session) -> None:
    project = session.project
    assert project is not None
    rng = random.Random(7)
    n = len(TEXT_A)
    for i in range(300):
        start = rng.randrange(0, n - 1)
        end = rng.randrange(start + 1, min(n, start + 30) + 1)
        project.put_claim(project.make_claim("A", start, end, "quote", claim_id=f"r{i}"))
    began = time.perf_counter()
    pieces = claim_layer(project, "A", "r3", dark=False)
    assert time.perf_counter() - began < 1.0
    covered = {p for c in project.claims.values() for p in range(c.start, c.end)}
    painted = [p for h in pieces for p in range(h.start, h.end)]
    assert sorted(painted) == sorted(covered)  # every covered character once, nothing else
    for h in pieces:
        over = [c for c in project.claims.values() if c.start <= h.start and c.end >= h.end]
        expected_alpha = 48 + 26 * (len(over) - 1) + (70 if any(c.id == "r3" for c in over)
                                                       else 0)
        assert h.fmt.background().color().alpha() == min(255, expected_alpha)


def test_hostile_text_never_reaches_the_file(session: Session) -> None:
    cid = session.edit(edits.add_claim, "A", *span(TEXT_A, "We will recover"), "quote")
    session.edit(edits.set_claim_note, cid, "pasted\x00 from\x07 a PDF \ud800 ")
    session.edit(edits.set_claim_attribute, cid, "speaker", "the\x1b mayor")
    with pytest.raises(edits.ClaimEditError):
        session.edit(edits.set_claim_attribute, cid, "two words", "x")
    project = session.project
    assert project is not None
    claim = project.claims[cid]
    assert (claim.note, claim.attrs["speaker"]) == ("pasted from a PDF", "the mayor")
    assert read_project(project_to_bytes(project)) == project
