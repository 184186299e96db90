"""Writing the project XML: serialise, check with the read side, then write atomically."""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from ..annotations import Claim, ClaimLink, Project
from ..atomic import atomic_write_bytes
from ..limits import MAX_PROJECT_BYTES, over_limit
from ..taxonomy import Taxonomy
from .assist import write_assist
from .origin import origin_attributes
from .parse import FORMAT_VERSION, NS, ProjectFileError, Q, parse_bytes, schema_problems
from .read import read_project
from .review import write_reviewed

# What XML 1.0 cannot carry: C0 controls but tab/LF/CR, lone surrogates (a file name's
# undecodable bytes), U+FFFE/U+FFFF.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_VERBATIM = {"text", "exact", "prefix", "suffix"}  # copies of the canonical document text


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # os.fsdecode's stand-in for an undecodable byte
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def xml_safe(value: str) -> str:
    """`value` with each character XML cannot hold written as a visible escape (\\x01), so
    a control character in a note or a file name never makes a save fail."""
    return _XML_ILLEGAL.sub(_escape, value) if _XML_ILLEGAL.search(value) else value


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    el = etree.SubElement(parent, Q + tag, {k: xml_safe(v) for k, v in attrs.items()})
    if text is not None:
        el.text = text if tag in _VERBATIM else xml_safe(text)
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


def _claim_element(parent: etree._Element, claim: Claim) -> None:
    c = _sub(parent, "claim", id=claim.id, doc=claim.doc, type=claim.type,
             start=str(claim.start), end=str(claim.end))
    _sub(c, "exact", claim.exact)
    _sub(c, "prefix", claim.prefix)
    _sub(c, "suffix", claim.suffix)
    for key, value in claim.attributes:
        _sub(c, "attr", value, name=key)
    if claim.note:
        _sub(c, "note", claim.note)


def _claim_link_element(parent: etree._Element, cl: ClaimLink) -> None:
    el = _sub(parent, "claimLink", id=cl.id, source=cl.source, target=cl.target,
              relation=cl.relation)
    if cl.note:
        _sub(el, "note", cl.note)


def _build(project: Project) -> bytes:
    from annotator import __version__

    root = etree.Element(Q + "annotationSet", nsmap={None: NS})
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
        if doc.language:
            d.set("language", doc.language)
        if doc.meta:  # escaped like every attribute: a file name may hold control characters
            _sub(d, "origin", **origin_attributes(doc.meta))
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
        if link.note:
            _sub(l_el, "note", link.note)
    claims = _sub(root, "claims")
    for claim in project.claims.values():
        _claim_element(claims, claim)
    links = _sub(root, "claimLinks")
    for cl in project.claim_links.values():
        _claim_link_element(links, cl)
    if project.orphans or project.orphan_links:
        orphans = _sub(root, "orphans")
        for claim in project.orphans.values():
            _claim_element(orphans, claim)
        for cl in project.orphan_links.values():
            _claim_link_element(orphans, cl)
    write_assist(project, root)
    write_reviewed(project, root)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _serialise(project: Project) -> bytes:
    """The project's XML, unchecked (callers validate it one way or another)."""
    try:
        return _build(project)
    except ValueError as exc:  # lxml refuses a character: only a text made outside textio
        raise ProjectFileError(f"cannot be written as XML: {exc}", [(0, str(exc))]) from exc


def _check_written(data: bytes) -> None:
    problems = schema_problems(parse_bytes(data, "output"))
    if problems:
        raise ProjectFileError(
            f"refusing to write an invalid file (line {problems[0][0]}: {problems[0][1]})", problems
        )


def save_project(project: Project, path: str | Path) -> None:
    """Validate, then write atomically: the old file stays intact if anything fails."""
    data = _serialise(project)
    if len(data) > MAX_PROJECT_BYTES:
        raise ProjectFileError(over_limit("refusing to write the project", len(data),
                                          MAX_PROJECT_BYTES))
    try:  # the full read-side check (schema and semantics), once, before replacing anything
        read_project(data, Path(path).name)
    except ProjectFileError as exc:
        raise ProjectFileError(f"refusing to write an invalid file ({exc})", exc.problems) from exc
    atomic_write_bytes(Path(path), data)
