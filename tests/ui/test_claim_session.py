"""A whole annotation session through the real window, by keyboard and mouse.

Tag claims in both panes with the digit keys, edit attributes in the claim editor, link
claims with two different relations (M, then Shift+relation key), undo and redo, save with
Ctrl+S, re-open in a fresh window, and compare the saved XML with what the session did,
validated against the shipped schema.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit
from pytestqt.qtbot import QtBot

from annotator.core import validate_file
from annotator.ui import dialogs
from tests.ui.claim_helpers import (
    click_at,
    find,
    key,
    open_sample,
    open_window,
    select,
)

NS = "{urn:x-annotator:ns:1}"
K = Qt.Key
SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier

A_FACT = "Venezuelan President Nicolás Maduro faces escalating geopolitical isolation"
A_ATTR = ("Professor Vladimir Rouvinski of Icesi University’s Laboratory of Politics and "
          "International Relations observes")
A_STAT = "approximately 15,000 troops"
B_FACT = "Venezuelan President Nicolás Maduro is encountering dwindling support"
B_ATTR = "Vladimir Rouvinski, an international relations professor at Icesi University, noted"
B_QUOTE = ("“These are small gestures that are not going to be sufficient if the US moves to "
           "deadly force on Venezuela.”")

pytestmark = pytest.mark.usefixtures("answers")  # never a real modal dialog


def test_whole_annotation_session(qtbot: QtBot, tmp_path: Path,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    window, tools = open_window(qtbot)
    open_sample(qtbot, window)
    session, view = window.session, window.view
    project = session.project
    assert project is not None
    pa, pb = view.pane_a, view.pane_b
    ta, tb = project.doc_a.text, project.doc_b.text

    # --- tag three claims in A and three in B with the type keys -------------------------
    for pane, text, part, digit in ((pa, ta, A_FACT, K.Key_4), (pa, ta, A_ATTR, K.Key_3),
                                    (pa, ta, A_STAT, K.Key_2), (pb, tb, B_FACT, K.Key_4),
                                    (pb, tb, B_ATTR, K.Key_3), (pb, tb, B_QUOTE, K.Key_1)):
        start, end = find(text, part)
        select(pane, start - 1, end)  # a sloppy selection with a leading space is trimmed
        key(qtbot, pane, digit)
        assert pane.selected_span() is None
    claims = {c.exact: c for c in project.claims.values()}
    assert [claims[p].type for p in (A_FACT, A_ATTR, A_STAT, B_FACT, B_ATTR, B_QUOTE)] == [
        "factual", "attribution", "statistic", "factual", "attribution", "quote"]
    ids = {p: claims[p].id for p in claims}
    assert pa.layer("claims") and pb.layer("claims")
    assert set(tools.panel.row_ids()) == set(ids.values())

    # --- the statistic turns out to be noise: delete it by keyboard, and undo that -------
    click_at(qtbot, pa, find(ta, A_STAT)[0] + 3)
    assert session.current == ("claim", ids[A_STAT])
    key(qtbot, pa, K.Key_Delete, SHIFT)
    assert ids[A_STAT] not in project.claims
    key(qtbot, pa, K.Key_Z, CTRL)
    assert ids[A_STAT] in project.claims

    # --- edit attributes of the quote in the claim editor ---------------------------------
    click_at(qtbot, pb, find(tb, B_QUOTE)[0] + 5)
    assert session.current == ("claim", ids[B_QUOTE])
    key(qtbot, pb, K.Key_F2)
    speaker = tools.editor.attr_widgets["speaker"]
    assert isinstance(speaker, QLineEdit)
    qtbot.keyClicks(speaker, "Vladimir Rouvinski")
    key(qtbot, speaker, K.Key_Return)
    verification = tools.editor.attr_widgets["verification"]
    assert isinstance(verification, QComboBox)
    verification.setCurrentIndex(verification.findData("verified"))
    verification.activated.emit(verification.currentIndex())
    note_box = tools.editor.note
    note_box.setFocus()
    qtbot.keyClicks(note_box, "Said to Reuters? check")
    click_at(qtbot, pa, find(ta, A_FACT)[0] + 2)  # leaving the editor commits the note
    assert project.claims[ids[B_QUOTE]].attrs == {"speaker": "Vladimir Rouvinski",
                                                  "verification": "verified"}
    assert project.claims[ids[B_QUOTE]].note == "Said to Reuters? check"

    # --- link with two relations: M marks, click the partner, Shift+key links ------------
    assert session.current == ("claim", ids[A_FACT])
    key(qtbot, pa, K.Key_M)
    click_at(qtbot, pb, find(tb, B_FACT)[0] + 2)
    key(qtbot, pb, K.Key_P, SHIFT)
    click_at(qtbot, pa, find(ta, A_ATTR)[0] + 2)
    key(qtbot, pa, K.Key_M)
    click_at(qtbot, pb, find(tb, B_ATTR)[0] + 2)
    key(qtbot, pb, K.Key_A, SHIFT)
    relations = {(cl.source, cl.target): cl.relation for cl in project.claim_links.values()}
    assert relations == {(ids[A_FACT], ids[B_FACT]): "paraphrase",
                         (ids[A_ATTR], ids[B_ATTR]): "attribution-changed"}
    assert len(tools.bands.bands()) >= 1  # the curves are painted across the gutter

    # --- J jumps to the partner and back ------------------------------------------------
    key(qtbot, pb, K.Key_J)
    assert session.current == ("claim", ids[A_ATTR])

    # --- undo both links, redo them -----------------------------------------------------
    key(qtbot, pa, K.Key_Z, CTRL)
    key(qtbot, pa, K.Key_Z, CTRL)
    assert not project.claim_links
    key(qtbot, pa, K.Key_Z, CTRL | SHIFT)
    key(qtbot, pa, K.Key_Z, CTRL | SHIFT)
    assert {(cl.source, cl.target): cl.relation
            for cl in project.claim_links.values()} == relations

    # --- save with Ctrl+S, re-open in a new window ----------------------------------------
    target = tmp_path / "session.xml"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda _parent, _suggestion: str(target))
    key(qtbot, pa, K.Key_S, CTRL)
    assert target.exists() and not session.modified
    assert validate_file(target) == []

    root = etree.parse(str(target)).getroot()
    saved = {el.get("id"): (el.get("doc"), el.get("type"), int(el.get("start")),
                            int(el.get("end")), el.findtext(NS + "exact"),
                            {a.get("name"): a.text for a in el.iterfind(NS + "attr")},
                            el.findtext(NS + "note"))
             for el in root.iter(NS + "claim")}
    expected = {}
    for doc, text, part, type_id, attrs, note in (
            ("A", ta, A_FACT, "factual", {"verification": "unchecked"}, None),
            ("A", ta, A_ATTR, "attribution", {"sourceKind": "named"}, None),
            ("A", ta, A_STAT, "statistic", {"verification": "unchecked"}, None),
            ("B", tb, B_FACT, "factual", {"verification": "unchecked"}, None),
            ("B", tb, B_ATTR, "attribution", {"sourceKind": "named"}, None),
            ("B", tb, B_QUOTE, "quote", {"speaker": "Vladimir Rouvinski",
                                         "verification": "verified"},
             "Said to Reuters? check")):
        expected[ids[part]] = (doc, type_id, *find(text, part), part, attrs, note)
    assert saved == expected
    saved_links = {(el.get("source"), el.get("target"), el.get("relation"))
                   for el in root.iter(NS + "claimLink")}
    assert saved_links == {(ids[A_FACT], ids[B_FACT], "paraphrase"),
                           (ids[A_ATTR], ids[B_ATTR], "attribution-changed")}

    again, again_tools = open_window(qtbot)
    assert again.open_project(target)
    reopened = again.session.project
    assert reopened is not None
    assert reopened.claims == project.claims
    assert reopened.claim_links == project.claim_links
    assert len(again_tools.panel.row_ids()) == 6
    assert again.view.pane_b.layer("claims")
