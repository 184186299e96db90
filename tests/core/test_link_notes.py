"""A reviewer's note on an alignment link: the undoable edit, the optional <note> of a
<link>, the alignment CSV (read by pandas) and the HTML report (parsed by lxml), and the note
staying with its passage when the proposals are swapped by a re-alignment."""

from __future__ import annotations

import io

import pandas as pd
from lxml import etree, html

from annotator.core import LinkStatus, project_to_bytes, read_project
from annotator.core.edits import apply_change, apply_edit, set_link_note
from annotator.core.edits.proposals import proposal_changes
from annotator.core.export import alignment_csv, project_to_html
from annotator.core.xmlio import NS

from .assist_helpers import aligned

A = ("A landslide destroyed 85 houses in Orvik, officials said. The town band played at the "
     "fair. Repairs could take three years, the mayor said.")
B = "A landslide destroyed 58 houses in Orvik, officials said. Repairs may take three years."
NOTE = "Number differs: 85 vs 58 <check the wire copy> & =SUM(1)"


def noted():  # type: ignore[no-untyped-def]
    project = aligned(A, B)
    link = project.links_sorted()[0]
    apply_edit(project, set_link_note(project, link.id, f"  {NOTE} "))
    return project, link.id


def test_note_edit_is_undoable_and_keeps_the_status() -> None:
    project, link_id = noted()
    link = project.links[link_id]
    assert link.note == NOTE and link.status is LinkStatus.PROPOSED
    assert set_link_note(project, link_id, NOTE).changes == []  # the same note: no step
    edit = set_link_note(project, link_id, "")
    apply_edit(project, edit)
    assert project.links[link_id].note == ""
    for change in reversed(edit.changes):
        apply_change(project, change.inverted())
    assert project.links[link_id].note == NOTE


def test_note_round_trips_and_old_links_have_none() -> None:
    project, link_id = noted()
    data = project_to_bytes(project)
    notes = etree.fromstring(data).findall(f".//{{{NS}}}link/{{{NS}}}note")
    assert [n.text for n in notes] == [NOTE]
    again = read_project(data)
    assert again.links[link_id].note == NOTE and again == project
    assert all(lk.note == "" for i, lk in again.links.items() if i != link_id)


def test_note_in_the_alignment_csv_and_the_html_report() -> None:
    project, link_id = noted()
    table = pd.read_csv(io.BytesIO(alignment_csv(project)), keep_default_na=False)
    row = table[table["id"] == link_id].iloc[0]
    assert NOTE in str(row["note"])
    page = html.fromstring(project_to_html(project))
    cells = [td.text_content() for td in page.iter("td")]
    assert any(f"Note: {NOTE}" in c for c in cells)


def test_note_stays_with_its_passage_across_a_realignment() -> None:
    project, link_id = noted()
    proposals = [lk for lk in project.links_sorted() if lk.status is LinkStatus.PROPOSED]
    fresh = [lk.__class__(f"x{i}", lk.a, lk.b, lk.score, lk.status, lk.method)
             for i, lk in enumerate(proposals)]
    changes, _ = proposal_changes(project, fresh)
    for change in changes:
        apply_change(project, change)
    assert project.links[link_id].note == NOTE
