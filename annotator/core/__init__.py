"""The Qt-free core: documents, alignment, the annotation model and the project XML.

Typical use::

    from annotator.core import Document, align, new_project, save_project, read_project

    a = Document.load("a.txt", "A")
    b = Document.load("b.txt", "B")
    project = new_project(a, b)
    project.replace_proposals(align(a, b))
    project.put_claim(project.make_claim("A", 0, 20, "quote"))
    save_project(project, "pair.xml")
    assert read_project("pair.xml") == project
"""

from __future__ import annotations

from .align import AlignOptions, Cancelled, WordOp, align, link_diff, word_diff
from .annotations import (
    AlignmentLink,
    AlignSettings,
    Claim,
    ClaimLink,
    LinkStatus,
    Project,
    ProjectError,
)
from .document import Document, Span
from .segment import Segment
from .stats import coverage
from .taxonomy import AttributeDef, ClaimType, RelationType, Taxonomy
from .textio import DocumentLoadError
from .xmlio import (
    ProjectFileError,
    default_taxonomy,
    project_to_bytes,
    read_project,
    read_taxonomy,
    save_project,
    validate_file,
)


def new_project(
    doc_a: Document, doc_b: Document, taxonomy: Taxonomy | None = None, name: str = ""
) -> Project:
    """An empty project over two documents, with the default taxonomy unless one is given."""
    return Project(doc_a, doc_b, taxonomy or default_taxonomy(), name)


__all__ = [
    "AlignOptions",
    "AlignSettings",
    "AlignmentLink",
    "AttributeDef",
    "Cancelled",
    "Claim",
    "ClaimLink",
    "ClaimType",
    "Document",
    "DocumentLoadError",
    "LinkStatus",
    "Project",
    "ProjectError",
    "ProjectFileError",
    "RelationType",
    "Segment",
    "Span",
    "Taxonomy",
    "WordOp",
    "align",
    "coverage",
    "default_taxonomy",
    "link_diff",
    "new_project",
    "project_to_bytes",
    "read_project",
    "read_taxonomy",
    "save_project",
    "validate_file",
    "word_diff",
]
