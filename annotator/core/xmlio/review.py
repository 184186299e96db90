"""The optional <reviewed> element: unmatched passages a person marked "no counterpart".
Files without it read as before."""

from __future__ import annotations

from lxml import etree

from ..annotations import Project
from ..reviewed import ReviewedPassage, marks_sorted
from .parse import Q, as_int


def write_reviewed(project: Project, root: etree._Element) -> None:
    if not project.reviewed:
        return
    el = etree.SubElement(root, Q + "reviewed")
    for mark in marks_sorted(project.reviewed):
        etree.SubElement(el, Q + "passage", {"doc": mark.doc, "start": str(mark.start),
                                             "end": str(mark.end)})


def read_reviewed(root: etree._Element, project: Project) -> None:
    for p_el in root.iterfind(Q + "reviewed/" + Q + "passage"):
        mark = ReviewedPassage(p_el.get("doc"), as_int(p_el.get("start")),
                               as_int(p_el.get("end")))
        project.reviewed[mark.id] = mark


def reviewed_problems(root: etree._Element, texts: dict[str, str]) -> list[tuple[int, str]]:
    """Each passage names a document and a non-empty range inside it."""
    problems = []
    for p_el in root.iterfind(Q + "reviewed/" + Q + "passage"):
        doc, start, end = p_el.get("doc"), as_int(p_el.get("start")), as_int(p_el.get("end"))
        line = p_el.sourceline or 0
        if doc not in texts:
            problems.append((line, f"reviewed passage: names {doc!r}, which is not a document"))
        elif not 0 <= start < end <= len(texts[doc]):
            problems.append((line, f"reviewed passage: range [{start}, {end}) is empty or "
                                   f"outside document {doc}"))
    return problems
