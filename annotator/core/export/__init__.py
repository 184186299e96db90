"""Interchange exports of a project: TEI, Web Annotation JSON-LD, CSV, XCES, HTML report.

Each format is a pure `Project -> bytes` function; `EXPORTERS` lists them by name with a file
suffix and a description, so the CLI and the GUI's File > Export menu offer the same set.
`Exporter.write` writes atomically (a failed export never leaves half a file) and returns
every path it wrote: XCES also writes the two sentence files its alignment points into.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..annotations import Project
from ..atomic import atomic_write_bytes
from .csvexport import alignment_csv, claim_links_csv, claims_csv
from .html_report import project_to_html
from .tei import project_to_tei
from .webanno import project_to_jsonld
from .xces import document_to_ces_doc, project_to_ces_align, sentence_doc_name


class ExportError(Exception):
    """An export could not be written; the message is for the user."""


@dataclass(frozen=True)
class Exporter:
    name: str
    suffix: str  # with the dot, e.g. ".tei.xml"
    description: str
    render: Callable[[Project], bytes]
    media_type: str = "application/octet-stream"

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
    def write(self, project: Project, path: str | Path) -> list[Path]:
        """cesAlign at `path`, plus `<stem>.<doc>.xml` sentence files beside it."""
        path = Path(path)
        names = [sentence_doc_name(path, d) for d in (project.doc_a, project.doc_b)]
        files = [(path.with_name(names[0]), document_to_ces_doc(project.doc_a)),
                 (path.with_name(names[1]), document_to_ces_doc(project.doc_b)),
                 (path, project_to_ces_align(project, names[0], names[1]))]
        try:
            for target, data in files:
                atomic_write_bytes(target, data)
        except OSError as exc:
            raise ExportError(f"{path}: cannot be written ({exc.strerror or exc}).") from exc
        return [p for p, _ in files]


EXPORTERS: dict[str, Exporter] = {
    e.name: e
    for e in (
        Exporter("tei", ".tei.xml", "TEI P5 stand-off XML (texts, claims, taxonomy, links)",
                 project_to_tei, "application/tei+xml"),
        Exporter("jsonld", ".jsonld", "W3C Web Annotation JSON-LD (claims and links)",
                 project_to_jsonld, "application/ld+json"),
        Exporter("csv-claims", ".claims.csv", "CSV table of claims", claims_csv, "text/csv"),
        Exporter("csv-claim-links", ".claim-links.csv",
                 "CSV table of claim links with both claims", claim_links_csv, "text/csv"),
        Exporter("csv-alignment", ".alignment.csv",
                 "CSV table of alignment links with both passages", alignment_csv, "text/csv"),
        _XcesExporter("xces", ".ces.xml",
                      "XCES cesAlign sentence alignment (+ two sentence files)",
                      project_to_ces_align, "application/xml"),
        Exporter("html", ".html", "Self-contained HTML report", project_to_html, "text/html"),
    )
}


def exporter_for_path(path: str | Path) -> Exporter | None:
    """The exporter whose suffix the file name ends with (longest suffix wins)."""
    name = Path(path).name.lower()
    matches = [e for e in EXPORTERS.values() if name.endswith(e.suffix)]
    return max(matches, key=lambda e: len(e.suffix), default=None)


__all__ = ["EXPORTERS", "ExportError", "Exporter", "exporter_for_path"]
