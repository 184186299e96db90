"""Claims from other annotation tools into a project: one entry point for the CLI and the GUI.

brat standoff (`.ann`, its `.txt` beside it) and UIMA CAS XMI from INCEpTION or WebAnno
(`.xmi`, its `TypeSystem.xml` beside it). The format is told by the file's suffix.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..annotations import Project
from ..edits.change import CLAIM, Change, Edit
from .brat import import_brat
from .importing import ClaimImportError, ImportReport
from .xmi import import_xmi

IMPORTERS: dict[str, tuple[str, Callable[[Project, str, Path], ImportReport]]] = {
    ".ann": ("brat standoff", import_brat),
    ".xmi": ("UIMA CAS XMI (INCEpTION, WebAnno)", import_xmi),
}


def import_claims(project: Project, doc_id: str, path: str | Path) -> ImportReport:
    """Add the claims in `path` to article `doc_id` of `project`; raises ClaimImportError."""
    path = Path(path)
    entry = IMPORTERS.get(path.suffix.lower())
    if entry is None:
        known = ", ".join(f"{suffix} ({name})" for suffix, (name, _) in IMPORTERS.items())
        raise ClaimImportError(f"{path.name}: claims can be imported from {known} files.")
    if doc_id not in (project.doc_a.id, project.doc_b.id):
        raise ClaimImportError(f"there is no article {doc_id!r}: choose A or B.")
    return entry[1](project, doc_id, path)


def import_edit(project: Project, doc_id: str, path: str | Path) -> tuple[Edit, ImportReport]:
    """The import as one edit (for the GUI's undo), worked out on a copy of the project, and
    its report; the project itself is not changed."""
    copy = project.snapshot()
    report = import_claims(copy, doc_id, path)
    changes = [Change(CLAIM, cid, None, copy.claims[cid]) for cid in report.added]
    text = f"Import {len(changes)} claims from {Path(path).name}"
    return Edit(text, changes, report.added[0] if report.added else ""), report


__all__ = ["IMPORTERS", "ClaimImportError", "ImportReport", "import_claims", "import_edit"]
