"""Interchange exports of a project: TEI, Web Annotation JSON-LD, ClaimReview, CSV, XCES,
brat, UIMA CAS XMI (INCEpTION), HTML report.

Each format is a pure `Project -> bytes` function (or, for the formats made of several files,
`Project -> {name: bytes}`); `EXPORTERS` lists them by name with a file suffix and a
description, so the CLI and the GUI's File > Export menu offer the same set. `Exporter.write`
writes atomically (a failed export never leaves half a file) and returns every path it wrote:
XCES also writes the two sentence files its alignment points into; brat and XMI write a folder.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from ..annotations import Project
from ..atomic import atomic_write_bytes
from .brat import brat_files
from .claimreview import project_to_claimreview
from .csvexport import alignment_csv, claim_links_csv, claims_csv
from .flags import flags_csv
from .html_report import project_to_html
from .tei import project_to_tei
from .webanno import project_to_jsonld
from .xces import document_to_ces_doc, project_to_ces_align, sentence_doc_name
from .xmi import xmi_files


class ExportError(Exception):
    """An export could not be written; the message is for the user."""


@dataclass(frozen=True)
class Exporter:
    name: str
    suffix: str  # with the dot, e.g. ".tei.xml"
    description: str
    render: Callable[[Project], bytes]
    media_type: str = "application/octet-stream"

    @property
    def single_file(self) -> bool:
        """Whether the export is one file (so it can go to stdout)."""
        return True

    def targets(self, project: Project, path: str | Path) -> list[Path]:
        """Every file `write` would write for `path` (a caller checks none is precious)."""
        return [Path(path)]

    def write(self, project: Project, path: str | Path) -> list[Path]:
        """Write the export to `path` atomically; returns every file written."""
        path = Path(path)
        try:
            atomic_write_bytes(path, self.render(project))
        except OSError as exc:
            raise ExportError(f"{path}: cannot be written ({exc.strerror or exc}).") from exc
        return [path]


@dataclass(frozen=True)
class _XcesExporter(Exporter):
    def targets(self, project: Project, path: str | Path) -> list[Path]:
        """The two sentence files beside `path`, then `path` (the cesAlign file)."""
        path = Path(path)
        return [path.with_name(sentence_doc_name(path, d)) for d in (project.doc_a,
                                                                      project.doc_b)] + [path]

    def write(self, project: Project, path: str | Path) -> list[Path]:
        """cesAlign at `path`, plus `<stem>.<doc>.xml` sentence files beside it."""
        path = Path(path)
        doc_a, doc_b, _ = targets = self.targets(project, path)
        files = list(zip(targets, (document_to_ces_doc(project.doc_a),
                                   document_to_ces_doc(project.doc_b),
                                   project_to_ces_align(project, doc_a.name, doc_b.name)),
                         strict=True))
        try:
            for target, data in files:
                atomic_write_bytes(target, data)
        except OSError as exc:
            raise ExportError(f"{path}: cannot be written ({exc.strerror or exc}).") from exc
        return [p for p, _ in files]

    @property
    def single_file(self) -> bool:
        return False


def _no_single_file(project: Project) -> bytes:
    raise ValueError("this export is a folder of files, not one file")


@dataclass(frozen=True)
class FolderExporter(Exporter):
    """An export made of several files, written into a folder at `path`."""

    files: Callable[[Project], dict[str, bytes]] = lambda project: {}

    @property
    def single_file(self) -> bool:
        return False

    def targets(self, project: Project, path: str | Path) -> list[Path]:
        return [Path(path) / name for name in self.files(project)]

    def write(self, project: Project, path: str | Path) -> list[Path]:
        path = Path(path)
        try:
            contents = self.files(project)
            path.mkdir(parents=True, exist_ok=True)
            written = []
            for name, data in contents.items():
                atomic_write_bytes(path / name, data)
                written.append(path / name)
        except OSError as exc:
            raise ExportError(f"{path}: cannot be written ({exc.strerror or exc}).") from exc
        return written


EXPORTERS: dict[str, Exporter] = {
    e.name: e
    for e in (
        Exporter("tei", ".tei.xml", "TEI P5 stand-off XML (texts, claims, taxonomy, links)",
                 project_to_tei, "application/tei+xml"),
        Exporter("jsonld", ".jsonld", "W3C Web Annotation JSON-LD (claims and links)",
                 project_to_jsonld, "application/ld+json"),
        Exporter("claimreview", ".claimreview.jsonld",
                 "schema.org ClaimReview JSON-LD for claims with a verdict",
                 project_to_claimreview, "application/ld+json"),
        Exporter("csv-claims", ".claims.csv", "CSV table of claims", claims_csv, "text/csv"),
        Exporter("csv-claim-links", ".claim-links.csv",
                 "CSV table of claim links with both claims", claim_links_csv, "text/csv"),
        Exporter("csv-alignment", ".alignment.csv",
                 "CSV table of alignment links with both passages", alignment_csv, "text/csv"),
        _XcesExporter("xces", ".ces.xml",
                      "XCES cesAlign sentence alignment (+ two sentence files)",
                      project_to_ces_align, "application/xml"),
        FolderExporter("brat", ".brat", "brat standoff folder (.txt + .ann per article)",
                       _no_single_file, "text/plain", files=brat_files),
        FolderExporter("xmi", ".xmi", "UIMA CAS XMI folder for INCEpTION (.xmi per article)",
                       _no_single_file, "application/xml", files=xmi_files),
        Exporter("html", ".html", "Self-contained HTML report", project_to_html, "text/html"),
        Exporter("csv-flags", ".flags.csv",
                 "CSV table of discrepancy flags with both sides", flags_csv, "text/csv"),
    )
}


def raw_csv(exporters: dict[str, Exporter]) -> dict[str, Exporter]:
    """The same exporters with the CSV ones writing cells exactly (no formula protection)."""
    raw = {claims_csv, claim_links_csv, alignment_csv, flags_csv}
    return {name: replace(e, render=partial(e.render, raw=True)) if e.render in raw else e
            for name, e in exporters.items()}


def exporter_for_path(path: str | Path) -> Exporter | None:
    """The exporter whose suffix the file name ends with (longest suffix wins)."""
    name = Path(path).name.lower()
    matches = [e for e in EXPORTERS.values() if name.endswith(e.suffix)]
    return max(matches, key=lambda e: len(e.suffix), default=None)


__all__ = ["EXPORTERS", "ExportError", "Exporter", "FolderExporter", "exporter_for_path",
           "raw_csv"]
