"""The export registry and the `annotator export` subcommand."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from annotator.cli import main as cli_main
from annotator.core import save_project
from annotator.core.export import EXPORTERS, Exporter, ExportError, exporter_for_path

from .export_sample import sample_project


def test_registry_lists_every_format_with_distinct_suffixes() -> None:
    assert set(EXPORTERS) == {"tei", "jsonld", "claimreview", "csv-claims", "csv-claim-links",
                              "csv-alignment", "csv-flags", "xces", "brat", "xmi", "html"}
    suffixes = [e.suffix for e in EXPORTERS.values()]
    assert len(set(suffixes)) == len(suffixes)
    for name, exporter in EXPORTERS.items():
        assert exporter.name == name and exporter.description and exporter.suffix.startswith(".")
        assert exporter_for_path(f"study{exporter.suffix}") is exporter


def test_every_exporter_writes_its_files(tmp_path: Path) -> None:
    project = sample_project()
    for exporter in EXPORTERS.values():
        written = exporter.write(project, tmp_path / f"out{exporter.suffix}")
        assert written and all(p.stat().st_size > 0 for p in written)
    assert not list(tmp_path.glob(".*.tmp"))  # atomic writer cleaned up after itself


def test_failed_export_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    target.write_bytes(b"previous")

    def broken(_project: object) -> bytes:
        raise ValueError("boom")

    exporter = replace(EXPORTERS["html"], render=broken)
    with pytest.raises(ValueError):
        exporter.write(sample_project(), target)
    assert target.read_bytes() == b"previous"
    with pytest.raises(ExportError):
        EXPORTERS["tei"].write(sample_project(), tmp_path / "missing-dir" / "x.tei.xml")
    assert isinstance(EXPORTERS["tei"], Exporter)


@pytest.fixture
def project_file(tmp_path: Path) -> Path:
    path = tmp_path / "pair.xml"
    save_project(sample_project(), path)
    return path


def test_cli_export_to_file_dir_and_stdout(project_file: Path, tmp_path: Path,
                                           capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    out = tmp_path / "x.jsonld"
    assert cli_main(["export", str(project_file), "--format", "jsonld", "-o", str(out)]) == 0
    assert json.loads(out.read_text("utf-8"))["type"] == "AnnotationCollection"
    assert cli_main(["export", str(project_file), "-f", "tei"]) == 0  # beside the project
    assert (tmp_path / "pair.tei.xml").exists()
    capsysbinary.readouterr()
    assert cli_main(["export", str(project_file), "-f", "csv-claims", "-o", "-"]) == 0
    assert capsysbinary.readouterr().out.startswith(b"id,doc,type,")
    folder = tmp_path / "all"
    assert cli_main(["export", str(project_file), "-f", "all", "-o", str(folder)]) == 0
    names = {p.name for p in folder.iterdir()}
    assert {f"pair{e.suffix}" for e in EXPORTERS.values()} <= names
    assert {"pair.ces.A.xml", "pair.ces.B.xml"} <= names


def test_cli_export_bad_input_is_an_error_not_a_traceback(
        tmp_path: Path, project_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_text("<annotationSet><oops></annotationSet>")
    assert cli_main(["export", str(bad), "-f", "tei"]) == 2
    assert "error:" in capsys.readouterr().err
    assert not (tmp_path / "bad.tei.xml").exists()
    assert cli_main(["export", str(tmp_path / "nope.xml"), "-f", "html"]) == 2
    target = tmp_path / "no" / "such" / "dir" / "r.html"
    assert cli_main(["export", str(project_file), "-f", "html", "-o", str(target)]) == 2
    assert cli_main(["export", str(project_file), "-f", "all", "-o", "-"]) == 2
    with pytest.raises(SystemExit):
        cli_main(["export", str(project_file), "-f", "docx"])
