"""Issue 14.10: a claim edit costs what it changes, not what the project holds.

Timing lives in benchmarks/claim_edit_speed.py (a shared machine makes timed tests flaky);
these tests check the work itself: an edit rebuilds only its own rows and re-tints only the
stretch of text it touched, and the result equals a rebuild from scratch."""

from __future__ import annotations

import random

import pytest
from PySide6.QtWidgets import QApplication

from annotator.core import ClaimLink, Document, Project, new_project
from annotator.core.edits import (
    add_claim,
    link_claims,
    move_claim,
    remove_claim,
    set_claim_note,
    set_claim_type,
)
from annotator.ui.claims import panel as panel_module
from annotator.ui.claims.tints import claim_layer
from annotator.ui.main_window import MainWindow
from tests.conftest import SAMPLE_A, SAMPLE_B

STEP = 100


def _project(claims: int) -> Project:
    texts = [p.read_text(encoding="utf-8") for p in (SAMPLE_A, SAMPLE_B)]
    docs = [Document.from_text(d, (t + "\n\n") * (claims * STEP // len(t) + 2))
            for d, t in zip("AB", texts, strict=True)]
    project = new_project(docs[0], docs[1])
    for n in range(claims):
        doc, start = ("A" if n % 2 == 0 else "B"), (n // 2) * STEP + 3
        project.put_claim(project.make_claim(doc, start, start + 40, "quote", claim_id=f"c{n}"))
    for n in range(claims // 3):
        project.put_claim_link(ClaimLink(f"k{n}", f"c{2 * n}", f"c{2 * n + 1}", "same"))
    return project


def _open(window: MainWindow, claims: int) -> None:
    window.session.set_project(_project(claims), None)
    QApplication.processEvents()


def test_an_edit_builds_only_its_own_rows(window: MainWindow,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    _open(window, 600)
    session = window.session
    made: list[str] = []
    original = panel_module.ClaimPanel._item

    def counting(project, claim, index):  # type: ignore[no-untyped-def]
        made.append(claim.id)
        return original(project, claim, index)

    monkeypatch.setattr(panel_module.ClaimPanel, "_item", staticmethod(counting))
    new = session.edit(add_claim, "A", 50 * STEP + 60, 50 * STEP + 90, "statistic")
    session.edit(set_claim_note, new, "checked")
    session.edit(link_claims, new, "c1", "paraphrase")
    session.undo_stack.undo()
    session.edit(remove_claim, "c4")
    assert len(made) <= 10, made  # before: every row, every edit (600 x 5)


def test_rows_after_edits_equal_a_rebuild(window: MainWindow) -> None:
    _open(window, 200)
    session, panel = window.session, window.claims.panel
    panel.linked_filter.setCurrentIndex(panel.linked_filter.findData("unlinked"))
    rng = random.Random(7)
    for _ in range(40):
        project = session.project
        assert project is not None
        ids = sorted(project.claims)
        action = rng.randrange(6)
        cid = rng.choice(ids)
        if action == 0:
            start = rng.randrange(0, 90 * STEP)
            session.edit(add_claim, rng.choice("AB"), start, start + rng.randint(5, 200),
                         rng.choice(["quote", "statistic"]))
        elif action == 1:
            session.edit(remove_claim, cid)
        elif action == 2:
            other = rng.choice([c for c in ids if project.claims[c].doc != project.claims[cid].doc])
            session.edit(link_claims, cid, other, "same")
        elif action == 3:
            session.edit(set_claim_type, cid, "factual")
        elif action == 4:
            claim = project.claims[cid]
            session.edit(move_claim, cid, max(0, claim.start - 7), claim.end + 11)
        else:
            session.undo_stack.undo()
        QApplication.processEvents()
    rows = [(panel.tree.topLevelItem(i).text(0), panel.tree.topLevelItem(i).text(4))  # type: ignore[union-attr]
            for i in range(panel.tree.topLevelItemCount())]
    panel.reload()
    again = [(panel.tree.topLevelItem(i).text(0), panel.tree.topLevelItem(i).text(4))  # type: ignore[union-attr]
             for i in range(panel.tree.topLevelItemCount())]
    assert rows == again and panel.count_label.text().startswith(f"{len(rows)} of")


def test_tints_after_edits_equal_a_full_render(window: MainWindow) -> None:
    _open(window, 200)
    session = window.session
    rng = random.Random(11)

    def looks(side: str) -> list[tuple[int, int, str, int]]:
        pane = window.view.pane_a if side == "A" else window.view.pane_b
        layer = pane._highlighter.layers["claims"]
        return [(s, e, f.background().color().name(), f.background().color().alpha())
                for s, e, f in layer.ranges]

    for _ in range(40):
        project = session.project
        assert project is not None
        cid = rng.choice(sorted(project.claims))
        claim = project.claims[cid]
        action = rng.randrange(4)
        if action == 0:  # nested and overlapping claims, the hard case for pieces
            session.edit(add_claim, claim.doc, claim.start + 3, claim.end + rng.randint(-20, 80),
                         "statistic")
        elif action == 1:
            session.edit(move_claim, cid, claim.start + 2, claim.end + rng.randint(0, 150))
        elif action == 2:
            session.edit(remove_claim, cid)
        else:
            session.select("claim", cid)
        QApplication.processEvents()
    project = session.project
    assert project is not None
    shown = {side: looks(side) for side in "AB"}
    window.claims.highlighter.render()
    assert shown == {side: looks(side) for side in "AB"}
    current = session.current[1]
    full = claim_layer(project, "A", current, dark=False)
    assert [(h.start, h.end) for h in full] == [(s, e) for s, e, _c, _a in shown["A"]]
