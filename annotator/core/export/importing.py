"""What every claim import (brat, INCEpTION XMI) shares: type mapping by name, placing a span
read from another tool's copy of the text onto the project's text, and the report the user
reads afterwards (what came in, what did not and why).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from ..annotations import Claim, Project
from ..limits import MAX_INPUT_BYTES
from ..safefile import FileRefused, read_regular_file
from ..textio import normalize_text


class ClaimImportError(Exception):
    """An import could not be read at all; the message is for the user."""


def read_import_file(path: Path) -> bytes:
    """The bytes of a file to import, read like every other input: a regular file only,
    never blocking on a FIFO or device, refused beyond the input limit."""
    try:
        return read_regular_file(path, MAX_INPUT_BYTES)
    except FileRefused as exc:
        raise ClaimImportError(str(exc)) from exc
    except OSError as exc:
        raise ClaimImportError(f"{path.name}: cannot be read ({exc.strerror}).") from exc


def refuse_doctype(data: bytes, name: str) -> None:
    """Raise if `data` is XML with a DOCTYPE, checked with a parser that loads no
    DTD, resolves no entity and touches no network (the project reader's rule)."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=True)
    try:
        tree = etree.fromstring(data, parser).getroottree()
    except etree.XMLSyntaxError:
        return  # the format's own reader words what is wrong with it
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise ClaimImportError(f"{name}: a DOCTYPE is not allowed in files to import "
                               "(INCEpTION never writes one).")


@dataclass
class ImportReport:
    """What an import did: claims added, and what it left out, each with the reason."""

    source: str
    added: list[str] = field(default_factory=list)  # claim ids
    unmapped: dict[str, int] = field(default_factory=dict)  # foreign type -> how many
    unplaced: list[str] = field(default_factory=list)  # quotes not found in the text
    skipped: list[str] = field(default_factory=list)  # other things not brought in

    def lines(self) -> list[str]:
        out = [f"{self.source}: {len(self.added)} claims imported"]
        for name, count in sorted(self.unmapped.items()):
            out.append(f"  not imported: {count} × type {name!r} (no claim type of that name)")
        out.extend(f"  not imported: {q}" for q in self.unplaced)
        out.extend(f"  skipped: {s}" for s in self.skipped)
        return out

    def __str__(self) -> str:
        return "\n".join(self.lines())


def _key(name: str) -> str:
    return re.sub(r"[\s_\-./]+", "", name).casefold()


def map_type(project: Project, name: str) -> str | None:
    """The claim type named `name` (by id or label, ignoring case, spaces, - and _)."""
    wanted = _key(name)
    for ct in project.taxonomy.claim_types:
        if wanted in (_key(ct.id), _key(ct.label)):
            return ct.id
    return None


def map_value(project: Project, type_id: str, attribute: str, value: str) -> str:
    """A closed attribute's value as the taxonomy spells it (brat writes `other_outlet`); the
    claim's own type is asked first, then any type with an attribute of that name."""
    own = project.taxonomy.claim_type(type_id)
    types = [own] if own else []
    types += [ct for ct in project.taxonomy.claim_types if ct is not own]
    for adef in (a for ct in types for a in ct.attributes):
        if adef.name == attribute:
            for allowed in adef.values:
                if _key(allowed) == _key(value):
                    return allowed
    return value


@dataclass(frozen=True)
class ForeignSpan:
    """A span as another tool stored it: offsets into its own copy of the text."""

    start: int
    end: int
    type_name: str
    attributes: tuple[tuple[str, str], ...] = ()
    note: str = ""


def place(doc_text: str, foreign_text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span's offsets in the project's text: the same offsets when the texts agree,
    otherwise the occurrence of the quote nearest to where it was; None if it is not there."""
    if foreign_text == doc_text:
        return (start, end) if 0 <= start < end <= len(doc_text) else None
    if not 0 <= start < end <= len(foreign_text):
        return None
    quote = normalize_text(foreign_text[start:end])
    if not quote.strip():
        return None
    expected = start * len(doc_text) / max(1, len(foreign_text))
    hits = [m.start() for m in re.finditer(re.escape(quote), doc_text)]
    if not hits:
        return None
    best = min(hits, key=lambda h: abs(h - expected))
    return best, best + len(quote)


def add_claims(project: Project, doc_id: str, foreign_text: str, spans: list[ForeignSpan],
               report: ImportReport) -> None:
    """Bring spans in as claims of `doc_id`, filling `report`; the project is only changed by
    claims that could be typed and placed."""
    doc = project.document(doc_id)
    for span in spans:
        type_id = map_type(project, span.type_name)
        if type_id is None:
            report.unmapped[span.type_name] = report.unmapped.get(span.type_name, 0) + 1
            continue
        where = place(doc.text, foreign_text, span.start, span.end)
        if where is None:
            quote = foreign_text[span.start : span.end][:60]
            report.unplaced.append(f"{span.type_name} {quote!r} is not in article {doc_id}")
            continue
        if any((c.doc, c.start, c.end, c.type) == (doc_id, *where, type_id)
               for c in project.claims.values()):
            quote = doc.text[where[0] : where[1]][:60]
            report.skipped.append(f"{type_id} {quote!r} is there already")
            continue
        attrs = tuple((name, map_value(project, type_id, name, value))
                      for name, value in span.attributes)
        claim: Claim = project.make_claim(doc_id, where[0], where[1], type_id,
                                          attributes=attrs, note=span.note)
        project.put_claim(claim)
        report.added.append(claim.id)
