"""The optional <assist> element: discrepancy flags with their state and the claim
candidates a person dismissed. Files without it read as before."""

from __future__ import annotations

from lxml import etree

from ..annotations import Project
from ..assist.model import Dismissal, Flag, FlagState
from ..document import Span
from .parse import Q, as_int, text_of


def write_assist(project: Project, root: etree._Element) -> None:
    state = project.assist
    if not state.flags and not state.dismissed:
        return
    el = etree.SubElement(root, Q + "assist")
    for flag in state.flags_sorted():
        attrs = {"id": flag.id, "kind": flag.kind, "state": flag.state.value}
        if flag.made:
            attrs["made"] = flag.made
        f_el = etree.SubElement(el, Q + "flag", attrs)
        for doc, span in ((project.doc_a.id, flag.a), (project.doc_b.id, flag.b)):
            if span is not None:
                etree.SubElement(f_el, Q + "side", {"doc": doc, "start": str(span.start),
                                                    "end": str(span.end)})
        etree.SubElement(f_el, Q + "explanation").text = flag.explanation
    for d in state.dismissed.values():
        etree.SubElement(el, Q + "dismissed", {"doc": d.doc, "kind": d.kind,
                                               "start": str(d.start), "end": str(d.end)}
                         ).text = d.exact


def read_assist(root: etree._Element, project: Project) -> None:
    el = root.find(Q + "assist")
    if el is None:
        return
    for f_el in el.iterfind(Q + "flag"):
        sides = {s.get("doc"): Span(as_int(s.get("start")), as_int(s.get("end")))
                 for s in f_el.iterfind(Q + "side")}
        flag = Flag(f_el.get("id"), f_el.get("kind"), sides.get(project.doc_a.id),
                    sides.get(project.doc_b.id), text_of(f_el.find(Q + "explanation")),
                    FlagState(f_el.get("state")), f_el.get("made", ""))
        project.assist.flags[flag.id] = flag
    for d_el in el.iterfind(Q + "dismissed"):
        d = Dismissal(d_el.get("doc"), d_el.get("kind"), as_int(d_el.get("start")),
                      as_int(d_el.get("end")), text_of(d_el))
        project.assist.dismissed[d.id] = d


def assist_problems(root: etree._Element, texts: dict[str, str]) -> list[tuple[int, str]]:
    """Offsets inside their documents, one side per document, unique flag ids."""
    el = root.find(Q + "assist")
    if el is None:
        return []
    problems = []
    seen: set[str] = set()
    for f_el in el.iterfind(Q + "flag"):
        fid, line = f_el.get("id"), f_el.sourceline or 0
        if fid in seen:
            problems.append((line, f"flag {fid}: the id is used twice"))
        seen.add(fid)
        docs = [s.get("doc") for s in f_el.iterfind(Q + "side")]
        if len(set(docs)) != len(docs):
            problems.append((line, f"flag {fid}: two sides in one document"))
        for s in f_el.iterfind(Q + "side"):
            problems.extend(_range_problem(s, texts, f"flag {fid}"))
    for d_el in el.iterfind(Q + "dismissed"):
        problems.extend(_range_problem(d_el, texts, "dismissed candidate"))
    return problems


def _range_problem(el: etree._Element, texts: dict[str, str], what: str
                   ) -> list[tuple[int, str]]:
    doc, start, end = el.get("doc"), as_int(el.get("start")), as_int(el.get("end"))
    if doc not in texts:
        return [(el.sourceline or 0, f"{what}: names {doc!r}, which is not a document")]
    if not start <= end <= len(texts[doc]):
        return [(el.sourceline or 0, f"{what}: range [{start}, {end}) is outside document "
                                     f"{doc}")]
    return []
