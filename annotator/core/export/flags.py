"""Discrepancy flags in the exports: a section of the HTML report and a CSV table.

The HTML section quotes each side's evidence with a little context and the explanation; the
texts above it mark the evidence of open flags (see html_report)."""

from __future__ import annotations

from html import escape

from ..annotations import Project
from ..assist.model import Flag, FlagState
from ..document import Document, Span
from .csvexport import _table

FLAG_STYLE = """
.flag{text-decoration:underline wavy #c0392b;text-decoration-thickness:1px;
text-underline-offset:2px}
.flagged{background:#f9d6d2;border-radius:2px}.kind{font-weight:600}
@media (prefers-color-scheme: dark){.flagged{background:#5c2b27}}
"""


def flag_marks(project: Project, doc: Document) -> list[tuple[int, int, str]]:
    """(start, end, tooltip) of every open flag's evidence in `doc`."""
    side_a = doc is project.doc_a
    marks = []
    for flag in project.assist.flags_sorted():
        span = flag.a if side_a else flag.b
        if span is not None and flag.state == FlagState.OPEN and span.end > span.start:
            marks.append((span.start, span.end, f"{flag.id} {flag.kind}: {flag.explanation}"))
    return marks


def flags_section(project: Project) -> str:
    """The report's "Discrepancy flags" section; empty when the project has none."""
    flags = project.assist.flags_sorted()
    if not flags:
        return ""
    rows = "".join(
        f"<tr><td>{escape(f.id)}</td><td class=\"kind\">{escape(f.kind)}</td>"
        f"<td>{escape(_state(project, f))}</td><td>{escape(f.explanation)}</td>"
        f"<td>{_evidence(project.doc_a, f.a)}</td><td>{_evidence(project.doc_b, f.b)}</td></tr>"
        for f in flags)
    open_count = sum(f.state == FlagState.OPEN for f in flags)
    return (f"<h2>Discrepancy flags</h2><p class=\"muted\">{open_count} open of {len(flags)}; "
            "open flags are underlined in the texts above.</p>"
            f"<table><tr><th>Flag</th><th>Kind</th><th>State</th><th>Explanation</th>"
            f"<th>{escape(project.doc_a.id)}</th><th>{escape(project.doc_b.id)}</th></tr>"
            f"{rows}</table>")


def flags_csv(project: Project, *, raw: bool = False) -> bytes:
    """One row per flag: kind, state, both sides' offsets and text, the explanation
    (cells that a spreadsheet would run as a formula are neutralised unless `raw`)."""
    rows = []
    for f in project.assist.flags_sorted():
        rows.append([f.id, f.kind, f.state.value, f.made, f.explanation,
                     *_cells(project.doc_a, f.a), *_cells(project.doc_b, f.b)])
    return _table(["flag", "kind", "state", "made", "explanation",
                   "a_start", "a_end", "a_text", "b_start", "b_end", "b_text"], rows, raw)


def _cells(doc: Document, span: Span | None) -> list[object]:
    if span is None:
        return ["", "", ""]
    return [span.start, span.end, doc.text[span.start:span.end]]


def _state(project: Project, flag: Flag) -> str:
    if flag.state == FlagState.LINKED:
        return f"turned into {flag.made}" if flag.made else "turned into a claim link"
    return flag.state.value


def _evidence(doc: Document, span: Span | None, reach: int = 50) -> str:
    if span is None:
        return '<span class="gap">(no counterpart)</span>'
    before = doc.text[max(0, span.start - reach):span.start]
    after = doc.text[span.end:span.end + reach]
    return (f"…{escape(before)}<span class=\"flagged\">{escape(doc.text[span.start:span.end])}"
            f"</span>{escape(after)}…")
