"""Issue 14.5: control characters or undecodable bytes in a file name never break a save."""

from __future__ import annotations

import os
from pathlib import Path

from annotator.core import Document, new_project, read_project, save_project

from .helpers import TEXT_A, TEXT_B, cli


def _named(tmp_path: Path, raw_name: bytes) -> Path:
    path = Path(os.fsdecode(os.path.join(os.fsencode(tmp_path), raw_name)))
    path.write_text(TEXT_A, encoding="utf-8")
    return path


def test_control_character_in_a_file_name_saves(tmp_path: Path) -> None:
    path = _named(tmp_path, b"bell\x07tab\x01.txt")
    project = new_project(Document.load(path, "A"), Document.from_text("B", TEXT_B))
    save_project(project, tmp_path / "out.xml")
    source = read_project(tmp_path / "out.xml").doc_a.source
    assert source.endswith("bell\\x07tab\\x01.txt")


def test_undecodable_byte_in_a_file_name_saves(tmp_path: Path) -> None:
    path = _named(tmp_path, b"caf\xe9-latin1.txt")
    project = new_project(Document.load(path, "A"), Document.from_text("B", TEXT_B))
    save_project(project, tmp_path / "out.xml")
    assert read_project(tmp_path / "out.xml").doc_a.source.endswith("caf\\xe9-latin1.txt")


def test_cli_align_with_such_names_writes_the_project(tmp_path: Path) -> None:
    a = _named(tmp_path, b"a\x1b[31m\xff.txt")
    b = tmp_path / "b.txt"
    b.write_text(TEXT_B, encoding="utf-8")
    out = tmp_path / "out.xml"
    result = cli("align", os.fsdecode(a), str(b), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert read_project(out).doc_a.source.endswith("a\\x1b[31m\\xff.txt")
