"""brat standoff: a `.txt` and an `.ann` per article, plus the collection's configuration.

Export: each claim is a text-bound annotation (`T1<TAB>quote 12 40<TAB>text`); a claim that
crosses a line break becomes fragments split at the break (`12 20;21 40`), as brat draws
them, with the fragment texts joined by a space, which is what brat compares. Attributes with
a closed set of values are brat attributes (`A1<TAB>verification T1 disputed`; white space in
a value becomes `_`, brat's values are single tokens); free-text attributes and the note are
annotator notes (`#1<TAB>AnnotatorNotes T1<TAB>…`, `#2<TAB>speaker T1<TAB>…`). brat relations
join annotations of one document only, so claim links (which join the two articles) are not in
brat's files. `annotation.conf` and `visual.conf` declare the types, attributes, labels and
colours so the collection opens in brat as it looks here.

Import reads the same lines back (any brat `.ann`): text-bound annotations whose type names a
claim type become claims, attributes and notes come along, the rest is reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..annotations import Project
from ..taxonomy import Taxonomy
from ..textio import DocumentLoadError, decode_bytes
from .common import claims_in_order
from .importing import (
    ClaimImportError,
    ForeignSpan,
    ImportReport,
    add_claims,
    read_import_file,
)

NOTE = "AnnotatorNotes"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _token(value: str) -> str:
    """A brat attribute value: one token, every run of white space (a tab or line break in a
    typed value too, which would split the line) made `_`."""
    return "_".join(value.split())


def fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """[start, end) split at line breaks, without empty or blank pieces."""
    pieces: list[tuple[int, int]] = []
    pos = start
    for line in text[start:end].split("\n"):
        lo, hi = pos, pos + len(line)
        pos = hi + 1
        if line.strip():
            pieces.append((lo, hi))
    return pieces or [(start, end)]


def _closed(taxonomy: Taxonomy, type_id: str, name: str) -> bool:
    ct = taxonomy.claim_type(type_id)
    return any(a.name == name and a.values for a in (ct.attributes if ct else ()))


def document_ann(project: Project, doc_id: str) -> str:
    """The `.ann` text for one article."""
    text = project.document(doc_id).text
    lines: list[str] = []
    attr_n = note_n = 0
    for n, claim in enumerate((c for c in claims_in_order(project) if c.doc == doc_id), 1):
        frags = fragments(text, claim.start, claim.end)
        where = ";".join(f"{lo} {hi}" for lo, hi in frags)
        lines.append(f"T{n}\t{claim.type} {where}\t{' '.join(text[lo:hi] for lo, hi in frags)}")
        for name, value in claim.attributes:
            if _closed(project.taxonomy, claim.type, name) and _token(value):
                attr_n += 1
                lines.append(f"A{attr_n}\t{name} T{n} {_token(value)}")
            elif value:
                note_n += 1
                lines.append(f"#{note_n}\t{name} T{n}\t{_one_line(value)}")
        if claim.note:
            note_n += 1
            lines.append(f"#{note_n}\t{NOTE} T{n}\t{_one_line(claim.note)}")
    return "".join(line + "\n" for line in lines)


def annotation_conf(taxonomy: Taxonomy) -> str:
    lines = ["# written by annotator: its claim types and closed attributes", "[entities]"]
    lines += [ct.id for ct in taxonomy.claim_types]
    lines += ["", "[relations]", "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>",
              "", "[events]", "", "[attributes]"]
    closed: dict[str, tuple[list[str], list[str]]] = {}
    for ct in taxonomy.claim_types:
        for a in ct.attributes:
            if a.values:
                types, values = closed.setdefault(a.name, ([], []))
                types.append(ct.id)
                values.extend(_token(v) for v in a.values if _token(v) not in values)
    lines += [f"{name}\tArg:{'|'.join(types)}, Value:{'|'.join(values)}"
              for name, (types, values) in closed.items()]
    return "\n".join(lines) + "\n"


def visual_conf(taxonomy: Taxonomy) -> str:
    lines = ["[labels]"]
    # one line per type, and `|` separates a type's labels in brat: a label keeps neither
    lines += [f"{ct.id} | {_one_line(ct.label).replace('|', '/')}"
              for ct in taxonomy.claim_types]
    lines += ["", "[drawing]"]
    lines += [f"{ct.id}\tbgColor:{ct.color}" for ct in taxonomy.claim_types]
    return "\n".join(lines) + "\n"


def brat_files(project: Project) -> dict[str, bytes]:
    """File name -> content of the brat collection for the project."""
    files: dict[str, bytes] = {}
    for doc in (project.doc_a, project.doc_b):
        files[f"{doc.id}.txt"] = doc.text.encode("utf-8")
        files[f"{doc.id}.ann"] = document_ann(project, doc.id).encode("utf-8")
    files["annotation.conf"] = annotation_conf(project.taxonomy).encode("utf-8")
    files["visual.conf"] = visual_conf(project.taxonomy).encode("utf-8")
    return files


# --- import ------------------------------------------------------------------------------

# offsets of at most 12 digits (no text is that long): a longer number is an unreadable
# line, not a ValueError from int(), which refuses strings of over 4,300 digits
_OFFSET = r"\d{1,12}"
_T_LINE = re.compile(rf"^(T\d+)\t(\S+) ({_OFFSET} {_OFFSET}(?:;{_OFFSET} {_OFFSET})*)\t(.*)$")


@dataclass(frozen=True)
class TextBound:
    """A brat text-bound annotation: its fragments and the text brat wrote for them."""

    id: str
    span: ForeignSpan
    fragments: tuple[tuple[int, int], ...]
    quote: str

    def matches(self, text: str) -> bool:
        return all(0 <= lo <= hi <= len(text) for lo, hi in self.fragments) and (
            " ".join(text[lo:hi] for lo, hi in self.fragments) == self.quote)


def parse_ann(ann: str) -> tuple[list[TextBound], list[str]]:
    """The text-bound annotations with their attributes and notes, and what was skipped."""
    spans: dict[str, ForeignSpan] = {}
    frags: dict[str, tuple[tuple[int, int], ...]] = {}
    quotes: dict[str, str] = {}
    attrs: dict[str, list[tuple[str, str]]] = {}
    notes: dict[str, list[str]] = {}
    skipped: list[str] = []
    for number, line in enumerate(ann.splitlines(), 1):
        if not line.strip():
            continue
        if m := _T_LINE.match(line):
            offsets = tuple((int(lo), int(hi)) for lo, hi in
                            (p.split() for p in m.group(3).split(";")))
            spans[m.group(1)] = ForeignSpan(min(o[0] for o in offsets),
                                            max(o[1] for o in offsets), m.group(2))
            frags[m.group(1)], quotes[m.group(1)] = offsets, m.group(4)
        elif line[0] in "AM" and len(fields := line.split("\t")) >= 2:
            parts = fields[1].split()
            if len(parts) >= 2:
                attrs.setdefault(parts[1], []).append(
                    (parts[0], parts[2] if len(parts) > 2 else "true"))
        elif line.startswith("#") and len(fields := line.split("\t")) >= 3:
            kind, _, target = fields[1].partition(" ")
            if kind == NOTE:
                notes.setdefault(target, []).append(fields[2])
            else:
                attrs.setdefault(target, []).append((kind, fields[2]))
        else:
            kinds = {"R": "relation", "E": "event", "N": "normalisation", "*": "equivalence"}
            skipped.append(f"line {number}: {kinds.get(line[0], 'unreadable line')} "
                           f"{line.split(chr(9))[0]}")
    out = []
    for tid, span in spans.items():
        full = ForeignSpan(span.start, span.end, span.type_name, tuple(attrs.get(tid, ())),
                           "\n".join(notes.get(tid, ())))
        out.append(TextBound(tid, full, frags[tid], quotes[tid]))
    return out, skipped


def import_brat(project: Project, doc_id: str, ann_path: str | Path) -> ImportReport:
    """Add the claims of a brat `.ann` (its `.txt` beside it) to article `doc_id`."""
    ann_path = Path(ann_path)
    txt_path = ann_path.with_suffix(".txt")
    ann_bytes, txt_bytes = read_import_file(ann_path), read_import_file(txt_path)
    try:
        ann = ann_bytes.decode("utf-8")
        text = decode_bytes(txt_bytes, txt_path.name).text
    except UnicodeDecodeError as exc:
        raise ClaimImportError(f"{ann_path.name}: not UTF-8 text ({exc.reason}).") from exc
    except DocumentLoadError as exc:
        raise ClaimImportError(str(exc)) from exc
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # brat reads with universal newlines
    report = ImportReport(source=ann_path.name)
    bounds, report.skipped = parse_ann(ann)
    for bound in bounds:
        if not bound.matches(text):
            report.unplaced.append(f"{bound.id}: {bound.quote[:60]!r} is not what "
                                   f"{txt_path.name} holds at {bound.span.start}")
    add_claims(project, doc_id, text, [b.span for b in bounds if b.matches(text)], report)
    return report

