"""Flags (with their state) and dismissed candidates survive saving and re-opening; files
without them, and files written before they existed, still open."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

from annotator.core import ProjectFileError, project_to_bytes, read_project, save_project
from annotator.core.assist.actions import apply_resolution, resolve_flag
from annotator.core.assist.candidates import find_candidates
from annotator.core.assist.check import check_project
from annotator.core.assist.model import Dismissal, FlagState
from annotator.core.xmlio import NS

from .assist_helpers import aligned

A = ("A landslide destroyed 85 houses in Orvik, officials said. “We lost everything,” said "
     "resident Ana Ruiz. Repairs could take three years, the mayor said.")
B = "A landslide destroyed 58 houses in Orvik, officials said. “We lost everything,” said Ana Ruiz."


def project_with_decisions():  # type: ignore[no-untyped-def]
    project = aligned(A, B)
    flags = check_project(project)
    assert {f.kind for f in flags} == {"number", "omission"}
    for flag in flags:
        project.assist.flags[flag.id] = flag
    number = next(f for f in flags if f.kind == "number")
    apply_resolution(project, resolve_flag(project, number))
    omission = next(f for f in flags if f.kind == "omission")
    project.assist.flags[omission.id] = omission.with_state(FlagState.DISMISSED)
    quote = next(c for c in find_candidates(project, "A") if c.kind == "quote")
    project.assist.dismissed[quote.id] = Dismissal.of(quote)
    return project


def test_round_trip(tmp_path: Path) -> None:
    project = project_with_decisions()
    path = tmp_path / "pair.xml"
    save_project(project, path)
    again = read_project(path)
    assert again.assist.flags == project.assist.flags
    assert again.assist.dismissed == project.assist.dismissed
    assert again == project
    states = sorted(f.state.value for f in again.assist.flags.values())
    assert states == ["dismissed", "linked"]
    # a re-check keeps the decisions and the dismissed candidate stays away
    assert sorted(f.state.value for f in check_project(again)) == ["dismissed", "linked"]
    assert all(c.kind != "quote" for c in find_candidates(again, "A"))


def test_file_without_assist_opens_and_is_written_without_it() -> None:
    """Every file written before issue 17 lacks <assist>; a project without flags or
    dismissals is still written exactly that way."""
    project = aligned(A, B)
    data = project_to_bytes(project)
    assert etree.fromstring(data).find(f"{{{NS}}}assist") is None
    again = read_project(data)
    assert again == project and again.assist.flags == {} and again.assist.dismissed == {}


@pytest.mark.parametrize(("old", "new", "message"), [
    (r'end="\d+"', 'end="99999"', "outside document"),
    (r'state="linked"', 'state="maybe"', "schema"),
    (r'kind="number"', 'kind="colour"', "schema"),
    (r'<dismissed doc="A"', '<dismissed doc="Z"', "unknown ID|not a document"),
])
def test_damaged_assist_is_refused(old: str, new: str, message: str) -> None:
    data = project_to_bytes(project_with_decisions()).decode("utf-8")
    flag_start = data.index("<assist>")
    head, tail = data[:flag_start], data[flag_start:]
    assert re.search(old, tail)
    damaged = head + re.sub(old, new, tail, count=1)
    with pytest.raises(ProjectFileError, match=message):
        read_project(damaged.encode("utf-8"))


def test_replacing_a_document_keeps_the_other_articles_dismissals() -> None:
    from annotator.core import Document
    from annotator.core.replace_text import replace_document

    project = project_with_decisions()
    quote_b = next(c for c in find_candidates(project, "B") if c.kind == "quote")
    project.assist.dismissed[quote_b.id] = Dismissal.of(quote_b)
    new_a = Document.from_text("A", A.replace("85", "86"))
    replaced, _report = replace_document(project, "A", new_a)
    assert list(replaced.assist.dismissed) == [quote_b.id]
    assert replaced.assist.flags == {}  # flags point into the old text: check again
    read_project(project_to_bytes(replaced))
