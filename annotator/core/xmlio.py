"""The project XML: write, read, validate. See resources/annotator.rng for the contract.

Reading is defensive: a hardened parser (no DTD, no entities, no network, libxml2's size
limits), any DOCTYPE refused, a byte cap, then the RELAX NG schema, then the semantic checks a
grammar cannot make. Writing validates what it produced before it touches the disk.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from pathlib import Path

from lxml import etree

from .annotations import (
    AlignmentLink,
    AlignSettings,
    Claim,
    ClaimLink,
    LinkStatus,
    Project,
    ProjectError,
)
from .atomic import atomic_write_bytes
from .document import Document, Span
from .resources import resource_path
from .taxonomy import AttributeDef, ClaimType, RelationType, Taxonomy

NS = "urn:x-annotator:ns:1"
FORMAT_VERSION = "1.0"
MAX_FILE_BYTES = 256 * 1024 * 1024
_Q = f"{{{NS}}}"


class ProjectFileError(Exception):
    """A project or taxonomy file is unreadable or invalid; the message is for the user."""

    def __init__(self, message: str, problems: list[tuple[int, str]] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_pis=True,
        collect_ids=True,
    )


@lru_cache(maxsize=1)
def schema() -> etree.RelaxNG:
    return etree.RelaxNG(etree.parse(str(resource_path("annotator.rng")), _parser()))


# --- parsing and validation -------------------------------------------------------------


def parse_bytes(data: bytes, name: str = "file") -> etree._ElementTree:
    """Safely parse untrusted XML bytes; raises ProjectFileError."""
    if len(data) > MAX_FILE_BYTES:
        raise ProjectFileError(f"{name}: larger than the {MAX_FILE_BYTES // 2**20} MiB limit.")
    if not data.strip():
        raise ProjectFileError(f"{name}: the file is empty.")
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        line = exc.lineno or 0
        raise ProjectFileError(
            f"{name}: not well-formed XML (line {line}: {exc.msg}).", [(line, str(exc.msg))]
        ) from exc
    tree = root.getroottree()
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise ProjectFileError(
            f"{name}: a DOCTYPE is not allowed in annotator files.",
            [(1, "a DOCTYPE is not allowed in annotator files")],
        )
    return tree


def schema_problems(tree: etree._ElementTree) -> list[tuple[int, str]]:
    """Every schema violation as (line, message); empty when the file is valid."""
    rng = schema()
    if rng.validate(tree):
        return []
    return [(e.line or _line_of_idref(tree, e.message), e.message) for e in rng.error_log]


def _line_of_idref(tree: etree._ElementTree, message: str) -> int:
    """libxml2 reports dangling IDREFs without a line; find the element that holds one."""
    match = re.search(r'unknown ID "([^"]*)"', message)
    if match:
        for el in tree.iter():
            if match.group(1) in el.attrib.values():
                return el.sourceline or 0
    return 0


def validate_file(path: str | Path) -> list[tuple[int, str]]:
    """All problems with a file (schema and semantics); empty list means valid."""
    try:
        read_project(path)
    except ProjectFileError as exc:
        return exc.problems or [(0, str(exc))]
    return []


def _read_bytes(path: str | Path) -> bytes:
    path = Path(path)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ProjectFileError(
                f"{path.name}: larger than the {MAX_FILE_BYTES // 2**20} MiB limit."
            )
        return path.read_bytes()
    except OSError as exc:
        raise ProjectFileError(f"{path}: cannot be read ({exc.strerror or exc}).") from exc


def _validated_root(data: bytes, name: str, root_tag: str) -> etree._Element:
    tree = parse_bytes(data, name)
    root = tree.getroot()
    if root.tag != _Q + root_tag:
        found = etree.QName(root).localname
        ns = etree.QName(root).namespace
        if root_tag == "annotationSet" and root.tag.endswith("annotationSet") and ns != NS:
            message = f"written by an unsupported format version (namespace {ns})"
        else:
            message = f"expected an annotator <{root_tag}> element, found <{found}>"
            if ns != NS:
                message += f" in namespace {ns or '(none)'}"
        raise ProjectFileError(f"{name}: {message}.", [(root.sourceline or 1, message)])
    problems = schema_problems(tree)
    if problems:
        first = problems[0]
        raise ProjectFileError(
            f"{name}: does not match the annotator schema (line {first[0]}: {first[1]}).", problems
        )
    return root


# --- reading -------------------------------------------------------------------------------


def read_project(source: str | Path | bytes, name: str = "") -> Project:
    """Load a project file; raises ProjectFileError (with line numbers) on any problem."""
    if isinstance(source, bytes):
        data, name = source, name or "project"
    else:
        data, name = _read_bytes(source), name or Path(source).name
    root = _validated_root(data, name, "annotationSet")
    problems = semantic_problems(root)
    if problems:
        line, message = problems[0]
        raise ProjectFileError(f"{name}: line {line}: {message}", problems)
    try:
        return _project_from(root)
    except (ProjectError, ValueError) as exc:  # defence in depth: checks above should catch all
        raise ProjectFileError(f"{name}: {exc}", [(0, str(exc))]) from exc


def read_taxonomy(source: str | Path | bytes) -> Taxonomy:
    name = "taxonomy" if isinstance(source, bytes) else Path(source).name
    data = source if isinstance(source, bytes) else _read_bytes(source)
    return _taxonomy_from(_validated_root(data, name, "taxonomy"))


def _text(el: etree._Element | None) -> str:
    return "" if el is None or el.text is None else el.text


def _taxonomy_from(el: etree._Element) -> Taxonomy:
    types = []
    for ct in el.iterfind(_Q + "claimType"):
        attrs = tuple(
            AttributeDef(
                a.get("name"),
                a.get("label", ""),
                tuple(_text(v) for v in a.iterfind(_Q + "value")),
                a.get("default", ""),
            )
            for a in ct.iterfind(_Q + "attribute")
        )
        types.append(
            ClaimType(
                ct.get("id"),
                ct.get("label"),
                ct.get("color"),
                ct.get("shortcut", ""),
                _text(ct.find(_Q + "description")),
                attrs,
            )
        )
    relations = tuple(
        RelationType(
            r.get("id"),
            r.get("label"),
            r.get("color", "#808080"),
            r.get("shortcut", ""),
            _text(r.find(_Q + "description")),
        )
        for r in el.iterfind(_Q + "relationType")
    )
    ids = [t.id for t in types]
    if len(set(ids)) != len(ids):
        raise ProjectFileError("taxonomy: a claim type id is used twice.")
    return Taxonomy(el.get("name"), el.get("version"), tuple(types), relations)


def semantic_problems(root: etree._Element) -> list[tuple[int, str]]:
    """Checks the grammar cannot make: hashes, lengths, offsets, quotes, what ids point at."""
    problems: list[tuple[int, str]] = []
    texts: dict[str, str] = {}
    for el in root.find(_Q + "documents"):
        text = _text(el.find(_Q + "text"))
        doc_id = el.get("id")
        texts[doc_id] = text
        line = el.sourceline or 0
        if len(text) != int(el.get("length")):
            problems.append(
                (
                    line,
                    f"document {doc_id}: text length {len(text)} differs from the "
                    f"recorded {el.get('length')}",
                )
            )
        if hashlib.sha256(text.encode("utf-8")).hexdigest() != el.get("sha256"):
            problems.append(
                (line, f"document {doc_id}: the text does not match its sha256 (edited or damaged)")
            )
    for el in root.find(_Q + "alignment").iterfind(_Q + "link"):
        sides = set()
        for sp in el.iterfind(_Q + "span"):
            doc_id, start, end = sp.get("doc"), int(sp.get("start")), int(sp.get("end"))
            where = f"link {el.get('id')}"
            if doc_id not in texts:
                problems.append(
                    (sp.sourceline or 0, f"{where}: span names {doc_id!r}, which is not a document")
                )
                continue
            sides.add(doc_id)
            if not start < end <= len(texts[doc_id]):
                problems.append(
                    (
                        sp.sourceline or 0,
                        f"{where}: span [{start}, {end}) is empty or outside document {doc_id}",
                    )
                )
        if len(sides) != 2:
            problems.append(
                (el.sourceline or 0, f"link {el.get('id')}: needs a span in each document")
            )
    claim_docs: dict[str, str] = {}
    for el in root.find(_Q + "claims"):
        cid, doc_id, line = el.get("id"), el.get("doc"), el.sourceline or 0
        start, end = int(el.get("start")), int(el.get("end"))
        if doc_id not in texts:
            problems.append((line, f"claim {cid}: names {doc_id!r}, which is not a document"))
            continue
        claim_docs[cid] = doc_id
        if not start < end <= len(texts[doc_id]):
            problems.append(
                (line, f"claim {cid}: range [{start}, {end}) is empty or outside the text")
            )
        elif texts[doc_id][start:end] != _text(el.find(_Q + "exact")):
            problems.append(
                (line, f"claim {cid}: its quoted text differs from the document at its offsets")
            )
    for el in root.find(_Q + "claimLinks"):
        ends = [el.get("source"), el.get("target")]
        line = el.sourceline or 0
        missing = [e for e in ends if e not in claim_docs]
        if missing:
            problems.append((line, f"claim link {el.get('id')}: {missing[0]!r} is not a claim"))
        elif claim_docs[ends[0]] == claim_docs[ends[1]]:
            problems.append(
                (line, f"claim link {el.get('id')}: joins two claims of the same document")
            )
    return problems


def _project_from(root: etree._Element) -> Project:
    """Build the Project from a root that passed the schema and semantic checks."""
    taxonomy = _taxonomy_from(root.find(_Q + "taxonomy"))
    docs = [
        Document(el.get("id"), _text(el.find(_Q + "text")), el.get("title"), el.get("source"))
        for el in root.find(_Q + "documents")
    ]
    align_el = root.find(_Q + "alignment")
    project = Project(
        docs[0],
        docs[1],
        taxonomy,
        root.get("name", ""),
        AlignSettings(float(align_el.get("threshold")), align_el.get("method")),
    )
    for el in align_el.iterfind(_Q + "link"):
        spans = [
            (sp.get("doc"), Span(int(sp.get("start")), int(sp.get("end"))))
            for sp in el.iterfind(_Q + "span")
        ]
        project.put_link(
            AlignmentLink(
                el.get("id"),
                tuple(s for d, s in spans if d == docs[0].id),
                tuple(s for d, s in spans if d == docs[1].id),
                float(el.get("score")),
                LinkStatus(el.get("status")),
                el.get("method"),
            )
        )
    for el in root.find(_Q + "claims"):
        project.put_claim(
            Claim(
                el.get("id"),
                el.get("doc"),
                el.get("type"),
                int(el.get("start")),
                int(el.get("end")),
                _text(el.find(_Q + "exact")),
                _text(el.find(_Q + "prefix")),
                _text(el.find(_Q + "suffix")),
                tuple((a.get("name"), _text(a)) for a in el.iterfind(_Q + "attr")),
                _text(el.find(_Q + "note")),
            )
        )
    for el in root.find(_Q + "claimLinks"):
        project.put_claim_link(
            ClaimLink(
                el.get("id"),
                el.get("source"),
                el.get("target"),
                el.get("relation"),
                _text(el.find(_Q + "note")),
            )
        )
    return project


# --- writing -------------------------------------------------------------------------------


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    el = etree.SubElement(parent, _Q + tag, {k: v for k, v in attrs.items()})
    if text is not None:
        el.text = text
    return el


def _taxonomy_element(taxonomy: Taxonomy, parent: etree._Element) -> etree._Element:
    """The taxonomy embedded in a project (the same element a taxonomy file holds)."""
    el = _sub(parent, "taxonomy", name=taxonomy.name, version=taxonomy.version)
    for ct in taxonomy.claim_types:
        opt = {"shortcut": ct.shortcut} if ct.shortcut else {}
        ct_el = _sub(el, "claimType", id=ct.id, label=ct.label, color=ct.color, **opt)
        if ct.description:
            _sub(ct_el, "description", ct.description)
        for a in ct.attributes:
            attr_opt = {k: v for k, v in (("label", a.label), ("default", a.default)) if v}
            a_el = _sub(ct_el, "attribute", name=a.name, **attr_opt)
            for value in a.values:
                _sub(a_el, "value", value)
    for rel in taxonomy.relations:
        opt = {"shortcut": rel.shortcut} if rel.shortcut else {}
        r_el = _sub(el, "relationType", id=rel.id, label=rel.label, color=rel.color, **opt)
        if rel.description:
            _sub(r_el, "description", rel.description)
    return el


def project_to_bytes(project: Project) -> bytes:
    """Serialise a project; validated against the schema before it is returned."""
    data = _serialise(project)
    _check_written(data)
    return data


def _serialise(project: Project) -> bytes:
    """The project's XML, unchecked (callers validate it one way or another)."""
    from annotator import __version__

    root = etree.Element(_Q + "annotationSet", nsmap={None: NS})
    root.set("formatVersion", FORMAT_VERSION)
    root.set("generator", f"annotator {__version__}")
    if project.name:
        root.set("name", project.name)
    _taxonomy_element(project.taxonomy, root)
    docs = _sub(root, "documents")
    for doc in (project.doc_a, project.doc_b):
        d = _sub(
            docs,
            "document",
            id=doc.id,
            title=doc.title,
            source=doc.source,
            sha256=doc.sha256,
            length=str(len(doc.text)),
        )
        _sub(d, "text", doc.text)
    align = _sub(
        root,
        "alignment",
        method=project.settings.method,
        threshold=repr(float(project.settings.threshold)),
    )
    for link in project.links.values():
        l_el = _sub(
            align,
            "link",
            id=link.id,
            score=repr(float(link.score)),
            status=link.status.value,
            method=link.method,
        )
        for doc, spans in ((project.doc_a, link.a), (project.doc_b, link.b)):
            for span in spans:
                _sub(l_el, "span", doc=doc.id, start=str(span.start), end=str(span.end))
    claims = _sub(root, "claims")
    for claim in project.claims.values():
        c = _sub(
            claims,
            "claim",
            id=claim.id,
            doc=claim.doc,
            type=claim.type,
            start=str(claim.start),
            end=str(claim.end),
        )
        _sub(c, "exact", claim.exact)
        _sub(c, "prefix", claim.prefix)
        _sub(c, "suffix", claim.suffix)
        for key, value in claim.attributes:
            _sub(c, "attr", value, name=key)
        if claim.note:
            _sub(c, "note", claim.note)
    links = _sub(root, "claimLinks")
    for cl in project.claim_links.values():
        el = _sub(
            links, "claimLink", id=cl.id, source=cl.source, target=cl.target, relation=cl.relation
        )
        if cl.note:
            _sub(el, "note", cl.note)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _check_written(data: bytes) -> None:
    problems = schema_problems(parse_bytes(data, "output"))
    if problems:
        raise ProjectFileError(
            f"refusing to write an invalid file (line {problems[0][0]}: {problems[0][1]})", problems
        )


def save_project(project: Project, path: str | Path) -> None:
    """Validate, then write atomically: the old file stays intact if anything fails."""
    data = _serialise(project)
    try:  # the full read-side check (schema and semantics), once, before replacing anything
        read_project(data, Path(path).name)
    except ProjectFileError as exc:
        raise ProjectFileError(f"refusing to write an invalid file ({exc})", exc.problems) from exc
    atomic_write_bytes(Path(path), data)
