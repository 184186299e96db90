"""Reading project and taxonomy files into the model; see annotator/resources/annotator.rng."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from ..annotations import (
    AlignmentLink,
    AlignSettings,
    Claim,
    ClaimLink,
    LinkStatus,
    Project,
    ProjectError,
)
from ..document import Document, Span
from ..resources import resource_bytes
from ..taxonomy import AttributeDef, ClaimType, RelationType, Taxonomy
from .assist import read_assist
from .checks import semantic_problems, taxonomy_problems
from .origin import origin_from
from .parse import ProjectFileError, Q, as_int, read_bytes, text_of, validated_root
from .review import read_reviewed


def validate_file(path: str | Path) -> list[tuple[int, str]]:
    """All problems with a file (schema and semantics); empty list means valid."""
    try:
        read_project(path)
    except ProjectFileError as exc:
        return exc.problems or [(0, str(exc))]
    return []


def read_project(source: str | Path | bytes, name: str = "") -> Project:
    """Load a project file; raises ProjectFileError (with line numbers) on any problem."""
    if isinstance(source, bytes):
        data, name = source, name or "project"
    else:
        data, name = read_bytes(source), name or Path(source).name
    root = validated_root(data, name, "annotationSet")
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
    data = source if isinstance(source, bytes) else read_bytes(source)
    root = validated_root(data, name, "taxonomy")
    problems = taxonomy_problems(root)
    if problems:
        line, message = problems[0]
        raise ProjectFileError(f"{name}: line {line}: {message}", problems)
    return _taxonomy_from(root)


def _taxonomy_from(el: etree._Element) -> Taxonomy:
    types = []
    for ct in el.iterfind(Q + "claimType"):
        attrs = tuple(
            AttributeDef(
                a.get("name"),
                a.get("label", ""),
                tuple(text_of(v) for v in a.iterfind(Q + "value")),
                a.get("default", ""),
            )
            for a in ct.iterfind(Q + "attribute")
        )
        types.append(
            ClaimType(
                ct.get("id"),
                ct.get("label"),
                ct.get("color"),
                ct.get("shortcut", ""),
                text_of(ct.find(Q + "description")),
                attrs,
            )
        )
    relations = tuple(
        RelationType(
            r.get("id"),
            r.get("label"),
            r.get("color", "#808080"),
            r.get("shortcut", ""),
            text_of(r.find(Q + "description")),
        )
        for r in el.iterfind(Q + "relationType")
    )
    return Taxonomy(el.get("name"), el.get("version"), tuple(types), relations)


def _project_from(root: etree._Element) -> Project:
    """Build the Project from a root that passed the schema and semantic checks."""
    taxonomy = _taxonomy_from(root.find(Q + "taxonomy"))
    docs = [
        Document(el.get("id"), text_of(el.find(Q + "text")), el.get("title"), el.get("source"),
                 meta=origin_from(el, Q), language=el.get("language", ""))
        for el in root.iterfind(Q + "documents/" + Q + "document")
    ]
    align_el = root.find(Q + "alignment")
    project = Project(
        docs[0],
        docs[1],
        taxonomy,
        root.get("name", ""),
        AlignSettings(float(align_el.get("threshold")), align_el.get("method")),
    )
    # The checks have bounded every span and the parser the number of links, so the links go
    # in without put_link's checks (a third of the reading time of a 300,000-link file).
    status_of = {s.value: s for s in LinkStatus}
    a_id, span_tag = docs[0].id, Q + "span"
    for el in align_el.iterfind(Q + "link"):
        a: list[Span] = []
        b: list[Span] = []
        for sp in el.iterfind(span_tag):
            (a if sp.get("doc") == a_id else b).append(
                Span(as_int(sp.get("start")), as_int(sp.get("end"))))
        link_id = el.get("id")
        project.links[link_id] = AlignmentLink(link_id, tuple(a), tuple(b),
                                               float(el.get("score")),
                                               status_of[el.get("status")], el.get("method"),
                                               text_of(el.find(Q + "note")))
    for el in root.iterfind(Q + "claims/" + Q + "claim"):
        project.put_claim(_claim_from(el))
    for el in root.iterfind(Q + "claimLinks/" + Q + "claimLink"):
        project.put_claim_link(_claim_link_from(el))
    for el in root.iterfind(Q + "orphans/" + Q + "claim"):
        project.orphans[el.get("id")] = _claim_from(el)
    for el in root.iterfind(Q + "orphans/" + Q + "claimLink"):
        project.orphan_links[el.get("id")] = _claim_link_from(el)
    read_assist(root, project)
    read_reviewed(root, project)
    return project


def _claim_from(el: etree._Element) -> Claim:
    return Claim(
        el.get("id"),
        el.get("doc"),
        el.get("type"),
        as_int(el.get("start")),
        as_int(el.get("end")),
        text_of(el.find(Q + "exact")),
        text_of(el.find(Q + "prefix")),
        text_of(el.find(Q + "suffix")),
        tuple((a.get("name"), text_of(a)) for a in el.iterfind(Q + "attr")),
        text_of(el.find(Q + "note")),
    )


def _claim_link_from(el: etree._Element) -> ClaimLink:
    return ClaimLink(
        el.get("id"), el.get("source"), el.get("target"), el.get("relation"),
        text_of(el.find(Q + "note")),
    )


def default_taxonomy() -> Taxonomy:
    """The taxonomy shipped in annotator/resources/taxonomy/default.xml."""
    return read_taxonomy(resource_bytes("taxonomy/default.xml"))
