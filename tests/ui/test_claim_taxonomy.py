"""Loading another taxonomy: new types and keys at once, one undo step, saved in the project."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.core import edits, read_project
from annotator.ui import dialogs
from annotator.ui.claims.highlights import UNKNOWN_COLOR, claim_color
from tests.ui.claim_helpers import find, key, open_sample, open_window, select
from tests.ui.conftest import Dialogs

CUSTOM = """<?xml version="1.0" encoding="UTF-8"?>
<taxonomy xmlns="urn:x-annotator:ns:1" name="desk" version="2">
  <claimType id="checkable" label="Checkable claim" color="#0077bb" shortcut="7">
    <attribute name="rating" label="Rating" default="unrated">
      <value>unrated</value><value>true</value><value>misleading</value><value>false</value>
    </attribute>
  </claimType>
  <claimType id="source" label="Source" color="#ee7733" shortcut="M"/>
  <relationType id="supports" label="Supports" color="#009988" shortcut="S"/>
  <relationType id="undermines" label="Undermines" color="#cc3311" shortcut="U"/>
</taxonomy>
"""


def test_load_taxonomy_undo_save_reopen(qtbot: QtBot, tmp_path: Path, answers: Dialogs,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    window, tools = open_window(qtbot)
    open_sample(qtbot, window)
    session = window.session
    project = session.project
    assert project is not None
    pane = window.view.pane_a
    quote = find(project.doc_a.text, "Venezuelan President Nicolás Maduro")
    select(pane, *quote)
    key(qtbot, pane, Qt.Key.Key_1)
    (old_claim,) = project.claims.values()
    default = project.taxonomy

    path = tmp_path / "desk.xml"
    path.write_text(CUSTOM, encoding="utf-8")
    monkeypatch.setattr(dialogs, "ask_taxonomy", lambda _p, _d: str(path))
    tools.palette.load_requested.emit()  # the palette's "Load taxonomy…" button
    assert project.taxonomy.name == "desk"
    # keys: 7 is free; M is Mark and Shift+U is "previous unmatched", so both stay unbound
    assert tools.bound_keys == {"tag:checkable": "7", "link:supports": "Shift+S"}
    assert "Checkable claim" in [b.text() for b in tools.palette.buttons.values()]
    assert [c.split(" ")[0] for c in tools.key_clashes] == ["M", "Shift+U"]
    # the quote keeps its type, shown grey and named as missing from the taxonomy
    assert claim_color(project, old_claim).name() == UNKNOWN_COLOR
    assert "not in the taxonomy" in tools.panel.tree.topLevelItem(0).text(2)  # type: ignore

    other = find(project.doc_a.text, "approximately 15,000 troops")
    select(pane, *other)
    key(qtbot, pane, Qt.Key.Key_7)
    new_claim = next(c for c in project.claims.values() if c.id != old_claim.id)
    assert (new_claim.type, new_claim.attrs) == ("checkable", {"rating": "unrated"})
    session.edit(edits.set_claim_attribute, new_claim.id, "rating", "misleading")

    key(qtbot, pane, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the attribute
    key(qtbot, pane, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the tag
    key(qtbot, pane, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the taxonomy
    assert project.taxonomy == default
    assert tools.bound_keys["tag:quote"] == "1"
    assert claim_color(project, old_claim).name() != UNKNOWN_COLOR
    for _ in range(3):
        key(qtbot, pane, Qt.Key.Key_Z,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert project.taxonomy.name == "desk" and project.claims[new_claim.id].attrs == {
        "rating": "misleading"}

    answers.save_path = str(tmp_path / "with-taxonomy.xml")
    assert window.save()
    reopened = read_project(tmp_path / "with-taxonomy.xml")
    assert reopened.taxonomy == project.taxonomy
    again, again_tools = open_window(qtbot)
    assert again.open_project(tmp_path / "with-taxonomy.xml")
    assert again_tools.bound_keys["tag:checkable"] == "7"

    broken = tmp_path / "broken.xml"
    broken.write_text("<taxonomy xmlns='urn:x-annotator:ns:1' name='x' version='1'/>")
    assert not tools.load_taxonomy_from(broken)
    assert answers.errors and answers.errors[-1][0] == "Cannot load the taxonomy"
    assert project.taxonomy.name == "desk"


def test_the_default_taxonomy_binds_every_documented_key(qtbot: QtBot) -> None:
    """Every type and relation key the README promises is live, none lost to a window key
    (Shift+N was once Link Note, which left "Number changed" without its key)."""
    window, tools = open_window(qtbot)
    open_sample(qtbot, window)
    project = window.session.project
    assert project is not None
    assert tools.key_clashes == []
    assert "unbound" not in window.statusBar().currentMessage()
    expected = {f"tag:{ct.id}": ct.shortcut for ct in project.taxonomy.claim_types}
    expected |= {f"link:{rel.id}": f"Shift+{rel.shortcut}" for rel in project.taxonomy.relations}
    assert tools.bound_keys == expected
    assert tools.bound_keys["link:number-changed"] == "Shift+N"

    pa, pb = window.view.pane_a, window.view.pane_b
    select(pa, *find(project.doc_a.text, "approximately 15,000 troops"))
    key(qtbot, pa, Qt.Key.Key_2)
    select(pb, *find(project.doc_b.text, "deadly force on Venezuela"))
    key(qtbot, pb, Qt.Key.Key_4)
    a_claim, b_claim = sorted(project.claims.values(), key=lambda c: c.id)
    window.session.select("claim", a_claim.id)
    key(qtbot, pa, Qt.Key.Key_M)
    window.session.select("claim", b_claim.id)
    key(qtbot, pb, Qt.Key.Key_N, Qt.KeyboardModifier.ShiftModifier)
    (link,) = project.claim_links.values()
    assert (link.source, link.target, link.relation) == (a_claim.id, b_claim.id,
                                                          "number-changed")
