"""CSV tables for R, pandas or SPSS: claims, claim links (both sides) and alignment links.

One row per item, one column per fact, UTF-8 without a BOM (pandas and R read it as is),
RFC 4180 quoting so newlines inside quotes survive.

Text cells that a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR)
get a leading apostrophe, as OWASP recommends against CSV injection: an article is untrusted
text. `raw=True` writes every value exactly as in the project, for pipelines that read the
CSV with a program (pandas, R), never with a spreadsheet.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from ..align import link_diff, shared_ratio
from ..annotations import Claim, Project
from ..document import Span
from .common import (
    attribute_names,
    claim_links_in_order,
    claims_in_order,
    links_in_order,
    relation_label,
    side_text,
    type_label,
)

ATTR_PREFIX = "attr_"


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """A text cell a spreadsheet would evaluate, made inert with a leading apostrophe."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _table(header: Sequence[str], rows: Iterable[Sequence[object]], raw: bool) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    if raw:
        writer.writerows(rows)
    else:
        writer.writerows([neutralise(v) for v in row] for row in rows)
    return buffer.getvalue().encode("utf-8")


def _claim_cells(project: Project, claim: Claim, attrs: Sequence[str]) -> list[object]:
    values = claim.attrs
    return [claim.id, claim.doc, claim.type, type_label(project, claim.type), claim.start,
            claim.end, claim.exact, claim.prefix, claim.suffix,
            *[values.get(name, "") for name in attrs], claim.note]


_CLAIM_FIELDS = ("id", "doc", "type", "type_label", "start", "end", "exact", "prefix", "suffix")


def claims_csv(project: Project, *, raw: bool = False) -> bytes:
    """One row per claim; each attribute in use gets its own `attr_<name>` column."""
    claims = claims_in_order(project)
    attrs = attribute_names(claims, project)
    header = [*_CLAIM_FIELDS, *[ATTR_PREFIX + a for a in attrs], "note"]
    links_of: dict[str, list[str]] = {}
    for cl in project.claim_links.values():
        links_of.setdefault(cl.source, []).append(cl.id)
        links_of.setdefault(cl.target, []).append(cl.id)
    header.append("claim_links")
    rows = [[*_claim_cells(project, c, attrs), " ".join(sorted(links_of.get(c.id, [])))]
            for c in claims]
    return _table(header, rows, raw)


def claim_links_csv(project: Project, *, raw: bool = False) -> bytes:
    """One row per claim link with both claims in full (quotes, types, attributes)."""
    links = claim_links_in_order(project)
    ends = [project.claims[cl.source] for cl in links] + [project.claims[cl.target] for cl in links]
    attrs = attribute_names(ends, project)
    side = [*_CLAIM_FIELDS, *[ATTR_PREFIX + a for a in attrs], "note"]
    header = ["id", "relation", "relation_label", "note",
              *[f"source_{f}" for f in side], *[f"target_{f}" for f in side]]
    rows = []
    for cl in links:
        source, target = project.claims[cl.source], project.claims[cl.target]
        rows.append([cl.id, cl.relation, relation_label(project, cl.relation), cl.note,
                     *_claim_cells(project, source, attrs), *_claim_cells(project, target, attrs)])
    return _table(header, rows, raw)


def alignment_csv(project: Project, *, raw: bool = False) -> bytes:
    """One row per alignment link: both passages, score, status, method, shared-word share."""
    header = ["id", "status", "score", "method", "a_spans", "a_text", "b_spans", "b_text",
              "shared_words", "note"]
    rows = []
    for link in links_in_order(project):
        ops = link_diff(project.doc_a, project.doc_b, link)
        rows.append([
            link.id, link.status.value, f"{link.score:.4f}", link.method,
            _spans(link.a), side_text(project.doc_a, link.a),
            _spans(link.b), side_text(project.doc_b, link.b),
            f"{shared_ratio(ops):.4f}", link.note,
        ])
    return _table(header, rows, raw)


def _spans(spans: Sequence[Span]) -> str:
    """Spans as `start-end` separated by spaces, e.g. `12-80 95-140` for an n:m side."""
    return " ".join(f"{s.start}-{s.end}" for s in sorted(spans, key=lambda s: s.start))
