"""Unmatched passages marked "no counterpart": the edit (undoable), progress, and the
optional <reviewed> element (round trip, old files, damaged files)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

from annotator.core import ProjectFileError, project_to_bytes, read_project, save_project
from annotator.core.edits import REVIEWED, apply_change, apply_edit, toggle_reviewed
from annotator.core.queries.link_index import unmatched_sentences
from annotator.core.reviewed import review_progress
from annotator.core.xmlio import NS

from .assist_helpers import aligned

A = ("A landslide destroyed 85 houses in Orvik, officials said. The town band played a "
     "polka at the fair on Sunday. Repairs could take three years, the mayor said.")
B = "A landslide destroyed 85 houses in Orvik, officials said. Repairs could take three years."


def marked():  # type: ignore[no-untyped-def]
    project = aligned(A, B)
    gaps = unmatched_sentences(project, "A")
    assert gaps, "the polka sentence has no partner"
    start, end = gaps[0]
    assert "polka" in A[start:end]
    apply_edit(project, toggle_reviewed(project, "A", start, end))
    return project, (start, end)


def test_toggle_marks_then_unmarks_and_undoes() -> None:
    project, (start, end) = marked()
    assert review_progress(unmatched_sentences(project, "A"), "A", project.reviewed)[0] == 1
    edit = toggle_reviewed(project, "A", start, end)
    assert edit.changes[0].kind == REVIEWED and edit.changes[0].after is None
    apply_edit(project, edit)
    assert project.reviewed == {}
    for change in reversed(edit.changes):  # undo
        apply_change(project, change.inverted())
    assert len(project.reviewed) == 1


def test_progress_counts_only_unmatched_passages() -> None:
    project, _ = marked()
    gaps = unmatched_sentences(project, "A")
    assert review_progress(gaps, "A", project.reviewed) == (1, len(gaps))
    assert review_progress(gaps, "B", project.reviewed) == (0, len(gaps))


def test_round_trip_and_schema(tmp_path: Path) -> None:
    project, (start, _end) = marked()
    path = tmp_path / "pair.xml"
    save_project(project, path)
    root = etree.parse(str(path)).getroot()
    passage = root.find(f"{{{NS}}}reviewed/{{{NS}}}passage")
    assert passage is not None and passage.get("start") == str(start)
    again = read_project(path)
    assert again.reviewed == project.reviewed
    assert again == project


def test_file_without_reviewed_opens_and_is_written_without_it() -> None:
    project = aligned(A, B)
    data = project_to_bytes(project)
    assert etree.fromstring(data).find(f"{{{NS}}}reviewed") is None
    assert read_project(data).reviewed == {}


@pytest.mark.parametrize(("old", "new", "message"), [
    (r'end="\d+"', 'end="99999"', "outside document"),
    (r'start="\d+"', 'start="-1"', "schema|start"),
    (r'doc="A"', 'doc="Z"', "unknown ID|not a document"),
])
def test_damaged_reviewed_is_refused(old: str, new: str, message: str) -> None:
    data = project_to_bytes(marked()[0]).decode("utf-8")
    at = data.index("<reviewed>")
    damaged = data[:at] + re.sub(old, new, data[at:], count=1)
    with pytest.raises(ProjectFileError, match=message):
        read_project(damaged.encode("utf-8"))


def test_empty_range_is_refused_by_the_edit() -> None:
    from annotator.core.edits import ClaimEditError

    project = aligned(A, B)
    with pytest.raises(ClaimEditError):
        toggle_reviewed(project, "A", 5, 5)
