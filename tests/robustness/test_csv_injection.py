"""Issue 14.9: CSV cells a spreadsheet would run as formulas are neutralised unless raw."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from annotator.core import AlignmentLink, ClaimLink, Document, Span, new_project
from annotator.core.export import EXPORTERS, raw_csv
from annotator.core.export.csvexport import claims_csv

HOSTILE = ['=HYPERLINK("http://evil.example","x")', "+1+cmd|' /C calc'!A0", "-2+3",
           "@SUM(1,2)", "\tTAB", "\rCR"]


def _project():  # type: ignore[no-untyped-def]
    text = "\n".join(f"{cell} end." for cell in HOSTILE).replace("\r", "")
    project = new_project(Document.from_text("A", text), Document.from_text("B", "Other text."))
    start = 0
    for line in text.split("\n"):
        project.put_claim(project.make_claim("A", start, start + len(line) - 5, "quote",
                                             note="=1+1"))
        start += len(line) + 1
    return project


def _cells(data: bytes, column: str) -> list[str]:
    return [row[column] for row in csv.DictReader(io.StringIO(data.decode("utf-8")))]


def test_formula_cells_get_an_apostrophe_by_default() -> None:
    cells = _cells(claims_csv(_project()), "exact")
    assert cells and all(cell.startswith("'") for cell in cells if cell[:1] in "=+-@\t")
    assert cells[0] == "'" + HOSTILE[0]
    assert set(_cells(claims_csv(_project()), "note")) == {"'=1+1"}


def test_raw_keeps_the_exact_text() -> None:
    cells = _cells(claims_csv(_project(), raw=True), "exact")
    assert cells[:5] == HOSTILE[:5]


def _linked_project():  # type: ignore[no-untyped-def]
    project = _project()
    project.put_claim(project.make_claim("B", 0, 5, "quote", claim_id="b1"))
    project.put_claim_link(ClaimLink("r1", "c1", "b1", "same", "@note"))
    project.put_link(AlignmentLink("l1", (Span(0, 10),), (Span(0, 5),), 0.9))
    return project


@pytest.mark.parametrize(("name", "column", "hostile"), [
    ("csv-claims", "exact", HOSTILE[0]),
    ("csv-claim-links", "note", "@note"),
    ("csv-alignment", "a_text", HOSTILE[0][:10]),
])
def test_every_csv_exporter_protects_and_has_a_raw_twin(name: str, column: str,
                                                        hostile: str) -> None:
    project = _linked_project()
    safe = _cells(EXPORTERS[name].render(project), column)
    raw = _cells(raw_csv(EXPORTERS)[name].render(project), column)
    assert hostile in raw and hostile not in safe and "'" + hostile in safe


def test_cli_export_protects_by_default_and_raw_csv_keeps_the_text(tmp_path: Path) -> None:
    from annotator.core import save_project

    from .helpers import cli

    save_project(_linked_project(), tmp_path / "pair.xml")
    safe = cli("export", str(tmp_path / "pair.xml"), "-f", "csv-claims", "-o", "-")
    raw = cli("export", str(tmp_path / "pair.xml"), "-f", "csv-claims", "-o", "-", "--raw-csv")
    assert safe.returncode == raw.returncode == 0
    assert _cells(safe.stdout.encode(), "exact")[0] == "'" + HOSTILE[0]
    assert _cells(raw.stdout.encode(), "exact")[0] == HOSTILE[0]
