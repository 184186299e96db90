"""A self-contained HTML report: both texts side by side with claims highlighted, every link
with its two passages (shared words vs. changed words), claims, claim links, coverage.

The texts, notes, attributes and even taxonomy labels come from untrusted files, so every
string goes through `html.escape` and colours must match `#rrggbb`; a Content-Security-Policy
forbids scripts and remote loads, so the report is safe to open and to mail around.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape

from ..align import link_diff
from ..annotations import AlignmentLink, Claim, LinkStatus, Project
from ..document import Document, Span
from ..inputs import KIND_NAMES
from .common import (
    attribute_text,
    claim_links_in_order,
    claims_in_order,
    generator,
    links_in_order,
    relation_label,
    type_label,
)
from .flags import FLAG_STYLE, flag_marks, flags_section

_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

_STYLE = """
body{font:15px/1.5 system-ui,sans-serif;margin:1.5em;color:#1a1a1a;background:#fff}
h1{font-size:1.4em}h2{font-size:1.15em;margin-top:1.6em;border-bottom:1px solid #ccc}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:1.5em}
.doc{white-space:pre-wrap;unicode-bidi:plaintext;border:1px solid #ddd;padding:.8em;
border-radius:4px}
.claim{border-radius:2px}.nest{outline:1px dashed #555}
.linked{text-decoration:underline;text-decoration-color:#999}
sup.ln{color:#666;font-size:.7em;margin-right:.15em}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #ddd;padding:.3em .5em;
vertical-align:top;text-align:start;unicode-bidi:plaintext}th{background:#f3f3f3}
.same{text-decoration:underline dotted #5c8a5c}.gap{color:#888}
.chg{background:#ffe94d;box-shadow:inset 0 -2px #c9b400}
.figs td{text-align:right}.muted{color:#666}
.swatch{display:inline-block;width:.9em;height:.9em;border-radius:2px;vertical-align:middle}
.who{color:#555;font-size:.85em;white-space:nowrap}
.claims col.q,.claimlinks col.q{width:34%}
@media (prefers-color-scheme: dark){body{background:#1d1f21;color:#ddd}th{background:#333}
.chg{background:#5c5200;box-shadow:inset 0 -2px #c9b400}td,th,.doc{border-color:#444}
.who{color:#aaa}}
@page{size:A4;margin:14mm 12mm}
@media print{
body{margin:0;font-size:9.5pt;background:#fff;color:#000;
-webkit-print-color-adjust:exact;print-color-adjust:exact}
h1{font-size:14pt}h2{font-size:12pt;break-after:avoid;page-break-after:avoid}
h3{break-after:avoid}
.doc{border:none;padding:0}
table{table-layout:fixed;width:100%}thead{display:table-header-group}
tr{break-inside:avoid;page-break-inside:avoid}
td,th{overflow-wrap:anywhere;padding:.2em .35em}th{overflow-wrap:normal;word-break:keep-all}
.claims col.id{width:8%}.claims col.doc{width:6%}.claims col.type{width:13%}
.claims col.q{width:39%}.claims col.attr{width:18%}.claims col.note{width:16%}
.claimlinks col.id{width:7%}.claimlinks col.q{width:34%}.claimlinks col.rel{width:12%}
.claimlinks col.note{width:13%}
.links col.id{width:7%}.links col.score{width:8%}.links col.status{width:11%}
th{background:#eee}.chg{background:#ffe94d}
}
"""


@dataclass(frozen=True)
class _Mark:
    """A range to wrap in a span: CSS classes, inline style and tooltip (all escaped later)."""

    start: int
    end: int
    classes: str
    style: str = ""
    title: str = ""


def _colour(value: str) -> str:
    return value if _COLOUR.fullmatch(value or "") else "#999999"


def _tint(colour: str) -> str:
    """The type colour at ~35% opacity, as #rrggbbaa, so text stays readable."""
    return _colour(colour) + "59"


def render_marked(text: str, lo: int, hi: int, marks: Sequence[_Mark],
                  starts: dict[int, str] | None = None) -> str:
    """Escaped text[lo:hi] split at mark boundaries; each piece wrapped by its covering marks.

    Overlapping and nested marks are allowed: a piece covered by several claims takes the
    shortest one's colour and a dashed outline, and its tooltip lists them all.
    """
    cuts = {lo, hi}
    for m in marks:
        cuts.update(x for x in (m.start, m.end) if lo < x < hi)
    if starts:
        cuts.update(x for x in starts if lo < x < hi)
    points = sorted(cuts)
    pending = sorted((m for m in marks if m.start < hi and m.end > lo), key=lambda m: m.start)
    active: list[_Mark] = []
    out = []
    for a, b in itertools.pairwise(points):
        if starts and a in starts:
            out.append(f'<sup class="ln">{escape(starts[a])}</sup>')
        while pending and pending[0].start <= a:
            active.append(pending.pop(0))
        active = [m for m in active if m.end > a]
        out.append(_wrap(escape(text[a:b]), [m for m in active if m.end >= b]))
    return "".join(out)


def _wrap(piece: str, covering: list[_Mark]) -> str:
    if not covering:
        return piece
    covering = sorted(covering, key=lambda m: m.end - m.start)
    classes = " ".join(dict.fromkeys(c for m in covering for c in m.classes.split()))
    if sum(1 for m in covering if m.style) > 1:
        classes += " nest"
    style = next((m.style for m in covering if m.style), "")
    title = "; ".join(m.title for m in covering if m.title)
    attrs = f' class="{escape(classes)}"'
    if style:
        attrs += f' style="{escape(style)}"'
    if title:
        attrs += f' title="{escape(title)}"'
    return f"<span{attrs}>{piece}</span>"


def _claim_title(project: Project, claim: Claim) -> str:
    parts = [f"{claim.id}: {type_label(project, claim.type)}"]
    if claim.attributes:
        parts.append(attribute_text(project, claim))
    if claim.note:
        parts.append(claim.note)
    return ", ".join(parts)


def _document_html(project: Project, doc: Document) -> str:
    marks: list[_Mark] = []
    for claim in claims_in_order(project):
        if claim.doc != doc.id:
            continue
        ct = project.taxonomy.claim_type(claim.type)
        marks.append(_Mark(claim.start, claim.end, "claim",
                           f"background:{_tint(ct.color if ct else '')}",
                           _claim_title(project, claim)))
    starts: dict[int, str] = {}
    for link in links_in_order(project):
        if link.status is LinkStatus.REJECTED:
            continue
        for span in (link.a if doc is project.doc_a else link.b):
            marks.append(_Mark(span.start, span.end, "linked"))
            starts[span.start] = (starts.get(span.start, "") + " " + link.id).strip()
    marks += [_Mark(start, end, "flag", title=title) for start, end, title in
              flag_marks(project, doc)]
    body = render_marked(doc.text, 0, len(doc.text), marks, starts)
    return (f'<section><h3>{escape(doc.id)}: {escape(doc.title)}</h3>{_origin_line(doc)}'
            f'{_extraction_line(doc)}'
            f'<div class="doc">{body}</div></section>')


def _origin_line(doc: Document) -> str:
    """Where the text came from: site, author, date and the page's address."""
    byline, url = doc.meta.byline(), doc.meta.url
    if not (byline or url):
        return ""
    link = (f'<a href="{escape(url)}">{escape(url)}</a>'
            if url.lower().startswith(("http://", "https://")) else escape(url))
    return f'<p class="muted origin">{" · ".join(p for p in (escape(byline), link) if p)}</p>'



def _extraction_line(doc: Document) -> str:
    """The format, file name and extractor of the text, as TEI's sourceDesc has them: a
    colleague reading the report can tell which file, read by what, the text comes from."""
    meta = doc.meta
    read = f"read with {meta.extractor} {meta.extractor_version}".strip() if meta.extractor else ""
    parts = [KIND_NAMES.get(meta.kind, meta.kind), meta.file, read]
    if not any(parts):
        return ""
    return f'<p class="muted extraction">{escape(" · ".join(p for p in parts if p))}</p>'


def _passage(doc: Document, spans: Sequence[Span], marks: Sequence[_Mark]) -> str:
    pieces = [render_marked(doc.text, s.start, s.end, marks)
              for s in sorted(spans, key=lambda s: s.start)]
    return ' <span class="gap">…</span> '.join(pieces)


def _link_row(project: Project, link: AlignmentLink) -> str:
    ops = link_diff(project.doc_a, project.doc_b, link)
    marks_a = [_Mark(o.a_start, o.a_end, "same" if o.tag == "equal" else "chg")
               for o in ops if o.a_end > o.a_start]
    marks_b = [_Mark(o.b_start, o.b_end, "same" if o.tag == "equal" else "chg")
               for o in ops if o.b_end > o.b_start]
    return (f"<tr><td>{escape(link.id)}</td><td>{link.score:.2f}</td>"
            f"<td>{escape(link.status.value)}{_link_note(link)}</td>"
            f"<td>{_passage(project.doc_a, link.a, marks_a)}</td>"
            f"<td>{_passage(project.doc_b, link.b, marks_b)}</td></tr>")


def _link_note(link: AlignmentLink) -> str:
    return f'<div class="muted">Note: {escape(link.note)}</div>' if link.note else ""


def _rows(cells: Iterable[Sequence[str]]) -> str:
    return "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in cells)


def _claim_cell(project: Project, claim_id: str) -> str:
    """Which claim, in which article, of which type, then its quote."""
    claim = project.claims[claim_id]
    doc = project.document(claim.doc)
    who = (f"{escape(claim.id)} · {escape(doc.id)}: {escape(doc.title[:60])} · "
           f"{escape(type_label(project, claim.type))}")
    return f'<span class="who">{who}</span><br>“{escape(claim.exact)}”'


def _table(css: str, columns: Sequence[tuple[str, str]], body: str) -> str:
    """A table with a <colgroup> (print widths) and a <thead> that repeats on every page."""
    cols = "".join(f'<col class="{c}">' for c, _ in columns)
    head = "".join(f"<th>{h}</th>" for _, h in columns)
    return (f'<table class="{css}"><colgroup>{cols}</colgroup><thead><tr>{head}</tr></thead>'
            f"<tbody>{body}</tbody></table>")


def _figures(project: Project) -> str:
    from .. import coverage

    statuses = Counter(link.status.value for link in project.links.values())
    claims = Counter(c.doc for c in project.claims.values())
    rows = [
        ("Share of A covered by links", f"{coverage(project, 'A') * 100:.1f}%"),
        ("Share of B covered by links", f"{coverage(project, 'B') * 100:.1f}%"),
        ("Alignment links", str(len(project.links))),
        *[(f"… {s.value}", str(statuses.get(s.value, 0))) for s in LinkStatus],
        (f"Claims in {project.doc_a.id}", str(claims.get(project.doc_a.id, 0))),
        (f"Claims in {project.doc_b.id}", str(claims.get(project.doc_b.id, 0))),
        ("Claim links", str(len(project.claim_links))),
    ]
    linked = {e for cl in project.claim_links.values() for e in (cl.source, cl.target)}
    rows.append(("Claims with no partner", str(len(project.claims.keys() - linked))))
    body = "".join(f"<tr><th>{escape(k)}</th><td>{escape(v)}</td></tr>" for k, v in rows)
    return f'<table class="figs">{body}</table>'


def _legend(project: Project) -> str:
    used = Counter(c.type for c in project.claims.values())
    items = [f'<span class="swatch" style="background:{_tint(ct.color)}"></span> '
             f"{escape(ct.label)} ({used.get(ct.id, 0)})" for ct in project.taxonomy.claim_types]
    return "<p>" + " &nbsp; ".join(items) + "</p>"


def project_to_html(project: Project) -> bytes:
    """The report as UTF-8 bytes of one HTML file with inline CSS and no scripts."""
    title = project.name or f"{project.doc_a.title} / {project.doc_b.title}"
    claims = claims_in_order(project)
    claim_rows = _rows((escape(c.id), escape(c.doc), escape(type_label(project, c.type)),
                        escape(c.exact), escape(attribute_text(project, c)),
                        escape(c.note)) for c in claims)
    cl_rows = _rows((escape(cl.id), _claim_cell(project, cl.source),
                     escape(relation_label(project, cl.relation)),
                     _claim_cell(project, cl.target), escape(cl.note))
                    for cl in claim_links_in_order(project))
    a_id, b_id = escape(project.doc_a.id), escape(project.doc_b.id)
    link_rows = "".join(_link_row(project, lk) for lk in links_in_order(project))
    html = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title><style>{_STYLE}{FLAG_STYLE}</style></head>
<body><h1>{escape(title)}</h1>
<p class="muted">Report written by {escape(generator())}.
<span class="same">Shared words</span> and <span class="chg">changed words</span> are marked
inside each link; claims are shaded by type; link numbers precede linked passages.</p>
<h2>Figures</h2>{_figures(project)}
<h2>Texts</h2>{_legend(project)}
<div class="pair">{_document_html(project, project.doc_a)}
{_document_html(project, project.doc_b)}</div>
<h2>Alignment links</h2>
{_table("links", [("id", "Link"), ("score", "Score"), ("status", "Status"), ("q", a_id),
                  ("q", b_id)], link_rows)}
<h2>Claims</h2>
{_table("claims", [("id", "Claim"), ("doc", "Doc"), ("type", "Type"), ("q", "Quote"),
                   ("attr", "Attributes"), ("note", "Note")], claim_rows)}
<h2>Claim links</h2>
{_table("claimlinks", [("id", "Link"), ("q", "Source claim (id · article · type)"),
                       ("rel", "Relation"), ("q", "Target claim (id · article · type)"),
                       ("note", "Note")], cl_rows)}
{flags_section(project)}
</body></html>
"""
    return html.encode("utf-8")
