"""brat .ann and INCEpTION .xmi imports read their files like every other input (regular
files only, a size cap) and, for XML, refuse a DOCTYPE as the project reader does."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from annotator.core.export import EXPORTERS, importing
from annotator.core.export.brat import import_brat
from annotator.core.export.importing import ClaimImportError
from annotator.core.export.xmi import import_xmi

from .export_sample import sample_project

ENTITIES = (b'<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
            b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n')


def exported(tmp_path: Path, fmt: str) -> Path:
    folder = tmp_path / f"pair.{fmt}"
    EXPORTERS[fmt].write(sample_project(), folder)
    return folder


def test_xmi_with_a_doctype_is_refused(tmp_path: Path) -> None:
    xmi = exported(tmp_path, "xmi") / "A.xmi"
    body = xmi.read_bytes()
    body = body[body.index(b"<xmi:XMI"):]  # drop the XML declaration, put a DOCTYPE first
    xmi.write_bytes(ENTITIES + body)
    with pytest.raises(ClaimImportError, match=r"A\.xmi: a DOCTYPE is not allowed"):
        import_xmi(sample_project(), "A", xmi)


def test_type_system_with_a_doctype_is_refused(tmp_path: Path) -> None:
    folder = exported(tmp_path, "xmi")
    ts = folder / "TypeSystem.xml"
    body = ts.read_bytes()
    ts.write_bytes(ENTITIES + body[body.index(b"<typeSystemDescription"):])
    with pytest.raises(ClaimImportError, match=r"TypeSystem\.xml: a DOCTYPE is not allowed"):
        import_xmi(sample_project(), "A", folder / "A.xmi")


@pytest.mark.parametrize("fmt, name", [("xmi", "A.xmi"), ("brat", "A.ann"), ("brat", "A.txt")])
def test_imports_have_a_size_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                 fmt: str, name: str) -> None:
    folder = exported(tmp_path, fmt)
    with (folder / name).open("ab") as padded:  # bigger than the limit, the others within
        padded.write(b"\n" * 300_000)
    monkeypatch.setattr(importing, "MAX_INPUT_BYTES", 200_000)
    importer = import_xmi if fmt == "xmi" else import_brat
    source = folder / ("A.xmi" if fmt == "xmi" else "A.ann")
    with pytest.raises(ClaimImportError, match=rf"{re.escape(name)}: .* is over the .* limit"):
        importer(sample_project(), "A", source)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_not_waited_on(tmp_path: Path) -> None:
    folder = exported(tmp_path, "brat")
    (folder / "A.ann").unlink()
    os.mkfifo(folder / "A.ann")
    with pytest.raises(ClaimImportError, match=r"A\.ann: is a named pipe"):
        import_brat(sample_project(), "A", folder / "A.ann")
